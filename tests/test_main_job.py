"""The main job in-process, on SQLite and PostgreSQL: files → stored record → job → verified summary.

The stub engine scripts each fault a model or a server can produce; the store must end with a
clear job error or flagged statements, never a half-written summary.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app import jobs
from app.pipeline import prepare, request
from app.settings import JobSettings, Settings
from app.store import Store
from app.store.schema import AuditEvent, Job, Record, Statement, Summary
from app.store.summaries import summary_of_job, view
from app.worker import Worker
from engine import EngineError
from engine.extractive import ExtractiveEngine
from engine.stub import StubEngine, timeout
from ingestion import IngestionSettings
from tests.conftest import SAMPLES

TEXT_SAMPLES = [p for p in SAMPLES if p.suffix in (".txt", ".md")]  # no OCR: fast


def _settings(**jobs_options) -> Settings:
    return Settings(ingestion=IngestionSettings(workers=1), jobs=JobSettings(retry_wait_s=0, **jobs_options))


def _run(store: Store, engine, paths=TEXT_SAMPLES, question: str | None = None, settings: Settings | None = None):
    settings = settings or _settings()
    stored = prepare(paths, settings, store, engine, _patient(store))
    job = request(store, stored, settings, question)
    worker = Worker(store, settings, lambda _name: engine)
    while jobs.state(store, job).status not in ("done", "failed"):
        assert worker.run_one(only=[job]) == job
    return stored, job


def _patient(store: Store, label: str = "bed 12") -> int:
    from app.store.patients import patient_for

    return patient_for(store, label)[0].id


def _count(store: Store, table) -> int:
    with store.transaction() as s:
        return s.scalar(select(func.count()).select_from(table))


def _reply(*statements: tuple[str, list[str]], title: str = "Medications with changes") -> str:
    return json.dumps({"sections": [{"title": title, "statements": [{"text": t, "citations": c} for t, c in statements]}]})


def test_extractive_summary_is_stored_verified_and_shown_reidentified(store: Store) -> None:
    stored, job = _run(store, ExtractiveEngine())
    assert jobs.state(store, job).status == "done"
    shown = view(store, summary_of_job(store, job))
    with store.transaction() as s:  # who saw which patient's summary, and when
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "summary shown")) == 1
    statements = [s for _, items in shown.sections for s in items]
    cited = [s for s in statements if s.citations]
    assert cited and all(c.file and c.quote for s in cited for c in s.citations)
    assert all(s.supported for s in cited), [(s.text, s.reason) for s in cited if not s.supported]
    assert shown.engine["backend"] == "extractive"
    # Stored de-identified; shown with the real names back.
    mapping_values = list(_originals(store, stored.patient_id).values())
    with store.transaction() as s:
        kept = " ".join(s.scalars(select(Statement.text)))
    shown_text = " ".join(s.text for s in statements)
    assert not any(v in kept for v in mapping_values if len(v) > 3)
    assert "[PERSON_" not in shown_text
    if "[PERSON_" in kept:
        assert any(v in shown_text for v in mapping_values)


def _originals(store: Store, patient_id: int) -> dict[str, str]:
    """The patient's PHI as de-identification found it: token → original."""
    from app.store.records import mapping_of

    return mapping_of(store, patient_id).originals


def test_citations_resolve_to_the_original_text(store: Store) -> None:
    engine = StubEngine([_reply(("Metformin resumed at 500 mg.", ["P1", "P2"]))])
    _, job = _run(store, engine)
    [statement] = [s for _, items in view(store, summary_of_job(store, job)).sections for s in items]
    for citation in statement.citations:
        source = next(p for p in TEXT_SAMPLES if p.name == citation.file).read_text(encoding="utf-8")
        assert source[citation.start : citation.end] == citation.quote  # a text file: offsets into its text


def test_unknown_ids_and_unsupported_statements_are_flagged_not_dropped(store: Store) -> None:
    engine = StubEngine([_reply(("Started warfarin 5 mg daily.", ["P999"]), ("Plan discussed.", []))])
    _, job = _run(store, engine)
    first, second = [s for _, items in view(store, summary_of_job(store, job)).sections for s in items]
    assert not first.supported and "P999" in first.reason
    assert first.citations[0].passage_id == "P999" and first.citations[0].file is None
    assert not second.supported and second.reason


@pytest.mark.parametrize("reply", [
    '{"sections": [{"title": "Allergies", "statements": [{"text": "No known drug allergies.", "citations": ["P3"]}, {"text": "Peni',
    "```json\n" + _reply(("Metformin 500 mg.", ["P2"])) + "\n```",
    "## Allergies\n- No known drug allergies [P3]\n",
])
def test_malformed_or_truncated_output_still_yields_checked_statements(store: Store, reply: str) -> None:
    _, job = _run(store, StubEngine([reply]))
    assert jobs.state(store, job).status == "done"
    statements = [s for _, items in view(store, summary_of_job(store, job)).sections for s in items]
    assert statements and all(isinstance(s.supported, bool) and s.reason is not None for s in statements)


def test_prose_without_citations_is_kept_as_flagged_statements(store: Store) -> None:
    _, job = _run(store, StubEngine(["I cannot help with that."]))
    [statement] = [s for _, items in view(store, summary_of_job(store, job)).sections for s in items]
    assert not statement.supported and statement.reason


@pytest.mark.parametrize("reply", ["", "   \n", "{}", '{"sections": []}'])
def test_unreadable_output_fails_the_job_with_a_reason_and_writes_nothing(store: Store, reply: str) -> None:
    _, job = _run(store, StubEngine([reply, reply, reply]))
    state = jobs.state(store, job)
    assert state.status == "failed" and state.error and "P" not in state.error.split()[0]
    assert _count(store, Summary) == 0 and _count(store, Statement) == 0


def test_timeouts_are_retried_then_the_job_fails_with_the_reason(store: Store) -> None:
    engine = StubEngine([timeout()] * 20)
    _, job = _run(store, engine, settings=_settings(engine_retries=2, max_attempts=2))
    state = jobs.state(store, job)
    assert state.status == "failed" and "timeout" in state.error and state.attempts == 2
    assert len(engine.requests) == 4  # 2 tries per attempt, 2 attempts
    assert _count(store, Summary) == 0


def test_a_transient_failure_then_success_completes(store: Store) -> None:
    engine = StubEngine([EngineError("unavailable", "the engine server is not reachable"), _reply(("Metformin 500 mg.", ["P2"]))])
    _, job = _run(store, engine)
    assert jobs.state(store, job).status == "done" and _count(store, Summary) == 1


def test_an_internal_failure_while_writing_leaves_no_half_summary(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.worker as worker

    real = worker.write_summary

    def crash_after_writing(session, *args, **kwargs):
        real(session, *args, **kwargs)
        raise OSError("disk full")

    monkeypatch.setattr(worker, "write_summary", crash_after_writing)
    _, job = _run(store, StubEngine(), settings=_settings(max_attempts=1))
    assert jobs.state(store, job).status == "failed"
    assert _count(store, Summary) == 0 and _count(store, Statement) == 0


def test_the_same_files_again_reuse_the_stored_record(store: Store) -> None:
    engine = ExtractiveEngine()
    first, _ = _run(store, engine)
    second, _ = _run(store, engine)
    assert first == second
    assert _count(store, Summary) == 2 and _count(store, Job) == 2


def test_planted_phi_never_reaches_the_engine_not_even_in_a_question(store: Store) -> None:
    engine = StubEngine()
    stored, job = _run(store, engine)
    originals = [v for v in _originals(store, stored.patient_id).values() if len(v) > 3]
    name = max((v for t, v in _originals(store, stored.patient_id).items() if t.startswith("[PERSON_")), key=len)
    _run(store, engine, question=f"What did {name} take for diabetes on 2023-03-14?")
    seen = " ".join(m.content for r in engine.requests for m in r.messages)
    assert originals and not [v for v in originals if v in seen]
    assert "2023-03-14" not in seen  # the question's date is shifted like the record's


def test_a_question_is_answered_with_citations(store: Store) -> None:
    _, job = _run(store, ExtractiveEngine(), question="What is the metformin dose?")
    shown = view(store, summary_of_job(store, job))
    assert shown.kind == "answer" and "metformin" in shown.question.lower()
    statements = [s for _, items in shown.sections for s in items]
    assert any("metformin" in (c.quote or "").lower() for s in statements for c in s.citations)


def test_a_worker_killed_mid_summary_leaves_the_job_to_the_next_run(store: Store, database_url: str) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    settings = _settings()
    stored = prepare(TEXT_SAMPLES, settings, store, StubEngine(), _patient(store))
    job = request(store, stored, settings)
    slow = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.jobs_crash", "--delay", "120", "--worker", database_url, str(store.files.root)],
        cwd=ROOT, env={**os.environ, "CLINSUM_STORE__KEY": store.key},
    )
    try:
        deadline = time.monotonic() + 60
        while jobs.state(store, job).status != "running":
            assert time.monotonic() < deadline and slow.poll() is None
            time.sleep(0.1)
    finally:
        os.kill(slow.pid, signal.SIGKILL)
        slow.wait()
    assert jobs.state(store, job).status == "running"  # the dead worker's lease has not run out

    again = request(store, stored, settings)  # running the same command again ...
    assert again == job
    Worker(store, settings, lambda _name: StubEngine()).run(only=[job], until_idle=True)
    state = jobs.state(store, job)
    assert (state.status, state.attempts) == ("done", 2)  # ... completes it, once
    assert _count(store, Summary) == 1


def test_no_phi_in_debug_logs_of_a_whole_job(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    engine = StubEngine([_reply(("Metformin resumed at 500 mg.", ["P2", "P999"])), timeout()])
    stored, _ = _run(store, engine)
    _run(store, engine, question="Did Nguyen take metformin?")
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    originals = [v for v in _originals(store, stored.patient_id).values() if len(v) > 3]
    assert caplog.records and originals
    assert not [v for v in originals if v in logged]


def test_two_runs_storing_the_same_upload_at_once_share_one_record(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.pipeline as pipeline

    settings = _settings()
    first = prepare(TEXT_SAMPLES, settings, store, ExtractiveEngine(), _patient(store))
    real, calls = pipeline.find_record, []

    def looked_too_early(*args):  # the second run looked before the first had stored
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(pipeline, "find_record", looked_too_early)
    second = prepare(TEXT_SAMPLES, settings, store, ExtractiveEngine(), _patient(store))
    assert second == first and len(calls) == 2
    assert _count(store, Record) == 1
