"""Dev10, written blind to the de-identifier's rules (its code, word lists, results and unit tests were not read): the
inpatient team's notes written by many disciplines, where relatives, clinicians and dates appear in shapes of shorthand,
and an outside hospital, nursing home or town is named in passing. 60 patients, 3-4 notes each, sharing the patient's
people and places as one record does. Genres: icu_nursing (systems-based NEURO/CV/RESP/GI/SOCIAL notes, some wholly in
capitals, some in lower-case shorthand), icu_progress (o/n events, consultants in passing: "d/w renal (kline)", "per ID
fellow"), resp_therapy, pt_ot, nutrition, pharmacy_consult, family_meeting (who was present, HCP, friends, clergy,
interpreter), code_event (timed, with responders), chaplain, interpreter_log, discharge_planning, visitor_phone_log and
admission_hp (social history: lives with, works at, born in, PCP, prior hospitals). Everything is synthetic: faker names
in several locales folded to ASCII, English-word first names (Hope, June, Will, Faith, Grant), nicknames; towns from
syllables; facilities from saints, surnames, towns and words.

Labelling conventions (dev8's). FACILITY: the institution's proper name as written, with its kind words; "the", a
possessive "'s", parentheses, unit or department outside; initials a span of their own; pharmacies, home-health, DME,
transport and interpreting companies, churches and employers are FACILITY. LOCATION: street with number, town, county,
ZIP, each a span; states unlabelled. CLINICIAN/PATIENT/RELATIVE: the name only, never title, credential, relation word or
service ("Dr X/ortho": X; "pgy2 Smith": Smith; "(X, RN)": X); "Last, First" is two spans; an initial with the surname is
one span; a signature's bare initials ("-kl rn") are CLINICIAN. DATE: every day-level date in any shape ("3/4", "03/04",
"3-4", "March 4th", "4-Mar", "POD#2 (3/6)"), a range two spans, weekday and "the" outside; times unlabelled; a bare year
is YEAR. AGE: over 89 only, the number alone. PHONE: phone, pager and extension digits. ID: MRN, account, authorisation,
interpreter and operator ID numbers. EMAIL: a relative's address.

Choices of this split. Hospital staff of every discipline (RN, RT, PT/OT, dietitian, pharmacist, chaplain, staff
interpreter, case manager, social worker) and outside physicians, SNF liaisons and accepting doctors are CLINICIAN; family,
friends, neighbours and outside clergy (a parish priest or pastor) are RELATIVE. Relatives and clinicians are named in
every shape: "dtr Nell", "NELL (DTR)", "son-in-law mike", "hcp=husband gerald", "Mrs. Ruiz (wife)", bare first names once
introduced, lower case and capitals. Non-PHI look-alikes stay unlabelled: drugs, eponyms (Foley, Swan-Ganz), scores
("4/5", "GCS 3/15"), doses ("5/325"), BP ranges, vent settings ("8x500x50", "PS 10/5"), shift times ("7p-7a"), and the
words will, may, hope, grant used as words.
Run: /work/main/.venv/bin/python -m tests.deid_corpus.make_dev10   (from the repository root)
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

SEED = 101_037
OUT = Path(__file__).resolve().parent / "dev10.jsonl"
rng = random.Random(SEED)
Faker.seed(SEED)
LOCALES = ("en_US", "en_US", "en_US", "en_US", "es_MX", "pl_PL", "it_IT", "en_IE", "de_DE", "pt_BR", "fr_FR", "vi_VN",
           "tr_TR", "nl_NL", "en_GB", "hu_HU")
FK = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FK)):
    FK[_loc].seed_instance(SEED + _i)
GENRES = ("icu_nursing", "icu_progress", "resp_therapy", "pt_ot", "nutrition", "pharmacy_consult", "family_meeting",
          "code_event", "chaplain", "interpreter_log", "discharge_planning", "visitor_phone_log", "admission_hp")

ENGLISH = {"F": "Hope June Faith May Joy Grace Dawn Summer Rose Ivy Pearl Holly Robin".split(),
           "M": "Will Grant Mark Bill Chase Frank Miles Drew Sonny Rich Wade Lance".split()}
NICKS = "Bud Sissy Teddy Dee Cookie Lulu Pepe Manny Gigi Butch Tink Bunny Mac Chip Nonna Pops Junior".split()
SAINTS = "Agnes Brigid Jude Anselm Clare Raphael Bernadette Columba Hilda Ambrose Cecilia Monica Kilian Casimir Hedwig".split()
NAMEY = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"] + NICKS + SAINTS}
SOURCE = Path(__file__).read_text(encoding="utf-8")
WORDS = {w.lower() for w in re.findall(r"[A-Za-z]+", SOURCE)} - NAMEY  # a faker name that is a word of these notes is refused
ABBR = set(re.findall(r"\b[A-Z]{2,6}\b", SOURCE))
ENGLISH_SET = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"]}
SYL1 = "Ash Bram Cal Dun Fair Glen Hol Kes Lark Mar Nor Pine Red Sil Thorn Wil Ster Ell Hart Wex Dor Bel Hal Lyn Pen Rad " \
       "Quen Alder Birk Cran Fen Gris Hux Lock Mor Ox Rams Tud Vern Wyn".split()
SYL2 = "ford ton field wood ridge haven dale by mont ville port wick burg stead mouth crest bury ley worth gate hurst".split()
PRE = "Bay Lake River Hill Green Stone Bright Silver North Ever Maple Brook Lark Pine Cobble Fox Sunny Oak Copper Willow " \
      "Clear Heron Cedar Meadow Harbor Summit Valley Elder Wren Falcon".split()
POST = "view side crest field brook gate mere wood haven ridge stone hollow dale light water land".split()
MON = "January February March April May June July August September October November December".split()
WEEKDAYS = "Mon Tues Wed Thurs Fri Sat Sun".split()
USED: set[str] = set()



def pick(*xs): return rng.choice(xs)
def chance(p): return rng.random() < p
def tm(): return f"{rng.randint(0, 23):02d}{rng.choice(('00', '15', '30', '45', f'{rng.randint(0, 59):02d}'))}"


def uniq(make):
    """A value not used before in the split."""
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
def town(): return uniq(lambda: pick("", "", "", "", "East ", "North ", "West ", "Port ", "Lake ") + rng.choice(SYL1) + rng.choice(SYL2))
def T(t, mode=None):
    mode = mode or pick("as", "as", "as", "upper", "lower")
    return S(t.upper() if mode == "upper" else t.lower() if mode == "lower" else t, "LOCATION")


def phone(): return pick("{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}", "{b}-{c}", "555-{c}").format(
    a=rng.randint(201, 989), b=rng.randint(201, 989), c=f"{rng.randint(0, 9999):04d}")
def pager(): return pick(f"{rng.randint(1, 9)}-{rng.randint(1000, 9999)}", str(rng.randint(10000, 99999)), str(rng.randint(1000, 9999)))
def ordinal(n): return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# ---------------------------------------------------------------- dates in every shape

SHORT = ("md", "md", "md", "mmdd", "dash", "long", "abbr", "dmon", "mdy")


def dshape(d: dt.date, style: str | None = None) -> str:
    style = style or rng.choice(SHORT + ("full", "iso", "longy"))
    m = MON[d.month - 1]
    return {"md": f"{d.month}/{d.day}", "mmdd": f"{d.month:02d}/{d.day:02d}", "dash": f"{d.month}-{d.day}",
            "long": f"{m} {ordinal(d.day)}", "abbr": f"{m[:3]} {d.day}", "dmon": f"{d.day}-{m[:3]}",
            "mdy": f"{d.month}/{d.day}/{d.year % 100:02d}", "full": f"{d.month:02d}/{d.day:02d}/{d.year}",
            "iso": d.isoformat(), "longy": f"{m} {d.day}, {d.year}"}[style]


def D(d, style=None): return S(dshape(d, style), "DATE")
def DS(d): return D(d, rng.choice(SHORT))  # the short shapes of running notes
def Y(y): return S(str(y), "YEAR")


def drange(a: dt.date, b: dt.date) -> list:
    st = pick("md", "md", "mmdd", "abbr")
    return P(D(a, st), pick("-", " - ", " to ", "->"), D(b, st))


def dwhen(d: dt.date) -> list:
    """A date with its shorthand cue: "on 3/4 @ 0200", "Tues 3/5", "the 4th"."""
    k = rng.randrange(5)
    if k == 0: return P("on ", DS(d), f" @ {tm()}")
    if k == 1: return P(WEEKDAYS[d.weekday()] + " ", DS(d))
    if k == 2: return P("the ", S(ordinal(d.day), "DATE"))
    if k == 3: return P("(", DS(d), ")")
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
    svc: str = ""
    nick: str | None = None
    pgy: int = 2
    pager: str = ""


def person(typ, sex=None, cred="", rel="", ab="", last=None, english=False, svc="") -> Person:
    sex = sex or pick("F", "M")
    first = rng.choice(ENGLISH[sex]) if english else faker_name("first", sex)
    p = Person(first, last or surname(), typ, sex, cred, rel, ab or rel, svc, pgy=rng.randint(1, 3), pager=pager())
    p.nick = rng.choice(NICKS) if typ != "CLINICIAN" and chance(0.2) else None
    return p


def hon(p): return "Mr." if p.sex == "M" else pick("Mrs.", "Ms.")


def nm(p: Person, form="fl") -> list:
    t = p.typ
    return {"fl": lambda: S(f"{p.first} {p.last}", t), "f": lambda: S(p.first, t), "l": lambda: S(p.last, t),
            "lf": lambda: P(S(p.last, t), ", ", S(p.first, t)), "FL": lambda: S(f"{p.first} {p.last}".upper(), t),
            "fll": lambda: S(f"{p.first} {p.last}".lower(), t), "F": lambda: S(p.first.upper(), t),
            "fl_": lambda: S(p.first.lower(), t), "il": lambda: S(f"{p.first[0]}. {p.last}", t),
            "t": lambda: P(hon(p) + " ", S(p.last, t))}[form]()


def initials(p): return (p.first[0] + p.last[0]).lower()


def doc(c: Person, form: str | None = None) -> list:
    """A clinician named every way: "dr x", "DR. X", "x md", "Dr X/ortho", "(X, RN)", "-kl rn", "pgy2 Smith"."""
    C, md = "CLINICIAN", c.cred in ("MD", "DO")
    form = form or (pick("dr", "DR", "Dr", "Dr", "Drsvc", "md", "fl", "sig", "sigr", "il", "drfl") if md
                    else pick("fl", "sig", "sigr", "paren", "init", "first", "credl", "l"))
    if not md and form in ("dr", "DR", "Dr", "Drsvc", "md", "drfl"):
        form = pick("paren", "sig", "credl")
    if form == "pgy" and c.cred == "MD":
        return P(pick(f"pgy{c.pgy} ", f"PGY-{c.pgy} ", f"R{c.pgy} ", "intern " if c.pgy == 1 else "resident "), S(c.last, C))
    return {"dr": lambda: P("dr ", S(c.last.lower(), C)), "DR": lambda: P("DR. ", S(c.last.upper(), C)),
            "Dr": lambda: P(pick("Dr. ", "Dr "), S(c.last, C)), "Drsvc": lambda: P("Dr ", S(c.last, C), "/" + (c.svc or "medicine")),
            "md": lambda: P(S(c.last.lower(), C), " md"), "drfl": lambda: P("Dr. ", S(f"{c.first} {c.last}", C)),
            "fl": lambda: S(f"{c.first} {c.last}", C), "sig": lambda: P(S(f"{c.first} {c.last}", C), ", " + c.cred),
            "sigr": lambda: P(S(c.last, C), ", ", S(c.first, C), " " + c.cred), "il": lambda: S(f"{c.first[0]}. {c.last}", C),
            "paren": lambda: P("(", S(c.last, C), ", " + c.cred.split(",")[0] + ")"),
            "init": lambda: P("-", S(initials(c), C), " " + c.cred.split(",")[0].lower()),
            "first": lambda: P(c.cred.split(",")[0] + " ", S(c.first, C)), "credl": lambda: P(S(c.last, C), " " + c.cred.split(",")[0]),
            "l": lambda: S(c.last, C), "ll": lambda: S(c.last.lower(), C), "pgy": lambda: S(c.last, C)}[form]()


def sign(c: Person) -> list:
    return pick(lambda: doc(c, "init"), lambda: doc(c, "sig"), lambda: doc(c, "sigr"),
                lambda: P(doc(c, "sig"), "  pager ", S(c.pager, "PHONE")), lambda: P(S(f"{c.first} {c.last}".upper(), "CLINICIAN"), " " + c.cred.split(",")[0]))()


def rel_ref(r: Person, hcp=False) -> list:
    """A relative, friend or proxy named every way, with or without the relation word."""
    k = rng.randrange(16 if r.rel else 3)
    if not r.rel: k = 13 + k
    if k == 0: return P(r.ab + " ", nm(r, "f"))  # dtr Nell
    if k == 1: return P(nm(r, "F"), f" ({r.ab.upper()})")  # NELL (DTR)
    if k == 2: return P(r.rel + " ", nm(r, "fl_"))  # son-in-law mike
    if k == 3: return P("pt's " + r.rel + ", ", nm(r, "fl"))  # pt's sister, Ana Ruiz
    if k == 4: return P("hcp=" if hcp else pick("", "pt's "), r.rel + " ", nm(r, "fl_"))  # hcp=husband gerald
    if k == 5: return P(nm(r, "t"), f" ({r.rel})")  # Mrs. Ruiz (wife)
    if k == 6: return P(nm(r, "f"), f" ({r.ab})")
    if k == 7 and r.nick: return P(r.rel + " ", nm(r, "f"), ' ("', S(r.nick, r.typ), '")')
    if k == 8: return P(nm(r, "lf"), f" ({r.rel})")
    if k == 9: return P(nm(r, "f"), ", pt's " + r.rel + ",")
    if k == 10: return P(r.rel + " (", nm(r, "f"), ")")  # wife (Ana)
    if k == 11: return P(nm(r, "FL"), " - " + r.rel.upper())
    if k == 12: return P(r.ab + "/HCP " if hcp else r.ab + " ", nm(r, "fl"))
    if k == 13: return P(r.rel + " " if r.rel else "", nm(r, "fl"))
    if k == 14: return P(nm(r, "fl"), ", " + (r.rel or "friend"))
    return P(S(f"{r.first} {r.last[0]}.", r.typ), f" ({r.rel or 'friend'})") if chance(0.3) else P(r.ab or "friend", " ", nm(r, "f"))


def bare(r: Person) -> list:
    """A relative once introduced: bare first name, nickname, lower case or capitals."""
    if r.nick and chance(0.3):
        return S(r.nick, r.typ)
    return nm(r, pick("f", "f", "f", "fl_", "F", "t"))


# ---------------------------------------------------------------- places


@dataclass
class Fac:
    formal: str
    shorts: list = field(default_factory=list)
    init: str | None = None


def ini(prefix, kind):
    i = prefix + "".join(w[0] for w in kind.split() if w[0].isupper())
    if len(i) < 3 or i in ABBR or i in USED:
        return None
    USED.add(i)
    return i


def F(f: Fac, form="any") -> list:
    if form == "any":
        form = pick("formal", "short", "short", "init") if f.init else pick("formal", "short")
    if form == "init" and not f.init:
        form = "short"
    text = {"formal": f.formal, "init": f.init, "short": rng.choice(f.shorts) if f.shorts else f.formal,
            "lower": (rng.choice(f.shorts) if f.shorts else f.formal).lower()}[form]
    return S(text, "FACILITY")


def hospital() -> Fac:
    k = rng.randrange(5)
    if k == 0 and set(SAINTS) - USED:
        s = uniq(lambda: rng.choice(SAINTS))
        kind = pick("Medical Center", "Hospital", "Regional Medical Center")
        return Fac(f"Saint {s} {kind}", [f"St. {s}", f"St {s}"], ini("S" + s[0], kind))
    if k == 1:
        t = town()
        return Fac(f"{t} General Hospital", [f"{t} General", f"{t} Gen"], ini(t[0], "General Hospital"))
    if k == 2:
        s = surname()
        return Fac(f"{s} Memorial Hospital", [f"{s} Memorial", s], ini(s[0], "Memorial Hospital"))
    if k == 3:
        w = placeword()
        return Fac(f"{w} {pick('Hospital', 'Community Hospital')}", [w])
    t = town()
    return Fac(f"University of {t} Medical Center", [f"{t} University Hospital"], ini("U" + t[0], "Medical Center"))


def snf() -> Fac:
    w = rng.choice((placeword, surname, town))()
    kind = pick("Skilled Nursing Facility", "Center for Rehabilitation and Healing", "Manor", "Nursing Home", "Health Care Center")
    return Fac(f"{w} {kind}", [f"{w} SNF", w] if kind != "Manor" else [f"{w} Manor", w], ini(w[0], kind))


def rehab() -> Fac:
    w = rng.choice((placeword, town))()
    return Fac(f"{w} Rehabilitation Hospital", [f"{w} Rehab", w], ini(w[0], "Rehabilitation Hospital"))


def other(kind) -> Fac:
    s, t, w = surname, town, placeword
    opts = {"pharm": [lambda: Fac(f"{s()} Pharmacy"), lambda: Fac(f"{t()} Apothecary"), lambda: Fac(f"{w()} Drug")],
            "prac": [lambda: Fac(f"{t()} Family Medicine", []), lambda: Fac(f"{w()} Primary Care Associates")],
            "employer": [lambda: Fac(f"{s()} Tool & Die"), lambda: Fac(f"{t()} Distribution Center"), lambda: Fac(f"{w()} Foods"),
                         lambda: Fac(f"{t()} Public Schools"), lambda: Fac(f"{s()} Lumber")],
            "church": [lambda: Fac(f"St. {rng.choice(SAINTS)} Parish"), lambda: Fac(f"{w()} Baptist Church"),
                       lambda: Fac(f"First Congregational Church of {t()}")],
            "hh": [lambda: Fac(f"{t()} Visiting Nurse Association", []), lambda: Fac(f"{w()} Home Health")],
            "transport": [lambda: Fac(f"{w()} Ambulance"), lambda: Fac(f"{s()} Medical Transport")],
            "dme": [lambda: Fac(f"{w()} Medical Supply"), lambda: Fac(f"{s()} Home Medical")],
            "lang": [lambda: Fac(f"{w()} Language Line"), lambda: Fac(f"{s()} Interpreting Services")]}
    return rng.choice(opts[kind])()


# ---------------------------------------------------------------- one patient's record

RELS = [("wife", "F", ["wife"]), ("husband", "M", ["husb", "husband"]), ("daughter", "F", ["dtr", "dau", "daughter"]),
        ("son", "M", ["son"]), ("sister", "F", ["sis", "sister"]), ("brother", "M", ["bro", "brother"]),
        ("son-in-law", "M", ["SIL", "son-in-law"]), ("daughter-in-law", "F", ["DIL"]), ("granddaughter", "F", ["GD", "grand-daughter"]),
        ("grandson", "M", ["GS", "grandson"]), ("niece", "F", ["niece"]), ("nephew", "M", ["nephew"]), ("partner", None, ["partner"])]
SERVICES = ["renal", "ID", "cards", "GI", "neuro", "ortho", "surgery", "heme/onc", "palliative", "psych", "EP", "IR"]
LANGS = ["Spanish", "Portuguese", "Vietnamese", "Polish", "Haitian Creole", "Cantonese", "Arabic", "Russian"]
PROBS = [("septic shock from LLL PNA", "cefepime/vanc", "ex-lap"), ("ARDS after aspiration", "ceftriaxone/azithro", "bronch"),
         ("perforated diverticulitis s/p Hartmann's", "pip-tazo", "ex-lap"), ("UGIB from duodenal ulcer", "pantoprazole gtt", "EGD"),
         ("DKA with AKI", "insulin gtt", "HD line"), ("COPD exac w/ hypercarbic resp failure", "pred/azithro", "intubation"),
         ("cardiogenic shock after NSTEMI", "heparin gtt", "cath"), ("SAH s/p coiling", "nimodipine 60mg q4h", "EVD"),
         ("necrotizing pancreatitis", "meropenem", "ex-lap"), ("status epilepticus", "levetiracetam 1500 mg BID", "LP")]


class World:
    def __init__(self, n: int):
        self.pid = f"dev10-p{n:03d}"
        self.sex = pick("F", "M")
        self.pt = person("PATIENT", self.sex)
        self.age = rng.randint(90, 102) if chance(0.15) else rng.randint(28, 89)
        self.adm = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2100))
        self.los = rng.randint(6, 20)
        self.dis = self.adm + dt.timedelta(days=self.los)
        self.mrn, self.fin = str(rng.randint(1000000, 99999999)), str(rng.randint(10**8, 10**10))
        self.prob, self.abx, self.proc = rng.choice(PROBS)
        self.home, self.osh, self.osh2 = hospital(), hospital(), hospital()
        self.snf, self.rehab, self.nh = snf(), rehab(), snf()
        self.town, self.born, self.county, self.zip = town(), town(), f"{town()} County", f"{rng.randint(1001, 99950):05d}"
        self.pharm, self.prac, self.employer, self.church = other("pharm"), other("prac"), other("employer"), other("church")
        self.hh, self.transport, self.dme, self.lang_co = other("hh"), other("transport"), other("dme"), other("lang")
        self.lang = rng.choice(LANGS) if chance(0.5) else None
        docs = lambda n: [person("CLINICIAN", cred="MD") for _ in range(n)]
        self.att, self.res, self.fellow, self.pcp, self.anes, self.snf_md = docs(6)
        self.fellow.svc = pick("pulm/cc", "ID", "renal")
        self.cons = [person("CLINICIAN", cred="MD", svc=s) for s in rng.sample(SERVICES, 3)]
        self.rns = [person("CLINICIAN", cred=pick("RN", "RN", "RN, BSN")) for _ in range(3)]
        self.rt = person("CLINICIAN", cred=pick("RRT", "RT"))
        self.ptx = person("CLINICIAN", cred=pick("PT, DPT", "PT"))
        self.ot = person("CLINICIAN", cred=pick("OTR/L", "OT"))
        self.rd = person("CLINICIAN", cred=pick("RD, LDN", "RD"))
        self.pharmd = person("CLINICIAN", cred="PharmD")
        self.chap = person("CLINICIAN", cred=pick("MDiv, BCC", "chaplain"))
        self.cm = person("CLINICIAN", cred=pick("RN, CCM", "LICSW"))
        self.interp = person("CLINICIAN", cred="CMI")
        self.liaison = person("CLINICIAN", cred=pick("RN", "LPN"))
        spouse = ("wife" if self.sex == "M" else "husband") if chance(0.7) else "partner"
        pool = [r for r in RELS if r[0] not in ("wife", "husband", "partner")]
        chosen = [next(r for r in RELS if r[0] == spouse)] + rng.sample(pool, rng.randint(2, 4))
        self.rels = []
        for rel, sex, abbrs in chosen:
            same = rel in ("wife", "husband", "daughter", "son", "sister", "brother", "granddaughter", "grandson") and chance(0.6)
            self.rels.append(person("RELATIVE", sex, rel=rel, ab=rng.choice(abbrs), last=self.pt.last if same else None, english=chance(0.35)))
        if chance(0.4):  # the spouse has died: the HCP is a child or sibling
            self.rels = self.rels[1:]
        self.hcp = self.rels[0]
        self.friend = person("RELATIVE", rel=pick("friend", "neighbor", "roommate", "best friend"), english=chance(0.4))
        self.priest = person("RELATIVE", "M", rel="pastor")
        self.phones = {id(r): phone() for r in self.rels + [self.friend]}

    def day(self, lo=0, hi=None):
        return self.adm + dt.timedelta(days=rng.randint(lo, self.los - 1 if hi is None else hi))

    def rel(self, but=None): return rng.choice([r for r in self.rels if r is not but] or self.rels)
    def ph(self, r): return S(self.phones[id(r)], "PHONE")
    def A(self):
        return P(S(str(self.age), "AGE") if self.age > 89 else str(self.age), pick(" yo ", "yo ", " y/o ", "-year-old ")) + P(pick(
            "M" if self.sex == "M" else "F", "man" if self.sex == "M" else "woman"))


LOOK = ["BP 100-115/45-60", "BP 120/80", "MAP 65-70", "HR 88-102 ST", "K 3.4 repleted w/ 40 meq KCL", "GCS 10/15 -> 14/15",
        "strength 4/5 BLE", "percocet 5/325 1 tab q6h prn", "ABG 7.32/48/88", "I/O +1.2L", "CVP 8-12", "Swan-Ganz CI 2.1",
        "Foley to gravity", "Murphy's sign neg", "Hgb 7.9 -> 8.4", "Cr 1.8 (baseline 1.1)", "lactate 2.1"]


def look(n=2): return "; ".join(rng.sample(LOOK, n))


def vent(): return pick("AC 8x500x50 PEEP 5", "AC 14x450x.40 +8", "PS 10/5 FiO2 40%", "CPAP/PS 5/5", "PRVC 16/420/60%/10", "APRV 28/5")


# ---------------------------------------------------------------- genres


def g_icu_nursing(w: World):
    d, r0 = w.day(1), w.hcp
    r1 = w.rel(but=r0)
    rn, res = rng.choice(w.rns), pick(w.res, w.att, w.fellow)
    social = pick(
        lambda: P(rel_ref(r0), " and ", rel_ref(r1), " in to visit, updated by ", doc(res), ". "),
        lambda: P(rel_ref(r1), " called x2, updated by RN; ", bare(r1), " will call ", rel_ref(r0), ". "),
        lambda: P("family at bedside most of shift (", bare(r0), ", ", rel_ref(w.friend), "). ", doc(res), " spoke w/ family @ ", tm(), ". "),
        lambda: P("no visitors. hcp ", rel_ref(r0), " ", w.ph(r0), " aware of plan, may come in tomorrow. "),
        lambda: P(r0.rel, " and ", r1.rel, " in to visit (", bare(r0), ", ", bare(r1), "), updated by ", doc(res), " @ ", tm(), ". "),
        lambda: P(rel_ref(r1), " called @ ", tm(), "; will call hcp ", bare(r0), " back after rounds. "))()
    out = P(pick("NPN 7p-7a", "Nursing Progress Note 0700-1900", "MICU NSG NOTE 7A-7P", "nursing note 7a-7p", "CCU RN note 1900-0700"),
            "  ", DS(d), "\n",
            "NEURO: ", pick("A&Ox3, MAE, follows commands.", "sedated on propofol 20 mcg/kg/min, RASS -2, PERRL.",
                            "opens eyes to voice, GCS 3/15 -> 9/15 after sedation held.", "restless o/n, CAM+, haldol 2mg x1."),
            " ", pick("pain 4/10 w/ turns, fentanyl 50mcg/hr.", "CIWA 8.", "neuro checks q2h wnl."), "\n",
            "CV: ", look(2), ". ", pick("levophed weaned to off @ 0400.", "pressors: vaso 0.04 + levo 0.08.", "NSR 70s, no ectopy."), "\n",
            "RESP: ", vent(), pick(", sx for thick tan secretions.", ", LS coarse bilat.", ", SBT in am per RT."),
            *([" (", doc(w.rt, pick("paren", "first", "l")), " aware)"] if chance(0.5) else []), "\n",
            "GI: ", pick("TF @ 40 cc/hr via OGT, goal 60.", "abd soft, +BS, no BM x3d, senna/colace."),
            *([" NPO after MN for ", w.proc, " ", dwhen(d + dt.timedelta(days=1)), "."] if chance(0.4) else []), "\n",
            "GU: Foley draining clear yellow 30-60cc/hr.\n",
            "ID/MEDS: Tmax 101.2, on ", w.abx, ". BCx from ", DS(d - dt.timedelta(days=1)), " ngtd.\n",
            "SOCIAL: ", social, pick("family hopes pt will wean.", "will update in am.", "full code.", "DNR/I per hcp."), "\n",
            "PLAN: ", pick("cont to monitor, wean vent as tol.", "? extubate in am.", "f/u w/ team re abx, grant request for chair pending."), "\n",
            sign(rn), "\n")
    return out, pick("upper", "lower", None)


def g_icu_progress(w: World):
    d, hd = w.day(2), None
    c1, c2, c3 = w.cons
    hd = (d - w.adm).days + 1
    pod = rng.randint(1, 4)
    out = P(pick("MICU Progress Note", "SICU DAILY NOTE", "ICU Progress Note - Team B"), "  HD#", str(hd), "  ", D(d, pick("full", "md", "long")), "\n",
            "Attending: ", doc(w.att, pick("Dr", "fl", "drfl")), "   Resident: ", doc(w.res, "pgy"), "   Fellow: ", doc(w.fellow, pick("Dr", "l", "Drsvc")), "\n\n",
            pick("o/n: ", "24h events / o/n: ", "EVENTS: "), pick("pressors weaned off @ 0300; ", "febrile to 101.4 o/n, pan-cx'd; ", "self-extubated 0410, reintubated; "),
            "d/w ", c1.svc, " (", doc(c1, pick("l", "ll", "dr")), ") ", pick("re: CRRT vs iHD.", "- recs in chart.", "who will see today."), "\n\n",
            "S: ", pick(lambda: P("intubated/sedated."), lambda: P("c/o abd pain."),
                        lambda: P("per RN (", doc(rng.choice(w.rns), "l"), ") slept poorly."))(), "\n",
            "O: ", look(3), "  Vent: ", vent(), "\n\n",
            "A/P: ", w.A(), f" w/ {w.prob}, ", pick("transferred from ", "tx'd from ", "OSH: "), F(w.osh, "any"), " ", dwhen(w.adm), ".\n",
            f"# {w.prob}: s/p {w.proc} ", DS(w.adm + dt.timedelta(days=1)), f"; POD#{pod} (", DS(w.adm + dt.timedelta(days=1 + pod)), "). ",
            pick(lambda: P("per ID fellow (", doc(w.fellow, pick("l", "ll", "il")), ")"), lambda: P("per ", doc(c2)),
                 lambda: P("d/w ", c2.svc, " (", doc(c2, pick("l", "ll")), ")"))(),
            f" cont {w.abx} ", drange(d - dt.timedelta(days=2), d + dt.timedelta(days=5)), ".\n",
            "# Lines: R IJ TLC placed ", DS(w.adm), ", dc'd ", DS(d), ". A-line.\n",
            f"# {c3.svc}: ", doc(c3, pick("Drsvc", "Dr", "md")), " following, ", pick(lambda: P("may need IR drain."), lambda: P("will f/u recs."), lambda: P("signed off ", DS(d), "."))(), "\n",
            "# Dispo/Family: ", rel_ref(w.hcp, True), " updated by phone ", w.ph(w.hcp), "; family mtg ", dwhen(d + dt.timedelta(days=1)),
            ". Came from ", F(w.nh, "any"), " in ", T(w.town), ".\n\n",
            pick("Seen and examined with ", "D/w "), doc(w.res, "pgy"), ". Agree with above. ", sign(w.att), "\n")
    return out, pick(None, None, "lower")


def g_resp_therapy(w: World):
    d = w.day(1)
    out = P(pick("RESPIRATORY CARE NOTE", "RT Progress Note", "RESP THERAPY"), "  ", DS(d), f"  {tm()}\n",
            vent(), " -> SBT ", pick("0700", "0800"), f" on PS 5/5 x 30 min: RSBI {rng.randint(40, 110)}; ",
            "ABG 7.41/38/92.\n", pick("Extubated ", "Trached ", "Reintubated "), dwhen(d), " per ", doc(pick(w.res, w.fellow, w.att)), ". Cuff leak present.\n",
            "MDIs: albuterol 2.5mg/ipratropium 0.5mg q4h.\n",
            "Home CPAP ", pick("10 cmH2O", "12/8"), " confirmed with ", rel_ref(w.rel()), "; machine from ", F(w.dme, "formal"),
            pick(" (last serviced ", " (mask replaced "), DS(d - dt.timedelta(days=rng.randint(30, 300))), ").\n",
            *(["Was on BiPAP at ", F(w.osh, "any"), " prior to transfer ", DS(w.adm), ".\n"] if chance(0.5) else []),
            "Will follow. ", sign(w.rt), "\n")
    return out, pick(None, "upper")


def g_pt_ot(w: World):
    d, r = w.day(3), w.rel()
    t = rng.choice((w.ptx, w.ot))
    out = P("PHYSICAL THERAPY EVALUATION" if t is w.ptx else "OCCUPATIONAL THERAPY TREATMENT NOTE", "   Date: ", D(d, pick("full", "md")), "\n", "Pt: ", nm(w.pt, pick("fl", "lf", "FL", "t")), "  ", w.A(), "\n",
            "Order by ", doc(w.res, pick("Dr", "pgy", "fl")), f". Dx: {w.prob}.\n",
            "PLOF: lives w/ ", rel_ref(w.hcp), " in ", T(w.town), pick(" in a 2-story home, 12 STE w/ L rail;", ", 1st floor apt;"), " IND w/ cane. ",
            pick("Works at ", "Retired from "), F(w.employer, "formal"), ".\n",
            "Strength 4/5 BLE, 3+/5 RUE. Sit->stand min A x1. Amb 40 ft w/ RW, CGA. Tinetti 14/28. AM-PAC 16.\n",
            "Family training: ", rel_ref(r), " trained in transfers and gait belt use ", dwhen(d), ". ", bare(r),
            pick(" demonstrated safe car transfer.", " will need more practice."), "\n",
            "Recs: ", pick("SNF", "acute rehab"), " - ", F(w.snf, "formal"), " or ", F(w.rehab, pick("short", "init")),
            " (family preference, close to ", T(w.town), "). If home: 24h supervision, RW, tub bench, home PT via ", F(w.hh, "formal"), ".\n",
            "Will follow 3-5x/wk. ", sign(t), "\n")
    return out, None


def g_nutrition(w: World):
    d, r = w.day(1), w.rel()
    out = P("NUTRITION ASSESSMENT  ", DS(d), "\n", "Pt: ", nm(w.pt, pick("fl", "lf", "FL", "t")), "  ", w.A(), "\n", f"Ht 170 cm  Wt {rng.randint(48, 120)} kg  BMI 28  IBW 66 kg\n",
            "Wt hx per ", rel_ref(r), f": {rng.randint(60, 130)} kg on ", D(d - dt.timedelta(days=rng.randint(60, 200))), " at ",
            F(pick(w.prac, w.osh), "any"), " -> 9% loss x 3 mo.\n",
            "Diet hx: ", bare(r), pick(" cooks most meals;", " says pt eats 1 meal/day;"), " may have limited intake since ", DS(d - dt.timedelta(days=20)), ".\n",
            "TF: Vital AF 1.2 @ 60 ml/hr goal via OGT; Prosource 1 pkt BID. Propofol 12 ml/hr = 317 kcal.\n",
            "Malnutrition: severe, chronic (NFPE mod temporal wasting).\n",
            "Recs: advance TF to goal, MVI, thiamine. D/w team (", doc(pick(w.res, w.att)), ").\n", sign(w.rd), "\n")
    return out, pick(None, "lower")


def g_pharmacy_consult(w: World):
    d, r = w.day(0, 2), w.rel()
    out = P("PHARMACY CONSULT - ", pick("vancomycin dosing / med rec", "anticoagulation", "renal dosing"), "  ", D(d, pick("full", "md")), "\n", "Pt: ", nm(w.pt, pick("fl", "lf", "FL", "t")), "  ", w.A(), "\n",
            "Home meds confirmed with ", pick(lambda: P("pt's ", r.rel), lambda: rel_ref(r))(), "/ ", F(w.pharm, "formal"), " (", S(phone(), "PHONE"), ")",
            " and ", F(w.prac, "formal"), " records. Last fill ", DS(d - dt.timedelta(days=rng.randint(3, 40))), ".\n",
            "- metoprolol tartrate 25 mg BID\n- oxycodone-acetaminophen 5/325 1 tab q6h prn\n",
            "- apixaban 5 mg BID (last dose ", dwhen(d - dt.timedelta(days=1)), " per ", bare(r), ")\n",
            "Vanc: trough 14.2 on ", DS(d), " @ 0530; AUC 480; new dose 1250 mg q12h. Next level ", DS(d + dt.timedelta(days=2)), ".\n",
            "Outside records from ", F(w.osh, "any"), " received ", DS(d), ": got vanc 1 g there on ", DS(w.adm), ".\n",
            "Recs d/w ", doc(w.res, "pgy"), " / ", doc(w.fellow), ". ", sign(w.pharmd), "  x", S(rng.randint(2000, 9999), "PHONE"), "\n")
    return out, None


def present(w: World) -> list:
    rows = [rel_ref(r, r is w.hcp) for r in w.rels] + [rel_ref(w.friend)]
    if chance(0.5):
        rows.append(P(pick("Fr. ", "Pastor ", "Rev. "), nm(w.priest, pick("l", "fl")), " (", F(w.church, "any"), ")"))
    if w.lang:
        rows.append(P(w.lang + " interpreter ", doc(w.interp, pick("fl", "l")), " (ID #", S(rng.randint(10000, 99999), "ID"), ")"))
    rows += [P(doc(w.att, pick("Dr", "drfl", "sig")), " (attending)"), P(doc(w.res, "pgy"), " (resident)"),
             P(doc(w.cm, "sig")), P("chaplain ", doc(w.chap, "fl")), P(doc(rng.choice(w.rns), pick("paren", "sig", "credl")))]
    out = []
    for x in rows:
        out += P(pick("- ", "* ", ""), x, "\n")
    return out


def g_family_meeting(w: World):
    d, h, fr = w.day(3), w.hcp, w.friend
    r1 = w.rel(but=h)
    out = P(pick("FAMILY MEETING NOTE", "Goals of Care Discussion", "FAMILY MTG"), "  ", D(d, pick("full", "long", "md")), f"  {tm()}\n",
            "Present:\n", present(w),
            "Patient: ", pick("not present (intubated/sedated).", "participated briefly, nodding.", "in room, unable to participate."), "\n",
            "HCP: ", rel_ref(h, True), " ", w.ph(h), "; proxy form dated ", D(w.adm - dt.timedelta(days=rng.randint(100, 2000)), pick("full", "mdy")), ".\n\n",
            "Discussion: ", doc(w.att, pick("Dr", "dr", "l")), " reviewed course since admission ", DS(w.adm), f" ({w.prob}). ",
            bare(h), pick(" stated pt \"would never want to live on machines\". ", " asked whether pt may recover. "),
            rel_ref(r1), " and ", bare(h), " agreed. ", rel_ref(fr), pick(" (friend x 30 yrs) shared ", " described "),
            "that pt ", pick("loved gardening at home in ", "still drove to church in "), T(w.town), ". We hope to ", pick("honor this.", "give 48-72h trial."),
            *([" Interpreter used throughout; ", bare(r1), " did not interpret."] if w.lang else []), "\n",
            "Decision: ", pick("DNR/DNI; continue current care, ", "transition to CMO "), "re-meet ", dwhen(d + dt.timedelta(days=2)),
            ". MOLST signed by ", bare(h), " as HCP. ", bare(r1), pick(" will call out-of-town ", " will update "), rel_ref(rng.choice(w.rels)), ".\n",
            "Time: 1400-1510, >50% counseling. ", sign(w.att), "\n")
    return out, pick(None, None, "upper")


def g_code_event(w: World):
    d = w.day(1)
    rn, h = rng.choice(w.rns), w.hcp
    t0 = rng.randint(0, 22)
    ts = [f"{t0:02d}{m:02d}" for m in (5, 7, 9, 12, 16, 24, 35, 48)]
    out = P(pick("CODE BLUE NOTE", "RAPID RESPONSE / CODE EVENT", "Code Narrator Record"), "  ", D(d, pick("full", "md", "mdy")), "\n", "Pt: ", nm(w.pt, pick("fl", "lf", "FL", "t")), "  ", w.A(), "\n",
            "Responders: ", doc(w.fellow, pick("Dr", "dr", "fl")), " (ICU fellow), ", doc(w.res, "pgy"), " (code leader), ",
            doc(rn, pick("l", "fl")), " RN (primary), ", doc(w.rt, pick("fl", "l")), " RT, ", doc(w.pharmd, "fl"), " PharmD, anesthesia (",
            doc(w.anes, pick("Dr", "l")), ") for airway.\n",
            f"{ts[0]} pulseless, CPR started by ", doc(rn, pick("l", "first", "fl")), ".\n", f"{ts[1]} epi 1mg IVP #1.\n",
            f"{ts[2]} rhythm check VF, shocked 200J.\n", f"{ts[3]} amio 300mg. ROSC.\n",
            f"{ts[4]} intubated by ", doc(w.anes, pick("Drsvc", "Dr", "md")), ", 7.5 ETT 23 @ lip.\n",
            f"{ts[5]} BP 120/80 on levo 0.1. GCS 3/15.\n",
            f"{ts[6]} ", rel_ref(h, True), " called by ", doc(w.res, pick("dr", "pgy", "l")), "; ", bare(h), " en route from ", T(pick(w.town, w.born)), ".\n",
            f"{ts[7]} ", doc(w.att, pick("DR", "Dr", "dr")), " at bedside. Code status prior: full (confirmed w/ HCP ", dwhen(w.adm), ").\n",
            "Recorder: ", sign(rng.choice(w.rns)), "\n")
    return out, pick(None, "upper")


def g_chaplain(w: World):
    d, r = w.day(2), w.rel(but=w.hcp)
    out = P(pick("SPIRITUAL CARE NOTE", "Chaplaincy Visit", "PASTORAL CARE"), "  ", DS(d), "\n", "Pt: ", nm(w.pt, pick("fl", "lf", "FL", "t")), "  ", w.A(), "\n",
            "Visited at request of ", pick(lambda: rel_ref(r), lambda: doc(rng.choice(w.rns), pick("first", "paren")))(), ". ",
            "Pt is ", pick("Catholic", "Baptist", "Pentecostal", "Jewish", "Muslim", "nonpracticing"), "; member of ", F(w.church, "formal"),
            " in ", T(w.town), ". ", pick("Fr. ", "Pastor ", "Rev. "), nm(w.priest, pick("l", "fl")), " aware and may visit ", dwhen(d + dt.timedelta(days=1)), ".\n",
            "Offered prayer with ", rel_ref(w.hcp), " and ", rel_ref(r), ". ", bare(r), " tearful, expressed hope that pt will ",
            pick("wake up.", "not suffer.", "make it home for the holidays."), " ", bare(w.hcp), pick(" asked for anointing.", " declined prayer."), "\n",
            *(["Friend ", nm(w.friend, pick("f", "fl")), " also present.\n"] if chance(0.5) else []),
            *(["Pt goes by \"", S(w.pt.nick, "PATIENT"), "\"; ", nm(w.pt, "f"), " responded to hymn.\n"] if w.pt.nick else []),
            "Will follow. ", doc(w.chap, pick("sig", "sigr", "fl")), "  pgr ", S(w.chap.pager, "PHONE"), "\n")
    return out, pick(None, "lower")


def g_interpreter_log(w: World):
    lang = w.lang or rng.choice(LANGS)
    out = P("INTERPRETER SERVICES LOG - ", lang, "   MRN ", S(w.mrn, "ID"), "\n")
    d = w.day(0, 3)
    for i in range(rng.randint(3, 5)):
        who = rng.choice([w.res, w.att, w.rns[0], w.ptx, w.rd, w.cm])
        mode = pick("in-person", "phone", "video")
        terp = (P(doc(w.interp, pick("fl", "l", "sigr"))) if mode == "in-person"
                else P(F(w.lang_co, pick("formal", "short")), " op #", S(rng.randint(100000, 999999), "ID")))
        out += P(DS(d), f"  {tm()}  {mode:<9}  ", terp, "  for ", doc(who), pick(" (rounds)", " (consent)", " (d/c teaching)", ""),
                 " w/ pt", *([" and ", rel_ref(w.rel())] if chance(0.6) else []), "\n")
        d += dt.timedelta(days=rng.randint(0, 2))
    out += P("Note: ", rel_ref(w.rel()), " offered to interpret ", dwhen(d), "; declined per policy.\n")
    return out, None


def g_discharge_planning(w: World):
    d, dc, h = w.day(3), w.dis, w.hcp
    em = f"{h.first.lower()}.{re.sub('[^a-z]', '', h.last.lower())}{rng.randint(1, 99)}@{pick('gmail.com', 'yahoo.com', 'outlook.com', 'comcast.net')}"
    out = P(pick("DISCHARGE PLANNING NOTE", "CM/Discharge Planning", "D/C PLANNING UPDATE"), "  ", DS(d), "\n", "Pt: ", nm(w.pt, pick("fl", "lf", "FL", "t")), "  ", w.A(), "\n",
            "Admitted ", D(w.adm, pick("full", "md")), " from ", F(w.osh, "any"), "; prior to that at ", F(w.nh, "any"), " (LTC) since ", Y(w.adm.year - rng.randint(1, 4)), ".\n",
            "Anticipated dc: ", DS(dc), pick(" (tentative)", "", " if bed"), "; window ", drange(dc - dt.timedelta(days=1), dc + dt.timedelta(days=3)), ".\n",
            "Accepting: ", F(w.snf, "formal"), *([" (", F(w.snf, "init"), ")"] if w.snf.init else []), ", accepting MD ", doc(w.snf_md, pick("Dr", "drfl")),
            "; liaison ", doc(w.liaison, pick("fl", "sig")), " ", S(phone(), "PHONE"), ". Auth #", S(f"{pick('A', 'PA', 'HN')}{rng.randint(10**6, 10**8)}", "ID"), ".\n",
            "Backup: ", F(w.rehab, "any"), pick(" declined ", " pending "), DS(d), ".\n",
            "Transport: ", F(w.transport, "formal"), pick(" BLS", " w/c van"), " booked ", dwhen(dc), ".\n",
            "Family: ", rel_ref(h, True), " to meet pt at ", F(w.snf, "short"), "; packet emailed to ", S(em, "EMAIL"), ".\n",
            "PCP ", doc(w.pcp, pick("Dr", "drfl", "dr")), " (", F(w.prac, "any"), ") f/u ", DS(dc + dt.timedelta(days=7)), ".\n",
            sign(w.cm), "\n")
    return out, pick(None, "lower")


def g_visitor_phone_log(w: World):
    d = w.day(1)
    out = P(pick("FAMILY COMMUNICATION LOG", "Visitor / Phone Log", "PHONE CALLS"), "  ", DS(d), "\n")
    h, r, fr = w.hcp, w.rel(), w.friend
    lines = [lambda: P("re: pt ", nm(w.pt, pick("fl", "t", "l")), " - ", w.A()),
             lambda: P("call from ", rel_ref(r), " ", w.ph(r), " - updated by ", doc(rng.choice(w.rns), pick("l", "first", "paren"))),
             lambda: P(rel_ref(pick(*w.rels)), " in to visit, brought pt's glasses"),
             lambda: P(doc(w.att, pick("DR", "dr", "Dr")), " called HCP ", bare(h), " re: plan"),
             lambda: P(rel_ref(h, True), " called, asked re: d/c date; told tentative ", DS(w.dis)),
             lambda: P(pick("Pastor ", "Fr. "), nm(w.priest, "l"), " from ", F(w.church, "any"), " visited"),
             lambda: P("spoke w/ ", pick("grand-daughter", "granddaughter", "grandson"), " (no name given) - referred to HCP"),
             lambda: P(rel_ref(fr), " ", w.ph(fr), " called; not on release list, no info given"),
             lambda: P(bare(r), " called back; will bring ", rel_ref(w.rel(but=r)), " tomorrow"),
             lambda: P("message left for ", bare(h), " at ", w.ph(h))]
    times = sorted(tm() for _ in range(rng.randint(4, 6)))
    for t, line in zip(times, rng.sample(lines, len(times))):
        out += P(t + " ", line(), ".\n")
    out += P(sign(rng.choice(w.rns)), "\n")
    return out, pick(None, "lower", "upper")


def g_admission_hp(w: World):
    d, h = w.adm, w.hcp
    prior = w.adm - dt.timedelta(days=rng.randint(30, 700))
    out = P(pick("MICU ADMISSION H&P", "ICU Admission Note", "Admission History and Physical"), "   ", D(d, pick("full", "longy", "iso")), "\n",
            "Patient: ", nm(w.pt, pick("fl", "lf", "FL")), "   MRN ", S(w.mrn, "ID"), "   Acct ", S(w.fin, "ID"), "\n\n",
            "HPI: ", nm(w.pt, pick("t", "fl")), " is a ", w.A(), f" w/ {w.prob}, ", pick("transferred from ", "sent from "), F(w.osh, "formal"),
            *([" (", F(w.osh, "init"), ")"] if w.osh.init else []), " ", dwhen(d), ". Initially presented to ", F(w.osh2, "any"),
            " from ", F(w.nh, "formal"), ". Hx per ", rel_ref(h, True), " and OSH records.\n",
            "PMH: CAD s/p CABG ", Y(d.year - rng.randint(3, 20)), f", {w.proc} ", D(prior, pick("mdy", "full", "md")), ", HTN.\n",
            "SOCIAL HISTORY: Lives with ", rel_ref(w.rel()), " in ", T(w.town), *([" (", S(w.county, "LOCATION"), ")"] if chance(0.4) else []), ". Born in ", T(w.born),
            ", moved here in ", Y(d.year - rng.randint(5, 40)), ". ", pick("Works at ", "Retired from ", "Formerly worked at "), F(w.employer, "formal"), ". ",
            "Former smoker 40 pk-yr. PCP: ", doc(w.pcp), " at ", F(w.prac, "formal"), ". Prior hospitalizations at ", F(w.osh, "any"), " (", DS(prior), ") and ",
            F(w.osh2, "formal"), ". HCP: ", rel_ref(h, True), " ", w.ph(h), ".\n",
            "FAMILY HISTORY: mother d. of MI at 60, father w/ Parkinson's.\n",
            "EXAM: ", look(3), ", GCS 3/15 on arrival.\n",
            "A/P: admit MICU; ", doc(w.cons[0], pick("Drsvc", "Dr")), " consulted; d/w ", doc(w.fellow, pick("l", "dr")), ".\n",
            sign(w.res), "  / ", doc(w.att, pick("sig", "Dr")), "\n")
    return out, None


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
    for n in needles - {s["text"] for s in spans if len(s["text"]) <= 2}:  # a signature's initials ("-cm rn") may be a unit too
        eng = n.lower() in ENGLISH_SET
        if eng and (case or not n[:1].isupper()):
            continue
        pat = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, n.split())) + r"(?![A-Za-z0-9])"
        for m in re.finditer(pat, text, 0 if eng else re.IGNORECASE):
            if eng and re.search(r"(^|\n|[.:] )$", text[: m.start()][-2:] if m.start() > 1 else text[: m.start()]):
                continue  # "Will follow." opening a sentence is the word
            assert any(s["start"] <= m.start() and m.end() <= s["end"] for s in spans), \
                (row["id"], n, text[max(0, m.start() - 60): m.end() + 60])


def main() -> None:
    worlds = [World(i) for i in range(1, 61)]
    counts = [3] * 28 + [4] * 32  # 212 notes
    rng.shuffle(counts)
    rows, k = [], 0
    for w, n in zip(worlds, counts):
        genres = rng.sample(GENRES, n)
        if "icu_nursing" not in genres and chance(0.4):  # the nursing note is the commonest of a stay
            genres[0] = "icu_nursing"
        for g in sorted(genres, key=GENRES.index):
            segs, case = GENS[g](w)
            text, spans = assemble(segs, case)
            k += 1
            row = {"id": f"dev10-{k:04d}", "patient": w.pid, "genre": g, "text": text, "spans": spans}
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
