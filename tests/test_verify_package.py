"""The verifier package's shape: one check per fault kind behind the `Check` protocol, typed findings,
one combiner, no branching on the text of a message, and a cheap import."""

import ast
import subprocess
import sys

import pytest

from app.verify import MAX_CHARS, clear_caches, verify, verify_all
from app.verify.base import MAX_REASON, Check, Claim, FaultKind, Finding, Span
from app.verify.checks import RULES, CitationCheck, LowSupportCheck
from tests.conftest import ROOT

PASSAGES = {
    "P1": "Metoprolol 25 mg PO BID was started for atrial fibrillation on 2024-03-14 at 08:30.",
    "P2": "No pneumonia. Small left pleural effusion. Potassium 5.8 mmol/L (H).",
    "P3": "Aspirin was stopped. The patient accepted the transfusion.",
    "P4": "L&D NOTE 0315: SROM at 0150 with clear fluid. Cervix 6/90/0. GBS negative. Epidural placed 0240.",
}
CHECKS = (*RULES, CitationCheck(), LowSupportCheck())

# statement, citations, the check that must find it, the kind it gives
CASES = [
    ("Metoprolol 50 mg BID was started for atrial fibrillation.", ["P1"], "number", FaultKind.NUMBER),
    ("Metoprolol 25 g BID was started for atrial fibrillation.", ["P1"], "unit", FaultKind.UNIT),
    ("Metoprolol 25 mg daily was started for atrial fibrillation.", ["P1"], "frequency", FaultKind.FREQUENCY),
    ("Metoprolol was started on 2024-03-15.", ["P1"], "date", FaultKind.DATE),
    ("Metoprolol was started at 09:30.", ["P1"], "time", FaultKind.TIME),
    ("Pneumonia was found.", ["P2"], "negation", FaultKind.NEGATION),
    ("Small right pleural effusion.", ["P2"], "side", FaultKind.SIDE),
    ("Potassium was normal.", ["P2"], "lab_flag", FaultKind.LAB_FLAG),
    ("Aspirin was continued.", ["P3"], "medication", FaultKind.MEDICATION),
    ("The patient declined the transfusion.", ["P3"], "opposite", FaultKind.OPPOSITE),
    ("Metoprolol was started for sarcoidosis.", ["P1"], "invented", FaultKind.INVENTED),
    ("Metoprolol was started.", ["P9"], "citation", FaultKind.CITATION),
    ("Her membranes ruptured at 0315.", ["P4"], "low_support", FaultKind.LOW_SUPPORT),
]


def test_every_check_is_a_check_with_a_name_of_its_own() -> None:
    assert all(isinstance(c, Check) for c in CHECKS)
    assert len({c.name for c in CHECKS}) == len(CHECKS)


@pytest.mark.parametrize(("text", "cites", "name", "kind"), CASES, ids=[c[2] for c in CASES])
def test_each_fault_kind_has_its_check(text: str, cites: list[str], name: str, kind: FaultKind) -> None:
    (check,) = [c for c in CHECKS if c.name == name]
    (found,) = check.findings([Claim(text, tuple(cites), PASSAGES)])
    assert found and all(isinstance(f, Finding) and f.kind is kind and 0 < len(f.reason) <= MAX_REASON for f in found)
    assert found[0].spans[0] == Span("statement", 0, len(text))
    assert [s.source for s in found[0].spans[1:]] == [c for c in cites if c in PASSAGES]
    assert not verify(text, cites, PASSAGES).supported


def test_a_faithful_statement_has_no_finding_from_any_check() -> None:
    claim = Claim("Metoprolol 25 mg twice daily was started for atrial fibrillation.", ("P1",), PASSAGES)
    assert all(found == [()] for found in (c.findings([claim]) for c in CHECKS))
    assert verify(claim.text, claim.citations, PASSAGES).supported


def test_reasons_stay_short_whatever_the_statement() -> None:
    ids = [f"P{n}" for n in range(100, 140)]
    long = " ".join(f"zorbitis{n} {n} mg" for n in range(300))
    for v in verify_all([(long, ["P1", *ids]), (long, ids), ("x" * (MAX_CHARS + 10), ["P1"])], PASSAGES):
        assert not v.supported and 0 < len(v.reason) <= MAX_REASON


def test_no_control_flow_reads_the_text_of_a_message() -> None:
    """A finding's reason is for the clinician: code compares kinds, never the words of a reason."""
    for path in sorted((ROOT / "app" / "verify").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            operands = [node.left, *node.comparators] if isinstance(node, ast.Compare) else \
                [node.func.value] if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else []
            for operand in operands:
                if isinstance(operand, ast.Call) and isinstance(operand.func, ast.Name) and operand.func.id == "len":
                    continue  # how long a reason is may be checked (to cut it), not what it says
                named = {n.attr for n in ast.walk(operand) if isinstance(n, ast.Attribute)} | \
                    {n.id for n in ast.walk(operand) if isinstance(n, ast.Name)}
                assert "reason" not in named, f"{path.relative_to(ROOT)}:{node.lineno} reads a message"


def test_importing_the_verifier_loads_no_vocabulary() -> None:
    code = "import sys, app.verify; print(sorted(m for m in sys.modules if m.startswith('app.verify.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "app.verify.vocab" not in out.stdout and "app.verify.facts" not in out.stdout


def test_clear_caches_keeps_every_verdict() -> None:
    before = verify("Metoprolol 50 mg twice daily was started.", ["P1"], PASSAGES)
    clear_caches()
    assert verify("Metoprolol 50 mg twice daily was started.", ["P1"], PASSAGES) == before
    assert not before.supported


def test_every_module_of_the_package_stays_small() -> None:
    for path in (ROOT / "app" / "verify").rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 420, path

