"""Dev4, written blind to the de-identifier's rules: discharge summaries, social work assessments, ED triage/EMS notes,
all-caps and all-lower nursing shift notes, daily progress notes. People from faker in many locales (folded to ASCII),
places and institutions composed in many naming styles; span offsets are recorded while each note is assembled.
Run: .venv/bin/python -m tests.deid_corpus.make_dev4
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path

from faker import Faker

from tests.deid_corpus.segments import R, S, assemble, fold, pool
from tests.deid_corpus.segments import check as check_spans

SEED = 40417
OUT = Path(__file__).resolve().parent / "dev4.jsonl"
GROUPS = ("discharge", "social_work", "ed_triage", "nursing", "progress_note")  # nursing: half caps, half lower
N_PATIENTS = 42

rng = random.Random(SEED)
ch = rng.choice
LOCALES = ["en_US"] * 14 + ["en_GB", "es_MX", "pl_PL", "pt_BR", "yo_NG", "en_IN", "it_IT", "ga_IE", "fr_FR", "de_DE", "tr_TR",
                            "fil_PH"]
FAKERS = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FAKERS)):
    FAKERS[_loc].seed_instance(SEED * 7 + _i)


# ---------------------------------------------------------------- segments: lists of (text, type or None)
def para(templates, k, K, sep=" "):
    out = []
    for j, t in enumerate(rng.sample(templates, min(k, len(templates)))):
        out += ([(sep, None)] if j else []) + R(t, **K)
    return out


# ---------------------------------------------------------------- people
WORD_F = ["Rose", "Hope", "Summer", "Faith", "Joy", "Grace", "Dawn", "Ivy", "Autumn", "Crystal"]
WORD_M = ["Will", "Grant", "Hunter", "Mason", "Chase", "Rocky", "Duke", "Sonny", "Forrest", "Clay"]
WORD_L = ["Young", "King", "Bell", "Price", "Hill", "Grant", "Hunter", "Mason", "Rose", "Hope", "Cross", "Walker", "Gray",
          "Bishop", "Law", "Sterling", "Frost", "Church", "Marsh", "Wise", "Golden", "Lane"]
REL_M = ["son", "husband", "brother", "nephew", "grandson", "friend", "neighbor", "partner", "stepson", "cousin", "boyfriend"]
REL_F = ["daughter", "wife", "sister", "niece", "granddaughter", "friend", "neighbor", "partner", "stepdaughter", "girlfriend"]
SHORT_REL = {"daughter": "dtr", "husband": "hus", "sister": "sis", "brother": "bro", "granddaughter": "gdtr", "neighbor": "nbr"}
FAMILY = {"son", "brother", "grandson", "stepson", "daughter", "sister", "granddaughter", "stepdaughter", "husband", "wife"}
COUPLE = {"husband", "wife", "partner", "boyfriend", "girlfriend"}
_names: set = set()

def person(sex=None, last=None):
    while True:
        f, sx = FAKERS[ch(LOCALES)], sex or ch("MF")
        first = fold(f.first_name_male() if sx == "M" else f.first_name_female()).split(" ")[0]
        sur = last or fold(f.last_name()).replace("O ", "O'")
        first = ch(WORD_M if sx == "M" else WORD_F) if rng.random() < 0.12 else first
        sur = ch(WORD_L) if last is None and rng.random() < 0.12 else sur
        if (first, sur) not in _names and first != sur and first.isalpha():
            _names.add((first, sur))
            return {"first": first, "last": sur, "sex": sx}

SERVICES = ["Cardiology", "Nephrology", "Infectious Disease", "GI", "Neurology", "Palliative Care", "Geriatrics", "Psychiatry",
            "General Surgery", "Endocrine", "Pulmonary", "Hematology/Oncology", "Urology", "Wound Care"]
CLINICIANS = [dict(person(), cred=ch(["MD"] * 5 + ["DO", "NP", "NP", "PA-C", "MD, PhD"]), svc=ch(SERVICES)) for _ in range(70)]
NURSES = [person() for _ in range(30)]

def doc(c, form=None):
    F, L, cr = c["first"], c["last"], c["cred"]
    form = form or ch(["Dr. L", "Dr. L", "Dr L", "Dr. F L", "F L, cr", "F L, cr", "I. L, cr", "L, F", "L"])
    if form == "L, F":
        return [(L, "CLINICIAN"), (", ", None), (F, "CLINICIAN")]
    name = {"Dr. L": L, "Dr L": L, "Dr. F L": f"{F} {L}", "F L, cr": f"{F} {L}", "I. L, cr": f"{F[0]}. {L}", "L": L, "F L": f"{F} {L}"}[form]
    pre = {"Dr. L": "Dr. ", "Dr L": "Dr ", "Dr. F L": "Dr. "}.get(form, "")
    return ([(pre, None)] if pre else []) + [(name, "CLINICIAN")] + ([(f", {cr}", None)] if form.endswith("cr") else [])

def nurse():
    n = ch(NURSES)
    return S(ch([f"{n['first']} {n['last']}", f"{n['first'][0]}. {n['last']}", f"{n['first']} {n['last'][0]}."]), "CLINICIAN")


# ---------------------------------------------------------------- places
TOWN_A = ["Amber", "Birch", "Crane", "Heron", "Juniper", "Kettle", "Lark", "Moss", "Otter", "Quarry", "Raven", "Salt", "Tansy",
          "Wren", "Flint", "Harrow", "Pebble", "Rush", "Alder", "Bram", "Copper", "Dray", "Fern", "Gull", "Hazel", "Lynd",
          "Nor", "Pell", "Sedge", "Thistle", "Ember", "Fox"]
TOWN_B = ["ville", "borough", "mouth", "wick", "ham", "ington", "sted", "cliff", "bridge", "water", "hurst", "combe", "by", "gate"]
TOWN_WRAP = ["{}"] * 8 + ["East {}", "{} Falls", "Port {}", "{} Springs", "Mount {}", "West {}", "{} Junction"]
SAINTS = ["Brigid", "Casimir", "Scholastica", "Benedict", "Monica", "Damian", "Lucy", "Raphael", "Teresa", "Vincent", "Kateri",
          "Hedwig", "Isidore", "Rita", "Bernadette", "Sebastian", "Elizabeth", "Luke", "Catherine", "Joseph"]
OUR_LADY = ["Mercy", "Lourdes", "Perpetual Help", "Good Counsel", "Fatima", "Consolation", "the Lake", "Victory"]
TREES = ["Willow", "Laurel", "Magnolia", "Cypress", "Linden", "Hawthorn", "Sycamore", "Chestnut", "Poplar", "Spruce", "Larch"]
STREET_N = TREES + ["2nd", "3rd", "5th", "Main", "Church", "School", "Canal", "Mill Pond", "Prospect", "Union", "Depot",
                    "Water", "Highland", "Summit", "Orchard", "Railroad"]
STREET_S = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Court", "Ct", "Place", "Drive", "Dr", "Lane",
            "Ln", "Terrace", "Way", "Circle", "Pike", "Turnpike", "Parkway"]
STATES = ["MA", "NH", "CT", "RI", "NY", "NJ", "PA", "OH", "IL", "GA", "NC", "TX", "CA", "WA"]
STATE_NAMES = ["Ohio", "Florida", "Texas", "Puerto Rico", "Georgia", "Maine", "Vermont", "New Jersey"]
COUNTRIES = ["Poland", "Brazil", "Nigeria", "India", "Italy", "Ireland", "Haiti", "the Philippines", "Turkey", "Mexico"]
CHAINS = ["Walmart", "Market Basket", "Home Depot", "Stop & Shop", "Dunkin'", "Target", "Price Rite", "Big Y", "Wendy's"]
_towns: list = []

def town():
    if _towns and rng.random() < 0.25:
        return ch(_towns)
    _towns.append(ch(TOWN_WRAP).format(ch(TOWN_A) + ch(TOWN_B)))
    return _towns[-1]

def surname():
    return fold(FAKERS[ch(["en_US", "en_US", "en_GB", "ga_IE", "it_IT", "de_DE"])].last_name()).replace("O ", "O'").replace(" ", "")

def street(num=True):
    name = ch(STREET_N + [surname() for _ in range(8)]) + " " + ch(STREET_S)
    return f"{rng.randint(3, 1899)} {name}" if num else name

def highway():
    k, r = rng.randint(2, 49), rng.randint(1, 140)
    hw = ch([f"I-{ch([84, 90, 91, 93, 95, 195, 290, 495])}", f"Route {r}", f"Rt {r}", f"Rte. {r}", f"Highway {r}"])
    way = ch(["northbound", "southbound", "eastbound", "westbound"])
    return ch([S(f"{hw} near exit {k}", "LOCATION"), S(f"exit {k} off {hw}", "LOCATION"), [(hw, "LOCATION"), (f" {way}", None)],
               S(f"{hw} at exit {k}", "LOCATION")])

def place(kind):
    X, T, L = ch(TREES + TOWN_A), town(), surname()
    return ch({"park": [f"{X} Park", f"{L} Memorial Park", f"{T} Common", f"{X} Pond", f"{X} State Forest", f"{T} Rail Trail",
                        f"{L} Field", f"{X} Reservoir"],
               "nbhd": [f"{X} Heights", f"Lower {T}", f"{X} Village", f"{L} Square", f"{X} Hill", f"{T} Flats"],
               "shop": CHAINS + [f"{L}'s Market", f"{T} Plaza", f"{X} Mall", f"{L}'s Diner", f"{T} Bowl"]}[kind])

def initials(name):
    return "".join(w[0] for w in re.split(r"[\s\-]+", name.replace("St. ", "Saint ")) if w[:1].isupper())

# "pattern|short form|..." ("@" = initials; a leading "the " stays unlabelled); T, T2 towns, L surname, S saint, Tr tree
_STYLES = {
    "hosp": "{T} General Hospital|{T} General|the General|@; St. {S}'s Hospital|St. {S}'s|Saint {S}'s|@; Our Lady of {O} Hospital|"
            "Our Lady of {O}|@; {L} Memorial Hospital|{L} Memorial|@; {T} Regional Medical Center|{T} Regional|@; {T}-{T2} Hospital "
            "Center|@; University of {T} Medical Center|University of {T}|@; {L} Medical Center|{L}; {T} Hospital; Mercy {T} Hospital|"
            "Mercy {T}|@",
    "peds": "{L} Children's Hospital|{L} Children's; {T} Children's Medical Center|{T} Children's|@",
    "bh": "{T} Behavioral Health|{T} BH; {T} Psychiatric Center|@; {Tr} Ridge Behavioral Health Hospital|{Tr} Ridge",
    "snf": "{T} Skilled Nursing Facility|{T} SNF; {Tr} Crest Rehabilitation and Nursing Center|{Tr} Crest; {T} Center for "
           "Rehabilitation and Healing|{T} Rehab; {L} Gardens Nursing Home|{L} Gardens; St. {S}'s Home for the Aged|St. {S}'s; "
           "{L} Rehabilitation Hospital|{L} Rehab; {Tr} Terrace Assisted Living|{Tr} Terrace",
    "hospice": "Hospice of the {T} Valley|{T} Valley Hospice; {T} Hospice House; {Tr} Hospice",
    "agency": "VNA of {T}|{T} VNA; {L} Home Care; {T} Visiting Nurse Association|@; {Tr} Home Health Services|{Tr} Home Health; "
              "{T} Homemaker Services",
    "pharm": "{L} Pharmacy|{L}'s; {T} Apothecary; CVS; Walgreens; Rite Aid",
    "dial": "{T} Dialysis; {T} Kidney Center; {L} Dialysis Unit",
    "pcpf": "{L} Family Medicine; {T} Community Health Center|{T} CHC; {T} Internal Medicine Associates|@; {L} Primary Care",
    "spec": "{L} Eye Associates; {T} Cardiology Associates; {L} Orthopedics; {T} Cancer Center; {T} Pain Management; "
            "{L} Neurology Group",
    "urgent": "{T} Urgent Care; {L} Walk-In Clinic; {T} Immediate Care",
    "shelter": "{L} House; St. {S}'s Shelter; {T} Family Shelter; {T} Rescue Mission; {Tr} Place Women's Shelter|{Tr} Place",
    "coa": "{T} Council on Aging|{T} COA; {T} Senior Center; Elder Services of {T}; {T} Area Agency on Aging",
    "dayprog": "{T} Adult Day Health|{T} ADH; {T} Clubhouse; {Tr} Day Program; {T} Recovery Center",
    "housing": "{T} Housing Authority|@; {T} Community Action",
    "school": "{T} Public Schools; {T} High School|{T} High; {L} Elementary School|{L} Elementary; {T} Community College|@; "
              "{T} Middle School",
    "work": "{L} Construction; {T} Tool and Die; {L} & Sons Roofing; {L} Landscaping; {T} Paper Company; {T} Marine Supply; "
            "{L} Trucking",
    "ems": "{T} Ambulance; {L} Ambulance Service; {T} Fire Rescue; {T} EMS",
    "pd": "{T} PD; {T} Police; {T} Police Department",
    "fd": "{T} Fire; {T} FD; {T} Fire Department",
    "unit": "{L} {n}; {L} Pavilion; {L} {n} North",
}
FAC_STYLES = {k: [(p.split("|")[0], p.split("|")[1:]) for p in v.split("; ")] for k, v in _STYLES.items()}
_fac_seen: set = set()

def make_fac(kind):
    while True:
        pat, shorts = ch(FAC_STYLES[kind])
        kw = {"T": town(), "T2": town(), "L": surname(), "S": ch(SAINTS), "O": ch(OUR_LADY), "Tr": ch(TREES), "n": rng.randint(3, 12)}
        name = pat.format(**kw)
        forms = [initials(name) if s == "@" else s.format(**kw) for s in shorts]
        keys = {name} | {f for f in forms if f != "the General"}
        if kind == "pharm" or not keys & _fac_seen and kw["T"] != kw["T2"]:
            _fac_seen.update(keys if kind != "pharm" else set())
            return {"name": name, "forms": forms, "kind": kind}

def fac(F, p_full=0.55):
    t = F["name"] if not F["forms"] or rng.random() < p_full else ch(F["forms"])
    return [("the ", None), (t[4:], "FACILITY")] if t.startswith("the ") else [(t, "FACILITY")]


# ---------------------------------------------------------------- numbers, dates
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

def mabbr(M):
    return {"May": "May", "June": "June", "July": "July", "September": "Sept"}.get(M, M[:3])

def dfmt(d, st):
    M = MONTHS[d.month - 1]
    th = "th" if 10 < d.day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return {"a": f"{d.month}/{d.day}", "b": f"{d.month}/{d.day}/{d.year}", "c": f"{d.month:02d}/{d.day:02d}/{d.year}",
            "e": f"{d.month}/{d.day}/{d.year % 100:02d}", "f": f"{d.day}-{M[:3]}-{d.year}", "g": f"{M} {d.day}",
            "h": f"{M} {d.day}, {d.year}", "i": f"{mabbr(M)} {d.day}", "j": d.isoformat(), "k": f"{d.day} {M[:3]} {d.year}",
            "l": f"{d.month}.{d.day}.{d.year % 100:02d}", "m": f"{M} {d.day}{th}", "n": f"{d.month}-{d.day}",
            "o": f"{d.month:02d}/{d.day:02d}", "p": f"{mabbr(M)} {d.day} {d.year}"}[st]

def D(d, styles="abcefghijklmnop"):
    return S(dfmt(d, ch(styles)), "DATE")

def MON(d, when="past"):
    """A month alone or with its year: "in March", "in mid-Sept", "back in Oct 2022"; when="since": the bare month."""
    M, y = MONTHS[d.month - 1], d.year
    forms = [M, mabbr(M), f"{M} {y}", f"{mabbr(M)} {y}", f"{d.month}/{y}"]
    if when == "since":
        return S(ch(forms), "DATE")
    pre, i = ch([("in ", 0), ("in early ", 0), ("in mid-", 0), ("in mid-", 1), ("in ", 2), ("at the end of ", 0), ("around ", 4)] +
                ([("last ", 0), ("back in ", 3), ("this past ", 0)] if when == "past" else [("next ", 0), ("by ", 3)]))
    return [(pre, None), (forms[i], "DATE")]


def plus(d, lo, hi):
    return d + dt.timedelta(days=rng.randint(lo, hi))

def phone():
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    return S(ch([f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"{b}-{c:04d}", f"{a} {b} {c:04d}",
                 f"1-{a}-{b}-{c:04d}"]), "PHONE")

def clock():
    h, m = rng.randint(0, 23), ch([0, 5, 10, 15, 20, 30, 40, 45, 50, 55])
    return ch([f"{h:02d}{m:02d}", f"{h:02d}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d} {'am' if h < 12 else 'pm'}"])

def ins_id():
    r = rng.randint
    mbi = f"{r(1, 9)}{ch('EGHKM')}{r(1, 9)}{ch('ACDF')}-{ch('TUVW')}{ch('EKR')}{r(1, 9)}-{ch('MNP')}{ch('KQ')}{r(10, 99)}"
    return ch([[("MassHealth ID ", None), (str(r(10 ** 11, 10 ** 12 - 1)), "ID")], [("Medicare ", None), (mbi, "ID")],
               [("member ID ", None), (f"{ch(['XJH', 'BCB', 'ZGP', 'W'])}{r(100000000, 999999999)}", "ID")],
               [("Medicaid # ", None), (f"{r(10 ** 8, 10 ** 9 - 1)}{ch('ABCDEF')}", "ID")]])

LOOK = ["Murphy's sign negative", "Homans sign negative", "Babinski downgoing bilaterally",
        "Foley in place draining clear urine", "on 4L via Hudson mask", "strength 4/5 in LLE", "BP 120/80", "2/6 SEM at LUSB",
        "Glasgow Coma Scale 15", "Wells score 1", "CHA2DS2-VASc 4", "no Kernig sign", "Chvostek sign absent",
        "h/o Bell's palsy", "Parkinson's disease stable on Sinemet", "Graves disease s/p RAI", "on Coumadin, INR 2.4",
        "Lasix 40 mg IV given", "Zosyn day 3", "Keppra 500 bid", "Trendelenburg for line placement", "Swan-Ganz removed",
        "Gram stain with GPCs in clusters", "Hashimoto's on levothyroxine", "s/p Whipple", "MMSE 24/30", "Barthel index 60",
        "Braden 14", "Morse fall score 45", "PICC right basilic"]
DX = ["CHF exacerbation", "pneumonia", "UTI with delirium", "COPD flare", "hip fracture", "GI bleed", "cellulitis", "AKI",
      "hyperglycemia", "syncope", "alcohol withdrawal", "new afib", "SBO", "sepsis from a biliary source",
      "stroke with L weakness"]


# ---------------------------------------------------------------- persona and its slots
def persona():
    sex = ch("MF")
    p = person(sex)
    age = ch([rng.randint(24, 89), rng.randint(55, 89), rng.randint(90, 104)])
    adm = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1000))
    words = [ch(REL_M if rng.random() < 0.5 else REL_F)]
    while len(words) < 3:
        w = ch(REL_M + REL_F)
        words += [w] if w not in words and not {w, words[0]} <= COUPLE else []
    rels = []
    for rw in words:
        same = rw in FAMILY and rng.random() < (0.7 if rw in ("husband", "wife") else 0.5)
        rels.append(dict(person("M" if rw in REL_M else "F", p["last"] if same else None), rw=rw, phone=phone()))
    P = dict(p, age=age, adm=adm, dc=plus(adm, 3, 16), mrn=str(rng.randint(10 ** 6, 10 ** 8)), rels=rels, town=town(),
             dob=dt.date(adm.year - age, adm.month, min(adm.day, 28)) - dt.timedelta(days=rng.randint(1, 300)),
             zip=f"{rng.randint(1000, 99950):05d}", state=ch(STATES), street=street(), dx=rng.sample(DX, 3),
             title="Mr." if sex == "M" else ch(["Ms.", "Mrs."]), man="man" if sex == "M" else "woman",
             he="he" if sex == "M" else "she", his="his" if sex == "M" else "her", him="him" if sex == "M" else "her",
             att=ch(CLINICIANS), pcp=ch(CLINICIANS), sw=ch(NURSES), osh=make_fac("hosp"), hosp2=make_fac("hosp"),
             email=f"{p['first'].lower()}{ch(['.', '_', ''])}{re.sub('[^a-z]', '', p['last'].lower())}{rng.randint(1, 99)}@"
                   f"{ch(['gmail.com', 'yahoo.com', 'aol.com', 'comcast.net', 'hotmail.com'])}")
    P.update({k: make_fac(k) for k in FAC_STYLES})
    return P

def pt(P, form=None):
    F, L = P["first"], P["last"]
    form = form or ch(["FL", "FL", "tL", "tL", "F", "L", "LF"])
    if form == "LF":
        return [(L, "PATIENT"), (", ", None), (F, "PATIENT")]
    if form == "tL":
        return [(P["title"] + " ", None), (L, "PATIENT")]
    return S({"FL": f"{F} {L}", "F": F, "L": L}[form], "PATIENT")

def relname(r, form=None):
    form = form or ch(["F", "F", "F", "FL", "tL"])
    if form == "tL":
        return [("Mr. " if r["sex"] == "M" else ch(["Mrs. ", "Ms. "]), None), (r["last"], "RELATIVE")]
    return S(r["first"] if form == "F" else f"{r['first']} {r['last']}", "RELATIVE")

def relphrase(P, r, short=False):
    rw = SHORT_REL.get(r["rw"], r["rw"]) if short and rng.random() < 0.6 else r["rw"]
    return R(ch(["{his} {rw} {n}", "{his} {rw}, {nf}", "{n} ({rw})", "{rw} {n}", "{nf} ({rw})", "{rw} {n}", "[{rw}: {n}]"]),
             his=P["his"], rw=rw, n=relname(r), nf=relname(r, "FL"))

def consultant():
    c = ch(CLINICIANS)
    return R(ch(["{s} ({n})", "{n} from {s}", "{s} consultant {n}"]), s=c["svc"], n=doc(c))

def pharm(P, p_full):
    return R(ch(["{f} on {s}", "the {f} at {s}", "{f} in {t}", "{f} ({s}, {t})", "{f}, {a}"]), f=fac(P["pharm"], max(p_full, 0.6)),
             s=S(street(False), "LOCATION"), t=S(town(), "LOCATION"), a=S(street(), "LOCATION"))

def addr(P):
    return R(ch(["{a}, {t}, {st} {z}", "{a}\n  {t}, {st} {z}", "{a}, {t} {st} {z}", "{a} in {t}"]), a=S(P["street"], "LOCATION"),
             t=S(P["town"], "LOCATION"), st=P["state"], z=S(P["zip"], "LOCATION"))

def fac_slot(F, p):
    return lambda: fac(F, p)

def slots(P, d, p_full=0.55, lf=("LF", "LF", "FL")):
    """Every slot a template may use; callables draw afresh at each use. p_full: how often a facility gets its full name."""
    r1, r2 = rng.sample(P["rels"], 2)
    he, LOC = P["he"], "LOCATION"
    remail = f"{r1['first'][0].lower()}{re.sub('[^a-z]', '', r1['last'].lower())}@{ch(['gmail.com', 'icloud.com', 'msn.com'])}"
    K = {"he": he, "He": he.capitalize(), "his": P["his"], "His": P["his"].capitalize(), "him": P["him"], "man": P["man"],
         "pt": lambda: pt(P), "ptF": lambda: pt(P, "FL"), "ptf": lambda: pt(P, "F"), "ptLF": lambda: pt(P, ch(lf)),
         "age": lambda: S(P["age"], "AGE" if P["age"] > 89 else None), "att": lambda: doc(P["att"]), "pcp": lambda: doc(P["pcp"]),
         "doc": lambda: doc(ch(CLINICIANS)), "res": lambda: doc(ch(CLINICIANS), ch(["Dr. L", "Dr. F L", "F L", "F L"])), "cons": consultant, "nurse": nurse,
         "r": lambda: relphrase(P, r1), "rr": lambda: relphrase(P, r2), "rs": lambda: relphrase(P, r1, True),
         "rn": lambda: relname(r1), "rn2": lambda: relname(r2), "rnF": lambda: relname(r1, "FL"), "rw": r1["rw"], "rw2": r2["rw"],
         "rph": r1["phone"], "rph2": r2["phone"], "nbr": lambda: relname(person(), "tL"), "friend": lambda: relname(person(), "F"),
         "town": S(P["town"], LOC), "town2": lambda: S(town(), LOC), "street": lambda: S(street(), LOC),
         "st": lambda: S(street(False), LOC), "addr": lambda: addr(P), "hwy": highway, "park": lambda: S(place("park"), LOC),
         "nbhd": lambda: S(place("nbhd"), LOC), "shop": lambda: S(place("shop"), LOC), "state": ch(STATE_NAMES),
         "country": ch(COUNTRIES), "today": lambda: D(d), "adm": lambda: D(P["adm"]), "dc": lambda: D(P["dc"]),
         "past": lambda: D(plus(d, -400, -20)), "recent": lambda: D(plus(d, -6, -1), "aaaginoe"), "fut": lambda: D(plus(d, 3, 60)),
         "dob": lambda: D(P["dob"], "bcehjkp"), "mon": lambda: MON(plus(d, -330, -25)), "mon2": lambda: MON(plus(d, 20, 200), "future"),
         "since": lambda: MON(plus(d, -330, -25), "since"), "md": lambda: D(plus(d, -3, 0), "aaoin"),
         "yr": lambda: S(rng.randint(1975, P["adm"].year - 1), "YEAR"), "phone": phone, "mrn": S(P["mrn"], "ID"), "ins": ins_id,
         "email": S(P["email"], "EMAIL"), "remail": S(remail, "EMAIL"), "time": clock, "n": lambda: str(rng.randint(2, 9)),
         "case": lambda: S(f"{rng.randint(10, 99)}-{rng.randint(1000, 99999)}", "ID"), "look": lambda: ch(LOOK),
         "look2": lambda: ch(LOOK), "dx": P["dx"][0], "dx2": P["dx"][1], "dx3": P["dx"][2], "pharm": lambda: pharm(P, p_full),
         "H": fac_slot(P["hosp"], p_full), "Hn": fac_slot(P["hosp"], 1), "osh": fac_slot(P["osh"], p_full),
         "oshn": fac_slot(P["osh"], 1), "H2": fac_slot(P["hosp2"], p_full), "ohosp": lambda: fac(make_fac("hosp")),
         "osnf": lambda: fac(make_fac("snf")), "anyfac": lambda: fac(make_fac(ch(["spec", "urgent", "peds"])))}
    K.update({k: fac_slot(P[k], p_full) for k in FAC_STYLES if k not in ("hosp", "pharm")})
    return K


# ---------------------------------------------------------------- genres
DC_HPI = pool("""{ptF} is a {age}-year-old {man} with {dx} who was transferred from {oshn} on {adm} after presenting there with
    {dx2}. | {ptF} is a {age} y/o {man} from {town} admitted {adm} with {dx}; {he} was seen at {urgent} on {recent} and sent in.
    | {pt} is a {age}yo {man} brought in by {ems} from {snf} with {dx}. | {ptF}, {age}, was admitted from the {Hn} Emergency
    Department on {adm} with {dx}.""")
DC_HX = pool("""Outside records from {osh} were reviewed and show a prior admission for {dx3} {mon}. | {He} was previously
    admitted to {H2} {mon} for {dx2}. | {He} receives dialysis at {dial} on Mon/Wed/Fri. | {He} had been living at {snf} since
    {past}. | Per {r}, {he} had been more confused for {n} days. | {He} is followed by {pcp} at {pcpf}. | Of note, {he} had a CT
    at {osh} in {yr} that was unremarkable. | {He} emigrated from {country} in {yr} and lived in {state} before moving to
    {town}. | Cardiac cath at {ohosp} on {past} showed nonobstructive disease. | {He} has attended {dayprog} since {since}.""")
DC_COURSE = pool("""{He} was admitted to {unit} and started on IV antibiotics; {look}. | {He} was admitted to 4 West; {look}. |
    A Foley was placed on {recent} and removed on {today}. | {cons} was consulted and recommended a repeat echo. | On {recent}
    {he} developed rapid AF and went to the MICU, returning to the floor the next day. | RUQ ultrasound on {recent} was
    unremarkable; {look}. | Echo {recent}: EF 40%, {look}. | Records were requested from {pcpf} and {osh}. | {His} {rw} {rn}
    ({rph}) was updated throughout the stay. | {cons} saw {him} on {recent}; {look2}. | Old films were obtained from {H2} for
    comparison. | OSH records were incomplete; rehab and home were both discussed with {him} and {rs}.""")
DC_DISPO = pool("""{He} was discharged to {snf} on {dc} for short-term rehab. | {He} was discharged home with services from
    {agency}. | {He} will go home with {his} {rw} {rn} in {town}. | Prescriptions were sent to {pharm}. | Hospice referral made
    to {hospice}; {rnF} is aware. | {He} will resume dialysis at {dial} on {fut}. | Transport via {ems} at {time}. | Discharged
    to {snf}; report called to the unit at {phone}. | {He} returns to {addr} with home services from {agency}.""")
DC_FU = pool("""{pcp} at {pcpf} on {fut} at {time} | {cons}, {phone}, within two weeks | Labs at {H} outpatient lab on {fut} |
    {spec} {mon2} | {anyfac} as scheduled ({fut}) | Dialysis: {dial}, per usual schedule""")

def discharge(P, d, K):
    return R("{Hn}\nDISCHARGE SUMMARY\n\nPatient: {ptLF}    MRN: {mrn}    DOB: {dob}\nAdmitted: {adm}    Discharged: {dc}\n"
             "Attending: {att}    PCP: {pcp}\n\nHPI:\n", **K) + para(DC_HPI, 1, K) + S(" ") + para(DC_HX, 3, K) + \
        S("\n\nHOSPITAL COURSE:\n") + para(DC_COURSE, 4, K) + S("\n\nDISPOSITION:\n") + para(DC_DISPO, 3, K) + \
        S("\n\nFOLLOW-UP:\n- ") + para(DC_FU, 3, K, "\n- ") + R("\n\n{doc}\n{att}, attending, {dc} {time}\n", **K)

SW_HOUSING = pool("""Pt lives alone in a second-floor walk-up at {addr}. | {He} lives in {nbhd} in {town} with {r}. | {He} has
    been staying at {shelter} in {town2} since {since}; before that {he} slept in {his} car near {park}. | {He} is on the
    waitlist with {housing} (case # {case}). | {He} lost {his} apartment on {st} {mon} after an eviction. | {He} was at the
    shelter briefly last winter and does not want to return. | {He} moved here from {state} in {yr}. | {He} rents a room from
    {nbr} on {st} in {town}. | Home is a single-family house at {addr}.""")
SW_SUPPORT = pool("""{r} ({rph}) is the main support and health care proxy. | Friend {friend} from church drives {him} to
    appointments. | Neighbor {nbr} checks in daily. | {His} {rw} {rn} can be reached at {rph} or {remail}. | {He} is estranged
    from {his} {rw2}, {rn2}, who lives in {town2}. | {rr} ({rph2}) visits on weekends. | {rn} and {rn2} share care; {rn2} works
    nights. | {His} {rw2} lives in {country} and calls weekly.""")
SW_SERVICES = pool("""{He} attends {dayprog} three days a week. | {coa} delivers meals on wheels. | Insurance: {ins}. | Home
    health aide through {agency}, 3x/week. | Referral placed to {coa} for rides to {dial}. | {He} has {ins}; secondary coverage
    pending. | PCP is {pcp} at {pcpf}; last visit {past}. | Pt has a Section 8 voucher through {housing}. | Pt was previously
    followed by {bh} and wants to reconnect.""")
SW_WORK = pool("""{He} worked for {work} until {since} and is applying for SSDI. | {His} grandson attends {school}. | {He} is a
    part-time student at {school}. | {He} retired from {work} in {yr}. | {He} drives for {work} and is worried about losing the
    job. | {rn} works at {work} in {town2}.""")
SW_PLAN = pool("""SW will call {agency} re: start of care on {fut}. | Will fax the application to {housing} today. | Will call
    {rn} back at {rph} after team rounds. | Bed held at {shelter} until {fut}. | Will send referral to {dayprog}; intake {mon2}.
    | Pt given number for {coa}: {phone}. | Case discussed with team; pt prefers rehab over home. | Contact pt at {email} or
    cell {phone}.""")

def social_work(P, d, K):
    sw = S(f"{P['sw']['first']} {P['sw']['last']}", "CLINICIAN")
    return R("SOCIAL WORK ASSESSMENT\nDate: {today}    Pt: {ptF}    MRN {mrn}    Unit: {u}\nReferral: {doc} for dispo planning "
             "after {dx}.\n\nLIVING SITUATION: ", u=ch(["4 West", "MICU", "7 North", "Ortho"]), **K) + para(SW_HOUSING, 3, K) + \
        S("\n\nSUPPORTS: ") + para(SW_SUPPORT, 3, K) + S("\n\nSERVICES/BENEFITS: ") + para(SW_SERVICES, 3, K) + \
        S("\n\nWORK/SCHOOL: ") + para(SW_WORK, 1, K) + S("\n\nPLAN:\n- ") + para(SW_PLAN, 3, K, "\n- ") + \
        R("\n\n{sw}, LICSW, pager {phone}\n", sw=sw, phone=phone)

ED_EVENT = pool("""Pt was found down outside the {shop} in {town2} by a passerby. | MVC on {hwy}; restrained driver, airbag
    deployed. | Fall from ladder at a {work} job site on {street}. | Found wandering in {park} by {pd}. | Syncopal episode in
    the checkout line at {shop} on {st}. | Bicycle vs car at {st} and {st} in {nbhd}. | Assaulted near {park} in {town}; {pd} on
    scene. | Sent from {snf} for fever and hypoxia. | Sent in from {urgent} with abnl EKG. | Fall at home ({addr}) at approx
    {time}; down ~{n} hrs. | Pedestrian struck on {hwy}. | Choked at {shop}, Heimlich by staff. | Seizure at {school}; witnessed
    by staff.""")
ED_HOW = pool("""BIBA {ems}. | Brought in by {ems} with {fd} assisting. | {pd} transported; officer at bedside. | Walked in with
    {r}. | Private car, driven by friend {friend}. | {fd} first on scene, handed off to {ems}. | Arrived via {ems} from {snf}.""")
ED_FAM = pool("""{His} {rw} {rn} arrived at {time}, cell {rph}. | {ems} medic report: {look}. | {rr} on the way from {town2}. |
    Wallet with ID; {rw} {rn} notified by {pd} at {time}.""")
ED_MORE = pool("""LKW {time} {md}. | Last tetanus {yr}. | Similar episode {mon}, seen at {osh}. | Exam: {look}. | Pt states {he}
    has been sick since {md}. | {rr} called, number {rph2}. | PCP {pcp}. | Lives in {town}. | ED visit {past} at {H2} for same.
    | Denies ETOH since {since}. | Allergies: PCN (rash).""")

def ed_triage(P, d, K):
    vitals = f"BP {rng.randint(90, 180)}/{rng.randint(50, 100)}  HR {rng.randint(50, 130)}  RR {rng.randint(12, 30)}  " \
             f"SpO2 {rng.randint(86, 100)}%  T {rng.randint(970, 1030) / 10}"
    return R(ch(["ED TRIAGE NOTE    {today} {time}\n", "EMS / TRIAGE    Arrival {today} @ {time}\n"]), **K) + \
        R("Pt: {ptLF}  MRN {mrn}  DOB {dob}  Age {age}\n\nCC: {dx}\nHPI: ", **K) + para(ED_EVENT, 1, K) + S(" ") + \
        para(ED_HOW, 1, K) + S(" ") + para(ED_FAM, 1, K) + S(" ") + para(ED_MORE, 3, K) + \
        S(f"\n\nVS: {vitals}\nESI {rng.randint(1, 4)}. To {ch(['Pod A', 'resus', 'hall bed 3', 'fast track'])}.\n") + \
        R("Triage RN: {nurse}\n", **K)

NU_FAM = pool("""{rn} called for update at {time}. | {rn} ({rw}) visited this pm. | {rw} {rn} will bring clothes tomorrow. |
    Spoke w/ {rn} on phone, aware of plan. | [{rw}: {rn} {rph}] | {rn} at bedside most of shift. | Pt's {rw}, {rnF}, is HCP. |
    {rs} upset re: fall, MD notified. | {rn} and {rn2} visited. | Msg left for {rn} @ {rph}. | {rnF} called, wants a call back
    from MD. | {rr} brought pt's glasses. | Neighbor {nbr} called asking about pt.""")
NU_DISPO = pool("""D/C plan {snf} vs home w/ {agency}. | Came from {osh}. | HD at {dial} Tues/Thurs/Sat. | Awaiting records from
    OSH. | Lives in {town}, {rw2} from {town2}. | D/C to {snf} when bed avail. | Meds to {pharm}. | CM aware, may go to rehab. |
    Plan home tomorrow. | Pt was at the shelter before admit.""")
NU_BODY = pool("""Fever to 102 {md}, cx sent. | Last BM {md}. | Foley placed {md}. | Fall {past} at {snf}. | {look}. | {look2}.
    | Pain 4/10, tylenol given. | Up w/ PT to chair. | Restraints d/c'd {md}. | Skin intact, Braden 16.""")

def nursing(P, d, K):
    sh = ch(["0700-1900", "7P-7A", "1900-0700", "days", "nights", "3-11"])
    return R(ch(["NURSING NOTE {today} {sh}\n", "RN shift note {sh}, {today}\n"]), sh=sh, **K) + \
        R("Pt {pt}, {age}, {dx}.\n", **K) + para(NU_BODY, 3, K) + S("\nSOCIAL: ") + para(NU_FAM, 3, K) + \
        S("\nDISPO: ") + para(NU_DISPO, 2, K) + R("\n{nurse}, RN\n", **K)

PN_S = pool("""Overnight events: none. Pt feels better. | {ptf} reports poor sleep; {rn} stayed overnight. | No acute events.
    Spoke with {r} at {rph}. | {He} asks when {he} can go home.""")
PN_A = pool("""# {dx}: improving; continue abx (D1 {recent}), last fever {md}. | # {dx2}: {cons} recs appreciated; follow up
    echo {fut}. | # Records: TTE at {osh} in {yr}; old MRI from {H2} ({past}) reviewed. | # Renal: HD per {dial} schedule, last
    {md}. | # Neuro: {look}. | # Dispo: PT recommends rehab; referrals to {snf} and {osnf}. | # Cx {recent} NGTD; {look2}. | #
    Access: line placed {recent}, remove by {fut}. | # Dispo: home with {agency} when stable, ~{fut}. | # Onc: follows at
    {spec}; next cycle {mon2}. | # GOC: meeting with {rnF} ({rw}) on {fut} at {time}. | # Dispo: tx to {unit} for tele; {look}.
    | # Hx: symptoms began {mon}; had similar in {yr}.""")

def progress_note(P, d, K):
    svc = ch(["Medicine", "Hospitalist", "Gen Med Team B", "Geriatrics"])
    obj = f"\nO: T {rng.randint(970, 1020) / 10} BP {rng.randint(95, 170)}/{rng.randint(50, 95)} HR {rng.randint(55, 110)} "
    return R("{svc} Progress Note - HD#{hd}    {today}\nPt: {pt}    MRN {mrn}\n\nS: ", svc=svc, hd=(d - P["adm"]).days + 1, **K) + \
        para(PN_S, 1, K) + S(obj) + R("{look}. I/O +{n}00.\n\nA/P: {ptF} is a {age} y/o {man} with {dx}.\n", **K) + \
        para(PN_A, 4, K, "\n") + R("\n\nSeen and discussed with {att}. {res}, PGY-{y}\n", y=rng.randint(1, 3), **K)

MAKERS = {"discharge": discharge, "social_work": social_work, "ed_triage": ed_triage, "nursing": nursing,
          "progress_note": progress_note}
ORDER = {"ed_triage": 0, "nursing": 1, "progress_note": 1, "social_work": 2, "discharge": 3}


# ---------------------------------------------------------------- assembly and checks
def check(row):
    """The shared checks, and spans on word boundaries with no state or country labelled."""
    check_spans(row)
    text = row["text"]
    for s in row["spans"]:
        a, b = s["start"], s["end"]
        assert (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum() or s["type"] == "AGE"), s
        assert s["text"].upper() not in STATES and s["text"] not in STATE_NAMES + COUNTRIES, (row["id"], "state labelled", s)

def leaks(row):
    """Unlabelled occurrences of a labelled name or place elsewhere in the note (look-alikes or slips), for inspection."""
    out, text = [], row["text"]
    covered = set().union(*[range(s["start"], s["end"]) for s in row["spans"]])
    for s in row["spans"]:
        if s["type"] in ("PATIENT", "CLINICIAN", "RELATIVE", "LOCATION", "FACILITY") and len(s["text"]) >= 4:
            for m in re.finditer(rf"\b{re.escape(s['text'])}\b", text):
                if m.start() not in covered:
                    out.append((row["id"], s["type"], text[max(0, m.start() - 25):m.end() + 25].replace("\n", " ")))
    return out

def main():
    counts, rows, all_leaks = Counter(), [], []
    for pi in range(1, N_PATIENTS + 1):
        P = persona()
        groups = []
        for _ in range(rng.randint(3, 6)):
            pool_ = [g for g in GROUPS if g not in groups] or list(GROUPS)
            groups.append(min(pool_, key=lambda g: (counts[g], rng.random())))
        counts.update(groups)
        days = sorted(plus(P["adm"], 0, (P["dc"] - P["adm"]).days) for _ in groups)
        for g, day in zip(sorted(groups, key=lambda g: (ORDER[g], rng.random())), days):
            d = P["dc"] if g == "discharge" else P["adm"] if g == "ed_triage" else day
            genre = g if g != "nursing" else min(("nursing_caps", "nursing_lower"), key=lambda x: (counts[x], rng.random()))
            counts[genre] += g == "nursing"
            K = slots(P, d, 0.25 if g == "nursing" else 0.55, ("LF",) if g == "discharge" else ("LF", "LF", "FL"))
            text, spans = assemble(MAKERS[g](P, d, K), {"nursing_caps": "upper", "nursing_lower": "lower"}.get(genre))
            row = {"id": f"dev4-{len(rows) + 1:04d}", "patient": f"dev4-p{pi:03d}", "genre": genre, "text": text, "spans": spans}
            check(row)
            all_leaks += leaks(row)
            rows.append(row)
    assert len({r["text"] for r in rows}) == len(rows), "duplicate texts"
    assert len(rows) >= 160 and len({r["patient"] for r in rows}) >= 35, len(rows)
    assert all(3 <= c <= 6 for c in Counter(r["patient"] for r in rows).values())
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="ascii")
    print(f"{OUT.name}: {len(rows)} notes, {len({r['patient'] for r in rows})} patients")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", dict(Counter(s["type"] for r in rows for s in r["spans"]).most_common()))
    print(f"unlabelled repeats of labelled names/places (look-alikes or slips): {len(all_leaks)}")
    for lk in all_leaks[:30]:
        print("  ", lk)

if __name__ == "__main__":
    main()
