"""The hospital's own list (the configuration's gazetteer): its sites, towns and staff, masked
wherever they stand, in any case. Local names need no cue: "sent to nmh", "RIDGEMONT ACCEPTED"."""

from __future__ import annotations

import re

from ingestion.deid.config import Gazetteer
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import RegexRecognizer, rule


class SiteListRecognizer(RegexRecognizer):
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.RULES = tuple(
            rule(rf"(?<![\w'’-])(?P<phi>{_alternation(names)})(?![\w'’-])", kind, 0.95, re.IGNORECASE)
            for kind, names in ((Phi.FACILITY, gazetteer.facilities), (Phi.CITY, gazetteer.towns), (Phi.PERSON, gazetteer.staff))
            if names
        )
        super().__init__()


def _alternation(names: tuple[str, ...]) -> str:
    """Longest first; the spaces inside an entry match any run of spaces ("St.  Agnes")."""
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(set(names), key=len, reverse=True) if n.strip())
