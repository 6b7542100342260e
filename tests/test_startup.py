"""Start-up stays light: heavy libraries load where they are used."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("entry", ["ui.state", "app.cli", "ingestion.config"])
def test_the_app_and_the_cli_start_without_the_heavy_libraries(entry: str) -> None:
    """presidio (2 s), torch, vLLM and pytesseract's pandas load where they are used, not at start:
    the browser app's first page and `clinsum --help` come in about a second."""
    heavy = ["presidio_analyzer", "spacy", "torch", "vllm", "transformers", "pandas"]
    code = f"import sys, {entry}; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stdout


@pytest.mark.parametrize("command", ["deid", "verify", "summarize", "users add"])
def test_a_commands_help_loads_neither_the_readers_nor_the_database_library(command: str) -> None:
    """`clinsum deid --help` came in 2-6 s; the readers (PDFium, pypdf), SQLAlchemy and alembic load
    where a command runs, not to print its help."""
    heavy = ["presidio_analyzer", "torch", "sqlalchemy", "alembic", "pypdfium2", "pypdf", "ingestion.load", "argon2"]
    code = ("import sys, app.cli\nsys.argv = ['clinsum', *%r, '--help']\ntry:\n    app.cli.main()\nexcept SystemExit:\n    pass\n"
            "print([m for m in %r if m in sys.modules], file=sys.stderr)") % (command.split(), heavy)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert "Usage" in out.stdout and out.stderr.strip().splitlines()[-1] == "[]", out.stderr


def test_tesseract_runs_single_threaded_and_the_process_keeps_its_openmp_threads(tmp_path, monkeypatch) -> None:
    """OMP_THREAD_LIMIT=1 goes to Tesseract only: set in the process, it capped a torch imported
    later, and the embedded vLLM engine on CPU generated garbage."""
    from PIL import Image, ImageDraw

    from ingestion.ocr import ocr_image

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    seen = tmp_path / "limit"
    tesseract = tmp_path / "tesseract"
    tesseract.write_text(f'#!/bin/sh\necho "${{OMP_THREAD_LIMIT:-unset}}" >> {seen}\nexec /usr/bin/tesseract "$@"\n')
    tesseract.chmod(0o755)
    page = Image.new("L", (600, 120), 255)
    ImageDraw.Draw(page).text((10, 40), "Creatinine 1.2 mg/dL", fill=0)
    ocr_image(page, 72, "eng", 30, command=str(tesseract))
    assert set(seen.read_text().split()) == {"1"}
    assert "OMP_THREAD_LIMIT" not in os.environ
    out = subprocess.run([sys.executable, "-c", "import os, ingestion, ingestion.ocr, ui.state; print(os.environ.get('OMP_THREAD_LIMIT'))"],
                         capture_output=True, text=True, check=True, cwd=ROOT, env={k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"})
    assert out.stdout.strip() == "None"
