"""Patients in lists: a table's name column, and a list row's name before its age and sex.

Sign-out lists, census sheets and handover tables hold a ward's patients one per row. Their
names have no cue word; what marks them is the layout. Two layouts, each a structure rather than a
vocabulary:
- a table whose header names a name column ("NAME", "PATIENT", "PT NAME", "NAME/MRN") beside
  another column a patient list has (bed, room, age, diagnosis, to do): each row's cell in that
  column is a name, whether cells are split by pipes, tabs or aligned spaces;
- a row that starts a line (after a list number, bullet or bed) with a name followed, before
  anything else, by an age and sex: "1. Kowalski, Jan (Rm 412) 67M", "- 12B SMITH: 67 F".
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import ClinicalRecognizer

_NAME_HEADER = re.compile(r"(?i)(?:patient|pt|rm|room|bed)?[ ]?(?:/[ ]?)?(?:patient(?:[ ]name)?|pt(?:[ ]name)?|name)(?:[ ]?/[ ]?(?:mrn|id|age|dob|rm|room|bed))*")
# A column of staff names in the same lists: "ATTG", "Attending", "RN", "PCP".
_STAFF_HEADER = re.compile(r"(?i)(?:attending|attg|attd|md|provider|resident|intern|rn|nurse|pcp|covering|consultant)")
# What only a list of patients has beside its name column (a medication table's "Name" has dose and route).
_LIST_HEADER = re.compile(
    r"(?i)(?:bed|rm|room|bay|loc(?:ation)?|age|sex|age/sex|dob|mrn|dx|diagnosis|one[- ]?liner|summary|hpi|to[ -]?do|tasks?|issues?"
    r"|plan|action(?: list)?|hd|hd#|los|code(?: status)?|attending|team|pcp|id|status|illness severity|contingenc(?:y|ies)|situation)\W*"
)
_CELL_SPLIT = {"|": re.compile(r"\|"), "\t": re.compile(r"\t+"), "  ": re.compile(r"[ ]{2,}")}
_RULE_LINE = re.compile(r"[\s|:+=_-]*")  # "-----", "|---|---|"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z'’]+)*\.?|,")
_AGE_SEX = r"\d{1,3}[ ]?(?:(?i:yo|y/o|y\.o\.|yr)[ ]?)?(?:[MFmf]|(?i:male|female))\b"
_LEAD = r"(?:\d{1,2}[.)]|[-*•#]|(?i:bed|rm|room|bay)[ ]?\d{1,4}[A-Za-z]?|[A-Z]{2,5}[ ]?\d{1,3}[A-Z]?|\d{1,4}[A-Za-z]?(?:-\d{1,3})?)"
# A list row: its lead, a name (two to four words, a comma allowed), then at most a bracket, a colon or a
# dash before the age and sex.
_ROW = re.compile(
    rf"(?m)^[ \t]*(?:{_LEAD}[ \t]*[-:|.)]?[ \t]*){{1,2}}(?P<phi>[A-Za-z][\w'’-]*(?:,?[ ]{{1,2}}[A-Za-z][\w'’.-]*){{0,3}})"
    rf"[ \t]*(?:\([^)\n]{{0,25}}\)[ \t]*)?[-:,|–—]?[ \t]*{_AGE_SEX}"
)
# A row led by a bed code ("1) 6C11  DRUB, MARY  63F", "[5a13] lanfranchi, mats, 67yo m"): only "Surname, Given" counts.
_CODE_ROW = re.compile(
    rf"(?m)^[ \t]*(?:\d{{1,2}}[.)][ \t]*)?(?:\[[\w-]{{1,6}}\]|\d{{1,2}}[A-Za-z]{{1,2}}\d{{1,3}}\b)[ \t]*[-:|.)]?[ \t]*"
    rf"(?P<phi>[A-Za-z][\w'’-]*,[ ]{{1,2}}[A-Za-z][\w'’-]*)[ \t]*[-:,|–—]?[ \t]*{_AGE_SEX}"
)
# A row led by its room or bed, the name then a dash, colon or bracket: "rm 6b mai - sbo, ngt to lis"
_ROOM_ROW = re.compile(
    r"(?im)^[ \t]*(?:bed|rm|room|bay)[ ]?\d{1,4}[A-Za-z]?[ \t]*[-:.)]?[ \t]+(?P<phi>[A-Za-z][\w'’-]*(?:,?[ ]{1,2}[A-Za-z][\w'’.-]*){0,2})"
    r"[ \t]*(?:[-–—:(]|\[)"
)
# A row that starts with the name, its age and sex glued on: "tanner 86f [7]: DKA", "CUNNINGHAM 102M [717]"
# (the name must be on the census lists: "TMAX 102F" is a temperature)
_BARE_ROW = re.compile(rf"(?m)^[ \t]*(?P<phi>[A-Za-z][\w'’-]*(?:,?[ ]{{1,2}}[A-Za-z][\w'’.-]*){{0,2}})[ \t]+{_AGE_SEX}(?=[ \t]*(?:[\[(:,;-]|$))")
_ROOM_PREFIX = re.compile(r"\d[\w-]*/")  # an RM/NAME cell: "7A/ATZLER"
_TITLE_PREFIX = re.compile(r"(?i:dr|drs|mr|mrs|ms|miss|prof)\.?[ ]+")  # a staff cell: "Dr Young"


class PatientListRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        spans = list(_table_names(text))
        for m in _ROW.finditer(text):
            spans.append(_comma_pair(text, *m.span("phi")) or _name_words(text, *m.span("phi")))
        spans += [_comma_pair(text, *m.span("phi")) for m in _CODE_ROW.finditer(text)]
        for m in _ROOM_ROW.finditer(text):
            spans.append(_name_words(text, *m.span("phi"), stop_words=True))
        bare = list(_BARE_ROW.finditer(text))
        if len(bare) >= 2:  # a list has rows: one "temp 101f" line is a temperature
            spans += [_name_words(text, *m.span("phi"), census=True) for m in bare]
        return [self.result(Phi.PERSON, start, end, 0.7) for start, end in filter(None, spans)]


def _cells(line: str, offset: int, sep: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a line in text offsets, stripped of spaces. Pipes and tabs keep
    empty cells (a column stays a column); a pipe table's outer pipes make no cells."""
    cells, at = [], 0
    for boundary in [*_CELL_SPLIT[sep].finditer(line), None]:
        end = boundary.start() if boundary else len(line)
        piece = line[at:end]
        stripped = piece.strip(" *")
        lead = piece.index(stripped) if stripped else 0
        cells.append((offset + at + lead, offset + at + lead + len(stripped)))
        at = boundary.end() if boundary else len(line)
    if sep == "|":
        cells = cells[1 if not line[: line.find("|")].strip() else 0 : -1 if not line[line.rfind("|") + 1 :].strip() else None]
    return [c for c in cells if c[1] > c[0]] if sep == "  " else cells


def _table_names(text: str):
    """Names in the name column of every patient-list table of the text."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    i = 0
    while i < len(lines):
        start, line = lines[i]
        found = _header(text, line, start)
        i += 1
        if found is None:
            continue
        sep, named, columns = found  # the name columns; header cells, their offsets within the header line
        while i < len(lines):
            row_start, row = lines[i]
            if not row.strip():
                break
            i += 1
            if _RULE_LINE.fullmatch(row):
                continue
            cells = _cells(row, row_start, sep)
            if sum(b > a for a, b in cells) < 2:
                break  # the table has ended
            for column in named:
                if sep == "  ":
                    cell = _aligned_cell(cells, columns, column, row_start)
                else:
                    cell = cells[column] if column < len(cells) and row.count(sep) >= len(columns) - 1 else None
                if cell is not None:
                    prefix = _ROOM_PREFIX.match(text, *cell) or _TITLE_PREFIX.match(text, *cell)
                    at = prefix.end() if prefix else cell[0]
                    yield _comma_pair(text, at, cell[1]) or _name_words(text, at, cell[1])


def _header(text: str, line: str, offset: int) -> tuple[str, list[int], list[tuple[int, int]]] | None:
    """(separator, indexes of the name columns, header cells) when the line heads a patient list: a
    patient's name column beside a column only such lists have; staff columns then count too."""
    if not _NAME_HEADER.search(line):
        return None
    for sep in ("|", "\t", "  "):
        if sep not in line:
            continue
        cells = _cells(line, offset, sep)
        heads = [text[a:b].strip(" :*#") for a, b in cells]
        names = [k for k, head in enumerate(heads) if head and _NAME_HEADER.fullmatch(head)]
        if len(cells) >= 3 and names and any(_LIST_HEADER.fullmatch(head) for k, head in enumerate(heads) if k != names[0]):
            staff = [k for k, head in enumerate(heads) if k not in names and head and _STAFF_HEADER.fullmatch(head)]
            return sep, [names[0], *staff], [(a - offset, b - offset) for a, b in cells]
    return None


def _aligned_cell(cells: list[tuple[int, int]], columns: list[tuple[int, int]], column: int, row_start: int) -> tuple[int, int] | None:
    """The cell of a space-aligned row under the name column's header (offsets within their lines).
    A wide bed cell ("MICU 11 Abigail Watkins") runs into the name column: the name is its tail."""
    head_at = columns[column][0]
    next_at = columns[column + 1][0] if column + 1 < len(columns) else 10**6
    for a, b in cells:
        lo, hi = a - row_start, b - row_start
        if hi > head_at - 1 and lo < next_at:
            return max(a, row_start + head_at - 1), b  # a word cut there is no name word: it is dropped
    return None


def _name_words(text: str, start: int, end: int, stop_words: bool = False, census: bool = False) -> tuple[int, int] | None:
    """The name at the start of a cell or row: words that can be a name, up to the first that cannot."""
    first = last = None
    words = 0
    at = start
    for token in _TOKEN.finditer(text, start, end):
        if text[at : token.start()].strip(" \t,"):
            break  # a digit or a bracket ends the name: "Thomas 57 M", "Smith (MRN"
        at = token.end()
        value = token.group()
        if token.start() == start and start > 0 and text[start - 1].isalnum():
            continue  # the tail of a word the column edge cut
        if value == ",":
            continue
        word = value.lower().strip(".'’")
        if not _name_word(word, stop_words, census):
            break
        if first is None:
            first = token.start()
        last, words = token.end(), words + 1
    if first is None or not any(len(w) > 1 for w in re.findall(r"[A-Za-z]+", text[first:last])):
        return None
    return first, last


_PAIR = re.compile(r"[ \t]*(?P<last>[A-Za-z][A-Za-z'’-]+),[ ]{1,2}(?P<first>[A-Za-z][A-Za-z'’-]+)(?:[ ][A-Za-z]\.?)?[ \t]*")


def _comma_pair(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A list's name slot holding "Surname, Given" and nothing else: both words are the patient's, though English
    knows them ("DRUB, MARY", "lanfranchi, mats"); never a label, a service, shorthand or a word of notes no census holds."""
    pair = _PAIR.fullmatch(text, start, end)
    if not pair:
        return None
    for word in (pair["last"].lower(), pair["first"].lower()):
        census = word in lexicon.last_names() or word in lexicon.first_names()
        if word in lexicon.structure_words() or word in lexicon.safe_words_only() or word in lexicon.FIELD_WORDS \
                or (word in lexicon.clinical_terms() or word in lexicon.note_words()) and not census:
            return None
    return pair.start("last"), pair.end() - (len(pair.group()) - len(pair.group().rstrip()))


def _name_word(word: str, stop_words: bool = False, census: bool = False) -> bool:
    """A word of a list's name slot: on the census lists or too rare to be English, and no label or
    shorthand. Where the slot leaves no doubt a census name may be a stop word ("rm 12b may - etoh")."""
    if len(word) == 1:
        return not census  # an initial
    parts = [p for p in re.split(r"[-'’]", word) if len(p) > 1]  # "d'agostino": the d' is no word
    return bool(parts) and all(
        p not in lexicon.structure_words() and p not in lexicon.safe_words_only()
        and (p not in lexicon.function_words() or stop_words and lexicon.known_name(p))
        and (p in lexicon.first_names() or p in lexicon.last_names() or not census and lexicon.word_frequency(p) < 3.5)
        for p in parts
    )
