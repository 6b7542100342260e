"""Dev9, written blind to the de-identifier's rules (its code, word lists, results and other splits' tests unread): the
documents AROUND a hospital stay, where outside facilities, places and dates appear in shapes the other splits lack.
Genres: fax_cover (cover sheets, referral faxes), prior_auth (prior-authorisation requests and appeals), radiology_report
(performing site, comparisons and outside films), pathology_report (outside consult cases, referring labs, accessions),
operative_report (assistants, transfers, implants), ob_prenatal (prenatal clinic, birthing centre, midwife, prior
deliveries, EDD, father of baby), peds_well_child (daycare, school, foster agency, WIC, parents and grandparents,
immunisations), psych_eval (group homes, jails, courts, shelters, prior admissions, probation officers, case workers),
ems_run_sheet (incident address, cross streets, mile markers, receiving facility), immunization_record (clinics,
pharmacies, lot numbers, dates in every shape), death_note (pronouncement, funeral home, medical examiner, family called),
va_military (VA medical centres, CBOCs, bases, deployments), travel_history (US towns and counties, parks, campgrounds;
states and countries) and dental (practices, oral surgeons). 60 patients, 3-4 notes each, sharing that patient's
people and places. Layouts: letterheads, "Name:/DOB:/MRN:" headers, prose, pipe tables, numbered lists; some notes wholly in
capitals or wholly in lower-case shorthand; some hard-wrapped at 66-76 columns so a name may break across a line.
Everything is synthetic: faker names in several locales folded to ASCII, towns from syllables, facilities from surnames,
towns, saints and words.

Labelling conventions (dev6/dev8's). FACILITY: the institution's proper name as written with its kind words; a leading
"the", a possessive "'s", parentheses and any department or unit outside; initials in any case a span of their own; bare
names, pharmacies, labs, imaging centres, ambulance agencies, funeral homes, medical examiner offices, courts, jails,
group homes, shelters, daycares, schools, WIC offices, VA clinics, military bases and forward operating bases are
FACILITY; payers, device makers, vaccine makers and couriers are not labelled. LOCATION: street with house number, each
street of an intersection, town, county ("X County"), ZIP each a span; states and countries unlabelled.
CLINICIAN/PATIENT/RELATIVE: the name only; "Last, First" two spans. Midwives, paramedics, dentists, pharmacists and medical
examiners are CLINICIAN; every other non-patient person (family, father of baby, foster parents, probation officers, case
workers, funeral directors, teachers) is RELATIVE. DATE: every day-level date in any shape ("3/4", "4-Mar-21",
"4th of March", "3.4.21", "20210304"), a range two spans, "the" outside "the 4th", weekday outside; times unlabelled; a
bare year is YEAR. AGE: over 89 only, the number alone. PHONE: phone, fax and pager digits. EMAIL: addresses. ID: MRN,
member, claim, authorisation, accession, outside case, ME case, referral and device serial numbers, SSN fragments.
Unlabelled look-alikes: lot numbers, CPT/ICD codes, unit numbers ("Medic 12"), mile markers, tooth numbers, military
units, scores ("4/5", "3+4=7"), doses ("5/325"), BP, vision "20/20", vent settings, eponyms, drugs, devices.
Run: .venv/bin/python -m tests.deid_corpus.make_dev9
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

from tests.deid_corpus.segments import P, S, assemble, fold
from tests.deid_corpus.segments import check as check_spans

SEED = 90909
OUT = Path(__file__).resolve().parent / "dev9.jsonl"
rng = random.Random(SEED)
Faker.seed(SEED)
LOCALES = ("en_US", "en_US", "en_US", "en_GB", "en_IE", "de_DE", "pl_PL", "es_MX", "it_IT", "fr_FR", "nl_NL", "pt_BR",
           "tr_TR", "vi_VN", "en_IN", "yo_NG", "fi_FI", "hu_HU")
FK = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FK)):
    FK[_loc].seed_instance(SEED + _i)

SAINTS = ("Agnes Brigid Jude Anselm Vincent Clare Raphael Bernadette Columba Hilda Ambrose Cecilia Monica Benedict "
          "Gertrude Kilian Casimir Hedwig Ignatius Boniface Aidan Finbar Wenceslas Perpetua Leocadia Odile").split()
SOURCE = Path(__file__).read_text(encoding="utf-8")
WORDS = {w.lower() for w in re.findall(r"[A-Za-z]+", SOURCE)} - {s.lower() for s in SAINTS}
ABBR = set(re.findall(r"\b[A-Z]{2,6}\b", SOURCE))
SYL1 = ("Ash Bram Cal Dun Fair Glen Hol Kes Lark Mar Nor Pine Red Sil Thorn Wil Ster Ell Hart Cold Stan Wex Dor Bel Carr "
        "Hal Lyn Pen Rad Tam Quen Alder Birk Cran Fen Gris Hux Lock Mor Ox Rams Tud Vern Wyn Ebb Gort Pell Skel").split()
SYL2 = "ford ton field wood ridge haven dale by mont ville port wick burg stead mouth crest bury ley worth gate hurst".split()
PRE = ("Bay Lake River Hill Green Stone Bright Silver North West Ever Maple Brook Fair Lark Pine Sea Cobble Fox Sunny Oak "
       "King Copper East Willow Clear High Heron Cedar Spring Glen Meadow Harbor Summit Valley Elder Wren Falcon").split()
POST = "view side crest field brook gate mere wood haven ridge stone hollow dale light water spur hurst land".split()
TREES = "Elm Oak Maple Birch Cedar Walnut Chestnut Spruce Willow Hickory Sycamore Laurel Poplar Juniper Locust".split()
SUFS = "St St Street Ave Avenue Rd Road Ln Dr Blvd Way Ct Pl Pike Terrace".split()
STATES = "MA NY CT PA OH NJ MI WI OR NC VT NH RI MD ME".split()
STATE_NAMES = "Vermont Ohio Maine Georgia Florida Arizona Colorado Texas Montana Virginia Tennessee".split()
COUNTRIES = "Guatemala India Nigeria Mexico Peru Vietnam Kenya Brazil Haiti Ghana Honduras Thailand Portugal".split()
PAYERS = ("Aetna", "UnitedHealthcare", "Blue Cross Blue Shield", "Cigna", "Humana", "Tufts Health Plan", "MassHealth", "Medicare Advantage (Humana)")
MON = "January February March April May June July August September October November December".split()
USED: set[str] = set()



def pick(*xs): return rng.choice(xs)
def chance(p): return rng.random() < p
def days(a, b): return dt.timedelta(days=rng.randint(a, b))


def uniq(make):
    for _ in range(500):
        if (v := make()) not in USED:
            USED.add(v)
            return v
    raise RuntimeError("name pool exhausted")


NAME_RE = re.compile(r"[A-Z][a-z]*(?:['-]?[A-Z][a-z]+)*")


def faker_name(kind: str, sex: str | None = None) -> str:
    f = FK[rng.choice(LOCALES)]
    while True:
        n = fold(f.last_name() if kind == "last" else f.first_name_male() if sex == "M" else f.first_name_female())
        if NAME_RE.fullmatch(n) and len(n) > 2 and n.lower() not in WORDS:
            return n


def surname(): return uniq(lambda: faker_name("last"))
def placeword(): return uniq(lambda: rng.choice(PRE) + rng.choice(POST))
def town(): return uniq(lambda: rng.choice(SYL1) + rng.choice(SYL2))
def ordinal(n): return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
def street_name(): return f"{rng.choice((lambda: rng.choice(TREES), surname, lambda: ordinal(rng.randint(2, 40)), placeword))()} {rng.choice(SUFS)}"
def street(): return f"{rng.randint(2, 9800)} {street_name()}"
def phone(): return pick("{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}", "{a} {b} {c}").format(a=rng.randint(201, 989), b=rng.randint(201, 989), c=f"{rng.randint(0, 9999):04d}")
def zipc(): return f"{rng.randint(1001, 99950):05d}" + (f"-{rng.randint(1, 9999):04d}" if chance(0.15) else "")
def tm(): return pick(f"{rng.randint(0, 18):02d}{rng.randint(0, 59):02d}", f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {pick('am', 'pm', 'AM', 'PM')}")
def num(n): return str(rng.randint(10 ** (n - 1), 10 ** n - 1))


# ---------------------------------------------------------------- dates in every shape

SHAPES = ("md", "us", "us2", "dmy", "dmy4", "long", "nth", "ofm", "iso", "dot", "abbr", "uk", "mil", "compact", "dots4")


def dfmt(d: dt.date, style: str | None = None) -> str:
    style = style or rng.choice(SHAPES)
    m = MON[d.month - 1]
    return {"md": f"{d.month}/{d.day}", "us": f"{d.month:02d}/{d.day:02d}/{d.year}", "us2": f"{d.month}/{d.day}/{d.year % 100:02d}",
            "dmy": f"{d.day}-{m[:3]}-{d.year % 100:02d}", "dmy4": f"{d.day:02d}-{m[:3]}-{d.year}", "long": f"{m} {d.day}, {d.year}",
            "nth": f"{m} {ordinal(d.day)}", "ofm": f"{ordinal(d.day)} of {m}", "iso": d.isoformat(), "dot": f"{d.month}.{d.day}.{d.year % 100:02d}",
            "abbr": f"{m[:3]} {d.day}", "uk": f"{d.day} {m} {d.year}", "mil": f"{d.day:02d}{m[:3].upper()}{d.year}",
            "compact": f"{d.year}{d.month:02d}{d.day:02d}", "dots4": f"{d.month:02d}.{d.day:02d}.{d.year}"}[style]


def D(d, style=None): return S(dfmt(d, style), "DATE")
def DF(d): return D(d, pick("us", "us2", "iso", "long", "dmy4", "uk", "mil", "dots4"))  # a shape with its year
def Y(y): return S(str(y), "YEAR")


def DR(a, b) -> list:
    """A range: two spans."""
    st = pick("md", "md", "abbr", "us")
    return P(D(a, st), pick("-", " - ", " to ", "--"), D(b, st if st != "abbr" else pick("abbr", "md")))


def the_nth(d): return P("the ", S(ordinal(d.day), "DATE"))


# ---------------------------------------------------------------- people


@dataclass
class Person:
    first: str
    last: str
    typ: str
    sex: str = "F"
    cred: str = ""
    rel: str = ""


def person(typ, sex=None, cred="", rel="", last=None) -> Person:
    sex = sex or pick("F", "M")
    return Person(faker_name("first", sex), last or surname(), typ, sex, cred, rel)


def nm(p: Person, form="fl") -> list:
    t = p.typ
    ttl = ("Dr." if p.cred in ("MD", "DO", "DDS", "DMD", "PhD") else None) if t == "CLINICIAN" else ("Mr." if p.sex == "M" else pick("Ms.", "Mrs."))
    if form in ("t", "T", "tl") and not ttl:
        form = "fl"
    return {"fl": lambda: S(f"{p.first} {p.last}", t), "lf": lambda: S(p.last, t) + S(", ") + S(p.first, t),
            "LF": lambda: S(p.last.upper(), t) + S(", ") + S(p.first.upper(), t), "l": lambda: S(p.last, t),
            "f": lambda: S(p.first, t), "il": lambda: S(f"{p.first[0]}. {p.last}", t), "t": lambda: S(ttl + " ") + S(p.last, t),
            "T": lambda: S(ttl.upper() + " ") + S(p.last.upper(), t), "tl": lambda: S(ttl.lower() + " ") + S(p.last.lower(), t),
            "sig": lambda: S(f"{p.first} {p.last}", t) + S(", " + p.cred if p.cred else ""),
            "FL": lambda: S(f"{p.first} {p.last}".upper(), t)}[form]()


def doc(p, *forms): return nm(p, rng.choice(forms or ("t", "t", "fl", "sig", "il")))


# ---------------------------------------------------------------- places


@dataclass
class Fac:
    formal: str
    shorts: list = field(default_factory=list)
    init: str | None = None
    poss: str | None = None


def ini(words: str):
    i = "".join(w[0] for w in words.split() if w[0].isupper())
    if len(i) < 3 or i in ABBR or i in USED:
        return None
    USED.add(i)
    return i


def F(f: Fac, form="any") -> list:
    if form == "poss" and f.poss:
        return S(f.poss, "FACILITY") + S("'s")
    if form == "any":
        form = pick("formal", "short", "short", "init", "lower") if f.init else pick("formal", "short", "lower")
    if form in ("init", "initl") and not f.init:
        form = "short"
    if form == "short" and not f.shorts:
        form = "formal"
    text = {"formal": f.formal, "init": f.init, "initl": (f.init or "").lower(), "upper": f.formal.upper(), "lower": f.formal.lower(),
            "short": rng.choice(f.shorts) if f.shorts else f.formal, "poss": f.formal}[form]
    return S(text, "FACILITY")


def fac(formal, *shorts, poss=None, initials=True) -> Fac:
    return Fac(formal, list(shorts), ini(formal) if initials else None, poss)


def hospital() -> Fac:
    k = rng.randrange(6)
    if k == 0 and len(USED & set(SAINTS)) < len(SAINTS) - 2:
        s = uniq(lambda: rng.choice(SAINTS))
        return fac(f"Saint {s} {pick('Regional Medical Center', 'Hospital', 'Medical Center')}", f"St. {s}", f"St {s}", f"Saint {s}",
                   poss=None if s.endswith("s") else f"St. {s}")
    if k == 1:
        t = town(); return fac(f"{t} General Hospital", f"{t} General", f"{t} Gen", t)
    if k == 2:
        s = surname(); return fac(f"{s} Memorial Hospital", f"{s} Memorial", s, poss=s)
    if k == 3:
        w = placeword(); return fac(f"{w} {pick('Hospital', 'Community Hospital')}", w, poss=w, initials=False)
    if k == 4:
        t = town(); return fac(f"University of {t} Medical Center", f"{t} University Hospital", f"U of {t}")
    s = surname(); return fac(f"{s} Medical Center", s, f"{s} place", poss=s)


def imaging() -> Fac:
    k = rng.randrange(4)
    if k == 0: t = town(); return fac(f"{t} Imaging Center", f"{t} Imaging", t)
    if k == 1: w = placeword(); return fac(f"{w} Open MRI", f"{w} MRI", initials=False)
    if k == 2: s = surname(); return fac(f"{s} Radiology Associates", f"{s} Radiology", s, poss=s)
    t = town(); return fac(f"Advanced Imaging of {t}", f"AI of {t}", t, initials=False)


def lab() -> Fac:
    k = rng.randrange(3)
    if k == 0: t = town(); return fac(f"{t} Pathology Associates", f"{t} Path", t)
    if k == 1: s = surname(); return fac(f"{s} Reference Laboratory", f"{s} Lab", s, poss=s)
    w = placeword(); return fac(f"{w} Diagnostic Laboratories", f"{w} Labs", initials=False)


def practice(spec="Family Medicine") -> Fac:
    k = rng.randrange(3)
    if k == 0: t = town(); return fac(f"{t} {spec}", f"{t} {spec.split()[0]}", poss=None)
    if k == 1: a, b = surname(), surname(); return fac(f"{a} & {b} {spec}, P.C.", f"{a} & {b}", f"{a} and {b}", initials=False)
    w = placeword(); return fac(f"{w} {spec} Associates", w, poss=w)


def pharmacy() -> Fac:
    k = rng.randrange(3)
    if k == 0: s = surname(); return fac(f"{s} Pharmacy", s, initials=False)
    if k == 1: t = town(); return fac(f"{t} Apothecary", t, initials=False)
    w = placeword(); return fac(f"{w} Drug", w, initials=False)


def named(kind) -> Fac:
    s, t, w = surname, town, placeword
    opts = {
        "group_home": [lambda: fac(f"{w()} Group Home", initials=False), lambda: (lambda x: fac(f"{x} House", x, initials=False))(s())],
        "jail": [lambda: (lambda x: fac(f"{x} County Jail", f"{x} County", initials=False))(t()), lambda: fac(f"{t()} House of Correction")],
        "court": [lambda: fac(f"{t()} District Court"), lambda: (lambda x: fac(f"{x} County Probate Court", f"{x} Probate", initials=False))(t())],
        "shelter": [lambda: fac(f"{t()} Rescue Mission", initials=False), lambda: fac(f"{w()} Family Shelter", initials=False)],
        "psych": [lambda: (lambda x: fac(f"{x} Behavioral Health Hospital", x, f"{x} BHH"))(t()), lambda: (lambda x: fac(f"{x} Psychiatric Center", x))(s()),
                  lambda: (lambda x: fac(f"{x} Pavilion", x))(w())],
        "daycare": [lambda: fac(f"Little {pick('Acorns', 'Sprouts', 'Owls', 'Lambs', 'Stars')} of {t()}", initials=False),
                    lambda: (lambda x: fac(f"{x} Child Care Center", x, initials=False))(w())],
        "school": [lambda: (lambda x: fac(f"{x} Elementary School", f"{x} Elementary", x))(s()), lambda: (lambda x: fac(f"{x} Middle School", f"{x} Middle"))(t())],
        "foster": [lambda: fac(f"{w()} Family Services", initials=False), lambda: fac(f"Children's Aid Society of {t()}", initials=True)],
        "funeral": [lambda: (lambda a, b: fac(f"{a}-{b} Funeral Home", f"{a}-{b}", a, initials=False))(s(), s()),
                    lambda: (lambda x: fac(f"{x} & Sons Funeral Chapel", x, initials=False))(s())],
        "birth": [lambda: (lambda x: fac(f"{x} Birth Center", x))(w()), lambda: fac(f"The Birthing Place at {t()}", initials=False)],
        "park": [lambda: (lambda x: fac(f"{x} State Park", x))(w()), lambda: fac(f"{w()} Campground", initials=False)],
        "ems": [lambda: fac(f"{t()} Fire Rescue"), lambda: fac(f"{w()} Ambulance", initials=False), lambda: fac(f"{t()} FD", initials=False)],
        "dental": [lambda: (lambda x: fac(f"{x} Family Dentistry", x, poss=x))(s()), lambda: (lambda x: fac(f"{x} Dental Group", f"{x} Dental", x))(w())],
        "oms": [lambda: (lambda x: fac(f"{x} Oral & Maxillofacial Surgery", f"{x} OMS", initials=False))(t())],
    }
    return rng.choice(opts[kind])()


@dataclass
class Addr:
    street: str
    town: str
    state: str
    zip: str


def addr() -> Addr: return Addr(street(), town(), rng.choice(STATES), zipc())
def A_(a: Addr, sep=", ") -> list: return P(S(a.street, "LOCATION"), sep, S(a.town, "LOCATION"), f", {a.state} ", S(a.zip, "LOCATION"))
def T(t, mode=None):
    mode = mode or pick("as", "as", "as", "upper", "lower")
    return S(t.upper() if mode == "upper" else t.lower() if mode == "lower" else t, "LOCATION")


# ---------------------------------------------------------------- a patient's world


class World:
    def __init__(self, n: int, kind: str):
        self.pid, self.kind = f"dev9-p{n:03d}", kind
        self.sex = "F" if kind == "ob" else pick("F", "M")
        self.t0 = dt.date(2019, 1, 1) + days(0, 2100)
        self.age = {"ob": rng.randint(18, 42), "peds": rng.randint(1, 14), "vet": rng.randint(26, 97)}.get(kind) \
            or (rng.randint(90, 103) if chance(0.2) else rng.randint(22, 89))
        self.dob = self.t0 - dt.timedelta(days=self.age * 365 + rng.randint(1, 360))
        self.pt = person("PATIENT", self.sex)
        self.mrn, self.member = num(rng.choice((7, 8))), pick("W", "XJH", "ZQ", "M") + num(9)
        self.addr, self.county = addr(), f"{town()} County"
        self.home, self.osh, self.osh2 = hospital(), hospital(), hospital()
        self.img, self.img2, self.lab = imaging(), imaging(), lab()
        self.pcp_prac, self.spec_prac = practice(pick("Family Medicine", "Internal Medicine", "Primary Care")), practice(pick("Orthopedics", "Gastroenterology", "Urology", "Cardiology"))
        self.pharm, self.pharm_town = pharmacy(), town()
        docs = lambda cred: person("CLINICIAN", cred=cred)
        self.pcp, self.spec, self.surg, self.asst, self.anes, self.rad, self.path = (docs(pick("MD", "DO")) for _ in range(7))
        self.pa, self.nurse = docs(pick("PA-C", "NP")), docs("RN")
        self.payer = rng.choice(PAYERS)
        rels = [("daughter", "F"), ("son", "M"), ("wife" if self.sex == "M" else "husband", "M" if self.sex == "F" else "F"),
                ("sister", "F"), ("brother", "M"), ("niece", "F")] if kind != "peds" else [("mother", "F"), ("father", "M"), ("grandmother", "F"), ("aunt", "F")]
        self.rels = [person("RELATIVE", sx, rel=r, last=self.pt.last if chance(0.5) else None) for r, sx in rng.sample(rels, 3)]
        self.email_dom = f"{placeword().lower()}{pick('health', 'md', 'care', 'med')}.{pick('org', 'com', 'net')}"


def A(w, long=False) -> list:
    """An age: an AGE span only over 89."""
    n = str(w.age)
    t = S(n, "AGE") if w.age > 89 else S(n)
    return P(t, pick("-year-old", " y/o", " yo", "-yr-old") if long or chance(0.7) else pick("F" if w.sex == "F" else "M", " y.o."))


def hdr(w, style=None) -> list:
    """The patient header: "Name: / DOB: / MRN:" in a few layouts."""
    style = style or rng.randrange(4)
    if style == 0: return P("Name: ", nm(w.pt, pick("LF", "lf")), "\nDOB: ", DF(w.dob), "\nMRN: ", S(w.mrn, "ID"), "\n")
    if style == 1: return P("PATIENT: ", nm(w.pt, "FL"), "   DOB: ", DF(w.dob), "   MRN# ", S(w.mrn, "ID"), "\n")
    if style == 2: return P("| Patient | ", nm(w.pt, "fl"), " |\n| DOB | ", DF(w.dob), " |\n| MRN | ", S(w.mrn, "ID"), " |\n")
    return P("Pt: ", nm(w.pt, pick("fl", "lf")), " (", DF(w.dob), ")  #", S(w.mrn, "ID"), "\n")


def letterhead(f: Fac, a: Addr | None = None) -> list:
    a = a or addr()
    return P(F(f, pick("formal", "upper")), "\n", A_(a, pick(", ", "\n")), "\n", pick("Tel ", "Phone: ", "P: "), S(phone(), "PHONE"),
             pick("  Fax ", " | F: ", "   fax: "), S(phone(), "PHONE"), "\n")


CONFID = ("CONFIDENTIALITY NOTICE: This facsimile contains protected health information. If you received it in error, "
          "notify the sender by telephone and destroy all copies.\n")


# ---------------------------------------------------------------- genres


def g_fax(w):
    d = w.t0 - days(1, 40)
    frm, to = w.pcp_prac, rng.choice((w.spec_prac, w.img, w.osh))
    mail = f"{pick('referrals', 'intake', 'frontdesk', 'records')}@{w.email_dom}"
    out = P(pick("FAX COVER SHEET", "*** FACSIMILE TRANSMITTAL ***", "Referral Fax"), "\n\n",
            "FROM: ", F(frm, "formal"), "\n", A_(addr()), "\nPhone ", S(phone(), "PHONE"), "   Fax ", S(phone(), "PHONE"), "\n",
            "Email: ", S(mail, "EMAIL"), "\n\nTO: ", F(to, pick("formal", "upper")), "\nATTN: ", pick("Scheduling", "Referral coordinator", "Medical records"),
            *([" / ", doc(w.spec, "t", "fl")] if chance(0.5) else []), "\nFax: ", S(phone(), "PHONE"), "\n\n",
            "DATE: ", D(d), "   PAGES: ", str(rng.randint(2, 14)), " (incl. cover)\n",
            "RE: ", nm(w.pt, pick("LF", "lf", "fl")), "  DOB ", DF(w.dob), *(["  MRN ", S(w.mrn, "ID")] if chance(0.5) else []), "\n\n")
    k = rng.randrange(3)
    if k == 0:
        out += P("Please schedule ", nm(w.pt, "t"), " for ", pick("MRI L-spine w/o", "colonoscopy", "cardiology consult", "urology eval"),
                 ". Pt seen at ", F(w.osh, "short"), " ED on ", D(w.t0 - days(41, 80), "md"), "; prior imaging at ", F(w.img, pick("init", "short", "lower")),
                 ". Referring: ", doc(w.pcp, "sig", "t"), ". Ins: ", w.payer, ", ID ", S(w.member, "ID"), ".\n")
    elif k == 1:
        out += P("Enclosed: office notes ", DR(w.t0 - days(90, 120), w.t0 - days(50, 80)), ", labs from ", F(w.lab, pick("formal", "short")),
                 ", and CT report from ", F(w.img2, "formal"), " (", D(w.t0 - days(20, 45)), ").\nPlease fax records to ", F(frm, pick("short", "formal")),
                 " at ", S(phone(), "PHONE"), " or call ", nm(person("CLINICIAN", cred="MA"), "fl"), " at ext ", num(3), ".\n")
    else:
        out += P("1. Referral form\n2. Last visit note (", D(w.t0 - days(3, 30)), ")\n3. Med list (lisinopril 20 mg, HCTZ 12.5 mg, oxycodone-APAP 5/325 PRN)\n",
                 "4. Discharge summary from ", F(w.osh, "poss" if w.osh.poss else "formal"), *([" (", F(w.osh, "initl"), ")"] if w.osh.init and chance(0.5) else []),
                 " dated ", D(w.t0 - days(5, 20)), "\n")
    out += P("\n", CONFID)
    return out, "upper" if chance(0.15) else None


def g_prior_auth(w):
    d = w.t0 + days(1, 20)
    denial = d - days(5, 30)
    drug = pick(("adalimumab 40 mg/0.4 mL SC q2wk", "Humira"), ("semaglutide 1 mg SC weekly", "Ozempic"), ("apixaban 5 mg BID", "Eliquis"))
    study = pick(("MRI lumbar spine without contrast", "72148"), ("PET/CT skull base to mid-thigh", "78815"), ("CT coronary angiography", "75574"))
    appeal = chance(0.4)
    out = P(letterhead(w.pcp_prac), "\n", D(d, pick("long", "us", "uk")), "\n\n", w.payer, "\nUtilization Management / ",
            "Appeals Unit" if appeal else "Prior Authorization Dept.", "\nFax ", S(phone(), "PHONE"), "\n\n",
            "RE: ", nm(w.pt, "fl"), "   DOB ", DF(w.dob), "\nMember ID: ", S(w.member, "ID"), "   Group ", num(6), "\n")
    if appeal:
        out += P("Reference/claim #: ", S(f"{pick('A', 'CLM', 'UM')}-{num(8)}", "ID"), "\n\nTo the reviewer,\n\nI am writing to appeal the denial dated ",
                 D(denial), " of ", drug[0], " (", drug[1], ") for my patient. ", nm(w.pt, "t"), " has failed methotrexate 20 mg weekly (",
                 DR(denial - days(300, 400), denial - days(100, 200)), ") and the step therapy requirement has been met. Please dispense through ",
                 F(w.pharm, pick("formal", "short")), " in ", T(w.pharm_town), " (NCPDP ", num(7), "), phone ", S(phone(), "PHONE"), ".\n")
    else:
        out += P("\nRequest: ", study[0], " (CPT ", study[1], ", ICD-10 M54.16)\nPerforming site: ", F(w.img, "formal"), ", ",
                 A_(addr()), "\nOrdering: ", doc(w.pcp, "sig"), ", ", F(w.pcp_prac, pick("short", "formal")), "\n\nClinical summary: ", A(w, True),
                 " with radicular pain 7/10 x 10 wk, strength 4/5 L EHL. Completed PT at ", F(w.spec_prac, "short"),
                 " ", DR(d - days(80, 90), d - days(20, 30)), " without relief. Prior CT at ", F(w.img2, "any"), " on ", D(d - days(100, 200)),
                 " was nondiagnostic.\n")
    mail = P(" or email ", S(f"{w.pcp.first[0].lower()}{w.pcp.last.lower()}@{w.email_dom}", "EMAIL"), ".")
    out += P("\nPlease contact our office at ", S(phone(), "PHONE"), pick(S(" with questions."), mail),
             "\n\nSincerely,\n\n", doc(w.pcp, "sig"), "\n")
    return out, None, rng.randint(68, 76) if chance(0.5) else None


RAD = [("CT ABDOMEN AND PELVIS WITH IV CONTRAST", "CT abdomen", "Hepatic segment 7 lesion 1.4 x 1.1 cm, LI-RADS 3, previously 1.2 cm. "
        "Bosniak 2F cyst left kidney, unchanged. No free air.", "Slight interval growth of hepatic lesion; MRI liver recommended."),
       ("MRI BRAIN WITH AND WITHOUT CONTRAST", "MRI brain", "3 mm enhancing focus in the right frontal lobe; no midline shift. "
        "Ventricles normal. Fazekas grade 1 white matter change.", "Stable 3 mm focus, likely benign."),
       ("CHEST RADIOGRAPH PA AND LATERAL", "CXR", "ET tube absent. Left PICC tip at cavoatrial junction. Small left effusion.",
        "Small left effusion, improved."),
       ("CT PULMONARY ANGIOGRAM", "CTA chest", "Filling defect in right lower lobe segmental artery. RV/LV ratio 0.9.",
        "Segmental PE on the right, no right heart strain.")]


def g_radiology(w):
    r, d = rng.choice(RAD), w.t0 + days(0, 5)
    site = rng.choice((w.home, w.img))
    out = P(F(site, pick("formal", "upper")), " - Department of Radiology\n", hdr(w),
            "EXAM: ", r[0], "\nDATE OF EXAM: ", D(d, pick("us", "us2", "dmy4", "iso")), f"   TIME: {tm()}\n",
            "ACCESSION: ", S(f"{pick('RAD', 'CT', 'MR', '')}{num(8)}", "ID"), "\nORDERING: ", doc(w.pcp, "sig", "t", "T"), "\n\n",
            "CLINICAL HISTORY: ", A(w), " ", pick("RUQ pain 6/10", "headache, r/o mass", "SOB, PICC placement", "pleuritic CP, Wells 4.5"), ".\n\n")
    k = rng.randrange(4)
    if k == 0: out += P("COMPARISON: ", r[1], " ", D(d - days(60, 700), pick("us2", "md", "dot")), " from ", F(w.img2, "formal"), ".\n")
    elif k == 1: out += P("COMPARISON: Outside films from ", F(w.osh, "any"), " (", D(d - days(5, 60)), ") reviewed; also ", r[1], " ", D(d - days(200, 600)), " here.\n")
    elif k == 2: out += P("COMPARISON: ", r[1], " ", D(d - days(10, 90)), " at ", F(w.img2, "short"), "/", F(w.osh, pick("init", "short")),
                          " (images pushed via PowerShare); report from ", F(w.img, "lower"), " dated ", D(d - days(91, 300)), ".\n")
    else: out += P("COMPARISON: None available. Prior studies at ", F(w.osh2, "formal"), " requested (CD sent to ", F(w.osh2, "short"), " film library).\n")
    out += P("\nTECHNIQUE: Axial images, 100 mL Omnipaque 350. DLP 612 mGy-cm.\n\nFINDINGS: ", r[2], "\n\nIMPRESSION:\n1. ", r[3], "\n",
             "2. Findings discussed with ", doc(w.pcp, "t", "fl"), " by phone at ", tm(), " on ", D(d, pick("md", "us")), ".\n\n",
             "Dictated by: ", doc(w.rad, "sig", "fl"), pick("  (teleradiology, read from ", "  (reading site: "), F(w.img, pick("short", "init")), ")\n",
             "Signed ", D(d, "us"), " ", tm(), "\n")
    return out, "upper" if chance(0.2) else None, rng.randint(66, 76) if chance(0.3) else None


def g_pathology(w):
    d = w.t0 + days(0, 10)
    out = P("SURGICAL PATHOLOGY CONSULTATION REPORT\n", F(w.home, "formal"), " Department of Pathology\n", hdr(w),
            "Accession: ", S(f"S{d.year % 100}-{num(5)}", "ID"), "   Received: ", D(d, pick("us", "md", "dmy4")), "   Reported: ", D(d + days(2, 6)), "\n",
            "Outside case: ", S(f"{pick('OS', 'SP', 'CS')}{d.year % 100}-{num(4)}", "ID"), " from ", F(w.osh, "formal"), "\n",
            "Referring lab: ", F(w.lab, pick("formal", "upper")), ", ", T(w.addr.town, "as"), " (client # ", num(5), ")\n",
            "Referring physician: ", doc(w.spec, "sig", "t"), "\n\nMATERIAL RECEIVED: ", str(rng.randint(2, 9)), " H&E slides and 1 block (A3) labeled ",
            S(f"{pick('OS', 'SP')}{num(5)}", "ID"), ", collected ", D(d - days(3, 12)), ".\n\n")
    dx = pick("Prostate, needle biopsy (L mid): adenocarcinoma, Gleason 3+4=7 (Grade Group 2), 30% of 1 of 12 cores.",
              "Breast, left, 2:00, core biopsy: invasive ductal carcinoma, Nottingham grade 2 (2+2+2=6/9); ER 95%, PR 80%, HER2 1+.",
              "Colon, sigmoid, polypectomy: tubular adenoma, negative for high-grade dysplasia; margin clear by 2 mm.",
              "Lymph node, right axillary, excision: classic Hodgkin lymphoma, nodular sclerosis type; CD15+/CD30+.")
    out += P("DIAGNOSIS:\n", dx, "\n\nCOMMENT: We agree with the outside interpretation by ", F(w.lab, "short"), ". Case reviewed at our ",
             pick("GU", "breast", "GI", "heme") + " consensus conference on ", the_nth(d + days(1, 3)) if chance(0.5) else D(d + days(1, 3), "nth"),
             ". Slides returned to ", F(w.osh, pick("short", "init", "poss")), *([" pathology"] if chance(0.5) else []), " via FedEx on ",
             D(d + days(6, 10), pick("md", "dot")), ".\n\n", doc(w.path, "sig"), ", pathologist   ", D(d + days(2, 6), "us"), "\n")
    return out, None, rng.randint(66, 74) if chance(0.4) else None


def g_operative(w):
    d = w.t0 + days(1, 4)
    proc = pick(("Laparoscopic Nissen fundoplication", "none", "Ethicon", "Pneumoperitoneum at 15 mmHg. "),
                ("Pancreaticoduodenectomy (Whipple)", "none", "Medtronic", "Kocher maneuver performed. "),
                ("Left total knee arthroplasty", "Stryker Triathlon CR femoral component size 5", "Stryker", "Tourniquet 250 mmHg x 84 min. "),
                ("Dual-chamber pacemaker implantation", "Medtronic Azure XT DR MRI", "Medtronic", "Cephalic vein cutdown. "))
    out = P("OPERATIVE REPORT\n\n", hdr(w), "Date of operation: ", D(d, pick("long", "us", "dmy4", "uk")), "\n",
            "Surgeon: ", doc(w.surg, "sig", "fl"), "\nAssistant(s): ", doc(w.asst, "sig", "fl"), "; ", nm(w.pa, "sig"), "\n",
            "Anesthesia: general, ", doc(w.anes, "t", "sig"), "\n\nPREOPERATIVE DIAGNOSIS: see below\nPROCEDURE: ", proc[0], "\n\n",
            "INDICATIONS: ", A(w, True), " transferred from ", F(w.osh, pick("formal", "short", "lower")), " on ", D(d - days(1, 6)),
            " for definitive management; workup at ", F(w.osh, pick("short", "poss")),
            " included CT at ", F(w.img, "any"), ". Consent obtained from the patient and ", w.rels[0].rel, " ", nm(w.rels[0], pick("fl", "f")), ".\n\n",
            "DESCRIPTION: Time-out performed. Foley catheter placed. ASA 3. ",
            proc[3], "EBL 150 mL. UOP 300 mL.\n")
    if proc[1] != "none":
        out += P("IMPLANTS: ", proc[1], ", REF ", f"{rng.randint(1000, 9999)}-{pick('F', 'T', 'P')}-{num(3)}", ", LOT ", num(6),
                 ", SN ", S(f"{pick('PJN', 'RNA', 'SN')}{num(7)}", "ID"), ". ", proc[2], " representative present for the case.\n")
    out += P("SPECIMENS: to pathology. DISPOSITION: PACU, then ", pick("SICU", "5 West", "telemetry"), ". Plan discharge to ",
             pick("home", "rehab"), "; follow up with ", doc(w.surg, "t"), " at ", F(w.spec_prac, pick("formal", "short")),
             " in 2 weeks (", D(d + days(12, 16), pick("md", "abbr")), ").\n\n", doc(w.surg, "sig"), "  dictated ", D(d, "us2"), " ", tm(),
             "\njob #", S(num(7), "ID"), "\n")
    return out, "upper" if chance(0.1) else None, rng.randint(68, 76) if chance(0.6) else None


def g_ob(w):
    d = w.t0
    lmp = d - days(60, 200)
    edd = lmp + dt.timedelta(days=280)
    mw = person("CLINICIAN", "F", cred="CNM")
    clinic, birth, fob = practice(pick("Women's Health", "OB/GYN")), named("birth"), person("RELATIVE", "M", rel="FOB")
    prior = d.year - rng.randint(1, 6)
    out = P(F(clinic, pick("formal", "upper")), " - Prenatal Visit\n", hdr(w), "Date: ", D(d), "   GA: ", f"{(d - lmp).days // 7}w{(d - lmp).days % 7}d", "\n",
            "LMP ", D(lmp, pick("md", "us2", "us")), "  EDD ", D(edd), " (by ", pick("LMP c/w 8 wk US", "dating US"), " at ", F(w.img, "any"), ")\n\n",
            A(w), f" G3P{rng.randint(1, 2)}0{rng.randint(0, 1)}{rng.randint(1, 2)} here with FOB ", nm(fob, pick("fl", "f")),
            ". ",
            "OB hx: SVD ", Y(prior), " at ", F(w.osh, pick("short", "formal")), ", 7 lb 2 oz; ", pick("LTCS ", "SAB "), Y(prior - rng.randint(1, 4)),
            *pick((" at ", F(w.osh2, "any"), "."), (" (records from ", F(w.osh2, "any"), ").")), "\n",
            "BP 116/72  FHR 140s  FH ", str(rng.randint(18, 36)), " cm  urine neg/neg\n",
            "Labs: GBS pending, rubella immune, Rh+, 1 hr GCT 128 (", D(d - days(5, 20), "md"), ").\n\n",
            "Plan: delivery at ", F(birth, "formal"), " with ", nm(mw, pick("sig", "fl")), "; backup ", F(w.home, pick("short", "init", "formal")),
            " L&D if transfer needed. Anatomy scan ", D(d + days(7, 21), pick("nth", "ofm", "abbr")), ". WIC referral to the ", T(w.addr.town), " office.\n",
            "RTC 4 wk (", D(d + dt.timedelta(days=28), "md"), "). FOB phone ", S(phone(), "PHONE"), ".\n")
    return out, "lower" if chance(0.15) else None


def g_peds(w):
    d = w.t0
    mom, dad, gm = w.rels[0], w.rels[1], w.rels[2]
    care = named("daycare") if w.age < 5 else named("school")
    out = P(F(w.pcp_prac, "formal"), "  WELL CHILD CHECK\n", hdr(w), "Visit: ", D(d), "   Age ", A(w), "\n",
            "Accompanied by ", mom.rel, " ", nm(mom, pick("fl", "f")), " and ", gm.rel, " ", nm(gm, pick("fl", "t")), ". ",
            dad.rel.capitalize(), " (", nm(dad, "fl"), ") ", pick(S("works nights"), P("lives in ", T(town())), S("is deployed")), ".\n\n",
            "SOCIAL: ", pick("Attends ", "Goes to "), F(care, pick("formal", "short")), pick(S(" 5 days/wk" if w.age < 5 else f", {ordinal(max(1, w.age - 5))} grade"), P(", teacher ", nm(person("RELATIVE"), pick("t", "fl")))), ". ")
    if chance(0.4):
        ag = named("foster")
        out += P("In kinship foster care since ", D(d - days(60, 500)), " via ", F(ag, "formal"), "; caseworker ", nm(person("RELATIVE", rel="caseworker"), "fl"),
                 " ", S(phone(), "PHONE"), ". ")
    out += P("WIC at the ", T(w.addr.town), " office on ", S(street_name(), "LOCATION"), ".\n\n",
             "GROWTH: wt 50th %ile, ht 75th %ile, BMI 60th %ile. Vision 20/20 OU, hearing pass.\nDEV: ASQ passed all domains; MCHAT 0/20.\n\n",
             "IMMUNIZATIONS:\n| Vaccine | Date | Where |\n")
    shots = ["DTaP #4", "IPV #3", "MMR #1", "Varicella #1", "Hep A #2", "Flu (quad)"] if w.age < 7 else ["Tdap", "HPV #1", "MenACWY #1", "Flu (quad)", "COVID-19 mRNA"]
    for v in rng.sample(shots, 4):
        where = pick(F(w.pcp_prac, "short"), F(w.pharm, "any"), P(F(w.home, pick("short", "init")), " peds clinic"), S("today"))
        out += P("| ", v, " | ", D(d - days(0, 700)), " | ", where, " |\n")
    out += P("\nA/P: healthy ", str(w.age), pick(" yo", " year old"), ". Dental home: ", F(named("dental"), pick("formal", "poss")),
             ". RTC 1 yr or on ", the_nth(d + days(360, 370)) if chance(0.3) else D(d + days(360, 370)), ".\n", doc(w.pcp, "sig"), "\n")
    return out, None


def g_psych(w):
    d = w.t0
    ph, gh, jail, court, sh = named("psych"), named("group_home"), named("jail"), named("court"), named("shelter")
    po, cw = person("RELATIVE", rel="PO"), person("RELATIVE", rel="case worker")
    out = P(pick("PSYCHIATRIC EVALUATION", "Psych consult", "CRISIS EVALUATION"), " - ", D(d), "\n", hdr(w, rng.choice((0, 3))),
            "ID: ", A(w), " ", pick("single", "divorced"), ", currently residing at ", F(gh, pick("formal", "short")), " on ",
            S(street(), "LOCATION"), " in ", T(w.addr.town), ", BIBP from ", F(sh, "formal"), ".\n\n",
            "HPI: SI with plan x 3 days. PHQ-9 22/27, C-SSRS high. Released from ", F(jail, "formal"), " on ", D(d - days(10, 60)),
            " after ", pick("30", "90"), " days; court date at ", F(court, pick("formal", "init", "short")), " ", D(d + days(5, 40), pick("md", "nth", "ofm")), ".\n",
            "Probation officer ", nm(po, pick("fl", "t")), " (", S(phone(), "PHONE"), ") aware. Case worker ", nm(cw, pick("f", "fl")),
            " from ", F(named("foster") if chance(0.3) else w.pcp_prac, "short"), " at bedside.\n\n",
            "PAST PSYCH: ", pick("2 admits to ", "admitted at "), F(ph, pick("short", "formal", "lower", "poss")), " ", pick(S("2x last yr"), P("in ", Y(d.year - 1))),
            "; last d/c ", D(d - days(60, 300), pick("md", "us2", "dot")), ". ", pick("Prior stays at ", "Also at "), F(w.osh, "any"), " (", DR(d - days(500, 520), d - days(490, 499)),
            "). Outpt: ", F(w.pcp_prac, "short"), " / ", F(ph, pick("init", "short")), " ACT team.\n",
            "MEDS: sertraline 150 mg, quetiapine 100/300 mg, prazosin 2 mg. Last filled at ", F(w.pharm, "any"), ".\n",
            "SUBSTANCE: EtOH 6-8 beers/d, AUDIT 24, last drink ", D(d - days(1, 3), "md"), "; UDS + cannabinoids.\n",
            "MSE: disheveled, psychomotor slowing, mood 'bad', affect constricted, TP linear, +SI, -HI, no AH/VH, insight 2/5.\n\n",
            "PLAN: Section 12 / inpatient; bed search incl. ", F(ph, "short"), " and ", F(named("psych"), "formal"), ". Sister ",
            nm(person("RELATIVE", "F", last=w.pt.last), "f"), " updated by phone.\n", doc(w.spec, "sig"), "\n")
    return out, "lower" if chance(0.35) else None


def g_ems(w):
    d = w.t0
    agency, recv = named("ems"), rng.choice((w.home, w.osh))
    rd = pick(f"I-{rng.randint(8, 99)}", f"Rte {rng.randint(1, 140)}", f"US-{rng.randint(1, 99)}")
    t0 = rng.randint(0, 1390)
    crew = [person("CLINICIAN", cred=pick("EMT-P", "EMT-B", "NRP")) for _ in range(2)]
    out = P("PATIENT CARE REPORT   ", F(agency, "formal"), f"   Unit: {pick('Medic', 'Rescue', 'A', 'Ambulance')} {rng.randint(1, 40)}\n",
            "Incident #: ", S(f"{d.year % 100}-{num(6)}", "ID"), "   Date: ", D(d, pick("us", "us2", "iso", "mil")), "\n",
            "Times | " + " | ".join(f"{k} {t // 60:02d}:{t % 60:02d}" for k, t in zip(("Call", "Enrt", "On scene", "Transport", "At dest"),
                                    [t0 + k for k in (0, 1, 9, 27, 41)])) + "\n", "Incident location: ")
    k = rng.randrange(3)
    if k == 0: out += P(S(street(), "LOCATION"), ", ", T(w.addr.town), " (x-st ", S(street_name(), "LOCATION"), " / ", S(street_name(), "LOCATION"), ")\n")
    elif k == 1: out += P(rd, " ", pick("NB", "SB", "EB", "WB"), f" MM {rng.randint(2, 190)}.{rng.randint(0, 9)}, ", S(w.county, "LOCATION"), "\n")
    else: out += P(pick("parking lot of ", "inside "), F(pharmacy(), "formal"), ", ", S(street(), "LOCATION"), ", ", T(town()), "\n")
    out += P("Pt: ", nm(w.pt, pick("LF", "fl")), "  ", A(w), "  DOB ", DF(w.dob), "  home addr ", A_(w.addr), "\n\n",
             "NARRATIVE: Dispatched P1 for ", pick("fall", "unresponsive", "chest pain", "MVC"), ". Found pt ", pick("supine", "seated in vehicle", "on floor"),
             ", GCS 14 (E4V4M6), BGL 112. ", w.rels[0].rel.capitalize(), " ", nm(w.rels[0], "f"), " on scene, states pt ", pick("was at ", "returned from "),
             F(w.osh, pick("short", "any")), " ", pick(S("yesterday"), P("on ", D(d - days(1, 9), pick("md", "abbr")))),
             ". 12-lead: ST, no STE. ASA 324 mg PO, NTG 0.4 SL x1, NS 500 mL.\n",
             "| Time | BP | HR | RR | SpO2 |\n", *[f"| {tm()} | {rng.randint(90, 180)}/{rng.randint(50, 100)} | {rng.randint(50, 130)} | {rng.randint(12, 28)} | {rng.randint(88, 100)}% |\n" for _ in range(3)],
             "Transported emergent to ", F(recv, pick("formal", "short", "init", "upper")), ", report to ", nm(person("CLINICIAN", cred="RN"), pick("fl", "f")),
             " RN. Care transferred ", tm(), ".\nCrew: ", nm(crew[0], "sig"), " / ", nm(crew[1], pick("sig", "il")), "\n")
    return out, "upper" if chance(0.4) else None


def g_immun(w):
    d = w.t0
    rows = [("Influenza, quadrivalent", "Sanofi"), ("COVID-19 mRNA", "Moderna"), ("Tdap", "GSK"), ("Pneumococcal PCV20", "Pfizer"),
            ("Zoster RZV #1", "GSK"), ("Zoster RZV #2", "GSK"), ("Hep B #1", "Merck"), ("Hep B #2", "Merck"), ("Td", "MassBiologics")]
    clinic = w.pcp_prac
    out = P(pick("IMMUNIZATION RECORD", "Immunization History (state IIS reconciliation)", "Vaccine Administration Record"), "\n", hdr(w),
            "Printed ", D(d, "us"), " by ", nm(w.nurse, pick("sig", "fl")), ", ", F(clinic, "formal"), "\n\n")
    if chance(0.5):
        out += P("| Vaccine | Date given | Given at | Mfr | Lot | Site |\n|---|---|---|---|---|---|\n")
        for v, mfr in rng.sample(rows, rng.randint(4, 6)):
            at = pick(F(w.pharm, "any"), F(clinic, "short"), F(w.home, pick("init", "short")), P(T(w.pharm_town), " health dept"), F(named("school"), "formal"))
            out += P("| ", v, " | ", D(d - days(20, 2000)), " | ", at, f" | {mfr} | {pick('EK', 'FL', 'U', '3C')}{rng.randint(1000, 99999)} | {pick('L deltoid', 'R deltoid', 'L VL', 'IM R arm')} |\n")
    else:
        for i, (v, mfr) in enumerate(rng.sample(rows, rng.randint(4, 6)), 1):
            out += P(f"{i}. {v} - ", D(d - days(20, 2000)), pick(" @ ", " at ", ", "), F(w.pharm, "any") if chance(0.5) else F(clinic, "short"),
                     f" (lot {pick('EK', 'FL', 'U')}{rng.randint(1000, 99999)}, {mfr}, 0.5 mL IM)\n")
    out += P("\nPatient-reported: flu shot ", pick("last fall at ", "in Oct at "), F(pharmacy(), "formal"), " in ", T(town()), " (no record found). ",
             "TB test placed ", D(d - days(3, 5), "md"), ", read ", D(d - days(0, 2), "md"), ": 0 mm.\nNext due: Tdap ", Y(d.year + 10), "; RZV #2 on or after ",
             D(d + days(60, 180), pick("nth", "ofm", "long")), ".\n")
    return out, "lower" if chance(0.15) else None


def g_death(w):
    d = w.t0 + days(2, 20)
    fh, me = named("funeral"), fac(f"{w.county.rsplit(' ', 1)[0]} County Medical Examiner", initials=False)
    r, h, m = w.rels[0], rng.randint(0, 22), rng.randint(0, 50)
    out = P(pick("DEATH NOTE", "Pronouncement Note", "Expiration note"), "\n", hdr(w),
            "Called to bedside by RN ", nm(w.nurse, pick("f", "fl")), f" at {h:02d}{m:02d} on ", D(d, pick("us", "long", "dmy4", "md")), " for pt unresponsive. ",
            "No spontaneous respirations, no heart sounds x 1 min, pupils fixed. Pronounced dead at ", pick(f"{h:02d}:{m + 6:02d}", f"{h:02d}{m + 6:02d}"), " on ", D(d, pick("us2", "iso", "nth")), ".\n\n",
            A(w, True), " with ", pick("metastatic NSCLC", "end-stage HFrEF", "advanced dementia"), ", DNR/DNI, CMO since ", D(d - days(1, 4), "md"),
            ". Transferred here from ", F(w.osh, "any"), " on ", D(d - days(5, 12)), ".\n\n",
            "Family: ", r.rel, " ", nm(r, pick("fl", "f")), " notified by phone (", S(phone(), "PHONE"), ") at ", tm(), pick("; will come in.", "; declined viewing."),
            " ", w.rels[1].rel.capitalize(), " ", nm(w.rels[1], "fl"), " also called.\n",
            "Attending ", doc(w.pcp, "t", "fl"), " notified. ME: case reported to the ", F(me, pick("formal", "lower")), ", ", pick("accepted", "declined jurisdiction"),
            ", case # ", S(f"ME-{d.year % 100}-{num(4)}", "ID"), " (investigator ", nm(person("CLINICIAN", cred="MD"), "fl"), ").\n",
            "Organ donation: ", F(fac(f"{placeword()} Donor Network", initials=False), "formal"), " called, referral # ", S(num(7), "ID"), ", not a candidate.\n",
            "Funeral home: ", F(fh, pick("formal", "short")), ", ", S(street(), "LOCATION"), ", ", T(town()), " ", S(phone(), "PHONE"), "; director ", nm(person("RELATIVE"), "fl"), ".\n",
            "Autopsy ", pick("declined", "requested"), ". Death certificate to be completed by ", doc(w.pcp, "t", "sig"), ".\n", doc(w.spec, "sig"), "\n")
    return out, "upper" if chance(0.15) else None


def g_va(w):
    d = w.t0
    t1, t2 = town(), town()
    vamc, cboc = fac(f"{t1} VA Medical Center", f"{t1} VAMC", f"{t1} VA"), fac(f"{t2} CBOC", f"{t2} VA clinic", initials=False)
    base, base2 = fac(f"Fort {surname()}", initials=False), fac(f"{surname()} Air Force Base", initials=True)
    fob = fac(f"FOB {placeword()}", initials=False)
    y1 = d.year - rng.randint(8, 30)
    out = P(F(vamc, "formal"), " - Primary Care (PACT)\n", hdr(w, rng.choice((0, 1))), "Last 4 SSN: ", S(num(4), "ID"), "\n",
            "Date: ", D(d), "   Service-connected 70%\n\n",
            "MILITARY HX: ", pick("Army", "USMC", "Air Force", "Army National Guard"), " ", Y(y1), "-", Y(y1 + rng.randint(4, 12)), ", ",
            pick("11B infantry, 3rd Battalion, 7th Marines", "88M motor transport, 1st Cavalry Division", "combat medic, 82nd Airborne"),
            ". Stationed at ", F(base, "formal"), " and ", F(base2, pick("formal", "init")), ". Deployed to ", pick("Iraq", "Afghanistan", "Kuwait"),
            " (", F(fob, "formal"), ") ", Y(y1 + 2), "; burn pit exposure. DD-214 on file.\n\n",
            "Care: establishes here; previously seen at the ", F(cboc, pick("formal", "short", "lower")), " on ", S(street(), "LOCATION"),
            "; community care (MISSION Act) at ", F(w.osh, "any"), " ", DR(d - days(200, 210), d - days(190, 199)), ". PCL-5 44, PHQ-2 3.\n",
            "Referrals: audiology at ", F(vamc, pick("short", "init")), "; sleep study at ", F(w.img, "short"), " (community care, auth ", S(f"VA{num(10)}", "ID"), ").\n",
            "Travel pay: from ", T(w.addr.town), ", ", S(w.county, "LOCATION"), ". Beneficiary travel approved.\n", doc(w.pcp, "sig"), "\n")
    return out, "upper" if chance(0.2) else None, rng.randint(68, 76) if chance(0.4) else None


def g_travel(w):
    d = w.t0
    park, st = named("park"), pick(*STATE_NAMES)
    t1, t2 = town(), town()
    out = P(pick("Travel history / exposure screen", "TRAVEL & EXPOSURE HISTORY", "ID consult - travel hx"), "  ", D(d), "\n", hdr(w, 3),
            A(w), " with fever x5 d. ")
    k = rng.randrange(3)
    if k == 0:
        out += P("Returned ", D(d - days(3, 10), pick("md", "nth", "abbr")), " from ", pick(*COUNTRIES), " (", DR(d - days(30, 40), d - days(11, 20)),
                 "), visiting family in a rural village; no malaria ppx. Layover in ", pick(*COUNTRIES), ".\n")
    elif k == 1:
        out += P("Camped at ", F(park, pick("formal", "short")), " near ", T(t1), ", ", st, ", on ", DR(d - days(15, 20), d - days(10, 14)),
                 "; tick bite noted ", the_nth(d - days(9, 12)), ". Hiked in ", S(f"{t2} County", "LOCATION"), ". Lyme-endemic area.\n")
    else:
        out += P("Drove to ", st, " for a funeral, stayed with ", w.rels[0].rel, " ", nm(w.rels[0], "f"), " in ", T(t1), " (", S(f"{town()} County", "LOCATION"),
                 ") ", DR(d - days(20, 25), d - days(12, 19)), "; ", pick("goat farm next door", "well water", "swam in a pond"), ".\n")
    out += P("Sick contacts: ", w.rels[1].rel, " ", nm(w.rels[1], pick("f", "fl")), " with diarrhea. Works at ", F(named("daycare"), "formal"),
             ". Pets: 2 cats. Seen at ", F(w.osh, "any"), " urgent care ", D(d - days(1, 3), pick("md", "us2")), "; told viral.\n",
             "Labs: WBC 3.1, plt 88, AST/ALT 142/160. Smear x3 sent to ", F(w.lab, pick("short", "formal")), "; ", pick("tick-borne PCR panel", "dengue NS1/IgM"),
             " to state lab.\nA/P: ", pick("doxycycline 100 mg BID", "atovaquone-proguanil", "supportive"), "; f/u ID clinic ", D(d + days(7, 14)), ".\n",
             doc(w.spec, "sig", "t"), "\n")
    return out, "lower" if chance(0.3) else None


def g_dental(w):
    d = w.t0
    dp, oms = named("dental"), named("oms")
    surg = person("CLINICIAN", cred=pick("DDS", "DMD"))
    dds = person("CLINICIAN", cred=pick("DDS", "DMD"))
    out = P(letterhead(dp), "\n", pick("Dental progress note", "CLINICAL NOTE - RESTORATIVE", "Oral surgery referral"), "\n", hdr(w),
            "DOS: ", D(d), "   Provider: ", nm(dds, pick("sig", "t")), "   Hyg: ", nm(person("CLINICIAN", cred="RDH"), "fl"), "\n\n",
            "CC: pain LR x 2 wk. Med hx reviewed; on apixaban per ", doc(w.pcp, "t", "fl"), " (", F(w.pcp_prac, "short"), "). Pre-med amoxicillin 2 g not needed.\n",
            "EXAM: #30 MOD fx cusp, percussion +, cold lingering. Perio: PD 4/5 mm #2-#5, BOP. Pano from ", F(named("dental"), pick("formal", "poss")),
            " (", D(d - days(200, 900), pick("us2", "dot", "md")), ") reviewed.\n",
            "TX: #30 RCT vs ext; pt elects ext. Ref to ", doc(surg, "t", "sig"), " at ", F(oms, pick("formal", "short")), ", ", T(town()), ", appt ",
            D(d + days(3, 20), pick("nth", "ofm", "md")), *(["; pano emailed to ", S(f"{surg.last.lower()}@{oms.formal.split()[0].lower()}oms.com", "EMAIL")] if chance(0.5) else []), ".\n",
            "Next recall ", D(d + days(170, 190)), ". Ins: Delta Dental, sub ID ", S(num(9), "ID"), ".\n")
    return out, "lower" if chance(0.25) else None


GENS = {"fax_cover": g_fax, "prior_auth": g_prior_auth, "radiology_report": g_radiology, "pathology_report": g_pathology,
        "operative_report": g_operative, "ob_prenatal": g_ob, "peds_well_child": g_peds, "psych_eval": g_psych, "ems_run_sheet": g_ems,
        "immunization_record": g_immun, "death_note": g_death, "va_military": g_va, "travel_history": g_travel, "dental": g_dental}
ADULT = ["fax_cover", "prior_auth", "radiology_report", "pathology_report", "operative_report", "psych_eval", "ems_run_sheet",
         "immunization_record", "travel_history", "dental"]
POOLS = {"adult": ADULT, "vet": ADULT, "ob": ["fax_cover", "prior_auth", "radiology_report", "immunization_record", "travel_history", "dental"],
         "peds": ["immunization_record", "fax_cover", "dental", "travel_history", "radiology_report", "ems_run_sheet", "psych_eval"]}
FIRST = {"ob": "ob_prenatal", "peds": "peds_well_child", "vet": "va_military"}


# ---------------------------------------------------------------- checks and the split


def hardwrap(text: str, width: int) -> str:
    """Wrap long lines at spaces: a space becomes a newline, so every offset holds."""
    out = []
    for line in text.split("\n"):
        while len(line) > width and (cut := line.rfind(" ", 0, width + 1)) > 0:
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)


def check_every_mention(row: dict) -> None:
    """Every occurrence of a labelled name or place (and each word of a person's name) lies inside a span."""
    text, spans = row["text"], row["spans"]
    needles = set()
    for s in spans:
        if s["type"] in ("PATIENT", "CLINICIAN", "RELATIVE"):
            needles |= {s["text"]} | {t for t in s["text"].split() if len(t) > 2 and not t.endswith(".")}
        elif s["type"] in ("FACILITY", "LOCATION"):
            needles.add(s["text"])
    for n in needles:
        pat = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, n.split())) + r"(?![A-Za-z0-9])"
        for m in re.finditer(pat, text, re.IGNORECASE):
            assert any(s["start"] <= m.start() and m.end() <= s["end"] for s in spans), (row["id"], n, text[max(0, m.start() - 60): m.end() + 60])


def main() -> None:
    kinds = ["adult"] * 30 + ["vet"] * 10 + ["ob"] * 10 + ["peds"] * 10
    rng.shuffle(kinds)
    rows, k = [], 0
    for i, kind in enumerate(kinds, 1):
        w = World(i, kind)
        n = rng.choice((3, 3, 4, 4))
        genres = ([FIRST[kind]] if kind in FIRST else []) + rng.sample(POOLS[kind], n - (kind in FIRST))
        if kind in ("adult", "vet") and chance(0.35):
            genres[-1] = "death_note"  # the record ends
        for g in genres:
            res = GENS[g](w)
            segs, case, width = res[0], res[1], res[2] if len(res) > 2 else None
            text, spans = assemble(segs, case)
            if width:
                text = hardwrap(text, width)
                for s in spans:
                    s["text"] = text[s["start"]: s["end"]]
            k += 1
            row = {"id": f"dev9-{k:04d}", "patient": w.pid, "genre": g, "text": text, "spans": spans}
            check_spans(row)
            check_every_mention(row)
            rows.append(row)
    assert len(rows) >= 180 and len({r["text"] for r in rows}) == len(rows), len(rows)
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    types = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{len(rows)} notes, {len(kinds)} patients -> {OUT.name}")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", dict(sorted(types.items())), "total", sum(types.values()))


if __name__ == "__main__":
    main()
