"""Writing a finished summary (statements, citations, verdicts) and reading it back for display.

Statements are stored as the engine wrote them, de-identified. `view` re-identifies them with
the patient's mapping: only what is shown to a user carries names and real dates. Each citation
resolves to the original file, page and character span, and quotes the passage from it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.store.records import read_mapping
from app.store.schema import Citation, Document, Job, Page, Passage, Record, Statement, Summary
from app.store.store import Store, utcnow
from ingestion.deid import reidentify
from ingestion.record_format import passage_id, passage_number

LOW_CONFIDENCE = "read by OCR with low confidence: check it against the page"
RULES_ONLY: dict[str, Any] = {"stages": ["rules"], "unjudged": 0}  # the verification of a summary that records none


@dataclass(frozen=True, slots=True)
class CitationView:
    passage_id: str
    file: str | None  # None: the model cited an id that is not in the record
    page: int | None
    start: int | None  # offsets into that page's extracted text
    end: int | None
    quote: str | None
    document: int | None = None  # the store's document id, to open the original file
    low_confidence: bool = False  # its page was read by OCR with low confidence: check the quote against the page

    def as_dict(self) -> dict[str, Any]:
        return {"passage_id": self.passage_id, "file": self.file, "page": self.page, "start": self.start,
                "end": self.end, "quote": self.quote, "low_confidence": self.low_confidence}


@dataclass(frozen=True, slots=True)
class StatementView:
    text: str
    citations: list[CitationView]
    supported: bool
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class SummaryView:
    id: int
    job_id: int
    kind: str
    question: str | None
    sections: list[tuple[str, list[StatementView]]]
    engine: dict[str, Any]
    record: dict[str, Any]
    problems: list[str]
    usage: dict[str, Any] = field(default_factory=dict)
    verification: dict[str, Any] = field(default_factory=lambda: dict(RULES_ONLY))  # stages that ran, unjudged count


def write_summary(session: Session, job_id: int, record_id: int, kind: str, question: str | None, draft: Any,
                  verdicts: list[Any], engine: dict[str, Any], config: dict[str, Any], total_seconds: float,
                  verification: dict[str, Any] | None = None) -> int:
    """The rows of one summary, in the caller's transaction (the one that marks its job done).

    `verification` (the verifier's stages that ran) is kept in the config column, beside the engine
    settings: it is how the summary was made, and a key there needs no schema change."""
    statements = [(section.title, s) for section in draft.summary.sections for s in section.statements]
    cited = {n for _, s in statements for c in s.citations if (n := _number(c)) is not None}
    numbers = dict(session.execute(
        select(Passage.number, Passage.id).where(Passage.record_id == record_id, Passage.number.in_(cited))
    ).all()) if cited else {}
    calls = [asdict(c) for c in draft.calls]
    flagged = sum(not v.supported for v in verdicts)
    summary = Summary(
        job_id=job_id, record_id=record_id, kind=kind, question=question, engine=engine,
        config={**config, "verification": verification or RULES_ONLY},
        prompt_tokens=sum(c["prompt_tokens"] for c in calls), completion_tokens=sum(c["completion_tokens"] for c in calls),
        cached_prompt_tokens=sum(c.get("cached_prompt_tokens") or 0 for c in calls) if any(c.get("cached_prompt_tokens") is not None for c in calls) else None,
        engine_seconds=sum(c["seconds"] for c in calls), total_seconds=total_seconds, calls=calls,
        problems=list(draft.problems), status="flagged" if flagged else "verified", created_at=utcnow(),
    )
    for position, ((title, statement), verdict) in enumerate(zip(statements, verdicts, strict=True)):
        row = Statement(position=position, section=title, text=statement.text, supported=verdict.supported,
                        score=float(verdict.score), reason=verdict.reason)
        for n, pid in enumerate(statement.citations):
            row.citations.append(Citation(position=n, cited=pid, passage_id=numbers.get(_number(pid))))
        summary.statements.append(row)
    session.add(summary)
    session.flush()
    return summary.id


def _number(pid: str) -> int | None:
    """12 for "P12"; None for an id that names no passage."""
    return passage_number(pid)


def summary_of_job(store: Store, job_id: int) -> int | None:
    with store.transaction() as s:
        return s.scalar(select(Summary.id).where(Summary.job_id == job_id))


def view(store: Store, summary_id: int, actor: str = "cli") -> SummaryView:
    """The summary as a user sees it: re-identified, each citation resolved to its source. Audited."""
    with store.transaction() as s:
        summary = s.scalar(
            select(Summary).where(Summary.id == summary_id).options(
                selectinload(Summary.statements).selectinload(Statement.citations)
                .selectinload(Citation.passage).selectinload(Passage.page).selectinload(Page.document)
            )
        )
        record = s.get(Record, summary.record_id)
        mapping = read_mapping(s, record.patient_id)
        show = (lambda text, cited=(): reidentify(text, mapping, cited)) if mapping else (lambda text, cited=(): text)
        sections: list[tuple[str, list[StatementView]]] = []
        for statement in summary.statements:
            # A name reads back as the passage the statement cites spells it.
            cited = [(c.passage.page.text[c.passage.start : c.passage.end], c.passage.safe_text)
                     for c in statement.citations if c.passage is not None]
            citations = []
            for c in statement.citations:
                p = c.passage
                if p is None:
                    citations.append(CitationView(c.cited, None, None, None, None, None))
                    continue
                doc: Document = p.page.document
                citations.append(CitationView(passage_id(p.number), doc.file_name, p.page.number, p.start, p.end,
                                              p.page.text[p.start : p.end], doc.id, p.page.low_confidence))
            item = StatementView(show(statement.text, cited), citations, statement.supported, statement.score,
                                 show(statement.reason, cited))
            if sections and sections[-1][0] == statement.section:
                sections[-1][1].append(item)
            else:
                sections.append((statement.section, [item]))
        job = s.get(Job, summary.job_id)
        store.audit(s, actor, "summary shown", record.patient_id, job.id if job else None, once=True, summary=summary.id)
        usage = {"prompt_tokens": summary.prompt_tokens, "completion_tokens": summary.completion_tokens,
                 "cached_prompt_tokens": summary.cached_prompt_tokens, "engine_seconds": summary.engine_seconds,
                 "total_seconds": summary.total_seconds}
        return SummaryView(summary.id, summary.job_id, summary.kind, show(summary.question) if summary.question else None,
                           sections, summary.engine, record.summary, list(summary.problems), usage,
                           dict((summary.config or {}).get("verification") or RULES_ONLY))
