"""The extractive engine: no model, no GPU, deterministic. The default when none is configured.

It never parses the prompt: the request carries the record's passages as plain data (id, text,
document number and type, the table columns shown before a row). It sorts them into the summary's
sections by the note section they sit under (PLAN, DISCHARGE MEDICATIONS, IMPRESSION, …) or,
failing that, by clinical cues, and writes each as a statement citing its passage. A labelled field ("Diagnosis: …", "Allergies: NKA")
is a statement of its label's section; a table's header row says what its rows are; a result
counts when it lies outside its reference range or is flagged. What a line is by its shape
(results and ranges, header rows, medication entries, signatures, adverts, bill lines, family
history) is in engine/extractive_lines.py, its words in engine/data/*.txt. Across documents, near-duplicates collapse and
for facts that change (a drug's dose, a lab value) the newest document wins. A question (the
request's `question`) is answered with the passages that share most terms with it.

A record too long for one prompt is summarized part by part and the partial summaries merged: a
merge request carries them as `partials` (with the `question` when they are answers), and they
are merged section by section by the same rules, the later part standing in for the newer document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from engine.base import ChatRequest, Delta, Description, Generation, SourcePassage, Usage
from engine.estimate import estimate_tokens
from engine.extractive_lines import (
    ALLERGY,
    DOSE,
    FOLLOW_UP,
    MED_CHANGE,
    NOT_HEADING,
    OVERVIEW,
    PLAN,
    PROBLEM,
    PROCEDURE,
    RESULT,
    SKIP,
    is_advert,
    is_allergy_statement,
    is_billing,
    is_family_history,
    is_medication_entry,
    is_problem_item,
    is_signature,
    out_of_range,
    table_header,
)
from engine.local import LocalEngine
from engine.summary_format import ANSWER, NOT_DOCUMENTED, SECTIONS, Section, Statement, Summary

# Note headings → summary sections. Order matters: the first match wins.
_HEADINGS = [
    ("Allergies", r"allerg"),
    ("Medications with changes", r"medication|meds\b|prescription|\brx\b"),
    ("Procedures", r"procedure|operati|surgery|surgical"),
    ("Hospital course", r"hospital course|\bcourse\b"),
    ("__hpi__", r"history of present illness|\bhpi\b|interval history|subjective|presentation"),
    ("Plan and follow-up", r"\bplan\b|follow|recommend|instruction|disposition|return"),
    ("Open questions", r"pending"),
    ("Key results", r"\blabs?\b|result|findings|\bdata\b|imaging|echo|pertinent|impression"),
    ("Problems and diagnoses", r"diagnos|assessment|problem|past medical|\bpmh\b|medical history"),
    ("__other__", r"social|family|insurance|address|billing|charges|statement|invoice|receipt"),
    (None, r"vital|exam|review of systems|\bros\b|chief complaint|visit type"),
]
_HEADING_RULES = [(section, re.compile(pattern, re.IGNORECASE)) for section, pattern in _HEADINGS]

_MARKUP = re.compile(r"[*#|`]{1,3}")
_TOKEN = re.compile(r"\[[A-Z_]+_\d+\]")
# Not a statement on its own: a continuation ("when to resume") or a dosing cell without its drug.
_FRAGMENT = re.compile(r"[a-z]|\d+(?:\.\d+)?\s*(?i:tablets?|tabs?|capsules?|caps?|puffs?|drops?|units?)\b")
_LIST_MARKER = re.compile(r"^(?:[-*•]\s+|\(?\d{1,2}[.)]\s+)")
_WORD = re.compile(r"[a-z][a-z0-9/-]+")
_STOP = frozenset(["the", "and", "with", "for", "was", "were", "has", "have", "had", "his", "her", "this", "that", "from", "are", "not", "per", "on", "in", "of", "to", "at", "by"])

_LIMITS = {"Patient overview": 2, "Allergies": 4, "Open questions": 6}
_DEFAULT_LIMIT = 12


@dataclass(slots=True)
class _Passage:
    pid: str
    doc: int
    doc_type: str
    heading: str | None  # the summary section of the note heading it sits under
    text: str
    cites: tuple[str, ...] = ()  # a merged statement's citations (a passage cites itself)
    labelled: bool = False  # opens with a field label: "Diagnosis: ...", "Allergies: NKA"
    assessment: bool = False  # sits under an assessment and plan


_TABLES = {"med": "Medications with changes", "lab": "__table__", "bill": "__other__"}


def _read_record(record: Sequence[SourcePassage]) -> list[_Passage]:
    passages: list[_Passage] = []
    doc, heading, assessment = 0, None, False
    for source in record:
        if source.doc != doc:
            doc, heading, assessment = source.doc, None, False
        if source.columns:
            heading = _TABLES.get(table_header(source.columns.replace("|", " ")) or "", heading)
        pid, doc_type = source.id, source.doc_type
        text = " ".join(_MARKUP.sub(" ", source.text).split())  # Markdown emphasis, headings and table bars
        if not text:
            continue
        kind = table_header(text)
        if kind is not None:  # a table's header row says what the rows under it are
            heading = _TABLES.get(kind, heading)
            continue
        label = _heading(text)
        if label is not None:
            section, remainder = label
            if not remainder:
                heading, assessment = section, bool(re.search(r"assess|impression", text, re.IGNORECASE))
                continue  # a heading alone says nothing
            # A labelled field ("Diagnosis: COPD") is its own statement; what follows it is not its list.
            passages.append(_Passage(pid, doc, doc_type, section, text.strip(), labelled=True))
            heading, assessment = None, False
            continue
        passages.append(_Passage(pid, doc, doc_type, heading, text.strip(), assessment=assessment))
    return passages


def _heading(text: str) -> tuple[str | None, str] | None:
    """(section, the rest of the passage) when the passage opens with a note heading."""
    if NOT_HEADING.search(text):
        return None
    head, sep, rest = text.partition(":")
    bare = text.split("(")[0].strip()  # "MEDICATIONS (reviewed today)"
    if sep and 0 < len(head.split()) <= 5 and not any(c.isdigit() for c in head):
        candidate, remainder = head, rest.strip()
    elif bare.isupper() and len(bare.split()) <= 6 and not any(c.isdigit() for c in bare):
        candidate, remainder = bare, ""
    elif len(text.split()) <= 5 and not text.endswith(".") and not any(c.isdigit() for c in text) and all(
        w[0].isupper() or w in ("and", "of", "to") for w in text.split()
    ):
        candidate, remainder = text, ""  # "Assessment and Plan", "Medication Directions Status"
    else:
        return None
    for section, rule in _HEADING_RULES:
        if rule.search(candidate):
            return section, remainder
    # A heading of no summary section: a group of a lab report ("CHEMISTRY") or a part of a note.
    return ("__group__", remainder) if not sep or not remainder else None


def _section_of(p: _Passage) -> str | None:
    text = p.text
    words = text.split()
    if p.heading in ("__other__", "__family__"):
        return None
    if SKIP.search(text) or is_signature(text) or is_advert(text) or is_billing(text) or is_family_history(text):
        return None  # letterheads, sign-offs, promotion, charges, relatives' conditions
    if len(_TOKEN.findall(text)) * 2 >= len(words):
        return None  # a letterhead or signature: surrogates, no clinical content
    if is_allergy_statement(text) or ALLERGY.search(text):
        return "Allergies"  # "NKDA", "No known allergies", "Allergies: penicillin"
    measured = out_of_range(text)
    if not p.labelled and measured is None and (
        _FRAGMENT.match(_LIST_MARKER.sub("", _MARKUP.sub("", text)).strip()) or text.count("(") != text.count(")")
    ):
        return None  # a piece of a table row or a wrapped cell: "when to resume", "1 tablet p.o. b.i.d."
    listed = p.heading in SECTIONS and re.search(r"[A-Za-z]{4}", text)  # "1. Hypothyroidism." under DIAGNOSES
    if len(words) < 3 and not measured and not p.labelled and not listed:
        return None
    if p.heading in (None, "__group__", "__table__", "Key results") and measured is not None:
        return "Key results" if measured else None  # a result: outside its range, or normal and left out
    if p.heading in ("__group__", "__table__"):
        return None  # under a lab group or table only results count
    if p.heading in ("Plan and follow-up", "Problems and diagnoses") and DOSE.search(text) and MED_CHANGE.search(text):
        return "Medications with changes"  # "Increase sacubitril/valsartan to 49/51 mg": a change in the plan
    if p.heading == "Plan and follow-up" and p.assessment and is_problem_item(text):
        return "Problems and diagnoses"  # "2. Hypertension - above goal." in an assessment and plan
    if p.heading == "Medications with changes" and not (is_medication_entry(text) or MED_CHANGE.search(text)):
        pass  # under a medication heading, a line with no dose, form, route or frequency is something else
    elif p.heading:
        if p.heading == "Key results" and p.doc_type.lower().startswith("laboratory") and not RESULT.search(text):
            return None  # a lab report's unflagged rows: normal values are not key results
        return p.heading
    if p.doc_type.lower().startswith("laboratory"):
        return "Key results" if RESULT.search(text) else None
    if DOSE.search(text) and MED_CHANGE.search(text):
        return "Medications with changes"
    if FOLLOW_UP.search(text):
        return "Plan and follow-up"
    if PROCEDURE.search(text):
        return "Procedures"
    if RESULT.search(text):
        return "Key results"
    if PROBLEM.search(text):
        return "Problems and diagnoses"
    if PLAN.search(text):
        return "Plan and follow-up"
    return None


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _fact_key(section: str, text: str) -> str | None:
    """What a changing fact is about: the drug or the lab test; the newest mention of it wins."""
    if section == "Medications with changes":
        # The drug is the last real word before the first dose: "resume metformin at 500 mg".
        dose = DOSE.search(text)
        before = text[: dose.start()] if dose else text
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z/-]{3,}", before) if not MED_CHANGE.fullmatch(w)]
        return words[-1].lower() if words else None
    if section == "Key results":
        name = re.match(r"\s*([A-Za-z][A-Za-z ,()/-]{1,30}?)\s+\d", text)
        return name.group(1).lower() if name else None
    return None


def summarize(record: Sequence[SourcePassage]) -> Summary:
    """The record's summary from its passages, in prompt order."""
    passages = _read_record(record)
    chosen: dict[str, list[_Passage]] = {}
    for p in passages:
        section = _section_of(p)
        if section:
            chosen.setdefault(section, []).append(p)
    overview = [p for p in passages if OVERVIEW.search(p.text) and p.heading in (None, "__hpi__", "Hospital course", "Problems and diagnoses")]
    if overview:
        chosen["Patient overview"] = overview[-1:]  # the latest description of the patient
    # The history of the present illness tells the course only where no hospital course is written.
    history = chosen.pop("__hpi__", [])
    if "Hospital course" not in chosen:
        chosen["Hospital course"] = history

    return Summary(sections=_assemble(chosen, SECTIONS))


def _assemble(chosen: dict[str, list[_Passage]], titles: Sequence[str]) -> list[Section]:
    """The sections in order, each with its newest, distinct statements up to its limit."""
    sections = []
    for title in titles:
        kept = _newest_and_distinct(title, chosen.get(title, []))
        limit = _LIMITS.get(title, _DEFAULT_LIMIT)
        if title in ("Plan and follow-up", "Open questions", "Medications with changes"):
            kept = kept[-limit:]  # the latest plan is the one in force
        else:
            kept = kept[:limit]
        statements = [Statement(text=_LIST_MARKER.sub("", p.text), citations=_citations(p)) for p in kept]
        if not statements:
            statements = [Statement(text=NOT_DOCUMENTED, citations=[])]
        sections.append(Section(title=title, statements=statements))
    return sections


def _newest_and_distinct(section: str, passages: list[_Passage]) -> list[_Passage]:
    """Drop near-duplicates and superseded facts, keeping the newest document's version."""
    latest: dict[str, int] = {}
    for p in passages:
        key = _fact_key(section, p.text)
        if key:
            latest[key] = max(latest.get(key, 0), p.doc)
    kept: list[_Passage] = []
    for p in reversed(passages):  # newest first, so the newer of two near-duplicates stays
        key = _fact_key(section, p.text)
        if key and p.doc < latest[key]:
            continue
        words = _words(p.text)
        # Two facts about different drugs or tests are never duplicates, however alike their words.
        if any(_similar(words, _words(k.text)) for k in kept if not key or _fact_key(section, k.text) in (None, key)):
            continue
        kept.append(p)
    return sorted(kept, key=_order)


def _citations(p: _Passage) -> list[str]:
    """A merged statement keeps its citations; a passage cites itself."""
    return list(p.cites or ((p.pid,) if p.pid else ()))


def _order(p: _Passage) -> int:
    # Ids are "P<number>" (summary_format.CITATION_PATTERN); their number is the record's order.
    return int(p.pid[1:]) if p.pid[1:].isdigit() else 0


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= 0.6


def answer(record: Sequence[SourcePassage], question: str, top: int = 5) -> Summary:
    """The passages that share most terms with the question, as cited statements."""
    return _answer_from(_read_record(record), question, top)


def _read_partials(partials: Sequence[Summary]) -> list[list[tuple[str, list[_Passage]]]]:
    """The partial summaries of a merge request: per part, its sections' statements as passages."""
    parts: list[list[tuple[str, list[_Passage]]]] = []
    for number, partial in enumerate(partials, 1):
        part: list[tuple[str, list[_Passage]]] = []
        for section in partial.sections:
            title = " ".join(section.title.split())
            if title:  # statements under a blank title go on in the section before it, as in the Markdown form
                part.append((title, []))
            for statement in section.statements:
                text = " ".join(statement.text.split())
                if part and text:
                    cites = tuple(statement.citations)
                    part[-1][1].append(_Passage(cites[0] if cites else "", number, "", None, text, cites))
        parts.append(part)
    return parts


def _merge(parts: list[list[tuple[str, list[_Passage]]]], question: str | None = None) -> Summary:
    """One summary from partial ones, section by section; a later part wins as a newer document would."""
    if question is not None:
        statements = [p for part in parts for _, ps in part for p in ps if p.text != NOT_DOCUMENTED]
        return _answer_from(statements, question)
    chosen: dict[str, list[_Passage]] = {}
    titles: list[str] = []
    for part in parts:
        for title, statements in part:
            if title not in titles:
                titles.append(title)
            real = [p for p in statements if p.text != NOT_DOCUMENTED]
            if title == "Patient overview" and real:
                chosen[title] = real  # the latest description of the patient
            else:
                chosen.setdefault(title, []).extend(real)
    ordered = [t for t in SECTIONS if t in titles] + [t for t in titles if t not in SECTIONS]
    return Summary(sections=_assemble(chosen, ordered))


def _answer_from(passages: Sequence[_Passage], question: str, top: int = 5) -> Summary:
    wanted = _words(_TOKEN.sub(" ", question))  # a name token matches every line that names the patient
    scored = []
    for index, p in enumerate(passages):
        overlap = len(wanted & _words(p.text))
        if overlap:
            scored.append((-overlap, _order(p), index, p))
    best = sorted(sorted(scored)[:top], key=lambda t: (t[1], t[2]))
    statements = [Statement(text=_LIST_MARKER.sub("", p.text), citations=_citations(p)) for *_, p in best]
    return Summary(sections=[Section(title=ANSWER, statements=statements or [Statement(text=NOT_DOCUMENTED, citations=[])])])


class ExtractiveEngine(LocalEngine):
    def __init__(self, context_length: int = 131072, why: str = "chosen in the configuration"):
        super().__init__(context_length)
        self._why = why

    def _reply(self, request: ChatRequest) -> str:
        # The request carries what the prompt holds as data; the prompt's text is for models only.
        if request.partials:
            summary = _merge(_read_partials(request.partials), request.question)
        elif request.question is not None:
            summary = answer(request.passages, request.question)
        else:
            summary = summarize(request.passages)
        return json.dumps(summary.model_dump()) if request.json_schema else summary.markdown()

    def generate(self, requests: Sequence[ChatRequest]) -> list[Generation]:
        out = []
        for request in requests:
            text, finish = self._reply(request), "stop"
            if estimate_tokens(text) > request.max_tokens:  # cut like a model that ran out of tokens
                text, finish = text.encode()[: request.max_tokens * 3].decode(errors="ignore"), "length"
            prompt_tokens = sum(estimate_tokens(m.content) for m in request.messages)
            out.append(Generation(text, finish, Usage(prompt_tokens=prompt_tokens, completion_tokens=estimate_tokens(text))))
        return out

    def stream(self, request: ChatRequest) -> Iterator[Delta]:
        [generation] = self.generate([request])
        yield from self._pieces(generation, generation.text.splitlines(keepends=True))

    def describe(self) -> Description:
        return Description(
            "extractive", "extractive (no model)", self._context,
            notes=(
                f"Extractive engine ({self._why}): the summary quotes the record's own sentences, chosen by rules.",
            ),
        )

    def close(self) -> None:
        pass
