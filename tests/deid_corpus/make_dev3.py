"""Dev3, written blind to the de-identifier's rules: sign-outs in ten layouts, facility-dense discharge summaries,
all-caps and all-lower nursing notes, clinic letters. People from faker (folded to ASCII), places composed; span
offsets are recorded while each note is assembled. Run: .venv/bin/python -m tests.deid_corpus.make_dev3
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path

from faker import Faker

from tests.deid_corpus.segments import S, assemble, check, fold

SEED = 33031
OUT = Path(__file__).resolve().parent / "dev3.jsonl"
GENRES = ("signout", "discharge", "nursing_caps", "nursing_lower", "clinic_letter")
N_PATIENTS = 40

rng = random.Random(SEED)
ch = rng.choice
LOCALES = ["en_US"] * 12 + ["pl_PL", "es_MX", "vi_VN", "yo_NG", "en_IN", "it_IT", "ga_IE", "de_DE", "tr_TR"]
FAKERS = {loc: Faker(loc) for loc in sorted(set(LOCALES))}
for _i, _loc in enumerate(sorted(FAKERS)):
    FAKERS[_loc].seed_instance(SEED + _i)



# ---------------------------------------------------------------- segments: (text, type or None)
def R(tmpl: str, **kw) -> list:
    """Fill {key} slots with segment lists (or plain strings, unlabelled); <N> pads the line to column N."""
    out = []
    for i, part in enumerate(re.split(r"\{(\w+)\}|<(\d+)>", tmpl)):
        if part is None or part == "":
            continue
        if i % 3 == 0:
            out.append((part, None))
        elif i % 3 == 1:
            v = kw[part]
            out += v if isinstance(v, list) else [(str(v), None)]
        else:
            col = len("".join(t for t, _ in out).rsplit("\n", 1)[-1])
            out.append((" " * max(2, int(part) - col), None))
    return out


# ---------------------------------------------------------------- people
WORD_FIRST = {"F": ["Rose", "Hope", "Summer", "Faith", "Joy", "Dawn", "Iris", "Pearl", "Ruby", "Penny", "Grace", "Holly", "Ivy"],
              "M": ["Will", "Grant", "Bill", "Mark", "Jack", "Gene", "Drew", "Rich", "Frank", "Guy", "Miles", "Chase", "Bud"]}
WORD_LAST = ["Young", "King", "Bell", "Price", "Hill", "Rose", "Grant", "Banks", "Brown", "Green", "Wood", "Fields", "Hall",
             "Long", "Little", "Strong", "Sharp", "Park", "Stone", "Knight", "Hope", "Love", "Summer", "Best", "May", "Cook"]
RELS = {"M": ["son", "husband", "brother", "nephew", "grandson", "friend", "neighbor", "partner"],
        "F": ["daughter", "wife", "sister", "niece", "granddaughter", "friend", "neighbor", "partner"]}
_names: set = set()


def person(sex=None, last=None):
    while True:
        f, sx = FAKERS[ch(LOCALES)], sex or ch("MF")
        first = fold(f.first_name_male() if sx == "M" else f.first_name_female())
        sur = last or fold(f.last_name())
        if rng.random() < 0.13:
            first = ch(WORD_FIRST[sx])
        if last is None and rng.random() < 0.13:
            sur = ch(WORD_LAST)
        if (first, sur) not in _names and first != sur:
            _names.add((first, sur))
            return {"first": first, "last": sur, "sex": sx}


def full(p):
    return f"{p['first']} {p['last']}"


# ---------------------------------------------------------------- places
SYL_A = ["Maple", "Brook", "Cedar", "Ash", "Glen", "Oak", "Wil", "Hart", "Pem", "Ches", "Lan", "Bran", "Kes", "Thorn", "Ren",
         "Hol", "Marl", "Stan", "Win", "Fair", "Elm", "Bir", "Cal", "Dun", "Ever", "Fen", "Gran", "Hales", "Lock", "Mid",
         "Red", "Sher", "Tal", "Wex", "Quin", "Rams", "Sut", "Yar", "Bel", "Cor"]
SYL_B = ["field", "ton", "wood", "ford", "dale", "bury", "mont", "haven", "brook", "ley", "worth", "ridge", "port", "stead"]
SAINTS = ["Brendan", "Agnes", "Cyril", "Ursula", "Jude", "Clement", "Hilda", "Boniface", "Aidan", "Winifred", "Cuthbert",
          "Perpetua", "Ambrose", "Bridget", "Columba", "Dympna", "Gerard", "Anselm"]
STATES = ["MA", "NH", "VT", "CT", "RI", "ME", "NY", "PA", "OH", "MI", "WI", "MN"]
FAC_PATS = {
    "hosp": ["{T} Memorial Hospital", "{T} Regional Medical Center", "St. {S} Hospital", "{T} General Hospital",
             "{T} Community Hospital", "St. {S} Medical Center", "{T} Medical Center"],
    "snf": ["{T} Nursing and Rehab", "{T} Rehabilitation Center", "{T} Manor", "{T} Skilled Nursing Facility",
            "{T} Nursing Home", "{T} Rehab", "{T} Health Care Center"],
    "pcp": ["{T} Family Practice", "{T} Health Center", "{T} Internal Medicine Associates", "{T} Community Health Center",
            "{T} Primary Care", "{L} Family Medicine"],
    "spec": ["{T} Heart Center", "{T} Cancer Center", "{T} Kidney Clinic", "{T} Neurology Associates", "{T} Pulmonary Clinic",
             "{T} Memory Clinic", "{T} Diabetes Center", "{T} Wound Care Center"],
    "agency": ["VNA of {T}", "{T} Home Health", "{T} Hospice", "{T} Visiting Nurses"],
    "pharm": ["CVS", "Walgreens", "Rite Aid", "{L} Pharmacy", "{T} Apothecary", "Stop and Shop pharmacy"]}


def town():
    return ch(SYL_A) + ch(SYL_B)


def street():
    return f"{rng.randint(2, 998)} {ch(['Elm', 'Oak', 'Pine', 'Mill', fold(FAKERS['en_US'].last_name())])} " \
           f"{ch(['St', 'Street', 'Ave', 'Road', 'Rd', 'Lane', 'Dr', 'Way', 'Terrace'])}"


def facility(kind):
    T = town()
    name = ch(FAC_PATS[kind]).format(T=T, S=ch(SAINTS), L=fold(FAKERS["en_US"].last_name()))
    abbr = "".join(w[0] for w in name.split() if w[0].isupper())
    short = re.sub(r" (Medical Center|Hospital)$", "", name) if kind == "hosp" else T
    return {"name": name, "abbr": abbr, "short": short, "town": T}


def pool(kind, n):
    seen, out = set(), []
    while len(out) < n:
        f = facility(kind)
        if f["name"] not in seen and f["abbr"] not in seen:
            seen |= {f["name"], f["abbr"]}
            out.append(f)
    return out


HOSPITALS, SNFS, PCPS, SPECS, AGENCIES = pool("hosp", 16), pool("snf", 14), pool("pcp", 14), pool("spec", 12), pool("agency", 8)
PHARMS = pool("pharm", 4) + [{"name": c, "abbr": c, "short": c, "town": town()} for c in ("CVS", "Walgreens", "Rite Aid")]
HOME = HOSPITALS[:3]


# ---------------------------------------------------------------- numbers and dates
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fmt(d, style):
    M, W = MONTHS[d.month - 1], DAYS[d.weekday()]
    th = "th" if 10 < d.day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return {"md": f"{d.month}/{d.day}", "mdy": f"{d.month}/{d.day}/{d.year}", "mdyy": f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
            "dmy": f"{d.day:02d}-{M[:3].upper()}-{d.year}", "Md": f"{M} {d.day}", "Mdy": f"{M[:3]} {d.day}, {d.year}",
            "wmd": f"{W} {d.month}/{d.day}", "w3md": f"{W[:3]} {d.month}/{d.day}", "iso": d.isoformat(),
            "dMy": f"{d.day} {M} {d.year}", "dM": f"{d.day:02d}-{M[:3].upper()}", "Mth": f"{M} {d.day}{th}"}[style]


def D(d, *styles):
    return S(fmt(d, ch(styles or ("md", "mdy", "mdyy", "dmy", "Md", "Mdy", "wmd", "iso", "dMy", "Mth"))), "DATE")


def plus(d, lo, hi):
    return d + dt.timedelta(days=rng.randint(lo, hi))


def phone():
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    return S(ch([f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"{b}-{c:04d}"]), "PHONE")


def pager():
    n = ch([f"{rng.randint(1, 9)}-{rng.randint(1000, 9999)}", str(rng.randint(10000, 99999)), str(rng.randint(1000, 9999))])
    return R(ch(["p{n}", "p {n}", "pager {n}", "pgr #{n}", "x{n}", "beeper {n}"]), n=S(n, "PHONE"))


def mrn():
    return S(ch([str(rng.randint(1000000, 9999999)), str(rng.randint(10000000, 99999999)), f"00{rng.randint(100000, 999999)}"]), "ID")


def age_seg(P):
    return S(P["age"], "AGE" if P["age"] > 89 else None)


def fac(F, form="name", case=None):
    t = F[form]
    return S(t.lower() if case == "lower" else t.upper() if case == "upper" else t, "FACILITY")


def pharm(P):
    if P["pharm"]["name"] in ("CVS", "Walgreens", "Rite Aid") and rng.random() < 0.7:
        return R(ch(["{f} on {s}", "{f} ({s})", "the {f} at {s}"]), f=fac(P["pharm"]),
                 s=S(street().split(" ", 1)[1], "LOCATION"))
    return fac(P["pharm"])


def addr(P):
    # Safe Harbor keeps the state: the town and the ZIP code are the PHI of an address's last line.
    return R(ch(["{a}, {t}, ST {z}", "{a}\n         {t}, ST {z}"]).replace("ST", P["state"]), a=S(P["street"], "LOCATION"),
             t=S(P["town"], "LOCATION"), z=S(P["zip"], "LOCATION"))


# ---------------------------------------------------------------- clinical tables
DX = [  # short, long, plan, course
    ("CHF exac", "acute on chronic systolic heart failure", "diuresing w/ IV lasix, goal net -1L", "was diuresed with IV furosemide and dyspnea improved"),
    ("PNA", "community-acquired pneumonia", "ctx/azithro day 3/5, wean O2", "was treated with ceftriaxone and azithromycin"),
    ("COPD exac", "COPD exacerbation", "pred 40 day 2/5, duonebs q4", "was treated with prednisone and nebulizers"),
    ("UGIB", "upper GI bleed", "PPI gtt, EGD today, keep Hgb>7", "underwent EGD with clipping of a duodenal ulcer"),
    ("DKA", "diabetic ketoacidosis", "insulin gtt, AG closing, FS q2h", "was treated with an insulin infusion and fluids"),
    ("LLE cellulitis", "left lower extremity cellulitis", "vanc, borders marked, elevate", "improved on vancomycin then cefazolin"),
    ("AKI", "acute kidney injury", "hold lisinopril, IVF, renal u/s", "had creatinine improve with fluids"),
    ("afib RVR", "atrial fibrillation with rapid ventricular response", "dilt gtt -> PO, heparin gtt", "was rate controlled with diltiazem"),
    ("syncope", "syncope", "tele, TTE, orthostatics", "had an unremarkable telemetry course"),
    ("hip fx s/p ORIF", "left hip fracture s/p ORIF", "PT/OT, lovenox, pain ctrl", "underwent ORIF on hospital day 2"),
    ("SBO", "small bowel obstruction", "NGT to LIS, NPO, surg following", "was managed with NG decompression"),
    ("urosepsis", "urosepsis", "zosyn day 2/7, f/u UCx", "was treated with piperacillin-tazobactam"),
    ("EtOH w/d", "alcohol withdrawal", "CIWA, thiamine, folate", "was managed on a CIWA protocol"),
    ("CVA", "acute ischemic stroke", "neuro checks q4, permissive HTN", "was evaluated by neurology"),
    ("pancreatitis", "acute pancreatitis", "IVF, advance diet as tol", "improved with fluids and bowel rest"),
]
LOOK = ["Foley in place", "on Hudson mask, wean to NC", "GCS 14", "Murphy's sign neg", "BP 120/80", "LLE strength 4/5",
        "AC 450/14/5/40%", "Babinski neg", "2/6 SEM at RUSB", "pain 6/10", "abx day 5/7", "on 1/2 NS @ 75", "RASS -1",
        "Homans sign neg", "hx Bell's palsy", "Parkinson's on sinemet", "Graves dz", "K 3.1 repleted", "plt 45",
        "Glasgow coma scale 15", "Trendelenburg for line", "Coumadin held, INR 3.4", "Keppra 500 bid", "Cushingoid",
        "Swan out", "PEEP 8, FiO2 40%", "Tylenol prn", "Ativan 1 mg x1", "plan per MICU", "transfer to 4 West",
        "step-down bed requested", "sats 93% on 3L", "Whipple's triad considered"]
SEV = ["watcher", "stable", "unstable", "stable/improving", "WATCHER - new O2 req"]
CODES = ["FULL", "DNR/DNI", "DNR", "full", "DNI", "CMO"]
TEAMS = ["Gold team", "Medicine B", "Hospitalist 3", "Cards step-down", "4 West", "MICU team", "Medicine Red", "7 North"]
SVCS = ["cards", "renal", "GI", "ID", "neuro", "pulm", "palliative", "surgery", "geri", "heme/onc"]
PMH = ["HTN, DM2 and CKD stage 3", "COPD on 2L home O2", "CAD s/p CABG", "HFrEF (EF 25%)", "dementia and prior falls",
       "cirrhosis from EtOH", "atrial fibrillation on apixaban", "ESRD on HD MWF", "Parkinson's disease", "no significant PMH"]


def make_persona():
    p = person()
    age = rng.randint(90, 104) if rng.random() < 0.25 else rng.randint(24, 89)
    adm = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randint(0, 1100))
    dob = dt.date(adm.year - age, adm.month, min(adm.day, 28)) - dt.timedelta(days=rng.randint(1, 300))
    rels = []
    for _ in range(rng.randint(1, 3)):
        sx = ch("MF")
        rel = ch(RELS[sx])
        same = rel in ("son", "daughter", "wife", "husband", "brother", "sister") and rng.random() < 0.6
        rels.append(dict(person(sx, p["last"] if same else None), rel=rel))
    he = p["sex"] == "M"
    hosp = ch(HOME)
    return dict(p, age=age, adm=adm, dc=plus(adm, 3, 12), dob=dob, mrn=mrn(), rels=rels,
                att=person(), res=person(), pcp=person(), nurse=person(), cons=[(person(), s) for s in rng.sample(SVCS, 2)],
                hosp=hosp, osh=ch([h for h in HOSPITALS if h not in HOME]), prior=ch([h for h in HOSPITALS if h != hosp]),
                snf=ch(SNFS), pcpf=ch(PCPS), spec=ch(SPECS), agency=ch(AGENCIES), pharm=ch(PHARMS), street=street(),
                town=town(), state=ch(STATES), zip=f"0{rng.randint(1000, 9999)}", dx=rng.sample(DX, 2),
                room=ch([f"{rng.randint(3, 9)}{rng.randint(0, 3)}{rng.randint(1, 9)}", f"{rng.randint(4, 14)}{ch('AB')}", str(rng.randint(1, 30))]),
                he="he" if he else "she", his="his" if he else "her", him="him" if he else "her", man="man" if he else "woman",
                title="Mr." if he else ch(["Mrs.", "Ms."]))


def pn(P, form, case=None):
    f, l = P["first"], P["last"]
    t = {"LF": f"{l}, {f}", "FL": f"{f} {l}", "L": l, "F": f, "L_i": f"{l} {f[0]}", "L,i": f"{l}, {f[0]}", "i.L": f"{f[0]}. {l}"}[form]
    return S(t.upper() if case == "upper" else t.lower() if case == "lower" else t, "PATIENT")


def doc(p, form="L", case=None):
    t = {"L": p["last"], "FL": full(p), "LF": f"{p['last']}, {p['first']}"}[form]
    return S(t.upper() if case == "upper" else t.lower() if case == "lower" else t, "CLINICIAN")


def K(P, d):
    """Common slots for one patient at one date."""
    r, (c, svc) = ch(P["rels"]), ch(P["cons"])
    return dict(pf=S(P["first"], "PATIENT"), rel=r["rel"], rf=S(r["first"], "RELATIVE"),  # noqa: C408
                rfull=S(full(r), "RELATIVE"), att=doc(P["att"]), cons=doc(c), svc=svc, pg=pager(), ph=phone(),
                snf=fac(P["snf"]), snfs=fac(P["snf"], "short"), osh=fac(P["osh"]), osha=fac(P["osh"], "abbr"),
                agency=fac(P["agency"]), pharm=pharm(P), d1=D(plus(d, -3, -1), "md", "Md", "w3md"), d2=D(plus(d, 1, 3), "md", "wmd", "dM"),
                he=P["he"], his=P["his"], look=ch(LOOK), dx=P["dx"][0][0], plan=P["dx"][0][2], hospa=fac(P["hosp"], "abbr"))


TODOS = ["call {pf}'s {rel} {rf} w/ update", "d/c to {snf} in am if bed offered", "records from {osha}",
         "f/u {svc} recs (Dr {cons}, {pg})", "{rf} ({rel}) is HCP - {ph}", "f/u am lytes, replete K",
         "if SBP<90 page Dr {att} {pg}", "PT eval -> {snfs} vs home w/ {agency}", "{rel} {rf} bringing med list from {pharm}",
         "f/u BCx from {d1}", "check Foley output q4h", "fam mtg {d2} w/ {rf}", "repeat trop at 0400", "OSH imaging on disc, upload",
         "TTE {d2}, NPO after MN", "obtain old records from {osh}", "{look}", "needs screening for {snf}", "{svc} to see {d2}"]
CONTING = ["if hypotensive bolus 500cc LR and call Dr {att}", "if febrile, cx x2 and start vanc", "if agitated, haldol 0.5 iv",
           "if Hgb<7 transfuse 1u", "if RVR, dilt 10 iv", "nothing overnight"]


def todo(P, d):
    return R(ch(TODOS), **K(P, d))


# ---------------------------------------------------------------- sign-out layouts: (row template, column header, lower-case note)
LAYOUTS = {
    "numbered": ("{i}. {nA} (Rm {rm}) {a}{s} - {dx}, {plan}\n   - {t}\n", "", False),
    "bullets": ("- {rm} {nLU}: {a} {s} w/ {dx}. {plan}. TODO: {t}\n", "", False),
    "ipass": ("Bed {rm} - {nLFU} - {a}{s}\n  I: {sev}\n  P: {dxl}; {plan}\n  A: {t}\n  S: {c}\n\n", "", False),
    "pipe": ("| {rm} | {code} | {dx} | {nC} | {a}{s} | {att} | {t} |\n",
             "| Rm | Code | Dx | Patient | Age/Sex | Attg | To do |\n|----|------|----|---------|---------|------|-------|\n", False),
    "tsv": ("{rm}\t{m}\t{nFL}\t{a}{sl}\t{dx}\t{t}\n", "BED\tMRN\tNAME\tAGE/SEX\tPROBLEM\tTO DO\n", False),
    "aligned": ("{rm}<6>{nLi} {m}<36>{dx}<54>{t}\n", f"{'RM':<6}{'NAME/MRN':<30}{'DX':<18}PLAN\n", False),
    "rmname": ("{rm}/{nLU}<18>{a}<23>{attU}<37>{dx}; {t}\n", f"{'RM/NAME':<18}{'AGE':<5}{'ATTG':<14}ISSUES / TO DO\n", False),
    "lower": ("rm {rm} {nL} - {dx}, {plan}, {t}\n", "", True),
    "glued": ("{nG} {a}{sG} [{rm}]: {dx} -- {plan}\n  >> {t}\n", "", False),
    "ptblock": ("Pt: {nB} (MRN {m})  Rm {rm}\nDx: {dxl}\nPlan: {plan}\nTo do: {t}\n---\n", "", False),
}


def so_row(tmpl, i, P, d):
    g = rng.random() < 0.5
    return R(tmpl, i=i, rm=P["room"], a=age_seg(P), s=P["sex"], sl=P["sex"].lower(), sG=P["sex"] if g else P["sex"].lower(),
             dx=P["dx"][0][0], dxl=P["dx"][0][1], plan=P["dx"][0][2], t=todo(P, d), m=P["mrn"], code=ch(CODES), sev=ch(SEV),
             att=doc(P["att"]), attU=doc(P["att"], "L", "upper"), c=R(ch(CONTING), att=doc(P["att"])),
             nA=pn(P, ch(["LF", "FL"])), nB=pn(P, ch(["L", "FL"])), nC=pn(P, ch(["L,i", "LF"])), nFL=pn(P, "FL"), nL=pn(P, "L"),
             nLU=pn(P, "L", "upper"), nLFU=pn(P, "LF", "upper"), nLi=pn(P, "L_i"), nG=pn(P, "L", "upper" if g else "lower"))


SO_HEAD = ["{team} NIGHT SIGNOUT  {date}\nDay: Dr {r1} ({pg1})  ->  Night: Dr {r2} ({pg2})\n\n",
           "Sign-out for {date}, {team}\nAttending: {att}   cross-cover {pg1}\n\n",
           "{team} - handoff {date} 1900\nfrom {r1} to {r2}\n\n",
           "WEEKEND SIGNOUT {date} - {date2}\ncovering: {r1} / {r2} ({pg1})\n\n",
           "PATIENT LIST -- {team} -- printed {date} 18:45\n\n"]
SO_FOOT = ["\nCards fellow on call: Dr {c} {pg}\nTransfer center ({hosp}): {ph}\n", "\nNo pending admits. MICU at capacity.\n",
           "\nbed {rm} records coming from {osha}, fax {ph}\n", "\nnight float {r2} {pg}; call with questions\n", ""]
_layout_deck: list = []


def signout(P, d):
    if not _layout_deck:
        _layout_deck.extend(rng.sample(list(LAYOUTS), len(LAYOUTS)))
    name = _layout_deck.pop()
    tmpl, colhead, lower = LAYOUTS[name]
    pts = [make_persona() for _ in range(rng.randint(2, 5))]
    pts.insert(rng.randint(0, len(pts)), P)
    r1, r2 = person(), person()
    segs = R(ch(SO_HEAD), team=ch(TEAMS), date=D(d, "md", "wmd", "w3md", "mdy", "dM"), date2=D(plus(d, 1, 1), "md", "wmd"),
             r1=doc(r1, ch(["L", "FL"])), r2=doc(r2, ch(["L", "FL"])), pg1=pager(), pg2=pager(), att=doc(P["att"], "FL"))
    segs += S(colhead)
    for i, q in enumerate(pts, 1):
        segs += so_row(tmpl, i, q, d)
    segs += R(ch(SO_FOOT), c=doc(person()), pg=pager(), hosp=fac(P["hosp"], ch(["abbr", "short"])), ph=phone(), rm=P["room"],
              osha=fac(P["osh"], "abbr"), r2=doc(r2))
    return ([(t.lower(), y) for t, y in segs] if lower else segs), name


# ---------------------------------------------------------------- discharge summaries
def discharge(P, d):
    k, (dx1, dx2) = K(P, d), P["dx"]
    r, (c1, c2), he, He = P["rels"][0], P["cons"], P["he"], P["he"].capitalize()
    segs = R("{hosp}\n{dept}\nDISCHARGE SUMMARY\n\n", hosp=fac(P["hosp"]), dept=ch(["Department of Medicine", "Hospital Medicine Service", "General Medicine"]))
    segs += R(ch(["Patient: {nLF}    MRN: {m}    DOB: {dob}\nAddress: {ad}\nAdmitted: {adm}    Discharged: {dc}\nAttending: {attfl}, MD\nPCP: {pcp}, {pcpf}\n\n",
                  "NAME: {nUP}\nMED REC NO: {m}   ACCT: {acct}\nDATE OF ADMISSION: {adm}\nDATE OF DISCHARGE: {dc}\nATTENDING: Dr. {attfl}\n\n"]),
              nLF=pn(P, "LF"), nUP=pn(P, ch(["LF", "FL"]), "upper"), m=P["mrn"], dob=D(P["dob"], "mdy", "dmy", "mdyy", "iso"),
              adm=D(P["adm"], "mdy", "dmy", "Mdy"), dc=D(d, "mdy", "dmy", "Mdy"), attfl=doc(P["att"], "FL"), pcp=doc(P["pcp"], "FL"),
              pcpf=fac(P["pcpf"]), ad=addr(P), acct=S(f"A{rng.randint(1000000, 9999999)}", "ID"))
    arrival = ch(["was transferred from {osh} on {dt} for further management of {dxl}. At {osha} {he} received {tx}",
                  "presented to {osh} ({osha}) with {sx}; {he} was transferred to us for {dxl} after {osha} started {tx}",
                  "presented to our ED from home with {sx} and was found to have {dxl}",
                  "was sent in from {snf} with {sx} and found to have {dxl}",
                  "presented to an OSH with {sx} and was transferred here with {dxl}"])
    prior = ch(["{He} was previously admitted to {prior} in {yr} for {old}.", "{He} had a prior admission at {priors} on {pd} for {old}.",
                "OSH records were reviewed.", "{He} follows with Dr. {pcpl} at {pcpf}.", "Since {yr} {he} has lived at {snf}."])
    segs += R("HISTORY OF PRESENT ILLNESS:\n{t} {l} is a {a}-year-old {man} with {pmh} who " + arrival + ". " + prior + "\n\n",
              t=P["title"], l=pn(P, "L"), a=age_seg(P), man=P["man"], pmh=ch(PMH), osh=k["osh"], osha=k["osha"], dt=D(plus(P["adm"], -1, 0), "md", "mdy", "Md"),
              dxl=dx1[1], he=he, He=He, tx=ch(["IV fluids and ceftriaxone", "2 units pRBC", "a dose of IV lasix", "aspirin and heparin"]),
              sx=ch(["dyspnea", "fever and confusion", "a fall", "chest pain", "melena", "abdominal pain"]), snf=k["snf"], snfs=k["snfs"],
              prior=fac(P["prior"]), priors=fac(P["prior"], "short"), yr=S(rng.randint(2005, P["adm"].year - 1), "YEAR"),
              pd=D(plus(P["adm"], -400, -60), "mdy", "Mdy", "mdyy"), old=ch(["pneumonia", "a CHF exacerbation", "a GI bleed", "a fall"]),
              pcpl=doc(P["pcp"]), pcpf=fac(P["pcpf"]))
    segs += R("HOSPITAL COURSE:\n1. {d1l}: {He} {c1}. {look1}.\n2. {d2l}: {svc} (Dr. {cons}) was consulted; {c2}. {mv}\n"
              "3. Lines/tubes: Foley removed on {fd}. {look2}.\n\n", d1l=dx1[1].capitalize(), He=He, c1=dx1[3], look1=ch(LOOK),
              d2l=dx2[1].capitalize(), svc=c1[1], cons=doc(c1[0], ch(["L", "FL"])), c2=ch(["recommendations were followed", "no procedure was needed",
              "plan per " + c2[1] + " as well"]), mv=R(ch(["{He} was briefly in the MICU and transferred to 4 West on {x}.", "{He} remained on the floor.",
              "Records from {osha} were obtained on {x}."]), He=He, x=D(plus(P["adm"], 1, 3), "md", "Md"), osha=k["osha"]),
              fd=D(plus(P["adm"], 1, 4), "md", "Mth"), look2=ch(LOOK))
    dispo = ch(["Discharged to {snf} for short-term rehab.", "Discharged home with {agency} for nursing and PT.",
                "Discharged home with {rel} {rfull}; home PT through {agency}.", "Returned to {snfs}, where {he} resides.",
                "Home with services. {agencyl} to see {him} within 48h."])
    segs += R("DISPOSITION:\n" + dispo + "\n\nFOLLOW-UP:\n- PCP: Dr. {pcpl}, {pcpf}, {loc}, on {fu1} at 10:30 am ({ph})\n"
              "- {spec}, {fu2}\n- f/u w/ {specl} re: {dx2}\n- labs at {hospa} lab on {fu3}\n\nPrescriptions sent to {pharm}.\n"
              "Contact: {rel} {rfull}, {ph2}.\n\n{sign}", snf=k["snf"], snfs=k["snfs"], agency=k["agency"],
              agencyl=fac(P["agency"], case="lower"), rel=r["rel"], rfull=S(full(r), "RELATIVE"), he=he, him=P["him"],
              pcpl=doc(P["pcp"]), pcpf=fac(P["pcpf"]), loc=S(P["pcpf"]["town"], "LOCATION"), fu1=D(plus(d, 5, 14), "mdy", "Mdy", "md"),
              ph=phone(), spec=fac(P["spec"]), fu2=R(ch(["in 2 weeks", "on {x}", "{x} at 2:15 pm"]), x=D(plus(d, 10, 30), "md", "Mdy", "wmd")),
              specl=fac(P["spec"], case="lower"), dx2=dx2[0], hospa=k["hospa"], fu3=D(plus(d, 3, 7), "md", "wmd"), pharm=pharm(P),
              ph2=phone(), sign=R(ch(["Dictated by {res}, MD for {att}, MD\ncc: {pcp}, MD\n", "Electronically signed: {att}, MD {dd}\n",
                                      "{res}, MD (resident)\nSeen and agreed, {att}\n"]), res=doc(P["res"], "FL"), att=doc(P["att"], "FL"),
                                  pcp=doc(P["pcp"], "FL"), dd=D(d, "mdy", "iso")))
    return segs, None


# ---------------------------------------------------------------- nursing shift notes (case applied at assembly)
NEURO = ["A&Ox3, GCS 15, pleasant", "A&Ox1-2, reorients easily, CIWA 4", "lethargic but arousable, PERRL, LUE strength 4/5", "confused overnight, sitter at bedside"]
CV = ["BP 118/72 HR 88 NSR on tele", "afib 110s, BP 102/60, dilt given per order", "hypertensive 168/94, prn hydral x1", "BP 96/54, 250cc bolus given"]
RESP = ["2L NC sat 95%", "on Hudson mask 40%, weaned to 4L NC", "RA, diminished bases, IS x10/hr", "BiPAP overnight 12/5"]
GU = ["Foley in place draining clear yellow", "voiding via urinal", "DTV x1, bladder scan 450 -> straight cath", "incontinent x2, barrier cream"]
SOCIAL = ["{rel} {rf} in at bedside, updated on plan", "spoke w/ {rf} ({rel}) by phone {ph}, questions answered", "{rf} called x2 re: d/c plan",
          "{rf} is on vaca, son will call tomorrow", "{rel} {rfull} (HCP) aware of plan", "friend {rf} visited, brought glasses",
          "{rf} at bedside most of shift, asking for dr {att}", "no family in tonight"]
EVENTS = ["fever to 102 {d1}, cultures sent", "Tmax 101.4, BCx x2, dr {att} notified", "per dr {cons}, hold lasix tonight", "{look}",
          "fell {d1} per report, no injury; CT head neg", "dr {att} at bedside, plan to hold heparin", "K 3.2, repleted per protocol"]
PLACE = ["pt from {snfs}, plan to return when stable", "sent to {hospa} for MRI, returned 2200", "awaiting bed at {snf}", "home meds from {pharm}",
         "came from {osh} {d1}", "{agency} following at home", "was at {osha} last month per {rf}"]


def nursing(P, d):
    k = K(P, d)
    k.update(att=doc(P["att"]), cons=doc(ch(P["cons"])[0]))
    head = R(ch(["{sh} shift note {dt}", "RN note {dt} {tm}", "Nursing progress note - {dt}", "{dt} {sh} RN"]), sh=ch(["night", "day", "evening", "7p-7a"]),
             dt=D(d, "md", "mdy", "mdyy", "wmd"), tm=ch(["0300", "1530", "2245", "05:40"]))
    if rng.random() < 0.75:
        head += R(ch([" - pt: {n}", "\npatient: {n}  mrn {m}", " ({n})"]), n=pn(P, ch(["LF", "FL", "L", "L_i"])), m=P["mrn"])
    body = [f"neuro: {ch(NEURO)}", f"cv: {ch(CV)}", f"resp: {ch(RESP)}", f"gu: {ch(GU)}"]
    body = [S(b) for b in rng.sample(body, rng.randint(2, 4))]
    body += [R(ch(EVENTS), **k), R(ch(SOCIAL), **k), R(ch(PLACE), **k)]
    if rng.random() < 0.5:
        body.append(R(ch(["{t} {l} resting comfortably", "{f} tolerating diet, ambulated w/ walker", "{l} asking to go home"]),
                      t=P["title"], l=pn(P, "L"), f=pn(P, "F")))
    if rng.random() < 0.4:
        r2 = ch(P["rels"])
        body.append(R(ch(["{rel} {rf} will call in am", "{rf} ({rel}) wants call if changes: {ph}"]), rel=r2["rel"], rf=S(r2["first"], "RELATIVE"), ph=phone()))
    rng.shuffle(body)
    sep = ch(["\n", ". ", "; "])
    segs = head + S("\n") + [x for j, b in enumerate(body) for x in b + S(sep if j < len(body) - 1 else "\n")]
    segs += R(ch(["-- {n}, RN\n", "{n} rn {pg}\n", "signed {n}\n"]), n=doc(P["nurse"], ch(["FL", "L"])), pg=pager())
    return segs, None


# ---------------------------------------------------------------- clinic letters
def clinic_letter(P, d):
    (c, svc), r, he, He = ch(P["cons"]), ch(P["rels"]), P["he"], P["he"].capitalize()
    dom = P["spec"]["abbr"].lower() + ch([".org", "health.org", "-med.com"])
    email = S(f"{c['first'][0].lower()}{re.sub('[^a-z]', '', c['last'].lower())}@{dom}", "EMAIL")
    loc = R("{t}, " + ch(STATES) + " {z}", t=S(P["spec"]["town"], "LOCATION"), z=S(f"0{rng.randint(1000, 9999)}", "LOCATION"))
    segs = R("{spec}\n{st}, {loc}\nTel {ph}   Fax {fx}\n\n{dd}\n\n", spec=fac(P["spec"]), st=S(street(), "LOCATION"), loc=loc,
             ph=phone(), fx=phone(), dd=D(d, "Mdy", "dMy", "mdy", "Mth"))
    segs += R("Dr. {pcp}\n{pcpf}\n{pst}, {ploc}\n\n", pcp=doc(P["pcp"], "FL"), pcpf=fac(P["pcpf"]), pst=S(street(), "LOCATION"),
              ploc=R("{t}, " + P["state"], t=S(P["pcpf"]["town"], "LOCATION")))
    segs += R(ch(["Re: {n}   DOB {dob}   MRN {m}\n\n", "RE: {nu} (DOB: {dob})\n\n", "Patient: {n}, MRN {m}, DOB {dob}\n\n"]),
              n=pn(P, ch(["FL", "LF"])), nu=pn(P, "FL", "upper"), dob=D(P["dob"], "mdy", "mdyy", "Mdy", "dMy"), m=P["mrn"])
    segs += R(ch(["Dear Dr. {pcpl},\n\n", "Dear {pcpf1},\n\n", "Dear Colleague,\n\n"]), pcpl=doc(P["pcp"]), pcpf1=S(P["pcp"]["first"], "CLINICIAN"))
    opening = ch(["I saw {t} {l} today in follow-up at {specs} after {his} recent admission to {hosp} ({adm} - {dc}).",
                  "Thank you for referring {fl}, a pleasant {a}-year-old {man} from {town}, whom I saw on {vd}.",
                  "I had the pleasure of seeing {t} {l} in clinic today for {dx}. {He} was discharged from {hosps} on {dc}.",
                  "{t} {l} returns for review of {dx}; {he} was last seen here on {vd} and was since admitted to {osh}."])
    middle = ch(["{f} reports feeling better and is walking to the mailbox.", "{f} says {he} is still short of breath on stairs.",
                 "{He} lives in {town} with {his} {rel}, {rf}, who came with {him} today.", "{He} is now at {snf} and came with {his} {rel} {rf}."])
    middle2 = ch(["{His} {rel} {rf} helps with pills and can be reached at {ph}.", "{He} moved to {town} in {yr}.",
                  "{He} walks with a cane since {yr}.", "{f} had a fall on {fd} without injury."])
    segs += R(opening + " " + middle + " " + middle2 + "\n\n", t=P["title"], l=pn(P, "L"), fl=pn(P, "FL"), f=pn(P, "F"),
              his=P["his"], His=P["his"].capitalize(), he=he, He=He, him=P["him"], specs=fac(P["spec"], "short"),
              hosp=fac(P["hosp"]), hosps=fac(P["hosp"], ch(["abbr", "short"])), adm=D(P["adm"], "md", "Md"), dc=D(P["dc"], "md", "mdy", "Mth"),
              a=age_seg(P), man=P["man"], town=S(P["town"], "LOCATION"), vd=D(plus(d, -200, -20), "Mdy", "mdy", "Md"), dx=P["dx"][0][1],
              osh=fac(P["osh"]), rel=r["rel"], rf=S(r["first"], "RELATIVE"), snf=fac(P["snf"]), ph=phone(),
              yr=S(rng.randint(1995, d.year - 1), "YEAR"), fd=D(plus(d, -60, -5), "md", "Md", "Mth"))
    segs += S(f"On examination BP {rng.randint(100, 160)}/{rng.randint(55, 95)}, HR {rng.randint(55, 100)}. {ch(LOOK)}. {ch(LOOK)}.\n\n")
    plan = ch(["We will obtain records from {osh} and repeat imaging at {hospa}.", "I have asked {him} to have labs drawn at {pcpf} in one week.",
               "I have referred {him} to {spec2} for further evaluation.", "{He} will continue with {agency} at home."])
    segs += R("Plan:\n1. Continue current regimen for {dx}.\n2. " + plan + "\n3. Return visit on {rv}.\n\n"
              "Please do not hesitate to contact me at {ph} or {em}.\n\nSincerely,\n\n{cn}, MD\n{svc}, {spec}\ncc: {cc}\n",
              dx=P["dx"][0][0], osh=fac(P["osh"], ch(["name", "abbr"])), hospa=fac(P["hosp"], "abbr"), him=P["him"], He=He,
              pcpf=fac(P["pcpf"]), spec2=fac(ch(SPECS)), agency=fac(P["agency"]), rv=D(plus(d, 30, 120), "Mdy", "mdy", "Md"),
              ph=phone(), em=email, cn=doc(c, "FL"), svc=svc.capitalize(), spec=fac(P["spec"], "short"),
              cc=R(ch(["{p}, MD", "{p}, MD; {t} {l}"]), p=doc(P["pcp"], "FL"), t=P["title"], l=pn(P, "L")))
    return segs, None


MAKERS = {"signout": signout, "discharge": discharge, "nursing_caps": nursing, "nursing_lower": nursing, "clinic_letter": clinic_letter}
ORDER = {"signout": 0, "nursing_caps": 1, "nursing_lower": 1, "discharge": 2, "clinic_letter": 3}


# ---------------------------------------------------------------- assembly and checks
def own_forms(P, note):
    words = {w.lower() for w in (P["first"] + " " + P["last"]).split()} | {P["first"][0].lower()}
    return {s["text"] for s in note["spans"] if s["type"] == "PATIENT" and set(re.findall(r"[a-z']+", s["text"].lower())) <= words}


def main():
    counts, rows, layouts_used = Counter(), [], Counter()
    for pi in range(1, N_PATIENTS + 1):
        P = make_persona()
        n = rng.randint(3, 6)
        genres = [min(("discharge", "clinic_letter"), key=lambda g: (counts[g], rng.random()))]  # a full-name header
        while len(genres) < n:
            pool_ = [g for g in GENRES if g not in genres] or list(GENRES)
            genres.append(min(pool_, key=lambda g: (counts[g], rng.random())))
        counts.update(genres)
        genres.sort(key=lambda g: ORDER[g])
        stay = [plus(P["adm"], 0, (P["dc"] - P["adm"]).days) for _ in genres]
        forms = []
        for g, day in zip(genres, sorted(stay)):
            d = P["dc"] if g == "discharge" else plus(P["dc"], 14, 60) if g == "clinic_letter" else day
            segs, layout = MAKERS[g](P, d)
            text, spans = assemble(segs, {"nursing_caps": "upper", "nursing_lower": "lower"}.get(g))
            row = {"id": f"dev3-{len(rows) + 1:04d}", "patient": f"dev3-p{pi:03d}", "genre": g, "text": text, "spans": spans}
            check(row)
            layouts_used.update([layout] if layout else [])
            forms.append(own_forms(P, row))
            rows.append(row)
        named = [f for f in forms if f]
        assert len(named) >= 2 and len(set().union(*named)) >= 2, (pi, forms)
        assert any(P["first"] in t and P["last"] in t or (P["first"].upper() in t and P["last"].upper() in t) for f in named for t in f), pi
    assert len({r["text"] for r in rows}) == len(rows), "duplicate texts"
    assert len(rows) >= 160 and len(layouts_used) >= 8, (len(rows), layouts_used)
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="ascii")
    print(f"{OUT.name}: {len(rows)} notes, {N_PATIENTS} patients")
    print("genres:", dict(Counter(r["genre"] for r in rows)))
    print("spans:", dict(Counter(s["type"] for r in rows for s in r["spans"]).most_common()))
    print("sign-out layouts:", dict(layouts_used))


if __name__ == "__main__":
    main()
