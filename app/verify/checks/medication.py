"""Medications: a drug's status, count of doses or frequency that the passages give otherwise."""

from __future__ import annotations

from collections.abc import Sequence

from app.verify import vocab
from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, listed
from app.verify.quantities import frequency_name, frequency_ok, same_quantity

_V = vocab.current()
_STATUS_OK, _STATUS_PAST = _V.status_ok, _V.status_past
# A finding just before this check that already says what the passages give: a frequency, an opposite
# word or a susceptibility. The medication check then adds nothing of its own.
_SAID = frozenset((FaultKind.FREQUENCY, FaultKind.OPPOSITE, FaultKind.SUSCEPTIBILITY))


class MedicationCheck(Rule):
    """Each drug's status ("stopped" for "continued"), count of doses and frequency must be what the
    passages give that drug, when they give one. At most one finding."""

    name, kind, rank = "medication", FaultKind.MEDICATION, 100
    needs = "drugs"

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        if prior and prior[-1].kind in _SAID:
            return ()
        p = r.passage
        for fact in r.statement.drugs:
            drug, salt, status = fact.drug, fact.salt, fact.status
            mentions = [m for m in p.drugs if m.drug == drug and (not salt or not m.salt or m.salt == salt)]
            given = {m.status for m in mentions if m.status}
            if status and given and not (_STATUS_OK.get(status, {status}) & given):
                return (self.finding(r, f"{r.where} says {drug} was {listed(sorted(_STATUS_PAST[g] for g in given))}, "
                                        f"not {_STATUS_PAST[status]}"),)
            counts = {m.count for m in mentions if m.count is not None}
            if fact.count is not None and counts and fact.count not in counts:
                return (self.finding(r, f"{r.where} gives {drug} {listed(sorted(f'{c:g} times' for c in counts))}, "
                                        f"not {fact.count:g}"),)
            dose = fact.dose
            for f in fact.frequencies:
                dosed = [m for m in mentions
                         if m.frequencies and dose is not None and m.dose is not None and same_quantity(dose, m.dose)]
                freqs = {x for m in (dosed or mentions) for x in m.frequencies}
                if freqs and not frequency_ok(f, freqs):
                    return (self.finding(r, f"the frequency {frequency_name(f)} is not in {r.where} for {drug} "
                                            f"(it says {listed([frequency_name(x) for x in sorted(freqs)])})",
                                         FaultKind.FREQUENCY),)
        return ()
