"""The banner on every page: which engine writes the summaries, and what that means."""

from __future__ import annotations

import streamlit as st

from app.context import AppContext


def engine_banner(ctx: AppContext) -> None:
    described = ctx.engine.describe()
    if described.backend == "extractive":
        st.info(
            "**No language model is configured.** Summaries come from the extractive engine: sentences copied "
            "from the record by rules, each cited and checked, with no interpretation or synthesis. "
            "A hospital deployment configures a model (see the README).",
            icon=":material/info:",
        )
    else:
        st.caption(f"Engine: {described.backend} · {described.model} · context {described.max_context:,} tokens")
