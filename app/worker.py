"""A worker: claims jobs, runs them (summarize or ask, then verify) and writes the results.

The CLI runs one in-process for its own job; `clinsum worker` runs one as a service. Engine
calls that time out or find the engine unavailable are retried a few times with backoff
(tenacity); then the job goes back to the queue until its attempts are spent, and fails with
the reason. A reply nothing can be read from fails the job at once: at temperature 0 it would
read the same again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from app import jobs
from app.settings import Settings
from app.store import Store
from app.store.records import record_input
from app.store.summaries import write_summary
from app.summarize import ModelOutputError, ask, summarize
from app.verify import verify_all
from engine import Engine, EngineError
from engine.base import ChatRequest, Generation

log = logging.getLogger(__name__)

TRANSIENT = ("timeout", "unavailable")


class RetryingEngine:
    """An engine whose generate() retries transient failures a bounded number of times."""

    def __init__(self, engine: Engine, tries: int, wait_s: float):
        self._engine, self._tries, self._wait_s = engine, tries, wait_s

    def generate(self, requests: Sequence[ChatRequest]) -> list[Generation]:
        retrying = Retrying(
            stop=stop_after_attempt(self._tries), wait=wait_exponential(multiplier=self._wait_s, max=60),
            retry=retry_if_exception(lambda e: isinstance(e, EngineError) and e.kind in TRANSIENT), reraise=True,
        )
        return retrying(self._engine.generate, requests)

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
            except Exception:  # a database hiccup: try again at the next beat, the lease still has time
                log.warning("lease renewal of job %s failed", claim.job_id, exc_info=True)

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
        self.on_progress: Callable[[str, int, int], None] | None = None

    def run_one(self, only: Sequence[int] | None = None) -> int | None:
        """Claim and run one job; returns its id, or None when there was nothing to do."""
        claim = jobs.claim(self.store, self.settings.jobs.lease_s, only)
        if claim is None:
            return None
        self.execute(claim)
        return claim.job_id

    def run(self, only: Sequence[int] | None = None, until_idle: bool = False, stop: threading.Event | None = None) -> None:
        stop = stop or threading.Event()
        while not stop.is_set():
            if self.run_one(only) is None:
                if until_idle:
                    return
                stop.wait(self.settings.jobs.poll_s)

    def execute(self, claim: jobs.Claim) -> None:
        settings = self.settings.jobs
        started = time.perf_counter()
        try:
            engine = RetryingEngine(self._engines(claim.engine), settings.engine_retries, settings.retry_wait_s)
            with _leased(self.store, claim, settings.lease_s):
                data = record_input(self.store, claim.record_id)
                progress = (lambda done, total: self.on_progress(claim.kind, done, total)) if self.on_progress else None
                if claim.kind == "answer":
                    draft = ask(data.prompts, claim.question or "", engine, max_tokens=settings.max_tokens, on_progress=progress)
                else:
                    draft = summarize(data.prompts, engine, max_tokens=settings.max_tokens, on_progress=progress)
                statements = [(s.text, s.citations) for section in draft.summary.sections for s in section.statements]
                verdicts = verify_all(statements, data.passages)
                described = engine.describe().as_dict()
                config = self.settings.engine.model_dump(mode="json")
                jobs.finish(self.store, claim, lambda session: write_summary(
                    session, claim.job_id, claim.record_id, claim.kind, claim.question, draft, verdicts, described, config,
                    time.perf_counter() - started,
                ))
        except jobs.LeaseLost:
            log.warning("job %s was taken over by another worker; its result was not written", claim.job_id)
        except EngineError as error:
            retry = error.kind in TRANSIENT
            status = jobs.fail(self.store, claim, f"The engine failed ({error.kind}): {error}", retry)
            log.warning("job %s: engine error (%s); now %s", claim.job_id, error.kind, status)
        except ModelOutputError as error:
            jobs.fail(self.store, claim, str(error), retry=False)
            log.warning("job %s: unreadable model output", claim.job_id)
        except Exception as error:  # a bug or a database fault: keep the worker alive, keep the job retryable
            jobs.fail(self.store, claim, f"The job stopped on an internal error ({type(error).__name__}).", retry=True)
            log.exception("job %s failed", claim.job_id)
