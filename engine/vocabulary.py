"""The engine's vocabularies: word lists kept as data files under engine/data/, one entry a line.

Blank lines and lines starting with "#" are comments. An entry may carry a second column (the
kind of a table header word, say); `table` returns those as a mapping.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of engine/data/<name>.txt, lower-cased, in file order."""
    lines = (_DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@cache
def table(name: str) -> dict[str, str]:
    """Two-column entries as {first: second}."""
    return dict(entry.rsplit(None, 1) for entry in entries(name))


@cache
def pattern(name: str) -> re.Pattern[str]:
    """Any entry as a whole word or phrase, case-insensitive (longest first)."""
    alternatives = sorted((re.escape(e) for e in entries(name)), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)
