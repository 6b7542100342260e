"""A loaded record as the CLI shows it: a JSON-ready dict, or lines for a terminal."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ingestion import Document, Record


def record_json(record: Record) -> dict[str, Any]:
    counts: dict[int, int] = {}
    for passage in record.passages:
        counts[passage.doc] = counts.get(passage.doc, 0) + 1
    return {
        "documents": [
            {
                "file": doc.file,
                "sha256": doc.sha256,
                "media_type": doc.media_type,
                "type": doc.doc_type.value,
                "date": doc.date.isoformat() if doc.date else None,
                "pages": len(doc.pages),
                "ocr_pages": doc.ocr_pages,
                "ocr_confidence": _ocr_confidence(doc),
                "passages": counts.get(index, 0),
                "phi": _phi_counts(doc),
            }
            for index, doc in enumerate(record.documents)
        ],
        "passages": len(record.passages),
        "tokens": record.tokens,
        "prompts": [prompt.tokens for prompt in record.prompts],
        "errors": [{"file": e.file, "error": e.error} for e in record.errors],
        "notices": [{"file": n.file, "notice": n.error} for n in record.notices],
    }


def _ocr_confidence(doc: Document) -> float | None:
    """Tesseract's mean word confidence over the document's OCR'd pages (0-100), None without OCR."""
    scores = [p.ocr_confidence for p in doc.pages if p.ocr and p.ocr_confidence is not None]
    return round(sum(scores) / len(scores), 1) if scores else None


def _phi_counts(doc: Document) -> dict[str, int]:
    """How many identifiers de-identification replaced in the document, by kind (PERSON, DATE_TIME ...)."""
    return dict(Counter(str(span.entity_type) for page in doc.pages for span in page.phi))


def record_lines(record: Record, token_source: str) -> list[str]:
    data = record_json(record)
    docs = data["documents"]
    width = max([len(d["file"]) for d in docs] + [8])
    lines = [f"{len(docs)} document{'s' * (len(docs) != 1)} in date order", ""]
    if docs:
        lines.append(f"  #  {'Document':<{width}}  {'Type':<18}  {'Date':<10}  Pages  OCR pages")
        for number, (doc, raw) in enumerate(zip(docs, record.documents), 1):
            lines.append(
                f"{number:>3}  {doc['file']:<{width}}  {raw.doc_type.label:<18}  {doc['date'] or 'undated':<10}"
                f"  {doc['pages']:>5}  {doc['ocr_pages']:>9}"
            )
        lines.append("")
    prompts = ", ".join(f"{t:,}" for t in data["prompts"]) or "none"
    lines.append(f"Passages: {data['passages']:,}")
    lines.append(f"Tokens:   {data['tokens']:,} ({token_source})")
    lines.append(f"Prompts:  {len(data['prompts'])} ({prompts} tokens)")
    for title, items, key in (("Notices", data["notices"], "notice"), ("Errors", data["errors"], "error")):
        if items:
            lines += ["", f"{title}:"] + [f"  - {item[key]}" for item in items]
    return lines


def deid_json(record: Record) -> dict[str, Any]:
    """Each document's de-identified text, and its PHI spans over the original extracted text."""
    return {
        "documents": [
            {
                "file": doc.file,
                "text_deidentified": "\f".join(page.safe_text if page.safe_text is not None else page.text for page in doc.pages),
                "spans": [
                    {"start": page.offset + s.start, "end": page.offset + s.end, "entity_type": str(s.entity_type), "score": s.score}
                    for page in doc.pages
                    for s in page.phi
                ],
            }
            for doc in record.documents
        ],
        "errors": [{"file": e.file, "error": e.error} for e in record.errors],
    }
