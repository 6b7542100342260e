"""Benchmark: de-identification on notes shaped like real records (tests/deid_corpus).

    python -m benchmarks.deid_notes [--split dev|untouched|both] [--runs 3] [--misses]

Each patient's notes are one record, de-identified in one call as a user's upload is (clinsum's
`find_phi` propagates what one note reveals to the others). Beside it, in the same run, presidio's
default analyzer (pattern recognizers and a spaCy pipeline: `en_core_web_sm` when installed, else
a blank one; a baseline only) and philter-lite when it is installed.

Metrics, over letters and digits only (spaces and punctuation count neither way):
- entity recall: a gold entity is found when at least 90 % of its letters and digits are masked;
- character recall and character precision; characters of YEAR spans count neither way;
- left verbatim: gold entities of which no letter or digit was masked;
- time: median seconds per record over --runs interleaved runs, after a warm-up run.

`--misses` lists missed entities and over-masked stretches of the dev split only: the untouched
split is scored, never listed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.deid_corpus.load import IGNORED, TYPES, Note, by_patient, load

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

Masker = Callable[[list[str]], list[list[tuple[int, int]]]]  # a record's texts -> masked spans per text
FOUND = 0.9


@dataclass
class Score:
    entities: int = 0
    found: int = 0
    verbatim: int = 0
    gold_chars: int = 0
    gold_masked: int = 0
    masked_chars: int = 0  # only kept on the "overall" row: masking has no gold type
    masked_gold: int = 0
    misses: list[str] = field(default_factory=list)
    over: Counter = field(default_factory=Counter)

    def row(self, name: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:.1f} %" if b else "–"

        precision = pct(self.masked_gold, self.masked_chars) if self.masked_chars else "–"
        return (f"| {name} | {self.entities} | {pct(self.found, self.entities)} | {pct(self.gold_masked, self.gold_chars)} "
                f"| {precision} | {self.verbatim} |")


def alnum(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if text[i].isalnum()]


def score(notes: list[Note], masks: dict[str, list[tuple[int, int]]]) -> dict[str, Score]:
    scores = {name: Score() for name in ("overall", *TYPES)}
    overall = scores["overall"]
    for note in notes:
        masked = set()
        for start, end in masks[note.id]:
            masked.update(range(start, end))
        gold, ignored = set(), set()
        for span in note.spans:
            chars = alnum(note.text, span.start, span.end)
            if span.type in IGNORED:
                ignored.update(chars)
                continue
            gold.update(chars)
            hit = sum(i in masked for i in chars)
            for s in (overall, scores[span.type]):
                s.entities += 1
                s.found += bool(chars) and hit >= FOUND * len(chars)
                s.verbatim += hit == 0
                s.gold_chars += len(chars)
                s.gold_masked += hit
            if chars and hit < FOUND * len(chars):
                scores[span.type].misses.append(f"{span.text!r} in {note.id}")
        counted = {i for i in masked if note.text[i].isalnum() and i not in ignored}
        overall.masked_chars += len(counted)
        overall.masked_gold += len(counted & gold)
        for start, end in masks[note.id]:
            stretch = alnum(note.text, start, end)
            if stretch and not any(i in gold for i in stretch):
                overall.over[note.text[start:end]] += 1
    return scores


# --- the tools ----------------------------------------------------------------------------------


def clinsum() -> Masker:
    from ingestion.deid import find_phi

    return lambda texts: [[(s.start, s.end) for s in spans] for spans in find_phi(texts)]


def presidio(model_dir: Path) -> tuple[str, Masker]:
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    if importlib.util.find_spec("en_core_web_sm"):  # a baseline only, when the bench environment has it
        name, model = "presidio default, en_core_web_sm", "en_core_web_sm"
    else:
        spacy.blank("en").to_disk(model_dir)
        name, model = "presidio default, blank spaCy", str(model_dir)
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine())
    kinds = {"PERSON", "DATE_TIME", "LOCATION", "PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN", "ORGANIZATION", "NRP", "URL", "IP_ADDRESS",
             "US_DRIVER_LICENSE", "MEDICAL_LICENSE", "US_BANK_NUMBER"}
    return name, lambda texts: [[(r.start, r.end) for r in engine.analyze(t, language="en") if r.entity_type in kinds] for t in texts]


def philter() -> tuple[str, Masker] | None:
    try:
        import philter_lite  # noqa: F401
    except ImportError:
        return None
    raise NotImplementedError("philter-lite is installed: wire it here")  # pragma: no cover


# --- main ---------------------------------------------------------------------------------------


def run(split: str, runs: int, misses: bool) -> None:
    notes = load(split)
    records = by_patient(notes)
    chars = sum(len(n.text) for n in notes)
    with tempfile.TemporaryDirectory() as model_dir:
        tools: dict[str, Masker] = {"clinsum find_phi": clinsum()}
        name, masker = presidio(Path(model_dir))
        tools[name] = masker
        if (found := philter()) is not None:
            tools[found[0]] = found[1]
        masks: dict[str, dict[str, list[tuple[int, int]]]] = {t: {} for t in tools}
        seconds: dict[str, list[float]] = defaultdict(list)
        for tool, masker in tools.items():  # warm-up, and the predictions scored
            for record in records:
                for note, spans in zip(record, masker([n.text for n in record])):
                    masks[tool][note.id] = spans
        for _ in range(runs):
            for tool, masker in tools.items():
                for record in records:
                    t0 = time.perf_counter()
                    masker([n.text for n in record])
                    seconds[tool].append(time.perf_counter() - t0)
    print(f"\n## {split}: {len(notes)} notes, {len(records)} records, {chars:,} characters\n")
    for tool in tools:
        scores = score(notes, masks[tool])
        per_record = statistics.median(seconds[tool])
        speed = chars * runs / sum(seconds[tool])
        print(f"### {tool}: {per_record * 1000:.0f} ms per record (median), {speed:,.0f} chars/s\n")
        print("| type | entities | entity recall | char recall | char precision | left verbatim |")
        print("|---|--:|--:|--:|--:|--:|")
        for kind, s in scores.items():
            if s.entities or kind == "overall":
                print(s.row(f"**{kind}**" if kind == "overall" else kind))
        print()
        if misses and split == "dev" and tool == "clinsum find_phi":
            for kind, s in scores.items():
                if s.misses:
                    print(f"- missed {kind} ({len(s.misses)}): " + "; ".join(s.misses[:25]))
            over = scores["overall"].over
            print(f"- over-masked ({sum(over.values())}): " + "; ".join(f"{t!r}×{n}" for t, n in over.most_common(60)))
            print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "untouched", "both"], default="both")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--misses", action="store_true", help="list the dev split's misses (never the untouched split's)")
    args = parser.parse_args()
    for split in ("dev", "untouched") if args.split == "both" else (args.split,):
        run(split, args.runs, args.misses)


if __name__ == "__main__":
    main()
