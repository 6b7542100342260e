"""Dev8, written blind to the de-identifier's rules: the notes where OUTSIDE places are named in passing. Genres: sign-out
and handoff lists (pipe tables, fixed-width columns, numbered rows, SBAR blocks, a few all in lower case) whose rows name
other hospitals, SNFs, rehabs, dialysis units and clinics every way clinicians write them; ED triage and ED provider
notes whose event location is PHI (roads, highways and exits, intersections, businesses, parks, malls, workplaces,
schools, churches, EMS agencies, towns in any case); discharge summaries (letterhead, transfer history, follow-up table,
pharmacy, some hard-wrapped at 70-76 columns, some sections or whole notes in capitals) naming a facility formally and
informally in one note; social-work and case-management notes (housing, shelters, employers, schools, churches,
agencies, addresses, relatives and friends named every way). ~50 patients, 2-4 notes each, sharing that patient's people
and places. Everything is synthetic: faker names in several locales folded to ASCII, towns from syllables, facilities
from saints, surnames, towns and words.

Labelling conventions (dev6's). FACILITY: the institution's proper name as written, with its kind words; a leading
"the", a possessive "'s", parentheses and any department or unit are outside; initials (any case) are a span of their
own; bare names, pharmacies, labs, ambulance services and health systems are FACILITY; payers are not; a town inside a
facility's name is part of the span. LOCATION: street with house number, town, county ("X County"), ZIP each a span;
states and countries unlabelled. CLINICIAN/PATIENT/RELATIVE: the name only, never a title, credential or relation word;
"Last, First" is two spans; an initial with the surname ("M. Keane") is one span. DATE: day-level dates, a range being
two spans, weekday and "the" outside; a bare year is YEAR. AGE: over 89 only. PHONE: phone, fax and pager digits. ID: MRN,
account, transfer reference, accession, device serial numbers.

Choices of this split. Event locations: roads, highways ("I-84", "Rte 9"), exits named by their street ("Oak St"),
each street of an intersection, towns and counties are LOCATION; named places (businesses, parks, malls, workplaces,
schools, churches, shelters, agencies, EMS agencies and fire departments such as "Harlow FD") are FACILITY; unit words
("Engine 7", "Medic 4", "mile 42", "northbound") are not labelled. "the Hanley clinic": "Hanley clinic" is the span.
RELATIVE covers every non-patient lay person (family, friends, neighbours, landlords, pastors, outside caseworkers);
hospital staff of any discipline (nurses, social workers, case managers) are CLINICIAN. Other patients on a sign-out
list are PATIENT.
Run: .venv/bin/python -m tests.deid_corpus.make_dev8   (or .venv/bin/python tests/deid_corpus/make_dev8.py)
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

from tests.deid_corpus.segments import P, S, assemble, fold, up
from tests.deid_corpus.segments import check as check_spans

SEED = 80808
OUT = Path(__file__).resolve().parent / "dev8.jsonl"
rng = random.Random(SEED)
Faker.seed(SEED)
LOCALES = ("en_US", "en_US", "en_US", "en_GB", "en_IE", "de_DE", "pl_PL", "es_MX", "it_IT", "fr_FR", "nl_NL", "pt_BR",
           "cs_CZ", "sv_SE", "tr_TR")
FK = {loc: Faker(loc) for loc in sorted(set(LOCALES))}

ENGLISH = {"F": "May Hope Summer Faith Joy Rose Dawn June April Pearl Ruby Iris Holly Ivy".split(),
           "M": "Will Grant Mark Bill Art Chase Hunter Rich Frank Sonny Miles Wade Drew Lance Rusty".split()}
NICKS = "Bud Sissy Teddy Dee Cookie Lulu Kiki Pepe Manny Gigi Butch Tink Bunny Mac Chip Toots".split()
SAINTS = ("Agnes Brigid Jude Anselm Vincent Clare Francis Raphael Bernadette Columba Hilda Dymphna Ambrose Cecilia Monica "
          "Benedict Gertrude Kilian Casimir Hedwig Adalbert Ignatius Boniface Aidan Finbar Scholastica Wenceslas").split()
NAMEY = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"] + NICKS + SAINTS}
SOURCE = Path(__file__).read_text(encoding="utf-8")
WORDS = {w.lower() for w in re.findall(r"[A-Za-z]+", SOURCE)} - NAMEY  # a name that is a word of these notes is refused
ABBR = set(re.findall(r"\b[A-Z]{2,6}\b", SOURCE))  # an initialism that is an abbreviation of these notes is refused
ENGLISH_SET = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"]} | {"main"}
SYL1 = "Ash Bram Cal Dun Fair Glen Hol Kes Lark Mar Nor Pine Red Sil Thorn Wil Ster Ell Hart Cold Stan Wex Dor Bel Carr " \
       "Hal Lyn Pen Rad Tam Quen Alder Birk Cran Fen Gris Hux Lock Mor Ox Rams Tud Vern Wyn".split()
SYL2 = "ford ton field wood ridge haven dale by mont ville port wick burg stead mouth crest bury ley worth gate hurst".split()
PRE = ("Bay Lake River Hill Green Stone Bright Silver North West Ever Maple Brook Fair Lark Pine Sea Cobble Fox Sunny Oak "
       "King Copper East Willow Clear High Heron Cedar Spring Glen Meadow Harbor Summit Valley Elder Wren Falcon").split()
POST = "view side crest field brook gate mere wood haven ridge stone hollow dale light water spur hurst land".split()
TREES = "Elm Oak Maple Birch Cedar Walnut Chestnut Spruce Willow Hickory Sycamore Laurel Poplar Juniper Locust".split()
SUFS = "St St St Street Ave Avenue Rd Road Ln Dr Blvd Way Ct Pl Terrace".split()
STATES = "MA NY CT PA OH NJ MI WI OR NC VT NH RI MD".split()
ABBREV = {"daughter": "dtr", "sister": "sis", "brother": "bro", "husband": "husb", "granddaughter": "GD"}
MON = "January February March April May June July August September October November December".split()
USED: set[str] = set()



def seglen(segs): return sum(len(t) for t, _ in segs)
def pad(segs, n): return segs + S(" " * max(1, n - seglen(segs)))
def pick(*xs): return rng.choice(xs)
def chance(p): return rng.random() < p


def uniq(make):
    """A name not used before in the split."""
    while (v := make()) in USED:
        pass
    USED.add(v)
    return v


def placeword(): return uniq(lambda: rng.choice(PRE) + rng.choice(POST))


NAME_RE = re.compile(r"[A-Z][a-z]*(?:['-]?[A-Z][a-z]+)*")


def faker_name(kind: str, sex: str | None = None, loc: str | None = None) -> str:
    f = FK[loc or rng.choice(LOCALES)]
    while True:
        n = fold(f.last_name() if kind == "last" else f.first_name_male() if sex == "M" else f.first_name_female())
        if NAME_RE.fullmatch(n) and len(n) > 2 and n.lower() not in WORDS:
            return n


def surname(): return uniq(lambda: faker_name("last"))


def town():
    def make():
        if chance(0.15):
            return fold(FK["en_US"].city())
        t = rng.choice(SYL1) + rng.choice(SYL2)
        return (pick("East ", "North ", "West ", "Port ", "Lake ") + t) if chance(0.12) else t
    return uniq(make)


def ordinal(n): return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
def street_base():
    return rng.choice((lambda: rng.choice(TREES), surname, lambda: ordinal(rng.randint(2, 40)), lambda: rng.choice(PRE) + rng.choice(POST)))()
def street(num=True): return (f"{rng.randint(2, 9800)} " if num else "") + f"{street_base()} {rng.choice(SUFS)}"
def phone(): return pick("{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}").format(a=rng.randint(201, 989), b=rng.randint(201, 989), c=f"{rng.randint(0, 9999):04d}")
def pager(): return pick(f"{rng.randint(1, 9)}-{rng.randint(1000, 9999)}", str(rng.randint(10000, 99999)), str(rng.randint(1000, 9999)))
def zipc(): return f"{rng.randint(1001, 99950):05d}" + (f"-{rng.randint(1, 9999):04d}" if chance(0.15) else "")
def tm():
    h = rng.randint(0, 23)
    return f"{h:02d}{pick(':', '') if h < 19 else ':'}{rng.randint(0, 59):02d}"  # no "2041" to pass for a year


def dfmt(d: dt.date, style: str | None = None) -> str:
    style = {None: None, "full": pick("us", "us", "us2", "iso", "long", "dmy", "uk", "dot")}.get(style, style)
    style = style or pick("us", "us", "us2", "md", "iso", "long", "abbr", "dmy", "uk", "dot")
    m = MON[d.month - 1]
    return {"us": f"{d.month:02d}/{d.day:02d}/{d.year}", "us2": f"{d.month}/{d.day}/{d.year % 100:02d}",
            "md": f"{d.month}/{d.day}", "iso": d.isoformat(), "long": f"{m} {d.day}, {d.year}", "abbr": f"{m[:3]} {d.day}",
            "dmy": f"{d.day:02d}-{m[:3]}-{d.year}", "uk": f"{d.day} {m} {d.year}", "dot": f"{d.month}.{d.day}.{d.year % 100:02d}"}[style]


def D(d, style=None): return S(dfmt(d, style), "DATE")
def Y(y): return S(str(y), "YEAR")


# ---------------------------------------------------------------- people


@dataclass
class Person:
    first: str
    last: str
    typ: str
    sex: str = "F"
    cred: str = ""
    rel: str = ""
    pron: str = ""
    nick: str | None = None
    pager: str = ""


def person(typ, sex=None, cred="", rel="", last=None, english=False) -> Person:
    sex = sex or pick("F", "M")
    loc = rng.choice(LOCALES)
    first = rng.choice(ENGLISH[sex]) if english else faker_name("first", sex, loc)
    p = Person(first, last or uniq(lambda: faker_name("last", loc=rng.choice((loc, None)))), typ, sex, cred, rel, pager=pager())
    p.nick = rng.choice(NICKS) if chance(0.2) else None
    return p


def title(p):
    if p.typ == "CLINICIAN":
        return "Dr." if p.cred in ("MD", "DO") else None
    return "Mr." if p.sex == "M" else pick("Ms.", "Mrs.")


def nm(p: Person, form="fl") -> list:
    t = p.typ
    if form in ("t", "tl", "T") and not title(p):
        form = "fl"
    return {"fl": lambda: S(f"{p.first} {p.last}", t), "lf": lambda: S(p.last, t) + S(", ") + S(p.first, t),
            "LF": lambda: S(p.last.upper(), t) + S(", ") + S(p.first.upper(), t), "l": lambda: S(p.last, t),
            "f": lambda: S(p.first, t), "il": lambda: S(f"{p.first[0]}. {p.last}", t),
            "t": lambda: S(title(p) + " ") + S(p.last, t), "tl": lambda: S(title(p).lower() + " ") + S(p.last.lower(), t),
            "T": lambda: S(title(p).upper() + " ") + S(p.last.upper(), t),
            "sig": lambda: S(f"{p.first} {p.last}", t) + S(", " + p.cred),
            "sigr": lambda: S(p.last, t) + S(", ") + S(p.first, t) + S(", " + p.cred),
            "FL": lambda: S(f"{p.first} {p.last}".upper(), t)}[form]()


def doc(p, *forms): return nm(p, rng.choice(forms or ("t", "t", "fl", "sig", "il", "tl")))


def rel_ref(r: Person) -> list:
    """A relative or friend named every way, with or without the relation word."""
    k = rng.randrange(8)
    if k == 0: return P(r.rel, " ", nm(r, "f"))
    if k == 1: return P(pick(r.pron, "pt's ", ""), r.rel, ", ", nm(r, "fl"))
    if k == 2: return P(nm(r, "lf"), f" ({r.rel})")
    if k == 3: return P(nm(r, "f"), f" ({ABBREV.get(r.rel, r.rel)})")
    if k == 4 and r.nick: return P(r.rel, " ", nm(r, "f"), ' ("', S(r.nick, r.typ), '")')
    if k == 5: return P(r.rel, " ", nm(r, "t"))
    if k == 6: return P(nm(r, "fl"), f", {r.rel}")
    return P(r.rel, " ", nm(r, "fl"))


# ---------------------------------------------------------------- places


@dataclass
class Fac:
    formal: str
    shorts: list = field(default_factory=list)
    init: str | None = None
    poss: str | None = None


def ini(prefix, kind):
    """Initials of a facility's name, unless too short, taken, or an abbreviation these notes use."""
    i = prefix + "".join(w[0] for w in kind.split() if w[0].isupper())
    if len(i) < 3 or i in ABBR or i in USED:
        return None
    USED.add(i)
    return i


def F(f: Fac, form="any") -> list:
    if form == "poss" and f.poss:
        return S(f.poss, "FACILITY") + S("'s")
    if form == "any":
        form = pick("formal", "short", "short", "init") if f.init else pick("formal", "short")
    if form in ("init", "initl") and not f.init or form in ("short", "poss") and not f.shorts:
        form = "short" if f.shorts else "formal"
    text = {"formal": f.formal, "init": f.init, "initl": (f.init or "").lower(), "upper": f.formal.upper(),
            "short": rng.choice(f.shorts) if f.shorts else f.formal, "poss": f.formal}[form]
    return S(text, "FACILITY")


def hospital() -> Fac:
    k = rng.randrange(7)
    if k == 0:
        s = uniq(lambda: rng.choice(SAINTS))
        kind = pick("Regional Medical Center", "Hospital", "Medical Center", "Hospital and Medical Center")
        return Fac(f"Saint {s} {kind}", [f"St. {s}", f"St {s}", f"Saint {s}"], ini("S" + s[0], kind), None if s.endswith("s") else f"St. {s}")
    if k == 1:
        t = town()
        return Fac(f"{t} General Hospital", [f"{t} General", f"{t} Gen"], ini(t[0], "General Hospital"))
    if k == 2:
        ab = uniq(lambda: pick("Mercy", "Valley", "Summit", "Harbor", "Good Shepherd", "Sacred Heart", "Trinity") + " "
                  + pick("Ridge", "Point", "Crest", "Vale", "Heights"))
        a, b = ab.rsplit(" ", 1)
        return Fac(f"{a} {b} Medical Center", [f"{a} {b}"], ini(a[0] + b[0], "Medical Center"), f"{a} {b}")
    if k == 3:
        s = surname()
        return Fac(f"{s} Memorial Hospital", [f"{s} Memorial", s], ini(s[0], "Memorial Hospital"), f"{s} Memorial")
    if k == 4:
        w = placeword()
        return Fac(f"{w} {pick('Hospital', 'Hospital Center', 'Community Hospital')}", [w], None, w)
    if k == 5:
        s = surname()
        return Fac(f"{s} Medical Center", [s], ini(s[0], "Medical Center"), s)
    t = town()
    return Fac(f"University of {t} Medical Center", [f"{t} University Hospital", f"U{t[0]}MC"], ini("U" + t[0], "Medical Center"))


def snf() -> Fac:
    w = rng.choice((placeword, surname, town))()
    kind = pick("Skilled Nursing Facility", "Center for Rehabilitation and Healing", "Manor", "Nursing and Rehabilitation Center", "Health Care Center")
    return Fac(f"{w} {kind}", [f"{w} SNF", w] if kind != "Manor" else [f"{w} Manor", w], ini(w[0], kind))


def rehab() -> Fac:
    w = rng.choice((placeword, town))()
    return Fac(f"{w} Rehabilitation Hospital", [f"{w} Rehab", w], ini(w[0], "Rehabilitation Hospital"))


def dialysis() -> Fac:
    w = rng.choice((placeword, town))()
    return pick(Fac(f"Fresenius Kidney Care {w}", [f"Fresenius {w}"]), Fac(f"DaVita {w} Dialysis", [f"DaVita {w}"]),
                Fac(f"{w} Dialysis Center", [f"{w} Dialysis", f"{w} HD unit"]))


def clinic() -> Fac:
    s = surname()
    return Fac(f"{s} Clinic", [f"{s} clinic"])


def practice(primary=False) -> Fac:
    k = rng.randrange(3 if primary else 4)
    if k == 0: t = town(); return Fac(f"{t} Family Medicine", [f"{t} FM"])
    if k == 1: a, b = surname(), surname(); return Fac(f"{a} & {b} Internal Medicine, P.C.", [f"{a} & {b}", f"{a} and {b}"])
    if k == 2: w = placeword(); return Fac(f"{w} Primary Care Associates", [f"{w} Primary Care"])
    t = town(); spec = pick("Cardiology", "Pulmonary", "Neurology", "Orthopedics", "Nephrology")
    return Fac(f"{t} {spec} Associates", [f"{t} {spec}"])


def homehealth() -> Fac:
    if chance(0.5): t = town(); return Fac(f"{t} Visiting Nurse Association", [f"{t} VNA"])
    w = placeword(); return Fac(f"{w} Home Health", [f"{w} HH"])


def hospice() -> Fac:
    if chance(0.5): t = town(); return Fac(f"Hospice of {t}", [f"{t} Hospice"])
    w = placeword(); return Fac(f"{w} Hospice", [w])


def pharmacy() -> Fac:
    return Fac(rng.choice((lambda: f"{surname()} Pharmacy", lambda: f"{town()} Apothecary", lambda: f"{placeword()} Drug"))())


def community(kind) -> Fac:
    s, t, w, saint = surname, town, placeword, lambda: rng.choice(SAINTS)
    opts = {"shelter": [lambda: Fac(f"{s()} House"), lambda: Fac(f"{t()} Rescue Mission"), lambda: Fac(f"{w()} Family Shelter")],
            "employer": [lambda: Fac(f"{s()} Tool & Die"), lambda: Fac(f"{t()} Distribution Center"), lambda: Fac(f"{w()} Foods"),
                         lambda: Fac(fold(FK[pick("en_US", "en_GB")].company()))],
            "school": [lambda: (lambda x: Fac(f"{x} Elementary School", [f"{x} Elementary"]))(s()),
                       lambda: (lambda x: Fac(f"{x} High School", [f"{x} High"]))(t()), lambda: Fac(f"{t()} Community College")],
            "church": [lambda: Fac(f"St. {saint()} Church"), lambda: Fac(f"{w()} Baptist Church"),
                       lambda: Fac(f"First Congregational Church of {t()}")],
            "agency": [lambda: Fac(f"{t()} Housing Authority"), lambda: (lambda x: Fac(f"{x} County Department of Social Services", [f"{x} DSS"]))(t()),
                       lambda: Fac(f"{w()} Community Action"), lambda: Fac(f"Area Agency on Aging of {t()}")],
            "biz": [lambda: Fac(f"{w()} Fuel"), lambda: Fac("Quik-Fill"), lambda: Fac(f"{s()} Hardware"), lambda: Fac(f"{w()} Fitness"),
                    lambda: Fac(f"{w()} Lanes"), lambda: Fac(f"{s()} Lumber"), lambda: Fac(f"{w()} Grill")],
            "park": [lambda: Fac(f"{s()} Park"), lambda: Fac(f"{s()} Memorial Park"), lambda: Fac(f"{w()} State Park")],
            "mall": [lambda: Fac(f"{w()} Mall"), lambda: Fac(f"{w()} Plaza"), lambda: Fac(f"{t()} Galleria")],
            "ems": [lambda: Fac(f"{t()} EMS"), lambda: Fac(f"{t()} Fire Rescue"), lambda: Fac(f"{t()} FD"), lambda: Fac(f"{w()} Ambulance"),
                    lambda: Fac(f"{t()} County EMS")],
            "transport": [lambda: Fac(f"{w()} Ambulance Service"), lambda: Fac(f"{w()} MedFlight"), lambda: Fac(f"{s()} Medical Transport")],
            "dme": [lambda: Fac(f"{w()} Medical Supply"), lambda: Fac(f"{s()} Home Medical")]}
    return rng.choice(opts[kind])()


@dataclass
class Addr:
    street: str
    town: str
    state: str
    zip: str


def addr_segs(a: Addr, sep=", ") -> list:
    return P(S(a.street, "LOCATION"), sep, S(a.town, "LOCATION"), f", {a.state} ", S(a.zip, "LOCATION"))


def T(t, mode=None):
    mode = mode or pick("as", "as", "as", "upper", "lower")
    return S(t.upper() if mode == "upper" else t.lower() if mode == "lower" else t, "LOCATION")


# ---------------------------------------------------------------- clinical content

PROFILES = [
    dict(pmh="HFrEF (EF 25%), CKD 3b, T2DM", dx="Acute on chronic systolic heart failure", one="HFrEF exac, diuresing",
         osh="BNP 2,140 and bilateral effusions on CXR", cons="Cardiology", dispo="hh",
         course="Diuresed with furosemide 80 mg IV BID (net -6.2 L), transitioned to torsemide 40 mg daily. Cr peaked 1.9, "
                "1.4 at discharge. Medtronic ICD interrogated: no events.",
         meds=["torsemide 40 mg PO daily", "carvedilol 12.5 mg PO BID", "sacubitril-valsartan 24-26 mg PO BID", "spironolactone 25 mg PO daily"],
         todo="AM BMP, keep K>4 Mg>2, strict I/O"),
    dict(pmh="ESRD on HD MWF via L AVF, HTN, gout", dx="Hyperkalemia (K 7.1) and volume overload after missed dialysis",
         one="ESRD, missed HD, K 7.1", osh="peaked T waves, given calcium gluconate 1 g and insulin/D50", cons="Nephrology",
         dispo="home", dial=True, course="Emergent HD x2 with K 3.9 after second run; 3.1 kg UF. Sevelamer restarted. "
         "Access thrill and bruit intact.", meds=["sevelamer 800 mg PO TID with meals", "amlodipine 10 mg PO daily", "allopurinol 100 mg PO daily"],
         todo="recheck K 0600, renal to see for HD tomorrow"),
    dict(pmh="COPD (GOLD E) on 2 L home O2, 40 pk-yr", dx="COPD exacerbation with acute hypercapnic respiratory failure",
         one="COPD exac, off BiPAP today", osh="VBG 7.28/68, started on BiPAP", cons="Pulmonology", dispo="rehab",
         course="BiPAP 36 h, prednisone 40 mg x5 d, azithromycin x3 d, DuoNebs q4h. Weaned to 2 L NC (baseline).",
         meds=["prednisone 40 mg PO daily x 2 more days", "tiotropium 18 mcg inhaled daily", "budesonide-formoterol 160-4.5 2 puffs BID"],
         todo="VBG if somnolent, goal SpO2 88-92%"),
    dict(pmh="AFib on apixaban (held), HTN, HLD", dx="Acute ischemic stroke, left MCA territory", one="L MCA CVA s/p TNK",
         osh="NIHSS 11, tenecteplase given, CTA with L M2 occlusion", cons="Neurology", dispo="rehab",
         course="NIHSS 11 -> 4. Thrombectomy TICI 2b. MRI: L MCA infarct. Medtronic LINQ not needed (known AFib). "
                "Apixaban restarted day 5. SLP: dysphagia 3 diet.", meds=["apixaban 5 mg PO BID", "atorvastatin 80 mg PO nightly"],
         todo="neuro checks q4h, SBP<160, swallow re-eval"),
    dict(pmh="alcohol use disorder, cirrhosis (MELD-Na 19), varices", dx="Alcohol withdrawal with SBP",
         one="EtOH w/d, CIWA 18, SBP", osh="paracentesis with PMN 640", cons="Hepatology", dispo="snf",
         course="Phenobarbital load, CIWA < 8 by day 3. SBP: ceftriaxone 2 g x5 d, albumin day 1 and 3. Thiamine 500 mg IV TID.",
         meds=["ciprofloxacin 500 mg PO daily (SBP ppx)", "nadolol 20 mg PO daily", "lactulose 20 g PO TID titrate to 3 BMs", "rifaximin 550 mg PO BID"],
         todo="CIWA q4h, lactulose titration"),
    dict(pmh="T1DM since childhood, gastroparesis", dx="Diabetic ketoacidosis", one="DKA, gap closed", osh="pH 7.08, AG 26, BHB 7.4",
         cons="Endocrinology", dispo="home", course="Insulin infusion per protocol; gap closed in 14 h. Glargine 18 units + lispro "
         "scale; Dexcom G7 restarted. Diabetes education completed.", meds=["insulin glargine 18 units SC nightly", "insulin lispro per scale with meals"],
         todo="FSBG AC/HS, BMP in AM"),
    dict(pmh="osteoporosis, dementia (MoCA 14), HTN", dx="Left femoral neck fracture s/p hemiarthroplasty",
         one="L hip fx POD2, delirium", osh="XR with displaced L femoral neck fracture (Garden IV)", cons="Orthopedics", dispo="snf",
         course="L hip hemiarthroplasty POD 1; delirium (CAM+) managed without antipsychotics. PT: WBAT with rolling walker. "
                "Enoxaparin 40 mg daily x 35 d.", meds=["enoxaparin 40 mg SC daily", "acetaminophen 1 g PO q8h", "alendronate 70 mg PO weekly"],
         todo="Hgb in AM, delirium precautions"),
    dict(pmh="HTN, HLD, active tobacco", dx="NSTEMI, s/p PCI to proximal LAD", one="NSTEMI s/p DES to LAD", osh="troponin 0.84 -> 2.3",
         cons="Cardiology", dispo="home", course="LHC: 90% proximal LAD, Xience DES x1. TTE EF 45%. DAPT aspirin + ticagrelor x12 mo. "
         "Varenicline started.", meds=["aspirin 81 mg PO daily", "ticagrelor 90 mg PO BID", "atorvastatin 80 mg PO nightly", "metoprolol succinate 50 mg PO daily"],
         todo="groin check, trend trop to peak"),
    dict(pmh="opioid use disorder, HCV", dx="MSSA bacteremia with tricuspid valve endocarditis", one="MSSA TV endocarditis",
         osh="2/2 blood cultures with GPC in clusters", cons="Infectious Disease", dispo="snf",
         course="Cefazolin 2 g IV q8h x6 wk from first negative culture (PICC placed). TEE: 1.4 cm TV vegetation. "
                "Buprenorphine-naloxone 8-2 mg BID started.", meds=["cefazolin 2 g IV q8h", "buprenorphine-naloxone 8-2 mg SL BID"],
         todo="daily BCx until neg x48h, COWS"),
    dict(pmh="CKD 3a, BPH with chronic Foley", dx="Urosepsis with E. coli bacteremia", one="urosepsis, E coli bacteremia",
         osh="lactate 3.4, given 30 mL/kg", cons="Urology", dispo="hh", course="Ceftriaxone then cefpodoxime to complete 10 d. "
         "Foley exchanged. Lactate 1.1 by hospital day 2.", meds=["cefpodoxime 200 mg PO BID x 6 days", "tamsulosin 0.4 mg PO nightly"],
         todo="f/u sensis, Foley care"),
    dict(pmh="metastatic pancreatic adenocarcinoma s/p Whipple", dx="Malignant bowel obstruction; transition to comfort care",
         one="malignant SBO, CMO pending", osh="CT with high-grade SBO and peritoneal carcinomatosis", cons="Palliative Care",
         dispo="hospice", course="NGT decompression, venting G-tube by IR. Goals-of-care meetings; PPS 30%. Comfort-focused care.",
         meds=["morphine 5 mg SL q2h PRN", "haloperidol 0.5 mg IV q6h PRN nausea", "glycopyrrolate 0.2 mg IV q4h PRN"],
         todo="symptom control, family meeting 1000"),
]

EVENTS = {  # cc, EMS report, exam, ED course, ESI
    "mvc": ("MVC", "restrained driver, +airbag, self-extricated, c-collar placed", "seatbelt sign across chest, GCS 15",
            "FAST negative; CT head/C-spine negative; CT C/A/P: L 5-7 rib fx, no PTX", 2),
    "ped": ("pedestrian struck", "struck by sedan at ~25 mph, thrown ~10 ft, brief LOC", "R lower leg deformity, GCS 14",
            "XR: R tib/fib fx; CT head neg; splinted, cefazolin for abrasions", 2),
    "found": ("found down", "unresponsive, RR 6, pinpoint pupils; naloxone 0.4 mg IN with response", "somnolent but arousable, GCS 13",
              "glucose 112, EtOH neg, CK 2,400; observed for renarcotization", 2),
    "park": ("fall", "mechanical fall on path, unable to bear weight", "L leg shortened and externally rotated",
             "XR L hip: displaced femoral neck fx; ortho consulted; fascia iliaca block", 3),
    "mall": ("syncope", "witnessed syncope while standing in line, ~30 s, no seizure activity", "orthostatic positive, no focal deficits",
             "ECG sinus with 1st-degree AVB; trop <0.01 x2; telemetry unremarkable", 3),
    "work": ("fall from height", "fell ~8 ft from ladder at work, +LOC", "scalp laceration, L wrist deformity",
             "CT head: small R SDH 4 mm; neurosurgery: repeat CT 6 h stable; wrist XR distal radius fx", 2),
    "school": ("seizure", "generalized tonic-clonic seizure ~3 min, midazolam 10 mg IM by EMS", "post-ictal, tongue laceration",
               "levetiracetam 20 mg/kg load; CT head neg; Na 128", 2),
    "church": ("chest pain", "collapsed with chest pressure, 324 mg ASA given, STE in II/III/aVF on EMS ECG", "diaphoretic, HR 48",
               "STEMI alert; cath lab activated, door-to-balloon 58 min", 1),
}


def event_phrase(w) -> list:
    e = w.event
    if e["kind"] == "mvc":
        if chance(0.5):
            return P("MVC on ", S(e["road"], "LOCATION"), f" {pick('northbound', 'southbound', 'eastbound', 'westbound', 'NB', 'SB')} near mile {rng.randint(3, 180)}")
        return P(pick("MVC on ", "rollover MVC on "), S(e["road"], "LOCATION"), " near the ", S(e["exit"], "LOCATION"), " exit")
    if e["kind"] == "ped":
        if chance(0.5):
            return P("struck by car at the corner of ", S(e["x"], "LOCATION"), " and ", S(e["y"], "LOCATION"))
        return P("ped struck at ", S(f"{e['x']} {e['xs']}", "LOCATION"), " & ", S(f"{e['y']} {e['ys']}", "LOCATION"))
    if e["kind"] == "found":
        return P("found down ", pick("at the ", "outside the ", "in the parking lot of the "), F(e["place"], "formal"),
                 " on ", S(e["street"], "LOCATION"))
    if e["kind"] in ("park", "mall"):
        return P(pick("fall at ", "fell while walking in ") if e["kind"] == "park" else "syncope at the ", F(e["place"], "formal"),
                 " food court" if e["kind"] == "mall" else "")
    if e["kind"] == "work":
        return P("fall at work (", F(w.employer, "formal"), pick(" loading dock", " warehouse", ""), ")")
    if e["kind"] == "school":
        return P("seizure at ", F(w.school, "any"), pick(" during pickup", " in the gym", " (pt works there as custodian)"))
    return P("collapse during service at ", F(w.church, "formal"))


def ems_phrase(w) -> list:
    f = w.ems
    if f.formal.endswith("FD"): return P(f"Engine {rng.randint(1, 30)} from ", F(f, "formal"))
    return P(F(f, "formal"), f" ({pick('Medic', 'Rescue', 'Unit', 'Ambulance')} {rng.randint(1, 40)})")


def vitals():
    return (f"BP {rng.randint(88, 190)}/{rng.randint(48, 110)}  HR {rng.randint(48, 135)}  RR {rng.randint(12, 30)}  "
            f"T {rng.uniform(36.1, 39.4):.1f}  SpO2 {rng.randint(86, 100)}% {pick('RA', '2L NC', 'NRB')}")


# ---------------------------------------------------------------- a patient's world


class World:
    def __init__(self, n: int):
        self.pid = f"dev8-p{n:03d}"
        self.sex = pick("F", "M")
        self.pt = person("PATIENT", self.sex)
        self.age = rng.randint(90, 101) if chance(0.15) else rng.randint(24, 88)
        self.adm = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2100))
        self.los = rng.randint(3, 14)
        self.dis = self.adm + dt.timedelta(days=self.los)
        self.dob = self.adm - dt.timedelta(days=self.age * 365 + rng.randint(1, 360))
        self.mrn, self.fin = str(rng.randint(1000000, 99999999)), f"{pick('FIN', 'ACCT', 'CSN')} {rng.randint(10**9, 10**10)}"
        self.prof = rng.choice(PROFILES)
        self.home, (self.osh, self.accept) = rng.choice(HOSP[:5]), rng.sample(HOSP[5:], 2)
        self.home_addr = Addr(street(), town(), rng.choice(STATES), zipc())
        self.snf, self.snf2, self.rehab = snf(), snf(), rehab()
        self.dial, self.clinic, self.pcp_prac, self.spec = dialysis(), clinic(), practice(primary=True), practice()
        self.hh, self.hospice, self.pharm = homehealth(), hospice(), pharmacy()
        self.pharm_street, self.county = street(), f"{town()} County"
        self.state = rng.choice(STATES)
        self.addr = Addr(street(), town(), self.state, zipc())
        self.employer, self.school, self.church = community("employer"), community("school"), community("church")
        self.shelter, self.agency = community("shelter"), community("agency")
        self.transport, self.dme = community("transport"), community("dme")
        docs = lambda cred, n: [person("CLINICIAN", cred=cred) for _ in range(n)]
        self.att, self.res, self.res2, self.cons, self.ed_att = docs("MD", 5)
        self.pcp = person("CLINICIAN", cred=pick("MD", "DO", "NP", "MD"))
        self.rn = person("CLINICIAN", cred=pick("RN", "RN, BSN"))
        self.sw = person("CLINICIAN", cred=pick("MSW, LICSW", "LCSW", "MSW"))
        self.cm = person("CLINICIAN", cred=pick("RN, CCM", "RN CM", "BSN, RN"))
        rels = [("daughter", "F"), ("son", "M"), ("wife" if self.sex == "M" else "husband", "M" if self.sex == "F" else "F"),
                ("sister", "F"), ("brother", "M"), ("niece", "F"), ("nephew", "M"), ("granddaughter", "F"), ("partner", None)]
        self.rels = []
        for rel, sex in rng.sample(rels, rng.randint(2, 3)):
            same = rel in ("daughter", "son", "wife", "husband", "brother", "sister", "granddaughter") and chance(0.6)
            self.rels.append(person("RELATIVE", sex, rel=rel, last=self.pt.last if same else None, english=chance(0.4)))
        self.friend = person("RELATIVE", rel=pick("friend", "neighbor", "roommate", "pastor", "ex-coworker"), english=chance(0.4))
        for r in self.rels + [self.friend]:
            r.pron = "his " if self.sex == "M" else "her "
        self.caseworker = person("RELATIVE", rel="caseworker")
        kind = rng.choice(list(EVENTS))
        e = {"kind": kind, "town": town()}
        if kind == "mvc":
            e.update(road=pick(f"I-{rng.randint(8, 99)}", f"Rte {rng.randint(1, 140)}", f"Route {rng.randint(1, 140)}",
                               f"US-{rng.randint(1, 99)}", f"{town()} Turnpike", f"County Road {rng.randint(2, 60)}"),
                     exit=f"{street_base()} {pick('St', 'Rd', 'Ave')}")
        elif kind == "ped":
            e.update(x=street_base(), y=street_base(), xs=pick("St", "Ave", "Rd"), ys=pick("St", "Ave", "Blvd"))
        elif kind in ("found", "park", "mall"):
            e.update(place=community({"found": "biz", "park": "park", "mall": "mall"}[kind]), street=street(num=False))
        self.event = e
        self.ems = community("ems")
        self.ed_date = self.adm if chance(0.6) else self.adm - dt.timedelta(days=rng.randint(30, 400))


def A(w, words=False):
    """The age (an AGE span over 89 only) with its sex."""
    a = S(str(w.age), "AGE" if w.age > 89 else None)
    return P(a, f"-year-old {'man' if w.sex == 'M' else 'woman'}") if words else P(a, pick(" y/o ", "yo ", " yo ", ""), w.sex)


def fac_phrase(w, d) -> list:
    opts = [lambda: P("from OSH (", F(w.osh, "short"), ")"), lambda: P("records from ", F(w.osh, "short"), " still pending"),
            lambda: P("tx from ", F(w.osh, pick("short", "init")), " ", D(d - dt.timedelta(days=rng.randint(1, 4)), "md")),
            lambda: P("dc to ", F(w.snf, "short"), " vs home"), lambda: P("back to ", F(w.snf, "short"), " when cleared"),
            lambda: P("accepting at ", F(w.accept, "short"), " if needs ", pick("cath", "IR", "EP", "neurosurgery")),
            lambda: P("f/u at the ", F(w.clinic, "short")), lambda: P(F(w.osh, "initl"), " sent CD of CT, uploaded"),
            lambda: P("outside MRI from ", F(w.osh, pick("init", "initl")), " on PACS"),
            lambda: P("rehab screen w/ ", F(w.rehab, "short")), lambda: P(F(w.osh, "short"), " ID called: GPC in clusters"),
            lambda: P("per ", F(w.osh, "short"), " records last echo ", D(d - dt.timedelta(days=rng.randint(40, 900))))]
    if w.prof.get("dial"):
        opts += [lambda: P("HD at ", F(w.dial, "short"), pick(" MWF", " TTS", " T/Th/Sat")), lambda: P("confirm chair at ", F(w.dial, "formal"))]
    if w.prof["dispo"] == "hospice":
        opts.append(lambda: P("hospice eval (", F(w.hospice, "short"), ") today"))
    a, b = rng.sample(opts, 2)
    return P(a(), "; ", b())


# ---------------------------------------------------------------- genres


def g_signout(w, others):
    rows, d = [w] + others, w.adm + dt.timedelta(days=rng.randint(1, w.los - 1))
    rng.shuffle(rows)
    layout = pick("pipe", "fixed", "numbered", "sbar")
    out = P(pick("GEN MED TEAM 3", "Hospitalist B", "MICU night float", "Cards step-down", "Surgery floor"), " -- ",
            pick("SIGN-OUT", "Handoff", "I-PASS handoff", "Night float signout"), "  ", D(d), "\n",
            "From: ", doc(w.res, "fl", "t", "il"), " (pgr ", S(w.res.pager, "PHONE"), ")   To: ", doc(w.res2, "fl", "t", "il"),
            " (pgr ", S(w.res2.pager, "PHONE"), ")\n\n")
    if layout == "pipe":
        out += P("| Bed | Patient | Age | One-liner | To do / dispo | Code |\n|-----|---------|-----|-----------|---------------|------|\n")
    if layout == "fixed":
        out += P(f"{'BED':<7}{'PATIENT':<26}{'AGE':<8}ONE-LINER / PLAN\n")
    for i, v in enumerate(rows, 1):
        bed = f"{rng.randint(4, 9)}{pick('A', 'B', 'C', 'E', 'W')}{rng.randint(1, 30)}"
        name, code = nm(v.pt, pick("lf", "LF", "fl", "l")), pick("FULL", "DNR/DNI", "DNR, ok to intubate", "CMO")
        plan = P(fac_phrase(v, d), "; ", v.prof["todo"])
        if chance(0.3):
            plan += P("; HCP ", rel_ref(v.rels[0]), " ", S(phone(), "PHONE"))
        if layout == "pipe":
            out += P(f"| {bed} | ", name, " | ", A(v), " | ", v.prof["one"], " | ", plan, f" | {code} |\n")
        elif layout == "fixed":
            out += P(f"{bed:<7}", pad(name, 26), pad(A(v), 8), v.prof["one"], "\n", " " * 41, plan, f"  [{code}]\n")
        elif layout == "numbered":
            out += P(f"{i}) {bed}  ", name, "  ", A(v), "  MRN ", S(v.mrn, "ID"), "\n   - ", v.prof["one"], "\n   - ", plan,
                     f"\n   - code: {code}\n")
        else:
            out += P(f"[{bed}] ", name, ", ", A(v), "\nS: ", v.prof["one"], "\nB: ", v.prof["pmh"], "; ", fac_phrase(v, d),
                     f"\nA: {pick('stable', 'watcher', 'sick')}\nR: ", plan, "\n\n")
    out += P("\nAttending on call: ", doc(w.att, "t", "fl", "tl", "T"), " pgr ", S(w.att.pager, "PHONE"), ". ", w.prof["cons"],
             " fellow tonight: ", doc(w.cons, "t", "fl", "il"), ".\n")
    return out, ("lower" if chance(0.15) else None)


def g_triage(w):
    e = EVENTS[w.event["kind"]]
    out = P(pick("ED TRIAGE NOTE", "Emergency Triage Assessment", "TRIAGE"), " - ", F(w.home, pick("formal", "short", "init")), " ED\n",
            "Arrival: ", D(w.ed_date, "full"), f" {tm()}   Mode: ", ems_phrase(w), "\n",
            "Patient: ", nm(w.pt, pick("LF", "lf")), "   MRN ", S(w.mrn, "ID"), "   DOB ", D(w.dob, "full"), "\n",
            f"Chief complaint: {e[0]}\n", "Narrative: ", A(w), " BIBA s/p ", event_phrase(w), " in ", T(w.event["town"]), ". Per EMS: ",
            e[1], ". Lives in ", T(w.addr.town), pick(" with ", ", contact "), rel_ref(w.rels[0]), " ", S(phone(), "PHONE"), ".\n",
            "VS: ", vitals(), f"   Pain {rng.randint(0, 10)}/10\nESI {e[4]}   Exam: {e[2]}\n",
            "PMH: ", w.prof["pmh"], "   Allergies: ", pick("NKDA", "PCN (rash)", "sulfa", "iodinated contrast (hives)"), "\n",
            "Triage RN: ", nm(w.rn, pick("sig", "fl", "il")), f"  {tm()}\n")
    return out, "upper" if chance(0.15) else None


def g_ed(w):
    e, ev = EVENTS[w.event["kind"]], w.event
    disp = pick("admit", "transfer", "home")
    if ev["kind"] == "church": disp = "transfer"
    out = P("EMERGENCY DEPARTMENT PROVIDER NOTE\n", F(w.home, "formal"), " - Emergency Department\n",
            "Patient: ", nm(w.pt, "fl"), "   MRN: ", S(w.mrn, "ID"), "   ", w.fin.split()[0] + " ", S(w.fin.split()[1], "ID"), "\nDate of service: ", D(w.ed_date, "full"), f"  {tm()}\n",
            "Attending: ", doc(w.ed_att, "sig", "sigr", "t"), "   PCP: ", doc(w.pcp, "t", "fl", "sig"), " (", F(w.pcp_prac, "any"), ")\n\n",
            "HPI: ", nm(w.pt, "t"), " is a ", A(w, True), f" with {w.prof['pmh']} who presents via ", ems_phrase(w),
            " after ", event_phrase(w), ". Per EMS, ", e[1], ". Scene was in ", T(ev["town"]), " (", S(w.county, "LOCATION"), "). ",
            pick("Was seen at ", "Had a visit at ", "Recent admission to "), F(w.osh, "any"), " on ", D(w.ed_date - dt.timedelta(days=rng.randint(3, 60))),
            pick(" for similar complaint.", ", records requested.", "; discharge summary reviewed in Care Everywhere."),
            " History also from ", rel_ref(w.rels[-1]), " at bedside.\n\n",
            f"ROS: otherwise negative x10 systems.\nEXAM: {vitals()}\n  {e[2]}\n\n",
            f"ED COURSE / MDM: {e[3]}. ", pick("Discussed with ", "Case reviewed with "), doc(w.cons, "t", "tl", "fl", "T"),
            f" ({w.prof['cons']}).\n\nDISPOSITION: ")
    if disp == "admit":
        out += P("Admit to medicine, ", doc(w.att, "t", "fl"), " accepting. Bed request placed.\n")
    elif disp == "transfer":
        out += P("Transfer to ", F(w.accept, "formal"), " (accepting: ", doc(w.cons, "t", "fl"), ") via ", F(w.transport, "formal"),
                 "; transfer ref ", S(f"TC-{rng.randint(100000, 999999)}", "ID"), ". Report called to ", F(w.accept, pick("short", "init")), " ED.\n")
    else:
        out += P("Home. Follow up at the ", F(w.clinic, "short"), " in 1 week (", D(w.ed_date + dt.timedelta(days=7)),
                 ") and with PCP ", doc(w.pcp, "t", "fl"), ". Return precautions reviewed.\n")
    out += P("\n", nm(w.ed_att, pick("sig", "fl")), "  pager ", S(w.ed_att.pager, "PHONE"), "  ", D(w.ed_date, "us"), f" {tm()}\n")
    return out, None


def g_discharge(w):
    o, home, pr = w.osh, w.home, w.prof
    ha = Addr(street(), town(), rng.choice(STATES), zipc())
    caps = lambda segs: up(segs) if chance(0.3) else segs
    out = P(F(home, "formal"), "\n", addr_segs(ha), "   Tel ", S(phone(), "PHONE"), "\n\nDISCHARGE SUMMARY\n\n",
            "Patient: ", nm(w.pt, pick("LF", "lf", "fl")), "     MRN: ", S(w.mrn, "ID"), "     DOB: ", D(w.dob, "full"), "\n",
            "Admitted: ", D(w.adm, "full"), "     Discharged: ", D(w.dis, "full"), "\n",
            "Attending: ", doc(w.att, "sigr", "sig", "fl"), "     PCP: ", doc(w.pcp, "fl", "sig"), ", ", F(w.pcp_prac, "formal"), "\n\n",
            f"DISCHARGE DIAGNOSIS: {pr['dx']}\n\n")
    hpi = P("HISTORY OF PRESENT ILLNESS: ", nm(w.pt, pick("t", "fl")), " is a ", A(w, True), f" with {pr['pmh']} who was transferred from ",
            F(o, "formal"), *([" (", F(o, "init"), ")"] if o.init else [""]), " on ", D(w.adm), ". At ", F(o, "poss"),
            f", workup showed {pr['osh']}. ", *(lambda a, b: [a, F(o, pick("init", "short")), b])(*pick(("Outside records from ", " were reviewed."),
                                                                  ("Imaging from ", " was re-read by our radiology."))), " The patient lives at ", addr_segs(w.addr),
            " with ", rel_ref(w.rels[0]), *([" and has had this diagnosis since ", Y(w.adm.year - rng.randint(2, 12))] if chance(0.5) else []), ".\n\n")
    out += caps(hpi)
    out += P(f"HOSPITAL COURSE:\n# {pr['dx']}: {pr['course']} {pr['cons']} (", doc(w.cons, "t", "fl", "tl"), ") followed; ",
             pick("per ", "discussed with "), doc(w.cons, "tl", "t"), ", plan as above.\n# Dispo: ")
    dispo = pr["dispo"]
    if dispo in ("snf", "rehab"):
        f = w.snf if dispo == "snf" else w.rehab
        out += P("discharged to ", F(f, "formal"), ". ", F(f, "short"), " accepted on ", D(w.dis - dt.timedelta(days=1)),
                 "; report called to the ", pick("charge RN", "unit"), " there. If bed falls through, ", F(w.snf2, "short"), " is backup.\n")
    elif dispo == "hospice":
        out += P("home with hospice, ", F(w.hospice, "formal"), " (", F(w.hospice, "short"), " RN visit ", D(w.dis), ").\n")
    elif dispo == "hh":
        out += P("home with services from ", F(w.hh, "formal"), "; ", F(w.hh, "short"), " start of care ", D(w.dis + dt.timedelta(days=1)), ".\n")
    else:
        out += P("home with ", rel_ref(w.rels[-1]), ".", *(["\n# Dialysis: resumes at ", F(w.dial, "formal"), " (", F(w.dial, "short"),
                 ") on ", D(w.dis + dt.timedelta(days=1))] if pr.get("dial") else []), "\n")
    out += P("\nDISCHARGE MEDICATIONS:\n", *[f"- {m}\n" for m in pr["meds"]], "\nFOLLOW-UP:\n",
             f"{'Provider':<22}{'Where':<44}Phone / when\n")
    rows = [(w.pcp, w.pcp_prac, "PCP"), (w.cons, w.spec, "spec"), (None, w.clinic, "clinic")]
    for p, f, _ in rows:
        d1 = w.dis + dt.timedelta(days=rng.randint(5, 21))
        when = D(d1) if chance(0.6) else P("week of ", D(d1, "md"), "-", D(d1 + dt.timedelta(days=4), "md"))
        out += P(pad(nm(p, pick("t", "sig", "fl")) if p else S("(clinic will call)"), 22), pad(F(f, "formal"), 44), S(phone(), "PHONE"), "  ", when, "\n")
    out += P("\nPharmacy: ", F(w.pharm, "formal"), ", ", S(w.pharm_street, "LOCATION"), ", ", T(w.addr.town, "as"), "  fax ", S(phone(), "PHONE"), "\n",
             "Pending: blood cultures from ", D(w.dis - dt.timedelta(days=2)), " (no growth to date); ", F(o, "short"),
             " pathology, accession ", S(f"S{w.adm.year % 100}-{rng.randint(1000, 99999)}", "ID"), ".\n\n",
             "Electronically signed: ", doc(w.att, "sig", "sigr"), "  ", D(w.dis, "us"), f" {tm()}\n",
             "cc: ", doc(w.pcp, "t", "fl"), ", ", F(w.pcp_prac, pick("formal", "short")), " (fax ", S(phone(), "PHONE"), ")\n")
    case = "upper" if chance(0.1) else None
    return out, case, (rng.randint(70, 76) if chance(0.5) else None)


def housing(w) -> list:
    k = rng.randrange(4)
    if k == 0: return P("Lives alone in a 2nd-floor apartment at ", addr_segs(w.addr), "; landlord is ", nm(person("RELATIVE"), pick("fl", "t")), ".")
    if k == 1: return P("Currently staying at ", F(w.shelter, "formal"), " in ", T(w.addr.town), " since ", D(w.adm - dt.timedelta(days=rng.randint(10, 200))),
                        "; previously doubled up with ", rel_ref(w.rels[-1]), " in ", T(w.home_addr.town), ".")
    if k == 2: return P("Lives with ", rel_ref(w.rels[0]), " at ", addr_segs(w.addr), "; 14 stairs to enter.")
    return P("Owns a single-family home at ", S(w.addr.street, "LOCATION"), " in ", T(w.addr.town), " (", S(w.county, "LOCATION"), "), lives with ", rel_ref(w.rels[0]), ".")


def g_social(w):
    d = w.adm + dt.timedelta(days=rng.randint(1, w.los - 1))
    r0, r1, fr = w.rels[0], w.rels[1], w.friend
    out = P(pick("SOCIAL WORK ASSESSMENT", "Social Work Progress Note", "SW INITIAL PSYCHOSOCIAL ASSESSMENT"), "   ", D(d), "\n",
            "Pt: ", nm(w.pt, pick("LF", "fl")), "   MRN ", S(w.mrn, "ID"), "   Unit: ", pick("7 West", "MICU", "4B", "Ortho"), "\n",
            "Referral: ", pick("dispo planning", "housing insecurity", "caregiver stress", "substance use"), ", per ", doc(w.att, "t", "tl", "fl", "T"), ".\n",
            "Sources: pt, chart, phone call with ", rel_ref(r1), " (", S(phone(), "PHONE"), ").\n\n",
            "HOUSING: ", housing(w), "\n",
            "SUPPORTS: ", rel_ref(r0), " is HCP. ", rel_ref(r1), pick(" visits on weekends from ", " lives nearby in "), T(w.home_addr.town),
            ". ", pick("Close ", ""), fr.rel, " ", nm(fr, pick("f", "fl")), pick(" checks in daily", " brings groceries", " drives pt to appts"),
            *([" (pt calls them \"", S(fr.nick, "RELATIVE"), "\")"] if fr.nick else [""]), ".", *([" Pt goes by \"", S(w.pt.nick, "PATIENT"), "\"."] if w.pt.nick else []), "\n",
            "WORK/INCOME: ", pick("Works full-time at ", "Retired from ", "Laid off in March from "), F(w.employer, "formal"),
            pick("; SSDI pending.", "; receives SSI.", "; pension."), "\n",
            "FAITH/COMMUNITY: member of ", F(w.church, "formal"), pick("; Pastor ", "; Deacon "), nm(person("RELATIVE"), "fl"),
            pick(" has visited.", " may bring communion."), "\n")
    if chance(0.6):
        out += P("CHILDREN: grandchild attends ", F(w.school, "formal"), "; ", rel_ref(r0), " arranging after-school care.\n")
    out += P("AGENCIES: open case with ", F(w.agency, "formal"), ", worker ", nm(w.caseworker, pick("fl", "lf")), " ", S(phone(), "PHONE"),
             pick(".", "; consent on file."), "\n\nPLAN: ", pick("SW to follow for dispo; ", "SW will continue to follow; "),
             pick("application to ", "referral to "), F(w.agency, pick("short", "formal")), " sent ", D(d), ".\n\n",
             nm(w.sw, pick("sig", "sigr")), pick("  x", "  pgr ", "  ext. "), S(w.sw.pager, "PHONE"), "\n")
    return out, None


def g_cm(w):
    d = w.adm + dt.timedelta(days=rng.randint(1, w.los - 1))
    bed = d + dt.timedelta(days=rng.randint(1, 3))
    rel = rng.choice(w.rels)
    out = P(pick("CASE MANAGEMENT NOTE", "Care Coordination / Discharge Planning", "CM UPDATE"), "  ", D(d), "\n",
            nm(w.pt, pick("fl", "LF")), "  ", A(w), "   MRN ", S(w.mrn, "ID"), "   Payer: ", pick("Medicare A", "Medicaid MCO", "commercial HMO"), "\n\n",
            "Anticipated dispo: ", {"snf": "SNF", "rehab": "acute rehab", "hh": "home with VNA", "home": "home", "hospice": "home hospice"}[w.prof["dispo"]], "; SNF as backup. " if w.prof["dispo"] not in ("snf", "rehab") else ". ",
            "Referrals sent in Allscripts/CarePort to ", F(w.snf, "formal"), ", ", F(w.snf2, "formal"), " and ", F(w.rehab, "formal"), ".\n",
            "- ", F(w.snf, "short"), " accepted ", D(d), ", bed available ", D(bed), "; auth submitted.\n",
            "- ", F(w.snf2, "short"), ": declined (no LTC beds). ", F(w.rehab, "init" if w.rehab.init else "short"), ": pending PT notes.\n",
            "- Spoke with ", rel_ref(rel), " ", S(phone(), "PHONE"), "; family prefers ", F(w.snf2, "short"), " (closer to ", T(w.home_addr.town), ").\n",
            "- Home health backup: ", F(w.hh, "formal"), " (", F(w.hh, "short"), "), intake ", S(phone(), "PHONE"), ".\n",
            "- DME: rolling walker and shower chair from ", F(w.dme, "formal"), ".\n",
            "- Transport: ", F(w.transport, "formal"), pick(" wheelchair van", " BLS"), " booked for ", D(bed), f" at {tm()}.\n")
    if w.prof.get("dial"):
        out += P("- Outpatient HD chair confirmed at ", F(w.dial, "short"), ", T/Th/Sat 0600; ", F(w.dial, "formal"), " has updated orders.\n")
    out += P("- PCP ", doc(w.pcp, "t", "fl"), " (", F(w.pcp_prac, "short"), ") notified; ", pick("follow-up ", "TCM visit "), D(bed + dt.timedelta(days=7)), ".\n\n",
             nm(w.cm, pick("sig", "sigr", "fl")), pick("  Vocera", "  x", "  cell "), S(w.cm.pager, "PHONE"), "\n")
    return out, None


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


def check_every_mention(row: dict, case: str | None) -> None:
    """Every occurrence of a labelled name or place (and of each word of a person's name) lies inside a span."""
    text, spans = row["text"], row["spans"]
    needles = set()
    for s in spans:
        if s["type"] in ("PATIENT", "CLINICIAN", "RELATIVE"):
            needles |= {s["text"]} | {t for t in s["text"].split() if len(t) > 2 and not t.endswith(".")}
        elif s["type"] in ("FACILITY", "LOCATION"):
            needles.add(s["text"])
    for n in needles:
        eng = n.lower() in ENGLISH_SET
        if eng and case:
            continue
        pat = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, n.split())) + r"(?![A-Za-z0-9])"
        for m in re.finditer(pat, text, 0 if eng else re.IGNORECASE):
            assert any(s["start"] <= m.start() and m.end() <= s["end"] for s in spans), \
                (row["id"], n, text[max(0, m.start() - 60): m.end() + 60])


HOSP: list[Fac] = []


def main() -> None:
    HOSP.extend(hospital() for _ in range(90))
    worlds = [World(i) for i in range(1, 51)]
    extras = [World(i) for i in range(900, 930)]
    gens = {"signout": lambda w: g_signout(w, rng.sample(extras, rng.randint(2, 4))), "ed_triage": g_triage, "ed_provider": g_ed,
            "discharge": g_discharge, "social_work": g_social, "case_management": g_cm}
    rows, k = [], 0
    counts = [2] * 10 + [3] * 20 + [4] * 20  # 160 notes
    rng.shuffle(counts)
    for w, n in zip(worlds, counts):
        genres = rng.sample(list(gens), n)
        if "discharge" not in genres and "signout" not in genres:
            genres[0] = pick("discharge", "signout")
        for g in sorted(genres, key=list(gens).index):
            res = gens[g](w)
            segs, case, width = res[0], res[1], res[2] if len(res) > 2 else None
            text, spans = assemble(segs, case)
            if width:
                text = hardwrap(text, width)
                for s in spans:
                    s["text"] = text[s["start"]: s["end"]]
            k += 1
            row = {"id": f"dev8-{k:04d}", "patient": w.pid, "genre": g, "text": text, "spans": spans}
            check_spans(row)
            check_every_mention(row, case)
            rows.append(row)
    assert 150 <= len(rows) <= 170, len(rows)
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    types = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{len(rows)} notes, {len(worlds)} patients -> {OUT.name}")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", dict(sorted(types.items())), "total", sum(types.values()))


if __name__ == "__main__":
    main()
