"""Filled-in form fields (AcroForm) of a PDF page, written after its text with their labels.

A viewer shows a field's value, but the value lives in a widget annotation, not in the page's
text, so text extraction gives the labels alone ("Date of birth:") and loses what was filled in.
Each filled field becomes a line "label: value" after the page's own text, its label the words
just left of the field on the page (or just above it; else the field's tooltip or name). The
lines keep their place on the page as word boxes (the field's rectangle), so a citation of a
value highlights the field; the page's own text keeps pdfium's character indices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdf
import pypdfium2 as pdfium

from ingestion.models import Word

_GAP = re.compile(r"\t| {2,}")  # between a label and the text before it on its line
_MAX_VALUE = 2000  # characters of one field's value kept (a form field, not a document)


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    value: str
    rect: tuple[float, float, float, float]  # left, bottom, right, top in PDF points


def filled_fields(page: pypdf.PageObject) -> list[Field]:
    """The page's widgets that hold a value, top to bottom, left to right."""
    fields = []
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        if annot.get("/Subtype") != "/Widget":
            continue
        value = _inherited(annot, "/V")
        kind = _inherited(annot, "/FT")
        if kind == "/Btn":  # a checkbox or radio button: on when its state is not /Off
            state = annot.get("/AS") or value
            value = "Yes" if state not in (None, "/Off", "") and (value is None or str(value) == str(state)) else None
        elif isinstance(value, list):  # a list box with several choices
            value = ", ".join(str(v) for v in value)
        if value is None or not str(value).strip():
            continue
        name = str(_inherited(annot, "/TU") or _inherited(annot, "/T") or "").strip()
        left, bottom, right, top = (float(v) for v in annot.get("/Rect", (0, 0, 0, 0)))
        fields.append(Field(name, " ".join(str(value).split())[:_MAX_VALUE], (min(left, right), min(bottom, top), max(left, right), max(bottom, top))))
    return sorted(fields, key=lambda f: (-f.rect[3], f.rect[0]))


def add_fields(text: str, textpage: pdfium.PdfTextPage, height: float, fields: list[Field]) -> tuple[str, list[Word]]:
    """The page text with a "label: value" line per field appended, and each line's word box."""
    if not fields:
        return text, []
    pieces, words, at = [text.rstrip("\n")], [], len(text.rstrip("\n"))
    for f in fields:
        line = f"{_label(textpage, f) or f.name or 'Field'}: {f.value}"
        start = at + 1  # after the newline that ends the line before
        left, bottom, right, top = f.rect
        words.append(Word(start, start + len(line), left, height - top, right, height - bottom, confidence=100.0))
        pieces.append(line)
        at = start + len(line)
    return "\n".join(pieces), words


def _label(textpage: pdfium.PdfTextPage, field: Field) -> str:
    """The words left of the field on its line, else those just above it."""
    left, bottom, right, top = field.rect
    beside = textpage.get_text_bounded(left=0, bottom=bottom, right=left, top=top)
    label = _GAP.split(beside.strip())[-1].strip() if beside.strip() else ""
    if not label:
        above = textpage.get_text_bounded(left=left - 2, bottom=top, right=right, top=top + 1.5 * (top - bottom))
        label = above.strip().splitlines()[-1].strip() if above.strip() else ""
    return label.rstrip(":").strip()


def _inherited(annot, key: str):
    """A field attribute, from the widget or the field it belongs to (radio groups, split fields)."""
    node, hops = annot, 0
    while node is not None and hops < 8:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node, hops = (parent.get_object() if parent is not None else None), hops + 1
    return None
