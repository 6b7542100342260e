"""Dev13, written blind to the de-identifier's rules (its code, word lists, results and unit tests were not read): inpatient
hospital documents from services earlier splits covered thinly. 60 patients (adults through the ED, OR and wards,
obstetric patients and their newborns, children on the pediatric ward, psychiatric inpatients, oncology patients), 3-4
notes each, sharing the patient's people and places as one record does. Genres: ed_triage, ed_physician, ems_run_sheet,
anesthesia_record, brief_op_note, ld_delivery_note, newborn_note, peds_ward_note, onc_infusion, inpt_psych_note,
inpt_rehab_note, consult_note, transfer_accept, death_note, lab_report, nursing_handoff. Some notes wholly in capitals,
some wholly in lower-case shorthand ("per dr. keane", "poss transfer to ridgemont", "rn jo aware"), most mixed.
Everything is synthetic: faker names in several locales folded to ASCII; English-word first names and surnames (Rose,
Will, May, Hope, Page, Faith, Art, Bill; Brown, Young, Walker); hyphenated and apostrophe surnames; towns from syllables;
facilities from surnames, towns, saints and ordinary words, often with no kind word and in lower case.

Labelling conventions (dev12's). FACILITY: the institution's proper name as written, with its kind words; "the", a
possessive "'s", unit or department outside; initials a span of their own; EMS agencies, helicopter services, reference
labs, organ procurement organisations, medical examiner's offices, funeral homes, courts, schools, pharmacies and
nursing homes are FACILITY. LOCATION: street (with or without its number), town, county, ZIP, each a span; states
unlabelled. CLINICIAN/PATIENT/RELATIVE: the name only, never title, credential, relation word or role ("Baby Boy" and
"Dr." outside). DATE: every day-level date in any shape, a range two spans; a bare year is YEAR. AGE: over 89 only.
PHONE: phone, fax, pager, extension and short internal numbers. ID: MRN, account, accession, case, incident, transfer
reference, OPO referral and docket numbers. EMAIL: a relative's or a coordinator's address.

Choices of this split. Anyone whose work is health care is CLINICIAN: physicians, residents, PAs, NPs, nurses, CRNAs,
scrub techs, circulators, paramedics and EMTs, sitters and CNAs, doulas, lab techs, OPO coordinators, therapists,
chaplains. Everyone else outside the family who is not clinical (police, judges, attorneys, funeral directors,
teachers) is RELATIVE, as in dev10 and dev12. A newborn is PATIENT in the mother's record ("Baby Girl Walker": the
surname). Room and bed numbers, scores and settings are not PHI: BP 120/80, doses 5/325, 4/5 strength, GCS 3/15, vent
8x500x50, "2-3x/day", APGARs 8/9, G2P1, C3D1 stay unlabelled.
Run: /work/main/.venv/bin/python -m tests.deid_corpus.make_dev13   (from the repository root)
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from faker import Faker

from tests.deid_corpus.segments import P, S, assemble, fold
from tests.deid_corpus.segments import check as check_spans

SEED = 131_613
OUT = Path(__file__).resolve().parent / "dev13.jsonl"
rng = random.Random(SEED)
Faker.seed(SEED)
LOCALES = ("en_US", "en_US", "en_US", "en_US", "en_US", "es_MX", "es_CO", "pl_PL", "it_IT", "en_IE", "de_AT", "pt_PT", "fr_CA",
           "vi_VN", "sk_SK", "en_GB", "tl_PH", "hu_HU", "nl_NL", "sv_SE")
FK = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FK)):
    FK[_loc].seed_instance(SEED + _i)
GENRES = ("ed_triage", "ed_physician", "ems_run_sheet", "anesthesia_record", "brief_op_note", "ld_delivery_note", "newborn_note",
          "peds_ward_note", "onc_infusion", "inpt_psych_note", "inpt_rehab_note", "consult_note", "transfer_accept", "death_note",
          "lab_report", "nursing_handoff")
POOLS = {"adult": ("ed_triage", "ed_physician", "ems_run_sheet", "anesthesia_record", "brief_op_note", "consult_note", "transfer_accept",
                   "death_note", "lab_report", "nursing_handoff", "inpt_rehab_note"),
         "ob": ("ed_triage", "anesthesia_record", "lab_report", "nursing_handoff", "consult_note", "transfer_accept"),
         "peds": ("ed_triage", "ems_run_sheet", "lab_report", "nursing_handoff", "consult_note", "transfer_accept", "brief_op_note",
                  "anesthesia_record"),
         "psych": ("ed_physician", "ed_triage", "ems_run_sheet", "nursing_handoff", "consult_note", "transfer_accept", "lab_report"),
         "onc": ("lab_report", "consult_note", "death_note", "nursing_handoff", "brief_op_note", "transfer_accept", "inpt_rehab_note",
                 "ed_physician")}
FIRST_GENRES = {"adult": (), "ob": ("ld_delivery_note", "newborn_note"), "peds": ("peds_ward_note",), "psych": ("inpt_psych_note",),
                "onc": ("onc_infusion",)}

ENGLISH = {"F": "Rose May Hope Faith Page Joy Ivy Robin Dawn Grace".split(),
           "M": "Will Art Bill Drew Wade Chase Reed Rusty Sonny Bud".split()}
ENG_LAST = "Brown Young Walker Page Rose Hope Wise Fox Lamb Moody Sweet Penny".split()
APOS = "O'Brien O'Keefe O'Malley D'Amico D'Souza O'Hara DeLuca O'Neill D'Angelo O'Dwyer".split()
NICKS = "Jo Bea Sully Gus Tee Dot Manny Gigi Chip Junior Tito Nan".split()
SAINTS = "Agnes Brigid Jude Anselm Clare Raphael Bernadette Columba Hilda Ambrose Cecilia Monica Kilian Casimir Hedwig " \
         "Benedict Scholastica Boniface Florian Adalbert Dymphna Vincent Elizabeth Luke Barnabas".split()
WORDY = ("Ridgemont|Brookside|Meadowlark|Stonegate|Harbor View|Pinecrest|Clearwater|Riverbend|Fairhaven|Lakeshore|Sunnyvale|"
         "Oak Hollow|Maple Grove|Cedar Ridge|Highland|Summit|Valley View|Greenbriar|Bayside|Hillcrest|Northfield|Willow Creek|"
         "Silver Lake|Mount Hebron|Elm Crest|Golden Age|Evergreen|Twin Rivers|Heritage|Bluestone").split("|")
NAMEY = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"] + NICKS + SAINTS + ENG_LAST}
ENGLISH_SET = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"] + ENG_LAST}
SOURCE = Path(__file__).read_text(encoding="utf-8")
WORDS = {w.lower() for w in re.findall(r"[A-Za-z]+", SOURCE)} - NAMEY  # a faker name that is a word of these notes is refused
SYL1 = "Ash Bram Cal Dun Fair Glen Hol Kes Lark Mar Nor Pine Red Sil Thorn Wil Ster Ell Hart Wex Dor Bel Hal Lyn Pen Rad " \
       "Quen Alder Birk Cran Fen Gris Hux Lock Mor Ox Rams Tud Vern Wyn Strat Brom Caer Dray Trent Holl Amber Kings Tal".split()
SYL2 = "ford ton field wood ridge haven dale by mont ville port wick burg stead mouth crest bury ley worth gate hurst low".split()
STW = "Orchard Quarry Tannery Mill Ferry Cobble Chestnut Larch Granite Depot Foundry Kiln Spruce Hawthorn Sumac Pleasant " \
      "Prospect Academy Canal Bridge Linden".split()
STK = "St|Street|Rd|Road|Ave|Lane|Way|Terrace|Ct|Pl|Blvd|Hwy".split("|")
MON = "January February March April May June July August September October November December".split()
WEEKDAYS = "Mon Tues Wed Thurs Fri Sat Sun".split()
USED: set[str] = set()
FIRSTS: set[str] = set()


def pick(*xs): return rng.choice(xs)
def chance(p): return rng.random() < p
def tm(): return pick(f"{rng.randint(7, 18)}:{pick('00', '15', '30', '45')}", f"{rng.randint(7, 11)}am", f"{rng.randint(1, 5)}pm", f"{rng.randint(8, 17):02d}{pick('00', '30')}")


def uniq(make):
    USED.add(v := next(v for v in (make() for _ in range(800)) if v not in USED))  # StopIteration: the pool is exhausted
    return v


NAME_RE = re.compile(r"[A-Z][a-z]*(?:['-]?[A-Z][a-z]+)*")


def faker_name(kind: str, sex: str | None = None) -> str:
    f = FK[rng.choice(LOCALES)]
    while True:
        n = fold(f.last_name() if kind == "last" else f.first_name_male() if sex == "M" else f.first_name_female())
        if NAME_RE.fullmatch(n) and len(n) > 2 and n.lower() not in WORDS:
            return n


def surname(): return uniq(lambda: faker_name("last"))
def town(): return uniq(lambda: pick("", "", "", "", "East ", "North ", "West ", "Port ", "South ") + rng.choice(SYL1) + rng.choice(SYL2))
def T(t, mode=None): return S({"upper": t.upper(), "lower": t.lower()}.get(mode or pick("as", "as", "as", "upper", "lower"), t), "LOCATION")


def phone(): return pick("{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}", "{b}-{c}", "{a}-{b}-{c}").format(
    a=rng.randint(201, 989), b=rng.randint(201, 989), c=f"{rng.randint(0, 9999):04d}")
def PH(x=None): return S(x or phone(), "PHONE")
def ext(): return P(pick(" ext ", " x", " ext. ", " x "), S(str(rng.randint(100, 9999)), "PHONE"))
def ID(prefix=""): return S(prefix + str(rng.randint(10**5, 10**8)), "ID")
def ordinal(n): return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# ---------------------------------------------------------------- dates in every shape

SHORT = ("md", "md", "md", "mmdd", "dash", "abbr", "mabbr", "dmon", "dmonth", "mdy", "long")


def dshape(d: dt.date, style: str | None = None) -> str:
    style = style or rng.choice(SHORT + ("full", "iso", "longy"))
    m = MON[d.month - 1]
    return {"md": f"{d.month}/{d.day}", "mmdd": f"{d.month:02d}/{d.day:02d}", "dash": f"{d.month}-{d.day}",
            "long": f"{m} {ordinal(d.day)}", "abbr": f"{m[:3]} {d.day}", "mabbr": f"{m[:3].lower()} {d.day}",
            "dmon": f"{d.day}-{m[:3]}", "dmonth": f"{d.day} {m}", "mdy": f"{d.month}/{d.day}/{d.year % 100:02d}",
            "full": f"{d.month:02d}/{d.day:02d}/{d.year}", "iso": d.isoformat(), "longy": f"{m} {d.day}, {d.year}"}[style]


def D(d, style=None): return S(dshape(d, style), "DATE")
def DS(d): return D(d, rng.choice(SHORT))
def DF(d): return D(d, pick("full", "longy", "mdy", "iso"))
def Y(y): return S(str(y), "YEAR")
def later(d, lo, hi): return d + dt.timedelta(days=rng.randint(lo, hi))


def drange(a: dt.date, b: dt.date) -> list:
    st = pick("md", "md", "mmdd", "abbr", "dash")
    return P(D(a, st), pick("-", " - ", " to ", " thru "), D(b, st))


def dwhen(d: dt.date) -> list:
    k = rng.randrange(6)
    if k == 0: return P(WEEKDAYS[d.weekday()] + " ", DS(d))
    if k == 1: return P("the ", S(ordinal(d.day), "DATE"))
    if k == 2: return P("(", DS(d), ")")
    if k == 3: return P("on ", DS(d), f" @ {tm()}")
    return P("on ", DS(d))


# ---------------------------------------------------------------- people


@dataclass
class Person:
    first: str
    last: str
    typ: str
    sex: str = "F"
    cred: str = ""
    rel: str = ""
    ab: str = ""
    nick: str | None = None


def person(typ, sex=None, cred="", rel="", ab="", last=None, english=False) -> Person:
    sex = sex or pick("F", "M")
    first = rng.choice(ENGLISH[sex]) if english else faker_name("first", sex)
    while first in FIRSTS:  # one patient's people never share a first name
        first = faker_name("first", sex)
    FIRSTS.add(first)
    p = Person(first, last or surname(), typ, sex, cred, rel, ab or rel)
    p.nick = rng.choice(NICKS) if typ != "CLINICIAN" and chance(0.15) else None
    return p


def hon(p): return "Mr." if p.sex == "M" else pick("Mrs.", "Ms.")


def nm(p: Person, form="fl") -> list:
    t = p.typ
    return {"fl": lambda: S(f"{p.first} {p.last}", t), "f": lambda: S(p.first, t), "l": lambda: S(p.last, t),
            "lf": lambda: P(S(p.last, t), ", ", S(p.first, t)), "FL": lambda: S(f"{p.first} {p.last}".upper(), t),
            "fll": lambda: S(f"{p.first} {p.last}".lower(), t), "F": lambda: S(p.first.upper(), t),
            "fl_": lambda: S(p.first.lower(), t), "il": lambda: S(f"{p.first[0]}. {p.last}", t),
            "t": lambda: P(hon(p) + " ", S(p.last, t))}[form]()


def doc(c: Person, form: str | None = None) -> list:
    """A clinician: "Dr. X", "dr x", "X, LADC", "(X, RN)", "-kl lmhc", "counselor Anna"."""
    C, md = "CLINICIAN", c.cred in ("MD", "DO")
    cr = c.cred.split(",")[0]
    form = form or (pick("Dr", "dr", "DR", "drfl", "sig", "fl", "l") if md else pick("fl", "sig", "sigr", "paren", "first", "credl"))
    if not md and form in ("Dr", "dr", "DR", "drfl"):
        form = pick("paren", "sig", "credl")
    return {"Dr": lambda: P(pick("Dr. ", "Dr "), S(c.last, C)), "dr": lambda: P("dr ", S(c.last.lower(), C)),
            "DR": lambda: P("DR. ", S(c.last.upper(), C)), "drfl": lambda: P("Dr. ", S(f"{c.first} {c.last}", C)),
            "fl": lambda: S(f"{c.first} {c.last}", C), "sig": lambda: P(S(f"{c.first} {c.last}", C), ", " + c.cred),
            "sigr": lambda: P(S(c.last, C), ", ", S(c.first, C), " " + cr), "paren": lambda: P("(", S(c.last, C), ", " + cr + ")"),
            "init": lambda: P("-", S((c.first[0] + c.last[0]).lower(), C), " " + cr.lower()),
            "first": lambda: P(cr + " ", S(c.first, C)), "credl": lambda: P(S(c.last, C), " " + cr),
            "l": lambda: S(c.last, C)}[form]()


def sign(c: Person) -> list:
    return pick(lambda: doc(c, "sig"), lambda: doc(c, "sigr"), lambda: doc(c, "init"),
                lambda: P(S(f"{c.first} {c.last}".upper(), "CLINICIAN"), " " + c.cred.split(",")[0]))()


def rel_ref(r: Person) -> list:
    """A relative or non-clinical contact named every way, with or without the relation word."""
    k = rng.randrange(14)
    if k == 0: return P(r.ab + " ", nm(r, "f"))  # gm Ruth
    if k == 1: return P(nm(r, "F"), f" ({r.ab.upper()})")
    if k == 2: return P(r.rel + " ", nm(r, "fl_"))
    if k == 3: return P("pt's " + r.rel + ", ", nm(r, "fl"))
    if k == 4: return P(pick("pt's ", "the pt's ", ""), r.ab + " ", nm(r, "fl_"))
    if k == 5: return P(nm(r, "t"), f" ({r.rel})")
    if k == 6: return P(nm(r, "f"), f" ({r.ab})")
    if k == 7 and r.nick: return P(r.rel + " ", nm(r, "f"), ' ("', S(r.nick, r.typ), '")')
    if k == 8: return P(nm(r, "lf"), f" ({r.rel})")
    if k == 9: return P(nm(r, "f"), ", pt's " + r.rel + ",")
    if k == 10: return P(r.rel + " (", nm(r, "f"), ")")
    if k == 11: return P(nm(r, "FL"), " - " + r.rel.upper())
    if k == 12: return P(S(f"{r.first} {r.last[0]}.", r.typ), f" ({r.rel})")
    return P(r.rel + " ", nm(r, "fl"))


def bare(r: Person) -> list:
    if r.nick and chance(0.3):
        return S(r.nick, r.typ)
    return nm(r, pick("f", "f", "fl_", "F", "t", "l") if r.typ == "RELATIVE" else pick("f", "fl", "t"))


def role(r: Person) -> list:
    """A non-family contact by role: "DCF worker Ana Ruiz", "Atty. Ruiz", "Judge Ruiz", "coach rusty"."""
    k = rng.randrange(5)
    if k == 0: return P(r.rel + " ", nm(r, "fl"))
    if k == 1: return P(r.ab + " ", nm(r, pick("l", "t")))
    if k == 2: return P(nm(r, "fl"), " (" + r.rel + ")")
    if k == 3: return P(r.ab.lower() + " ", nm(r, pick("fl_", "fll")))
    return P(nm(r, "lf"), ", " + r.rel)


# ---------------------------------------------------------------- places


@dataclass
class Fac:
    formal: str
    shorts: list = field(default_factory=list)
    init: str | None = None


def ini(text):
    i = "".join(w[0] for w in re.split(r"[\s&-]+", text) if w[:1].isupper())
    if len(i) < 3 or i in USED:
        return None
    USED.add(i)
    return i


def Fa(f: Fac, form="any") -> list:
    form = (pick("formal", "short", "short", "init") if f.init else pick("formal", "short")) if form == "any" else form
    form = "short" if form == "init" and not f.init else form
    text = {"formal": f.formal, "init": f.init, "short": rng.choice(f.shorts) if f.shorts else f.formal}[form]
    if text.startswith("the "):  # "the Bridge": the article outside
        return P("the ", S(text[4:], "FACILITY"))
    return S(text, "FACILITY")


def org(nw: list, kinds: tuple[str, ...]) -> Fac:
    """An organisation in ordinary words; `nw` is one patient's pool, so two of theirs never share a short name."""
    w, kind = nw.pop(), rng.choice(kinds)
    formal = f"{w} {kind}" if kind else w
    short = "the " + w if w in ("Bridge", "Lighthouse", "Crossroads", "Anchor", "Gateway") else w
    shorts = [short] + ([f"{w} RC", f"{w.lower()} rc"] if kind == "Recovery Center" else [])
    return Fac(formal, shorts if kind else [], ini(formal) if kind else None)


def named(kinds, base=None) -> Fac:
    b = base or rng.choice((surname, town))()
    kind = rng.choice(kinds)
    return Fac(f"{b} {kind}", [b] if base is not None and chance(0.6) else [], ini(f"{b} {kind}"))


def saint(kind) -> Fac:
    return Fac(f"St. {(s := rng.choice(SAINTS))} {kind}".strip(), [f"St. {s}", f"St {s}"] if kind else [])


def street(num=True) -> str: return (f"{rng.randint(2, 2999)} " if num else "") + f"{rng.choice(STW)} {rng.choice(STK)}"




WLAST: set[str] = set()  # one patient's people never share an English-word or apostrophe surname by chance


def surname2():
    k = rng.random()
    if k < 0.2:
        n = rng.choice(ENG_LAST if k < 0.12 else APOS)
        if n not in WLAST:
            WLAST.add(n)
            return n
    if k < 0.28: return uniq(lambda: f"{faker_name('last')}-{faker_name('last')}")
    return surname()


def dl(c: Person) -> list:
    """A clinician in lower-case shorthand: "per dr. keane", "rn jo"."""
    if c.cred in ("MD", "DO"):
        return P(pick("dr. ", "dr ", "dr."), S(c.last.lower(), "CLINICIAN"))
    return P(c.cred.split(",")[0].split("(")[0].lower().strip() + " ", S(c.first.lower(), "CLINICIAN"))


def dU(c: Person) -> list:
    if c.cred in ("MD", "DO"):
        return P(pick("DR ", "DR. "), S(c.last.upper(), "CLINICIAN"))
    return P(c.cred.split(",")[0].split("(")[0].upper().strip() + " ", S(c.first.upper(), "CLINICIAN"))


def anyd(c: Person) -> list:
    return pick(lambda: doc(c), lambda: doc(c), lambda: dl(c), lambda: dU(c))()


def Fl(f: Fac) -> list:
    """A facility in lower case, short name or initials: "sent to nmh for eval", "from trenton rehab"."""
    t = rng.choice(([f.init] if f.init else []) + (f.shorts or [f.formal]))
    t = t[4:] if t.startswith("the ") else t
    return S(t.lower(), "FACILITY")


def pager(): return P(pick("pager #", "pgr ", "p", "pager "), S(str(rng.randint(10000, 99999)), "PHONE"))
def xt(): return P(pick("x", "ext ", "x "), S(str(rng.randint(1000, 9999)), "PHONE"))
def room(): return pick(f"rm {rng.randint(200, 899)}", f"room {rng.randint(200, 899)}{pick('A', 'B', '')}", f"bed {rng.randint(1, 30)}",
                        f"Bay {rng.randint(1, 12)}", f"{rng.randint(3, 9)}West-{rng.randint(1, 40)}", f"pod C-{rng.randint(1, 20)}")


LOOK = ["BP 120/80", "BP 142/91", "BP 88/52", "HR 112", "RR 22", "SpO2 94% RA", "T 38.9", "GCS 15", "GCS 3/15", "GCS 14/15",
        "pain 7/10", "percocet 5/325 1-2 tabs q4h prn", "norco 5/325", "strength 4/5 LUE", "5/5 strength BLE", "K 3.1", "WBC 14.2",
        "Hgb 7.8", "INR 2.3", "lactate 4.1", "trop <0.01", "Cr 1.9", "Na 128", "2-3x/day", "q4h neuro checks", "NS @ 125 mL/hr",
        "vent AC 8x500x50", "AC 16/450/+5/40%", "PEEP 8 FiO2 60%", "NIHSS 4", "Braden 14", "Morse 45", "CIWA 9", "1:1 obs",
        "ASA 3", "Mallampati 2", "EBL 150 mL", "I/O 1200/850", "A&Ox3", "PIV 20g L AC", "O2 2L NC", "Foley 16Fr", "ETT 7.5 @ 23 cm"]
LOOK_KID = ["HR 142", "RR 48", "T 39.2", "wt 12.4 kg", "SpO2 91% RA", "FLACC 4/10", "D5 1/2NS @ 45 mL/hr", "amox 90 mg/kg/day",
            "GCS 15/15", "cap refill <2 s", "retractions mild", "PEWS 3", "UOP 1.2 mL/kg/hr", "albuterol 2.5 mg q2h"]
LOOK_OB = ["G2P1", "G3P2012", "6/90/-1", "4/80/-2", "FHR 140s cat I", "EBL 350 mL", "QBL 820 mL", "pit @ 6 mU/min", "mag 2 g/hr",
           "APGARs 8/9", "APGAR 7/9", "BP 148/96", "GBS neg", "Rh+", "wt 3420 g", "epidural 10 mL 0.125% bupi", "Hgb 10.1"]
LOOK_ONC = ["C3D1", "C1D8", "carbo AUC 5", "paclitaxel 175 mg/m2", "ANC 1200", "plt 88", "ECOG 1", "ECOG 3", "BSA 1.82 m2",
            "ondansetron 8 mg", "dex 12 mg", "FOLFOX", "R-CHOP cycle 4/6", "CA 19-9 412", "pain 5/10", "wt 61.2 kg"]
LOOK_PSY = ["C-SSRS high", "BAL 0.21", "PHQ-9 22/27", "haldol 5/ativan 2/benadryl 50 IM", "q15 min checks", "1:1 sitter",
            "olanzapine 10 mg qhs", "BP 134/88", "lithium level 0.9", "AIMS 0", "CIWA 12", "COWS 11"]


def look(n=2, kind="adult"):
    return "; ".join(rng.sample({"peds": LOOK_KID, "ob": LOOK_OB, "onc": LOOK_ONC, "psych": LOOK_PSY}.get(kind, LOOK), n))


ADULT_RELS = [("wife", "F", ["wife"]), ("husband", "M", ["husb", "husband"]), ("daughter", "F", ["dtr", "daughter"]),
              ("son", "M", ["son"]), ("sister", "F", ["sis", "sister"]), ("brother", "M", ["bro", "brother"]),
              ("mother", "F", ["mom", "mother"]), ("father", "M", ["dad", "father"]), ("partner", None, ["partner"]),
              ("niece", "F", ["niece"]), ("nephew", "M", ["nephew"]), ("girlfriend", "F", ["gf"]), ("boyfriend", "M", ["bf"])]
KID_RELS = [("mother", "F", ["mom", "mother", "MOC"]), ("father", "M", ["dad", "father"]), ("grandmother", "F", ["gm", "grandma", "MGM"]),
            ("grandfather", "M", ["gf", "grandpa"]), ("aunt", "F", ["aunt"]), ("stepfather", "M", ["stepdad"])]
DX = {"adult": ["s/p fall w/ R hip fx", "SBO", "perforated appendicitis", "MVC w/ splenic lac", "STEMI", "sepsis 2/2 cholangitis",
                "L MCA stroke", "GI bleed", "necrotizing soft tissue infxn LLE"],
      "ob": ["IUP at 39w2d, SROM", "preeclampsia w/ severe features at 34w", "IUP 41w for IOL", "twin IUP 36w, PTL"],
      "peds": ["RSV bronchiolitis", "perforated appy", "DKA new onset", "febrile infant", "asthma exacerbation", "forearm fx after fall"],
      "psych": ["bipolar I, manic w/ psychotic features", "MDD severe w/ SI, s/p OD", "schizophrenia, decompensated", "EtOH w/d + SI"],
      "onc": ["metastatic pancreatic adenocarcinoma", "DLBCL", "stage IIIC ovarian ca", "AML s/p induction", "metastatic NSCLC"]}


class World:
    def __init__(self, n: int, kind: str):
        self.pid, self.kind = f"dev13-p{n:03d}", kind
        FIRSTS.clear()
        WLAST.clear()
        self.sex = "F" if kind == "ob" else pick("F", "M")
        self.pt = person("PATIENT", self.sex, english=chance(0.2), last=surname2())
        self.age = {"peds": rng.randint(0, 16), "ob": rng.randint(18, 43), "psych": rng.randint(17, 66),
                    "onc": rng.randint(38, 88) if chance(0.75) else rng.randint(90, 99),
                    "adult": rng.randint(24, 89) if chance(0.75) else rng.randint(90, 103)}[kind]
        self.t0 = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 1700))
        self.mrn, self.acct = str(rng.randint(10**6, 10**8)), pick("A", "V", "") + str(rng.randint(10**7, 10**9))
        self.town, self.town2, self.county = town(), town(), f"{town()} County"
        self.zip, self.addr = f"{rng.randint(1001, 99950):05d}", street()
        self.dx = rng.choice([x for x in DX[kind] if self.sex == "F" or "ovarian" not in x])
        cl = lambda cred, sex=None: person("CLINICIAN", sex, cred=cred, english=chance(0.18), last=surname2())  # noqa: E731
        self.edoc, self.triage, self.res = cl(pick("MD", "DO")), cl(pick("RN", "RN, CEN")), cl("MD")
        self.surg, self.assist, self.anes, self.crna = cl(pick("MD", "DO")), cl(pick("PA-C", "PA-C")), cl("MD"), cl("CRNA")
        self.scrub, self.circ = cl(pick("CST", "ST")), cl(pick("RN", "RN, CNOR"))
        self.ob, self.cnm, self.peds, self.doula = cl(pick("MD", "DO")), cl("CNM"), cl(pick("MD", "DO")), cl(pick("CD(DONA)", "doula"))
        self.psy, self.onc, self.infrn = cl("MD"), cl(pick("MD", "DO")), cl(pick("RN, OCN", "RN"))
        self.ptx, self.ot, self.cons, self.acc = cl(pick("PT, DPT", "PT")), cl(pick("OTR/L", "OT")), cl("MD"), cl(pick("MD", "DO"))
        self.tcrn, self.medic, self.emt, self.sitter = cl("RN"), cl(pick("Paramedic", "NRP")), cl("EMT"), cl(pick("CNA", "PCA"))
        self.path, self.tech, self.opoc, self.day, self.night = cl("MD"), cl(pick("MLS(ASCP)", "MT")), cl(pick("RN, CPTC", "CPTC")), cl("RN"), cl(pick("RN", "LPN"))
        self.chap, self.sw, self.pcp, self.me = cl(pick("MDiv", "BCC")), cl(pick("LICSW", "MSW")), cl(pick("MD", "DO")), cl("MD")
        rels = KID_RELS if kind == "peds" else [r for r in ADULT_RELS if not (kind == "ob" and r[0] in ("wife", "girlfriend", "husband", "boyfriend", "partner"))]
        chosen = rng.sample(rels, 4)
        if kind == "ob":
            chosen = [pick(("husband", "M", ["FOB", "husband", "FOB"]), ("partner", None, ["partner", "FOB"]), ("boyfriend", "M", ["FOB", "bf"]))] + chosen[:3]
        self.rels = []
        for rel, sex, abbrs in chosen:
            same = rel in ("mother", "father", "wife", "husband", "daughter", "son", "sister", "brother", "grandfather") and chance(0.6)
            self.rels.append(person("RELATIVE", sex, rel=rel, ab=rng.choice(abbrs), last=self.pt.last if same else surname2(), english=chance(0.3)))
        self.guard, self.emerg = self.rels[:2]
        R_ = lambda rel, ab, sex=None: person("RELATIVE", sex, rel=rel, ab=ab, english=chance(0.25), last=surname2())  # noqa: E731
        self.officer, self.judge, self.atty = R_("officer", pick("Ofc.", "Officer")), R_("judge", "Judge"), R_("attorney", pick("Atty", "atty"))
        self.fd, self.teacher = R_("funeral director", pick("FD", "director")), R_("teacher", pick("Ms.", "teacher"), "F")
        self.baby = person("PATIENT", pick("F", "M"), english=chance(0.3), last=pick(self.pt.last, self.pt.last, self.guard.last))
        self.twin = person("PATIENT", pick("F", "M"), last=self.baby.last)
        self.phones = {id(r): phone() for r in self.rels}
        # places
        nw = rng.sample(WORDY, 10)
        ht = town()
        self.hosp = Fac(f"{ht} {pick('Medical Center', 'General Hospital', 'Memorial Hospital', 'Regional Medical Center')}", [ht])
        self.hosp.init = ini(self.hosp.formal)
        w = nw.pop()
        self.osh = Fac(f"{w} {pick('Hospital', 'Regional Medical Center', 'Community Hospital', 'Medical Center')}", [w])
        self.osh.init = ini(self.osh.formal)
        self.osh2 = pick(lambda: Fac(f"St. {(s := rng.choice(SAINTS))} {pick('Hospital', 'Medical Center', 'Mercy Hospital')}", [f"St. {s}", f"St {s}"]),
                         lambda: named(("University Hospital", "Medical Center", "Children's Hospital"), surname()))()
        self.osh2.init = self.osh2.init or ini(self.osh2.formal)
        t = town()
        self.rehab = pick(lambda: Fac(f"{t} Rehabilitation Hospital", [f"{t} Rehab", f"{t} rehab"]),
                          lambda: Fac(f"{(w2 := nw.pop())} Rehab", [w2]))()
        self.rehab.init = ini(self.rehab.formal)
        w = nw.pop()
        self.snf = Fac(f"{w} {pick('Nursing & Rehab', 'Health Care Center', 'Manor', 'Skilled Nursing')}", [w])
        self.ems = pick(lambda: Fac(f"{self.town} Fire Rescue", [f"{self.town} FD", f"{self.town} Fire"]), lambda: Fac(f"{surname()} Ambulance", []),
                        lambda: Fac(f"{nw.pop()} EMS", []), lambda: Fac(f"{self.town} Ambulance Service", [f"{self.town} Ambulance"]))()
        self.heli = pick(lambda: Fac(f"{rng.choice(('Life', 'Air', 'Med', 'Angel', 'Eagle'))}{rng.choice(('Star', 'Flight', 'Net', 'Wing'))} {rng.randint(1, 9)}", []),
                         lambda: Fac(f"{nw.pop()} MedFlight", []), lambda: Fac(f"{surname()} Critical Care Transport", []))()
        self.lab = pick(lambda: Fac(f"{surname()} Reference Laboratories", []), lambda: Fac(f"{nw.pop()} Pathology Associates", []),
                        lambda: Fac(f"{town()} Regional Laboratory", []))()
        self.lab.init = ini(self.lab.formal)
        self.opo = pick(lambda: Fac(f"{nw.pop()} Donor Network", []), lambda: Fac(f"{nw.pop()} Organ & Tissue Alliance", []),
                        lambda: Fac(f"{town()} Gift of Life", []))()
        self.opo.init = ini(self.opo.formal)
        self.me_off = Fac(f"{self.county} Medical Examiner", [])
        fam = surname2()
        self.funeral = pick(lambda: Fac(f"{fam} Funeral Home", [fam]), lambda: Fac(f"{fam} & Sons Funeral Home", [f"{fam} & Sons"]),
                            lambda: Fac(f"{fam}-{surname()} Funeral Chapel", [fam]))()
        self.cancer = Fac(f"{(cs := surname())} Cancer Institute", [f"{cs} Cancer", cs])
        self.cancer.init = ini(self.cancer.formal)
        self.psyh = pick(lambda: Fac(f"{(w3 := nw.pop())} Behavioral Health Hospital", [w3]), lambda: Fac(f"{(t3 := town())} State Hospital", [f"{t3} State"]))()
        self.psyh.init = ini(self.psyh.formal)
        self.court = Fac(f"{self.county.replace(' County', '')} District Court", [])
        self.police = Fac(f"{self.town} Police Department", [f"{self.town} PD"])
        self.school = named(("Elementary School", "Middle School", "Academy"), surname() if chance(0.5) else None)
        self.daycare = Fac(f"{nw.pop()} {pick('Daycare', 'Learning Center')}", [])
        self.pharm = pick(lambda: Fac(f"{surname()} Pharmacy"), lambda: Fac(f"{town()} Apothecary"))()
        self.pcpprac = named(("Family Medicine", "Internal Medicine Associates", "Primary Care", "Pediatrics"))
        self.obprac = pick(lambda: Fac(f"{nw.pop()} OB/GYN", []), lambda: named(("Women's Health", "Midwifery", "Birth Center"), surname()))()
        self.shelter = pick(lambda: Fac(f"{nw.pop()} House", []), lambda: saint("House"))()

    def rel(self, but=None): return rng.choice([r for r in self.rels if r is not but] or self.rels)
    def ph(self, r): return S(self.phones[id(r)], "PHONE")
    def d(self, lo=0, hi=6): return later(self.t0, lo, hi)
    def A(self):
        a = S(str(self.age), "AGE") if self.age > 89 else str(self.age)
        if self.age == 0: return P(f"{rng.randint(2, 10)} wk old ", pick("M" if self.sex == "M" else "F", "male" if self.sex == "M" else "female"))
        return P(a, pick(" yo ", "yo ", " y/o ", "-year-old ", " year old ", " YO ")) + P(pick("M" if self.sex == "M" else "F", "male" if self.sex == "M" else "female"))
    def PT(self, forms=("fl", "lf", "FL", "t")): return nm(self.pt, pick(*forms))
    def where(self): return P(T(self.town), pick(", ", " ") if chance(0.5) else "", *([S(self.zip, "LOCATION")] if chance(0.3) else []))
    def addr_(self): return P(S(self.addr, "LOCATION"), ", ", T(self.town), pick(", MA ", ", NH ", " RI ", ", CT ", ", NJ "), S(self.zip, "LOCATION"))


def hdr(title, w: World, d) -> list:
    return P(title, "  ", D(d, pick("full", "md", "mdy", "longy", "iso")), "\n", pick("Pt: ", "Patient: ", "NAME: ", "RE: "),
             w.PT(), pick("  MRN ", "  MRN: ", "  Acct ", "  MR# "), S(w.mrn, "ID"), "\n")


def email(p: Person, doms=("gmail.com", "yahoo.com", "outlook.com", "comcast.net")) -> list:
    return S(f"{p.first.lower()}{pick('.', '_', '')}{re.sub('[^a-z]', '', p.last.lower())}{pick('', str(rng.randint(1, 99)))}@{rng.choice(doms)}", "EMAIL")


# ---------------------------------------------------------------- genres


def g_ed_triage(w: World):
    d = w.d(0, 2)
    k = w.kind
    out = P(pick("ED TRIAGE", "Emergency Dept - Triage Note", "triage note"), "  ", DS(d), f" {tm()}\n",
            "Pt: ", w.PT(), "  ", w.A(), "  MRN ", S(w.mrn, "ID"), "  ", room(), "\n",
            "Arrival: ", pick(lambda: P("via ", Fa(w.ems, "any"), " from ", w.addr_() if chance(0.5) else T(w.town)),
                              lambda: P("walk-in w/ ", rel_ref(w.guard if k == "peds" else w.rel()), pick(" from home", "")),
                              lambda: P("police (", Fa(w.police, "any"), ", ", nm(w.officer, pick("t", "l", "fl")), ") on section 12") if k == "psych" else P("POV from home in ", T(w.town)),
                              lambda: P("sent from ", Fl(w.snf) if chance(0.5) else Fa(w.snf, "any"), " w/ paperwork"))(), ".\n",
            "CC: ", {"peds": "fever, wob", "ob": "ctx q3min, ? leaking", "psych": "SI w/ plan", "onc": "fever on chemo"}.get(k, w.dx), ". ",
            look(3, k), ".\n",
            "Hx per ", rel_ref(w.rel()), " ", w.ph(w.rels[0]) if chance(0.5) else "", "; PCP ", doc(w.pcp, pick("Dr", "dr", "drfl", "l")),
            pick(" at ", " @ "), Fa(w.pcpprac, "any"), ".\n",
            "ESI ", str(rng.randint(1, 4)), ". To ", room(), pick(", ", "; "), pick(lambda: P(dl(w.edoc), " aware."), lambda: P(dU(w.edoc), " NOTIFIED."),
                                                                      lambda: P("MD ", nm(w.edoc, "l"), " at bedside."))(), "\n",
            sign(w.triage), "\n")
    return out, pick(None, None, "upper", "lower")


def g_ed_physician(w: World):
    d = w.d(0, 2)
    r = w.rel()
    out = P(hdr(pick("ED PROVIDER NOTE", "Emergency Medicine Attending Note", "ED physician note"), w, d),
            "HPI: ", w.A(), " w/ ", w.dx, pick(", BIBA from ", ", brought by EMS from "), pick(lambda: w.addr_(), lambda: P(Fa(w.shelter, "any"), " in ", T(w.town2)))() if w.kind == "psych" else w.where(),
            ". Per ", rel_ref(r), ", ", pick("symptoms since ", "last seen well ", "onset "), dwhen(later(d, -3, 0)), ". Seen at ", Fa(w.osh, "any"), " ",
            D(later(d, -30, -3), pick("md", "md", "mdy", "dash")), " and d/c'd.\n",
            "Exam: ", look(3, w.kind), ". Labs: ", look(2, "adult"), ".\n",
            "ED course: ", pick(lambda: P("d/w ", doc(w.cons), " (", pick("surgery", "GI", "neuro", "cards"), ") ", pager(), ", will see."),
                                lambda: P("psych consult ", doc(w.psy, pick("Dr", "dr")), "; sitter ", nm(w.sitter, pick("f", "fl")), " 1:1. Legal hold placed ", DS(d), f" {tm()}."),
                                lambda: P("called transfer ctr (", xt(), ") re bed at ", Fa(w.osh2, "any"), "; spoke w/ ", doc(w.acc, "drfl"), "."))(), "\n",
            "Dispo: ", pick(lambda: P("admit ", pick("medicine", "SICU", "tele"), ", ", dl(w.res), " accepting"),
                            lambda: P("poss transfer to ", Fl(w.osh)), lambda: P("admit to ", Fa(w.hosp, "any"), " ", room()))(), ". ",
            "Updated ", nm(r, pick("f", "fl", "t")), " at ", w.ph(r), ".\n", sign(w.edoc), "\n")
    return out, pick(None, None, "upper")


def g_ems_run_sheet(w: World):
    d = w.d(-1, 0)
    out = P(pick("PATIENT CARE REPORT", "EMS RUN SHEET", "ePCR"), " - ", Fa(w.ems, "formal"), "\n",
            "Incident # ", ID(pick("", "24-", "EMS")), "   Date ", D(d, pick("full", "mdy", "md")), "   Unit ", pick("M", "A", "Medic ") + str(rng.randint(1, 40)), "\n",
            "Crew: ", doc(w.medic, pick("sig", "fl", "credl")), " / ", doc(w.emt, pick("sig", "fl", "credl")), "\n",
            "Dispatched ", f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}", " to ", S(street(), "LOCATION"), pick(", ", " "), T(w.town),
            *([" (", Fa(pick(w.snf, w.shelter, w.school, w.daycare), "any"), ")"] if chance(0.5) else []), " for ",
            pick("fall", "unresponsive", "resp distress", "psych eval", "MVC", "seizure"), ".\n",
            "Pt ", w.PT(("fl", "lf", "FL")), ", ", w.A(), ", DOB ", DF(later(w.t0, -365 * max(w.age, 1) - 300, -365 * max(w.age, 1))), ". ",
            look(3, w.kind), ". ", "Meds given: ", pick("ASA 324 mg", "NS 500 mL", "narcan 2 mg IN", "albuterol 2.5 mg neb", "zofran 4 mg"), ".\n",
            "Info from ", rel_ref(w.rel()), pick(" on scene", " by phone ", ""), ". ", pick(lambda: P(Fa(w.police, "short"), " on scene, ", role(w.officer), "."),
                                                                             lambda: P("intercept w/ ", Fa(w.heli, "formal"), " declined - weather."), lambda: "")(),
            "\nTransported to ", Fa(w.hosp, "any"), " ", {"ob": "L&D", "peds": "peds ED"}.get(w.kind, pick("ED", "trauma bay 2")), "; report to ", doc(w.triage, pick("first", "fl")), " at ",
            f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}", ".\n")
    return out, pick(None, "upper", "upper")


def g_anesthesia_record(w: World):
    d = w.d(0, 4)
    out = P(pick("ANESTHESIA RECORD", "Anesthesia Pre-op / Intra-op Summary", "anesthesia note"), "  ", Fa(w.hosp, "formal"), "  OR ", str(rng.randint(1, 14)), "\n",
            "Date of service: ", D(d, pick("full", "md", "iso")), "   Pt: ", w.PT(), "   Acct ", S(w.acct, "ID"), "\n",
            "Procedure: ", pick("ex lap", "lap appy", "ORIF L hip", "primary LTCS", "rpt c/s", "port placement", "I&D LLE"), " w/ ", doc(w.surg, pick("Dr", "drfl", "DR")), "\n",
            "Anesthesiologist: ", doc(w.anes, pick("sig", "drfl", "fl")), "   CRNA: ", doc(w.crna, pick("fl", "sig", "credl")), "\n",
            look(3, "ob" if w.kind == "ob" else "adult"), ". ", pick("GETA, ETT 7.0 grade 1 view", "spinal 1.6 mL 0.75% bupi", "LMA #4", "epidural -> CSE"), ".\n",
            "Induction ", tm(), ", incision ", tm(), ". Emergence uneventful; to PACU ", pick("bay ", "bed ") + str(rng.randint(1, 20)),
            ", report to ", pick(lambda: P("rn ", S(w.night.first.lower(), "CLINICIAN")), lambda: doc(w.night, pick("fl", "first")))(), ".\n",
            "Hx of MH in ", pick("father", "brother", "mother"), pick(": none", " denied", " - none known"), ". Consent signed by ",
            nm(w.pt, pick("fl", "t")) if w.kind != "peds" else rel_ref(w.guard), ". ", pick(lambda: P("Pager ", S(str(rng.randint(1000, 99999)), "PHONE")), lambda: xt())(), "\n")
    return out, pick(None, "upper")


def g_brief_op_note(w: World):
    d = w.d(0, 5)
    out = P(pick("BRIEF OPERATIVE NOTE", "Brief Op Note", "brief op note"), "  ", DS(d), "\n",
            "Patient: ", w.PT(), "  MRN ", S(w.mrn, "ID"), "\n",
            "Pre/post-op dx: ", w.dx, "\n", "Procedure: ", pick("exploratory laparotomy, SBR", "lap appendectomy", "cephalomedullary nail L hip",
                                                                 "port-a-cath placement R IJ", "debridement LLE 12x8 cm", "diagnostic laparoscopy"), "\n",
            "Surgeon: ", doc(w.surg, pick("drfl", "sig", "Dr")), "\n", "Assistant: ", doc(w.assist, pick("sig", "fl", "credl")),
            *([" / ", doc(w.res, pick("Dr", "dr"))] if chance(0.5) else []), "\n",
            "Anesthesia: ", pick("GETA", "spinal", "MAC"), " (", doc(w.anes, pick("Dr", "l", "DR")), "/", doc(w.crna, pick("fl", "credl", "first")), ")\n",
            "Scrub: ", nm(w.scrub, pick("fl", "f", "l")), "   Circulator: ", nm(w.circ, pick("fl", "f", "l")), "\n",
            look(2, "adult"), ". Specimens: ", pick("appendix", "SB segment", "none"), " to path (", Fa(w.lab, "any") if chance(0.4) else "in-house", ").\n",
            "Complications: none. Dispo: PACU then ", pick("floor", "SICU", "home"), "; family (", rel_ref(w.rel()), ") updated in waiting rm by ",
            pick(lambda: dl(w.surg), lambda: doc(w.surg, "l"))(), ".\n")
    return out, pick(None, "upper", "lower")


def g_ld_delivery_note(w: World):
    d = w.d(0, 2)
    fob = w.rels[0]
    out = P(pick("DELIVERY NOTE", "L&D Delivery Summary", "delivery note - L&D"), "  ", DS(d), f" {tm()}\n",
            "Mother: ", w.PT(("fl", "lf", "FL")), ", ", w.A(), ", ", look(1, "ob"), ", ", w.dx, ". PNC at ", Fa(w.obprac, "any"), " w/ ",
            doc(w.cnm, pick("fl", "sig", "first")), ".\n",
            "Present: ", doc(w.ob, pick("Dr", "drfl", "dr")), " (OB), ", doc(w.cnm, pick("credl", "first", "fl")), ", doula ", nm(w.doula, pick("f", "fl")),
            ", FOB ", nm(fob, pick("f", "fl", "fl_")), ". Peds (", doc(w.peds, pick("Dr", "dr")), ") called for ", pick("mec", "NRFHT", "preterm"), ".\n",
            "Delivered ", pick("viable male", "viable female", "liveborn infant"), f" at {tm()} ", D(d, pick("md", "mdy")), ", ",
            pick("NSVD", "LTCS", "vacuum-assisted"), ". ", look(3, "ob"), ".\n",
            "Baby ", "Boy" if w.baby.sex == "M" else "Girl", " ", S(w.baby.last, "PATIENT"), *(lambda o: [o[0], S(w.baby.first, "PATIENT"), o[1]])(pick((" - to be named ", ""), (" (name: ", ")"), (", named ", ""))),
            ". Skin to skin, breastfeeding. Cord blood banked w/ ", Fa(w.lab, "formal"), ".\n",
            "Plan: PP unit ", room(), "; ", rel_ref(w.rel(but=fob)), " to stay. Pediatrician after d/c: ",
            doc(w.peds, pick("Dr", "fl")), " at ", Fa(w.pcpprac, "any"), ".\n", sign(pick(w.ob, w.cnm)), "\n")
    return out, pick(None, None, "lower")


def g_newborn_note(w: World):
    d = w.d(1, 3)
    b = w.baby
    out = P(pick("NEWBORN NURSERY NOTE", "Newborn H&P", "nursery progress note"), "  ", DS(d), "\n",
            pick("Baby Boy ", "BB ", "baby boy ") if b.sex == "M" else pick("Baby Girl ", "BG ", "baby girl "), S(b.last, "PATIENT"), *(lambda o: [o[0], S(b.first, "PATIENT"), o[1]])(pick((' ("', '")'), (" aka ", ""))),
            "  MRN ", ID(), "  DOL ", str(rng.randint(1, 3)), "\n",
            "Born ", D(later(d, -2, -1), pick("md", "md", "full")), " to ", w.PT(("fl", "t", "lf")), " (MOC), ", look(1, "ob"),
            ", GBS neg. FOB ", nm(w.rels[0], pick("fl", "f")), " at bedside.\n",
            look(3, "ob"), ". Hep B given ", D(later(d, -1, 0), "md"), ". Hearing screen passed. CCHD 98/99.\n",
            "Bili ", pick("6.2 @ 30h", "9.8 @ 40h, LL 12"), ". PKU sent to state lab ", D(d, "md"), ".\n",
            "F/u: ", doc(w.peds, pick("Dr", "drfl", "dr")), " at ", Fa(w.pcpprac, "any"), " ", dwhen(later(d, 2, 4)), pick("; ", ". "),
            "Lactation: ", nm(w.night, pick("fl", "f")), ", IBCLC. Circ by ", doc(w.ob, pick("Dr", "l")), pick(" prior to d/c.", " - parents declined."), "\n",
            *(["Twin B: ", S(w.twin.first, "PATIENT"), " in NICU at ", Fa(w.osh2, "any"), ".\n"] if "twin" in w.dx else []),
            sign(w.peds), "\n")
    return out, pick(None, "lower", None)


def g_peds_ward_note(w: World):
    d = w.d(1, 5)
    g = w.guard
    out = P(pick("PEDIATRIC WARD PROGRESS NOTE", "Peds Progress Note", "peds floor note"), "  ", DS(d), " HD#", str(rng.randint(2, 6)), "\n",
            w.PT(("fl", "f", "lf")), *([' ("', S(w.pt.nick, "PATIENT"), '")'] if w.pt.nick else []), ", ", w.A(), " w/ ", w.dx, ". ", room(), ".\n",
            "Overnight: ", look(3, "peds"), ". ", rel_ref(g), " at bedside, asking about d/c before ", DS(later(d, 1, 4)), ".\n",
            "Child life (", nm(w.sitter, "f"), ") visited. School: ", Fa(w.school, "any"), pick(" sending work; teacher ", ", teacher "), nm(w.teacher, "t"), ".\n",
            "A/P: ", pick("wean O2", "cont IV abx", "insulin gtt -> SQ", "advance diet"), "; ", pick("2-3x/day", "q4h"), " reassess. ",
            "D/w attending ", doc(w.peds, pick("Dr", "dr", "drfl")), pick("; ", " - "), "transfer to PICU at ", Fa(w.osh2, "any"), " if worse.\n",
            "Home: ", w.addr_(), "; daycare ", Fa(w.daycare, "formal"), " notified by ", bare(g), ".\n", sign(w.res), " ", pager(), "\n")
    return out, pick(None, "lower", None)


def g_onc_infusion(w: World):
    d = w.d(0, 30)
    out = P(pick("ONCOLOGY INFUSION VISIT", "Infusion Nursing Note", "onc infusion note"), "  ", Fa(w.cancer, "formal"), " Infusion Center  ", DS(d), "\n",
            "Pt ", w.PT(), ", ", w.A(), ", ", w.dx, ". ", look(3, "onc"), ".\n",
            "Labs drawn ", D(later(d, -1, 0), pick("md", "dash")), " ok to treat per ", pick(lambda: dl(w.onc), lambda: doc(w.onc, pick("Dr", "drfl")))(), ".\n",
            "Port accessed by ", doc(w.infrn, pick("fl", "first")), ", + blood return. Premeds given. ", pick("No reaction.", "Mild flushing, slowed rate."), "\n",
            "Came w/ ", rel_ref(w.rel()), "; ride home by ", bare(w.rel()), ". Next cycle ", dwhen(later(d, 14, 21)), ", labs at ",
            Fl(w.osh) if chance(0.4) else Fa(w.osh, "any"), " lab the day before.\n",
            "Tumor board ", DS(later(d, 3, 9)), "; 2nd opinion at ", Fa(w.osh2, "any"), pick(" requested.", " pending."), " Nurse navigator ",
            nm(w.day, "fl"), " ", PH(), P(" ", xt()) if chance(0.4) else "", *([" ", S(f"{w.day.first[0].lower()}{re.sub('[^a-z]', '', w.day.last.lower())}@{pick('cancercare.org', 'onc-nav.net')}", "EMAIL")] if chance(0.5) else []),
            ".\n", sign(w.infrn), "\n")
    return out, pick(None, None, "upper", "lower")


def g_inpt_psych_note(w: World):
    d = w.d(1, 10)
    out = P(hdr(pick("INPATIENT PSYCHIATRY PROGRESS NOTE", "Psych Unit Daily Note", "inpt psych note"), w, d),
            "Legal: ", pick("section 12 -> conditional voluntary ", "involuntary hold ", "72h hold "), D(later(d, -3, -1), "md"), "; court hearing at ",
            Fa(w.court, "formal"), " ", dwhen(later(d, 1, 7)), ", docket ", ID(pick("", "24MH", "MH-")), ", atty ", nm(w.atty, pick("fl", "l")), ".\n",
            "S: ", pick("'I don't need to be here.'", "pt slept 4-5 hrs, pacing.", "pt reports voices quieter."), " ", look(2, "psych"), ".\n",
            "1:1 sitter ", nm(w.sitter, pick("f", "fl")), " ", pick("overnight", "7p-7a"), "; ", dl(w.night), " reports pt ", pick("refused meds", "took meds", "attended group"), ".\n",
            "Collateral: ", rel_ref(w.rel()), " ", w.ph(w.rels[1]), "; states pt stopped meds after leaving ", Fa(w.psyh, "any"), " ", DS(later(d, -90, -20)), ".\n",
            "Plan: ", pick("cont olanzapine", "lithium titration", "ECT consult"), "; ", pick(lambda: P("bed search for ", Fa(w.psyh, "any"), " / ", Fl(w.psyh)),
                                                                                          lambda: P("d/c to ", Fa(w.shelter, "any"), " w/ f/u at ", Fa(w.pcpprac, "any")))(),
            ". ", pick(lambda: P(dU(w.psy), " TO SEE PT AM."), lambda: P("per ", dl(w.psy), "."))(), "\n", sign(w.psy), "\n")
    return out, pick(None, None, "lower", "upper")


def g_inpt_rehab_note(w: World):
    d = w.d(5, 20)
    c = pick(w.ptx, w.ot)
    out = P(pick("INPATIENT REHAB PT DAILY NOTE", "IRF OT Treatment Note", "pt/ot daily - acute rehab"), "  ", Fa(w.rehab, "formal"), "  ", DS(d), "\n",
            "Pt: ", w.PT(), ", ", w.A(), ", ", w.dx, "; admitted from ", Fa(w.hosp, "any"), " ", D(later(d, -5, -2), pick("md", "dash", "mdy")), ".\n",
            "Tx 90 min. ", look(3, "adult"), ". Gait 150 ft w/ RW min A; stairs x4.\n",
            "Family training w/ ", rel_ref(w.rel()), " ", dwhen(later(d, 1, 4)), ". Home: ", w.addr_(), pick(", 3 STE", ", 1 level", ", 2nd fl apt"), ".\n",
            "Team conf: ", doc(w.cons, pick("Dr", "dr")), " (physiatry), ", doc(w.sw, pick("fl", "first")), " SW; est d/c ", DS(later(d, 7, 14)),
            " home vs ", pick(lambda: Fa(w.snf, "any"), lambda: Fl(w.snf))(), ".\n", sign(c), "\n")
    return out, pick(None, "upper", "lower")


def g_consult_note(w: World):
    d = w.d(1, 6)
    out = P(pick("CONSULT NOTE", "Inpatient Consultation", "consult - initial"), "  ", D(d, pick("full", "md", "longy")), "\n",
            "Requesting: ", doc(pick(w.res, w.edoc, w.onc), pick("Dr", "drfl")), "   Consultant: ", doc(w.cons, "sig"), "  ", pager(), "\n",
            "Pt: ", w.PT(), "  MRN ", S(w.mrn, "ID"), "\n",
            "Reason: ", "postpartum HTN" if w.kind == "ob" else pick("AKI", "?osteomyelitis", "capacity eval", "afib w/ RVR", "hyponatremia"), ". ", w.A(), " w/ ", w.dx, ".\n",
            "Records from ", Fa(w.osh, "any"), *([" (", Fa(w.osh, "init"), ")"] if w.osh.init and chance(0.5) else []), " ", DS(later(d, -60, -10)),
            " reviewed; prior echo at ", Fl(w.osh2), ".\n", look(3, w.kind), ".\n",
            "Social: lives ", pick("alone", "w/ family", "in group home"), " in ", T(w.town2), "; ", rel_ref(w.rel()), " is HCP.\n",
            "Recs: ", pick("renal dosing", "MRI L foot", "rate control", "3% NS not indicated", "pt has capacity"), "; will follow. D/w ",
            dl(w.res), pick(" at bedside.", ", who agrees."), "\n", sign(w.cons), "\n")
    return out, pick(None, None, "upper")


def g_transfer_accept(w: World):
    d = w.d(0, 4)
    osh = w.osh
    out = P(pick("TRANSFER CENTER ACCEPT NOTE", "Interfacility Transfer - Accept", "transfer center log"), "  ", DS(d), f" {tm()}\n",
            "Ref #", ID(pick("TC", "", "T-")), "   Pt: ", w.PT(("fl", "lf", "FL")), ", ", w.A(), "\n",
            "Referring: ", doc(w.pcp, pick("drfl", "Dr")), " at ", Fa(osh, "formal"), " (", Fa(osh, "init") if osh.init else Fa(osh, "short"), "), ",
            T(w.town2), ", ", PH(), "\n",
            "Accepting: ", doc(w.acc, pick("drfl", "sig")), " (", pick("MICU", "trauma", "neurosurg", "OB", "PICU"), ") ", pager(), "\n",
            "TC RN ", nm(w.tcrn, pick("fl", "f")), " ", xt(), ". Bed ", room(), ". Mode: ", pick(lambda: Fa(w.heli, "formal"), lambda: P(Fa(w.ems, "any"), " ALS"))(),
            ", ETA ", tm(), ". ", look(2, w.kind), ".\n",
            "Images pushed from ", Fl(osh), " PACS. Family (", rel_ref(w.rel()), ") driving from ", T(w.town2), pick(".", "; cell "), *( [w.ph(w.rels[0])] if chance(0.5) else []), "\n",
            *(["Updates to ", email(w.rels[0]), " per family request.\n"] if chance(0.4) else []),
            pick(lambda: P("DR ", S(w.acc.last.upper(), "CLINICIAN"), " AWARE."), lambda: P("accepted by ", dl(w.acc), "."))(), "\n")
    return out, pick(None, None, "upper", "lower")


def g_death_note(w: World):
    d = w.d(2, 20)
    r = w.rel()
    out = P(pick("DEATH NOTE", "Pronouncement Note", "death pronouncement"), "  ", D(d, pick("full", "md", "longy")), "\n",
            "Called by ", dl(w.night) if chance(0.5) else doc(w.night, "fl"), " to see ", w.PT(), " (MRN ", S(w.mrn, "ID"), ") in ", room(), ".\n",
            "No resp effort, no pulse, pupils fixed. Pronounced at ", f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}", " on ", DS(d), " by ",
            doc(w.res, pick("drfl", "Dr", "sig")), ". Attending ", doc(pick(w.onc, w.edoc), pick("Dr", "DR")), " notified.\n",
            rel_ref(r), " notified by phone ", w.ph(r), pick("; coming in.", "; at bedside.", ""), " Chaplain ", nm(w.chap, pick("fl", "f")), " present.\n",
            pick(lambda: P(Fa(w.opo, "formal"), *([" (", Fa(w.opo, "init"), ")"] if w.opo.init else []), " referral #", ID(), ", coordinator ",
                           nm(w.opoc, pick("fl", "f")), ": ", pick("not a candidate", "tissue only", "eyes/tissue")),
                 lambda: P("OPO (", Fa(w.opo, "any"), ") called, ref ", ID()))(), ".\n",
            "ME: ", pick(lambda: P("case accepted by ", Fa(w.me_off, "formal"), ", case # ", ID("ME-"), ", ", doc(w.me, "Dr")),
                         lambda: P("declined by ", Fa(w.me_off, "formal"), " (", PH(), ")"))(), ".\n",
            "Body to ", Fa(w.funeral, "any"), "; ", pick("FD ", "director "), nm(w.fd, pick("fl", "l")), " ", PH(), ". Death cert to ", doc(w.pcp, "Dr"), ".\n")
    return out, pick(None, "upper")


def g_lab_report(w: World):
    d = w.d(0, 8)
    kind = pick("micro", "path", "send")
    head = {"micro": "MICROBIOLOGY REPORT", "path": "SURGICAL PATHOLOGY REPORT", "send": "REFERENCE LAB RESULT"}[kind]
    out = P(head, "\n", Fa(w.hosp, "formal"), " Laboratory, ", S(street(), "LOCATION"), ", ", T(w.town), "\n",
            "Patient: ", w.PT(("lf", "FL", "fl")), "   MRN: ", S(w.mrn, "ID"), "   Acc#: ", ID(pick("M", "S", "SP-", "L")), "\n",
            "Collected: ", D(d, pick("full", "mdy", "iso")), f" {tm()}   Received: ", D(later(d, 0, 1), pick("full", "mdy", "iso")), "\n",
            "Ordering: ", doc(pick(w.res, w.onc, w.edoc, w.ob), pick("sigr", "drfl", "sig")), "\n",
            {"micro": lambda: P("Blood cx x2: GNR in 1/2 bottles @ 14h; E. coli, pan-S. Critical value called to ", nm(w.day, pick("fl", "f")), " RN at ", tm(),
                                ", read back. ", look(1, "adult"), "."),
             "path": lambda: P("Specimen: ", pick("appendix", "omentum bx", "placenta", "colon segment"), ". Dx: ", pick("acute appendicitis", "adenocarcinoma, 3/14 LN+", "chorioamnionitis"),
                               ". Pathologist: ", doc(w.path, pick("sig", "drfl")), ". Consult slides sent to ", Fa(w.osh2, "any"), "."),
             "send": lambda: P("Performed at ", Fa(w.lab, "formal"), *([" (", Fa(w.lab, "init"), ")"] if w.lab.init else []), ", ", T(w.town2), "; ",
                               pick("HLA typing", "flow cytometry", "NGS panel", "lithium level 0.9"), " result ", DS(later(d, 3, 9)), ".")}[kind](), "\n",
            "Verified by ", doc(w.tech, pick("fl", "sig", "credl")), " ", D(later(d, 1, 3), pick("md", "full")), pick(". Lab ", ". Questions: "), PH(), " ", xt(), "\n")
    return out, pick(None, "upper", "upper")


def g_nursing_handoff(w: World):
    d = w.d(1, 10)
    out = P(pick("RN HANDOFF", "Nursing Shift Note", "nsg note"), "  ", DS(d), " ", pick("0700", "1900", "7p-7a", "day shift"), "\n",
            w.PT(("fl", "t", "f", "FL")), " ", room(), ", ", w.A(), ", ", w.dx, ".\n",
            look(3, w.kind), ". ", pick("Fall risk, bed alarm on.", "Turned q2h.", "Voiding qs."), "\n",
            pick(lambda: P(rel_ref(w.rel()), " called x2, updated; wants call from ", dl(w.res), "."),
                 lambda: P("visitors: ", rel_ref(w.rel()), " and ", nm(w.rel(), pick("f", "F", "fl_")), " until 2100.")) (), "\n",
            pick(lambda: P("paged ", dl(w.res), " re ", pick("BP 88/52", "K 3.1", "UOP <30"), " - new orders."),
                 lambda: P("DR ", S(w.res.last.upper(), "CLINICIAN"), " NOTIFIED RE ", pick("T 38.9", "HR 112"), "."),
                 lambda: P("rn ", S(w.day.first.lower(), "CLINICIAN"), " aware, will f/u."))(), " ",
            pick(lambda: P("D/c planned to ", Fl(w.snf), " ", DS(later(d, 1, 5)), "."), lambda: P("awaiting bed at ", Fl(w.rehab), "."),
                 lambda: P("sitter ", nm(w.sitter, "f"), " 1:1."), lambda: P("transport by ", Fa(w.ems, "any"), " at ", tm(), "."))(), "\n",
            "Report given to ", pick(lambda: P("rn ", S(w.night.first.lower(), "CLINICIAN")), lambda: doc(w.night, pick("fl", "first")))(), ". ", sign(w.day), "\n")
    return out, pick("upper", "lower", None, None)


GENS = {g: globals()[f"g_{g}"] for g in GENRES}


# ---------------------------------------------------------------- checks and the split


def check_every_mention(row: dict, case: str | None) -> None:
    """Every occurrence of a labelled name or place (and of each word of a person's name) lies inside a span; a name that
    is an English word is looked for only capitalised, in a note not written wholly in one case."""
    text, spans = row["text"], row["spans"]
    needles = set()
    for s in spans:
        if s["type"] in ("PATIENT", "CLINICIAN", "RELATIVE"):
            needles |= {s["text"]} | {t for t in re.split(r"[\s-]+", s["text"]) if len(t) > 2 and not t.endswith(".")}
        elif s["type"] in ("FACILITY", "LOCATION"):
            needles.add(s["text"])
    for n in sorted(needles - {s["text"] for s in spans if len(s["text"]) <= 2}):
        eng = n.lower() in ENGLISH_SET or n.lower() in {x.lower() for x in NICKS}
        if eng and (case or not n[:1].isupper()):
            continue
        pat = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, n.split())) + r"(?![A-Za-z0-9])"
        for m in re.finditer(pat, text, 0 if eng else re.IGNORECASE):
            if eng and re.search(r"(^|\n|[.:] )$", text[: m.start()][-2:] if m.start() > 1 else text[: m.start()]):
                continue
            assert any(s["start"] <= m.start() and m.end() <= s["end"] for s in spans), \
                (row["id"], n, text[max(0, m.start() - 60): m.end() + 60])


def main() -> None:
    kinds = ["adult"] * 16 + ["ob"] * 10 + ["peds"] * 12 + ["psych"] * 11 + ["onc"] * 11
    rng.shuffle(kinds)
    worlds = [World(i, k) for i, k in enumerate(kinds, 1)]
    counts = [3] * 24 + [4] * 36
    rng.shuffle(counts)
    made: Counter = Counter()
    rows, k = [], 0
    for w, n in zip(worlds, counts):
        first = list(FIRST_GENRES[w.kind])
        cands = sorted(POOLS[w.kind], key=lambda g: (made[g], rng.random()))
        genres = first + cands[: n - len(first)]
        for g in sorted(genres, key=GENRES.index):
            made[g] += 1
            segs, case = GENS[g](w)
            text, spans = assemble(segs, case)
            k += 1
            row = {"id": f"dev13-{k:04d}", "patient": w.pid, "genre": g, "text": text, "spans": spans}
            check_spans(row)
            check_every_mention(row, case)
            rows.append(row)
    assert len({r["text"] for r in rows}) == len(rows) >= 180
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    types = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{len(rows)} notes, {len(worlds)} patients -> {OUT.name}")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", dict(sorted(types.items())), "total", sum(types.values()))


if __name__ == "__main__":
    main()
