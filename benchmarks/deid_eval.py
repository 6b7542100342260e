"""Benchmark: how well and how fast clinsum finds PHI, beside presidio's default analyzer.

    python -m benchmarks.deid_eval [--runs 3] [--misses] [--show-heldout-misses]

Corpora: clinsum's synthetic notes (dev and held-out splits, each note its own patient) and the
external presidio-research synthetic set (`../shared/data/presidio-research-synth-v2.json`),
restricted to HIPAA Safe Harbor PHI. Metrics are span-level, per report group:

- recall: a gold span is found when every non-space character of it is masked by some predicted
  span, whatever its type (a type that differs from the gold's group is counted as a confusion);
- precision: a predicted span is right when at least half of its non-space characters are gold PHI;
  characters of out-of-scope gold spans count neither way, and a prediction that touches only
  out-of-scope gold spans is left out. It is reported under the group of the predicted type.

`--misses` lists up to 10 missed values and false positives per group for the dev split and the
external set: tune on those only. Held-out ones print only with `--show-heldout-misses`.
Throughput runs clinsum's `find_phi` and presidio's default analyzer (offline: its pattern
recognizers and a blank spaCy pipeline) on the same texts, interleaved, after one warm-up pass
each; the warm-up passes give the predictions that are scored.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

# presidio imports tldextract, which fetches the public suffix list unless this is set first.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""

import pycountry

from ingestion.deid.entities import GROUPS

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = ROOT.parent / "shared" / "data" / "presidio-research-synth-v2.json"
MAX_LISTED = 10
CLINSUM, PRESIDIO = "clinsum find_phi", "presidio default (offline)"

GROUP_OF = {str(kind): group for group, kinds in GROUPS.items() for kind in kinds}
# The external set's labels that are Safe Harbor PHI, by report group.
EXTERNAL_GROUPS = {
    "PERSON": "names", "STREET_ADDRESS": "addresses", "GPE": "addresses", "ZIP_CODE": "addresses",
    "DATE_TIME": "dates", "AGE": "ages", "PHONE_NUMBER": "phones", "EMAIL_ADDRESS": "contact",
    "IP_ADDRESS": "contact", "US_SSN": "ids", "ORGANIZATION": "facilities",
}  # fmt: skip
# presidio's entity names, by the group that masks the same thing (NRP, a nationality, is not PHI).
PRESIDIO_GROUPS = {
    "PERSON": "names", "DATE_TIME": "dates", "AGE": "ages", "LOCATION": "addresses",
    "ORGANIZATION": "facilities", "PHONE_NUMBER": "phones", "EMAIL_ADDRESS": "contact",
    "EMAIL": "contact", "URL": "contact", "IP_ADDRESS": "contact", "US_SSN": "ids",
    "US_DRIVER_LICENSE": "ids", "US_PASSPORT": "ids", "US_ITIN": "ids", "US_BANK_NUMBER": "ids",
    "CREDIT_CARD": "ids", "IBAN_CODE": "ids", "MEDICAL_LICENSE": "ids", "UK_NHS": "ids", "ID": "ids",
    "CRYPTO": "ids", "UUID": "ids", "MAC_ADDRESS": "ids",
}  # fmt: skip
# A date more specific than a year: a numeric day/month form or a month name. Bare years,
# weekdays and times alone are not PHI under Safe Harbor.
_DATE_ELEMENT = re.compile(
    r"\d{1,4}[-/.]\d{1,2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
# Countries (ISO 3166 names and codes) and first-level subdivisions such as US states, plus the
# set's stray "nan" (a missing value printed into the text): GPE values that are not PHI.
_STATES_AND_COUNTRIES = frozenset(
    name.lower()
    for entry in [*pycountry.countries, *(s for s in pycountry.subdivisions if not s.parent_code)]
    for name in (getattr(entry, "name", ""), getattr(entry, "common_name", ""), getattr(entry, "official_name", ""),
                 getattr(entry, "alpha_2", ""), getattr(entry, "alpha_3", ""), getattr(entry, "code", "").split("-")[-1])
    if name
) | {"nan", "usa", "us", "uk", "united states", "america", "the united states"}
_JOINED = re.compile(r"»(\s+)«")  # unmasked runs apart only by spaces are shown as one
_FACILITY_WORD = re.compile(
    r"\b(hospital|clinic|medical|health|care|center|centre|nursing|rehab\w*|pharmacy|hospice|infirmary)\b",
    re.IGNORECASE,
)
# Why an external label of a PHI type is out of scope.
_OUT_OF_SCOPE = {"DATE_TIME": "no day or month", "AGE": "89 or under", "ORGANIZATION": "no facility word"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    group: str | None  # None: a gold span that is out of scope
    kind: str  # the label or detector type it came with


@dataclass(frozen=True)
class Doc:
    text: str
    gold: tuple[Span, ...]  # in-scope PHI
    ignored: tuple[Span, ...] = ()  # out-of-scope gold: predictions on it count neither way


@dataclass
class Tally:
    n: int = 0
    found: int = 0
    confused: int = 0  # found, but by no prediction of the gold's group
    predicted: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("n", "found", "confused", "predicted", "correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float | None:
        return self.found / self.n if self.n else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None


# --- metrics ------------------------------------------------------------------------------------


def solid(text: str, start: int, end: int) -> set[int]:
    """Positions of the non-space characters in text[start:end]."""
    return {i for i in range(start, end) if not text[i].isspace()}


def evaluate(docs: Sequence[Doc], predictions: Sequence[Sequence[Span]]) -> dict[str, Tally]:
    """Recall and precision per group, plus "overall"."""
    tallies = {group: Tally() for group in GROUPS}
    for doc, preds in zip(docs, predictions, strict=True):
        masked = set().union(*(range(p.start, p.end) for p in preds))
        phi = set().union(*(solid(doc.text, g.start, g.end) for g in doc.gold))
        ignored = set().union(*(solid(doc.text, s.start, s.end) for s in doc.ignored))
        for g in doc.gold:
            tally, chars = tallies[g.group], solid(doc.text, g.start, g.end)
            tally.n += 1
            if chars <= masked:
                tally.found += 1
                tally.confused += not any(
                    p.group == g.group for p in preds if p.start < g.end and g.start < p.end
                )
            else:
                tally.misses.append(_marked(doc.text, g, masked))
        for p in preds:
            chars = solid(doc.text, p.start, p.end)
            if chars & ignored and not chars & phi:
                continue
            counted = chars - ignored
            tally = tallies[p.group]
            tally.predicted += 1
            if counted and 2 * len(counted & phi) >= len(counted):
                tally.correct += 1
            else:
                tally.false_positives.append(f"{p.kind}: {doc.text[p.start : p.end]!r}")
    overall = Tally()
    for tally in tallies.values():
        overall.add(tally)
    return {**tallies, "overall": overall}


def _marked(text: str, gold: Span, masked: set[int]) -> str:
    """The gold value with the characters left unmasked in «»."""
    value = text[gold.start : gold.end]
    unmasked = [not c.isspace() and gold.start + i not in masked for i, c in enumerate(value)]
    pieces, i = [], 0
    for flag, run in groupby(unmasked):
        n = len(list(run))
        pieces.append(f"«{value[i : i + n]}»" if flag else value[i : i + n])
        i += n
    shown = _JOINED.sub(r"\1", "".join(pieces))
    return f"{gold.kind}: {shown!r}"


# --- corpora ------------------------------------------------------------------------------------


def note_docs(split: str) -> list[Doc]:
    from tests.fixtures.phi_notes import notes

    return [
        Doc(n.text, tuple(Span(s.start, s.end, GROUP_OF[s.entity_type], s.entity_type) for s in n.spans))
        for n in notes(split)
    ]


def in_scope(kind: str, value: str) -> bool:
    """Whether an external gold span is Safe Harbor PHI."""
    if kind not in EXTERNAL_GROUPS:
        return False
    if kind == "DATE_TIME":
        return bool(_DATE_ELEMENT.search(value))
    if kind == "AGE":  # the set writes ages as numerals
        number = re.search(r"\d+", value)
        return bool(number) and int(number.group()) > 89
    if kind == "ORGANIZATION":
        return bool(_FACILITY_WORD.search(value))
    if kind == "GPE":  # Safe Harbor keeps states and countries; towns and counties are PHI
        return value.strip().lower() not in _STATES_AND_COUNTRIES
    return True


def external_doc(item: dict) -> Doc:
    gold, ignored = [], []
    for s in item["spans"]:
        kind, value = s["entity_type"], s["entity_value"]
        keep = in_scope(kind, value)
        (gold if keep else ignored).append(
            Span(s["start_position"], s["end_position"], EXTERNAL_GROUPS[kind] if keep else None, kind)
        )
    return Doc(item["full_text"], tuple(gold), tuple(ignored))


# --- engines ------------------------------------------------------------------------------------


def clinsum_engine() -> Callable[[str], list[Span]]:
    from ingestion.deid import find_phi

    def run(text: str) -> list[Span]:
        return [Span(s.start, s.end, GROUP_OF[s.entity_type], s.entity_type) for s in find_phi([text])[0]]

    return run


def presidio_engine(model_dir: Path) -> Callable[[str], list[Span]]:
    """presidio's AnalyzerEngine with its default recognizers on a blank English spaCy pipeline."""
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    spacy.blank("en").to_disk(model_dir)
    config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(model_dir)}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine())

    def run(text: str) -> list[Span]:
        return [
            Span(r.start, r.end, PRESIDIO_GROUPS[r.entity_type], r.entity_type)
            for r in engine.analyze(text, language="en")
            if r.entity_type in PRESIDIO_GROUPS
        ]

    return run


# --- report -------------------------------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f} %"


def quality_table(title: str, tallies: dict[str, Tally]) -> str:
    rows = [
        f"### {title}", "",
        "| group | gold spans | recall | predicted | precision | type confusions |",
        "|---|--:|--:|--:|--:|--:|",
    ]  # fmt: skip
    for group, t in tallies.items():
        name = f"**{group}**" if group == "overall" else group
        rows.append(
            f"| {name} | {t.n} | {_pct(t.recall)} | {t.predicted} | {_pct(t.precision)} | {t.confused} |"
        )
    return "\n".join(rows) + "\n"


def listing(title: str, tallies: dict[str, Tally]) -> str:
    rows = [f"#### {title}", ""]
    for group, t in tallies.items():
        if group == "overall" or not (t.misses or t.false_positives):
            continue
        rows.append(f"- **{group}**")
        for label, values in (("missed", t.misses), ("false positives", t.false_positives)):
            if values:
                shown = "; ".join(values[:MAX_LISTED])
                rows.append(f"  - {label} ({len(values)}): {shown}")
    return "\n".join(rows) + "\n"


def measure(texts: list[str], runs: int) -> tuple[dict[str, list[list[Span]]], dict[str, float]]:
    """Each engine's predictions (from its warm-up pass) and its median seconds over `runs` runs."""
    seconds: dict[str, list[float]] = {CLINSUM: [], PRESIDIO: []}
    with tempfile.TemporaryDirectory() as model_dir:
        engines = {CLINSUM: clinsum_engine(), PRESIDIO: presidio_engine(Path(model_dir))}
        predicted = {name: [run(t) for t in texts] for name, run in engines.items()}
        for _ in range(runs):  # interleaved, so drift in the machine's speed hits both alike
            for name, run in engines.items():
                t0 = time.perf_counter()
                for t in texts:
                    run(t)
                seconds[name].append(time.perf_counter() - t0)
    return predicted, {name: statistics.median(s) for name, s in seconds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per engine (median reported)")
    parser.add_argument(
        "--misses", action="store_true", help="list misses and false positives (dev, external)"
    )
    parser.add_argument("--show-heldout-misses", action="store_true", help="list them for held-out too")
    args = parser.parse_args()

    items = json.loads(EXTERNAL.read_text(encoding="utf-8"))
    corpora = {
        "synthetic notes, dev": note_docs("dev"),
        "synthetic notes, held-out": note_docs("heldout"),
        "external: presidio-research synth v2": [external_doc(i) for i in items],
    }
    dev, heldout, external = corpora
    texts = [d.text for docs in corpora.values() for d in docs]
    chars = sum(map(len, texts))
    predicted, seconds = measure(texts, args.runs)
    results: dict[str, dict[str, dict[str, Tally]]] = {name: {} for name in predicted}
    for name, preds in predicted.items():
        start = 0
        for corpus, docs in corpora.items():
            results[name][corpus] = evaluate(docs, preds[start : start + len(docs)])
            start += len(docs)
    ours, theirs = results[CLINSUM], results[PRESIDIO]

    print("## De-identification\n")
    for corpus, docs in corpora.items():
        print(quality_table(f"clinsum, {corpus} ({len(docs):,} texts)", ours[corpus]))
    ignored = Counter(s.kind for d in corpora[external] for s in d.ignored)
    why = [
        f"{kind} {n}" + (f" ({_OUT_OF_SCOPE[kind]})" if kind in _OUT_OF_SCOPE else "")
        for kind, n in ignored.most_common()
    ]
    print(f"External labels out of scope (predictions on them count neither way): {', '.join(why)}.\n")

    print("### Recall of presidio's default analyzer (offline: pattern recognizers, blank spaCy)\n")
    print("| group | dev | held-out | external |\n|---|--:|--:|--:|")
    for group in theirs[dev]:
        name = f"**{group}**" if group == "overall" else group
        print(f"| {name} | " + " | ".join(_pct(theirs[c][group].recall) for c in corpora) + " |")

    print(f"\n### Throughput: {len(texts):,} texts, {chars:,} characters, median of {args.runs} runs\n")
    print("| engine | chars/s | × presidio default |\n|---|--:|--:|")
    for name, median in seconds.items():
        print(f"| {name} | {chars / median:,.0f} | {seconds[PRESIDIO] / median:.2f} |")

    if args.misses or args.show_heldout_misses:
        print("\n### What clinsum misses, and its false positives\n")
        for corpus in [dev, external] + ([heldout] if args.show_heldout_misses else []):
            print(listing(corpus, ours[corpus]))


if __name__ == "__main__":
    main()
