"""A worker: claims jobs, runs them (summarize or ask, then verify) and writes the results.

The CLI runs one in-process for its own job; `clinsum worker` runs one as a service. Engine
calls that time out or find the engine unavailable are retried a few times with backoff
(tenacity); then the job goes back to the queue until its attempts are spent, and fails with
the reason. A reply nothing can be read from fails the job at once: at temperature 0 it would
read the same again; so does a job past its time budget (`jobs.max_job_seconds`).

A database that cannot be reached (a restart, a network blip) does not stop the worker: it waits,
with backoff, and goes on serving when the database is back. A job cut off by the outage stays
leased; its lease runs out and the job is claimed again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import exc as sa_exc
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, stop_when_event_set, wait_exponential

from app import jobs
from app.settings import Settings
from app.store import Store
from app.store.records import record_input
from app.store.summaries import write_summary
from app.summarize import ModelOutputError, ask, summarize
from app.verify import verify_all
from app.verify.stages import Stages
from engine import Engine, EngineError
from engine.base import ChatRequest, Generation

log = logging.getLogger(__name__)

TRANSIENT = ("timeout", "unavailable")


def database_down(error: BaseException) -> bool:
    """The database could not be reached or dropped the connection: worth waiting for, not a bug."""
    if isinstance(error, (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError, sa_exc.DisconnectionError)):
        return True
    return isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated


def _log_database_down(state: RetryCallState) -> None:
    # The class name only: a driver's message can hold the host and user, a traceback the SQL.
    error = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0
    log.warning("%s: database unreachable; retrying in %g s", type(error).__name__, wait)


class JobTimeLimit(Exception):
    """The job ran past its time budget: at the same settings it would take as long again."""

    def __init__(self, limit_s: float):
        super().__init__(f"over the limit of {limit_s:g} s")
        self.limit_s = limit_s


class RetryingEngine:
    """An engine whose generate() retries transient failures a bounded number of times, within the job's time."""

    def __init__(self, engine: Engine, tries: int, wait_s: float, deadline: float | None = None, limit_s: float = 0):
        self._engine, self._tries, self._wait_s = engine, tries, wait_s
        self._deadline, self._limit_s = deadline, limit_s  # deadline: time.monotonic() at which the job is over

    def check_deadline(self) -> None:
        """Raise JobTimeLimit when the job's time is up. An engine call is not cut off; the next one is not made."""
        if self._deadline is not None and time.monotonic() >= self._deadline:
            raise JobTimeLimit(self._limit_s)

    def generate(self, requests: Sequence[ChatRequest]) -> list[Generation]:
        retrying = Retrying(
            stop=stop_after_attempt(self._tries), wait=wait_exponential(multiplier=self._wait_s, max=60),
            retry=retry_if_exception(lambda e: isinstance(e, EngineError) and e.kind in TRANSIENT), reraise=True,
        )

        def once() -> list[Generation]:
            self.check_deadline()  # before every try, retries included
            return self._engine.generate(requests)

        return retrying(once)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)


@contextmanager
def _leased(store: Store, claim: jobs.Claim, lease_s: float) -> Iterator[threading.Event]:
    """Renew the lease in the background while the job runs; the event is set if it was lost."""
    lost, done = threading.Event(), threading.Event()

    def beat() -> None:
        while not done.wait(lease_s / 3):
            try:
                if not jobs.renew(store, claim, lease_s):
                    lost.set()
                    return
            except Exception as error:  # a database hiccup: try again at the next beat, the lease still has time
                down = database_down(error)  # no traceback for an outage: it would only repeat the SQL
                log.warning("lease renewal of job %s failed (%s)", claim.job_id, type(error).__name__, exc_info=not down)

    thread = threading.Thread(target=beat, name=f"lease-{claim.job_id}", daemon=True)
    thread.start()
    try:
        yield lost
    finally:
        done.set()
        thread.join()


class Worker:
    def __init__(self, store: Store, settings: Settings, engines: Callable[[str | None], Engine]):
        self.store, self.settings = store, settings
        self._engines = engines  # backend name (None: as configured) → engine; the caller caches
        self._stages = Stages(settings.verification)  # the verifier's stages after the rules; models load on first use
        self.on_progress: Callable[[str, int, int], None] | None = None

    def run_one(self, only: Sequence[int] | None = None) -> int | None:
        """Claim and run one job; returns its id, or None when there was nothing to do."""
        claim = jobs.claim(self.store, self.settings.jobs.lease_s, only)
        if claim is None:
            return None
        self.execute(claim)
        return claim.job_id

    def run(self, only: Sequence[int] | None = None, until_idle: bool = False, stop: threading.Event | None = None) -> None:
        """Serve jobs until `stop` is set (or, with `until_idle`, the queue is empty); outlive database outages."""
        stop = stop or threading.Event()
        settings = self.settings.jobs
        # Waits of 1, 2, 4 … up to 30 s (by default), cut short by `stop`; a fresh backoff after each success.
        retrying = Retrying(
            retry=retry_if_exception(database_down), stop=stop_when_event_set(stop), sleep=stop.wait,
            wait=wait_exponential(multiplier=settings.db_retry_s, max=settings.db_retry_max_s),
            before_sleep=_log_database_down, reraise=True,
        )

        def attempt() -> int | None:
            return None if stop.is_set() else self.run_one(only)  # woken by `stop`: claim nothing more

        while not stop.is_set():
            try:
                ran = retrying(attempt)
            except Exception as error:
                if stop.is_set() and database_down(error):
                    return  # told to stop while the database was away
                raise
            if ran is None:
                if until_idle:
                    return
                stop.wait(settings.poll_s)

    def execute(self, claim: jobs.Claim) -> None:
        settings = self.settings.jobs
        started = time.perf_counter()
        deadline = time.monotonic() + settings.max_job_seconds
        try:
            engine = RetryingEngine(self._engines(claim.engine), settings.engine_retries, settings.retry_wait_s,
                                    deadline, settings.max_job_seconds)
            with _leased(self.store, claim, settings.lease_s):
                data = record_input(self.store, claim.record_id)
                progress = (lambda done, total: self.on_progress(claim.kind, done, total)) if self.on_progress else None
                if claim.kind == "answer":
                    draft = ask(data.prompts, claim.question or "", engine, max_tokens=settings.max_tokens, on_progress=progress)
                else:
                    draft = summarize(data.prompts, engine, max_tokens=settings.max_tokens, on_progress=progress)
                statements = [(s.text, s.citations) for section in draft.summary.sections for s in section.statements]
                engine.check_deadline()
                plan = self._stages.plan(engine)
                verdicts = verify_all(statements, data.passages, checks=plan.checks)
                draft.problems.extend(plan.notes())
                described = engine.describe().as_dict()
                config = self.settings.engine.model_dump(mode="json")
                jobs.finish(self.store, claim, lambda session: write_summary(
                    session, claim.job_id, claim.record_id, claim.kind, claim.question, draft, verdicts, described, config,
                    time.perf_counter() - started, verification=plan.record(),
                ))
        except jobs.LeaseLost:
            log.warning("job %s was cancelled or taken over by another worker; its result was not written", claim.job_id)
        except EngineError as error:
            retry = error.kind in TRANSIENT
            status = jobs.fail(self.store, claim, f"The engine failed ({error.kind}): {error}", retry)
            log.warning("job %s: engine error (%s); now %s", claim.job_id, error.kind, status)
        except ModelOutputError as error:
            jobs.fail(self.store, claim, str(error), retry=False)
            log.warning("job %s: unreadable model output", claim.job_id)
        except JobTimeLimit as error:
            what = "answer" if claim.kind == "answer" else "summary"
            jobs.fail(self.store, claim, f"The {what} took longer than the limit of {error.limit_s:g} s and was stopped.", retry=False)
            log.warning("job %s: over its time limit of %g s", claim.job_id, error.limit_s)
        except Exception as error:  # a bug or a database fault: keep the worker alive, keep the job retryable
            if database_down(error):
                # If the database is still away, fail() raises too: run() waits for it, and the job,
                # still leased, is claimed again once its lease runs out.
                status = jobs.fail(self.store, claim, "The job stopped: the database could not be reached.", retry=True)
                log.warning("job %s: database unreachable (%s); now %s", claim.job_id, type(error).__name__, status)
                return
            jobs.fail(self.store, claim, f"The job stopped on an internal error ({type(error).__name__}).", retry=True)
            log.exception("job %s failed", claim.job_id)
