"""Phone and fax numbers, e-mail and web addresses, IP addresses, social security numbers."""

from __future__ import annotations

import ipaddress
import re

import phonenumbers

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import SERIES, WORD_START, RegexRecognizer, Rule, rule

_UNITS = r"mg|mcg|g|kg|ml|l|cc|units?|iu|mmol|meq|mins?|minutes|times|x|am|pm|h|hrs?|hours?|deg|degrees"

_EXT = r"(?:\s*(?:x|extn?\.?|extension)\s*\d{1,6})?"

PHONE_RULES = (
    # (617) 555-0134, 617-555-0134, 617.555.0134, 617 555 0134, +1 617 555 0134, 1-800-555-0134 x204,
    # dialled from abroad: 001-617-555-0134x204
    rule(
        # (glued to what stands before: "PAGER 4431(278) 231-7667", "dean chw792-670-2390")
        rf"(?:(?<![\w/.-])|(?<=\d)(?=\()|(?<=[A-Za-z])(?=\d{{3}}-\d{{3}}-))(?P<phi>(?:(?:\+?1|\+?001|011[\s.-]?1)[\s.-]?)?(?:\(\d{{3}}\)\s*|\d{{3}}[\s.-])\d{{3}}[\s.-]\d{{4}}{_EXT})(?![\w-]|/(?!\d{{4}}\b)|\.\d)",
        Phi.PHONE, 0.85, re.IGNORECASE,
    ),
    # Labelled ten-digit runs: "Phone 6175550134", "fax: 617 5550199", "call back at 6175550134"
    rule(
        rf"{WORD_START}(?:phone|tel|telephone|cell|mobile|fax|pager|beeper|(?:call(?:[ \t]+back)?|reached|reach[ \t]+(?:him|her|them|me))[ \t]+at|call|contact)\.?\s*(?:#|no\.?|number)?\s*:?\s*(?P<phi>\+?1?\s*\d{{3}}\s*\d{{3}}\s*\d{{4}}{_EXT})\b",
        Phi.PHONE, 0.9, re.IGNORECASE,
    ),
    # An area code before a slash, as older US forms write it: "337/672-4150"
    rule(r"(?<![\w/.-])(?P<phi>\d{3}/\d{3}-\d{4})(?![\w/-]|\.\d)", Phi.PHONE, 0.8),
    # An area code in brackets, digits grouped oddly: "(410) 555 01234"
    rule(r"(?=[(\d])(?<![\w/.-])(?P<phi>(?:\(\d{3}\)\s*|\d{3}[\s.-])\d{3}[\s.-]?\d{4,5})(?![\w/-]|\.\d)", Phi.PHONE, 0.8),
    # Extensions and short internal lines after a label: "pager 4-1234", "ext. 5521", "extn 02687", "pgr #54321",
    # "(p) 29960", "p45200". Four digits at least: "ext 10" and "extn 175" are a joint's range.
    rule(rf"{WORD_START}(?:pager|pgr|beeper|bpr|bleep(?:er)?|blp|vocera|spectralink|ascom|spok|page[ \t]+(?:me|him|her)[ \t]+at|extn?\.?|extension|x)\s*(?:#|no\.?|number|\(p\))?\s*:?\s*#?(?P<phi>\d-?\d{{3,5}})\b", Phi.PHONE, 0.6, re.IGNORECASE),
    # An extension of any length right after the number it extends: "555-0134 ext. 99", "555-0134 EXT 431"
    rule(r"\d{4}[ \t]*,?[ \t]*(?:x|extn?\.?|extension)[ \t]*#?[ \t]*(?P<phi>\d{1,6})\b", Phi.PHONE, 0.6, re.IGNORECASE),
    # ... and after a word that calls: "contact x443 or pager", "call x2210"
    rule(r"\b(?i:contact|call|page|reach)[ \t]+(?:(?i:at|me|him|her)[ \t]+)?[xX][ \t]*(?P<phi>\d{3,5})\b(?![.,/-]?\d)", Phi.PHONE, 0.6),
    # A bleep or pager can be three digits ("bleep 737", "BLP #126"); never a quantity or a time.
    rule(rf"{WORD_START}(?:pager|pgr|beeper|bpr|bleep(?:er)?|blp)\s*(?:#|no\.?|number)?\s*:?\s*#?(?P<phi>\d{{3}})\b(?![.,:/%-]?\d|\s*(?:{_UNITS})\b)", Phi.PHONE, 0.6, re.IGNORECASE),
    # "p823" closing a signature line, "(p823)" after a name: a short pager number; not "BCR-ABL p210"
    # (a word with a hyphen or digit before) nor "cytochrome p450".
    # Apart from its "p" ("RN P 8040", "(p 8631)") four digits at least: "p 110" may be a pulse.
    _P_PAREN := rule(r"\([pP](?:[ \t](?=\d{4}))?(?P<phi>\d{3,5})\)", Phi.PHONE, 0.55),
    _P_LINE_END := rule(r"(?<=[A-Za-z.,])[ \t]+[pP](?:[ \t](?=\d{4}))?(?P<phi>\d{3,5})[ \t]*$", Phi.PHONE, 0.55, re.MULTILINE),
    rule(r"(?=[(pP])(?:\([pP]\)|(?<![\w/-])p\s?#)\s*(?P<phi>\d-?\d{3,5})\b", Phi.PHONE, 0.6),
    # A short line after "cell" that closes a signature line, the word alone after a column's gap or a comma:
    # "Jane Roe, RN  cell 8-7588", "cell 55304"; not "CD4 T cell 350" (a count, inside a sentence).
    rule(r"(?:^|[ \t]{2,}|[,;|][ \t]*)(?:cell|mobile|mob)\.?[ \t]*[#:]?[ \t]*(?P<phi>\d-?\d{3,5})[ \t]*$", Phi.PHONE, 0.6, re.IGNORECASE | re.MULTILINE),
    # ... or after the signer's credential on a line with a comma: "Jo Roe, RN, BSN cell 4258", "Al Li, NP CELL 9932"
    # (credentials are capitals or short: "white cell 4500" is a count)
    rule(r",[ \t]*(?:(?:[A-Z][A-Z-]{1,5}|[a-z]{2,4}(?:-[a-z])?)[ \t]*,?[ \t]+){1,3}(?i:cell|mobile|mob)\.?[ \t]*[#:]?[ \t]*(?P<phi>\d-?\d{3,5})[ \t]*$",
         Phi.PHONE, 0.6, re.MULTILINE),
    rule(r"(?=[pP])(?<![\w/-])[pP](?P<phi>\d{4,5})\b(?![.,]?\d)", Phi.PHONE, 0.6),  # "via HR, p4069", "call me at p2306"
    # "page 2-3456", "call 5-1234", "paged 38291", "p 2-3456": an internal line after a word that calls
    rule(rf"{WORD_START}(?:page[ds]?|call(?:ed)?|beep(?:ed)?|p)\s*#?\s*(?P<phi>\d-\d{{4}}|\d{{5}})\b(?![.,/-]?\d|\s*(?:mg|ml|cc|units?)\b)", Phi.PHONE, 0.55, re.IGNORECASE),
    # The internal line to call back on: "Call back 6303 (internal)", "CB 52417"; four digits that a clock reads
    # ("call back 1400") only when the line says so.
    rule(r"(?i:\b(?:call[ -]?back|cb)[ \t]*(?:#|no\.?|number|at|on)?[ \t]*:?[ \t]*)(?P<phi>\d{5}|(?:2[4-9]|[3-9]\d)\d\d|(?:[01]\d|2[0-3])[6-9]\d"
         r"|\d{4}(?=[ \t]*\((?i:internal|int|ext|extension|direct)\b))(?![\w/:.,-]?\d)", Phi.PHONE, 0.55),
    # Numbers with a trunk 0 or a country code, grouped as other countries group them, after a
    # word that calls: "tel 020 7946 0958", "mob 07700 900123", "fax 0161-496-0000"
    _GROUPED := rule(rf"{WORD_START}(?:phone|ph|tel|telephone|cell|mobile|mob|fax|pager|bleep|call|cb|contact|home|work)\.?\s*(?:#|no\.?|number)?\s*:?\s*(?P<phi>(?:\+\d{{1,3}}[\s.-]?)?\(?0?\d{{1,4}}\)?(?:[\s.-]?\d{{2,4}}){{2,4}})(?![\w/]|[.,]\d)", Phi.PHONE, 0.7, re.IGNORECASE),
    _TRUNK_GROUPED := rule(r"(?=0)(?<![\w.+/-])(?P<phi>0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4})(?![\w/-]|[.,]\d)", Phi.PHONE, 0.6),
    # A trunk-0 area code in brackets, as written in the UK, Ireland, Australia and New Zealand:
    # "(01) 212 3085", "(061) 597359", "(01656) 869163", "(07) 7673 9712"
    _AREA := rule(r"(?<![\w/.-])(?P<phi>\(0\d{1,4}\)[ \t]?\d{2,4}(?:[ \t-]?\d{2,4}){1,2})(?![\w/-]|[.,]\d)", Phi.PHONE, 0.7),
    # A bare local number: an exchange (never 0 or 1 first) and four digits, not a quantity ("200-1000 ml")
    _BARE_LOCAL := rule(r"(?=[2-9])(?<![\w/.:+-])(?P<phi>[2-9]\d{2}[-.]\d{4})(?![\w/%-]|[.,]\d|\s*(?:cc|ml|mg|mcg|units?|iu|k|x)\b)", Phi.PHONE, 0.5, re.IGNORECASE),
    # A second line written as its last digits: "(617) 555-0134/0135"
    rule(r"\d{3}[\s.-]\d{4}/(?P<phi>\d{4})\b", Phi.PHONE, 0.6),
    # Seven digits after a word that calls: "can be reached at 806-9705", "fax 432-1165", "call 555-1164"
    rule(rf"{WORD_START}(?:phone|tel|telephone|cell|mobile|fax|call(?:back)?|cb|reached\s+at|number|at|#)\s*:?\s*#?(?P<phi>\d{{3}}[\s.-]\d{{4}}{_EXT})(?![\w/-]|\.\d)", Phi.PHONE, 0.7, re.IGNORECASE),
)


# Seven or more digits in one run of phone punctuation, or a "+" country code.
_PHONE_HINT = re.compile(r"\+\d[\d ().-]{5,}\d|(?<![\w.])\(?\d[\d ().-]{5,}\d(?![\w.]|\.\d)")


_TRUNK = re.compile(r"\(?0\d")
_TRUNK_REGIONS = ("GB", "IE", "AU", "NZ")
# "0800-1700" (a shift), "05.12.2019", "2019-12-05": a time or a date, whatever the plan says
_CLOCK_OR_DATE = re.compile(r"^(?:[0-2]\d[0-5]\d\s*-\s*[0-2]\d[0-5]\d|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})$")


# A quantity, not a number to call: "uo 500-1000 cc", "plt 150-400 K/uL".
_UNIT_AFTER = re.compile(r"\s*(?:cc|ml|l|mg|mcg|g|kg|units?|iu|meq|mmol|k|cells|copies|/)", re.IGNORECASE)


_WORD_BEFORE = re.compile(r"([A-Za-z0-9/]+)[ \t:]*$")


def _callable(raw: str, text: str, start: int, end: int) -> bool:
    """A number libphonenumber finds possible that is not a measurement: seven digits or more, no
    unit after it, no blood pressure ("101-127/48-79"), no readings in a row, no short range
    after shorthand, no dose ("co-codamol 30/500 1-1-1-1": a strength after "/", a schedule)."""
    return (sum(c.isdigit() for c in raw) >= 7 and not _UNIT_AFTER.match(text, end) and "/" not in raw
            and not SERIES.fullmatch(raw) and not (len(raw) <= 9 and _quantity(text, start))
            and not re.match(r"[\d.]+/", text[max(0, start - 8) : start][::-1]) and not _SCHEDULE.search(raw)
            and not _TIMES_OR_DECIMALS.fullmatch(raw.strip()))


# Doses through the day, "1-0-1", "0.5-0-0.5", "1-1-1-1": single digits between hyphens
_SCHEDULE = re.compile(r"(?<![\d.])\d(?:\.\d+)?(?:-\d(?:\.\d+)?){2,}(?![\d.])")
# Readings in a row: times "0800 1200 1600", decimals "0.5 1.0 1.5 2.0"
_TIMES_OR_DECIMALS = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d(?:\s+(?:[01]\d|2[0-3])[0-5]\d)+|\d{1,3}\.\d{1,2}(?:\s+\d{1,3}(?:\.\d{1,2})?)+")


def _quantity(text: str, start: int) -> bool:
    """A number after clinical shorthand or another number is a measurement: "plt 150-4000",
    "bp 101-127/48-79", "fs 112-182-158-189"."""
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    return bool(before and (before[1].isdigit() or before[1].lower() in lexicon.safe_words_only()))


# Places and phones one calls, which are shorthand too: "HEALTH OFFICE  554-7612", "front desk 555-0134", "HOME 876-6378"
_DESKS = frozenset("office desk line station clinic home cell work mobile".split())


# ... and an organisation's name, two words in title case: "called Smithfield Community Care 872-8880"
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+[ \t]+[A-Z][a-z]+[ \t]*$")


def _desk_before(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    return bool(before and before[1].lower() in _DESKS or _NAME_BEFORE.search(text, max(0, start - 40), start))


def _plain_word_before(text: str, end: int) -> bool:
    """A pager after a name or credential ("Joel Arnold, RPh  p823", "Dr P.Lee (p823)"); a gene's
    product after its symbol ("BCR-ABL1 (p210)", "BCR-ABL p190") or "cytochrome p450" is not one."""
    before = re.search(r"(\S+)\s*$", text[max(0, end - 40) : end])
    word = before[1].rstrip(".,") if before else ""
    if "-" in word and word.isupper() and len(word) <= 8:
        return False  # a gene symbol, "BCR-ABL"
    return re.sub(r"[.'-]", "", word).isalpha() and word.lower() not in ("cytochrome", "cyp", "protein")


class ClinicalPhoneRecognizer(RegexRecognizer):
    """US forms by pattern; international and unusual ones by Google's libphonenumber."""

    RULES = PHONE_RULES

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        if rule is _GROUPED:
            return sum(c.isdigit() for c in text[start:end]) >= 8  # "home 12 34 56" is not a number to call
        if rule is _TRUNK_GROUPED:
            return not _TIMES_OR_DECIMALS.fullmatch(text[start:end])
        if rule is _AREA:
            return 8 <= sum(c.isdigit() for c in text[start:end]) <= 11
        if rule is _P_PAREN or rule is _P_LINE_END:
            return _plain_word_before(text, text.rfind("(", 0, start) if rule is _P_PAREN else re.search(r"[pP]\s*$", text[:start]).start())
        return rule is not _BARE_LOCAL or not _quantity(text, start) or _desk_before(text, start)

    def analyze(self, text, entities, nlp_artifacts=None):
        results = super().analyze(text, entities, nlp_artifacts)
        covered = [(r.start, r.end) for r in results]
        # libphonenumber is slow: hand it only the digit runs the patterns above left alone.
        for hint in _PHONE_HINT.finditer(text):
            if any(s <= hint.start() < e for s, e in covered):
                continue
            start = max(0, hint.start() - 2)
            window = text[start : hint.end() + 8]
            found = False
            for match in phonenumbers.PhoneNumberMatcher(window, "US", leniency=phonenumbers.Leniency.POSSIBLE):
                if _callable(match.raw_string, text, start + match.start, start + match.end):
                    results.append(self.result(Phi.PHONE, start + match.start, start + match.end, 0.6))
                    found = True
            if found or not _TRUNK.match(hint[0]):
                continue
            # A trunk 0 is never North American: ask the other English-speaking plans, and only for
            # numbers valid there (a real area code and length), since merely possible lengths fit
            # times and dates ("0800-1700", "05.12.2019").
            for region in _TRUNK_REGIONS:
                matches = [m for m in phonenumbers.PhoneNumberMatcher(window, region, leniency=phonenumbers.Leniency.VALID)
                           if _callable(m.raw_string, text, start + m.start, start + m.end) and not _CLOCK_OR_DATE.search(m.raw_string)]
                for match in matches:
                    results.append(self.result(Phi.PHONE, start + match.start, start + match.end, 0.6))
                if matches:
                    break
        return results


class ClinicalEmailRecognizer(RegexRecognizer):
    HINT = re.compile("@")
    RULES = (rule(r"(?P<phi>\b[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b)", Phi.EMAIL, 0.95),)


class ClinicalUrlRecognizer(RegexRecognizer):
    # A scheme or "www." is required: "p.o.", "b.i.d." and "e.g." look like domains to a TLD list.
    HINT = re.compile(r"://|www\.|\.(?:com|org|net|edu|gov|io|health|care|us|info)\b", re.IGNORECASE)
    RULES = (
        rule(r"(?P<phi>\b(?:https?://|ftp://|www\.)[^\s<>\"')\]]+[^\s<>\"').,;:\]])", Phi.URL, 0.9, re.IGNORECASE),
        rule(r"(?P<phi>\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|health|care|us|info)(?:/[^\s<>\"')\]]*[^\s<>\"').,;:\]])?)(?![\w@])", Phi.URL, 0.6, re.IGNORECASE),
    )


class ClinicalIpRecognizer(RegexRecognizer):
    HINT = re.compile(r"\d\.\d+\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]*:")
    RULES = (
        rule(r"(?<![\w.])(?P<phi>(?:\d{1,3}\.){3}\d{1,3})(?![\w.]|\.\d)", Phi.IP_ADDRESS, 0.85),
        rule(r"(?<![\w:])(?P<phi>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\w:])", Phi.IP_ADDRESS, 0.6),
    )

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        value = text[start:end]
        if value.count(":") and not re.search(r"[A-Fa-f]|::", value) and re.fullmatch(r"[\d:]+", value):
            return False  # a time like 12:30:00, not an IPv6 address
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return False
        return True


class ClinicalSsnRecognizer(RegexRecognizer):
    HINT = re.compile(r"\d{3}-\d{2}-\d{4}|SSN|SS#|[Ss]ocial")
    RULES = (
        rule(r"(?<![\w-])(?P<phi>(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4})(?![\w-])", Phi.SSN, 0.9),
        rule(r"\b(?:SSN|SS#|Social\s+Security(?:\s+(?:No|Number|#))?)\.?\s*:?\s*(?P<phi>\d{3}[\s-]?\d{2}[\s-]?\d{4})\b", Phi.SSN, 0.95, re.IGNORECASE),
        # The last four alone still identify: "Last 4 SSN: 7520", "SSN (last 4) 8435", "last four of social 1234"
        rule(r"\b(?:last[ \t]*(?:4|four)[ \t]*(?:digits[ \t]*)?(?:of[ \t]*)?(?:SSN|SS#|social(?:[ \t]+security)?)"
             r"|(?:SSN|SS#)[ \t]*\(?[ \t]*last[ \t]*(?:4|four)[ \t]*\)?)[ \t]*[:#=]?[ \t]*(?P<phi>\d{4})(?![\w-])",
             Phi.SSN, 0.9, re.IGNORECASE),
    )
