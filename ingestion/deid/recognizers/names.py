"""Person names: by cue (titles, credentials, field labels, relations, sign-offs) and by gazetteer.

Cue rules find names the lists do not know ("Dr. Okonkwo"); the gazetteer finds names with no
cue ("Spoke with Gonzalez") when the census lists know them and the word is not clinical
vocabulary. Lower-case names are taken only after a cue that leaves no doubt.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import ClinicalRecognizer
from ingestion.deid.recognizers.name_cues import (
    _AFTER_LABEL,
    _AFTER_RELATION,
    _AFTER_ROLE,
    _AFTER_ROLE_FIRST_LAST,
    _AFTER_ROLE_PAIR,
    _ANY_WORD,
    _BEFORE,
    _BEFORE_REACH,
    _BEFORE_ROLE,
    _CAPS,
    _CUES,
    _INITIAL,
    _LABEL,
    _LABEL_EXACT,
    _LONE_SURNAME,
    _LOW,
    _PATIENT_LABEL,
    _RELATION,
    _RELATION_WORDS,
    _ROLE,
    _TITLE,
    _UP,
)


def _surname_alone(word: str) -> bool:
    w = _lower_word(word)
    return (w not in lexicon.structure_words() and w not in lexicon.safe_words_only() and w not in lexicon.function_words()
            and (w in lexicon.last_names() or w in lexicon.first_names() or lexicon.word_frequency(w) < 3.0))


def _credentials() -> frozenset[str]:
    """Postnominal credentials and grades (data/credentials.txt): MBBS, FRACGP, RGN, MPharm, F2, registrar."""
    return lexicon.word_file("credentials.txt")


_ANY_TOKEN = re.compile(rf"[{_UP}{_LOW}]['’]?[{_UP}{_LOW}]*(?:[-'’][{_UP}{_LOW}]+)*")
_TOKEN = re.compile(rf"{_INITIAL}|{_TITLE}|{_CAPS}|[{_LOW}]+(?:[-'’][{_LOW}]+)*")

def _name_words(value: str) -> list[str]:
    return [w.lower().strip(".'’").removesuffix("'s").removesuffix("’s") for w in _TOKEN.findall(value)]


class CueNameRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        never = lexicon.structure_words()
        firsts = lexicon.first_names()
        results = []
        for rule, (pattern, score, mode, hint) in enumerate(_CUES):
            if hint is not None and not hint.search(text):
                continue
            for match in pattern.finditer(text):
                start, end = match.span("phi")
                span = _trim_name(text, start, end, never, titled=rule == 0)
                judge = mode
                if span is not None and mode is None and text[span[0] : span[1]].isupper():
                    # Capitals say nothing in all-capitals text: judge the words from the cue outwards.
                    judge = "before" if start == match.start() else "after"
                if span is not None and judge is not None:
                    span = _judged(text, *span, judge, firsts)
                if span is None and rule == 1:
                    span = _titled_function_word(text, match.start("phi"))
                if span is not None:
                    results.append(self.result(Phi.PERSON, *span, score))
        for label in _LABEL.finditer(text):
            if _PATIENT_LABEL.fullmatch(label.group()):
                # The patient's own label: a full name there may hold words the lists call common ("PT: DAY, JESSICA").
                match = _AFTER_LABEL[1][0].match(text, label.end())
                span = match and _trim_name(text, *match.span("phi"), lexicon.FIELD_WORDS)
                span = span and _judged(text, *span, "patient", firsts)
                if span:
                    results.append(self.result(Phi.PERSON, *span, 0.8))
                elif (alone := _LONE_SURNAME.match(text, label.end())) and _surname_alone(alone["phi"]) and (
                    alone["id"] or lexicon.word_frequency(_lower_word(alone["phi"])) < 4.0  # "Patient: stable", "PT: ALERT" end a line too
                ):
                    results.append(self.result(Phi.PERSON, *alone.span("phi"), 0.7))  # "patient: thompson  mrn 0076"
            for pattern, score, mode, exact in _AFTER_LABEL:
                if exact and not _LABEL_EXACT.fullmatch(label.group()):
                    continue
                match = pattern.match(text, label.end())
                span = match and _trim_name(text, *match.span("phi"), never)
                topic = span and not mode and _letter_topic(label.group(), text[span[0] : span[1]])
                if span and (mode or topic or text[span[0] : span[1]].isupper()):
                    span = _judged(text, *span, mode or ("weak" if topic else "after"), firsts)
                if span:
                    results.append(self.result(Phi.PERSON, *span, score))
        for role in _ROLE.finditer(text):
            found = [_BEFORE_ROLE.search(text, max(0, role.start() - _BEFORE_REACH), role.start())]
            if role["role"]:
                found.append(_AFTER_ROLE.match(text, role.end()))
                pair = _AFTER_ROLE_PAIR.match(text, role.end())  # "registrar OJO, Andrew reviewed"
                first = pair and _lower_word(pair["first"])
                if pair and first in firsts and _plausible_lower_name(first, firsts, weak=True) and _plausible_lower_name(_lower_word(pair["last"]), firsts):
                    results.append(self.result(Phi.PERSON, *pair.span("phi"), 0.6))
                if (both := _AFTER_ROLE_FIRST_LAST.match(text, role.end())) and _role_first_last(text, both, firsts):
                    results.append(self.result(Phi.PERSON, *both.span("phi"), 0.6))
            for match, direction in zip(found, ("before", "weak")):
                span = match and _trim_name(text, *match.span("phi"), never)
                if span and direction == "before" and not text[text.rfind("\n", 0, span[0]) + 1 : span[0]].strip():
                    direction = "credential"  # a signature line: "nathan chakraborty rn beeper 1470"
                span = span and _judged(text, *span, direction, firsts)
                if span:
                    results.append(self.result(Phi.PERSON, *span, 0.6))
        for attn in _AFTER_ATTN.finditer(text):
            span = _trim_name(text, *attn.span("phi"), never)
            span = span and _judged(text, *span, "weak", firsts)
            if span and all(_no_english(w) or w in firsts and w not in lexicon.note_words() for w in _name_words(text[span[0] : span[1]])):
                results.append(self.result(Phi.PERSON, *span, 0.55))  # a name only: "attn billing" is a department
        for referral in _AFTER_REFERRAL.finditer(text):
            span = _trim_name(text, *referral.span("phi"), never)
            span = span and _judged(text, *span, "after", firsts)
            span = span and all(lexicon.known_name(p) or p in lexicon.last_names() or _no_english(p) for w in _name_words(text[span[0] : span[1]])
                                for p in re.split(r"[-'’]", w) if len(p) > 1) and span  # no service: "Referral: Outpatient for PT"
            if span:
                results.append(self.result(Phi.PERSON, *span, 0.6))
        for pcp in _AFTER_PCP.finditer(text):
            if _pcp_name(pcp, firsts):
                results.append(self.result(Phi.PERSON, *pcp.span("phi"), 0.6))
        for relation in _RELATION.finditer(text):
            for pattern, score, mode in _AFTER_RELATION:
                match = pattern.match(text, relation.end())
                span = match and _trim_name(text, *match.span("phi"), never)
                if span and (mode or text[span[0] : span[1]].isupper()):
                    span = _judged(text, *span, mode or "relation", firsts)
                if span:
                    results.append(self.result(Phi.PERSON, *span, score))
        for name, cue, score, mode in _BEFORE:
            for found in cue.finditer(text):
                match = name.search(text, max(0, found.start() - _BEFORE_REACH), found.start())
                span = match and _trim_name(text, *match.span("phi"), never)
                if span and (mode or text[span[0] : span[1]].isupper()):
                    span = _judged(text, *span, {"kin": "kin_before", "subject": "subject", "row": "row"}.get(mode, "before"), firsts)  # any case, or capitals that say nothing
                if span:
                    results.append(self.result(Phi.PERSON, *span, score))
        return results


def _judged(text: str, start: int, end: int, mode: str, firsts: frozenset[str]) -> tuple[int, int] | None:
    """The words of a cue's name, in any case, that can be a name: from the cue outwards."""
    tokens = list(_ANY_TOKEN.finditer(text, start, end))
    before = mode in ("before", "credential", "role", "kin_before", "subject", "row")
    if before:
        tokens.reverse()
    kept = words = 0
    previous, initial, titled = "", False, False
    for i, token in enumerate(tokens):
        if _is_initial(text, token):
            kept += 1  # an initial: "TAO, XIULAN T", "MARLEEN V, RN", "dr s turner"
            initial = True
            continue
        # After a title its first word may be a common word ("DR. PRICE"), and so may a surname
        # after a first name ("dr paula may"); elsewhere a common word ends the name.
        # ... and so may a first name after a surname and its comma ("RE: KOWALCZYK, JAN").
        comma = i > 0 and "," in text[tokens[i - 1].end() : token.start()]
        strong = mode in ("after", "relation") and (words == 0 or previous in firsts or comma and _lower_word(token.group()) in firsts)
        word = _lower_word(token.group())
        if titled and token.group().islower() and word not in ("de", "del", "da", "dos", "van", "von", "der", "den", "le", "la", "di", "bin", "al", "ibn"):
            break  # "Mrs Graham rang": in mixed case, a lower-case word after a capitalized name is not part of it
        titled = titled or words == 0 and _titled(token.group(), text, start)
        bracket = mode == "kin_before" and words == 0 and re.match(r"[ \t]*\(", text[token.end() : end + 2]) is not None
        bracketed_kin = bracket and word in firsts and len(word) > 2
        if word in lexicon.function_words() and not (mode == "slot" and word in firsts and (len(word) > 2 or _titled(token.group(), text, start))) \
                and not bracketed_kin and (  # a first name right before its relation in brackets, though a word: "WILL (PARTNER) CALLED"
            i == 0 and not (mode == "patient" and word in firsts) or words > 1 or previous not in firsts
            or word not in lexicon.last_names() or lexicon.word_frequency(word) >= 6.1  # "dr paula may", not "DAUGHTER ROSE IN"
        ):
            break  # a function word is a surname only right after a first name: "dr paula may", not "paula may in"
        if mode == "role" and words == 0 and word not in firsts and word not in lexicon.last_names() and lexicon.word_frequency(word) >= 2.0 and not _titled(token.group(), text, start):
            break  # before a role that is an English word, a surname English may know must look like one
        if mode in ("credential", "role"):
            # Before a credential the surname may be a common word ("AMBER MOON, MD"); a first name must look like
            # one ("Liam"); before an initial ("s. burns-lane") stands no more of the name.
            if initial and words or words == 3 or not (
                _plausible_name_word(token.group(), firsts) if words == 0 else word in firsts and word not in lexicon.structure_words()
                or _plausible_name_word(token.group(), firsts, weak=True) or lexicon.word_frequency(word) < (4.0 if _titled(token.group(), text, start) else 3.0)
                and _plausible_lower_name(word, firsts, weak=True, unknown=9)
            ):
                break
        elif mode == "patient":  # the patient's label: census words are names ("DAY, JESSICA"), field labels are not
            if word in lexicon.FIELD_WORDS or word in lexicon.safe_words_only() or word in _credentials() or not (
                word in firsts or word in lexicon.last_names() or lexicon.word_frequency(word) < 3.0 or _no_english(word)
            ):
                break
        elif mode == "relation" and word in lexicon.note_words() and word not in firsts:
            break  # "HUSBAND RANG": in capitals after a relation, a common word is no name
        elif mode == "person":  # a bare name in a slot: a first name, or a word English does not know
            if not (word in firsts and word not in lexicon.structure_words() or len(word) > 2 and lexicon.word_frequency(word) < 2.5
                    and word not in lexicon.safe_words() and _plausible_lower_name(word, firsts)):
                break
        elif mode in ("weak", "kin", "kin_before") and (words and previous in firsts or initial) and not before \
                and all(p in lexicon.last_names() and p not in lexicon.structure_words() and p not in lexicon.function_words()
                        for p in word.split("-")):
            pass  # a surname after a first name or an initial, though English or medicine knows it: "kristy murphy",
            # "sonny hope", "victoria branch-fisher", "notified -j. bell"
        elif mode == "row":  # a list row's patient before "(61M)": names, not English ("septic shock (85m)")
            surname = words and "," in text[token.end() : tokens[i - 1].start()]
            if not (all(_no_english(p) or lexicon.word_frequency(p) < 1.0 and p not in lexicon.safe_words()  # "capples": a word no one writes
                        or p in lexicon.last_names() and (surname or not lexicon.english_word(p)) for p in re.split(r"[-'’]", word) if len(p) > 1)
                    or word in firsts and word not in lexicon.structure_words()):
                break
        elif mode == "slot_pair" and words == 1:
            if not _slot_surname(previous, word, firsts):
                return None  # "left msg for LAURA DUNLAP": a census surname after the slot's first name, or no pair
        elif mode in ("slot", "slot_pair"):  # one word where only a person is called back: any name, never a word of notes
            if words or word in lexicon.structure_words() or word in lexicon.safe_words_only() or word in lexicon.clinical_terms() \
                    or word in _RELATION_WORDS or not (_no_english(word) or word in firsts or word in lexicon.last_names() and not lexicon.english_word(word)
                                                       or _titled(token.group(), text, start) and word not in lexicon.note_words()):
                break
        elif mode == "kin_says":
            if words or not _said_of_kin(word, firsts):
                break
        elif mode == "kin_before" and words == 0 and i + 1 < len(tokens) and _lower_word(tokens[i + 1].group()) in firsts \
                and _lower_word(tokens[i + 1].group()) not in lexicon.structure_words() \
                and all(p in lexicon.last_names() and p not in lexicon.structure_words() and p not in lexicon.function_words() for p in word.split("-")):
            pass  # a surname right before a relation in brackets, a first name before it, though medicine knows it: "MARY HESS (NIECE)"
        elif mode in ("before", "kin", "kin_before") and words == 0 and len(word) > 3 and _no_english(word) \
                and lexicon.word_frequency(word) < (_KIN_UNKNOWN_ZIPF if mode == "kin" else _BEFORE_UNKNOWN_ZIPF + (0.5 if bracket else 0)):
            pass  # right before what only a person does or after a relation (more so its bracket: "KAMIL (GRANDSON)"), a word no dictionary holds is a name
        elif mode == "consultant":  # one word in brackets after a service: a census name English seldom writes, never a note's word
            if words or word in lexicon.note_words() or word in lexicon.clinical_terms() or word in lexicon.structure_words() \
                    or word in lexicon.safe_words() or word in _RELATION_WORDS or lexicon.word_frequency(word) >= 4.0 \
                    or not (word in lexicon.last_names() or word in firsts or _no_english(word)
                            or len(word) > 2 and lexicon.word_frequency(word) < 2.5 and _plausible_lower_name(word, firsts)):
                break
        elif mode == "subject":
            if words or not _surname_alone(token.group()) or word in lexicon.clinical_terms():
                break
        elif mode in ("kin", "kin_before") and words == 0 and word in firsts and word not in lexicon.structure_words() and word not in _RELATION_WORDS:
            pass  # right after a relation a first name is one, though English knows it: "husband bill", "son grant"
        elif not _plausible_name_word(token.group(), firsts, weak=not strong, listed=mode == "listed") and not (
            strong and _titled(token.group(), text, start) and lexicon.word_frequency(word) < 3.5 and _plausible_lower_name(word, firsts, weak=True, unknown=9)
        ):
            break  # a strong cue's name written as one in mixed case may be rarer than English: "Kind regards,\nGraeme"
        previous = word
        kept += 1
        words += 1
    if not words or mode == "slot_pair" and words < 2 or mode == "patient" and (words < 2 or not any(_lower_word(t.group()) in firsts for t in tokens[:kept]) and "," not in text[start:end]):
        return None  # initials alone are no name; after the patient's label, a full name with a first name, or "Last, First"
    if before:
        return tokens[kept - 1].start(), end
    return start, tokens[kept - 1].end()


# Whom a fax is for, no colon after "attn": "records faxed to the OSH, attn Valentim.", "attn rusty"
_AFTER_ATTN = re.compile(rf"(?i:\battn)\.?[ \t]+(?P<phi>{_ANY_WORD}(?:[ ]{_ANY_WORD})?)(?=[ \t]*(?:[.,;)]|$))", re.MULTILINE)
# Who referred, before what for: "Referral: Vaughn for dispo planning", "Referral: O'Caingne, Mary for ..."
_AFTER_REFERRAL = re.compile(rf"(?i:\breferral)[ \t]*:[ \t]*(?P<phi>{_ANY_WORD}(?:,[ ]{_ANY_WORD})?)[ \t]+for\b")
# "PCP Susan Maresova (Baydale Family Medicine)": after "PCP" (also pneumocystis: "Bactrim PCP ppx"), a name only as written.
_AFTER_PCP = re.compile(rf"\bPCP[ \t]*:?[ \t]*(?P<phi>(?P<first>[{_UP}][{_LOW}]+)[ ](?P<last>[{_UP}][{_LOW}]+(?:[-'’][{_UP}]?[{_LOW}]+)*))\b")


# After a title, a surname that is also a function word ("DR. MAY", "dr will") when its clause ends or a
# person's act follows it: "seen by dr. may, recs appreciated", "DR MAY AWARE"; not "dr may call back".
_TITLED_WORD = re.compile(rf"(?P<phi>[{_UP}{_LOW}]+)(?=[ \t]*(?:[,.;:)(]|$|(?i:aware|notified|paged|updated|in[ \t]+am|to[ \t]+call"
                          r"|ok|recs|re|at|said|says|states|reports|saw|seen|following|will[ \t]+follow)\b))", re.MULTILINE)


def _titled_function_word(text: str, at: int) -> tuple[int, int] | None:
    match = _TITLED_WORD.match(text, at)
    word = match and match["phi"].lower()
    return match.span("phi") if word and word in lexicon.function_words() and word in lexicon.last_names() \
        and word not in lexicon.structure_words() and lexicon.word_frequency(word) < 6.1 else None


def _pcp_name(match: re.Match, firsts: frozenset[str]) -> bool:
    """A first name or a word no dictionary holds, then a census surname or such a word, both capitalized, after "PCP"."""
    first, last = match["first"].lower(), match["last"].lower()
    return (first in firsts or _no_english(first)) and first not in lexicon.structure_words() and first not in lexicon.function_words() \
        and last not in lexicon.structure_words() and last not in lexicon.function_words() and last not in _credentials() \
        and (last in lexicon.last_names() or _no_english(last))


def _no_english(word: str) -> bool:
    """A word (lower case) no dictionary holds and no note uses: "abubakar", "kirsty", "amin"."""
    return word.isalpha() and len(word) > 1 and not lexicon.english_word(word) and word not in lexicon.safe_words() \
        and word not in lexicon.function_words() and word not in _credentials()


def _letter_topic(label: str, value: str) -> bool:
    """A letter's heading before a word English knows is judged as after a weak cue, unless a comma shows a
    surname and a first name: "RE: PLAN OF CARE", "Re: Discharge summary", but "RE: KOWALCZYK, JAN", "Re: Hill"."""
    return label.lower() in _LETTER_LABELS and "," not in value and lexicon.english_word(_lower_word(value.split()[0]))


def _said_of_kin(word: str, firsts: frozenset[str]) -> bool:
    """The one word between a relation and what only a person does ("dtr chip called"): a name unless it is
    English that says something else there ("wife also called", "son finally visited", "dtr pt aware")."""
    return (word.isalpha() and len(word) > 1 and word not in lexicon.function_words() and word not in lexicon.structure_words()
            and word not in lexicon.safe_words_only() and word not in lexicon.clinical_terms() and word not in _RELATION_WORDS
            and (word in firsts or not word.endswith("ly") and lexicon.word_frequency(word) < _KIN_SAYS_ZIPF))


def _role_first_last(text: str, match: re.Match, firsts: frozenset[str]) -> bool:
    """A census first name then a census surname right after a role is a name, though notes use the first word
    ("SW: Amber Becker", "rn hope kelley"): the surname must be one no note uses, or both written as names."""
    first, last = _lower_word(match["first"]), _lower_word(match["last"])
    if first not in firsts or last not in lexicon.last_names():
        return False
    for word in (first, last):
        if word in lexicon.structure_words() or word in lexicon.function_words() or word in _credentials() \
                or word in _RELATION_WORDS or word in _TITLE_WORDS:
            return False
    if last in lexicon.clinical_terms():
        return False  # "rn amber sputum"; a first name medicine knows ("crystal") is judged by its surname
    titled = _titled(match["first"], text, match.start("first")) and _titled(match["last"], text, match.start("last"))
    return titled or last not in lexicon.note_words() and last not in lexicon.safe_words() and lexicon.word_frequency(last) < 4.5


def _slot_surname(first: str, last: str, firsts: frozenset[str]) -> bool:
    """The second word where only a person is called back: a census surname after a census first name, one no note uses."""
    return first in firsts and last in lexicon.last_names() and not any(
        last in words for words in (lexicon.structure_words(), lexicon.function_words(), lexicon.note_words(), lexicon.safe_words_only(), lexicon.clinical_terms(), _RELATION_WORDS)
    )


def _titled(word: str, text: str, at: int) -> bool:
    """Written as a name in mixed-case text: "Liam" (in capitals, capitals say nothing)."""
    line = text[text.rfind("\n", 0, at) + 1 : at + 40]
    return word[:1].isupper() and not word.isupper() and not line.isupper()


def _is_initial(text: str, token: re.Match) -> bool:
    """A lone letter that is an initial: a capital, or a letter before a period or a space ("l. brooks", "dr s turner";
    not "a" or "i", which are words, nor "c" in "c/o")."""
    letter, after = token.group(), text[token.end() : token.end() + 1]
    return len(letter) == 1 and after != "/" and (letter.isupper() or after == "." or letter not in "ai" and after in " \t\n,)")


def _plausible_name_word(word: str, firsts: frozenset[str], weak: bool = False, listed: bool = False) -> bool:
    # Written as a name in mixed-case text ("Registrar Okonjo"), a rare word is one: "nodule" is not;
    # after "pt" a lower-case word must be on the census lists ("pt aox3" is shorthand).
    titled = word[:1].isupper() and not word.isupper()
    unknown = _TITLED_UNKNOWN_ZIPF if titled else 0.0 if listed else _WEAK_UNKNOWN_ZIPF
    """A word of any case after a cue: a hyphenated or O'/D' name is plausible when its parts are."""
    parts = [p for p in re.split(r"[-'’]", _lower_word(word)) if len(p) > 1]
    return bool(parts) and all(_plausible_lower_name(p, firsts, weak, unknown) for p in parts)


def _plausible_lower_name(word: str, firsts: frozenset[str], weak: bool = False, unknown: float = 2.0) -> bool:
    """A lower-case word after a cue is a name if the lists know it or English does not ("lei");
    after a weak cue a known name must not be a common word too ("rt hand", "sw aware")."""
    # After a title a common word is a name ("DR. PRICE NOTIFIED"); field labels and services are not.
    if word in (lexicon.note_words() if weak else lexicon.structure_words()) or len(word) < 2:
        return False
    if word in _credentials() or word in _RELATION_WORDS or word[-1:] == "s" and word[:-1] in _RELATION_WORDS or word in _TITLE_WORDS:
        return False  # "MD FRCSC", "LMO: Dr Johnson", "NOK: HUSBAND (EVAN)", "pastor visited": a credential, a relation or a title, never a name
    if _PROFESSION.search(word):
        return False  # "Attending Radiologist", "sw Clinician": a job, not a name
    zipf = lexicon.word_frequency(word)
    if weak:
        return word not in lexicon.safe_words() and word not in lexicon.function_words() and (zipf < unknown or word in firsts or word in lexicon.last_names() and zipf < _WEAK_ZIPF)
    if word in lexicon.function_words() and word not in firsts or word in lexicon.safe_words_only():
        return False  # "DR. ON CALL": "on" is a census surname too; "PER ABG": shorthand
    return word in firsts or word in lexicon.last_names() or zipf < 3.0

_PROFESSION = re.compile(r"(?:olog|iatr|thera|armac|ysio)ists?$|icians?$|surgeons?$|midwi(?:fe|ves)$")
_BEFORE_UNKNOWN_ZIPF = 2.5  # "ranveer" 2.4, "ngozi" 2.3
_KIN_UNKNOWN_ZIPF = 3.5  # right after a relation a word no dictionary holds is a name though the web writes it: "bro olaf", "son attila"
_WEAK_UNKNOWN_ZIPF = 2.0  # a word unknown to the lists counts after a weak cue only if rarer than "nodule" (2.3)
_TITLED_UNKNOWN_ZIPF = 3.0  # ... unless it is written as a name: "Niamh" 2.5, "Okonjo" 2.0
_TITLE_WORDS = frozenset("pastor deacon reverend rabbi imam chaplain".split())
_LETTER_LABELS = frozenset(("re", "to", "from", "attn"))
_KIN_SAYS_ZIPF = 5.0  # "summer" 4.6, "chip" 4.2; "today" 5.7
_WEAK_ZIPF = 5.0  # "price" 4.6 and "white" 5.4 (after "dr" either is a name; after "sw" only the first)


def _trim_name(text: str, start: int, end: int, never: frozenset[str], titled: bool = False) -> tuple[int, int] | None:
    """Cut field labels and services off the ends of a cue's name ("Patient: Nguyen DOB" → "Nguyen").

    Common words stay: after a cue, "Hope", "Young" or "Will" is a name.
    """
    tokens = list(_TOKEN.finditer(text, start, end))
    lasts, firsts = lexicon.last_names(), lexicon.first_names()
    # After a title, a surname the lists hold stays first or after a first name: "Mrs Day", "Mrs Jessica Day".
    while tokens and _lower_word(tokens[-1].group()) in never and not (
        titled and _lower_word(tokens[-1].group()) in lasts and (len(tokens) == 1 or _lower_word(tokens[-2].group()) in firsts)
    ):
        tokens.pop()
    while tokens and _lower_word(tokens[0].group()) in never and not (titled and _lower_word(tokens[0].group()) in lasts):
        tokens.pop(0)
    if not any(len(t.group().rstrip(".")) > 1 for t in tokens):
        return None  # nothing but initials
    return tokens[0].start(), tokens[-1].end()


def _lower_word(word: str) -> str:
    return word.lower().strip(".")
