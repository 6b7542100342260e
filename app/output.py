"""A shown summary as the CLI prints it: one JSON object, or Markdown with a sources list."""

from __future__ import annotations

from typing import Any

from app.store.summaries import SummaryView


def summary_json(view: SummaryView) -> dict[str, Any]:
    return {
        "kind": view.kind,
        **({"question": view.question} if view.question else {}),
        "sections": [
            {"title": title, "statements": [
                {"text": s.text, "citations": [c.as_dict() for c in s.citations], "supported": s.supported,
                 "score": round(s.score, 3), "reason": s.reason}
                for s in statements
            ]}
            for title, statements in view.sections
        ],
        "problems": view.problems,
        "record": view.record,
        "engine": view.engine,
        "usage": view.usage,
    }


def summary_markdown(view: SummaryView) -> str:
    """Sections of statements with [n] markers, flags on unsupported ones, then the sources quoted."""
    sources: dict[str, int] = {}
    quoted = []
    lines = []
    if view.question:
        lines += [f"# Answer: {view.question}", ""]
    for title, statements in view.sections:
        lines.append(f"## {title}")
        for s in statements:
            marks = []
            for c in s.citations:
                if c.passage_id not in sources:
                    sources[c.passage_id] = len(sources) + 1
                    quoted.append(c)
                marks.append(f"[{sources[c.passage_id]}]")
            flag = "" if s.supported else f" ⚠ unsupported: {s.reason}"
            lines.append(f"- {s.text} {' '.join(marks)}".rstrip() + flag)
        lines.append("")
    if quoted:
        lines.append("## Sources")
        for c in quoted:
            if c.file is None:
                lines.append(f"[{sources[c.passage_id]}] {c.passage_id}: not a passage of this record")
            else:
                quote = " ".join((c.quote or "").split())
                lines.append(f"[{sources[c.passage_id]}] {c.file}, page {c.page} ({c.passage_id}): “{quote}”")
        lines.append("")
    for problem in view.problems:
        lines.append(f"Note: {problem}")
    engine = view.engine
    lines.append(f"Written by the {engine.get('backend')} engine ({engine.get('model')}).")
    lines += [f"Note: {note}" for note in engine.get("notes", [])]
    return "\n".join(lines).rstrip() + "\n"
