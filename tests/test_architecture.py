"""The one-way flow of DESIGN.md, checked by import-linter against pyproject's contracts."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_imports_flow_one_way_from_ingestion_and_engine_to_app_to_ui() -> None:
    """ui sees app only; app sees ingestion and engine; those two see neither app nor each other."""
    lint = Path(sys.executable).parent / "lint-imports"
    out = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:]
    assert "0 broken" in out.stdout
