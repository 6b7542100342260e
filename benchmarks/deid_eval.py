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
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

# presidio imports tldextract, which fetches the public suffix list unless this is set first.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""

from tests.data.deid.score import GROUP_OF, OUT_OF_SCOPE, Doc, Span, Tally, evaluate, external_doc

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = ROOT.parent / "shared" / "data" / "presidio-research-synth-v2.json"
MAX_LISTED = 10
CLINSUM, PRESIDIO = "clinsum find_phi", "presidio default (offline)"

# presidio's entity names, by the group that masks the same thing (NRP, a nationality, is not PHI).
PRESIDIO_GROUPS = {
    "PERSON": "names", "DATE_TIME": "dates", "AGE": "ages", "LOCATION": "addresses",
    "ORGANIZATION": "facilities", "PHONE_NUMBER": "phones", "EMAIL_ADDRESS": "contact",
    "EMAIL": "contact", "URL": "contact", "IP_ADDRESS": "contact", "US_SSN": "ids",
    "US_DRIVER_LICENSE": "ids", "US_PASSPORT": "ids", "US_ITIN": "ids", "US_BANK_NUMBER": "ids",
    "CREDIT_CARD": "ids", "IBAN_CODE": "ids", "MEDICAL_LICENSE": "ids", "UK_NHS": "ids", "ID": "ids",
    "CRYPTO": "ids", "UUID": "ids", "MAC_ADDRESS": "ids",
}  # fmt: skip


# --- corpora ------------------------------------------------------------------------------------


def note_docs(split: str) -> list[Doc]:
    from tests.data.phi_notes.load import notes

    return [
        Doc(n.text, tuple(Span(s.start, s.end, GROUP_OF[s.entity_type], s.entity_type) for s in n.spans))
        for n in notes(split)
    ]


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
        f"{kind} {n}" + (f" ({OUT_OF_SCOPE[kind]})" if kind in OUT_OF_SCOPE else "")
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
