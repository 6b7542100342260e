"""Builds the extractive engine's evaluation set: synthetic records with labelled section contents.

    .venv/bin/python tests/data/extractive/build.py      # rewrites tuned.jsonl and untouched.jsonl

Everything is invented: names come from Faker (seeded), values from a seeded random generator.
Each record is the text the engine receives (document headers and "[P12] ..." passages, as
ingestion/stitch.py renders them, de-identified: some names are surrogate tokens, some are
realistic surrogates) and, per summary section, the passage ids it must hold (`expected`) and
those it may hold without being wrong (`allowed`). A passage cited in a section where it is
neither counts against precision.

Two parts in two styles: `tuned` (US-style notes, tables with "Test Result Units Range Flag")
is the part to tune on; `untouched` (Commonwealth and Indian-style wording, bracketed ranges,
different headings) is scored once before and once after the work, its misses never read.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent

OVER, PROB, MED, ALL, PROC, RES, COURSE, PLAN, OPEN = (
    "Patient overview", "Problems and diagnoses", "Medications with changes", "Allergies", "Procedures",
    "Key results", "Hospital course", "Plan and follow-up", "Open questions",
)


@dataclass
class Doc:
    kind: str
    date: str
    lines: list[tuple[str, str | None, tuple[str, ...]]] = field(default_factory=list)

    def add(self, text: str, label: str | None = None, *allow: str) -> Doc:
        self.lines.append((text, label, allow))
        return self


def render(rid: str, style: str, docs: list[Doc]) -> dict:
    out, expected, allowed, n = [], {}, {}, 0
    for number, doc in enumerate(docs, 1):
        out.append(f"## Document {number} · {doc.kind} · {doc.date}")
        for text, label, allow in doc.lines:
            n += 1
            pid = f"P{n}"
            out.append(f"[{pid}] {text}")
            if label:
                expected.setdefault(label, []).append(pid)
            for a in allow:
                allowed.setdefault(a, []).append(pid)
        out.append("")
    return {"id": rid, "style": style, "kinds": [d.kind for d in docs], "prompt": "\n".join(out),
            "expected": expected, "allowed": allowed}


# --- shared facts: analytes (name, unit, low, high), drugs, problems ------------------------------

ANALYTES = [
    ("Sodium", "mmol/L", 136, 145), ("Potassium", "mmol/L", 3.5, 5.1), ("Chloride", "mmol/L", 98, 107),
    ("Bicarbonate", "mmol/L", 22, 29), ("Urea nitrogen", "mg/dL", 8, 23), ("Creatinine", "mg/dL", 0.70, 1.30),
    ("Glucose", "mg/dL", 70, 99), ("Calcium", "mg/dL", 8.6, 10.3), ("Albumin", "g/dL", 3.5, 5.0),
    ("ALT", "U/L", 7, 56), ("AST", "U/L", 10, 40), ("Alkaline phosphatase", "U/L", 44, 147),
    ("Total bilirubin", "mg/dL", 0.1, 1.2), ("Hemoglobin", "g/dL", 13.5, 17.5), ("WBC", "K/uL", 4.0, 10.5),
    ("Platelets", "K/uL", 150, 400), ("MCV", "fL", 80, 100), ("TSH", "mIU/L", 0.4, 4.0),
    ("Magnesium", "mg/dL", 1.7, 2.4), ("Phosphorus", "mg/dL", 2.5, 4.5), ("Ferritin", "ng/mL", 30, 400),
    ("Uric acid", "mg/dL", 3.4, 7.0), ("Triglycerides", "mg/dL", 0, 150), ("LDL cholesterol", "mg/dL", 0, 100),
    ("HDL cholesterol", "mg/dL", 40, 200), ("eGFR", "mL/min/1.73m2", 60, 999), ("CRP", "mg/L", 0, 5.0),
    ("Troponin I", "ng/L", 0, 20), ("INR", "", 0.8, 1.2), ("HbA1c", "%", 4.0, 5.6),
]

DRUGS = [
    ("Amlodipine", "5 mg", "once daily"), ("Metformin", "500 mg", "twice daily"), ("Atorvastatin", "40 mg", "at night"),
    ("Lisinopril", "10 mg", "daily"), ("Furosemide", "40 mg", "every morning"), ("Pantoprazole", "40 mg", "before breakfast"),
    ("Salbutamol inhaler", "100 mcg", "2 puffs as needed"), ("Prednisolone", "30 mg", "daily for 5 days"),
    ("Apixaban", "5 mg", "twice daily"), ("Levothyroxine", "75 mcg", "daily"), ("Bisoprolol", "2.5 mg", "daily"),
    ("Doxycycline", "100 mg", "twice daily for 7 days"), ("Tiotropium", "18 mcg", "one capsule inhaled daily"),
    ("Sertraline", "50 mg", "daily"), ("Gabapentin", "300 mg", "three times daily"), ("Insulin glargine", "18 units", "at bedtime"),
]

PROBLEMS = [
    "acute exacerbation of COPD", "community-acquired pneumonia, right lower lobe", "type 2 diabetes mellitus",
    "essential hypertension", "urinary tract infection", "cellulitis of the left leg", "acute kidney injury",
    "iron deficiency anaemia", "paroxysmal atrial fibrillation", "hypothyroidism", "gastro-oesophageal reflux disease",
    "migraine without aura", "osteoarthritis of the right knee", "major depressive disorder", "acute gastroenteritis",
    "dengue fever without warning signs", "lumbar radiculopathy", "asthma, moderate persistent", "gallstone pancreatitis",
    "non-ST elevation myocardial infarction",
]

PROCEDURES = [
    "Upper GI endoscopy", "Colonoscopy with polypectomy", "Laparoscopic cholecystectomy", "Coronary angiography",
    "Chest drain insertion", "Lumbar puncture", "Bone marrow biopsy", "Cataract extraction with lens implant",
]

KIN = ["Father", "Mother", "Brother", "Sister"]


def person(fake: Faker, rng: random.Random, n: int) -> str:
    """A name as a de-identified record shows it: a surrogate token or a realistic surrogate."""
    return f"[PERSON_{n}]" if rng.random() < 0.5 else fake.name()


def _fmt(x: float, like: float) -> str:
    if isinstance(like, int) and float(like).is_integer() and x >= 20:
        return str(round(x))
    return f"{x:.2f}" if like < 2 else f"{x:.1f}"


def lab_value(rng: random.Random, low: float, high: float, abnormal: bool) -> tuple[float, str]:
    if not abnormal:
        lo = low if low > 0 else high * 0.3
        return rng.uniform(lo + (high - lo) * 0.1, high - (high - lo) * 0.1), ""
    if high >= 999 or (low > 0 and rng.random() < 0.5):
        return low * rng.uniform(0.5, 0.9), "L"
    return high * rng.uniform(1.2, 2.5), "H"


def range_text(low: float, high: float, style: str) -> str:
    if high >= 999:
        return f">= {low:g}" if style == "a" else f"(>{low:g})"
    if low == 0:
        return f"< {high:g}" if style == "a" else f"(<{high:g})"
    return f"{low:g} - {high:g}" if style == "a" else f"({low:g}-{high:g})"


# --- the tuned part: US-style notes -----------------------------------------------------------------


def a_lab_report(fake, rng, i):
    d = Doc("Laboratory", f"2023-0{1 + i % 9}-1{i % 9}")
    d.add(f"[FACILITY_1] Clinical Laboratory · CLIA [ID_{i}]").add(f"Patient: [PERSON_1] DOB: 0{1 + i % 9}/12/1961 MRN: [MRN_1]")
    d.add(f"Collected: 0{1 + i % 9}/1{i % 9}/2023 07:30 Ordering provider: {person(fake, rng, 2)}, MD")
    d.add("Test Result Units Reference Range Flag")
    flag_style = ["HL", "word", "paren", "none"][i % 4]
    groups = rng.sample(["CHEMISTRY", "HEMATOLOGY", "LIPID PANEL", "LIVER PANEL", "ENDOCRINE"], 2)
    pool = rng.sample(ANALYTES, 12)
    for g, chunk in zip(groups, (pool[:6], pool[6:])):
        d.add(g)
        for name, unit, low, high in chunk:
            abnormal = rng.random() < 0.4
            value, flag = lab_value(rng, low, high, abnormal)
            shown = {"HL": flag, "word": {"H": "High", "L": "Low"}.get(flag, ""),
                     "paren": {"H": "(High)", "L": "(Low)"}.get(flag, ""), "none": ""}[flag_style]
            row = f"{name} {_fmt(value, low)} {unit} {range_text(low, high, 'a')} {shown}".replace("  ", " ").strip()
            d.add(row, RES if abnormal else None)
    d.add("H = above reference range, L = below reference range.")
    d.add(f"Verified by: {person(fake, rng, 3)}, MT(ASCP)")
    return [d]


def a_discharge(fake, rng, i):
    d = Doc("Discharge summary", f"2023-0{1 + i % 9}-2{i % 9}")
    probs = rng.sample(PROBLEMS, 3)
    drugs = rng.sample(DRUGS, 4)
    d.add("[FACILITY_1] — Discharge Summary").add(f"Patient: [PERSON_1] MRN: [MRN_1] Admission Date: 0{1 + i % 9}/1{i % 9}/2023")
    d.add(f"Attending: {person(fake, rng, 2)}, MD")
    if i % 3 == 0:
        d.add(f"Diagnosis: {probs[0]}", PROB)
    elif i % 3 == 1:
        d.add(f"Primary diagnosis: {probs[0]}", PROB)
        d.add(f"Secondary diagnosis: {probs[1]}", PROB)
    else:
        d.add("DISCHARGE DIAGNOSES")
        d.add(f"1. {probs[0].capitalize()}.", PROB)
        d.add(f"2. {probs[1].capitalize()}.", PROB)
        d.add(f"3. {probs[2].capitalize()}.", PROB)
    d.add("HISTORY OF PRESENT ILLNESS")
    d.add(f"{rng.randint(35, 88)}-year-old {rng.choice(['man', 'woman'])} admitted with {probs[0]} after 3 days of worsening symptoms.", None, OVER, COURSE)
    d.add("PAST MEDICAL HISTORY")
    d.add(f"- {rng.choice([x for x in PROBLEMS if x not in probs]).capitalize()}", PROB)
    d.add("FAMILY HISTORY" if i % 2 else f"Family history: {rng.choice(KIN).lower()} had {rng.choice(PROBLEMS)}.")
    if i % 2:
        d.add(f"{rng.choice(KIN)} with {rng.choice(['colon cancer', 'myocardial infarction at 52', 'type 2 diabetes'])}.")
    d.add("ALLERGIES")
    d.add(["NO KNOWN DRUG AND FOOD ALLERGIES", "NKDA", "No known allergies.", "Sulfa drugs (hives)."][i % 4], ALL)
    d.add("HOSPITAL COURSE")
    d.add(f"Treated with intravenous antibiotics and nebulised bronchodilators; oxygen weaned to room air by day {rng.randint(2, 5)}.", COURSE)
    d.add("Renal function improved with intravenous fluids.", COURSE)
    if i % 2 == 0:
        proc = rng.choice(PROCEDURES)
        d.add("PROCEDURES")
        d.add(f"{proc} on day 2, uncomplicated.", PROC)
    d.add("DISCHARGE MEDICATIONS")
    if i % 2:
        d.add("Medicine Dosage Frequency")
        for name, dose, freq in drugs:
            d.add(f"{name} {dose} {freq}", MED)
    else:
        for name, dose, freq in drugs:
            d.add(f"- {name} {dose} p.o. {freq}" + (" NEW" if rng.random() < 0.5 else ""), MED)
    d.add(["Follow up in 2 weeks with primary care.", "Follow-up with cardiology clinic in 4 weeks.",
           "Review in respiratory clinic in 6 weeks."][i % 3], PLAN)
    d.add("Repeat basic metabolic panel in 1 week.", PLAN, OPEN)
    d.add(f"Electronically signed by {person(fake, rng, 2)}, MD on 0{1 + i % 9}/2{i % 9}/2023 15:02")
    return [d]


def a_clinic_letter(fake, rng, i):
    d = Doc("Consult", f"2023-1{i % 3}-0{1 + i % 9}")
    prob = rng.choice(PROBLEMS)
    drug = rng.choice(DRUGS)
    doctor = person(fake, rng, 3)
    d.add("[FACILITY_2] Outpatient Clinic · Tel [PHONE_1]").add(f"Dear Dr. {person(fake, rng, 2)},")
    d.add(f"I reviewed your patient [PERSON_1], a {rng.randint(30, 80)}-year-old, in clinic today.", None, OVER)
    d.add(f"Diagnosis: {prob}", PROB)
    if i % 2:
        d.add(f"Secondary diagnosis: {rng.choice(PROBLEMS)}", PROB)
    d.add("Allergies: " + ["NKA", "nkda", "No Known Allergies", "penicillin - anaphylaxis"][i % 4], ALL)
    d.add(f"Her creatinine was {rng.choice(['2.10', '1.84', '2.45'])} mg/dL (reference 0.70 - 1.30) last week.", RES)
    d.add("Plan:")
    d.add(f"1. Start {drug[0].lower()} {drug[1]} {drug[2]}.", MED, PLAN)
    d.add(f"2. Follow up in {rng.choice([2, 3, 6])} weeks with repeat bloods.", PLAN)
    d.add("3. Referral to dietitian.", PLAN)
    d.add("Yours sincerely,")
    d.add(f"{doctor}, MD, FACP")
    d.add("Consultant Physician, Department of Medicine")
    if i % 2 == 0:
        d.add("Now offering same-day appointments! Visit www.[FACILITY_2].com to book online.")
        d.add("Download our patient app and get 10% off your next health check.")
    return [d]


def a_bill(fake, rng, i):
    d = Doc("Other", f"2023-0{1 + i % 9}-0{1 + i % 8}")
    proc = rng.choice(PROCEDURES)
    d.add("[FACILITY_1] — Patient Statement").add(f"Account: [ID_{i}] Statement date: 0{1 + i % 9}/0{1 + i % 8}/2023")
    d.add("PROCEDURES")
    d.add(f"{proc} CPT {rng.randint(43200, 47600)} $ {rng.randint(900, 4800)}.00")
    d.add(f"Anesthesia services $ {rng.randint(300, 900)}.00")
    d.add(f"Pathology, surgical specimen $ {rng.randint(100, 300)}.00")
    d.add(f"Diagnosis code: K80.20 {'Calculus of gallbladder' if i % 2 else 'Polyp of colon'}", None, PROB)
    d.add(f"Total charges $ {rng.randint(2000, 6000)}.00")
    d.add(f"Insurance payment -$ {rng.randint(1000, 1900)}.00")
    d.add(f"Amount due $ {rng.randint(100, 600)}.00 Please pay by 0{1 + i % 9}/28/2023.")
    d.add("Pay online at www.billpay-[FACILITY_1].com or call [PHONE_1].")
    return [d]


def a_form(fake, rng, i):
    d = Doc("Other", f"2023-0{1 + i % 9}-1{i % 9}")
    prob, drug = rng.choice(PROBLEMS), rng.choice(DRUGS)
    d.add("PRIOR AUTHORIZATION REQUEST FORM").add(f"Member name: [PERSON_1] Member ID: [ID_{i}]")
    d.add(f"Prescriber: {person(fake, rng, 2)}, MD NPI: [ID_{i + 1}]")
    d.add(f"Diagnosis: {prob}", PROB)
    d.add(f"ICD-10 code: {rng.choice(['J44.1', 'E11.9', 'I10', 'N18.3'])}", None, PROB)
    d.add(f"Medication requested: {drug[0]} {drug[1]} {drug[2]}", MED)
    d.add("Previous therapies tried: metformin 1000 mg twice daily (stopped, gastrointestinal intolerance)", None, MED)
    d.add("Allergies: NKDA", ALL)
    d.add("Prescriber signature: ______________ Date: __________")
    return [d]


def a_progress(fake, rng, i):
    d = Doc("Progress note", f"2023-0{1 + i % 9}-0{1 + i % 8}")
    prob = rng.choice(PROBLEMS)
    d.add("PROGRESS NOTE").add(f"Provider: {person(fake, rng, 2)}, MD")
    d.add(f"{rng.randint(40, 85)} y.o. with {prob} here for follow-up.", None, OVER, PROB)
    d.add("ASSESSMENT AND PLAN")
    d.add(f"1. {prob.capitalize()} - stable.", PROB)
    d.add("2. Hypertension - blood pressure above goal.", PROB)
    d.add("Increase lisinopril to 20 mg daily.", MED, PLAN)
    d.add("Return to clinic in 3 months.", PLAN)
    d.add("LABS")
    d.add(f"Creatinine {rng.choice(['2.10', '1.92'])} mg/dL 0.70 - 1.30", RES)
    d.add("Potassium 4.4 mmol/L 3.5 - 5.1")
    d.add(f"Hemoglobin A1c {rng.choice(['8.4', '9.1'])} % < 5.7", RES)
    d.add(f"eGFR {rng.choice(['41', '38'])} mL/min/1.73m2 > 60", RES)
    d.add("SOCIAL HISTORY")
    d.add("Never smoker. Drinks 2 glasses of wine a week.")
    d.add("FAMILY HISTORY")
    d.add(f"{rng.choice(KIN)}: hypertension, died of stroke at 70.")
    d.add("Electronically signed by [PERSON_2], MD")
    return [d]


# --- the untouched part: Commonwealth and Indian-style wording ------------------------------------


def b_lab_report(fake, rng, i):
    d = Doc("Laboratory", f"2022-1{i % 3}-0{1 + i % 9}")
    d.add("[FACILITY_1] DIAGNOSTICS — NABL accredited").add(f"Name : {person(fake, rng, 1)} Age/Sex : {rng.randint(20, 80)} Y / F")
    d.add(f"Ref. By : Dr. {person(fake, rng, 2)} Sample collected : 0{1 + i % 9}/1{i % 3}/2022")
    d.add("Investigation Observed Value Unit Biological Reference Interval")
    d.add(rng.choice(["BIOCHEMISTRY", "COMPLETE BLOOD COUNT", "RENAL FUNCTION TEST", "THYROID PROFILE"]))
    for name, unit, low, high in rng.sample(ANALYTES, 10):
        abnormal = rng.random() < 0.4
        value, flag = lab_value(rng, low, high, abnormal)
        mark = {"H": "High", "L": "Low"}.get(flag, "") if i % 2 else ""
        d.add(f"{name.upper() if i % 3 == 0 else name} {_fmt(value, low)} {mark} {unit} {range_text(low, high, 'b')}".replace("  ", " "),
              RES if abnormal else None)
    d.add("*** End of Report ***")
    d.add(f"Dr. {person(fake, rng, 3)} MD (Pathology) Consultant Pathologist")
    d.add("Get your full body check-up at 40% off! Home sample collection available. Call [PHONE_1].")
    d.add("Visit us at www.[FACILITY_1]labs.in for online reports.")
    return [d]


def b_discharge(fake, rng, i):
    d = Doc("Discharge summary", f"2022-0{1 + i % 9}-1{i % 9}")
    probs = rng.sample(PROBLEMS, 2)
    drugs = rng.sample(DRUGS, 3)
    d.add("[FACILITY_1] MULTISPECIALITY HOSPITAL").add("DISCHARGE SUMMARY")
    d.add(f"Patient Name : {person(fake, rng, 1)} IP No : [ID_{i}] Consultant : Dr. {person(fake, rng, 2)}")
    d.add(f"Final Diagnosis : {probs[0].upper() if i % 2 else probs[0]}", PROB)
    if i % 2 == 0:
        d.add(f"Co-morbidities : {probs[1]}", PROB)
    d.add(f"Presenting complaints : fever and breathlessness for {rng.randint(2, 9)} days")
    d.add("Known allergies : " + ["NIL", "none known", "NO KNOWN DRUG ALLERGY", "Allergic to sulphonamides"][i % 4], ALL)
    d.add("Course in the hospital :")
    d.add("Patient was managed with IV antibiotics, nebulisation and supportive care and improved symptomatically.", COURSE)
    if i % 2:
        d.add(f"Procedure done : {rng.choice(PROCEDURES)} under local anaesthesia", PROC)
    d.add("Investigations : as per enclosed reports.")
    d.add(f"Haemoglobin {rng.choice(['8.2', '9.1'])} g/dL [13.0 - 17.0]", RES)
    d.add("Serum creatinine 0.9 mg/dL [0.7 - 1.3]")
    d.add("Advice on discharge :")
    d.add("Drug Dose Route Frequency Duration")
    for name, dose, freq in drugs:
        d.add(f"Tab. {name} {dose} oral {freq} x 10 days" if "inhaler" not in name else f"{name} {dose} {freq}", MED)
    d.add(f"Review after {rng.choice(['one week', '10 days', '2 weeks'])} in OPD with reports.", PLAN)
    d.add("Diet : soft diet, plenty of oral fluids.", None, PLAN)
    d.add(f"Dr. {person(fake, rng, 2)} MBBS, MD (General Medicine)")
    d.add("For appointments and home care services call our 24x7 helpline [PHONE_2].")
    return [d]


def b_gp_letter(fake, rng, i):
    d = Doc("Consult", f"2022-0{1 + i % 9}-2{i % 9}")
    prob = rng.choice(PROBLEMS)
    d.add("[FACILITY_2] NHS Foundation Trust").add(f"Re: {person(fake, rng, 1)}, NHS No [ID_{i}]")
    d.add(f"Dear Dr {person(fake, rng, 2)},")
    d.add("Diagnoses:")
    d.add(f"1) {prob}", PROB)
    d.add(f"2) {rng.choice(PROBLEMS)}", PROB)
    d.add("Drug allergies: " + ["nil known", "No known drug allergies", "NKDA", "codeine (vomiting)"][i % 4], ALL)
    d.add(f"I saw this {rng.randint(30, 80)} year old gentleman in clinic today.", None, OVER)
    d.add(f"His eGFR is {rng.choice(['34', '41'])} mL/min (normal > 60) and his ferritin {rng.choice(['8', '11'])} ug/L (30-400).", RES)
    d.add("Mother had breast cancer aged 60; no other family history of note.")
    d.add(f"I have started {rng.choice(['ramipril 2.5 mg once daily', 'bisoprolol 1.25 mg once daily', 'ferrous sulfate 200 mg twice daily'])}.", MED)
    d.add("I will see him again in clinic in three months.", PLAN)
    d.add("Please could you check his U&Es in two weeks.", PLAN, OPEN)
    d.add("Yours sincerely")
    d.add(f"Dr {person(fake, rng, 3)}")
    d.add("Consultant Nephrologist")
    d.add(f"cc: {person(fake, rng, 1)}")
    return [d]


def b_invoice(fake, rng, i):
    d = Doc("Other", f"2022-0{1 + i % 9}-0{2 + i % 7}")
    d.add("[FACILITY_1] HOSPITAL — FINAL BILL").add(f"Bill No : [ID_{i}] UHID : [ID_{i + 1}]")
    d.add("Particulars Qty Rate Amount")
    d.add(f"Room rent (twin sharing) {rng.randint(2, 6)} 2500.00 {rng.randint(5, 15)}000.00")
    d.add(f"{rng.choice(PROCEDURES)} 1 {rng.randint(20, 80)}000.00 {rng.randint(20, 80)}000.00")
    d.add(f"Pharmacy charges 1 {rng.randint(4, 9)}450.50")
    d.add(f"Laboratory investigations 1 {rng.randint(2, 6)}300.00")
    d.add(f"GST @ 18% {rng.randint(1, 5)}200.00")
    d.add(f"Net amount payable Rs. {rng.randint(40, 99)},{rng.randint(100, 999)}.00")
    d.add("Amount in words: Rupees only. This is a computer generated bill.")
    return [d]


def b_referral_form(fake, rng, i):
    d = Doc("Other", f"2022-1{i % 3}-1{i % 9}")
    prob = rng.choice(PROBLEMS)
    d.add("REFERRAL FORM — PHYSIOTHERAPY").add(f"Client: {person(fake, rng, 1)} Date of referral: 1{i % 3}/1{i % 9}/2022")
    d.add(f"Reason for referral / working diagnosis: {prob}", PROB)
    d.add("Relevant history: hypertension, previous knee arthroscopy 2015", None, PROB, PROC)
    d.add("Current medicines: paracetamol 1 g four times daily, naproxen 500 mg twice daily", MED)
    d.add("Allergy status: No known allergies" if i % 2 else "Allergy status: Latex", ALL)
    d.add("Urgency: [ ] urgent [x] routine")
    d.add(f"Referrer: {person(fake, rng, 2)}, GP Signature: __________")
    return [d]


def b_ward_note(fake, rng, i):
    d = Doc("Progress note", f"2022-0{1 + i % 9}-0{1 + i % 8}")
    prob = rng.choice(PROBLEMS)
    d.add(f"Ward round — Consultant {person(fake, rng, 2)}")
    d.add(f"Impression: {prob}", PROB, RES)
    d.add(f"Issues: {rng.choice(PROBLEMS)}", PROB)
    d.add(f"Bloods today: Hb {rng.choice(['78', '84'])} g/L (130-170), WCC 14.2 x10^9/L (4.0-11.0), CRP 88 mg/L (<5)", RES)
    d.add("Na 139 mmol/L (133-146), K 4.1 mmol/L (3.5-5.3)")
    d.add("Plan -")
    d.add("Continue co-amoxiclav 1.2 g IV three times a day, switch to oral when afebrile 24 h.", MED, PLAN)
    d.add("Repeat bloods tomorrow.", PLAN, OPEN)
    d.add("Chase blood culture results.", OPEN, PLAN)
    d.add("FHx: brother had bowel cancer at 55.")
    d.add(f"Dr {person(fake, rng, 3)} FY1 bleep 4321")
    return [d]


TUNED = [a_lab_report] * 6 + [a_discharge] * 6 + [a_clinic_letter] * 4 + [a_bill] * 2 + [a_form] * 3 + [a_progress] * 3
UNTOUCHED = [b_lab_report] * 4 + [b_discharge] * 4 + [b_gp_letter] * 4 + [b_invoice] * 2 + [b_referral_form] * 2 + [b_ward_note] * 3


def build(makers, style: str, seed: int) -> list[dict]:
    fake, rng = Faker("en_US" if style == "tuned" else "en_GB"), random.Random(seed)
    fake.seed_instance(seed)
    records = []
    for i, make in enumerate(makers):
        docs = make(fake, rng, i)
        records.append(render(f"{style}-{i:02d}-{make.__name__[2:]}", style, docs))
    # Two whole records of several documents: the discharge, a lab report and a letter together.
    if style == "tuned":
        for j in range(2):
            docs = a_discharge(fake, rng, 20 + j) + a_lab_report(fake, rng, 20 + j) + a_clinic_letter(fake, rng, 20 + j)
            records.append(render(f"{style}-multi-{j}", style, docs))
    else:
        docs = b_discharge(fake, rng, 30) + b_lab_report(fake, rng, 31) + b_gp_letter(fake, rng, 32)
        records.append(render(f"{style}-multi-0", style, docs))
    return records


def main() -> None:
    for style, makers, seed in (("tuned", TUNED, 14), ("untouched", UNTOUCHED, 1414)):
        with open(HERE / f"{style}.jsonl", "w") as f:
            f.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in build(makers, style, seed))


if __name__ == "__main__":
    main()
