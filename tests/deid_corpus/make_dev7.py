"""Dev7, written blind to the de-identifier's rules: the genres it handles worst, for 56 patients with 2-4 notes each
that share the patient's relatives, clinicians and places as one record does. Genres: nursing shift notes wholly in
capitals or wholly in lower-case shorthand, timed flow notes, sign-out/handoff lists (several patients per list), social
work, case management, chaplaincy and telephone encounters, discharge and transfer summaries with dates in many shapes.
Relatives, friends and proxies are named every way notes name them: after or before a relation word, bare once the
record has introduced them, names that are English words (Will, Summer, Hope, June ...), nicknames, "Last, First".
Non-PHI that looks like PHI stays unlabelled: drugs, eponyms (Foley, Swan-Ganz, Murphy's sign), devices, scores ("4/5"),
doses ("5/325"), vent settings ("8X500X50"), BP ranges, shift times ("7p-7a"), "will"/"may"/"hope" as English words.

Labelling follows make_dev6's conventions (FACILITY the proper name without "the", possessive "'s" or unit/department,
initials a span of their own; LOCATION street/town/county/ZIP each a span, states unlabelled; person names without
title, credential or relation word, "Last, First" two spans; DATE day-level, a range two spans, "the" outside "the 16th";
times unlabelled; YEAR for a bare year; AGE over 89 only; PHONE includes pagers and extensions; ID for MRN, account,
job, authorisation and transfer numbers). Additions here: a weekday before a date ("Thursday, April 6") is outside the
DATE span; bed and room numbers are unlabelled; hospital staff of every kind (RN, social worker, case manager, chaplain)
are CLINICIAN; relatives, friends, neighbours and proxies are RELATIVE; a relative's age is AGE only over 89.
Run: .venv/bin/python -m tests.deid_corpus.make_dev7   (or .venv/bin/python tests/deid_corpus/make_dev7.py)
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from faker import Faker

from tests.deid_corpus.segments import R, S, assemble, fold, pool
from tests.deid_corpus.segments import check as check_spans

SEED = 7_2024
OUT = Path(__file__).resolve().parent / "dev7.jsonl"
N_PATIENTS = 56
rng = random.Random(SEED)
LOCALES = ("en_US", "en_US", "en_US", "en_GB", "en_IE", "es_MX", "es_CO", "fr_FR", "de_DE", "it_IT", "pl_PL", "pt_BR",
           "nl_NL", "tr_TR", "vi_VN", "en_IN", "yo_NG", "ig_NG", "ha_NG", "sv_SE", "cs_CZ", "id_ID")
FAKERS = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for i, f in enumerate(FAKERS.values()):
    f.seed_instance(SEED + i)
PA, CL, RE_, DA, FA, LO, PH, ID_, EM, AG, YR = ("PATIENT", "CLINICIAN", "RELATIVE", "DATE", "FACILITY", "LOCATION",
                                                "PHONE", "ID", "EMAIL", "AGE", "YEAR")

# ---------------------------------------------------------------- names, places, numbers


def words(s: str) -> list[str]:
    """A word list written as one string."""
    return s.split()


WORDNAMES = {"F": words("Summer Iris Hope May June Rose Faith Dawn Joy Ivy Holly Penny Amber Autumn"),
             "M": words("Will Chip Grant Bill Jet Guy Sonny Art Ray Buck Skip Rusty")}
WORDSET = {w.lower() for ws in WORDNAMES.values() for w in ws}
NICKS = {"F": [("Margaret", "Peggy"), ("Elizabeth", "Betsy"), ("Patricia", "Trish"), ("Katherine", "Kit"),
               ("Guadalupe", "Lupe"), ("Oluwafunmilayo", "Funmi"), ("Alexandra", "Sasha"), ("Josefina", "Pepa")],
         "M": [("Robert", "Bobby"), ("Charles", "Chip"), ("Richard", "Rick"), ("Francisco", "Paco"),
               ("Theodore", "Teddy"), ("Oluwaseun", "Seun"), ("Giuseppe", "Beppe"), ("Aleksander", "Olek")]}
APOS = words("O'Donnell D'Amico O'Rourke D'Souza N'Diaye O'Keefe Dell'Orto D'Arcy O'Hara Al-Amin")
REJECT = WORDSET | set(words("""foley swan ganz murphy homans jackson pratt hoyer bair hugger allen graves cushing bell crohn
    parkinson babinski hickman dobhoff mepilex purewick tegaderm levophed jevity osmolite nepro glucerna entresto eliquis
    norco zosyn lasix miami sage wells morse braden glasgow richmond kelly care home nurse house young king price long
    hall page case chase wolf lamb bush banks rich love sharp best little west north south east mercy brook hill park
    ward unit day night cook cross major frank bristol hospital manor drug son daughter wife mother father sister brother
    friend neighbor chaplain pastor church faith grace lane field stone gardens center valley rehab dialysis pharmacy
    monday friday sunday march april august bed room green white black brown gray grey baker clerk dean judge mason
    walker page fry hale hart ash oak glen ridge fair"""))
SAINTS = words("Brigid Agnes Columba Jude Kieran Monica Vincent Clare Ambrose Perpetua Raphael Luke Anne Benedict")
SYL1 = words("Ash Bram Cal Dun El Fair Glen Hart Kel Lan Mar North Oak Pem Ridge Stan Thorn Wes Whit Brad Cor Hal Lox Mil "
       "Quen Sel Tam Ver Wyn Har Bel Cran Dor Fen Gil Ors Pell Rook Sax Tre Alder Birch Cobble Dray Elm Fox Grey Hollis "
       "Iver Juni Kings Lyn Mead Nor Orr Pine Red Shel Tull Ux Vale Wil Yar")
SYL2 = words("ford mont bury ton field wick dale haven worth ley mere port stead view brook ville by crest hurst more "
       "ridge well combe hollow")
STATES = words("MA NH CT RI NY PA OH MI IL WI MN NJ MD VA NC GA")
MON = words("January February March April May June July August September October November December")
WD = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
START = dt.date(2021, 1, 4)
_used: set[str] = set()


def _clean(s: str) -> str | None:
    s = fold(s.replace("\u2019", "'")).strip()
    ok = re.fullmatch(r"[A-Z][A-Za-z'\-]*[a-z]", s) and len(s) > 2 and s.lower() not in REJECT
    return s if ok else None


def first_name(sex: str, loc: str | None = None) -> str:
    while True:
        f = FAKERS[loc or rng.choice(LOCALES)]
        n = _clean(f.first_name_female() if sex == "F" else f.first_name_male())
        if n:
            return n


def surname(loc: str | None = None) -> str:
    r = rng.random()
    if r < .06:
        return rng.choice(APOS)
    while True:
        n = _clean(FAKERS[loc or rng.choice(LOCALES)].last_name())
        if n:
            return n + "-" + surname("en_US") if r > .93 else n


def town() -> str:
    while True:
        t = rng.choice(SYL1) + rng.choice(SYL2)
        if t not in _used and t.lower() not in REJECT:
            _used.add(t)
            return t


def phone() -> str:
    a, e, n = rng.randint(201, 989), rng.randint(201, 989), rng.randint(0, 9999)
    return rng.choice((f"({a}) {e}-{n:04}", f"{a}-{e}-{n:04}", f"{a}.{e}.{n:04}", f"{a}-{e}-{n:04}"))


def pager() -> str:
    return rng.choice((f"{rng.randint(1, 9)}-{rng.randint(1000, 9999)}", f"{rng.randint(10000, 99999)}"))


def ordn(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def dstr(d: dt.date, st: str) -> str:
    m, n, y, M = d.month, d.day, d.year, MON[d.month - 1]
    return {"md": f"{m}/{n}", "mdy": f"{m}/{n}/{y}", "mm": f"{m:02}/{n:02}/{y}", "yy": f"{m}/{n}/{y % 100:02}",
            "iso": d.isoformat(), "compact": d.strftime("%Y%m%d"), "Md": f"{M} {n}", "Mth": f"{M} {ordn(n)}",
            "Mon": f"{M[:3]} {n}", "dM": f"{n} {M}", "dMy": f"{n} {M} {y}", "Mdy": f"{M} {n}, {y}",
            "dmy": f"{n:02}-{M[:3]}-{y}", "th": ordn(n)}[st]


def D(d: dt.date, st: str | None = None) -> list:
    return S(dstr(d, st or rng.choice(("md", "md", "md", "mdy", "yy", "Md", "Mon", "Mth"))), DA)


def DR(a: dt.date, b: dt.date) -> list:
    """A range: two DATE spans, in one of the shapes notes use."""
    k = rng.randrange(6)
    if k == 1 and a.month == b.month:
        return S(str(a.day), DA) + S("-") + D(b, "dM")
    if k == 2 and a.month == b.month:
        return D(a, "Md") + S("-") + S(str(b.day), DA)
    if k == 3:
        return S("from ") + D(a, "mdy") + S(" to ") + D(b, "mdy")
    if k == 4:
        return D(a, "Md") + S(" through ") + D(b, "Md")
    return D(a, "md") + S(rng.choice(("-", " - "))) + D(b, rng.choice(("md", "yy")))


def DPAIR(a: dt.date, b: dt.date) -> list:
    if a.month == b.month:
        return D(a, "Md") + S(" and ") + S(str(b.day), DA)
    return D(a, "md") + S(" and ") + D(b, "md")


def days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def _n(a, b, step=1):
    return lambda: str(rng.randrange(a, b + 1, step))


def _f(a, b):
    return lambda: f"{rng.uniform(a, b):.1f}"


def _c(*xs):
    return lambda: rng.choice(xs)


def bp_range(lo: int, dl: int) -> str:
    return f"{lo}-{lo + rng.choice((10, 15, 20))}/{dl}-{dl + rng.choice((10, 15))}"


NUM = {  # clinical numbers that look like dates, ranges or IDs and are none of them
    "ox": _c("2", "3", "4"), "s": _c("3", "4", "5"), "gcs": _c("15", "14", "11", "10T"), "pain": _n(2, 9),
    "rass": _c("0", "-1", "-2", "+1"), "prop": _n(10, 50, 5), "ciwa": _n(3, 18), "morse": _n(25, 85, 5),
    "hr": _n(60, 100, 10), "hr2": _n(110, 140, 10), "sbp": _c("90s", "100s", "110s", "120s", "130s"),
    "bp": lambda: f"{rng.randint(88, 168)}/{rng.randint(42, 98)}", "ef": _n(15, 60, 5),
    "bprange": lambda: bp_range(rng.randrange(90, 125, 5), rng.randrange(40, 65, 5)), "ci": _f(1.6, 3.2),
    "ne": _n(2, 16), "dilt": _n(5, 15, 5), "hep": _n(800, 1600, 50), "ptt": _n(45, 95), "cvp": _n(4, 16),
    "lasix": _c("20", "40", "80"), "peep": _c("5", "8", "10", "12"), "sat": _n(90, 99), "nc": _c("2", "3", "4", "6"),
    "vent": _c("8X500X50", "AC 16/450/+8/40%", "PRVC 18/420/+10/60%", "AC 14X500X35%", "VC 20/400/+12/50%"),
    "ipap": _c("12", "14", "16"), "epap": _c("5", "6", "8"), "ps": _c("5", "8", "10"), "rsbi": _n(38, 110),
    "isv": _n(500, 1500, 250), "fio2": _n(30, 70, 10), "rr": _n(14, 22), "rr2": _n(24, 34), "rate": _n(30, 100, 5),
    "diet": _c("cardiac diet", "clear liquids", "renal diet", "dysphagia 2 w/ nectar thick liquids", "NAS diet"),
    "tf": _c("Jevity 1.5", "Osmolite 1.2", "Nepro", "Glucerna 1.2"), "res": _c("50", "100", "150"),
    "uop": _n(15, 120, 5), "bs": _n(80, 650, 10), "braden": _n(9, 20), "jp": _n(10, 120, 5), "k": _f(2.9, 5.9),
    "kcl": _c("20", "40", "60"), "mg": _f(1.3, 2.4), "hgb": _f(6.8, 12.4), "gluc": _n(68, 390), "ssi": _c("2", "4", "6"),
    "lac": _f(1.8, 5.6), "lac2": _f(0.8, 2.2), "cr": _f(1.1, 4.8), "cr2": _f(0.7, 1.4), "inr": _f(1.1, 4.2),
    "time": _c("0200", "0300", "2200", "2330", "0545", "1600", "1000"), "bolus": _c("250", "500", "1000"),
    "med": _c("Norco 5/325 1 tab PO", "oxycodone 5mg PO", "dilaudid 0.5mg IV", "tylenol 650mg PO", "percocet 5/325 x2"),
    "shift": _c("7p-7a", "7a-7p", "1900-0700", "0700-1930", "3-11")}

# ---------------------------------------------------------------- facilities and people
FORMS = {
    "hosp": [("{t} Memorial Hospital", "{t}"), ("{t} General Hospital", "{t} General"), ("{s} Medical Center", "{s}"),
             ("{t} Regional Medical Center", "{t} Regional"), ("University of {t} Medical Center", None),
             ("St. {saint}'s Hospital", "St. {saint}'s"), ("{t} Valley Hospital and Medical Center", "{t} Valley"),
             ("Mercy Hospital of {t}", "Mercy {t}")],
    "snf": [("{t} Center for Rehabilitation and Healing", "{t}"), ("{t} Nursing and Rehabilitation Center", "{t}"),
            ("{s} Manor", None), ("{s} House Skilled Nursing", "{s} House"), ("{t} Health Care Center", "{t}"),
            ("{t} Acute Rehabilitation Hospital", "{t} Rehab"), ("{s} Gardens Assisted Living", "{s} Gardens")],
    "hha": [("VNA of {t}", None), ("{t} Visiting Nurse Association", None), ("{s} Home Health Services", None),
            ("{t} Home Care", None), ("Hospice of {t}", None)],
    "dial": [("{t} Dialysis Center", None), ("{s} Kidney Center", None), ("{t} Renal Care", None)],
    "prac": [("{s} Family Practice", None), ("{t} Internal Medicine Associates", None),
             ("{s} and {s2} Primary Care", None), ("{t} Cardiology Associates, P.C.", None),
             ("{t} Community Health Center", None)],
    "pharm": [("{s} Pharmacy", None), ("{t} Drug", None), ("{t} Apothecary", None), ("{s}'s Pharmacy", None)],
    "amb": [("{t} Ambulance", None), ("{s} EMS", None), ("{t} Fire Rescue", None)]}
UNITS = ("MICU", "SICU", "CCU", "5 West", "4 North", "Step-down", "Neuro ICU", "7 Med", "Telemetry")


def fac(kind: str) -> dict:
    name_t, short_t = rng.choice(FORMS[kind])
    t = town() if "{t}" in name_t else ""
    s, s2, saint = surname("en_US"), surname("en_US"), rng.choice(SAINTS)
    name = name_t.format(t=t, s=s, s2=s2, saint=saint)
    abbr = "".join(w[0] for w in name.replace(".", "").split() if w[0].isupper())
    abbr = abbr if len(abbr) > 2 and (kind == "hosp" or kind in ("snf", "prac") and rng.random() < .5) else None
    short = short_t.format(t=t, s=s, saint=saint) if short_t else None
    return {"name": name, "abbr": abbr, "short": short, "kind": kind}


def F(f: dict, st: str | None = None) -> list:
    opts = ["full", "full"] + (["def"] if f["abbr"] else []) + (["short"] if f["short"] else [])
    opts += ["abbr"] if f["abbr"] and f["kind"] == "hosp" else []
    st = st if st in opts else rng.choice(opts)
    if st == "def":
        return S(f["name"], FA) + S(" (") + S(f["abbr"], FA) + S(")")
    return S(f[{"full": "name"}.get(st, st)], FA)


CRED = {"MD": ("MD", "MD", "DO"), "RN": ("RN", "RN, BSN"), "SW": ("LICSW", "MSW, LCSW"), "CM": ("RN, CM", "CCM"),
        "CH": ("MDiv, BCC", "BCC")}
PRE = {"RN": "RN", "SW": "SW", "CM": "CM", "CH": "Chaplain"}


def clin(role: str) -> dict:
    sex = rng.choice("FM")
    return {"first": first_name(sex), "last": surname(), "role": role, "cred": rng.choice(CRED[role]), "pg": pager()}


def Dr(c: dict, st: str | None = None, pg: bool = False) -> list:
    """A clinician: the name only is the span, never the title, credential or role."""
    f, l, cr = c["first"], c["last"], c["cred"]
    if c["role"] == "MD":
        st = st or rng.choice(("title", "title", "title2", "tfull", "full", "bare", "lf", "init"))
    else:
        st = st or rng.choice(("full", "full", "pre", "first", "init"))
    out = {"title": lambda: S("Dr. ") + S(l, CL), "title2": lambda: S("Dr ") + S(l, CL),
           "tfull": lambda: S("Dr. ") + S(f"{f} {l}", CL), "full": lambda: S(f"{f} {l}", CL) + S(f", {cr}"),
           "bare": lambda: S(l, CL), "lf": lambda: S(l, CL) + S(", ") + S(f, CL) + S(f" {cr}"),
           "init": lambda: S(f"{f[0]}. {l}", CL) + S(f", {cr.split(',')[0]}"),
           "pre": lambda: S(f"{PRE.get(c['role'], 'Dr.')} ") + S(f"{f} {l}", CL), "first": lambda: S(f, CL)}[st]()
    if pg:
        out += rng.choice((lambda: S(" (p ") + S(c["pg"], PH) + S(")"), lambda: S(" pgr ") + S(c["pg"], PH),
                           lambda: S(" @ x") + S(c["pg"], PH)))()
    return out


REL_TYPES = {"wife": ("F", "wife"), "husband": ("M", "hus"), "daughter": ("F", "dtr"), "son": ("M", "son"),
             "niece": ("F", "niece"), "nephew": ("M", "nephew"), "sister": ("F", "sis"), "brother": ("M", "bro"),
             "granddaughter": ("F", "gdtr"), "grandson": ("M", "gson"), "mother": ("F", "mom"), "father": ("M", "dad"),
             "partner": (None, "partner"), "friend": (None, "friend"), "neighbor": (None, "neighbor"),
             "daughter-in-law": ("F", "DIL"), "stepson": ("M", "stepson"), "girlfriend": ("F", "gf"),
             "cousin": (None, "cousin")}


def relative(P, rel: str, key: int) -> dict:
    sex, abbr = REL_TYPES[rel]
    sex = sex or rng.choice("FM")
    nick, r = None, rng.random()
    if r < .3:
        first = rng.choice(WORDNAMES[sex])
    elif r < .45:
        first, nick = rng.choice(NICKS[sex])
    else:
        first = first_name(sex, P.loc if rng.random() < .7 else None)
    family = rel in ("wife", "husband", "son", "daughter", "granddaughter", "grandson", "brother", "sister", "stepson")
    last = P.last if family and rng.random() < .7 else surname(P.loc if rng.random() < .5 else None)
    em = f"{first.lower()}.{re.sub('[^a-z]', '', last.lower())}{rng.randint(1, 99)}@example.{rng.choice(('com', 'net'))}"
    return {"key": key, "rel": rel, "abbr": abbr, "sex": sex, "first": first, "last": last, "nick": nick,
            "phone": phone(), "email": em,
                "spouse": rel in ("wife", "husband"), "town": town() if rng.random() < .5 else P.town}


def relm(P, r: dict, mode: str = "any", record: bool = True) -> list:
    """A relative: with a relation word until the record has introduced them, then any way, often the first name alone."""
    known = r["key"] in P.known
    if record:
        P.known.add(r["key"])
    w, f, l = rng.choice((r["rel"], r["rel"], r["abbr"])), r["first"], r["last"]
    if known and mode == "bare":
        st = rng.choice(("f", "f", "f", "nick", "full"))
    elif known:
        st = rng.choice(("f", "f", "wf", "fw", "full", "wc"))
    else:
        st = rng.choice(("wf", "wf", "fw", "wc", "wfull", "fullw", "lfw", "nickintro", "mrs"))
    if r["nick"] and not known and rng.random() < .5:
        st = "nickintro"
    if st in ("nick", "nickintro") and not r["nick"] or st == "mrs" and not r["spouse"]:
        st = "f" if known else "wf"
    if st == "nick":
        return S(r["nick"], RE_)
    title = "Mrs." if r["sex"] == "F" else "Mr."
    o, c = rng.choice(((' ("', '")'), (" (goes by ", ")"), (' "', '"')))
    return {"f": lambda: S(f, RE_), "full": lambda: S(f"{f} {l}", RE_), "wf": lambda: S(f"{w} ") + S(f, RE_),
            "fw": lambda: S(f, RE_) + S(f" ({w})"), "wc": lambda: S(f"{w}, ") + S(f, RE_) + S(","),
            "wfull": lambda: S(f"{w} ") + S(f"{f} {l}", RE_), "fullw": lambda: S(f"{f} {l}", RE_) + S(f" ({w})"),
            "lfw": lambda: S(l, RE_) + S(", ") + S(f, RE_) + S(f" ({w})"),
            "nickintro": lambda: S(f"{w} ") + S(f"{f} {l}", RE_) + S(o) + S(r["nick"], RE_) + S(c),
            "mrs": lambda: S(f"{title} ") + S(l, RE_) + S(f" ({w})")}[st]()


def Pn(P, st: str | None = None) -> list:
    st = st or rng.choice(("title", "title", "first", "full", "lf"))
    if st == "first" and P.nick and rng.random() < .5:
        return S(P.nick, PA)
    return {"title": lambda: S("Mr. " if P.sex == "M" else "Ms. ") + S(P.last, PA), "first": lambda: S(P.first, PA),
            "full": lambda: S(f"{P.first} {P.last}", PA), "lf": lambda: S(P.last, PA) + S(", ") + S(P.first, PA),
            "LF": lambda: S(P.last.upper(), PA) + S(", ") + S(P.first.upper(), PA)}[st]()


def age(P, a: int | None = None) -> list:
    a = P.age if a is None else a
    return S(str(a), AG if a > 89 else None)


DX = [(d.split(": ")[0], d.split(": ")[1].split("; ")) for d in pool("""septic shock 2/2 LLL PNA: was started on
    vanc/zosyn and required levophed up to 12 mcg/min; pressors were weaned off and the pt was extubated; abx were
    narrowed to ceftriaxone per sensitivities | acute on chronic HFrEF: was diuresed w/ IV lasix 80mg BID, net -4.2L; a
    Swan-Ganz catheter was placed for tailored therapy, CI 1.9; was transitioned to PO torsemide and Entresto was
    started per cardiology | ESRD on HD w/ K 6.8 after missed HD x2: received emergent HD via R tunneled line; K
    normalized to 4.1 and EKG changes resolved; was seen by nephrology, who resumed the MWF schedule | UGIB 2/2 duodenal
    ulcer: underwent EGD w/ clip x2 and received 2u PRBC; Hgb remained stable 8.1-8.4 off the pantoprazole gtt; H.
    pylori serology returned positive and quadruple therapy was started | DKA, new T2DM: was managed on the insulin gtt
    per DKA protocol; the gap closed and pt was bridged to glargine 18 units; received diabetes teaching w/ Accu-Chek
    and insulin pen | COPD exacerbation on BiPAP: required BiPAP 14/6 overnight; was weaned to 2L NC and steroids
    tapered; completed a 5-day course of azithromycin | R hip fx s/p ORIF: underwent ORIF w/o complication; was
    mobilized w/ PT, WBAT, Hoyer lift initially; pain was controlled on Norco 5/325 q6h prn | L MCA stroke s/p tPA:
    received tPA at 1412 w/o hemorrhagic conversion on repeat CT; had residual R arm weakness 3/5 and expressive
    aphasia; passed a modified barium swallow and advanced to dysphagia 2 | EtOH withdrawal on phenobarb: was loaded w/
    phenobarbital, CIWA peaked at 22; was seen by addiction consult; thiamine and folate were repleted | gallstone
    pancreatitis: had a positive Murphy's sign and lipase 3400; underwent ERCP w/ sphincterotomy; had lap chole prior
    to discharge | C. diff colitis w/ AKI: was started on PO vancomycin; Cr improved from 3.1 to 1.2 w/ IVF; stool
    output decreased and diet was advanced | new AF w/ RVR: was placed on a diltiazem gtt and rate controlled; was
    started on Eliquis 5mg BID; TTE showed normal LV function w/o thrombus""")]

# ---------------------------------------------------------------- the world: hospitals, staff, patients


class Pt:
    pass


HOSPITALS = []
for _ in range(5):
    h = fac("hosp")
    h.update(street=f"{rng.randint(10, 2999)} {fold(FAKERS['en_US'].street_name())}", town=town(),
             state=rng.choice(STATES), zip=f"{rng.randint(1000, 99999):05}", phone=phone(),
             staff={r: [clin(r) for _ in range(n)] for r, n in (("MD", 9), ("RN", 9), ("SW", 2), ("CM", 2), ("CH", 2))})
    HOSPITALS.append(h)


def make_patient(i: int) -> Pt:
    P = Pt()
    P.id, P.sex, P.loc, P.known = f"dev7-p{i:03}", rng.choice("FM"), rng.choice(LOCALES), set()
    P.nick = None
    if rng.random() < .12:
        P.first, P.nick = rng.choice(NICKS[P.sex])
    else:
        P.first = first_name(P.sex, P.loc)
    P.last = surname(P.loc)
    P.age = rng.randint(90, 101) if rng.random() < .15 else rng.randint(24, 89)
    P.adm = days(START, rng.randrange(1400))
    P.dis = days(P.adm, rng.randint(5, 15))
    P.dob = days(P.adm, -(P.age * 365 + rng.randrange(300)))
    P.hosp = rng.choice(HOSPITALS)
    P.unit, P.dx = rng.choice(UNITS), rng.choice(DX)
    P.mrn = f"{rng.randint(10 ** 7, 10 ** 8 - 1)}"
    P.acct = f"{rng.choice(('', 'A', 'V'))}{rng.randint(10 ** 8, 10 ** 9)}"
    P.street, P.town, P.county = f"{rng.randint(2, 9999)} {fold(FAKERS['en_US'].street_name())}", town(), town()
    P.state, P.zip, P.phone = rng.choice(STATES), f"{rng.randint(1000, 99999):05}", phone()
    st = P.hosp["staff"]
    P.mds, P.rns = rng.sample(st["MD"], 3), rng.sample(st["RN"], 3)
    P.sw, P.cm, P.ch = rng.choice(st["SW"]), rng.choice(st["CM"]), rng.choice(st["CH"])
    P.pcp, P.practice = clin("MD"), fac("prac")
    P.osh, P.snfs, P.hha, P.dial, P.pharm, P.amb = (fac("hosp"), [fac("snf") for _ in range(3)], fac("hha"),
                                                    fac("dial"), fac("pharm"), fac("amb"))
    P.dest = rng.choice((fac("hosp"), fac("hosp"), P.snfs[0]))
    if P.age < 40:
        kinds = ["mother", "father", "partner", "sister", "brother", "friend", "girlfriend", "cousin"]
    else:
        kinds = (["wife" if P.sex == "M" else "husband"] * (P.age < 96) + ["daughter", "son", "daughter", "son"]
                 + ["niece", "nephew", "granddaughter", "grandson", "neighbor", "friend", "daughter-in-law",
                    "stepson", "sister", "brother"])
    picks = ([kinds[0]] if kinds[0] in ("wife", "husband") else []) + rng.sample(kinds[1:], rng.randint(2, 3))
    P.rels = [relative(P, k, j) for j, k in enumerate(picks)]
    P.hcp = rng.choice(P.rels)
    return P


PATIENTS = [make_patient(i) for i in range(1, N_PATIENTS + 1)]


def ctx(P, day: dt.date) -> dict:
    """Slots every template may use, each a fresh draw when called."""
    r1, r2 = rng.sample(P.rels, 2)
    md = rng.choice(P.mds)
    return dict(NUM, unit=P.unit, doc=lambda: Dr(md), docp=lambda: Dr(md, pg=True), r1=lambda: relm(P, r1),
                r1b=lambda: relm(P, r1, "bare"), r2=lambda: relm(P, r2), r2b=lambda: relm(P, r2, "bare"),
                ph1=lambda: S(r1["phone"], PH), pt=lambda: Pn(P), ptf=lambda: Pn(P, "first"), snf=lambda: F(P.snfs[0]),
                hha=lambda: F(P.hha), osh=lambda: F(P.osh), pharm=lambda: F(P.pharm), pcp=lambda: Dr(P.pcp),
                dnext=lambda: D(days(day, rng.randint(1, 3))), prac=lambda: F(P.practice), hcp=lambda: relm(P, P.hcp),
                other=lambda: relm(P, rng.choice([r for r in P.rels if r is not P.hcp])), dest=lambda: F(P.dest),
                year=lambda: S(str(P.adm.year - rng.randint(2, 15)), YR))


def T(pl: list[str], kw: dict) -> list:
    return R(rng.choice(pl), **kw)


# ---------------------------------------------------------------- nursing: shift notes, flow notes
NEURO = pool("""A&Ox{ox}, follows commands, MAE. PERRLA 3mm brisk | alert, oriented x{ox}, pleasant, denies pain |
    sedated on propofol {prop} mcg/kg/min, RASS {rass}, CAM-ICU neg | lethargic but arousable to voice, GCS {gcs} |
    grip strength {s}/5 bilat, LE {s}/5, no drift | c/o {pain}/10 HA, {med} given w/ relief |
    intermittently confused overnight, reoriented easily. CIWA {ciwa} | forgetful, bed alarm on, Morse {morse}""")
CV = pool("""NSR {hr}s, SBP {sbp}. +PP x4 | afib {hr}-{hr2}, dilt gtt @ {dilt} mg/hr | BP {bp}, goal MAP >65,
    levophed @ {ne} mcg/min, weaned off at {time} | BP {bprange} overnight, HR {hr}-{hr2} ST/SR |
    heparin gtt @ {hep} units/hr, PTT {ptt} at {time}, no change per protocol | trace edema BLE, +2 radial, +1 DP |
    Swan-Ganz in place, CVP {cvp}, CI {ci} | 2+ pitting edema BLE, lasix {lasix}mg IV given, Homans neg""")
RESP = pool("""vent {vent}, PEEP {peep}, sats {sat}%. sx for mod thick tan secretions | on {nc}L NC, sats {sat}%, LS
    clear/dim bases | BiPAP {ipap}/{epap} overnight, off to {nc}L NC this am | RT weaned to PS {ps}/{peep}, RSBI
    {rsbi} | LS coarse BL, IS {isv}ml, encouraged C&DB | HFNC 40L/{fio2}%, sats {sat}%, RR {rr}-{rr2} |
    trach collar 35%, trach care done, inner cannula changed""")
GIGU = pool("""abd soft, NT/ND, +BS x4, tolerating {diet} | TF {tf} @ {rate}ml/hr via dobhoff, residuals <{res} |
    NPO after MN for procedure, mIVF LR @ {rate}ml/hr | Foley to gravity, UOP {uop}cc/hr clear yellow | voiding in
    urinal, bladder scan {bs}ml | purewick in place, incontinent of stool x2 | zofran 4mg IV for nausea x1 w/ effect |
    Murphy's sign neg, abd obese, soft. last BM today""")
SKIN = pool("""intact except stage 2 to coccyx, mepilex applied. Braden {braden} | turned q2h, heels offloaded, SCDs on |
    R PICC c/d/i, dsg changed today | JP drain {jp}cc serosang, stripped q4h | wound VAC to sacrum @ -125mmHg, intact |
    PIV x2 saline locked, L FA 20g | warm, dry; bruising BUE from heparin SQ""")
LABS = pool("""K {k}, {doc} notified, repleted w/ {kcl} mEq KCl PO | Mg {mg}, 2g IV given per {doc} | Hgb {hgb} stable, no
    s/s bleeding | FSBG {gluc}, {ssi} units lispro per SSI | lactate {lac} -> {lac2} | Cr {cr} from {cr2}, {doc}
    aware | INR {inr}, warfarin held per pharmacy""")
SOCIAL = pool("""{r1} at bs most of shift, updated on poc by {doc} | {r1} called x2 overnight; updated by this RN. {r1b}
    asks to be called w/ any change at {ph1} | spoke w/ {r1} on phone re: poc, questions answered | {r1} and {r2}
    visited {shift}; {r2b} tearful at bs, emotional support given | no visitors this shift. LVM for {r1} at {ph1} |
    {r1} here, requesting {doc} call w/ update on CT results; {doc} aware | {r1b} at bedside, helped w/ am care, pt
    brighter w/ family present | pt asking for {r1b} frequently; {r1b} aware and will visit after work | HCP is
    {hcp}; {other} also involved, both updated | {r1b} brought in home meds, sent home w/ {r1b} per policy | {ptf}
    asking for {r1b}, reassured""")
DISPO = pool("""remains in {unit}; possible transfer to floor in am | dispo to {snf} when medically cleared, {r1b} aware |
    plan d/c home w/ {hha} once cleared by PT | awaiting bed at {snf}; CM following | may be sent back to {osh} per
    family request | full code. DNR/DNI discussion w/ {r1} at fam mtg {dnext} | transfer to {dest} pending bed""")
PLAN = pool("""will continue to monitor, call HO w/ changes | pt may advance diet as tolerated per team | hope to extubate
    in am if SBT passes | will recheck K at {time}, replace per protocol | will need PT/OT eval before dispo | fall
    precautions, call bell in reach, bed low and locked | POC discussed w/ pt, verbalized understanding | foley d/c'd
    at {time}, due to void in 6h | pt c/o insomnia, may have melatonin 3mg per {doc}""")
NHEAD = pool("""{unit} NURSING NOTE {d} {shift} | RN SHIFT ASSESSMENT - {d} - {shift} | Nursing progress note {d}
    ({shift}) | {unit} RN note, {shift} shift, {d}""")
FLOW = pool("""pt resting, no distress. VS stable | {pt} asleep on and off, easily arousable | pt restless, pulling
    at lines; mittens applied per order, {doc}
    notified | called {docp} re: UOP {uop}cc/hr x2h; {bolus}cc LR bolus ordered | am labs sent. K {k}, replaced per
    protocol | {r1} called, updated on poc | {r1b} at bs, pt calmer | pain {pain}/10, {med} given | turned,
    repositioned, skin care done; Braden {braden} | BP {bp}, HR {hr}, RR {rr}, SpO2 {sat}% on {nc}L NC | SBT started
    per RT, RSBI {rsbi} | {doc} at bs, aware of BP {bp} | {r2} called from home, update given, will call {r2b} back
    after rounds | FSBG {gluc}, {ssi} units given | levophed titrated to {ne} mcg/min for MAP <65, {doc} aware""")


def nursing(P, day: dt.date, flow: bool = False) -> list:
    kw = ctx(P, day)
    rn = rng.choice(P.rns)
    kw["d"] = lambda: D(day, rng.choice(("mm", "mdy", "md", "yy")))
    out = R("FLOWSHEET NOTES {unit} {d}" if flow else rng.choice(NHEAD), **kw) + S("\n")
    if rng.random() < .5:
        out += S("PT: ") + Pn(P, "lf") + (S(' ("') + S(P.nick, PA) + S('")') if P.nick else []) + S("   MRN ")
        out += S(P.mrn, ID_) + S("   AGE ") + age(P) + S("\n")
    if flow:
        t = rng.choice((19, 7)) * 60
        for item in rng.sample(FLOW, rng.randint(6, 9)):
            out += S(f"{t // 60 % 24:02}{t % 60:02} ") + R(item, **kw) + S("\n")
            t += rng.choice((30, 45, 60, 90, 100))
        return out + S("report given to oncoming RN ") + Dr(rng.choice(P.rns), "first") + S("\n")
    for label, pl in (("NEURO", NEURO), ("CV", CV), ("RESP", RESP), ("GI/GU", GIGU), ("SKIN", SKIN), ("LABS", LABS)):
        sep = rng.choice((": ", " - ", ": "))
        t1, t2 = rng.sample(pl, 2)
        out += S(label + sep) + R(t1, **kw) + (S(". ") + R(t2, **kw) if rng.random() < .35 else []) + S("\n")
    t1, t2 = rng.sample(SOCIAL, 2)
    out += S("SOCIAL: ") + R(t1, **kw) + (S(". ") + R(t2, **kw) if rng.random() < .5 else []) + S("\n")
    out += S("DISPO: ") + T(DISPO, kw) + S("\n") + T(PLAN, kw) + S(".\n")
    sign = rng.choice((lambda: S("-- ") + Dr(rn, "full"), lambda: Dr(rn, "pre"), lambda: Dr(rn, "init")))
    return out + sign() + S("\n")


# ---------------------------------------------------------------- sign-out lists
TODO = pool("""fam mtg {dnext} w/ {r1} | call {r1} w/ updates ({ph1}) | f/u K {k} -> recheck @ {time} | if SBP <90 ->
    {bolus}cc bolus, call {docp} | {hcp} (HCP) wants call after CT | dispo: {snf} accepted, d/c {dnext} | f/u bcx from
    {osh} | code status DNR/DNI per {r1b} | call {r1b} back re: goals of care | AM CBC, coags; hold heparin if plt
    <50 | {r1b} at bs overnight, ok to stay | wean levophed, MAP goal >65 | d/w {doc} re: restart Eliquis""")


def signout(P, day: dt.date) -> list:
    others = [Q for Q in PATIENTS if Q is not P and Q.hosp is P.hosp] or [Q for Q in PATIENTS if Q is not P]
    rows = [P] + rng.sample(others, min(len(others), rng.randint(2, 4)))
    night, dayteam = rng.sample(P.hosp["staff"]["MD"], 2)
    d = D(day, rng.choice(("md", "mdy", "Mon")))
    out = R("{unit} NIGHT SIGN-OUT  {d}  ({shift})\n", **{**ctx(P, day), "d": d})
    out += S("Day: ") + Dr(dayteam, "title", pg=True) + S(" / Night: ") + Dr(night, "title", pg=True) + S("\n")
    style = rng.choice(("pipe", "num", "cols"))
    if style != "num":
        out += S("BED | NAME | AGE/SEX | ONE-LINER | TO-DO\n" if style == "pipe" else
                 f"{'BED':<6}{'NAME':<26}{'AGE':<6}ONE-LINER / TO-DO\n")
    for j, Q in enumerate(rows):
        kw = ctx(Q, day)
        if Q is not P:  # another patient's relatives: always with their relation word here
            r = rng.choice(Q.rels)
            kw.update(r1=lambda r=r, Q=Q: relm(Q, r, record=False), hcp=lambda Q=Q: relm(Q, Q.hcp, record=False),
                      ph1=lambda r=r: S(r["phone"], PH))
            kw.update(r1b=kw["r1"], r2=kw["r1"], r2b=kw["r1"], other=kw["r1"])
        bed = f"{rng.randint(1, 32)}{rng.choice(('', 'A', 'B'))}"
        name = Pn(Q, rng.choice(("lf", "LF", "lf")))
        todos = []
        for t in rng.sample(TODO, rng.randint(2, 3)):
            todos += (S("; ") if todos else []) + R(t, **kw)
        ages = age(Q) + S(Q.sex)
        if style == "pipe":
            out += S(f"{bed} | ") + name + S(" | ") + ages + S(f" | {Q.dx[0]} | ") + todos + S("\n")
        elif style == "num":
            out += S(f"{j + 1}) Bed {bed} - ") + name + S(" (") + ages + S(f") {Q.dx[0]}\n   TD: ") + todos + S("\n")
        else:
            w = sum(len(t) for t, _ in name)
            out += S(f"{bed:<6}") + name + S(" " * max(1, 26 - w)) + ages + S("    " + Q.dx[0] + "\n" + " " * 12 + "- ")
            out += todos + S("\n")
    return out


# ---------------------------------------------------------------- social work, case management, chaplaincy, phone
def social_work(P, day: dt.date) -> list:
    kw = ctx(P, day)
    sw = P.sw
    out = S("SOCIAL WORK ASSESSMENT\nDate: ") + D(day, rng.choice(("mm", "mdy"))) + S("   Referral: ")
    out += rng.choice((lambda: S("RN ") + Dr(rng.choice(P.rns), "full"), lambda: Dr(P.mds[0], "title")))()
    out += S("\nSources: pt, ") + relm(P, P.rels[0]) + S(" (by phone), chart review\n\nLiving situation: Pt lives ")
    out += S("w/ ") + relm(P, P.rels[0]) if P.rels[0]["spouse"] else S(rng.choice(("alone", "w/ a roommate")))
    out += S(rng.choice((" in a 2-story home", " in a 1st floor apt", " in senior housing"))) + S(" at ")
    out += S(P.street, LO) + S(", ") + S(P.town, LO) + S(f", {P.state} ") + S(P.zip, LO) + S(" (") + S(
        f"{P.county} County", LO) + S(").\n\nFamily/supports:\n")
    for r in P.rels:
        out += S(f" - {r['rel'].capitalize()}: ") + S(f"{r['first']} {r['last']}", RE_) + S(", lives in ") + S(
            r["town"], LO) + S(", ") + S(r["phone"], PH) + (S(", ") + S(r["email"], EM) if rng.random() < .3 else [])
        out += (S(", aged ") + age(P, rng.randint(90, 97)) if r["spouse"] and P.age > 89 else []) + S("\n")
        P.known.add(r["key"])
    out += S("HCP/Proxy: ") + rng.choice((lambda: S("HCP is ") + relm(P, P.hcp), lambda: relm(P, P.hcp, "bare") + S(
        " is HCP")))() + S(", form on chart dated ") + D(days(P.adm, -rng.randint(100, 2000)), "mm") + S(".\n")
    out += R("Services PTA: {hha} 2x/wk; Meals on Wheels; meds delivered by {pharm}. PCP {pcp} at {prac}.\n", **kw)
    out += R(rng.choice(pool("""Assessment: pt tearful discussing loss of independence; {r1b} feels overwhelmed as
        primary caregiver. Discussed caregiver support, respite options. | Assessment: pt and {r1} agree w/ SNF for
        short-term rehab; prefer {snf} (close to {r1b}'s home). | Assessment: limited supports; {r2} may be able to stay
        w/ pt for the first week after d/c. Pt hopes to return home.""")), **kw)
    out += R("\nPlan: SW will call {r1b} back by EOD; fam mtg {dnext} w/ {doc} and {r2}. Will follow.\n", **kw)
    return out + Dr(sw, "full") + S(" | pager ") + S(sw["pg"], PH) + S("\n")


def case_mgmt(P, day: dt.date) -> list:
    kw = ctx(P, day)
    a, b, c = P.snfs
    out = S("CASE MANAGEMENT NOTE  ") + D(day, rng.choice(("mm", "md", "iso"))) + S(
        f"  {rng.choice(('1030', '14:20', '0915'))}\nPayer: {rng.choice(('Medicare A/B', 'Medicaid', 'BCBS PPO'))}\n")
    out += R("Dispo plan: SNF for short-term rehab, per PT rec {s}/5 BLE strength, mod assist x1.\n", **kw)
    out += S("Referrals sent via portal to:\n 1. ") + F(a, "full") + S("\n 2. ") + F(b, "full") + S("\n 3. ") + F(
        c, "def") + S("\n")
    out += F(b, rng.choice(("short", "abbr", "full"))) + S(" accepted; bed offered for ") + D(days(day, 2)) + S(
        ". Auth ref # ") + S(f"{rng.randint(10 ** 6, 10 ** 7)}-{rng.choice('ABCK')}", ID_) + S(". ")
    out += relm(P, P.rels[0]) + S(" toured ") + F(b, rng.choice(("short", "full"))) + S(" on ") + D(days(day, -1))
    out += S(" and agrees; ") + relm(P, P.rels[1]) + S(" prefers ") + F(a, rng.choice(("short", "full"))) + S(
        rng.choice((", will discuss w/ ", ", CM to call "))) + relm(P, P.rels[0], "bare") + S(".\n")
    out += S("Transport: ") + F(P.amb) + S(" BLS booked for 1300 on ") + D(days(day, 2)) + S(".\n")
    if "HD" in P.dx[0] or rng.random() < .3:
        out += S("Dialysis: chair confirmed at ") + F(P.dial) + S(" MWF 0600, ph ") + S(phone(), PH) + S(".\n")
    out += R("After SNF: {hha} for SN/PT/OT. Pharmacy on file: {pharm}.\n", **kw)
    if rng.random() < .5:
        out += S("Emailed choice list to ") + relm(P, P.rels[0], "bare") + S(" at ") + S(P.rels[0]["email"], EM)
        out += S(".\n")
    return out + Dr(P.cm, rng.choice(("full", "pre"))) + S(" x") + S(P.cm["pg"], PH) + S("\n")


CHAP = pool("""Pt shared that faith has been a source of strength through illness; expressed hope to return home to
    {r1b}. | {r1} present and joined in prayer; {r1b} tearful, asked chaplain to return. | Pt identifies as
    Catholic, requested Sacrament of the Sick; priest contacted via on-call line. | Pt reports no religious
    affiliation; values time w/ family, esp. {r2}. | {r2} spoke of guilt about not visiting sooner; chaplain
    offered presence and active listening. | Pt Muslim; prayer rug and qibla direction provided, {r1b} will bring
    Quran from home. | Pt worried about being a burden to {r1b}; explored sources of meaning and hope.""")


def chaplaincy(P, day: dt.date) -> list:
    kw = ctx(P, day)
    out = S(rng.choice(("SPIRITUAL CARE NOTE  ", "Chaplaincy Visit - ", "PASTORAL CARE "))) + D(day, rng.choice(
        ("mm", "Mdy", "md"))) + S("\nReferral: ") + rng.choice((lambda: S("RN ") + Dr(rng.choice(P.rns), "full"),
                                                                   lambda: relm(P, P.rels[0]),
                                                                   lambda: S("routine ICU rounds")))() + S("\n")
    out += Dr(P.ch, "pre") + S(" visited ") + Pn(P) + S(" in ") + S(P.unit) + S(". ") + R(rng.choice(
        ("{r1}, present at bedside. ", "Pt's {r1} present. ", "")), **kw)
    for t in rng.sample(CHAP, 2):
        out += R(t, **kw) + S(" ")
    out += S(f"\nPlan: will follow up {WD[days(day, 2).weekday()]}, ") + D(days(day, 2), rng.choice(("md", "Md")))
    out += R(". {r1b} may call chaplain office or page ", **kw) + S(P.ch["pg"], PH) + S(".\n-- ") + Dr(P.ch, rng.choice(
        ("full", "first"))) + S("\n")
    return out


def telephone(P, day: dt.date) -> list:
    kw = ctx(P, day)
    r = rng.choice(P.rels)
    rn = clin("RN")
    kind = rng.choice(("family", "postdc", "pharm"))
    out = S("TELEPHONE ENCOUNTER\nDate: ") + D(day, rng.choice(("mm", "mdy", "iso"))) + S(
        f"  Time: {rng.randint(8, 17)}:{rng.randint(0, 59):02}\n")
    if kind == "family":
        out += S("Caller: ") + S(f"{r['first']} {r['last']}", RE_) + S(f" ({r['rel']})  Callback: ") + S(r["phone"], PH)
        P.known.add(r["key"])
        out += S("\nRe: ") + Pn(P, "lf") + S("  DOB ") + D(P.dob, "mm") + S("  MRN ") + S(P.mrn, ID_) + S("\n\n")
        out += S(r["first"], RE_) + S(rng.choice((" calling w/ concerns re: ", " asking about "))) + S(
            rng.choice(("new swelling in legs", "pt's confusion since d/c", "lasix dose", "when to restart Eliquis")))
        out += R(". Per {pcp}, ok to take extra lasix 40mg x1 and call if wt up >3 lb. ", **kw) + S(
            r["first"], RE_) + S(" verbalized understanding, will call back if no better.\n")
    elif kind == "postdc":
        out += S("Post-discharge call. Pt d/c'd ") + D(P.dis, "md") + S(" from ") + F(P.hosp) + S(" to home w/ ")
        out += F(P.hha) + S(". Called pt at ") + S(P.phone, PH) + S("; spoke w/ ") + relm(P, r) + S(
            ", who states pt 'doing better'. Follow-up w/ ") + Dr(P.pcp, "title") + S(" confirmed ") + D(
            days(day, rng.randint(3, 9))) + S(". Meds picked up at ") + F(P.pharm) + S(".\n")
        out += relm(P, r, "bare") + S(" has questions re: lasix dose, routed to ") + Dr(P.pcp, "bare") + S(".\n")
    else:
        out += F(P.pharm) + S(" (") + S(phone(), PH) + S(") called re: prior auth for Eliquis 5mg BID for ")
        out += Pn(P, "full")
        out += R(". Per {pcp}, ok to switch to warfarin, INR check at {prac} in 5 days. LVM for {r1} at {ph1}.\n", **kw)
    return out + Dr(rn, rng.choice(("full", "init"))) + S("\n")


# ---------------------------------------------------------------- discharge and transfer summaries
def summary_header(P, title: str, out_date: dt.date) -> list:
    h = P.hosp
    out = S(h["name"], FA) + S("\n") + S(h["street"], LO) + S(", ") + S(h["town"], LO) + S(f", {h['state']} ") + S(
        h["zip"], LO) + S("   Tel ") + S(h["phone"], PH) + S(f"\n{title}\n")
    if rng.random() < .4:
        out += S("RUN DATE: ") + D(out_date, "compact") + S(f"  RUN TIME: {rng.randint(6, 23):02}{rng.randint(0, 59):02}")
        out += S("\n")
    out += S("Patient: ") + Pn(P, "LF") + S("   MRN: ") + S(P.mrn, ID_) + S("   Acct #: ") + S(P.acct, ID_) + S("\n")
    out += S("DOB: ") + D(P.dob, "mm") + S("   Age: ") + age(P) + S(f"   Sex: {P.sex}\n")
    return out


def discharge(P) -> list:
    kw = ctx(P, P.dis)
    a, z = P.adm, P.dis
    los = (z - a).days
    att = P.mds[0]
    out = summary_header(P, "DISCHARGE SUMMARY", days(z, 1))
    out += S("Admission Date: ") + D(a, "mm") + S("     Discharge Date: ") + D(z, "mm") + S("\nAttending: ") + Dr(
        att, "lf") + S("\nPCP: ") + Dr(P.pcp, "tfull") + S(", ") + F(P.practice) + S("\n")
    article = " is an " if str(P.age)[0] == "8" else " is a "
    out += S(f"\nPrincipal diagnosis: {P.dx[0]}\n\nHISTORY: ") + Pn(P, "title") + S(article) + age(P) + S(
        f"-year-old {'man' if P.sex == 'M' else 'woman'} w/ h/o CABG (") + kw["year"]() + S(") who presented to ")
    out += F(P.osh, rng.choice(("def", "full"))) + S(" on ") + D(days(a, -1)) + S(f" w/ {P.dx[0]} and was transferred")
    out += S(" to ") + F(P.hosp, rng.choice(("abbr", "short", "full"))) + S(f" {P.unit} on ") + D(a) + S(".\n\n")
    c = P.dx[1]
    k = rng.randint(2, min(4, los))
    out += S("HOSPITAL COURSE:\nOn ") + D(a, "md") + S(f", the pt {c[0]}. ") + S(f"HD#{k} (") + D(days(a, k - 1), "md")
    out += S(f"): {c[1]}. Over ") + DR(days(a, 1), days(a, min(los - 1, 5))) + S(f", {c[2]}. Blood cultures from ")
    out += DPAIR(a, days(a, 2)) + S(" remained no growth. On the ") + S(dstr(days(a, 3), "th"), DA) + S(
        ", TTE showed EF {}%; formal read ".format(NUM["ef"]())) + D(days(a, 3), "iso") + S(". PT/OT evaluated on ")
    out += D(days(a, 4), rng.choice(("Mth", "dM", "Md"))) + S(". A family meeting was held ") + D(
        days(a, los - 2), rng.choice(("Md", "dMy", "md"))) + S(" w/ ") + relm(P, P.rels[0]) + S(" and ") + relm(
        P, P.rels[1]) + S(rng.choice(("; goals of care reviewed.", ", and the pt's code status was changed to DNR.")))
    out += S("\n\nDISPOSITION: ")
    dest = rng.choice(("snf", "home", "hha"))
    if dest == "snf":
        out += S("Discharged to ") + F(P.snfs[1], "def") + S(" for short-term rehab; report called to ") + Dr(clin("RN"),
                                                                                                         "full")
    elif dest == "home":
        out += S("Home w/ ") + relm(P, P.rels[0], "bare") + S(", services by ") + F(P.hha)
    else:
        out += S("Home w/ services from ") + F(P.hha) + S(" (") + S(phone(), PH) + S("), first visit ") + D(days(z, 1))
    out += S(".\n\nFOLLOW-UP:\n - ") + Dr(P.pcp, "title") + S(", ") + F(P.practice) + S(": ")
    f1 = days(z, rng.randint(4, 12))
    out += S(f"{WD[f1.weekday()]}, ") + D(f1, rng.choice(("Md", "Mth", "Mon"))) + S(
        f" at {rng.randint(8, 15)}:{rng.choice(('00', '15', '30', '45'))}\n - ")
    f2 = days(z, rng.randint(10, 30))
    out += Dr(P.mds[2], "tfull") + S(" (clinic at ") + F(P.hosp, rng.choice(("abbr", "short", "full"))) + S("): ") + D(
        f2, rng.choice(("mdy", "mm", "Mdy"))) + S(" 10:30 AM\n")
    if "HD" in P.dx[0]:
        out += S(" - Resume HD at ") + F(P.dial) + S(" MWF starting ") + D(days(z, 1), "md") + S("\n")
    out += S("Pending at discharge: final blood cx from ") + D(days(z, -1), "md") + S("; call ") + Dr(att, "title")
    out += S(" at ") + S(phone(), PH) + S(".\nRx sent to ") + F(P.pharm) + S(".\n\nDictated ")
    dd = days(z, rng.randint(0, 2))
    out += D(dd, "mm") + S(f" {rng.randint(6, 20):02}:{rng.randint(0, 59):02} by ") + Dr(att, "full") + S(
        "\nTranscribed ") + D(days(dd, 1), "mm") + S(" / Job #") + S(f"{rng.randint(10 ** 5, 10 ** 7)}", ID_)
    out += S("\ncc: ") + Dr(P.pcp, "title") + S(", ") + F(P.practice) + S("; fax ") + S(phone(), PH) + S("\n")
    return out


def transfer(P) -> list:
    z = P.dis
    out = summary_header(P, "INTERFACILITY TRANSFER SUMMARY", z)
    out += S("From: ") + F(P.hosp, rng.choice(("full", "def"))) + S(f", {P.unit}\nTo: ") + F(P.dest, "def") + S("\n")
    out += S("Admitted: ") + D(P.adm, "mm") + S("   Transfer date: ") + D(z, "mm") + S("   Transfer ref #: ") + S(
        f"TR-{rng.randint(10 ** 5, 10 ** 6)}", ID_) + S("\nAccepting physician: ") + Dr(clin("MD"), "tfull") + S("\n")
    c = P.dx[1]
    out += S(f"\nReason: {P.dx[0]}; needs ") + S("acute inpatient rehab" if P.dest["kind"] == "snf" else rng.choice(
        ("IR embolization", "higher level of care", "CT surgery evaluation", "ECMO evaluation")))
    out += S(".\nCourse: Adm ") + D(P.adm, "md") + S(f"; {c[0]}. On ") + D(days(P.adm, 2), "Md") + S(f", {c[1]}. ")
    out += S("Lines: R IJ CVC placed ") + D(days(P.adm, 1), "md") + S(", Foley ") + D(P.adm, "md") + S(", PIV x2.\n")
    out += S("Report called to ") + Dr(clin("RN"), rng.choice(("full", "pre"))) + S(" at ") + F(P.dest, rng.choice(
        ("abbr", "short", "full"))) + S(" (") + S(phone(), PH) + S(f") at {rng.randint(10, 22)}{rng.choice(('00', '20', '45'))}.")
    out += S("\nTransport: ") + F(P.amb) + S(" ALS.\nFamily: ") + relm(P, P.rels[0]) + S(
        " aware and will meet pt at ") + F(P.dest, rng.choice(("short", "full"))) + S("; ") + relm(P, P.hcp) + S(
        " (HCP) consented by phone ") + S(P.hcp["phone"], PH) + S(".\n")
    out += S("Sending MD: ") + Dr(P.mds[0], "full", pg=True) + S("\n")
    return out


# ---------------------------------------------------------------- writing and checking
NAMEY = (PA, CL, RE_)
STOPTOK = {"de", "la", "van", "der", "von", "da", "di", "le", "del", "dos", "das", "du", "st."}


def check_copies(row: dict) -> None:
    """Every occurrence of a labelled name token (or facility/place string) in the note is inside some span.
    Names that are English words (Will, Hope ...) are exempt: their English uses are meant to stay unlabelled."""
    text, spans = row["text"], row["spans"]
    words = set()
    for s in spans:
        if s["type"] in NAMEY:
            words |= {w for w in re.split(r"[\s,]+", s["text"]) if len(w) > 2 and w.lower() not in STOPTOK | WORDSET}
        elif s["type"] in (FA, LO) and s["text"].lower() not in WORDSET:
            words.add(s["text"])
    for w in words:
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", text, re.IGNORECASE):
            if not any(s["start"] <= m.start() and m.end() <= s["end"] for s in spans):
                raise AssertionError((row["id"], w, text[max(0, m.start() - 40): m.end() + 40]))


def schedule(P) -> list[tuple[dt.date, str]]:
    a, z = P.adm, P.dis
    mid = lambda: days(a, rng.randint(1, (z - a).days - 1))
    out = [(mid(), rng.choice(("nursing_caps", "nursing_lower", "nursing_caps", "nursing_lower", "nursing_flow")))]
    if rng.random() < .05:
        out.append((mid(), rng.choice(("nursing_caps", "nursing_lower", "nursing_flow"))))
    if rng.random() < .33:
        out.append((mid(), "signout"))
    for g in rng.sample(("social_work", "case_management", "chaplaincy", "telephone", "telephone"), rng.random() < .85):
        out.append((days(z, rng.randint(2, 10)) if g == "telephone" else mid(), g))
    if len(out) < 2:  # a record has several notes
        out.append((days(z, rng.randint(2, 10)), "telephone"))
    r = rng.random()
    if r < .42:
        out.append((z, "discharge_summary"))
    elif r < .62:
        out.append((z, "transfer_summary"))
    return sorted(out, key=lambda x: (x[0], x[1] in ("discharge_summary", "transfer_summary", "telephone")))


BUILD = {"nursing_caps": (nursing, "upper"), "nursing_lower": (nursing, "lower"), "signout": (signout, None),
         "nursing_flow": (lambda P, d: nursing(P, d, flow=True), None), "social_work": (social_work, None),
         "case_management": (case_mgmt, None), "chaplaincy": (chaplaincy, None), "telephone": (telephone, None),
         "discharge_summary": (lambda P, d: discharge(P), None), "transfer_summary": (lambda P, d: transfer(P), None)}
CASE_MIX = {"nursing_flow": (None, "upper", "lower"), "signout": (None, None, "upper", "lower"),
            "social_work": (None, None, None, "lower"), "case_management": (None, None, "lower"),
            "chaplaincy": (None, None, None, "upper"), "telephone": (None, None, "upper"),
            "discharge_summary": (None, None, None, None, "upper"), "transfer_summary": (None, None, None, "upper")}


def main() -> None:
    rows = []
    for P in PATIENTS:
        for day, genre in schedule(P):
            build, case = BUILD[genre]
            case = case or rng.choice(CASE_MIX[genre])
            text, spans = assemble(build(P, day), case)
            row = {"id": f"dev7-{len(rows) + 1:04}", "patient": P.id, "genre": genre, "text": text, "spans": spans}
            check_spans(row)
            check_copies(row)
            rows.append(row)
    assert 150 <= len(rows) <= 170, len(rows)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=True) + "\n" for r in rows), encoding="utf-8")
    types = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{len(rows)} notes, {len({r['patient'] for r in rows})} patients -> {OUT.name}")
    print("spans:", dict(sorted(types.items())))
    print("genres:", dict(sorted(Counter(r["genre"] for r in rows).items())))


if __name__ == "__main__":
    main()
