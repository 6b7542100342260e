"""The vLLM plugin as a distribution of its own (engine/vllm_plugin/pyproject.toml), for the engine
image: the same module path and entry point as clinsum's, and nothing else of clinsum."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from tests.conftest import ROOT

ENTRY = "engine.vllm_plugin:register"


def test_clinsum_and_the_plugin_distribution_name_one_entry_point() -> None:
    main = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["vllm.general_plugins"]
    plugin = tomllib.loads((ROOT / "engine/vllm_plugin/pyproject.toml").read_text())["project"]
    assert main == plugin["entry-points"]["vllm.general_plugins"] == {"clinsum": ENTRY}
    assert plugin["dependencies"] == []  # vllm and torch are the image's


def test_the_wheel_holds_the_plugin_alone_and_vllm_would_find_it(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(ROOT / "engine/vllm_plugin", source, ignore=shutil.ignore_patterns("__pycache__", "build"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp_path / "dist"), str(source)], check=True, capture_output=True, timeout=120)
    [wheel] = (tmp_path / "dist").glob("clinsum_vllm_plugin-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        code = sorted(n for n in archive.namelist() if not n.startswith("clinsum_vllm_plugin-"))
        archive.extractall(tmp_path / "site")
    assert code == ["engine/vllm_plugin/__init__.py", "engine/vllm_plugin/bailing_eagle3.py"]  # no engine/__init__.py
    # A bare interpreter with only the wheel on its path, as in the engine image: `engine` is a
    # namespace there, and the entry point loads register() without importing vLLM.
    probe = ("import sys; from importlib.metadata import entry_points; "
             "[ep] = [e for e in entry_points(group='vllm.general_plugins') if e.value == %r]; "
             "register = ep.load(); import engine; "
             "print(engine.__file__, callable(register), 'vllm' in sys.modules)" % ENTRY)
    out = subprocess.run([sys.executable, "-I", "-S", "-c", f"import sys; sys.path.insert(0, {str(tmp_path / 'site')!r}); {probe}"],
                         capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["None", "True", "False"], out.stdout + out.stderr
