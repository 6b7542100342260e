"""`clinsum ingest`: what a user sees, as JSON and as text, and its exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.fixtures import bad_files as bad

CLINSUM = str(Path(sys.executable).parent / "clinsum")


def clinsum(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CLINSUM, *map(str, args)], capture_output=True, text=True, timeout=300,
        env={**os.environ, "CLINSUM_INGESTION__WORKERS": "1", **(env or {})},
    )


def test_ingest_json_describes_the_whole_sample_record(sample_paths):
    result = clinsum("ingest", *sample_paths, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"documents", "passages", "tokens", "prompts", "errors"}
    assert [d["file"] for d in data["documents"]] == sorted(p.name for p in sample_paths)  # names sort by date
    first = data["documents"][0]
    assert set(first) >= {"file", "sha256", "type", "date", "pages"}
    assert (first["type"], first["date"], first["pages"]) == ("progress_note", "2023-03-14", 1)
    assert len(first["sha256"]) == 64
    assert data["passages"] == sum(d["passages"] for d in data["documents"]) > 100
    assert data["tokens"] == sum(data["prompts"]) and len(data["prompts"]) == 1
    assert data["errors"] == []


def test_ingest_exits_2_when_some_files_fail_and_still_reports_the_rest(tmp_path, sample_paths):
    exe = bad.make_exe(tmp_path / "setup.exe")
    result = clinsum("ingest", exe, sample_paths[0], "--json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert [d["file"] for d in data["documents"]] == [sample_paths[0].name]
    assert data["errors"] == [{
        "file": "setup.exe",
        "error": "setup.exe is a Windows program, which clinsum does not read; upload PDF, text or image files.",
    }]


def test_ingest_exits_1_when_no_file_loads(tmp_path):
    result = clinsum("ingest", bad.make_empty(tmp_path / "note.txt"), bad.make_zip(tmp_path / "records.zip"))
    assert result.returncode == 1
    assert "note.txt is empty (0 bytes)." in result.stdout
    assert "records.zip is a ZIP archive" in result.stdout


def test_ingest_text_output_lists_documents_and_counts(sample_paths):
    result = clinsum("ingest", *sample_paths)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "6 documents in date order" in out
    assert "2023-04-20_cardiology_letter_fax.pdf  Consult" in out
    assert "Passages:" in out and "Prompts:  1 (" in out


def test_limits_come_from_the_environment(tmp_path):
    big = bad.make_many_pages_pdf(tmp_path / "chart.pdf", 60)
    result = clinsum("ingest", big, "--json", env={"CLINSUM_INGESTION__MAX_PAGES": "50"})
    assert result.returncode == 1
    assert json.loads(result.stdout)["errors"][0]["error"] == "chart.pdf has 60 pages, more than the limit of 50."


def test_a_small_context_window_splits_the_record_into_several_prompts(sample_paths, tmp_path):
    config = tmp_path / "clinsum.toml"
    config.write_text("[ingestion]\ncontext_tokens = 6000\nreserve_instructions = 500\nreserve_output = 500\n")
    result = clinsum("ingest", *sample_paths, "--json", env={"CLINSUM_CONFIG": str(config)})
    prompts = json.loads(result.stdout)["prompts"]
    assert len(prompts) > 1 and max(prompts) <= 5000


def test_deid_json_gives_surrogate_text_and_spans_over_the_original_text(sample_paths, tmp_path):
    note = next(p for p in sample_paths if p.suffix == ".txt")
    pdf = next(p for p in sample_paths if "discharge" in p.name)
    result = clinsum("deid", note, pdf, "--json")
    assert result.returncode == 0, result.stderr
    docs = {d["file"]: d for d in json.loads(result.stdout)["documents"]}
    original = note.read_text(encoding="utf-8")
    text_doc = docs[note.name]
    assert text_doc["spans"] and all(set(s) == {"start", "end", "entity_type", "score"} for s in text_doc["spans"])
    masked = [original[s["start"] : s["end"]] for s in text_doc["spans"]]
    assert "Darrell S. Nguyen" in masked and "67675149" in masked  # offsets into the file's decoded text
    assert "Darrell" not in text_doc["text_deidentified"] and "[PERSON_1]" in text_doc["text_deidentified"]
    # The same patient is the same surrogate in the PDF, whose spans index its extracted text.
    assert "[PERSON_1]" in docs[pdf.name]["text_deidentified"]
    assert all(0 <= s["start"] < s["end"] for s in docs[pdf.name]["spans"])


def test_deid_text_output_prints_each_document_under_its_name(sample_paths):
    note = next(p for p in sample_paths if p.suffix == ".md")
    result = clinsum("deid", note)
    assert result.returncode == 0
    assert result.stdout.startswith(f"=== {note.name} ===\n")
    assert "| **MRN** | [MRN_1] |" in result.stdout and "67675149" not in result.stdout


def test_engine_says_which_backend_would_run_and_why():
    result = clinsum("engine", "--json", env={"CLINSUM_ENGINE__MODEL": "/nonexistent/model"})
    data = json.loads(result.stdout)
    assert (data["backend"], data["model"]) == ("extractive", "extractive (no model)") and "no model" in data["why"]
    result = clinsum("engine", "--json", env={"CLINSUM_ENGINE__URL": "http://127.0.0.1:9/v1"})
    assert json.loads(result.stdout)["backend"] == "openai"
