"""Export: the open summary (or answer) as Markdown, as PDF with its sources, and as a FHIR R4 document Bundle."""

from __future__ import annotations

import streamlit as st

from app.export import summary_fhir, summary_pdf
from app.output import summary_markdown
from app.store.patients import documents_of
from app.store.summaries import view
from app.views import history
from ui import state

ctx = state.context()
me = state.user(ctx)
current = state.patient(ctx)
st.title("Export")
if current is None:
    st.write("Select a patient on the Patients page first.")
    st.stop()
done = [item for item in history(ctx.store, current.id) if item.summary_id is not None]
if not done:
    st.write("Nothing to export yet: generate a summary first.")
    st.stop()
labels = {item.summary_id: ("Summary" if item.kind == "summary" else f"Answer: {item.question}")
          + f" ({item.created_at:%Y-%m-%d %H:%M})" for item in done}
opened = st.session_state.get("open_summary")
chosen = st.selectbox("What to export", list(labels), format_func=labels.get,
                      index=list(labels).index(opened) if opened in labels else 0)
shown = view(ctx.store, chosen, actor=me.name)
stem = f"clinsum-{shown.kind}-{shown.id}"
st.caption("The files hold the patient's real names and dates: keep them where patient records may be kept.")


FORMATS = {"markdown": "Markdown", "pdf": "PDF", "fhir": "FHIR Bundle"}
_JUST_EXPORTED = "export_just_recorded"


def exported(kind: str) -> None:
    """One audit row per file taken away: the export is the action, not the page that offers it."""
    here = state.context()  # a callback runs before the page: this sets the run's audit session
    with here.store.transaction() as s:
        here.store.audit(s, me.name, "summary exported", current.id, shown.job_id, summary=shown.id, format=kind)
    st.session_state[_JUST_EXPORTED] = kind  # said below the buttons once the row is written


columns = st.columns(3)
columns[0].download_button("Markdown", summary_markdown(shown), f"{stem}.md", "text/markdown", on_click=exported, args=("markdown",),
                           icon=":material/description:")
columns[1].download_button("PDF", summary_pdf(shown), f"{stem}.pdf", "application/pdf", on_click=exported, args=("pdf",),
                           icon=":material/picture_as_pdf:")
columns[2].download_button("FHIR Bundle (JSON)", summary_fhir(shown, current.label, documents_of(ctx.store, current.id)),
                           f"{stem}.fhir.json", "application/fhir+json", on_click=exported, args=("fhir",), icon=":material/local_hospital:")
if kind := st.session_state.pop(_JUST_EXPORTED, None):  # the clinician (and a test) knows the trail holds it
    st.success(f"{FORMATS[kind]} file exported; the audit log records it.", icon=":material/task_alt:")
with st.expander("Preview (Markdown)"):
    st.code(summary_markdown(shown), language="markdown", wrap_lines=True)
