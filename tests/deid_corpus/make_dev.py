"""Deterministic generator of the dev split: synthetic clinical records with gold PHI spans.

Run from the repository root:  python -m tests.deid_corpus.make_dev

Everything is invented (faker, seeded): no real person. Each patient is one record of 4 to 8 notes
in eight genres; the same patient, relatives, clinicians, facilities and towns recur across the
notes in varied forms and cases. A note is built by rendering small templates piece by piece, so
each gold span's offsets are recorded as the text is written (never searched for afterwards).

Template language: "{KEY}" is a placeholder; UPPER-CASE keys are PHI (rendered as labelled spans,
sometimes with unlabelled cue words such as "Dr. " or "pager #"), lower-case keys are clinical
look-alikes that must stay unlabelled (blood pressures, vent settings, labs, times, drugs...).
"""

from __future__ import annotations

import json
import random
import string
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from faker import Faker

SEED = 730_411
N_PATIENTS = 60
HERE = Path(__file__).resolve().parent
OUT = HERE / "dev.jsonl"
GENRES = ("nursing_caps", "nursing_lower", "signout", "telephone", "social_work", "discharge", "radiology", "pathology")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
STOP_ABBR = {"ICU", "CCU", "MRN", "PCP", "ED", "OR", "MICU", "SICU", "CVICU", "ABG", "BMP", "CBC", "CXR", "NPO", "VNA", "HCP", "DNR", "SNF", "ETT", "PEG", "TPN"}


# ---------------------------------------------------------------------------------------------
# text builder


class Builder:
    """Concatenates pieces and records the offsets of labelled ones."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[list] = []
        self.n = 0

    def add(self, text: str, typ: str | None = None) -> None:
        if typ and text:
            self.spans.append([self.n, self.n + len(text), typ])
        self.parts.append(text)
        self.n += len(text)

    def segs(self, segs: list[tuple[str, str | None]]) -> None:
        for text, typ in segs:
            self.add(text, typ)

    def pad_to(self, start: int, width: int) -> None:
        self.add(" " * max(1, width - (self.n - start)))

    def text(self) -> str:
        return "".join(self.parts)


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:].lower()


def vcase(rng: random.Random, s: str, p_lower: float = 0.2, p_upper: float = 0.12, p_cap: float = 0.05) -> str:
    r = rng.random()
    if r < p_lower:
        return s.lower()
    if r < p_lower + p_upper:
        return s.upper()
    if r < p_lower + p_upper + p_cap:
        return " ".join(cap(w) for w in s.split(" "))
    return s


# ---------------------------------------------------------------------------------------------
# the world: facilities, towns, clinicians, patients

SAINTS = ["Agnes", "Luke", "Vincent", "Joseph", "Elizabeth", "Anne", "Francis", "Jude", "Clare", "Margaret", "Raphael", "Catherine", "Brendan", "Monica"]
LOCAL_A = ["ridge", "oak", "brook", "pine", "cedar", "maple", "willow", "stone", "clear", "fair", "green", "high", "lake", "birch", "glen", "hazel"]
LOCAL_B = ["mont", "crest", "view", "field", "haven", "wood", "dale", "moor", "gate", "stead"]
APOS = ["Brien", "Dwyer", "Neill", "Connor", "Leary", "Malley", "Hara", "Toole", "Donnell", "Sullivan"]
DAPOS = ["Angelo", "Amico", "Arcy", "Agostino", "Souza", "Alessandro"]
NICK = {"Robert": "Bobby", "William": "Bill", "James": "Jim", "John": "Jack", "Richard": "Dick", "Michael": "Mike", "Joseph": "Joe",
        "Thomas": "Tom", "Charles": "Chuck", "Margaret": "Peggy", "Elizabeth": "Betty", "Patricia": "Pat", "Jennifer": "Jen",
        "Katherine": "Kay", "Catherine": "Cathy", "Susan": "Sue", "Deborah": "Debbie", "Edward": "Ted", "Anthony": "Tony",
        "Daniel": "Danny", "Christopher": "Chris", "Francis": "Frank", "Dorothy": "Dot", "Barbara": "Barb", "Kenneth": "Ken",
        "Donald": "Don", "Ronald": "Ron", "Gerald": "Jerry", "Lawrence": "Larry", "Samuel": "Sam", "Rebecca": "Becky",
        "Theresa": "Terry", "Virginia": "Ginny", "Eleanor": "Ellie", "Gregory": "Greg", "Timothy": "Tim", "Matthew": "Matt"}
AREAS = ["617", "781", "508", "978", "410", "443", "401", "603", "413", "774", "857", "339"]


class World:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fk = Faker("en_US")
        self.fk.seed_instance(seed)
        self.used_names: set[str] = set()
        self.towns = self._towns(44)
        self.facilities = self._facilities()
        self.clinicians = [self._clinician(role) for role in ["MD"] * 70 + ["RN"] * 55 + ["NP"] * 10 + ["PA"] * 6 + ["SW"] * 8
                           + ["PT"] * 8 + ["OT"] * 4 + ["RT"] * 6 + ["CM"] * 6 + ["RAD"] * 9 + ["PATH"] * 7]

    # names ------------------------------------------------------------------------------------
    def last_name(self) -> str:
        r = self.rng.random()
        if r < 0.08:
            return "O'" + self.rng.choice(APOS)
        if r < 0.12:
            return "D'" + self.rng.choice(DAPOS)
        if r < 0.22:
            return f"{self.fk.last_name()}-{self.fk.last_name()}"
        if r < 0.25:
            return "Mc" + cap(self.fk.last_name())
        return self.fk.last_name()

    def first_name(self, sex: str) -> str:
        return self.fk.first_name_male() if sex == "M" else self.fk.first_name_female()

    def phone(self) -> str:
        area, ex, num = self.rng.choice(AREAS), str(self.rng.randint(201, 989)), f"{self.rng.randint(0, 9999):04d}"
        if self.rng.random() < 0.35:
            ex = "555"
        return self.rng.choice([f"{area}-{ex}-{num}", f"({area}) {ex}-{num}", f"{area}.{ex}.{num}", f"{area} {ex} {num}",
                                f"({area}){ex}-{num}", f"{area}{ex}{num}", f"{ex}-{num}", f"({area}) {ex} {num}{self.rng.randint(0, 9)}"])

    # places -----------------------------------------------------------------------------------
    def _towns(self, n: int) -> list[dict]:
        towns, seen = [], set()
        while len(towns) < n:
            city = self.fk.city()
            if city in seen or not city.isascii():
                continue
            seen.add(city)
            towns.append({"name": city, "street": self.fk.street_address(), "zip": self.fk.zipcode(),
                          "street_name": self.fk.street_name()})
        return towns

    def _abbr(self, words: list[str], tail: str) -> str:
        a = "".join(w[0].upper() for w in words if w[:1].isalpha()) + tail
        return a

    def _facilities(self) -> list[dict]:
        facs, abbrs = [], set()
        kinds = ["medctr", "rehab", "manor", "saint", "general", "memorial", "local", "clinic", "rehab", "local"] * 4
        saints = self.rng.sample(SAINTS, len(SAINTS))
        for i, kind in enumerate(kinds):
            city = self.fk.city().split()[-1] if self.rng.random() < 0.5 else self.fk.city()
            last = self.fk.last_name()
            abbr = None
            if kind == "medctr":
                name, forms, care = f"{city} Medical Center", [f"{city} Medical Center", f"{city} Med Ctr", city], "hosp"
                abbr = self._abbr(city.split(), "MC")
            elif kind == "rehab":
                base = city if self.rng.random() < 0.5 else last
                name, forms, care = f"{base} Rehabilitation Center", [f"{base} Rehab", f"{base} Rehabilitation Center", f"{base} rehab"], "rehab"
            elif kind == "manor":
                name = f"{last} {self.rng.choice(['Manor', 'House', 'Nursing Home', 'Skilled Nursing'])}"
                forms, care = [name, f"{last} Manor" if "Manor" in name else name, last], "rehab"
            elif kind == "saint":
                s = saints[i % len(saints)]
                name, forms, care = f"St. {s}'s Hospital", [f"St. {s}", f"Saint {s}", f"St. {s}'s", f"St {s}"], "hosp"
                abbr = f"S{s[0]}H"
            elif kind == "general":
                name, forms, care = f"{city} General Hospital", [f"{city} General", f"{city} General Hospital"], "hosp"
                abbr = self._abbr(city.split(), "GH")
            elif kind == "memorial":
                name, forms, care = f"{last} Memorial Hospital", [f"{last} Memorial", f"{last} Memorial Hospital"], "hosp"
                abbr = f"{last[0]}{self.rng.choice('NSEWB')}MH"
            elif kind == "local":
                w = self.rng.choice(LOCAL_A) + self.rng.choice(LOCAL_B)
                name = f"{cap(w)} {self.rng.choice(['Care Center', 'Healthcare', 'Hospital', 'Rehab'])}"
                forms, care = [cap(w), name, w], ("hosp" if "Hospital" in name else "rehab")
            else:
                name = f"{last} {self.rng.choice(['Family Health Center', 'Community Health Center', 'Medical Associates'])}"
                forms, care = [name, f"{last} Health", f"{last} clinic"], "clinic"
                abbr = self._abbr(name.split(), "")
            if abbr and (abbr in abbrs or abbr in STOP_ABBR or len(abbr) < 3):
                abbr = None
            if abbr:
                abbrs.add(abbr)
                forms.append(abbr)
            facs.append({"name": name, "forms": forms, "abbr": abbr, "care": care})
        return facs

    # people -----------------------------------------------------------------------------------
    def _clinician(self, role: str) -> dict:
        sex = self.rng.choice("MF")
        while True:
            first, last = self.first_name(sex), self.last_name()
            if f"{first} {last}" not in self.used_names:
                break
        self.used_names.add(f"{first} {last}")
        return {"role": role, "first": first, "last": last, "pager": str(self.rng.randint(10000, 99999))}

    def pick(self, role: str, k: int) -> list[dict]:
        return self.rng.sample([c for c in self.clinicians if c["role"] == role], k)

    def patient(self, number: int) -> dict:
        rng = self.rng
        sex = rng.choice("MF")
        first, last = self.first_name(sex), self.last_name()
        age = rng.randint(90, 103) if rng.random() < 0.3 else rng.randint(34, 89)
        admit = date(rng.randint(2009, 2023), rng.randint(1, 12), rng.randint(1, 28))
        dob = admit - timedelta(days=age * 365 + rng.randint(1, 360))
        town = rng.choice(self.towns)
        rels = []
        spouse_sex = "F" if sex == "M" else "M"
        plan = [("wife" if sex == "M" else "husband", spouse_sex, last)] if rng.random() < 0.6 else []
        for _ in range(rng.randint(1, 2)):
            s = rng.choice("MF")
            child_last = last if rng.random() < 0.6 else self.last_name()
            plan.append(("daughter" if s == "F" else "son", s, child_last))
        extra = rng.choice([("sister", "F"), ("brother", "M"), ("niece", "F"), ("nephew", "M"), ("granddaughter", "F"), ("grandson", "M")])
        plan.append((extra[0], extra[1], last if rng.random() < 0.4 else self.last_name()))
        for rel, s, rl in plan:
            rels.append({"rel": rel, "first": self.first_name(s), "last": rl, "phone": self.phone(),
                         "email": None})
        friend = {"rel": rng.choice(["friend", "neighbor", "roommate", "partner"]), "first": self.first_name(rng.choice("MF")),
                  "last": self.last_name(), "phone": self.phone(), "email": None}
        for r in rels + [friend]:
            r["email"] = f"{r['first'][0].lower()}{r['last'].lower().replace(chr(39), '')}{rng.randint(1, 99)}@{self.fk.free_email_domain()}"
        hosp = [f for f in self.facilities if f["care"] == "hosp"]
        return {
            "id": f"dev-p{number:03d}", "sex": sex, "first": first, "last": last, "nick": NICK.get(first),
            "age": age, "dob": dob, "admit": admit, "town": town, "town2": rng.choice(self.towns),
            "phone": self.phone(), "mrn": rng.choice([f"{rng.randint(1, 99999999):08d}", f"{rng.randint(1000000, 9999999)}",
                                                      f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"]),
            "acct": f"{rng.randint(10, 99)}{rng.randint(100000000, 999999999)}", "ssn": self.fk.ssn(),
            "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}{rng.randint(1, 99)}@{self.fk.free_email_domain()}",
            "rels": rels, "friend": friend,
            "home": rng.choice(hosp), "hosps": rng.sample(hosp, 3),
            "rehabs": rng.sample([f for f in self.facilities if f["care"] == "rehab"], 2),
            "clinic": rng.choice([f for f in self.facilities if f["care"] == "clinic"]),
            "mds": self.pick("MD", 5), "pcp": self.pick("MD", 1)[0], "cons": self.pick("MD", 3),
            "rns": self.pick("RN", 4), "np": self.pick(rng.choice(["NP", "PA"]), 1)[0], "sw": self.pick("SW", 1)[0],
            "pt": self.pick(rng.choice(["PT", "OT"]), 1)[0], "rt": self.pick("RT", 1)[0], "cm": self.pick("CM", 1)[0],
            "rad": self.pick("RAD", 2), "path": self.pick("PATH", 1)[0],
            "pacer": rng.random() < 0.3, "serial": f"{rng.choice(['PJN', 'RNG', 'BLT', 'KXR'])}{rng.randint(100000, 999999)}{rng.choice('HSR')}",
            "medicare": f"{rng.randint(1, 9)}{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{rng.randint(1, 9)}-"
                        f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{rng.randint(1, 9)}-"
                        f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{rng.randint(10, 99)}",
        }


# ---------------------------------------------------------------------------------------------
# clinical look-alikes (never labelled)


def lookalikes(rng: random.Random) -> dict:
    R, C = rng.randint, rng.choice
    return {
        "bp": lambda: C([f"{R(90, 110)}-{R(115, 150)}/{R(40, 55)}-{R(60, 80)}", f"{R(90, 160)}/{R(40, 90)}", f"{R(85, 100)}-{R(110, 130)}/{R(40, 50)}s"]),
        "sbp": lambda: C([f"{R(8, 10)}0S-{R(11, 14)}0S", f"{R(8, 10)}0s-{R(11, 13)}0s", f"{R(85, 100)}-{R(110, 140)}"]),
        "hr": lambda: C([f"{R(6, 11)}0s", f"{R(55, 120)}", f"{R(6, 9)}0-{R(10, 12)}0s"]),
        "rhythm": lambda: C(["SR", "NSR", "ST", "AF", "afib w/ RVR", "SB", "paced", "SR w/ occ PVCs"]),
        "rr": lambda: C([f"{R(12, 30)}", f"{R(1, 2)}0s", f"{R(14, 18)}-{R(20, 28)}"]),
        "sats": lambda: C([f"{R(88, 95)}-{R(96, 100)}", f"{R(90, 100)}"]),
        "vent": lambda: C([f"AC {R(12, 20)}/{C([400, 450, 500, 550])}/{R(5, 10)}/{C([40, 50, 60])}%", f"{R(12, 16)}X{C([450, 500])}X{C([40, 50])}",
                           f"CPAP {R(5, 8)}/PS {R(5, 15)}", f"PEEP {R(5, 12)}/PS {R(5, 12)}", f"SIMV {R(10, 14)}x{C([450, 500])}, PS {R(5, 10)}, FiO2 {C([0.4, 0.5])}"]),
        "o2": lambda: C(["2L NC", "4L nc", "40% face tent", "50% cool neb", "RA", "NRB", "high flow 40L/60%", "35% trach mask"]),
        "abg": lambda: f"7.{R(28, 45)}/{R(30, 60)}/{R(60, 140)}",
        "k": lambda: f"{R(30, 52) / 10:.1f}", "mg": lambda: f"{R(14, 26) / 10:.1f}", "hct": lambda: f"{R(210, 380) / 10:.1f}",
        "wbc": lambda: f"{R(30, 240) / 10:.1f}", "cr": lambda: f"{R(6, 38) / 10:.1f}", "bun": lambda: f"{R(8, 90)}", "inr": lambda: f"{R(10, 45) / 10:.1f}",
        "plt": lambda: f"{R(40, 400)}", "na": lambda: f"{R(126, 148)}", "fs": lambda: C([f"{R(70, 320)}", f"{R(1, 2)}00s", f"{R(110, 160)}-{R(170, 240)}"]),
        "temp": lambda: C(["102", "101.5", "100.4", "38.9", "39.2", "101.8", "99.6", "103"]),
        "gcs": lambda: C(["15", "14", "11T", "8", "3", "E3V4M6"]), "ciwa": lambda: f"{R(0, 24)}", "rass": lambda: C(["-1", "-2", "0", "+1", "-3"]),
        "pain": lambda: f"{R(0, 10)}", "strength": lambda: f"{R(3, 5)}/5", "uo": lambda: f"{R(2, 15)}0", "tf": lambda: f"{R(2, 7)}0",
        "time": lambda: C([f"{R(0, 23):02d}{C(['00', '15', '30', '45'])}", f"{R(1, 12)}{C(['am', 'pm', 'AM', 'PM', 'p', 'a'])}",
                           f"{R(0, 23)}:{C(['00', '10', '30', '45'])}", f"{R(1, 12)}:{C(['05', '30', '50'])} {C(['am', 'pm'])}"]),
        "shift": lambda: C(["0700-1900", "1900-0700", "7a-7p", "7P-7A", "0700-1500", "11p-7a", "3-11"]),
        "io": lambda: f"{R(800, 3500)}/{R(400, 2800)}", "lasix": lambda: C(["20", "40", "80", "10"]),
        "dose": lambda: C(["5/325", "10/325", "7.5/325", "2/0.5", "25/100"]),
        "drug": lambda: C(["vanco", "zosyn", "cefepime", "flagyl", "lasix", "heparin gtt", "coumadin", "lopressor", "amio", "ativan",
                           "haldol", "seroquel", "tylenol", "oxycodone", "dilaudid", "morphine", "protonix", "senna/colace", "Endo", "KCL",
                           "mag", "lovenox", "ceftriaxone", "levofloxacin", "insulin", "precedex", "zofran", "digoxin"]),
        "drip": lambda: C([f"levo @ {R(2, 20) / 100:.2f} mcg/kg/min", f"dopa {R(3, 15)} mcg/kg/min", f"neo {R(20, 200)} mcg/min",
                           f"propofol {R(10, 50)} mcg/kg/min", f"heparin gtt @ {R(8, 18)}00 units/hr", f"insulin gtt {R(1, 12)} u/hr",
                           f"nitro gtt {R(10, 200)} mcg/min", f"fentanyl {R(25, 200)} mcg/hr", f"esmolol {R(50, 200)} mcg/kg/min",
                           f"vaso 0.0{R(2, 4)} u/min", f"amio 1 mg/min", f"dilt gtt {R(5, 15)} mg/hr"]),
        "epon": lambda: C(["Foley", "Swan", "Dobhoff", "JP drain", "Hoyer lift", "Bair Hugger", "Pleur-evac", "Yankauer", "Miami J collar",
                           "Posey", "Ambu", "Doppler", "Holter", "Cheyne-Stokes breathing", "Kussmaul resps", "Babinski neg", "Trendelenburg",
                           "Murphy's sign neg", "Parkinson's", "Alzheimer's", "Crohn's flare", "Graves'", "Bell's palsy", "Glasgow"]),
        "proc": lambda: C(["EGD", "colonoscopy", "TEE", "cardiac cath", "PEG placement", "IR drainage", "bronch", "paracentesis", "thoracentesis",
                           "ERCP", "MRI brain", "CT A/P", "LP", "trach"]),
        "dx": lambda: C(["urosepsis", "CHF exacerbation", "COPD flare", "NSTEMI", "GI bleed", "aspiration PNA", "hip fx s/p ORIF", "DKA",
                         "ETOH withdrawal", "C diff colitis", "CVA w/ L hemiparesis", "SBO", "PE", "cellulitis", "AKI on CKD", "hyponatremia"]),
        "wkday": lambda: C(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "mon", "tues", "fri", "this weekend"]),
        "hday": lambda: f"{R(2, 21)}",
        "bed": lambda: C([f"{R(1, 24)}", f"{R(4, 12)}{C('ABCDEFS')}-{R(1, 30)}", f"MICU {R(1, 16)}", f"{R(500, 999)}{C('AB')}"]),
    }


# ---------------------------------------------------------------------------------------------
# rendering


class Ctx:
    """One note's PHI and look-alike vocabulary; `sentence()` resets the per-sentence choices."""

    def __init__(self, world: World, pt: dict, day: date, rng: random.Random) -> None:
        self.w, self.p, self.day, self.rng = world, pt, day, rng
        self.look = lookalikes(rng)
        self.cache: dict = {}
        pr = "he" if pt["sex"] == "M" else "she"
        self.plain = {"he": pr, "He": cap(pr), "his": "his" if pr == "he" else "her", "him": "him" if pr == "he" else "her",
                      "man": self.rng_pick(["man", "male", "gentleman", "M"]) if pr == "he" else self.rng_pick(["woman", "female", "lady", "F"]),
                      "mr": "Mr." if pr == "he" else self.rng_pick(["Mrs.", "Ms."]), "sx": "M" if pr == "he" else "F"}

    def rng_pick(self, seq):
        return self.rng.choice(seq)

    def sentence(self) -> None:
        self.cache = {}

    # dates ------------------------------------------------------------------------------------
    def near(self, lo: int = -12, hi: int = 6) -> date:
        return self.day + timedelta(days=self.rng.randint(lo, hi))

    def fmt(self, d: date, style: str) -> str:
        m, dd, y, C = d.month, d.day, d.year, self.rng.choice
        mon = MONTHS[m - 1]
        if style == "bare":
            return C([f"{m}/{dd}", f"{m}/{dd}", f"{m:02d}/{dd:02d}", f"{m}/{dd:02d}"])
        if style == "year":
            return C([f"{m}/{dd}/{y % 100:02d}", f"{m:02d}/{dd:02d}/{y}", f"{m}/{dd}/{y}", f"{y}-{m:02d}-{dd:02d}", f"{mon} {dd}, {y}",
                      f"{dd:02d}-{mon[:3].upper()}-{y}", f"{m:02d}/{dd:02d}/{y % 100:02d}", f"{mon[:3]} {dd} {y}"])
        return C([f"{mon[:3]} {dd}", f"{mon} {dd}", f"{mon} {ordinal(dd)}", f"{ordinal(dd)} of {mon}", f"{mon[:3]}. {dd}",
                  f"{mon[:3].upper()} {dd}", f"{dd} {mon}"])

    # names ------------------------------------------------------------------------------------
    def pt_form(self, form: str | None = None) -> list:
        p, rng = self.p, self.rng
        form = form or rng.choice(["title", "title", "last", "first", "full", "full", "lastfirst", "nick", "init"])
        if form == "nick" and not p["nick"]:
            form = "first"
        if form == "title":
            return [(self.plain["mr"] + " ", None), (vcase(rng, p["last"], 0.1, 0.1), "PATIENT")]
        if form == "last":
            return [(vcase(rng, p["last"]), "PATIENT")]
        if form == "first":
            return [(vcase(rng, p["first"]), "PATIENT")]
        if form == "nick":
            return [(vcase(rng, p["nick"]), "PATIENT")]
        if form == "init":
            return [(f"{p['first'][0]}. {p['last']}", "PATIENT")]
        if form == "lastfirst":
            up = rng.random() < 0.5
            a, b = (p["last"].upper(), p["first"].upper()) if up else (p["last"], p["first"])
            return [(a, "PATIENT"), (rng.choice([", ", ","]), None), (b, "PATIENT")]
        return [(vcase(rng, f"{p['first']} {p['last']}"), "PATIENT")]

    def rel(self, key: str = "rel") -> dict:
        if key not in self.cache:
            self.cache[key] = self.rng.choice(self.p["rels"]) if key == "rel" else self.p["friend"]
        return self.cache[key]

    def rel_form(self, r: dict, form: str | None = None) -> list:
        form = form or self.rng.choice(["first", "first", "first", "full", "full", "title"])
        if form == "first":
            return [(vcase(self.rng, r["first"], 0.35), "RELATIVE")]
        if form == "title" and r["rel"] in ("wife", "husband", "daughter", "son", "sister", "brother"):
            t = "Mr." if r["rel"] in ("husband", "son", "brother") else self.rng.choice(["Mrs.", "Ms."])
            return [(t + " ", None), (r["last"], "RELATIVE")]
        return [(vcase(self.rng, f"{r['first']} {r['last']}"), "RELATIVE")]

    def clin_form(self, c: dict, style: str | None = None) -> list:
        rng = self.rng
        role = c["role"]
        first, last = c["first"], c["last"]
        if style is None:
            style = {"MD": ["dr", "dr", "dr", "drfull", "sig", "init", "bare"], "RN": ["sig", "rncolon", "first", "full", "init"],
                     "NP": ["title", "title", "sig", "full"], "PA": ["title", "sig", "full"]}.get(role, ["sig", "full", "title", "first"])
            style = rng.choice(style)
        cred = {"MD": "MD", "RAD": "MD", "PATH": "MD", "RN": rng.choice(["RN", "RN", "BSN, RN"]), "NP": "NP", "PA": "PA-C", "SW": "LICSW",
                "PT": "PT, DPT", "OT": "OTR/L", "RT": "RRT", "CM": "RN, CM"}[role]
        short = {"NP": "np", "PA": "pa", "SW": "sw", "PT": "pt", "OT": "ot", "RT": "rt", "CM": "cm", "RN": "rn"}.get(role, "dr")
        if style == "dr" or (style == "title" and role in ("MD", "RAD", "PATH")):
            t = rng.choice(["Dr. ", "dr. ", "Dr ", "dr ", "DR. ", "DR ", "Dr. "])
            return [(t, None), (vcase(rng, last, 0.3, 0.15, 0.1), "CLINICIAN")]
        if style == "drfull":
            return [(rng.choice(["Dr. ", "dr ", "Dr "]), None), (vcase(rng, f"{first} {last}", 0.15, 0.1), "CLINICIAN")]
        if style == "title":
            return [(rng.choice([short + " ", short.upper() + " ", short + ". "]), None), (vcase(rng, last, 0.4, 0.1), "CLINICIAN")]
        if style == "sig":
            return [(vcase(rng, f"{first} {last}", 0.15, 0.15), "CLINICIAN"), (rng.choice([", ", " ", ", "]) + cred, None)]
        if style == "rncolon":
            return [(rng.choice(["RN: ", "rn: ", "RN - "]), None), (vcase(rng, f"{first[0]}. {last}", 0.2, 0.4), "CLINICIAN")]
        if style == "first":
            return [(vcase(rng, first, 0.3), "CLINICIAN")]
        if style == "init":
            return [(f"{first[0]}. {last}", "CLINICIAN"), ((", " + cred) if rng.random() < 0.6 else "", None)]
        if style == "bare":
            return [(vcase(rng, last, 0.3, 0.2), "CLINICIAN")]
        return [(vcase(rng, f"{first} {last}", 0.3, 0.1), "CLINICIAN")]

    def fac_form(self, f: dict) -> list:
        rng = self.rng
        s = rng.choice(f["forms"])
        if f["abbr"] and rng.random() < 0.25:
            s = f["abbr"]
        if s != f["abbr"]:
            s = vcase(rng, s, 0.35, 0.1)
        return [(s, "FACILITY")]

    def phone_seg(self, number: str) -> list:
        return [(number, "PHONE")]

    def pager(self, c: dict | None = None) -> list:
        rng = self.rng
        num = c["pager"] if c else str(rng.randint(10000, 99999))
        style = rng.randrange(6)
        if style == 0:
            return [("pager #", None), (num, "PHONE")]
        if style == 1:
            return [("pgr ", None), (num, "PHONE")]
        if style == 2:
            return [("beeper ", None), (f"{num[0]}-{num[1:]}", "PHONE")]
        if style == 3:
            return [("p", None), (num, "PHONE")]
        if style == 4:
            return [("(p) ", None), (num, "PHONE")]
        return [("pager ", None), (num, "PHONE")]

    def age(self, num_only: bool = False) -> list:
        a = self.p["age"]
        typ = "AGE" if a > 89 else None
        if num_only:
            return [(str(a), typ)]
        suffix = self.rng.choice([" yo", " y/o", "-year-old", "yo", " year old", " yr old", " YO", "-yo"])
        return [(str(a), typ), (suffix, None)]

    # dispatcher -------------------------------------------------------------------------------
    def resolve(self, key: str) -> list:
        p, rng, C = self.p, self.rng, self.rng.choice
        if key in self.plain:
            return [(self.plain[key], None)]
        if key in self.look:
            return [(self.look[key](), None)]
        if key == "PT":
            return self.pt_form()
        if key == "PTL":
            return self.pt_form("last")
        if key == "PTF":
            return self.pt_form(C(["first", "nick", "first"]))
        if key == "PTFULL":
            return self.pt_form("full")
        if key == "PTTITLE":
            return self.pt_form("title")
        if key == "PTLF":
            return self.pt_form("lastfirst")
        if key == "AGE":
            return self.age()
        if key == "AGENUM":
            return self.age(True)
        if key == "REL":
            return [(self.rel()["rel"], None)]
        if key == "RELN":
            return self.rel_form(self.rel())
        if key == "RELF":
            return self.rel_form(self.rel(), "first")
        if key == "RELFULL":
            return self.rel_form(self.rel(), "full")
        if key == "RELPH":
            return self.phone_seg(self.rel()["phone"])
        if key == "RELEMAIL":
            return [(self.rel()["email"], "EMAIL")]
        if key == "FRIEND":
            return self.rel_form(self.rel("friend"), C(["first", "full", "first"]))
        if key == "FRREL":
            return [(self.rel("friend")["rel"], None)]
        if key == "FRPH":
            return self.phone_seg(self.rel("friend")["phone"])
        if key == "RELAGE":
            a = rng.randint(90, 99) if rng.random() < 0.5 else rng.randint(55, 89)
            return [(str(a), "AGE" if a > 89 else None)]
        if key in ("DR", "DRF", "MDSIG"):
            if "md" not in self.cache:
                self.cache["md"] = C(p["mds"])
            return self.clin_form(self.cache["md"], {"DR": "dr", "DRF": "full", "MDSIG": "sig"}[key])
        if key == "DRB":
            others = [c for c in p["mds"] if c is not self.cache.get("md")]
            return self.clin_form(C(others), None)
        if key == "DRPG":
            if "md" not in self.cache:
                self.cache["md"] = C(p["mds"])
            return self.pager(self.cache["md"])
        if key == "CONS":
            return self.clin_form(C(p["cons"]), C(["dr", "dr", "drfull"]))
        if key == "PCP":
            return self.clin_form(p["pcp"], C(["dr", "drfull", "dr"]))
        if key == "RN":
            return self.clin_form(self.cache.setdefault("rn", C(p["rns"])))
        if key == "RNSIG":
            return self.clin_form(self.cache.setdefault("rn", C(p["rns"])), C(["sig", "sig", "rncolon", "init"]))
        if key == "NP":
            return self.clin_form(p["np"], C(["title", "title", "full"]))
        if key == "SW":
            return self.clin_form(p["sw"], C(["sig", "full", "title"]))
        if key == "PTH":
            return self.clin_form(p["pt"], C(["sig", "full", "title"]))
        if key == "RT":
            return self.clin_form(p["rt"], C(["sig", "first", "full"]))
        if key == "CM":
            return self.clin_form(p["cm"], C(["full", "first", "title"]))
        if key == "STAFF":
            c = C(p["rns"] + [p["rt"], p["cm"], p["np"]])
            return self.clin_form(c, C(["sig", "first", "full", "init"]))
        if key == "OTHERRN":
            return [(vcase(rng, C([c["first"] for c in self.w.clinicians if c["role"] == "RN"]), 0.4, 0.2), "CLINICIAN")]
        if key == "RAD":
            return self.clin_form(self.cache.setdefault("rad", C(p["rad"])), C(["dr", "drfull", "sig"]))
        if key == "RADSIG":
            return self.clin_form(self.cache.setdefault("rad", C(p["rad"])), "sig")
        if key == "PATH":
            return self.clin_form(p["path"], C(["sig", "sig", "drfull"]))
        if key == "D":
            return [(self.fmt(self.near(), "bare"), "DATE")]
        if key == "DY":
            return [(self.fmt(self.near(), "year"), "DATE")]
        if key == "DW":
            return [(self.fmt(self.near(-20, 20), "words"), "DATE")]
        if key == "DANY":
            return [(self.fmt(self.near(-40, 10), C(["bare", "year", "words"])), "DATE")]
        if key == "DTODAY":
            return [(self.fmt(self.day, C(["bare", "year", "year"])), "DATE")]
        if key == "DNEXT":
            return [(self.fmt(self.day + timedelta(days=rng.randint(3, 30)), C(["bare", "words", "year"])), "DATE")]
        if key == "DRANGE":
            a = self.near(-20, -3)
            b = a + timedelta(days=rng.randint(1, 9))
            sep = C(["-", " - ", " to ", "-"])
            return [(self.fmt(a, "bare"), "DATE"), (sep, None), (self.fmt(b, "bare"), "DATE")]
        if key == "DOB":
            return [(self.fmt(p["dob"], "year"), "DATE")]
        if key == "ADM":
            return [(self.fmt(p["admit"], "year"), "DATE")]
        if key == "DC":
            return [(self.fmt(self.cache.setdefault("dc", p["admit"] + timedelta(days=rng.randint(3, 19))), C(["year", "year", "bare"])), "DATE")]
        if key == "YEAR":
            return [(str(p["admit"].year - rng.randint(1, 30)), "YEAR")]
        if key == "HOME":
            return self.fac_form(p["home"])
        if key == "HOMEFULL":
            return [(p["home"]["name"], "FACILITY")]
        if key == "FACH":
            return self.fac_form(self.cache.setdefault("fh", C(p["hosps"])))
        if key == "FACR":
            return self.fac_form(self.cache.setdefault("fr", C(p["rehabs"])))
        if key == "FACC":
            return self.fac_form(p["clinic"])
        if key == "FAC":
            return self.fac_form(C(p["hosps"] + p["rehabs"] + [p["clinic"]]))
        if key == "TOWN":
            return [(vcase(rng, p["town"]["name"], 0.35, 0.1), "LOCATION")]
        if key == "TOWN2":
            return [(vcase(rng, p["town2"]["name"], 0.35, 0.1), "LOCATION")]
        if key == "STREET":
            return [(p["town"]["street"], "LOCATION")]
        if key == "STREETNAME":
            return [(vcase(rng, p["town2"]["street_name"], 0.3), "LOCATION")]
        if key == "ZIP":
            return [(p["town"]["zip"], "LOCATION")]
        if key == "PTPH":
            return self.phone_seg(p["phone"])
        if key == "PHONE":
            return self.phone_seg(self.w.phone())
        if key == "PAGER":
            return self.pager()
        if key == "EXT":
            n = str(rng.randint(1000, 9999))
            return C([[("x", None), (n, "PHONE")], [("ext ", None), (n, "PHONE")], [("x", None), (n[1:], "PHONE")], [("ext. ", None), (n, "PHONE")]])
        if key == "FAX":
            return self.phone_seg(self.w.phone())
        if key == "MRN":
            return [(p["mrn"], "ID")]
        if key == "ACCT":
            return [(p["acct"], "ID")]
        if key == "SSN":
            return [(C([p["ssn"], "xxx-xx-" + p["ssn"][-4:]]), "ID")]
        if key == "ACC":
            return [(C([f"RA-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}", f"CT{p['admit'].year % 100}-{rng.randint(1000, 99999):06d}",
                        f"A{rng.randint(1000000, 9999999)}", f"XR{rng.randint(100000, 999999)}"]), "ID")]
        if key == "PACC":
            return [(C([f"S{p['admit'].year % 100}-{rng.randint(1000, 99999)}", f"SP-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                        f"C{p['admit'].year % 100}-{rng.randint(100, 9999)}"]), "ID")]
        if key == "SERIAL":
            return [(p["serial"], "ID")]
        if key == "MEDICARE":
            return [(p["medicare"], "ID")]
        if key == "EMAIL":
            return [(p["email"], "EMAIL")]
        raise KeyError(key)


FMT = string.Formatter()


def render(b: Builder, ctx: Ctx, template: str) -> None:
    """Append one template; placeholders are resolved, labelled pieces recorded as spans."""
    ctx.sentence()
    for literal, field, _spec, _conv in FMT.parse(template):
        if literal:
            b.add(literal)
        if field is not None:
            b.segs(ctx.resolve(field))


def some(rng: random.Random, pool: list[str], lo: int, hi: int) -> list[str]:
    return rng.sample(pool, min(len(pool), rng.randint(lo, hi)))


# ---------------------------------------------------------------------------------------------
# nursing notes (one pool; the caps genre is upper-cased whole, the lower genre lower-cased)

NURSE = {
    "neuro": [
        "a&ox3, MAE, follows commands. GCS {gcs}.", "pt lethargic but arousable to voice, PERRL 3mm brisk, strength {strength} bilat uppers.",
        "sedated on propofol, RASS {rass}, CIWA {ciwa}, {drug} prn x1 for agitation.", "oriented to self only, reoriented frequently, {epon} in place.",
        "c/o HA, tylenol 650 given @ {time} w/ relief, pain {pain}/10.", "pt prefers to be called {PTF}. alert, calm, appropriate.",
        "CIWA {ciwa}-{ciwa}, ativan 1mg x2 overnight. no seizure activity.", "hx Parkinson's, tremor at baseline per {REL}.",
        "intermittently confused overnight, pulling at lines, mitts on, {DR} aware.", "GCS {gcs}, pupils equal, neuro checks q2h unchanged.",
    ],
    "cv": [
        "HR {hr} {rhythm}, BP {bp}. {drip}.", "SBP {sbp} on {drip}, weaned off at {time}.", "VT arrest {D} at which time pt shocked x1, now on amio gtt.",
        "K {k}, repleted w/ 40 meq KCL; Mg {mg} repleted. HCT {hct}.", "{epon} in place, CVP {rr}, CI {k}, SVR {plt}0.",
        "HR {hr} {rhythm}, lopressor 5 mg iv given per {DR}, BP {bp} after.", "BP labile {bp}, {DR} notified, no new orders at this time.",
        "afib w/ RVR to 140s at {time}, dilt 10 mg iv x1, rate now {hr}.", "+2 pedal edema, pulses palp, {epon} used for LE pulses.",
        "MAPs >65 on {drip}. {NP} aware, will wean as tol.",
    ],
    "resp": [
        "{vent}, sats {sats}%, LS coarse bilat, sx for thick tan secretions.", "extubated at {time} {D}, now on {o2}, sats {sats}%.",
        "trach to {o2}, RR {rr}, I:E 1:2, PEEP 5/PS 10 trial tolerated x2 hrs.", "ABG {abg}, vent changed to {vent} per {DR}.",
        "on {o2}, RR {rr}, LS clear upper, diminished bases. IS to 750.", "RT {RT} in to suction, CPT done, sats {sats}% after.",
        "SATS {sats}% ON {o2}, NO RESP DISTRESS.", "self extubated {D}, reintubated by {DR}, now {vent}.",
    ],
    "gi": [
        "abd soft, +BS, TF @ {tf} cc/hr via dobhoff, residuals <30. BM x1 guaiac neg.", "NPO after MN for {proc} w/ {CONS} in AM.",
        "LFTs trending down, lactulose 30 ml given, 2 loose BMs.", "tol clear liquids, advanced to cardiac diet, no n/v.",
        "OGT to LIWS, draining bilious {uo} cc this shift. protonix iv.", "c/o nausea, zofran 4 mg iv x1 w/ effect.",
    ],
    "gu": [
        "foley draining clear yellow urine {uo} cc/hr, lasix {lasix} mg iv @ {time} w/ good response. BUN/Cr {bun}/{cr}.",
        "voiding qs, I/O {io}.", "UO < 30 cc/hr x2 hrs, {DR} notified, 500 cc NS bolus given.", "foley dc'd {D}, DTV by {time}.",
        "CVVH running, net neg 100 cc/hr goal, K {k}.", "urine cloudy, UA/UCx sent, {drug} started.",
    ],
    "skin": [
        "stage 2 on coccyx, duoderm applied, turned q2h.", "skin intact, {epon} on for temp {temp}.", "R groin site c/d/i, no hematoma, pulses dop.",
        "sacral wound care per WOCN, mepilex changed.", "multiple ecchymoses on arms, skin tears dressed.",
    ],
    "id": [
        "Tmax {temp}, fever to {temp} {D}, pan cultured, started vanco/zosyn {D}. WBC {wbc}.", "abx dc'd after last dose {D}. afebrile.",
        "afebrile, WBC {wbc}, cont {drug} day #{hday}.", "on contact precautions for MRSA, {drug} per ID.", "blood cx from {D} NGTD.",
    ],
    "endo": [
        "FS {fs}, covered w/ RISS per protocol.", "insulin gtt off at {time}, FS {fs}, lantus 20u given.", "FS {fs}-{fs}, on SSI.",
    ],
    "social": [
        "{REL} {RELN} in to visit, updated by {DR}. {RELF} can be reached at {RELPH}.", "family in to visit, updated re plan of care.",
        "spoke w/ {REL}, {RELF}, who is HCP; DNR/DNI confirmed.", "{REL} {RELF} lives close, plans to visit {wkday}.",
        "{REL} called x2, questions answered. ({FRIEND} is on vaca, will call {REL} for updates)", "no family in today.",
        "{REL} at bedside most of shift, very supportive.", "{FRREL} {FRIEND} called, pt gave permission to share info.",
        "{REL} {RELFULL} ({RELPH}) requests call if any change.", "{REL} called, wants update from {DR} in AM.",
        "spoke w/ {REL}, {RELF}, re pt's cat; {FRIEND} feeding it.", "{REL} and family in to visit, tearful, SW paged.", "pt lives in {TOWN} w/ {REL}, {RELF} worried about stairs at home.",
        "{REL} {RELF} called, will come in after work.", "{REL} and {FRREL} ({FRIEND}) in, {RELF} asking about {FACR}.", "{REL} called for update, no name given.",
    ],
    "event": [
        "paged {DR} ({DRPG}) re BP {bp}, no new orders.", "{DR} notified of UO <30 cc/hr, 250cc bolus given.",
        "{STAFF} covering for break 1200-1230.", "pt seen {D} by {CONS}, recs appreciated.", "pt transferred from {FACH} {D} for further mgmt.",
        "d/w {DR}, ok to give {drug} now.", "{NP} aware of HCT {hct}, 1u PRBC ordered.", "per {DR} hold heparin gtt for {proc} at {time}.",
        "{OTHERRN} (float) assisted w/ turn and bath.", "FEVER TO {temp} {D} AT {time}, {DR} AWARE.", "pt fell {D} at {time}, no injury, {DR} in to eval.",
        "np {NP} and {DR} at bedside at {time}.", "CT head done at {time}, results per {DR} neg.", "per {DR} ok to advance diet.",
        "{DR} notified, {drug} ordered.", "{DR}, {drug} started for HR {hr}.", "{NP} aware.", "sent to {FACH} for {proc} at {time}, back at {time}.",
        "pt's valve replaced at {FACH} in {YEAR}, card on file: device serial {SERIAL}.", "on vanco {DRANGE}, now {drug}.",
        "paged {DRB}, returned page at {time}.", "{REL} called from cell {RELPH}, given update.", "CALL {PHONE} FOR {FACR} REPORT.",
        "report called to {STAFF} at {FACR}, call {PHONE} w/ questions.", "RT {RT} aware of sats {sats}% on {o2}.",
    ],
    "plan": [
        "cont to monitor, wean vent as tol, poss transfer to {FACR} when stable. {DR} aware.", "f/u AM labs, CXR in AM, call HO w/ SBP <90.",
        "dispo back to {FACR} vs home to {TOWN}, CM {CM} following.", "pt will be referred to {FACH} for {proc}.",
        "cont abx, wean O2, OOB to chair w/ PT {PTH}.", "family meeting {DNEXT} at {time} w/ {DR}, SW {SW}.", "plan to transfer to floor in AM.",
        "awaiting bed at {FACR}, screener to see pt {wkday}.", "d/c home to {TOWN} w/ VNA when cleared.", "home to {TOWN} in AM if stable.",
        "referred to {FACH} for {proc}, {DR} to call accepting MD.", "cont current plan, {DR} to see pt {wkday}. FAMILY AWARE.",
    ],
}
CAPS_HEAD = ["NURSING PROGRESS NOTE {shift}", "MICU NURSING NOTE {shift}", "RN SHIFT NOTE {DTODAY} {shift}", "NPN {shift}",
             "NSG NOTE {DTODAY}", "CCU NURSING PROGRESS NOTE", "NURSING ADMIT NOTE {DTODAY}"]
LOWER_HEAD = ["npn {shift}", "nsg note {DTODAY}", "rn note {shift}", "micu npn {DTODAY} {shift}", "nursing {shift}", "S/O: pt in bed {shift}"]
CAPS_INTRO = ["{AGE} {man} ADMITTED {D} WITH {dx}, TRANSFERRED FROM {FACH}.", "PT IS A {AGE} {man} W/ {dx}, DAY {hday} OF HOSPITAL STAY.",
              "{PTTITLE} IS A {AGE} {man} ADM FROM {FACR} WITH {dx}. FULL CODE.", "SEE FLOWSHEET FOR DETAILS. {dx}, HD #{hday}.",
              "{PT} ADMITTED THIS AM FROM ED WITH {dx}.", "PT REMAINS ON {vent}. THIS IS DAY {hday} OF HOSPITAL STAY."]
LOWER_INTRO = ["{AGE} {man} w/ {dx} adm {D} from {FACH}.", "pt is {AGE} {man} w/ {dx}, hd #{hday}.", "{PTTITLE} {AGE} w/ {dx}, tx'd from {FAC} {D}.",
               "see carevue for vs/labs. {dx}, day {hday} of hospital stay.", "pt {PT} received from ED at {time} w/ {dx}."]
SECTIONS = [("neuro", "NEURO"), ("cv", "CV"), ("resp", "RESP"), ("gi", "GI"), ("gu", "GU"), ("skin", "SKIN"), ("id", "ID"), ("endo", "ENDO"),
            ("social", "SOCIAL"), ("event", "EVENTS"), ("plan", "PLAN")]


def nursing(b: Builder, ctx: Ctx, caps: bool) -> None:
    rng = ctx.rng
    render(b, ctx, rng.choice(CAPS_HEAD if caps else LOWER_HEAD))
    b.add("\n")
    render(b, ctx, rng.choice(CAPS_INTRO if caps else LOWER_INTRO))
    b.add("\n" if rng.random() < 0.7 else " ")
    keep = [s for s in SECTIONS if s[0] in ("neuro", "cv", "resp", "social", "event", "plan") or rng.random() < 0.75]
    for key, head in keep:
        short = {"SOCIAL": "soc", "EVENTS": "ev", "PLAN": "p", "NEURO": "neu", "RESP": "resp", "ENDO": "endo", "SKIN": "skin"}.get(head, head.lower())
        label = head if caps else rng.choice([head.lower(), short, head.lower()])
        b.add(f"{label}{rng.choice([': ', ': ', ' - ', ':'])}")
        for i, tpl in enumerate(some(rng, NURSE[key], 1, 4 if key in ("social", "event") else 3)):
            if i:
                b.add(" ")
            render(b, ctx, tpl)
        b.add("\n" if rng.random() < 0.8 else " ")
    sig = rng.choice(["{RNSIG}", "-- {RNSIG}", "{RNSIG} {time}", "signed {RNSIG}"])
    render(b, ctx, sig)


# ---------------------------------------------------------------------------------------------
# sign-out lists

ONE_LINERS = ["{AGE} {sx} w/ {dx}", "{dx} s/p {proc} {D}", "{AGE} w/ {dx}, from {FACR}", "{dx}, HD#{hday}", "{dx} on {drip}",
              "{dx}, full code", "{AGE} {sx} {dx}, DNR/DNI"]
TODOS = ["f/u K {k}, recheck HCT {hct} at {time}", "f/u BCx from {D}", "call {REL} {RELF} w/ update ({RELPH})", "{proc} {DNEXT}, NPO p MN",
         "wean {drip}", "ck INR {inr}, coumadin per {PCP}", "page {DR} ({DRPG}) if SBP <90", "screen for {FACR}", "lasix {lasix} iv if UO < 30cc/hr",
         "d/c planning, home to {TOWN}", "abx through {D}", "CIWA q4h, last {ciwa}", "f/u {CONS} recs", "SBP goal {sbp}", "{epon} out {DNEXT}",
         "hold lovenox for {proc}", "{REL} wants call from {DR}", "dispo: back to {FACR}"]


def signout(b: Builder, ctx: Ctx) -> None:
    rng, w = ctx.rng, ctx.w
    render(b, ctx, rng.choice(["SIGNOUT {DTODAY} -- {team} (covering: {DR}, {DRPG})", "Sign-out {DTODAY}, {team}, night float {DRB}",
                               "{team} SIGN OUT LIST {DTODAY}", "signout for {DTODAY} - {team} - from {DRB} to {CONS}"]
                              ).replace("{team}", rng.choice(["MICU Team B", "Medicine Blue", "CCU", "Gen Med 4", "SICU", "Cards Team 2", "Hospitalist A"])))
    b.add("\n\n")
    table = rng.random() < 0.55
    widths = [8, 22, 34, 40]
    if table:
        b.add("BED    | NAME                 | ONE-LINER                        | TO DO\n" + "-" * 90 + "\n")
    else:
        b.add(rng.choice(["Bed     Name                  Summary                            To do\n", "RM      PT                    ID                                 TODO\n"]))
    n = rng.randint(6, 16)
    mine = rng.randrange(n)
    for row in range(n):
        start = b.n
        render(b, ctx, "{bed}")
        if table:
            b.pad_to(start, 7)
            b.add("| ")
        else:
            b.pad_to(start, widths[0])
        s2 = b.n
        if row == mine:
            b.segs(ctx.pt_form(rng.choice(["lastfirst", "last", "full", "init", "lastfirst"])))
        else:
            sex = rng.choice("MF")
            first, last = w.first_name(sex), w.last_name()
            form = rng.randrange(4)
            if form == 0:
                b.add(last, "PATIENT"), b.add(", "), b.add(first, "PATIENT")
            elif form == 1:
                b.add(last.upper(), "PATIENT")
            elif form == 2:
                b.add(f"{first[0]}. {last}", "PATIENT")
            else:
                b.add(f"{first} {last}", "PATIENT")
        b.pad_to(s2, widths[1] - (1 if table else 0))
        if table:
            b.add("| ")
        s3 = b.n
        if row == mine:
            render(b, ctx, rng.choice(ONE_LINERS))
        else:
            a = rng.randint(90, 99) if rng.random() < 0.2 else rng.randint(25, 89)
            b.add(str(a), "AGE" if a > 89 else None)
            render(b, ctx, rng.choice([" {sx} w/ {dx}", "yo {dx}", " {dx} on {drip}", " {dx}, HD#{hday}"]))
        b.pad_to(s3, widths[2] - (1 if table else 0))
        if table:
            b.add("| ")
        todos = some(rng, TODOS, 1, 3)
        if row != mine:
            todos = [t for t in todos if not any(k in t for k in ("{REL", "{TOWN", "{PCP"))] or ["f/u AM labs"]
        for i, t in enumerate(todos):
            if i:
                b.add("; " if table else ", ")
            render(b, ctx, t)
        b.add("\n")
    b.add("\n")
    render(b, ctx, rng.choice(["Overnight: {PTL} - {event}. Covering pager {PAGER}.", "Cross-cover issues: {PTL}: {event}.",
                               "Notes: {PTL} {REL} may call overnight, ok to update. Night float: {DRB} {DRPG}.",
                               "Events: {PTL} {event}; {DRB} aware."]).replace("{event}", rng.choice(
        ["SBP {sbp}, bolused 500cc", "fever to {temp}, cultured", "agitated, haldol 2mg x1", "K {k} repleted", "desat to 85% on {o2}, CXR neg"])))


# ---------------------------------------------------------------------------------------------
# telephone, social work, discharge, radiology, pathology

TEL_HEAD = ["TELEPHONE ENCOUNTER\nDate: {DY} {time}\n", "Telephone Encounter Note - {DY}\n", "Phone call {DTODAY} @ {time}\n",
            "Telephone Encounter\nContact date: {DY}\nProvider: {PCP}\n"]
TEL_CALLER = ["Caller: {REL} ({RELFULL}), phone {RELPH}.", "Call from pt {PTFULL} at {PTPH}.", "Incoming call from {REL} {RELN}, cb # {RELPH}.",
              "{PTTITLE} called the clinic from home in {TOWN}.", "Spoke with pt's {REL}, {RELF}, by phone ({RELPH}).",
              "Call received from {FACR} nurse re: {PTL} ({DOB}).", "Returned call to {PTFULL}, DOB {DOB}, MRN {MRN}."]
TEL_BODY = ["{REL} reports pt c/o {sxs} since {wkday}. Denies fever, chest pain.", "Pt states {he} ran out of {drug} {D}; refill sent to CVS on {STREETNAME}.",
            "Reviewed labs from {D}: K {k}, Cr {cr}, INR {inr}. Coumadin 5 mg daily, recheck INR {DNEXT} at {FACC}.",
            "Advised to go to ED at {FACH} if symptoms worsen.", "{REL} asks whether pt can return to {FACR} after d/c; will d/w {DR}.",
            "Left VM for pt at {PTPH} to call back re results.", "Message routed to {DR} and {NP}.", "Per {DR}, ok to increase lasix to {lasix} mg po daily x 3 days.",
            "Appt scheduled {DW} at {time} w/ {PCP}.", "{REL} can be emailed at {RELEMAIL} with the visit summary.",
            "Pt's weight up 3 lbs since {D}; BP at home {bp}.", "Pt reports BS {fs} this AM, took insulin as directed.",
            "Pt was discharged from {FACH} {D} and has not yet seen {PCP}.", "VNA nurse called from {TOWN} office, callback {PHONE} {EXT}.",
            "Fax of records requested to {FAC}, fax {FAX}.", "{REL} says pt more confused since {D}; no falls. Advised eval today.",
            "Pt asks for letter for work; will forward to {DR}.", "Pt prefers to be reached on cell {PTPH} or by email {EMAIL}.",
            "Daughter called, no name given, requests call back.", "Discussed with {DR} who agrees with plan; pt aware.",
            "Pt instructed to hold {drug} until seen; verbalized understanding.", "Told {REL} to call {PHONE} after hours and ask for the covering MD.",
            "{REL} {RELF} ({RELPH}) will bring pt to appt; pt lives in {TOWN} and no longer drives.", "Spoke w/ {FACR} RN {STAFF}, who will fax MAR to {FAX}.",
            "Pt seen {D} by {CONS}; note reviewed. BP {bp}, HR {hr}.", "Pt's {FRREL} {FRIEND} called on pt's behalf (pt gave verbal consent)."]
TEL_SIG = ["{RNSIG}", "Call taken by {RN}", "-- {STAFF}", "{NP}", "{RNSIG}\ncc: {DR}"]
SXS = ["SOB", "dizziness", "ankle swelling", "cough", "dysuria", "poor appetite", "back pain", "loose stools", "palpitations"]


def telephone(b: Builder, ctx: Ctx) -> None:
    rng = ctx.rng
    render(b, ctx, rng.choice(TEL_HEAD))
    render(b, ctx, rng.choice(TEL_CALLER))
    b.add("\n")
    for tpl in some(rng, TEL_BODY, 4, 8):
        render(b, ctx, tpl.replace("{sxs}", rng.choice(SXS)))
        b.add(rng.choice([" ", "\n", " "]))
    b.add("\n")
    render(b, ctx, rng.choice(TEL_SIG))


SW_HEAD = ["SOCIAL WORK NOTE {DTODAY}\n", "Social Work Assessment\nDate: {DY}\n", "SW Progress Note - {DTODAY}\n", "Social Work Initial Assessment\n"]
SW_BODY = [
    "Reason for referral: d/c planning, family support. Met with pt and {REL} {RELN} at bedside.",
    "Pt is a {AGE} {man} who lives in {TOWN} with {his} {REL} at {STREET}, {TOWN} {ZIP}.",
    "Pt's {REL}, {RELFULL}, is HCP (cell {RELPH}).", "Other supports include {FRIEND} ({FRREL}) who checks in daily; {FRIEND} can be reached at {FRPH}.",
    "Pt previously at {FACR} for rehab {DRANGE}.", "Insurance: Medicare {MEDICARE}; MassHealth pending.", "Pt worked as a machinist until {YEAR}.",
    "Pt lost {his} spouse in {YEAR} and has lived alone since.", "Plan: referrals sent to {FACR} and {FACR}; CM {CM} aware.",
    "SW will follow; contact {EXT} or {PAGER}.", "Family meeting held {D} w/ {DR}, {NP}, {REL} {RELF}, and this writer.",
    "{REL} {RELFULL} lives out of state in Ohio and is involved by phone.", "Pt moved from Florida to {TOWN} in {YEAR} to be near {his} {REL}.",
    "Pt's {REL} reports caregiver burnout; respite options reviewed.", "Pt is {his} {REL}'s primary caregiver; {REL} ({RELAGE}) has dementia.",
    "Pt attends day program at {FAC} three days a week.", "Pt agreeable to VNA and home PT; {REL} to pick up at {time}.",
    "Pt expressed worry about returning to {TOWN2}; apartment has 3 flights of stairs.", "Family declined nursing home; prefer home with services.",
    "Screening with {FACR} liaison scheduled for {DNEXT}.", "SW provided emotional support; family tearful.",
    "Pt's friend {FRIEND} drove pt to appointments prior to admission.", "{REL} requests updates by email at {RELEMAIL}.",
    "SS# on file verified ({SSN}) for Medicaid application.", "Day {hday} of hospital stay; pt anxious about cost of hospital bill.",
]


def social_work(b: Builder, ctx: Ctx) -> None:
    rng = ctx.rng
    render(b, ctx, rng.choice(SW_HEAD))
    render(b, ctx, rng.choice(["Pt: {PTLF}  MRN: {MRN}\n", "Patient seen: {PTTITLE}\n", "", "Re: {PTFULL} (DOB {DOB})\n"]))
    body = SW_BODY[:2] + some(rng, SW_BODY[2:], 5, 11)
    for tpl in body:
        render(b, ctx, tpl)
        b.add(rng.choice(["\n", " ", "\n\n"]))
    render(b, ctx, rng.choice(["{SW}", "{SW}\n{PAGER}", "-- {SW}, pager {PAGER}"]))


DC_HPI = ["{PTTITLE} is a {AGE} {man} with h/o CAD s/p CABG in {YEAR}, AS s/p AVR at {FACH}, DM2, and Parkinson's disease who presented from {FACR} with {dx}.",
          "{PTF} {PTL} is a {AGE} {man} w/ {dx} transferred from {FACH} on {D} for further management.",
          "This {AGE} {man} from {TOWN} was seen at {FACC} on {DW} by {PCP} and referred for {dx}.",
          "{PTTITLE}, a {AGE} {man} with {dx}, presented to the ED on {ADM} after a fall at home in {TOWN}."]
DC_COURSE = ["# {dx}: treated with {drug} and {drug}; abx dc'd after last dose {D}. Hospital course otherwise uncomplicated.",
             "# Hypotension: required {drip} in the MICU {DRANGE}, weaned off by day 3 of hospital stay.",
             "# Respiratory failure: intubated {D}, settings {vent}; extubated at {time} {D}.", "# AKI: Cr peaked at {cr} on {D}, improved with IVF.",
             "# Anemia: HCT {hct}, transfused 2u PRBC {D}. EGD by {CONS} showed gastritis.", "# Afib: rate controlled with {drug}; anticoagulation d/w {PCP}.",
             "# Delirium: CIWA {ciwa}, haldol prn; resolved. Family (daughter) at bedside helped reorient.",
             "# Pacemaker: interrogated {D}, device serial {SERIAL}, functioning normally.", "# Goals of care: discussed with {REL} {RELFULL} (HCP) on {D}; remains full code.",
             "# Pain: oxycodone {dose} prn, strength {strength} at discharge.", "# VT arrest {D} at which time ACLS x4 min, ROSC; EP ({CONS}) consulted.",
             "# Fever to {temp} on {D}: CXR neg, UA pos, tx'd {drug}.", "# DM: FS {fs}; lantus adjusted. Endo consulted.",
             "Pt was evaluated by PT ({PTH}) who recommended rehab."]
DC_MEDS = ["aspirin 81 mg daily", "metoprolol 25 mg bid", "lasix {lasix} mg daily", "oxycodone-acetaminophen {dose} 1 tab q6h prn", "senna 8.6 mg bid",
           "atorvastatin 40 mg qhs", "lisinopril 5 mg daily", "coumadin 5 mg qhs (INR goal 2-3)", "insulin glargine 20 units qhs", "vancomycin 1 g iv q12h through {D}",
           "levothyroxine 50 mcg daily", "carbidopa-levodopa 25/100 tid", "KCl 20 meq daily", "pantoprazole 40 mg daily"]
DC_DISPO = ["Disposition: Home to {TOWN} with VNA.", "Disposition: Extended care facility: {FACR}.", "DISPOSITION: discharged to {FACR} ({PHONE}).",
            "Disposition: home with family; {REL} {RELF} to stay with pt.", "Discharged to {FACR} in {TOWN2}, accepting MD {CONS}."]
DC_FU = ["{PCP} in 1-2 weeks ({PHONE}).", "{CONS} clinic on {DNEXT} at {time}, {FACC}.", "INR check {DNEXT} at {FACC}, results to {PCP} fax {FAX}.",
         "Cardiology: {CONS} {DNEXT}.", "Call {PHONE} with questions, ask for {NP}.", "Labs (BMP) on {DNEXT}."]


def discharge(b: Builder, ctx: Ctx) -> None:
    rng = ctx.rng
    render(b, ctx, rng.choice(["DISCHARGE SUMMARY\n", "Discharge Summary - {HOMEFULL}\n", "DISCHARGE SUMMARY ({HOME})\n"]))
    render(b, ctx, rng.choice(["Patient: {PTLF}    MRN: {MRN}    Acct: {ACCT}\n", "Name: {PTLF}  Unit No: {MRN}\n", "Patient Name: {PTFULL}\nMRN: {MRN}  DOB: {DOB}\n"]))
    render(b, ctx, "Admission Date: {ADM}      Discharge Date: {DC}\n")
    render(b, ctx, rng.choice(["Attending: {DRF}, MD\n", "Attending: {MDSIG}\nService: Medicine\n", "Service: MICU   Attending: {DRF}\n"]))
    render(b, ctx, rng.choice(["\nHISTORY OF PRESENT ILLNESS:\n", "\nHPI: ", "\nHistory of Present Illness:\n"]))
    render(b, ctx, rng.choice(DC_HPI))
    b.add(" ")
    render(b, ctx, rng.choice(["Prior admission {DRANGE} for {dx}.", "Lives with {REL} in {TOWN}.", "Seen by {CONS} in {YEAR}.",
                               "No prior hospitalizations.", "Last colonoscopy {YEAR}."]))
    render(b, ctx, rng.choice(["\n\nHOSPITAL COURSE:\n", "\n\nHospital Course by problem:\n", "\n\nBrief Hospital Course:\n"]))
    for tpl in some(rng, DC_COURSE, 3, 6):
        render(b, ctx, tpl)
        b.add("\n")
    b.add(rng.choice(["\nDISCHARGE MEDICATIONS:\n", "\nDischarge Medications:\n"]))
    for i, tpl in enumerate(some(rng, DC_MEDS, 3, 7), 1):
        b.add(f"{i}. ")
        render(b, ctx, tpl)
        b.add("\n")
    b.add("\n")
    render(b, ctx, rng.choice(DC_DISPO))
    b.add(rng.choice(["\n\nFOLLOW UP:\n", "\n\nFollowup Instructions:\n"]))
    for tpl in some(rng, DC_FU, 1, 3):
        render(b, ctx, tpl)
        b.add("\n")
    render(b, ctx, rng.choice(["\nDictated by: {MDSIG} {DTODAY}\ncc: {PCP}", "\n{MDSIG}\nElectronically signed {DY} {time}", "\nDictated by {DRB} for {DRF}, MD. D: {D} T: {D}"]))


RAD_EXAMS = ["CT CHEST W/ CONTRAST", "CHEST (PORTABLE AP)", "CT HEAD W/O CONTRAST", "MRI L-SPINE W/O CONTRAST", "RENAL ULTRASOUND", "CT ABD/PELVIS W/ CONTRAST",
             "BILATERAL LOWER EXTREMITY VENOUS DOPPLER", "CTA CHEST (PE PROTOCOL)"]
RAD_FIND = ["ETT tip 4 cm above the carina. NG tube courses below the diaphragm. Right IJ line tip in the SVC.", "Swan-Ganz catheter tip in the right pulmonary artery.",
            "There is a {size} cm nodule in the right upper lobe, previously {size} cm on {D}.", "Small bilateral pleural effusions, left greater than right.",
            "No acute intracranial hemorrhage. Chronic small vessel ischemic changes. Gray-white differentiation preserved.",
            "Foley catheter balloon in the bladder. No hydronephrosis. Right kidney {size} cm, left kidney {size} cm.",
            "Mild cardiomegaly. Pulmonary vascular congestion, improved since {DY}.", "Degenerative changes L4-5 with moderate canal stenosis.",
            "Occlusive thrombus in the left common femoral vein.", "No evidence of pulmonary embolism to the subsegmental level.",
            "Pacemaker leads in RA and RV, unchanged.", "Sternotomy wires intact; prosthetic aortic valve."]
RAD_IMPR = ["1. Interval improvement in pulmonary edema. 2. Lines and tubes as above.", "No acute process.", "Findings concerning for multifocal pneumonia.",
            "1. Left common femoral DVT. 2. No other thrombus.", "Stable RUL nodule; recommend follow-up CT in 6 months."]


def radiology(b: Builder, ctx: Ctx) -> None:
    rng = ctx.rng
    sz = lambda: f"{rng.randint(2, 120) / 10:.1f}"  # noqa: E731
    render(b, ctx, rng.choice(["{HOMEFULL} - DEPARTMENT OF RADIOLOGY\n", "RADIOLOGY REPORT\n", "{HOME} Imaging Services\nRADIOLOGY REPORT\n"]))
    render(b, ctx, rng.choice(["Patient: {PTLF}        MRN: {MRN}        DOB: {DOB}\n", "PATIENT NAME: {PTLF}\nMED REC #: {MRN}   DOB: {DOB}   AGE/SEX: {AGENUM}/{sx}\n",
                               "Name: {PTLF}   Unit #: {MRN}   Sex: {sx}   Age: {AGENUM}\n"]))
    render(b, ctx, rng.choice(["Accession: {ACC}     Exam Date: {DY}     Reported: {DY}\n", "Acc# {ACC}   Date of service: {DY} {time}\n",
                               "ACCESSION NO: {ACC}\nEXAM DATE: {DY}  TIME: {time}\n"]))
    render(b, ctx, rng.choice(["Referring Physician: {DRF}, MD\n", "Ordering: {MDSIG}  ({DRPG})\n", "REFERRING: {DRF}   PCP: {PCP}\n"]))
    b.add(f"\nEXAM: {rng.choice(RAD_EXAMS)}\n\n")
    render(b, ctx, rng.choice(["CLINICAL HISTORY: {AGE} {man} with {dx}, eval for change.\n", "INDICATION: {dx}; hypoxia on {o2}.\n",
                               "HISTORY: {AGE} {sx} s/p fall at {FACR}. r/o bleed.\n"]))
    render(b, ctx, rng.choice(["COMPARISON: {DY}.\n", "COMPARISON: Outside study from {FACH} dated {D}, report only.\n", "COMPARISON: None.\n",
                               "COMPARISON: {DY} and {DY}.\n"]))
    b.add("\nFINDINGS:\n")
    for tpl in some(rng, RAD_FIND, 2, 5):
        render(b, ctx, tpl.replace("{size}", sz()))
        b.add(" ")
    b.add("\n\nIMPRESSION:\n")
    render(b, ctx, rng.choice(RAD_IMPR))
    b.add("\n\n")
    render(b, ctx, rng.choice(["Findings discussed with {DR} by {RAD} at {time} on {D}.\n", "Wet read called to {NP} at {time}.\n",
                               "Results communicated to {DR} ({DRPG}) at {time} {DTODAY}.\n", ""]))
    render(b, ctx, rng.choice(["Dictated by: {RADSIG}\nSigned: {DY} {time}", "{RADSIG} - electronically signed {DY}", "Attending radiologist: {RAD}. Resident: {CONS}."]))


PATH_SPEC = ["colon, sigmoid, biopsy", "skin, left forearm, shave", "lung, RUL, wedge resection", "prostate, needle biopsies (12)", "gallbladder, cholecystectomy",
             "bone marrow, aspirate and core", "breast, left, core biopsy", "stomach, antrum, biopsy"]
PATH_DX = ["Tubular adenoma; negative for high-grade dysplasia.", "Invasive ductal carcinoma, grade 2 (Nottingham score 6/9).",
           "Adenocarcinoma, Gleason score 3+4=7 (grade group 2), involving 2 of 12 cores.", "Chronic cholecystitis with cholelithiasis.",
           "Basal cell carcinoma, nodular type; margins uninvolved.", "Hypercellular marrow (70%) with trilineage hematopoiesis; no evidence of lymphoma.",
           "Chronic active gastritis; H. pylori immunostain positive.", "Non-small cell carcinoma, favor adenocarcinoma; TTF-1 positive, p40 negative."]


def pathology(b: Builder, ctx: Ctx) -> None:
    rng = ctx.rng
    spec = rng.choice(PATH_SPEC)
    render(b, ctx, rng.choice(["SURGICAL PATHOLOGY REPORT\n", "{HOMEFULL}\nDepartment of Pathology\nSURGICAL PATHOLOGY\n", "PATHOLOGY REPORT - {HOME}\n"]))
    render(b, ctx, rng.choice(["Accession #: {PACC}\nPatient Name: {PTLF}\nMRN: {MRN}   DOB: {DOB}   Age/Sex: {AGENUM}/{sx}\n",
                               "Case: {PACC}   Patient: {PTLF}   MR#: {MRN}\n", "PATIENT: {PTLF}  MRN {MRN}  ACCT {ACCT}\nCASE NO: {PACC}\n"]))
    render(b, ctx, rng.choice(["Date collected: {DY}   Date received: {DY}\n", "Collected: {DY} {time}  Received: {DY}  Reported: {DY}\n",
                               "Procedure date: {DY}\n"]))
    render(b, ctx, rng.choice(["Submitting physician: {DRF}, MD\n", "Surgeon: {DRF}   Copy to: {PCP}\n", "Clinician: {DRB}, {FACC}\n"]))
    b.add(f"\nSPECIMEN: {spec}\n\n")
    render(b, ctx, rng.choice(["CLINICAL HISTORY: {AGE} {man} with {dx}; r/o malignancy.\n", "CLINICAL DATA: mass on CT {D}.\n", "HISTORY: screening; prior polyps in {YEAR}.\n"]))
    b.add("\nGROSS DESCRIPTION:\n")
    render(b, ctx, rng.choice(["Received in formalin labeled with the patient's name, \"{PTLF}\", and medical record number, ",
                               "The specimen is received fresh, labeled \"{PTLF}, {MRN}\", ", "Received in one container labeled with the patient's name and MRN, "]))
    b.add(f"and designated \"{spec}\". It consists of {rng.randint(1, 6)} tan-pink fragments measuring {rng.randint(2, 40) / 10:.1f} x {rng.randint(2, 30) / 10:.1f} x "
          f"{rng.randint(1, 10) / 10:.1f} cm in aggregate. Entirely submitted in cassettes A1-A{rng.randint(1, 6)}. ")
    render(b, ctx, rng.choice(["Grossed by {STAFF} on {D}.", "Dictated by {PATH} {D}.", "(gross: {OTHERRN}, PA)"]))
    b.add("\n\nMICROSCOPIC DESCRIPTION:\nSections show the lesion as described in the diagnosis. Immunostains performed with appropriate controls.\n\nDIAGNOSIS:\n")
    b.add(f"{spec.upper()}:\n  - {rng.choice(PATH_DX)}\n\n")
    render(b, ctx, rng.choice(["Intradepartmental consultation obtained with {CONS}, who concurs.\n", "Case discussed with {DR} by phone at {time} on {D}.\n",
                               "Prior specimen {PACC} ({DY}) reviewed for comparison.\n", ""]))
    render(b, ctx, rng.choice(["Pathologist: {PATH}\nElectronically signed {DY} {time}", "{PATH}\nSigned out {DY}", "I have personally reviewed the slides. {PATH}, {DY}"]))


WRITERS = {"nursing_caps": lambda b, c: nursing(b, c, True), "nursing_lower": lambda b, c: nursing(b, c, False), "signout": signout,
           "telephone": telephone, "social_work": social_work, "discharge": discharge, "radiology": radiology, "pathology": pathology}


# ---------------------------------------------------------------------------------------------
# corpus


def make_note(world: World, pt: dict, genre: str, day: date, rng: random.Random) -> tuple[str, list[dict]]:
    b = Builder()
    WRITERS[genre](b, Ctx(world, pt, day, rng))
    text = b.text()
    assert text.isascii(), text
    if genre == "nursing_caps":
        text = text.upper()
    elif genre == "nursing_lower":
        text = text.lower()
    assert len(text) == b.n
    spans, last_end = [], 0
    for start, end, typ in b.spans:
        assert start >= last_end and end > start, (start, end)
        last_end = end
        spans.append({"start": start, "end": end, "type": typ, "text": text[start:end]})
        assert text[start:end] == spans[-1]["text"] and text[start:end].strip() == text[start:end], spans[-1]
    return text, spans


def build(seed: int = SEED, n_patients: int = N_PATIENTS) -> list[dict]:
    world = World(seed)
    rng = world.rng
    rows, seen = [], set()
    number = 0
    for i in range(1, n_patients + 1):
        pt = world.patient(i)
        k = rng.randint(4, 8)
        genres = rng.sample(GENRES, min(k, len(GENRES)))
        genres += rng.choices(["nursing_caps", "nursing_lower", "signout", "telephone"], k=k - len(genres))
        rng.shuffle(genres)
        day = pt["admit"]
        for genre in genres:
            day += timedelta(days=rng.randint(0, 3))
            text, spans = make_note(world, pt, genre, day, rng)
            assert text not in seen
            seen.add(text)
            number += 1
            rows.append({"id": f"dev-{number:04d}", "patient": pt["id"], "genre": genre, "text": text, "spans": spans})
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    spans = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"notes {len(rows)}  patients {len({r['patient'] for r in rows})}  characters {sum(len(r['text']) for r in rows)}")
    print("genres", dict(sorted(Counter(r["genre"] for r in rows).items())))
    print("spans", dict(spans.most_common()), "total", sum(spans.values()), "PHI (no YEAR)", sum(v for k, v in spans.items() if k != "YEAR"))
    lengths = sorted(len(r["text"]) for r in rows)
    print(f"length min {lengths[0]} median {lengths[len(lengths) // 2]} max {lengths[-1]}")


if __name__ == "__main__":
    main()
