"""Dev6, written blind to the de-identifier's rules: hospital discharge-style documents, where facilities are named most
often and in the most ways. Genres: discharge summaries (letterhead, admission/discharge header, HPI, hospital course,
disposition, follow-up table, pending results, medication reconciliation, signature, cc), transfer summaries, interfacility
transfer forms, consult notes, operative/procedure notes, clinic letters to a PCP/GP and SNF/rehab admission notes; mostly
US, some UK and Canadian; sections or whole notes in capitals or lower case, prose hard-wrapped at 70-80 columns (names
may break across lines), columns and tables. People from faker in several locales, folded to ASCII; towns and facilities
composed from syllables and surnames; span offsets recorded while each note is assembled.

Labelling conventions. FACILITY: the institution's proper name as written, with its kind words and every part of a
multi-part name ("Hospital and Medical Center", "Center for Rehabilitation and Healing", "University of X Medical Center",
"NHS Foundation Trust", a campus suffix "- X Campus", "X Cardiology Associates", "P.C."); a leading "the", a possessive
"'s", parentheses and any department, unit or ward before or after the name ("Emergency Department", "ED", "MICU",
"Department of Surgery") are outside; initials in parentheses after a name are a span of their own; bare names without a
kind word, initialisms in any case, pharmacies, labs, ambulance services and health systems are FACILITY; payers are not;
a town inside a facility's name is part of the FACILITY span. LOCATION: street (with its house number when given), town,
county, ZIP/postcode, each its own span; states, provinces and countries unlabelled.
CLINICIAN/PATIENT/RELATIVE: the name only, never a title, credential or relation word; "Last, First" is two spans. DATE:
any day-level date, a range being two spans, "the" outside "the 4th"; times unlabelled; a bare year is YEAR. AGE: over 89
only, the number alone. PHONE: phone/fax/pager digits. ID: MRN, account, NHS/health-card, accession, job, transfer
reference, facility and device serial numbers.
Run: .venv/bin/python -m tests.deid_corpus.make_dev6   (or .venv/bin/python tests/deid_corpus/make_dev6.py)
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

SEED = 60617
OUT = Path(__file__).resolve().parent / "dev6.jsonl"
N_PATIENTS = 35
rng = random.Random(SEED)
ch = rng.choice
LOCALES = ["en_US"] * 10 + ["en_GB"] * 2 + ["en_IE"] * 2 + ["en_CA"] * 2 + ["en_AU", "en_IN", "es_MX", "it_IT", "pl_PL",
                                                                          "de_DE", "fr_FR", "tl_PH", "vi_VN", "tr_TR"]
FAKERS = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FAKERS)):
    FAKERS[_loc].seed_instance(SEED * 7 + _i)


# ---------------------------------------------------------------- helpers
def para(templates, k, K, sep=" ", lead=False):
    """k templates filled in random order; with `lead`, the first template always comes first."""
    picked = templates[:1] + rng.sample(templates[1:], min(k, len(templates)) - 1) if lead else \
        rng.sample(templates, min(k, len(templates)))
    return [s for j, t in enumerate(picked) for s in ([(sep, None)] if j else []) + R(t, **K)]

def recase(t, lo=0.08, up=0.1):
    x = rng.random()
    return t.lower() if x < lo else t.upper() if x < lo + up else t

def cols(*cells, width=(38,)):
    """A row of columns: each cell padded to its width."""
    out = []
    for i, c in enumerate(cells[:-1]):
        out += c + [(" " * max(2, width[min(i, len(width) - 1)] - sum(len(t) for t, _ in c)), None)]
    return out + cells[-1] + [("\n", None)]

def wrap(segs, width):
    """Hard-wrap at `width` columns, breaking at spaces wherever they fall, inside names too."""
    out, col = [], 0
    for t, y in segs:
        chars = []
        for c in t:
            brk = c == " " and col >= width
            col = 0 if c == "\n" or brk else col + 1
            chars.append("\n" if brk else c)
        out.append(("".join(chars), y))
    return out


# ---------------------------------------------------------------- people and relatives
ODD_F = ["Mary-Kate", "Anne-Sophie", "Lou-Ann", "Ja'Nelle", "Hope", "Constance", "Bliss", "Faith", "Precious"]
ODD_M = ["Jean-Marc", "Jose-Miguel", "D'Marco", "Earnest", "Price", "King", "Sterling", "Royal", "Duke"]
ODD_L = ["O'Rourke", "D'Angelo", "McAllister-Ross", "Bishop", "Parish", "Mercy", "Street", "Banks", "Church",
         "Savage", "Goodnight", "Kindred", "Shepherd", "Summers", "Lake", "Field", "Ward", "Nurse", "Hall"]
_names: set = set()

def person(sex=None, last=None, odd=0.2):
    while True:
        f, sx = FAKERS[ch(LOCALES)], sex or ch("MF")
        first = fold(f.first_name_male() if sx == "M" else f.first_name_female()).split(" ")[0]
        sur = last or fold(f.last_name()).replace(" ", "-")
        if rng.random() < odd * 0.5:
            first = ch(ODD_M if sx == "M" else ODD_F)
        if last is None and rng.random() < odd * 0.6:
            sur = ch(ODD_L)
        if (first, sur) not in _names and first != sur and re.fullmatch(r"[A-Za-z][A-Za-z'\-]+", first) and \
                re.fullmatch(r"[A-Za-z][A-Za-z'\-]+", sur):
            _names.add((first, sur))
            return {"first": first, "last": sur, "sex": sx, "mi": ch("ABCDEFGHJKLMNPRSTW")}

CREDS = ["MD"] * 6 + ["DO", "MD, PhD", "MD, FACS", "MD, FACC", "NP", "PA-C", "MBBS", "FRCPC"]
STAFF = [dict(person(odd=0.12), cred=ch(CREDS)) for _ in range(110)]
NURSES = [dict(person(odd=0.1), cred=ch(["RN", "RN", "RN, BSN", "LPN", "RN, CCRN"])) for _ in range(40)]

def doc(c=None, form=None, uk=False):
    """A clinician's name in any style; titles and credentials stay outside the span."""
    c = c or ch(STAFF)
    F, L, cr, M = c["first"], c["last"], c["cred"], c["mi"]
    form = form or ch(["Dr. L", "Dr. L", "Dr. F L", "F L, cr", "F L, cr", "F M. L, cr", "L, F cr", "Dr L", "DR. L", "F L",
                       "L"] + (["Mr L", "Dr F L"] if uk else []))
    if form == "L, F cr":
        return [(L, "CLINICIAN"), (", ", None), (F, "CLINICIAN"), (f" {cr}", None)]
    pre = {"Dr. L": "Dr. ", "Dr L": "Dr ", "Dr. F L": "Dr. ", "DR. L": "DR. ", "Mr L": ch(["Mr ", "Mr. "]),
           "Dr F L": "Dr "}.get(form, "")
    name = {"Dr. L": L, "Dr L": L, "DR. L": L.upper(), "Mr L": L, "L": L, "F M. L, cr": f"{F} {M}. {L}"}.get(form, f"{F} {L}")
    return ([(pre, None)] if pre else []) + [(name, "CLINICIAN")] + ([(f", {cr}", None)] if form.endswith("cr") else [])

def full(c):
    return doc(c, ch(["F L, cr", "F M. L, cr", "Dr. F L", "F L, cr"]))

def nurse(form=None):
    return doc(ch(NURSES), form or ch(["F L, cr", "F L", "F", "F L, cr"]))

REL_M = ["son", "husband", "brother", "nephew", "grandson", "son-in-law", "partner", "friend"]
REL_F = ["daughter", "wife", "sister", "niece", "granddaughter", "daughter-in-law", "partner", "friend"]
PROXY = ["HCP", "health care proxy", "POA", "DPOA", "next of kin", "NOK", "emergency contact", "health care agent",
         "legal guardian", "LPA (health and welfare)"]

def relname(r, form=None):
    form = form or ch(["F", "F", "FL", "FL", "tL", "U"])
    if form == "tL":
        return [(ch(["Mr. ", "Mr "]) if r["sex"] == "M" else ch(["Mrs. ", "Ms. ", "Ms "]), None), (r["last"], "RELATIVE")]
    name = r["first"] if form == "F" else f"{r['first']} {r['last']}"
    return S(name.upper() if form == "U" else name, "RELATIVE")

def relphrase(P, r):
    return R(ch(["{his} {rw} {n}", "{rw} {n}", "{n} ({rw})", "{rw}, {nf}", "{rw} {n}"]), his=P["his"], rw=r["rw"],
             n=relname(r), nf=relname(r, "FL"))

def proxy(P, r):
    return R(ch(["{p}: {nf} ({rw}) {ph}", "{p} is {his} {rw}, {nf}, {ph}", "{p} - {rw} {nf}, cell {ph}",
                 "{nf}, {rw} ({p}), tel {ph}"]), p=ch(PROXY), rw=r["rw"], his=P["his"], nf=relname(r, "FL"), ph=r["phone"])


# ---------------------------------------------------------------- places
TOWN_A = ["Brook", "Ash", "Cal", "Dun", "Ever", "Fair", "Gran", "Hal", "Ing", "Kent", "Lang", "Mar", "Nor", "Oak", "Pres",
          "Quin", "Red", "Sand", "Tarr", "Upper", "Ver", "Whit", "Alder", "Bel", "Cran", "Dray", "Elk", "Fox", "Harl", "Lin"]
TOWN_B = ["haven", "ford", "wick", "ton", "field", "ridge", "brook", "mouth", "stead", "bury", "dale", "cliff", "more",
          "wood", "vale", "ham", "ley", "port", "shire", "gate"]
TOWN_WRAP = ["{}"] * 9 + ["East {}", "West {}", "{} Falls", "{} Springs", "Mount {}", "{} Junction", "Port {}"]
SAINTS = ["Luke", "Mark", "Agnes", "Columba", "Brendan", "Raphael", "Hedwig", "Kateri", "Benedict", "Catherine", "Therese",
          "Bernadette", "Camillus", "Ambrose", "Lucy", "Barnabas", "Cyril", "Monica", "Kilian", "Rita"]
TREES = ["Willowbrook", "Cedar Crest", "Hillside", "Meadowview", "Linden Hall", "Sycamore", "Riverbend", "Bayberry",
         "Fern Hollow", "Greystone", "Silver Birch", "Harbor View", "Woodcrest", "Orchard Glen", "Tamarack", "Evergreen"]
VIRTUES = ["Charity", "Mercy", "Providence", "the Good Samaritan", "St. Joseph", "the Sacred Heart"]
STREET_N = ["Elm", "Maple", "Church", "Main", "Bridge", "Union", "Prospect", "Chestnut", "Spring", "Orchard", "High",
            "Broad", "Mill", "Pleasant", "Park", "Washington", "Franklin", "Lincoln", "School", "Center"]
STREET_S = ["Street", "St", "St.", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive", "Boulevard", "Blvd", "Court", "Way",
            "Parkway", "Turnpike", "Highway"]
STATES = ["MA", "CT", "NY", "NJ", "PA", "OH", "MI", "IL", "WI", "MN", "VT", "NH", "ME", "MD", "VA", "NC"]
PROVINCES = ["ON", "BC", "NS", "MB", "AB", "NB"]
STATE_NAMES = ["Florida", "Arizona", "Texas", "Ontario", "England", "Scotland", "Wales", "Quebec", "Puerto Rico"]
_towns: list = []

def town():
    if _towns and rng.random() < 0.15:
        return ch(_towns)
    while True:
        t = ch(TOWN_WRAP).format(ch(TOWN_A) + ch(TOWN_B))
        if t not in _towns:
            _towns.append(t)
            return t

def surname():
    return fold(FAKERS[ch(["en_US", "en_GB", "en_IE", "en_CA", "en_AU"])].last_name()).replace(" ", "")

def street(num=True):
    name = ch(STREET_N + [surname() for _ in range(5)]) + " " + ch(STREET_S)
    return f"{rng.randint(2, 4800)} {name}" if num else name

def postcode(region):
    return fold(FAKERS["en_GB"].postcode()) if region == "UK" else fold(FAKERS["en_CA"].postalcode()) if region == "CA" \
        else f"{rng.randint(1001, 99950):05d}"

def county():
    return ch([f"{town()} County", f"{surname()} County", f"{surname()} Parish"])

def address(a, region, multi=True):
    """A postal address: house-numbered street, town and ZIP/postcode, each a LOCATION; state/province unlabelled."""
    sep = ch(["\n", ", "]) if multi else ", "
    return S(a["street"], "LOCATION") + S(sep) + S(recase(a["town"], 0.05, 0.15), "LOCATION") + \
        (S(f", {a['reg']} ") if a["reg"] else S(" ")) + S(a["zip"], "LOCATION")


# ---------------------------------------------------------------- facilities
# "full|short|short": "@" initials, "@l" initials in lower case, "#" the bare town/surname it is named for.
# T town, T2 a second town (campus), L L2 surnames, S saint, Tr estate name, V virtue.
_STYLES = {
    "hosp_US": "{T} Hospital|#|@; {T} Memorial Hospital|{T} Memorial|#|@; St. {S} Hospital|St. {S}'s|St. {S}|@; "
               "Saint {S}'s Medical Center - {T2} Campus|St. {S}'s {T2}|St. {S}'s|Saint {S}'s; {T} Hospital and Medical "
               "Center|{T} Hospital|#|@; University of {T} Medical Center|@|University of {T}|@l; {L} Regional Medical "
               "Center|{L} Regional|#|@; {T} General Hospital|{T} General|#|@|@l; {T} Valley Hospital|{T} Valley|#; "
               "Mercy Medical Center of {T}|Mercy {T}|Mercy; {T} Community Hospital|{T} Community|#|@; {T} Veterans "
               "Affairs Medical Center|{T} VA|{T} VAMC; {L} Memorial Hospital|{L} Memorial|#; {Tr} Hospital|#",
    "hosp_UK": "{T} Royal Infirmary|{T} Royal|@|#; {T} General Hospital|{T} General|@|#; Royal {T} Hospital|Royal {T}|@; "
               "{T} and District General Hospital|{T} DGH|#; {T} Hospitals NHS Foundation Trust|{T} Hospitals|#; "
               "St {S}'s Hospital|St {S}'s",
    "hosp_CA": "{T} Health Sciences Centre|@|#; {T} General Hospital|{T} General|@|#; Hopital Saint-{S} de {T}|Saint-{S}|#; "
               "{L} Memorial Hospital|{L} Memorial|#; {T} Regional Health Centre|{T} Regional|#|@",
    "snf": "{T} Center for Rehabilitation and Healing|{T} Center|#; {Tr} Center for Nursing and Rehabilitation|{Tr}; "
           "{Tr} Manor|{Tr}; {T} Health and Rehabilitation Center|{T} Health and Rehab|#; {L} House Nursing Home|{L} House; "
           "Sisters of {V} Home|Sisters of {V}; {T} Transitional Care Center|{T} TCC|#; {Tr} Nursing Home|{Tr}",
    "rehab": "{L} Rehabilitation Hospital|{L} Rehab|#; {T} Institute for Rehabilitation|{T} Rehab|@; {Tr} Rehabilitation "
             "Center|{Tr}; {T} Rehabilitation Hospital of {T2}|{T} Rehab",
    "ltach": "{T} Specialty Hospital|{T} Specialty|@; {Tr} Hospital for Specialty Care|{Tr}; {L} Long-Term Acute Care "
             "Hospital|{L} LTACH|#",
    "al": "{Tr} Assisted Living|{Tr}; The {Tr} at {T}|{Tr}; {Tr} Senior Living of {T}|{Tr}; {L} Place Assisted Living|"
          "{L} Place",
    "hospice": "{T} Hospice|{T} hospice; Hospice of the {T} Valley|{T} Valley Hospice; {L} Hospice and Palliative Care|"
               "{L} Hospice; {Tr} Hospice House|{Tr}",
    "hha": "{T} Visiting Nurse Association|{T} VNA; VNA of {T}|{T} VNA; {L} Home Health Services|{L} Home Health; "
           "{Tr} Home Care|{Tr}",
    "dial": "{T} Dialysis Center|{T} Dialysis|#; {L} Kidney Center|{L} Kidney; {T} Renal Care|{T} Renal; {Tr} Dialysis|{Tr}",
    "pcp_US": "{T} Internal Medicine|{T} IM; {L} Family Practice|{L} FP|#; {T} Primary Care|{T} Primary; {L} Medical "
              "Group|{L} Group; {T} Family Medicine Associates|{T} Family Medicine",
    "pcp_UK": "{Tr} Surgery|{Tr}; {T} Medical Centre|#; {T} Health Centre|#; The {L} Practice|{L} Practice",
    "pcp_CA": "{T} Family Health Team|{T} FHT; {L} Medical Clinic|{L} Clinic; {T} Community Health Centre|{T} CHC",
    "pharm": "{L}'s Pharmacy|{L}'s; {T} Apothecary|{T} Apothecary; {T} Family Pharmacy|{T} Pharmacy; {Tr} Pharmacy|{Tr}",
    "lab": "{T} Diagnostic Laboratory|{T} Lab; {L} Clinical Laboratories|{L} Labs; {T} Pathology Associates|{T} Pathology",
    "img": "{T} Imaging Center|{T} Imaging; {L} Radiology|{L} Radiology; {T} Open MRI|{T} Open MRI; {Tr} Imaging|{Tr}",
    "ems": "{T} Ambulance|{T} Amb; {L} Ambulance Service|{L} Ambulance; {T} Fire Rescue|{T} FD; {T} Regional EMS|{T} EMS",
    "sys": "{Tr} Health|{Tr}; {T} Health System|{T} Health; {L} Healthcare|{L}",
}
FAC_STYLES = {k: [(p.split("|")[0], p.split("|")[1:]) for p in v.split("; ")] for k, v in _STYLES.items()}
SPECS = {s.split(": ")[0]: s.split(": ")[1].split("; ") for s in pool("""Cardiology: {L} Cardiology Associates; {T} Heart
    and Vascular; {T} Cardiology Group | Gastroenterology: {L} Gastroenterology, P.C.; {T} Digestive Health Center; {L} &
    {L2} GI Associates | Orthopaedics: {L} & {L2} Orthopaedics; {T} Bone and Joint Center; {T} Orthopedic Associates |
    Neurology: {T} Neurology Group; {L} Neurological Associates | Nephrology: {T} Kidney Associates; {L} Nephrology Group |
    Pulmonology: {T} Pulmonary and Sleep Associates; {L} Lung Center | General Surgery: {T} Surgical Associates; {L}
    Surgical Group; {T} General Surgery, P.A. | Oncology: {T} Cancer Center; {L} Oncology and Hematology""")}
_fac_seen: set = set()
BAD_ABBR = set(STATES + PROVINCES) | {"ED", "OR", "PT", "OT", "MD", "RN", "ICU", "GI", "IR", "VA", "MS", "ST", "NP", "PA", "DO",
                                     "IM", "FP", "AM", "PM", "IV", "PO", "BP", "HR", "OK", "NO", "IN", "AT", "US", "UK", "SNF",
                                     "GP", "CT", "MRI", "ENT", "EMS", "SW", "CM", "HD"}

def initials(name):
    return "".join(w[0] for w in re.split(r"[\s\-]+", name.replace("St. ", "Saint ")) if w[:1].isupper())

def make_fac(kind, pat=None):
    while True:
        p, shorts = (pat, ["#", "@"]) if pat else ch(FAC_STYLES[kind])
        T = town()
        kw = {"T": T, "T2": town(), "L": surname(), "L2": surname(), "S": ch(SAINTS), "Tr": ch(TREES), "V": ch(VIRTUES)}
        name = p.format(**kw)
        bare = kw["L"] if "{L}" in p and "{T}" not in p else kw["Tr"] if "{T}" not in p else T
        forms = [initials(name) if s == "@" else initials(name).lower() if s == "@l" else bare if s == "#" else
                 s.format(**kw) for s in shorts]
        forms = [f for f in forms if len(f) > 1 and f.upper() not in BAD_ABBR]
        if kind in ("pharm", "lab", "img") or not ({name} | set(forms)) & _fac_seen:
            _fac_seen.update({name} | set(forms))
            init = initials(name)
            return {"name": name, "forms": forms, "bare": bare if "#" in shorts else None, "town": T,
                    "init": init if len(init) > 2 and init not in BAD_ABBR and "@" in shorts else None,
                    "addr": {"street": street(), "town": T, "zip": None}, "phone": phone(), "fax": phone()}

def fac(F, p_full=0.45, casing=True):
    """A facility by its full name or a short form; a leading "the" stays outside the span."""
    t = F["name"] if not F["forms"] or rng.random() < p_full else ch(F["forms"])
    t = recase(t) if casing else t
    return [(t[:4], None), (t[4:], "FACILITY")] if t.lower().startswith("the ") else [(t, "FACILITY")]

def fac_name(F):
    return fac(F, 1.0, False)

def fac_bare(F):
    """The bare local name with no kind word: "transferred from Brookhaven"."""
    return [(recase(F["bare"], 0.25, 0.15), "FACILITY")] if F["bare"] else fac(F, 0.0)

def fac_poss(F):
    """A possessive followed by a unit: "Ashford General's ED"."""
    t = re.sub(r"^the ", "", recase(ch(F["forms"] + [F["name"]]), 0.05, 0.1), flags=re.IGNORECASE)
    return [(t, "FACILITY"), ("'" if t.endswith("s") else "'s", None),
            (" " + ch(["ED", "emergency room", "ICU", "ER", "cath lab", "stroke unit", "step-down unit"]), None)]

def fac_paren(F):
    """The full name with its initials in parentheses, each a span: "Calford General Hospital (CGH)"."""
    return fac_name(F) + ([(" (", None), (F["init"], "FACILITY"), (")", None)] if F["init"] else [])

def fac_dept(F):
    """A department written before or after the facility's name; the department stays outside the span."""
    dept = ch(["Emergency Department", "Intensive Care Unit", "Department of Surgery", "Cardiac Catheterization Laboratory",
               "Division of Nephrology", "Emergency Room", "MICU", "Radiology Department", "Stroke Unit", "Wound Clinic"])
    return R(ch(["the {d} at {f}", "{f} {d}", "{d}, {f}", "{f} - {d}", "{f}'s {d}"]), d=dept,
             f=[(recase(F["name"].removeprefix("The "), 0.05, 0.1), "FACILITY")])

def letterhead(F, region, sysf=None, dept=None):
    out = [(t.upper() if rng.random() < 0.6 else t, y) for t, y in fac_name(F)] + S("\n")
    out += R(ch(["A member of {s}\n", "{s} | Affiliate\n", "Part of the {s} network\n"]), s=fac_name(sysf)) \
        if sysf and rng.random() < 0.6 else []
    out += (S(dept + "\n") if dept else []) + address(F["addr"], region, multi=False) + S("\n")
    return out + R(ch(["Tel {p}   Fax {f}\n", "Phone: {p} | Fax: {f}\n", "T {p}  F {f}\n"]), p=F["phone"], f=F["fax"])

MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]

def dfmt(d, st):
    M = MONTHS[d.month - 1]
    th = "th" if 10 < d.day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return {"a": f"{d.month}/{d.day}", "b": f"{d.month}/{d.day}/{d.year}", "c": f"{d.month:02d}/{d.day:02d}/{d.year}",
            "e": f"{d.month}/{d.day}/{d.year % 100:02d}", "g": f"{M} {d.day}", "h": f"{M[:3]} {d.day}, {d.year}",
            "j": d.isoformat(), "k": f"{d.day} {M} {d.year}", "m": f"{M} {d.day}{th}", "p": f"{d.day}-{M[:3]}-{d.year}",
            "q": f"{d.day:02d}-{M[:3].upper()}-{d.year}", "r": f"{M} {d.day}{th}, {d.year}", "s": f"{d.day}{th} {M} {d.year}",
            "t": f"the {d.day}{th}", "u": f"{d.day:02d}/{d.month:02d}/{d.year}", "v": f"{d.day}.{d.month}.{d.year % 100:02d}",
            "w": f"{d.month}-{d.day}-{d.year % 100:02d}", "x": f"{M[:3]} {d.day}", "y": f"{d.day} {M[:3]}",
            "z": f"{d.day}/{d.month}"}[st]

US_FULL, US_SHORT, UK_FULL, UK_SHORT = "bcehjpqrw", "aaagmxt", "kksuuvpq", "zyykt"

def D(d, styles):
    t = dfmt(d, ch(styles))
    return [("the ", None), (t[4:], "DATE")] if t.startswith("the ") else [(t, "DATE")]

def plus(d, lo, hi):
    return d + dt.timedelta(days=rng.randint(lo, hi))

def drange(a, st):
    """An earlier stay written as a range: two DATE spans."""
    return D(a, st) + S(ch(["-", " - ", " to "])) + D(plus(a, 2, 9), st)

def phone(region="US"):
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    if region == "UK":
        return S(ch([f"01{rng.randint(100, 999)} {b}{c:04d}"[:12], f"0{rng.randint(113, 191)} 496 {c:04d}",
                     f"+44 {rng.randint(1200, 1999)} {b}{c:03d}"[:16]]), "PHONE")
    return S(ch([f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"({a}) {b}-{c:04d}", f"{a}/{b}-{c:04d}",
                 f"1-{a}-{b}-{c:04d}", f"{b}-{c:04d}"]), "PHONE")

def pager():
    n = ch([str(rng.randint(10000, 99999)), f"{rng.randint(2, 8)}-{rng.randint(1000, 9999)}", str(rng.randint(1000, 9999))])
    return R(ch(["pager {n}", "pgr {n}", "x{n}", "ext. {n}", "beeper {n}", "Vocera {n}"]), n=S(n, "PHONE"))

def clock():
    h, m = rng.randint(0, 23), ch([0, 5, 12, 15, 20, 30, 41, 45, 55])
    return ch([f"{h:02d}{m:02d}", f"{h:02d}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d} {ch(['AM', 'PM', 'am', 'pm'])}"])

def num_id(prefix_choices, lo=6, hi=9):
    return f"{ch(prefix_choices)}{rng.randint(10 ** (lo - 1), 10 ** hi - 1)}"


# ---------------------------------------------------------------- clinical content that must stay unlabelled
CLIN = pool("""BP 128/76 | BP 142/88, HR 92, RR 18, SpO2 95% on 2L NC | strength 4/5 in the RLE | strength 5/5 throughout |
    Foley catheter removed on POD 2 | Murphy sign negative | Babinski downgoing bilaterally | GCS 15 | NIHSS 3 | Braden
    score 14 | Morse Fall Scale 55 | CAM-ICU negative | RASS 0 | Wells score 1.5 | CHA2DS2-VASc 4 | NYHA class III | ASA
    class III | Mallampati II | PEEP 8, FiO2 40% | BiPAP 12/6 overnight | vent AC 450/16/5/35% | Jackson-Pratt drain with 30
    mL serosanguinous output | Swan-Ganz catheter removed | Parkinson's disease on carbidopa/levodopa 25/100 tid |
    Hashimoto's thyroiditis | Barrett's esophagus | Bell's palsy in the remote past | Cushing's ruled out | Homans sign
    absent | Kernig and Brudzinski negative | INR 2.4 on Coumadin | A1c 8.7% | troponin peak 4.21 | BNP 1,240 | lactate 3.1
    -> 1.2 | K 5.9 -> 4.1 | Cr 2.3 (baseline 1.1) | Hgb 7.1 -> 9.0 after 2 units PRBC | WBC 16.2 | PT/OT 3x/week | Hoyer
    lift for transfers | PICC line in the L basilic vein, 42 cm | Port-a-Cath accessed | Percocet 5/325 1-2 tabs q4-6h prn |
    1/2 tab of Lasix 40 mg | sats 93% on RA | EF 35-40% | Glasgow-Blatchford score 9 | Child-Pugh B | MELD 18 | MMSE 22/30 |
    PHQ-9 of 11 | Whipple procedure in the remote past | Roux-en-Y gastric bypass history | Nissen fundoplication history |
    Trendelenburg positioning | Medicare Part A | Medicaid pending | BCBS PPO""")
LABV = [c for c in CLIN if c[:2] in ("IN", "A1", "BN", "K ", "Cr")]
VIT = ["BP 128/76, HR 88, T 37.1, SpO2 96% RA", "BP 142/88, HR 92, RR 18, SpO2 95% on 2L NC", "T 38.4 C, BP 98/54, HR 112",
       "BP 118/64 HR 72 RR 16 97% RA", "afebrile, BP 156/90, HR 64, sats 93% on RA", "BP 104/58, MAP 70 on norepi 0.04"]
CASE_KEYS = ("dx", "pmh", "cc", "svc", "spec", "dispo", "proc", "op", "course", "meds")
CASE_TXT = """NSTEMI ~ hypertension, hyperlipidemia and type 2 diabetes ~ substernal chest pressure ~ Cardiology ~ Cardiology
    ~ home rehab ~ Left heart catheterization with drug-eluting stent to the proximal LAD ~ Right radial access, 6 Fr
    Glidesheath; 95% proximal LAD stenosis; 3.0 x 18 mm Xience DES at 14 atm, TIMI 3 flow. TR Band applied; Allen test
    normal. ~ # NSTEMI: troponin peak 4.21, heparin gtt started at {osh}; {cons} took {him} to the cath lab on {proc_d}. ;; #
    Ischemic cardiomyopathy, EF 35-40%: metoprolol succinate 25 mg and lisinopril 5 mg; LifeVest declined. ;; # T2DM: A1c
    8.7%, metformin held 48h post contrast. ~ Aspirin: 81 mg PO daily: CONTINUE; Ticagrelor (Brilinta): 90 mg PO BID: NEW;
    Atorvastatin: 80 mg PO nightly: CHANGED; Metoprolol succinate: 25 mg PO daily: NEW; Metformin: 1000 mg PO BID: RESUME in
    48h; Nitroglycerin: 0.4 mg SL q5min x3 prn: NEW == acute calculous cholecystitis ~ obesity and GERD ~ RUQ pain, fever and
    vomiting ~ General Surgery ~ General Surgery ~ home ~ Laparoscopic cholecystectomy ~ Hasson entry at the umbilicus, four
    ports. Gangrenous fundus; critical view of safety obtained, cystic duct and artery clipped and divided. Endo Catch bag.
    Foley removed in the OR. ~ # Acute cholecystitis: Murphy sign positive, WBC 16.2; Zosyn 3.375 g q6h; RUQ US at {img}
    showed stones. {cons} performed lap chole on {proc_d}. ;; # Post-op: regular diet by POD 1, oxycodone 5 mg prn. ~
    Oxycodone: 5 mg PO q6h prn x 5 days: NEW; Acetaminophen: 1 g PO q8h: NEW; Omeprazole: 20 mg PO daily: CONTINUE == left
    femoral neck fracture ~ osteoporosis, atrial fibrillation on apixaban and mild dementia ~ a mechanical fall at home ~
    Orthopaedics ~ Orthopaedics ~ snf rehab al ~ Left hip hemiarthroplasty ~ Posterior approach; cemented size 4 stem, 46 mm
    bipolar head; stable through full ROM. Hemovac drain. ~ # L femoral neck fx: apixaban held, {cons} performed
    hemiarthroplasty on {proc_d}; WBAT, posterior hip precautions, strength 4/5 in the LLE. ;; # Post-op delirium: CAM
    positive POD 2, Haldol 0.5 mg x1. ;; # AFib: apixaban resumed POD 2; CHA2DS2-VASc 4. ~ Apixaban: 5 mg PO BID: RESUME;
    Enoxaparin: 40 mg SC daily: STOPPED; Tramadol: 50 mg PO q6h prn: NEW; Calcium/vitamin D: 600 mg/400 IU BID: NEW;
    Donepezil: 10 mg nightly: CONTINUE == acute on chronic systolic heart failure ~ CAD s/p CABG in {yr}, CKD 3b and COPD ~
    dyspnea and 12 lb weight gain ~ Cardiology ~ Cardiology ~ home snf al ~ Right heart catheterization ~ Right IJ access
    under ultrasound. RA 18, PA 62/30, PCWP 28, CI 1.9; Swan-Ganz left for tailored therapy. ~ # ADHF: BNP 1,240; IV Lasix 80
    mg BID, net -9 L; dry weight 78.2 kg. ;; # CKD 3b: Cr 2.3 (baseline 1.1), 1.6 at discharge. ~ Furosemide: 60 mg PO BID:
    CHANGED; Spironolactone: 12.5 mg PO daily: NEW; Sacubitril/valsartan: 24/26 mg PO BID: NEW; Potassium chloride: 20 mEq PO
    daily: STOPPED == septic shock from right lower lobe pneumonia ~ COPD on 2L home O2 and alcohol use disorder ~ confusion
    and hypotension ~ Pulmonary/Critical Care ~ Pulmonology ~ ltach ~ Percutaneous tracheostomy ~ Bronchoscopic guidance;
    Ciaglia technique; Shiley 8 cuffed tracheostomy. Vent AC 450/16/5/35% resumed. ~ # Septic shock: lactate 3.1 -> 1.2,
    norepinephrine off by HD 4; narrowed to ceftriaxone. ;; # Respiratory failure: intubated at {osh}; trach on {proc_d};
    trach collar 35% by day, PEEP 8, FiO2 40% at night. ~ Ceftriaxone: 2 g IV daily x 5 more days: NEW; Thiamine: 100 mg
    daily: NEW; Heparin: 5,000 units SC q8h: NEW == acute ischemic stroke, left MCA territory ~ atrial fibrillation not on
    anticoagulation ~ right-sided weakness and aphasia ~ Neurology ~ Neurology ~ rehab snf ~ Mechanical thrombectomy ~ Right
    femoral access; left M1 occlusion, two passes with a stent retriever, TICI 2b. Angio-Seal closure. ~ # L MCA stroke:
    tenecteplase at {osh}, thrombectomy on {proc_d}; NIHSS 14 -> 3. ;; # AFib: apixaban from day 4. ;; # Dysphagia: SLP,
    mechanical soft diet. ~ Apixaban: 5 mg PO BID: NEW; Atorvastatin: 80 mg PO nightly: NEW; Amlodipine: 5 mg PO daily:
    CHANGED == upper GI bleed from a duodenal ulcer ~ osteoarthritis on daily naproxen ~ melena and syncope ~
    Gastroenterology ~ Gastroenterology ~ home ~ Esophagogastroduodenoscopy with clip placement ~ 12 mm duodenal bulb ulcer
    with visible vessel (Forrest IIa); epinephrine and two hemoclips; H. pylori biopsies. ~ # UGIB: Hgb 7.1 -> 9.0 after 2
    units PRBC, Glasgow-Blatchford score 9; EGD by {cons} on {proc_d}. ;; # NSAID use: naproxen stopped. ~ Pantoprazole: 40
    mg PO BID x 8 weeks: NEW; Naproxen: 500 mg PO BID: STOPPED; Ferrous sulfate: 325 mg PO daily: NEW == ESRD with
    hyperkalemia ~ diabetic nephropathy and a failed left AV fistula ~ weakness and a K of 7.2 ~ Nephrology ~ Nephrology ~
    home snf ~ Tunneled dialysis catheter placement ~ Right IJ access; 19 cm Palindrome catheter, tip at the cavoatrial
    junction; lumens locked with heparin 1000 u/mL. ~ # Hyperkalemia: K 7.2, peaked T waves; calcium gluconate, insulin/D50,
    urgent HD. ;; # ESRD: tunneled catheter by IR on {proc_d}; outpatient chair at {dial}. ~ Sevelamer: 800 mg PO TID with
    meals: CONTINUE; Sodium zirconium cyclosilicate: 10 g PO daily: NEW == perforated sigmoid diverticulitis ~ hypertension
    and chronic constipation ~ LLQ pain and rigors ~ General Surgery ~ General Surgery ~ snf home ~ Hartmann's procedure ~
    Purulent peritonitis; sigmoid resected, end colostomy in the LLQ, rectal stump tagged with Prolene; Jackson-Pratt drain.
    ~ # Perforated diverticulitis: CT at {img} showed free air; {cons} performed a Hartmann's on {proc_d}. ;; # New
    colostomy: WOC teaching. ~ Amoxicillin-clavulanate: 875/125 mg PO BID x 7 days: NEW; Hydromorphone: 2 mg PO q4h prn: NEW
    == failure to thrive and aspiration pneumonia ~ advanced Alzheimer's dementia (FAST 7a) ~ poor oral intake and a fever ~
    Palliative Care ~ Oncology ~ hospice snf ~ Bedside paracentesis ~ Ultrasound-guided, 5 Fr Yueh catheter; 2.1 L removed. ~
    # Aspiration PNA: Unasyn x 5 days; silent aspiration on SLP study. ;; # Goals of care: meeting with {cons};
    comfort-focused, MOLST DNR/DNI. ~ Morphine oral solution: 5 mg SL q2h prn: NEW; Lorazepam: 0.5 mg SL q4h prn: NEW;
    Donepezil: 10 mg nightly: STOPPED"""
CASES = [dict(c, dispo=c["dispo"].split(), course=c["course"].split(" ;; "), meds=[tuple(m.split(": ")) for m in c["meds"]
         .split("; ")]) for c in (dict(zip(CASE_KEYS, t.split(" ~ "))) for t in " ".join(CASE_TXT.split()).split(" == "))]


# ---------------------------------------------------------------- persona, slots and shared sections
ROLES = ("att", "pcp", "cons", "anes", "res", "snfmd", "fellow")
FKINDS = ("snf", "rehab", "ltach", "al", "hospice", "hha", "dial", "pharm", "lab", "img", "ems")
FACS = ("H", "osh", "osh2", "pcp_prac", "sys", "spec_prac", "spec2") + FKINDS

MAIL = {"UK": ["btinternet.com", "gmail.com"], "CA": ["sympatico.ca", "gmail.com"]}

def persona(pi):
    region, case, sex = ch(["US"] * 7 + ["UK", "CA"]), CASES[pi % len(CASES)], ch("MF")
    p, d_adm = person(sex), dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1100))
    age = ch([rng.randint(90, 103), rng.randint(90, 97), rng.randint(40, 89), rng.randint(55, 89), rng.randint(60, 89)])
    reg, rels = {"US": ch(STATES), "CA": ch(PROVINCES)}.get(region, ""), []
    for rw in rng.sample(REL_M + REL_F, 3):
        kin = rw in ("son", "daughter", "husband", "wife", "brother", "sister") and rng.random() < 0.6
        sx = None if rw in ("partner", "friend") else "M" if rw in REL_M else "F"
        rels.append(dict(person(sx, p["last"] if kin else None), rw=rw, phone=phone(region)))
    hk, M = f"hosp_{region}", sex == "M"
    P = dict(p, region=region, case=case, age=age, d_adm=d_adm, d_osh=plus(d_adm, -2, 0), los=rng.randint(3, 16), rels=rels,
             mrn=num_id(["", "00", "MR", "E"], 7, 8), acct=num_id(["", "A", "V", "00"], 8, 10), sx=sex,
             dob=dt.date(d_adm.year - age, rng.randint(1, 12), rng.randint(1, 28)), dispo=ch(case["dispo"]),
             addr={"street": street(), "town": town(), "zip": postcode(region), "reg": reg}, he="he" if M else "she",
             his="his" if M else "her", him="him" if M else "her", man="man" if M else "woman",
             title="Mr." if M else ch(["Ms.", "Mrs."]), H=make_fac(hk), osh=make_fac(hk), osh2=make_fac(hk),
             pcp_prac=make_fac(f"pcp_{region}"), sys=make_fac("sys"), spec_prac=make_fac("spec", ch(SPECS[case["spec"]])),
             spec2=make_fac("spec", ch(SPECS[ch(list(SPECS))])), **{k: make_fac(k) for k in FKINDS},
             nhs=f"{rng.randint(400, 499)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}" if region == "UK" else
             f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}-{ch(['AB', 'KM', 'XT'])}",
             email=f"{re.sub('[^a-z]', '', p['first'].lower())}{ch(['.', '_', ''])}{re.sub('[^a-z]', '', p['last'].lower())}"
                   f"{rng.randint(1, 99)}@{ch(MAIL.get(region, ['gmail.com', 'aol.com', 'yahoo.com']))}")
    P.update(zip(ROLES, rng.sample([c for c in STAFF if c["cred"] not in ("NP", "PA-C")], len(ROLES))),
             esrd="ESRD" in case["dx"], num="z" if region == "UK" else "a", numy="uv" if region == "UK" else "eca")
    for k in FACS:  # facilities near the patient: the same state or province, mostly
        P[k]["addr"].update(zip=postcode(region), reg=reg if rng.random() < 0.8 else reg and ch(STATES + PROVINCES))
        P[k]["phone"], P[k]["fax"] = phone(region), phone(region)
    P.update(surg=P["cons"], post=P[{"home": "hha"}.get(P["dispo"], P["dispo"])], prior=P["al"] if P["dispo"] == "al" else
             None, d_proc=plus(d_adm, 0, min(3, P["los"] - 1)), d_dc=d_adm + dt.timedelta(days=P["los"]))
    return P

def readmission(P):
    """A later stay at the outside hospital, for a second discharge summary."""
    Q = dict(P, H=P["osh2"], osh=P["H"], osh2=P["osh"], d_adm=plus(P["d_dc"], 10, 60), att=ch(STAFF), res=ch(STAFF),
             readmit=True)
    Q.update(d_dc=plus(Q["d_adm"], 2, 9), d_proc=Q["d_adm"], d_osh=Q["d_adm"])
    return dict(Q, los=(Q["d_dc"] - Q["d_adm"]).days)

def pt(P, form=None):
    F, L = P["first"], P["last"]
    form = form or ch(["FL", "FL", "tL", "F", "tL", "LF"])
    if form in ("LF", "U"):
        return [(L.upper() if form == "U" else L, "PATIENT"), (", ", None), (F.upper() if form == "U" else F, "PATIENT")]
    if form == "tL":
        return [(P["title"] + " ", None), (L, "PATIENT")]
    return S({"FL": f"{F} {L}", "F": F}[form], "PATIENT")

def slots(P, d):
    """Every slot a template may use; callables draw afresh at each use."""
    r1, r2, r3 = P["rels"]
    uk, reg, LOC = P["region"] == "UK", P["region"], "LOCATION"
    full_, short_ = (UK_FULL, UK_SHORT) if uk else (US_FULL, US_SHORT)
    K = {"he": P["he"], "He": P["he"].capitalize(), "his": P["his"], "His": P["his"].capitalize(), "him": P["him"],
         "man": P["man"], "pt": lambda: pt(P), "ptF": lambda: pt(P, "FL"), "ptL": lambda: pt(P, "tL"), "sx": P["sx"],
         "ptLF": lambda: pt(P, ch(["LF", "LF", "U"])), "age": S(P["age"], "AGE" if P["age"] > 89 else None),
         "doc": lambda: doc(uk=uk), "nurse": nurse, "pager": pager, "time": clock, "chk": lambda: ch(["[X]", "[ ]", "[ ]"]),
         "r": lambda: relphrase(P, r1), "rr": lambda: relphrase(P, r2), "r3": lambda: relphrase(P, r3),
         "rn": lambda: relname(r1), "rw": r1["rw"], "rph": r1["phone"], "hcp": lambda: proxy(P, r1),
         "nok": lambda: proxy(P, r2), "town": lambda: S(recase(P["addr"]["town"], 0.1, 0.15), LOC),
         "town2": lambda: S(recase(town(), 0.1, 0.15), LOC), "county": lambda: S(county(), LOC),
         "st": lambda: S(street(False), LOC), "addr": lambda: address(P["addr"], reg, multi=False), "state": ch(STATE_NAMES),
         "today": lambda: D(d, full_), "adm": lambda: D(P["d_adm"], full_), "dc": lambda: D(P["d_dc"], full_),
         "adm_s": lambda: D(P["d_adm"], short_), "dc_s": lambda: D(P["d_dc"], short_), "osh_d": lambda: D(P["d_osh"], short_),
         "proc_d": lambda: D(P["d_proc"], short_ + full_), "dob": lambda: D(P["dob"], "cbjpe" if not uk else "uks"),
         "past": lambda: D(plus(d, -400, -30), full_ + short_), "fut": lambda: D(plus(d, 5, 40), full_ + short_),
         "soon": lambda: D(plus(d, 1, 6), short_), "hd": lambda: D(plus(P["d_adm"], 1, P["los"]), short_),
         "range": bind(drange, plus(d, -200, -40), P["num"]),
         "yr": lambda: S(rng.randint(1985, d.year - 1), "YEAR"), "phone": lambda: phone(reg), "los": str(P["los"]),
         "mrn": S(P["mrn"], "ID"), "acct": S(P["acct"], "ID"), "nhs": S(P["nhs"], "ID"), "email": S(P["email"], "EMAIL"),
         "clin": lambda: ch(CLIN), "clin2": lambda: ch(CLIN), "vit": lambda: ch(VIT), "labv": lambda: ch(LABV),
         "pmh": lambda: R(P["case"]["pmh"], yr=S(rng.randint(1995, 2019), "YEAR")), "ward": ch(["7B", "AMU", "CCU"]),
         "tref": lambda: S(num_id(["TC", "T-", ""], 5, 7), "ID"), "priorn": bind(fac, P["prior"]) if P["prior"] else "home",
         "acc": lambda: S(f"{ch(['S', 'SP', 'CT', 'M'])}{d.year % 100}-{rng.randint(100, 99999)}", "ID")}
    K.update({k: P["case"][k] for k in ("dx", "svc", "cc", "proc")})
    for k in ROLES + ("surg",):
        K[k], K[k + "F"] = bind(doc, P[k], uk=uk), bind(full, P[k])
    for k in FACS + ("post",):
        F = P[k]
        K.update({k: bind(fac, F), k + "n": bind(fac_name, F), k + "b": bind(fac_bare, F), k + "p": bind(fac_poss, F),
                  k + "i": bind(fac_paren, F), k + "d": bind(fac_dept, F), k + "ph": F["phone"], k + "fx": F["fax"],
                  k + "a": bind(address, F["addr"], reg, multi=False)})
    return K

def bind(f, *a, **kw):
    """A slot that calls f afresh at each use."""
    return lambda: f(*a, **kw)

def form(spec, K, width=40):
    """A form or header block: one line per row, " ~ " between columns."""
    return [s for ln in spec.strip().split("\n") for s in cols(*[R(c.strip(), **K) for c in ln.split(" ~ ")],
                                                                width=(width,))]

HDR = {"cols": """PATIENT: {ptLF} ~ MRN: {mrn}
    DOB: {dob}   AGE: {age}   SEX: {sx} ~ ACCT #: {acct}
    ADMIT DATE: {adm} ~ DISCHARGE DATE: {dc}
    ATTENDING: {attF} ~ SERVICE: {svc}
    PCP: {pcpF}, {pcp_pracn}  Ph {pcp_pracph}  Fax {pcp_pracfx}""",
       "list": """Name: {pt} ~ Medical Record #: {mrn}
    Date of Birth: {dob} ~ Account: {acct}
    Date of Admission: {adm} ~ Date of Discharge: {dc}
    Length of Stay: {los} days ~ Admitting Physician: {resF}
    Discharging Attending: {attF} ~ Primary Care: {pcp} ({pcp_prac})
    Referring/Transferring Facility: {oshi}""",
       "uk": """Hospital No: {mrn}   NHS No: {nhs}
    Patient: {ptLF}   DOB: {dob}
    Date admitted: {adm}   Date discharged: {dc}
    Consultant: {att}   Ward: {ward}
    GP: {pcp}, {pcp_pracn}, {pcp_praca}"""}
HPI = pool("""{ptF} is a {age}-year-old {man} with {pmh} who presented to {oshd} on {osh_d} with {cc}. | {ptL} is a {age}
    y/o {man} with a history of {pmh}, who was in {his} usual state of health until {osh_d}, when {he} developed {cc} and
    was taken by {ems} to {oshb}. | This {age} yo {man} ({pmh}) was brought from {priorn} by {ems} with {cc}; {he} was first
    evaluated at {oshp}. | {ptF}, a {age}-year-old {man} followed by {pcp} at {pcp_prac}, presented with {cc} to {oshi} on
    {osh_d}.""")
HPI2 = pool("""At {oshb}, {clin}; {clin2}. {He} was accepted in transfer by {att} and arrived on {adm_s}. | Outside imaging
    from {img} was reviewed. {He} was transferred to {H} for {svc} evaluation not available at {oshb}. | Per {r}, {he} had
    been declining for about a week at home in {town}. | {He} was seen by {pcp} at {pcp_prac} on {past} for similar
    symptoms. | Records from {osh2} (admission {past}) were requested. | {He} last saw {spec_prac} in {yr}. | Transfer
    center reference # {tref}; report called to {res} at {pager}. | {He} had returned from a month in {state} a week
    earlier. | Hospitalized {range} at {osh2b} for a similar episode. | {He} lives alone on {st} in rural {county}. |
    Collateral from {r3}, who lives in {town2}. | {He} was last seen at {Hd} on {past}.""")
DISPO = pool("""home> Discharged home to {addr} with services from {hhan} (SN, PT, OT); SOC visit {soon}. | home> Home with
    {hha}; lives with {r} in {town}. Agency phone {hhaph}. | snf> Discharged to {snfn} for short-term rehabilitation; report
    called to {nurse} at {snfph}. | snf> Transferred by {ems} to {snfi} in {town2}. Bed offered {soon}; accepted by {snfmd}.
    | snf> Skilled nursing facility: {snf} ({snfph}), Medicare Part A, 3-midnight stay met. | rehab> Acute inpatient
    rehabilitation at {rehabn}; admitting physiatrist {doc}. | rehab> Discharged to {rehabi} in {town2} for intensive
    PT/OT/SLP, 3 hours/day. | ltach> Transferred to {ltachn} (LTACH) for ventilator weaning and IV antibiotics, via {emsn}
    ALS. | ltach> Discharged to {ltachi}; accepting physician {doc}, RN report to {ltachph}. | al> Returned to {aln}
    (assisted living) with {hha} services. | al> Back to {alb} with 24/7 supervision and visiting nursing from {hhan}. |
    hospice> Discharged to the inpatient unit at {hospicen}; hospice physician {doc}. | hospice> Home with hospice
    ({hospicen}, {hospiceph}); DME delivered by {ems}.""")
PENDING = pool("""Blood cultures from {hd} -- no growth to date, final pending. | Surgical pathology, accession {acc},
    pending; will be forwarded to {surg} at {spec_prac}. | Outside records from {osh2} requested, not yet received. | Final
    MRI read from {imgn} pending; ordering provider {res}. | Send-out Quantiferon to {labn} ({labph}), result to {pcp}. | H.
    pylori biopsies (accession {acc}) pending. | Echo from {hd} formal read pending; preliminary EF 35-40%. | Thyroid
    studies drawn {hd}; will be called to {pcp_prac} ({pcp_pracph}).""")

def followup(P, K):
    out = S(ch(["FOLLOW-UP APPOINTMENTS:\n", "Follow-up:\n", "Appointments:\n"]))
    rows = [(full(P["pcp"]), P["pcp_prac"]), (full(P["cons"]), P["spec_prac"]), (doc(), P["spec2"]),
            (doc(P["surg"], "Dr. L"), P["H"])]
    for who, F in rng.sample(rows, rng.randint(2, 4)):
        when = D(plus(P["d_dc"], 3, 45), UK_FULL if P["region"] == "UK" else US_FULL) + S(f"  {rng.randint(8, 16)}:"
                                                                                        f"{ch(['00', '15', '30', '45'])}") \
            if rng.random() < 0.7 else S(ch(["in 1-2 weeks", "within 7 days", f"in {rng.randint(2, 6)} weeks"]))
        out += cols(when, who, *[fac(F, 0.7)] + ([F["phone"]] if rng.random() < 0.7 else []), width=(22, 26, 36)) \
            if rng.random() < 0.6 else R("- {who} at {f}, {w}. Phone {ph}.\n", who=who, f=fac(F), w=when, ph=F["phone"])
    return out

def medrec(P, K):
    out = S(ch(["DISCHARGE MEDICATIONS (reconciled):\n", "Medication Reconciliation at Discharge\n", "MEDICATIONS:\n"]))
    for row in [("Medication", "Dose/Route/Frequency", "Status")] + P["case"]["meds"]:
        out += cols(*[S(x) for x in row], width=(32, 34))
    return out + R(ch(["Prescriptions sent to {pharm}, {pharmph}.\n", "Pharmacy: {pharmn}, {pharma}\n",
                       "Meds to beds filled by outpatient pharmacy; refills at {pharm}.\n"]), **K)

def labtable(P):
    days = sorted({plus(P["d_adm"], 0, P["los"]) for _ in range(4)})
    out = S("Labs:\n") + cols(S(""), *[D(x, P["num"] * 2 + "xy"[P["region"] == "UK"]) for x in days], width=(10, 9))
    for name, lo, hi in [("Na", 128, 141), ("K", 3.2, 6.1), ("Cr", 0.7, 3.1), ("WBC", 4.0, 18.0), ("Hgb", 6.8, 13.9)]:
        out += cols(S(name), *[S(f"{rng.uniform(lo, hi):.{0 if name == 'Na' else 1}f}") for _ in days], width=(10, 9))
    return out

def signature(P, K):
    who, x = P["att"], rng.random()
    if x < 0.35:
        out = R("Electronically signed by {a} on {d} at {t}\n", a=full(who), d=K["dc"], t=clock())
    elif x < 0.7:
        out = R("Dictated by: {r} for {a}\nD: {d1} {t1}   T: {d2} {t2}   Job #: {j}\n", r=full(P["res"]), a=doc(who),
                d1=D(P["d_dc"], P["numy"]), t1=clock(), d2=D(plus(P["d_dc"], 0, 2), P["numy"]), t2=clock(),
                j=S(num_id(["", "J", "D"], 6, 8), "ID"))
    else:
        out = R("_____________________________\n{a}\n{role}, {H}\n{em}\n", a=full(who), H=fac_name(P["H"]),
                role=ch(["Attending Physician", "Hospitalist", "Consultant Physician"]),
                em=S(f"{who['first'][0].lower()}{re.sub('[^a-z]', '', who['last'].lower())}@"
                     f"{re.sub('[^a-z]', '', P['H']['town'].lower())}health.org", "EMAIL"))
    return out + R(ch(["cc: {pcpF}, {pcp_prac}\n", "cc: {cons} ({spec_prac})\n", "cc: {postn} - fax {postfx}\n"]), **K)


# ---------------------------------------------------------------- genres
DS_END = ["# Disposition: PT/OT recommended {dispo}; {r} agreeable. {clin}.", "# Code status: full code confirmed with {hcp}.",
          "# Goals of care: discussed with {r} and {rr}; {clin}."]

def discharge_summary(P, d, K):
    case, w, up = P["case"], rng.randint(70, 80), rng.random() < 0.5
    sec = lambda s: "\n" + (s.upper() if up else s.title()) + "\n"
    K.update(dispo={"al": "assisted living", "snf": "SNF"}.get(P["dispo"], P["dispo"]), surgL=doc(P["surg"], "Dr. L"))
    hdr = letterhead(P["H"], P["region"], P["sys"], ch([None, "Department of Medicine", "Hospital Medicine Service"])) + \
        S("\nDISCHARGE SUMMARY\n\n") + form(HDR[ch(["cols", "list", "uk"] if P["region"] == "UK" else ["cols", "list"])], K)
    out = ([(t.upper(), y) for t, y in hdr] if rng.random() < 0.25 else hdr) + \
        S(sec("Principal diagnosis:") + case["dx"].capitalize() + "\n" + sec("Procedures:"))
    out += R("None this admission; s/p {proc} ({past}, {surgL})\n" if P.get("readmit") else "{proc} ({proc_d}, {surgL})\n",
             **K) + S(sec("History of present illness:"))
    out += wrap(para(HPI, 1, K) + S(" ") + para(HPI2, rng.randint(2, 4), K), w) + S("\n" + sec("Hospital course:"))
    out += wrap(R("\n".join(case["course"] + [ch(DS_END)]) + "\n", **K), w) + (S("\n") + labtable(P) if up else [])
    out += S(sec("Condition at discharge:")) + R("Stable. {clin}; {clin2}.\n", **K) + S(sec("Discharge disposition:"))
    out += wrap(R(ch([t.split("> ")[1] for t in DISPO if t.startswith(P["dispo"] + ">")]), **K), w) + S("\n\n")
    out += followup(P, K) + S(sec("Pending results at discharge:") + "- ") + para(PENDING, 2, K, "\n- ") + S("\n\n")
    return out + medrec(P, K) + S("\n") + R(ch(["{hcp}\n", "Contacts: {hcp}; {nok}\n"]), **K) + S("\n") + signature(P, K)

TS_BODY = pool("""{ptF} ({age}{sx}) is being transferred from {Hn} to {osh2i} for {why}. | Accepting physician: {doc},
    {svc}; bed assignment via the {osh2b} transfer center ({osh2ph}), reference # {tref}. | Course here: {c1} | {c2} |
    Lines: R IJ CVC placed {hd}; Foley placed {hd}; PIV x2. | Code status: DNR/DNI per MOLST signed {past} with {hcp}. |
    Family: {r} was updated by phone ({rph}) and will meet {him} at {osh2b}. | Originally presented to {oshd} on {osh_d}
    before coming to us on {adm_s}. | Isolation: contact precautions (MRSA nares positive {hd}). | Last vitals: {vit}.""")

def transfer_summary(P, d, K):
    K["why"] = ch(["higher level of care", "ECMO evaluation", "neurosurgical evaluation", "a bed closer to family", "CRRT"])
    K["c1"], K["c2"] = R(P["case"]["course"][0], **K), R(P["case"]["course"][-1], **K)
    out = letterhead(P["H"], P["region"]) + R(ch(["\nINTERHOSPITAL TRANSFER SUMMARY\n", "\nTransfer Summary\n"]) +
                                              "Date of transfer: {today}  Time: {time}\nPatient: {pt}  MRN {mrn}  DOB {dob}\n"
                                              "Admitted: {adm}\n\n", **K)
    out += wrap(para(TS_BODY, rng.randint(5, 8), K, ch([" ", "\n\n"]), True), rng.randint(70, 80)) + S("\n\n") + labtable(P)
    return out + R("\nSending physician: {attF} {pager}\nReport given to {n} (receiving RN) at {osh2ph} by {nurse}\n",
                   n=nurse("F L"), **K)

IF_FORM = """Patient name: {ptLF} ~ DOB: {dob}
    MRN: {mrn} ~ Weight: {wt} kg
    Sending facility: {H} ~ Unit: {unit}
    Receiving facility: {dest} ~ Phone: {destph}
    Address: {desta}
    Sending physician: {att}   Accepting physician: {doc}
    Report called to: {nurse} at {time} ({phone})
    Transport: {ems}  {chk} ALS  {chk} BLS  {chk} CCT  {chk} wheelchair van   Unit #{wt}
    Reason for transfer: {why} ~ Diagnosis: {dx}
    Vitals at departure: {vit} ~ O2: {o2}   IV: {iv}   Isolation: {iso}
    Code status: {code}   HCP/NOK: {hcp}
    Documents sent: {chk} face sheet {chk} MAR {chk} H&P {chk} MOLST {chk} imaging CD from {img}
    Belongings: glasses, dentures (upper), cell phone; sent with {r}.
    Physician certification: the medical benefits of transfer outweigh the risks. Signed: {attF}  {today} {time}
    Patient/representative signature: {rn} ({rw})"""

def interfacility(P, d, K):
    dest = "post" if P["dispo"] in ("snf", "rehab", "ltach", "hospice") else "osh2"
    K.update(dest=K[dest], destph=K[dest + "ph"], desta=K[dest + "a"], wt=str(rng.randint(44, 130)),
             unit=ch(["4 West", "MICU", "ED bay 12", "5N"]), o2=ch(["RA", "2L NC", "trach collar 35%", "BiPAP 12/6"]),
             iv=ch(["saline lock", "PICC", "none"]), iso=ch(["none", "contact (MRSA)", "C. diff"]),
             code=ch(["Full code", "DNR/DNI", "DNR, OK to intubate"]), why=ch(["SNF placement", "patient/family request",
                                                                                "specialty care not available", "rehab"]))
    title = ch(["INTERFACILITY TRANSFER FORM", "PATIENT TRANSFER / EMTALA CERTIFICATION", "Inter-Facility Transfer Record"])
    return R(title + "\nDate: {today}   Time called: {time}   Time departed: {time}\n\n", **K) + form(IF_FORM, K, 46)

CO_HPI = pool("""Asked by {att} to see this {age}-year-old {man} with {pmh}, admitted {adm_s} with {dx}. | {ptF} was
    transferred from {oshb} on {adm_s}; outside records from {oshn} reviewed. | {He} is followed as an outpatient by {cons}
    at {spec_prac} and was last seen there {past}. | History obtained from the patient and {r}, as well as {osh2p} records.
    | Prior workup at {img} on {past}: {clin}. | {He} lives on {st} in {town} with {rr}.""")
CO_EXAM = pool("""Vitals: {vit}. | Gen: NAD, A&O x3. | CV: RRR, no JVD. | Abd: soft, Murphy sign negative, no rebound. |
    Neuro: CN II-XII intact, strength 4/5 in the RLE, Babinski downgoing bilaterally. | Ext: trace edema, Homans sign
    absent. | Skin: Braden score 14, stage 2 sacral ulcer.""")
CO_REC = pool("""{clin}. | Will follow daily; please page {fellow} ({pager}) with questions. | Obtain records from {osh2}. |
    Recommend outpatient follow-up with {spec_prac} in 2 weeks. | Discussed with {att}. | If transfer is needed, {osh2b} has
    accepted similar patients. | Repeat labs {soon}.""")

def consult(P, d, K):
    bullet = ch(["{}. ", "- ", "{}) "])
    out = (letterhead(P["H"], P["region"]) + S("\n") if rng.random() < 0.3 else []) + \
        R(ch(["{svc} CONSULTATION\n", "Consult Note - {svc}\n", "INPATIENT CONSULTATION ({svc})\n"]) + "Date of service: "
          "{today}\nPatient: {pt}  MRN: {mrn}  Room {rm}\nRequesting physician: {att}\nReason: {dx}\n\n",
          rm=f"{rng.randint(2, 9)}{rng.randint(10, 40)}-{ch('AB')}", **K)
    body = S("HPI: ") + para(CO_HPI, rng.randint(3, 5), K, lead=True) + S("\n\nExam: ") + para(CO_EXAM, 4, K, "\n") + \
        S("\n\nAssessment/Recommendations:\n") + [s for i, t in enumerate(rng.sample(CO_REC, 4)) for s in
                                                   S(bullet.format(i + 1)) + R(t, **K) + S("\n")]
    out += wrap(body, rng.randint(70, 80)) if rng.random() < 0.6 else body
    return out + R("\nThank you for this consult. Seen and discussed with {cons}.\n{f}, {svc} fellow, {pager}\n",
                   f=doc(P["fellow"], ch(["F L, cr", "F L", "Dr. F L"])), **K)

OP_FORM = """Patient: {ptLF} ~ MRN: {mrn}
    Date of procedure: {pdate} ~ Location: {H} {room}
    Surgeon: {surgF} ~ Assistant: {resF}
    Anesthesia: {an} by {anes}
    Preoperative diagnosis: {dx} ~ Postoperative diagnosis: same
    Procedure: {proc}"""

def op_note(P, d, K):
    K.update(pdate=D(P["d_proc"], UK_FULL if P["region"] == "UK" else US_FULL), room=ch(["OR 7", "IR suite 2", "Endo 3"]),
             an=ch(["General endotracheal", "MAC", "spinal", "local with sedation"]))
    out = S(ch(["OPERATIVE REPORT", "PROCEDURE NOTE", "Operative Note", "BRIEF OP NOTE / OPERATIVE REPORT"]) + "\n\n") + \
        form(OP_FORM, K, 44) + R("Indications: {ptL} is a {age}-year-old {man} admitted {adm_s} (transferred from {oshb}) "
                                 "with {cc}. Risks including bleeding, infection and damage to adjacent structures were "
                                 "discussed with the patient and {r}, who consented.\n\n", **K)
    out += wrap(R("Description: The patient was brought to the operating room, identified with two identifiers, and a "
                  "time-out was performed. {op} {clin}. Sponge and needle counts correct x2.", op=P["case"]["op"], **K),
                rng.randint(72, 80))
    return out + R("\n\nSpecimens: {sp}\nImplants: {imp}\nEBL: {ebl} mL   Fluids: {fl} mL LR\nComplications: none\n"
                   "Disposition: to PACU in stable condition; {r} updated in the family waiting room at {time}.\n\n"
                   "{surgF}\n{d} {time}\n", sp=R("to pathology ({lab}), accession {acc}", **K) if rng.random() < 0.6 else
                   "none", imp=R("see log; serial # {s}", s=S(num_id(["SN", "PJN"], 6, 8), "ID")) if rng.random() < 0.4
                   else "none", ebl=rng.randint(5, 400), fl=rng.randint(300, 2500), d=D(P["d_proc"], "cea"), **K)

LET_BODY = pool("""Thank you for referring {ptF}, whom I saw today in follow-up after {his} admission to {Hn} from {adm_s}
    to {dc_s} for {dx}. | {He} spent {n} weeks at {postn} afterwards and returned home to {town} on {past}. | Since
    discharge {he} has had no chest pain; {clin}. | {He} was seen once in {oshp} on {past} and released the same day. | {He}
    is accompanied today by {r}. | Labs drawn at {lab} on {past}: {labv}. | {His} imaging at {img} on {past} was reviewed. |
    Home nursing from {hha} ({hhaph}) continues twice weekly. | {He} now receives dialysis at {dial} on Monday, Wednesday
    and Friday. | I have asked {him} to return to {spec_prac} in {n} months, sooner if needed. | I would be grateful if you
    could check a BMP in 1 week and fax the result to {spec_pracfx}. | Please note {he} was briefly readmitted to {Hb} on
    {past}.""")

def clinic_letter(P, d, K):
    uk, sp = P["region"] == "UK", P["case"]["spec"]
    K.update(n=str(rng.randint(2, 6)), ref=S(num_id(["", "P"], 7, 9) if P["region"] == "US" else P["nhs"], "ID"),
             idl={"UK": "NHS No", "CA": "Health card"}.get(P["region"], "Our ref"),
             dear=doc(P["pcp"], "Dr L" if uk else ch(["Dr. L", "Dr L", "F L"])),
             role=ch([f"Consultant, {sp}", f"Attending Physician, {sp}", sp, f"Associate Professor of Medicine ({sp})"]),
             pcpa=address(P["pcp_prac"]["addr"], P["region"], True), meds="; ".join(f"{a} {b}" for a, b, _ in
                                                                                   P["case"]["meds"][:3]))
    out = letterhead(P["spec_prac"], P["region"]) + S("\n") + K["today"]() + \
        R("\n\n{pcpF}\n{pcp_pracn}\n{pcpa}\n\nRE: {ptLF}   DOB: {dob}   {idl}: {ref}\n", **K)
    out += R("Address: {addr}\n\nDear {dear},\n\n" if rng.random() < 0.5 else "\nDear {dear},\n\n", **K)
    body = [t for t in LET_BODY if ("{postn}" not in t or P["dispo"] != "home") and ("{dial}" not in t or P["esrd"])]
    out += wrap(para(body, rng.randint(5, 8), K, lead=True), rng.randint(72, 80))
    return out + R("\n\nMedications: {meds}.\nExamination: {clin}; {clin2}.\n\n" + ch(["Yours sincerely,", "Kind regards,",
                                                                                    "Sincerely,"]) +
                   "\n\n{consF}\n{role}\ncc: {ptF} ({email}); {doc}, {spec2}\n", **K)

SN_BODY = pool("""{ptF} is a {age}-year-old {man} admitted to {here} on {today} from {Hi} after a {los}-day stay for {dx}
    ({adm_s} - {dc_s}). | Before the hospitalization {he} lived at {prior} with {r}. | Transported by {ems}; arrived on a
    stretcher at {time}. | Hospital records reviewed, including the discharge summary by {att} and consult notes from
    {cons}. | Originally presented to {oshd} on {osh_d}. | PCP in the community is {pcp} of {pcp_prac}. | {clin}. | {clin2}.
    | Outpatient specialist: {cons} at {spec_prac}, appointment {fut}. | Dialysis continues at {dial} MWF, chair time 06:00;
    transport by {ems}. | Labs on admission sent to {lab}. | Pharmacy services from {pharm}.""")
SN_PLAN = pool("""PT/OT evaluation {soon}; goal return to {priorb}. | {hcp}. | Code status: MOLST reviewed, DNR/DNI,
    discussed with {r}. | Weekly weights; call the on-call provider at {phone} for gain > 3 lb. | Wound care per WOC nurse.
    | Follow-up appointments: {spec_prac} {fut}; {pcp} {fut}. | Hospice referral to {hospicen} if {he} declines further. |
    Family meeting planned {soon} with {rr}. | Other contacts: {r3}; {nok}. | Scripts to {pharmb}.""")

def snf_admission(P, d, K):
    here = P["post"] if P["dispo"] in ("snf", "rehab", "ltach") else P["snf"]
    prior = P["prior"] or ch([None, P["al"]])
    K.update(here=lambda: fac(here), priorb=(lambda: fac_bare(prior)) if prior else "home",
             prior=(lambda: R("{a} ({t})", a=fac(prior), t=K["town"])) if prior else (lambda: R("home, {addr},", **K)))
    out = letterhead(here, P["region"]) + R(ch(["\nADMISSION HISTORY AND PHYSICAL\n", "\nNursing Facility Admission Note\n",
                                               "\nRehab Admission Evaluation\n"]) + "Resident: {pt}   Room {rm}\n"
                                            "Facility ID: {fid}   Hospital MRN: {mrn}\n\n", rm=str(rng.randint(101, 349)),
                                            fid=S(num_id(["R", ""], 5, 7), "ID"), **K)
    body = para([t for t in SN_BODY if "{dial}" not in t or P["esrd"]], rng.randint(6, 9), K, lead=True)
    out += wrap(body, rng.randint(70, 80)) + S("\n\nPlan:\n* ") + para(SN_PLAN, 5, K, "\n* ")
    return out + R("\n\n{snfmdF}\nAttending physician, {f}\n", f=fac_name(here), **K)

ORDER = {g: i for i, g in enumerate(("consult", "op_note", "transfer_summary", "interfacility", "discharge_summary",
                                     "snf_admission", "clinic_letter"))}
MAKERS = {g: globals()[g] for g in ORDER}
CASING = {g: ["upper"] * 4 + [None] * 6 if g == "interfacility" else ["upper"] * 2 + ["lower"] + [None] * 17 for g in ORDER}
EXTRA = ("consult", "op_note", "transfer_summary", "interfacility", "snf_admission", "clinic_letter")
DAY = {"consult": lambda P: plus(P["d_adm"], 0, 2), "op_note": lambda P: P["d_proc"],
       "clinic_letter": lambda P: plus(P["d_dc"], 20, 60)}  # every other genre is written on the day of discharge

def check(row):
    """The shared checks; spans on word boundaries (an age may touch "F"/"yo"), no state or country, no age under 90."""
    check_spans(row)
    text, bad = row["text"], {x.upper() for x in STATES + PROVINCES + STATE_NAMES}
    for s in row["spans"]:
        a, b = s["start"], s["end"]
        ok_left = a == 0 or not text[a - 1].isalnum() or (s["type"] == "PHONE" and text[a - 1] in "xX")
        assert ok_left and (b == len(text) or not text[b].isalnum() or s["type"] == "AGE"), (row["id"], s)
        assert s["type"] not in ("LOCATION", "FACILITY") or s["text"].upper() not in bad, (row["id"], s)
        assert s["type"] != "AGE" or int(s["text"]) > 89, (row["id"], s)

def main():
    counts, rows = Counter(), []
    for pi in range(1, N_PATIENTS + 1):
        P = persona(pi)
        genres = ["discharge_summary"] * (2 if rng.random() < 0.45 else 1)
        for _ in range(rng.randint(2, 4)):
            genres.append(min([g for g in EXTRA if g not in genres], key=lambda g: (counts[g], rng.random())))
        counts.update(genres)
        genres.sort(key=lambda g: (ORDER[g], rng.random()))
        for j, g in enumerate(genres):
            Pg = readmission(P) if g == "discharge_summary" and j != genres.index(g) else P
            day = DAY.get(g, lambda P: P["d_dc"])(Pg)
            text, spans = assemble(MAKERS[g](Pg, day, slots(Pg, day)), ch(CASING[g]))
            row = {"id": f"dev6-{len(rows) + 1:04d}", "patient": f"dev6-p{pi:03d}", "genre": g, "text": text, "spans": spans}
            check(row)
            rows.append(row)
    assert len({r["text"] for r in rows}) == len(rows), "duplicate texts"
    assert 130 <= len(rows) <= 170 and len({r["patient"] for r in rows}) == N_PATIENTS, len(rows)
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="ascii")
    kinds = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{OUT.name}: {len(rows)} notes, {len({r['patient'] for r in rows})} patients")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", dict(kinds.most_common()), "across a line break:", sum("\n" in s["text"] for r in rows for s in r["spans"]))

if __name__ == "__main__":
    main()
