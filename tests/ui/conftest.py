"""The browser app under Streamlit's AppTest: one store per data folder, its context opened the app's way.

The app caches one AppContext for the server's life (`ui.state._context`, st.cache_resource), opened
from the environment. A test serves a data folder by setting CLINSUM_STORE__DATA_DIR, clearing the
cache and letting the app open it; afterwards the context is closed (its worker thread stops) and
the cache cleared, so no thread and no store outlives its test. The sample record is loaded once per
module into a shared store; tests that need an empty install, or a stopped worker, get their own.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app import jobs
from app.context import AppContext, sample_files
from app.pipeline import request
from app.store.patients import create_patient
from app.store.summaries import summary_of_job
from app.uploads import Upload, add_files
from ui import state

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
RUN_TIMEOUT = 120  # seconds a script run may take (the first imports the de-identification models)
JOB_TIMEOUT = 60  # seconds a summary or an answer may take on the extractive engine

# A synthetic note (Faker-style, made up) with a name de-identification must replace: the Record page
# shows its surrogate, never the name.
PLANTED_NAME = "Rosalind Featherstonehaugh"
PLANTED_NOTE = (
    "OUTPATIENT PROGRESS NOTE\n"
    f"Patient: {PLANTED_NAME}   DOB: 11/04/1951   MRN: 48213377\n"
    "Date of Service: 06/01/2023\n"
    f"Ms. {PLANTED_NAME} returns for review of her heart failure. She reports less ankle swelling.\n"
    "Weight is down 1.2 kg since the last visit. Continue furosemide 40 mg daily.\n"
)


@contextlib.contextmanager
def serving(data_dir: Path, **env: str) -> Iterator[AppContext]:
    """The app's context for `data_dir`, opened as the app opens it (environment, cached), closed after.

    `env` adds settings, as hospital IT would set them (CLINSUM_INGESTION__OCR_COMMAND=...)."""
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("CLINSUM_") or name == "DATABASE_URL":
                mp.delenv(name)  # nothing of the developer's environment: SQLite, extractive engine, local mode
        mp.setenv("CLINSUM_STORE__DATA_DIR", str(data_dir))
        mp.setenv("CLINSUM_INGESTION__WORKERS", "1")  # no process pool
        mp.setenv("CLINSUM_JOBS__POLL_S", "0.05")  # the worker thread picks a queued job up at once
        for name, value in env.items():
            mp.setenv(name, value)
        st.cache_resource.clear()
        ctx = state._context()
        try:
            yield ctx
        finally:
            ctx.close()
            st.cache_resource.clear()
            assert ctx.worker is None or not ctx.worker.is_alive(), "the worker thread outlived its context"


def activate(ctx: AppContext) -> None:
    """Make `ctx` the context the app's cache hands out (another test may have served another store)."""
    st.cache_resource.clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(state, "open_context", lambda *args, **kwargs: ctx)
        assert state._context() is ctx


def new_app(patient_id: int | None = None) -> AppTest:
    """A fresh browser session on the app (not yet run), with `patient_id` selected."""
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT)
    if patient_id is not None:
        at.session_state["patient_id"] = patient_id
    return at


def wait_for_job(ctx: AppContext, job_id: int) -> jobs.JobState:
    deadline = time.monotonic() + JOB_TIMEOUT
    while not (now := jobs.state(ctx.store, job_id)).ended:
        assert time.monotonic() < deadline, f"job {job_id} still {now.status} after {JOB_TIMEOUT} s"
        time.sleep(0.05)
    return now


@dataclass
class Shared:
    """The module's store: the sample record (and a planted synthetic note) for one patient."""

    ctx: AppContext
    patient_id: int
    data_dir: Path
    _summary: int | None = None
    _answer: int | None = None

    def record_id(self) -> int:
        from app.views import current_record

        return current_record(self.ctx.store, self.patient_id).id

    def finished(self, question: str | None = None) -> int:
        """A summary (or an answer to `question`) written by the context's worker thread: its summary id."""
        from app.store.records import StoredRecord

        job = request(self.ctx.store, StoredRecord(self.record_id(), self.patient_id, {}), self.ctx.settings, question,
                      actor="local")
        assert wait_for_job(self.ctx, job).status == "done"
        return summary_of_job(self.ctx.store, job)

    @property
    def summary_id(self) -> int:
        if self._summary is None:
            self._summary = self.finished()
        return self._summary

    @property
    def answer_id(self) -> int:
        if self._answer is None:
            self._answer = self.finished("What was the last ejection fraction?")
        return self._answer


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    data_dir = tmp_path_factory.mktemp("ui-shared")
    with serving(data_dir) as ctx:
        patient = create_patient(ctx.store, "sample record", actor="local")
        uploads = [Upload(p.name, p.read_bytes()) for p in sample_files()]
        uploads.append(Upload("2023-06-01_planted_note.txt", PLANTED_NOTE.encode()))
        result = add_files(ctx.store, ctx.settings, ctx.engine, patient.id, uploads)
        assert [o.status for o in result.files] == ["added"] * len(uploads), result.files
        yield Shared(ctx, patient.id, data_dir)


@pytest.fixture
def shared(shared_store: Shared) -> Shared:
    """The module's store, served by the app for this test."""
    activate(shared_store.ctx)
    return shared_store


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[AppContext]:
    """An empty install of the app's own."""
    with serving(tmp_path / "data") as ctx:
        yield ctx


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], bytes]:
    """The bytes behind a media URL (a download button's file, an image) of the runs made in this test.

    AppTest keeps its media files in a MemoryMediaFileStorage made per run and dropped after it; this
    keeps each one, so a test can read what the browser would have downloaded."""
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    made: list[MemoryMediaFileStorage] = []

    class Kept(MemoryMediaFileStorage):
        def __init__(self, endpoint: str) -> None:
            super().__init__(endpoint)
            made.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Kept)

    def read(url: str) -> bytes:
        name = url.rsplit("/", 1)[-1]
        for storage in reversed(made):
            with contextlib.suppress(Exception):
                return storage.get_file(name).content
        raise AssertionError(f"no media file behind {url}")

    return read


def page_text(at: AppTest) -> str:
    """Everything the page sends to the browser, as text (each element's message)."""
    out: list[str] = []

    def walk(node) -> None:
        if (proto := getattr(node, "proto", None)) is not None:
            out.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(out)
