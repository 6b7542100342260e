"""Clinicians' names by how notes sign them: before postnominal credentials and grades
("jason lyons, MBBS FRACGP", "l. brooks (rgn)", "KHANNA, MEDICAL SCIENTIST"), and in ambulance crew
lists. The credentials are a closed class (data/credentials.txt)."""

from __future__ import annotations

import functools
import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import ClinicalRecognizer
from ingestion.deid.recognizers.name_cues import _ANY_WORD, _BEFORE_REACH, _INI_ANY_NAME, _LOW, _UP
from ingestion.deid.recognizers.names import _credentials, _judged, _no_english, _trim_name

# A name before credentials ("jason lyons, MBBS FRACGP", "l. brooks (rgn)", "KHANNA, MEDICAL SCIENTIST"):
# the words on the credential's line, with initials; judged from the credential backwards.
_NAME_BEFORE_CREDENTIAL = re.compile(
    rf"(?<![\w'’.-])(?P<phi>(?:(?:{_ANY_WORD}|[{_UP}{_LOW}]\.?)[ \t]+|[{_UP}{_LOW}]\.){{0,4}}{_ANY_WORD})(?P<sep>[ \t]*[,(][ \t]*|[ \t]+)\Z"
)
_CREDENTIAL_GAP = re.compile(r"[ \t]*[,/&]?[ \t]*")
# A signature line written surname first: "Clark, Anneliese, LCSW  pgr 4412": the line's first word and its comma.
_SURNAME_FIRST = re.compile(rf"[ \t]*(?P<sur>{_ANY_WORD})[ \t]*,[ \t]*\Z")
# ... whose credentials end the line, or a number to reach them does: then any surname is one ("Ward, Mary, RN  x4412").
_SIGNED_LINE_END = re.compile(r"[ \t]*(?:(?:pgr|pager|beeper|bpr|x|ext|extn|cell|vocera|p|ph|phone|tel)\.?[ \t]*[#:]?[ \t]*[\d-]{3,}[ \t]*)?$", re.I | re.M)
# After a short credential that is also a word or shorthand ("chest PA view", "DO not"), the run must end.
_CREDENTIAL_END = re.compile(r"[ \t]*(?:$|[,;.)(/]|\d)|[ \t]{2,}", re.MULTILINE)  # or a column's gap
# A crew list: "CREW NATHAN HANSON, S. O'BRYAN (PARAMEDIC)", "crew: paramedic ekani / eshana chatterjee, paramedic"
# A line with only a name and a number to reach its owner: "Gabriela Barlow  Vocera4412", "Jane Roe  x4412".
_NAME_AND_LINE = re.compile(
    rf"^[ \t]*(?P<phi>{_ANY_WORD}(?:[ \t]+{_ANY_WORD}){{1,2}})[ \t]*,?[ \t]+(?:pgr|pager|beeper|x|ext\.?|extn|cell|vocera|p)[ \t]*[#:]?[ \t]*\d[\d-]{{2,}}[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# A name before the number to reach its owner in brackets, in any case: "from: s. nitto (pgr 4412)   to: may guzman (pgr 5521)".
_NAME_BEFORE_LINE = re.compile(
    rf"(?<![\w'’.-])(?P<phi>(?P<first>[{_UP}{_LOW}]\.[ \t]*|{_ANY_WORD}[ \t]+){_ANY_WORD})[ \t]*\([ \t]*(?:pgr|pager|beeper|p|x|ext\.?|extn|vocera|cell)[ \t]*[#:]?[ \t]*\d",
    re.IGNORECASE,
)
# A signature: a name alone on its line, then the line that says who signs ("Rogers\nDr Lee, attending, Medicine").
_SIGNED_ABOVE = re.compile(
    r"^[ \t]*(?P<phi>(?P<last>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?:,[ ](?P<first>[A-Z][a-z'’]+))?)[ \t]*\n"
    r"[^\n]{0,60}?,[ \t]*(?:MD|DO|NP|PA-C|attending|resident|fellow|intern)\b",
    re.MULTILINE,
)
# Initials signed after a dash before a credential: "-kl rn", "RECORDER: -RR RN", "for -hs rn w/ pt", "-rt pharmd  x1234".
_DASHED_INITIALS = re.compile(r"(?:^|(?<=[\s(:;]))-[ \t]?(?P<phi>[^\W\d_]{2,3})[ \t]+(?=[A-Za-z])", re.MULTILINE)
# ... the credential then ends the line, or a bracket, a comma, a number to reach its owner, "w/" or a column's gap
# follows it ("-ar psyd  cranburg counseling associates").
_DASHED_END = re.compile(r"[ \t]{2,}(?=\S)|[ \t]*(?:$|[,(]|w/|(?:x|pgr|pager|ext\.?)[ \t]*[#:]?[ \t]*[\d#])", re.MULTILINE | re.IGNORECASE)
# "rt" (respiratory therapist) is no credential elsewhere: "rt knee" is the right one.
_THERAPIST = re.compile(r"(?i)rt(?![\w'’/-])")
_CREW = re.compile(r"(?im)\bcrew\b[ \t]*:?[ \t]*(?P<list>.*?)(?:(?<![\s(.][A-Za-z])\.(?=\s|$)|;|$)")
_CREW_ITEM = re.compile(r"[^,/&]+")# A word that may begin a credential: one set lookup per word instead of a case-insensitive
# alternation of every credential tried at every position (a tenth of all name finding).
_WORD_START = re.compile(r"(?<![\w'’/-])[A-Za-z][A-Za-z0-9]*")

@functools.cache
def _credential_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace("\\ ", r"[ \t]+") for w in sorted(_credentials(), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w'’/-])(?:{words})(?![\w'’-])")


@functools.cache
def _first_words() -> frozenset[str]:
    return frozenset(re.match(r"[a-z][a-z0-9]*", c).group() for c in _credentials())


def _credentials_in(text: str):
    """Each credential in `text`, as _credential_pattern().finditer would find them."""
    pattern, firsts, end = _credential_pattern(), _first_words(), 0
    for word in _WORD_START.finditer(text):
        if word.start() >= end and word.group().lower() in firsts and (found := pattern.match(text, word.start())):
            end = found.end()
            yield found


def _bare_credential(written: str) -> bool:
    """A credential a bare space may follow a name before, when the run then ends ("BRAD DEAN RN (PRIMARY)", "HESS RRT"):
    a nurse's, a doctor's, a therapist's, a social worker's or a pharmacist's; never "pt", "rd", "do", "pa", "ot"."""
    return written.lower() in ("rn", "md", "np", "rrt", "crnp", "aprn", "bsn", "ccrn", "licsw", "lcsw", "msw", "pharmd")


def _census_words(name: str, firsts: frozenset[str]) -> bool:
    """Every word of `name` a census first name or surname, or a word no dictionary holds; none a note's glue."""
    parts = [p for w in name.lower().split() for p in re.split(r"[-'’.]", w) if len(p) > 1]
    return bool(parts) and all(
        p not in lexicon.function_words() and p not in lexicon.structure_words() and (
            p in firsts or _no_english(p) or p in lexicon.last_names() and (lexicon.word_frequency(p) < 4.0 or i and parts[i - 1] in firsts)
        )  # a surname English knows after a first name: "ROGER GREEN RRT", not "loose BMS"
        for i, p in enumerate(parts)
    )


def _signed_surname(word: str, text: str, run_end: int) -> bool:
    """The first word of a line signed "Surname, Given, CRED": a census surname, though English knows it ("Ward"),
    or a word no dictionary holds; never English's glue."""
    lower = word.lower()
    return bool(_SIGNED_LINE_END.match(text, run_end)) and lower not in lexicon.function_words() and lower not in _credentials() \
        and word[:1].isupper() and (lower in lexicon.last_names() or _no_english(lower))


class SignatureNameRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        firsts = lexicon.first_names()
        return (self._credentialed(text, firsts) + self._crews(text, lexicon.structure_words(), firsts) + self._reachable(text, firsts)
                + self._paged(text, firsts) + self._signed_above(text, firsts) + self._dashed_initials(text))

    def _dashed_initials(self, text: str) -> list[RecognizerResult]:
        """Two or three letters after a dash, then a credential that ends the signature: "-kl rn", "-jm md", "-nm rt",
        "for -hs rn w/ pt"; the dash and the credential together leave no doubt, though the letters are a word ("-as rn")."""
        results = []
        for match in _DASHED_INITIALS.finditer(text):
            cred = _credential_pattern().match(text, match.end()) or _THERAPIST.match(text, match.end())
            if cred and _DASHED_END.match(text, cred.end()):
                results.append(self.result(Phi.PERSON, *match.span("phi"), 0.8))
        return results

    def _signed_above(self, text: str, firsts: frozenset[str]) -> list[RecognizerResult]:
        """A name alone on the line above a clinician's signature: a census name or a word no dictionary holds, never
        a note's word ("Plan"); after its comma a first name ("Kambs, Will")."""
        results = []
        for match in _SIGNED_ABOVE.finditer(text):
            last, first = match["last"].lower(), (match["first"] or "").lower()
            if any(p in lexicon.structure_words() or p in lexicon.function_words() or p in lexicon.note_words() or p in _credentials()
                   or not (p in lexicon.last_names() or p in firsts or _no_english(p)) for p in re.split(r"[-'’]", last) if len(p) > 1):
                continue
            if first and (first not in firsts or first in lexicon.structure_words()):
                continue
            results.append(self.result(Phi.PERSON, *match.span("phi"), 0.6))
        return results

    def _paged(self, text: str, firsts: frozenset[str]) -> list[RecognizerResult]:
        """An initial then a surname, or a first name then a surname no note uses, before a pager in brackets: "s. nitto (pgr 4412)",
        "may guzman (pgr 5521)"; not "renal fellow (p 4432)" nor "call cards (pgr 4412)"."""
        results = []
        for match in _NAME_BEFORE_LINE.finditer(text):
            first, last = match["first"].strip().rstrip(".").lower(), match["phi"].split()[-1].lower()
            if "." not in match["first"] and (first not in firsts or first in lexicon.structure_words() or first in _credentials()):
                continue
            if last in lexicon.note_words() and "." not in match["first"] or last in lexicon.structure_words() or last in lexicon.function_words() \
                    or last in lexicon.clinical_terms() or last in _credentials() or not (last in lexicon.last_names() or _no_english(last)):
                continue
            results.append(self.result(Phi.PERSON, *match.span("phi"), 0.7))
        return results

    def _reachable(self, text: str, firsts: frozenset[str]) -> list[RecognizerResult]:
        """A signature line of a name and its pager or extension alone, the name written as one: a first name or a word
        no dictionary holds, then a census surname or such a word ("Gulnaziye Dean  x4412"); not "Main desk  x4412"."""
        results = []
        for match in _NAME_AND_LINE.finditer(text):
            words = match["phi"].split()
            first, last = words[0].lower(), words[-1].lower()
            if not all(w[:1].isupper() and not w.isupper() for w in words) or any(
                w.lower() in lexicon.structure_words() or w.lower() in lexicon.function_words() or w.lower() in _credentials() for w in words
            ):
                continue
            if (first in firsts or _no_english(first)) and (last in lexicon.last_names() or _no_english(last)):
                results.append(self.result(Phi.PERSON, *match.span("phi"), 0.7))
        return results

    def _credentialed(self, text: str, firsts: frozenset[str]) -> list[RecognizerResult]:
        """Names before runs of credentials: "Denise Mcmanaway, FRACP", "e. o'freil (bsn, rn)"."""
        results, run_end, bare = [], -1, False
        for cred in _credentials_in(text):
            if cred.start() <= run_end:
                run_end = cred.end()
                continue  # "MB BCH BAO MICGP": the name stands before the run's first credential
            run_end = cred.end()
            while more := _credential_pattern().match(text, _CREDENTIAL_GAP.match(text, run_end).end()):
                run_end = more.end()
            line_start = text.rfind("\n", 0, cred.start()) + 1
            match = _NAME_BEFORE_CREDENTIAL.search(text, max(line_start, cred.start() - _BEFORE_REACH), cred.start())
            if not match:
                continue
            written, sep = cred.group(), match["sep"].strip()
            begin = match.start("phi")
            surname = " " not in match["phi"] and _SURNAME_FIRST.match(text, line_start, begin)
            if surname and surname["sur"][:1].isupper() and sep == ",":
                begin = surname.start("sur")
            short = len(written) <= 3 and written.isalpha() and (len(written) <= 2 or lexicon.word_frequency(written.lower()) >= 3.0)
            # A bare space will do before a long credential not written in lower case ("Jo Bloggs MRCGP"; "2 loose BMS" is no name).
            if sep == "(" or sep == "," and (not short or _CREDENTIAL_END.match(text, run_end)) or not sep and len(written) > 3 and (
                not written.islower() and lexicon.word_frequency(written.lower()) < 3.0
            ) or (bare := not sep and _bare_credential(written) and _CREDENTIAL_END.match(text, run_end)):
                span = _trim_name(text, begin, match.end("phi"), lexicon.structure_words())
                wordy = len(written) > 3 and min(lexicon.word_frequency(w) for w in written.lower().split()) >= 3.0  # "abscess, consultant"
                span = span and _judged(text, *span, "role" if wordy else "credential", firsts)
                if span and bare and not _census_words(text[span[0] : span[1]], firsts):
                    continue  # after a bare space, names only: "BRAD DEAN RN", not "PAGED MD"
                if span and surname and span[0] > begin and _signed_surname(surname["sur"], text, run_end):
                    span = begin, span[1]
                if span:
                    results.append(self.result(Phi.PERSON, *span, 0.8))
        return results

    def _crews(self, text: str, never: frozenset[str], firsts: frozenset[str]) -> list[RecognizerResult]:
        """Each name of an ambulance crew list, roles and credentials set aside."""
        results = []
        for crew in _CREW.finditer(text):
            listed = re.sub(r"\([^()\n]*\)", lambda m: " " * len(m.group()), crew["list"])
            listed = _credential_pattern().sub(lambda m: " " * len(m.group()), listed)
            for item in _CREW_ITEM.finditer(listed):
                name = re.fullmatch(rf"[ \t]*(?P<phi>{_INI_ANY_NAME})[ \t.]*", item.group())
                if name:
                    at = crew.start("list") + item.start()
                    span = _trim_name(text, at + name.start("phi"), at + name.end("phi"), never)
                    span = span and _judged(text, *span, "after", firsts)
                    if span:
                        results.append(self.result(Phi.PERSON, *span, 0.7))
        return results
