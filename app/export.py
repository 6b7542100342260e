"""A shown summary exported as a PDF (ReportLab) and as a FHIR document Bundle (fhir.resources).

Like app/output.py, everything in a summary is data: file names, quotes, questions and model text
are escaped for the target's markup (ReportLab's Paragraph mini-markup, XHTML narrative) and
stripped of control characters, so a file name holding `<b>` or a newline prints literally.
Citation markers [n] are numbered as in the Markdown (`app.output.citation_numbers`).
"""

from __future__ import annotations

import io
import unicodedata
import uuid
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from app.output import citation_numbers, printable, sources
from app.store.patients import DocumentInfo
from app.store.summaries import LOW_CONFIDENCE, CitationView, StatementView, SummaryView
from app.verify.stages import checked_by


def engine_line(view: SummaryView) -> str:
    return f"Written by the {view.engine.get('backend')} engine ({view.engine.get('model')}). {checked_by(view.verification)}"


def _one_line(text: str | None) -> str:
    return " ".join(printable(text or "").split())


# ---------------------------------------------------------------------------------------------- PDF

# Vera (Bitstream, shipped inside reportlab) has the curly quotes, dashes, ≤ ≥ ± µ ° but no arrows,
# ⚠, Greek or check marks: those become words, never the black box of a missing glyph.
_WORDS = {"→": "->", "←": "<-", "↔": "<->", "⇒": "=>", "↑": "up", "↓": "down", "⚠": "warning:",
          "✓": "yes", "✔": "yes", "✗": "no", "✘": "no", "∼": "~", "≅": "~="}
_FONT_DIR = Path(__import__("reportlab").__file__).parent / "fonts"


@cache
def _fonts() -> tuple[str, str, frozenset[int]]:
    """(regular, bold, the code points they cover), registered once per process."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        regular = TTFont("ClinsumVera", str(_FONT_DIR / "Vera.ttf"))
        bold = TTFont("ClinsumVeraBd", str(_FONT_DIR / "VeraBd.ttf"))
    except Exception:  # a reportlab without its Vera: the standard fonts, Latin-1 only
        return "Helvetica", "Helvetica-Bold", frozenset(range(32, 256))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    covered = frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)
    return regular.fontName, bold.fontName, covered


def _glyphs(text: str) -> str:
    """`text` with every character the font lacks spelled out: '→' -> '->', 'β' -> 'beta', else its name."""
    covered = _fonts()[2]
    if all(ord(c) in covered for c in text):
        return text
    out = []
    for c in unicodedata.normalize("NFC", text):
        plain = unicodedata.normalize("NFKD", c)
        if ord(c) in covered:
            out.append(c)
        elif unicodedata.category(c) == "Mn":  # a combining mark NFC could not compose: dropped
            continue
        elif c in _WORDS:
            out.append(_WORDS[c])
        elif plain.strip() and all(ord(d) in covered for d in plain):
            out.append(plain)
        else:
            name = unicodedata.name(c, f"U+{ord(c):04X}")
            out.append(name.rsplit(" ", 1)[-1].lower() if name.startswith("GREEK ") else f"[{name.lower()}]")
    return "".join(out)


def _p(text: str | None) -> str:
    """Data as Paragraph markup: one line, printable, in the font's glyphs, `&<>` escaped."""
    return escape(_glyphs(_one_line(text)))


def summary_pdf(view: SummaryView, title: str = "Clinical summary") -> bytes:
    """The summary as a PDF: title, question, sections of statements with [n] markers, sources, engine."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    regular, bold, _ = _fonts()
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("cs-body", parent=sheet["BodyText"], fontName=regular, fontSize=10, leading=13)
    item = ParagraphStyle("cs-item", parent=body, leftIndent=5 * mm, bulletIndent=1 * mm, bulletFontName=regular,
                          spaceAfter=3)
    heading = ParagraphStyle("cs-h2", parent=sheet["Heading2"], fontName=bold, fontSize=13, leading=16)
    top = ParagraphStyle("cs-title", parent=sheet["Title"], fontName=bold, fontSize=18, leading=22)
    source = ParagraphStyle("cs-source", parent=body, leftIndent=8 * mm, firstLineIndent=-8 * mm, spaceAfter=3)
    small = ParagraphStyle("cs-small", parent=body, fontSize=9, leading=12, textColor=colors.HexColor("#444444"))

    numbers = citation_numbers(view)
    story: list = [Paragraph(_p(title) or "Clinical summary", top)]
    if view.question:
        story.append(Paragraph(f"<font name='{bold}'>Question:</font> {_p(view.question)}", body))
    for section_title, statements in view.sections:
        story.append(Paragraph(_p(section_title), heading))
        for s in statements:
            text = " ".join([_p(s.text), *(f"[{numbers[c.passage_id]}]" for c in s.citations)]).strip()
            if not s.supported:
                reason = _p(s.reason) or "no reason given"
                text += f" <font name='{bold}' color='#a40000'>Unsupported: {reason}</font>"
            story.append(Paragraph(text, item, bulletText="•"))
    listed = sources(view)
    if listed:
        story.append(Paragraph("Sources", heading))
        for n, c in listed:
            if c.file is None:
                line = f"[{n}] {_p(c.passage_id)}: not a passage of this record"
            else:
                line = f"[{n}] {_p(c.file)}, page {c.page} ({_p(c.passage_id)}): “{_p(c.quote)}”" \
                    + (f" ({LOW_CONFIDENCE})" if c.low_confidence else "")
            story.append(Paragraph(line, source))
    story.append(Spacer(1, 4 * mm))
    story += [Paragraph(f"Note: {_p(problem)}", small) for problem in view.problems]
    story.append(Paragraph(_p(engine_line(view)), small))
    story += [Paragraph(f"Note: {_p(note)}", small) for note in view.engine.get("notes", [])]

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=_glyphs(_one_line(title)), author="clinsum", creator="clinsum")
    doc.build(story)
    return out.getvalue()


# --------------------------------------------------------------------------------------------- FHIR

LABEL_SYSTEM = "urn:clinsum:patient-label"
PATIENT_SUMMARY = "Patient summary Document"  # LOINC 60591-5


def _xhtml(*blocks: str) -> str:
    return f'<div xmlns="http://www.w3.org/1999/xhtml">{"".join(blocks)}</div>'


def _x(text: str | None) -> str:
    return escape(_one_line(text))


def _statement_xhtml(s: StatementView) -> str:
    cited = f" [{', '.join(_x(c.passage_id) for c in s.citations)}]" if s.citations else ""
    verdict = "supported" if s.supported else f"unsupported: {_x(s.reason) or 'no reason given'}"
    return f"<li>{_x(s.text)}{cited} <i>({verdict})</i></li>"


def summary_fhir(view: SummaryView, patient_label: str, documents: list[DocumentInfo], *,
                 now: datetime | None = None) -> str:
    """The summary as the JSON text of a FHIR document Bundle, validated by fhir.resources' models.

    Uses the R4B models (`fhir.resources.R4B`: fhir.resources 8 defaults to R5); for Bundle,
    Composition, Patient, DocumentReference and Device these match FHIR R4. Entries, in order: the
    Composition (LOINC 60591-5), the Patient (only identifier: the local label; no name), one
    DocumentReference per document of the record (file name, type as text; no data inline), and the
    Device that wrote it (the engine; the Composition's author). Each Composition section holds our
    statements as XHTML narrative, with their verdicts and cited passage ids ("[P12, P40]"), and
    references (section.entry) to the DocumentReferences its statements cite. A citation of a
    passage outside the record, or of a document not in `documents`, gets no reference. fullUrls are
    fresh urn:uuids per export. DocumentReference.date is when the file was stored (an instant); the
    document's own date, when known, is context.period and attachment.creation.
    """
    from fhir.resources.R4B.bundle import Bundle

    now = (now or datetime.now(UTC)).astimezone(UTC)
    url = lambda: f"urn:uuid:{uuid.uuid4()}"  # noqa: E731
    patient_url, device_url, composition_url = url(), url(), url()
    doc_urls = {d.id: url() for d in documents}
    by_file: dict[str, list[int]] = {}
    for d in documents:
        by_file.setdefault(d.file, []).append(d.id)

    def target(c: CitationView) -> str | None:
        if c.file is None:
            return None
        if c.document is not None:
            return doc_urls.get(c.document)
        same = by_file.get(c.file, [])
        return doc_urls[same[0]] if len(same) == 1 else None  # a hand-made view: matched by its unique file name

    backend, model = _one_line(str(view.engine.get("backend"))), _one_line(str(view.engine.get("model")))
    author = f"clinsum {backend} engine ({model})"
    sections = []
    for title, statements in view.sections:
        refs = list(dict.fromkeys(u for s in statements for c in s.citations if (u := target(c))))
        sections.append({
            "title": _one_line(title) or "(untitled)",
            "text": {"status": "generated", "div": _xhtml("<ul>", *map(_statement_xhtml, statements), "</ul>")
                     if statements else _xhtml("<p>No statements.</p>")},
            **({"entry": [{"reference": u, "type": "DocumentReference"} for u in refs]} if refs else {}),
        })
    overview = [f"<p>{_x(engine_line(view))}</p>"]
    if view.question:
        overview.insert(0, f"<p>Question: {_x(view.question)}</p>")
    overview += [f"<p>Note: {_x(n)}</p>" for n in [*view.problems, *view.engine.get("notes", [])] if _one_line(n)]
    composition = {
        "resourceType": "Composition",
        "status": "final",
        "type": {"coding": [{"system": "http://loinc.org", "code": "60591-5", "display": PATIENT_SUMMARY}],
                 "text": PATIENT_SUMMARY},
        "subject": {"reference": patient_url, "type": "Patient"},
        "date": now.isoformat(),
        "author": [{"reference": device_url, "type": "Device", "display": author}],
        "title": f"Answer: {_one_line(view.question)}" if view.question else "Clinical summary",
        "text": {"status": "generated", "div": _xhtml(*overview)},
        "section": sections,
    }
    patient = {"resourceType": "Patient",
               "identifier": [{"system": LABEL_SYSTEM, "value": _one_line(patient_label) or "(unlabelled)"}]}
    device = {"resourceType": "Device",
              "deviceName": [{"name": f"clinsum {backend} engine", "type": "user-friendly-name"},
                             {"name": model or "(unknown)", "type": "model-name"}]}
    entries = [{"fullUrl": composition_url, "resource": composition}, {"fullUrl": patient_url, "resource": patient}]
    entries += [{"fullUrl": doc_urls[d.id], "resource": _document_reference(d, patient_url)} for d in documents]
    entries.append({"fullUrl": device_url, "resource": device})
    bundle = Bundle.model_validate({
        "resourceType": "Bundle",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": url()},
        "type": "document",
        "timestamp": now.isoformat(),
        "entry": entries,
    })
    return bundle.model_dump_json(indent=2)


def _document_reference(d: DocumentInfo, patient_url: str) -> dict:
    file = _one_line(d.file) or "(unnamed)"
    stored = d.created_at if d.created_at.tzinfo else d.created_at.replace(tzinfo=UTC)  # the store keeps naive UTC
    attachment = {"contentType": _one_line(d.media_type).replace(" ", "") or "application/octet-stream", "title": file,
                  **({"creation": d.date.isoformat()} if d.date else {})}
    return {
        "resourceType": "DocumentReference",
        "status": "current",
        "type": {"text": _one_line(d.doc_type) or "unknown"},
        "subject": {"reference": patient_url, "type": "Patient"},
        "date": stored.isoformat(),
        "description": file,
        "content": [{"attachment": attachment}],
        **({"context": {"period": {"start": d.date.isoformat(), "end": d.date.isoformat()}}} if d.date else {}),
    }
