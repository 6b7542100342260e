"""Builds the document type and date evaluation set: synthetic uploaded files with labelled parts.

    .venv/bin/python tests/data/doctypes/make.py     # rewrites tuned.jsonl and untouched.jsonl

Everything is invented. Names, addresses, phone numbers and identifiers come from Faker (seeded per
file); clinical content and values come from a seeded random generator and the small phrase lists
below. Each output line is one file as a user would upload it (page texts as a PDF text layer gives
them) and the documents it holds:

    {"id": "t-001", "pages": [...], "parts": [{"first_page": 1, "last_page": 2,
                                               "type": "discharge_summary", "date": "2024-03-17"}]}

Two parts in two styles, written from different templates:
  tuned      US hospital styles (and a New Zealand hospital variant for day-first dates);
  untouched  UK / Irish / Australian / Indian hospital and GP styles, US clinic and payer styles.
The untouched part is scored once per change and its misses are never read.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent
TYPES = (
    "discharge_summary", "progress_note", "radiology", "laboratory", "operative_note", "consult",
    "medication_list", "bill", "pathology", "history_physical", "administrative", "other",
)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
PAGEBREAK = "\f"


# --------------------------------------------------------------------------------------------
# Context: one file's patient, facility, clinicians and date style
# --------------------------------------------------------------------------------------------

@dataclass
class Doc:
    pages: list[str]
    type: str
    date: date | None
    kind: str


class Ctx:
    def __init__(self, seed: int, locale: str, style: str, region: str):
        self.rng = random.Random(seed)
        self.fake = Faker(locale)
        self.fake.seed_instance(seed)
        self.style = style          # "mdy" or "dmy": how numeric dates are written in this file
        self.region = region        # US, NZ, UK, IE, AU, IN
        self.pad = self.rng.random() < 0.8
        f, r = self.fake, self.rng
        self.sex = r.choice(["F", "M"])
        self.first = f.first_name_female() if self.sex == "F" else f.first_name_male()
        self.last = f.last_name()
        self.name = f"{self.first} {self.last}"
        dob = date(r.randint(1932, 2004), r.randint(1, 12), r.randint(1, 28))
        if style == "dmy":          # day-first files always carry an unambiguous birth date
            dob = dob.replace(day=r.randint(13, 28))
        self.dob = dob
        self.address = f.address().replace("\n", ", ")
        self.phone = self.phone_number()
        self.mrn = f.numerify(r.choice(["########", "#######", "00#######"]))
        self.acct = f.numerify("##########")
        self.city = f.city()
        self.service = date(r.randint(2021, 2024), r.randint(1, 12), r.randint(1, 28))
        self.stay: tuple[date, date] | None = None

    def phone_number(self) -> str:
        f = self.fake
        return {
            "US": lambda: f.numerify("(###) ###-####"),
            "IE": lambda: f.numerify("+353 # ### ####"),
            "UK": lambda: f.numerify("01### ######"),
            "AU": lambda: f.numerify("(0#) #### ####"),
            "IN": lambda: f.numerify("+91 98### #####"),
            "NZ": lambda: f.numerify("(0#) ### ####"),
        }[self.region]()

    def doctor(self) -> str:
        return f"{self.fake.first_name()} {self.fake.last_name()}"

    # date writers --------------------------------------------------------------------------
    def d(self, x: date, sep: str = "/") -> str:
        """Numeric date in the file's style."""
        a, b = (x.day, x.month) if self.style == "dmy" else (x.month, x.day)
        if self.pad:
            return f"{a:02d}{sep}{b:02d}{sep}{x.year}"
        return f"{a}{sep}{b}{sep}{x.year}"

    def long(self, x: date) -> str:
        if self.region == "US":
            return f"{MONTHS[x.month - 1]} {x.day}, {x.year}"
        return f"{x.day} {MONTHS[x.month - 1]} {x.year}"

    def short(self, x: date) -> str:
        if self.region == "US":
            return f"{MONTHS[x.month - 1][:3]} {x.day}, {x.year}"
        return f"{x.day} {MONTHS[x.month - 1][:3]} {x.year}"

    def iso(self, x: date) -> str:
        return x.isoformat()

    def dmon(self, x: date) -> str:
        return f"{x.day:02d}-{MONTHS[x.month - 1][:3]}-{x.year}"

    def t(self) -> str:
        return f"{self.rng.randint(6, 22):02d}:{self.rng.choice(['00', '05', '12', '20', '34', '41', '55'])}"

    def age(self, at: date) -> int:
        return at.year - self.dob.year - ((at.month, at.day) < (self.dob.month, self.dob.day))

    def pick(self, seq, k: int | None = None):
        if k is None:
            return self.rng.choice(seq)
        return self.rng.sample(list(seq), k)

    def he(self) -> str:
        return "she" if self.sex == "F" else "he"

    def their(self) -> str:
        return "her" if self.sex == "F" else "his"

    def sexword(self) -> str:
        return "female" if self.sex == "F" else "male"


def paginate(blocks: list[str], header=None, footer=None, per_page: int = 40) -> list[str]:
    """Pack text blocks into pages; PAGEBREAK forces a new page. header/footer get (page, pages)."""
    raw: list[list[str]] = [[]]
    used = 0
    for block in blocks:
        if block == PAGEBREAK:
            if raw[-1]:
                raw.append([])
                used = 0
            continue
        n = block.count("\n") + 2
        if used and used + n > per_page:
            raw.append([])
            used = 0
        raw[-1].append(block)
        used += n
    raw = [p for p in raw if p]
    pages = []
    for i, page in enumerate(raw, 1):
        parts = []
        if header:
            parts.append(header(i, len(raw)))
        parts.append("\n\n".join(page))
        if footer:
            parts.append(footer(i, len(raw)))
        pages.append("\n".join(parts).strip("\n") + "\n")
    return pages


def table(rows: list[list[str]], widths: list[int]) -> str:
    return "\n".join("".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows)


# --------------------------------------------------------------------------------------------
# Invented clinical content
# --------------------------------------------------------------------------------------------

SCENARIOS = [
    dict(dx="Community-acquired pneumonia, right lower lobe", short="pneumonia",
         hpc="three days of productive cough, fevers and pleuritic right-sided chest pain",
         course="Started on IV ceftriaxone and azithromycin with good response. Afebrile from day 2. "
                "Oxygen weaned to room air. Switched to oral antibiotics prior to discharge.",
         meds=[("Amoxicillin-clavulanate", "875/125 mg", "PO", "BID x 5 days")]),
    dict(dx="Acute on chronic heart failure with reduced ejection fraction", short="heart failure",
         hpc="increasing breathlessness, orthopnoea and ankle swelling over two weeks",
         course="Diuresed with IV furosemide with net negative 4.2 L. Weight down 3.8 kg. "
                "Renal function remained stable. Transitioned to oral diuretic.",
         meds=[("Furosemide", "40 mg", "PO", "daily"), ("Spironolactone", "25 mg", "PO", "daily")]),
    dict(dx="Infective exacerbation of COPD", short="COPD exacerbation",
         hpc="worsening wheeze and breathlessness with purulent sputum",
         course="Treated with nebulised bronchodilators, prednisolone and doxycycline. "
                "Peak flow improved. Mobilising independently on room air at discharge.",
         meds=[("Prednisone", "40 mg", "PO", "daily x 3 more days"), ("Doxycycline", "100 mg", "PO", "daily")]),
    dict(dx="Cellulitis of the left lower leg", short="cellulitis",
         hpc="a red, hot, swollen left shin with fevers for four days",
         course="IV cefazolin for 48 hours with regression of erythema beyond marked margins. "
                "No abscess on bedside ultrasound. Changed to oral cephalexin.",
         meds=[("Cephalexin", "500 mg", "PO", "QID x 7 days")]),
    dict(dx="Diabetic ketoacidosis", short="DKA",
         hpc="polyuria, vomiting and abdominal pain after missed insulin doses",
         course="Managed with IV fluids and fixed-rate insulin infusion per protocol. Anion gap closed "
                "within 18 hours. Diabetes educator reviewed insulin technique.",
         meds=[("Insulin glargine", "22 units", "SC", "nightly"), ("Insulin lispro", "per scale", "SC", "with meals")]),
    dict(dx="Urinary tract infection with sepsis", short="urosepsis",
         hpc="dysuria, rigors and confusion noted by family",
         course="Blood cultures grew E. coli sensitive to ceftriaxone. Fluid resuscitated, "
                "lactate normalised. Confusion resolved by day 3.",
         meds=[("Cefpodoxime", "200 mg", "PO", "BID x 7 days")]),
    dict(dx="Atrial fibrillation with rapid ventricular response", short="fast AF",
         hpc="palpitations and light-headedness since the morning of presentation",
         course="Rate controlled with IV then oral metoprolol. Anticoagulation commenced after "
                "discussion of bleeding risk. Echocardiogram showed preserved LV function.",
         meds=[("Metoprolol succinate", "50 mg", "PO", "daily"), ("Apixaban", "5 mg", "PO", "BID")]),
    dict(dx="Upper gastrointestinal bleed secondary to duodenal ulcer", short="GI bleed",
         hpc="melaena for two days and one episode of coffee-ground vomiting",
         course="Transfused 2 units packed red cells. Endoscopy showed a clean-based duodenal ulcer. "
                "High-dose PPI. H. pylori biopsy sent. Haemoglobin stable for 48 hours.",
         meds=[("Pantoprazole", "40 mg", "PO", "BID x 8 weeks")]),
]

HOME_MEDS = [
    ("Lisinopril", "10 mg", "PO", "daily"), ("Metformin", "1000 mg", "PO", "BID"),
    ("Atorvastatin", "40 mg", "PO", "nightly"), ("Levothyroxine", "75 mcg", "PO", "daily before breakfast"),
    ("Amlodipine", "5 mg", "PO", "daily"), ("Omeprazole", "20 mg", "PO", "daily"),
    ("Sertraline", "50 mg", "PO", "daily"), ("Aspirin", "81 mg", "PO", "daily"),
    ("Gabapentin", "300 mg", "PO", "TID"), ("Albuterol HFA", "2 puffs", "INH", "q4h PRN wheeze"),
    ("Tamsulosin", "0.4 mg", "PO", "nightly"), ("Vitamin D3", "1000 units", "PO", "daily"),
    ("Losartan", "50 mg", "PO", "daily"), ("Hydrochlorothiazide", "25 mg", "PO", "daily"),
    ("Acetaminophen", "650 mg", "PO", "q6h PRN pain"), ("Montelukast", "10 mg", "PO", "nightly"),
]
UK_MEDS = [
    ("Ramipril", "5mg", "once daily"), ("Metformin", "500mg", "two tablets twice daily"),
    ("Atorvastatin", "20mg", "at night"), ("Levothyroxine", "50 micrograms", "each morning"),
    ("Amlodipine", "5mg", "once daily"), ("Lansoprazole", "30mg", "once daily"),
    ("Sertraline", "50mg", "once daily"), ("Bisoprolol", "2.5mg", "once daily"),
    ("Paracetamol", "1g", "four times daily when required"), ("Salbutamol 100mcg inhaler", "2 puffs", "when required"),
    ("Colecalciferol", "800 units", "once daily"), ("Apixaban", "5mg", "twice daily"),
    ("Furosemide", "40mg", "each morning"), ("Gliclazide", "80mg", "twice daily"),
]
PMH = ["hypertension", "type 2 diabetes mellitus", "hyperlipidemia", "hypothyroidism", "GERD",
       "osteoarthritis of both knees", "depression", "chronic kidney disease stage 3a", "asthma",
       "obstructive sleep apnea", "benign prostatic hyperplasia", "gout", "migraine"]
PRIOR = ["appendectomy", "cholecystectomy", "right total knee replacement", "C-section", "tonsillectomy",
         "inguinal hernia repair", "cataract surgery, left eye", "coronary stent to LAD"]
ALLERGIES = ["No known drug allergies", "Penicillin (rash)", "Sulfa drugs (hives)", "Codeine (nausea)",
             "Latex (contact dermatitis)", "Iodinated contrast (urticaria)"]

CBC = [("WBC", "x10^3/uL", 4.0, 11.0, 1), ("Hemoglobin", "g/dL", 12.0, 16.0, 1), ("Hematocrit", "%", 36, 46, 1),
       ("Platelets", "x10^3/uL", 150, 400, 0), ("MCV", "fL", 80, 100, 0)]
BMP = [("Sodium", "mmol/L", 135, 145, 0), ("Potassium", "mmol/L", 3.5, 5.1, 1), ("Chloride", "mmol/L", 98, 107, 0),
       ("CO2", "mmol/L", 22, 29, 0), ("BUN", "mg/dL", 7, 20, 0), ("Creatinine", "mg/dL", 0.6, 1.2, 2),
       ("Glucose", "mg/dL", 70, 99, 0), ("Calcium", "mg/dL", 8.6, 10.3, 1)]
LFT = [("AST", "U/L", 10, 40, 0), ("ALT", "U/L", 7, 56, 0), ("Alk Phos", "U/L", 44, 147, 0),
       ("Total Bilirubin", "mg/dL", 0.1, 1.2, 1), ("Albumin", "g/dL", 3.5, 5.0, 1)]
MISC = [("TSH", "uIU/mL", 0.4, 4.0, 2), ("Hemoglobin A1c", "%", 4.0, 5.6, 1), ("LDL Cholesterol", "mg/dL", 0, 99, 0),
        ("Magnesium", "mg/dL", 1.7, 2.2, 1), ("Ferritin", "ng/mL", 15, 150, 0)]
FBC_SI = [("Haemoglobin", "g/L", 115, 165, 0), ("White cell count", "x10^9/L", 4.0, 11.0, 1),
          ("Platelets", "x10^9/L", 150, 400, 0), ("Neutrophils", "x10^9/L", 2.0, 7.5, 1),
          ("MCV", "fL", 80, 100, 0)]
UE_SI = [("Sodium", "mmol/L", 135, 145, 0), ("Potassium", "mmol/L", 3.5, 5.2, 1), ("Urea", "mmol/L", 2.5, 7.8, 1),
         ("Creatinine", "umol/L", 45, 90, 0), ("eGFR", "mL/min/1.73m2", 60, 120, 0), ("CRP", "mg/L", 0, 5, 0)]


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[a-z]{3})\. ", text)[0].rstrip(".")


def value(c: Ctx, lo: float, hi: float, dec: int) -> tuple[str, str]:
    span = hi - lo
    v = c.rng.uniform(lo - span * 0.3, hi + span * 0.35)
    v = max(v, 0)
    flag = "H" if v > hi else ("L" if v < lo else "")
    return (f"{v:.{dec}f}" if dec else str(int(round(v)))), flag


RAD_EXAMS = [
    dict(title="CT ABDOMEN AND PELVIS WITH IV CONTRAST", uk="CT abdomen and pelvis (portal venous)",
         indication="Right lower quadrant pain, elevated white count.",
         technique="Axial images were obtained from the lung bases through the pubic symphysis following "
                   "administration of 100 mL Omnipaque 350. Coronal and sagittal reformats were reviewed.",
         findings=["Liver, spleen, pancreas and adrenal glands are unremarkable.",
                   "The appendix is dilated to 11 mm with periappendiceal fat stranding. No abscess.",
                   "No free air. No bowel obstruction.", "Kidneys enhance symmetrically without hydronephrosis."],
         impression="Acute uncomplicated appendicitis."),
    dict(title="CHEST X-RAY, 2 VIEWS (PA AND LATERAL)", uk="Chest radiograph PA",
         indication="Cough and fever.", technique="PA and lateral views of the chest.",
         findings=["There is patchy consolidation in the right lower lobe.", "No pleural effusion or pneumothorax.",
                   "Cardiomediastinal silhouette is within normal limits."],
         impression="Right lower lobe pneumonia. Recommend follow-up radiograph in 6-8 weeks to document resolution."),
    dict(title="MRI LUMBAR SPINE WITHOUT CONTRAST", uk="MRI lumbar spine",
         indication="Low back pain radiating to the left leg for 8 weeks.",
         technique="Sagittal T1, T2, STIR and axial T2 sequences.",
         findings=["Vertebral body heights are maintained.", "L4-L5: disc desiccation with a left paracentral "
                   "protrusion contacting the traversing left L5 nerve root.", "L5-S1: mild facet arthropathy. "
                   "No canal stenosis.", "Conus terminates normally at L1."],
         impression="L4-L5 left paracentral disc protrusion contacting the left L5 nerve root."),
    dict(title="CT HEAD WITHOUT CONTRAST", uk="CT head (non-contrast)",
         indication="Fall with head strike, on anticoagulation.", technique="Contiguous axial images from skull base to vertex.",
         findings=["No acute intracranial haemorrhage, mass effect or midline shift.",
                   "Mild periventricular white matter hypodensity, likely chronic small vessel change.",
                   "No calvarial fracture."],
         impression="No acute intracranial abnormality."),
    dict(title="US ABDOMEN RIGHT UPPER QUADRANT", uk="Ultrasound upper abdomen",
         indication="Right upper quadrant pain after meals.", technique="Real-time grayscale and color Doppler imaging.",
         findings=["Multiple mobile gallstones, the largest 14 mm.", "Gallbladder wall thickened to 5 mm with "
                   "positive sonographic Murphy sign.", "Common bile duct measures 4 mm."],
         impression="Findings compatible with acute calculous cholecystitis."),
    dict(title="CT PULMONARY ANGIOGRAM", uk="CT pulmonary angiogram",
         indication="Pleuritic chest pain and tachycardia, elevated D-dimer.",
         technique="Helical CT of the chest during pulmonary arterial phase contrast injection.",
         findings=["Filling defects in the right lower lobe segmental arteries.", "RV/LV ratio 0.8.",
                   "No consolidation. Small right pleural effusion."],
         impression="Acute right lower lobe segmental pulmonary emboli without right heart strain."),
]

OPS = [
    dict(name="Laparoscopic cholecystectomy", pre="Acute calculous cholecystitis", post="Same",
         findings="Distended, inflamed gallbladder with multiple stones. Critical view of safety obtained.",
         steps=["The patient was placed supine and general endotracheal anesthesia induced.",
                "Pneumoperitoneum established via Hasson technique at the umbilicus.",
                "Three further 5 mm ports were placed under direct vision.",
                "Calot's triangle was dissected; cystic duct and artery clipped and divided.",
                "Gallbladder dissected from the liver bed with hook diathermy and retrieved in a bag.",
                "Hemostasis confirmed. Ports removed under vision. Skin closed with absorbable sutures."],
         specimen="Gallbladder"),
    dict(name="Laparoscopic appendectomy", pre="Acute appendicitis", post="Acute suppurative appendicitis",
         findings="Inflamed, non-perforated appendix. Small amount of reactive fluid in pelvis.",
         steps=["General anesthesia. Foley catheter placed.", "Three-port laparoscopic approach.",
                "Mesoappendix divided with energy device.", "Appendiceal base secured with endoloops x2 and divided.",
                "Specimen retrieved in an endobag. Pelvis irrigated.", "Fascia at umbilicus closed with 0 Vicryl."],
         specimen="Appendix"),
    dict(name="Right total hip arthroplasty", pre="Right hip osteoarthritis", post="Same",
         findings="Eburnated femoral head with large osteophytes.",
         steps=["Spinal anesthesia with sedation. Left lateral decubitus position.",
                "Posterior approach. Short external rotators tagged and released.",
                "Femoral neck osteotomy. Acetabulum reamed to 52 mm and cup impacted.",
                "Femur broached; trial reduction stable. Final components inserted.",
                "Capsule and rotators repaired. Layered closure. Dressing applied."],
         specimen="Femoral head"),
    dict(name="Excision of left breast lump with sentinel lymph node biopsy", pre="Left breast carcinoma",
         post="Same", findings="2 cm firm mass upper outer quadrant; one blue, hot sentinel node.",
         steps=["General anesthesia. Radioisotope and blue dye injected preoperatively.",
                "Curvilinear incision over the wire-localized lesion.", "Lesion excised with margin and oriented.",
                "Axillary incision; sentinel node identified with gamma probe and excised.",
                "Hemostasis. Closure in layers with subcuticular suture."],
         specimen="Left breast lesion (oriented); sentinel lymph node"),
]

PATH_SPECIMENS = [
    dict(spec="Gallbladder, cholecystectomy", gross="Received in formalin a 7.5 x 3.0 x 2.5 cm gallbladder. "
         "The mucosa is green and velvety. Multiple yellow faceted stones, up to 1.4 cm.",
         micro="Gallbladder wall with transmural chronic inflammation, Rokitansky-Aschoff sinuses and "
               "focal acute inflammation.", dx="Acute on chronic cholecystitis with cholelithiasis. "
               "Negative for dysplasia and malignancy."),
    dict(spec="Appendix, appendectomy", gross="An appendix measuring 6.2 cm in length and up to 1.1 cm in diameter "
         "with a dull, congested serosa.", micro="Transmural neutrophilic infiltrate with mucosal ulceration "
         "and serositis.", dx="Acute suppurative appendicitis. No evidence of malignancy."),
    dict(spec="Skin, left forearm, shave biopsy", gross="A tan shave of skin 0.8 x 0.6 x 0.1 cm with a "
         "central brown macule.", micro="Atypical melanocytes in nests and single cells along the dermal-epidermal "
         "junction with pagetoid spread. Breslow thickness 0.4 mm. No ulceration.",
         dx="Malignant melanoma, superficial spreading type, Breslow 0.4 mm, pT1a. Peripheral margin involved."),
    dict(spec="Colon, sigmoid, polypectomy", gross="Two tan polypoid fragments, 0.9 and 0.4 cm.",
         micro="Colonic mucosa with crowded, elongated, pencillate nuclei without high-grade features.",
         dx="Tubular adenoma. Negative for high-grade dysplasia."),
    dict(spec="Stomach, antrum, endoscopic biopsy", gross="Three tan-pink mucosal fragments, 0.2-0.3 cm.",
         micro="Chronic active gastritis with curved bacilli on the surface epithelium. No intestinal metaplasia.",
         dx="Chronic active gastritis, Helicobacter pylori associated."),
]


# --------------------------------------------------------------------------------------------
# TUNED: US hospital styles (NZ variant for day-first files)
# --------------------------------------------------------------------------------------------

def us_facility(c: Ctx) -> tuple[str, str]:
    if c.region == "NZ":
        return f"{c.city} Hospital", f"{c.fake.street_address()}, {c.city}"
    kind = c.pick(["Regional Medical Center", "Memorial Hospital", "General Hospital", "University Hospital"])
    return f"{c.fake.last_name()} {kind}", c.fake.address().replace("\n", ", ")


def idlabel(c: Ctx) -> str:
    return "NHI" if c.region == "NZ" else "MRN"


def pid(c: Ctx) -> str:
    return c.fake.bothify("???####").upper() if c.region == "NZ" else c.mrn


def t_banner(c: Ctx, fac: str, title: str):
    ident = pid(c)

    def header(i, n):
        return (f"{fac.upper()}\n{title}\nPatient: {c.last.upper()}, {c.first.upper()}   {idlabel(c)}: {ident}   "
                f"DOB: {c.d(c.dob)}\n" + "-" * 78)

    def footer(i, n):
        return f"{'-' * 78}\nPage {i} of {n}"
    return header, footer


def us_meds(c: Ctx, k: int) -> list[tuple[str, str, str, str]]:
    return c.pick(HOME_MEDS, k)


def t_discharge(c: Ctx, when: date | None = None) -> Doc:
    fac, _ = us_facility(c)
    sc = c.pick(SCENARIOS)
    los = c.rng.randint(2, 7)
    disch = when or c.service
    adm = disch - timedelta(days=los)
    if c.stay:
        adm, disch = c.stay
    signed = disch + timedelta(days=c.rng.randint(1, 4))
    att, pcp = c.doctor(), c.doctor()
    pmh = c.pick(PMH, 3)
    prior = c.pick(PRIOR)
    prior_year = adm.year - c.rng.randint(2, 12)
    meds = us_meds(c, 4) + sc["meds"]
    h, f = t_banner(c, fac, "DISCHARGE SUMMARY")
    blocks = [
        f"Admission Date: {c.d(adm)}          Discharge Date: {c.d(disch)}\n"
        f"Attending Physician: {att}, MD\nPrimary Care Physician: {pcp}, MD\n"
        f"Discharge Disposition: {c.pick(['Home', 'Home with home health', 'Skilled nursing facility'])}",
        f"PRINCIPAL DIAGNOSIS:\n{sc['dx']}",
        "SECONDARY DIAGNOSES:\n" + "\n".join(f"{i}. {p.capitalize()}" for i, p in enumerate(pmh, 1)),
        f"HISTORY OF PRESENT ILLNESS:\n{c.age(adm)}-year-old {c.sexword()} with a history of {', '.join(pmh)} "
        f"who presented to the emergency department with {sc['hpc']}. Past surgical history notable for "
        f"{prior} in {prior_year}.",
        f"HOSPITAL COURSE:\n{sc['course']} The patient was seen by physical therapy and cleared for discharge. "
        f"Vital signs on the day of discharge were stable.",
        "DISCHARGE MEDICATIONS:\n" + "\n".join(f"- {m[0]} {m[1]} {m[2]} {m[3]}" for m in meds),
        f"FOLLOW-UP:\nFollow up with {pcp}, MD in 1 week. Repeat labs (BMP, CBC) at that visit.\n"
        f"Return to the ED for fever > 101 F, chest pain, or shortness of breath.",
        f"CONDITION AT DISCHARGE: Stable.\n\nElectronically signed by {att}, MD on {c.d(signed)} {c.t()}\n"
        f"Dictated: {c.d(disch)}   Transcribed: {c.d(signed)}",
    ]
    return Doc(paginate(blocks, h, f, per_page=c.rng.choice([26, 34])), "discharge_summary", disch, "us discharge summary")


def t_progress(c: Ctx) -> Doc:
    fac, _ = us_facility(c)
    sc = c.pick(SCENARIOS)
    day = c.rng.randint(2, 5)
    dos = c.service
    adm = dos - timedelta(days=day - 1)
    author = c.doctor()
    vitals = (f"T {c.rng.uniform(36.4, 38.2):.1f} C  HR {c.rng.randint(62, 112)}  BP {c.rng.randint(104, 158)}/"
              f"{c.rng.randint(58, 94)}  RR {c.rng.randint(14, 22)}  SpO2 {c.rng.randint(91, 99)}% RA")
    rows = [["", "Today", "Yesterday"]]
    for name, unit, lo, hi, dec in c.pick(BMP, 4):
        rows.append([f"{name} ({unit})", value(c, lo, hi, dec)[0], value(c, lo, hi, dec)[0]])
    title = c.pick(["HOSPITALIST PROGRESS NOTE", "DAILY PROGRESS NOTE - INTERNAL MEDICINE", "PROGRESS NOTE"])
    h, f = t_banner(c, fac, title)
    blocks = [
        f"Date of Service: {c.d(dos)}   Time: {c.t()}\nHospital Day: {day}   Admit Date: {c.d(adm)}\n"
        f"Author: {author}, MD (Hospitalist)",
        f"SUBJECTIVE:\nFeels {c.pick(['somewhat better', 'about the same', 'much improved'])} today. "
        f"Tolerating diet. Slept overnight. No new complaints. Admitted for {sc['short']}.",
        f"OBJECTIVE:\nVitals: {vitals}\nGen: NAD, alert and oriented x3\nCV: RRR, no murmurs\n"
        f"Lungs: {c.pick(['clear bilaterally', 'scattered crackles at right base', 'mild expiratory wheeze'])}\n"
        f"Ext: {c.pick(['no edema', 'trace bilateral edema', '1+ pitting edema to mid-shin'])}",
        "Labs:\n" + table(rows, [26, 10, 10]),
        f"ASSESSMENT AND PLAN:\n# {sc['dx']}\n  - {first_sentence(sc['course'])}.\n  - Continue current therapy.\n"
        f"# DVT prophylaxis: enoxaparin 40 mg SC daily\n# Dispo: anticipate discharge in 24-48 h",
        f"{author}, MD\nSigned {c.d(dos)} {c.t()}",
    ]
    return Doc(paginate(blocks, h, f, per_page=60), "progress_note", dos, "us inpatient progress note")


def t_radiology(c: Ctx) -> Doc:
    fac, _ = us_facility(c)
    ex = c.pick(RAD_EXAMS)
    dos = c.service
    comp = dos - timedelta(days=c.rng.randint(40, 900))
    read = c.doctor()
    signed = dos + timedelta(days=c.rng.choice([0, 1, 1, 2]))
    acc = c.fake.numerify("RAD########")
    blocks = [
        f"{fac}\nDepartment of Radiology\n{c.fake.address().replace(chr(10), ', ')}",
        f"PATIENT: {c.last}, {c.first}        {idlabel(c)}: {pid(c)}\nDOB: {c.d(c.dob)}   Sex: {c.sex}\n"
        f"ACCESSION #: {acc}\nORDERING PHYSICIAN: {c.doctor()}, MD\nEXAM DATE: {(c.short if c.rng.random() < 0.3 else c.d)(dos)} {c.t()}",
        f"EXAM: {ex['title']}",
        f"CLINICAL INDICATION: {ex['indication']}",
        f"TECHNIQUE: {ex['technique']}",
        f"COMPARISON: {c.pick(['CT', 'Radiograph', 'Study'])} dated {c.d(comp)}.",
        "FINDINGS:\n" + "\n".join(ex["findings"]),
        f"IMPRESSION:\n1. {ex['impression']}",
        f"Dictated by: {read}, MD\nElectronically signed by: {read}, MD on {c.d(signed)} at {c.t()}",
        f"Page 1 of 1                         Printed: {c.d(signed + timedelta(days=c.rng.randint(3, 60)))}",
    ]
    return Doc(["\n\n".join(blocks) + "\n"], "radiology", dos, "us radiology report")


def ocr_noise(c: Ctx, text: str) -> str:
    """Photo transcription: misread letters, ragged spacing, some words lost. Dates kept legible."""
    out = []
    for line in text.split("\n"):
        words = []
        for w in line.split(" "):
            if re.search(r"\d+[/.-]\d+[/.-]\d+", w) or not w:
                words.append(w)
                continue
            r = c.rng.random()
            if r < 0.08:
                w = w.replace("l", "1").replace("O", "0")
            elif r < 0.13:
                w = w.replace("e", "c").replace("m", "rn")
            elif r < 0.15:
                w = w[: max(1, len(w) // 2)]
            words.append(w)
        line = " ".join(words)
        if c.rng.random() < 0.3:
            line = re.sub(r" {2,}", lambda m: " " * c.rng.randint(1, len(m.group()) + 2), line)
        out.append(line)
    return "\n".join(out)


def t_lab(c: Ctx, photo: bool = False) -> Doc:
    fac, _ = us_facility(c)
    coll = c.service
    recv = coll
    rep = coll + timedelta(days=c.rng.choice([0, 1]))
    printed = rep + timedelta(days=c.rng.randint(2, 40))
    dw = c.iso if c.rng.random() < 0.35 else c.d
    panels = [("COMPLETE BLOOD COUNT", CBC), ("BASIC METABOLIC PANEL", BMP)]
    if c.rng.random() < 0.5:
        panels.append(("HEPATIC FUNCTION PANEL", LFT))
    if c.rng.random() < 0.5:
        panels.append(("OTHER", c.pick(MISC, 2)))
    blocks = [
        f"{fac} - Clinical Laboratory\nCLIA# {c.fake.numerify('##D#######')}   Lab Director: {c.doctor()}, MD",
        f"Patient Name: {c.last}, {c.first}      {idlabel(c)}: {pid(c)}\nDOB: {c.d(c.dob)}  Age: {c.age(coll)}  "
        f"Sex: {c.sex}\nOrdering Provider: {c.doctor()}, MD\nSpecimen ID: {c.fake.numerify('L##-###-####')}\n"
        f"Collected: {dw(coll)} {c.t()}   Received: {dw(recv)} {c.t()}   Reported: {dw(rep)} {c.t()}",
    ]
    for title, tests in panels:
        rows = [["TEST", "RESULT", "FLAG", "UNITS", "REFERENCE RANGE"]]
        for name, unit, lo, hi, dec in tests:
            v, fl = value(c, lo, hi, dec)
            rows.append([name, v, fl, unit, f"{lo}-{hi}"])
        blocks.append(f"{title}\n" + table(rows, [22, 10, 6, 12, 16]))
    blocks.append(f"Results verified by {c.fake.first_name()[0]}{c.fake.last_name()[0]}, MLS(ASCP)\n"
                  f"Report printed {c.d(printed)} {c.t()}")
    h = (lambda i, n: f"CUMULATIVE LAB REPORT   {c.last.upper()}, {c.first.upper()}   {idlabel(c)} {pid(c)}")
    ft = (lambda i, n: f"Page {i} of {n}   ** CONFIDENTIAL **")
    pages = paginate(blocks, h, ft, per_page=c.rng.choice([30, 60]))
    kind = "us lab report"
    if photo:
        pages = [ocr_noise(c, p) for p in pages]
        kind = "lab report photo transcription"
    return Doc(pages, "laboratory", coll, kind)


def t_operative(c: Ctx) -> Doc:
    fac, _ = us_facility(c)
    op = c.pick(OPS)
    dos = c.service
    surgeon, asst, anes = c.doctor(), c.doctor(), c.doctor()
    dictated = dos + timedelta(days=c.rng.choice([0, 1, 3]))
    h, f = t_banner(c, fac, "OPERATIVE REPORT")
    blocks = [
        f"DATE OF SURGERY: {(c.long if c.rng.random() < 0.3 else c.d)(dos)}\nSURGEON: {surgeon}, MD\nASSISTANT: {asst}, PA-C\n"
        f"ANESTHESIOLOGIST: {anes}, MD\nANESTHESIA: {c.pick(['General endotracheal', 'Spinal with MAC'])}",
        f"PREOPERATIVE DIAGNOSIS: {op['pre']}\nPOSTOPERATIVE DIAGNOSIS: {op['post']}\nPROCEDURE PERFORMED: {op['name']}",
        f"ESTIMATED BLOOD LOSS: {c.rng.choice([10, 25, 50, 150, 300])} mL\nFLUIDS: {c.rng.choice([800, 1200, 1500])} mL "
        f"crystalloid\nDRAINS: None\nSPECIMENS: {op['specimen']} to pathology\nCOMPLICATIONS: None",
        f"INDICATIONS: The patient is a {c.age(dos)}-year-old {c.sexword()} with {op['pre'].lower()}. Risks, benefits "
        f"and alternatives were discussed and informed consent was signed on {c.d(dos - timedelta(days=c.rng.randint(1, 20)))}.",
        f"FINDINGS: {op['findings']}",
        "DESCRIPTION OF PROCEDURE:\n" + " ".join(op["steps"]) + " Sponge and needle counts were correct x2. "
        "The patient tolerated the procedure well and was taken to PACU in stable condition.",
        f"{surgeon}, MD\nD: {c.d(dictated)} {c.t()}   T: {c.d(dictated + timedelta(days=1))} {c.t()}\n"
        f"Job #: {c.fake.numerify('#######')}",
    ]
    return Doc(paginate(blocks, h, f, per_page=c.rng.choice([30, 70])), "operative_note", dos, "us operative report")


def t_consult(c: Ctx, letter: bool = False) -> Doc:
    fac, fac_addr = us_facility(c)
    dos = c.service
    svc = c.pick(["Cardiology", "Nephrology", "Infectious Disease", "Gastroenterology", "Endocrinology"])
    me, req = c.doctor(), c.doctor()
    sc = c.pick(SCENARIOS)
    pmh = c.pick(PMH, 3)
    meds = us_meds(c, 6)
    if letter:
        sent = dos + timedelta(days=c.rng.randint(1, 6))
        blocks = [
            f"{fac}\n{svc} Associates\n{fac_addr}\nTel {c.phone}",
            f"{c.long(sent)}",
            f"{req}, MD\n{c.fake.address().replace(chr(10), ', ')}",
            f"RE: {c.name}\nDOB: {c.d(c.dob)}\nDate of visit: {c.d(dos)}",
            f"Dear Dr. {req.split()[-1]},",
            f"Thank you for asking me to see {c.name} in {svc.lower()} consultation for {sc['short']}. "
            f"As you know, {c.he()} is a {c.age(dos)}-year-old with {', '.join(pmh)}. {c.he().capitalize()} describes "
            f"{sc['hpc']}.",
            "Current medications:\n" + "\n".join(f"  {m[0]} {m[1]} {m[3]}" for m in meds),
            f"On examination today blood pressure was {c.rng.randint(110, 150)}/{c.rng.randint(60, 92)}, pulse "
            f"{c.rng.randint(58, 100)}. The remainder of the examination was unremarkable.",
            f"Impression: {sc['dx']}.\nRecommendations:\n1. {sc['meds'][0][0]} {sc['meds'][0][1]} {sc['meds'][0][3]}.\n"
            f"2. Repeat labs in 2 weeks.\n3. I will see {c.first} again in 6 weeks.",
            f"Thank you for this kind referral. Please do not hesitate to contact me with any questions.\n\n"
            f"Sincerely,\n\n{me}, MD\n{svc}\n\ncc: {c.name} (patient)",
        ]
        return Doc(paginate(blocks, None, lambda i, n: f"Page {i} of {n}", per_page=42), "consult", dos,
                   "us consult letter with medication list")
    h, f = t_banner(c, fac, f"{svc.upper()} CONSULTATION")
    blocks = [
        f"Date of Consultation: {(c.long if c.rng.random() < 0.3 else c.d)(dos)}\nRequesting Physician: {req}, MD\nConsultant: {me}, MD\n"
        f"Reason for Consultation: {sc['short']}",
        f"HISTORY OF PRESENT ILLNESS:\n{c.age(dos)} y/o {c.sexword()} with {', '.join(pmh)} admitted with {sc['hpc']}. "
        f"We are asked to evaluate and assist with management.",
        f"PAST MEDICAL HISTORY: {', '.join(pmh)}.\nPAST SURGICAL HISTORY: {c.pick(PRIOR)} "
        f"({c.d(dos - timedelta(days=c.rng.randint(800, 5000)))}).\nALLERGIES: {c.pick(ALLERGIES)}",
        "MEDICATIONS:\n" + "\n".join(f"{m[0]} {m[1]} {m[2]} {m[3]}" for m in meds[:4]),
        f"PHYSICAL EXAM:\nBP {c.rng.randint(100, 160)}/{c.rng.randint(60, 95)}, HR {c.rng.randint(60, 110)}\n"
        f"General: alert, no acute distress\nHeart: regular\nLungs: clear\nAbdomen: soft, non-tender",
        f"IMPRESSION:\n{sc['dx']}.\n\nRECOMMENDATIONS:\n1. {first_sentence(sc['course'])}.\n2. Will follow with you.",
        f"Thank you for this consultation.\n{me}, MD   {c.d(dos)} {c.t()}",
    ]
    return Doc(paginate(blocks, h, f, per_page=c.rng.choice([32, 70])), "consult", dos, "us inpatient consult")


def t_medlist(c: Ctx) -> Doc:
    fac, _ = us_facility(c)
    meds = us_meds(c, c.rng.randint(5, 9))
    undated = c.rng.random() < 0.4
    rec = c.service
    printed = rec + timedelta(days=c.rng.randint(5, 90))
    rows = [["MEDICATION", "DOSE", "ROUTE", "FREQUENCY", "LAST DOSE"]]
    for m in meds:
        rows.append([m[0], m[1], m[2], m[3], c.pick(["today AM", "yesterday", "unknown", "this morning"])])
    head = f"{fac}\nACTIVE MEDICATION LIST" if undated else f"{fac}\nADMISSION MEDICATION RECONCILIATION"
    who = (f"Patient: {c.name}   {idlabel(c)}: {pid(c)}   DOB: {c.d(c.dob)}\nAllergies: {c.pick(ALLERGIES)}")
    blocks = [head, who]
    if not undated:
        blocks.append(f"Reconciliation completed: {c.d(rec)} {c.t()} by {c.doctor()}, PharmD\n"
                      f"Source: patient interview and pharmacy fill history")
    blocks += [table(rows, [26, 12, 7, 26, 12]),
               "Patient was instructed to bring this list to every appointment.",
               f"Printed {c.d(printed)} {c.t()}                      Page 1 of 1"]
    return Doc(["\n\n".join(blocks) + "\n"], "medication_list", None if undated else rec,
               "us medication list" + (" (undated)" if undated else ""))


def t_bill(c: Ctx, itemised: bool = True) -> Doc:
    fac, fac_addr = us_facility(c)
    if itemised:
        los = c.rng.randint(2, 5)
        adm = c.service
        dis = adm + timedelta(days=los)
        stmt = dis + timedelta(days=c.rng.randint(10, 40))
        c.stay = (adm, dis)
        lines = []
        items = [("0120", "ROOM & BOARD SEMI-PRIVATE", 2450.00), ("0250", "PHARMACY", 88.40),
                 ("0300", "LAB - CBC W/DIFF 85025", 64.00), ("0301", "LAB - COMP METABOLIC 80053", 112.00),
                 ("0320", "DX XRAY CHEST 2 VIEWS 71046", 310.00), ("0450", "EMERGENCY ROOM LVL 4 99284", 1890.00),
                 ("0636", "DRUG DETAIL CODE J0696", 41.25), ("0730", "EKG/ECG 93005", 220.00)]
        for k in range(los + 1):
            day = adm + timedelta(days=k)
            for rev, desc, amt in c.pick(items, c.rng.randint(2, 4)):
                q = c.rng.randint(1, 3)
                lines.append([c.d(day), rev, desc, str(q), f"{amt * q:,.2f}"])
        total = sum(float(x[4].replace(",", "")) for x in lines)
        paid = round(total * c.rng.uniform(0.6, 0.85), 2)
        rows = [["DATE", "REV", "DESCRIPTION", "QTY", "CHARGES"]] + lines
        blocks = [
            f"{fac}\nPatient Financial Services\n{fac_addr}\nCustomer Service: {c.phone_number()}",
            "ITEMIZED STATEMENT OF ACCOUNT",
            f"Statement Date: {c.d(stmt)}\nGuarantor: {c.name}\nAccount Number: {c.acct}\nPatient: {c.name}   Birth Date: {c.d(c.dob)}\n"
            f"Admit: {c.d(adm)}   Discharge: {c.d(dis)}   Patient Type: Inpatient\n"
            f"Attending: {c.doctor()}, MD\nPrimary Insurance: {c.pick(['BlueCross PPO', 'Aetna Choice POS', 'Medicare Part A'])}",
            table(rows, [13, 6, 34, 5, 12]),
            f"TOTAL CHARGES{'':>40}{total:>12,.2f}\nINSURANCE PAYMENTS{'':>35}{-paid:>12,.2f}\n"
            f"CONTRACTUAL ADJUSTMENT{'':>31}{-round(total * 0.1, 2):>12,.2f}\n"
            f"PATIENT BALANCE DUE{'':>34}{total - paid - round(total * 0.1, 2):>12,.2f}",
            f"Please pay by {c.d(stmt + timedelta(days=30))}. Questions? Call {c.phone_number()}.",
        ]
        pages = paginate(blocks, None, lambda i, n: f"Account {c.acct}     Page {i} of {n}", per_page=36)
        return Doc(pages, "bill", stmt, "us itemised hospital statement")
    dos = c.service
    stmt = dos + timedelta(days=c.rng.randint(14, 45))
    ref = c.doctor()
    tests = [("80053", "Comprehensive metabolic panel", 98.00), ("85025", "CBC with differential", 45.00),
             ("83036", "Hemoglobin A1c", 62.00), ("84443", "TSH", 71.00), ("80061", "Lipid panel", 54.00),
             ("36415", "Routine venipuncture", 18.00)]
    chosen = c.pick(tests, 4)
    rows = [["DOS", "CPT", "DESCRIPTION", "CHARGE", "INS PAID", "YOU OWE"]]
    tot = 0.0
    for code, desc, amt in chosen:
        ins = round(amt * 0.7, 2)
        tot += amt - ins
        rows.append([c.d(dos), code, desc, f"{amt:.2f}", f"{ins:.2f}", f"{amt - ins:.2f}"])
    blocks = [
        f"{fac} Outreach Laboratory Billing\nPO Box {c.fake.numerify('####')}, {c.city}\n",
        f"PATIENT STATEMENT\nStatement date: {c.d(stmt)}\nAccount #: {c.acct}\nPatient: {c.name}   DOB: {c.d(c.dob)}\n"
        f"Referring physician: {ref}, MD\nDate of service: {c.d(dos)}",
        table(rows, [12, 7, 32, 9, 10, 9]),
        f"AMOUNT DUE: ${tot:.2f}     Due by {c.d(stmt + timedelta(days=21))}",
        "These laboratory tests were ordered by your referring physician. This is a bill for services, not a "
        "lab result. Results are sent to your physician.",
        f"-- Detach and return with payment --\nAccount #: {c.acct}   Amount enclosed: $________",
    ]
    return Doc(["\n".join(blocks) + "\n"], "bill", dos, "us lab bill naming tests and referring physician")


def t_pathology(c: Ctx, addendum: bool = False) -> Doc:
    fac, _ = us_facility(c)
    sp = c.pick(PATH_SPECIMENS)
    coll = c.service
    recv = coll + timedelta(days=c.rng.choice([0, 1]))
    signed = coll + timedelta(days=c.rng.randint(2, 5))
    pathologist = c.doctor()
    acc = c.fake.bothify("S##-#####").upper()
    h = lambda i, n: f"{fac.upper()} - DEPARTMENT OF PATHOLOGY\nSURGICAL PATHOLOGY REPORT      Accession: {acc}\n{'=' * 72}"
    ft = lambda i, n: f"{'=' * 72}\n{c.last}, {c.first}   {idlabel(c)} {pid(c)}          Page {i} of {n}"
    blocks = [
        f"Patient: {c.last}, {c.first}   DOB: {c.d(c.dob)}   Sex: {c.sex}\nSubmitting Physician: {c.doctor()}, MD\n"
        f"Date Collected: {c.d(coll)}   Date Received: {c.d(recv)}   Date Signed Out: {c.d(signed)}",
        f"SPECIMEN: {sp['spec']}",
        f"CLINICAL HISTORY: {c.pick(['Rule out malignancy.', 'See requisition.', 'Symptomatic; prior benign biopsy ' + c.d(coll - timedelta(days=700)) + '.'])}",
        f"FINAL DIAGNOSIS:\n{sp['spec'].upper()}:\n - {sp['dx']}",
        f"GROSS DESCRIPTION:\n{sp['gross']} Representative sections submitted in cassettes A1-A3.",
        f"MICROSCOPIC DESCRIPTION:\n{sp['micro']}",
        f"I attest that I personally reviewed the slides.\n{pathologist}, MD   Electronically signed {c.d(signed)}",
    ]
    kind = "us surgical pathology"
    if addendum:
        add = signed + timedelta(days=c.rng.randint(3, 12))
        blocks += [PAGEBREAK,
                   f"*** ADDENDUM ***\nAddendum Date: {c.d(add)}\nReason: additional studies\n"
                   f"Immunohistochemical stains performed on block A2 support the above diagnosis. "
                   f"Mismatch repair proteins (MLH1, PMS2, MSH2, MSH6) show intact nuclear expression.\n"
                   f"The final diagnosis is unchanged.\n{pathologist}, MD  Addendum signed {c.d(add)} {c.t()}"]
        kind += " with addendum"
    return Doc(paginate(blocks, h, ft, per_page=38), "pathology", coll, kind)


def t_hp(c: Ctx, soap: bool = False) -> Doc:
    fac, _ = us_facility(c)
    sc = c.pick(SCENARIOS)
    adm = c.service
    att = c.doctor()
    pmh = c.pick(PMH, 4)
    prior = c.pick(PRIOR, 2)
    meds = us_meds(c, 5)
    h, f = t_banner(c, fac, "ADMISSION HISTORY AND PHYSICAL" if soap else "HISTORY AND PHYSICAL")
    top = (f"Date of Admission: {(c.short if c.rng.random() < 0.3 else c.d)(adm)}   Time: {c.t()}\nAdmitting Physician: {att}, MD\n"
           f"Source: Emergency Department\nCode Status: {c.pick(['Full code', 'DNR/DNI'])}")
    hx = (f"{c.age(adm)}-year-old {c.sexword()} with PMH of {', '.join(pmh)} presenting with {sc['hpc']}. "
          f"Denies recent travel or sick contacts.")
    pmh_t = "PAST MEDICAL HISTORY:\n" + "\n".join(f"- {p}" for p in pmh)
    psh_t = "PAST SURGICAL HISTORY:\n" + "\n".join(
        f"- {p} ({c.d(adm - timedelta(days=c.rng.randint(900, 9000)))})" for p in prior)
    med_t = "HOME MEDICATIONS:\n" + "\n".join(f"- {m[0]} {m[1]} {m[3]}" for m in meds)
    soc = (f"SOCIAL HISTORY: {c.pick(['Never smoker', 'Former smoker, quit 2009', '1 ppd x 30 years'])}; "
           f"{c.pick(['occasional alcohol', 'no alcohol'])}. Lives with {c.pick(['spouse', 'daughter', 'alone'])}.\n"
           f"FAMILY HISTORY: {c.pick(['Father with MI at 60.', 'Mother with breast cancer.', 'Noncontributory.'])}")
    ros = "REVIEW OF SYSTEMS: 12-point review negative except as noted in HPI."
    pe = (f"PHYSICAL EXAMINATION:\nT {c.rng.uniform(36.5, 38.9):.1f}  HR {c.rng.randint(70, 120)}  BP "
          f"{c.rng.randint(100, 165)}/{c.rng.randint(55, 95)}  RR {c.rng.randint(14, 26)}  SpO2 {c.rng.randint(88, 99)}%\n"
          f"HEENT: normocephalic, mucous membranes {c.pick(['moist', 'dry'])}\nCV: tachycardic, regular\n"
          f"Resp: {c.pick(['decreased breath sounds R base', 'bibasilar crackles', 'diffuse wheeze'])}\n"
          f"Abd: soft, non-tender\nNeuro: grossly non-focal")
    labs = "ADMISSION LABS:\n" + ", ".join(f"{n} {value(c, lo, hi, d)[0]}" for n, u, lo, hi, d in c.pick(CBC + BMP, 6))
    ap = (f"ASSESSMENT AND PLAN:\n{c.age(adm)} y/o with {sc['dx'].lower()}.\n1. {sc['dx']}: "
          f"{first_sentence(sc['course']).lower()}.\n2. Chronic conditions: continue home medications except "
          f"hold {meds[0][0]}.\n3. VTE prophylaxis: heparin SC.\nDispo: admit to medicine, inpatient status.")
    sig = f"{att}, MD\nElectronically signed {c.d(adm + timedelta(days=1))} {c.t()}"
    if soap:
        blocks = [top, "SUBJECTIVE:\nChief Complaint: " + sc["short"] + "\n" + hx, pmh_t, psh_t, med_t,
                  f"Allergies: {c.pick(ALLERGIES)}", soc,
                  "OBJECTIVE:\n" + pe.split("\n", 1)[1], labs,
                  "ASSESSMENT:\n" + sc["dx"] + ".", "PLAN:\n" + ap.split("\n", 2)[2], sig]
        kind = "us H&P with SOAP headings"
    else:
        blocks = [top, f"CHIEF COMPLAINT: {sc['short'].capitalize()}", "HISTORY OF PRESENT ILLNESS:\n" + hx,
                  pmh_t, psh_t, med_t, f"ALLERGIES: {c.pick(ALLERGIES)}", soc, ros, pe, labs, ap, sig]
        kind = "us history and physical"
    return Doc(paginate(blocks, h, f, per_page=c.rng.choice([34, 44])), "history_physical", adm, kind)


def t_admin(c: Ctx, form: str | None = None) -> Doc:
    fac, fac_addr = us_facility(c)
    form = form or c.pick(["card", "consent", "facesheet", "fax"])
    if form == "card":
        payer = c.pick(["BlueCross BlueShield", "UnitedHealthcare", "Cigna", "Aetna"]) if c.region == "US" else "Southern Cross Health"
        eff = date(c.service.year, 1, 1)
        text = (f"[Insurance card - front]\n{payer}\n{c.pick(['PPO', 'HMO', 'Choice Plus', 'Open Access'])}\n\n"
                f"Member: {c.name.upper()}\nMember ID: {c.fake.bothify('???#########').upper()}\n"
                + (f"Date of birth: {c.d(c.dob)}\n" if c.region != "US" else "")
                + f""
                f"Group No: {c.fake.numerify('######')}\n"
                + (f"RxBIN {c.fake.numerify('######')}   RxPCN {c.fake.bothify('??##').upper()}\n" if c.region == "US" else "")
                + f"Effective {c.d(eff)}\nPCP Copay $25   Specialist $50   ER $250\n\n"
                f"[Insurance card - back]\nMembers: call {c.phone_number()}\nProviders: call {c.phone_number()}\n"
                f"Submit claims to: PO Box {c.fake.numerify('#####')}, {c.city}\n"
                f"Card issued {c.d(eff - timedelta(days=c.rng.randint(10, 60)))}. Possession of this card does not guarantee eligibility.\n")
        return Doc([text], "administrative", None, "insurance card")
    if form == "consent":
        dos = c.service
        op = c.pick(OPS)
        text = (f"{fac}\nINFORMED CONSENT FOR SURGICAL OR INVASIVE PROCEDURE\n\nPatient: {c.name}   {idlabel(c)}: {pid(c)}   "
                f"DOB: {c.d(c.dob)}\n\nI, {c.name}, authorize Dr. {c.doctor()} and associates to perform: {op['name']}.\n\n"
                "The nature of the procedure, its risks (including bleeding, infection, injury to nearby structures, "
                "blood clots, and risks of anesthesia), benefits and alternatives have been explained to me. I consent "
                "to the administration of anesthesia and to the disposal of any tissue removed.\n\n"
                f"Patient signature: ____{c.first[0]}. {c.last}____   Date: {c.d(dos)}   Time: {c.t()}\n"
                f"Witness: {c.fake.name()}, RN              Date: {c.d(dos)}\n"
                f"Physician: ____________________           Date: {c.d(dos)}\n\n"
                f"Form 10-{c.fake.numerify('###')} (rev. 04/2019)                                   Page 1 of 1\n")
        return Doc([text], "administrative", dos, "consent form")
    if form == "facesheet":
        dos = c.service
        text = (f"{fac}\nPATIENT REGISTRATION / FACE SHEET\nPrinted {c.d(dos + timedelta(days=c.rng.randint(1, 9)))}\n\n"
                + table([["Patient Name:", c.name, "Account #:", c.acct],
                         [f"{idlabel(c)}:", pid(c), "Admit Date:", c.d(dos)],
                         ["DOB:", c.d(c.dob), "Admit Type:", c.pick(["Emergency", "Elective", "Urgent"])],
                         ["Sex:", c.sex, "Room/Bed:", c.fake.numerify("#N-##")],
                         ["Phone:", c.phone, "Attending:", c.doctor()]], [16, 26, 14, 24])
                + f"\n\nAddress: {c.address}\n\nEMERGENCY CONTACT\nName: {c.fake.name()}   Relation: "
                f"{c.pick(['Spouse', 'Son', 'Daughter', 'Friend'])}   Phone: {c.phone_number()}\n\nINSURANCE\n"
                f"Primary: {c.pick(['Medicare', 'Medicaid', 'Humana Gold', 'Cigna OAP'])}   Policy #: {c.fake.bothify('??########').upper()}\n"
                f"Subscriber: {c.name}   Relationship: Self\n\nRegistered by: {c.fake.first_name()[0]}{c.fake.last_name()}\n")
        return Doc([text], "administrative", dos, "registration face sheet")
    # fax cover sheet
    dos = c.service
    text = (f"{fac}\n{fac_addr}\n\nFAX COVER SHEET\n\nDate: {c.d(dos)}\nTo: {c.doctor()}, MD\nFax: {c.phone_number()}\n"
            f"From: Health Information Management\nPhone: {c.phone_number()}\nRe: Medical records request "
            f"#{c.fake.numerify('######')}\nPages (including cover): {c.rng.randint(3, 9)}\n\n"
            "CONFIDENTIALITY NOTICE: The documents accompanying this facsimile contain confidential health "
            "information that is legally privileged. If you are not the intended recipient, you are hereby notified "
            "that any disclosure, copying or distribution is strictly prohibited. Please notify the sender "
            "immediately by telephone and destroy the documents.\n")
    return Doc([text], "administrative", dos, "fax cover sheet")


def t_other(c: Ctx) -> Doc:
    fac, _ = us_facility(c)
    kind = c.pick(["handout", "exercise"])
    printed = c.service
    if kind == "handout":
        topic = c.pick(["Living With Heart Failure", "Managing Type 2 Diabetes", "Caring for Your Incision"])
        text = (f"{fac} Patient Education\n\n{topic.upper()}\n\nWhat is it?\n"
                "This handout explains what to expect and how to take care of yourself at home. Keep it with your "
                "other papers and share it with your family or caregiver.\n\nWhat should I do at home?\n"
                "- Weigh yourself every morning after you urinate and before breakfast.\n"
                "- Take your medicines exactly as prescribed.\n- Limit salt to less than 2,000 mg a day.\n"
                "- Keep all follow-up appointments.\n\nWhen should I call my doctor?\n"
                "- You gain more than 3 pounds in one day or 5 pounds in one week.\n- You feel more short of breath.\n\n"
                f"This information is not intended to replace the advice of your doctor.\n"
                f"Content reviewed 06/2021.   Printed {c.d(printed)} for {c.name}   Page 1 of 1\n")
        return Doc([text], "other", None, "patient education handout")
    pages = []
    ex = ["Heel slides", "Quad sets", "Straight leg raise", "Ankle pumps", "Seated knee extension", "Bridging"]
    for i, chunk in enumerate([ex[:3], ex[3:]], 1):
        pages.append(f"HOME EXERCISE PROGRAM\n{fac} Outpatient Rehabilitation\nPrepared for: {c.name}\n\n" +
                     "\n\n".join(f"{e.upper()}\nRepeat 10 times. Hold 5 seconds. Do 2 sets, 2 times a day.\n"
                                 f"[illustration]" for e in chunk) + f"\n\nPage {i} of 2\n")
    return Doc(pages, "other", None, "home exercise program")


# --------------------------------------------------------------------------------------------
# UNTOUCHED: UK / Irish / Australian / Indian hospital and GP styles; US clinic and payer styles
# --------------------------------------------------------------------------------------------

def intl_facility(c: Ctx) -> tuple[str, str]:
    f = c.fake
    if c.region == "UK":
        return f"{f.city()} Hospitals NHS Foundation Trust", f"{f.street_address()}, {f.city()} {f.postcode()}"
    if c.region == "IE":
        return f"St. {f.first_name()}'s University Hospital", f"{f.street_address()}, {f.city()}"
    if c.region == "AU":
        return f"{f.city()} Base Hospital", f"{f.street_address()}, {f.city()} {f.state_abbr()} {f.postcode()}"
    if c.region == "IN":
        return f"{f.last_name()} Multispeciality Hospital", f"{f.street_address()}, {f.city()}"
    return f"{f.last_name()} {c.pick(['Family Medicine', 'Primary Care Associates', 'Medical Group'])}", \
        f.address().replace("\n", ", ")


def intl_ids(c: Ctx) -> str:
    f = c.fake
    return {
        "UK": lambda: f"NHS No: {f.numerify('### ### ####')}   Hospital No: {f.bothify('?#######').upper()}",
        "IE": lambda: f"MRN: {f.numerify('#######')}   IHI: {f.numerify('##########')}",
        "AU": lambda: f"URN: {f.numerify('######')}   Medicare: {f.numerify('#### ##### #')}",
        "IN": lambda: f"UHID: {f.bothify('??########').upper()}   IP No: {f.numerify('IP/####/#####')}",
        "US": lambda: f"Chart #: {f.numerify('######')}",
    }[c.region]()


def gp_name(c: Ctx) -> str:
    return f"Dr {c.fake.first_name()[0]} {c.fake.last_name()}"


def u_discharge(c: Ctx, when: date | None = None) -> Doc:
    fac, addr = intl_facility(c)
    sc = c.pick(SCENARIOS)
    dis = when or c.service
    adm = dis - timedelta(days=c.rng.randint(2, 9))
    if c.stay:
        adm, dis = c.stay
    cons = c.doctor()
    sep = "-" if c.region == "IN" else "/"
    if c.region == "IN":
        meds = c.pick(UK_MEDS, 4)
        blocks = [
            f"{fac.upper()}\n(A unit of {c.fake.last_name()} Healthcare Pvt. Ltd.)\n{addr}\nPh: {c.phone}",
            "DISCHARGE SUMMARY",
            table([["Name", f": {c.first} {c.last}", "Age/Sex", f": {c.age(adm)} Y / {c.sex}"],
                   ["UHID", f": {c.fake.bothify('??########').upper()}", "IP No", f": {c.fake.numerify('IP/####/#####')}"],
                   ["DOA", f": {c.d(adm, sep)}", "DOD", f": {c.d(dis, sep)}"],
                   ["Consultant", f": Dr. {cons}", "Dept", ": General Medicine"]], [12, 32, 10, 28]),
            f"DIAGNOSIS: {sc['dx']}",
            f"CHIEF COMPLAINTS: Patient came with complaints of {sc['hpc']}.",
            f"PAST HISTORY: K/C/O {', '.join(c.pick(['DM', 'HTN', 'hypothyroidism', 'CAD'], 2))} since "
            f"{c.rng.randint(3, 15)} years.",
            f"COURSE IN HOSPITAL: {sc['course']}",
            f"CONDITION AT DISCHARGE: Hemodynamically stable, afebrile.",
            "ADVICE ON DISCHARGE:\n" + "\n".join(f"{i}. Tab. {m[0]} {m[1]} - {m[2]}" for i, m in enumerate(meds, 1)),
            f"REVIEW: OPD review with Dr. {cons} after 7 days with CBC, RFT reports.\n"
            f"In case of emergency contact: {c.phone_number()}",
            f"Prepared by: Dr. {c.doctor()} (RMO)          Checked by: Dr. {cons} (Consultant)\nPrinted on: "
            f"{c.d(dis + timedelta(days=c.rng.randint(0, 3)), sep)}",
        ]
        pages = paginate(blocks, None, lambda i, n: f"Page {i}/{n}", per_page=36)
        return Doc(pages, "discharge_summary", dis, "indian discharge summary")
    meds = c.pick(UK_MEDS, 5)
    gp = gp_name(c)
    blocks = [
        f"{fac}\n{addr}",
        c.pick(["IMMEDIATE DISCHARGE LETTER", "Electronic Discharge Notification", "INPATIENT DISCHARGE SUMMARY - TO GP"]),
        f"To: {gp}, {c.fake.last_name()} Medical Practice\nPatient: {c.first} {c.last.upper()}   D.O.B. {c.d(c.dob)}\n{intl_ids(c)}\n"
        f"Address: {c.address}",
        table([["Date of admission", c.d(adm)], ["Date of discharge", c.d(dis)],
               ["Ward", f"{c.fake.last_name()} Ward"], ["Consultant", f"Dr {cons}"],
               ["Specialty", c.pick(["Acute Medicine", "Respiratory", "Care of the Elderly", "Cardiology"])]], [22, 40]),
        f"Presenting complaint\n{sc['hpc'].capitalize()}.",
        f"Diagnosis\n1. {sc['dx']}\n2. Background: {', '.join(c.pick(PMH, 2))}",
        f"Clinical narrative\n{sc['course']}",
        "Medications on discharge (TTO)\n" + table([["Drug", "Dose", "Directions", "Status"]] + [
            [m[0], m[1], m[2], c.pick(["Continued", "Continued", "NEW", "Dose changed"])] for m in meds], [30, 16, 30, 14]),
        f"Actions for GP\n- Please check U&Es in one week.\n- Please review blood pressure.\n"
        f"Follow-up: {c.pick(['Outpatient clinic in 6 weeks', 'No hospital follow-up', 'Virtual clinic in 4 weeks'])}.",
        f"Completed by: Dr {c.doctor()}, FY2   Bleep {c.fake.numerify('####')}   on {c.long(dis)}",
    ]
    h = lambda i, n: f"{c.last.upper()}, {c.first}   {c.d(c.dob)}   CONFIDENTIAL"
    pages = paginate(blocks, h, lambda i, n: f"Page {i} of {n}", per_page=c.rng.choice([30, 40]))
    return Doc(pages, "discharge_summary", dis, f"{c.region} discharge letter")


def u_progress(c: Ctx) -> Doc:
    dos = c.service
    if c.region == "US":
        fac, addr = intl_facility(c)
        prov = c.doctor()
        last = dos - timedelta(days=c.rng.randint(60, 200))
        meds = us_meds(c, 4)
        text = (f"{fac}\n{addr}   Ph {c.phone}\n\nOFFICE VISIT\n{c.name}   {intl_ids(c)}   DOB {c.d(c.dob)}\n"
                f"Visit date: {c.short(dos)}    Provider: {prov}, DO    Visit type: Follow-up, established patient\n\n"
                f"S: Here for {c.pick(['3-month', '6-month'])} follow-up of {c.pick(PMH)}. Last seen {c.d(last)}. "
                f"Reports good adherence. No chest pain or dyspnea.\n"
                f"O: BP {c.rng.randint(110, 150)}/{c.rng.randint(64, 92)}, P {c.rng.randint(58, 96)}, "
                f"Wt {c.rng.randint(120, 260)} lb, BMI {c.rng.uniform(21, 38):.1f}. Well appearing. Heart RRR. Lungs CTA.\n"
                f"A: {c.pick(PMH).capitalize()}, {c.pick(['stable', 'improved', 'not at goal'])}.\n"
                f"P: Continue {meds[0][0]} {meds[0][1]}. Labs today. RTC {c.pick(['3 months', '6 months'])}.\n\n"
                f"Current meds: " + "; ".join(f"{m[0]} {m[1]}" for m in meds) + "\n\n"
                f"Electronically signed by {prov}, DO {c.short(dos + timedelta(days=c.rng.randint(0, 2)))}\n")
        return Doc([text], "progress_note", dos, "us clinic SOAP visit note")
    fac, addr = intl_facility(c)
    sc = c.pick(SCENARIOS)
    text = (f"{fac}\nCONTINUATION SHEET / MEDICAL NOTES\nName: {c.name}   DOB: {c.d(c.dob)}   {intl_ids(c)}\n\n"
            f"{c.d(dos)}  {c.t()}   WARD ROUND - Dr {c.doctor()} (Reg)\n"
            f"Day {c.rng.randint(2, 6)} of admission with {sc['short']}.\n"
            f"Feels {c.pick(['better', 'tired', 'a bit brighter'])}. Eating and drinking.\n"
            f"O/E: alert, obs stable (NEWS {c.rng.randint(0, 3)}). Chest {c.pick(['clear', 'crackles R base'])}. "
            f"Abdo SNT. Calves SNT.\nBloods: Hb {c.rng.randint(95, 140)}, WCC {c.rng.uniform(5, 16):.1f}, "
            f"CRP {c.rng.randint(4, 180)} (was {c.rng.randint(50, 250)}).\n"
            f"Imp: {sc['dx']} - improving.\nPlan:\n1. Continue current Abx, IV->PO if afebrile 24h\n"
            f"2. Mobilise with physio\n3. ?EDD {c.d(dos + timedelta(days=2))}\n"
            f"   {c.fake.first_name()[0]}. {c.fake.last_name()} FY1  GMC {c.fake.numerify('#######')}\n")
    return Doc([text], "progress_note", dos, f"{c.region} ward round entry")


def u_radiology(c: Ctx) -> Doc:
    ex = c.pick(RAD_EXAMS)
    dos = c.service
    rep = dos + timedelta(days=c.rng.choice([0, 1, 2]))
    if c.region == "US":
        ctr = f"{c.fake.city()} Open MRI & Imaging"
        rad = c.doctor()
        text = (f"{ctr}\n{c.fake.address().replace(chr(10), ', ')}  |  P {c.phone}  |  F {c.phone_number()}\n\n"
                f"PATIENT: {c.name}          DOB: {c.d(c.dob)}\nREFERRING: {c.doctor()}, MD\n"
                f"DATE OF SERVICE: {c.short(dos)}\n\n{ex['title']}\n\nHISTORY: {ex['indication']}\n\n"
                f"TECHNIQUE: {ex['technique']}\n\nCOMPARISON: None available.\n\nFINDINGS:\n"
                + "\n".join(ex["findings"]) + f"\n\nIMPRESSION:\n{ex['impression']}\n\n"
                f"Thank you for the referral.\n{rad}, MD, Board Certified Radiologist\n"
                f"Transcribed {c.d(rep)}  Finalized {c.d(rep)} {c.t()}\n")
        return Doc([text], "radiology", dos, "us imaging center report")
    fac, addr = intl_facility(c)
    comp = dos - timedelta(days=c.rng.randint(100, 1500))
    rad = c.doctor()
    text = (f"{fac}\nDepartment of {c.pick(['Radiology', 'Medical Imaging', 'Clinical Radiology'])}\n\n"
            f"{c.last.upper()}, {c.first}   {c.d(c.dob)}   {intl_ids(c)}\n"
            f"Requested by: Dr {c.doctor()}   Location: {c.pick(['ED', 'AMU', 'OPD', 'GP'])}\n\n"
            f"Examination: {ex['uk']}\nExamination date: {c.d(dos)}\n"
            f"Clinical details: {ex['indication']}\n\nReport:\n"
            f"Comparison is made with the previous study of {c.long(comp)}. " + " ".join(ex["findings"])
            + f"\n\nConclusion:\n{ex['impression']}\n\nReported by: Dr {rad}, Consultant Radiologist, "
            f"GMC {c.fake.numerify('#######')}\nDate reported: {c.d(rep)} {c.t()}\n"
            f"Verified: {c.d(rep)}                                                      1/1\n")
    return Doc([text], "radiology", dos, f"{c.region} radiology report")


def u_lab(c: Ctx, photo: bool = False) -> Doc:
    coll = c.service
    if c.region == "IN":
        lab = f"{c.fake.last_name()} Diagnostics & Path Labs"
        sep = c.pick(["/", "-"])
        rep = coll + timedelta(days=c.rng.choice([0, 1]))
        rows = [["Investigation", "Observed Value", "Unit", "Biological Ref. Interval"]]
        for name, unit, lo, hi, dec in FBC_SI + UE_SI[:3]:
            rows.append([name, value(c, lo, hi, dec)[0], unit, f"{lo} - {hi}"])
        text = (f"{lab}\nNABL Accredited Laboratory | {c.fake.street_address()}, {c.fake.city()} | Ph: {c.phone}\n\n"
                + table([["Patient Name", f": {c.name}", "Sample Collected On", f": {c.d(coll, sep)} {c.t()}"],
                         ["Age / Gender", f": {c.age(coll)} Yrs / {c.sexword().title()}", "Sample Received On", f": {c.d(coll, sep)} {c.t()}"],
                         ["Ref. By", f": Dr. {c.doctor()}", "Report Released On", f": {c.d(rep, sep)} {c.t()}"],
                         ["Lab ID", f": {c.fake.numerify('##########')}", "DOB", f": {c.d(c.dob, sep)}"]], [14, 30, 22, 22])
                + "\n\nHAEMATOLOGY & BIOCHEMISTRY\n" + table(rows, [28, 16, 16, 24])
                + f"\n\n*** End of Report ***\nDr. {c.doctor()}, MD (Pathology)\nConsultant Pathologist\n"
                "Page 1 of 1\n")
        kind = "indian lab report"
    elif c.region == "US":
        lab = f"{c.fake.last_name()} Reference Laboratories"
        dw = c.iso if c.rng.random() < 0.5 else c.d
        rep = coll + timedelta(days=c.rng.choice([1, 2]))
        rows = [["Tests Ordered", "Result", "Flag", "Reference Interval", "Units"]]
        for name, unit, lo, hi, dec in c.pick(MISC + LFT, 5):
            v, fl = value(c, lo, hi, dec)
            rows.append([name, v, {"H": "High", "L": "Low", "": ""}[fl], f"{lo}-{hi}", unit])
        text = (f"{lab}\nAccount: {c.fake.last_name()} Family Medicine   Acct #{c.fake.numerify('#####')}\n\n"
                f"Patient: {c.last}, {c.first}    DOB: {c.d(c.dob)}    Patient ID: {c.fake.numerify('#######')}\n"
                f"Specimen #: {c.fake.numerify('###-###-####-#')}\nDate collected: {dw(coll)}   "
                f"Date received: {dw(coll + timedelta(days=1))}   Date reported: {dw(rep)}   Fasting: "
                f"{c.pick(['Yes', 'No'])}\n\n" + table(rows, [24, 10, 6, 20, 10])
                + f"\n\nPerforming site: {lab}, {c.fake.address().replace(chr(10), ', ')}\n"
                f"Final report                                              Page 1 of 1\n")
        kind = "us reference lab report"
    else:  # UK / IE / AU: "pathology" in the lab sense, still a laboratory report
        service = {"AU": f"{c.fake.last_name()} Pathology", "UK": "Blood Sciences - Pathology",
                   "IE": "Laboratory Medicine"}[c.region]
        fac, _ = intl_facility(c)
        rep = coll + timedelta(days=c.rng.choice([0, 1]))
        blocks = [f"{service}\n{fac}\nPh {c.phone}",
                  f"{c.last.upper()}, {c.first}  DOB {c.d(c.dob)}  Sex {c.sex}\n{intl_ids(c)}\nRequested by: {gp_name(c)}\n"
                  f"Lab No: {c.fake.numerify('##-#######')}\nCollected {c.d(coll)} {c.t()}   Reported {c.d(rep)} {c.t()}",
                  f"Clinical notes: {c.pick(['tired ++', 'routine bloods', 'post viral cough', '?anaemia'])}"]
        for title, tests in [("FULL BLOOD COUNT", FBC_SI), ("RENAL FUNCTION / U&E", UE_SI)]:
            rows = []
            for name, unit, lo, hi, dec in tests:
                v, fl = value(c, lo, hi, dec)
                rows.append([name, v + (" *" if fl else ""), f"({lo} - {hi})", unit])
            blocks.append(f"{title}\n" + table(rows, [22, 10, 16, 14]))
        blocks.append(f"Comment: Please note new eGFR reference intervals from {c.long(date(2020, 3, 16))}.\n"
                      f"Authorised: {c.fake.first_name()[0]}. {c.fake.last_name()}, Biomedical Scientist")
        text = "\n\n".join(blocks) + "\n"
        kind = f"{c.region} pathology-service lab report"
    pages = [text]
    if photo:
        pages = ["[Photo of printed lab report - transcribed]\n" + ocr_noise(c, text)]
        kind += " (photo transcription)"
    return Doc(pages, "laboratory", coll, kind)


def u_operative(c: Ctx) -> Doc:
    dos = c.service
    op = c.pick(OPS)
    if c.region == "US":
        fac, addr = intl_facility(c)
        fac = f"{c.fake.city()} Ambulatory Surgery Center"
        text = (f"{fac}\nPROCEDURE NOTE\n\nPatient: {c.name}   DOB: {c.d(c.dob)}   {intl_ids(c)}\n"
                f"Procedure date: {c.long(dos)}\nEndoscopist: {c.doctor()}, MD\nProcedure: Colonoscopy with cold snare polypectomy\n"
                f"Indication: Screening; last colonoscopy {c.d(dos - timedelta(days=c.rng.randint(3000, 4000)))}\n"
                f"Sedation: Monitored anesthesia care (propofol)\n\nDescription: After informed consent, the "
                "colonoscope was advanced to the cecum, identified by the appendiceal orifice and ileocecal valve. "
                "Bowel prep was good (BBPS 8). A 6 mm sessile polyp in the sigmoid colon was removed with cold snare "
                "and retrieved. Small internal hemorrhoids.\n\nFindings/Impression:\n1. One 6 mm sigmoid polyp, removed.\n"
                "2. Internal hemorrhoids.\n\nRecommendations: Await pathology. Repeat colonoscopy in 5-7 years "
                "depending on histology.\n\nCPT: 45385   ICD-10: Z12.11, K63.5\n"
                f"Signed {c.d(dos)} {c.t()}\n")
        return Doc([text], "operative_note", dos, "us ASC procedure note")
    fac, addr = intl_facility(c)
    sep = "-" if c.region == "IN" else "/"
    text = (f"{fac}\nOPERATION NOTE\n\n{c.name}   {c.d(c.dob, sep)}   {intl_ids(c)}\n\n"
            f"Date: {c.d(dos, sep)}   Theatre {c.rng.randint(1, 8)}   Start {c.t()}\n"
            f"Surgeon: Mr {c.doctor()} (Consultant)\nAssistant: Dr {c.doctor()} (ST4)\nAnaesthetist: Dr {c.doctor()}\n"
            f"Anaesthetic: {c.pick(['GA + LA infiltration', 'Spinal', 'GA'])}\n\n"
            f"Operation: {op['name']}\nIndication: {op['pre']}\n\nFindings:\n{op['findings']}\n\nProcedure:\n"
            + "\n".join(f"- {s}" for s in op["steps"])
            + f"\n\nClosure: {c.pick(['3/0 Monocryl subcuticular', 'Clips', 'Interrupted nylon'])}\n"
            f"EBL: minimal   VTE: TEDS + LMWH from 6h post-op\n\nPost-op instructions:\n"
            f"1. Routine obs\n2. Eat and drink as tolerated\n3. Wound check at GP practice day 10-14\n"
            f"4. Clinic review {c.pick(['6 weeks', '3 months'])}\n\nSigned: {c.doctor()}\n")
    return Doc([text], "operative_note", dos, f"{c.region} operation note")


def u_consult(c: Ctx, with_meds: bool = True) -> Doc:
    dos = c.service
    typed = dos + timedelta(days=c.rng.randint(2, 14))
    if c.region == "US":
        fac, addr = intl_facility(c)
        clinic = f"{c.fake.last_name()} {c.pick(['Rheumatology', 'Dermatology', 'Neurology'])} Clinic"
        me, ref = c.doctor(), c.doctor()
        meds = us_meds(c, 6)
        blocks = [f"{clinic}\n{addr}\nPhone {c.phone}  Fax {c.phone_number()}",
                  f"NEW PATIENT CONSULTATION\nPatient: {c.name}   DOB: {c.short(c.dob)}\nDate seen: {c.d(dos)}\n"
                  f"Referred by: {ref}, MD",
                  f"Reason for referral: {c.pick(['joint pain and morning stiffness', 'changing pigmented lesion', 'recurrent headaches'])}.",
                  f"History: {c.first} is a {c.age(dos)}-year-old {c.sexword()} with {', '.join(c.pick(PMH, 2))}. "
                  f"Symptoms started in {MONTHS[(dos.month - 5) % 12]} and have progressed.",
                  "Medications reviewed:\n" + table([[m[0], m[1], m[3]] for m in meds], [24, 12, 26]),
                  "Exam: Vitals reviewed. Pertinent findings documented in flowsheet.",
                  "Assessment and recommendations:\n1. Further work-up with labs and imaging as ordered.\n"
                  "2. Follow up in 4 weeks to review results.",
                  f"{me}, MD\nDictated but not read. Date typed: {c.d(typed)}"]
        return Doc(paginate(blocks, None, lambda i, n: f"{c.name} - Page {i}", per_page=40), "consult", dos,
                   "us specialist clinic consult")
    fac, addr = intl_facility(c)
    spec = c.pick(["Rheumatology", "Endocrinology", "Gastroenterology", "Neurology", "Respiratory Medicine"])
    cons, gp = c.doctor(), gp_name(c)
    meds = c.pick(UK_MEDS, c.rng.randint(5, 8))
    greeting = "Dear Doctor," if c.region == "IN" else f"Dear {gp},"
    blocks = [
        f"{fac}\nDepartment of {spec}\n{addr}\nSecretary: {c.phone}",
        f"Dictated: {c.d(dos)}   Typed: {c.d(typed)}\nOur ref: {c.fake.bothify('??/??/####').upper()}",
        f"{gp}\n{c.fake.last_name()} Surgery\n{c.fake.address().replace(chr(10), ', ')}",
        f"Re: {c.first} {c.last.upper()}, D.O.B. {c.d(c.dob)}\n{c.address}\n{intl_ids(c)}\n"
        f"Clinic: {spec} New Patient Clinic, {c.long(dos)}",
        greeting,
        f"Thank you for referring this {c.age(dos)}-year-old {'lady' if c.sex == 'F' else 'gentleman'} whom I saw "
        f"in clinic today with {c.pick(['fatigue and weight loss', 'a tremor of the right hand', 'joint swelling', 'altered bowel habit'])}.",
        f"Diagnoses:\n1. {c.pick(['Seropositive rheumatoid arthritis', 'Essential tremor', 'Iron deficiency anaemia', 'Coeliac disease - suspected'])}\n"
        f"2. {c.pick(PMH).capitalize()}",
    ]
    if with_meds:
        blocks.append("Current medication:\n" + "\n".join(f"{m[0]} {m[1]} {m[2]}" for m in meds))
    blocks += [
        f"{c.he().capitalize()} tells me symptoms began after a viral illness on {c.long(dos - timedelta(days=c.rng.randint(90, 400)))}. "
        f"Examination was {c.pick(['unremarkable', 'notable only for mild synovitis of the MCP joints', 'normal apart from a fine postural tremor'])}.",
        f"Plan:\n- Bloods today: FBC, U&E, LFT, CRP, ferritin\n- I have suggested a trial of treatment and will write separately.\n"
        f"- Review in clinic in {c.pick(['three', 'four', 'six'])} months.",
        f"Yours sincerely,\n\n\nDr {cons}\nConsultant in {spec}\n\ncc: {c.name}",
    ]
    pages = paginate(blocks, None, lambda i, n: f"Page {i} of {n}", per_page=c.rng.choice([38, 60]))
    return Doc(pages, "consult", dos, f"{c.region} clinic letter" + (" with medication list" if with_meds else ""))


def u_medlist(c: Ctx) -> Doc:
    if c.region == "US":
        printed = c.service
        rows = [["Drug", "Strength", "Qty", "Fill date", "Prescriber", "Pharmacy"]]
        for m in us_meds(c, c.rng.randint(4, 7)):
            fill = printed - timedelta(days=c.rng.randint(3, 170))
            rows.append([m[0], m[1], str(c.pick([30, 90])), c.d(fill), c.fake.last_name(), c.pick(['CVS', 'Walgreens', 'Mail order'])])
        text = (f"{c.pick(['Aetna', 'Humana', 'UnitedHealthcare'])} Member Services\nMEDICATION HISTORY REPORT (claims-based)\n\n"
                f"Member: {c.name}   Member ID: {c.fake.bothify('W#########')}   DOB: {c.d(c.dob)}\n"
                f"Report run: {c.iso(printed)}   Lookback: 180 days\n\n" + table(rows, [22, 10, 5, 12, 12, 12])
                + "\n\nThis report lists pharmacy claims paid by your plan. It may not include samples, cash purchases "
                "or over-the-counter products.\n")
        return Doc([text], "medication_list", None, "us payer claims medication history")
    fac, addr = intl_facility(c)
    undated = c.rng.random() < 0.5
    issued = c.service
    practice = f"{c.fake.last_name()} {c.pick(['Clinic', 'Family Clinic']) if c.region == 'IN' else c.pick(['Surgery', 'Medical Centre', 'Health Centre'])}"
    rows = [["Medication", "Dose", "Directions", "Last issued"]]
    for m in c.pick(UK_MEDS, c.rng.randint(4, 8)):
        rows.append([m[0], m[1], m[2], c.d(issued - timedelta(days=c.rng.randint(1, 60)))])
    text = (f"{practice}\n{c.fake.street_address()}, {c.fake.city()}\nTel {c.phone}\n\n"
            f"{'REPEAT TEMPLATE' if undated else 'MEDICATION SUMMARY'}\n{c.name}   DOB {c.d(c.dob)}   {intl_ids(c)}\n"
            + ("" if undated else f"Medication review date: {c.d(issued)} - reviewed by {gp_name(c)}\n")
            + "\nRepeat medication\n" + table(rows, [34, 16, 34, 12])
            + f"\n\nAcute medication (last 3 months): none\nAllergies: {c.pick(ALLERGIES)}\n"
            f"Printed {c.d(issued + timedelta(days=c.rng.randint(1, 30)))} by {c.fake.first_name()}\n")
    return Doc([text], "medication_list", None if undated else issued,
               f"{c.region} GP medication printout" + (" (undated)" if undated else ""))


def u_bill(c: Ctx) -> Doc:
    if c.region == "IN":
        fac, addr = intl_facility(c)
        adm = c.service
        dis = adm + timedelta(days=c.rng.randint(2, 6))
        bill = dis
        c.stay = (adm, dis)
        items = [("Room Rent (Twin Sharing)", 3500), ("Nursing Charges", 800), ("Consultation - Physician", 1200),
                 ("Laboratory Investigations", 4650), ("Radiology - X-Ray Chest PA", 650), ("Pharmacy", 7820),
                 ("Consumables", 1940), ("Oxygen Charges", 1500)]
        rows = [["S.No", "Particulars", "Qty", "Rate", "Amount (Rs.)"]]
        tot = 0
        for i, (n, r) in enumerate(c.pick(items, 6), 1):
            q = c.rng.randint(1, 4)
            tot += q * r
            rows.append([str(i), n, str(q), f"{r:.2f}", f"{q * r:.2f}"])
        text = (f"{fac.upper()}\n{addr}\nGSTIN: {c.fake.bothify('##?????####?#Z#').upper()}\n\nFINAL BILL / IP BILL\n\n"
                + table([["Bill No", f": {c.fake.numerify('IPB######')}", "Bill Date", f": {c.d(bill, '-')}"],
                         ["Patient", f": {c.name}", "UHID", f": {c.fake.bothify('??########').upper()}"],
                         ["DOA", f": {c.d(adm, '-')}", "DOD", f": {c.d(dis, '-')}"],
                         ["Payer", f": {c.pick(['Self', 'TPA - Star Health', 'CGHS'])}", "DOB", f": {c.d(c.dob, '-')}"]], [10, 30, 12, 24])
                + "\n\n" + table(rows, [6, 34, 6, 12, 14])
                + f"\n\nGross Amount: Rs. {tot:,.2f}\nLess Advance: Rs. {c.rng.randint(5, 20) * 1000:,.2f}\n"
                f"Net Payable: Rs. {tot - 5000:,.2f}\n\nAuthorised Signatory\n")
        return Doc([text], "bill", bill, "indian final IP bill")
    if c.region == "US":
        # CMS-1500-like claim for one date of service
        dos = c.service
        fac, addr = intl_facility(c)
        rows = [["24A DOS", "POS", "CPT", "MOD", "DX PTR", "CHARGES", "UNITS"]]
        for cpt, amt in c.pick([("99214", 185.00), ("36415", 15.00), ("80053", 42.00), ("93000", 60.00), ("G0439", 175.00)], 3):
            rows.append([f"{c.d(dos)} {c.d(dos)}", "11", cpt, "", "A", f"{amt:.2f}", "1"])
        text = (f"HEALTH INSURANCE CLAIM FORM\nAPPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12\n\n"
                f"1a. INSURED'S ID NUMBER: {c.fake.bothify('???#########').upper()}\n2. PATIENT'S NAME: {c.last.upper()}, {c.first.upper()}\n"
                f"3. PATIENT'S BIRTH DATE: {c.d(c.dob)}   SEX: {c.sex}\n5. PATIENT'S ADDRESS: {c.address}\n"
                f"17. NAME OF REFERRING PROVIDER: DN {c.doctor()}   17b. NPI {c.fake.numerify('##########')}\n"
                f"21. DIAGNOSIS: A. {c.pick(['I10', 'E11.9', 'Z00.00', 'E78.5'])}\n\n" + table(rows, [26, 5, 7, 5, 8, 9, 5])
                + f"\n\n25. FEDERAL TAX I.D.: {c.fake.numerify('##-#######')}   28. TOTAL CHARGE: ${sum(float(r[5]) for r in rows[1:]):.2f}\n"
                f"31. SIGNATURE OF PHYSICIAN: SIGNATURE ON FILE   DATE: {c.d(dos + timedelta(days=c.rng.randint(2, 10)))}\n"
                f"33. BILLING PROVIDER: {fac}, {addr}\n")
        return Doc([text], "bill", dos, "us CMS-1500-style claim")
    # UK / IE / AU private invoice for one episode
    fac, addr = intl_facility(c)
    dos = c.service
    inv = dos + timedelta(days=c.rng.randint(3, 20))
    cur = {"UK": "GBP", "IE": "EUR", "AU": "AUD"}[c.region]
    rows = [["Date", "Item", "Description", f"Fee ({cur})"]]
    for item, desc, fee in c.pick([("104", "Specialist consultation, initial", 260.0), ("11700", "ECG with report", 48.5),
                                   ("Path", "Pathology tests (FBC, U&E) - referred", 95.0), ("RX", "Dressings and consumables", 22.0)], 3):
        rows.append([c.d(dos), item, desc, f"{fee:.2f}"])
    text = (f"{fac} - Private Patients Office\n{addr}\n\nTAX INVOICE\nInvoice no: {c.fake.numerify('INV-#######')}\n"
            f"Invoice date: {c.d(inv)}\nPatient: {c.name}   DOB {c.d(c.dob)}\n{intl_ids(c)}\n"
            f"Referring doctor: {gp_name(c)}\n\n" + table(rows, [13, 8, 42, 10])
            + f"\n\nTotal: {sum(float(r[3]) for r in rows[1:]):.2f}\nPayment due within 30 days of invoice date.\n"
            f"Pay online or call {c.phone_number()}.\n")
    return Doc([text], "bill", dos, f"{c.region} private invoice")


def u_pathology(c: Ctx, addendum: bool = False) -> Doc:
    sp = c.pick(PATH_SPECIMENS)
    coll = c.service
    if c.region == "US":
        sp = PATH_SPECIMENS[2]
        out = coll + timedelta(days=c.rng.randint(3, 7))
        lab = f"{c.fake.last_name()} Dermatopathology Laboratory"
        blocks = [f"{lab}\n{c.fake.address().replace(chr(10), ', ')}   CLIA {c.fake.numerify('##D#######')}",
                  f"DERMATOPATHOLOGY CONSULTATION REPORT\nPatient: {c.name}   DOB: {c.d(c.dob)}   Case: {c.fake.bothify('DP##-#####').upper()}\n"
                  f"Client: {c.fake.last_name()} Dermatology   Physician: {c.doctor()}, MD\n"
                  f"Date of procedure: {c.short(coll)}   Accessioned: {c.d(coll + timedelta(days=1))}   Reported: {c.d(out)}",
                  f"Clinical information: changing pigmented lesion; r/o melanoma. Previous biopsy elsewhere {c.d(coll - timedelta(days=900))}.",
                  f"DIAGNOSIS:\n{sp['spec']}:\n  {sp['dx']}\n  Recommend re-excision with appropriate margins.",
                  f"Microscopic description: {sp['micro']}",
                  f"Gross description: {sp['gross']}",
                  f"{c.doctor()}, MD, FAAD, Dermatopathologist   (electronic signature {c.d(out)})"]
        kind = "us dermatopathology report"
        if addendum:
            add = out + timedelta(days=c.rng.randint(2, 9))
            blocks += [f"ADDENDUM ({c.d(add)}): SOX10 and PRAME immunostains confirm a melanocytic proliferation "
                       "consistent with the above diagnosis. Diagnosis unchanged."]
            kind += " with addendum"
        pages = paginate(blocks, None, lambda i, n: f"Page {i} of {n}   {c.name}", per_page=34)
        return Doc(pages, "pathology", coll, kind)
    recv = coll + timedelta(days=1)
    auth = coll + timedelta(days=c.rng.randint(3, 9))
    fac, addr = intl_facility(c)
    sep = "-" if c.region == "IN" else "/"
    title = "HISTOPATHOLOGY REPORT" if c.region != "IN" else "HISTOPATHOLOGY (HPE) REPORT"
    blocks = [
        f"{fac}\nCellular Pathology Department\n{title}",
        table([["Surname", c.last.upper(), "Lab number", c.fake.bothify('H##/#####').upper()],
               ["Forename", c.first, "Date taken", c.d(coll, sep)],
               ["D.O.B.", c.d(c.dob, sep), "Date received", c.d(recv, sep)],
               ["Sex", c.sex, "Requested by", gp_name(c) if c.region != "US" else c.doctor()]], [12, 24, 16, 24]),
        intl_ids(c),
        f"Specimen: {sp['spec']}",
        f"Clinical details: {c.pick(['?malignancy', 'Symptomatic', 'Previous similar lesion excised ' + c.d(coll - timedelta(days=1200), sep)])}",
        f"Macroscopy:\n{sp['gross']} All embedded in {c.rng.randint(1, 4)} blocks.",
        f"Microscopy:\n{sp['micro']}",
        f"Conclusion:\n{sp['dx']}\nSNOMED: T{c.fake.numerify('#####')} M{c.fake.numerify('#####')}",
        f"Reported by: Dr {c.doctor()}, Consultant Histopathologist\nAuthorised: {c.d(auth, sep)}",
    ]
    kind = f"{c.region} histopathology"
    if addendum:
        sup = auth + timedelta(days=c.rng.randint(4, 15))
        blocks += [PAGEBREAK, f"SUPPLEMENTARY REPORT / ADDENDUM  ({c.d(sup, sep)})\n"
                   "Further levels and immunohistochemistry have been examined following discussion at the MDT "
                   f"meeting on {c.long(sup - timedelta(days=2))}. These confirm the diagnosis given above.\n"
                   f"Supplementary report authorised: {c.d(sup, sep)}"]
        kind += " with supplementary report"
    pages = paginate(blocks, lambda i, n: f"{c.last.upper()} {c.first}  {c.d(c.dob, sep)}",
                     lambda i, n: f"Page {i} of {n}", per_page=40)
    return Doc(pages, "pathology", coll, kind)


def u_hp(c: Ctx) -> Doc:
    dos = c.service
    if c.region == "US":
        fac, addr = intl_facility(c)
        meds = us_meds(c, 4)
        prov = c.doctor()
        blocks = [f"{fac}\nNEW PATIENT COMPREHENSIVE HISTORY & PHYSICAL\n{c.name}   DOB {c.d(c.dob)}   {intl_ids(c)}\n"
                  f"Encounter date: {c.long(dos)}   Provider: {prov}, FNP-C",
                  f"Subjective\nCC: establish care. {c.age(dos)} y/o {c.sexword()} new to practice, previously seen at "
                  f"an outside clinic (last physical {c.d(dos - timedelta(days=c.rng.randint(400, 900)))}).",
                  f"PMH: {', '.join(c.pick(PMH, 3))}\nPSH: {c.pick(PRIOR)}\nMeds: " + ", ".join(f"{m[0]} {m[1]}" for m in meds)
                  + f"\nAllergies: {c.pick(ALLERGIES)}\nFHx: {c.pick(['DM2 in mother', 'colon cancer in father at 58', 'none'])}\n"
                  f"SHx: {c.pick(['works as a teacher', 'retired machinist', 'nurse, night shifts'])}; "
                  f"{c.pick(['never smoker', 'vapes daily', 'former smoker'])}",
                  "ROS: Constitutional, eyes, ENT, CV, resp, GI, GU, MSK, skin, neuro, psych - negative except HPI.",
                  f"Objective\nBP {c.rng.randint(110, 150)}/{c.rng.randint(62, 92)}  HR {c.rng.randint(58, 96)}  "
                  f"Temp 98.{c.rng.randint(0, 9)} F  Wt {c.rng.randint(120, 250)} lb\nGen: well appearing\nHEENT: TMs clear, "
                  "oropharynx clear\nNeck: no thyromegaly\nCV: RRR no m/r/g\nLungs: CTAB\nAbd: soft NT ND\nSkin: no rashes\n"
                  "Neuro: CN II-XII intact",
                  "Assessment/Plan\n1. Encounter to establish care - records requested.\n2. Health maintenance: "
                  "colon cancer screening due, flu vaccine given.\n3. Chronic problems stable; refills sent.\n"
                  "RTC 3 months.",
                  f"{prov}, FNP-C"]
        pages = paginate(blocks, None, lambda i, n: f"Page {i} of {n}", per_page=c.rng.choice([30, 60]))
        return Doc(pages, "history_physical", dos, "us clinic new-patient H&P")
    fac, addr = intl_facility(c)
    sc = c.pick(SCENARIOS)
    meds = c.pick(UK_MEDS, 4)
    text_blocks = [
        f"{fac}\n{c.pick(['ADMISSION CLERKING', 'Medical Admission Record', 'ACUTE MEDICAL CLERKING PROFORMA'])}",
        f"Name: {c.name}   DOB: {c.d(c.dob)}   {intl_ids(c)}\nDate/time seen: {c.d(dos)} {c.t()}   "
        f"Seen by: Dr {c.doctor()} (SHO)   Referred from: ED",
        f"PC: {sc['short']}",
        f"HPC: {c.age(dos)}{c.sex} {sc['hpc']}. No recent travel. {c.pick(['Lives alone', 'Lives with partner', 'NH resident'])}.",
        f"PMHx: {', '.join(c.pick(PMH, 3))}; {c.pick(PRIOR)} ({c.dmon(dos - timedelta(days=c.rng.randint(700, 6000)))})",
        "DHx:\n" + "\n".join(f"  {m[0]} {m[1]} {m[2]}" for m in meds) + f"\nAllergies: {c.pick(ALLERGIES)}",
        f"SHx: {c.pick(['Ex-smoker 20 pack years', 'Never smoked'])}, alcohol {c.rng.randint(0, 20)} units/week. Independent ADLs.",
        f"FHx: nil relevant",
        f"O/E: HR {c.rng.randint(70, 120)} BP {c.rng.randint(95, 160)}/{c.rng.randint(55, 95)} RR {c.rng.randint(14, 28)} "
        f"Sats {c.rng.randint(88, 99)}% T {c.rng.uniform(36.4, 39):.1f}\nCVS HS I+II+0\nResp {c.pick(['coarse creps R base', 'wheeze throughout', 'clear'])}\n"
        "Abdo SNT, BS+\nNeuro grossly intact",
        f"Ix: ECG {c.pick(['SR', 'AF 110', 'sinus tachy'])}. CXR {c.pick(['R LZ consolidation', 'clear', 'cardiomegaly, upper lobe diversion'])}.",
        f"Imp: {sc['dx']}",
        "Plan:\n1. Treat as per local guideline\n2. Bloods incl. cultures\n3. Fluid balance chart\n4. VTE assessment done\n"
        "5. Senior review on PTWR",
    ]
    pages = paginate(text_blocks, None, lambda i, n: f"- {i} -", per_page=c.rng.choice([30, 60]))
    return Doc(pages, "history_physical", dos, f"{c.region} admission clerking")


def u_admin(c: Ctx, form: str | None = None) -> Doc:
    choices = ["card", "prior_auth", "fax"] if c.region == "US" else ["referral", "card", "consent", "registration"]
    form = form or c.pick(choices)
    dos = c.service
    if form == "card":
        if c.region == "AU":
            text = (f"Medicare\n{c.fake.numerify('#### ##### #')}  {c.rng.randint(1, 4)}\n{c.first.upper()} {c.last.upper()}\n"
                    f"VALID TO {dos.month:02d}/{dos.year + 3}\n\n[reverse]\nServices Australia\nCall {c.fake.numerify('13 20 11')}\n")
            return Doc([text], "administrative", None, "AU medicare card")
        if c.region == "US":
            text = (f"{c.pick(['Humana', 'Oscar', 'Ambetter', 'Kaiser Permanente'])}  |  {c.pick(['Bronze', 'Silver', 'Gold'])} EPO\n"
                    f"Member Name  {c.name}\nMember ID    {c.fake.bothify('U#########')}\nGroup        {c.fake.numerify('#####')}\n"
                    f"Plan Code    {c.fake.numerify('###')}   Coverage start {c.short(date(dos.year, 1, 1))}\n"
                    f"Copays: PCP $30 / SPEC $60 / UC $75 / ER $350\n--- back of card ---\n"
                    f"Member Services {c.phone_number()}   Nurse line 24/7 {c.phone_number()}\nPharmacy benefits administered by "
                    f"{c.pick(['CVS Caremark', 'Express Scripts', 'OptumRx'])}\n")
            return Doc([text], "administrative", None, "us payer ID card")
        text = (f"{'European Health Insurance Card' if c.region == 'IE' else 'Health Insurance Membership Card'}\n"
                f"Name: {c.last.upper()}, {c.first}\nDate of birth: {c.d(c.dob)}\nPersonal ID: {c.fake.numerify('#######')}\n"
                f"Card No: {c.fake.numerify('################')}\nExpiry: {c.d(dos + timedelta(days=1500))}\n")
        return Doc([text], "administrative", None, f"{c.region} insurance card")
    if form == "prior_auth":
        text = (f"{c.pick(['Cigna', 'Anthem', 'UnitedHealthcare'])} PRIOR AUTHORIZATION REQUEST - OUTPATIENT IMAGING\n\n"
                f"Date of request: {c.d(dos)}\nMember: {c.name}   DOB: {c.d(c.dob)}   ID: {c.fake.bothify('???#######').upper()}\n"
                f"Requesting provider: {c.doctor()}, MD   NPI {c.fake.numerify('##########')}\nPhone {c.phone} Fax {c.phone_number()}\n\n"
                f"Service requested: MRI lumbar spine w/o contrast (CPT 72148)\nDiagnosis: M54.16 Radiculopathy, lumbar\n"
                f"Anticipated date of service: {c.d(dos + timedelta(days=14))}\n"
                f"Conservative therapy: PT from {c.d(dos - timedelta(days=60))} to {c.d(dos - timedelta(days=10))}, NSAIDs\n\n"
                "[ ] Urgent   [X] Standard\nAttach clinical notes supporting medical necessity.\n"
                "For plan use only: Auth # ____________  Approved / Denied\n")
        return Doc([text], "administrative", dos, "us payer prior authorization request")
    if form == "fax":
        fac, addr = intl_facility(c)
        text = (f"{fac}\n{addr}\n\nF A X\n\nTO: {c.doctor()} / {c.fake.company()}\nFAX #: {c.phone_number()}\n"
                f"FROM: {c.fake.first_name()}, medical records\nDATE: {c.short(dos)}\n# OF PAGES: {c.rng.randint(2, 6)}\n\n"
                "[X] Per your request  [ ] Please review  [ ] Urgent\n\nComments: Records attached as requested for "
                f"{c.name}, DOB {c.d(c.dob)}.\n\nThis fax may contain protected health information.\n")
        return Doc([text], "administrative", dos, "us clinic fax cover")
    if form == "referral":
        gp = gp_name(c)
        text = (f"{'NHS e-Referral Service' if c.region == 'UK' else 'REFERRAL FORM'}\n{c.fake.last_name()} Medical Practice\n\n"
                f"Referral date: {c.d(dos)}\nPriority: {c.pick(['Routine', 'Urgent', 'Two week wait'])}\n"
                f"Referred to: {c.pick(['Gastroenterology', 'Cardiology', 'Orthopaedics'])} - {intl_facility(c)[0]}\n"
                f"Referrer: {gp}\n\nPatient: {c.name}   DOB {c.d(c.dob)}   {intl_ids(c)}\nAddress: {c.address}\nTel: {c.phone}\n"
                f"Interpreter required: No\n\nReason for referral:\n{c.pick(['Iron deficiency anaemia, no GI symptoms', 'Exertional chest tightness', 'Persistent knee pain despite physio'])}.\n"
                f"Relevant history: {', '.join(c.pick(PMH, 2))}\nCurrent medication: see attached summary\n"
                f"Last bloods {c.d(dos - timedelta(days=c.rng.randint(5, 30)))}: attached\n")
        return Doc([text], "administrative", dos, f"{c.region} referral form")
    if form == "consent":
        fac, addr = intl_facility(c)
        op = c.pick(OPS)
        title = ("CONSENT FORM 1\nPatient agreement to investigation or treatment" if c.region == "UK"
                 else "CONSENT FOR OPERATION / PROCEDURE AND ANAESTHESIA")
        text = (f"{fac}\n{title}\n\n"
                f"Patient's surname: {c.last}   First names: {c.first}\nDate of birth: {c.d(c.dob)}   {intl_ids(c)}\n\n"
                f"Name of proposed procedure: {op['name']}\n\nStatement of health professional: I have explained the procedure "
                "to the patient, including intended benefits and serious or frequently occurring risks.\n"
                f"Signed: {c.doctor()}   Date: {c.d(dos)}\n\nStatement of patient: I agree to the procedure described on this form.\n"
                f"Signed: ________   Date: {c.d(dos)}\n\nConfirmation of consent (on day of procedure): Signed ____ Date ____\n")
        return Doc([text], "administrative", dos, f"{c.region} consent form")
    fac, addr = intl_facility(c)
    text = (f"{fac}\nPATIENT REGISTRATION DETAILS\n\nSurname: {c.last}\nForename(s): {c.first}\nDate of birth: {c.d(c.dob)}\n"
            f"{intl_ids(c)}\nAddress: {c.address}\nTelephone: {c.phone}\nNext of kin: {c.fake.name()} ({c.pick(['wife', 'husband', 'son', 'daughter'])}) "
            f"{c.phone_number()}\nRegistered GP: {gp_name(c)}\nDate registered: {c.d(dos)}\nEthnicity: Not stated\n")
    return Doc([text], "administrative", dos, f"{c.region} registration sheet")


def u_other(c: Ctx) -> Doc:
    kind = c.pick(["leaflet", "diary"])
    if kind == "leaflet":
        fac, _ = intl_facility(c)
        text = (f"{fac}\nPatient Information\n\n{c.pick(['Going home after a hip replacement', 'Your colonoscopy: what to expect', 'Managing a flare of gout'])}\n\n"
                "This leaflet answers common questions. If you would like further information, please speak to the "
                "team caring for you.\n\nPain relief\nTake regular paracetamol for the first week.\n\nDriving\n"
                "Check with your insurer before driving.\n\nContact us\nWard telephone: "
                f"{c.phone}\n\nLeaflet ref: PI-{c.fake.numerify('####')}   Published: {c.long(date(2020, 11, 14))}   "
                f"Review due: {c.long(date(2025, 11, 14))}\n")
        return Doc([text], "other", None, "patient information leaflet")
    start = c.service.replace(day=c.rng.randint(8, 20))
    lines = []
    for k in range(c.rng.randint(6, 9)):
        day = start + timedelta(days=k)
        lines.append(f"{c.d(day)}   pain {c.rng.randint(2, 8)}/10   {c.pick(['slept badly', 'walked to shop', 'headache pm', 'ok day', 'took 2 paracetamol'])}")
    text = (f"MY SYMPTOM DIARY\nName: {c.first}\n\nDate        Symptoms / notes\n" + "\n".join(lines)
            + "\n\nQuestions for the doctor:\n- is the new tablet causing dizziness?\n")
    return Doc([text], "other", None, "patient symptom diary")


# --------------------------------------------------------------------------------------------
# File plans
# --------------------------------------------------------------------------------------------

T_MAKERS = {
    "discharge_summary": t_discharge, "progress_note": t_progress, "radiology": t_radiology, "laboratory": t_lab,
    "operative_note": t_operative, "consult": t_consult, "medication_list": t_medlist, "bill": t_bill,
    "pathology": t_pathology, "history_physical": t_hp, "administrative": t_admin, "other": t_other,
}
U_MAKERS = {
    "discharge_summary": u_discharge, "progress_note": u_progress, "radiology": u_radiology, "laboratory": u_lab,
    "operative_note": u_operative, "consult": u_consult, "medication_list": u_medlist, "bill": u_bill,
    "pathology": u_pathology, "history_physical": u_hp, "administrative": u_admin, "other": u_other,
}

# singles: (type, variant kwargs). Hard cases are listed explicitly.
T_SINGLES = [(t, {}) for t in TYPES for _ in range(3)] + [
    ("progress_note", {}), ("radiology", {}), ("other", {}), ("operative_note", {}),
    ("pathology", {"addendum": True}), ("pathology", {"addendum": True}),
    ("bill", {"itemised": False}), ("bill", {"itemised": False}), ("bill", {"itemised": True}),
    ("history_physical", {"soap": True}), ("history_physical", {"soap": True}),
    ("consult", {"letter": True}), ("consult", {"letter": True}),
    ("laboratory", {"photo": True}), ("laboratory", {"photo": True}),
    ("administrative", {"form": "card"}),
]
U_SINGLES = [(t, {}) for t in TYPES for _ in range(3)] + [
    ("progress_note", {}), ("operative_note", {}), ("other", {}), ("discharge_summary", {}), ("radiology", {}),
    ("pathology", {"addendum": True}), ("pathology", {"addendum": True}),
    ("laboratory", {"photo": True}), ("laboratory", {"photo": True}),
    ("consult", {"with_meds": True}), ("consult", {"with_meds": True}),
    ("bill", {}), ("administrative", {"form": "card"}), ("administrative", {"form": "referral"}),
    ("history_physical", {}), ("medication_list", {}),
]
# bundles: list of (type, kwargs); "same_stay" ties dates of a bill and a discharge summary
T_BUNDLES = [
    [("bill", {"itemised": True}), ("discharge_summary", {}), ("administrative", {"form": "card"})],
    [("administrative", {"form": "fax"}), ("consult", {})],
    [("administrative", {"form": "fax"}), ("consult", {"letter": True}), ("laboratory", {})],
    [("history_physical", {}), ("progress_note", {}), ("discharge_summary", {})],
    [("operative_note", {}), ("pathology", {"addendum": True})],
    [("radiology", {}), ("laboratory", {})],
    [("administrative", {"form": "facesheet"}), ("history_physical", {"soap": True}), ("medication_list", {}),
     ("other", {})],
    [("administrative", {"form": "consent"}), ("operative_note", {})],
    [("bill", {"itemised": False}), ("laboratory", {})],
]
U_BUNDLES = [
    [("administrative", {"form": "referral"}), ("laboratory", {})],
    [("administrative", {"form": "fax"}), ("consult", {})],
    [("discharge_summary", {}), ("medication_list", {}), ("other", {})],
    [("bill", {}), ("discharge_summary", {}), ("administrative", {"form": "card"})],
    [("operative_note", {}), ("pathology", {})],
    [("history_physical", {}), ("radiology", {}), ("progress_note", {})],
    [("administrative", {"form": "prior_auth"}), ("radiology", {})],
    [("consult", {"with_meds": True}), ("laboratory", {"photo": True})],
    [("administrative", {"form": "consent"}), ("operative_note", {}), ("pathology", {"addendum": True})],
]


def file_setting(part: str, rng: random.Random, idx: int, n: int, force_region: str | None = None):
    """Locale, date style and region of one file. About a third of each part writes day first."""
    if part == "tuned":
        region = force_region or ("NZ" if idx % 3 == 1 else "US")
    else:
        region = force_region or (["UK", "IE", "AU", "IN"][idx // 3 % 4] if idx % 3 == 1 else "US")
    locale = {"US": "en_US", "NZ": "en_NZ", "UK": "en_GB", "IE": "en_IE", "AU": "en_AU", "IN": "en_IN"}[region]
    style = "mdy" if region == "US" else "dmy"
    return locale, style, region


def fax_stamp(c: Ctx, pages: list[str], sent: date, start: int, total: int) -> list[str]:
    who = c.fake.last_name().upper()
    number, clock, hour = c.phone_number(), c.t(), c.rng.randint(1, 11)
    stamped = []
    for k, p in enumerate(pages):
        if c.region == "US":
            line = f"{c.short(sent)} {hour}:{10 + k:02d}PM  FROM: {who} HIM  {number}   P.{start + k:03d}/{total:03d}"
        else:
            line = f"{c.d(sent)} {clock}  FAX {number}  {who}  PAGE {start + k}/{total}"
        stamped.append(line + "\n" + p)
    return stamped


def build(part: str, seed: int) -> list[dict]:
    rng = random.Random(seed)
    makers = T_MAKERS if part == "tuned" else U_MAKERS
    singles = T_SINGLES if part == "tuned" else U_SINGLES
    bundles = T_BUNDLES if part == "tuned" else U_BUNDLES
    plan = [("single", s) for s in singles] + [("bundle", b) for b in bundles]
    rng.shuffle(plan)
    files = []
    prefix = "t" if part == "tuned" else "u"
    for idx, (what, spec) in enumerate(plan):
        fseed = seed * 1000 + idx
        locale, style, region = file_setting(part, rng, idx, len(plan))
        items = [spec] if what == "single" else spec
        # US payer and clinic templates only exist in US style; keep US-only forms in US files
        if any(kw.get("form") in ("prior_auth", "fax") for _, kw in items) and part == "untouched":
            locale, style, region = file_setting(part, rng, idx, len(plan), force_region="US")
        if any(kw.get("form") in ("referral", "consent", "registration") for _, kw in items) and part == "untouched" \
                and region == "US":
            locale, style, region = file_setting(part, rng, idx, len(plan), force_region="UK")
        if part == "untouched" and region == "US" and any(t == "discharge_summary" for t, _ in items):
            forced = "IN" if items[0][0] == "bill" else ["UK", "IE", "AU", "IN"][idx % 4]
            locale, style, region = file_setting(part, rng, idx, len(plan), force_region=forced)
        c = Ctx(fseed, locale, style, region)
        docs = []
        anchor = c.service
        for k, (typ, kw) in enumerate(items):
            # documents of one bundle belong to one episode: each one's service date near the first's
            prev = items[k - 1][0] if k else None
            if k:
                c.service = anchor + timedelta(days=c.rng.choice([-2, -1, 0, 1, 2, 4]))
            if prev == "operative_note" and typ == "pathology":
                c.service = docs[-1].date                                  # specimen taken at surgery
            elif prev == "administrative" and typ == "operative_note":
                c.service = anchor + timedelta(days=c.rng.randint(1, 14))  # consent signed before surgery
            elif prev == "history_physical":
                c.service = anchor + timedelta(days=c.rng.randint(1, 2))
            elif prev == "progress_note" and typ == "discharge_summary":
                c.service = docs[-1].date + timedelta(days=c.rng.randint(1, 3))
            elif prev == "administrative" and items[0][1].get("form") == "referral":
                c.service = anchor - timedelta(days=c.rng.randint(3, 20))  # bloods attached to a referral
            if typ == "consult" and items[0][1].get("form") == "fax":
                c.service = anchor - timedelta(days=c.rng.randint(3, 20))  # faxed later than it was written
            docs.append(makers[typ](c, **kw))
        # fax header stamped across the pages following a fax cover sheet
        if docs[0].kind.endswith("fax cover") or docs[0].kind == "fax cover sheet":
            total = sum(len(d.pages) for d in docs)
            page_no = 2
            for d in docs[1:]:
                d.pages = fax_stamp(c, d.pages, docs[0].date, page_no, total)
                page_no += len(d.pages)
            docs[0].pages[0] = re.sub(r"(Pages \(including cover\)|# OF PAGES): \d+", lambda m: f"{m.group(1)}: {total}",
                                      docs[0].pages[0])
        pages, parts = [], []
        for d in docs:
            first = len(pages) + 1
            pages.extend(d.pages)
            parts.append({"first_page": first, "last_page": len(pages), "type": d.type,
                          "date": d.date.isoformat() if d.date else None})
        files.append({"id": f"{prefix}-{idx + 1:03d}", "pages": pages, "parts": parts,
                      "_kinds": [d.kind for d in docs], "_style": style, "_region": region})
    return files


# --------------------------------------------------------------------------------------------
# Checks and output
# --------------------------------------------------------------------------------------------

NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])")


def check(files: list[dict]) -> None:
    for f in files:
        n = len(f["pages"])
        expect = 1
        for p in f["parts"]:
            assert p["first_page"] == expect and p["last_page"] >= p["first_page"], (f["id"], p)
            assert p["type"] in TYPES, (f["id"], p)
            if p["date"] is not None:
                date.fromisoformat(p["date"])
            expect = p["last_page"] + 1
        assert expect == n + 1, (f["id"], "parts do not cover pages")
        assert all(isinstance(x, str) and x.strip() for x in f["pages"]), f["id"]
        for p in f["parts"]:
            text = "\n".join(f["pages"][p["first_page"] - 1:p["last_page"]])
            nums = [(int(a), int(b)) for a, b, _ in NUMERIC.findall(text)]
            if f["_style"] == "dmy":
                assert not nums or any(a > 12 for a, b in nums), (f["id"], p, "no unambiguous day-first date")
                assert all(a <= 31 and b <= 12 for a, b in nums), (f["id"], p, nums)
            else:
                assert all(a <= 12 and b <= 31 for a, b in nums), (f["id"], p, nums)


def main() -> None:
    out = {}
    for part, seed in (("tuned", 7), ("untouched", 31)):
        files = build(part, seed)
        check(files)
        out[part] = files
        with open(HERE / f"{part}.jsonl", "w", encoding="utf-8") as fh:
            for f in files:
                fh.write(json.dumps({k: f[k] for k in ("id", "pages", "parts")}, ensure_ascii=False) + "\n")
    for part, files in out.items():
        parts = [p for f in files for p in f["parts"]]
        types = Counter(p["type"] for p in parts)
        print(f"{part}: {len(files)} files, {sum(len(f['pages']) for f in files)} pages, {len(parts)} documents, "
              f"{sum(len(f['parts']) > 1 for f in files)} bundles, "
              f"{sum(f['_style'] == 'dmy' for f in files)} day-first files, "
              f"{sum(p['date'] is None for p in parts)} undated documents")
        print("   " + ", ".join(f"{t} {types[t]}" for t in TYPES))
        if "-v" in sys.argv:
            print("   kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(k for f in files for k in f["_kinds"]).items())))


if __name__ == "__main__":
    main()
