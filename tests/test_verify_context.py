"""The context stage: medspaCy's ConText compares how a statement and its cited passages assert the
concepts they share (family member, uncertain or hypothetical, past history, negated).

The pairs below were written before the check was tuned. medspaCy is installed by `make` (see
app/verify/context-requirements.txt): a test here fails, never skips, where it is missing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.settings import VerificationSettings
from app.verify.base import MAX_REASON, Check, Claim, FaultKind
from app.verify.stages import Stages

ROOT = Path(__file__).resolve().parents[1]

PASSAGES = {
    "F1": "FAMILY HISTORY: Mother had breast cancer at age 48, treated with mastectomy. Father alive with HTN.",
    "F2": "Family history is notable for colon cancer in her brother.",
    "U1": "CXR: Hazy right perihilar opacity, possible early pneumonia. Stable cardiomegaly.",
    "U2": "Assessment: rule out pulmonary embolism; CT angiogram ordered.",
    "U3": "Plan: if the potassium falls below 3.5, give potassium chloride.",
    "H1": "HPI: 67F with hx of MI in 2015 s/p PCI to RCA, presents with 3 days of progressive DOE.",
    "H2": "Past medical history: deep vein thrombosis, treated with warfarin for six months.",
    "N1": "ROS: Denies chest pain. Reports palpitations at night.",
    "N2": "Exam: abdomen soft, no hepatomegaly, no ascites.",
    "P1": "Daughter reports the patient fell at home; the patient has hip pain since the fall.",
}

FAULTS = [
    ("The patient has breast cancer.", "F1", FaultKind.EXPERIENCER),
    ("She was diagnosed with colon cancer.", "F2", FaultKind.EXPERIENCER),
    ("Chest X-ray shows early pneumonia.", "U1", FaultKind.CERTAINTY),
    ("She has a pulmonary embolism.", "U2", FaultKind.CERTAINTY),
    ("Potassium chloride was given.", "U3", FaultKind.CERTAINTY),
    ("She had a myocardial infarction this admission.", "H1", FaultKind.TEMPORAL),
    ("She now has a deep vein thrombosis.", "H2", FaultKind.TEMPORAL),
    ("She reports chest pain.", "N1", FaultKind.NEGATION),
    ("Exam showed ascites.", "N2", FaultKind.NEGATION),
    ("She denies palpitations.", "N1", FaultKind.NEGATION),
]

FAITHFUL = [
    ("Her mother had breast cancer at 48.", "F1"),
    ("Family history of colon cancer (brother).", "F2"),
    ("Chest X-ray raised the possibility of early pneumonia.", "U1"),
    ("Pulmonary embolism is to be ruled out with a CT angiogram.", "U2"),
    ("Potassium chloride is planned if potassium falls below 3.5.", "U3"),
    ("She has a history of myocardial infarction in 2015 treated with PCI.", "H1"),
    ("Past history of deep vein thrombosis treated with warfarin.", "H2"),
    ("She denies chest pain.", "N1"),
    ("No ascites or hepatomegaly on exam.", "N2"),
    ("She reports palpitations at night.", "N1"),
    ("She has hip pain after a fall at home.", "P1"),
    ("She presents with three days of progressive dyspnea on exertion.", "H1"),
]


def _claims(pairs) -> list[Claim]:
    return [Claim(text, (pid,), PASSAGES) for text, pid, *_ in pairs]


@pytest.fixture(scope="module")
def check():
    from app.verify.context import ALL_KINDS, ContextCheck

    return ContextCheck(ALL_KINDS)  # negation too, which the stage leaves to the rules by default


def test_the_check_is_a_stage_behind_the_protocol(check):
    assert isinstance(check, Check) and check.name == "context"


@pytest.mark.parametrize(("statement", "pid", "kind"), FAULTS, ids=[f"{k.value}:{s}" for s, _, k in FAULTS])
def test_each_fault_kind_is_caught_with_its_spans(check, statement, pid, kind):
    [found] = check.findings(_claims([(statement, pid)]))
    assert kind in {f.kind for f in found}, found
    finding = next(f for f in found if f.kind == kind)
    assert finding.stage == "context" and 0 < len(finding.reason) <= MAX_REASON
    sources = [s.source for s in finding.spans]
    assert sources[0] == "statement" and pid in sources
    s = finding.spans[0]
    assert 0 <= s.start < s.end <= len(statement)
    p = finding.spans[sources.index(pid)]
    assert 0 <= p.start < p.end <= len(PASSAGES[pid])


@pytest.mark.parametrize(("statement", "pid"), FAITHFUL, ids=[s for s, _ in FAITHFUL])
def test_faithful_statements_are_not_flagged(check, statement, pid):
    assert check.findings(_claims([(statement, pid)])) == [()]


def test_the_stage_by_default_reports_the_experiencer_and_leaves_the_rest_to_the_rules(check):
    from app.verify.context import ContextCheck

    default = ContextCheck()
    assert default.kinds == {FaultKind.EXPERIENCER}
    assert default.findings(_claims([FAULTS[-1]])) == [()] and check.findings(_claims([FAULTS[-1]])) != [()]


def test_a_batch_keeps_its_order_and_odd_claims_get_nothing(check):
    claims = [*_claims([FAULTS[0], FAITHFUL[0]]), Claim("", ("F1",), PASSAGES), Claim("Breast cancer.", (), PASSAGES),
              Claim("Breast cancer.", ("P404",), PASSAGES), Claim("x" * 50_000, ("F1",), PASSAGES)]
    found = check.findings(claims)
    assert len(found) == 6 and found[0] and found[1:] == [()] * 5


def test_a_reason_names_the_statements_words_and_the_span_covers_them(check):
    statement = "The patient has breast cancer."
    [found] = check.findings(_claims([(statement, "F1")]))
    [finding] = [f for f in found if f.kind == FaultKind.EXPERIENCER]
    assert "'breast cancer'" in finding.reason
    s, p = finding.spans
    assert statement[s.start:s.end] == "breast cancer" and PASSAGES["F1"][p.start:p.end] in ("breast", "cancer")


def test_a_reason_stays_short_on_long_words(check):
    word = "carcinoma" + "x" * 400
    passages = {"L": f"Family history: mother with {word}."}
    [found] = check.findings([Claim(f"The patient has {word}.", ("L",), passages)])
    assert found and all(len(f.reason) <= MAX_REASON for f in found)


def test_the_stage_runs_from_settings_and_is_recorded(check):
    from app.verify import verify_all

    plan = Stages(VerificationSettings(stages=["rules", "context"])).plan(None)
    assert [c.name for c in plan.checks] == ["context"]
    [verdict] = verify_all([("The patient has breast cancer.", ["F1"])], PASSAGES, checks=plan.checks)
    assert verdict.stages == ("rules", "context") and not verdict.supported
    assert any(f.stage == "context" and f.kind == FaultKind.EXPERIENCER for f in verdict.findings)
    assert plan.record() == {"stages": ["rules", "context"], "unjudged": 0}


def test_context_is_refused_at_start_up_without_medspacy(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "medspacy" else real(name, *a))
    with pytest.raises(ValueError, match="medspacy"):
        VerificationSettings(stages=["rules", "context"])


@pytest.mark.parametrize("entry", ["app.verify", "app.verify.context", "app.verify.stages", "app.cli"])
def test_importing_loads_neither_medspacy_nor_spacy(entry):
    code = f"import sys, {entry}; print(sorted(m for m in ('medspacy', 'spacy') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_medspacy_loads_once_per_process_whichever_thread_asks_first():
    code = ("import sys, threading; from app.verify import context\n"
            "seen = []\n"
            "ts = [threading.Thread(target=lambda: seen.append(id(context._pipeline()))) for _ in range(4)]\n"
            "[t.start() for t in ts]; [t.join() for t in ts]\n"
            "print(len(set(seen)), len(seen), 'medspacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "4", "True"]


def test_a_summary_checked_in_context_records_rules_and_context(tmp_path):
    from cryptography.fernet import Fernet

    from app.output import summary_json
    from app.settings import JobSettings, Settings
    from app.store import Store
    from app.store.db import migrate
    from app.store.summaries import summary_of_job, view
    from engine.stub import StubEngine
    from ingestion import IngestionSettings
    from tests.test_main_job import _reply, _run

    store = Store(f"sqlite:///{tmp_path / 'clinsum.db'}", tmp_path / "files", Fernet.generate_key().decode())
    migrate(store.engine)
    try:
        settings = Settings(ingestion=IngestionSettings(workers=1), jobs=JobSettings(retry_wait_s=0),
                            verification=VerificationSettings(stages=["rules", "context"]))
        _, job = _run(store, StubEngine([_reply(("Metformin 500 mg twice daily.", ["P2"]))]), settings=settings)
        shown = view(store, summary_of_job(store, job))
        assert shown.verification == {"stages": ["rules", "context"], "unjudged": 0}
        assert summary_json(shown)["verification"] == shown.verification
    finally:
        store.close()
