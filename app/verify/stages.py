"""The verifier's stages beyond the rules, as the settings choose them, and the record of what ran.

`Stages` is made once per worker (or CLI command) from `settings.verification`; `plan(engine)`
gives one job its checks. The judge runs through the job's engine; a job on the extractive
engine has no model to judge with, so the judge is skipped for it and the summary says so. The
NLI model loads on first use, once per process; a folder that holds no usable classifier skips
the stage with its reason (settings already refused a missing folder at start-up). The context
stage (medspaCy's ConText) needs no engine; it loads medspaCy on its first claims. Nothing here
imports torch, transformers, spaCy or medspaCy until a stage that needs them runs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.verify.base import Check

if TYPE_CHECKING:
    from app.settings import VerificationSettings
    from engine.base import Engine

log = logging.getLogger(__name__)

_NAMES = {"rules": "rules", "judge": "LLM judge", "nli": "NLI model", "context": "clinical context check (medspaCy)"}


def checked_by(verification: Mapping[str, Any]) -> str:
    """One sentence for the clinician from a summary's `verification` field: what checked its statements."""
    names = [f"the {_NAMES.get(s, s)}" for s in verification.get("stages") or ["rules"]]
    said = f"Checked by {names[0]}" if len(names) == 1 else f"Checked by {', '.join(names[:-1])} and {names[-1]}"
    unjudged = int(verification.get("unjudged") or 0)
    if unjudged:
        said += f"; {unjudged} statement{'s' * (unjudged != 1)} only by the rules"
    return said + "."


@dataclass(slots=True)
class Plan:
    """One job's checks after the rules, and the stages asked for that could not run, with why."""

    checks: list[Check] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """The summary's `verification` field (after the checks ran): stages that ran, statements left unjudged."""
        out: dict[str, Any] = {"stages": ["rules", *(c.name for c in self.checks)],
                               "unjudged": sum(int(getattr(c, "unjudged", 0)) for c in self.checks)}
        if self.skipped:
            out["skipped"] = dict(self.skipped)
        return out

    def notes(self) -> list[str]:
        """What a clinician should read beside the summary: a configured stage that did not run or judge all."""
        notes = [f"The {_NAMES.get(s, s)} did not check this summary: {why}." for s, why in self.skipped.items()]
        unjudged = self.record()["unjudged"]
        if unjudged:
            notes.append(f"The verifier's model stages could not judge {unjudged} statement{'s' * (unjudged != 1)}; "
                         "the rules checked them.")
        return notes


class Stages:
    def __init__(self, settings: VerificationSettings):
        self.settings = settings
        self._lock = threading.Lock()
        self._nli: Check | None = None
        self._nli_error: str | None = None
        self._context: Check | None = None

    def plan(self, engine: Engine | None) -> Plan:
        """The checks for one job on `engine` (None: no engine at hand), in the configured order."""
        plan = Plan()
        for stage in self.settings.stages[1:]:
            if stage == "judge":
                self._judge(engine, plan)
            elif stage == "nli":
                self._add_nli(plan)
            elif stage == "context":
                self._add_context(plan)
        return plan

    def _add_context(self, plan: Plan) -> None:
        """medspaCy's ConText: no engine, no model; the check loads medspaCy on its first claims."""
        with self._lock:
            if self._context is None:
                from app.verify.context import ContextCheck

                self._context = ContextCheck()
        plan.checks.append(self._context)

    def _judge(self, engine: Engine | None, plan: Plan) -> None:
        backend = engine.describe().backend if engine is not None else None
        if backend in (None, "extractive"):
            plan.skipped["judge"] = "no model is running (the extractive engine cannot judge)"
            return
        from app.verify.judge import JudgeCheck

        s = self.settings
        plan.checks.append(JudgeCheck(engine, batch_size=s.judge_batch_size, max_tokens=s.judge_max_tokens))

    def _add_nli(self, plan: Plan) -> None:
        with self._lock:  # one load per process, whichever job asks first
            if self._nli is None and self._nli_error is None:
                from app.verify.nli import NliCheck, NliModelError

                try:
                    self._nli = NliCheck(self.settings.nli_model, batch_size=self.settings.nli_batch_size)
                except (NliModelError, OSError) as error:
                    self._nli_error = str(error).rstrip(".")
                    log.error("the nli stage cannot run: %s", self._nli_error)
        if self._nli is not None:
            plan.checks.append(self._nli)
        else:
            plan.skipped["nli"] = self._nli_error or "not loaded"
