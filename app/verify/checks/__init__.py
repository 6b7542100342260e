"""The rule checks: one small class per fault kind the rules detect, each a `Check`
(app/verify/base.py) over claims, and a `Rule` over one claim's reading inside the rules.

`RULES` is their order: a check may stay silent when one before it has already said what is wrong
(an opposite word after a flipped negation; a medication after a frequency), by the kinds of the
findings before it, never by their text. `app.verify.combine` runs them and makes the verdict.
"""

from app.verify.checks.amounts import FrequencyCheck, NumberCheck, UnitCheck
from app.verify.checks.citation import CitationCheck
from app.verify.checks.experiencer import ExperiencerCheck
from app.verify.checks.labs import LabFlagCheck, SusceptibilityCheck
from app.verify.checks.medication import MedicationCheck
from app.verify.checks.polarity import CertaintyCheck, NegationCheck, OppositeCheck, SpelledOutNegationCheck
from app.verify.checks.rule import Reading, Rule
from app.verify.checks.side import SideCheck
from app.verify.checks.terms import InventedTermCheck, LowSupportCheck
from app.verify.checks.when import DateCheck, TemporalCheck, TimeCheck

__all__ = ["RULES", "CertaintyCheck", "CitationCheck", "DateCheck", "ExperiencerCheck", "FrequencyCheck", "InventedTermCheck", "LabFlagCheck",
           "LowSupportCheck", "MedicationCheck", "NegationCheck", "NumberCheck", "OppositeCheck", "Reading", "Rule",
           "SideCheck", "SpelledOutNegationCheck", "SusceptibilityCheck", "TemporalCheck", "TimeCheck", "UnitCheck"]

# The order the rules run in. Each reads the findings before it; the reason names the finding of the
# lowest `rank` (an invented term before the numbers that come with it).
RULES: tuple[Rule, ...] = (
    NegationCheck(), CertaintyCheck(), OppositeCheck(), SusceptibilityCheck(), LabFlagCheck(), SideCheck(), DateCheck(), TimeCheck(), TemporalCheck(), ExperiencerCheck(),
    NumberCheck(), UnitCheck(), FrequencyCheck(), MedicationCheck(), SpelledOutNegationCheck(), InventedTermCheck(),
)
