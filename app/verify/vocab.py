"""The verifier's vocabularies: one loader for the data files under `app/verify/data/`.

Every table the rules read (synonyms, units, frequencies, negation cues, drug lists, lab flags,
word lists...) is a data file there, with comments saying what it is for; the regular expressions
built from a table are compiled here, from the data. `current()` loads and validates them at first
use (a malformed file raises `VocabError` naming the file and what is wrong with it) and keeps them.

A site may edit a copy: `CLINSUM_VERIFY_DATA=/path/to/dir` reads the files from there instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
ENV = "CLINSUM_VERIFY_DATA"  # a directory holding edited copies of the data files


class VocabError(ValueError):
    """A vocabulary file is missing or malformed; the message names the file."""


# --- reading and validating ---------------------------------------------------------------------


def _words(v: Any) -> frozenset[str]:
    if not isinstance(v, str) or not v.split():
        raise TypeError("a space-separated list of words")
    return frozenset(v.split())


def _strings(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v):
        raise TypeError("a list of strings")
    return tuple(v)


def _str_map(v: Any) -> dict[str, str]:
    if not isinstance(v, dict) or not all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()):
        raise TypeError("a mapping of strings to strings")
    return dict(v)


def _num_map(v: Any) -> dict[str, float]:
    if not isinstance(v, dict) or not all(isinstance(k, str) and type(x) in (int, float) for k, x in v.items()):
        raise TypeError("a mapping of strings to numbers")
    return dict(v)


def _set_map(v: Any) -> dict[str, frozenset[str]]:
    if not isinstance(v, dict) or not all(isinstance(k, str) for k in v):
        raise TypeError("a mapping of strings to lists of strings")
    return {k: frozenset(_strings(x)) for k, x in v.items()}


def _list_map(v: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(v, dict) or not all(isinstance(k, str) for k in v):
        raise TypeError("a mapping of strings to lists of strings")
    return {k: _strings(x) for k, x in v.items()}


def _int(v: Any) -> int:
    if type(v) is not int or v <= 0:
        raise TypeError("a positive whole number")
    return v


def _any(v: Any) -> Any:
    if not isinstance(v, (dict, list)) or not v:
        raise TypeError("a non-empty mapping or list")
    return v


Schema = dict[str, Callable[[Any], Any]]


def _yaml(path: Path, schema: Schema) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise VocabError(f"{path}: cannot be read as YAML ({type(exc).__name__}: {exc})") from exc
    if not isinstance(data, dict):
        raise VocabError(f"{path}: expected a mapping of table names at the top level")
    if missing := sorted(schema.keys() - data.keys()):
        raise VocabError(f"{path}: missing {', '.join(missing)}")
    if unknown := sorted(data.keys() - schema.keys()):
        raise VocabError(f"{path}: unknown {', '.join(map(str, unknown))} (expected {', '.join(schema)})")
    out = {}
    for key, check in schema.items():
        try:
            out[key] = check(data[key])
        except (TypeError, ValueError) as exc:
            raise VocabError(f"{path}: {key} must be {exc}") from exc
    return out


def _tsv(path: Path, columns: int) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise VocabError(f"{path}: cannot be read ({type(exc).__name__})") from exc
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns or not all(c.strip() for c in cells):
            raise VocabError(f"{path} line {n}: expected {columns} tab-separated non-empty columns, got {line!r}")
        rows.append(cells)
    if not rows:
        raise VocabError(f"{path}: no rows")
    return rows


def _pairs(rows: list[list[str]], path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for phrase, canon in rows:
        if phrase in out:
            raise VocabError(f"{path}: {phrase!r} is given twice")
        out[phrase] = canon
    return out


def _compile(pattern: str, path: Path, what: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise VocabError(f"{path}: {what} is not a valid regular expression ({exc})") from exc


# --- the vocabularies ----------------------------------------------------------------------------

# Regular-expression pieces of units that are syntax, not vocabulary: the "per" part of a unit, and
# the units that may stand before it.
PER = r"(?:dl|l|ml|ul|µl|kg|hr|h|min|day|d|actuation|puff|hpf|lpf|m2|mmol|dose)"
UNIT_BASE = r"(?:kcal|mcg|µg|μg|ug|mg|g|kg|ng|pg|meq|mmol|mol|miu|iu|u|ml|l|cfu|units?|k|breaths|beats|cells|copies)"
PER_LONG = (r"(?:hour|hours|hr|h|day|days|d|minute|minutes|min|kilogram|kg|liter|litre|l|deciliter|dl|milliliter|ml|"
            r"dose|week|wk)")
UNIT_LONG = (r"(?:micrograms?|milligrams?|grams?|kilograms?|milliliters?|millilitres?|liters?|litres?|units?|mcg|mg|g|"
             r"ml|meq|mmol|kcal)")
PER_UL = r"(?:per (?:microliter|microlitre|ul|µl|cubic millimeter|mm3)|(?:cells)?/(?:ul|µl|mm3))"
NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"


@dataclass(frozen=True)
class Vocab:
    """Every table of the rules, read from the data files, and the patterns compiled from them."""

    directory: Path
    synonyms: dict[str, str]
    syn_re: re.Pattern[str]
    # words.yaml
    stop: frozenset[str]
    generic: frozenset[str]
    clinical: frozenset[str]
    not_terms: frozenset[str]
    studies: frozenset[str]
    links: frozenset[str]
    not_spelled: frozenset[str]
    # negation.yaml
    cues: re.Pattern[str]
    hedges: frozenset[str]
    past_before: tuple[tuple[str, ...], ...]  # word sequences that put what follows in the past
    past_after: tuple[tuple[str, ...], ...]  # ... what comes before
    current: frozenset[str]  # a statement's words that say it is so now
    family: frozenset[str]  # relatives: what they reach in their clause is theirs, not the patient's
    informant: frozenset[str]  # before a relative: who told it ("per family")
    conditional: frozenset[str]  # "if": what it governs is a plan
    terminators: frozenset[str]
    back_stop: frozenset[str]
    determiners: frozenset[str]
    copulas: frozenset[str]
    new_finding: frozenset[str]
    prepositions: frozenset[str]
    symptoms_ing: frozenset[str]
    window: int
    back_window: int
    # frequencies.yaml
    freq_re: re.Pattern[str]
    freq_ok: dict[str, frozenset[str]]
    freq_names: dict[str, str]
    counts: dict[str, float]
    once: dict[str, float]
    # units.tsv, quantities.yaml
    units: dict[str, tuple[str, str, float]]
    simple_units: tuple[str, ...]
    qty_re: re.Pattern[str]
    per_ul_re: re.Pattern[str]
    number_words: dict[str, float]
    numword_re: re.Pattern[str]
    per_canon: dict[str, str]
    rate_head: dict[str, str]
    rate_per: dict[str, str]
    # medications.yaml
    status_of: dict[str, str]
    status_past: dict[str, str]
    status_ok: dict[str, frozenset[str]]
    headings: dict[str, str]
    drug_names: frozenset[str]
    drug_re: re.Pattern[str]
    not_drugs: frozenset[str]
    treatments: frozenset[str]
    salts: frozenset[str]
    drug_skip: frozenset[str]
    plan_words: frozenset[str]
    negators: frozenset[str]
    # findings.yaml
    lab_terms: dict[str, tuple[str | None, str | None, float | None, float | None]]
    lab_re: re.Pattern[str]
    extra_terms: dict[str, tuple[str, ...]]
    electrolytes: dict[str, str]
    electro_list: re.Pattern[str]
    morphology_re: re.Pattern[str]
    anatomy: str  # a regular expression (a group of alternatives), used case-insensitively
    graded: re.Pattern[str]  # a classification and its grade
    opposites: dict[str, frozenset[str]]
    # language.yaml
    irregular: dict[str, str]
    suffixes: tuple[str, ...]
    endings: tuple[str, ...]
    roman: dict[str, str]
    months: dict[str, int]
    month_re: str  # a regular expression (group "mon") for a month's name


def _labs(v: Any) -> dict[str, tuple[str | None, str | None, float | None, float | None]]:
    if not isinstance(v, dict):
        raise TypeError("a mapping of lab → [low finding, high finding, low below, high above]")
    out = {}
    for lab, row in v.items():
        ok = isinstance(row, list) and len(row) == 4 and all(x is None or isinstance(x, str) for x in row[:2]) \
            and all(x is None or type(x) in (int, float) for x in row[2:])
        if not isinstance(lab, str) or not ok:
            raise TypeError(f"a mapping of lab → [low finding, high finding, low below, high above] ({lab!r})")
        out[lab] = tuple(row)
    return out


def _opposite_pairs(v: Any) -> dict[str, frozenset[str]]:
    if not isinstance(v, list) or not all(isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p)
                                          for p in v):
        raise TypeError("a list of [word, opposite] pairs")
    out: dict[str, set[str]] = {}
    for a, b in v:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {k: frozenset(s) for k, s in out.items()}


def _months(v: Any) -> dict[str, int]:
    if not isinstance(v, dict) or sorted(v) != list(range(1, 13)):
        raise TypeError("a mapping of the months 1 to 12 → their spellings")
    return {m: i for i, ms in v.items() for m in _strings(ms)}


def load(directory: str | Path = DATA) -> Vocab:
    """Read and validate every data file in `directory`; compile the patterns built from them."""
    d = Path(directory)
    syn_path, units_path = d / "synonyms.tsv", d / "units.tsv"
    synonyms = _pairs(_tsv(syn_path, 2), syn_path)
    keys = sorted(synonyms, key=len, reverse=True)
    syn_re = _compile(r"(?<![\w-])(?<![a-z]/)(" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])", syn_path,
                      "the synonyms")

    words = _yaml(d / "words.yaml", {k: _words for k in
                                     ("stop", "generic", "clinical", "not_terms", "studies", "links", "not_spelled")})
    neg_path = d / "negation.yaml"
    neg = _yaml(neg_path, {"pseudo": _strings, "pre": _strings, "post": _strings, "bidi": _strings,
                           "uncertain_pre": _strings, "uncertain_post": _strings, "hedges": _words, "course": _strings,
                           "past_before": _strings, "past_after": _strings, "current": _words,
                           "family": _words, "informant": _words, "conditional": _words,
                           **{k: _words for k in ("terminators", "back_stops", "determiners", "copulas", "new_finding",
                                                  "prepositions", "symptoms_ing")},
                           "window": _int, "back_window": _int})
    cues = _compile(rf"(?<![\w-])(?:(?P<upre>{'|'.join(neg['uncertain_pre'])})|(?P<upost>{'|'.join(neg['uncertain_post'])})|"
                    rf"(?P<pseudo>{'|'.join(neg['pseudo'])})|(?P<post>{'|'.join(neg['post'])})|"
                    rf"(?P<pre>{'|'.join(neg['pre'])})|(?P<bidi>{'|'.join(neg['bidi'])})|(?P<course>{'|'.join(neg['course'])}))(?![\w])", neg_path, "the cues")

    freq_path = d / "frequencies.yaml"
    freq = _yaml(freq_path, {"patterns": _any, "supported_by": _set_map, "names": _str_map, "counts": _num_map,
                             "per_week": _num_map})
    patterns = freq["patterns"]
    if not isinstance(patterns, dict) or not all(isinstance(k, str) and k.startswith("fq_") for k in patterns):
        raise VocabError(f"{freq_path}: patterns must map kinds named fq_… to lists of spellings")
    try:
        alternatives = {k: "|".join(_strings(v)) for k, v in patterns.items()}
    except TypeError as exc:
        raise VocabError(f"{freq_path}: each kind of patterns must be {exc}") from exc
    freq_re = _compile(r"(?<![\w.])(" + "|".join(f"(?P<{k}>{v})" for k, v in alternatives.items()) + r")(?![\w])",
                       freq_path, "patterns")

    units: dict[str, tuple[str, str, float]] = {}
    for name, canon, dim, factor in _tsv(units_path, 4):
        try:
            units[name] = (canon, dim, float(factor))
        except ValueError:
            raise VocabError(f"{units_path}: the factor of {name} is not a number ({factor!r})") from None
    simple = tuple(sorted((u for u in units if "/" not in u), key=len, reverse=True))
    unit_re = (
        rf"(?P<unit>{PER_UL}(?![a-z])|{UNIT_LONG} per {PER_LONG}(?![a-z])|"
        r"x ?10\^3/ul|x ?10e3/ul|10\^3/ul|10\*3/ul|x ?10\^9/l|10\^9/l|k/ul|thou/ul"
        rf"|{UNIT_BASE}/{PER}(?![a-z])|{UNIT_BASE} per {PER}(?![a-z])|°\s?[fc](?![a-z])"
        r"|" + "|".join(re.escape(u) + (r"(?![a-z])" if u[-1].isalpha() else "") + (r"(?!\s+[a-z])" if u == "in" else "")
                        for u in simple) + r")"
    )
    qty_re = _compile(rf"(?<![a-z0-9_.^])(?<![a-z]-){NUM}(?:\s?-?\s?{unit_re})?", units_path, "the units")
    qty_path = d / "quantities.yaml"
    qty = _yaml(qty_path, {"number_words": _num_map, "per": _str_map, "rate_head": _str_map, "rate_per": _str_map})
    number_words = qty["number_words"]
    numword_re = _compile(
        r"(?<![\w-])(" + "|".join(sorted(number_words, key=len, reverse=True)) + r")(?=[\s-]+(?:"
        + "|".join(re.escape(u) for u in simple if u[0].isalpha() and len(u) > 2)
        + r"|times?|episodes?|bottles?|views?|lumen|drinks?|units?|stents?|polyps?|doses?|liters?|weeks?|days?|hours?|"
        r"months?|years?|minutes?|out of)\b)"
        # "Four actinic keratoses were treated": a count from two up is a number wherever it stands.
        r"|(?<![\w-])(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\w-])(?!\s+(?:of|or)\b)",
        qty_path, "number_words")

    med_path = d / "medications.yaml"
    med = _yaml(med_path, {"status": _str_map, "status_past": _str_map, "status_ok": _set_map, "headings": _str_map,
                           "names": _words, "endings": _strings, "not_drugs": _words, "treatments": _words,
                           "salts": _words, "skip": _words,
                           "plan_words": _words, "negators": _words})
    status_of = {w: k for k, ws in med["status"].items() for w in ws.split()}
    for table in ("status_past", "status_ok", "headings"):
        values = med[table].values() if table == "headings" else med[table].keys()
        if bad := sorted(set(values) - med["status"].keys()):
            raise VocabError(f"{med_path}: {table} names statuses that are not in status: {', '.join(bad)}")
    drug_re = _compile(r"(?:" + "|".join(med["endings"]) + r")$", med_path, "endings")

    find_path = d / "findings.yaml"
    find = _yaml(find_path, {"labs": _labs, "extra_terms": _list_map, "electrolytes": _str_map, "morphology": _strings,
                             "anatomy": _words, "opposites": _opposite_pairs,
                             "classifications": _strings})
    lab_terms = find["labs"]
    lab_re = _compile(r"\b(" + "|".join(re.escape(k) for k in sorted(lab_terms, key=len, reverse=True)) + r")\b"
                      r"(?:[^.;\d]{0,25}?)(?P<v>\d+(?:\.\d+)?)(?=(?P<rest>(?:[^.;]|\.(?=\d)){0,40}))", find_path, "labs")
    abbrevs = "|".join(re.escape(e) for e in find["electrolytes"])
    electro_list = _compile(rf"\b(?:{abbrevs})\b(?:\s*(?:,|/|&|and)\s*\b(?:{abbrevs})\b)+", find_path, "electrolytes")
    morphology_re = _compile(r"(?:" + "|".join(find["morphology"]) + r")$", find_path, "morphology")
    anatomy = "(?:" + "|".join(sorted(find["anatomy"])) + ")"
    _compile(anatomy, find_path, "anatomy")
    graded = _compile(r"\b(" + "|".join(find["classifications"]) + r")\s*:?\s*(\d{1,2}[a-c]?|iv|v?i{1,3}|v)\b(?![.,]?\d)",
                      find_path, "classifications")

    lang = _yaml(d / "language.yaml", {"irregular": _str_map, "suffixes": _strings, "endings": _strings,
                                       "roman": _str_map, "months": _months})
    spellings = sorted(lang["months"], key=len, reverse=True)
    month_re = r"(?P<mon>" + "|".join(re.escape(m) for m in spellings) + r")\.?"
    return Vocab(
        d, synonyms, syn_re, **words, cues=cues, hedges=neg["hedges"], current=neg["current"], family=neg["family"], informant=neg["informant"], conditional=neg["conditional"],
        past_before=tuple(tuple(p.split()) for p in neg["past_before"]),
        past_after=tuple(tuple(p.split()) for p in neg["past_after"]), terminators=neg["terminators"],
        back_stop=neg["back_stops"] | neg["terminators"], determiners=neg["determiners"], copulas=neg["copulas"],
        new_finding=neg["new_finding"], prepositions=neg["prepositions"], symptoms_ing=neg["symptoms_ing"],
        window=neg["window"], back_window=neg["back_window"], freq_re=freq_re, freq_ok=freq["supported_by"],
        freq_names=freq["names"], counts=freq["counts"], once=freq["counts"] | freq["per_week"], units=units,
        simple_units=simple, qty_re=qty_re, per_ul_re=re.compile(PER_UL), number_words=number_words,
        numword_re=numword_re, per_canon=qty["per"], rate_head=qty["rate_head"], rate_per=qty["rate_per"],
        status_of=status_of, status_past=med["status_past"], status_ok=med["status_ok"], headings=med["headings"],
        drug_names=med["names"], drug_re=drug_re, not_drugs=med["not_drugs"], treatments=med["treatments"],
        salts=med["salts"], drug_skip=med["skip"],
        plan_words=med["plan_words"], negators=med["negators"], lab_terms=lab_terms, lab_re=lab_re,
        extra_terms=find["extra_terms"], electrolytes=find["electrolytes"],
        electro_list=electro_list, morphology_re=morphology_re, anatomy=anatomy, graded=graded, opposites=find["opposites"],
        irregular=lang["irregular"], suffixes=lang["suffixes"], endings=lang["endings"], roman=lang["roman"],
        months=lang["months"], month_re=month_re,
    )


@lru_cache(maxsize=1)
def current() -> Vocab:
    """The vocabularies in use: the package's data files, or the copies in $CLINSUM_VERIFY_DATA. Loaded once."""
    return load(os.environ.get(ENV) or DATA)
