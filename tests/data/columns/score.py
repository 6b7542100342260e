"""Scoring of the multi-column reading-order set: the loader of its JSONL parts, and each gold
unit's outcome given a page's passages.

Gold units (spec["gold"], written by make.py from render.layout) are sentences and table rows:
  {"text", "kind": "sentence"|"row", "region": section index, "col": 0 full width | 1.. column |
   None when the sentence runs across a column break, "pieces": [{"col", "y": [low, high baseline],
   "text": the sentence's words in that column}]}
Units with col None are not scored (a sentence cut by the column break may fairly come out either way).

Comparison is on letters and digits only (NFKC, casefolded): whitespace, punctuation, soft hyphens
(U+00AD) and line-end hyphenation ("medi-\\ncation") all vanish, so "medication" matches.
  whole  some passage holds the unit's letters/digits contiguously and holds no foreign run;
  split  no passage holds it contiguously (cut in two, or interleaved with other text);
  mixed  every passage that holds it also holds a foreign run placed against it: 3 consecutive
         words of a sentence piece in ANOTHER column of the same column region whose baselines
         overlap this unit's band (the other column's text at the same height, what line-by-line
         extraction pulls in), either out of reading order (a later column's run before the
         sentence, an earlier column's after it) or within NEAR letters/digits of it. A long
         passage in reading order (column 1, then column 2) is therefore not counted as mixed.
         Runs that also occur elsewhere on the page, or shorter than 10 letters/digits, are not
         counted (they could come from this unit or its own column).
Full-width units (col 0: title-block prose, table rows, single-column controls) can be whole or split.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent
MIN_RUN = 10  # letters/digits in a foreign 3-word run; shorter runs match by chance across words
NEAR = 30  # letters/digits beside the sentence where any foreign run counts (half a column line)


def load(part: str) -> list[dict]:
    with open(DATA / f"{part}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def norm(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def page_texts(spec: dict) -> list[str]:
    """Every string drawn on the page other than gold units: titles, headings, table headers, footer."""
    out = list(spec.get("footer", []))
    for sec in spec["sections"]:
        out += sec.get("header") or []
        out += [b["text"] for b in sec.get("blocks", []) if b["kind"] != "para"]
    return out


def _band(y: list[float], size: float) -> tuple[float, float]:
    """Vertical extent of text on baselines y[0]..y[1] (descender to cap height, roughly)."""
    return y[0] - 0.25 * size, y[1] + 0.75 * size


def foreign_runs(spec: dict, unit: dict) -> dict[str, int]:
    """Normalised 3-word runs that belong only to other-column text at this unit's height,
    each with the column it sits in."""
    if not unit["col"]:
        return {}
    size = spec["style"]["font_size"]
    lo, hi = _band(unit["pieces"][0]["y"], size)
    elsewhere = [norm(t) for t in page_texts(spec)]
    runs: dict[str, tuple[int, int]] = {}
    for k, other in enumerate(spec["gold"]):
        if other is unit or other["kind"] != "sentence" or other["region"] != unit["region"]:
            continue
        for piece in other["pieces"]:
            plo, phi = _band(piece["y"], size)
            if piece["col"] in (0, unit["col"]) or phi <= lo or plo >= hi:
                continue
            words = piece["text"].split()
            for i in range(len(words) - 2):
                run = norm(" ".join(words[i:i + 3]))
                if len(run) >= MIN_RUN:
                    runs[run] = (k, piece["col"])
    own = {k: norm(g["text"]) for k, g in enumerate(spec["gold"])}
    return {run: col for run, (k, col) in runs.items()
            if not any(run in t for t in elsewhere) and not any(run in t for j, t in own.items() if j != k)}


def _mixes(passage: str, need: str, col: int, run: str, run_col: int) -> bool:
    """Does this passage put the foreign `run` (from column run_col) against the sentence `need`
    (column col)? Yes if the run is out of reading order (a later column's words before the
    sentence, or an earlier column's after it), or within NEAR letters/digits of the sentence on
    either side. Neither happens in a passage that is merely long and in reading order (all of
    column 1, then column 2), so such a passage is never counted as mixed."""
    at = passage.find(need)
    while at >= 0:
        end = at + len(need)
        before = passage.rfind(run, 0, at)
        after = passage.find(run, end)
        if (before >= 0 and (run_col > col or before + len(run) >= at - NEAR)) or \
                (after >= 0 and (run_col < col or after <= end + NEAR)):
            return True
        at = passage.find(need, at + 1)
    return False


def classify(spec: dict, passages: list[str]) -> list[tuple[str, str]]:
    """(unit text, "whole" | "split" | "mixed") for every scored gold unit of the page, in page order."""
    flat = [norm(p) for p in passages]
    out = []
    for unit in spec["gold"]:
        if unit["col"] is None:
            continue
        need = norm(unit["text"])
        holding = [p for p in flat if need in p]
        if not holding:
            out.append((unit["text"], "split"))
            continue
        runs = foreign_runs(spec, unit)
        clean = any(not any(_mixes(p, need, unit["col"], run, c) for run, c in runs.items()) for p in holding)
        out.append((unit["text"], "whole" if clean else "mixed"))
    return out


def shown(unit_text: str, passages: list[str], limit: int = 4) -> list[str]:
    """Passages worth showing for a miss: those holding any 3-word run of the unit."""
    words = unit_text.split()
    runs = {norm(" ".join(words[i:i + 3])) for i in range(max(1, len(words) - 2))}
    return [p for p in passages if any(r and r in norm(p) for r in runs)][:limit]
