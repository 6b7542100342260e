"""A shown summary as the CLI prints it: one JSON object, or Markdown with a sources list.

File names, quotes, questions and model text are data, not markup: a file name with a newline
must not forge a line of the summary, nor `*x*` or `[x](y)` in it render as emphasis or a link.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from app.store.summaries import LOW_CONFIDENCE, CitationView, SummaryView
from app.verify.stages import checked_by

# Controls that break a line (CommonMark knows only \n and \r, renderers and terminals more): a space.
_BREAKS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029")
# Characters that open inline markup anywhere in a line: always escaped. `&` too, or `&#8238;`
# would render as the U+202E that printable() removed. Parentheses and `!` only make a link or an
# image after a `]` or before a `[`, both escaped, so "(68 y.o.)" stays readable in a terminal.
_INLINE = re.compile(r"([\\`*_{}\[\]<>|~&])")
# What starts a block only at the start of a line (a heading, a list, a rule, a setext underline).
_BLOCK_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])")


def printable(text: str) -> str:
    """`text` without control and format characters (Unicode Cc, Cf: NUL, ESC, U+202E ...); line breaks become spaces."""
    if text.isprintable():  # the common case, fast
        return text
    return "".join(" " if c in _BREAKS else "" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)


def md_text(text: str) -> str:
    """`text` as literal Markdown text on one line: printable, its metacharacters backslash-escaped."""
    text = _INLINE.sub(r"\\\1", printable(text))
    return _BLOCK_START.sub(lambda m: m[1] + m[2][:-1] + "\\" + m[2][-1], text)


def summary_json(view: SummaryView) -> dict[str, Any]:
    return {
        "kind": view.kind,
        **({"question": view.question} if view.question else {}),
        "sections": [
            {"title": title, "statements": [
                {"text": s.text, "citations": [{**c.as_dict(), "file": c.file and printable(c.file)} for c in s.citations], "supported": s.supported,
                 "score": round(s.score, 3), "reason": s.reason}
                for s in statements
            ]}
            for title, statements in view.sections
        ],
        "problems": view.problems,
        "record": view.record,
        "engine": view.engine,
        "usage": view.usage,
        "verification": view.verification,
    }


def _caveat(c: CitationView) -> str:
    return f" ({LOW_CONFIDENCE})" if c.low_confidence else ""


def citation_numbers(view: SummaryView) -> dict[str, int]:
    """Passage id -> its [n]: the order of first appearance over the whole summary, as in the Markdown."""
    numbers: dict[str, int] = {}
    for _, statements in view.sections:
        for s in statements:
            for c in s.citations:
                numbers.setdefault(c.passage_id, len(numbers) + 1)
    return numbers


def sources(view: SummaryView) -> list[tuple[int, CitationView]]:
    """Each cited passage once, with its number, in number order (the first citation of it stands for all)."""
    seen: dict[str, tuple[int, CitationView]] = {}
    numbers = citation_numbers(view)
    for _, statements in view.sections:
        for s in statements:
            for c in s.citations:
                seen.setdefault(c.passage_id, (numbers[c.passage_id], c))
    return sorted(seen.values(), key=lambda item: item[0])


def summary_markdown(view: SummaryView) -> str:
    """Sections of statements with [n] markers, flags on unsupported ones, then the sources quoted."""
    numbers = citation_numbers(view)
    lines = []
    if view.question:
        lines += [f"# Answer: {md_text(view.question)}", ""]
    for title, statements in view.sections:
        lines.append(f"## {md_text(title)}")
        for s in statements:
            marks = " ".join(f"[{numbers[c.passage_id]}]" for c in s.citations)
            flag = "" if s.supported else f" ⚠ unsupported: {md_text(s.reason)}"
            lines.append(f"- {md_text(s.text)} {marks}".rstrip() + flag)
        lines.append("")
    if quoted := sources(view):
        lines.append("## Sources")
        for n, c in quoted:
            if c.file is None:
                lines.append(f"[{n}] {md_text(c.passage_id)}: not a passage of this record")
            else:
                quote = md_text(" ".join((c.quote or "").split()))
                lines.append(f"[{n}] {md_text(c.file)}, page {c.page} ({md_text(c.passage_id)}): “{quote}”{_caveat(c)}")
        lines.append("")
    for problem in view.problems:
        lines.append(f"Note: {md_text(problem)}")
    engine = view.engine
    lines.append(f"Written by the {md_text(str(engine.get('backend')))} engine ({md_text(str(engine.get('model')))}). "
                 f"{md_text(checked_by(view.verification))}")
    lines += [f"Note: {md_text(note)}" for note in engine.get("notes", [])]
    return "\n".join(lines).rstrip() + "\n"
