"""Generate the held-out ("untouched") synthetic de-identification corpus.

Every person, place, number and date here is invented (faker, seeded). Notes are built from
marked pieces: a PHI piece is wrapped as \\x01TYPE\\x02text\\x03, the whole note may then be
upper- or lower-cased like a real nursing note, and the markers are finally stripped while the
offsets are recorded, so every gold span equals text[start:end] (asserted).

Run from the repository root:  python -m tests.deid_corpus.make_untouched
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent
OUT = HERE / "untouched.jsonl"
SEED = 917_3041
LOCALES = ("en_US", "en_GB", "en_IE", "en_AU")
GENRES = (
    "nursing_caps", "nursing_lower", "signout", "telephone", "social_work",
    "discharge", "radiology", "pathology", "ed_triage", "progress_note",
)

rng = random.Random(SEED)
FK = {loc: Faker(loc) for loc in LOCALES}
for i, loc in enumerate(LOCALES):
    FK[loc].seed_instance(SEED + i)

# --------------------------------------------------------------------------- markers


def m(kind: str, text: str) -> str:
    return f"\x01{kind}\x02{text}\x03"


MARK = re.compile(r"\x01(\w+)\x02(.*?)\x03", re.S)


def render(marked: str) -> tuple[str, list[dict]]:
    out, spans, pos, last = [], [], 0, 0
    for mt in MARK.finditer(marked):
        plain = marked[last:mt.start()]
        out.append(plain)
        pos += len(plain)
        body = mt.group(2)
        if body:
            spans.append({"start": pos, "end": pos + len(body), "type": mt.group(1).upper(), "text": body})
        out.append(body)
        pos += len(body)
        last = mt.end()
    out.append(marked[last:])
    text = "".join(out)
    assert "\x01" not in text and "\x02" not in text and "\x03" not in text
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"], s
    return text, spans


def ch(*options):
    return rng.choice(options)


def pick(seq):
    return rng.choice(list(seq))


def maybe(p: float, s: str, alt: str = "") -> str:
    return s if rng.random() < p else alt


# --------------------------------------------------------------------------- vocabularies

WORD_SURNAMES = ["Rose", "Hope", "Young", "May", "Bill", "Art", "Major", "Frank", "Hall", "Wood", "Church",
                 "Bell", "King", "Long", "Price", "Banks", "Marsh", "Cross", "Strong", "Fox", "Snow", "Rice",
                 "Chase", "Sharp", "Page", "Hardy", "Baker", "Cook", "Mason", "Ward", "Bishop", "Friend",
                 "Small", "West", "Best", "Brown", "Green", "Little", "Moody", "Story", "Lamb", "Love",
                 "Field", "Hill", "Lane", "Dean", "Stone", "Gold", "Sweet", "Booth"]
WORD_FIRSTS_F = ["Hope", "Grace", "Faith", "Rose", "June", "May", "April", "Dawn", "Joy", "Ivy", "Holly",
                 "Amber", "Pearl", "Ruby", "Sunny", "Summer", "Iris", "Violet", "Patience", "Honor"]
WORD_FIRSTS_M = ["Will", "Bill", "Art", "Frank", "Rich", "Mark", "Pat", "Chase", "Hunter", "Guy", "Jack",
                 "Bob", "Don", "Ray", "Gene", "Drew", "Miles", "Cliff", "Rusty", "Chip"]
APOS_NAMES = ["O'Brien", "O'Sullivan", "D'Angelo", "O'Neill", "D'Souza", "O'Halloran", "O'Keeffe", "D'Arcy",
              "O'Shea", "O'Dwyer", "O'Connor", "D'Amico", "O'Hara", "O'Donoghue", "N'Dour", "O'Mahony"]

TOWNS = {
    "en_US": ["Quincy", "Braintree", "Salem", "Florence", "Mobile", "Reading", "Chelsea", "Andover",
              "Hope", "Orange", "Warren", "Lowell", "Framingham", "Springfield", "Dover", "Marlborough",
              "Fall River", "New Bedford", "Plymouth", "Attleboro", "Haverhill", "Revere", "Milton",
              "Canton", "Sharon", "Norwood", "Dedham", "Weymouth", "Hingham", "Peabody", "Lynn",
              "Gloucester", "Taunton", "Brockton", "Easton", "Wareham"],
    "en_GB": ["Reading", "Bath", "Hull", "Derby", "Chester", "Leeds", "Bradford", "Wakefield", "Luton",
              "Stockport", "Ashford", "Crewe", "Redditch", "Barnsley", "Bury", "Wigan", "Rochdale",
              "Kendal", "Penrith", "Harrogate", "Ripon", "Whitby", "Stroud", "Frome", "Yeovil", "Bolton"],
    "en_IE": ["Ballina", "Galway", "Tralee", "Ennis", "Navan", "Athlone", "Mullingar", "Carlow",
              "Tullamore", "Clonmel", "Thurles", "Nenagh", "Birr", "Bray", "Naas", "Kells", "Trim",
              "Castlebar", "Westport", "Dungarvan", "Youghal", "Mallow", "Fermoy", "Longford", "Cavan"],
    "en_AU": ["Wagga Wagga", "Dubbo", "Orange", "Bathurst", "Ballarat", "Bendigo", "Geelong", "Toowoomba",
              "Mildura", "Shepparton", "Wodonga", "Tamworth", "Lismore", "Broome", "Mackay", "Cairns",
              "Gympie", "Nowra", "Goulburn", "Echuca", "Bega", "Moree", "Parkes", "Horsham"],
}
STATES = {"en_US": ["Massachusetts", "MA", "New Hampshire", "Rhode Island", "RI", "Maine", "Connecticut"],
          "en_GB": [""], "en_IE": [""], "en_AU": [""]}

SAINTS = ["Brendan", "Columba", "Finbarr", "Jude", "Aidan", "Luke", "Vincent", "Catherine", "Bride",
          "Anne", "Michael", "Oswald", "Cuthbert", "Elizabeth", "Agnes"]
PLACE_WORDS = ["Harbourside", "Lakeview", "Riverbend", "Northgate", "Eastfield", "Westbrook", "Highcrest",
               "Oakmont", "Fairhaven", "Brookside", "Kingsbridge", "Ashgrove", "Millbrook", "Glenview",
               "Cedarwood", "Pinehurst", "Stonebridge", "Seabrook", "Hollins", "Whitmore"]
TREES = ["Maple", "Cedar", "Willow", "Birch", "Elm", "Hawthorn", "Rowan", "Laurel", "Juniper", "Aspen"]
TAILS = ["Ridge", "Crest", "Grove", "Court", "Gardens", "House", "Lodge", "Manor", "Park", "View"]


@dataclass
class Facility:
    full: str
    forms: list[str]
    kind: str  # hospital, snf, rehab, clinic, pharmacy, dialysis

    def any(self) -> str:
        return m("FACILITY", pick(self.forms + [self.full]))

    def short(self) -> str:
        return m("FACILITY", pick(self.forms))

    def long(self) -> str:
        return m("FACILITY", self.full)


def initials(words: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w']*", words) if w[0].isupper())


def make_facilities() -> dict[str, list[Facility]]:
    fac: dict[str, list[Facility]] = {"hospital": [], "snf": [], "rehab": [], "clinic": [], "pharmacy": [],
                                      "dialysis": []}
    used = set()

    def word():
        while True:
            w = pick(PLACE_WORDS)
            if w not in used:
                used.add(w)
                return w

    for _ in range(4):
        w = word()
        full = f"{w} General Hospital"
        fac["hospital"].append(Facility(full, [f"{w} General", w, initials(full), initials(full).lower(),
                                                f"{w.lower()} general", f"{w} Gen"], "hospital"))
    for s in rng.sample(SAINTS, 3):
        full = f"St. {s}'s {ch('University Hospital', 'Hospital', 'Medical Centre', 'Regional Hospital')}"
        fac["hospital"].append(Facility(full, [f"St {s}'s", f"St. {s}'s", f"{s}'s", f"st {s.lower()}s",
                                               f"STS{s[0]}" if False else f"S{s[0]}{initials(full)[-2:]}"],
                                        "hospital"))
    for sur in rng.sample(["Whitcombe", "Haddon", "Larkin", "Prescott", "Ainsworth", "Tolland", "Merriam"], 3):
        full = f"{sur} Memorial Medical Center"
        fac["hospital"].append(Facility(full, [f"{sur} Memorial", sur, "".join([sur[0], "MMC"]),
                                               f"{sur.lower()} memorial", f"{sur[0]}MH"], "hospital"))
    for town in rng.sample(TOWNS["en_US"][:20] + TOWNS["en_GB"][:10], 3):
        full = f"{town} Regional Hospital"
        fac["hospital"].append(Facility(full, [f"{town} Regional", f"{town.lower()} regional",
                                               initials(full)], "hospital"))
    for _ in range(6):
        t, tail = pick(TREES), pick(TAILS)
        kind = ch("Nursing and Rehabilitation Center", "Nursing Home", "Care Centre", "Skilled Nursing Facility",
                  "Residential Care")
        full = f"{t} {tail} {kind}"
        fac["snf"].append(Facility(full, [f"{t} {tail}", f"{t.lower()} {tail.lower()}", f"{t}{tail.lower()}"],
                                   "snf"))
    for _ in range(4):
        w = word()
        full = f"{w} Rehabilitation Hospital"
        fac["rehab"].append(Facility(full, [f"{w} Rehab", w, f"{w.lower()} rehab", f"{w[0]}RH"], "rehab"))
    for _ in range(5):
        w = word()
        kind = ch("Family Practice", "Health Centre", "Community Health Center", "Medical Group", "Primary Care")
        full = f"{w} {kind}"
        fac["clinic"].append(Facility(full, [w, f"{w} {kind.split()[0]}", initials(full), w.lower()], "clinic"))
    for _ in range(4):
        w = pick(PLACE_WORDS + TREES)
        full = f"{w} Pharmacy"
        fac["pharmacy"].append(Facility(full, [f"{w} Pharm", f"{w.lower()} pharmacy"], "pharmacy"))
    for _ in range(2):
        w = word()
        full = f"{w} Dialysis Unit"
        fac["dialysis"].append(Facility(full, [f"{w} Dialysis", w, f"{w.lower()} dialysis"], "dialysis"))
    return fac


FAC = make_facilities()

# --------------------------------------------------------------------------- people


@dataclass
class Person:
    first: str
    last: str
    middle: str
    sex: str
    loc: str
    cred: str = ""
    phone: str = ""
    rel: str = ""  # relation word, for relatives

    @property
    def full(self):
        return f"{self.first} {self.last}"


def surname(loc: str) -> str:
    r = rng.random()
    fk = FK[loc]
    if r < 0.22:
        return pick(WORD_SURNAMES)
    if r < 0.30:
        return f"{fk.last_name()}-{fk.last_name()}"
    if r < 0.38:
        base = pick(APOS_NAMES)
        return base if rng.random() < 0.8 else f"{base}-{fk.last_name()}"
    return fk.last_name()


def person(loc: str | None = None, sex: str | None = None, last: str | None = None) -> Person:
    loc = loc or pick(LOCALES)
    sex = sex or ch("F", "M")
    fk = FK[loc]
    r = rng.random()
    if sex == "F":
        first = pick(WORD_FIRSTS_F) if r < 0.18 else fk.first_name_female()
    else:
        first = pick(WORD_FIRSTS_M) if r < 0.18 else fk.first_name_male()
    if rng.random() < 0.06:
        first = f"{first}-{(fk.first_name_female() if sex == 'F' else fk.first_name_male())}"
    middle = fk.first_name_female() if sex == "F" else fk.first_name_male()
    return Person(first, last or surname(loc), middle, sex, loc)


def phone(loc: str) -> str:
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    if loc == "en_US":
        return ch(f"({d(3)}) 555-{d(4)}", f"{d(3)}-555-{d(4)}", f"{d(3)}.555.{d(4)}", f"{d(3)} 555 {d(4)}",
                  f"555-{d(4)}", f"1-{d(3)}-555-{d(4)}")
    if loc == "en_GB":
        return ch(f"07700 9{d(5)}", f"0113 496 {d(4)}", f"(0118) 496 {d(4)}", f"+44 7700 9{d(5)}",
                  f"01632 9{d(5)}")
    if loc == "en_IE":
        return ch(f"087 {d(3)} {d(4)}", f"(091) {d(6)}", f"085-{d(7)}", f"+353 86 {d(3)} {d(4)}",
                  f"094 96 {d(5)}")
    return ch(f"04{d(2)} {d(3)} {d(3)}", f"(02) {d(4)} {d(4)}", f"+61 4{d(2)} {d(3)} {d(3)}",
              f"(03) 5{d(3)} {d(4)}", f"04{d(8)}")


def serial() -> str:
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    return ch(f"PJN{d(6)}", f"RNB{d(6)}H", f"{d(3)}-{d(5)}", f"SN{d(8)}", f"A{d(2)}B{d(5)}")


def pager() -> str:
    return str(rng.randint(1000, 99999))


def email(p: Person) -> str:
    dom = ch("gmail.com", "yahoo.com", "hotmail.co.uk", "eircom.net", "bigpond.com", "outlook.com",
             "icloud.com", "aol.com")
    f, l = re.sub(r"[^a-z]", "", p.first.lower()), re.sub(r"[^a-z]", "", p.last.lower())
    return ch(f"{f}.{l}@{dom}", f"{f[0]}{l}{rng.randint(1, 99)}@{dom}", f"{l}{f[0]}@{dom}", f"{f}_{l}@{dom}")


CREDS = {"nurse": ["RN", "RN", "RN, BSN", "LPN", "RN"], "np": ["NP", "ANP-BC", "FNP", "NP"], "pa": ["PA-C", "PA"],
         "sw": ["LICSW", "MSW", "LCSW", "MSW, LSW"], "pt": ["PT", "DPT", "PT, DPT"], "rt": ["RRT", "RT"],
         "cm": ["RN, CM", "RN CM", "CCM"], "rd": ["RD", "RD, LDN"], "pharm": ["PharmD", "RPh"],
         "md": ["MD", "MD", "DO", "MB BCh", "MBBS", "FRCPI"]}


@dataclass
class World:
    pid: str
    loc: str
    pt: Person
    age: int
    dob: dt.date
    mrn: str
    acct: str
    ssn: str
    town: str
    street: str
    zipc: str
    state: str
    hosp: Facility
    snf: Facility
    rehab: Facility
    clinic: Facility
    pharm: Facility
    osh: Facility
    rels: list[Person]
    staff: dict[str, Person]
    admit: dt.date
    history_years: list[int] = field(default_factory=list)
    dx: tuple = ()
    email: str = ""


DX = [
    ("CHF exacerbation", "acute on chronic systolic heart failure", "HFrEF, EF 25-30%"),
    ("community acquired pneumonia", "RLL pneumonia", "CAP"),
    ("COPD exacerbation", "AECOPD", "COPD flare"),
    ("hip fracture s/p fall", "L intertrochanteric hip fracture", "R femoral neck fx"),
    ("urosepsis", "E. coli UTI with sepsis", "pyelonephritis"),
    ("NSTEMI", "demand ischemia", "ACS r/o"),
    ("GI bleed", "upper GI bleed", "melena, Hgb drop"),
    ("AKI on CKD", "acute kidney injury", "ATN"),
    ("new afib with RVR", "atrial fibrillation RVR", "AF w RVR"),
    ("stroke", "L MCA ischemic stroke", "CVA"),
    ("cellulitis", "RLE cellulitis", "LLE cellulitis"),
    ("delirium", "hyperactive delirium", "acute encephalopathy"),
    ("SBO", "small bowel obstruction", "partial SBO"),
    ("DKA", "diabetic ketoacidosis", "hyperglycemia"),
]


def make_world(i: int) -> World:
    loc = LOCALES[i % 4] if rng.random() < 0.7 else pick(LOCALES)
    sex = ch("F", "M")
    pt = person(loc, sex)
    age = rng.randint(90, 103) if rng.random() < 0.3 else rng.randint(24, 89)
    admit = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 1200))
    dob = admit - dt.timedelta(days=age * 365 + rng.randint(1, 360))
    rels = []
    spouse = person(loc, "M" if sex == "F" else "F",
                    last=pt.last if rng.random() < 0.6 else None)
    spouse.rel = ch("wife", "spouse", "partner") if spouse.sex == "F" else ch("husband", "spouse", "partner")
    child = person(loc, last=pt.last if rng.random() < 0.5 else None)
    child.rel = "daughter" if child.sex == "F" else "son"
    child2 = person(loc)
    child2.rel = "daughter" if child2.sex == "F" else "son"
    orel = ch("niece", "neighbor", "friend", "sister", "brother", "HCP", "nephew", "grandson",
              "granddaughter", "cousin", "landlord", "goddaughter", "neighbour")
    other = person(loc, {"niece": "F", "sister": "F", "granddaughter": "F", "goddaughter": "F", "brother": "M",
                         "nephew": "M", "grandson": "M"}.get(orel))
    other.rel = orel
    for r in (spouse, child, child2, other):
        r.phone = phone(loc)
        rels.append(r)
    if age > 85 or rng.random() < 0.3:
        rels = rels[1:]  # widowed / single
    staff = {}
    for role, cred in [("attending", "md"), ("resident", "md"), ("intern", "md"), ("pcp", "md"),
                       ("consult", "md"), ("surgeon", "md"), ("radiologist", "md"), ("pathologist", "md"),
                       ("nurse", "nurse"), ("nurse2", "nurse"), ("nurse3", "nurse"), ("np", "np"),
                       ("pa", "pa"), ("sw", "sw"), ("pt", "pt"), ("rt", "rt"), ("cm", "cm"), ("rd", "rd"),
                       ("pharm", "pharm"), ("triage", "nurse")]:
        p = person()
        p.cred = pick(CREDS[cred])
        p.phone = pager()
        staff[role] = p
    town = pick(TOWNS[loc]) if rng.random() < 0.93 else FK[loc].city()
    fk = FK[loc]
    street = f"{rng.randint(1, 480)} {fk.street_name()}"
    zipc = {"en_US": f"0{rng.randint(1000, 2799)}", "en_GB": fk.postcode(), "en_IE": fk.postcode(),
            "en_AU": str(rng.randint(2000, 3999))}[loc]
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    w = World(
        pid=f"unt-p{i + 1:03d}", loc=loc, pt=pt, age=age, dob=dob,
        mrn=ch(d(7), d(8), f"{d(3)}-{d(2)}-{d(2)}", f"00{d(6)}"), acct=ch(d(10), f"V{d(9)}", f"{d(4)}-{d(5)}"),
        ssn=f"{rng.randint(100, 665)}-{d(2)}-{d(4)}", town=town, street=street, zipc=zipc,
        state=pick(STATES[loc]), hosp=pick(FAC["hospital"]), snf=pick(FAC["snf"]), rehab=pick(FAC["rehab"]),
        clinic=pick(FAC["clinic"]), pharm=pick(FAC["pharmacy"]), osh=pick(FAC["hospital"]), rels=rels,
        staff=staff, admit=admit,
        history_years=sorted(rng.sample(range(1988, admit.year), 3)), dx=pick(DX),
    )
    w.email = email(rels[0] if rels and rng.random() < 0.6 else pt)
    return w


# --------------------------------------------------------------------------- surface forms

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def date_s(d: dt.date, loc: str = "en_US", style: str | None = None) -> str:
    dm = loc != "en_US"
    styles = ["md", "md", "md", "mdyy", "mdyyyy", "Mon d", "Month d", "d Month yyyy", "Month d, yyyy",
              "dd-Mon-yyyy", "iso", "m-d", "mm/dd", "Mon d yyyy", "dth Month", "Monthd"]
    st = style or pick(styles)
    mo, da, y = d.month, d.day, d.year
    if st == "md":
        s = f"{da}/{mo}" if dm else f"{mo}/{da}"
    elif st == "mm/dd":
        s = f"{da:02d}/{mo:02d}" if dm else f"{mo:02d}/{da:02d}"
    elif st == "mdyy":
        s = f"{da}/{mo}/{y % 100:02d}" if dm else f"{mo}/{da}/{y % 100:02d}"
    elif st == "mdyyyy":
        s = f"{da:02d}/{mo:02d}/{y}" if dm else f"{mo}/{da}/{y}"
    elif st == "Mon d":
        s = f"{da} {MONTHS[mo - 1][:3]}" if dm and rng.random() < .5 else f"{MONTHS[mo - 1][:3]} {da}"
    elif st == "Month d":
        s = f"{MONTHS[mo - 1]} {da}"
    elif st == "d Month yyyy":
        s = f"{da} {MONTHS[mo - 1]} {y}"
    elif st == "Month d, yyyy":
        s = f"{MONTHS[mo - 1]} {da}, {y}"
    elif st == "dd-Mon-yyyy":
        s = f"{da:02d}-{MONTHS[mo - 1][:3]}-{y}"
    elif st == "iso":
        s = d.isoformat()
    elif st == "m-d":
        s = f"{da}-{MONTHS[mo - 1][:3].lower()}" if dm else f"{mo}-{da}"
    elif st == "Mon d yyyy":
        s = f"{MONTHS[mo - 1][:3]}. {da} {y}"
    elif st == "dth Month":
        suf = "th" if 10 <= da % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(da % 10, "th")
        s = f"{da}{suf} {MONTHS[mo - 1]}" if dm else f"{MONTHS[mo - 1]} {da}{suf}"
    elif st == "Monthd":
        s = f"{MONTHS[mo - 1][:3]}{da}"
    elif st == "dotted":
        s = f"{da}.{mo}.{y % 100:02d}"
    else:
        raise ValueError(st)
    return s


class Ctx:
    """One note's view of a world: surface forms with markers."""

    def __init__(self, w: World, day: dt.date):
        self.w, self.day, self.loc = w, day, w.loc

    # dates
    def D(self, d: dt.date | None = None, style: str | None = None, off: int | None = None) -> str:
        if d is None:
            d = self.day + dt.timedelta(days=off if off is not None else 0)
        return m("DATE", date_s(d, self.loc, style))

    def Dr(self, lo: int, hi: int, style: str | None = None) -> str:
        return self.D(self.day + dt.timedelta(days=rng.randint(lo, hi)), style)

    def short_date(self, off: int = 0) -> str:
        return self.D(self.day + dt.timedelta(days=off), ch("md", "md", "mm/dd", "Mon d", "m-d", "Monthd"))

    def Y(self, y: int | None = None) -> str:
        return m("YEAR", str(y or pick(self.w.history_years)))

    # patient
    def P(self, form: str | None = None) -> str:
        p = self.w.pt
        forms = {
            "full": lambda: m("PATIENT", p.full),
            "mid": lambda: m("PATIENT", f"{p.first} {p.middle[0]}. {p.last}"),
            "lf": lambda: m("PATIENT", f"{p.last}, {p.first}"),
            "LF": lambda: m("PATIENT", f"{p.last.upper()}, {p.first.upper()}"),
            "lfm": lambda: m("PATIENT", f"{p.last}, {p.first} {p.middle[0]}"),
            "title": lambda: ("Mr. " if p.sex == "M" else ch("Mrs. ", "Ms. ", "Ms ", "Mrs ")) + m("PATIENT", p.last),
            "first": lambda: m("PATIENT", p.first),
            "last": lambda: m("PATIENT", p.last),
            "lower": lambda: m("PATIENT", p.full.lower()),
            "init": lambda: m("PATIENT", f"{p.first[0]}. {p.last}"),
        }
        f = form or ch("full", "title", "title", "first", "last", "lf", "mid", "lower", "init", "title")
        return forms[f]()

    # relatives
    def rel(self, k: int | None = None) -> Person | None:
        if not self.w.rels:
            return None
        return self.w.rels[k % len(self.w.rels)] if k is not None else pick(self.w.rels)

    def R(self, r: Person, form: str | None = None) -> str:
        f = form or ch("first", "first", "full", "first", "title", "lower", "last")
        if f == "first":
            return m("RELATIVE", r.first)
        if f == "full":
            return m("RELATIVE", r.full)
        if f == "title":
            return ("Mr. " if r.sex == "M" else ch("Mrs. ", "Ms. ", "Ms ")) + m("RELATIVE", r.last)
        if f == "lower":
            return m("RELATIVE", r.first.lower())
        if f == "last":
            return m("RELATIVE", r.last)
        raise ValueError(f)

    def RW(self, r: Person, form: str | None = None) -> str:
        """Relation word then name, or name then relation in parentheses."""
        word = r.rel
        return ch(f"{word} {self.R(r, form)}", f"{self.R(r, form)} ({word})", f"{word} {self.R(r, form)}",
                  f"{self.R(r, form)} - {word}")

    def PH(self, r: Person | None = None) -> str:
        return m("PHONE", r.phone if r else phone(self.loc))

    # staff
    def C(self, role: str, form: str | None = None) -> str:
        s = self.w.staff[role]
        md = s.cred in CREDS["md"]
        if md:
            f = form or ch("dr", "dr", "Dr", "DR", "drfull", "cred", "bare", "drl")
        else:
            f = form or ch("cred", "cred", "first", "fullcred", "lower", "initcred")
        if f == "dr":
            return ch("Dr. ", "Dr ", "dr ", "dr. ") + m("CLINICIAN", s.last)
        if f == "Dr":
            return "Dr. " + m("CLINICIAN", s.last)
        if f == "DR":
            return ch("DR. ", "DR ") + m("CLINICIAN", s.last.upper())
        if f == "drl":
            return "dr " + m("CLINICIAN", s.last.lower())
        if f == "drfull":
            return "Dr. " + m("CLINICIAN", s.full)
        if f == "cred":
            return m("CLINICIAN", s.full) + ", " + s.cred
        if f == "fullcred":
            return m("CLINICIAN", f"{s.first} {s.last}") + " " + s.cred
        if f == "initcred":
            return m("CLINICIAN", f"{s.first} {s.last[0]}.") + ", " + s.cred
        if f == "bare":
            return m("CLINICIAN", s.last)
        if f == "first":
            return m("CLINICIAN", s.first)
        if f == "lower":
            return m("CLINICIAN", s.first.lower())
        if f == "full":
            return m("CLINICIAN", s.full)
        if f == "lf":
            return m("CLINICIAN", f"{s.last}, {s.first}")
        raise ValueError(f)

    def PG(self, role: str) -> str:
        return m("PHONE", self.w.staff[role].phone)

    def town(self, lower: bool = False) -> str:
        t = self.w.town
        return m("LOCATION", t.lower() if lower or rng.random() < 0.25 else t)

    def age(self) -> str:
        a = self.w.age
        return m("AGE", str(a)) if a > 89 else str(a)

    def sexw(self, short=False):
        if short:
            return self.w.pt.sex
        return ch("woman", "female", "lady") if self.w.pt.sex == "F" else ch("man", "male", "gentleman")

    def he(self):
        return "she" if self.w.pt.sex == "F" else "he"

    def his(self):
        return "her" if self.w.pt.sex == "F" else "his"

    def mrn(self):
        return m("ID", self.w.mrn)


def other_patient_name(w: World, form: str) -> str:
    p = w.pt
    if form == "LF":
        return m("PATIENT", f"{p.last}, {p.first}")
    if form == "L":
        return m("PATIENT", p.last)
    return m("PATIENT", f"{p.last.upper()}, {p.first[0]}")


# --------------------------------------------------------------------------- confounders (not PHI)

def vitals() -> str:
    sbp, dbp = rng.randint(88, 178), rng.randint(44, 98)
    return ch(
        f"T {rng.choice(['36.8', '37.2', '98.6', '99.1', '100.4', '38.3'])} HR {rng.randint(52, 128)} BP {sbp}/{dbp} RR {rng.randint(12, 28)} SpO2 {rng.randint(88, 100)}% {ch('RA', 'on 2L NC', '4L', 'on RA', '35% VM')}",
        f"VS: {sbp}/{dbp}, P {rng.randint(55, 120)}, R {rng.randint(14, 26)}, sat {rng.randint(90, 99)}%",
        f"BP {sbp - 20}-{sbp}/{dbp - 10}-{dbp}, HR {rng.randint(60, 80)}-{rng.randint(90, 115)}, afebrile, Tmax 37.{rng.randint(0, 9)}",
        f"vitals stable: {sbp}/{dbp} hr {rng.randint(60, 100)} rr 18 98% 2L",
    )


def labs() -> str:
    return ch(
        f"Na {rng.randint(128, 145)} K {rng.randint(30, 55) / 10} Cl {rng.randint(95, 110)} HCO3 {rng.randint(18, 30)} BUN/Cr {rng.randint(12, 60)}/{rng.randint(7, 35) / 10}",
        f"WBC {rng.randint(40, 220) / 10} Hgb {rng.randint(70, 140) / 10} Plt {rng.randint(90, 450)}",
        f"INR {rng.randint(10, 38) / 10}, PTT {rng.randint(25, 90)}, lactate {rng.randint(8, 50) / 10}",
        f"trop 0.0{rng.randint(1, 9)} -> 0.{rng.randint(10, 90)}, BNP {rng.randint(100, 3200)}",
        f"ABG 7.{rng.randint(22, 45)}/{rng.randint(32, 80)}/{rng.randint(55, 110)}",
        f"glucose {rng.randint(70, 380)}, A1c {rng.randint(55, 120) / 10}%, Mg {rng.randint(15, 25) / 10}",
    )


def vent() -> str:
    return ch(f"AC {rng.choice([400, 450, 500])}/{rng.randint(12, 20)}/{rng.choice([5, 8, 10])}/{rng.choice([40, 50, 60])}%",
              f"PS {rng.choice([5, 8, 10, 12])}/{rng.choice([5, 8])}", f"CPAP 5, FiO2 {rng.choice([30, 35, 40])}%",
              f"BiPAP {rng.choice(['10/5', '12/6', '14/8'])}", f"SIMV 500x12 PEEP 5 PS 10")


MEDS = ["metoprolol tartrate 25 mg PO BID", "Lasix 40mg IV BID", "furosemide 20 mg daily", "apixaban 5 mg BID",
        "Percocet 5/325 1-2 tabs q6h prn", "oxycodone 5 mg q4h prn", "ASA 81", "atorvastatin 40 mg qhs",
        "heparin 5000 units SC TID", "ceftriaxone 1 g IV q24h", "vanc 1.25 g IV q12", "pip/tazo 4.5 g q8h",
        "lisinopril 10 mg", "insulin glargine 18 units qhs + SSI", "Coumadin 2.5 mg", "KCl 40 mEq PO x1",
        "Tylenol 650 q6 prn", "senna/colace", "haldol 0.5 mg IV prn agitation", "Seroquel 25 qhs",
        "tamsulosin 0.4", "pantoprazole 40 mg", "Zosyn", "Vicodin 5/500", "Norco 10/325", "MVI",
        "tiotropium inh daily", "albuterol/ipratropium nebs q4", "prednisone 40 mg x5d", "dilaudid 0.5 mg IV q3h prn"]

EPONYMS = ["Parkinson's", "Alzheimer's", "Hodgkin", "Cushing's", "Crohn's", "Graves'", "Paget's", "Addison's",
           "Huntington's", "Hashimoto's", "Raynaud's", "Wilson's", "Meniere's", "Peyronie's", "Dupuytren's"]


def meds_list(n: int) -> str:
    return "\n".join(f"{i + 1}. {x}" for i, x in enumerate(rng.sample(MEDS, n)))


# --------------------------------------------------------------------------- genres


def g_nursing_caps(c: Ctx) -> str:
    w = c.w
    r = c.rel()
    L = []
    L.append(ch("NURSING NOTE", "NSG PROGRESS NOTE", "RN NOTE 7A-7P", "NURSING 1900-0730", "NURSING ADMISSION NOTE",
                "ICU NURSING NOTE") + " " + ch(c.D(), c.D(style="mdyyyy"), c.D(style="Mon d"), ""))
    L.append(ch(f"{c.age()} Y/O {c.sexw(True)} ADMITTED {c.short_date(-rng.randint(1, 5))} FROM {w.snf.short()} WITH {w.dx[0]}.",
                f"PT IS A {c.age()} YO {c.sexw()} TRANSFERRED FROM {w.osh.short()} ON {c.short_date(-rng.randint(1, 4))} FOR {w.dx[1]}.",
                f"{c.P('title')} ({c.age()}) REMAINS ON 4 WEST, DX {w.dx[2]}.",
                f"RECEIVED PT FROM {w.hosp.short()} ED {c.short_date(-1)} AT 2230. {w.dx[0]}."))
    L.append("NEURO: " + ch("A&OX3, MAE, FOLLOWS COMMANDS.", "A+O X1-2, INTERMITTENTLY CONFUSED, REORIENTS EASILY. CAM POSITIVE.",
                            f"GCS {rng.randint(9, 15)}, PERRL 3MM BRISK. NO SEDATION.", "LETHARGIC BUT AROUSABLE TO VOICE. PUPILS EQUAL."))
    L.append("CV: " + vitals() + ". " + ch("SR 70S-80S, NO ECTOPY.", "AFIB 100-120S, DILTIAZEM GTT AT 10MG/HR.",
                                            "NSR, +2 PEDAL EDEMA BLE.", "PULSES PALP X4, CAP REFILL <3 SEC."))
    L.append("RESP: " + ch(f"ON {vent()}, SX FOR THICK TAN SECRETIONS Q2-3H.", "LS CLEAR UPPER, DIMINISHED BASES. 2L NC, SATS 94-97%.",
                           "CRACKLES BIBASILAR. IS 750 ML. ENCOURAGED C&DB.", f"WEANED TO {vent()} AT 0400, TOL WELL."))
    L.append("GI/GU: " + ch("FOLEY DRAINING CLEAR YELLOW URINE 40-60CC/HR.", "TOLERATING CARDIAC DIET, 3/4 OF TRAYS. +BS, LAST BM TODAY.",
                            "NPO AFTER MN. NGT TO LIS, 200CC BILIOUS OUT.", f"VOIDING QS. I/O {rng.randint(800, 2000)}/{rng.randint(500, 2400)}."))
    L.append("LABS: " + labs().upper() + ". " + labs().upper() + ".")
    soc = []
    if r:
        soc.append(ch(f"{c.RW(r)} IN TO VISIT THIS EVENING, QUESTIONS ANSWERED.",
                      f"{r.rel.upper()} CALLED X2 OVERNIGHT, UPDATED. {c.R(r, 'first')} WILL BE IN AM TO MEET W/ TEAM.",
                      f"{c.R(r, 'first')} AT BEDSIDE MOST OF SHIFT. CELL {c.PH(r)}.",
                      f"FAMILY ({c.R(r, 'full')}) WANTS CALL IF ANY CHANGE - {c.PH(r)}."))
    soc.append(ch(f"DR {m('CLINICIAN', w.staff['attending'].last)} AWARE OF {ch('BP', 'UOP', 'K 3.1', 'TEMP 38.4')}, NO NEW ORDERS.",
                  f"{c.C('resident', 'DR')} PAGED RE: AGITATION, HALDOL 0.5MG IV GIVEN WITH EFFECT.",
                  f"NP {m('CLINICIAN', w.staff['np'].first)} IN TO SEE PT, AWARE.",
                  f"MD ({c.C('intern', 'bare')}) NOTIFIED AT 0230 PER PAGER {c.PG('intern')}."))
    if rng.random() < 0.6:
        soc.append(ch(f"PLAN FOR D/C TO {w.snf.short()} {c.short_date(rng.randint(1, 4))} IF BED AVAILABLE.",
                      f"PT TO {w.rehab.short()} ONCE MEDICALLY CLEARED, CM {c.C('cm', 'first')} FOLLOWING.",
                      f"PT STATES \"I JUST WANT TO GO HOME TO {m('LOCATION', w.town)}\".",
                      f"HX OF {pick(EPONYMS).upper()} DISEASE, FALL RISK - BED ALARM ON, MORSE 65."))
    L.append("SOCIAL/PLAN: " + " ".join(soc))
    if len(w.rels) >= 2 and rng.random() < 0.6:
        a, b = w.rels[0], w.rels[1]
        L.append(ch(f"VISITORS: {c.R(a, 'first')} AND {c.R(b, 'first')} IN FROM 1400-1700, PT BRIGHTER AFTER VISIT.",
                    f"{c.R(b, 'first')} CALLED FROM {m('LOCATION', pick(TOWNS[c.loc]))} ASKING FOR {c.R(a, 'first')}'S NUMBER - REFERRED TO PT.",
                    f"PT ASKING FOR {c.R(a, 'first')} ALL NIGHT. {c.R(a, 'first')} AWARE, WILL COME IN AM."))
    if rng.random() < 0.35:
        L.append(ch(f"PPM INTERROGATED BY REP, SERIAL {m('ID', serial())}, FUNCTIONING NORMALLY.",
                    "SWAN-GANZ IN PLACE R IJ, PAD 18, CI 2.1, SVR 1400. WEDGE 16.",
                    f"PT AGREES TO STAY IN HOSPITAL UNTIL SEEN BY ORTHO. FAMILY AWARE.",
                    f"BELONGINGS: GLASSES, HEARING AIDS X2, DENTURES (UPPER). PHONE LEFT WITH {c.R(c.rel(0), 'first') if w.rels else 'SECURITY'}."))
    L.append(ch(f"-- {c.C('nurse', 'cred')}", f"{m('CLINICIAN', w.staff['nurse'].full)} RN", f"SIGNED: {c.C('nurse2', 'fullcred')}",
                f"/{m('CLINICIAN', w.staff['nurse3'].first + ' ' + w.staff['nurse3'].last[0])} RN"))
    return "\n".join(L).upper()


def g_nursing_lower(c: Ctx) -> str:
    w = c.w
    r = c.rel()
    r2 = c.rel(1)
    parts = []
    parts.append(ch(f"{c.short_date()} nsg note 0700-1930.", f"nsg {c.short_date()} nights:", "rn note:",
                    f"{c.short_date()} @ 1500", f"pt {c.P('last')} - day shift {c.short_date()}."))
    parts.append(ch(f"pt {c.age()}yo {c.sexw(True)} w/ {w.dx[2]}, hx {pick(EPONYMS)}, {ch('afib on coumadin', 'dm2', 'copd on 2l home o2', 'ckd3')}.",
                    f"{c.P('first')} pleasant & cooperative, a&ox3, vss.", f"pt {c.P('lower')} seen on rounds w/ {c.C('attending', 'drl')}."))
    parts.append(ch(vitals().lower() + ".", "afebrile, vss. " + labs().lower() + ".",
                    f"bp {rng.randint(150, 190)}/{rng.randint(80, 100)} at 0600, rechecked {rng.randint(120, 140)}/{rng.randint(70, 85)} after hydralazine 10 iv.",
                    "c/o pain 7/10 l hip -> oxycodone 5mg w/ relief to 3/10. strength 4/5 bue, 3/5 ble."))
    parts.append(ch("foley d/c'd @ 0600, due to void by 1400.", "tol reg diet, ate 1/2 of breakfast.",
                    "skin intact, braden 14, turned q2h. sacral mepilex on.", f"picc l arm, flushed, dsg c/d/i. changed {c.short_date(-2)}.",
                    "amb w/ rw + 1 assist to bathroom, steady.", "ivf ns @ 75/hr. k 3.3 -> kcl 40 meq po x1."))
    if r:
        parts.append(ch(f"{r.rel} {c.R(r, 'lower')} visited, brought clothes. updated on poc.",
                        f"{c.R(r, 'lower')} called from {c.town(True)}, wants update from md - passed to {c.C('resident', 'drl')}.",
                        f"pt's {r.rel} ({c.R(r, 'lower')}) here until 2100. ph {c.PH(r)}.",
                        f"spoke w/ {c.R(r, 'lower')} re: dc plan, prefers {w.snf.short().lower()} close to home in {c.town(True)}."))
    if r2 and r2 is not r and rng.random() < 0.7:
        parts.append(ch(f"{c.R(r2, 'lower')} also called, asked that we only give info to {c.R(r, 'lower') if r else 'hcp'}.",
                        f"{r2.rel} {c.R(r2, 'lower')} coming {ch('tmrw', 'sat', 'sunday')} from {m('LOCATION', pick(TOWNS[c.loc]).lower())}."))
    if w.rels and rng.random() < 0.6:
        a = w.rels[-1]
        parts.append(ch(f"{c.R(a, 'lower')} here w/ pt most of day, very supportive.",
                        f"lives w/ {c.R(a, 'lower')} in {c.town(True)}, 2 steps to enter.",
                        f"{c.R(a, 'lower')} asking about visiting hrs, told 8-8.",
                        f"{c.R(a, 'lower')} + {c.R(w.rels[0], 'lower')} in @ 1800. brought pt's glasses."))
    parts.append(ch(f"pt/ot eval'd by {c.C('pt', 'lower')}: rec rehab. ?{w.rehab.short().lower()} vs {w.snf.short().lower()}.",
                    f"cm {c.C('cm', 'lower')} aware, referral sent to {w.rehab.short().lower()} {c.short_date()}.",
                    f"np {c.C('np', 'lower')} in, restarted home meds. inr {rng.randint(15, 35) / 10}.",
                    f"f/u echo {c.short_date(1)}, pt aware npo after mn."))
    parts.append(ch("call bell in reach, bed alarm on. will cont to monitor.", "safety maintained. poc continues.",
                    "see mar/flowsheet for details.", "fall precautions. 1:1 sitter d/c'd."))
    parts.append(ch(f"- {c.C('nurse', 'lower')} rn", f"{m('CLINICIAN', w.staff['nurse2'].first.lower() + ' ' + w.staff['nurse2'].last.lower())}, rn",
                    f"~{m('CLINICIAN', w.staff['nurse3'].first[0].lower() + w.staff['nurse3'].last.lower())} rn x{rng.randint(1000, 9999)}"))
    return " ".join(parts).lower()


def g_signout(c: Ctx, all_worlds: list[World]) -> str:
    w = c.w
    team = ch("MED A", "Gold team", "Blue Team", "HOSPITALIST 3", "GEN SURG", "Cards", "Night float", "MICU")
    L = [f"{team} SIGNOUT  {c.D(style=ch('md', 'mdyyyy', 'Mon d'))} (" + ch("weekend", "Tues", "Fri", "night") + ")",
         f"From: {c.C('resident', 'dr')} pgr {c.PG('resident')}   To: {c.C('intern', 'dr')} / {c.C('np', 'cred')}",
         f"Attending: {c.C('attending', 'bare')} (cell {m('PHONE', phone(c.loc))})",
         "",
         "RM  | PT | AGE | DX | TO DO / IF-THEN"]
    others = rng.sample([x for x in all_worlds if x is not w], rng.randint(4, 9))
    rows = [w] + others
    rng.shuffle(rows)
    for x in rows:
        cx = Ctx(x, c.day)
        cx.loc = c.loc
        bed = f"{rng.randint(2, 12)}{ch('A', 'B', '')}{rng.randint(1, 40):02d}"
        nm = other_patient_name(x, ch("LF", "L", "UP")) if x is not w else c.P(ch("lf", "LF", "last", "title"))
        todo = []
        todo.append(ch(f"f/u AM K, replete to >4", f"check INR {c.short_date(1)}, hold coumadin if >3",
                       f"CT A/P read pending (acc {m('ID', 'CT' + str(rng.randint(1000000, 9999999)))})",
                       f"if SBP <90 -> 500cc bolus, call {cx.C('resident', 'drl')}",
                       f"cx from {x.osh.short()} pending, call their lab {m('PHONE', phone(c.loc))}",
                       "if agitated haldol 0.5 IV, NO benzos", "trend trop q6", "NPO p MN for EGD"))
        todo.append(ch(f"dispo: {x.snf.short()} {cx.short_date(rng.randint(1, 3))}",
                       f"family mtg {cx.short_date(1)} 2pm w/ {x.rels[0].rel if x.rels else 'HCP'} {cx.R(x.rels[0], 'first') if x.rels else m('RELATIVE', person(x.loc).full)}",
                       f"PCP {cx.C('pcp', 'drl')} at {x.clinic.short()} aware",
                       f"DNR/DNI (MOLST signed {cx.short_date(-rng.randint(1, 30))})",
                       f"GOC w/ {cx.RW(x.rels[-1], 'first') if x.rels else 'pt'}",
                       f"to {x.rehab.short()} once bed, PT cleared", "full code", f"{vent()}, SBT in AM"))
        if rng.random() < 0.4:
            todo.append(ch(f"HCP {cx.R(x.rels[0], 'full') if x.rels else m('RELATIVE', person(x.loc).full)} {m('PHONE', x.rels[0].phone if x.rels else phone(x.loc))}",
                           f"MRN {m('ID', x.mrn)}", f"adm {cx.short_date(-rng.randint(1, 6))}", f"from {m('LOCATION', x.town)}"))
        age = m("AGE", str(x.age)) if x.age > 89 else str(x.age)
        L.append(f"{bed} | {nm} | {age}{x.pt.sex} | {x.dx[rng.randint(0, 2)]} | " + "; ".join(todo))
    L.append("")
    L.append(ch(f"**Pending: echo on {c.P('last')} {c.short_date(1)}; {c.C('consult', 'dr')} (cards) to see in AM.",
                f"Cross-cover note: {c.P('title')} family ({c.R(c.rel(0), 'full') if c.w.rels else 'HCP'}) may call overnight, ok to update.",
                f"Nothing else. Call me if issues - {c.C('resident', 'first')} {m('PHONE', phone(c.loc))}.",
                f"Blood bank ext {m('PHONE', str(rng.randint(2000, 7999)))}; pharmacy {m('PHONE', str(rng.randint(2000, 7999)))}."))
    return "\n".join(L)


def g_telephone(c: Ctx) -> str:
    w = c.w
    r = c.rel()
    L = [ch("TELEPHONE ENCOUNTER", "Phone Note", "Telephone call", "PHONE MESSAGE", "Tel. encounter") + f"  {c.D()} {rng.randint(8, 17)}:{rng.randint(0, 59):02d}"]
    if r and rng.random() < 0.7:
        L.append(f"Caller: {c.R(r, 'full')} ({r.rel})   Call back #: {c.PH(r)}" + maybe(0.3, f"  alt {m('PHONE', phone(c.loc))}"))
    else:
        L.append(f"Caller: patient   Call back #: {m('PHONE', phone(c.loc))}")
    L.append(f"Patient: {c.P(ch('lf', 'full', 'LF'))}   DOB: {c.D(w.dob, style=ch('mdyyyy', 'iso', 'dd-Mon-yyyy'))}   MRN: {c.mrn()}")
    L.append("")
    body = []
    body.append(ch(f"{c.P('first')} called stating {c.he()} has had {ch('worsening SOB', 'swelling in both legs', 'a fever of 38.6', 'dizziness on standing', 'dark stools x2')} since {ch('Sunday', 'the weekend', 'last night', c.short_date(-2))}.",
                   f"{r.rel.capitalize() if r else 'Pt'} {c.R(r, 'first') if r else ''} calling re: {c.P('title')}, reports {c.he()} is {ch('more confused', 'not eating', 'refusing meds', 'falling at home')}.",
                   f"Received call from {w.snf.short()} ({m('CLINICIAN', person().full)}, RN) re: pt's {ch('INR 4.1', 'BP 182/96', 'FSBG 412', 'new rash')}.",
                   f"Pharmacist at {w.pharm.short()} called ({m('PHONE', phone(c.loc))}): Rx for {pick(MEDS)} needs clarification."))
    body.append(ch(f"Weight up {rng.randint(2, 6)} lb since {c.short_date(-rng.randint(3, 9))}. Taking lasix as prescribed. BP at home {rng.randint(100, 170)}/{rng.randint(60, 95)}.",
                   f"Denies CP, {ch('no', 'denies')} fevers. Taking Percocet 5/325 1 tab q6h, 'about 3/day'.",
                   f"Last seen in clinic {c.short_date(-rng.randint(7, 40))} by {c.C('pcp', 'dr')}.",
                   f"Discharged from {w.hosp.short()} on {c.short_date(-rng.randint(2, 10))}; has not yet had f/u."))
    body.append(ch(f"Discussed with {c.C('pcp', 'dr')}: increase furosemide to 40 mg BID x3 days, BMP {c.short_date(3)}.",
                   f"Advised to go to {w.hosp.short()} ED or call 911 if worse. {c.he().capitalize()} verbalized understanding.",
                   f"Appt made with {c.C('np', 'cred')} for {c.Dr(1, 7, ch('Month d', 'md', 'Mon d'))} at 10:30 at {w.clinic.short()}.",
                   f"Message routed to {c.C('pcp', 'dr')} and {c.C('nurse', 'first')} (triage RN)."))
    if r and rng.random() < 0.5:
        body.append(ch(f"{c.R(r, 'first')} asks that future calls go to {m('PHONE', r.phone)} or email {m('EMAIL', w.email)}.",
                       f"Verbal consent on file for {c.R(r, 'full')} to receive info.",
                       f"Left VM for {c.R(r, 'first')} at {c.PH(r)} to call back."))
    L.append(" ".join(body))
    L.append("")
    L.append(ch(f"{c.C('nurse', 'cred')}", f"-- {c.C('np', 'cred')}", f"Taken by: {c.C('nurse2', 'fullcred')} x{m('PHONE', str(rng.randint(2000, 8999)))}"))
    return "\n".join(L)


def g_social_work(c: Ctx) -> str:
    w = c.w
    rels = w.rels
    L = [ch("SOCIAL WORK ASSESSMENT", "Social Work Progress Note", "SW NOTE", "Psychosocial Assessment") + f" - {c.D(style=ch('mdyyyy', 'Month d, yyyy', 'md'))}"]
    L.append(f"Referral: {ch('dispo planning', 'caregiver stress', 'safety at home', 'possible self-neglect', 'adjustment to dx')}, per {c.C('attending', 'dr')}.")
    L.append(f"Met with pt {c.P('title')} at bedside" + (f" and {rels[0].rel} {c.R(rels[0], 'first')}." if rels else " alone."))
    s = [f"Pt is a {c.age()} y/o {ch('widowed', 'married', 'divorced', 'single')} {c.sexw()} who lives in {c.town()}" +
         ch(f" at {m('LOCATION', w.street)}", f", {w.state}" if w.state else "", f" ({m('LOCATION', w.zipc)})", "") + "."]
    if rels:
        a = rels[0]
        s.append(ch(f"Lives with {a.rel} {c.R(a, 'full')}, who is primary caregiver.",
                    f"{c.R(a, 'first')} ({a.rel}) lives {rng.randint(2, 40)} minutes away and visits daily.",
                    f"{a.rel.capitalize()}, {c.R(a, 'full')}, is health care proxy (form on chart, signed {c.D(style='mdyyyy', off=-rng.randint(100, 900))})."))
    for b in rels[1:3]:
        s.append(ch(f"{b.rel.capitalize()} {c.R(b, 'full')} lives in {m('LOCATION', pick(TOWNS[pick(LOCALES)]))}, involved by phone {c.PH(b)}.",
                    f"Also involved: {c.R(b, 'first')} ({b.rel}), {c.PH(b)}.",
                    f"Pt reports strained relationship with {b.rel} {c.R(b)} since {c.Y()}."))
    s.append(ch(f"Previously at {w.snf.long()} in {c.Y(w.history_years[-1])} for short-term rehab; pt 'would not go back to {w.snf.short()}.'",
                f"Receives VNA services through {m('FACILITY', pick(PLACE_WORDS) + ' Home Health')}; Meals on Wheels.",
                f"Attends adult day program at {m('FACILITY', pick(TREES) + ' House')} M/W/F.",
                "Independent in ADLs until this hospital stay; uses cane."))
    L.append(" ".join(s))
    L.append("Assessment: " + ch("Pt alert, engaged, tearful at times when discussing losses. Coping adequately.",
                                 "Caregiver burnout evident. Family dynamics complex.",
                                 "Pt has capacity per psych; wishes to return home with services.",
                                 "Concern for safety at home given falls x3 in past month and hoarding per neighbor report."))
    plan = [ch(f"Referral sent to {w.snf.short()} and {w.rehab.short()} {c.short_date()}; awaiting bed offers.",
               f"Spoke with {m('CLINICIAN', person().full)} at {w.rehab.short()} admissions ({m('PHONE', phone(c.loc))}).",
               f"Elder services referral filed with {m('FACILITY', w.town + ' Council on Aging')}.",
               f"Family meeting scheduled {c.Dr(1, 4, ch('Month d', 'md'))} at 1pm with {c.C('attending', 'dr')}, {c.C('cm', 'cred')}.")]
    if rels and rng.random() < 0.6:
        plan.append(ch(f"Provided {c.R(rels[0], 'first')} with caregiver resources via email ({m('EMAIL', w.email)}).",
                       f"{c.R(rels[-1], 'first')} will bring MOLST copy {ch('tomorrow', 'Monday', c.short_date(1))}."))
    L.append("Plan: " + " ".join(plan))
    L.append(f"{c.C('sw', 'cred')}  pager {c.PG('sw')}" + maybe(0.4, f"  ext {m('PHONE', str(rng.randint(2000, 8999)))}"))
    return "\n".join(L)


def g_discharge(c: Ctx) -> str:
    w = c.w
    adm = c.day - dt.timedelta(days=rng.randint(3, 12))
    L = [ch("DISCHARGE SUMMARY", "Discharge Summary", "DISCHARGE SUMMARY - MEDICINE")]
    L.append(f"Patient: {c.P(ch('LF', 'lfm', 'full'))}    MRN: {c.mrn()}    Acct: {m('ID', w.acct)}")
    L.append(f"Admission date: {c.D(adm, style=ch('mdyyyy', 'mdyy', 'iso', 'd Month yyyy'))}    Discharge date: {c.D(style=ch('mdyyyy', 'mdyy', 'iso', 'd Month yyyy'))}")
    L.append(f"Attending: {c.C('attending', 'drfull')}    PCP: {c.C('pcp', ch('drfull', 'cred'))}, {w.clinic.long()}")
    L.append(f"Discharge diagnosis: {w.dx[1]}. Secondary: {ch('HTN', 'T2DM', 'CKD stage 3b', 'OSA on CPAP', 'BPH')}, {pick(EPONYMS)}.")
    L.append("")
    L.append("HISTORY OF PRESENT ILLNESS:")
    L.append(ch(f"{c.P('title')} is a {c.age()}-year-old {c.sexw()} with history of {w.dx[2]}, CABG ({c.Y()}), and {pick(EPONYMS)} disease, who presented to the {w.hosp.short()} ED from home in {c.town()} on {c.D(adm, style='md')} with {ch('3 days of dyspnea', 'fever and rigors', 'a fall at home', 'confusion')}.",
                f"{c.P('full')} ({c.age()} {c.sexw(True)}) was transferred from {w.osh.long()} on {c.D(adm, style=ch('Month d', 'md'))} where {c.he()} had presented with {w.dx[0]}. Of note, {c.he()} was hospitalized at {w.osh.short()} in {c.Y()} for similar symptoms."))
    L.append("")
    L.append("HOSPITAL COURSE:")
    hc = [ch(f"#{w.dx[0]}: treated with {pick(MEDS)}. {labs()}. Improved by {c.D(adm + dt.timedelta(days=2), style='md')}.",
             f"#{w.dx[0]}: Initially required {vent()} in the MICU ({c.D(adm, style='md')}-{c.D(adm + dt.timedelta(days=2), style='md')}), extubated without issue."),
          ch(f"#AKI: Cr peaked {rng.randint(18, 40) / 10} on {c.D(adm + dt.timedelta(days=1), style='md')}, back to baseline {rng.randint(8, 14) / 10} at discharge.",
             f"#Delirium: managed nonpharmacologically with family at bedside ({c.R(w.rels[0], 'first') if w.rels else 'sitter'}); Seroquel 25 qhs x2 nights.",
             f"#Pain: Percocet 5/325 q6h prn; strength 4/5 in RLE, ambulating with walker with PT ({c.C('pt', 'cred')})."),
          ch(f"Seen by {c.C('consult', 'dr')} of {ch('cardiology', 'nephrology', 'ID', 'geriatrics', 'palliative care')} on {c.D(adm + dt.timedelta(days=rng.randint(1, 3)), style=ch('md', 'Month d'))}, who recommended {ch('TTE', 'holding ACEi', '6 weeks of IV abx via PICC', 'DNR/DNI')}.",
             f"Code status discussed with {c.P('title')} and {c.RW(w.rels[0], 'first') if w.rels else 'the patient alone'}; remains {ch('DNR/DNI', 'full code')}.")]
    L.append(" ".join(hc))
    L.append("")
    L.append("PERTINENT RESULTS:")
    L.append(f"{c.D(adm, style='md')}: {labs()}; {labs()}.")
    L.append(f"{c.D(adm + dt.timedelta(days=1), style='md')}: {labs()}. " + ch(
        f"TTE: EF {rng.randint(20, 65)}%, mod MR, RVSP {rng.randint(25, 60)}.", "CXR: small bilateral effusions.",
        f"CT head ({c.D(adm, style='md')}): no acute process.", "ECG: AF 110s, no acute ST changes."))
    L.append("")
    L.append("DISCHARGE MEDICATIONS:")
    L.append(meds_list(rng.randint(4, 8)))
    L.append("")
    dest = ch("home", "snf", "rehab")
    if dest == "home":
        L.append(f"DISPOSITION: Home with VNA. {ch('Lives with', 'Will stay with')} {c.RW(w.rels[0], 'full') if w.rels else 'self'}.")
    elif dest == "snf":
        L.append(f"DISPOSITION: {w.snf.long()}, {c.town()}. Report called to {m('CLINICIAN', person().full)}, RN at {m('PHONE', phone(c.loc))}.")
    else:
        L.append(f"DISPOSITION: {w.rehab.long()} (acute rehab).")
    L.append("INSTRUCTIONS: " + ch("Weigh yourself daily; call if up more than 3 lb in a day or 5 lb in a week.",
                                   "Return to hospital or call 911 for chest pain, fever > 38.5, or bleeding.",
                                   "Do not drive while taking oxycodone. Foley removed prior to discharge.",
                                   "Resume home diet. Walk 3-4 times per day with walker."))
    L.append("FOLLOW-UP:")
    L.append(f"- {c.C('pcp', 'dr')} at {w.clinic.short()}, {c.Dr(5, 14, ch('Month d', 'md', 'Month d, yyyy'))} at {rng.randint(8, 11)}:{ch('00', '15', '30', '45')}am, tel {m('PHONE', phone(c.loc))}")
    L.append(f"- {ch('Cardiology', 'Nephrology', 'Pulmonary', 'Ortho')} {c.C('consult', 'Dr')} in 2-3 weeks; office will call.")
    L.append(f"- Labs (BMP, CBC) on {c.Dr(2, 5, 'md')} at {w.clinic.short()} or {m('FACILITY', pick(PLACE_WORDS) + ' Lab')}.")
    L.append("")
    L.append(f"Electronically signed: {c.C('resident', 'cred')} for {c.C('attending', 'drfull')} {c.D(style=ch('mdyyyy', 'iso'))} 16:{rng.randint(10, 59)}")
    return "\n".join(L)


RAD_EXAMS = [("CT CHEST WITH IV CONTRAST", "CT"), ("CXR PA AND LATERAL", "CR"), ("MRI BRAIN WITHOUT CONTRAST", "MR"),
             ("CT HEAD W/O", "CT"), ("US RIGHT UPPER QUADRANT", "US"), ("CTA CHEST PE PROTOCOL", "CT"),
             ("XR LEFT HIP 2 VIEWS", "XR"), ("PORTABLE CHEST 1 VIEW", "CR"), ("CT ABDOMEN/PELVIS W CONTRAST", "CT")]


def g_radiology(c: Ctx) -> str:
    w = c.w
    ex, mod = pick(RAD_EXAMS)
    L = [f"EXAM: {ex}", f"ACCESSION: {m('ID', mod + str(rng.randint(10000000, 99999999)))}    MRN: {c.mrn()}",
         f"PATIENT: {c.P(ch('LF', 'lf'))}   DOB: {c.D(w.dob, style=ch('mdyyyy', 'iso'))}   AGE: {c.age()}{w.pt.sex}",
         f"DATE OF SERVICE: {c.D(style=ch('mdyyyy', 'dd-Mon-yyyy', 'iso'))} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
         f"ORDERING: {c.C(ch('attending', 'resident', 'pcp'), ch('lf', 'drfull', 'full'))}" + maybe(0.4, f" (pgr {c.PG('resident')})"),
         "",
         "CLINICAL HISTORY: " + ch(f"{c.age()} yo {c.sexw(True)} with {w.dx[2]}, eval for {ch('PE', 'effusion', 'infiltrate', 'bleed', 'fracture')}.",
                                   f"{w.dx[0]}. {ch('Hypoxia.', 'Fall.', 'Fever.', 'AMS.')}"),
         "",
         "COMPARISON: " + ch(f"{c.D(off=-rng.randint(20, 400), style=ch('mdyyyy', 'md', 'mdyy'))}.",
                             f"Outside CT from {w.osh.short()} dated {c.D(off=-rng.randint(5, 60), style=ch('mdyyyy', 'Month d, yyyy'))}.",
                             "None.", f"Prior study {c.D(off=-rng.randint(1, 5), style='md')} and {c.Y()}."),
         "",
         "TECHNIQUE: " + ch("Axial images obtained after 80 cc Omnipaque 350. DLP 412 mGy-cm.", "Frontal and lateral views.",
                            "Multiplanar multisequence imaging. Dose modulation used.", "Single AP portable view at 0512."),
         "",
         "FINDINGS: " + ch("Lines/tubes: R IJ CVC tip at cavoatrial junction. ET tube 4.5 cm above carina. NG tube below diaphragm.",
                           "There is a 1.2 x 0.9 cm nodule in the RUL (series 3, image 45), previously 1.0 x 0.8 cm.",
                           "Moderate R pleural effusion with compressive atelectasis. No pneumothorax. Heart size upper normal.",
                           "No acute intracranial hemorrhage, mass effect or midline shift. Chronic small vessel ischemic change. Gray-white differentiation preserved.",
                           "Gallbladder distended with wall thickening 5 mm, pericholecystic fluid, sonographic Murphy's sign positive. CBD 4 mm.")
         + " " + ch("Degenerative changes of the spine.", "Osseous structures intact.", "Stable 2/3 of prior calcified granulomas.",
                    "Bibasilar atelectasis, L > R."),
         "",
         "IMPRESSION:",
         "1. " + ch("Findings compatible with acute cholecystitis.", "Interval increase in size of RUL nodule; recommend PET-CT.",
                    "No acute pulmonary embolism.", "Moderate right effusion, increased.", "No acute intracranial abnormality."),
         "2. " + ch("Lines in satisfactory position.", "Otherwise unchanged.", "Follow-up per Fleischner guidelines.")]
    if rng.random() < 0.75:
        L.append("")
        L.append(ch(f"Findings discussed with {c.C('resident', 'dr')} by telephone at {rng.randint(0, 23):02d}{rng.randint(0, 59):02d} on {c.D(style='md')}.",
                    f"Critical result communicated to {c.C('nurse', 'cred')} at {rng.randint(1, 12)}:{rng.randint(10, 59)} pm, read back confirmed.",
                    f"Preliminary read by {c.C('radiologist', 'dr')} ({c.D(style='md')}); no discrepancy with final."))
    L.append(f"Dictated by: {c.C('radiologist', ch('drfull', 'cred'))}   Signed {c.D(style=ch('mdyyyy', 'iso', 'mdyy'))}" +
             maybe(0.3, f"  Reading room {m('PHONE', phone(c.loc))}"))
    L.append(f"{w.hosp.long()} Department of Radiology" + maybe(0.4, f", {m('LOCATION', w.town)}"))
    return "\n".join(L)


def g_pathology(c: Ctx) -> str:
    w = c.w
    acc = f"{ch('S', 'SP', 'CS', 'H')}{c.day.year % 100}-{rng.randint(100, 29999)}"
    spec = ch(("Colon, sigmoid, segmental resection", "adenocarcinoma, moderately differentiated", "pT3 pN1a"),
              ("Breast, left, core needle biopsy", "invasive ductal carcinoma, grade 2", "ER 95%, PR 40%, HER2 2+"),
              ("Prostate, needle biopsies (12 cores)", "acinar adenocarcinoma, Gleason 3+4=7 (Grade Group 2)", "4/12 cores involved"),
              ("Skin, right cheek, shave", "basal cell carcinoma, nodular type", "margins negative"),
              ("Lung, RUL, wedge resection", "squamous cell carcinoma", "pT1c, 2.4 cm"),
              ("Gallbladder, cholecystectomy", "acute and chronic cholecystitis with cholelithiasis", "no dysplasia"),
              ("Bone marrow, posterior iliac crest", "hypercellular marrow (70%) with 12% blasts", "flow pending"))
    L = [ch("SURGICAL PATHOLOGY REPORT", "Surgical Pathology", "PATHOLOGY CONSULTATION REPORT"),
         f"Accession No.: {m('ID', acc)}    Patient: {c.P(ch('LF', 'lfm'))}    MRN: {c.mrn()}",
         f"DOB: {c.D(w.dob, style=ch('mdyyyy', 'dd-Mon-yyyy'))} (Age: {c.age()})   Sex: {w.pt.sex}",
         f"Collected: {c.D(off=-rng.randint(1, 3), style=ch('mdyyyy', 'mdyy'))}   Received: {c.D(off=-rng.randint(0, 1), style=ch('mdyyyy', 'mdyy'))}   Reported: {c.D(style=ch('mdyyyy', 'Month d, yyyy'))}",
         f"Submitting physician: {c.C(ch('surgeon', 'pcp', 'consult'), ch('drfull', 'lf', 'cred'))}   Location: {w.hosp.short()}" + maybe(0.3, f" / copy to {c.C('pcp', 'dr')}, {w.clinic.short()}"),
         "",
         f"SPECIMEN: {spec[0]}.",
         "",
         "CLINICAL HISTORY: " + ch(f"{c.age()} y/o with {w.dx[2]}; mass on imaging.", "R/O malignancy.", f"Hx {pick(EPONYMS)}; prior biopsy {c.Y()} benign."),
         "",
         "GROSS DESCRIPTION:",
         f"Received in formalin, labeled with the patient's name ({c.P(ch('LF', 'lf', 'last'))}) and medical record number, "
         f"designated \"{spec[0].split(',')[0].lower()}\", is a {rng.randint(1, 25)}.{rng.randint(0, 9)} x {rng.randint(1, 9)}.{rng.randint(0, 9)} x {rng.randint(1, 5)}.{rng.randint(0, 9)} cm "
         f"{ch('tan-pink', 'rubbery', 'firm gray-white', 'friable')} {ch('tissue fragment', 'segment', 'core', 'ellipse')}. Inked {ch('blue', 'black', 'orange')}. "
         f"Representative sections submitted in cassettes A1-A{rng.randint(2, 12)}. (Gross: {c.C('pa', ch('first', 'full'))}, PA)",
         "",
         "MICROSCOPIC: " + ch("Sections show infiltrating glands with desmoplastic stroma. Lymphovascular invasion present.",
                              "Sections show nests of basaloid cells with peripheral palisading.",
                              "Mucosa with transmural neutrophilic infiltrate; Rokitansky-Aschoff sinuses.",
                              "Hypercellular marrow with left-shifted myelopoiesis. Reticulin 1+/3."),
         "",
         "DIAGNOSIS:",
         f"- {spec[0].upper()}: {spec[1].upper()}.",
         f"- {spec[2]}; lymph nodes {rng.randint(0, 4)}/{rng.randint(8, 22)} positive." + maybe(0.4, " (AJCC 8th edition)"),
         "",
         ch(f"Case reviewed at intradepartmental consensus conference {c.D(off=-1, style='md')}.",
            f"Results called to {c.C('surgeon', 'dr')} on {c.D(style=ch('md', 'Month d'))} at 1515.",
            f"Outside slides from {w.osh.long()} (#{m('ID', ch('X', 'OS') + str(rng.randint(10, 23)) + '-' + str(rng.randint(1000, 9999)))}) reviewed."),
         f"Pathologist: {c.C('pathologist', ch('cred', 'drfull'))}   Electronically signed {c.D(style=ch('mdyyyy', 'iso'))}"]
    return "\n".join(L)


def g_ed_triage(c: Ctx) -> str:
    w = c.w
    r = c.rel()
    L = [ch("ED TRIAGE", "EMERGENCY DEPT - TRIAGE NOTE", "Triage Assessment") + f"   {c.D(style=ch('mdyyyy', 'md', 'mdyy'))} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
         f"Pt: {c.P(ch('LF', 'lf'))}  MRN {c.mrn()}  Age {c.age()}  ESI {rng.randint(1, 4)}",
         ch(f"Address: {m('LOCATION', w.street)}, {c.town()}" + (f", {w.state}" if w.state else "") + f" {m('LOCATION', w.zipc)}",
            f"Home: {c.town()}" + maybe(0.5, f" ({m('LOCATION', w.zipc)})"), f"Reg: acct {m('ID', w.acct)}",
            f"SSN on file {m('ID', w.ssn)}" if w.loc == "en_US" else f"Acct {m('ID', w.acct)}"),
         "Arrival: " + ch(f"EMS from {w.snf.short()}", f"ambulance from home ({c.town()})", f"walk-in w/ {c.RW(r, 'first') if r else 'friend'}",
                          f"transfer from {w.osh.short()} ED", f"private vehicle, driven by {r.rel if r else 'neighbor'} {c.R(r) if r else m('RELATIVE', person(c.loc).first)}"),
         "CC: " + ch("SOB", "fall, ?hip injury", "AMS", "CP x2h", "fever/chills", "weakness", "melena", "syncope at church"),
         "Vitals: " + vitals(),
         f"Pain {rng.randint(0, 10)}/10. GCS {rng.randint(13, 15)}. FSBG {rng.randint(60, 400)}. Weight {rng.randint(45, 120)} kg.",
         "HPI (brief): " + ch(f"Per {m('CLINICIAN', person().full)} ({ch('EMS', 'paramedic', 'medic')}), pt found on floor at {rng.randint(4, 9)}am by {r.rel if r else 'aide'} {c.R(r) if r else m('RELATIVE', person(c.loc).first)}; down ?hours.",
                              f"Sent in by {c.C('pcp', 'dr')} from {w.clinic.short()} for {ch('K 6.2', 'Hgb 6.8', 'Na 119', 'abnl ECG')}.",
                              f"Recently d/c'd from {w.hosp.short()} {c.short_date(-rng.randint(2, 20))} with {w.dx[0]}."),
         "PMH: " + ", ".join(rng.sample(["HTN", "DM2", "CKD3", "CAD s/p PCI", "afib on apixaban", "COPD", "dementia", "Parkinson's", "CHF", "OSA"], 4))
         + f". Allergies: {ch('NKDA', 'PCN (rash)', 'sulfa', 'codeine - N/V')}.",
         "Meds: see list brought by " + ch(f"{r.rel} ({c.R(r)})" if r else "EMS", "pharmacy printout", f"{w.snf.short()} MAR") + ".",
         f"Contact: {c.R(r, 'full') if r else m('RELATIVE', person(c.loc).full)} {c.PH(r) if r else m('PHONE', phone(c.loc))}" + maybe(0.3, f" / {m('EMAIL', w.email)}"),
         maybe(0.3, f"Device: {ch('PPM', 'ICD', 'LVAD', 'insulin pump')} serial {m('ID', serial())}.\n") +
         f"Isolation: {ch('none', 'contact (MRSA hx)', 'droplet pending COVID PCR')}. Fall risk: {ch('high', 'mod')}. Sepsis screen {ch('neg', 'POS - MD notified')}.",
         f"To {ch('Pod B', 'Acute 12', 'hallway 4', 'resus 2', 'Fast Track')}. {c.C('attending', 'dr')} notified. Triage RN: {c.C('triage', ch('cred', 'fullcred', 'initcred'))}"]
    return "\n".join(L)


def g_progress(c: Ctx) -> str:
    w = c.w
    r = c.rel()
    hd = rng.randint(2, 9)
    L = [ch(f"HOSPITAL MEDICINE PROGRESS NOTE - HD#{hd}", f"Progress Note ({c.D(style='md')})", "DAILY PROGRESS NOTE", f"Medicine Gold - Day {hd}"),
         f"{c.P(ch('full', 'lf'))}, {c.age()}{w.pt.sex}, adm {c.short_date(-hd)} for {w.dx[1]}.",
         "",
         "S: " + ch(f"No acute events overnight. {c.P('title')} reports feeling 'a bit better'. Slept poorly.",
                    f"Overnight, RRT called at 0300 for SBP 84/50; responded to 500 cc LR. Seen by {c.C('intern', 'dr')}.",
                    f"Pt more confused this AM per RN ({c.C('nurse', 'first')}); {r.rel if r else 'family'} {c.R(r, 'first') if r else ''} at bedside says this is new.",
                    "Tolerating diet. +flatus, no BM. Denies CP/SOB."),
         "",
         "O: " + vitals() + ".",
         "   " + ch("Gen: NAD, sitting up in chair.", "Gen: frail elderly, sleeping, arousable.", "Gen: on BiPAP 12/5, mild distress.")
         + " " + ch("Lungs: crackles bases.", "CV: irreg irreg, 2/6 SEM RUSB.", "Ext: 1+ pitting edema to shins.", "Neuro: strength 5/5 BUE, 4/5 LLE."),
         "   Labs: " + labs() + "; " + labs() + ".",
         "   Micro: " + ch(f"BCx {c.short_date(-hd)} NGTD.", f"UCx from {c.short_date(-hd + 1)} >100K E. coli, pan-S.", "sputum cx pending."),
         "",
         "A/P: " + f"{c.age()} y/o {c.sexw(True)} w/ {w.dx[2]}.",
         f"# {w.dx[0]}: {ch('cont', 'day 3/5 of', 'switch to PO')} {pick(MEDS)}. " + ch("Diuresis goal -1L.", "Trend fever curve.", f"{c.C('consult', 'dr')} following."),
         f"# {ch('HTN', 'Afib', 'Anemia', 'Hyponatremia')}: {pick(MEDS)}; hold for SBP <100.",
         "# FEN/PPx: heparin SC, PPI, regular diet.",
         "# Dispo: " + ch(f"PT recommends {w.rehab.short()}; CM {c.C('cm', 'first')} sending referrals. EDD {c.short_date(rng.randint(1, 3))}.",
                          f"Home with {r.rel if r else 'services'} {c.R(r, 'first') if r else ''} once ambulating; needs PCP f/u with {c.C('pcp', 'dr')} within 1 wk.",
                          f"Return to {w.snf.short()} ({m('PHONE', phone(c.loc))}) when stable; bed held until {c.short_date(3)}."),
         "# Code: " + ch("Full", "DNR/DNI (confirmed w/ pt)", f"DNR, HCP {c.R(r, 'full') if r else m('RELATIVE', person(c.loc).full)}"),
         ""]
    if r and rng.random() < 0.5:
        L.append(f"Updated {r.rel} {c.R(r, 'first')} by phone ({c.PH(r)}) at {rng.randint(1, 5)}pm.")
    L.append(ch(f"Seen and examined with {c.C('attending', 'dr')}; agree with plan as above. -- {c.C('resident', 'cred')} pgr {c.PG('resident')}",
                f"{c.C('np', 'cred')}, hospitalist service. Discussed with {c.C('attending', 'drl')}.",
                f"{c.C('pa', 'cred')} / {c.C('attending', 'drfull')}"))
    return "\n".join(L)


GEN_FUN = {"nursing_caps": g_nursing_caps, "nursing_lower": g_nursing_lower, "telephone": g_telephone,
           "social_work": g_social_work, "discharge": g_discharge, "radiology": g_radiology,
           "pathology": g_pathology, "ed_triage": g_ed_triage, "progress_note": g_progress}


# --------------------------------------------------------------------------- main


def main() -> None:
    worlds = [make_world(i) for i in range(30)]
    counts = [rng.randint(3, 7) for _ in worlds]
    while sum(counts) < 160:
        k = rng.randrange(len(counts))
        if counts[k] < 7:
            counts[k] += 1
    rows = []
    gi = 0
    nid = 0
    for w, n in zip(worlds, counts):
        genres = [GENRES[(gi + j) % len(GENRES)] for j in range(n)]
        gi += rng.randint(2, 7)
        rng.shuffle(genres)
        day = w.admit
        for g in genres:
            day = day + dt.timedelta(days=rng.randint(0, 3))
            c = Ctx(w, day)
            for _ in range(50):  # keep within a realistic length
                marked = g_signout(c, worlds) if g == "signout" else GEN_FUN[g](c)
                text, spans = render(marked)
                if 300 <= len(text) <= (4000 if g == "signout" else 2500):
                    break
            nid += 1
            rows.append({"id": f"unt-{nid:04d}", "patient": w.pid, "genre": g, "text": text, "spans": spans})
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            for s in row["spans"]:
                assert row["text"][s["start"]:s["end"]] == s["text"]
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} notes to {OUT}")


if __name__ == "__main__":
    main()
