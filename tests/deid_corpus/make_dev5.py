"""Dev5, written blind to the de-identifier's rules: the kinds of PHI real-record de-identifiers miss most. Facilities
named in many styles (bare local names, initialisms in any case, possessives, all-caps and all-lower, names with "of",
names inside parentheses or after slashes, names wrapped across a line break), places with and without cue words,
relatives and proxies in shorthand, clinicians by title in any case, bare dates, phone fragments. Genres: transfer and
placement notes, case management, home-health intake, school-nurse letters, occupational health, hospice intake,
dialysis run sheets, chaplaincy, interpreter/phone-call logs, bed-board messages. People from faker in many locales
(folded to ASCII); places composed; span offsets are recorded while each note is assembled.
Run: .venv/bin/python -m tests.deid_corpus.make_dev5   (or .venv/bin/python tests/deid_corpus/make_dev5.py)
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

SEED = 51973
OUT = Path(__file__).resolve().parent / "dev5.jsonl"
N_PATIENTS = 40
GENRES = ("transfer", "case_mgmt", "home_health", "school_nurse", "occ_health", "hospice_intake", "dialysis_run",
          "chaplaincy", "phone_log", "bed_board")
BY_KIND = {  # which genres fit which patient
    "child": ("school_nurse", "phone_log", "transfer", "case_mgmt", "bed_board", "home_health"),
    "worker": ("occ_health", "dialysis_run", "phone_log", "case_mgmt", "transfer", "bed_board", "chaplaincy", "home_health"),
    "elder": ("hospice_intake", "dialysis_run", "home_health", "case_mgmt", "transfer", "chaplaincy", "bed_board", "phone_log"),
}

rng = random.Random(SEED)
ch = rng.choice
LOCALES = ["en_US"] * 8 + ["en_GB"] * 3 + ["en_AU"] * 3 + ["en_IE"] * 3 + ["en_CA"] * 3 + ["en_NZ"] * 2 + \
          ["pl_PL", "nl_NL", "es_CO", "cs_CZ", "fi_FI", "pt_PT", "vi_VN", "yo_NG"]
FAKERS = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FAKERS)):
    FAKERS[_loc].seed_instance(SEED * 3 + _i)


# ---------------------------------------------------------------- segments: lists of (text, type or None)
def para(templates, k, K, sep=" "):
    out = []
    for j, t in enumerate(rng.sample(templates, min(k, len(templates)))):
        out += ([(sep, None)] if j else []) + R(t, **K)
    return out


def recase(t, lo=0.1, up=0.08):
    """One mention in the case a hurried writer gives it."""
    x = rng.random()
    return t.lower() if x < lo else t.upper() if x < lo + up else t


def wrap(segs, width):
    """Hard-wrap a note at `width` columns, breaking at spaces wherever they fall, inside names too."""
    out, col = [], 0
    for t, y in segs:
        chars = []
        for c in t:
            if c == "\n":
                col = 0
            elif c == " " and col >= width:
                c, col = "\n", 0
            else:
                col += 1
            chars.append(c)
        out.append(("".join(chars), y))
    return out


# ---------------------------------------------------------------- people
WORD_F = ["Hope", "Joy", "Faith", "Grace", "Patience", "Honor", "Sunny", "Merry", "Constance", "Charity", "Star", "Destiny"]
WORD_M = ["Will", "Rich", "Bill", "Bud", "Frank", "Chip", "Rusty", "Buck", "Sonny", "Art", "Ike", "Gene"]
HYPH_F = ["Anne-Marie", "Mary-Beth", "Lee-Ann", "Jo-Anne", "Marie-Claire", "Kelly-Ann", "Ann-Margret", "Sarah-Jane"]
HYPH_M = ["Jean-Paul", "Jean-Luc", "Pierre-Louis", "Karl-Heinz", "Jose-Luis", "Billy-Ray"]
APOS_F = ["Ja'Nae", "De'Asia", "Sha'Kira", "Re'Nee"]
APOS_M = ["D'Andre", "De'Shawn", "Ja'Marcus", "Tre'Von"]
ODD_L = ["O'Shea", "D'Amico", "O'Driscoll", "N'Diaye", "D'Souza", "O'Halloran", "Lloyd-Evans", "Ruiz-Pena", "Hart-Mills",
         "Okafor-Bell", "Penn", "Hope", "Joy", "Bliss", "Rich", "Hale", "Wells", "Marsh", "Moody", "Fairweather", "Doolittle",
         "Gentle", "Sharp", "Noble"]
_names: set = set()


def person(sex=None, last=None, odd=0.22):
    while True:
        f, sx = FAKERS[ch(LOCALES)], sex or ch("MF")
        first = fold(f.first_name_male() if sx == "M" else f.first_name_female()).split(" ")[0]
        sur = last or fold(f.last_name()).replace(" ", "-")
        x = rng.random()
        if x < odd / 2:
            first = ch(WORD_M if sx == "M" else WORD_F)
        elif x < odd * 0.8:
            first = ch((HYPH_M + APOS_M) if sx == "M" else (HYPH_F + APOS_F))
        if last is None and rng.random() < odd * 0.8:
            sur = ch(ODD_L)
        if (first, sur) not in _names and first != sur and re.fullmatch(r"[A-Za-z'\-]+", first) and \
                re.fullmatch(r"[A-Za-z'\-]+", sur):
            _names.add((first, sur))
            return {"first": first, "last": sur, "sex": sx}


ROLES = ["hospitalist", "nephrologist", "palliative attending", "ED attending", "PCP", "cardiology fellow", "GI fellow",
         "surgery resident", "psych NP", "wound nurse", "PT", "OT", "SLP", "charge RN", "admissions RN", "case manager",
         "SW", "pediatrician", "occ med physician", "hospice RN", "medical director"]
STAFF = [dict(person(odd=0.1), cred=ch(["MD", "MD", "MD", "DO", "NP", "PA-C", "RN", "RN", "LICSW", "MSW", "APRN"]))
         for _ in range(90)]


def doc(c=None, form=None):
    """A clinician, title in any case: "Dr. Keane", "per dr. keane", "NP Halloran", "Priya", "M. Keane, RN"."""
    c = c or ch(STAFF)
    F, L, cr = c["first"], c["last"], c["cred"]
    form = form or ch(["Dr. L", "Dr. L", "dr. l", "DR L", "Dr L", "F L", "F L, cr", "cr L", "F", "I. L", "L", "Dr. F L"])
    if form == "dr. l":
        return [(ch(["dr. ", "dr ", "Dr "]), None), (L.lower(), "CLINICIAN")]
    if form == "DR L":
        return [("DR ", None), (L.upper(), "CLINICIAN")]
    if form == "cr L":
        return [(ch(["NP ", "PA ", "RN ", "NP ", "SW "]), None), (L, "CLINICIAN")]
    name = {"Dr. L": L, "Dr L": L, "F L": f"{F} {L}", "F L, cr": f"{F} {L}", "F": F, "I. L": f"{F[0]}. {L}", "L": L,
            "Dr. F L": f"{F} {L}"}[form]
    pre = {"Dr. L": "Dr. ", "Dr L": "Dr ", "Dr. F L": "Dr. "}.get(form, "")
    return ([(pre, None)] if pre else []) + [(name, "CLINICIAN")] + ([(f", {cr}", None)] if form == "F L, cr" else [])


def role_doc():
    """A clinician named after a role word: "d/w cardiology fellow Priya", "nephrologist Dr. Osei"."""
    c = ch(STAFF)
    return R(ch(["{r} {n}", "{r} {n}", "{n} ({r})", "{r}, {n}"]), r=ch(ROLES), n=doc(c, ch(["Dr. L", "F", "F L", "L", "dr. l"])))


# ---------------------------------------------------------------- places
TOWN_A = ["Ridge", "Oak", "Brack", "Kings", "Glen", "Thorn", "Stan", "Ash", "Hollis", "Pember", "Quarles", "Wyn", "Dal",
          "Carrow", "Elms", "Fenn", "Gars", "Hadley", "Iver", "Kil", "Lem", "Merri", "Nash", "Orm", "Pax", "Rook", "Sil",
          "Tull", "Ux", "Vane", "Wolcott", "Yew", "Bly", "Cobb", "Dover", "Eaton", "Fal", "Gil", "Har", "Jess"]
TOWN_B = ["mont", "hurst", "ford", "field", "haven", "dale", "worth", "leigh", "brook", "moor", "ton", "wood", "ley", "port",
          "bury", "chester", "well", "crest"]
TOWN_WRAP = ["{}"] * 10 + ["East {}", "North {}", "{} Center", "South {}", "{} Falls", "New {}", "{} Landing"]
SAINTS = ["Agnes", "Jude", "Joseph", "Anthony", "Clare", "Francis", "Ignatius", "Jerome", "Josephine", "Mary", "Philomena",
          "Cecilia", "Dominic", "Elizabeth", "Margaret", "Anne", "Vincent de Paul", "Bartholomew", "Gregory", "Nicholas"]
VIRTUES = ["Charity", "Mercy", "Providence", "Hope", "Saint Joseph", "the Holy Cross", "the Assumption", "Divine Grace"]
CHURCHES = ["Good Shepherd", "Resurrection", "Holy Spirit", "Redeemer", "Transfiguration", "Nativity", "Epiphany"]
LADY = ["Lourdes", "Lake", "Sorrows", "Peace", "Refuge", "Mount Carmel", "Snows"]
TREES = ["Birchwood", "Elm Hollow", "Cedar Glen", "Maple Knoll", "Pine Haven", "Willow Bend", "Hawthorn", "Aspen Ridge",
         "Briarcliff", "Foxglove", "Heatherwood", "Juniper Hill", "Laurelwood", "Oak Terrace", "Rosewood", "Stonegate"]
STREET_N = ["Elm", "Maple", "Church", "Mill", "Water", "Bridge", "Union", "Prospect", "Pleasant", "Chestnut", "Spring",
            "Cottage", "Academy", "Depot", "Orchard", "Meadow", "High", "Broad", "Pine", "Summer", "Winter", "Cross"]
STREET_S = ["Street", "St", "St.", "Avenue", "Ave", "Road", "Rd", "Lane", "Ln", "Drive", "Dr", "Court", "Terrace", "Way",
            "Place", "Circle", "Hill Rd", "Extension"]
STATES = ["MA", "CT", "ME", "NH", "VT", "RI", "NY", "PA", "MD", "VA", "OH", "MI"]
STATE_NAMES = ["Florida", "Texas", "Puerto Rico", "Ohio", "Georgia", "Arizona", "North Carolina"]
COUNTRIES = ["Poland", "Vietnam", "Colombia", "Nigeria", "Portugal", "Ireland", "Cape Verde", "Jamaica", "Ghana", "Canada"]
_towns: list = []


def town():
    if _towns and rng.random() < 0.2:
        return ch(_towns)
    while True:
        t = ch(TOWN_WRAP).format(ch(TOWN_A) + ch(TOWN_B))
        if t not in _towns:
            _towns.append(t)
            return t


def surname():
    return fold(FAKERS[ch(["en_US", "en_GB", "en_IE", "en_AU", "en_CA", "en_NZ"])].last_name()).replace(" ", "")


def street(num=True):
    name = ch(STREET_N + [surname() for _ in range(6)]) + " " + ch(STREET_S)
    return f"{rng.randint(2, 1450)} {name}" if num else name


def road():
    r = rng.randint(1, 202)
    return ch([f"Route {r}", f"Rt. {r}", f"Rte {r}", f"old Route {r}", f"County Road {rng.randint(1, 40)}",
               f"{ch(STREET_N)} {ch(['Street', 'Road', 'Rd'])}", f"the {surname()} Road", f"{town()} Road"])


def place(kind):
    T, L = town(), surname()
    return ch({"county": [f"{T} County", f"{L} County"],
               "nbhd": [f"{T} Heights", f"Lower {T}", f"{L} Square", f"{T} Flats", f"the {L} section", f"{L} Village",
                        f"{T} Highlands", f"{L} Point"],
               "spot": [f"{L} Pond", f"{T} Reservoir", f"{L} State Park", f"{T} Common", f"{L} Field", f"{T} Mall",
                        f"{L} Plaza", f"{T} Marina", f"{T} Green"]}[kind])


def loc_seg(t):
    """A place; a leading "the " stays unlabelled."""
    return [("the ", None), (t[4:], "LOCATION")] if t.startswith("the ") else [(t, "LOCATION")]


# Facility styles: "full pattern|short|short..." -- "@" initials in capitals, "@l" initials in lower case, "#" the bare
# town or surname the facility is named for. T town, L surname, S saint, S0 its initial, V virtue, O Our-Lady title.
_STYLES = {
    "hosp": "{T} Hospital|#|@|@l; St. {S} Hospital|St. {S}|St. {S0}'s|Saint {S}'s|@; {T} Memorial Hospital|{T} Memorial|#|@;"
            " Our Lady of {O} Medical Center|Our Lady of {O}|OLO{O0}|olo{o0}; {L} Regional Hospital|{L} Regional|#|@; "
            "{T} Medical Center|#|@|@l; Mercy Hospital of {T}|Mercy {T}|Mercy; {T} Deaconess Hospital|{T} Deaconess|#; "
            "{T} Veterans Affairs Medical Center|{T} VA|VA {T}; North {T} Hospital|North {T}|@; {T} Community "
            "Hospital|{T} Community|#|@",
    "rehab": "{T} Rehabilitation Hospital|{T} Rehab|#; {Tr} Rehab Center|{Tr}; {L} Center for Rehabilitation|{L} Center|#; "
             "{T} Transitional Care Unit|{T} TCU",
    "nh": "{Tr} Manor|{Tr}; Sisters of {V} Home|Sisters of {V}|{V} Home; {T} Nursing and Rehabilitation Center|{T} N&R|#; "
          "{L} House Nursing Home|{L} House; Daughters of {V} Residence|Daughters of {V}; {Tr} Health Care Center|{Tr}|@; "
          "The {Tr} at {T}|{Tr}",
    "lab": "{T} Diagnostic Laboratory|{T} Lab|{T} Diagnostics; Quest Diagnostics|Quest; LabCorp; {L} Clinical Labs|{L} Labs",
    "pharm": "{L}'s Pharmacy|{L}'s; {T} Drug|{T} Drug; CVS; Walgreens; {T} Apothecary; Shoppers Drug Mart|Shoppers",
    "group": "{Tr} House Group Home|{Tr} House; {L} Residence|{L} House; {T} Community Living|{T} CL; Harbor {Tr} Group Home|"
             "Harbor {Tr}",
    "shelter": "{T} Shelter|{T} shelter; Safe Harbor of {T}|Safe Harbor; {S} Place|{S} Place; {L} Mission|the Mission; "
               "{T} Interfaith Shelter|{T} Interfaith",
    "school": "{T} Elementary School|{T} Elementary|{T} Elem; {L} Middle School|{L} Middle|@; St. {S} Academy|St. {S}'s; "
              "{T} Regional High School|{T} Regional|@; {Tr} Montessori School|{Tr} Montessori",
    "work": "{L} Freight Lines|{L} Freight; {T} Poultry; {L} Brothers Masonry|{L} Brothers; {T} Distribution Center|{T} DC; "
            "{T} Precision Castings|{T} Castings; {L} Cleaning Services|{L} Cleaning; {T} Public Works|{T} DPW",
    "church": "St. {S} Parish|St. {S}'s|St. {S0}'s; {T} Baptist Church|{T} Baptist; First Congregational Church of {T}|"
              "First Congregational; {L} Memorial AME Zion Church|{L} AME Zion|{L} Memorial; Temple Beth {T}|Beth {T}; "
              "Church of the {C}|the {C}",
    "dial": "{T} Dialysis Center|{T} Dialysis|#; DaVita {T}|DaVita {T}; Fresenius Kidney Care {T}|FKC {T}|Fresenius {T}; "
            "{L} Kidney Center|{L} Kidney|#",
    "hospice": "{T} Hospice|{T} hospice; {Tr} Hospice House|{Tr}; Hospice of {T} County|Hospice of {T}; "
               "{L} Hospice and Palliative Care|{L} Hospice",
    "hha": "{T} Home Health|{T} HH; {L} Visiting Nurses|{L} VNs|{L}; VNA of {T}|{T} VNA; {T} Home Care Partners|{T} Home Care",
    "clinic": "{T} Family Health Center|{T} FHC|@; {L} Clinic; {T} Free Clinic; {L} Pediatrics|{L} Peds; {T} Community "
              "Health Center|{T} CHC|@",
    "urgent": "{T} Urgent Care|{T} UC; {L} Walk-In|{L} Walk-In; {T} ExpressCare",
    "ems": "{T} Ambulance|{T} Amb; {L} Ambulance Service|{L}; {T} Fire Rescue|{T} FD; {T} EMS",
    "funeral": "{L} Funeral Home|{L}'s; {L} & {L2} Funeral Home|{L} & {L2}; {T} Memorial Chapel",
}
FAC_STYLES = {k: [(p.split("|")[0], p.split("|")[1:]) for p in v.split("; ")] for k, v in _STYLES.items()}
_fac_seen: set = set()
BAD_ABBR = set(STATES) | {"ED", "OR", "PT", "OT", "CM", "SW", "MD", "RN", "HD", "DC", "ICU", "GI", "IR", "HH", "VA", "MS", "CT",
                          "ME", "NP", "PA", "OB", "ENT", "DR", "ST", "AM", "PM", "IV", "PO", "BP", "HR", "OK", "NO", "IN", "AT"}


def initials(name):
    return "".join(w[0] for w in re.split(r"[\s\-]+", name.replace("St. ", "Saint ")) if w[:1].isupper())


def make_fac(kind):
    while True:
        pat, shorts = ch(FAC_STYLES[kind])
        T = town()
        S_, O = ch(SAINTS), ch(LADY)
        kw = {"T": T, "L": surname(), "L2": surname(), "S": S_, "S0": S_[0], "V": ch(VIRTUES), "Tr": ch(TREES), "O": O,
              "O0": O[0], "o0": O[0].lower(), "C": ch(CHURCHES)}
        name = pat.format(**kw)
        bare = kw["L"] if "{L}" in pat and "{T}" not in pat else T
        forms = []
        for s in shorts:
            forms.append(initials(name) if s == "@" else initials(name).lower() if s == "@l" else bare if s == "#" else
                         s.format(**kw))
        keys = {name} | set(forms)
        if kind in ("pharm", "lab") or not keys & _fac_seen:
            if kind not in ("pharm", "lab"):
                _fac_seen.update(keys)
            forms = [f for f in forms if len(f) > 1 and f.upper() not in BAD_ABBR]
            return {"name": name, "forms": forms, "bare": bare if "#" in shorts else None,
                    "kind": kind}


def fac(F, p_full=0.45, casing=True):
    t = F["name"] if not F["forms"] or rng.random() < p_full else ch(F["forms"])
    t = recase(t) if casing else t
    if t.lower().startswith("the "):
        return [(t[:4], None), (t[4:], "FACILITY")]
    return [(t, "FACILITY")]


def fac_bare(F):
    """The bare local name with no kind word: "transfer to ridgemont", "back to Oakhurst"."""
    if not F["bare"]:
        return fac(F, 0.0)
    return [(recase(F["bare"], 0.3, 0.15), "FACILITY")]


def fac_poss(F):
    """A possessive: "Mercy's ED", "St. Agnes' ICU"."""
    t = recase(ch(F["forms"]) if F["forms"] else F["name"], 0.08, 0.08)
    return [(t, "FACILITY"), ("'" if t.lower().endswith("s") else "'s", None)]


# ---------------------------------------------------------------- numbers, dates
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def dfmt(d, st):
    M = MONTHS[d.month - 1]
    th = "th" if 10 < d.day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return {"a": f"{d.month}/{d.day}", "b": f"{d.month}/{d.day}/{d.year}", "c": f"{d.month:02d}/{d.day:02d}/{d.year}",
            "e": f"{d.month}/{d.day}/{d.year % 100:02d}", "f": f"{d.day:02d}{M[:3].upper()}{d.year % 100:02d}",
            "g": f"{M} {d.day}", "h": f"{M[:3]} {d.day}, {d.year}", "i": f"{M[:3]}. {d.day}", "j": d.isoformat(),
            "k": f"{d.day} {M} {d.year}", "m": f"{M} {d.day}{th}", "n": f"{d.month}-{d.day}", "o": f"{d.month:02d}/{d.day:02d}",
            "w": f"{DAYS[d.weekday()][:3]} {d.month}/{d.day}", "t": f"the {d.day}{th}"}[st]


def D(d, styles="aaabceghijkmnowt"):
    st = ch(styles)
    t = dfmt(d, st)
    return [("the ", None), (t[4:], "DATE")] if t.startswith("the ") else [(t, "DATE")]


def plus(d, lo, hi):
    return d + dt.timedelta(days=rng.randint(lo, hi))


def phone():
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    return S(ch([f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"({a}) {b} {c:04d}", f"{a}.{b}.{c:04d}", f"{b}-{c:04d}",
                 f"{a}/{b}-{c:04d}", f"+1 {a} {b} {c:04d}"]), "PHONE")


def frag():
    """A phone fragment: "pager 54321", "x4471", "ext. 2231", "beep 6-0412"."""
    n = ch([str(rng.randint(10000, 99999)), str(rng.randint(1000, 9999)), f"{rng.randint(2, 8)}-{rng.randint(1000, 9999)}"])
    return R(ch(["pager {n}", "pgr {n}", "x{n}", "ext. {n}", "ext {n}", "beeper #{n}", "vocera {n}", "p{n}"]), n=S(n, "PHONE"))


def clock():
    h, m = rng.randint(0, 23), ch([0, 5, 10, 15, 20, 30, 40, 45, 50])
    return ch([f"{h:02d}{m:02d}", f"{h:02d}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d}{ch(['am', 'pm', ' AM', ' PM'])}"])


def ins_id():
    r = rng.randint
    return ch([[("Medicaid ID ", None), (f"{r(10 ** 9, 10 ** 10 - 1)}", "ID")],
               [("MBI ", None), (f"{r(1, 9)}{ch('EGHKM')}{ch('ACDF')}{r(1, 9)}-{ch('TUVW')}{ch('EKR')}{r(1, 9)}-"
                                 f"{ch('MNP')}{ch('KQ')}{r(10, 99)}", "ID")],
               [("ins # ", None), (f"{ch(['YLH', 'ZQA', 'HPN', 'MCX'])}{r(10 ** 8, 10 ** 9 - 1)}", "ID")],
               [("auth #", None), (f"{r(10 ** 6, 10 ** 7 - 1)}-{ch('AB')}", "ID")],
               [("policy ", None), (f"{ch('KMW')}{r(10 ** 7, 10 ** 8 - 1)}", "ID")]])


# ---------------------------------------------------------------- clinical content that must stay unlabelled
CLIN = ["Percocet 5/325 1 tab q6h prn", "strength 4/5 RLE", "BP 120/80", "BP 148/92 sitting", "vent AC 450/14/5/40%",
        "PEEP 8, FiO2 35%", "Foley to gravity", "Swan removed", "Holter x 48h ordered", "Parkinson's on carbidopa/levodopa 25/100",
        "h/o Bell's palsy", "Alzheimer's dementia, FAST 6c", "Glasgow 14", "Braden 13", "PPS 30%", "on BiPAP 12/5 at night",
        "Hickman line capped", "wound VAC changed MWF", "PICC L brachial", "Eliquis 5 bid", "insulin glargine 22 units qhs",
        "Lasix 40 po daily", "Norco 5/325", "Zofran 4 mg ODT", "A1c 9.2", "INR 2.6 on Coumadin", "Kernig and Brudzinski neg",
        "Trendelenburg", "Port-a-Cath accessed", "Graves' disease", "Crohn's flare", "Addison's on hydrocortisone",
        "Down syndrome", "Lewy body dementia", "Tylenol 650 q6h", "morphine 2.5 mg SL q2h prn", "Ativan 0.5 prn",
        "Haldol 1 mg prn agitation", "MMSE 19/30", "PHQ-9 14", "CAM negative", "O2 2L NC", "sats 93% RA", "3/4 of meals",
        "1/2 tab", "24/7 supervision", "Wong-Baker 6/10", "Apgar 8/9 at birth", "Hoyer lift x2", "Zyprexa 2.5 qhs"]
DEPTS = ["cardiology", "Cardiology", "nephrology", "GI", "Case Management", "PT/OT", "Palliative", "the ED", "rehab", "SNF",
         "LTACH", "IR", "Radiology", "Pharmacy", "Nutrition", "Wound care", "the ICU", "Neuro", "the lab", "psych"]

# ---------------------------------------------------------------- relatives
REL_M = ["son", "husband", "brother", "nephew", "grandson", "son-in-law", "brother-in-law", "friend", "neighbor", "partner",
         "stepson", "cousin", "uncle", "father", "boyfriend", "godson", "grandfather"]
REL_F = ["daughter", "wife", "sister", "niece", "granddaughter", "daughter-in-law", "sister-in-law", "friend", "neighbor",
         "partner", "stepdaughter", "aunt", "mother", "girlfriend", "goddaughter", "grandmother"]
SHORT = {"daughter": ["dtr", "dau", "DTR"], "husband": ["hus", "HUSB", "husb"], "sister": ["sis", "SIS"], "brother": ["bro"],
         "granddaughter": ["gdtr", "GD"], "grandson": ["gson", "GS"], "neighbor": ["nbr", "neighbour"],
         "daughter-in-law": ["DIL", "dil"], "son-in-law": ["SIL", "sil"], "sister-in-law": ["sis-in-law"],
         "mother": ["mom", "MOC", "mum"], "father": ["dad", "FOB"], "wife": ["w/f", "spouse"], "grandmother": ["gma", "grandma", "MGM"],
         "girlfriend": ["gf"], "boyfriend": ["bf"]}
PROXY = ["HCP", "HCP", "POA", "DPOA", "guardian", "surrogate", "emergency contact", "health care agent"]
FAMILY = {"son", "brother", "grandson", "stepson", "daughter", "sister", "granddaughter", "stepdaughter", "husband", "wife",
          "father", "mother", "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather"}


def relname(r, form=None):
    form = form or ch(["F", "F", "F", "F", "FL", "tL", "f", "U"])
    if form == "tL":
        return [(ch(["Mr. ", "Mr "]) if r["sex"] == "M" else ch(["Mrs. ", "Ms. ", "Ms "]), None), (r["last"], "RELATIVE")]
    if form == "f":
        return S(r["first"].lower(), "RELATIVE")
    if form == "U":
        return S(r["first"].upper(), "RELATIVE")
    return S(r["first"] if form == "F" else f"{r['first']} {r['last']}", "RELATIVE")


def relword(r, short=0.5):
    rw = r["rw"]
    return ch(SHORT[rw]) if rw in SHORT and rng.random() < short else rw


def relphrase(P, r):
    return R(ch(["{his} {rw} {n}", "{rw} {n}", "{rw} {n}", "{n} ({rw})", "{rw} ({n})", "{rw}, {nf}", "{RW} {N}",
                 "{rw} {n}", "{rw} {nf}"]),
             his=P["his"], rw=relword(r), RW=relword(r).upper(), n=relname(r), nf=relname(r, "FL"),
             N=[(r["first"].upper(), "RELATIVE")])


def proxy(P, r):
    return R(ch(["{p} is {rw} {n}", "{p}: {rw} {nf}", "{p} = {n} ({rw})", "{rw} {n} is {p}", "{p} {n}"]),
             p=ch(PROXY), rw=relword(r), n=relname(r), nf=relname(r, "FL"))


# ---------------------------------------------------------------- persona and its slots
DX = {"child": ["asthma", "type 1 diabetes", "seizure disorder", "food allergy (peanut)", "concussion", "ADHD",
                "sickle cell disease", "appendicitis s/p lap appy"],
      "worker": ["ESRD on HD", "lumbar strain", "needlestick exposure", "hand laceration", "COPD", "alcohol use disorder",
                 "CHF", "DKA", "rotator cuff tear", "latent TB"],
      "elder": ["ESRD on HD", "metastatic lung ca", "CHF", "end-stage COPD", "advanced dementia", "hip fx s/p ORIF",
                "pancreatic ca", "ALS", "failure to thrive", "sepsis, resolved"]}


def persona(kind):
    sex = ch("MF")
    p = person(sex)
    age = {"child": rng.randint(5, 17), "worker": rng.randint(22, 64),
           "elder": ch([rng.randint(68, 89), rng.randint(90, 104), rng.randint(90, 99)])}[kind]
    d0 = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
    words = []
    if kind == "child":
        words = [ch(["mother", "father"]), ch(["grandmother", "grandfather", "aunt", "uncle", "sister", "brother"])]
    while len(words) < 3:
        w = ch(REL_M + REL_F)
        if w not in words and not (kind == "child" and w in ("husband", "wife", "son", "daughter", "grandson",
                                                            "granddaughter", "son-in-law", "daughter-in-law")):
            words.append(w)
    rels = []
    for rw in words:
        same = rw in FAMILY and rng.random() < 0.5
        rels.append(dict(person("M" if rw in REL_M else "F", p["last"] if same else None), rw=rw,
                         phone=phone()))
    P = dict(p, kind=kind, age=age, d0=d0, mrn=str(rng.randint(10 ** 6, 10 ** 8)), rels=rels, town=town(),
             dob=dt.date(d0.year - age, d0.month, min(d0.day, 28)) - dt.timedelta(days=rng.randint(1, 300)),
             zip=f"{rng.randint(1000, 99950):05d}", state=ch(STATES), street=street(), dx=rng.sample(DX[kind], 3),
             title="Mr." if sex == "M" else ch(["Ms.", "Mrs."]), man="man" if sex == "M" else "woman",
             he="he" if sex == "M" else "she", his="his" if sex == "M" else "her", him="him" if sex == "M" else "her",
             att=ch(STAFF), pcp=ch(STAFF), cm=ch(STAFF), road=road(),
             email=f"{re.sub('[^a-z]', '', p['first'].lower())}{ch(['.', '_', ''])}{re.sub('[^a-z]', '', p['last'].lower())}"
                   f"{rng.randint(1, 99)}@{ch(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'])}")
    P.update({k: make_fac(k) for k in FAC_STYLES})
    P["osh"], P["nh2"], P["dial2"] = make_fac("hosp"), make_fac("nh"), make_fac("dial")
    return P


def pt(P, form=None):
    F, L = P["first"], P["last"]
    form = form or ch(["FL", "FL", "tL", "F", "L", "LF", "U"])
    if form == "LF":
        return [(L, "PATIENT"), (", ", None), (F, "PATIENT")]
    if form == "U":
        return [(L.upper(), "PATIENT"), (", ", None), (F.upper(), "PATIENT")]
    if form == "tL":
        return [(P["title"] + " ", None), (L, "PATIENT")]
    return S({"FL": f"{F} {L}", "F": F, "L": L}[form], "PATIENT")


def age(P):
    return S(P["age"], "AGE" if P["age"] > 89 else None)


def addr(P):
    return R(ch(["{a}, {t}, {st} {z}", "{a}\n{t} {st} {z}", "{a}, {t}", "{a} in {t}", "{a}, {tl}, {st}"]),
             a=S(P["street"], "LOCATION"), t=S(P["town"], "LOCATION"), tl=S(P["town"].upper(), "LOCATION"), st=P["state"],
             z=S(P["zip"], "LOCATION"))


def slots(P, d):
    """Every slot a template may use; callables draw afresh at each use."""
    r1, r2, r3 = rng.sample(P["rels"], 3)
    LOC = "LOCATION"
    K = {"he": P["he"], "He": P["he"].capitalize(), "his": P["his"], "His": P["his"].capitalize(), "him": P["him"],
         "man": P["man"], "pt": lambda: pt(P), "ptF": lambda: pt(P, "FL"), "ptf": lambda: pt(P, "F"), "ptL": lambda: pt(P, "tL"),
         "ptLF": lambda: pt(P, ch(["LF", "LF", "U"])), "age": lambda: age(P), "att": lambda: doc(P["att"]),
         "pcp": lambda: doc(P["pcp"]), "cm": lambda: doc(P["cm"], ch(["F L", "F L, cr", "F"])), "doc": doc, "role": role_doc, "nurse": lambda: nurse(),
         "r": lambda: relphrase(P, r1), "rr": lambda: relphrase(P, r2), "r3": lambda: relphrase(P, r3),
         "rn": lambda: relname(r1), "rn2": lambda: relname(r2), "rnF": lambda: relname(r1, "FL"), "rw": relword(r1, 0.3),
         "rw2": relword(r2, 0.3), "remail": S(f"{r1['first'][0].lower()}{re.sub('[^a-z]', '', r1['last'].lower())}"
         f"{rng.randint(1, 99)}@{ch(['gmail.com', 'comcast.net', 'hotmail.co.uk'])}", "EMAIL"), "rph": r1["phone"], "rph2": r2["phone"], "hcp": lambda: proxy(P, ch([r1, r2])),
         "nbr": lambda: relname(person(), "tL"), "friend": lambda: relname(person(), ch(["F", "FL", "f"])),
         "town": lambda: S(recase(P["town"], 0.15, 0.15), LOC), "town2": lambda: S(recase(town(), 0.2, 0.15), LOC),
         "street": lambda: S(street(), LOC), "st": lambda: S(street(False), LOC), "addr": lambda: addr(P),
         "road": lambda: S(P["road"], LOC), "road2": lambda: S(road(), LOC), "county": lambda: S(place("county"), LOC),
         "nbhd": lambda: loc_seg(place("nbhd")), "spot": lambda: loc_seg(place("spot")), "state": ch(STATE_NAMES),
         "country": ch(COUNTRIES), "today": lambda: D(d), "d0": lambda: D(P["d0"]), "past": lambda: D(plus(d, -300, -15)),
         "recent": lambda: D(plus(d, -6, -1), "aaaonw"), "fut": lambda: D(plus(d, 1, 45)), "soon": lambda: D(plus(d, 1, 5), "aaow"),
         "dob": lambda: D(P["dob"], "bcejk"), "md": lambda: D(plus(d, -2, 0), "aaon"),
         "yr": lambda: S(rng.randint(1975, d.year - 1), "YEAR"), "phone": phone, "frag": frag, "mrn": S(P["mrn"], "ID"),
         "ins": ins_id, "email": S(P["email"], "EMAIL"), "time": clock, "n": lambda: str(rng.randint(2, 9)),
         "case": lambda: S(f"{ch(['CM', 'R', 'WC', ''])}{rng.randint(10, 99)}-{rng.randint(10000, 999999)}", "ID"),
         "clin": lambda: ch(CLIN), "svc": lambda: ch(["cardiology", "medicine", "ortho", "neuro", "GI", "onc", "renal"]), "clin2": lambda: ch(CLIN), "dept": lambda: ch(DEPTS), "dx": P["dx"][0], "dx2": P["dx"][1],
         "dx3": P["dx"][2], "osh": lambda: fac(P["osh"]), "oshb": lambda: fac_bare(P["osh"]), "oshp": lambda: fac_poss(P["osh"]), "anyhosp": lambda: fac(make_fac("hosp")),
         "anynh": lambda: fac(make_fac("nh")), "anyrehab": lambda: fac(make_fac("rehab"))}
    for k in FAC_STYLES:
        K[k] = (lambda F: lambda: fac(F))(P[k])
        K[k + "b"] = (lambda F: lambda: fac_bare(F))(P[k])
        K[k + "p"] = (lambda F: lambda: fac_poss(F))(P[k])
        K[k + "n"] = (lambda F: lambda: fac(F, 1.0, False))(P[k])
    K["nh2"], K["dial2"] = (lambda: fac(P["nh2"])), (lambda: fac(P["dial2"]))
    return K


# ---------------------------------------------------------------- genres
TR_WHY = pool("""{ptF} is a {age} y/o {man} from {town} with {dx} admitted {d0} via {hospp} ED, now medically stable for
    transfer. | Pt is a {age}yo w/ {dx}, transferred in from {osh} for higher level of care; going back to {oshb} once stable.
    | {ptF}, {age}, {dx2}; {he} came over from {oshb} overnight and needs {svc} eval. | {age} y/o {man} who lives in {nbhd}
    ({town}) with {dx}, boarding in {hospp} ED awaiting a bed. | Request to transfer {ptL} to {anyhosp} for {dept} services
    not available here; {r} lives near there in {town2}. | {ptF} ({age}) was living at {group} in {town} until this
    admission for {dx}.""")
TR_DEST = pool("""Plan: transfer to {hospb} once bed confirmed. | D/C to SNF ({nh}) when auth back. | Accepted at {rehab}; bed
    offered for {soon}. | Back to {nhb} tomorrow, report to be called to the unit. | Going to {nh} vs {nh2} -- family prefers
    the first, closer to {town2}. | Pt returning to {group} (group home) with staff pickup. | Dispo: rehab/{rehabn} vs home
    w/ {hha}. | Per {hcp}, wants {him} closer to home at {hospb}. | LTACH referral declined; will pursue {anyrehab}. |
    Accepting MD at {hospn} is {att}. | Receiving: {hospp} {svc} floor, RN report to {phone}. | Alt: {rehabb}/{nhb}/{anynh},
    all within 30 min of {town}. | If no bed, discharge to {shelter} with {hha} follow-up. | Pt refuses {nhb}
    ("my {rw} {rn} died there"); considering {anynh} in {town2}.""")
TR_LOG = pool("""Called {hospb} transfer center, spoke with {doc}, callback {frag}. | Report given to {doc} at {nh}. |
    Transport: {ems}, ETA {time}; {clin}. | Family aware: {r} agrees with plan. | {rr} will meet pt at {rehabb}. | OSH
    records faxed to {osh}, attn {doc}. | {clin}; {clin2}. | Sent MAR, H&P, last 24h labs. Copies to {pcp} at {clinic}. |
    Belongings with {rn}, who is driving up from {town2}. | Pt previously at {nh2} from {past} to {recent}. | Outpt HD
    chair at {dial} will be held. | Meds to be filled at {pharm} in {town}. | {rr} asked whether pt could go to {anyhosp}
    instead. | Called {rn2} ({rw2}) back; {he} will tell {rn} and the family in {town2}.""")


def transfer(P, d, K):
    head = ch(["TRANSFER NOTE - {today} {time}\n", "Interfacility Transfer / Placement - {today}\n",
               "Transfer & placement note ({hospn}) {today}\n"])
    return R(head + ch(["Pt: {ptLF}   MRN {mrn}   DOB {dob}\n\n", "Pt: {ptLF}\n\n"]), **K) + para(TR_WHY, 1, K) + S("\n\n") + \
        para(TR_DEST, 4, K) + S("\n\nCommunication:\n- ") + para(TR_LOG, 4, K, "\n- ") + \
        R("\n\n{nurse}, transfer RN\n", **K)


CM_ASSESS = pool("""Pt lives with {r} at {addr}. | Lives alone off {road} near {spot}, about 20 min from {town2}. | Pt is
    from {country}, moved to {town} in {yr}; {rr} lives in {town2}. | Prior to admit pt resided at {nh} (LTC bed). | Pt was
    staying at {shelter} in {town}, before that couch-surfing in {nbhd}. | Lives in {town}; {his} {rw2} is moving up to
    {town2} next month and wants pt to follow. | Resides at {group}; house manager reachable at {phone}. | Home is a
    3rd-floor walkup on {st} in {nbhd}; cannot manage stairs. | Pt splits time between {town} and {rn}'s place in
    {county}.""")
CM_REFS = pool("""Referrals sent: {nh} / {nh2} / {rehab}. | Bed offers: {nhb} ({soon}), {rehabb} (pending), {anynh} (no).
    | {nh} declined -- no LTC beds; {anynh} reviewing. | Auth submitted, {ins}. | {hha} accepted for SOC {fut}. |
    Choice letter signed by {hcp}. | {dial} confirmed chair M/W/F, first tx {soon}. | Outpt labs to {lab}. | Rx to {pharm}
    on {st}. | Hospice info for {hospice} given to {rn}. | Pt wants to return to {nhb}; {nh2} as backup. | PT recs
    rehab; {rehabp} liaison to screen {soon}. | {church} volunteers can drive pt to {clinic}.""")
CM_CONTACT = pool("""Spoke w/ {r} by phone ({rph}), in agreement. | Left VM for {rr}. | {hcp}; copy of HCP form on chart. |
    {nbr} (neighbor) checks on pt daily and has a key. | Met with {r} and {friend} at bedside. | {rn} asks that all calls
    go to {remail}. | Team: {role}; {role}. | {r3} lives in {town2} and is willing to help.""")


def case_mgmt(P, d, K):
    return R(ch(["CASE MANAGEMENT NOTE   {today}\n", "CM progress note - {today} {time}\n", "Care coordination ({today})\n"]),
             **K) + R("Pt {pt}  {age}{sx}  Unit {u}\nDx: {dx}; {clin}.\n\nAssessment: ", u=ch(["6N", "5 West", "MICU", "Tele 3"]),
                     sx="M" if P["man"] == "man" else "F", **K) + para(CM_ASSESS, 3, K) + S("\n\nPlacement: ") + \
        para(CM_REFS, 4, K) + S("\n\nContacts: ") + para(CM_CONTACT, 3, K) + R("\n\n-- {cm}, case manager\n", **K)


HH_HOME = pool("""Home: {addr}. | Directions: lives off {road} near {spot}; yellow house past the {town} line. | Pt lives in
    {nbhd} with {r}. | Second home in {state} in the winter. | Nearest cross street {st}. | Lives on a farm road off {road2} in
    {county}; cell service poor. | Key in lockbox, code given by {rn}. | Pt's {rw} {rn} lives next door. | Drive past
    {church} on {st}, second left; house is behind {spot}. | Parking on {st}; do not use {road2} in winter.""")
HH_REF = pool("""Referred by {hospn} after admission for {dx} ({d0} - {recent}). | Referral from {pcp} at {clinic}. | Recent
    stay at {rehabn} after {dx2}. | Previously followed by {hhab}. | Was at {nh} x 3 wks. | ED visit at {oshb} on {past}.
    | Came home from {rehabb} {recent}; prior episode with {hhab} closed.""")
HH_CARE = pool("""Primary caregiver: {r}, cell {rph}. | {rr} helps on weekends. | {hcp}. | Friend {friend} drives to
    appointments. | {nbr} brings meals. | Church members from {church} visit weekly. | {r3} from {town2} stays over
    Tues/Thurs.""")
HH_PLAN = pool("""SN 2w4, PT 2w3, HHA 3w4. | {clin}. | Labs drawn at home, sent to {lab}. | Meds filled at {pharm}. | PT/OT
    eval {soon}. | F/u with {pcp} {fut}. | {clin2}. | Dialysis at {dial} T/Th/S. | Emergency plan: 911, nearest ED is
    {hospb}. | Adult day at {church} hall Mon/Wed.""")


def home_health(P, d, K):
    return R(ch(["{hhan} - START OF CARE / INTAKE\n", "Home health intake ({hhan}) {today}\n", "HH INTAKE {today}\n"]), **K) + \
        R(ch(["Patient: {ptLF}  DOB {dob}  {ins}\nPhone {phone}\n\n", "Patient: {ptLF}\nEmail {email}\n\n"]), **K) + \
        para(HH_REF, 2, K) + S("\n") + para(HH_HOME, 3, K) + S("\n") + para(HH_CARE, 2, K) + S("\n\nPlan:\n* ") + \
        para(HH_PLAN, 4, K, "\n* ") + R("\n\nIntake RN {nurse}\n", **K)


SCH_BODY = pool("""{ptf} came to the health office today complaining of {cx}. | {ptf} was seen in the health office after
    recess for {cx}; {clin}. | During the field trip to {spot} in {town2}, {ptf} had {cx} and was brought back by bus. |
    {ptf} was sent to the office from gym class with {cx}. | On the bus ride back from the game at {anyschool}, {ptf}
    had {cx}.""")
SCH_ACT = pool("""I called {r} and {he} was picked up by {rn2}. | {He} was taken by {ems} to {hospb}; I rode along and met
    {rn} in the ED. | We need an updated Asthma Action Plan signed by {pcp} at {clinic}. | Per our records, {his} last
    visit at {urgent} was {past}. | Please provide a new EpiPen; the one on file expired. | Medication may be dropped off
    at the front office, {st} entrance. | {His} after-school program at {church} has been informed. | {He} may return to
    {school} with a note from {clinicb}. | {His} {rw2} {rn2} is listed as the second emergency contact. | The bus stop
    at {st} and {st} has been moved; {rn} asked us to let you know. | {He} will be at the summer program at {spot}
    in {town}; please send a copy of this plan.""")


def school_nurse(P, d, K):
    K["cx"] = ch(["wheezing", "a headache", "a low blood sugar (54)", "hives on both arms", "a nosebleed", "dizziness",
                  "abdominal pain", "a bump on the head"])
    K["anyschool"] = lambda: fac(make_fac("school"))
    return R("{schooln}\nHealth Office  {phone}\n{today}\n\nDear {rel},\n\n", rel=ch([K["rnF"], [("Parent/Guardian", None)]]),
             **K) + para(SCH_BODY, 1, K) + S(" ") + para(SCH_ACT, 4, K) + \
        R("\n\nIf you have questions, please call me at {frag}. Thank you,\n\n{nurse}, RN, School Nurse\n{schoolb} / {dist}\n",
          dist=S(f"{ch([P['school']['name'].split(' ')[0], town()])} Public Schools", "FACILITY"), **K)


OH_EVENT = pool("""Employee of {work} since {yr}, works 2nd shift at the {town} plant. | {ptF} ({work} employee ID {eid})
    injured at the loading dock on {st} in {town2}. | Reports lifting a 60 lb box at {workp} site on {st} when {he} felt a
    pop. | Needlestick while cleaning at {hospn}, source pt known. | Pre-placement physical for {work}. | Annual TB screen
    and N95 fit test (3M 1870+), passed. | Drives a delivery route for {work} between {town} and {town2}.""")
OH_PLAN = pool("""Restrictions: no lifting >20 lb, seated work, x 2 wks. | Urine drug screen collected, sent to {lab}. | Seen
    first at {urgent} in {town2}; x-rays there negative. | WC claim # {case}; adjuster {doc} {phone}. | PT at {rehab}
    2x/wk. | Return to full duty if cleared by {pcp} at {clinic}. | Supervisor notified via HR, {frag}. | {r} to drive
    {him} home. | Hep B titer drawn, {clin}. | {clin}; {clin2}. | F/u occ med clinic {fut}. | Second job at {anywork} on
    weekends, also on hold.""")


def occ_health(P, d, K):
    K["eid"] = S(f"{ch(['E', 'EMP', '0'])}{rng.randint(10000, 999999)}", "ID")
    K["anywork"] = lambda: fac(make_fac("work"))
    return R(ch(["OCCUPATIONAL HEALTH VISIT  {today}\n", "Employee Health - work injury eval {today}\n",
                 "Occ Med note {today} {time}\n"]), **K) + R("Name: {ptLF}  Employer: {workn}\n\n", **K) + \
        para(OH_EVENT, 2, K) + S(" ") + para(OH_PLAN, 4, K) + R("\n\n{doc}, occ med\n", **K)


HO_HX = pool("""{ptF} is a {age} y/o {man} with {dx}, referred by {pcp} after admission to {hospn}. | {age}yo with {dx};
    declining since {past}, last hospitalization at {hospp} ICU. | Pt with {dx} and {dx2}; {rn} called {hospicen}
    directly. | Referred from {nh} where pt has been a LTC resident since {yr}.""")
HO_SOC = pool("""Lives with {r} in {town}. | {hcp}; {rr} also involved. | Parishioner at {church}; wants a visit from the
    priest. | Funeral arrangements with {funeral} in {town2}. | Pt grew up in {country}, came to {town} in {yr}. | {rn2}
    flying in from {state}. | Pt was a teacher at {school} for 30 years. | Prefers to die at home on {st}, not at {nhb}. |
    Lived in {nbhd} for 50 years; moved to {town2} to be near {r3}. | {nbr} from across the street visits daily.""")
HO_PLAN = pool("""Elected hospice benefit {today}, {ins}. | Meds from {pharm}; comfort kit delivered. | {clin}. | RN visits
    2x/wk, aide 3x/wk, chaplain and SW to follow. | Attending of record {att}. | {clin2}. | DME: hospital bed, Hoyer, O2
    concentrator. | If symptoms uncontrolled, inpatient unit at {hospiceb}. | Records requested from {hospb} and {nh}. |
    Volunteers from {church} to sit with pt.""")


def hospice_intake(P, d, K):
    return R(ch(["{hospicen}\nHOSPICE ADMISSION / INTAKE  {today}\n\n", "Hospice intake - {today}\n\n"]), **K) + \
        R(ch(["Pt: {ptLF}   DOB {dob}\n", "Pt: {ptLF}\n"]), **K) + para(HO_HX, 1, K) + S("\n\nSocial: ") + \
        para(HO_SOC, 4, K) + S("\n\nPlan: ") + para(HO_PLAN, 4, K) + R("\n\n{nurse}, RN case manager, {hospiceb}\n", **K)


DI_NOTES = pool("""Pt arrived by {ems} w/c van from {town}. | Visiting from {dial2}, home unit {dialb}. | {clin}. | Missed tx
    {recent}, was at {oshb} ED. | Nephrologist {att} rounded, EDW lowered to {edw} kg. | SW to call {r} re transport. |
    Next tx {soon}. | Pt asks to transfer chair time to {dial2} closer to {town2}. | Sent to {hospb} ED for K 6.8. |
    Cannulated x2, {clin2}. | Ride home via {ems} chair van pending. | Pt can be reached at {email} for schedule changes.
    | {r} waiting in lobby with {rn2}. | Pt staying with {rr} in {nbhd} this week; pick up there. | Returned to {nhb} after tx.
    | Labs sent to {lab}.""")


def dialysis_run(P, d, K):
    edw = rng.randint(520, 1100) / 10
    K["edw"] = f"{edw - 0.5:.1f}"
    return R(ch(["{dialn}  HD RUN SHEET  {today}\n", "HEMODIALYSIS FLOWSHEET - {dialn} - {today}\n"]), **K) + \
        R("Pt {ptLF}  Chair {c}  Shift {s}\n", c=rng.randint(1, 24), s=ch(["1", "2", "3", "AM", "PM"]), **K) + \
        S(f"Access: {ch(['RUE AVF', 'LUE AVG', 'R IJ tunneled cath', 'L forearm AVF'])}  Qb {ch([350, 400, 450])}  Qd "
          f"{ch([500, 600, 800])}  Bath {ch(['2K/2.5Ca', '3K/2.5Ca', '1K/3Ca'])}  Heparin {ch(['1000 u bolus', 'none'])}\n"
          f"Pre wt {edw + rng.randint(5, 40) / 10:.1f}  EDW {edw:.1f}  BP pre {rng.randint(120, 190)}/{rng.randint(60, 100)}"
          f"  post {rng.randint(100, 160)}/{rng.randint(55, 90)}  UF goal {rng.randint(15, 45) / 10} L  Kt/V "
          f"{rng.randint(11, 17) / 10}\nMachine: Fresenius 2008T #{rng.randint(1, 30)}\n\nNotes: ") + \
        para(DI_NOTES, 5, K) + R("\n\nRN {nurse} / PCT {nurse}\n", **K)


CH_BODY = pool("""Visited {ptf} at the request of {r}. | {ptF} is a lifelong member of {church} in {town}; asked for prayer
    and communion. | Pt's {rw} {rn} and {friend} at bedside, tearful. | Pt spoke of growing up in {nbhd} and working at
    {work} for 30 yrs. | Pt asked me to call {his} pastor at {churchb}. | Family hoping for a transfer back to {hospb},
    closer to home in {town}. | {rr} is worried about {his} move to {nh}. | Pt expressed hope that {he} will see {his}
    grandson graduate from {school} in June. | {hcp}; family meeting with {role} planned. | Rosary and prayer card
    left at bedside. | Pt said {he} has made peace; {clin}. | Pt remembers {his} wedding at {churchn} and the reception at
    {spot}. | {r3} drove down from {town2} and sang hymns with pt. | {rn}, {rn2}
    and the grandchildren prayed with pt; {rn2} asked for a Mass at {churchb}.""")


def chaplaincy(P, d, K):
    ch_ = ch(STAFF)
    return R(ch(["Spiritual Care Note  {today}\n", "CHAPLAINCY VISIT - {today}\n", "Pastoral care ({hospn})\n"]),
             **K) + R("Pt: {pt}  Rm {rm}\n\n", rm=f"{rng.randint(2, 9)}{rng.randint(10, 40)}", **K) + para(CH_BODY, 6, K) + \
        R("\n\nChaplain {c}\n", c=doc(ch_, ch(["F L", "F", "L"])), **K)


PH_ENTRY = pool("""called {r} @ {rph} via spanish interpreter, update given re {dx} | VM left for {rr} |
    {rn} called back from {town2}, wants {him} moved to {hospb} | call from {nh} admissions ({doc}, {frag}) re bed
    availability | faxed records to {osh} | pt's {rw} {rn} asked about visiting hrs, told 24/7 ok on this unit |
    {hcp} gave consent by phone w/ 2nd RN as witness | pharmacy {pharm} called re prior auth for {clin} |
    {lab} called critical K 6.1, {doc} notified | portuguese interpreter for call w/ {rn2}; {he} is in {country} |
    {school} called asking re return date | {ems} confirmed pickup {soon} | message from {pcp} office ({clinic}) |
    {friend} called, not on HIPAA list, no info given | {rr} says pt's mail should go to {addr} | vietnamese interpreter
    for {r}; family wants pt at {nhb} near {town2} | {dial} called, pt no-show; {rn} says {he} was at {oshb} |
    {r3} called from {town2} re directions to {hospn} | {r} and {rr} both called, asked that {rn2} be the one
    to get updates | spoke w/ {rw2} {rn2}; {rn} is HCP but out of the country | {rehabb} called: bed ready, need updated PT note""")


def phone_log(P, d, K):
    out = R(ch(["PHONE LOG - {pt}  {mrn}\n", "Telephone / interpreter encounters -- {pt}\n"]), **K)
    for e in rng.sample(PH_ENTRY, rng.randint(4, 6)):
        when = D(plus(d, -3, 0), "aaaon") + [(" ", None)] if rng.random() < 0.4 else []
        out += when + R("{t} ", t=clock()) + R(e, **K) + (R(" -{i}", i=nurse_init) if rng.random() < 0.5 else []) + S("\n")
    return out


def nurse():
    return doc(ch(STAFF), ch(["F L", "F L", "I. L", "F", "L"]))


def nurse_init():
    c = ch(STAFF)
    return ch([S(c["last"], "CLINICIAN"), S(f"{c['first'][0]}{c['last']}".lower(), "CLINICIAN"), [("rn", None)]])


BB_LINE = pool("""BED REQ #{bid} FROM ED BAY {n} TO TELE -- ACCEPTING {att} | TRANSFER IN FROM {oshp} ICU VIA {ems} | PT TO
    {nhb} IN AM, NEEDS RN REPORT | HOLD BED FOR DIRECT ADMIT FROM {clinic} | ISO: CONTACT (MRSA), NEEDS PRIVATE RM | {dept}
    CONSULT PENDING, ON {clin} | DC LOUNGE -- RIDE IS {r} | WAITING ON AUTH FOR {rehabb} | CALL CHARGE RN {frag} |
    DIALYSIS PT, HD AT {dialb} | DC TO {group}, STAFF PICKUP {time} | FAMILY ({rr}) REQUESTS TRANSFER TO {hospb} | BED
    CLEANED {time}, ASSIGNED 6N-{n}{n} | SITTER NEEDED -- PT FROM {shelter} | PT LIVES IN {town}, FAMILY IN {town2} |
    {nh}/{nh2} BOTH DECLINED, TRY {anynh} | {hospp} TRANSFER CTR CALLING BACK | OSH = {osh} ({oshb}) | {r} AT BEDSIDE | {rr} AND {r3} WANT {hospb}, NOT {oshb} |
    PT WAS FOUND AT {spot} IN {town2} BY {ems}""")


def bed_board(P, d, K):
    K["bid"] = S(str(rng.randint(100000, 9999999)), "ID")
    out = R("BED BOARD {today} {time}\nPT: {ptLF}  {age}{sx}  DX: {dx}\n", sx="M" if P["man"] == "man" else "F", **K)
    for ln in rng.sample(BB_LINE, rng.randint(5, 7)):
        out += R("{t} ", t=clock()) + R(ln, **K) + S("\n")
    return out


MAKERS = {"transfer": transfer, "case_mgmt": case_mgmt, "home_health": home_health, "school_nurse": school_nurse,
          "occ_health": occ_health, "hospice_intake": hospice_intake, "dialysis_run": dialysis_run, "chaplaincy": chaplaincy,
          "phone_log": phone_log, "bed_board": bed_board}
ORDER = {"bed_board": 0, "transfer": 1, "phone_log": 2, "chaplaincy": 2, "dialysis_run": 2, "occ_health": 2,
         "school_nurse": 2, "case_mgmt": 3, "home_health": 4, "hospice_intake": 4}
PROSE = {"transfer", "case_mgmt", "home_health", "school_nurse", "hospice_intake", "chaplaincy", "occ_health"}


def casing(genre):
    if genre == "bed_board":
        return "upper"
    x = rng.random()
    if genre == "phone_log":
        return "lower" if x < 0.6 else "upper" if x < 0.7 else None
    return "upper" if x < 0.13 else "lower" if x < 0.26 else None


# ---------------------------------------------------------------- assembly and checks
def check(row):
    """The shared checks; spans on word boundaries (an age may run into "yo", a phone into "x"), no state or country."""
    check_spans(row)
    text = row["text"]
    for s in row["spans"]:
        a, b = s["start"], s["end"]
        ok_left = a == 0 or not text[a - 1].isalnum() or (s["type"] == "PHONE" and text[a - 1] in "xXpP")
        assert ok_left and (b == len(text) or not text[b].isalnum() or s["type"] == "AGE"), (row["id"], s)
        assert s["type"] not in ("LOCATION", "FACILITY") or s["text"].upper() not in STATES and s["text"].lower() not in {x.lower() for x in STATE_NAMES + COUNTRIES}, s


def main():
    kinds = ["child"] * 8 + ["worker"] * 13 + ["elder"] * 19
    rng.shuffle(kinds)
    counts, rows = Counter(), []
    for pi, kind in enumerate(kinds, 1):
        P = persona(kind)
        genres = []
        for _ in range(rng.randint(3, 6)):
            choices = [g for g in BY_KIND[kind] if g not in genres or g == "school_nurse" and genres.count(g) < 2]
            genres.append(min(choices, key=lambda g: (counts[g], rng.random())))
        counts.update(genres)
        days = sorted(plus(P["d0"], 0, 14) for _ in genres)
        for g, day in zip(sorted(genres, key=lambda g: (ORDER[g], rng.random())), days):
            K = slots(P, day)
            segs = MAKERS[g](P, day, K)
            if g in PROSE and rng.random() < 0.45:
                segs = wrap(segs, rng.randint(48, 72))
            text, spans = assemble(segs, casing(g))
            row = {"id": f"dev5-{len(rows) + 1:04d}", "patient": f"dev5-p{pi:03d}", "genre": g, "text": text, "spans": spans}
            check(row)
            rows.append(row)
    assert len({r["text"] for r in rows}) == len(rows), "duplicate texts"
    assert len(rows) >= 160 and len({r["patient"] for r in rows}) >= 35, len(rows)
    assert all(3 <= c <= 6 for c in Counter(r["patient"] for r in rows).values())
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="ascii")
    kinds_ = Counter(s["type"] for r in rows for s in r["spans"])
    phi = sum(v for k, v in kinds_.items() if k != "YEAR")
    print(f"{OUT.name}: {len(rows)} notes, {len({r['patient'] for r in rows})} patients")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", {k: f"{v} ({100 * v / phi:.0f}%)" for k, v in kinds_.most_common()})
    print("spans across a line break:", sum("\n" in s["text"] for r in rows for s in r["spans"]))


if __name__ == "__main__":
    main()
