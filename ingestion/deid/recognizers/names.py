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
from ingestion.deid.recognizers.base import WORD_START, ClinicalRecognizer

_UP, _LOW = "A-ZÀ-ÖØ-ÞĀ-ŽḀ-Ỹ", "a-zß-öø-ÿā-žḁ-ỹ"  # Latin letters with diacritics: Wiśniewski, Núñez
_TITLE = rf"(?:[{_UP}]['’][{_UP}{_LOW}][{_LOW}]+|[{_UP}][{_LOW}]+)(?:[-'’][{_UP}]?[{_LOW}]+)*"  # Maria, O'Neil, O'dwyer, Smith-Jones
_CAPS = rf"(?:[{_UP}]['’])?[{_UP}]{{2,}}(?:[-'’][{_UP}]+)*"  # NGUYEN, O'NEIL, D'ANGELO
_INITIAL = rf"[{_UP}]\.?(?=\s|$|[,;)])"
_PARTICLE = r"(?:de|del|de la|da|dos|van|von|der|den|le|la|di|bin|al|ibn|st\.?|Ó|Ní|Nic|Mac|Mc|O|Ui|Uí)"
_WORD = rf"(?:{_TITLE}|{_CAPS})"
# A name: up to four words, initials allowed inside, particles between words.
_NAME = rf"(?:{_INITIAL}[ ]{{1,2}}|(?:Ó|Ní|Nic|Uí)[ ]{{1,2}})?{_WORD}(?:(?:[ ]{{1,2}}{_PARTICLE})?[ ]{{1,2}}(?:{_INITIAL}|{_WORD})){{0,3}}"
# "Lopez, Mark", "van der Berg, Anneke", "de la Cruz, Maria", and HL7's "SMITH^JOHN^A"
_LAST_FIRST = (
    rf"(?:(?:Ó|Ní|Nic|Uí)[ ]{{1,2}}|(?:(?:van|von|de|del|della|der|den|da|di|du|le|la|ter|ten)[ ]){{1,2}})?"
    rf"{_WORD}(?:,[ ]{{0,2}}|\^){_WORD}(?:[ ]{{1,2}}{_INITIAL}|\^[{_UP}]\b)?"
)
_LOWER_NAME = rf"[{_LOW}]+(?:[-'’][{_LOW}]+)*(?:[ ]{{1,2}}[{_LOW}]+(?:[-'’][{_LOW}]+)*)?"
# Any case, after a cue that leaves no doubt ("per dr. keane", "DR HOLLOWAY NOTIFIED"): each word is
# then judged by _plausible_lower_name, and the name ends at the first word that is not one.
_ANY_WORD = rf"[{_UP}{_LOW}]['’]?[{_UP}{_LOW}]+(?:[-'’][{_UP}{_LOW}]+)*"
_ANY_NAME = rf"[{_UP}{_LOW}]['’]?[{_UP}{_LOW}]+(?:[-'’][{_UP}{_LOW}]+)*(?:[ ]{{1,2}}[{_UP}{_LOW}]+(?:[-'’][{_UP}{_LOW}]+)*)?"

# Roles written before a staff member's name in shorthand (not "pt" or "ot": "pt grace" is the patient).
_ROLES = (
    r"(?:rn|np|pa|rt|rrt|(?<![\d.][ ])(?<![\d.])cm|sw|md|licsw|cna|lpn|resident|intern|attending|fellow|charge\s+rn|case\s+manager"
    r"|social\s+worker|signed|grossed\s+by|registrar|reg|sho|f[12]|fy[12]|consultant|staff\s+nurse|student\s+nurse|sn|hca|key\s?worker"
    r"|physio(?:therapist)?|ot|salt|slt|matron|cns|dietit?ian|pharmacist|gp|midwife|chaplain|psychologist|therapist|nurse)"
)
_TITLES = r"(?:Dr|Drs|Mr|Mrs|Ms|Miss|Mx|Prof|Doctor|Sr|Sra|Srta|Mme|Mlle|Herr|Frau)"
_CREDENTIALS = (
    r"(?:MD|M\.D\.|D\.O\.|RN|R\.N\.|NP|FNP|FNP-C|ANP|PA-C|CNM|CRNA|PhD|PharmD|LCSW|MSW|DPT|DDS|DMD|FACC|FACP"
    r"|FACS|MBBS|APRN|LPN|LVN|CNA|RRT|MSN|BSN|CCRN|OTR|CCC-SLP|MPH)"
)
# Credentials that are also clinical words ("chest PA", "DO not", "PT/INR"): only after a comma.
_AMBIGUOUS_CREDENTIALS = r"(?:PA|DO|PT|OT|RD|SLP)"
_LABELS = (
    r"(?:Patient(?:\s+name)?|Pt\.?(?:\s+name)?|Name|Attending(?:\s+physician)?|Provider|PCP|Primary\s+care(?:\s+physician|\s+provider)?"
    r"|Physician|Resident|Intern|Fellow|Surgeon|Assistant|Anesthesiologist|Nurse|Charge\s+nurse|Primary\s+nurse|Cosigned\s+by"
    r"|(?:Electronically\s+)?[Ss]igned(?:\s+by)?|Dictated\s+by|Transcribed\s+by|Reviewed\s+by|Verified\s+by|Read\s+by|Reported\s+by"
    r"|Ordered\s+by|Ordering(?:\s+physician|\s+provider)?|Referred\s+by|Referring(?:\s+physician|\s+provider)?|Consultant"
    r"|Consulting(?:\s+physician)?|Performed\s+by|Approved\s+by|Seen\s+by|Examined\s+by|Discussed\s+with|Spoke\s+with|cc|CC|Cc"
    r"|Emergency\s+contact|Contact|Guarantor|Spouse|Husband|Wife|Son|Daughter|Mother|Father|Parent|Guardian|NOK|Next\s+of\s+kin"
    r"|Interpreter|Case\s+manager|Social\s+worker|Caregiver|Informant|Historian|Witness|Subscriber|Insured|Responsible\s+party"
    r"|Attn|ATTN|RE|Re|To|From|Author|Scribe|RN|NP|MD|PA|CNA|Tech|Technologist|Therapist|Pharmacist|Midwife|Chaplain)"
)
_RELATIONS = (
    r"(?:wife|husband|spouse|partner|son|daughter|mother|father|mom|dad|sister|brother|niece|nephew|aunt|uncle|grandson"
    r"|granddaughter|grandmother|grandfather|grandma|grandpa|fianc[eé]e?|friend|neighbou?r|caregiver|roommate|boyfriend"
    r"|girlfriend|stepson|stepdaughter|stepmother|stepfather|cousin|sibling|child|guardian|POA|HCP|proxy|carer|mum|mam|nan|nana"
    r"|gran|granny|grandad|granddad)(?:-in-law)?"
)

# A field label's end: "Patient: ", "**Patient:** ", "| **Patient** | " (a Markdown table cell).
_FIELD = r"(?:\*\*)?[ \t]*(?::|\|)[ \t]*(?:\*\*)?[ \t]*"

# (pattern, score, mode, hint). The mode says how a name of any case is judged word by word:
# None, the name's shape suffices (capitals); "after", the name follows the cue and ends at the first
# word that cannot be a name; "weak" likewise, with common words ("hand" in "rt hand") refused;
# "listed" likewise, and a lower-case word must be on the census lists ("pt jane", not "pt aox3");
# "before", the name precedes the cue ("KATHLEEN GAMBLE AWARE") and starts after the last word that
# cannot be one. A hint is what every match holds where that is rare: one fast scan spares a rule
# that starts at every capitalized word.
_CUE_RULES = [
    (rf"\b{_TITLES}\.?\s+(?P<phi>{_NAME})", 0.9, None, None),
    (rf"{WORD_START}(?i:dr|drs|mr|mrs|ms|doctor)\b\.?[ \t]+(?P<phi>{_ANY_NAME})", 0.8, "after", None),
    # The patient in shorthand: "pt jane okafor c/o pain" (only names the census lists hold, or written as names)
    (rf"{WORD_START}(?i:pt|patient)\b[ \t]+(?P<phi>{_ANY_NAME})", 0.5, "listed", None),
    # Staff by role in any case: "rt victoria aware", "pa. mclopez", "cm jaime following", "rn: a. dawson"
    # A sign-out list's name column: "603B   | O'Hara, Madison      | 56yo PE", "MICU 2  D'ANGELO    73yo"
    (rf"(?m)^[ \t]*(?:[A-Z]{{2,5}}[ \t]+)?\d{{1,4}}[A-Z]?(?:-\d{{1,3}})?[ \t]*(?:\|[ \t]*|[ \t]{{2,}})(?P<phi>{_LAST_FIRST}|{_NAME})(?=[ \t]*\||[ \t]{{2,}})", 0.7, None, None),
    (rf"\b(?:RN|NP|CNA|LPN|Nurse|Tech|Therapist) (?P<phi>{_NAME})\b(?![ \t]*:)", 0.6, None, None),
    # ... the label and the name in any case: "PATIENT: JOHN SMITH", "name: smith, john"
    (rf"(?m)(?:^|(?<=[\s(\[|*]))\b(?:Patient|Pt|Name|Emergency\s+contact|Contact|Spouse|Husband|Wife|Son|Daughter){_FIELD}(?P<phi>{_LOWER_NAME})(?=\s*(?:$|[,;(]|\s+(?:DOB|MRN|age|\d)))", 0.7, "after", None),
    (rf"{WORD_START}(?i:electronically\s+signed\s+by|signed\s+by|dictated\s+by|seen\s+(?:and\s+examined\s+)?(?:with|by)|discussed\s+with|spoke\s+(?:with|to)|d/w|per|called\s+to|paged|notified|updated)[ \t]+(?P<phi>{_NAME})", 0.75, None, None),
    (rf"(?im)^\s*(?:Sincerely|Regards|Best\s+regards|Kind\s+regards|Thanks|Thank\s+you|Respectfully|Cordially),?\s*\n\s*(?P<phi>{_NAME})", 0.85, None, None),
    (rf"(?m)^[ \t]*(?:--+|—|–)[ \t]*(?P<phi>{_NAME})[ \t]*(?:,|$)", 0.7, None, None),
]
_CUES = [(re.compile(p), score, mode, hint and re.compile(hint)) for p, score, mode, hint in _CUE_RULES]

# Names that stand before their cue, in any case: (the name and what separates it from the cue,
# the cue, score). The cue is found first and the name looked for just before it: a pattern that
# started at every word took a third of the recognizer's time.
_BEFORE_RULES = [
    # credentials after a capitalized name: "Maria Lopez, MD", "Lopez, PA" ("chest PA", "DO not" need the comma)
    (rf"(?P<phi>{_NAME}),?[ \t]+", rf"(?<=[ \t,]){_CREDENTIALS}\b", 0.85, None),
    (rf"(?P<phi>{_NAME}),[ \t]*", rf"(?<=[ \t,]){_AMBIGUOUS_CREDENTIALS}\b", 0.8, None),
    # credentials and roles after a name: "marisol quaid, bsn, rn", "colin hansen rn"
    # what is said of a person: "KATHLEEN GAMBLE AWARE", "brittany can be reached at"
    (rf"(?P<phi>{_ANY_NAME})[ \t]+", rf"{WORD_START}(?i:aware|notified|paged|updated|can\s+be\s+reached|is\s+(?:hcp|poa|proxy)|at\s+bedside|in\s+to\s+(?:see|eval|visit))\b", 0.55, "before"),
    # the age that introduces a patient: "Jones, a 67 yo", "john smith is a 67 y/o man"
    # (a comma or "is" must stand between: in "a pleasant 67 year old" the word before is no name)
    (rf"(?P<phi>{_ANY_WORD}(?:[ ]{{1,2}}(?!(?i:is|was|an?)\b){_ANY_WORD})?)(?:,[ \t]*|[ \t]+(?i:is|was)[ \t]+)(?i:an?[ \t]+)?",
     r"(?<![\w.])\d{1,3}[ \t-]*(?i:yo|y/o|y\.o\.|year[ -]old|yr[ -]old)\b", 0.6, "before"),
]
_BEFORE_RULES.append((rf"(?P<phi>{_NAME})[ \t]*", rf"\((?i:{_RELATIONS})\)", 0.7, None))  # "Ondine Farrow (neighbor)"
_BEFORE = [(re.compile(rf"(?<![\w'’.-]){name}\Z"), re.compile(cue), score, mode) for name, cue, score, mode in _BEFORE_RULES]

# Cues found once, in any case, with what may follow them and what may precede them. Each list
# is (pattern tried where the cue ends, score, mode, whether the cue's own case must match).
_LABEL = re.compile(rf"(?m)(?:^|(?<=[\s(\[|*]))\b(?i:{_LABELS})")
_LABEL_EXACT = re.compile(_LABELS)
_AFTER_LABEL = [
    # "Patient: Nguyen, Mary", "| **Attending** | Dr Lee": the label as written, a name in capitals
    (re.compile(rf"{_FIELD}(?P<phi>{_LAST_FIRST}|{_NAME})"), 0.85, None, True),
    # the label and the name in any case: "PATIENT: JOHN SMITH", "name: smith, john"
    (re.compile(rf"{_FIELD}(?P<phi>{_ANY_WORD},[ ]{{0,2}}{_ANY_NAME}|{_ANY_NAME})"), 0.75, "weak", False),
]
# Roles and credentials: a staff member's name after a role ("rt victoria", "Registrar Okonjo")
# and before a role or credential ("marisol quaid, bsn, rn").
_ROLE = re.compile(rf"{WORD_START}(?i:(?P<role>{_ROLES})|bsn|pa-c|lcsw|msw|otr/l|otr|dpt|ccrn|aprn)\b")
_AFTER_ROLE = re.compile(rf"\.?[ \t]*[:-]?[ \t]*(?P<phi>{_ANY_NAME})")
_BEFORE_ROLE = re.compile(rf"(?<![\w'’.-])(?P<phi>{_ANY_NAME}),?[ \t]+\Z")

# A relation, found once, and the names that may follow it (each tried where the relation ends):
# (pattern, score, mode). One scan for the relation words instead of one per rule.
_RELATION = re.compile(rf"{WORD_START}(?i:{_RELATIONS}s?)\b")
_AFTER_RELATION = [
    # "his wife Ana", "daughter (Maria)", "mother named Grace"
    (re.compile(rf"[ \t]*,?[ \t]*(?:\(|named[ \t]+|is[ \t]+)?(?P<phi>{_NAME})"), 0.7, None),
    # any case: "son, david", "hcp is mary", "mum brenda"
    (re.compile(rf"[ \t]*,?[ \t]*(?i:(?:is|named|called)[ \t]+)?(?P<phi>{_ANY_NAME})"), 0.55, "weak"),
    # the second of two: "sons david and mark", "DAUGHTERS ROSA AND LINA"
    (re.compile(rf"[ \t]*,?[ \t]*{_ANY_WORD},?[ \t]+(?i:and|&)[ \t]+(?P<phi>{_ANY_WORD})"), 0.55, "weak"),
]
_BEFORE_REACH = 80  # characters before a cue where its name may start

_ANY_TOKEN = re.compile(rf"[{_UP}{_LOW}]['’]?[{_UP}{_LOW}]*(?:[-'’][{_UP}{_LOW}]+)*")
_TOKEN = re.compile(rf"{_INITIAL}|{_TITLE}|{_CAPS}|[{_LOW}]+(?:[-'’][{_LOW}]+)*")
_PAIR = re.compile(rf"(?<![\w'’-])(?P<first>{_WORD})(?:[ ]{{1,2}}(?P<mid>{_INITIAL}|{_WORD}))?[ ]{{1,2}}(?P<last>{_WORD})(?![\w'’-])")
_COMMA_PAIR = re.compile(rf"(?<![\w'’-])(?P<last>{_WORD}),[ ]{{0,2}}(?P<first>{_WORD})(?:[ ]{{1,2}}(?P<mid>{_INITIAL}))?")
_INITIAL_SURNAME = re.compile(rf"(?<![\w.])[{_UP}]\.[ ]?(?P<last>{_TITLE}|{_CAPS})(?![\w-])")
_SINGLE = re.compile(rf"(?<![\w'’.-])(?P<last>{_TITLE}|{_CAPS})(?![\w-]|['’](?!s\b))")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n\s*|[-*•]\s+)$")
# A capitalized word beside another one is part of a term or a title ("Glasgow Coma Scale").
_CAPITAL_BEFORE = re.compile(rf"[{_UP}][\w'’-]*[ \t]+$")
_CAPITAL_AFTER = re.compile(rf"[ \t]+[{_UP}]")


def _name_words(value: str) -> list[str]:
    return [w.lower().strip(".'’").removesuffix("'s").removesuffix("’s") for w in _TOKEN.findall(value)]


class CueNameRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        never = lexicon.structure_words()
        firsts = lexicon.first_names()
        results = []
        for pattern, score, mode, hint in _CUES:
            if hint is not None and not hint.search(text):
                continue
            for match in pattern.finditer(text):
                start, end = match.span("phi")
                span = _trim_name(text, start, end, never)
                judge = mode
                if span is not None and mode is None and text[span[0] : span[1]].isupper():
                    # Capitals say nothing in all-capitals text: judge the words from the cue outwards.
                    judge = "before" if start == match.start() else "after"
                if span is not None and judge is not None:
                    span = _judged(text, *span, judge, firsts)
                if span is not None:
                    results.append(self.result(Phi.PERSON, *span, score))
        for label in _LABEL.finditer(text):
            for pattern, score, mode, exact in _AFTER_LABEL:
                if exact and not _LABEL_EXACT.fullmatch(label.group()):
                    continue
                match = pattern.match(text, label.end())
                span = match and _trim_name(text, *match.span("phi"), never)
                if span and (mode or text[span[0] : span[1]].isupper()):
                    span = _judged(text, *span, mode or "after", firsts)
                if span:
                    results.append(self.result(Phi.PERSON, *span, score))
        for role in _ROLE.finditer(text):
            found = [_BEFORE_ROLE.search(text, max(0, role.start() - _BEFORE_REACH), role.start())]
            if role["role"]:
                found.append(_AFTER_ROLE.match(text, role.end()))
            for match, direction in zip(found, ("before", "weak")):
                span = match and _trim_name(text, *match.span("phi"), never)
                span = span and _judged(text, *span, direction, firsts)
                if span:
                    results.append(self.result(Phi.PERSON, *span, 0.6))
        for relation in _RELATION.finditer(text):
            for pattern, score, mode in _AFTER_RELATION:
                match = pattern.match(text, relation.end())
                span = match and _trim_name(text, *match.span("phi"), never)
                if span and (mode or text[span[0] : span[1]].isupper()):
                    span = _judged(text, *span, mode or "after", firsts)
                if span:
                    results.append(self.result(Phi.PERSON, *span, score))
        for name, cue, score, mode in _BEFORE:
            for found in cue.finditer(text):
                match = name.search(text, max(0, found.start() - _BEFORE_REACH), found.start())
                span = match and _trim_name(text, *match.span("phi"), never)
                if span and (mode or text[span[0] : span[1]].isupper()):
                    span = _judged(text, *span, "before", firsts)  # any case, or capitals that say nothing
                if span:
                    results.append(self.result(Phi.PERSON, *span, score))
        return results


def _judged(text: str, start: int, end: int, mode: str, firsts: frozenset[str]) -> tuple[int, int] | None:
    """The words of a cue's name, in any case, that can be a name: from the cue outwards."""
    tokens = list(_ANY_TOKEN.finditer(text, start, end))
    before = mode == "before"
    if before:
        tokens.reverse()
    kept = words = 0
    previous = ""
    for i, token in enumerate(tokens):
        if len(token.group()) == 1 and token.group().isupper() and text[token.end() : token.end() + 1] != "/":
            kept += 1  # an initial: "TAO, XIULAN T", "MARLEEN V, RN"
            continue
        # After a title its first word may be a common word ("DR. PRICE"), and so may a surname
        # after a first name ("dr paula may"); elsewhere a common word ends the name.
        strong = mode == "after" and (i == 0 or previous in firsts)
        word = _lower_word(token.group())
        if i == 0 and word in lexicon.function_words() or not _plausible_name_word(token.group(), firsts, weak=not strong, listed=mode == "listed"):
            break
        previous = word
        kept += 1
        words += 1
    if not words:
        return None  # initials alone are no name
    if before:
        return tokens[kept - 1].start(), end
    return start, tokens[kept - 1].end()


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
    if _PROFESSION.search(word):
        return False  # "Attending Radiologist", "sw Clinician": a job, not a name
    zipf = lexicon.word_frequency(word)
    if weak:
        return word not in lexicon.safe_words() and word not in lexicon.function_words() and (zipf < unknown or word in firsts or word in lexicon.last_names() and zipf < _WEAK_ZIPF)
    if word in lexicon.function_words() and word not in firsts or word in lexicon.safe_words_only():
        return False  # "DR. ON CALL": "on" is a census surname too; "PER ABG": shorthand
    return word in firsts or word in lexicon.last_names() or zipf < 3.0

_PROFESSION = re.compile(r"(?:olog|iatr|thera|armac|ysio)ists?$|icians?$|surgeons?$|midwi(?:fe|ves)$")
_WEAK_UNKNOWN_ZIPF = 2.0  # a word unknown to the lists counts after a weak cue only if rarer than "nodule" (2.3)
_TITLED_UNKNOWN_ZIPF = 3.0  # ... unless it is written as a name: "Niamh" 2.5, "Okonjo" 2.0
_WEAK_ZIPF = 5.0  # "price" 4.6 and "white" 5.4 (after "dr" either is a name; after "sw" only the first)


def _trim_name(text: str, start: int, end: int, never: frozenset[str]) -> tuple[int, int] | None:
    """Cut field labels and services off the ends of a cue's name ("Patient: Nguyen DOB" → "Nguyen").

    Common words stay: after a cue, "Hope", "Young" or "Will" is a name.
    """
    tokens = list(_TOKEN.finditer(text, start, end))
    while tokens and _lower_word(tokens[-1].group()) in never:
        tokens.pop()
    while tokens and _lower_word(tokens[0].group()) in never:
        tokens.pop(0)
    if not any(len(t.group().rstrip(".")) > 1 for t in tokens):
        return None  # nothing but initials
    return tokens[0].start(), tokens[-1].end()


def _lower_word(word: str) -> str:
    return word.lower().strip(".")


class GazetteerNameRecognizer(ClinicalRecognizer):
    """Names the census lists know: first-last pairs anywhere, lone surnames mid-sentence."""

    def __init__(self) -> None:
        super().__init__([Phi.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        firsts, lasts, never = lexicon.first_names(), lexicon.last_names(), lexicon.never_names()
        clinical, frequency, function = lexicon.clinical_terms(), lexicon.word_frequency, lexicon.function_words()
        results = []
        for m in _PAIR.finditer(text):
            first, last = m.group("first").lower(), m.group("last").lower()
            mid = (m.group("mid") or "").lower()
            if first in never or last in never or {first, mid, last} & function:
                continue  # "AROUSABLE TO VOICE", "ASPIRATE AND CORE": a clause, not a name
            # Both known; one known and the other too rare to be an English word ("Priya Raghunathan");
            # or two capitalized words English does not know ("Krisztián Szöllösy").
            rare_first, rare_last = frequency(first), frequency(last)
            if (
                (first in firsts and (last in lasts or rare_last < 3.0))
                or (last in lasts and rare_first < 2.5)
                or (max(rare_first, rare_last) < 3.3 and min(rare_first, rare_last) < 2.0 and not m.group(0).isupper())
            ):
                results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.75))
        for m in _COMMA_PAIR.finditer(text):
            # "Lopez, Mark": the comma form is evidence enough for a first name that is also a word.
            first, last = m.group("first").lower(), m.group("last").lower()
            # In capitals, "VACA, WILL CALL" is a clause: there the first name must not be a common word.
            if last in lasts and last not in never and first in firsts and first not in (never if m.group(0).isupper() else clinical):
                results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.8))
        for m in _INITIAL_SURNAME.finditer(text):
            word = m.group("last").lower()
            if word not in never and (word in lasts or frequency(word) < 3.0):
                results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.6))
        common = lexicon.common_last_names()
        for m in _SINGLE.finditer(text):
            word = m.group("last").lower()
            if m.group("last").isupper() and len(word) <= 3:
                continue  # RA, RV, ICU: abbreviations
            if word in never or word not in lasts and word not in firsts:
                continue
            if _CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _CAPITAL_AFTER.match(text, m.end()):
                continue  # pairs are the rules above; a lone word inside a capitalized phrase is a term
            zipf = frequency(word)
            if _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()):
                # Sentence-initial capitals say nothing; only a word too rare to be English counts.
                if zipf < 3.0 and word in common:
                    results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.45))
            elif zipf < 4.3 or word in firsts and zipf < 5.0:
                results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.5))
        return results
