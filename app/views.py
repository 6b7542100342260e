"""What the browser pages read: a patient's current record as the model sees it, and their history.

Plain data for `ui/`, which imports `app/` only. The record view holds surrogates and shifted
dates, never real PHI: it shows what de-identification let through to the engine. The history
shows the questions re-identified, as every view a clinician reads is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select

from app.store.records import read_mapping
from app.store.schema import Job, Prompt, Record, Statement, Summary
from app.store.store import Store
from ingestion.deid import reidentify


@dataclass(frozen=True, slots=True)
class RecordDocument:
    number: int  # its place in the stitched record: "Document 3" in the prompt
    doc_type: str
    date: date | None  # shifted, as in the prompt
    pages: int
    ocr_pages: int
    ocr_confidence: float | None
    passages: int
    phi: dict[str, int]  # identifiers replaced, by kind


@dataclass(frozen=True, slots=True)
class RecordView:
    id: int
    created_at: datetime
    documents: list[RecordDocument]
    passages: int
    tokens: int
    prompts: list[tuple[int, str]]  # (tokens, de-identified text) per prompt
    errors: list[str]
    notices: list[str]


@dataclass(frozen=True, slots=True)
class HistoryItem:
    job_id: int
    record_id: int
    kind: str  # summary | answer
    question: str | None  # re-identified
    status: str  # queued | running | done | failed | cancelled
    error: str | None
    created_at: datetime
    summary_id: int | None = None
    engine: dict[str, Any] = field(default_factory=dict)
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    seconds: float | None = None
    statements: int = 0
    flagged: int = 0


def current_record(store: Store, patient_id: int) -> RecordView | None:
    """The patient's newest record (the one a summary is asked of), as the engine sees it."""
    with store.transaction() as s:
        row = s.scalar(select(Record).where(Record.patient_id == patient_id).order_by(Record.id.desc()).limit(1))
        if row is None:
            return None
        mapping = read_mapping(s, patient_id)
        shift = timedelta(days=mapping.offset_days if mapping else 0)
        prompts = [(tokens, text) for tokens, text in s.execute(
            select(Prompt.tokens, Prompt.text).where(Prompt.record_id == row.id).order_by(Prompt.number))]
        data = row.summary
        documents = [
            RecordDocument(n, d["type"], date.fromisoformat(d["date"]) + shift if d["date"] else None, d["pages"],
                           d["ocr_pages"], d.get("ocr_confidence"), d["passages"], d.get("phi", {}))
            for n, d in enumerate(data["documents"], 1)
        ]
        return RecordView(row.id, row.created_at, documents, data["passages"], data["tokens"], prompts,
                          [e["error"] for e in data["errors"]], [n["notice"] for n in data["notices"]])


def history(store: Store, patient_id: int) -> list[HistoryItem]:
    """Every summary and answer asked for the patient, newest first, finished or not."""
    with store.transaction() as s:
        mapping = read_mapping(s, patient_id)
        show = (lambda text: reidentify(text, mapping)) if mapping else (lambda text: text)
        rows = s.execute(
            select(Job, Summary).join(Record, Record.id == Job.record_id).outerjoin(Summary, Summary.job_id == Job.id)
            .where(Record.patient_id == patient_id).order_by(Job.id.desc())
        ).all()
        ids = [summary.id for _, summary in rows if summary is not None]
        counts = {sid: (total, flagged or 0) for sid, total, flagged in s.execute(
            select(Statement.summary_id, func.count(), func.sum(case((Statement.supported.is_(False), 1), else_=0)))
            .where(Statement.summary_id.in_(ids)).group_by(Statement.summary_id))} if ids else {}
        items = []
        for job, summary in rows:
            question = show(job.question) if job.question else None
            if summary is None:
                items.append(HistoryItem(job.id, job.record_id, job.kind, question, job.status, job.error, job.created_at))
                continue
            total, flagged = counts.get(summary.id, (0, 0))
            items.append(HistoryItem(job.id, job.record_id, job.kind, question, job.status, job.error, job.created_at, summary.id,
                                     summary.engine, summary.prompt_tokens, summary.completion_tokens,
                                     summary.total_seconds, total, flagged))
        return items

