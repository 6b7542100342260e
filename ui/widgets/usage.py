"""One line under a summary: which engine wrote it, how long it took, how its statements were checked."""

from __future__ import annotations

import streamlit as st

from app.store.summaries import SummaryView
from app.verify.stages import checked_by


def usage_line(view: SummaryView) -> None:
    checked = [s for _, items in view.sections for s in items]
    flagged = sum(not s.supported for s in checked)
    usage = view.usage
    st.caption(
        f"Written by the {view.engine.get('backend')} engine ({view.engine.get('model')}) in "
        f"{usage.get('total_seconds') or 0:.1f} s · {usage.get('prompt_tokens') or 0:,} prompt and "
        f"{usage.get('completion_tokens') or 0:,} completion tokens · {len(checked)} statements, "
        + (f"{flagged} flagged unsupported" if flagged else "all supported by their sources")
    )
    st.caption(checked_by(view.verification))
