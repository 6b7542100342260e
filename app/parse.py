"""Read a model's reply as a `Summary`, whatever shape it came in, and say what was wrong with it.

Structured output should give valid JSON of the schema, but a reply can still arrive cut off at
the token limit, inside a code fence or prose, with keys of its own, with the citations written
into the text, or as Markdown from an engine without structured output. The parser keeps every
statement it can read whole, drops only what it cannot, and never raises: the problems it
reports are plain sentences that never quote the reply (it may hold record text), and the
caller decides what an empty result means.
"""

from __future__ import annotations

import difflib
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from engine.summary_format import NOT_DOCUMENTED, SECTIONS, Section, Statement, Summary
from ingestion.record_format import ID_PREFIX, passage_id

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Parsed:
    summary: Summary
    problems: list[str] = field(default_factory=list)

    @property
    def statements(self) -> int:
        return sum(len(s.statements) for s in self.summary.sections)


def parse_summary(text: str, finish_reason: str = "stop", *, default_title: str = "Summary") -> Parsed:
    """The reply's sections and statements, and the problems met reading it.

    `default_title` names the section of statements that come without one.
    """
    try:
        return _Reader(text if isinstance(text, str) else "", finish_reason == "length", default_title).read()
    except Exception as error:  # never fail the caller over a reply: report it, keep nothing
        log.warning("the reply parser failed (%s); the reply is treated as unreadable", type(error).__name__)
        return Parsed(Summary(sections=[]), ["Nothing could be read from the model's reply."])


# --- keys a model uses instead of ours -------------------------------------------------------------

_SUMMARY_KEYS = ("sections", "summary", "result", "output", "data", "answer", "response")
_TITLE_KEYS = ("title", "section", "heading", "name", "header", "section_title")
_LIST_KEYS = ("statements", "items", "points", "bullets", "facts", "entries", "content", "findings", "lines", "answer")
_TEXT_KEYS = ("text", "statement", "content", "fact", "sentence", "value", "summary", "finding", "answer", "claim")
_CITE_KEYS = (
    "citations", "citation", "cites", "cite", "sources", "source", "refs", "references", "reference",
    "passages", "passage_ids", "passage", "evidence", "ids",
)

# Passage ids as models write them, leniently: the record format's id ("P12", ingestion/record_format.py)
# in any case, with a space after the prefix, or as a range.
_P = re.escape(ID_PREFIX)
_PID = re.compile(rf"\b{_P}\s?(\d{{1,7}})\b(?:\s*[-–—]\s*{_P}?\s?(\d{{1,7}})\b)?", re.IGNORECASE)
# Citations written into a statement: "[P12]", "[P12][P14]", "(P12, P14)", "[see P3-P5]".
_INLINE = re.compile(
    r"\s*[\[(]\s*(?:(?:see|sources?|refs?|references?|passages?|citations?|cf\.?)\s*:?\s*)?"
    rf"({_P}\s?\d{{1,7}}(?:\s*(?:[,;&/]|and|[-–—]|to)\s*{_P}?\s?\d{{1,7}})*)\s*[\])]",
    re.IGNORECASE,
)
_MAX_RANGE = 50  # "P3-P9" means the passages between; a wider "range" is a typo, not a citation

_TITLE_IN_JSON = re.compile(r'"(?:%s)"\s*:\s*"((?:[^"\\\n]|\\.){1,200})"' % "|".join(_TITLE_KEYS), re.IGNORECASE)
_OBJECT_START = re.compile(r'\{\s*"')
_STATEMENT_START = re.compile(r'\{\s*"(?:%s)"\s*:' % "|".join(_TEXT_KEYS), re.IGNORECASE)
_FENCE = re.compile(r"^\s*```")
_MAX_FAILED_DECODES = 2000  # bounds the work on a reply that is mostly unclosed braces


@dataclass(slots=True)
class _Statement:
    text: str
    citations: list[str]


@dataclass(slots=True)
class _Section:
    title: str | None  # None: statements that came without a section
    statements: list[_Statement] = field(default_factory=list)


class _Reader:
    def __init__(self, text: str, cut: bool, default_title: str):
        self.text = text
        self.cut = cut
        self.default_title = default_title
        self.problems: list[str] = []
        self.bad_citations = 0

    def read(self) -> Parsed:
        if not self.text.strip():
            return Parsed(Summary(sections=[]), ["The model's reply was empty."])
        sections = self._json()
        if not _count(sections):
            sections = self._markdown()
        summary = self._build(sections)
        if self.bad_citations:
            self.problems.append(
                f"{self.bad_citations} citation{'s' * (self.bad_citations != 1)} did not name a passage and "
                f"{'were' if self.bad_citations != 1 else 'was'} dropped."
            )
        if not summary.sections:
            self.problems.append("Nothing could be read from the model's reply.")
        return Parsed(summary, self.problems)

    # --- JSON --------------------------------------------------------------------------------------

    def _json(self) -> list[_Section]:
        text = self.text
        for start in sorted({text.find("{"), text.find("[")} - {-1}):
            try:
                data, _ = json.JSONDecoder().raw_decode(text, start)
            except (ValueError, RecursionError):
                continue
            sections = _from_data(data, None, self)  # whole, though perhaps fenced or with prose around it
            if _count(sections):
                return sections
        return self._scan()

    def _scan(self) -> list[_Section]:
        """Every JSON object in the reply that decodes whole: what survives a cut or a broken brace."""
        text, decoder = self.text, json.JSONDecoder()
        titles = [(m.start(), m.group(1)) for m in _TITLE_IN_JSON.finditer(text)]
        sections: list[_Section] = []
        pos, failures, broken, lost, section_end = 0, 0, 0, 0, 0
        tail = False  # an object still open where the reply ends: a cut
        while failures < _MAX_FAILED_DECODES:
            i = text.find("{", pos)
            if i < 0:
                break
            try:
                data, end = decoder.raw_decode(text, i)
            except (ValueError, RecursionError):
                failures += 1
                broken += _OBJECT_START.match(text, i) is not None  # JSON that does not close, not "{" in prose
                lost += _STATEMENT_START.match(text, i) is not None  # a statement cut off, or broken
                tail = tail or _OBJECT_START.match(text, i) is not None
                pos = i + 1
                continue
            if isinstance(data, dict) and _is_statement(data):
                # A statement whose section did not decode whole: it belongs to the last title before it.
                title = next((_unquote(t) for at, t in reversed(titles) if section_end <= at < i), None)
                sections.extend(_from_data(data, title, self))
            else:
                sections.extend(_from_data(data, None, self))
                section_end = end
            pos, tail = end, False
        n = _count(sections)
        if n and self.cut:
            self.problems.append(_cut(dropped=tail))
        elif n and broken:
            self.problems.append(
                f"The model's reply was not valid JSON; {n} statement{'s' * (n != 1)} could be read from it"
                + (f" and {lost} could not." if lost else ".")
            )
        return sections

    # --- Markdown and plain text -------------------------------------------------------------------

    def _markdown(self) -> list[_Section]:
        sections = self._lines(strict=True)
        if _count(sections):
            return sections
        if _LOOKS_LIKE_JSON.search(self.text):
            return []  # broken JSON: its lines are syntax, not statements
        sections = self._lines(strict=False)
        if _count(sections):
            self.problems.append(
                "The model's reply was not in the summary format; each of its lines was read as a statement."
            )
        return sections

    def _lines(self, strict: bool) -> list[_Section]:
        sections = [_Section(None)]
        lines = self.text.splitlines()
        last_line_statement = False
        for number, raw in enumerate(lines):
            last_line_statement = False
            line = raw.strip()
            if not line or _FENCE.match(line) or _JSON_SYNTAX.match(line) or _RULE.match(line):
                continue
            if not strict and _CODE.match(line):
                continue
            heading = _heading(line)
            if heading is not None:
                title, rest = heading
                sections.append(_Section(title))
                if not rest:
                    continue
                line, bullet = rest, True
            else:
                line, bullet = _unbullet(line)
            if line.startswith("|"):
                line = "; ".join(c.strip() for c in line.strip("|").split("|") if c.strip() and not _TABLE_RULE.match(c))
            line = _unemphasize(line)
            if strict and not bullet and not _INLINE.search(line) and line.rstrip(".").lower() != NOT_DOCUMENTED.rstrip(".").lower():
                continue  # prose around the summary ("Here is the summary:"), not a statement
            sections[-1].statements.append(_Statement(line, []))
            last_line_statement = number == len(lines) - 1
        if self.cut and _count(sections):
            dropped = last_line_statement and not self.text.endswith("\n")
            if dropped:
                next(s for s in reversed(sections) if s.statements).statements.pop()
            if _count(sections):
                self.problems.append(_cut(dropped))
        return sections

    # --- assembling the summary --------------------------------------------------------------------

    def _build(self, sections: list[_Section]) -> Summary:
        merged: dict[str, list[Statement]] = {}
        for section in sections:
            title = _canonical(section.title) if section.title else ""
            title = title or self.default_title
            for s in section.statements:
                text, cited = _split_citations(s.text)
                citations = _dedupe(s.citations + cited)
                text = _tidy(text)
                if text:
                    merged.setdefault(title, []).append(Statement(text=text, citations=citations))
        order = {title: i for i, title in enumerate(SECTIONS)}
        titles = sorted(merged, key=lambda t: order.get(t, len(order)))  # stable: unknown titles keep their order
        return Summary(sections=[Section(title=t, statements=merged[t]) for t in titles])

    def citations(self, value: Any) -> list[str]:
        """Passage ids from whatever a model put in a citations field."""
        out: list[str] = []
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items[:1000]:
            if isinstance(item, bool) or item is None:
                self.bad_citations += item is not None
                continue
            if isinstance(item, (int, float)):
                if float(item).is_integer() and item >= 0:
                    out.append(passage_id(int(item)))
                else:
                    self.bad_citations += 1
                continue
            if isinstance(item, dict):
                out.extend(self.citations([v for v in item.values() if isinstance(v, (str, int))]))
                continue
            if not isinstance(item, str):
                self.bad_citations += 1
                continue
            ids = _ids(item)
            if not ids and item.strip().isdigit():
                ids = [passage_id(int(item.strip()))]
            if ids:
                out.extend(ids)
            elif item.strip():
                self.bad_citations += 1
        return out


def _cut(dropped: bool) -> str:
    also = "its unfinished last statement was dropped and " if dropped else ""
    return f"The model's reply was cut off at its length limit; {also}the summary may be incomplete."


def _from_data(data: Any, title: str | None, reader: _Reader, depth: int = 0) -> list[_Section]:
    """Sections from decoded JSON of any likely shape: ours, a list of sections, {title: [statements]}."""
    if depth > 8:
        return []
    if isinstance(data, list):
        out: list[_Section] = []
        loose = _Section(title)
        for item in data:
            if isinstance(item, dict) and _is_section(item):
                if loose.statements:
                    out.append(loose)
                    loose = _Section(title)
                out.extend(_from_data(item, None, reader, depth + 1))
            elif isinstance(item, dict) and not _is_statement(item) and _has_summary(item):
                out.extend(_from_data(item, title, reader, depth + 1))
            else:
                statement = _statement(item, reader)
                if statement:
                    loose.statements.append(statement)
        if loose.statements:
            out.append(loose)
        return out
    if isinstance(data, str):
        return [_Section(title, [_Statement(data, [])])]
    if not isinstance(data, dict):
        return []
    keys = _lower_keys(data)
    for key in _SUMMARY_KEYS:
        if key in keys and isinstance(keys[key], (list, dict)) and not _is_statement(data):
            found = _from_data(keys[key], title, reader, depth + 1)
            if _count(found):
                return found
    if _is_section(data):
        name = next((keys[k] for k in _TITLE_KEYS if isinstance(keys.get(k), str)), None)
        body = next(keys[k] for k in _LIST_KEYS if k in keys and isinstance(keys[k], (list, str, dict)))
        found = _from_data(body if isinstance(body, list) else [body], name, reader, depth + 1)
        return found or [_Section(name)]
    if _is_statement(data):
        statement = _statement(data, reader)
        return [_Section(title, [statement])] if statement else []
    out = []
    for key, value in data.items():  # {"Allergies": ["Penicillin (rash) [P5]"], …}
        if isinstance(key, str) and isinstance(value, (list, str, dict)):
            for section in _from_data(value if isinstance(value, list) else [value], key, reader, depth + 1):
                if section.title is None:
                    section.title = key
                out.append(section)
    return out


def _statement(item: Any, reader: _Reader) -> _Statement | None:
    if isinstance(item, str):
        return _Statement(item, [])
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        return _Statement(str(item), [])
    if not isinstance(item, dict):
        return None
    keys = _lower_keys(item)
    text = next((keys[k] for k in _TEXT_KEYS if isinstance(keys.get(k), (str, int, float)) and not isinstance(keys.get(k), bool)), None)
    if text is None:
        return None
    cites = next((keys[k] for k in _CITE_KEYS if k in keys), [])
    return _Statement(str(text), reader.citations(cites))


def _lower_keys(data: dict) -> dict[str, Any]:
    return {k.strip().lower(): v for k, v in data.items() if isinstance(k, str)}


def _is_section(data: dict) -> bool:
    keys = _lower_keys(data)
    return any(isinstance(keys.get(k), (list, dict)) for k in _LIST_KEYS) and any(
        isinstance(keys.get(k), str) for k in _TITLE_KEYS
    ) or (any(isinstance(keys.get(k), list) for k in _LIST_KEYS) and not _is_statement(data))


def _is_statement(data: dict) -> bool:
    keys = _lower_keys(data)
    return any(isinstance(keys.get(k), str) for k in _TEXT_KEYS) and not any(
        isinstance(keys.get(k), list) and k not in _CITE_KEYS for k in _LIST_KEYS
    )


def _has_summary(data: dict) -> bool:
    keys = _lower_keys(data)
    return any(isinstance(keys.get(k), (list, dict)) for k in _SUMMARY_KEYS)


def _count(sections: list[_Section]) -> int:
    return sum(len(s.statements) for s in sections)


def _unquote(raw: str) -> str | None:
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None


# --- text helpers ----------------------------------------------------------------------------------

_JSON_SYNTAX = re.compile(r'^[\[\]{}],?$|^[{\[]?\s*"[^"]{1,40}"\s*:')
_LOOKS_LIKE_JSON = re.compile(r'^\s*(?:```\s*json|[{\[]\s*(?:"|$|\{))|\{\s*"\w+"\s*:', re.IGNORECASE)
_CODE = re.compile(rf"^(?:[{{}}\]<>]|\[(?!{_P}\s?\d))")
_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_TABLE_RULE = re.compile(r"^\s*:?-{2,}:?\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s*(.*?)\s*#*$")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)\s*(:?)(?:\*\*|__)\s*(:?)\s*(.*)$")
_BULLET = re.compile(r"^(?:[-*•+‣▪◦–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+(.*)$")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def _unbullet(line: str) -> tuple[str, bool]:
    match = _BULLET.match(line)
    return (match.group(1).strip(), True) if match else (line, False)


def _unemphasize(line: str) -> str:
    return _EMPHASIS.sub(r"\2", line)


def _heading(line: str) -> tuple[str, str] | None:
    """(title, text after it on the line) when the line opens a section."""
    match = _MD_HEADING.match(line)
    if match:
        return match.group(1).strip("*_ :"), ""
    match = _BOLD_LINE.match(line)
    if match:
        title, colon, rest = match.group(1).strip(), match.group(2) or match.group(3), match.group(4).strip()
        # "**Allergies**" or "**Allergies:** Penicillin [P5]", but not "**Furosemide** 40 mg daily [P3]".
        if (not rest or colon) and not _INLINE.search(title) and len(title.split()) <= 8:
            return title, rest
    bare, bullet = _unbullet(line)
    bare = _unemphasize(bare).strip()
    if _INLINE.search(bare) or len(bare.split()) > 8 or not bare:
        return None
    named = bare.rstrip(":").strip()
    if _canonical(named) in SECTIONS and (bare.endswith(":") or not bullet and not bare.endswith(".")):
        return named, ""  # "Allergies:", "1. Patient overview", "MEDICATIONS"
    if not bullet and bare.endswith(":") and len(bare.split()) <= 5 and not any(c.isdigit() for c in bare):
        return named, ""  # a section of the model's own: "Social history:"
    return None


_SECTION_RULES = [
    ("Allergies", r"allerg|intoleran|adverse (?:drug )?reaction"),
    ("Medications with changes", r"medica|\bmeds?\b|\bdrugs?\b|prescri"),
    ("Procedures", r"procedur|surger|operati|intervention"),
    ("Open questions", r"question|pending|outstanding|unresolved|uncertain|\bgaps?\b|open issues?|to clarify"),
    ("Key results", r"results?\b|\blabs?\b|laborator|findings|investigation|imaging|\btests?\b"),
    ("Hospital course", r"\bcourse\b|hospital stay"),
    ("Plan and follow-up", r"\bplan\b|follow|disposition|recommendation|next steps?"),
    ("Problems and diagnoses", r"problem|diagnos|assessment|conditions?\b|comorbid"),
    ("Patient overview", r"overview|demographic|\bpatient\b|background|identification"),
]
_SECTION_PATTERNS = [(title, re.compile(pattern)) for title, pattern in _SECTION_RULES]
_LOWER_SECTIONS = {s.lower(): s for s in SECTIONS}


def _canonical(title: str | None) -> str:
    """A section title as ours when it plainly means one of ours, else as the model wrote it."""
    if not isinstance(title, str):
        return ""
    clean = " ".join(re.sub(r"^\s*\(?\d{1,2}[.)]\s*|[#*_`]", " ", title).split()).strip(" :.-")
    key = " ".join(re.sub(r"[^a-z0-9]+", " ", clean.lower().replace("&", " and ")).split())
    if not key:
        return clean
    for lower, section in _LOWER_SECTIONS.items():
        if key == " ".join(re.sub(r"[^a-z0-9]+", " ", lower).split()):
            return section
    if len(key.split()) <= 8:
        for section, pattern in _SECTION_PATTERNS:
            if pattern.search(key):
                return section
        close = difflib.get_close_matches(key, list(_LOWER_SECTIONS), n=1, cutoff=0.8)
        if close:
            return _LOWER_SECTIONS[close[0]]
    return clean


def _ids(text: str) -> list[str]:
    out = []
    for match in _PID.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if first <= last <= first + _MAX_RANGE:
            out.extend(passage_id(n) for n in range(first, last + 1))
        else:
            out.extend((passage_id(first), passage_id(last)))
    return out


def _split_citations(text: str) -> tuple[str, list[str]]:
    """Citations written into the text, moved out of it: "… [P12][P14]" → ("…", ["P12", "P14"])."""
    cited: list[str] = []

    def take(match: re.Match[str]) -> str:
        group = match.group(1)
        ids = _ids(re.sub(r"(?i)(?<=[,;&/\s])(\d)", rf"{ID_PREFIX}\1", re.sub(r"(?i)\s+to\s+", "-", re.sub(r"(?i)\s+and\s+", ",", group))))
        cited.extend(ids)
        following = match.string[match.end() : match.end() + 1]
        return " " if following.isalnum() else ""  # "a [P1] b" → "a b", "a [P1]." → "a."

    text = _INLINE.sub(take, text)
    return (text.strip().rstrip(" ;,") if cited else text), cited


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _dedupe(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))
