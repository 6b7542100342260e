"""Jobs are rows: a summary request is written before work starts, so a crash loses nothing.

No job-queue library fits here: the well-kept ones are PostgreSQL-only (procrastinate,
PgQueuer) or need a broker (Celery, Dramatiq, RQ), and clinsum runs on SQLite by default.
The queue is this one table and four operations:

- claim: the oldest queued job, or a running one whose lease ran out (its worker died), becomes
  running under a fresh lease token. PostgreSQL picks it with SELECT … FOR UPDATE SKIP LOCKED, so
  workers never wait for each other; SQLite serialises claims with BEGIN IMMEDIATE.
- renew: the holder extends its lease while it works.
- finish: marks the job done only if the caller still holds the lease, in the same transaction
  that writes the summary: a worker that lost its job (it stalled past its lease and another
  took over) cannot write a second summary, and a crash mid-write leaves nothing.
- fail: back to the queue while attempts remain, else failed with the reason.

A user may cancel a job: it leaves the queue, and a worker running it loses its lease.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from app.store import Store, utcnow
from app.store.schema import Job, Record

HOST = socket.gethostname()


class LeaseLost(Exception):
    """The job was taken over by another worker after this one's lease ran out."""


@dataclass(frozen=True, slots=True)
class Claim:
    job_id: int
    token: str
    record_id: int
    patient_id: int
    kind: str
    question: str | None
    engine: str | None
    attempt: int


def worker_name() -> str:
    return f"{HOST}:{os.getpid()}"


def enqueue(store: Store, record_id: int, kind: str = "summary", question: str | None = None, engine: str | None = None,
            max_attempts: int = 3, actor: str = "cli") -> int:
    """A new job; or the same request's unfinished job, so running a killed command again resumes it."""
    with store.transaction() as s:
        same = s.scalar(
            select(Job.id).where(Job.record_id == record_id, Job.kind == kind, Job.status.in_(("queued", "running")),
                                 Job.question.is_(None) if question is None else Job.question == question,
                                 Job.engine.is_(None) if engine is None else Job.engine == engine).order_by(Job.id).limit(1)
        )
        if same is not None:
            return same
        job = Job(record_id=record_id, kind=kind, question=question, engine=engine, status="queued", attempts=0,
                  max_attempts=max_attempts, created_at=utcnow())
        s.add(job)
        s.flush()
        patient = s.scalar(select(Record.patient_id).where(Record.id == record_id))
        store.audit(s, actor, "job queued", patient, job.id, kind=kind, engine=engine)
        return job.id


def _dead_here(session: Session) -> list[int]:
    """Running jobs whose worker was a process on this machine that no longer exists: free at once."""
    dead = []
    for job_id, worker in session.execute(select(Job.id, Job.worker).where(Job.status == "running", Job.worker.like(f"{HOST}:%"))):
        pid = int(worker.rsplit(":", 1)[1])
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            dead.append(job_id)
        except PermissionError:
            pass  # alive, someone else's
    return dead


def claim(store: Store, lease_s: float, only: Sequence[int] | None = None, worker: str | None = None) -> Claim | None:
    """Take the next job (of `only`, when given) under a lease; None when there is none to take."""
    while True:
        with store.transaction() as s:
            now = utcnow()
            free = or_(Job.status == "queued", and_(Job.status == "running", Job.lease_expires_at < now))
            dead = _dead_here(s)
            if dead:
                free = or_(free, Job.id.in_(dead))
            query = select(Job).where(free).order_by(Job.id).limit(1).with_for_update(skip_locked=True)
            if only is not None:
                query = query.where(Job.id.in_(list(only)))
            job = s.scalar(query)
            if job is None:
                return None
            patient = s.scalar(select(Record.patient_id).where(Record.id == job.record_id))
            if job.attempts >= job.max_attempts:  # it was started that often and never finished: its workers died
                job.status, job.finished_at, job.lease_token = "failed", now, None
                job.error = f"The job was started {job.attempts} times and its worker stopped each time before finishing."
                store.audit(s, "worker", "job failed", patient, job.id, attempts=job.attempts)
                continue
            job.status, job.attempts, job.lease_token = "running", job.attempts + 1, str(uuid.uuid4())
            job.lease_expires_at, job.worker, job.started_at = now + timedelta(seconds=lease_s), worker or worker_name(), now
            store.audit(s, job.worker, "job started", patient, job.id, attempt=job.attempts)
            return Claim(job.id, job.lease_token, job.record_id, patient, job.kind, job.question, job.engine, job.attempts)


def _held(session: Session, claim: Claim, **values: object) -> bool:
    result = session.execute(
        update(Job).where(Job.id == claim.job_id, Job.lease_token == claim.token, Job.status == "running").values(**values)
    )
    return result.rowcount == 1


def renew(store: Store, claim: Claim, lease_s: float) -> bool:
    with store.transaction() as s:
        return _held(s, claim, lease_expires_at=utcnow() + timedelta(seconds=lease_s))


def finish(store: Store, claim: Claim, write: Callable[[Session], None]) -> None:
    """Mark the job done and `write` its results, together, only while the lease is still ours."""
    with store.transaction() as s:
        if not _held(s, claim, status="done", finished_at=utcnow(), lease_token=None, lease_expires_at=None, error=None):
            raise LeaseLost(f"job {claim.job_id} was taken over by another worker")
        write(s)
        store.audit(s, worker_name(), "job done", claim.patient_id, claim.job_id)


def fail(store: Store, claim: Claim, error: str, retry: bool) -> str:
    """Requeue the job while attempts remain (when `retry`), else fail it; returns its new status."""
    with store.transaction() as s:
        job = s.get(Job, claim.job_id)
        if job is None or job.lease_token != claim.token:
            return job.status if job else "gone"
        again = retry and job.attempts < job.max_attempts
        job.status = "queued" if again else "failed"
        job.error, job.lease_token, job.lease_expires_at = error, None, None
        job.finished_at = None if again else utcnow()
        store.audit(s, worker_name(), "job requeued" if again else "job failed", claim.patient_id, job.id, attempt=job.attempts)
        return job.status


def cancel(store: Store, job_id: int, actor: str = "cli") -> bool:
    """Stop a queued or running job; a worker running it loses its lease and writes nothing.

    Returns False when the job had already ended (done, failed or cancelled)."""
    with store.transaction() as s:
        job = s.get(Job, job_id)
        if job is None or job.status not in ("queued", "running"):
            return False
        job.status, job.lease_token, job.lease_expires_at, job.finished_at = "cancelled", None, None, utcnow()
        job.error = "Cancelled by the user."
        patient = s.scalar(select(Record.patient_id).where(Record.id == job.record_id))
        store.audit(s, actor, "job cancelled", patient, job.id)
        return True


@dataclass(frozen=True, slots=True)
class JobState:
    id: int
    status: str  # queued → running → done | failed | cancelled
    attempts: int
    error: str | None

    @property
    def ended(self) -> bool:
        return self.status in ("done", "failed", "cancelled")


def state(store: Store, job_id: int) -> JobState:
    with store.transaction() as s:
        job = s.get(Job, job_id)
        return JobState(job.id, job.status, job.attempts, job.error)
