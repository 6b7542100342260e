"""`clinsum summarize`, `clinsum ask` and `clinsum verify` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.summary_format import SECTIONS
from ingestion import IngestionSettings, ingest
from engine import estimate_tokens
from tests.fixtures import bad_files as bad
from tests.test_cli import clinsum


@pytest.fixture
def env(tmp_path: Path, database_url: str) -> dict[str, str]:
    return {"CLINSUM_STORE__DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": database_url}


@pytest.fixture(scope="module")
def pages(sample_paths) -> dict[tuple[str, int], str]:
    record = ingest(sample_paths, IngestionSettings(workers=1), estimate_tokens)
    return {(doc.file, page.number): page.text for doc in record.documents for page in doc.pages}


def test_summarize_json_keeps_its_contract(sample_paths, env, pages) -> None:
    result = clinsum("summarize", *sample_paths, "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["title"] for s in data["sections"]] == list(SECTIONS)
    assert data["engine"]["backend"] == "extractive" and data["engine"]["model"]
    ingested = json.loads(clinsum("ingest", *sample_paths, "--json").stdout)
    # Token counts may differ by a hair: each ingest draws its own secret date shift.
    assert {k: v for k, v in data["record"].items() if k not in ("tokens", "prompts")} == \
        {k: v for k, v in ingested.items() if k not in ("tokens", "prompts")}
    assert abs(data["record"]["tokens"] - ingested["tokens"]) <= 0.01 * ingested["tokens"]
    statements = [s for section in data["sections"] for s in section["statements"]]
    cited = [s for s in statements if s["citations"]]
    assert len(cited) >= 10
    for statement in statements:
        assert set(statement) >= {"text", "citations", "supported", "reason"}
        assert isinstance(statement["supported"], bool) and isinstance(statement["reason"], str)
        for c in statement["citations"]:
            assert set(c) >= {"passage_id", "file", "page", "start", "end", "quote"}
            assert pages[(c["file"], c["page"])][c["start"] : c["end"]] == c["quote"]
    assert all(s["supported"] for s in cited), [s for s in cited if not s["supported"]]
    text = json.dumps(data)
    assert "[PERSON_" not in text and "[HOSPITAL_" not in text  # shown re-identified


def test_summarize_markdown_has_sections_markers_and_quoted_sources(sample_paths, env, tmp_path) -> None:
    out = tmp_path / "summary.md"
    result = clinsum("summarize", *sample_paths, "--engine", "extractive", "--out", out, env=env)
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert result.stdout == ""
    for title in SECTIONS:
        assert f"## {title}" in text
    assert "## Sources" in text and "sacubitril" in text.lower()
    sources = [line for line in text.splitlines() if line.startswith("[")]
    assert sources and all("page" in line and "“" in line for line in sources)
    assert "\x1b" not in result.stderr  # no progress bar drawn into a pipe


def test_summarize_reports_bad_files_and_summarizes_the_rest(sample_paths, env, tmp_path) -> None:
    exe = bad.make_exe(tmp_path / "setup.exe")
    result = clinsum("summarize", exe, sample_paths[0], "--format", "json", env=env)
    assert result.returncode == 2
    assert "setup.exe" in result.stderr
    assert json.loads(result.stdout)["record"]["errors"][0]["file"] == "setup.exe"
    nothing = clinsum("summarize", exe, env=env)
    assert nothing.returncode == 1 and "setup.exe" in nothing.stderr and nothing.stdout == ""


def test_ask_answers_from_the_record(sample_paths, env) -> None:
    result = clinsum("ask", *sample_paths, "--question", "What dose of metformin?", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    quotes = [c["quote"] for s in data["sections"] for st in [s] for x in st["statements"] for c in x["citations"]]
    assert any("metformin" in q.lower() for q in quotes)


def test_verify_reads_the_documented_input_and_keeps_the_order(tmp_path) -> None:
    source = tmp_path / "check.json"
    source.write_text(json.dumps({
        "passages": [{"id": "P1", "text": "Metoprolol succinate 25 mg daily."},
                     {"id": "P2", "text": "Chest X-ray: no pneumonia. Small left pleural effusion."}],
        "statements": [
            {"text": "Metoprolol succinate 25 mg daily.", "citations": ["P1"]},
            {"text": "Metoprolol succinate 50 mg daily.", "citations": ["P1"]},
            {"text": "Right pleural effusion.", "citations": ["P2"]},
            {"text": "Pneumonia on chest X-ray.", "citations": ["P2"]},
            {"text": "Small left pleural effusion.", "citations": ["P7"]},
        ],
    }))
    result = clinsum("verify", source)
    assert result.returncode == 0, result.stderr
    verdicts = json.loads(result.stdout)["statements"]
    assert [v["supported"] for v in verdicts] == [True, False, False, False, False]
    assert all(set(v) == {"supported", "score", "reason"} for v in verdicts)
    assert "P7" in verdicts[4]["reason"]

    source.write_text("{not json")
    broken = clinsum("verify", source)
    assert broken.returncode == 1 and "check.json" in broken.stderr and broken.stdout == ""


def test_worker_runs_queued_jobs_until_idle(env, tmp_path, database_url) -> None:
    from app import jobs
    from app.pipeline import prepare, request
    from app.settings import Settings, StoreSettings
    from app.store import Store
    from app.store.patients import create_patient
    from engine.extractive import ExtractiveEngine
    from tests.test_main_job import TEXT_SAMPLES

    settings = Settings(store=StoreSettings(data_dir=tmp_path / "data", url=database_url),
                        ingestion=IngestionSettings(workers=1))
    store = Store.open(settings)
    stored = prepare(TEXT_SAMPLES, settings, store, ExtractiveEngine(), create_patient(store).id)
    queued = [request(store, stored, settings), request(store, stored, settings, question="What dose of metformin?")]
    result = clinsum("worker", "--until-idle", env={**env, "CLINSUM_ENGINE__BACKEND": "extractive"})
    assert result.returncode == 0, result.stderr
    assert [jobs.state(store, job).status for job in queued] == ["done", "done"]
    store.close()


@pytest.mark.parametrize("engine, settings, says", [
    ("vllm", {"CLINSUM_ENGINE__MODEL": "/nowhere/model"}, "/nowhere/model does not exist"),
    ("openai", {"CLINSUM_ENGINE__URL": "http://127.0.0.1:9/v1", "CLINSUM_ENGINE__MAX_RETRIES": "0",
                "CLINSUM_ENGINE__TIMEOUT_S": "5"}, "openai engine is not available"),
])
def test_an_engine_that_cannot_run_is_one_sentence_not_a_traceback(sample_paths, tmp_path, engine, settings, says) -> None:
    result = clinsum("summarize", sample_paths[0], "--engine", engine,
                     env={"CLINSUM_STORE__DATA_DIR": str(tmp_path / "data"), **settings})
    assert result.returncode == 1 and result.stdout == ""
    assert says in result.stderr and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
