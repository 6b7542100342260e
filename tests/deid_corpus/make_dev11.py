"""Dev11, written blind to the de-identifier's rules (its code, word lists, data files, results, unit tests and benchmarks
were not read): the OUTPATIENT and COMMUNITY side of a record, where the PHI is organisations and places that are not
hospitals and people named in ordinary words. 60 patients (some of them children), 3-4 notes each, sharing the patient's
people and places as one record does: a daughter, a pharmacy or a shelter named again in a later note, shortened, in
another case. Genres: pcp_visit (SOAP notes with social history), specialty_clinic ("Dear Dr X" follow-up letters from
cardiology, oncology, renal), home_health_visit (visiting nurse: agency, the home's street and town), hospice_note,
telehealth_visit, portal_message (patient or relative writing in: lower case, typos, "-- Rosa"), care_coordination (calls
with insurers, DME vendors, pharmacies, transport, adult day programs), dialysis_unit_note (the outpatient unit by its
name, chair times), nursing_home_progress (the SNF/ALF by name; its wings), community_health_worker (shelters, pantries,
churches, housing authority, employers, jails, courts, guardianship), occupational_health (employer, worksite town) and
school_nurse_letter (the child's school, teachers). Some notes wholly in capitals, some wholly lower case, shorthand
everywhere ("f/u w/ dr ames @ riverside cardiology 3/14"). Everything is synthetic: faker names in several locales
folded to ASCII, English-word first names (Joy, Hope, Will, Art, Guy, Dawn), nicknames; towns and streets from syllables;
facilities from ordinary words ("Good Shepherd", "the Willows", "Crossroads"), surnames, saints and towns.

Labelling conventions (dev10's). FACILITY: the institution's proper name as written, with its kind words; "the", a
possessive "'s", parentheses, unit or department outside; initials a span of their own; pharmacies, labs, home-health,
hospice, DME, transport, insurers, adult day programs, dialysis units, churches, shelters, pantries, employers, schools,
jails and courts are FACILITY, national chains too (CVS, Walgreens, Quest, LabCorp, DaVita, Fresenius). LOCATION: street
with number, town, county, ZIP, each a span; states unlabelled. CLINICIAN/PATIENT/RELATIVE: the name only, never title,
credential, relation word or role; "Last, First" two spans; an initial with the surname one span. DATE: every day-level
date in any shape ("3/14", "3-14", "03/14/24", "mar 14", "14 March", "the 14th", "Tues 3/14"), a range two spans,
weekday and "the" outside; times unlabelled; a bare year is YEAR. AGE: over 89 only. PHONE: phone, fax, pager and
extension digits ("x4471": 4471). ID: MRN, member, Medicaid, account, case, docket and authorisation numbers. EMAIL: an
address.

Choices of this split (stated, as asked). Changes from dev10: a street named without its number ("the CVS on Kessler
Ave") is LOCATION too; a named wing or unit of a nursing home ("Magnolia wing", "Dogwood unit") is NOT labelled (dev10's
"unit outside"). People: anyone whose work is health care is CLINICIAN (physicians, NPs, PAs, nurses, home-health and
hospice aides, pharmacists, dialysis techs, community health workers, social workers, school nurses, insurer nurse case
managers). Everyone else who is not family is RELATIVE, as dev10's "friends, neighbours": teachers, principals, coaches,
employers' supervisors and HR, shelter and pantry staff, housing caseworkers, probation officers, judges, court-appointed
guardians, clergy, and insurer, DME and transport call-centre representatives. Medicare and Medicaid (programs) are left
unlabelled. Non-PHI look-alikes stay unlabelled: BP 128/76, doses 5/325, "4/5 strength", "1/2 tab", "q4-6h", "24/7",
"pain 3/10", "3x/wk", "MWF", chair numbers and shift times.
Run: /work/main/.venv/bin/python -m tests.deid_corpus.make_dev11   (from the repository root)
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

from tests.deid_corpus.segments import P, R, S, assemble, fold, pool, up
from tests.deid_corpus.segments import check as check_spans

SEED = 111_203
OUT = Path(__file__).resolve().parent / "dev11.jsonl"
rng = random.Random(SEED)
Faker.seed(SEED)
LOCALES = ("en_US", "en_US", "en_US", "en_US", "es_MX", "es_ES", "pl_PL", "it_IT", "en_IE", "de_DE", "pt_BR", "fr_FR",
           "vi_VN", "tr_TR", "nl_NL", "en_GB", "cs_CZ", "sv_SE")
FK = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FK)):
    FK[_loc].seed_instance(SEED + _i)
GENRES = ("pcp_visit", "specialty_clinic", "home_health_visit", "hospice_note", "telehealth_visit", "portal_message",
          "care_coordination", "dialysis_unit_note", "nursing_home_progress", "community_health_worker",
          "occupational_health", "school_nurse_letter")
CHILD_GENRES = ("pcp_visit", "specialty_clinic", "telehealth_visit", "portal_message", "care_coordination",
                "community_health_worker", "school_nurse_letter")

ENGLISH = {"F": "Joy Hope Faith Grace Rose Dawn Patience Sunny Ivy Pearl Holly Robin Charity Merry".split(),
           "M": "Bill Will Mark Art Sterling Guy Chase Rich Lance Frank Miles Wade Drew".split()}
NICKS = "Bud Sissy Teddy Dee Cookie Lulu Pepe Manny Gigi Butch Tink Bunny Chip Nana Pops Junior Boo Skip".split()
SAINTS = "Agnes Brigid Jude Anselm Clare Raphael Bernadette Columba Hilda Ambrose Cecilia Kilian Casimir Hedwig Dympna".split()
WORDY = ("Riverside|Willows|Willows|Good Shepherd|Sunrise|New Beginnings|Hope House|Willows|Maple Grove|Crossroads|Harbor Light|Open Door|"
         "Safe Harbor|Fresh Start|Second Chance|Lighthouse|Cornerstone|Bridges|Pathways|Horizons|Evergreen|Meadowbrook|"
         "Stillwater|Serenity|Compass|Beacon|Golden Years|Brightwater|Oak Hollow|Friendship|Heritage|Providence|"
         "Tranquility|Clearview|Fairhaven|Pinecrest|Haven|Homestead|Morning Star|Northstar|Kindred Hearts|Bluebird").split("|")
WINGS = "Magnolia Dogwood Azalea Birch Laurel Juniper Lilac Hawthorn Sycamore Aspen".split()
NAMEY = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"] + NICKS + SAINTS}
SOURCE = Path(__file__).read_text(encoding="utf-8")
WORDS = {w.lower() for w in re.findall(r"[A-Za-z]+", SOURCE)} - NAMEY  # a faker name that is a word of these notes is refused
ABBR = set(re.findall(r"\b[A-Z]{2,6}\b", SOURCE)) | set(
    "CHF COPD CKD ESRD HTN DM PRN ADL PCP SNF ALF DME CHW HHA BID TID QID NPO PPD CBC BMP ABG AKI EKG ECG PTA BLE RLE LLE "
    "DVT ICU MRI CAT PET HCP POA DNR CMO TPN PEG AVF AVG URI UTI SOB CVA TIA MVA OSH USA VNA EMS ADA ACE ARB".split())
ENGLISH_SET = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"]}
SYL1 = ("Ash Bram Cal Dun Fair Glen Hol Kes Lark Mar Nor Red Sil Thorn Wil Ster Ell Hart Wex Dor Bel Hal Lyn Pen Rad Quen "
        "Birk Cran Fen Gris Hux Lock Mor Ox Rams Tud Vern Wyn Cobb Tal Brack Dray Esk From Gael Hep Ilm Jor Kirt").split()
SYL2 = "ford ton field wood ridge haven dale by mont ville port wick burg stead mouth crest bury ley worth gate hurst".split()
PRE = "Bay Lake River Hill Green Stone Bright Silver North Ever Maple Brook Pine Cobble Fox Oak Copper Willow Clear " \
      "Heron Cedar Meadow Harbor Summit Valley Elder Wren Falcon".split()
POST = "view side crest field brook gate mere wood haven ridge stone hollow dale light water land".split()
MON = "January February March April May June July August September October November December".split()
WEEKDAYS = "Mon Tues Wed Thurs Fri Sat Sun".split()
USED: set[str] = set()
MINE: set[str] = set()  # the ordinary-word and saint stems of one record (a word may name places in other records)


def pick(*xs): return rng.choice(xs)
def chance(p): return rng.random() < p
def days(a, b=None): return dt.timedelta(days=rng.randint(a, a if b is None else b))
def tm(): return pick(f"{rng.randint(6, 18)}:{pick('00', '15', '30', '45')}", f"{rng.randint(6, 18):02d}{pick('00', '30', '45')}", f"{rng.randint(1, 11)}{pick('am', 'pm', ' pm')}")


def uniq(make):
    """A value not used before in the split."""
    for _ in range(500):
        if (v := make()) not in USED:
            USED.add(v)
            return v
    raise RuntimeError("pool exhausted")


NAME_RE = re.compile(r"[A-Z][a-z]*(?:['-]?[A-Z][a-z]+)*")


def faker_name(kind: str, sex: str | None = None) -> str:
    f = FK[rng.choice(LOCALES)]
    while True:
        n = fold(f.last_name() if kind == "last" else f.first_name_male() if sex == "M" else f.first_name_female())
        if NAME_RE.fullmatch(n) and len(n) > 2 and n.lower() not in WORDS and n.lower() not in NAMEY:
            return n


def surname(): return uniq(lambda: faker_name("last"))
def placeword(): return uniq(lambda: rng.choice(PRE) + rng.choice(POST))
def town(): return uniq(lambda: pick("", "", "", "", "East ", "North ", "West ", "Port ", "New ") + rng.choice(SYL1) + rng.choice(SYL2))
def street_name(): return uniq(lambda: rng.choice(SYL1) + rng.choice(("er", "ling", "son", "well", "more", "an"))) + " " + pick("St", "St.", "Ave", "Rd", "Street", "Lane", "Dr", "Blvd")
def L(t, mode=None):
    mode = mode or pick("as", "as", "as", "upper", "lower")
    return S(t.upper() if mode == "upper" else t.lower() if mode == "lower" else t, "LOCATION")


def phone(): return pick("{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}", "{b}-{c}", "1-{a}-{b}-{c}").format(
    a=rng.randint(201, 989), b=rng.randint(201, 989), c=f"{rng.randint(0, 9999):04d}")
def PH(): return S(phone(), "PHONE")
def ext(): return P(pick("x", "ext ", "ext. ", "x"), S(str(rng.randint(10, 9999)), "PHONE"))
def ID(prefix=""): return S(prefix + str(rng.randint(10**5, 10**9)), "ID")
def ordinal(n): return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# ---------------------------------------------------------------- dates in every shape

SHORT = ("md", "md", "md", "dash", "mdy", "mon", "mon_l", "dmon", "long")


def dshape(d: dt.date, style: str | None = None) -> str:
    style = style or rng.choice(SHORT + ("full", "iso", "longy"))
    m = MON[d.month - 1]
    return {"md": f"{d.month}/{d.day}", "dash": f"{d.month}-{d.day}", "mdy": f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
            "mon": f"{m[:3]} {d.day}", "mon_l": f"{m[:3].lower()} {d.day}", "dmon": f"{d.day} {m}", "long": f"{m} {ordinal(d.day)}",
            "full": f"{d.month:02d}/{d.day:02d}/{d.year}", "iso": d.isoformat(), "longy": f"{m} {d.day}, {d.year}"}[style]


def D(d, style=None): return S(dshape(d, style), "DATE")
def DS(d): return D(d, rng.choice(SHORT))
def Y(y): return S(str(y), "YEAR")


def drange(a: dt.date, b: dt.date) -> list:
    st = pick("md", "md", "mon", "dash")
    return P(D(a, st), pick("-", " - ", " to ", " thru "), D(b, st))


def dwhen(d: dt.date) -> list:
    """A date with its cue: "Tues 3/14", "the 14th", "last seen 2/2", "(3/14)"."""
    k = rng.randrange(5)
    if k == 0: return P(WEEKDAYS[d.weekday()] + " ", DS(d))
    if k == 1: return P("the ", S(ordinal(d.day), "DATE"))
    if k == 2: return P("(", DS(d), ")")
    if k == 3: return P("on ", DS(d), f" @ {tm()}")
    return P("on ", DS(d))


LOOK = ["BP 128/76", "BP 142/88 (repeat 136/84)", "HR 72", "pain 3/10", "strength 4/5 RLE", "PHQ-2 0/6", "A1c 7.4", "SpO2 95% RA",
        "wt down 2 lb", "1/2 tab metoprolol 25 mg", "norco 5/325 q4-6h prn", "O2 2L 24/7", "edema 1+ BLE", "gait steady w/ cane",
        "lungs clear", "BMI 31", "Cr 2.1", "K 4.8"]


def look(n=2): return "; ".join(rng.sample(LOOK, n))


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
    kin: bool = False  # shares the patient's surname: "Mr. X" would be the patient too


def person(typ, sex=None, cred="", rel="", ab="", last=None, english=False) -> Person:
    sex = sex or pick("F", "M")
    first = rng.choice(ENGLISH[sex]) if english else faker_name("first", sex)
    p = Person(first, last or surname(), typ, sex, cred, rel, ab or rel)
    p.nick = rng.choice(NICKS) if typ != "CLINICIAN" and chance(0.15) else None
    return p


def hon(p): return "Mr." if p.sex == "M" else pick("Mrs.", "Ms.", "Ms")


def nm(p: Person, form="fl") -> list:
    t = p.typ
    return {"fl": lambda: S(f"{p.first} {p.last}", t), "f": lambda: S(p.first, t), "l": lambda: S(p.last, t),
            "lf": lambda: P(S(p.last, t), ", ", S(p.first, t)), "FL": lambda: S(f"{p.first} {p.last}".upper(), t),
            "fll": lambda: S(f"{p.first} {p.last}".lower(), t), "F": lambda: S(p.first.upper(), t),
            "f_": lambda: S(p.first.lower(), t), "il": lambda: S(f"{p.first[0]}. {p.last}", t),
            "t": lambda: P(hon(p) + " ", S(p.last, t))}[form]()


def doc(c: Person, form: str | None = None) -> list:
    """A clinician every way: "dr ames", "DR AMES", "Dr. Ames", "Ames NP", "k. ortiz, pa-c", "(Ortiz, RN)", "RN Kim"."""
    C, md, cr = "CLINICIAN", c.cred in ("MD", "DO"), c.cred.split(",")[0]
    form = form or (pick("dr", "DR", "Dr", "Dr", "drfl", "fl", "il", "l") if md
                    else pick("fl", "sig", "credl", "ilc", "paren", "first", "l"))
    if not md and form in ("dr", "DR", "Dr", "drfl"):
        form = pick("credl", "ilc", "sig")
    return {"dr": lambda: P("dr ", S(c.last.lower(), C)), "DR": lambda: P("DR ", S(c.last.upper(), C)),
            "Dr": lambda: P(pick("Dr. ", "Dr "), S(c.last, C)), "drfl": lambda: P("Dr. ", S(f"{c.first} {c.last}", C)),
            "fl": lambda: S(f"{c.first} {c.last}", C), "sig": lambda: P(S(f"{c.first} {c.last}", C), ", " + c.cred),
            "il": lambda: S(f"{c.first[0]}. {c.last}", C), "l": lambda: S(c.last, C),
            "credl": lambda: P(S(c.last, C), " " + cr), "ilc": lambda: P(S(f"{c.first[0].lower()}. {c.last.lower()}", C), ", " + cr.lower()),
            "paren": lambda: P("(", S(c.last, C), ", " + cr + ")"), "first": lambda: P(cr + " ", S(c.first, C))}[form]()


def sign(c: Person) -> list:
    return pick(lambda: doc(c, "sig"), lambda: doc(c, "ilc"), lambda: P(doc(c, "sig"), pick("  pager ", "  pgr ", " cell "), S(str(rng.randint(1000, 9999)), "PHONE")), lambda: P(S(f"{c.first} {c.last}".upper(), "CLINICIAN"), " " + c.cred.split(",")[0]),
                lambda: P(S(c.last, "CLINICIAN"), ", ", S(c.first, "CLINICIAN"), " " + c.cred))()


def rel_ref(r: Person) -> list:
    """A relative or contact named every way, with or without the relation word."""
    k = rng.randrange(14)
    if k == 0: return P(r.ab + " ", nm(r, "f"))  # dtr Joy
    if k == 1: return P(nm(r, "F"), f" ({r.ab.upper()})")  # JOY (DTR)
    if k == 2: return P("pt's " + r.ab + " ", nm(r, "f_"))  # pt's dtr joy
    if k == 3: return P(r.rel + ", ", nm(r, "fl"))
    if k == 4 and not r.kin: return P(nm(r, "t"), f" ({r.rel})")  # Mrs. Ruiz (wife)
    if k == 5: return P(nm(r, "f"), f" ({r.ab})")
    if k == 6 and r.nick: return P(r.rel + " ", nm(r, "f"), ' ("', S(r.nick, r.typ), '")')
    if k == 7: return P(nm(r, "lf"), f" ({r.rel})")
    if k == 8: return P(r.rel + " (", nm(r, "f"), ")")
    if k == 9: return P(nm(r, "FL"), " - " + r.rel.upper())
    if k == 10: return P(S(f"{r.first} {r.last[0]}.", r.typ), f" ({r.rel})")
    if k == 11: return P(r.rel + " ", nm(r, "fll"))
    return P(r.rel + " ", nm(r, "fl"))


def bare(r: Person) -> list:
    """Once introduced: first name, nickname, lower case or capitals, or the honorific."""
    if r.nick and chance(0.3):
        return S(r.nick, r.typ)
    return nm(r, pick("f", "f", "f", "f_", "F", "f" if r.kin else "t"))


# ---------------------------------------------------------------- places


@dataclass
class Fac:
    formal: str
    shorts: list = field(default_factory=list)
    init: str | None = None


def ini(formal):
    i = "".join(w[0] for w in formal.replace("St. ", "S ").split() if w[0].isupper())
    if len(i) < 3 or len(i) > 5 or i in ABBR or i in USED:
        return None
    USED.add(i)
    return i


def F(f: Fac, form="any") -> list:
    if form == "any":
        form = pick("formal", "short", "short", "init", "lower") if f.init else pick("formal", "short", "short", "lower")
    if form == "init" and not f.init:
        form = "short"
    sh = rng.choice(f.shorts) if f.shorts else f.formal
    text = {"formal": f.formal, "init": f.init, "short": sh, "lower": sh.lower(), "upper": sh.upper()}[form]
    return S(text, "FACILITY")


def at(f: Fac, cues=("@ ", "at "), form="any") -> list:
    """A place after its cue: "@ riverside", "at RCC", "to Crossroads", "from the Willows" ("the" outside the span)."""
    name = F(f, form)
    return P(rng.choice(cues), "the " if name[0][0].lower().startswith("willows") else "", name)


def stem() -> str:
    """The proper part of a name: an ordinary word, a surname, a town, a saint or a place-word."""
    k = rng.randrange(6)
    if k <= 1 and (free := [x for x in WORDY if x not in MINE]):
        MINE.add(x := rng.choice(free))
        return x
    if k == 4 and (free := [x for x in SAINTS if x not in MINE]):
        MINE.add(x := rng.choice(free))
        return pick("St. ", "Saint ") + x
    return rng.choice((surname, town, placeword))()


def fac(*kinds, bare_ok=True, poss=False) -> Fac:
    s, kind = stem(), rng.choice(kinds)
    if poss and not s.startswith(("St", "Saint")) and chance(0.4):
        s = s + "'s"
    formal = f"{s} {kind}".strip()
    shorts = [s] if bare_ok else []
    if s.startswith("Saint "):
        shorts.append("St. " + s[6:] + (" " + kind.split()[0] if kind else ""))
    return Fac(formal, shorts or [formal], ini(formal))


CHAINS = {"pharm": ["CVS", "Walgreens", "Rite Aid", "Walmart Pharmacy"], "lab": ["Quest", "LabCorp", "Quest Diagnostics"],
          "dial": ["DaVita", "Fresenius", "Fresenius Kidney Care"]}


def chain(kind: str, w: World) -> Fac:
    name = rng.choice(CHAINS[kind])
    return Fac(name, [{"Walmart Pharmacy": "Walmart", "Quest Diagnostics": "Quest", "Fresenius Kidney Care": "Fresenius"}.get(name, name)], None)


# ---------------------------------------------------------------- one patient's record

RELS = [("wife", "F", ["wife"]), ("husband", "M", ["husb", "husband"]), ("daughter", "F", ["dtr", "dau", "daughter"]),
        ("son", "M", ["son"]), ("sister", "F", ["sis", "sister"]), ("brother", "M", ["bro", "brother"]),
        ("son-in-law", "M", ["SIL"]), ("daughter-in-law", "F", ["DIL"]), ("granddaughter", "F", ["GD", "granddaughter"]),
        ("grandson", "M", ["grandson"]), ("niece", "F", ["niece"]), ("nephew", "M", ["nephew"])]
PARENTS = [("mother", "F", ["mom", "mother", "mo"]), ("father", "M", ["dad", "father"]), ("grandmother", "F", ["grandma", "GM"]),
           ("aunt", "F", ["aunt"]), ("foster mother", "F", ["foster mom"])]
PROBS = ["CHF", "COPD", "type 2 DM", "CKD 4", "ESRD on HD", "metastatic breast ca", "lung ca", "dementia", "HTN/CAD", "afib on apixaban"]
KID_PROBS = ["asthma", "type 1 DM", "seizure disorder", "peanut allergy (EpiPen)", "ADHD", "sickle cell disease"]


class World:
    def __init__(self, n: int, child: bool):
        self.pid, self.child = f"dev11-p{n:03d}", child
        MINE.clear()
        self.sex = pick("F", "M")
        self.pt = person("PATIENT", self.sex, english=chance(0.2))
        self.age = rng.randint(5, 16) if child else rng.randint(90, 101) if chance(0.15) else rng.randint(24, 89)
        self.t0 = dt.date(2020, 1, 1) + days(0, 1700)
        self.prob = rng.choice(KID_PROBS if child else PROBS)
        self.mrn, self.member = str(rng.randint(10**6, 10**8)), pick("", "W", "XJ", "MCD") + str(rng.randint(10**7, 10**10))
        self.town, self.town2, self.wtown = town(), town(), town()
        self.county, self.zip = f"{town()} County", f"{rng.randint(1001, 99950):05d}"
        self.addr, self.street2 = f"{rng.randint(2, 2999)} {street_name()}", street_name()
        self.apt = pick("", f" Apt {rng.randint(1, 40)}", f" #{rng.randint(1, 12)}{pick('A', 'B', '')}")
        self.pcp_fac = fac("Family Medicine", "Primary Care", "Health Center", "Family Practice", "Community Health Center", "Medical Associates")
        self.spec_svc = pick("Cardiology", "Oncology", "Nephrology", "Pulmonary", "Hematology/Oncology")
        self.spec_fac = fac(f"{self.spec_svc.split('/')[0]} Associates", f"{self.spec_svc.split('/')[0]}", "Cancer Center" if "Onc" in self.spec_svc else "Heart & Vascular",
                            "Specialty Clinic")
        self.hosp = fac("Hospital", "Medical Center", "Regional", "General", "Memorial Hospital")
        self.pharm = chain("pharm", self) if chance(0.5) else fac("Pharmacy", "Drug", "Apothecary", poss=True)
        self.lab = chain("lab", self) if chance(0.6) else fac("Lab", "Laboratory Services")
        self.dial = Fac(*(lambda n, t: (f"{n} {t}", [f"{n} {t}", n.split()[0]], None))(rng.choice(CHAINS["dial"]), town())) if chance(0.5) \
            else fac("Dialysis", "Dialysis Center", "Kidney Center")
        self.snf = fac("Nursing Home", "Rehabilitation and Nursing", "Assisted Living", "Manor", "Senior Living", "Care Center", "")
        self.hh = fac("Home Health", "Visiting Nurses", "VNA", "Home Care", "Home Health Agency")
        self.hospice = fac("Hospice", "Hospice & Palliative Care", "Hospice House")
        self.ins = fac("Health Plan", "Health", "Care Plan", "Community Care", bare_ok=False)
        self.dme = fac("Medical Supply", "Home Medical", "Respiratory", "Mobility", poss=True)
        self.trans = fac("Transport", "Medical Transportation", "Ride", "Ambulance", "Cab")
        self.adh = fac("Adult Day", "Adult Day Health", "Senior Center", "Day Program")
        self.church = fac("Baptist Church", "Methodist", "Church", "Parish", "Chapel", "Mission", "AME Church")
        self.shelter = fac("Shelter", "House", "Family Shelter", "Center", "")
        self.pantry = fac("Food Pantry", "Pantry", "Community Kitchen", "Food Bank")
        self.housing = Fac(f"{self.town} Housing Authority", [f"{self.town} Housing", f"{self.town[0]}HA"] if len(self.town.split()) == 1 else [f"{self.town} Housing"])
        self.emp = fac("Lumber", "Foods", "Distribution", "Manufacturing", "Logistics", "Tool & Die", "Plastics", "Landscaping", "Poultry",
                       "Auto Body", "Construction", "Farms", poss=True)
        self.school = fac("Elementary", "Elementary School", "Middle School", "High School", "Academy", "Charter School", "K-8")
        self.jail = Fac(jail := f"{self.county[:-7]} County {pick('Jail', 'House of Correction', 'Detention Center')}", [jail], ini(jail))
        self.court = Fac(f"{self.county[:-7]} Probate Court", [f"{self.county[:-7]} Probate"], None)
        md = lambda: person("CLINICIAN", cred=pick("MD", "MD", "DO"))
        self.pcp, self.spec, self.dial_md, self.hosp_md, self.snf_md = md(), md(), md(), md(), md()
        self.np = person("CLINICIAN", cred=pick("NP", "FNP-C", "PA-C", "APRN"))
        self.vn = person("CLINICIAN", cred=pick("RN", "RN", "LPN", "RN, BSN"))
        self.aide = person("CLINICIAN", cred=pick("HHA", "CNA"))
        self.sw = person("CLINICIAN", cred=pick("LICSW", "MSW", "LCSW"))
        self.chw = person("CLINICIAN", cred=pick("CHW", "CHW"))
        self.rph = person("CLINICIAN", cred="PharmD")
        self.tech = person("CLINICIAN", cred=pick("CCHT", "PCT"))
        self.snurse = person("CLINICIAN", cred=pick("RN", "BSN, RN", "RN, NCSN"))
        self.ins_rn = person("CLINICIAN", cred=pick("RN", "RN, CCM"))
        self.ohn = person("CLINICIAN", cred=pick("RN, COHN", "NP", "MD"))
        self.rels = []
        if child:
            chosen = rng.sample(PARENTS, 2) + rng.sample([r for r in RELS if r[0] in ("sister", "brother")], 1)
        else:
            spouse = "wife" if self.sex == "M" else "husband"
            chosen = ([next(r for r in RELS if r[0] == spouse)] if chance(0.6) else []) + \
                rng.sample([r for r in RELS if r[0] not in ("wife", "husband")], rng.randint(2, 3))
        for rel, sex, abbrs in chosen:
            same = rel not in ("son-in-law", "daughter-in-law", "niece", "nephew", "aunt", "foster mother") and chance(0.5)
            self.rels.append(person("RELATIVE", sex, rel=rel, ab=rng.choice(abbrs), last=self.pt.last if same else None, english=chance(0.45)))
            self.rels[-1].kin = same
        self.friend = person("RELATIVE", rel=pick("friend", "neighbor", "roommate", "landlord"), english=chance(0.4))
        C = lambda role: person("RELATIVE", rel=role, english=chance(0.3))
        self.teacher, self.principal, self.coach = C("teacher"), C("principal"), C("coach")
        self.super, self.hr, self.rep, self.dme_rep = C("supervisor"), C("HR"), C("rep"), C("rep")
        self.caseworker, self.shelter_staff, self.po, self.guardian = C("caseworker"), C("case manager"), C("probation officer"), C("guardian")
        self.pastor = person("RELATIVE", "M", rel="pastor")
        self.judge = C("judge")
        self.wing = f"{rng.choice(WINGS)} {pick('wing', 'Wing', 'unit', 'Unit', 'hall')}"
        self.phones = {}
        self.dates = sorted(self.t0 + days(0, 200) for _ in range(5))
        self.k = 0

    def day(self):
        self.k += 1
        return self.dates[min(self.k, 4)]

    def rel(self, but=None): return rng.choice([r for r in self.rels if r is not but] or self.rels)
    def ph(self, r): return S(self.phones.setdefault(id(r), phone()), "PHONE")
    def A(self):
        return P(S(str(self.age), "AGE") if self.age > 89 else str(self.age), pick(" yo ", "yo ", " y/o ", "-year-old ", " yr old ")) + P(pick(
            "M" if self.sex == "M" else "F", ("man" if self.sex == "M" else "woman") if not self.child else ("boy" if self.sex == "M" else "girl")))
    def ptn(self): return nm(self.pt, pick("fl", "lf", "FL", "t", "fl"))
    def home(self): return P(L(self.addr), self.apt, ", ", L(self.town), *([" ", S(self.zip, "LOCATION")] if chance(0.4) else []))


# ---------------------------------------------------------------- genres


SHORTHAND = pool("""f/u w/ {doc} @ {fac} {d} | pt's {rab} {rel} called re: refill @ {pharm} on {street} | seen by {doc} ({fac}) {d},
    notes in chart | {rab} {rel} to bring pt to {fac} {d} | labs @ {lab} {d}, results to {doc} | {rel} asks that {fac} fax notes to {pharm}""")


def shorthand(w: World, d: dt.date) -> list:
    r = w.rel()
    return R(rng.choice(SHORTHAND), doc=lambda: doc(pick(w.spec, w.pcp), pick("dr", "dr", "DR", "l")), rab=r.ab, rel=lambda: nm(r, pick("f_", "f", "F")),
             fac=lambda: F(pick(w.spec_fac, w.hosp, w.pcp_fac), pick("lower", "short", "init")), d=lambda: D(d + days(3, 40), pick("md", "dash", "mon_l")),
             pharm=lambda: F(w.pharm, pick("lower", "short")), street=lambda: L(w.street2, pick("lower", "as")), lab=lambda: F(w.lab, pick("lower", "short")))


def email(p: Person) -> str:
    return f"{p.first.lower()}{pick('.', '_', '')}{re.sub('[^a-z]', '', p.last.lower())}{rng.randint(1, 99)}@{pick('gmail.com', 'yahoo.com', 'aol.com', 'hotmail.com')}"


def g_pcp_visit(w: World):
    d, r = w.day(), w.rel()
    social = P("SOCIAL: lives ", pick("w/ ", "with "), rel_ref(r), " in ", L(w.town), *([" (", L(w.county), ")"] if chance(0.4) else []), ". ",
               pick(lambda: P("works at ", F(w.emp, pick("formal", "short")), " in ", L(w.wtown)), lambda: P("retired from ", F(w.emp, "formal")),
                    lambda: P("goes to ", F(w.adh, "formal"), " MWF"), lambda: P("attends ", F(w.church, "formal"), "; ", pick("Pastor ", "Rev. "), nm(w.pastor, "l"), " visits"))(),
               ". ", pick("never smoker", "quit smoking ", "former smoker"), *([Y(d.year - rng.randint(2, 30))] if chance(0.3) else []), ". Pharmacy: ",
               F(w.pharm, "short"), pick(" on ", " - "), L(w.street2), ".\n")
    if w.child:
        social = P("SOCIAL: lives w/ ", rel_ref(w.rels[0]), " and ", rel_ref(w.rels[2]), " in ", L(w.town), ". ", pick("grade ", "gr "), str(rng.randint(1, 10)),
                   " at ", F(w.school, "formal"), ". Teacher ", nm(w.teacher, pick("t", "fl")), pick(" reports trouble focusing.", " sent a note.", "."), "\n")
    out = P(pick("Primary Care Visit", "PCP OFFICE NOTE", "office visit", "Annual exam"), " - ", F(w.pcp_fac, pick("formal", "init")), "  ", D(d, pick("full", "md", "mdy")), "\n",
            "Pt: ", w.ptn(), "  DOB ", D(d.replace(year=d.year - w.age) - days(1, 300), pick("full", "mdy")), "  MRN ", S(w.mrn, "ID"), "\n",
            "S: ", w.A(), f" w/ {w.prob} here for f/u, ", pick("accompanied by ", "brought in by ", "with "), rel_ref(w.rel()),
            ". last seen ", DS(d - days(40, 120)), pick(". ", " by "), *([doc(w.np), ". "] if chance(0.5) else []),
            pick(lambda: P("ED visit ", at(w.hosp), " ", dwhen(d - days(10, 30)), ", records requested. "),
                 lambda: P("seen by ", doc(w.spec), " @ ", F(w.spec_fac, pick("lower", "short", "init")), " ", DS(d - days(5, 30)), ". "),
                 lambda: P("labs @ ", F(w.lab, pick("lower", "short")), " ", DS(d - days(2, 9)), ". "))(), "\n",
            social,
            "O: ", look(3), ".\n",
            "A/P: ", pick("HTN - cont lisinopril. ", "DM - metformin 500 1 tab BID. ", "asthma - albuterol q4-6h prn. "),
            "refill sent to ", F(w.pharm, pick("short", "lower", "formal")), ". ", pick("f/u w/ ", "ref to ", "RTC after seeing "), doc(w.spec, pick("dr", "Dr", "DR")),
            " @ ", F(w.spec_fac, pick("short", "lower", "formal")), " ", DS(d + days(14, 60)), ". RTC ", pick("3 mo", "6 wks", "1 yr"), ".\n",
            "Note: ", shorthand(w, d), ".\n", sign(pick(w.pcp, w.np)), "\n")
    return out, pick(None, None, "lower")


def g_specialty_clinic(w: World):
    d = w.day()
    out = P(F(w.spec_fac, "formal"), "\n", L(f"{rng.randint(10, 999)} {w.street2}"), ", Suite ", str(rng.randint(100, 450)), ", ",
            L(w.town2), "   Tel ", PH(), "  Fax ", PH(), "\n\n")
    out += P(D(d, pick("longy", "full", "dmon")), "\n\n", pick(lambda: P(pick("Dear Dr. ", "Dear Dr "), S(w.pcp.last, "CLINICIAN")), lambda: P("Dear ", doc(w.pcp, "drfl")))(), ",\n\n",
             "I had the pleasure of seeing ", nm(w.pt, pick("t", "fl")), " (DOB ", D(d.replace(year=d.year - w.age) - days(1, 300), "full"), ") in ",
             w.spec_svc.lower(), " follow-up ", pick("today", "on " + dshape(d, "long")), pick(".", ", accompanied by "), *([rel_ref(w.rel()), "."] if chance(0.7) else []),
             f" As you know, {w.prob}. ", "Since last visit ", dwhen(d - days(60, 120)), pick(" she" if w.sex == "F" else " he", " the patient"), " was admitted to ",
             F(w.hosp, "any"), " ", drange(d - days(40, 50), d - days(30, 39)), pick(" for volume overload.", " with neutropenic fever.", " for a fall."), "\n\n",
             "Exam: ", look(2), ". Echo at ", F(w.spec_fac, pick("short", "init")), " ", DS(d - days(3, 20)), ": EF 35%.\n\n",
             "Plan: ", pick("continue carvedilol 6.25 mg BID, 1/2 tab if dizzy; ", "cycle 4 of carboplatin ", "start sevelamer; "),
             "labs at ", F(w.lab, "any"), " ", pick("in 2 weeks", "before next visit"), ". ", pick("I have asked ", "We will ask "), F(w.hh, "formal"),
             " to check weights. Return ", D(d + days(30, 90), pick("long", "md", "mon")), ".\n\n",
             "Thank you for allowing me to participate in ", pick("her", "his", "this patient's"), " care.\n\nSincerely,\n", doc(w.spec, pick("drfl", "fl")), ", ", w.spec.cred, "\n",
             "cc: ", doc(w.np, "sig"), ", ", F(w.pcp_fac, "formal"), *(["; ", F(w.dial, "formal")] if "Neph" in w.spec_svc else []), "\n")
    return out, pick(None, None, "upper")


def g_home_health_visit(w: World):
    d, r = w.day(), w.rel()
    out = P(F(w.hh, pick("formal", "upper")), " - SKILLED NURSING VISIT  ", D(d, pick("md", "full", "mdy")), f"  time in {tm()}\n",
            "Pt: ", w.ptn(), "  ", w.A(), "  Agency ID ", ID(), "\n", "Address: ", w.home(), "\n",
            pick("Referred by ", "Orders from ", "SOC ordered by "), doc(w.pcp), pick(" after d/c from ", " post "), F(w.hosp, "any"), " ", DS(d - days(3, 10)), ".\n",
            "Visit: ", look(3), ". ", pick("meds reconciled w/ ", "pillbox set up with "), rel_ref(r), "; ", bare(r),
            pick(lambda: P(" fills pillbox weekly."), lambda: P(pick(" picks up meds @ ", " gets refills from "), F(w.pharm, pick("lower", "short", "formal")), "."))(), " ",
            pick(lambda: P("walker delivered by ", F(w.dme, "formal"), " ", dwhen(d)), lambda: P("O2 from ", F(w.dme, "any"), " 2L 24/7, tanks ok"),
                 lambda: P("home safety: throw rugs removed, grab bars installed by ", bare(r)))(), ".\n",
            "Aide ", doc(w.aide, pick("fl", "first", "credl")), pick(" 3x/wk", " M/W/F"), "; next SN visit ", dwhen(d + days(2, 7)), ".\n",
            "Called ", doc(w.pcp, pick("dr", "Dr")), pick("'s office", " office"), " ", PH(), " ", ext(), " re: ", pick("BP 158/92", "wt gain 3 lb", "new wound"), ".\n",
            sign(w.vn), "\n")
    return out, pick(None, "upper", "lower")


def g_hospice_note(w: World):
    d, r = w.day(), w.rel()
    out = P(pick("HOSPICE RN VISIT", "Hospice Interdisciplinary Note", "hospice visit"), " - ", F(w.hospice, pick("formal", "short", "init")), "  ", D(d, pick("md", "full", "long")), "\n",
            "Pt: ", w.ptn(), "  ", w.A(), f"  dx {w.prob}\n", "Location of care: ", pick(lambda: P("home, ", w.home()),
            lambda: P(at(w.snf, ("", "at ")), ", ", w.wing, " rm ", str(rng.randint(100, 240))), lambda: P(F(w.hospice, "short"), " inpatient unit"))(), "\n",
            "Election of benefit ", DS(d - days(5, 40)), "; attending ", doc(w.pcp, pick("Dr", "drfl")), ". Medical director ", doc(w.spec, "Dr"), ".\n",
            "Present: ", rel_ref(r), ", ", rel_ref(w.rel(but=r)), *([", ", pick("Pastor ", "Fr. "), nm(w.pastor, pick("l", "fl")), " from ", F(w.church, "any")] if chance(0.5) else []), ".\n",
            "Comfort: morphine 5 mg SL q2h prn, pain 2/10. ", bare(r), pick(" is the primary caregiver, ", " says "), pick("tired but coping.", "\"we are ok for now.\"", "asked re: respite at the hospice house."), "\n",
            "Bereavement risk: ", pick("high", "moderate"), "; ", bare(w.rel()), " lives in ", L(w.town2), ". Chaplain ", doc(w.sw, pick("fl", "l")), pick(" to visit ", " f/u "), dwhen(d + days(1, 5)), ".\n",
            "On-call ", PH(), ". ", sign(pick(w.vn, w.np)), "\n")
    return out, pick(None, "upper", "lower")


def g_telehealth_visit(w: World):
    d, r = w.day(), w.rel()
    out = P(pick("TELEHEALTH VISIT", "Video visit", "Telephone encounter (audio only)"), "  ", D(d, pick("md", "full", "mon")), "\n",
            "Provider: ", doc(pick(w.np, w.pcp, w.spec), pick("fl", "sig", "Dr", "credl")), pick(" at ", ", located at "), F(pick(w.pcp_fac, w.spec_fac), "formal"), "\n",
            "Patient location: ", pick(lambda: P("home in ", L(w.town)), lambda: P("car in parking lot at ", F(w.emp, pick("formal", "short")), ", ", L(w.wtown)),
                                       lambda: P(at(w.snf, ("", "room at ")), " (", w.wing, ")"), lambda: P("library in ", L(w.town2)))(), ". Consent verbal.\n",
            pick("Pt joined with ", "Also on call: ", "Assisted by "), rel_ref(r), " ", w.ph(r), ".\n",
            f"CC: {w.prob} f/u. ", pick("reports home BP 132/84, 128/76.", "pain 4/10, using 1/2 tab at night.", "no sz since "),
            *([DS(d - days(20, 60))] if chance(0.4) else []), " Missed visit ", DS(d - days(7, 30)), pick(" - no ride from ", " (transport no-show, "), F(w.trans, "any"), pick(".", ")."), "\n",
            "Plan: labs at ", F(w.lab, pick("short", "lower")), pick(" on ", " near "), L(w.street2), " ", dwhen(d + days(3, 10)), "; rx to ", F(w.pharm, "any"), ". ",
            "Next video visit ", D(d + days(20, 40), pick("md", "mdy", "long")), ".\n", "Total time 22 min. ", sign(pick(w.np, w.pcp)), "\n")
    return out, pick(None, "lower")


TYPOS = [("the ", "teh "), ("appointment", "appt"), ("tomorrow", "tmrw"), ("please", "pls"), ("because", "bc"), ("receive", "recieve")]


def g_portal_message(w: World):
    d = w.day()
    by_rel = chance(0.6) or w.child
    r = w.rels[0] if w.child else w.rel()
    hi = pick(lambda: pick("hi ", "hello ", ""), lambda: P(pick("dr ", "hi dr ", "Dr "), S(w.pcp.last.lower(), "CLINICIAN"), pick(", ", " ")))()
    body = pick(
        lambda: P(*(["this is ", bare(r) if chance(0.5) else nm(r, "fll"), ", writing for ", nm(w.pt, pick("f_", "fll")), ". ", pick("she", "he", "they")] if by_rel else ["i"]),
                  " ", pick("ran out of water pills", "fell again last night", "had a fever since sunday"),
                  ". pls send refill to the ", F(w.pharm, pick("lower", "short")), " on ", L(w.street2, "lower"), " bc the one in ", L(w.town, "lower"), " closed. "),
        lambda: P("we got a bill from ", F(w.lab, pick("lower", "short")), " for the labs on ", D(d - days(5, 20), pick("md", "mon_l", "dash")),
                  " but i thought the insurance covered it?? member id ", ID(), ". "),
        lambda: P("can i move my appt from ", D(d + days(2, 6), pick("md", "dash")), " to ", D(d + days(8, 14), pick("md", "mon_l")),
                  "? ", pick("my ride from ", "the van from "), F(w.trans, pick("lower", "short")), " cant come that day. "),
        lambda: P("the nurse from ", F(w.hh, pick("lower", "short")), " (", nm(w.vn, pick("f_", "f")), ") said to message you about the swelling. ",
                  "also ", bare(w.rel()), " wants to know if the ", F(w.dme, pick("lower", "short")), " walker is covered. "))
    out = P(pick("Portal message", "MyChart msg", "PATIENT MESSAGE"), "  rec'd ", D(d, pick("full", "md")), f" {tm()}\n",
            "From: ", nm(r, "fl") if by_rel else nm(w.pt, "fl"), pick(" (proxy)", "") if by_rel else "",
            *([" <", S(email(r if by_rel else w.pt), "EMAIL"), ">"] if chance(0.5) else []), "  To: ", doc(pick(w.pcp, w.np), pick("fl", "Dr")), "\n\n",
            hi, body(), pick("thank you", "thx", "thanks so much", "ty"), "\n", pick("-- ", "- ", "~"), bare(r) if by_rel else nm(w.pt, pick("f", "f_", "fl")),
            *(["\n", w.ph(r) if by_rel else PH()] if chance(0.4) else []), "\n\n",
            "Reply ", D(d + days(0, 1), "md"), ": ", pick("refill sent. ", "appt moved. ", "called and left vm. "), sign(pick(w.np, w.vn)), "\n")
    for a, b in TYPOS:
        if chance(0.4):
            out = [(t.replace(a, b) if y is None else t, y) for t, y in out]
    return out, pick(None, None, "lower")


def g_care_coordination(w: World):
    d = w.day()
    calls = [lambda: P("called ", F(w.ins, pick("formal", "upper")), " ", PH(), pick(" opt 3", ""), ", spoke w/ ", nm(w.rep, pick("f", "fl")), " (ref #", ID(), ") re: auth for ",
                       pick("home O2", "hospital bed", "CPAP supplies"), "; member ID ", S(w.member, "ID"), ". approved ", drange(d, d + days(60, 180))),
             lambda: P("spoke w/ ", F(w.dme, "any"), " - ", nm(w.dme_rep, pick("f", "fl")), " ", PH(), " ", ext(), "; delivery ", dwhen(d + days(1, 4)), " to ", L(w.addr)),
             lambda: P("pharmacist ", doc(w.rph, pick("fl", "first", "l")), " @ ", F(w.pharm, pick("short", "lower")), " ", L(w.town), " - PA needed for apixaban, faxed to ", PH()),
             lambda: P("booked ", F(w.trans, "any"), " ", pick("w/c van", "ambulette", "ride"), " for ", DS(d + days(2, 9)), f" pickup {tm()} from ", w.home(), ", conf #", ID()),
             lambda: P("intake at ", F(w.adh, pick("formal", "short")), " (", nm(w.friend if chance(0.2) else w.caseworker, "f"), ") - start ", dwhen(d + days(5, 15)), " Tues/Thurs"),
             lambda: P("insurer nurse CM ", doc(w.ins_rn, pick("fl", "credl")), " ", PH(), " ", ext(), " will follow; next call ", D(d + days(20, 30), pick("md", "mon"))),
             lambda: P("lvm for ", rel_ref(w.rel()), " ", w.ph(w.rels[0]), " re: ", pick("bed delivery", "meds", "the ride")),
             lambda: P("faxed orders to ", F(w.hh, "formal"), " fax ", PH(), "; SOC ", DS(d + days(1, 3)))]
    out = P(pick("CARE COORDINATION NOTE", "Care Mgmt phone log", "CM call log"), "  ", DS(d), "\n", "re: ", w.ptn(), "  ", w.A(), "  MRN ", S(w.mrn, "ID"), "\n")
    for c in rng.sample(calls, rng.randint(4, 6)):
        out += P(pick("- ", "* ", f"{tm()} "), c(), ".\n")
    out += P(sign(pick(w.sw, w.ins_rn)), "\n")
    return out, pick(None, "lower", "upper")


def g_dialysis_unit_note(w: World):
    d = w.day()
    unit = F(w.dial, pick("formal", "short", "short"))
    unit = up(unit) if chance(0.3) else unit
    out = P(unit, " - HD TREATMENT NOTE  ", dwhen(d) if chance(0.4) else DS(d), "\n",
            "Pt: ", w.ptn(), "  ", w.A(), f"  chair {rng.randint(1, 24)}, {pick('1st', '2nd', '3rd')} shift MWF ({pick('0530', '1030', '1500')})\n",
            "Nephrologist: ", doc(w.dial_md, pick("Dr", "dr", "drfl")), " (rounds ", pick("Mon", "Wed"), "). Access: L AVF, ", pick("bruit/thrill +", "2/2 needles ok", "prolonged bleeding"), ".\n",
            "Pre: ", look(2), f"; EDW {rng.randint(55, 110)}.0 kg; UF goal 2.5L. Post BP 118/70.\n",
            pick(lambda: P("missed tx ", DS(d - days(2, 9)), " - no ride, ", F(w.trans, "any"), " late; SW ", doc(w.sw, pick("fl", "l")), " to call ", rel_ref(w.rel()), ". "),
                 lambda: P("travel tx request: visiting ", bare(w.rel()), " in ", L(w.town2), " ", drange(d, d + days(5, 12)), ". "),
                 lambda: P("sent ", at(w.hosp, ("to ", "@ "), pick("lower", "short", "init")), " ED ", DS(d - days(3, 12)), " for clotted access, declot by IR. "))(),
            "Labs drawn for ", F(w.lab, "any"), pick(" monthly", ""), ". Tx by ", doc(w.tech, pick("fl", "first", "credl")), "; ", sign(w.vn), "\n")
    return out, pick(None, "upper", "lower")


def g_nursing_home_progress(w: World):
    d, r = w.day(), w.rel()
    out = P(F(w.snf, pick("formal", "upper")), "\n", pick("Nursing Progress Note", "MONTHLY SUMMARY", "Physician Progress Note"), "  ", D(d, pick("md", "full", "dmon")), "\n",
            "Resident: ", w.ptn(), "  ", w.A(), "  ", w.wing, ", rm ", str(rng.randint(100, 250)), pick("A", "B", ""), "\n",
            pick("Admitted ", "Readmitted "), DS(d - days(20, 200)), " ", at(w.hosp, ("from ", "@ ")), pick(" after fall.", " for rehab, now LTC.", "."), " Attending ", doc(w.snf_md, pick("Dr", "dr", "DR")), ".\n",
            look(3), ". Eating 50-75% in dining room. Attends activities on ", w.wing.split()[0], pick(" hall", " side"), ".\n",
            "Family: ", rel_ref(r), " visits ", pick("Sundays", "daily after work", "2x/wk"), "; ", bare(r), pick(" asked about moving to ", " prefers "),
            pick(lambda: P("assisted living at ", F(w.adh, "any")), lambda: P(F(w.hospice, "formal"), " if decline"), lambda: P("a place closer to ", L(w.town2)))(), ". ",
            *([rel_ref(w.friend), " from ", F(w.church, "any"), " brings communion. "] if chance(0.5) else []), "\n",
            "Meds from ", F(w.pharm, "any"), " (LTC pharmacy). Podiatry ", DS(d + days(5, 20)), "; ", pick("dental", "audiology"), " ", dwhen(d + days(20, 40)), ".\n",
            sign(pick(w.vn, w.snf_md, w.np)), "\n")
    return out, pick(None, "upper", None)


def g_community_health_worker(w: World):
    d = w.day()
    items = [lambda: P("housing: on waitlist @ ", F(w.housing, "any"), ", caseworker ", nm(w.caseworker, pick("fl", "t", "f")), " ", PH(), " ", ext(), "; case # ", ID()),
             lambda: P("staying at ", F(w.shelter, pick("formal", "short", "lower")), " on ", L(w.street2), " since ", DS(d - days(10, 60)), ", bed til ", DS(d + days(5, 30)),
                       "; staff ", nm(w.shelter_staff, pick("f", "fl"))),
             lambda: P("food: referred to ", F(w.pantry, "formal"), " (", F(w.church, "short"), " basement) Thurs 10-2"),
             lambda: P("employment: ", pick("laid off from ", "part time at ", "applied at "), F(w.emp, "any"), " in ", L(w.wtown), ", supervisor ", nm(w.super, pick("f", "fl", "t"))),
             lambda: P("legal: court date ", dwhen(d + days(7, 40)), " @ ", F(w.court, "any"), ", docket ", ID(pick("", "PR-", "24-")), "; guardian ", nm(w.guardian, pick("fl", "t", "fll")), " appointed ", DS(d - days(30, 300))),
             lambda: P("son released from ", F(w.jail, "any"), " ", DS(d - days(3, 30)), "; PO ", nm(w.po, pick("fl", "t", "l")), " ", PH()),
             lambda: P("transport: bus pass from ", F(w.housing, "short"), "; rides ", at(w.dial if not w.child else w.spec_fac, ("to ", "@ ")), " via ", F(w.trans, "any")),
             lambda: P("benefits: SNAP renewal due ", D(d + days(10, 40), pick("md", "mon", "dmon")), ", Medicaid ID ", S(w.member, "ID")),
             lambda: P("church: ", pick("Pastor ", "Rev. ", "Sister "), nm(w.pastor, pick("l", "fl")), " at ", F(w.church, "any"), " helps w/ rides")]
    if w.child:
        items.append(lambda: P("school: ", F(w.school, "any"), " - ", nm(w.teacher, "t"), " reports ", str(rng.randint(5, 19)), " absences since ", DS(d - days(40, 90))))
    out = P(pick("COMMUNITY HEALTH WORKER NOTE", "CHW home visit", "chw outreach"), "  ", DS(d), "\n", "Client: ", w.ptn(), "  ", w.A(), "\n",
            pick("Met at ", "Visit at "), pick(lambda: w.home(), lambda: P(F(w.shelter, "any")), lambda: P(F(w.pantry, "short"), " in ", L(w.town)))(),
            ". Also present: ", rel_ref(w.rel()), ".\n")
    for it in rng.sample(items, rng.randint(4, 6)):
        out += P("- ", it(), ".\n")
    out += P("- ", shorthand(w, d), ".\n") if chance(0.5) else []
    out += P("Next: ", dwhen(d + days(7, 21)), ". ", sign(w.chw), pick("", "  cell "), *([PH()] if chance(0.4) else []), "\n")
    return out, pick(None, "lower", "lower", "upper")


def g_occupational_health(w: World):
    d = w.day()
    out = P(pick("OCCUPATIONAL HEALTH", "Employee Health Visit", "Occ Med - work injury"), "  ", D(d, pick("md", "full", "mdy")), "\n",
            "Employee: ", w.ptn(), "  Employer: ", F(w.emp, "formal"), *([" (", F(w.emp, "init"), ")"] if w.emp.init and chance(0.5) else []), ", ", L(w.wtown), " site\n",
            "Claim # ", ID(pick("WC-", "", "C")), "  DOI ", D(d - days(2, 20), pick("md", "mdy", "full")), "\n",
            "Hx: ", pick("lifting pallet at the ", "slipped on ice at the ", "forklift backed into pt at the "), L(w.wtown), pick(" warehouse", " plant", " yard"),
            pick("; seen that day at ", "; first seen at "), F(w.hosp, "any"), " ER. Supervisor ", nm(w.super, pick("fl", "t", "f")), " ", PH(), " ", ext(), " witnessed.\n",
            "Exam: ", look(2), "; grip 4/5 R.\n",
            "Work status: ", pick("modified duty, no lifting > 10 lb", "off work", "full duty"), " ", drange(d, d + days(7, 21)), ". Form faxed to HR (", nm(w.hr, pick("fl", "f")), ") fax ", PH(), ".\n",
            "PT at ", F(pick(w.pcp_fac, w.spec_fac), "any"), " 2x/wk. Recheck ", dwhen(d + days(7, 14)), ". ", sign(w.ohn), "\n")
    return out, pick(None, "upper", None)


def g_school_nurse_letter(w: World):
    d, par = w.day(), w.rels[0]
    out = P(F(w.school, "formal"), pick(" - Health Office", " Nurse's Office", ""), "\n", L(f"{rng.randint(10, 900)} {w.street2}"), ", ", L(w.town), "  ", PH(), "\n\n",
            D(d, pick("longy", "md", "dmon")), "\n\n", pick("Dear ", "To "), pick(lambda: P(nm(par, "t")), lambda: P(nm(par, "fl")), lambda: P(S(par.first, "RELATIVE")))(), ",\n\n",
            "Your ", pick("son", "daughter", "child"), " ", nm(w.pt, pick("f", "fl")), pick(" (grade ", " (gr "), str(rng.randint(1, 10)), ", ", pick("Mr. ", "Ms. ", "Mrs. "), S(w.teacher.last, "RELATIVE"), "'s class) ",
            pick("came to the health office today", "was seen in the nurse's office "), pick(" with wheezing.", " with a low blood sugar (52).", " after a fall in gym.", " with a headache."), " ",
            "Coach ", nm(w.coach, pick("f", "l", "fl")), pick(" brought the student in. ", " called me. "), f"Per the {w.prob} plan on file from ", doc(w.pcp, pick("Dr", "drfl")),
            " at ", F(w.pcp_fac, "any"), " (signed ", DS(d - days(30, 200)), "), ", pick("albuterol 2 puffs given", "15 g juice given", "ice applied"), ".\n\n",
            "Please bring an updated form before ", D(d + days(7, 30), pick("long", "md", "mon")), pick(" or the field trip to ", " and before the trip to "),
            L(w.town2), ". ", nm(w.principal, "t"), " (principal) asked me to remind families that meds stay in the office.\n\n",
            "Sincerely,\n", doc(w.snurse, pick("sig", "fl")), ", School Nurse\n", PH(), " ", ext(), "\n")
    return out, pick(None, None, "upper")


GENS = {g: globals()[f"g_{g}"] for g in GENRES}


# ---------------------------------------------------------------- checks and the split


def check_every_mention(row: dict, case: str | None) -> None:
    """Every occurrence of a labelled name or place (and of each word of a person's name) lies inside a span; a name that
    is an English word is looked for only capitalised, in a note not written wholly in one case."""
    text, spans = row["text"], row["spans"]
    needles = set()
    for s in spans:
        if s["type"] in ("PATIENT", "CLINICIAN", "RELATIVE"):
            needles |= {s["text"]} | {t for t in s["text"].split() if len(t) > 2 and not t.endswith(".")}
        elif s["type"] in ("FACILITY", "LOCATION"):
            needles.add(s["text"])
    for n in needles:
        eng = n.lower() in ENGLISH_SET
        if eng and (case or not n[:1].isupper()):
            continue
        pat = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, n.split())) + r"(?![A-Za-z0-9])"
        for m in re.finditer(pat, text, 0 if eng else re.IGNORECASE):
            if eng and re.search(r"(^|\n|[.:] )$", text[max(0, m.start() - 2): m.start()]):
                continue  # "Will follow." opening a sentence is the word
            assert any(s["start"] <= m.start() and m.end() <= s["end"] for s in spans), \
                (row["id"], n, text[max(0, m.start() - 60): m.end() + 60])


def plan(worlds: list[World]) -> list[list[str]]:
    """3-4 genres a patient, each genre near-equally often: the least used allowed genres first, ties at random."""
    used, out = Counter(), []
    counts = [3] * 26 + [4] * 34
    rng.shuffle(counts)
    for w, n in zip(worlds, counts):
        allowed = list(CHILD_GENRES if w.child else [g for g in GENRES if g != "school_nurse_letter"])
        if w.child:
            allowed.remove("school_nurse_letter")
        rng.shuffle(allowed)
        gs = (["school_nurse_letter"] if w.child else []) + sorted(allowed, key=lambda g: used[g])[: n - w.child]
        used.update(gs)
        out.append(gs)
    return out


def main() -> None:
    kids = [True] * 14 + [False] * 46
    rng.shuffle(kids)
    worlds = [World(i, c) for i, c in enumerate(kids, 1)]
    rows, k = [], 0
    for w, genres in zip(worlds, plan(worlds)):
        rng.shuffle(genres)
        for g in genres:
            segs, case = GENS[g](w)
            text, spans = assemble(segs, case)
            k += 1
            row = {"id": f"dev11-{k:04d}", "patient": w.pid, "genre": g, "text": text, "spans": spans}
            check_spans(row)
            check_every_mention(row, case)
            rows.append(row)
    assert len({r["text"] for r in rows}) == len(rows) >= 200
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    types = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{len(rows)} notes, {len(worlds)} patients -> {OUT.name}")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", dict(sorted(types.items())), "total", sum(types.values()))


if __name__ == "__main__":
    main()
