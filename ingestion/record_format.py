"""The record format: the one place that writes, and reads back, the stitched record a prompt holds.

A record is documents in order, each a header line ("## Document 3 · Radiology · 2023-03-28",
"(continued)" after the number when a document goes on in the next prompt) and its passages, one
per line after their id in square brackets ("[P12] text", whitespace collapsed so a passage is one
line); a table row far from its header row comes after a "(table columns: A | B)" line.
ingestion/stitch.py packs prompts with these pieces; app/ reads citations with the id syntax here
and hands the engine the passages `read_record` finds, so nothing else restates the format.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

ID_PREFIX = "P"
ID_PATTERN = r"P\d+"  # a passage id where it is read (ids are written from P1 on)

_ID = re.compile(ID_PATTERN)
_CITATION = re.compile(rf"\[({ID_PATTERN})\]")
_WS = re.compile(r"\s+")

_HEADER = re.compile(r"^## Document (\d+)(?: \(continued\))? · (.+?) · (\S+)\s*$")
_PASSAGE = re.compile(rf"^\[({ID_PATTERN})\] (.*)$")
_LINE_ID = re.compile(rf"^\[({ID_PATTERN})\]", re.MULTILINE)
_COLUMNS = re.compile(r"^\(table columns: (.+)\)$")


def passage_id(number: int) -> str:
    """The id of the record's `number`th passage (1-based): "P12"."""
    return f"{ID_PREFIX}{number}"


def passage_number(pid: str) -> int | None:
    """The number in a passage id, or None when `pid` is not one."""
    return int(pid[1:]) if pid[:1] == ID_PREFIX and pid[1:].isdigit() else None


def is_passage_id(text: str) -> bool:
    return _ID.fullmatch(text) is not None


def citations_in(text: str) -> list[str]:
    """Ids cited as "[P12]" anywhere in a text, in order."""
    return _CITATION.findall(text)


def ids_in_record(text: str) -> list[str]:
    """The ids of the passages a rendered record holds, in order (a line's leading "[P12]")."""
    return _LINE_ID.findall(text)


def passage_line(pid: str, text: str) -> str:
    """A passage as the prompt shows it: its id, then its (de-identified) text on one line."""
    return f"[{pid}] {_WS.sub(' ', text)}\n"


def columns_line(columns: str) -> str:
    """A table row's column names, on a line of their own before it: context, not a passage.

    A line break inside them (a form feed, U+2028 …) becomes a space: it would end the line early."""
    return f"(table columns: {' '.join(columns.splitlines())})\n" if columns else ""


def document_header(number: int, doc_type: str, when: date | None, continued: bool = False) -> str:
    """Number, type and date (the shifted date the model sees); never the file name."""
    shown = when.isoformat() if when else "undated"
    more = " (continued)" if continued else ""
    return f"## Document {number}{more} · {doc_type} · {shown}\n"


class RecordPassage(NamedTuple):
    """A passage as a rendered record shows it, with the document it sits in."""

    id: str
    text: str  # whitespace collapsed, as on its line
    doc: int  # the document's number in the record (1-based)
    doc_type: str  # its type label, as the header shows it
    columns: str = ""  # the column names shown on a line of their own just before it


def read_record(text: str) -> list[RecordPassage]:
    """The passages of a rendered record, in order; lines of any other kind are passed over."""
    passages: list[RecordPassage] = []
    doc, doc_type, columns = 0, "", ""
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header:
            doc, doc_type, columns = int(header.group(1)), header.group(2), ""
            continue
        shown = _COLUMNS.match(line)
        if shown:
            columns = shown.group(1)
            continue
        passage = _PASSAGE.match(line)
        if passage:
            passages.append(RecordPassage(passage.group(1), passage.group(2), doc, doc_type, columns))
            columns = ""
    return passages
