"""The job queue on SQLite and PostgreSQL: leases, take-over, fencing, retries, many claimers."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import func, select, update

from app import jobs
from app.store import Store, utcnow
from app.store.patients import create_patient
from app.store.schema import AuditEvent, Job, Record


def _record(store: Store) -> int:
    patient = create_patient(store, actor="test")
    with store.transaction() as s:
        record = Record(patient_id=patient.id, fingerprint=f"fp{patient.id}", documents=[], summary={}, created_at=utcnow())
        s.add(record)
        s.flush()
        return record.id


def _expire(store: Store, job_id: int) -> None:
    with store.transaction() as s:
        s.execute(update(Job).where(Job.id == job_id).values(lease_expires_at=utcnow()))


def _marks(store: Store) -> list[str]:
    with store.transaction() as s:
        return [a for a in s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)) if a != "patient created"]


def test_a_job_runs_once_and_is_audited(store: Store) -> None:
    job = jobs.enqueue(store, _record(store))
    assert jobs.state(store, job).status == "queued"
    claim = jobs.claim(store, lease_s=60)
    assert claim is not None and claim.job_id == job and claim.attempt == 1
    assert jobs.claim(store, lease_s=60) is None  # leased: nobody else gets it
    written = []
    jobs.finish(store, claim, lambda session: written.append(session))
    assert jobs.state(store, job).status == "done" and written
    assert jobs.claim(store, lease_s=60) is None
    assert _marks(store) == ["job queued", "job started", "job done"]


def test_the_same_request_resumes_its_unfinished_job(store: Store) -> None:
    record = _record(store)
    first = jobs.enqueue(store, record)
    assert jobs.enqueue(store, record) == first
    assert jobs.enqueue(store, record, "answer", "what dose?") != first
    jobs.finish(store, jobs.claim(store, 60, only=[first]), lambda s: None)
    assert jobs.enqueue(store, record) != first  # done: a new request is a new job


def test_an_expired_lease_is_taken_over_and_the_old_holder_cannot_finish(store: Store) -> None:
    job = jobs.enqueue(store, _record(store))
    stale = jobs.claim(store, 60, worker="elsewhere:1")
    _expire(store, job)
    fresh = jobs.claim(store, 60, worker="elsewhere:2")
    assert fresh is not None and fresh.job_id == job and fresh.attempt == 2
    assert not jobs.renew(store, stale, 60)
    wrote = []
    with pytest.raises(jobs.LeaseLost):
        jobs.finish(store, stale, lambda s: wrote.append(1))
    assert jobs.state(store, job).status == "running"
    jobs.finish(store, fresh, lambda s: wrote.append(2))
    assert wrote == [2]  # the stale holder never got to write
    assert jobs.state(store, job).status == "done"


def test_failures_retry_until_attempts_run_out(store: Store) -> None:
    job = jobs.enqueue(store, _record(store), max_attempts=2)
    assert jobs.fail(store, jobs.claim(store, 60), "The engine failed (timeout).", retry=True) == "queued"
    assert jobs.fail(store, jobs.claim(store, 60), "The engine failed (timeout).", retry=True) == "failed"
    final = jobs.state(store, job)
    assert (final.status, final.attempts, final.error) == ("failed", 2, "The engine failed (timeout).")
    assert jobs.claim(store, 60) is None


def test_a_job_whose_workers_keep_dying_fails_with_the_reason(store: Store) -> None:
    job = jobs.enqueue(store, _record(store), max_attempts=2)
    for _ in range(2):
        assert jobs.claim(store, 60, worker="elsewhere:1") is not None
        _expire(store, job)
    assert jobs.claim(store, 60) is None
    final = jobs.state(store, job)
    assert final.status == "failed" and "stopped each time" in final.error


def test_a_dead_local_workers_job_is_free_at_once(store: Store) -> None:
    job = jobs.enqueue(store, _record(store))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    assert jobs.claim(store, 3600, worker=f"{jobs.HOST}:{gone.stdout.strip()}") is not None
    again = jobs.claim(store, 3600)  # no waiting an hour for the lease: that process no longer exists
    assert again is not None and again.job_id == job


def test_concurrent_workers_claim_each_job_exactly_once(store: Store) -> None:
    record = _record(store)
    ids = [jobs.enqueue(store, record, "answer", f"question {n}") for n in range(40)]
    done: list[int] = []
    lock = threading.Lock()

    def work(name: str) -> None:
        while (claim := jobs.claim(store, 60, worker=name)) is not None:
            time.sleep(0.002)
            jobs.finish(store, claim, lambda s: None)
            with lock:
                done.append(claim.job_id)

    threads = [threading.Thread(target=work, args=(f"elsewhere:{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(done) == ids
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Job).where(Job.status == "done")) == 40
