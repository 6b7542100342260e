"""Dev12, written blind to the de-identifier's rules (its code, word lists, results and unit tests were not read): a
patient's life outside the hospital as the record shows it. 50 patients (children and adolescents, adults in
addiction and behavioural-health care, adults in rehabilitation or near the end of life), 3-4 notes each, sharing the
patient's people and places as one record does. Genres: bh_intake, therapy_progress, methadone_clinic, peds_well_visit,
foster_care_report, school_iep_meeting, outpatient_pt_ot, wheelchair_seating_clinic, social_services_referral,
legal_aid_letter, funeral_planning_note, nurse_triage_call, pharmacy_callback. Some notes wholly in capitals, some wholly
in lower case, most mixed, with the shorthand of real notes ("pt's gm (legal guardian) ruth", "f/u w/ counselor @ new
dawn rc 3/14"). Everything is synthetic: faker names in several locales folded to ASCII, English-word first names
(Faith, Hope, Rusty, Buddy, Sonny, Mercy, Lane, Chance, Reed, Brooke), nicknames; towns from syllables; organisations
from ordinary words ("New Dawn", "Harbor Light", "Second Chance"), saints, surnames and towns.

Labelling conventions (dev10's). FACILITY: the institution's proper name as written, with its kind words; "the", a
possessive "'s", parentheses, unit or department outside; initials a span of their own; pharmacies, DME and wheelchair
vendors, churches, employers, schools, daycares, courts, agencies, shelters, food pantries, funeral homes, cemeteries
and hospice houses are FACILITY. LOCATION: street (with or without its number), town, county, ZIP, each a span;
states unlabelled. CLINICIAN/PATIENT/RELATIVE: the name only, never title, credential, relation word or role. DATE:
every day-level date in any shape, a range two spans, weekday and "the" outside; a bare year is YEAR. AGE: over 89
only. PHONE: phone, fax, extension and short internal numbers. ID: MRN, member, case, docket, DCF, probation, Medicaid
and prescription numbers. EMAIL: a relative's or caseworker's address.

Choices of this split. Anyone whose work is health care is CLINICIAN: therapists, counselors (LADC), prescribers,
pediatricians, nurses, PT/OT/SLP, pharmacists, school nurses and school psychologists, the wheelchair vendor's seating
technician (ATP), hospice staff. Everyone else outside the family who is not clinical is RELATIVE, as dev10's friends
and neighbours: caseworkers, foster parents, teachers, coaches, lawyers, judges, probation officers, AA/NA sponsors,
clergy, funeral directors, employers' supervisors, union stewards, kids' friends. Organisations named with no kind word
("New Dawn", "Harbor Light", "Bridge" in "the Bridge") and their bare initials ("NDRC") are FACILITY. A union local
("Local 212"), a veterans' post ("VFW Post 4471") and a named local AA/NA meeting group ("Keep It Simple group": the
name) are FACILITY. National chains named without a branch (CVS, Walgreens), national programmes (Medicaid, SNAP, WIC,
SSI, AA and NA as programmes) and state agencies named by their kind (DCF, DMH) are not labelled. Look-alikes stay
unlabelled: BP 120/80, doses 5/325, "4/5 strength", "2-3x/wk", "7p-7a", "1/2 tab", "PHQ-9 12/27", methadone mg.
Run: /work/main/.venv/bin/python -m tests.deid_corpus.make_dev12   (from the repository root)
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

SEED = 120_947
OUT = Path(__file__).resolve().parent / "dev12.jsonl"
rng = random.Random(SEED)
Faker.seed(SEED)
LOCALES = ("en_US", "en_US", "en_US", "en_US", "es_MX", "es_ES", "pl_PL", "it_IT", "en_IE", "de_DE", "pt_BR", "fr_FR",
           "vi_VN", "cs_CZ", "en_GB", "fil_PH", "ro_RO")
FK = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FK)):
    FK[_loc].seed_instance(SEED + _i)
GENRES = ("bh_intake", "therapy_progress", "methadone_clinic", "peds_well_visit", "foster_care_report", "school_iep_meeting",
          "outpatient_pt_ot", "wheelchair_seating_clinic", "social_services_referral", "legal_aid_letter",
          "funeral_planning_note", "nurse_triage_call", "pharmacy_callback")
POOLS = {"kid": ("peds_well_visit", "foster_care_report", "school_iep_meeting", "outpatient_pt_ot", "wheelchair_seating_clinic",
                 "therapy_progress", "nurse_triage_call", "pharmacy_callback", "legal_aid_letter", "social_services_referral"),
         "bh": ("bh_intake", "therapy_progress", "methadone_clinic", "social_services_referral", "legal_aid_letter",
                "nurse_triage_call", "pharmacy_callback", "outpatient_pt_ot"),
         "eol": ("funeral_planning_note", "wheelchair_seating_clinic", "outpatient_pt_ot", "social_services_referral",
                 "legal_aid_letter", "nurse_triage_call", "pharmacy_callback", "therapy_progress")}

ENGLISH = {"F": "Faith Hope Mercy Brooke Lane Joy Dawn Ivy Robin Summer".split(),
           "M": "Rusty Buddy Sonny Chance Reed Lane Wade Drew Miles Chase".split()}
NICKS = "Bud Sissy Teddy Dee Cookie Lulu Manny Gigi Butch Tink Bunny Chip Junior Peanut Boo Tito".split()
SAINTS = "Agnes Brigid Jude Anselm Clare Raphael Bernadette Columba Hilda Ambrose Cecilia Monica Kilian Casimir Hedwig " \
         "Benedict Scholastica Boniface Florian Wenceslaus Adalbert Dymphna".split()
WORDY = ("New Dawn|Harbor Light|Bridge|Serenity|Second Chance|Open Door|Safe Harbor|Turning Point|Fresh Start|Common Ground|"
         "Lighthouse|Crossroads|Anchor|Stepping Stones|Sunrise|Beacon|Cornerstone|Gateway|Horizon|Clear Path|North Star|"
         "Good Shepherd|Kindred|Daybreak|Higher Ground|Solid Rock|Pathways|Compass|True North|Mustard Seed|Open Arms|"
         "Bright Futures|Little Acorns|Rainbow|Morning Star|Journey|Promise|Keystone|Lantern|Mosaic").split("|")
GROUPS = ("Keep It Simple|Came to Believe|Back to Basics|Sunrise Serenity|Easy Does It|Just for Today|Miracle on Main|"
          "Hope Not Dope|Living Sober|Friday Night Lights Out|Early Birds|Clean and Free").split("|")
NAMEY = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"] + NICKS + SAINTS}
ENGLISH_SET = {w.lower() for w in ENGLISH["F"] + ENGLISH["M"]}
SOURCE = Path(__file__).read_text(encoding="utf-8")
WORDS = {w.lower() for w in re.findall(r"[A-Za-z]+", SOURCE)} - NAMEY  # a faker name that is a word of these notes is refused
SYL1 = "Ash Bram Cal Dun Fair Glen Hol Kes Lark Mar Nor Pine Red Sil Thorn Wil Ster Ell Hart Wex Dor Bel Hal Lyn Pen Rad " \
       "Quen Alder Birk Cran Fen Gris Hux Lock Mor Ox Rams Tud Vern Wyn Strat Brom Caer Dray".split()
SYL2 = "ford ton field wood ridge haven dale by mont ville port wick burg stead mouth crest bury ley worth gate hurst low sing".split()
STW = "Orchard Quarry Tannery Mill Ferry Cobble Chestnut Larch Granite Depot Foundry Kiln Spruce Hawthorn Sumac Pleasant".split()
STK = "St|Street|Rd|Road|Ave|Lane|Way|Terrace|Ct|Pl".split("|")
MON = "January February March April May June July August September October November December".split()
WEEKDAYS = "Mon Tues Wed Thurs Fri Sat Sun".split()
USED: set[str] = set()
FIRSTS: set[str] = set()


def pick(*xs): return rng.choice(xs)
def chance(p): return rng.random() < p
def tm(): return pick(f"{rng.randint(7, 18)}:{pick('00', '15', '30', '45')}", f"{rng.randint(7, 11)}am", f"{rng.randint(1, 5)}pm", f"{rng.randint(8, 17):02d}{pick('00', '30')}")


def uniq(make):
    USED.add(v := next(v for v in (make() for _ in range(800)) if v not in USED))  # StopIteration: the pool is exhausted
    return v


NAME_RE = re.compile(r"[A-Z][a-z]*(?:['-]?[A-Z][a-z]+)*")


def faker_name(kind: str, sex: str | None = None) -> str:
    f = FK[rng.choice(LOCALES)]
    while True:
        n = fold(f.last_name() if kind == "last" else f.first_name_male() if sex == "M" else f.first_name_female())
        if NAME_RE.fullmatch(n) and len(n) > 2 and n.lower() not in WORDS:
            return n


def surname(): return uniq(lambda: faker_name("last"))
def town(): return uniq(lambda: pick("", "", "", "", "East ", "North ", "West ", "Port ", "South ") + rng.choice(SYL1) + rng.choice(SYL2))
def T(t, mode=None): return S({"upper": t.upper(), "lower": t.lower()}.get(mode or pick("as", "as", "as", "upper", "lower"), t), "LOCATION")


def phone(): return pick("{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}", "{b}-{c}", "{a}-{b}-{c}").format(
    a=rng.randint(201, 989), b=rng.randint(201, 989), c=f"{rng.randint(0, 9999):04d}")
def PH(x=None): return S(x or phone(), "PHONE")
def ext(): return P(pick(" ext ", " x", " ext. ", " x "), S(str(rng.randint(100, 9999)), "PHONE"))
def ID(prefix=""): return S(prefix + str(rng.randint(10**5, 10**8)), "ID")
def ordinal(n): return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# ---------------------------------------------------------------- dates in every shape

SHORT = ("md", "md", "md", "mmdd", "dash", "abbr", "mabbr", "dmon", "dmonth", "mdy", "long")


def dshape(d: dt.date, style: str | None = None) -> str:
    style = style or rng.choice(SHORT + ("full", "iso", "longy"))
    m = MON[d.month - 1]
    return {"md": f"{d.month}/{d.day}", "mmdd": f"{d.month:02d}/{d.day:02d}", "dash": f"{d.month}-{d.day}",
            "long": f"{m} {ordinal(d.day)}", "abbr": f"{m[:3]} {d.day}", "mabbr": f"{m[:3].lower()} {d.day}",
            "dmon": f"{d.day}-{m[:3]}", "dmonth": f"{d.day} {m}", "mdy": f"{d.month}/{d.day}/{d.year % 100:02d}",
            "full": f"{d.month:02d}/{d.day:02d}/{d.year}", "iso": d.isoformat(), "longy": f"{m} {d.day}, {d.year}"}[style]


def D(d, style=None): return S(dshape(d, style), "DATE")
def DS(d): return D(d, rng.choice(SHORT))
def DF(d): return D(d, pick("full", "longy", "mdy", "iso"))
def Y(y): return S(str(y), "YEAR")
def later(d, lo, hi): return d + dt.timedelta(days=rng.randint(lo, hi))


def drange(a: dt.date, b: dt.date) -> list:
    st = pick("md", "md", "mmdd", "abbr", "dash")
    return P(D(a, st), pick("-", " - ", " to ", " thru "), D(b, st))


def dwhen(d: dt.date) -> list:
    k = rng.randrange(6)
    if k == 0: return P(WEEKDAYS[d.weekday()] + " ", DS(d))
    if k == 1: return P("the ", S(ordinal(d.day), "DATE"))
    if k == 2: return P("(", DS(d), ")")
    if k == 3: return P("on ", DS(d), f" @ {tm()}")
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
    nick: str | None = None


def person(typ, sex=None, cred="", rel="", ab="", last=None, english=False) -> Person:
    sex = sex or pick("F", "M")
    first = rng.choice(ENGLISH[sex]) if english else faker_name("first", sex)
    while first in FIRSTS:  # one patient's people never share a first name
        first = faker_name("first", sex)
    FIRSTS.add(first)
    p = Person(first, last or surname(), typ, sex, cred, rel, ab or rel)
    p.nick = rng.choice(NICKS) if typ != "CLINICIAN" and chance(0.15) else None
    return p


def hon(p): return "Mr." if p.sex == "M" else pick("Mrs.", "Ms.")


def nm(p: Person, form="fl") -> list:
    t = p.typ
    return {"fl": lambda: S(f"{p.first} {p.last}", t), "f": lambda: S(p.first, t), "l": lambda: S(p.last, t),
            "lf": lambda: P(S(p.last, t), ", ", S(p.first, t)), "FL": lambda: S(f"{p.first} {p.last}".upper(), t),
            "fll": lambda: S(f"{p.first} {p.last}".lower(), t), "F": lambda: S(p.first.upper(), t),
            "fl_": lambda: S(p.first.lower(), t), "il": lambda: S(f"{p.first[0]}. {p.last}", t),
            "t": lambda: P(hon(p) + " ", S(p.last, t))}[form]()


def doc(c: Person, form: str | None = None) -> list:
    """A clinician: "Dr. X", "dr x", "X, LADC", "(X, RN)", "-kl lmhc", "counselor Anna"."""
    C, md = "CLINICIAN", c.cred in ("MD", "DO")
    cr = c.cred.split(",")[0]
    form = form or (pick("Dr", "dr", "DR", "drfl", "sig", "fl", "l") if md else pick("fl", "sig", "sigr", "paren", "first", "credl"))
    if not md and form in ("Dr", "dr", "DR", "drfl"):
        form = pick("paren", "sig", "credl")
    return {"Dr": lambda: P(pick("Dr. ", "Dr "), S(c.last, C)), "dr": lambda: P("dr ", S(c.last.lower(), C)),
            "DR": lambda: P("DR. ", S(c.last.upper(), C)), "drfl": lambda: P("Dr. ", S(f"{c.first} {c.last}", C)),
            "fl": lambda: S(f"{c.first} {c.last}", C), "sig": lambda: P(S(f"{c.first} {c.last}", C), ", " + c.cred),
            "sigr": lambda: P(S(c.last, C), ", ", S(c.first, C), " " + cr), "paren": lambda: P("(", S(c.last, C), ", " + cr + ")"),
            "init": lambda: P("-", S((c.first[0] + c.last[0]).lower(), C), " " + cr.lower()),
            "first": lambda: P(cr + " ", S(c.first, C)), "credl": lambda: P(S(c.last, C), " " + cr),
            "l": lambda: S(c.last, C)}[form]()


def sign(c: Person) -> list:
    return pick(lambda: doc(c, "sig"), lambda: doc(c, "sigr"), lambda: doc(c, "init"),
                lambda: P(S(f"{c.first} {c.last}".upper(), "CLINICIAN"), " " + c.cred.split(",")[0]))()


def rel_ref(r: Person) -> list:
    """A relative or non-clinical contact named every way, with or without the relation word."""
    k = rng.randrange(14)
    if k == 0: return P(r.ab + " ", nm(r, "f"))  # gm Ruth
    if k == 1: return P(nm(r, "F"), f" ({r.ab.upper()})")
    if k == 2: return P(r.rel + " ", nm(r, "fl_"))
    if k == 3: return P("pt's " + r.rel + ", ", nm(r, "fl"))
    if k == 4: return P(pick("pt's ", "the pt's ", ""), r.ab + " ", nm(r, "fl_"))
    if k == 5: return P(nm(r, "t"), f" ({r.rel})")
    if k == 6: return P(nm(r, "f"), f" ({r.ab})")
    if k == 7 and r.nick: return P(r.rel + " ", nm(r, "f"), ' ("', S(r.nick, r.typ), '")')
    if k == 8: return P(nm(r, "lf"), f" ({r.rel})")
    if k == 9: return P(nm(r, "f"), ", pt's " + r.rel + ",")
    if k == 10: return P(r.rel + " (", nm(r, "f"), ")")
    if k == 11: return P(nm(r, "FL"), " - " + r.rel.upper())
    if k == 12: return P(S(f"{r.first} {r.last[0]}.", r.typ), f" ({r.rel})")
    return P(r.rel + " ", nm(r, "fl"))


def bare(r: Person) -> list:
    if r.nick and chance(0.3):
        return S(r.nick, r.typ)
    return nm(r, pick("f", "f", "fl_", "F", "t", "l") if r.typ == "RELATIVE" else pick("f", "fl", "t"))


def role(r: Person) -> list:
    """A non-family contact by role: "DCF worker Ana Ruiz", "Atty. Ruiz", "Judge Ruiz", "coach rusty"."""
    k = rng.randrange(5)
    if k == 0: return P(r.rel + " ", nm(r, "fl"))
    if k == 1: return P(r.ab + " ", nm(r, pick("l", "t")))
    if k == 2: return P(nm(r, "fl"), " (" + r.rel + ")")
    if k == 3: return P(r.ab.lower() + " ", nm(r, pick("fl_", "fll")))
    return P(nm(r, "lf"), ", " + r.rel)


# ---------------------------------------------------------------- places


@dataclass
class Fac:
    formal: str
    shorts: list = field(default_factory=list)
    init: str | None = None


def ini(text):
    i = "".join(w[0] for w in re.split(r"[\s&-]+", text) if w[:1].isupper())
    if len(i) < 3 or i in USED:
        return None
    USED.add(i)
    return i


def Fa(f: Fac, form="any") -> list:
    form = (pick("formal", "short", "short", "init") if f.init else pick("formal", "short")) if form == "any" else form
    form = "short" if form == "init" and not f.init else form
    text = {"formal": f.formal, "init": f.init, "short": rng.choice(f.shorts) if f.shorts else f.formal}[form]
    if text.startswith("the "):  # "the Bridge": the article outside
        return P("the ", S(text[4:], "FACILITY"))
    return S(text, "FACILITY")


def org(nw: list, kinds: tuple[str, ...]) -> Fac:
    """An organisation in ordinary words; `nw` is one patient's pool, so two of theirs never share a short name."""
    w, kind = nw.pop(), rng.choice(kinds)
    formal = f"{w} {kind}" if kind else w
    short = "the " + w if w in ("Bridge", "Lighthouse", "Crossroads", "Anchor", "Gateway") else w
    shorts = [short] + ([f"{w} RC", f"{w.lower()} rc"] if kind == "Recovery Center" else [])
    return Fac(formal, shorts if kind else [], ini(formal) if kind else None)


def named(kinds, base=None) -> Fac:
    b = base or rng.choice((surname, town))()
    kind = rng.choice(kinds)
    return Fac(f"{b} {kind}", [b] if base is not None and chance(0.6) else [], ini(f"{b} {kind}"))


def saint(kind) -> Fac:
    return Fac(f"St. {(s := rng.choice(SAINTS))} {kind}".strip(), [f"St. {s}", f"St {s}"] if kind else [])


def street(num=True) -> str: return (f"{rng.randint(2, 2999)} " if num else "") + f"{rng.choice(STW)} {rng.choice(STK)}"


# ---------------------------------------------------------------- one patient's record

KID_RELS = [("mother", "F", ["mom", "mother", "bio mom"]), ("father", "M", ["dad", "father", "bio dad"]),
            ("grandmother", "F", ["gm", "grandma", "MGM"]), ("grandfather", "M", ["gf", "grandpa", "PGF"]),
            ("aunt", "F", ["aunt"]), ("uncle", "M", ["uncle"]), ("older sister", "F", ["sis"]), ("older brother", "M", ["bro"])]
ADULT_RELS = [("wife", "F", ["wife"]), ("husband", "M", ["husb", "husband"]), ("girlfriend", "F", ["gf", "girlfriend"]),
              ("boyfriend", "M", ["bf", "boyfriend"]), ("daughter", "F", ["dtr", "dau"]), ("son", "M", ["son"]),
              ("sister", "F", ["sis", "sister"]), ("brother", "M", ["bro", "brother"]), ("mother", "F", ["mom", "mother"]),
              ("cousin", None, ["cousin"]), ("niece", "F", ["niece"]), ("nephew", "M", ["nephew"])]
SUBST = ["opioid use d/o, severe (fentanyl)", "alcohol use d/o w/ hx withdrawal sz", "stimulant use d/o (meth)",
         "opioid use d/o in early remission", "cocaine + ETOH use", "benzo misuse + OUD"]
KID_DX = ["spastic diplegic CP", "autism spectrum d/o", "Down syndrome", "spina bifida (L4)", "ADHD + speech delay",
          "TBI after MVC", "developmental delay", "DMD"]
EOL_DX = ["metastatic pancreatic ca", "ALS", "end-stage COPD", "CHF NYHA IV", "glioblastoma", "metastatic breast ca"]
LOOK = ["BP 120/80", "BP 132/86", "HR 88", "percocet 5/325 1 tab q6h prn", "strength 4/5 BLE", "grip 3/5 L", "PHQ-9 12/27",
        "GAD-7 9/21", "COWS 6", "CIWA 4", "sleeping 4-5 hrs", "2-3x/wk", "1/2 tab qhs", "AUDIT-C 7/12", "BMI 31.2",
        "wt 14.2 kg (42%)", "MAS 1+", "ROM 0-95", "pain 6/10", "O2 2L NC", "works 7p-7a shifts", "1-2 ppd x 20 yrs"]
LOOK_KID = ["BP 98/62", "HR 96", "wt 14.2 kg (42%)", "ht 25th %ile", "strength 4/5 BLE", "MAS 1+", "ROM 0-95", "ASQ 3/5 domains",
            "M-CHAT 2/20", "amox 400/57 5 mL BID", "1/2 tab qhs", "Vanderbilt 6/9 inattentive", "sleeping 9-10 hrs", "PT 2-3x/wk"]


def look(n=2, kid=False): return "; ".join(rng.sample(LOOK_KID if kid else LOOK, n))


class World:
    def __init__(self, n: int, kind: str):
        self.pid, self.kind = f"dev12-p{n:03d}", kind
        FIRSTS.clear()
        self.sex = pick("F", "M")
        self.pt = person("PATIENT", self.sex, english=chance(0.2))
        if kind == "kid" and chance(0.4): self.pt.nick = pick("Buddy", "Sonny", "Peanut", "Boo", "Tink", "Junior")
        self.age = rng.randint(1, 17) if kind == "kid" else rng.randint(22, 60) if kind == "bh" else (rng.randint(90, 101) if chance(0.3) else rng.randint(45, 89))
        self.t0 = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 1600))
        self.mrn, self.mcaid = str(rng.randint(10**6, 10**8)), f"{pick('', 'MA', 'NY')}{rng.randint(10**8, 10**10)}"
        self.town, self.town2, self.born = town(), town(), town()
        self.county, self.zip, self.addr = f"{town()} County", f"{rng.randint(1001, 99950):05d}", street()
        self.dx = rng.choice({"kid": KID_DX, "bh": SUBST, "eol": EOL_DX}[kind])
        nw = rng.sample(WORDY, 12)
        cl = lambda cred, sex=None: person("CLINICIAN", sex, cred=cred, english=chance(0.15))  # noqa: E731
        self.ther, self.couns, self.prescr = cl(pick("LMHC", "LICSW", "PsyD", "LCSW")), cl(pick("LADC", "CADC-II", "LADC I")), cl(pick("MD", "DO", "NP"))
        self.peds, self.ptx, self.ot = cl(pick("MD", "DO")), cl(pick("PT, DPT", "PT")), cl(pick("OTR/L", "OT"))
        self.slp, self.atp, self.rn = cl(pick("CCC-SLP", "SLP")), cl(pick("ATP", "ATP/SMS")), cl(pick("RN", "RN, BSN"))
        self.pharmd, self.pcp, self.hosp_rn, self.schoolrn = cl("PharmD"), cl(pick("MD", "DO")), cl(pick("RN", "RN, CHPN")), cl("RN")
        self.psych = cl(pick("PhD", "NCSP"))
        chosen = rng.sample(KID_RELS if kind == "kid" else [r for r in ADULT_RELS if self.age < 70 or r[0] not in ("mother", "boyfriend", "girlfriend")], 4)
        self.rels = []
        for rel, sex, abbrs in chosen:
            same = rel in ("mother", "father", "wife", "husband", "daughter", "son", "sister", "brother", "older sister",
                           "older brother", "grandmother", "grandfather") and chance(0.6)
            self.rels.append(person("RELATIVE", sex, rel=rel, ab=rng.choice(abbrs), last=self.pt.last if same else None, english=chance(0.35)))
        self.guard, self.emerg = self.rels[:2]
        R_ = lambda rel, ab, sex=None, eng=0.3: person("RELATIVE", sex, rel=rel, ab=ab, english=chance(eng))  # noqa: E731
        self.friend = R_(pick("friend", "neighbor", "roommate"), pick("friend", "nbr", "roommate"), eng=0.4)
        self.kidfriend = R_("friend", pick("friend", "best friend"), eng=0.5)
        self.fostermom, self.fosterdad = R_("foster mother", pick("foster mom", "FM"), "F"), R_("foster father", pick("foster dad", "FF"), "M")
        self.fosterdad.last = self.fostermom.last
        self.caseworker = R_(pick("DCF worker", "caseworker", "social worker"), pick("SW", "DCF SW", "cw"))
        self.teacher = R_("teacher", pick("Ms.", "teacher"), "F")
        self.coach = R_("coach", "Coach", "M", eng=0.6)
        self.lawyer = R_("attorney", pick("Atty.", "atty"))
        self.judge = R_("judge", "Judge")
        self.po = R_("probation officer", pick("PO", "P.O."))
        self.sponsor = R_("sponsor", pick("sponsor", "NA sponsor", "AA sponsor"), eng=0.5)
        self.pastor = R_("pastor", pick("Pastor", "Fr.", "Rev."), "M")
        self.director = R_("funeral director", pick("FD", "director"))
        self.boss = R_("supervisor", pick("supervisor", "boss"))
        self.steward = R_("union steward", pick("steward", "rep"))
        self.advocate = R_("housing advocate", pick("advocate", "case mgr"))
        self.phones = {id(r): phone() for r in self.rels + [self.friend, self.fostermom, self.caseworker, self.lawyer, self.sponsor]}
        # places
        self.rc = org(nw, ("Recovery Center", "Treatment Center", "Behavioral Health", "Recovery Services"))
        self.otp = org(nw, ("Comprehensive Treatment Center", "Opioid Treatment Program", "Clinic", "Methadone Clinic"))
        self.sober = pick(lambda: org(nw, ("House", "Sober Living", "Recovery Residence")), lambda: named(("House", "Sober House"), surname()))()
        self.group = Fac(rng.choice(GROUPS))
        self.meet = saint(pick("Church", "Parish", ""))
        self.ther_prac = named(("Counseling Associates", "Counseling Center", "Behavioral Health"))
        self.daycare = pick(lambda: org(nw, ("Daycare", "Learning Center", "Child Care", "Early Learning")), lambda: named(("Daycare",), surname()))()
        level = ("Elementary School", "Early Childhood Center") if self.age < 11 else ("Middle School", "High School", "Regional High School", "Academy")
        self.school = named(level, surname() if chance(0.5) else None)
        self.agency = org(nw, ("Family Services", "Children's Services", "Foster Care", "Youth & Family"))
        self.pedsprac = pick(lambda: named(("Pediatrics", "Pediatric Associates", "Children's Health")), lambda: org(nw, ("Pediatrics",)))()
        self.ptclin = named(("Physical Therapy", "Sports & Spine", "Rehab Associates", "Pediatric Therapy", "Therapy Center"))
        self.gym = pick(lambda: named(("Aquatic Center", "YMCA Pool", "Fitness", "Boxing Gym")), lambda: Fac(re.sub(r"s's ", "s' ", f"{surname()}'s Gym")))()
        self.vendor = named(("Mobility", "Medical Supply", "Rehab Technology", "Home Medical", "Wheelchair & Seating"), surname())
        self.shelter = pick(lambda: org(nw, ("Shelter", "", "House", "Family Shelter")), lambda: saint("House"))()
        self.church = pick(lambda: saint(pick("Parish", "Church", "Catholic Church")), lambda: named(("Baptist Church", "AME Church", "Lutheran Church")),
                           lambda: Fac(f"Iglesia {pick('Pentecostal', 'Bautista')} {rng.choice(('Roca', 'Fuente', 'Nueva Vida'))} de {rng.choice(SAINTS)}"))()
        self.pantry = Fac(f"St. {rng.choice(SAINTS)}'s Food Pantry") if chance(0.5) else org(nw, ("Food Pantry", "Community Kitchen", "Food Bank"))
        self.court = Fac(f"{self.county.replace(' County', '')} {pick('Probate and Family Court', 'District Court', 'Juvenile Court', 'Superior Court')}")
        self.legal = pick(lambda: Fac(f"{town()} Legal Aid"), lambda: org(nw, ("Legal Services", "Law Project")),
                          lambda: Fac(f"{surname()} & {surname()} Immigration Law", []))()
        self.legal.init = self.legal.init or ini(self.legal.formal)
        self.employer = pick(lambda: Fac(f"{surname()} Freight"), lambda: Fac(f"{surname()} Roofing"), lambda: Fac(f"{town()} Cold Storage"),
                             lambda: Fac(f"{surname()} Bros. Construction"), lambda: Fac(f"{surname()} Packing"))()
        self.union = Fac(pick(f"Local {rng.randint(2, 999)}", f"Teamsters Local {rng.randint(2, 999)}", f"Laborers Local {rng.randint(2, 999)}"))
        self.vets = Fac(pick(f"VFW Post {rng.randint(100, 9999)}", f"American Legion Post {rng.randint(10, 999)}"))
        fam = surname()
        self.funeral = pick(lambda: Fac(f"{fam} & Sons Funeral Home", [f"{fam} & Sons"]), lambda: Fac(f"{fam} Funeral Home", [fam]),
                            lambda: Fac(f"{fam}-{surname()} Funeral Chapel", [fam]))()
        self.funeral_poss = fam
        self.cemetery = pick(lambda: saint("Cemetery"), lambda: Fac(f"{town()} Memorial Park"), lambda: Fac(f"{rng.choice(STW)}wood Cemetery"))()
        self.hospice = org(nw, ("Hospice House", "Hospice Residence"))
        self.pharm = pick(lambda: Fac(f"{surname()} Pharmacy"), lambda: Fac(f"{town()} Apothecary"), lambda: Fac(f"{surname()} Drug"))()
        self.hosp = named(("General Hospital", "Memorial Hospital", "Medical Center"), town())
        self.hosp.shorts = [self.hosp.formal.replace(" Hospital", "").replace(" Center", "")]

    def rel(self, but=None): return rng.choice([r for r in self.rels if r is not but] or self.rels)
    def ph(self, r): return S(self.phones[id(r)], "PHONE")
    def d(self, lo=0, hi=90): return later(self.t0, lo, hi)
    def A(self):
        a = S(str(self.age), "AGE") if self.age > 89 else str(self.age)
        return P(a, pick(" yo ", "yo ", " y/o ", "-year-old ", " year old ")) + P(pick("M" if self.sex == "M" else "F", "male" if self.sex == "M" else "female"))
    def PT(self, forms=("fl", "lf", "FL", "t")): return nm(self.pt, pick(*forms))
    def where(self): return P(T(self.town), pick(", ", " ") if chance(0.5) else "", *([T(self.zip)] if chance(0.3) else []))
    def addr_(self): return P(S(self.addr, "LOCATION"), ", ", T(self.town), pick(", MA ", ", NH ", " RI ", ", CT "), S(self.zip, "LOCATION"))


def hdr(title, w: World, d) -> list:
    return P(title, "  ", D(d, pick("full", "md", "mdy", "longy", "iso")), "\n", pick("Pt: ", "Patient: ", "Client: ", "RE: "),
             w.PT(), pick("  MRN ", "  DOB on file  ID# ", "  Acct "), S(w.mrn, "ID"), "\n")


# ---------------------------------------------------------------- genres


def g_bh_intake(w: World):
    d, r = w.d(0, 10), w.rel()
    out = P(hdr(pick("BEHAVIORAL HEALTH INTAKE", "Intake Assessment", "ADMISSION INTAKE - RESIDENTIAL"), w, d),
            "Program: ", Fa(w.rc, "formal"), *([" (", Fa(w.rc, "init"), ")"] if w.rc.init else []), ", ", T(w.town2), ".\n",
            "ID: ", w.A(), f" w/ {w.dx}, referred by ", pick(lambda: P("PO ", nm(w.po, "l"), " (", Fa(w.court, "formal"), ", docket ", ID(pick("2021JV", "21-CR-", "")), ")"),
                                                           lambda: P(doc(w.pcp), " at ", Fa(w.hosp, "any")), lambda: P("self, after ", rel_ref(r), " called our line"))(), ".\n",
            "Hx: first use age ", str(rng.randint(12, 25)), "; last use ", dwhen(later(d, -3, -1)), ". Prior tx at ", Fa(w.shelter, "any"),
            " detox (", Y(d.year - rng.randint(1, 6)), ") and ", Fa(w.otp, "any"), " ", drange(later(d, -400, -300), later(d, -280, -200)), ".\n",
            "Screens: ", look(2, w.kind == "kid"), ". UDS +fentanyl/+THC.\n",
            "Social: lives w/ ", rel_ref(r), " at ", w.addr_(), "; ", pick("sober house bed at ", "on waitlist for "), Fa(w.sober, "any"),
            ". Works at ", Fa(w.employer, "formal"), " (", Fa(w.union, "formal"), "), supervisor ", nm(w.boss, pick("fl", "t", "f")), ". Emergency contact: ",
            rel_ref(w.emerg), " ", w.ph(w.emerg), ".\n",
            "Supports: NA sponsor ", nm(w.sponsor, pick("f", "fl")), " ", w.ph(w.sponsor), "; attends ", S(w.group.formal, "FACILITY"), " group ",
            pick("@ ", "at ", "in the basement of "), Fa(w.meet, "any"), " ", pick("Tues", "Thurs", "Sat"), " nights.\n",
            "Plan: assigned counselor ", doc(w.couns), "; therapist ", doc(w.ther, pick("fl", "sig")), " 1x/wk; f/u w/ ", doc(w.prescr), " re MOUD ",
            dwhen(later(d, 2, 7)), ".\n", sign(w.couns), "\n")
    return out, pick(None, None, "upper")


def g_therapy_progress(w: World):
    d, r = w.d(10, 80), w.rel()
    kid = w.kind == "kid"
    out = P(pick("therapy progress note", "Individual Therapy - Progress Note", "PSYCHOTHERAPY NOTE"), " ", DS(d), " (session ",
            str(rng.randint(2, 30)), ")\n", "Client: ", w.PT(("fl", "t", "f")), *([' ("', S(w.pt.nick, "PATIENT"), '")'] if w.pt.nick else []), "\n",
            "S: ", pick(lambda: P("client reports fight w/ ", rel_ref(r), " over ", pick("money", "custody", "curfew"), " on ", DS(later(d, -6, -1)), ". "),
                        lambda: P("came w/ ", rel_ref(r), "; ", bare(r), " waited in lobby. "),
                        lambda: P("talked about ", rel_ref(w.kidfriend if kid else w.friend), pick(" moving away. ", " and the weekend. ")))(),
            *(["Coach ", nm(w.coach, pick("f", "l")), " let them back on the team at ", Fa(w.school, "any"), ". "] if kid else
              ["went to ", S(w.group.formal, "FACILITY"), " mtg x3 this wk, called sponsor ", nm(w.sponsor, "f"), ". "] if w.kind == "bh" else
              ["grief group at ", Fa(w.church, "any"), " ", dwhen(later(d, -7, -1)), "; ", pick("Fr. ", "Pastor "), nm(w.pastor, "l"), " visits. "]),
            "\nO: ", look(2, w.kind == "kid"), ". affect brighter.\n",
            "A: ", pick("progressing", "mixed progress", "stable"), "; ", w.dx if not kid else "adjustment d/o", ".\n",
            "P: next ", dwhen(later(d, 6, 8)), *(["; f/u w/ counselor @ ", Fa(w.rc, "short"), " ", DS(later(d, 2, 9))] if w.kind == "bh" else []), "; coordinate w/ ", (P(role(w.caseworker), " at ", Fa(w.agency)) if kid else P(doc(w.couns), " at ", Fa(w.rc)) if w.kind == "bh"
                                   else P(doc(w.hosp_rn, pick("fl", "first")), " at ", Fa(w.hospice))), ". ", sign(w.ther), "  ", Fa(w.ther_prac, "formal"),
            " ", PH(), ext(), "\n")
    return out, pick(None, "lower", "lower")


def g_methadone_clinic(w: World):
    d = w.d(5, 60)
    dose = rng.choice((40, 60, 75, 80, 95, 110))
    out = P(pick("OTP DOSING / COUNSELING NOTE", "methadone clinic note", "Opioid Treatment Program - Monthly Review"), "  ", DS(d), "\n",
            "Site: ", Fa(w.otp, "any"), pick("", " dosing window 2"), "   pt ", w.PT(("fl", "lf", "fll")), "   member ID ", ID(pick("M", "", "W")), "\n",
            f"methadone {dose} mg, up from {dose - 10} mg on ", DS(later(d, -20, -7)), f"; COWS 3 at 2h. takehomes: {rng.randint(0, 6)} (", "1/2 tab", " clonidine prn ok).\n",
            "UDS ", DS(later(d, -7, -1)), ": +methadone, -fentanyl. ", look(1, w.kind == "kid"), ".\n",
            "Counselor ", doc(w.couns, pick("fl", "l", "first")), " met pt; pt reports staying at ", Fa(w.sober, "any"), pick(" on ", ", "),
            S(street(num=chance(0.4)), "LOCATION"), " in ", T(w.town), ". Rides from ", rel_ref(w.rel()), ".\n",
            "Guest dose arranged at ", S(f"{w.town2} Treatment Center", "FACILITY"), " ", drange(later(d, 10, 12), later(d, 13, 16)),
            " for court (", Fa(w.court, "formal"), ", ", role(w.judge), ").\n",
            "Next: med review w/ ", doc(w.prescr), " ", dwhen(later(d, 14, 28)), pick("; 2-3x/wk groups.", "; groups Tues/Thurs.", ""), "\n",
            sign(pick(w.couns, w.rn)), "\n")
    return out, pick(None, "upper", "lower")


def g_peds_well_visit(w: World):
    d, g = w.d(0, 60), w.guard
    out = P(pick("WELL CHILD VISIT", "Well visit", "Pediatric Health Supervision Visit"), " - ", Fa(w.pedsprac, "formal"), "  ", DF(d), "\n",
            "Pt: ", w.PT(("fl", "lf", "FL")), *([' ("', S(w.pt.nick, "PATIENT"), '")'] if w.pt.nick else []), f"  {w.age} yo  MRN ", S(w.mrn, "ID"),
            "\nAccompanied by ", pick(lambda: P("pt's ", g.ab, " (legal guardian) ", nm(g, "fl_")), lambda: rel_ref(g), lambda: P("foster mom ", nm(w.fostermom, pick("f", "fl", "t"))))(), ".\n",
            "Hx: ", w.dx, ". attends ", pick(lambda: Fa(w.daycare, "any"), lambda: Fa(w.school, "any"))(), " (grade ", str(w.age - 5) if w.age > 5 else "pre-K", "), teacher ", nm(w.teacher, "t"), ". Plays w/ ", nm(w.kidfriend, pick("f", "fl")), " from next door.\n",
            "Swim lessons at ", Fa(w.gym, "any"), " 2x/wk. WIC + SNAP. Shots today; next ", dwhen(later(d, 60, 180)), ".\n",
            "Growth: ", look(2, w.kind == "kid"), ". Hearing/vision passed.\n",
            "Refs: PT at ", Fa(w.ptclin, "any"), " (", doc(w.ptx, pick("fl", "credl")), "), speech w/ ", doc(w.slp, pick("fl", "first")), ".\n",
            "Guardianship papers from ", Fa(w.court, "formal"), " dated ", DS(later(d, -300, -30)), " in chart.\n", sign(w.peds), "\n")
    return out, pick(None, None, "upper")


def g_foster_care_report(w: World):
    d = w.d(10, 90)
    cw, fm, fd = w.caseworker, w.fostermom, w.fosterdad
    out = P(pick("FOSTER CARE QUARTERLY REPORT", "Foster Placement Update", "Child Welfare Home Visit"), "\n", "Agency: ", Fa(w.agency, "formal"),
            *([" (", Fa(w.agency, "init"), ")"] if w.agency.init else []), "   case # ", ID(pick("DCF-", "", "FC")), "\n",
            "Child: ", w.PT(("fl", "lf", "FL")), "   visit ", D(d, pick("full", "md", "long")), "\n",
            "Placed w/ foster parents ", nm(fm, "f"), " and ", nm(fd, "fl"), " at ", w.addr_(), " since ", DS(later(d, -200, -60)), ".\n",
            "Visitation: supervised w/ ", rel_ref(w.guard), " at ", Fa(w.agency, "short") if w.agency.shorts else Fa(w.agency, "formal"),
            " office, ", pick("Tues", "Wed", "Sat"), " ", tm(), "; ", bare(w.guard), pick(" missed 2 of 4.", " attended all.", " late x2."),
            " Kinship option: ", rel_ref(w.rel(but=w.guard)), " in ", T(w.town2), ", home study ", dwhen(later(d, 5, 30)), ".\n",
            "School: ", Fa(w.school, "any"), "; ", nm(w.teacher, "t"), " reports ", pick("better attendance.", "some fights at recess."),
            " Pediatrician ", doc(w.peds, pick("Dr", "dr", "drfl")), " at ", Fa(w.pedsprac, "any"), ". Therapy w/ ", doc(w.ther, pick("fl", "credl")), ".\n",
            "Court: review hearing at ", Fa(w.court, "formal"), " before ", role(w.judge), " ", dwhen(later(d, 20, 60)), "; GAL ", role(w.lawyer), ".\n",
            "Worker: ", nm(cw, "fl"), ", ", cw.rel, "  ", w.ph(cw), ext(), "  ",
            S(f"{cw.first.lower()}.{re.sub('[^a-z]', '', cw.last.lower())}@{pick('statekids.org', 'fostercare-ne.org', 'dcf-mail.net')}", "EMAIL"), "\n")
    return out, pick(None, "upper")


def g_school_iep_meeting(w: World):
    d = w.d(0, 90)
    out = P(pick("IEP TEAM MEETING", "IEP meeting - summary", "Annual IEP Review"), " - ", Fa(w.school, "formal"), ", ", T(w.town), "\n",
            "Date: ", dwhen(d) if chance(0.5) else D(d, pick("full", "long", "dmonth")), "   Student: ", w.PT(("fl", "lf", "FL")), "\n",
            "Present: ", rel_ref(w.guard), "; ", nm(w.teacher, pick("t", "fl")), " (sped teacher); ", doc(w.schoolrn, pick("fl", "credl")),
            " (school nurse); ", doc(w.psych, pick("sig", "fl")), " (school psych); ", doc(w.slp, pick("sig", "fl")), "; ",
            *([role(w.caseworker), "; "] if chance(0.5) else []), "advocate ", nm(w.advocate, "fl"), ".\n",
            "Dx: ", w.dx, ". Services: speech 2x30/wk, OT 1x30/wk, 1:1 para ", nm(w.friend, "f") if chance(0.2) else "TBD", ".\n",
            "Progress: ", look(1, w.kind == "kid"), ". Reading 2-3 grade levels behind. Bus from ", S(street(False), "LOCATION"), ".\n",
            "Outside: PT at ", Fa(w.ptclin, "any"), " ", drange(later(d, 3, 10), later(d, 40, 60)), "; after-school at ", Fa(w.daycare, "any"), ".\n",
            "Next meeting ", D(later(d, 90, 120), pick("md", "abbr", "dmonth")), ". Parent signed consent ", DS(d), ".\n")
    return out, pick(None, "upper", "lower")


def g_outpatient_pt_ot(w: World):
    d = w.d(0, 90)
    c = pick(w.ptx, w.ot)
    out = P(pick("OUTPATIENT PT DAILY NOTE", "OT treatment note", "PT/OT Re-evaluation"), "  ", Fa(w.ptclin, "formal"), "  ", DS(d), "\n",
            "Pt ", w.PT(("fl", "t", "lf")), ", ", w.A(), f", dx {w.dx}. Visit {rng.randint(2, 20)}/24.\n",
            "S: ", pick(lambda: P(rel_ref(w.rel()), " reports pt did HEP 2-3x/wk."), lambda: P("pt reports pain 4/10, walked to ", Fa(w.church, "any"), " on Sunday."),
                        lambda: P("back to work at ", Fa(w.employer, "any"), " light duty per ", doc(w.pcp), ".") if w.kind != "kid" else
                        P("coach ", nm(w.coach, pick("f", "l")), " at ", Fa(w.school, "any"), " asked about return to play."))(), "\n",
            "O: ", look(3, w.kind == "kid"), ". Gait 150 ft w/ RW. Aquatic PT at ", Fa(w.gym, "any"), " ", dwhen(later(d, 2, 6)), ".\n",
            "A/P: cont 2x/wk ", drange(later(d, 1, 3), later(d, 28, 35)), ". Home visit by ", doc(w.ot, pick("fl", "first")), " re bathroom.\n",
            "Cancel line ", PH(), ext(), ". ", sign(c), "\n")
    return out, pick(None, "lower", "upper")


def g_wheelchair_seating_clinic(w: World):
    d = w.d(0, 90)
    out = P(pick("WHEELCHAIR SEATING CLINIC", "Seating & Mobility Eval", "wc seating clinic"), "  ", DS(d), "\n",
            "Pt: ", w.PT(), ", ", w.A(), f", {w.dx}\n", "Present: ", doc(w.ptx, pick("sig", "fl")), "; ", doc(w.atp, pick("sig", "fl")), " (",
            Fa(w.vendor, "any"), ")", "; ", rel_ref(w.guard if w.kind == "kid" else w.rel()), ".\n",
            "Current chair: ", Y(w.t0.year - rng.randint(3, 8)), " manual tilt from ", Fa(w.vendor, "formal"), "; cushion bottomed out. ", look(2, w.kind == "kid"), ".\n",
            "Rec: power tilt/recline, 18x18 seat. LMN to ", doc(pick(w.peds, w.pcp), pick("Dr", "drfl", "dr")), " for signature by ", DS(later(d, 5, 14)), ".\n",
            "Home: ramp at ", w.addr_(), pick(" (3 steps)", "", " needs ramp"), ". Uses chair at ", Fa(pick(w.school, w.church, w.employer), "any"), ".\n",
            "Medicaid PA #", ID("PA"), "; delivery est ", drange(later(d, 40, 50), later(d, 55, 70)), ". Vendor ", PH(), ext(), ".\n")
    return out, pick(None, "upper", "lower")


def g_social_services_referral(w: World):
    d = w.d(0, 80)
    out = P(pick("SOCIAL SERVICES REFERRAL", "Referral - community resources", "CM REFERRAL"), "  ", DS(d), "\n",
            "Client: ", w.PT(), "  Medicaid ID ", S(w.mcaid, "ID"), "\n",
            "Need: ", pick("housing - eviction notice dated ", "food insecurity since ", "utility shutoff on "), DS(later(d, -20, -2)), ".\n",
            "Referred to: ", Fa(w.shelter, "any"), " (intake line ", PH(), "); ", Fa(w.pantry, "any"), " Tues/Fri 9-11; ",
            pick(lambda: P(Fa(w.vets, "formal"), " for veteran's rent help"), lambda: P(Fa(w.church, "any"), " clothing closet"),
                 lambda: P(Fa(w.union, "formal"), " hardship fund via steward ", nm(w.steward, pick("fl", "l"))))(), ".\n",
            "Contacts: ", role(w.advocate), " ", PH(), "; ", rel_ref(w.emerg), " ", w.ph(w.emerg), " can drive to ", T(w.town2), ".\n",
            *(["WENT TO ", S(w.pantry.formal.upper(), "FACILITY"), " ", D(later(d, 1, 4), "md"), ".\n"] if chance(0.4) else []),
            "SNAP recert due ", D(later(d, 20, 40), pick("abbr", "dmonth", "md")), ". ", sign(pick(w.rn, w.ther)), "\n")
    return out, pick(None, "lower", "upper")


def g_legal_aid_letter(w: World):
    d = w.d(10, 90)
    lw, to = w.lawyer, pick(w.ther, w.pcp)
    out = P(Fa(w.legal, "formal"), "\n", S(street(), "LOCATION"), ", ", T(w.town2), "  ", S(f"{rng.randint(1001, 99950):05d}", "LOCATION"),
            "  tel ", PH(), "  fax ", PH(), "\n\n", D(d, pick("longy", "full", "dmonth")), "\n\n",
            "To: ", P(doc(w.ther, "sig"), ", ", Fa(w.ther_prac, "formal")) if to is w.ther else P(doc(w.pcp, "drfl"), ", ", Fa(w.hosp, "formal")), "\n",
            "Re: ", w.PT(("fl", "FL")), ", DOB ", DF(later(w.t0, -365 * max(w.age, 1) - 200, -365 * max(w.age, 1))), "; ",
            pick("docket ", "case no. ", "A# "), ID(pick("", "24-", "A")), "\n\n",
            "Dear ", pick("Dr. ", "Dr ") if to is w.pcp else "", doc(to, pick("l", "fl")), ",\n",
            "This office represents ", nm(w.pt, pick("t", "fl")), " in a ", pick("custody matter", "removal proceeding", "eviction", "SSI appeal"),
            " before ", Fa(w.court, "formal"), " (", role(w.judge), "), next hearing ", dwhen(later(d, 14, 60)), ". ",
            "We request records of treatment ", drange(later(w.t0, 0, 5), later(w.t0, 20, 40)), " and a letter stating ",
            pick("diagnosis and treatment at ", "attendance at ", "compliance w/ tx at "),
            *([Fa(w.rc, "any"), "."] if chance(0.5) else [Fa(w.otp, "any"), "."]), " Our client's ", w.guard.rel if w.kind == "kid" else w.emerg.rel, ", ",
            nm(w.guard if w.kind == "kid" else w.emerg, "fl"), ", has consented.", *([" Employer ", Fa(w.employer, "formal"), " confirms work hours 7p-7a."] if w.kind == "bh" else []), "\n",
            "Please fax to ", Fa(w.legal, "init") if w.legal.init else "our office", " at the number above.\n\n", "Sincerely,\n", nm(lw, "fl"), ", Esq.\n",
            pick("Staff Attorney", "Immigration Attorney", "Managing Attorney"), " ", PH(), ext(), "\n")
    return out, None


def g_funeral_planning_note(w: World):
    d = w.d(20, 90)
    r, fd = w.rel(), w.director
    out = P(pick("FUNERAL / BEREAVEMENT PLANNING", "hospice sw note - funeral planning", "Pre-need planning visit"), "  ", DS(d), "\n",
            "Pt: ", w.PT(), ", ", w.A(), f", {w.dx}, at ", Fa(w.hospice, "any"), pick(" rm 4", "", " (hospice house)"), "\n",
            "Met w/ ", rel_ref(r), " and ", rel_ref(w.rel(but=r)), ". Family chose ", Fa(w.funeral, "any"), " in ", T(w.town),
            pick("; ", "; FD ", "; director "), nm(fd, "fl"), " ", PH(), ".\n",
            "Pt wants mass at ", Fa(w.church, "any"), " w/ ", pick("Fr. ", "Pastor ", "Rev. "), nm(w.pastor, pick("l", "fl")),
            ", burial at ", Fa(w.cemetery, "any"), " next to ", pick("late spouse", "parents", "son"), " (d. ", Y(d.year - rng.randint(2, 30)), ").\n",
            *(["Veteran: honors via ", Fa(w.vets, "formal"), "; DD-214 w/ ", bare(r), ".\n"] if chance(0.5) else []),
            *(["Prepaid plan at ", S(w.funeral_poss, "FACILITY"), "'s since ", D(later(d, -900, -200), pick("full", "mdy")), ".\n"] if chance(0.5) else []),
            "Obituary draft by ", bare(r), "; ", look(1, w.kind == "kid"), "; hospice nurse ", doc(w.hosp_rn, pick("fl", "first")), " aware. DNR/MOLST ", DS(later(d, -30, -5)), ".\n",
            sign(w.ther), "\n")
    return out, pick(None, "lower", "upper")


def g_nurse_triage_call(w: World):
    d = w.d(0, 90)
    who = w.guard if w.kind == "kid" else pick(w.emerg, w.rel(), w.friend)
    out = P(pick("NURSE TRIAGE CALL", "Telephone triage", "after hours call"), "  ", DS(d), f" {tm()}\n",
            "Caller: ", rel_ref(who), " ", PH(w.phones.get(id(who)) or phone()), " re ", w.PT(("fl", "f", "t")), ", ", w.A(), "\n",
            "Reason: ", pick("fever 102.1 x2 days, at ", "fell at ", "c/o chest tightness after ", "ran out of meds, at "),
            *([Fa(pick(w.gym, w.daycare, w.sober, w.shelter), "any")] if chance(0.6) else ["home"]), ". ", look(2, w.kind == "kid"), ".\n",
            "Disposition: ", pick("home care advice", "see PCP within 24h", "urgent care"), *(["; ED at ", Fa(w.hosp, "any"), " if worse"] if chance(0.5) else []),
            "; appt ", pick(lambda: P(dwhen(later(d, 0, 2))), lambda: P(WEEKDAYS[later(d, 1, 1).weekday()] + " ", S(f"{later(d, 1, 1).month}-{later(d, 1, 1).day}", "DATE")))(),
            " w/ ", doc(pick(w.peds if w.kind == "kid" else w.pcp, w.prescr)), ". Call back ", S(str(rng.randint(2000, 7999)), "PHONE"), " (internal).\n",
            sign(w.rn), "\n")
    return out, pick(None, "lower", "upper")


def g_pharmacy_callback(w: World):
    d = w.d(0, 90)
    out = P(pick("PHARMACY CALLBACK", "Rx call-back", "pharmacist phone note"), "  ", DS(d), "\n", "Pt: ", w.PT(), "  ", w.A(), "\n",
            pick("Called from ", "Call to ", "Fax from "), Fa(w.pharm, "any"), " ", PH(), " re: ",
            rng.choice(KID_RX if w.kind == "kid" else BH_RX if w.kind == "bh" else EOL_RX),
            ". Rx #", ID(pick("", "RX", "7")), ", written ", DS(later(d, -10, -1)), " by ", doc(pick(w.prescr, w.peds, w.pcp)), ".\n",
            "Issue: ", pick(lambda: P("PA needed (Medicaid), PA # ", ID("P")), lambda: P("early refill - last fill at CVS ", D(later(d, -20, -5), pick("md", "abbr"))),
                            lambda: P("dose clarification, last fill ", D(later(d, -40, -20), pick("md", "dash", "dmonth"))), lambda: P("DUR alert"))(), ". ",
            pick(lambda: P("spoke w/ ", doc(w.pharmd, pick("fl", "first", "credl")), "."), lambda: P(rel_ref(w.rel()), " will pick up, ID checked."),
                 lambda: P("Walgreens on ", S(street(False), "LOCATION"), " has it in stock; transferred."))(), "\n",
            "PDMP checked ", DS(d), ". Naloxone kit given. " if w.kind == "bh" else ". ", sign(pick(w.rn, w.pharmd)), "\n")
    return out, pick(None, "lower", "upper")


KID_RX = ["guanfacine ER 1 mg 1/2 tab qhs", "amox 400/57 5 mL BID", "methylphenidate ER 18 mg", "baclofen 5 mg 1/2 tab TID", "melatonin 3 mg"]
BH_RX = ["buprenorphine-naloxone 8/2 mg", "naltrexone 50 mg", "sertraline 50 mg", "gabapentin 300 mg TID", "acamprosate 666 mg TID"]
EOL_RX = ["oxycodone/apap 5/325", "morphine soln 20 mg/mL 0.25 mL q2h prn", "lorazepam 0.5 mg SL", "haloperidol 0.5 mg"]
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
    for n in needles - {s["text"] for s in spans if len(s["text"]) <= 2}:
        eng = n.lower() in ENGLISH_SET or n.lower() in {x.lower() for x in NICKS}
        if eng and (case or not n[:1].isupper()):
            continue
        pat = r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, n.split())) + r"(?![A-Za-z0-9])"
        for m in re.finditer(pat, text, 0 if eng else re.IGNORECASE):
            if eng and re.search(r"(^|\n|[.:] )$", text[: m.start()][-2:] if m.start() > 1 else text[: m.start()]):
                continue
            assert any(s["start"] <= m.start() and m.end() <= s["end"] for s in spans), \
                (row["id"], n, text[max(0, m.start() - 60): m.end() + 60])


def main() -> None:
    kinds = ["kid"] * 17 + ["bh"] * 17 + ["eol"] * 16
    rng.shuffle(kinds)
    worlds = [World(i, k) for i, k in enumerate(kinds, 1)]
    counts = [3] * 22 + [4] * 28
    rng.shuffle(counts)
    made: Counter = Counter()
    rows, k = [], 0
    for w, n in zip(worlds, counts):
        cands = sorted(POOLS[w.kind], key=lambda g: (made[g], rng.random()))
        genres = cands[:n]
        for g in sorted(genres, key=GENRES.index):
            made[g] += 1
            segs, case = GENS[g](w)
            text, spans = assemble(segs, case)
            k += 1
            row = {"id": f"dev12-{k:04d}", "patient": w.pid, "genre": g, "text": text, "spans": spans}
            check_spans(row)
            check_every_mention(row, case)
            rows.append(row)
    assert len({r["text"] for r in rows}) == len(rows) >= 170
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    types = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{len(rows)} notes, {len(worlds)} patients -> {OUT.name}")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", dict(sorted(types.items())), "total", sum(types.values()))


if __name__ == "__main__":
    main()
