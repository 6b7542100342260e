"""The verifier's stages as settings choose them: validation, planning per engine, and the
`verification` field each summary (and `clinsum verify`) records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from pydantic import ValidationError
from typer.testing import CliRunner

from app.output import summary_json
from app.settings import JobSettings, Settings, VerificationSettings
from app.store import Store
from app.store.db import migrate
from app.store.summaries import summary_of_job, view
from app.verify.stages import Stages
from engine.extractive import ExtractiveEngine
from engine.stub import StubEngine
from ingestion import IngestionSettings
from tests.test_main_job import TEXT_SAMPLES, _reply, _run

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path):
    opened = Store(f"sqlite:///{tmp_path / 'clinsum.db'}", tmp_path / "files", Fernet.generate_key().decode())
    migrate(opened.engine)
    yield opened
    opened.close()


def _settings(*stages: str) -> Settings:
    return Settings(ingestion=IngestionSettings(workers=1), jobs=JobSettings(retry_wait_s=0),
                    verification=VerificationSettings(stages=["rules", *stages]))


def _judged(*entries: tuple[int, str, str | None]) -> str:
    return json.dumps({"verdicts": [{"index": i, "verdict": v, "passage": p} for i, v, p in entries]})


# --- settings ---------------------------------------------------------------------------------------

def test_rules_only_by_default():
    assert VerificationSettings().stages == ["rules"] and Stages(VerificationSettings()).plan(StubEngine()).checks == []


def test_stages_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CLINSUM_VERIFICATION__STAGES", '["rules", "judge", "nli"]')
    monkeypatch.setenv("CLINSUM_VERIFICATION__NLI_MODEL", str(tmp_path))
    monkeypatch.setenv("CLINSUM_VERIFICATION__JUDGE_BATCH_SIZE", "4")
    v = Settings().verification
    assert v.stages == ["rules", "judge", "nli"] and v.nli_model == tmp_path and v.judge_batch_size == 4


@pytest.mark.parametrize(("stages", "nli_model", "message"), [
    (["rules", "nli"], None, "nli_model is not set"),
    (["rules", "nli"], "/nowhere/nli", "/nowhere/nli is not a folder"),
    (["judge"], None, 'must start with "rules"'),
    (["rules", "judge", "judge"], None, "listed twice"),
    (["rules", "entailment"], None, "stages"),
])
def test_a_stage_that_cannot_run_as_configured_stops_start_up(stages, nli_model, message):
    with pytest.raises(ValidationError, match=message):
        VerificationSettings(stages=stages, nli_model=nli_model)


# --- planning ---------------------------------------------------------------------------------------

def test_the_judge_runs_through_a_real_engine_and_is_skipped_with_a_note_on_the_extractive_one():
    stages = Stages(VerificationSettings(stages=["rules", "judge"], judge_batch_size=3))
    [judge] = stages.plan(StubEngine()).checks
    assert judge.name == "judge" and judge.batch_size == 3
    for engine in (ExtractiveEngine(), None):
        plan = stages.plan(engine)
        assert plan.checks == [] and plan.record() == {"stages": ["rules"], "unjudged": 0, "skipped": {
            "judge": "no model is running (the extractive engine cannot judge)"}}
        assert plan.notes() == ["The LLM judge did not check this summary: no model is running "
                                "(the extractive engine cannot judge)."]


def test_an_nli_folder_without_a_classifier_is_skipped_with_its_reason_once(tmp_path):
    stages = Stages(VerificationSettings(stages=["rules", "nli"], nli_model=tmp_path))
    first, second = stages.plan(None), stages.plan(None)
    assert first.checks == [] == second.checks
    assert first.skipped["nli"] == f"The NLI model folder {tmp_path} holds no config.json: it is not a transformers model"
    assert first.record()["stages"] == ["rules"]


def test_planning_loads_no_heavy_library_until_a_model_stage_needs_one():
    code = ("import sys; from app.verify.stages import Stages; from app.settings import VerificationSettings; "
            "Stages(VerificationSettings(stages=['rules', 'judge'])).plan(None); "
            "print(sorted(m for m in ('torch', 'transformers', 'vllm') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- the summary's verification field ---------------------------------------------------------------

def test_a_summary_by_default_records_the_rules_only(store):
    _, job = _run(store, StubEngine([_reply(("Metformin 500 mg twice daily.", ["P2"]))]), settings=_settings())
    shown = view(store, summary_of_job(store, job))
    assert shown.verification == {"stages": ["rules"], "unjudged": 0}
    assert summary_json(shown)["verification"] == {"stages": ["rules"], "unjudged": 0}


def test_a_summary_judged_by_the_llm_records_rules_and_judge_and_shows_the_judges_finding(store):
    from app.pipeline import prepare, request
    from app.store.records import record_input
    from app.worker import Worker
    from tests.test_main_job import _patient

    settings, engine = _settings("judge"), StubEngine()
    stored = prepare(TEXT_SAMPLES, settings, store, engine, _patient(store))
    quoted = record_input(store, stored.id).passages["P2"]  # the rules support a statement quoting its passage
    engine.script(_reply((quoted, ["P2"]), ("Uncited.", [])), _judged((1, "contradicted", "P2")))
    job = request(store, stored, settings)
    Worker(store, settings, lambda _name: engine).run(only=[job], until_idle=True)
    shown = view(store, summary_of_job(store, job))
    assert shown.verification == {"stages": ["rules", "judge"], "unjudged": 0}
    assert summary_json(shown)["verification"] == shown.verification
    [judge_request] = [r for r in engine.requests if r.json_schema and "verdicts" in r.json_schema["properties"]]
    assert judge_request.json_schema["properties"]["verdicts"]["maxItems"] == 1  # the uncited statement is the rules'
    [first, second] = [s for _, items in shown.sections for s in items]
    assert not first.supported and first.reason == "The judge reads P2 as contradicting this statement."
    assert not second.supported and "judge" not in second.reason


def test_a_judge_reply_it_cannot_read_is_counted_and_noted_not_a_failed_summary(store):
    engine = StubEngine([_reply(("Metformin 500 mg twice daily.", ["P2"])), "no json here"])
    _, job = _run(store, engine, settings=_settings("judge"))
    shown = view(store, summary_of_job(store, job))
    assert shown.verification == {"stages": ["rules", "judge"], "unjudged": 1}
    assert any("could not judge 1 statement;" in p for p in shown.problems)


def test_the_judge_on_the_extractive_engine_is_skipped_and_the_summary_says_so(store):
    _, job = _run(store, ExtractiveEngine(), paths=TEXT_SAMPLES[:1], settings=_settings("judge"))
    shown = view(store, summary_of_job(store, job))
    assert shown.verification["stages"] == ["rules"] and "judge" in shown.verification["skipped"]
    assert any(p.startswith("The LLM judge did not check this summary") for p in shown.problems)


# --- clinsum verify -------------------------------------------------------------------------------

def _verify(tmp_path, monkeypatch, **env: str) -> dict:
    from app.cli import cli

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    source = tmp_path / "check.json"
    source.write_text(json.dumps({"passages": [{"id": "P1", "text": "Metformin 500 mg twice daily."}],
                                  "statements": [{"text": "Metformin 500 mg twice daily.", "citations": ["P1"]},
                                                 {"text": "Metformin 1000 mg daily.", "citations": ["P1"]}]}))
    result = CliRunner().invoke(cli, ["verify", str(source)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_clinsum_verify_reports_its_stages(tmp_path, monkeypatch):
    assert _verify(tmp_path, monkeypatch)["verification"] == {"stages": ["rules"], "unjudged": 0}
    # The stub engine's default reply is a summary, not verdicts: both statements go unjudged, none fail.
    judged = _verify(tmp_path, monkeypatch, CLINSUM_VERIFICATION__STAGES='["rules","judge"]',
                     CLINSUM_ENGINE__BACKEND="stub")
    assert judged["verification"] == {"stages": ["rules", "judge"], "unjudged": 2}
    assert [s["supported"] for s in judged["statements"]] == [True, False]


def test_a_stage_clinsum_cannot_run_stops_it_with_one_line_naming_the_setting(tmp_path):
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "CLINSUM_VERIFICATION__STAGES": '["rules", "nli"]'}
    result = subprocess.run([sys.executable, "-c", "from app.cli import main; main()", "verify", "x.json"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == "Setting verification: Value error, stages lists nli but nli_model is not set " \
        "(CLINSUM_VERIFICATION__NLI_MODEL)"


def test_a_summary_says_in_one_sentence_what_checked_it():
    from app.verify.stages import checked_by

    assert checked_by({"stages": ["rules"], "unjudged": 0}) == "Checked by the rules."
    assert checked_by({}) == "Checked by the rules."
    assert checked_by({"stages": ["rules", "context", "judge"], "unjudged": 3}) == (
        "Checked by the rules, the clinical context check (medspaCy) and the LLM judge; 3 statements only by the rules.")
    assert checked_by({"stages": ["rules", "nli"], "unjudged": 1}).endswith("the NLI model; 1 statement only by the rules.")
