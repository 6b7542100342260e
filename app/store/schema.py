"""The store's tables, as typed SQLAlchemy 2 ORM classes. Alembic migrations create them.

A patient has documents (the original files, kept in the file store by sha256) and their pages.
A record is one ingested set of a patient's documents: its passages (P1, P2, … → page span)
and the prompts stitched from them. A job asks for a summary (or an answer) of a record; when it
is done, one summary with its statements, and each statement's citations with their
verification, is written in the same transaction that marks the job done.

Every field that holds record text is encrypted (`Encrypted`, AES-GCM under the store's key):
page text, passages, prompts, statements, reasons, questions, file names, service dates, a
record's description and the mapping, de-identified text too, since de-identification can miss.
A patient's label is encrypted and found by its keyed hash. What went to or came from the engine
is de-identified as well; the app re-identifies it with the patient's mapping only to show it.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, MetaData, String, Text, UniqueConstraint, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from app.store.crypto import open_text, seal_text
from ingestion.record_format import passage_id

# Constraint names fixed by convention, so migrations name them the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Encrypted(TypeDecorator):
    """A value sealed with the store's field key, kept as base64 text; `codec` says what it holds.

    The key travels on the engine's dialect (`Store` puts it there), so every statement on that
    engine, ORM or Core, bulk insert or Alembic migration, seals and opens through this one place.
    """

    impl = Text
    cache_ok = True

    def __init__(self, purpose: str, codec: str = "text"):
        super().__init__()
        self.purpose, self.codec = purpose, codec

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        if self.codec == "json":
            data = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif self.codec == "date":
            data = value.isoformat()
        else:
            data = value
        return seal_text(keyring_of(dialect), data, self.purpose)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        data = open_text(keyring_of(dialect), value, self.purpose)
        if self.codec == "json":
            return json.loads(data)
        if self.codec == "date":
            return date.fromisoformat(data)
        return data


def keyring_of(dialect: Any) -> Any:
    keyring = getattr(dialect, "clinsum_keyring", None)
    if keyring is None:
        raise RuntimeError("this database engine has no key: open it through app.store.Store")
    return keyring


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Patient(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    label: Mapped[str] = mapped_column(Encrypted("patients.label"))  # the user's own name for the patient: a ward, a bed
    label_key: Mapped[str] = mapped_column(String(64), unique=True)  # its keyed hash: found again, never read
    mapping: Mapped[dict[str, Any] | None] = mapped_column(Encrypted("patients.mapping", "json"))  # de-identification Mapping

    documents: Mapped[list[Document]] = relationship(back_populates="patient", order_by="Document.id")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("patient_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(Encrypted("documents.file_name"))
    media_type: Mapped[str] = mapped_column(String(100))
    doc_type: Mapped[str] = mapped_column(String(40))
    doc_date: Mapped[date | None] = mapped_column(Encrypted("documents.doc_date", "date"))  # a service date is PHI
    stored_at: Mapped[str] = mapped_column(Text)  # the encrypted original's path inside the file store
    created_at: Mapped[datetime]

    patient: Mapped[Patient] = relationship(back_populates="documents")
    pages: Mapped[list[Page]] = relationship(back_populates="document", order_by="Page.number", cascade="all, delete-orphan")


class Page(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int]  # 1-based
    text: Mapped[str] = mapped_column(Encrypted("pages.text"))  # the extracted text that citation offsets point into
    width: Mapped[float]
    height: Mapped[float]
    ocr: Mapped[bool]
    ocr_confidence: Mapped[float | None]
    # read by OCR below ocr_low_confidence: every citation of it carries that caveat
    low_confidence: Mapped[bool] = mapped_column(default=False, server_default=false())
    words: Mapped[list[Any] | None]  # OCR word boxes [start, end, x0, y0, x1, y1], for highlighting scans

    document: Mapped[Document] = relationship(back_populates="pages")


class Record(Base):
    __tablename__ = "records"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    # The documents, settings and token counter it was built from: the same upload finds the same record.
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    documents: Mapped[list[Any]]  # document ids in stitch order
    summary: Mapped[dict[str, Any]] = mapped_column(Encrypted("records.summary", "json"))  # `clinsum ingest --json`: file names
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
    safe_text: Mapped[str] = mapped_column(Encrypted("passages.safe_text"))  # de-identified: what the engine saw

    page: Mapped[Page] = relationship()

    @property
    def pid(self) -> str:
        return passage_id(self.number)


class Prompt(Base):
    __tablename__ = "prompts"
    __table_args__ = (UniqueConstraint("record_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Encrypted("prompts.text"))  # de-identified
    tokens: Mapped[int]


class Job(Base):
    """A request for a summary or an answer, written before any work starts."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_claim", "status", "lease_expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "summary" | "answer"
    question: Mapped[str | None] = mapped_column(Encrypted("jobs.question"))  # de-identified
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
    question: Mapped[str | None] = mapped_column(Encrypted("summaries.question"))  # de-identified
    engine: Mapped[dict[str, Any]]  # describe(): backend, model, quantization, speculative, notes
    config: Mapped[dict[str, Any]]  # the engine settings it ran with
    prompt_tokens: Mapped[int]
    completion_tokens: Mapped[int]
    cached_prompt_tokens: Mapped[int | None]
    engine_seconds: Mapped[float]  # inside engine calls
    total_seconds: Mapped[float]  # the whole job, engine included
    calls: Mapped[list[Any]]  # per engine call: stage, tokens, seconds, finish reason
    problems: Mapped[list[Any]] = mapped_column(Encrypted("summaries.problems", "json"))  # output cut off, unknown ids, …
    status: Mapped[str] = mapped_column(String(20))  # "verified", or "flagged" when a statement is unsupported
    created_at: Mapped[datetime]

    statements: Mapped[list[Statement]] = relationship(order_by="Statement.position", cascade="all, delete-orphan")


class Statement(Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    summary_id: Mapped[int] = mapped_column(ForeignKey("summaries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    section: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Encrypted("statements.text"))  # de-identified
    supported: Mapped[bool]
    score: Mapped[float]
    reason: Mapped[str] = mapped_column(Encrypted("statements.reason"))  # may quote the statement

    citations: Mapped[list[Citation]] = relationship(order_by="Citation.position", cascade="all, delete-orphan")


class Citation(Base):
    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    cited: Mapped[str] = mapped_column(String(20))  # the id as the model wrote it ("P12")
    passage_id: Mapped[int | None] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))  # None: not in the record

    passage: Mapped[Passage | None] = relationship()


class Meta(Base):
    """Facts about the store itself: the key check that tells a wrong key from a damaged field."""

    __tablename__ = "meta"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Encrypted("meta.value"))


class AuditEvent(Base):
    """Who did what to which patient's data, and when. Details never hold record text.

    Its patient and job ids are plain numbers, not foreign keys: erasing a patient keeps the trail."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))  # ingested, job queued, summary written, summary shown, …
    patient_id: Mapped[int | None] = mapped_column(index=True)
    job_id: Mapped[int | None]
    detail: Mapped[dict[str, Any]]
    session: Mapped[str | None] = mapped_column(String(64), index=True)  # the browser session; None: a worker, the CLI


class Account(Base):
    """Someone who may sign in to a deployment: a local password, single sign-on, or both.

    `username` is the sign-in name, or the identity single sign-on reports (e-mail or subject).
    Staff accounts, not patients: nothing here is record text, so nothing is sealed."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)  # kept lower-case: names match in any case
    role: Mapped[str] = mapped_column(String(20))  # "clinician" | "admin"
    password_hash: Mapped[str | None] = mapped_column(Text)  # argon2id; None: single sign-on only
    disabled: Mapped[bool] = mapped_column(default=False, server_default=false())
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default="0")  # wrong passwords in a row
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    last_sign_in_at: Mapped[datetime | None]


class Team(Base):
    """A care team: who belongs to it, and whose patients it cares for, decide what a clinician sees.

    Staff and team names, not patients: nothing here is record text, so nothing is sealed."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime]


class TeamMember(Base):
    """A user in a team. Deleting either deletes the membership (ON DELETE CASCADE)."""

    __tablename__ = "team_members"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)


class TeamPatient(Base):
    """A patient in a team's care; a patient may be in several. Deleting either deletes the row."""

    __tablename__ = "team_patients"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True, index=True)
