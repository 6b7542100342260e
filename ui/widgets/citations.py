"""A summary's statements with their citation chips, and the source panel a chip opens.

Chips are numbered [n] in order of first appearance over the whole summary, as the Markdown
export numbers its sources, so a clinician can match the screen and the printout.
"""

from __future__ import annotations

import html

import streamlit as st

from app.context import AppContext, User
from app.output import citation_numbers
from app.sources import source_of
from app.store.summaries import LOW_CONFIDENCE, SummaryView
from ui.text import literal


def statements(view: SummaryView) -> None:
    """Sections of statements, each with its chips; an unsupported statement is marked with the reason."""
    marks = citation_numbers(view)
    for title, items in view.sections:
        if view.kind == "summary":
            st.markdown(f"#### {literal(title)}")
        for i, s in enumerate(items):
            with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                st.markdown(("- " if view.kind == "summary" else "") + literal(s.text), width="content")
                for c in s.citations:
                    n = marks[c.passage_id]
                    if st.button(f"[{n}]", key=f"chip-{view.id}-{title}-{i}-{c.passage_id}", type="tertiary",
                                 help=(f"Open source {n} ({c.passage_id})" + (f", {LOW_CONFIDENCE}" if c.low_confidence else ""))
                                 if c.file else f"{c.passage_id} is not a passage of this record",
                                 disabled=c.file is None):
                        st.session_state["source"] = (view.id, c.passage_id, n)
            if not s.supported:
                st.warning(f"Unsupported: {s.reason}", icon=":material/warning:")
    for problem in view.problems:
        st.caption(f"Note: {problem}")


# The column holding the source panel stays in view while the statements scroll: a chip far down the
# summary opens its source beside it, not at the top of the page.
_STICKY = """<style>
[data-testid="stColumn"]:has(.st-key-source-panel) {
  position: sticky; top: 3.75rem; align-self: flex-start; max-height: calc(100vh - 5rem); overflow-y: auto;
}
</style>"""


def source_panel(ctx: AppContext, me: User, view: SummaryView) -> None:
    """The cited page with the passage highlighted, the passage with its neighbours, and where it is from."""
    chosen = st.session_state.get("source")
    if not chosen or chosen[0] != view.id:
        st.caption("Click a citation such as [1] to see its source passage highlighted on its page.")
        return
    _, passage_id, n = chosen
    try:
        source = source_of(ctx.store, view.id, passage_id, actor=me.name)
    except LookupError as problem:
        st.error(str(problem))
        return
    st.html(_STICKY)
    with st.container(border=True, key="source-panel"):
        st.markdown(f"**Source [{n}]** · {literal(source.file)}")
        st.caption(f"{source.doc_type_label} · {source.date or 'undated'} · page {source.page} of {source.pages}"
                   + (f" · OCR {source.ocr_confidence:.0f} %" if source.ocr and source.ocr_confidence is not None else "")
                   + f" · {passage_id}")
        if source.low_confidence:
            st.warning(f"This page was {LOW_CONFIDENCE}.", icon=":material/warning:")
        around = [html.escape(t) for t in (source.before, source.text, source.after)]
        st.markdown(
            "<div class='source-text'>" + (f"<span>{around[0]}</span> " if source.before else "")
            + f"<mark>{around[1]}</mark>" + (f" <span>{around[2]}</span>" if source.after else "") + "</div>",
            unsafe_allow_html=True,
        )
        if source.image is not None:
            st.image(source.image, caption=f"Page {source.page}, source [{n}] highlighted", width="stretch",
                     output_format="PNG")  # lossless: the highlight's edges stay sharp
        else:
            st.caption("A text file has no page image: the passage is highlighted in its text above.")
