"""Builds the table-row evaluation set: one-page clinical PDFs whose tables are known row by row.

    .venv/bin/python tests/data/tables/make.py     # rewrites tuned.jsonl and untouched.jsonl

Everything is invented: names and places from Faker (seeded per page), drugs, tests, codes and
values from a seeded random generator and the phrase lists below. Each output line is one page:

    {"id": "t-001", "style": {"renderer": "platypus", ...}, "blocks": [
        {"kind": "heading", "text": "..."}, {"kind": "paragraph", "text": "..."},
        {"kind": "table", "header": [...] | null, "rows": [[...], ...], "col_widths": [...],
         "align": [...], "valign": "TOP", "grid": true, "font_size": 8}]}

render.py turns a spec into the PDF. Two parts with different layouts:
  tuned      ReportLab platypus Tables (grid / zebra / boxed styles), header rows, wrapped cells;
  untouched  tables drawn with canvas.drawString at fixed x positions: no grid, right-aligned
             numbers, three-line cells, tables with no header row, two tables side by side.
Every spec is rendered once here to check that it fits one page (rows are dropped until it does).
The untouched part is scored once per change and its misses are never read.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pypdfium2
from faker import Faker

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from render import PAGE_SIZES, Overflow, render  # noqa: E402

PAGES = 40

# brand, generic, strength, form, dose, instruction
DRUGS = [
    ("Glucophage", "metformin hydrochloride", "500 mg", "tablet", "1 tablet", "Take with meals to reduce stomach upset."),
    ("Lipitor", "atorvastatin calcium", "40 mg", "tablet", "1 tablet", "Take at night. Report unexplained muscle pain or weakness."),
    ("Norvasc", "amlodipine besylate", "5 mg", "tablet", "1 tablet", "May cause ankle swelling; keep legs raised when sitting."),
    ("Lasix", "furosemide", "40 mg", "tablet", "1 tablet", "Take in the morning. Weigh yourself daily and call if you gain more than 1 kg in a day."),
    ("Eliquis", "apixaban", "5 mg", "film-coated tablet", "1 tablet", "Do not stop without talking to your doctor. Watch for black stools or unusual bruising."),
    ("Lantus SoloStar", "insulin glargine", "100 units/mL", "prefilled pen", "18 units", "Inject under the skin at the same time each evening; rotate sites."),
    ("Ventolin HFA", "albuterol sulfate", "90 mcg/actuation", "inhaler", "2 puffs", "Use for wheeze or shortness of breath, up to every 4 hours."),
    ("Protonix", "pantoprazole sodium", "40 mg", "delayed-release tablet", "1 tablet", "Take 30 minutes before breakfast. Swallow whole; do not crush."),
    ("Zoloft", "sertraline hydrochloride", "50 mg", "tablet", "1 tablet", "It may take 4 to 6 weeks to feel the full effect."),
    ("Keflex", "cephalexin", "500 mg", "capsule", "1 capsule", "Complete the full course; last dose on day 7."),
    ("Coreg", "carvedilol", "6.25 mg", "tablet", "1 tablet", "Take with food. Rise slowly from sitting or lying down."),
    ("Zestril", "lisinopril", "10 mg", "tablet", "1 tablet", "Call if you develop a dry cough or swelling of the lips."),
    ("Synthroid", "levothyroxine sodium", "75 mcg", "tablet", "1 tablet", "Take on an empty stomach, 30 to 60 minutes before breakfast."),
    ("Plavix", "clopidogrel bisulfate", "75 mg", "tablet", "1 tablet", "Do not stop before your cardiology review, even for dental work."),
    ("Neurontin", "gabapentin", "300 mg", "capsule", "1 capsule", "May cause drowsiness; do not drive until you know how it affects you."),
    ("Tylenol Extra Strength", "acetaminophen", "500 mg", "tablet", "2 tablets", "Do not take more than 3,000 mg in 24 hours from all sources."),
    ("Roxicodone", "oxycodone hydrochloride", "5 mg", "tablet", "1 tablet", "Only for severe pain. Causes constipation; take with the stool softener."),
    ("Colace", "docusate sodium", "100 mg", "capsule", "1 capsule", "Hold for loose stools."),
    ("Senokot", "sennosides", "8.6 mg", "tablet", "2 tablets", "Take at bedtime while using opioid pain medicine."),
    ("Flomax", "tamsulosin hydrochloride", "0.4 mg", "capsule", "1 capsule", "Take 30 minutes after the same meal each day."),
    ("Deltasone", "prednisone", "10 mg", "tablet", "4 tablets", "Taper: reduce by 1 tablet every 3 days as shown on the calendar."),
    ("Coumadin", "warfarin sodium", "5 mg", "tablet", "1 tablet", "INR check on Monday at the anticoagulation clinic."),
    ("Spiriva HandiHaler", "tiotropium bromide", "18 mcg", "inhalation capsule", "1 capsule", "Inhale the contents once daily; do not swallow the capsule."),
    ("Jardiance", "empagliflozin", "10 mg", "tablet", "1 tablet", "Drink plenty of fluids; stop if vomiting or unable to eat."),
    ("Aldactone", "spironolactone", "25 mg", "tablet", "1 tablet", "Potassium blood test in one week."),
    ("Klor-Con M20", "potassium chloride", "20 mEq", "extended-release tablet", "1 tablet", "Swallow whole with a full glass of water."),
    ("Zofran ODT", "ondansetron", "4 mg", "orally disintegrating tablet", "1 tablet", "Let it dissolve on the tongue, as needed for nausea."),
    ("Humalog KwikPen", "insulin lispro", "100 units/mL", "prefilled pen", "6 units", "Inject within 15 minutes before meals; follow the sliding scale."),
    ("Toprol-XL", "metoprolol succinate", "25 mg", "extended-release tablet", "1 tablet", "Do not stop suddenly. Check pulse before each dose."),
    ("Xarelto", "rivaroxaban", "20 mg", "tablet", "1 tablet", "Take with the evening meal."),
]
FREQ = ["1-0-1", "1-0-0", "0-0-1", "1-1-1", "0-1-0", "BID", "Once daily", "Every 6 hours as needed", "At bedtime", "TID with meals"]
ROUTE = ["Oral", "Oral", "Oral", "Subcutaneous", "Inhaled", "Sublingual"]
STATUS = ["New", "Changed", "Continue", "Continue", "Continue", "Stop"]

# name, method, unit, low, high, decimals
LABS = [
    ("Hemoglobin", "photometric, SLS", "g/dL", 12.0, 16.0, 1),
    ("White blood cell count", "flow cytometry", "x10^3/uL", 4.0, 11.0, 1),
    ("Platelet count", "impedance", "x10^3/uL", 150, 400, 0),
    ("Sodium", "indirect ISE", "mmol/L", 135, 145, 0),
    ("Potassium", "indirect ISE", "mmol/L", 3.5, 5.1, 1),
    ("Chloride", "indirect ISE", "mmol/L", 98, 107, 0),
    ("Bicarbonate", "enzymatic, PEPC", "mmol/L", 22, 29, 0),
    ("Urea nitrogen (BUN)", "urease, kinetic", "mg/dL", 7, 20, 0),
    ("Creatinine", "enzymatic", "mg/dL", 0.6, 1.2, 2),
    ("Glucose, fasting", "hexokinase", "mg/dL", 70, 99, 0),
    ("Calcium, total", "arsenazo III", "mg/dL", 8.6, 10.3, 1),
    ("Albumin", "bromocresol green", "g/dL", 3.5, 5.0, 1),
    ("Alanine aminotransferase (ALT)", "IFCC without P5P", "U/L", 7, 56, 0),
    ("Aspartate aminotransferase (AST)", "IFCC without P5P", "U/L", 10, 40, 0),
    ("Alkaline phosphatase", "IFCC, AMP buffer", "U/L", 44, 147, 0),
    ("Bilirubin, total", "diazo", "mg/dL", 0.1, 1.2, 1),
    ("Hemoglobin A1c", "HPLC, NGSP certified", "%", 4.0, 5.6, 1),
    ("Thyroid stimulating hormone", "chemiluminescent immunoassay", "mIU/L", 0.4, 4.0, 2),
    ("Troponin I, high sensitivity", "CMIA", "ng/L", 0, 34, 0),
    ("Prothrombin time INR", "optical clot detection", "ratio", 0.9, 1.1, 1),
    ("C-reactive protein", "immunoturbidimetric", "mg/L", 0, 5, 1),
    ("LDL cholesterol", "calculated, Friedewald", "mg/dL", 0, 100, 0),
    ("Magnesium", "xylidyl blue", "mg/dL", 1.7, 2.2, 1),
    ("Lactate", "enzymatic, lactate oxidase", "mmol/L", 0.5, 2.0, 1),
    ("Ferritin", "immunoassay", "ng/mL", 30, 400, 0),
    ("Vitamin B12", "competitive immunoassay", "pg/mL", 232, 1245, 0),
    ("eGFR", "CKD-EPI 2021, creatinine", "mL/min/1.73m2", 60, 120, 0),
    ("NT-proBNP", "electrochemiluminescence", "pg/mL", 0, 125, 0),
    ("Phosphorus", "phosphomolybdate", "mg/dL", 2.5, 4.5, 1),
    ("Neutrophils, absolute", "flow cytometry", "x10^3/uL", 1.8, 7.7, 2),
]

# code, description, low price, high price
CHARGES = [
    ("99223", "Initial hospital inpatient care, high complexity medical decision making", 380, 520),
    ("99233", "Subsequent hospital care, per day, high complexity", 190, 260),
    ("99239", "Hospital discharge day management, more than 30 minutes", 210, 290),
    ("80053", "Comprehensive metabolic panel, venous sample", 48, 110),
    ("85025", "Complete blood count with automated differential", 22, 60),
    ("71046", "Radiologic examination, chest, 2 views, frontal and lateral", 95, 240),
    ("93306", "Echocardiography, transthoracic, complete, with Doppler and color flow", 890, 1450),
    ("74177", "CT abdomen and pelvis with contrast material", 1200, 2600),
    ("36415", "Collection of venous blood by venipuncture", 8, 18),
    ("96365", "Intravenous infusion, therapeutic, initial, up to 1 hour", 160, 340),
    ("J1885", "Injection, ketorolac tromethamine, per 15 mg", 6, 22),
    ("J2405", "Injection, ondansetron hydrochloride, per 1 mg", 4, 15),
    ("0110", "Room and board, private medical/surgical, per day", 1850, 3200),
    ("0250", "Pharmacy, general classification, inpatient medications", 140, 980),
    ("0272", "Sterile supplies, IV start kit and dressings", 35, 120),
    ("97161", "Physical therapy evaluation, low complexity, 20 minutes", 120, 210),
    ("94640", "Pressurized or nonpressurized inhalation treatment for acute airway obstruction", 45, 95),
    ("93000", "Electrocardiogram, routine, with at least 12 leads, interpretation and report", 60, 140),
    ("87040", "Blood culture for bacteria, aerobic, with isolation", 55, 130),
    ("81001", "Urinalysis, automated, with microscopy", 12, 38),
]

CLINICS = ["Cardiology", "Endocrinology", "Nephrology", "Pulmonology", "Primary Care", "Orthopedics",
           "Wound Care", "Anticoagulation Clinic", "Physical Therapy", "Gastroenterology", "Neurology",
           "Diabetes Education", "Heart Failure Clinic", "Infectious Diseases", "Urology"]
NOTES = ["Bring all medicine bottles and your blood pressure log.", "Fasting from midnight; water is allowed.",
         "Arrive 15 minutes early to complete paperwork.", "Bring your glucose meter and record book.",
         "Telephone visit; the clinic will call your mobile.", "Blood draw first at the lab on Level 1.",
         "Wear loose clothing; bring walking aid.", "Dressing change and wound check.",
         "Interpreter booked (Spanish).", "Bring imaging CD from the outside hospital.", "Video visit link sent by text message."]
PROSE = [
    "The patient was admitted with community-acquired pneumonia and treated with intravenous antibiotics, then switched to oral therapy on day three.",
    "Blood pressure was labile during the stay; the evening dose of the beta-blocker was adjusted after review by the cardiology team.",
    "Renal function improved with hydration and holding the diuretic for 48 hours.",
    "Please review the medication list with the patient and caregiver before discharge.",
    "Results marked H or L fall outside the reference interval for this laboratory.",
    "Critical values were telephoned to the ward nurse and read back.",
    "Questions about this statement may be directed to Patient Financial Services, Monday to Friday.",
    "Please bring this list to every appointment and tell the front desk if you need transport.",
    "Vital signs were recorded by nursing staff every four hours and more often when the early warning score rose.",
    "Oxygen was weaned to room air on the morning of discharge.",
    "The patient understands the plan and agrees with follow-up as listed below.",
    "Home health nursing will visit twice weekly for two weeks to check the wound and medication use.",
    "Specimens were collected by venipuncture and processed within two hours of collection.",
    "Insurance adjustments are applied after the claim is processed; the balance shown may change.",
]
HOSPITALS = ["Mercy Valley Medical Center", "Lakeshore Regional Hospital", "St. Brendan Health", "Pinecrest University Hospital",
             "Harbor Point Community Hospital", "Riverside General Hospital", "North Ridge Medical Center"]


REF = date(2025, 3, 1)  # fixed, so the set does not change with the day it is built


def _day(rng: random.Random, lo: int, hi: int) -> date:
    """A day between lo and hi days after REF (negative: before)."""
    return REF + timedelta(days=rng.randint(lo, hi))


def _value(rng: random.Random, low: float, high: float, dec: int) -> tuple[str, str]:
    span = (high - low) or 1
    roll = rng.random()
    v = rng.uniform(low - span * 0.4, low) if roll < 0.15 and low > 0 else rng.uniform(high, high + span * 0.8) if roll < 0.35 else rng.uniform(low, high)
    v = max(v, 0)
    flag = "L" if v < low else "H" if v > high else ""
    return f"{v:.{dec}f}", flag


def _range(low: float, high: float, dec: int) -> str:
    return f"&lt;{high:.{dec}f}" if low == 0 else f"{low:.{dec}f} - {high:.{dec}f}"


def _time(rng: random.Random, n: int) -> list[str]:
    start = rng.randint(0, 5) * 60 + rng.choice([0, 15, 30])
    step = rng.choice([60, 120, 240])
    return [f"{((start + i * step) // 60) % 24:02d}:{(start + i * step) % 60:02d}" for i in range(n)]


# --- tuned: platypus Tables -----------------------------------------------------------------------

def tuned_meds(rng, fake, n):
    drugs = rng.sample(DRUGS, n)
    header = ["Medication", "Dose", "Route", "Frequency", "Instructions"]
    widths = [150, 52, 56, 62, 184]
    rows = []
    for brand, generic, strength, form, dose, note in drugs:
        first = rng.choice([
            f"<b>{brand}</b><br/>{strength} {form}<br/>({generic})",
            f"<b>{generic}</b> {strength} {form}<br/>Brand: {brand}",
            f"{brand} {strength}<br/>{form}<br/>Generic: {generic}",
        ])
        route = "Inhaled" if "inhal" in form else "Subcutaneous" if "pen" in form else "Oral"
        extra = rng.choice(["", "", " Next dose due at 20:00.", f" Prescribed by Dr. {fake.last_name()}."])
        rows.append([first, dose, route, rng.choice(FREQ), note + extra])
    if rng.random() < 0.5:
        header.append("Status")
        widths = [140, 48, 52, 60, 162, 42]
        rows = [r + [rng.choice(STATUS)] for r in rows]
    return {"header": header, "rows": rows, "col_widths": widths, "align": ["LEFT"] * len(header)}


def tuned_labs(rng, fake, n):
    tests = rng.sample(LABS, n)
    header = ["Test", "Result", "Units", "Reference range", "Flag"]
    rows = []
    for name, method, unit, low, high, dec in tests:
        value, flag = _value(rng, low, high, dec)
        rows.append([f"{name}<br/><i>Method: {method}</i>", value, unit, _range(low, high, dec), flag])
    return {"header": header, "rows": rows, "col_widths": [190, 60, 80, 100, 40],
            "align": ["LEFT", "RIGHT", "LEFT", "LEFT", "CENTER"]}


def tuned_vitals(rng, fake, n):
    header = ["Date / time", "BP (mmHg)", "Pulse (bpm)", "Temp (C)", "Resp (/min)", "SpO2 (%)", "Pain (0-10)", "Recorded by"]
    day = _day(rng, -700, -30)
    rows = []
    for i, t in enumerate(_time(rng, n)):
        rows.append([f"{day:%m/%d/%Y} {t}", f"{rng.randint(98, 168)}/{rng.randint(54, 98)}", str(rng.randint(52, 118)),
                     f"{rng.uniform(36.1, 38.9):.1f}", str(rng.randint(12, 26)), str(rng.randint(88, 100)),
                     str(rng.randint(0, 8)), f"{fake.first_name()} {fake.last_name()[0]}., RN"])
    return {"header": header, "rows": rows, "col_widths": [82, 56, 48, 44, 48, 44, 44, 110],
            "align": ["LEFT"] + ["CENTER"] * 6 + ["LEFT"]}


def tuned_billing(rng, fake, n):
    header = ["Service date", "Code", "Description", "Qty", "Charge"]
    day = _day(rng, -700, -30)
    rows = []
    for code, desc, low, high in rng.sample(CHARGES, n):
        qty = rng.choice([1, 1, 1, 2, 3])
        rows.append([f"{day:%m/%d/%Y}", code, desc, str(qty), f"${rng.uniform(low, high) * qty:,.2f}"])
    return {"header": header, "rows": rows, "col_widths": [66, 46, 250, 32, 70],
            "align": ["LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT"]}


def tuned_appointments(rng, fake, n):
    header = ["Date", "Time", "Clinic / provider", "Location", "Notes"]
    rows = []
    for clinic in rng.sample(CLINICS, n):
        d = _day(rng, 3, 120)
        rows.append([f"{d:%a %b %d, %Y}", f"{rng.randint(8, 16)}:{rng.choice(['00', '15', '30', '45'])}",
                     f"{clinic}<br/>Dr. {fake.first_name()} {fake.last_name()}",
                     f"{rng.choice(['Building', 'Pavilion', 'Tower'])} {rng.choice('ABCD')}, Floor {rng.randint(1, 6)}, Suite {rng.randint(100, 699)}",
                     rng.choice(NOTES)])
    return {"header": header, "rows": rows, "col_widths": [82, 40, 120, 110, 152],
            "align": ["LEFT"] * 5}


TUNED_KINDS = {
    "meds": ("Discharge Medication List", tuned_meds, (5, 12)),
    "labs": ("Laboratory Report", tuned_labs, (6, 15)),
    "vitals": ("Vital Signs Flowsheet", tuned_vitals, (5, 14)),
    "billing": ("Itemized Statement", tuned_billing, (5, 14)),
    "appointments": ("Follow-up Appointments", tuned_appointments, (5, 10)),
}


def tuned_page(i: int) -> dict:
    rng = random.Random(f"tuned-{i}")
    fake = Faker("en_US")
    fake.seed_instance(1000 + i)
    kinds = list(TUNED_KINDS)
    first = kinds[i % len(kinds)]
    chosen = [first] + ([rng.choice([k for k in kinds if k != first])] if rng.random() < 0.35 else [])
    table_style = rng.choice(["grid", "zebra", "boxed"])
    font = rng.choice(["Helvetica", "Helvetica", "Times-Roman"])
    hospital = rng.choice(HOSPITALS)
    dob = _day(rng, -92 * 365, -25 * 365)
    blocks = [{"kind": "heading", "text": f"{hospital.upper()} - {TUNED_KINDS[first][0]}"},
              {"kind": "paragraph", "text": f"Patient: {fake.last_name()}, {fake.first_name()}    MRN: {rng.randint(1000000, 9999999)}    "
                                            f"DOB: {dob:%m/%d/%Y}    Attending: Dr. {fake.last_name()}"}]
    for k, kind in enumerate(chosen):
        title, make, (lo, hi) = TUNED_KINDS[kind]
        n = rng.randint(lo, hi) if len(chosen) == 1 else rng.randint(5, 8)
        if k:
            blocks.append({"kind": "heading", "text": title})
        if rng.random() < 0.7:
            blocks.append({"kind": "paragraph", "text": rng.choice(PROSE)})
        table = make(rng, fake, n)
        table.update({"kind": "table", "valign": rng.choice(["TOP", "TOP", "MIDDLE", "BOTTOM"]),
                      "grid": table_style == "grid" or rng.random() < 0.2, "font_size": rng.choice([7.5, 8, 8.5, 9])})
        blocks.append(table)
    if rng.random() < 0.5:
        blocks.append({"kind": "paragraph", "text": rng.choice(PROSE)})
    style = {"renderer": "platypus", "table_style": table_style, "font": font, "page_size": "letter", "margin": 50,
             "footer": [f"{hospital} | Printed {_day(rng, -30, 0):%m/%d/%Y} | Page 1 of 1"]}
    return {"id": f"t-{i + 1:03d}", "style": style, "blocks": blocks}


# --- untouched: drawn with canvas.drawString ------------------------------------------------------

def u_med_chart(rng, fake, n):
    """Three-line drug cells; morning / noon / night doses as right-aligned numbers."""
    rows = []
    for brand, generic, strength, form, dose, note in rng.sample(DRUGS, n):
        pattern = rng.choice(FREQ[:5])
        m, d, e = pattern.split("-")
        rows.append([f"{generic.upper()}<br/>{strength} {form}<br/>(brand {brand})", m, d, e,
                     f"{rng.choice([5, 7, 10, 14, 28, 30, 90])} days", note])
    return {"header": ["Drug", "Morning", "Noon", "Night", "Duration", "Advice"], "rows": rows,
            "col_widths": [150, 42, 36, 36, 52, 190], "align": ["LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "LEFT"]}


def u_lab_cumulative(rng, fake, n):
    """Two dated result columns, right-aligned, no flag column."""
    d1 = _day(rng, -700, -60)
    rows = []
    for name, method, unit, low, high, dec in rng.sample(LABS, n):
        rows.append([f"{name}<br/>{method}", _value(rng, low, high, dec)[0], _value(rng, low, high, dec)[0], unit,
                     _range(low, high, dec).replace(" - ", "-")])
    return {"header": ["Analyte", f"{d1:%d-%b-%y}", "Today", "Units", "Ref. interval"], "rows": rows,
            "col_widths": [170, 58, 58, 84, 80], "align": ["LEFT", "RIGHT", "RIGHT", "LEFT", "RIGHT"]}


def u_vitals_kv(rng, fake, n):
    """No header row: measure, value, how it was taken."""
    items = [("Blood pressure", f"{rng.randint(100, 170)}/{rng.randint(55, 99)} mmHg", "left arm, seated, automated cuff"),
             ("Heart rate", f"{rng.randint(50, 120)} bpm", "regular, radial"),
             ("Temperature", f"{rng.uniform(36.0, 38.8):.1f} C", "tympanic"),
             ("Respiratory rate", f"{rng.randint(12, 28)} /min", "counted over 60 seconds"),
             ("Oxygen saturation", f"{rng.randint(88, 100)} %", rng.choice(["on room air", "on 2 L/min nasal cannula"])),
             ("Weight", f"{rng.uniform(48, 130):.1f} kg", "standing scale, no shoes"),
             ("Height", f"{rng.randint(150, 195)} cm", "stated by patient"),
             ("BMI", f"{rng.uniform(18, 41):.1f} kg/m2", "calculated"),
             ("Pain score", f"{rng.randint(0, 9)}/10", "numeric rating scale"),
             ("Capillary glucose", f"{rng.uniform(3.8, 16.5):.1f} mmol/L", "finger prick, before lunch"),
             ("GCS", str(rng.choice([15, 15, 14, 13])), "E4 V5 M6 unless noted"),
             ("Peak flow", f"{rng.randint(180, 560)} L/min", "best of three")]
    rows = [list(x) for x in rng.sample(items, n)]
    return {"header": None, "rows": rows, "col_widths": [110, 90, 150], "align": ["LEFT", "RIGHT", "LEFT"]}


def u_invoice(rng, fake, n):
    """Right-aligned quantity, rate and amount; wrapped descriptions."""
    rows = []
    for code, desc, low, high in rng.sample(CHARGES, n):
        qty = rng.choice([1, 1, 2, 3, 4])
        rate = rng.uniform(low, high)
        rows.append([code, desc, str(qty), f"{rate:,.2f}", f"{rate * qty:,.2f}"])
    return {"header": ["Item", "Particulars", "Qty", "Rate", "Amount"], "rows": rows,
            "col_widths": [44, 220, 34, 70, 76], "align": ["LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"]}


def u_appointments(rng, fake, n):
    """No header: date, time, where and with whom (three lines), what to bring."""
    rows = []
    for clinic in rng.sample(CLINICS, n):
        d = _day(rng, 3, 120)
        rows.append([f"{d:%a %d %b %Y}", f"{rng.randint(8, 16):02d}.{rng.choice(['00', '20', '40'])}",
                     f"{clinic}<br/>{fake.first_name()} {fake.last_name()}<br/>Outpatients {rng.choice('ABCDEF')}, room {rng.randint(1, 40)}",
                     rng.choice(NOTES)])
    return {"header": None, "rows": rows, "col_widths": [84, 40, 140, 180], "align": ["LEFT", "RIGHT", "LEFT", "LEFT"]}


def u_small_labs(rng, fake, n):
    """A narrow lab panel, for side by side: test, value, units; no method line."""
    rows = []
    for name, method, unit, low, high, dec in rng.sample(LABS, n):
        value, flag = _value(rng, low, high, dec)
        rows.append([name, value + (f" {flag}" if flag else ""), unit])
    return {"header": rng.choice([["Test", "Result", "Units"], None]), "rows": rows,
            "col_widths": [120, 50, 70], "align": ["LEFT", "RIGHT", "LEFT"]}


def u_small_vitals(rng, fake, n):
    rows = []
    for t in _time(rng, n):
        rows.append([t, f"{rng.randint(98, 168)}/{rng.randint(54, 98)}", str(rng.randint(52, 118)), f"{rng.uniform(36.1, 38.9):.1f}"])
    return {"header": ["Time", "BP", "HR", "T"], "rows": rows, "col_widths": [40, 60, 36, 40],
            "align": ["LEFT", "RIGHT", "RIGHT", "RIGHT"]}


UNTOUCHED_KINDS = {
    "med_chart": ("DISCHARGE PRESCRIPTION", u_med_chart, (5, 9)),
    "lab_cumulative": ("CUMULATIVE RESULTS", u_lab_cumulative, (6, 14)),
    "vitals_kv": ("OBSERVATIONS ON ARRIVAL", u_vitals_kv, (5, 12)),
    "invoice": ("FINAL BILL", u_invoice, (5, 13)),
    "appointments": ("YOUR CLINIC APPOINTMENTS", u_appointments, (5, 10)),
    "side_by_side": ("WARD ROUND SUMMARY", None, (5, 12)),
}


def untouched_page(i: int) -> dict:
    rng = random.Random(f"untouched-{i}")
    fake = Faker("en_GB")
    fake.seed_instance(5000 + i)
    kinds = list(UNTOUCHED_KINDS)
    kind = kinds[i % len(kinds)]
    title, make, (lo, hi) = UNTOUCHED_KINDS[kind]
    font = rng.choice(["Helvetica", "Times-Roman", "Courier"])
    valign = rng.choice(["TOP", "MIDDLE", "BOTTOM"])
    fs = rng.choice([8, 8.5, 9])
    blocks = [{"kind": "heading", "text": f"{fake.city()} {rng.choice(['Infirmary', 'District Hospital', 'Health Centre'])}: {title}"},
              {"kind": "paragraph", "text": f"Name {fake.first_name()} {fake.last_name().upper()}   Hosp. no. {rng.choice('KRM')}{rng.randint(100000, 999999)}   "
                                            f"Born {_day(rng, -95 * 365, -20 * 365):%d/%m/%Y}   Ward {rng.choice(['Ash', 'Elm', 'Rowan', 'Birch'])}"}]
    if rng.random() < 0.6:
        blocks.append({"kind": "paragraph", "text": rng.choice(PROSE)})
    base = {"kind": "table", "valign": valign, "grid": rng.random() < 0.15, "font_size": fs, "rule_header": rng.random() < 0.6}
    if kind == "side_by_side":
        left = rng.choice([u_small_vitals, u_vitals_kv])(rng, fake, rng.randint(5, 9))
        if left["col_widths"] == [110, 90, 150]:
            left["col_widths"] = [86, 66, 80]
        right = u_small_labs(rng, fake, rng.randint(5, 10))
        left.update(base)
        right.update(base, beside=True, x=sum(left["col_widths"]) + rng.choice([14, 22, 30]))
        blocks += [left, right]
    else:
        table = make(rng, fake, rng.randint(lo, hi))
        if table["header"] and rng.random() < 0.25:
            table["header"] = None  # continuation style: columns known from the page before
        table.update(base)
        blocks.append(table)
        if rng.random() < 0.3:  # a second, smaller table below
            extra = rng.choice([u_vitals_kv, u_small_labs, u_small_vitals])(rng, fake, 5)
            extra.update(base)
            blocks += [{"kind": "heading", "text": rng.choice(["Also recorded", "Additional results", "Observations"])}, extra]
    if rng.random() < 0.5:
        blocks.append({"kind": "paragraph", "text": rng.choice(PROSE)})
    style = {"renderer": "canvas", "font": font, "page_size": rng.choice(["A4", "letter"]), "margin": 44,
             "footer": [f"Printed {_day(rng, -30, 0):%d/%m/%Y} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}   Sheet 1"]}
    return {"id": f"u-{i + 1:03d}", "style": style, "blocks": blocks}


# --- fit, check, write ----------------------------------------------------------------------------

def _pages(spec: dict, tmp: Path) -> int:
    path = tmp / f"{spec['id']}.pdf"
    try:
        render(spec, path)
    except Overflow:
        return 2
    return len(pypdfium2.PdfDocument(str(path)))


def fit(spec: dict, tmp: Path) -> dict:
    """Drops rows from the longest table until the page renders as one page."""
    while _pages(spec, tmp) > 1:
        tables = [b for b in spec["blocks"] if b["kind"] == "table"]
        longest = max(tables, key=lambda b: len(b["rows"]))
        if len(longest["rows"]) <= 5:
            raise SystemExit(f"{spec['id']} does not fit one page with 5 rows a table")
        longest["rows"].pop()
    return spec


def check(spec: dict) -> None:
    style = spec["style"]
    room = PAGE_SIZES[style["page_size"]][0] - 2 * style["margin"]
    for b in spec["blocks"]:
        if b["kind"] == "table":
            assert b.get("x", 0) + sum(b["col_widths"]) <= room, spec["id"]
            assert 5 <= len(b["rows"]) <= 15, spec["id"]
            assert all(len(r) == len(b["col_widths"]) for r in b["rows"]), spec["id"]
            assert not b["header"] or len(b["header"]) == len(b["col_widths"]), spec["id"]
            assert b["valign"] in ("TOP", "MIDDLE", "BOTTOM")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for part, make in (("tuned", tuned_page), ("untouched", untouched_page)):
            specs = [fit(make(i), Path(tmp)) for i in range(PAGES)]
            for spec in specs:
                check(spec)
            with open(HERE / f"{part}.jsonl", "w", encoding="utf-8") as f:
                for spec in specs:
                    f.write(json.dumps(spec, ensure_ascii=False) + "\n")
            tables = [b for s in specs for b in s["blocks"] if b["kind"] == "table"]
            print(f"{part}: {len(specs)} pages, {len(tables)} tables, {sum(len(t['rows']) for t in tables)} rows, "
                  f"{sum(1 for t in tables if not t['header'])} without header, {sum(1 for t in tables if t.get('beside'))} side by side")


if __name__ == "__main__":
    main()
