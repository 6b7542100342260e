"""Record text shown as text: Markdown's metacharacters escaped, and `$`, which Streamlit reads as math."""

from __future__ import annotations

from app.output import md_text


def literal(text: str) -> str:
    return md_text(text).replace("$", "\\$")
