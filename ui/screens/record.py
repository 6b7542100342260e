"""Record: the documents in date order and what the model sees. Surrogates only, never real PHI."""

from __future__ import annotations

import streamlit as st

from app.pipeline import NothingLoaded, ingestion_settings, prepare_patient
from app.store.patients import documents_of
from app.views import current_record
from ui import state

ctx = state.context()
me = state.user(ctx)
current = state.patient(ctx)
st.title("Record")
if current is None:
    st.write("Select a patient on the Patients page first.")
    st.stop()
record = current_record(ctx.store, current.id)
if record is None:
    held = documents_of(ctx.store, current.id)
    if not held:
        st.write("This patient has no documents yet: add them on the Upload page.")
        st.stop()
    st.write(f"{len(held)} stored document{'s' * (len(held) != 1)}, not yet built into a record (a document was deleted or moved).")
    if st.button("Build the record", type="primary"):
        with st.spinner("Building the record…"):
            try:
                prepare_patient(ctx.settings, ctx.store, ctx.engine, current.id, actor=me.name)
            except NothingLoaded:
                st.error("None of the stored documents could be read.")
                st.stop()
        st.rerun()
    st.stop()

st.caption("This page shows the record as the model sees it: names, numbers and places replaced by surrogates, "
           "dates shifted. The Summary page shows the real values.")
st.subheader(f"{len(record.documents)} document{'s' * (len(record.documents) != 1)} in date order")
st.dataframe(
    [{"#": d.number, "Type": d.doc_type.replace("_", " "), "Date (shifted)": d.date.isoformat() if d.date else "undated",
      "Pages": d.pages, "OCR pages": d.ocr_pages,
      "OCR confidence": f"{d.ocr_confidence:.0f} %" if d.ocr_confidence is not None else "",
      "Passages": d.passages, "Identifiers replaced": sum(d.phi.values())} for d in record.documents],
    hide_index=True, width="stretch",
)
for notice in record.notices:
    st.warning(notice)
for error in record.errors:
    st.error(error)

st.subheader("What the model sees")
context = ctx.engine.context_length
budget = ingestion_settings(ctx.settings, ctx.engine).prompt_budget
biggest = max((tokens for tokens, _ in record.prompts), default=0)
st.write(f"{record.passages:,} passages, {record.tokens:,} tokens in {len(record.prompts)} prompt"
         f"{'s' * (len(record.prompts) != 1)}; the engine's context is {context:,} tokens, of which {budget:,} hold the record.")
st.progress(min(1.0, biggest / budget) if budget else 0.0,
            text=f"Largest prompt: {biggest:,} of {budget:,} tokens ({biggest / budget:.0%})" if budget else None)
for number, (tokens, text) in enumerate(record.prompts, 1):
    with st.expander(f"Prompt {number}: {tokens:,} tokens", expanded=len(record.prompts) == 1 and tokens < 20000):
        st.code(text, language=None, wrap_lines=True)
