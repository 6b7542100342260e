"""Branches that go by a number: a union's local ("Teamsters Local 317", "(LOCAL 821)") and a veterans' or
fraternal post or lodge ("VFW Post 8525", "american legion post 430"). The number names one branch, and so where a
patient works or belongs; the organization's name alone (data/memberships.txt) says nothing and stays. A local's
number is no dose: "local 1%", "local 2 ml" stay.
"""

from __future__ import annotations

import re

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import RegexRecognizer, rule


def _organizations() -> str:
    names = sorted(lexicon.word_file("memberships.txt"), key=len, reverse=True)
    return "|".join(r"[ \t]+".join(map(re.escape, n.split())) for n in names)


_BRANCH = r"(?i:local|post|lodge|council|chapter)"
_NO_DOSE = r"(?![\w/.%-]|[ \t]*(?i:mg|ml|cc|units?|mcg|g)\b)"  # "local 1%", "local 2 ml": a dose


class MembershipRecognizer(RegexRecognizer):
    RULES = (
        rule(rf"(?<![\w'’-])(?P<phi>(?i:{_organizations()})[ \t]+{_BRANCH}[ \t]+#?\d{{1,5}}{_NO_DOSE})", Phi.FACILITY, 0.7),
        rule(rf"(?<![\w'’-])(?P<phi>(?i:local)[ \t]+#?\d{{2,5}}{_NO_DOSE})", Phi.FACILITY, 0.6),
    )
    HINT = re.compile(r"(?i)\b(?:local|post|lodge|council|chapter|vfw|dav|amvets|elks)\b")
