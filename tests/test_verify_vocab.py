"""The verifier's vocabularies are data: a malformed file is named in a clear error, and an edited copy
changes what the rules decide, without touching code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.verify import verify, vocab
from tests.conftest import ROOT

STATEMENT, PASSAGE = "Patient has zorbitis.", "Patient has gastritis."


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    shutil.copytree(vocab.DATA, out)
    return out


def test_the_shipped_files_load_and_are_the_ones_in_use() -> None:
    v = vocab.load()
    assert v.synonyms["htn"] == "hypertension" and v.units["mg"] == ("mg", "mass", 1.0)
    assert vocab.current().synonyms == v.synonyms


@pytest.mark.parametrize(("name", "edit", "says"), [
    ("words.yaml", lambda t: t + "\nstop: 12\n", "stop must be a space-separated list of words"),
    ("negation.yaml", lambda t: t + "\nextra: x\n", "unknown extra"),
    ("medications.yaml", lambda t: t.replace("status_past:", "status_past:\n  linger: lingered", 1),
     "status_past names statuses that are not in status: linger"),
    ("language.yaml", lambda t: t + "\n  bad: [: \n", "cannot be read as YAML"),
    ("synonyms.tsv", lambda t: t + "htn hypertension\n", "expected 2 tab-separated non-empty columns"),
    ("synonyms.tsv", lambda t: t + "htn\thigh blood pressure\n", "'htn' is given twice"),
    ("units.tsv", lambda t: t + "zz\tzz\tmass\tten\n", "the factor of zz is not a number"),
    ("findings.yaml", lambda t: t.replace("morphology:", "morphology:\n  - \"(unclosed\"", 1),
     "morphology is not a valid regular expression"),
])
def test_a_malformed_file_gives_an_error_naming_it(copy: Path, name: str, edit, says: str) -> None:
    path = copy / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(vocab.VocabError) as err:
        vocab.load(copy)
    assert str(path) in str(err.value) and says in str(err.value)


def test_a_missing_file_is_named(copy: Path) -> None:
    (copy / "frequencies.yaml").unlink()
    with pytest.raises(vocab.VocabError, match="frequencies.yaml"):
        vocab.load(copy)


def test_editing_a_synonym_in_a_copy_changes_the_verdict(copy: Path) -> None:
    assert not verify(STATEMENT, ["P1"], {"P1": PASSAGE}).supported  # zorbitis is not in the passage
    with (copy / "synonyms.tsv").open("a", encoding="utf-8") as f:
        f.write("zorbitis\tgastritis\n")
    code = (f"from app.verify import verify; print(verify({STATEMENT!r}, ['P1'], {{'P1': {PASSAGE!r}}}).supported)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env={**os.environ, vocab.ENV: str(copy)})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "True"


def test_ppx_is_prophylaxis_on_both_sides() -> None:
    # A general clinical abbreviation, as data (synonyms.tsv): "VTE ppx" is the VTE prophylaxis a statement spells out.
    passages = {"P1": "Enoxaparin 40 mg SC daily x 28 days for VTE ppx."}
    assert verify("Enoxaparin 40 mg once a day was prescribed for VTE prophylaxis.", ["P1"], passages).supported
    assert not verify("Enoxaparin 60 mg once a day was prescribed for VTE prophylaxis.", ["P1"], passages).supported
