"""The store's tables, as typed SQLAlchemy 2 ORM classes. Alembic migrations create them.

A patient has documents (the original files, kept in the file store by sha256) and their pages.
A record is one ingested set of a patient's documents: its passages (P1, P2, … → page span)
and the prompts stitched from them. A job asks for a summary (or an answer) of a record; when it
is done, one summary with its statements, and each statement's citations with their
verification, is written in the same transaction that marks the job done.

Page and passage text is the original (PHI): it stays in this database, which is the hospital's.
Everything that went to or came from the engine (prompts, statements, questions) is stored
de-identified; the app re-identifies it with the patient's mapping only to show it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Constraint names fixed by convention, so migrations name them the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Patient(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    mapping: Mapped[bytes | None] = mapped_column(LargeBinary)  # the de-identification Mapping, Fernet-encrypted

    documents: Mapped[list[Document]] = relationship(back_populates="patient", order_by="Document.id")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("patient_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(100))
    doc_type: Mapped[str] = mapped_column(String(40))
    doc_date: Mapped[date | None]
    stored_at: Mapped[str] = mapped_column(Text)  # the original file's path inside the file store
    created_at: Mapped[datetime]

    patient: Mapped[Patient] = relationship(back_populates="documents")
    pages: Mapped[list[Page]] = relationship(back_populates="document", order_by="Page.number", cascade="all, delete-orphan")


class Page(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int]  # 1-based
    text: Mapped[str] = mapped_column(Text)  # the extracted text that citation offsets point into
    width: Mapped[float]
    height: Mapped[float]
    ocr: Mapped[bool]
    ocr_confidence: Mapped[float | None]
    words: Mapped[list[Any] | None]  # OCR word boxes [start, end, x0, y0, x1, y1], for highlighting scans

    document: Mapped[Document] = relationship(back_populates="pages")


class Record(Base):
    __tablename__ = "records"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    # The documents, settings and token counter it was built from: the same upload finds the same record.
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    documents: Mapped[list[Any]]  # document ids in stitch order
    summary: Mapped[dict[str, Any]]  # what `clinsum ingest --json` prints for it (no text)
    created_at: Mapped[datetime]

    passages: Mapped[list[Passage]] = relationship(order_by="Passage.number", cascade="all, delete-orphan")
    prompts: Mapped[list[Prompt]] = relationship(order_by="Prompt.number", cascade="all, delete-orphan")


class Passage(Base):
    __tablename__ = "passages"
    __table_args__ = (UniqueConstraint("record_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    number: Mapped[int]  # 12 for "P12"
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    start: Mapped[int]  # offsets into the page's text
    end: Mapped[int]
    safe_text: Mapped[str] = mapped_column(Text)  # de-identified: what the engine saw, what the verifier reads

    page: Mapped[Page] = relationship()

    @property
    def pid(self) -> str:
        return f"P{self.number}"


class Prompt(Base):
    __tablename__ = "prompts"
    __table_args__ = (UniqueConstraint("record_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)  # de-identified
    tokens: Mapped[int]


class Job(Base):
    """A request for a summary or an answer, written before any work starts."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_claim", "status", "lease_expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "summary" | "answer"
    question: Mapped[str | None] = mapped_column(Text)  # de-identified
    engine: Mapped[str | None] = mapped_column(String(20))  # a backend to use; None: the worker's configured one
    status: Mapped[str] = mapped_column(String(20))  # queued → running → done | failed
    attempts: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int]
    lease_token: Mapped[str | None] = mapped_column(String(36))  # who holds it now; a stale holder cannot finish it
    lease_expires_at: Mapped[datetime | None]
    worker: Mapped[str | None] = mapped_column(String(200))  # host:pid of the holder
    error: Mapped[str | None] = mapped_column(Text)  # one plain sentence, never record text
    created_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class Summary(Base):
    __tablename__ = "summaries"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), unique=True)  # exactly once
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    question: Mapped[str | None] = mapped_column(Text)  # de-identified
    engine: Mapped[dict[str, Any]]  # describe(): backend, model, quantization, speculative, notes
    config: Mapped[dict[str, Any]]  # the engine settings it ran with
    prompt_tokens: Mapped[int]
    completion_tokens: Mapped[int]
    cached_prompt_tokens: Mapped[int | None]
    engine_seconds: Mapped[float]  # inside engine calls
    total_seconds: Mapped[float]  # the whole job, engine included
    calls: Mapped[list[Any]]  # per engine call: stage, tokens, seconds, finish reason
    problems: Mapped[list[Any]]  # plain sentences: output cut off, unknown ids, …
    status: Mapped[str] = mapped_column(String(20))  # "verified", or "flagged" when a statement is unsupported
    created_at: Mapped[datetime]

    statements: Mapped[list[Statement]] = relationship(order_by="Statement.position", cascade="all, delete-orphan")


class Statement(Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    summary_id: Mapped[int] = mapped_column(ForeignKey("summaries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    section: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)  # de-identified
    supported: Mapped[bool]
    score: Mapped[float]
    reason: Mapped[str] = mapped_column(Text)

    citations: Mapped[list[Citation]] = relationship(order_by="Citation.position", cascade="all, delete-orphan")


class Citation(Base):
    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    cited: Mapped[str] = mapped_column(String(20))  # the id as the model wrote it ("P12")
    passage_id: Mapped[int | None] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))  # None: not in the record

    passage: Mapped[Passage | None] = relationship()


class AuditEvent(Base):
    """Who did what to which patient's data, and when. Details never hold record text."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))  # ingested, job queued, summary written, summary shown, …
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id", ondelete="SET NULL"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    detail: Mapped[dict[str, Any]]
