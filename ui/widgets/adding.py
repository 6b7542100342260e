"""Adding files to a patient's record, with its progress and one line per file."""

from __future__ import annotations

import streamlit as st

from app.context import AppContext, User
from app.uploads import FileOutcome, Upload, add_files
from ui.text import literal

STEPS = {"loading": "Loading the files (text layers, OCR of scans)…", "de-identifying": "De-identifying…",
         "stitching": "Stitching the record in date order…", "storing": "Storing (encrypted)…"}
# Material icons ship with Streamlit: no emoji font needed (thin clients often lack one).
ICONS = {"added": ":green[:material/check_circle:]", "duplicate": ":blue[:material/content_copy:]",
         "error": ":red[:material/error:]"}


def add_and_report(ctx: AppContext, me: User, patient_id: int, uploads: list[Upload]) -> list[FileOutcome]:
    """Add the files under a live status; the outcomes stay on the page (session state) until the next upload."""
    with st.status(f"Adding {len(uploads)} file{'s' * (len(uploads) != 1)}…", expanded=True) as status:
        bar = st.progress(0.0)
        order = list(STEPS)

        def step(name: str) -> None:
            st.write(STEPS.get(name, name))
            if name in order:
                bar.progress((order.index(name) + 1) / (len(order) + 1))

        result = add_files(ctx.store, ctx.settings, ctx.engine, patient_id, uploads, actor=me.name, on_step=step)
        bar.progress(1.0)
        failed = sum(o.status == "error" for o in result.files)
        added = sum(o.status == "added" for o in result.files)
        label = f"Added {added} of {len(uploads)} file{'s' * (len(uploads) != 1)}" + (f"; {failed} could not be read" if failed else "")
        status.update(label=label, state="error" if failed and not added else "complete", expanded=False)
    st.session_state["uploaded"] = result.files
    return result.files


def show_outcomes(outcomes: list[FileOutcome]) -> None:
    """One line per file: added (pages, OCR, identifiers replaced), already there, or why it failed."""
    for outcome in outcomes:
        with st.container(border=True):
            st.markdown(f"{ICONS[outcome.status]} **{literal(outcome.name)}**")
            if outcome.status == "added":
                phi = ", ".join(f"{count} {kind.replace('_', ' ').lower()}" for kind, count in sorted(outcome.phi.items()))
                st.caption(f"{outcome.pages} page{'s' * (outcome.pages != 1)}"
                           + (f", {outcome.ocr_pages} read by OCR" if outcome.ocr_pages else "")
                           + f" · identifiers replaced: {phi or 'none found'}")
            for message in outcome.messages:
                (st.error if outcome.status == "error" else st.warning)(literal(message))  # it names the file
