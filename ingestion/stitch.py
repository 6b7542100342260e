"""Stitch a record's documents, in date order, into prompts that fit the token budget.

Each document is a header (number, type, date) and its passages, one per line, labelled
[P12]; a table row far from its header row comes after a line naming its columns (the lines
themselves are written by ingestion/record_format.py, the format's one owner). Whole
documents are packed greedily; a document larger than a prompt is split at passage boundaries,
never inside a passage. Token counts come from the caller's counter
(the engine's tokenizer, or an estimate), and every finished prompt is counted again as a
whole, since a tokenizer need not be additive across the pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingestion.headers import cells
from ingestion.models import Document, Passage, Prompt
from ingestion.record_format import columns_line as _columns_line
from ingestion.record_format import document_header as _document_header
from ingestion.record_format import passage_line as _passage_line

TokenCounter = Callable[[str], int]


def order_documents(documents: Sequence[Document]) -> list[Document]:
    """Dated documents oldest first, then undated ones; ties keep upload order."""
    return sorted(documents, key=lambda d: (d.date is None, d.date or 0, d.upload_index))


def passage_line(passage: Passage) -> str:
    """A passage as the prompt shows it: its de-identified text only."""
    return _passage_line(passage.id, passage.safe_text)


def columns_line(passage: Passage) -> str:
    """A table row's column names, on a line of their own before it: context, not a passage."""
    return _columns_line(passage.columns)


def _lines(passages: Sequence[Passage], count_tokens: TokenCounter) -> list[tuple[Passage, str, int]]:
    """The passages' lines; a table row whose header row is not the line just before it (the
    header is pages back, or a PDF drew it after its rows) comes after its column names."""
    lines = []
    shown = ""  # the column names the prompt showed last: a header row, or a context line
    for p in passages:
        line = passage_line(p)
        if p.columns and p.columns != shown:
            line = columns_line(p) + line
        shown = p.columns or " | ".join(cells(p.safe_text))
        lines.append((p, line, count_tokens(line)))
    return lines


def document_header(number: int, doc: Document, continued: bool = False) -> str:
    """Number, type and date (shifted like every date the model sees); never the file name."""
    return _document_header(number, doc.doc_type.label, doc.prompt_date, continued)


@dataclass(slots=True)
class _Unit:
    """A document's part to place: its header and passage lines with their token counts."""

    doc: int
    header: str
    header_tokens: int
    lines: list[tuple[Passage, str, int]]
    line_tokens: int = -1  # the lines' sum, kept as lines are added: re-summing per line was quadratic

    def __post_init__(self) -> None:
        if self.line_tokens < 0:
            self.line_tokens = sum(t for _, _, t in self.lines)

    def add(self, line: tuple[Passage, str, int]) -> None:
        self.lines.append(line)
        self.line_tokens += line[2]

    @property
    def tokens(self) -> int:
        return self.header_tokens + self.line_tokens + 1  # +1: the blank line after


def stitch(
    documents: Sequence[Document],
    passages: Sequence[Passage],
    count_tokens: TokenCounter,
    budget: int,
) -> list[Prompt]:
    """Prompts of at most `budget` tokens each holding the documents' passages in order.

    `documents` come in stitch order and `passages` carry indexes into it.
    """
    by_doc: dict[int, list[Passage]] = {}
    for passage in passages:
        by_doc.setdefault(passage.doc, []).append(passage)
    units = []
    for index, doc in enumerate(documents):
        header = document_header(index + 1, doc)
        lines = _lines(by_doc.get(index, []), count_tokens)
        units.append(_Unit(index, header, count_tokens(header), lines))

    limit = budget
    for _ in range(32):
        groups = _pack(units, documents, count_tokens, limit)
        prompts = [_render(group, documents, count_tokens) for group in groups]
        over = [(sum(u.tokens for u in g), p.tokens - budget) for g, p in zip(groups, prompts) if p.tokens > budget]
        if not over:
            return prompts
        # The whole counted more than its parts: pack so that each overfull prompt loses what it overshot.
        limit = min(limit - 1, *(packed - excess for packed, excess in over))
    raise ValueError(f"could not pack the record into prompts of {budget} tokens")


def _pack(units: list[_Unit], documents: Sequence[Document], count_tokens: TokenCounter, limit: int) -> list[list[_Unit]]:
    groups: list[list[_Unit]] = [[]]
    used = 0
    for unit in units:
        if unit.tokens <= limit - used:
            groups[-1].append(unit)
            used += unit.tokens
            continue
        if groups[-1]:
            groups.append([])
            used = 0
        if unit.tokens <= limit:
            groups[-1].append(unit)
            used = unit.tokens
            continue
        for part in _split(unit, documents, count_tokens, limit):
            if groups[-1]:
                groups.append([])
            groups[-1].append(part)
            used = part.tokens
    return [g for g in groups if g]


def _split(unit: _Unit, documents: Sequence[Document], count_tokens: TokenCounter, limit: int) -> list[_Unit]:
    """A document too large for one prompt, in parts that each fit, cut between passages."""
    parts = [unit_part := _Unit(unit.doc, unit.header, unit.header_tokens, [])]
    for line in unit.lines:
        if unit_part.lines and unit_part.tokens + line[2] > limit:
            header = document_header(unit.doc + 1, documents[unit.doc], continued=True)
            unit_part = _Unit(unit.doc, header, count_tokens(header), [])
            parts.append(unit_part)
            if line[0].columns and not line[1].startswith(columns_line(line[0])):  # a table goes on in the next prompt
                text = columns_line(line[0]) + line[1]
                line = (line[0], text, count_tokens(text))
        if unit_part.tokens + line[2] > limit:
            raise ValueError(f"passage {line[0].id} alone exceeds the prompt budget of {limit} tokens")
        unit_part.add(line)
    return parts


def _render(group: list[_Unit], documents: Sequence[Document], count_tokens: TokenCounter) -> Prompt:
    text = "\n".join(unit.header + "".join(line for _, line, _ in unit.lines) for unit in group)
    return Prompt(
        text=text,
        tokens=count_tokens(text),
        passage_ids=[p.id for unit in group for p, _, _ in unit.lines],
        documents=sorted({unit.doc for unit in group}),
    )
