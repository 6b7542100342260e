"""The one loader of the verifier's labelled sets: `tests/data/verify/<name>.jsonl`, data, not code.

Each file holds two kinds of lines, in any order:
    {"passage": "P1", "text": "..."}                                    a passage of the set's record
    {"id": "...", "statement": "...", "citations": ["P1"], "supported": true, "kind": "paraphrase"}
`kind` names the fault planted in an unsupported statement ("number", "negation", "experiencer"...)
or, for a supported one, how it restates its passage ("paraphrase", "abbreviation"...). A set whose
name ends in `_untouched` is scored, never read case by case: no rule is tuned on its misses.
Optional keys of a case: `split` ("dev" / "heldout", for a set halved for tuning), `note` (the note
type it was written from), `named` (a word the verdict's reason must contain, for the hand-made
faults) and `comment` (free text for the reader, ignored). A passage line may carry a `note` too (the
document it comes from), ignored as well.
`tests/data/verify/README.md` says where each set comes from.

Tests and benchmarks both read through here; nothing under tests/ imports benchmarks/.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent / "verify"


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    statement: str
    citations: tuple[str, ...]
    supported: bool
    kind: str
    split: str = ""
    note: str = ""
    named: str = ""


@dataclass(frozen=True, slots=True)
class LabelledSet:
    name: str
    cases: tuple[Case, ...]
    passages: dict[str, str]  # id -> text

    @property
    def untouched(self) -> bool:
        return self.name.endswith("_untouched")


def names() -> list[str]:
    """Every set there is, sorted."""
    return sorted(p.stem for p in HERE.glob("*.jsonl"))


def load(name: str) -> LabelledSet:
    path = HERE / f"{name}.jsonl"
    if not path.is_file():
        raise ValueError(f"no labelled set {name!r}; the sets are {', '.join(names())}")
    cases: list[Case] = []
    passages: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if "passage" in row:
            if row["passage"] in passages:
                raise ValueError(f"{path.name} line {n}: passage {row['passage']} is given twice")
            passages[str(row["passage"])] = str(row["text"])
        else:
            cases.append(Case(str(row["id"]), str(row["statement"]), tuple(map(str, row["citations"])),
                              bool(row["supported"]), str(row["kind"]), str(row.get("split", "")),
                              str(row.get("note", "")), str(row.get("named", ""))))
    ids = [c.id for c in cases]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path.name}: two cases share an id")
    return LabelledSet(name, tuple(cases), passages)


def statements(cases: Iterable[Case]) -> list[tuple[str, tuple[str, ...]]]:
    """The cases as `verify_all` (and `clinsum verify`) take them: (statement, citations)."""
    return [(c.statement, c.citations) for c in cases]
