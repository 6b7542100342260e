"""Write dev.jsonl: a second development set for document type and date detection.

Everything is invented. Names, addresses, phone numbers and identifiers come from Faker, seeded
per file; clinical content comes from a seeded random generator and the phrase lists below.
Styles are from outside the US and outside hospitals: NHS, HSE, Australian, New Zealand, Indian,
Canadian and South African hospitals, GP practices, private clinics, pharmacies, reference labs,
radiology practices and insurers.

    .venv/bin/python tests/data/doctypes/make_dev.py      # rewrites dev.jsonl (deterministic)

Labels follow README.md (types and date rules). One convention specific to this set: GP referral
letters and referral forms are `administrative` (date = referral date); appointment letters are
`other` (date null).
"""
import datetime as dt
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from faker import Faker

OUT = Path(__file__).with_name("dev.jsonl")
SEED = 7_310_024

LOCALES = {"uk": "en_GB", "ie": "en_IE", "au": "en_AU", "nz": "en_NZ", "in": "en_IN",
           "ca": "en_CA", "za": "zu_ZA"}
DAY_FIRST = {"uk", "ie", "au", "nz", "in", "za"}
TYPES = ["discharge_summary", "progress_note", "radiology", "laboratory", "operative_note",
         "consult", "medication_list", "bill", "pathology", "history_physical", "administrative",
         "other"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# --------------------------------------------------------------------------- phrase lists

CONDITIONS = [
    dict(dx="Community-acquired pneumonia, right lower lobe", pc="cough, fever and breathlessness",
         hpc="{n} day history of productive cough with green sputum, fevers and pleuritic right-sided chest pain. Reduced exercise tolerance.",
         exam="Temp 38.4, HR 104, BP 118/72, RR 24, SpO2 91% on air. Coarse crackles right base, bronchial breathing.",
         tx="IV co-amoxiclav and clarithromycin, stepped down to oral antibiotics after 48 hours. Oxygen weaned.",
         plan=["Complete 5 days of oral co-amoxiclav", "Repeat chest X-ray in 6 weeks to confirm resolution", "GP to review if not improving"],
         spec="Respiratory Medicine", curb="CURB-65 score 1"),
    dict(dx="Non-ST elevation myocardial infarction", pc="central chest pain",
         hpc="Central crushing chest pain radiating to the left arm, onset at rest, lasting {n}0 minutes, associated with sweating.",
         exam="HR 88 regular, BP 146/90, HS I+II+0, chest clear, no peripheral oedema.",
         tx="Dual antiplatelet therapy, fondaparinux, coronary angiogram showed a 90% LAD stenosis treated with a drug-eluting stent.",
         plan=["Aspirin lifelong, ticagrelor for 12 months", "Cardiac rehabilitation referral made", "Outpatient echocardiogram in 6 weeks"],
         spec="Cardiology", curb="GRACE score 118"),
    dict(dx="Exacerbation of COPD", pc="increasing breathlessness",
         hpc="Worsening shortness of breath over {n} days with increased sputum volume and wheeze. Uses salbutamol up to 10 times a day.",
         exam="RR 26, SpO2 86% on air, widespread expiratory wheeze, using accessory muscles.",
         tx="Nebulised bronchodilators, oral prednisolone 30 mg for 5 days, doxycycline. Controlled oxygen, target 88-92%.",
         plan=["Pulmonary rehabilitation referral", "Inhaler technique reviewed", "Rescue pack provided"],
         spec="Respiratory Medicine", curb="DECAF score 1"),
    dict(dx="Acute pyelonephritis", pc="loin pain and rigors",
         hpc="{n} days of left loin pain, dysuria, frequency and rigors. Vomiting since yesterday.",
         exam="Temp 39.1, HR 112, BP 104/66. Tender left renal angle. Abdomen soft.",
         tx="IV gentamicin and fluids, switched to oral ciprofloxacin once culture sensitivities were available (E. coli).",
         plan=["Complete 7 days of ciprofloxacin", "Renal ultrasound as outpatient", "Repeat U&E at the GP surgery in 1 week"],
         spec="General Medicine", curb="qSOFA 1"),
    dict(dx="Diabetic ketoacidosis, type 1 diabetes mellitus", pc="vomiting and abdominal pain",
         hpc="Known type 1 diabetic, {n} days of vomiting, polyuria and abdominal pain after missing insulin doses during a viral illness.",
         exam="Dry mucous membranes, Kussmaul breathing, ketotic breath. HR 118, BP 100/60.",
         tx="Fixed-rate insulin infusion per DKA protocol, IV fluids and potassium replacement. Ketones cleared within 20 hours.",
         plan=["Diabetes specialist nurse follow-up", "Sick day rules reinforced", "HbA1c at next clinic"],
         spec="Diabetes and Endocrinology", curb="Initial pH 7.12"),
    dict(dx="Cellulitis, left lower leg", pc="red swollen leg",
         hpc="{n} days of spreading redness, warmth and swelling of the left shin after a minor graze. Feverish.",
         exam="Temp 37.9. Erythema from ankle to mid-calf, marked with pen. No crepitus. Tinea pedis between toes.",
         tx="IV flucloxacillin for 72 hours then oral. Limb elevation.",
         plan=["Oral flucloxacillin to complete 10 days", "Treat tinea pedis with topical terbinafine", "Return if redness spreads beyond the marked line"],
         spec="General Medicine", curb="Eron class II"),
    dict(dx="Upper gastrointestinal bleed secondary to duodenal ulcer", pc="coffee-ground vomiting and melaena",
         hpc="Two episodes of coffee-ground vomiting and black tarry stool for {n} days. Takes ibuprofen for back pain.",
         exam="HR 108, BP 98/60, pale. PR: melaena. Abdomen soft, mild epigastric tenderness.",
         tx="Transfused 2 units. OGD: 1.5 cm duodenal ulcer with visible vessel, treated with adrenaline and clips. IV PPI infusion.",
         plan=["Omeprazole 40 mg twice daily for 8 weeks", "Stop NSAIDs", "H. pylori result to follow - treat if positive"],
         spec="Gastroenterology", curb="Glasgow-Blatchford score 11"),
    dict(dx="Fractured neck of femur, right (intracapsular)", pc="fall with right hip pain",
         hpc="Mechanical fall at home {n} hours before arrival, unable to weight bear. No head injury or loss of consciousness.",
         exam="Right leg shortened and externally rotated. Neurovascularly intact distally.",
         tx="Right hemiarthroplasty. Orthogeriatric review. Mobilising with frame with physiotherapy.",
         plan=["Enoxaparin for 28 days", "Falls and bone health assessment", "Fracture clinic in 6 weeks"],
         spec="Trauma and Orthopaedics", curb="Nottingham Hip Fracture Score 4"),
    dict(dx="Acute kidney injury stage 2 on chronic kidney disease", pc="reduced urine output and confusion",
         hpc="Family report {n} days of poor oral intake, diarrhoea and new confusion. On ramipril and furosemide.",
         exam="Dry, postural hypotension, HR 96. Chest clear.",
         tx="IV fluids, nephrotoxic medicines held. Creatinine improved from 312 to 168.",
         plan=["Ramipril and furosemide held - GP to review restarting", "Repeat renal function in 1 week", "Renal clinic follow-up"],
         spec="Nephrology", curb="Baseline creatinine 140"),
    dict(dx="Dengue fever with warning signs", pc="fever with body ache",
         hpc="High-grade fever for {n} days with retro-orbital pain, myalgia and two episodes of vomiting.",
         exam="Temp 38.8, petechiae over forearms, mild hepatomegaly. BP 110/70.",
         tx="IV fluids as per protocol, platelet monitoring twice daily. Platelet nadir 38,000 recovering to 96,000.",
         plan=["Oral fluids 3 litres per day", "Paracetamol only, avoid NSAIDs", "Repeat CBC after 2 days"],
         spec="Internal Medicine", curb="NS1 antigen positive"),
]

MEDS = [("Amlodipine", "5 mg", "once daily", "OD"), ("Atorvastatin", "40 mg", "at night", "ON"),
        ("Metformin", "500 mg", "twice daily", "BD"), ("Ramipril", "2.5 mg", "once daily", "OD"),
        ("Bisoprolol", "2.5 mg", "once daily", "OD"), ("Omeprazole", "20 mg", "once daily", "OD"),
        ("Paracetamol", "1 g", "four times daily when required", "QDS PRN"),
        ("Levothyroxine", "75 micrograms", "once daily before breakfast", "OD"),
        ("Salbutamol inhaler", "100 micrograms", "2 puffs when required", "PRN"),
        ("Apixaban", "5 mg", "twice daily", "BD"), ("Sertraline", "50 mg", "once daily", "OD"),
        ("Furosemide", "40 mg", "in the morning", "OM"), ("Lansoprazole", "30 mg", "once daily", "OD"),
        ("Aspirin", "75 mg", "once daily", "OD"), ("Gliclazide", "80 mg", "twice daily", "BD"),
        ("Co-codamol 30/500", "2 tablets", "four times daily when required", "QDS PRN"),
        ("Sitagliptin", "100 mg", "once daily", "OD"), ("Tiotropium inhaler", "18 micrograms", "once daily", "OD"),
        ("Allopurinol", "100 mg", "once daily", "OD"), ("Tamsulosin", "400 micrograms", "once daily", "OD")]

IN_MEDS = ["Tab. Pantoprazole 40 mg  1-0-0  (before breakfast) x 14 days",
           "Tab. Paracetamol 650 mg  1-1-1  SOS for fever",
           "Tab. Cefuroxime 500 mg  1-0-1  x 5 days", "Tab. Telmisartan 40 mg  1-0-0  to continue",
           "Tab. Metformin 500 mg  1-0-1  after food", "Syp. Sucralfate 10 ml  1-1-1  x 10 days",
           "Tab. Atorvastatin 20 mg  0-0-1  to continue", "Tab. Ondansetron 4 mg  1-0-1  SOS",
           "Cap. Doxycycline 100 mg  1-0-1  x 7 days", "Tab. Glimepiride 1 mg  1-0-0  before breakfast",
           "Tab. Ecosprin 75 mg  0-1-0  after lunch", "Tab. Clopidogrel 75 mg  0-1-0  to continue",
           "ORS sachets  in 1 litre water  as advised", "Tab. Vitamin D3 60,000 IU  once a week x 8 weeks"]

IMAGING = [
    dict(exam="CT abdomen and pelvis with contrast", mod="CT",
         ind="Right iliac fossa pain, raised inflammatory markers. ?Appendicitis",
         find=["The appendix is dilated to 11 mm with periappendiceal fat stranding.", "No free gas. Small volume free fluid in the pelvis.",
               "Liver, spleen, pancreas and kidneys are unremarkable.", "No lymphadenopathy."],
         conc="Acute uncomplicated appendicitis."),
    dict(exam="Chest X-ray PA", mod="XR", ind="Cough and fever. ?consolidation",
         find=["There is airspace opacification in the right lower zone with air bronchograms.", "No pleural effusion.", "Heart size is normal.", "No pneumothorax."],
         conc="Right lower lobe consolidation in keeping with pneumonia. Suggest follow-up film in 6 weeks."),
    dict(exam="MRI lumbar spine", mod="MR", ind="Low back pain radiating to the left leg, 8 weeks. Paraesthesia L5 distribution.",
         find=["Normal lumbar lordosis. Conus terminates at L1.", "L4/5: broad-based disc bulge with a left paracentral protrusion contacting the traversing left L5 nerve root.",
               "L5/S1: mild disc desiccation without neural compromise.", "No spinal canal stenosis."],
         conc="Left paracentral L4/5 disc protrusion contacting the left L5 nerve root, concordant with symptoms."),
    dict(exam="Ultrasound abdomen", mod="US", ind="Deranged LFTs, right upper quadrant pain.",
         find=["The gallbladder contains multiple mobile calculi, the largest 14 mm. Wall thickness normal at 2 mm.", "CBD measures 4 mm.",
               "The liver is of normal size with increased echogenicity consistent with fatty infiltration.", "Both kidneys are normal in size. Spleen 10 cm."],
         conc="Cholelithiasis without cholecystitis. Hepatic steatosis."),
    dict(exam="CT pulmonary angiogram", mod="CT", ind="Pleuritic chest pain, tachycardia, D-dimer raised.",
         find=["Filling defects within the right lower lobe segmental and subsegmental arteries.", "RV/LV ratio 0.8. No right heart strain.",
               "Small right pleural effusion. Lungs otherwise clear."],
         conc="Right lower lobe pulmonary emboli without right heart strain."),
    dict(exam="Mammogram bilateral and right breast ultrasound", mod="MG", ind="Palpable lump right breast upper outer quadrant.",
         find=["Breast density category B.", "At the site of the palpable lump there is a 12 mm irregular hypoechoic mass at 10 o'clock, 6 cm from the nipple.",
               "No suspicious axillary nodes.", "Left breast: no suspicious abnormality."],
         conc="Right breast 12 mm irregular mass, BI-RADS 4C. Ultrasound-guided core biopsy recommended."),
    dict(exam="X-ray right wrist", mod="XR", ind="FOOSH injury, tender anatomical snuffbox.",
         find=["There is a transverse fracture of the distal radius with 10 degrees of dorsal angulation.", "No scaphoid fracture identified on dedicated views.",
               "Ulnar styloid intact."], conc="Extra-articular distal radius fracture with dorsal angulation."),
    dict(exam="CT head without contrast", mod="CT", ind="Fall on anticoagulation, headache.",
         find=["No intracranial haemorrhage, mass effect or midline shift.", "Age-appropriate involutional change. Periventricular white matter low attenuation consistent with small vessel disease.",
               "No skull fracture."], conc="No acute intracranial abnormality."),
    dict(exam="Ultrasound pelvis (transabdominal and transvaginal)", mod="US", ind="Menorrhagia, pelvic pain.",
         find=["Uterus anteverted, measures 10.2 x 5.8 x 6.1 cm.", "Intramural fibroid in the posterior wall measuring 34 mm.",
               "Endometrium 9 mm, regular.", "Both ovaries are normal in appearance."], conc="Single intramural uterine fibroid, 34 mm."),
]

PROCEDURES = [
    dict(name="Laparoscopic cholecystectomy", ind="Symptomatic gallstones", anaes="General anaesthetic",
         steps=["Open Hasson entry at umbilicus, 3 further 5 mm ports.", "Calot's triangle dissected, critical view of safety achieved.",
                "Cystic duct and artery clipped and divided.", "Gallbladder removed from liver bed with diathermy and retrieved in a bag.",
                "Haemostasis checked. Ports closed with 2/0 Vicryl to sheath and 4/0 Monocryl subcuticular."],
         findings="Thick-walled gallbladder with multiple stones. Normal CBD.", ebl="Minimal", spec="Gallbladder",
         histo=("Gallbladder", "Gallbladder measuring 78 x 32 mm with a wall up to 4 mm. Contains 11 faceted yellow-green calculi.",
                "Sections show a thickened fibrotic wall with Rokitansky-Aschoff sinuses and chronic inflammatory infiltrate. No dysplasia or malignancy.",
                "Gallbladder: chronic cholecystitis with cholelithiasis. No dysplasia or malignancy.")),
    dict(name="Laparoscopic appendicectomy", ind="Acute appendicitis", anaes="General anaesthetic",
         steps=["Three-port technique.", "Inflamed appendix identified, mesoappendix divided with diathermy.", "Base secured with two Endoloops and appendix removed in a bag.",
                "Pelvis washed out with warm saline.", "Fascia closed at umbilicus, skin glue."],
         findings="Acutely inflamed, non-perforated appendix. Small amount of turbid fluid.", ebl="<10 ml", spec="Appendix",
         histo=("Appendix", "Appendix 68 mm in length, 9 mm in diameter, with a congested serosa and fibrinous exudate.",
                "Transmural neutrophilic infiltrate with mucosal ulceration and serositis. No neoplasm.",
                "Appendix: acute suppurative appendicitis with periappendicitis. No evidence of malignancy.")),
    dict(name="Colonoscopy with polypectomy", ind="Positive faecal immunochemical test", anaes="Conscious sedation (midazolam 2 mg, fentanyl 50 micrograms)",
         steps=["Digital rectal examination normal.", "Scope passed to caecum, confirmed by appendiceal orifice and ileocaecal valve. Terminal ileum intubated.",
                "Bowel preparation: Boston score 8.", "15 mm pedunculated polyp in the sigmoid colon at 30 cm removed with hot snare, en bloc, clip applied.",
                "Mild sigmoid diverticulosis. Small internal haemorrhoids on retroflexion."],
         findings="Sigmoid polyp removed. Diverticulosis.", ebl="Nil", spec="Sigmoid polyp",
         histo=("Sigmoid polyp", "Polypoid fragment 15 x 11 x 9 mm with a stalk 4 mm long. Bisected and all embedded.",
                "Tubular adenoma with low-grade dysplasia. The stalk is free of dysplasia. Resection margin clear by 2 mm.",
                "Sigmoid polyp: tubular adenoma, low-grade dysplasia, completely excised.")),
    dict(name="Excision of skin lesion, left cheek, with primary closure", ind="Suspected basal cell carcinoma", anaes="Local anaesthetic (1% lidocaine with adrenaline 5 ml)",
         steps=["Lesion marked with 4 mm margins, elliptical excision orientated along relaxed skin tension lines.", "Specimen marked with a suture at 12 o'clock.",
                "Haemostasis with bipolar diathermy.", "Closed with 5/0 Prolene interrupted sutures."],
         findings="8 mm pearly nodular lesion with telangiectasia.", ebl="Minimal", spec="Skin ellipse, left cheek",
         histo=("Skin ellipse, left cheek", "Skin ellipse 22 x 9 mm to a depth of 5 mm bearing a central pearly nodule 8 mm. Suture at 12 o'clock. Transversely sliced and all embedded.",
                "Nodular basal cell carcinoma with peripheral palisading and retraction artefact, confined to the dermis. No perineural invasion. Closest peripheral margin 2.5 mm (6 o'clock), deep margin 1.8 mm.",
                "Skin, left cheek: nodular basal cell carcinoma, completely excised.")),
    dict(name="Open right inguinal hernia repair (Lichtenstein mesh)", ind="Symptomatic right inguinal hernia", anaes="Spinal anaesthetic",
         steps=["Right groin crease incision.", "External oblique opened, ilioinguinal nerve identified and preserved.", "Indirect sac dissected off the cord and reduced.",
                "Polypropylene mesh fixed with 2/0 Prolene to the inguinal ligament and conjoint tendon.", "Layered closure, subcuticular 3/0 Monocryl."],
         findings="Large indirect inguinal hernia containing omentum.", ebl="20 ml", spec=None, histo=None),
    dict(name="Upper GI endoscopy (OGD) with biopsies", ind="Dyspepsia and iron deficiency anaemia", anaes="Throat spray only",
         steps=["Scope passed under direct vision.", "Oesophagus: normal, Z-line at 38 cm.", "Stomach: patchy erythema in the antrum, biopsies taken for CLO and histology.",
                "Duodenum: D1 and D2 normal, duodenal biopsies taken (x4) for coeliac disease."],
         findings="Antral gastritis. Normal duodenum.", ebl="Nil", spec="Gastric antrum and duodenal biopsies",
         histo=("Gastric antrum and D2 biopsies", "A: Antrum - two pale fragments, largest 3 mm. B: Duodenum - four fragments, largest 2 mm. All embedded.",
                "A: Chronic active gastritis with Helicobacter-like organisms, confirmed on immunohistochemistry. No intestinal metaplasia. B: Normal villous architecture, intraepithelial lymphocytes not increased.",
                "A: Helicobacter-associated chronic active gastritis. B: Normal duodenal mucosa; no features of coeliac disease.")),
    dict(name="Right knee arthroscopy and partial medial meniscectomy", ind="Locking right knee, MRI medial meniscal tear", anaes="General anaesthetic",
         steps=["Tourniquet applied, 250 mmHg.", "Standard anterolateral and anteromedial portals.", "Bucket-handle tear of the posterior horn of the medial meniscus, resected to a stable rim.",
                "ACL and PCL intact. Grade 2 chondral change medial femoral condyle.", "Portals closed with Steri-Strips, 20 ml levobupivacaine intra-articular."],
         findings="Medial meniscal tear. Mild medial compartment chondral change.", ebl="Nil", spec=None, histo=None),
    dict(name="Lower segment caesarean section (elective)", ind="Breech presentation at 39 weeks", anaes="Spinal anaesthetic",
         steps=["Pfannenstiel incision.", "Lower segment transverse uterine incision.", "Live female infant delivered by breech extraction, Apgars 9 and 10.",
                "Placenta delivered by controlled cord traction, complete.", "Uterus closed in two layers with 1 Vicryl. Skin: subcuticular 3/0 Monocryl."],
         findings="Normal uterus, tubes and ovaries.", ebl="450 ml", spec=None, histo=None),
]

LAB_UK = {
    "Haematology": [("Haemoglobin", "g/L", 115, 165, 0), ("White cell count", "x10^9/L", 4.0, 11.0, 1),
                    ("Platelets", "x10^9/L", 150, 400, 0), ("Neutrophils", "x10^9/L", 2.0, 7.5, 1),
                    ("Lymphocytes", "x10^9/L", 1.0, 4.0, 1), ("MCV", "fL", 80, 100, 0)],
    "Biochemistry": [("Sodium", "mmol/L", 133, 146, 0), ("Potassium", "mmol/L", 3.5, 5.3, 1),
                     ("Urea", "mmol/L", 2.5, 7.8, 1), ("Creatinine", "umol/L", 59, 104, 0),
                     ("eGFR", "mL/min/1.73m2", 60, 120, 0), ("C-reactive protein", "mg/L", 0, 5, 0),
                     ("Bilirubin", "umol/L", 0, 21, 0), ("ALT", "U/L", 0, 41, 0), ("Alk phos", "U/L", 30, 130, 0),
                     ("Albumin", "g/L", 35, 50, 0)],
    "Diabetes/Lipids": [("HbA1c (IFCC)", "mmol/mol", 20, 41, 0), ("Cholesterol", "mmol/L", 0, 5.0, 1),
                        ("HDL cholesterol", "mmol/L", 1.0, 2.5, 1), ("Triglyceride", "mmol/L", 0, 1.7, 1)],
    "Endocrinology": [("TSH", "mU/L", 0.27, 4.2, 2), ("Free T4", "pmol/L", 12, 22, 1)],
}
LAB_IN = [("Haemoglobin", "g/dL", 13.0, 17.0, 1), ("Total Leucocyte Count", "cells/cumm", 4000, 11000, 0),
          ("Platelet Count", "lakhs/cumm", 1.5, 4.1, 2), ("Neutrophils", "%", 40, 80, 0), ("Lymphocytes", "%", 20, 40, 0),
          ("ESR", "mm/hr", 0, 20, 0), ("Blood Sugar (Fasting)", "mg/dL", 70, 100, 0), ("Serum Creatinine", "mg/dL", 0.7, 1.3, 2),
          ("Blood Urea", "mg/dL", 15, 40, 0), ("SGPT (ALT)", "U/L", 0, 45, 0), ("Total Bilirubin", "mg/dL", 0.2, 1.2, 2)]

SPECIALISTS = ["Cardiology", "Gastroenterology", "Respiratory Medicine", "Rheumatology", "Endocrinology",
               "Neurology", "Dermatology", "Urology", "General Surgery", "ENT"]
CLINIC_PROBLEMS = {
    "Cardiology": ("Paroxysmal atrial fibrillation", "palpitations", ["Start apixaban 5 mg twice daily (CHA2DS2-VASc 3)", "24-hour Holter monitor", "Echocardiogram", "Review in 3 months"]),
    "Gastroenterology": ("Irritable bowel syndrome with diarrhoea; coeliac serology negative", "altered bowel habit", ["Trial of low FODMAP diet with dietitian", "Faecal calprotectin", "Discharge to GP if calprotectin normal"]),
    "Respiratory Medicine": ("Asthma, poorly controlled", "nocturnal cough and wheeze", ["Switch to budesonide/formoterol maintenance and reliever therapy", "FeNO and spirometry with reversibility", "Review in 8 weeks"]),
    "Rheumatology": ("Seropositive rheumatoid arthritis", "painful swollen hands", ["Start methotrexate 15 mg weekly with folic acid 5 mg weekly", "Baseline chest X-ray and bloods", "Rheumatology nurse review in 4 weeks"]),
    "Endocrinology": ("Primary hypothyroidism, under-replaced", "fatigue and weight gain", ["Increase levothyroxine to 100 micrograms daily", "Repeat TFTs in 6 weeks", "No further follow-up needed in clinic"]),
    "Neurology": ("Migraine without aura, chronic", "daily headaches", ["Start candesartan 4 mg daily, titrate to 8 mg", "Limit simple analgesia to 2 days per week", "Headache diary"]),
    "Dermatology": ("Chronic plaque psoriasis", "scaly rash on elbows and scalp", ["Calcipotriol/betamethasone gel once daily", "Coal tar shampoo", "Consider phototherapy if inadequate response"]),
    "Urology": ("Benign prostatic hyperplasia with lower urinary tract symptoms", "nocturia and poor stream", ["Tamsulosin 400 micrograms daily", "PSA 2.1 - no further action", "Flow rate study in 3 months"]),
    "General Surgery": ("Symptomatic gallstones", "right upper quadrant pain after meals", ["List for laparoscopic cholecystectomy", "Low-fat diet advice", "Pre-operative assessment"]),
    "ENT": ("Chronic rhinosinusitis without polyps", "nasal blockage and facial pressure", ["Saline douching twice daily", "Mometasone nasal spray 2 sprays each nostril daily", "CT sinuses if no improvement in 3 months"]),
}

# --------------------------------------------------------------------------- helpers


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


class Ctx:
    """Per-file context: locale, faker, rng, the patient, the institution."""

    def __init__(self, idx, loc):
        self.idx, self.loc = idx, loc
        self.r = random.Random(SEED * 1000 + idx)
        self.f = Faker(LOCALES[loc])
        self.f.seed_instance(SEED + idx)
        if loc == "ie":
            self.f.phone_number = lambda: self.f.numerify(self.r.choice(["0## ### ####", "(0##) ### ###", "01 ### ####", "+353 ## ### ####"]))
        elif loc == "za":
            self.f.phone_number = lambda: self.f.numerify(self.r.choice(["0## ### ####", "+27 ## ### ####", "(0##) ### ####"]))
        self.g = Faker("en_GB")  # helper for generic words
        self.g.seed_instance(SEED + 500 + idx)
        r, f = self.r, self.f
        self.sex = r.choice(["M", "F"])
        self.first = f.first_name_male() if self.sex == "M" else f.first_name_female()
        self.last = f.last_name()
        self.title = r.choice(["Mr", "Mr"]) if self.sex == "M" else r.choice(["Mrs", "Ms", "Miss"])
        self.name = f"{self.first} {self.last}"
        by = r.randint(1938, 2001)
        self.dob = dt.date(by, r.randint(1, 12), r.randint(13, 28))  # day > 12: unambiguous
        self.age = 2024 - by
        self.addr = f.address().replace("\n", ", ")
        self.phone = f.phone_number()
        self.city = f.city()
        self.base = dt.date(2023, 1, 1) + dt.timedelta(days=r.randint(0, 640))
        self.df = r.choice(["num", "num", "num", "long", "mon"])  # doc-level date style
        # identifiers
        b = f.bothify
        self.ids = {
            "uk": [("NHS No", f"{b('###')} {b('###')} {b('####')}"), ("Hosp No", b("?######").upper())],
            "ie": [("MRN", b("#######")), ("PPSN", b("#######?").upper())],
            "au": [("URN", b("#######")), ("Medicare No", f"{b('####')} {b('#####')} {b('#')}")],
            "nz": [("NHI", b("???####").upper())],
            "in": [("UHID", b("??########").upper()), ("IP No", b("IP/24/#####"))],
            "ca": [("MRN", b("M########")), ("Health Card", f"{b('####')}-{b('###')}-{b('###')}-{b('??').upper()}")],
            "za": [("Hosp No", b("########")), ("ID No", self.dob.strftime("%y%m%d") + b("#######"))],
        }[loc]

    def doctor(self, title=True):
        n = f"{self.f.first_name()[0]}. {self.f.last_name()}" if self.r.random() < 0.4 else f"{self.f.first_name()} {self.f.last_name()}"
        return ("Dr " + n) if title else n

    def hospital(self):
        c = self.city
        f, r = self.f, self.r
        return {
            "uk": r.choice([f"{c} General Hospital", f"Royal {c} Infirmary", f"{f.last_name()} Hospital"]),
            "ie": r.choice([f"University Hospital {c}", f"St {f.first_name()}'s Hospital, {c}", f"{c} Regional Hospital"]),
            "au": r.choice([f"{c} Base Hospital", f"{c} Health Service", f"Royal {c} Hospital"]),
            "nz": r.choice([f"{c} Hospital", f"Te Whatu Ora - {c}"]),
            "in": r.choice([f"{f.last_name()} Multispeciality Hospital", f"{c} Medical Research Institute", f"Sri {f.first_name()} Hospitals Pvt. Ltd."]),
            "ca": r.choice([f"{c} General Hospital", f"{c} Regional Health Centre", f"St. {f.first_name()}'s Hospital"]),
            "za": r.choice([f"{c} Provincial Hospital", f"{f.last_name()} Private Hospital", f"{c} Mediclinic"]),
        }[self.loc]

    def trust(self):
        c2 = self.f.city()
        return {"uk": f"{self.city} and {c2} NHS Foundation Trust", "ie": f"HSE {self.r.choice(['West', 'Dublin and Midlands', 'South West', 'Mid West'])}",
                "au": f"{self.city} Local Health District", "nz": "Health New Zealand | Te Whatu Ora",
                "in": "NABH Accredited", "ca": f"{self.city} Health Authority", "za": "Department of Health"}[self.loc]

    def day(self, offset=0):
        return self.base + dt.timedelta(days=offset)

    def d(self, date, style=None):
        """Format a date in the file's regional style."""
        s = style or self.df
        loc = self.loc
        if loc == "ca" and s == "num":
            s = self.r.choice(["iso", "longus"])
        if loc == "za" and s == "num" and self.idx % 2:
            return date.strftime("%Y/%m/%d")
        if s == "num":
            sep = "-" if loc == "in" and self.idx % 2 else "/"
            return f"{date.day:02d}{sep}{date.month:02d}{sep}{date.year}"
        if s == "dot":
            return f"{date.day:02d}.{date.month:02d}.{date.year}"
        if s == "short":
            return f"{date.day:02d}/{date.month:02d}/{date.year % 100:02d}"
        if s == "long":
            return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
        if s == "ord":
            return f"{ordinal(date.day)} {MONTHS[date.month - 1]} {date.year}"
        if s == "mon":
            return f"{date.day:02d}-{MONTHS[date.month - 1][:3]}-{date.year}"
        if s == "mon2":
            return f"{date.day} {MONTHS[date.month - 1][:3]} {date.year}"
        if s == "iso":
            return date.isoformat()
        if s == "longus":
            return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
        raise ValueError(s)

    def dob_s(self):
        return self.d(self.dob, "num" if self.loc != "ca" else "iso")

    def t(self):
        return f"{self.r.randint(7, 22):02d}:{self.r.choice(['05', '12', '20', '34', '41', '50', '58'])}"

    def idline(self, sep="   "):
        return sep.join(f"{k}: {v}" for k, v in self.ids)


def page_footer(c, i, n, style):
    if style == 0:
        return f"Page {i} of {n}"
    if style == 1:
        return f"{i}/{n}"
    if style == 2:
        return f"- {i} -"
    if style == 3:
        return f"Page {i}"
    return ""


def paginate(c, header, body, per_page=None, footer=None, first_extra=None):
    """Split body lines over pages; repeat header lines; add footers."""
    per = per_page or c.r.randint(24, 40)
    chunks, cur = [], []
    for ln in body:
        cur.append(ln)
        if len(cur) >= per and ln.strip() == "":
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)
    if len(chunks) > 1 and sum(1 for x in chunks[-1] if x.strip()) < 3:
        last = chunks.pop()
        chunks[-1].extend(last)
    fs = c.r.randint(0, 4) if footer is None else footer
    n = len(chunks)
    pages = []
    for i, ch in enumerate(chunks, 1):
        lines = list(header) if (i == 1 or header) else []
        if i == 1 and first_extra:
            lines += first_extra
        if i > 1 and header:
            lines = list(header) + [f"(continued)" if c.r.random() < 0.3 else ""]
        lines += ch
        foot = page_footer(c, i, n, fs)
        if foot:
            lines += ["", foot]
        pages.append("\n".join(lines).rstrip() + "\n")
    return pages


def cols(rows, widths):
    out = []
    for row in rows:
        ws = list(widths) + [0] * (len(row) - len(widths))
        out.append("".join(str(v).ljust(w) for v, w in zip(row, ws)).rstrip())
    return out


KEEP = set(MONTHS) | {m[:3] for m in MONTHS}


def ocr_noise(c, text, rate=0.04):
    """Light scan/OCR damage to words without digits."""
    r = c.r
    subs = [("rn", "m"), ("l", "1"), ("e", "c"), ("cl", "d"), ("i", "l"), ("o", "0")]

    def fix(m):
        w = m.group(0)
        if len(w) < 5 or r.random() > rate or w in KEEP:
            return w
        a, b = r.choice(subs)
        if a in w:
            return w.replace(a, b, 1)
        k = r.randrange(1, len(w) - 1)
        return w[:k] + " " + w[k:]
    return re.sub(r"[A-Za-z]+", fix, text)


def fax_stamp(c, pages, when, sender, total=None, start=1):
    num = c.f.phone_number()
    total = total or len(pages)
    hh = c.t()
    out = []
    for k, p in enumerate(pages):
        i = start + k
        if c.loc == "ca":
            ds = c.d(when, "iso")
        else:
            ds = c.d(when, c.r.choice(["num", "mon2"])) if k == 0 else ds
        style = c.idx % 3
        if style == 0:
            line = f"{ds} {hh}  FROM: {num}  {sender[:28].upper()}  P.{i:03d}/{total:03d}"
        elif style == 1:
            line = f"Fax from : {num}   {ds} {hh}   Pg: {i}/{total}"
        else:
            line = f"{sender}  {num}  >>  {ds}  {hh}  #{c.r.randint(100, 999)} P {i}"
        out.append(line + "\n" + p)
    return out


def doc(pages, typ, date):
    return dict(pages=pages, type=typ, date=date.isoformat() if date else None)


def letterhead(c, name, lines=None, caps=False):
    f = c.f
    out = [name.upper() if caps else name]
    extra = lines if lines is not None else [f.street_address(), f"{c.city} {f.postcode()}", f"Tel: {f.phone_number()}"]
    return out + extra


def patient_block(c, style=0):
    if style == 0:
        return [f"Patient: {c.title} {c.name}", f"DOB: {c.dob_s()}", c.idline(), f"Address: {c.addr}"]
    if style == 1:
        return cols([[f"Name: {c.last.upper()}, {c.first}", f"DOB: {c.dob_s()}"], [c.idline(), f"Sex: {c.sex}"]], [44, 30])
    return [f"Re: {c.title} {c.name}, DOB {c.dob_s()}", f"    {c.addr}", f"    {c.idline()}"]


def meds_pick(c, n):
    return c.r.sample(MEDS, n)


# --------------------------------------------------------------------------- discharge summaries

def ds_nhs(c, adm=None, dis=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS[:9])
    adm = adm or c.day()
    dis = dis or adm + dt.timedelta(days=r.randint(2, 9))
    hosp, cons, gp = c.hospital(), c.doctor(), c.doctor()
    head = letterhead(c, c.trust() if c.loc == "uk" else hosp, [hosp if c.loc == "uk" else c.trust(), f"{cond['spec']} - Ward {r.randint(1, 40)}{r.choice('ABC')}"])
    titled = r.random() < 0.6
    body = []
    if titled:
        body += ["", r.choice(["INPATIENT DISCHARGE SUMMARY", "Discharge Summary", "DISCHARGE NOTIFICATION", "Immediate Discharge Letter"]), ""]
    else:
        body += ["", c.d(dis + dt.timedelta(days=r.randint(0, 2)), "long"), ""]
    body += [f"GP: {gp}, {c.f.last_name()} Medical Practice", ""] if titled else [f"{gp}", f"{c.f.last_name()} Surgery", c.f.street_address(), c.city, ""]
    body += patient_block(c, r.choice([0, 1, 2]))
    body += [""]
    if not titled:
        body += [f"Dear {gp.split()[0]} {gp.split()[-1]},", "",
                 f"I am writing to let you know that your patient was discharged home on {c.d(dis)} following an admission under {cons} ({cond['spec']}).", ""]
    body += cols([["Date of admission:", c.d(adm)], ["Date of discharge:", c.d(dis)], ["Consultant:", cons],
                  ["Discharge destination:", r.choice(["Usual residence", "Home with care package", "Home"])]], [26, 40])
    body += ["", "Diagnosis:", f"  {cond['dx']}", "", "Co-morbidities:", f"  {r.choice(['Hypertension', 'Type 2 diabetes', 'Osteoarthritis', 'Asthma'])}",
             f"  {r.choice(['Hypercholesterolaemia', 'CKD stage 3a', 'Depression', 'Gout'])}", "",
             "Presenting complaint:", f"  {cond['pc'].capitalize()}.", "", "Clinical summary:",
             "  " + cond["hpc"].format(n=r.randint(2, 6)), "  " + cond["tx"], f"  {cond['curb']}.", "",
             "Medication on discharge:"]
    body += cols([[m[0], m[1], m[3 if r.random() < 0.5 else 2]] for m in meds_pick(c, r.randint(3, 6))], [26, 18, 30])
    body += ["", "Medication changes: " + r.choice(["New - see above.", "Ramipril withheld.", "None."]), "",
             "Plan:"] + [f"  {i}. {p}" for i, p in enumerate(cond["plan"], 1)]
    body += ["", "Actions for GP:", f"  {r.choice(['Please check U&E in 1 week.', 'Please review BP in 2 weeks.', 'No specific actions.'])}", ""]
    if not titled:
        body += ["Yours sincerely,", "", "", f"Dr {c.f.last_name()}, Specialty Registrar, for {cons}"]
    else:
        body += [f"Completed by: Dr {c.f.last_name()} (FY2)   Bleep {r.randint(1000, 9999)}", f"Date completed: {c.d(dis)}"]
    body += [f"cc: Patient", ""]
    foot_hdr = [] if r.random() < 0.5 else [f"{c.name}  {c.ids[0][1]}"]
    pages = paginate(c, foot_hdr, head + body)
    return doc(pages, "discharge_summary", dis)


def ds_au(c, adm=None, dis=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS[:9])
    adm = adm or c.day()
    dis = dis or adm + dt.timedelta(days=r.randint(2, 9))
    hosp = c.hospital()
    hdr = [f"{hosp.upper()}", f"{c.trust()}", ""]
    body = ["DISCHARGE SUMMARY" if c.loc == "au" else "Clinical Discharge Summary", "",
            f"Surname: {c.last.upper()}      Given names: {c.first}", f"DOB: {c.dob_s()}   Sex: {c.sex}   {c.idline()}",
            f"Address: {c.addr}", "",
            f"Admission date:   {c.d(adm)} {c.t()}", f"Separation date:  {c.d(dis)}" if c.loc == "au" else f"Discharge date:   {c.d(dis)}",
            f"Separation mode:  {r.choice(['Home', 'Home with community nursing', 'Transfer to rehab'])}",
            f"Treating unit:    {cond['spec']}", f"Responsible consultant: {c.doctor()}", "",
            f"Nominated GP: {c.doctor()} - {c.f.last_name()} Medical Centre, Fax {c.f.phone_number()}", "",
            "PRINCIPAL DIAGNOSIS", f"{cond['dx']}", "", "ADDITIONAL DIAGNOSES", f"- {r.choice(['Hypertension', 'T2DM - diet controlled', 'Obesity (BMI 34)'])}", "",
            "PRESENTATION", cond["hpc"].format(n=r.randint(2, 6)), "", "CLINICAL PROGRESS", cond["tx"], "",
            "ALERTS / ADVERSE REACTIONS", r.choice(["Penicillin - rash", "Nil known", "Codeine - nausea"]), "",
            "MEDICATIONS ON DISCHARGE"]
    body += cols([["Medication", "Dose", "Frequency", "Status"]] + [[m[0], m[1], m[2], r.choice(["Unchanged", "New", "Changed", "Unchanged"])] for m in meds_pick(c, r.randint(3, 6))], [26, 16, 34, 10])
    body += ["", "FOLLOW-UP ARRANGEMENTS / RECOMMENDATIONS TO GP"] + [f"* {p}" for p in cond["plan"]]
    body += ["", f"Author: {c.doctor()} (Resident Medical Officer)", f"Signed electronically {c.d(dis + dt.timedelta(days=r.randint(0, 3)))} {c.t()}", ""]
    pages = paginate(c, hdr[:1] + [f"{c.last.upper()}, {c.first}  {c.ids[0][0]} {c.ids[0][1]}"], hdr[1:] + body)
    return doc(pages, "discharge_summary", dis)


def ds_in(c, adm=None, dis=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS)
    adm = adm or c.day()
    dis = dis or adm + dt.timedelta(days=r.randint(3, 8))
    hosp = c.hospital()
    head = [hosp.upper(), f"(A Unit of {c.f.last_name()} Healthcare Ltd.)  {c.trust()}", f"{c.f.street_address()}, {c.city} - {c.f.postcode()}",
            f"Ph: {c.f.phone_number()}  |  Email: info@{c.f.last_name().lower()}hospitals.in", "_" * 70, ""]
    body = ["DISCHARGE SUMMARY".center(70), ""]
    body += cols([[f"Patient Name : {c.title} {c.name.upper()}", f"UHID : {c.ids[0][1]}"],
                  [f"Age/Sex : {c.age} Yrs / {'Male' if c.sex == 'M' else 'Female'}", f"IP No : {c.ids[1][1]}"],
                  [f"DOB : {c.dob_s()}", f"Ward/Bed : {r.choice(['Male Ward' if c.sex == 'M' else 'Female Ward', 'Pvt Room', 'ICU'])}/{r.randint(1, 40)}"],
                  [f"DOA : {c.d(adm)}", f"DOD : {c.d(dis)}"],
                  [f"Consultant : {c.doctor()} (MD Medicine)", f"Dept : {cond['spec']}"]], [44, 36])
    body += ["", "Diagnosis :", f"  {cond['dx']}", "", "Chief Complaints :", f"  C/o {cond['pc']} since {r.randint(2, 7)} days", "",
             "History of Present Illness :", "  " + cond["hpc"].format(n=r.randint(2, 6)), "",
             f"Past History : {r.choice(['K/c/o HTN on T. Telmisartan', 'K/c/o T2DM since 6 years', 'No significant past history'])}", "",
             "Examination at Admission :", "  " + cond["exam"], "", "Investigations : Enclosed. Significant -",
             f"  Hb {r.randint(95, 140) / 10} g/dL, TLC {r.randint(4, 17)},{r.randint(100, 900)} /cumm, Platelets {r.randint(40, 300)},000",
             f"  S. Creatinine {r.randint(7, 20) / 10} mg/dL", "", "Course in Hospital :", "  " + cond["tx"], "",
             f"Condition at Discharge : {r.choice(['Stable', 'Haemodynamically stable, afebrile', 'Improved'])}", "",
             "Advice on Discharge :"] + [f"  {i}. {m}" for i, m in enumerate(r.sample(IN_MEDS, r.randint(3, 6)), 1)]
    body += ["", f"Diet : {r.choice(['Normal diet', 'Diabetic diet', 'Soft bland diet', 'Low salt diet'])}",
             f"Review : In OPD after {r.choice(['5 days', '1 week', '2 weeks'])} with reports / SOS", "",
             "In case of emergency contact: " + c.f.phone_number(), "", "",
             cols([["Resident Doctor", "Consultant"]], [44])[0], ""]
    pages = paginate(c, [], head + body)
    return doc(pages, "discharge_summary", dis)


def ds_ca(c, adm=None, dis=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS[:9])
    adm = adm or c.day()
    dis = dis or adm + dt.timedelta(days=r.randint(2, 9))
    hosp = c.hospital()
    hdr = [hosp, f"{c.f.street_address()}, {c.city}, {c.f.province_abbr()} {c.f.postalcode()}"]
    body = ["", "DISCHARGE SUMMARY", "", f"Patient: {c.last.upper()}, {c.first}", f"MRN: {c.ids[0][1]}    {c.ids[1][0]}: {c.ids[1][1]}",
            f"Date of Birth: {c.d(c.dob, 'iso')}", f"Admitted: {c.d(adm, 'longus')}", f"Discharged: {c.d(dis, 'longus')}",
            f"Attending Physician: {c.doctor()}", f"Family Physician: {c.doctor()}", "",
            "Most Responsible Diagnosis:", cond["dx"], "", "History of Present Illness:", cond["hpc"].format(n=r.randint(2, 6)), "",
            "Hospital Course:", cond["tx"], "", "Discharge Medications:"]
    body += [f"- {m[0]} {m[1]} {m[2]}" for m in meds_pick(c, r.randint(3, 5))]
    body += ["", "Follow-up:"] + [f"- {p}" for p in cond["plan"]]
    body += ["", f"Dictated by: {c.doctor()}", f"Dictated: {c.d(dis + dt.timedelta(days=r.randint(1, 4)), 'iso')}  Transcribed: {c.d(dis + dt.timedelta(days=r.randint(4, 6)), 'iso')}", ""]
    pages = paginate(c, hdr, body, footer=0)
    return doc(pages, "discharge_summary", dis)


def ds_za(c, adm=None, dis=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS)
    adm = adm or c.day()
    dis = dis or adm + dt.timedelta(days=r.randint(2, 9))
    hosp = c.hospital()
    body = [f"{hosp}", f"Private Bag X{r.randint(100, 999)}, {c.city}, {r.randint(1000, 9999)}", f"Tel {c.f.phone_number()}", "",
            "DISCHARGE LETTER / SUMMARY", "",
            f"Patient: {c.name}    {c.idline()}", f"Date of birth: {c.dob_s()}", f"Medical aid: {r.choice(['Discovery Health', 'Bonitas', 'GEMS', 'Momentum Health'])}  No. {c.f.bothify('#########')}", "",
            f"Admitted: {c.d(adm)}    Discharged: {c.d(dis)}", f"Admitting doctor: {c.doctor()}", "",
            "Final diagnosis:", f"  {cond['dx']}  (ICD-10 {r.choice(['J18.1', 'I21.4', 'J44.1', 'N10', 'E10.1', 'L03.1', 'K26.0'])})", "",
            "History:", "  " + cond["hpc"].format(n=r.randint(2, 6)), "", "Management:", "  " + cond["tx"], "",
            "Discharge medication (TTO):"] + [f"  {m[0]} {m[1]} {m[3]}" for m in meds_pick(c, 4)]
    body += ["", "Plan:"] + [f"  - {p}" for p in cond["plan"]] + ["", f"Signed: {c.doctor()}  MP {c.f.bothify('#######')}", ""]
    return doc(paginate(c, [], body), "discharge_summary", dis)


# --------------------------------------------------------------------------- progress notes

def pn_ward(c, when=None, adm=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS[:9])
    when = when or c.day(r.randint(1, 5))
    adm = adm or when - dt.timedelta(days=r.randint(1, 6))
    hdr = cols([[f"{c.last.upper()}, {c.first}", f"{c.ids[0][0]}: {c.ids[0][1]}", f"DOB {c.dob_s()}"]], [28, 30, 20])
    hdr += [f"{c.hospital()} - Continuation Sheet" if r.random() < 0.5 else "MEDICAL NOTES - CONTINUATION", ""]
    day = (when - adm).days
    who = r.choice(["Consultant ward round", "WR", "Ward round - Dr " + c.f.last_name() + " (ST5)", "Post-take ward round"])
    body = [f"{c.d(when)}  {c.t()}   {who}", "",
            f"Day {day} of admission (admitted {c.d(adm)}) with {cond['dx'].lower()}.", "",
            "S: " + r.choice(["Feels better, eating and drinking.", "Ongoing breathlessness on exertion. Slept poorly.", "Pain improved. Bowels opened."]),
            "O: " + r.choice(["Obs stable, NEWS 1. Afebrile.", "NEWS 3 (RR 22, SpO2 94% on 2L).", "HR 84, BP 132/78, T 36.9."]),
            "   " + r.choice(["Chest: reduced air entry R base.", "Abdo soft, non-tender.", "Calves SNT. HS I+II+0."]),
            f"   Bloods today: Hb {r.randint(95, 150)}, WCC {r.randint(40, 180) / 10}, CRP {r.randint(5, 220)}, Cr {r.randint(60, 200)}", "",
            "Imp: " + r.choice(["Improving.", "Slow improvement.", "Clinically stable, awaiting OT assessment."]), "",
            "Plan:"] + [f"  - {p}" for p in r.sample(["Continue current antibiotics", "IV to oral switch tomorrow if afebrile", "Repeat bloods in AM",
                                                     "PT/OT review for discharge planning", "Fluid balance chart", "Mobilise", "Aim discharge in 48 h", "Update NOK"], 4)]
    body += ["", f"{c.doctor()} FY1  GMC {c.f.bothify('#######')}" if c.loc == "uk" else f"{c.doctor()} SHO  MCRN {c.f.bothify('######')}", ""]
    return doc(paginate(c, hdr, body, footer=4), "progress_note", when)


def pn_nursing(c, when=None, adm=None):
    r = c.r
    when = when or c.day(r.randint(1, 5))
    adm = adm or when - dt.timedelta(days=r.randint(1, 4))
    hosp = c.hospital()
    hdr = [hosp.upper(), "PROGRESS NOTES" if r.random() < 0.6 else "Integrated Progress Notes", f"{c.ids[0][0]} {c.ids[0][1]}  {c.last.upper()}, {c.first}  D.O.B. {c.dob_s()}", ""]
    body = [cols([["Date/Time", "Discipline", "Entry"]], [18, 14])[0], "-" * 72,
            f"{c.d(when)} {c.t()}  {r.choice(['Nursing', 'RN', 'EN'])}       ISBAR",
            f"   I: {c.first} {c.last}, {c.age}yo {c.sex}, Bed {r.randint(1, 30)}, admitted {c.d(adm)}.",
            f"   S: {r.choice(['Comfortable overnight.', 'Pain 6/10 at 0200, PRN oxycodone given with effect.', 'Episode of confusion overnight, redirectable.'])}",
            f"   B: {r.choice(['Post-op day 2 hemiarthroplasty.', 'Admitted with pneumonia.', 'Cellulitis L leg on IV antibiotics.'])}",
            f"   A: Obs within normal limits, BGL {r.randint(50, 130) / 10}. Voiding. Tolerating diet. Pressure areas intact.",
            f"   R: Continue plan. For physio review today. Falls risk - bed alarm on.",
            f"   {c.f.first_name()} {c.f.last_name()[0]} (RN) #{r.randint(10000, 99999)}", ""]
    return doc(paginate(c, hdr, body, footer=r.choice([0, 4])), "progress_note", when)


def pn_gp(c, when=None):
    r = c.r
    when = when or c.day()
    prac = f"{c.f.last_name()} {r.choice(['Medical Centre', 'Surgery', 'Health Centre', 'Family Practice'])}"
    title = r.choice(["Consultation", "Journal entry", "Encounter", "Consultation record"])
    printed = when + dt.timedelta(days=r.randint(20, 200))
    hdr = [prac, f"{c.name}  DOB {c.dob_s()}  {c.idline()}", ""]
    body = [f"{title}: {c.d(when, r.choice(['num', 'mon2', 'long']))}  {c.t()}  {c.doctor()}  ({r.choice(['Surgery consultation', 'Telephone', 'Face to face'])})", "",
            f"History: {r.choice(['Follow-up of BP. Home readings average 138/84.', 'Review after antibiotics for chest infection, cough settling.', 'Diabetes review. No hypos. Feet checked.', 'Ongoing low mood, sleeping better on sertraline.'])}",
            f"Examination: BP {r.randint(118, 160)}/{r.randint(70, 95)}  Pulse {r.randint(60, 95)}  Weight {r.randint(55, 110)} kg",
            f"Problem: {r.choice(['Essential hypertension', 'Lower respiratory tract infection', 'Type 2 diabetes mellitus', 'Depressive episode'])} (review)",
            f"Comment: {r.choice(['Continue current treatment.', 'Increase amlodipine to 10 mg.', 'Bloods booked: HbA1c, U&E, lipids.', 'Safety-netted. Review 4 weeks.'])}",
            f"Follow up: {r.choice(['3 months', '4 weeks', 'PRN', '6 weeks with nurse'])}", "",
            f"Printed {c.d(printed)} by {c.f.first_name()} {c.f.last_name()} (Receptionist)", ""]
    return doc(paginate(c, hdr, body, footer=3), "progress_note", when)


def pn_in(c, when=None, adm=None):
    r = c.r
    when = when or c.day(r.randint(1, 5))
    adm = adm or when - dt.timedelta(days=r.randint(1, 5))
    hosp = c.hospital()
    body = [hosp.upper(), "DOCTOR'S PROGRESS NOTES / ICU CHART" if r.random() < 0.5 else "Daily Progress Note", "",
            f"Name: {c.name}   Age/Sex: {c.age}/{c.sex}   UHID: {c.ids[0][1]}   DOA: {c.d(adm)}", f"DOB: {c.dob_s()}", "",
            f"Date: {c.d(when)}   Time: {c.t()}   POD/HD: {(when - adm).days}", "",
            f"Pt c/o {r.choice(['mild fever', 'decreased appetite', 'no fresh complaints', 'loose stools x 2'])}.",
            f"O/E: Conscious, oriented. PR {r.randint(70, 110)}/min  BP {r.randint(100, 140)}/{r.randint(60, 90)} mmHg  SpO2 {r.randint(94, 99)}% RA  Temp {r.randint(980, 1010) / 10} F",
            "CVS: S1S2+   RS: B/L AE+, NVBS   P/A: Soft, NT   CNS: NFND",
            f"I/O: {r.randint(1800, 3000)}/{r.randint(1200, 2500)} ml", "",
            "Adv:", "  - Continue IV antibiotics", "  - Monitor platelet count BD", "  - Oral fluids encouraged", "  - Repeat RFT tomorrow", "",
            f"Dr {c.f.last_name()} (DNB Resident)", ""]
    return doc(paginate(c, [], body, footer=4), "progress_note", when)


def pn_ca(c, when=None):
    r = c.r
    when = when or c.day()
    clinic = f"{c.city} {r.choice(['Physiotherapy & Sports Injury Clinic', 'Family Health Team', 'Community Health Centre'])}"
    body = [clinic, c.f.street_address() + ", " + c.city, "", "Follow-up Visit Note" if r.random() < 0.5 else "PROGRESS NOTE (SOAP)", "",
            f"Patient: {c.name}   DOB: {c.d(c.dob, 'iso')}   {c.ids[1][0]}: {c.ids[1][1]}",
            f"Date of visit: {c.d(when, r.choice(['iso', 'longus']))}   Visit #{r.randint(2, 9)}   Provider: {c.doctor() if r.random() < 0.5 else c.f.name() + ', PT'}", "",
            "S: " + r.choice(["Right shoulder pain now 3/10, sleeping through the night.", "Low back pain improving, able to walk 30 min.", "BP log reviewed, average 134/82."]),
            "O: " + r.choice(["Flexion 160 deg, abduction 150 deg, strength 4+/5.", "Lumbar flexion fingertips to mid-shin, SLR negative.", "BP 136/84, HR 72."]),
            "A: " + r.choice(["Rotator cuff tendinopathy, improving.", "Mechanical low back pain, resolving.", "Hypertension, at target."]),
            "P: " + r.choice(["Progress home exercise programme. 2 more visits.", "Continue walking programme, reassess in 3 weeks.", "Continue ramipril, labs in 3 months."]), "",
            f"Initial assessment: {c.d(when - dt.timedelta(days=r.randint(14, 60)), 'iso')}", f"Electronically signed {c.d(when, 'iso')} {c.t()}", ""]
    return doc(paginate(c, [], body, footer=r.choice([0, 4])), "progress_note", when)


# --------------------------------------------------------------------------- radiology

def rad_nhs(c, when=None, img=None):
    r = c.r
    img = img or r.choice(IMAGING)
    when = when or c.day()
    rep = when + dt.timedelta(days=r.randint(0, 3))
    comp = when - dt.timedelta(days=r.randint(90, 900))
    hosp = c.hospital()
    body = [f"{hosp}", r.choice(["Department of Radiology", "Imaging Department", "Radiology Services"]), "", ]
    if r.random() < 0.5:
        body += ["RADIOLOGY REPORT", ""]
    body += cols([[f"Patient name: {c.name}", f"DOB: {c.dob_s()}"], [c.idline(), f"Accession: {c.f.bothify('RX########')}"],
                  [f"Referrer: {c.doctor()}", f"Location: {r.choice(['ED', 'AMU', 'GP Direct Access', 'OPD'])}"]], [46, 30])
    body += ["", f"Examination: {img['exam']}", f"Date of examination: {c.d(when)}  {c.t()}", "",
             f"Clinical details: {img['ind']}", "", "Report:", f"Comparison is made with the previous study of {c.d(comp)}." if r.random() < 0.6 else "No previous imaging for comparison."]
    body += img["find"] + ["", "Conclusion:", img["conc"], "",
                           f"Reported by: {c.doctor()}, Consultant Radiologist", f"Report date: {c.d(rep)} {c.t()}", ""]
    return doc(paginate(c, [], body), "radiology", when)


def rad_practice(c, when=None, img=None):
    r = c.r
    img = img or r.choice(IMAGING)
    when = when or c.day()
    pr = f"{c.f.last_name()} {r.choice(['Radiology', 'Imaging', 'Medical Imaging', 'X-Ray and Ultrasound'])}"
    head = [pr.upper(), f"{c.f.street_address()}, {c.city}", f"Ph {c.f.phone_number()}  ABN {c.f.bothify('## ### ### ###')}" if c.loc == "au" else f"Ph {c.f.phone_number()}", ""]
    ref = c.doctor()
    body = [f"Dear {ref},", "", f"Re: {c.name.upper()}   DOB: {c.dob_s()}", f"    {c.addr}", f"Exam date: {c.d(when, r.choice(['num', 'mon2']))}   Ref: {c.f.bothify('#######')}", "",
            img["exam"].upper(), "", "Clinical notes:", img["ind"], "", "Findings:"] + img["find"] + ["", "Conclusion:", img["conc"], "",
            "Thank you for referring this patient.", "", f"{c.doctor()}", "Radiologist",
            f"Electronically signed {c.d(when + dt.timedelta(days=r.randint(0, 2)))}", ""]
    return doc(paginate(c, [], head + body, footer=r.choice([0, 4])), "radiology", when)


def rad_in(c, when=None, img=None):
    r = c.r
    img = img or r.choice(IMAGING)
    when = when or c.day()
    body = [c.hospital().upper(), "DEPARTMENT OF RADIO-DIAGNOSIS & IMAGING", "-" * 60,
            cols([[f"Patient : {c.title} {c.name}", f"Age/Sex : {c.age}Y/{c.sex}"], [f"UHID : {c.ids[0][1]}", f"Date : {c.d(when)}"],
                  [f"Ref. By : {c.doctor()}", f"Reg. Date : {c.d(when)} {c.t()}"]], [40, 30])[0], "", ]
    body = body[:4] + cols([[f"UHID : {c.ids[0][1]}", f"Date : {c.d(when)}"], [f"Ref. By : {c.doctor()}", f"DOB : {c.dob_s()}"]], [40, 30]) + ["-" * 60, "",
            f"{img['exam'].upper()}".center(60), "", "OBSERVATIONS:"] + [f"  {x}" for x in img["find"]] + ["", "IMPRESSION:", f"  {img['conc']}", "",
            "Kindly correlate clinically.", "", f"Dr {c.f.last_name()}, MD (Radiodiagnosis)", f"Printed on: {c.d(when + dt.timedelta(days=r.randint(1, 20)))}", ""]
    return doc(paginate(c, [], body, footer=4), "radiology", when)


def rad_ca(c, when=None, img=None):
    r = c.r
    img = img or r.choice(IMAGING)
    when = when or c.day()
    body = [f"{c.hospital()} - Diagnostic Imaging", "", "DIAGNOSTIC IMAGING REPORT", "",
            f"Name: {c.last.upper()}, {c.first}    DOB: {c.d(c.dob, 'iso')}    {c.ids[1][0]}: {c.ids[1][1]}",
            f"Exam: {img['exam']}", f"Exam Date: {c.d(when, 'iso')}", f"Ordering: {c.doctor()}", f"cc: {c.doctor()}", "",
            "HISTORY: " + img["ind"], "", "FINDINGS:"] + img["find"] + ["", "IMPRESSION:", img["conc"], "",
            f"Dictated by: {c.doctor()}  {c.d(when + dt.timedelta(days=1), 'iso')}", f"Transcribed: {c.d(when + dt.timedelta(days=2), 'longus')}", ""]
    return doc(paginate(c, [], body, footer=0), "radiology", when)


# --------------------------------------------------------------------------- laboratory

def lab_val(c, lo, hi, dp):
    r = c.r
    span = hi - lo if hi > lo else hi
    v = r.uniform(lo - 0.25 * span, hi + 0.3 * span)
    v = max(v, 0)
    flag = "H" if v > hi else ("L" if v < lo else "")
    return (f"{v:.{dp}f}" if dp else f"{round(v)}"), flag


def lab_uk(c, when=None):
    r = c.r
    when = when or c.day()
    rec = when + dt.timedelta(days=r.choice([0, 0, 1]))
    rep = rec + dt.timedelta(days=r.randint(0, 2))
    name = r.choice([f"{c.city} Pathology", "Blood Sciences", f"{c.f.last_name()} Pathology Partnership", "Clinical Biochemistry & Haematology"])
    hdr = [f"{c.hospital()} - {name}" if r.random() < 0.5 else name.upper(), f"Patient: {c.last.upper()}, {c.first}  DOB: {c.dob_s()}  {c.ids[0][0]}: {c.ids[0][1]}", ""]
    body = cols([[f"Requested by: {c.doctor()}", f"Location: {r.choice(['GP', 'Ward 7', 'OPD', 'Medical Day Unit'])}"],
                 [f"Sample ID: {c.f.bothify('??######').upper()}", f"Specimen: {r.choice(['Blood', 'Serum', 'EDTA whole blood'])}"],
                 [f"Collected: {c.d(when)} 0{r.randint(7, 9)}:{r.randint(10, 59)}", f"Received: {c.d(rec)} {'1' if rec == when else '0'}{r.randint(1, 9)}:{r.randint(10, 59)}"],
                 [f"Reported: {c.d(rep)} {c.t()}", f"Printed: {c.d(rep + dt.timedelta(days=r.randint(1, 30)))}"]], [40, 34]) + [""]
    for sec in r.sample(list(LAB_UK), r.randint(2, 3)):
        body += [sec.upper() if r.random() < 0.5 else sec, ""]
        body += cols([["Test", "Result", "Flag", "Units", "Ref range"]], [24, 10, 6, 16])
        for t, u, lo, hi, dp in LAB_UK[sec]:
            v, fl = lab_val(c, lo, hi, dp)
            body += cols([[t, v, fl, u, f"{lo} - {hi}"]], [24, 10, 6, 16])
        body += [""]
    body += ["Comment: " + r.choice(["eGFR calculated using CKD-EPI.", "Sample slightly haemolysed.", "Please interpret with clinical findings."]), "",
             f"Authorised by: {c.doctor()}, Consultant Chemical Pathologist", ""]
    return doc(paginate(c, hdr, body, per_page=r.randint(26, 40)), "laboratory", when)


def lab_au(c, when=None):
    r = c.r
    when = when or c.day()
    lab = f"{r.choice([c.city, c.f.last_name(), 'Southern', 'Coastal', 'Capital'])} Pathology"
    head = [lab.upper(), f"NATA Accreditation No. {r.randint(1000, 9999)}  APA {r.randint(100, 999)}" if c.loc == "au" else f"IANZ accredited laboratory" if c.loc == "nz" else "SANAS accredited", ""]
    sec = r.choice(["Biochemistry", "Haematology"])
    body = [f"Patient: {c.last.upper()}, {c.first.upper()}   Sex: {c.sex}   DOB: {c.dob_s()}", f"Address: {c.addr}", f"{c.idline()}   Lab No: {c.f.bothify('##-#######')}",
            f"Referred by: {c.doctor()}   Copy to: {c.doctor()}", "",
            f"Collected: {c.d(when, r.choice(['num', 'mon2']))} 0{r.randint(7, 9)}:{r.randint(10, 59)}    Received: {c.d(when, 'num')} 1{r.randint(1, 8)}:{r.randint(10, 59)}", "", sec.upper(), ""]
    keys = LAB_UK["Haematology"] if sec == "Haematology" else LAB_UK["Biochemistry"]
    body += cols([["", "Result", "Units", "Reference"]], [24, 12, 16])
    for t, u, lo, hi, dp in keys:
        v, fl = lab_val(c, lo, hi, dp)
        body += cols([[t, v + (f" {fl}" if fl else ""), u, f"({lo}-{hi})"]], [24, 12, 16])
    if r.random() < 0.5:
        body += ["", "Diabetes/Lipids", ""]
        for t, u, lo, hi, dp in LAB_UK["Diabetes/Lipids"]:
            v, fl = lab_val(c, lo, hi, dp)
            body += cols([[t, v + (f" {fl}" if fl else ""), u, f"({lo}-{hi})"]], [24, 12, 16])
    body += ["", f"Tests completed: {r.choice(['FBE, E/LFT', 'FBC, UEC, CRP', 'FBE, UEC, LFT, HbA1c, lipids'])}", "Tests pending: nil",
             f"Report printed {c.d(when + dt.timedelta(days=r.randint(1, 6)))} {c.t()}", ""]
    return doc(paginate(c, head[:1], head[1:] + body, footer=r.choice([0, 1])), "laboratory", when)


def lab_in(c, when=None):
    r = c.r
    when = when or c.day()
    lab = f"{c.f.last_name()} Diagnostics & Research Centre"
    body = [lab.upper(), "Department of Laboratory Medicine", f"{c.f.street_address()}, {c.city}", "=" * 72,
            cols([[f"Patient Name : {c.title} {c.name}", f"Sample ID : {c.f.bothify('########')}"],
                  [f"Age / Sex : {c.age} Y / {c.sex}", f"Collected On : {c.d(when)} {c.t()}"],
                  [f"Ref. By : {c.doctor()}", f"Received On : {c.d(when)} {c.t()}"],
                  [f"UHID : {c.ids[0][1]}", f"Reported On : {c.d(when + dt.timedelta(days=r.randint(0, 1)))} {c.t()}"],
                  [f"DOB : {c.dob_s()}", ""]], [40, 36]), "=" * 72]
    body = body[:4] + body[4] + body[5:]
    body += ["", "HAEMATOLOGY / BIOCHEMISTRY", "", cols([["Test Name", "Result", "Unit", "Bio. Ref. Interval"]], [28, 12, 14])[0], "-" * 72]
    for t, u, lo, hi, dp in r.sample(LAB_IN, r.randint(6, 10)):
        v, fl = lab_val(c, lo, hi, dp)
        body += cols([[t, v + (" *" if fl else ""), u, f"{lo} - {hi}"]], [28, 12, 14])
    body += ["", "*** End of Report ***", "", cols([["Lab Technician", f"Dr {c.f.last_name()}, MD (Pathology)"]], [40])[0], ""]
    return doc(paginate(c, [], body, footer=0), "laboratory", when)


def lab_ca(c, when=None):
    r = c.r
    when = when or c.day()
    body = [f"{c.f.last_name()} Medical Laboratories", f"Patient Service Centre - {c.city}", "", "FINAL REPORT", "",
            f"Patient: {c.last.upper()}, {c.first}   DOB: {c.d(c.dob, 'iso')}   Sex: {c.sex}", f"{c.ids[1][0]}: {c.ids[1][1]}",
            f"Ordering Practitioner: {c.doctor()}", f"Collection Date: {c.d(when, 'iso')} {c.t()}", f"Report Date: {c.d(when + dt.timedelta(days=1), 'iso')}", "",
            "HEMATOLOGY"]
    for t, u, lo, hi, dp in LAB_UK["Haematology"]:
        v, fl = lab_val(c, lo, hi, dp)
        body += cols([[t, v, fl, u, f"{lo}-{hi}"]], [24, 10, 4, 16])
    body += ["", "CHEMISTRY"]
    for t, u, lo, hi, dp in LAB_UK["Biochemistry"][:6]:
        v, fl = lab_val(c, lo, hi, dp)
        body += cols([[t, v, fl, u, f"{lo}-{hi}"]], [24, 10, 4, 16])
    body += ["", "END OF REPORT", ""]
    return doc(paginate(c, [], body, footer=0), "laboratory", when)


# --------------------------------------------------------------------------- operative notes

def op_uk(c, when=None, proc=None):
    r = c.r
    proc = proc or r.choice(PROCEDURES)
    when = when or c.day()
    sur, asst, an = c.doctor(), c.doctor(), c.doctor()
    title = r.choice(["Operation note", "OPERATION NOTE", "Operation Record", "Theatre Operation Note"])
    body = [c.hospital(), f"{r.choice(['Main Theatres', 'Day Surgery Unit', 'Theatre 4'])}", "", title, "",
            f"Patient: {c.name}   DOB: {c.dob_s()}   {c.idline()}", "",
            f"Date of operation: {c.d(when)}", f"Surgeon: {sur}   Assistant: {asst}", f"Anaesthetist: {an}",
            f"Anaesthetic: {proc['anaes']}", f"Procedure: {proc['name']}", f"Indication: {proc['ind']}", "",
            "Findings:", f"  {proc['findings']}", "", "Procedure details:"] + [f"  {s}" for s in proc["steps"]]
    body += ["", f"Estimated blood loss: {proc['ebl']}", f"Specimens: {proc['spec'] + ' to histology' if proc['spec'] else 'None'}",
             f"VTE prophylaxis: {r.choice(['TEDS + enoxaparin 40 mg', 'Mechanical only', 'As per protocol'])}", "",
             "Post-operative instructions:", f"  {r.choice(['Routine observations. Eat and drink as tolerated.', 'Day case discharge if well.', 'Removal of sutures at GP practice in 7-10 days.'])}",
             f"  Follow-up: {r.choice(['Clinic 6 weeks', 'Telephone clinic with histology', 'Not required'])}", "",
             f"Signed: {sur}   {c.t()}", ""]
    return doc(paginate(c, [f"{c.name}  {c.ids[0][1]}"] if r.random() < 0.4 else [], body), "operative_note", when)


def op_endo(c, when=None, proc=None):
    r = c.r
    proc = proc or r.choice([p for p in PROCEDURES if "Colonoscopy" in p["name"] or "OGD" in p["name"]])
    when = when or c.day()
    unit = f"{c.hospital()} Endoscopy Unit" if r.random() < 0.5 else f"{c.f.last_name()} Day Procedure Centre"
    body = [unit, "", r.choice(["PROCEDURE REPORT", "Endoscopy Report", "Procedure note"]), "",
            f"{c.last.upper()}, {c.first}   DOB {c.dob_s()}   {c.idline()}",
            f"Procedure date: {c.d(when, r.choice(['num', 'mon2']))}   Start {c.t()}", f"Endoscopist: {c.doctor()}   Nurse: {c.f.first_name()} {c.f.last_name()}",
            f"Referring doctor: {c.doctor()}   Referral dated {c.d(when - dt.timedelta(days=r.randint(20, 120)))}", "",
            f"Procedure: {proc['name']}", f"Indication: {proc['ind']}", f"Sedation: {proc['anaes']}", "", "Findings:"] + [f"  {s}" for s in proc["steps"]]
    body += ["", f"Diagnosis: {proc['findings']}", "", "Recommendations:", f"  {r.choice(['Await histology.', 'Repeat colonoscopy in 3 years.', 'Treat H. pylori if positive.'])}",
             f"  Results letter to GP.", "", ""]
    return doc(paginate(c, [], body, footer=r.choice([0, 4])), "operative_note", when)


def op_in(c, when=None, proc=None):
    r = c.r
    proc = proc or r.choice(PROCEDURES)
    when = when or c.day()
    body = [c.hospital().upper(), "OPERATION NOTES", "",
            cols([[f"Name : {c.name}", f"UHID : {c.ids[0][1]}"], [f"Age/Sex : {c.age}/{c.sex}", f"IP No : {c.ids[1][1]}"],
                  [f"DOB : {c.dob_s()}", f"OT No : {r.randint(1, 6)}"], [f"Date of Surgery : {c.d(when)}", f"Time : {r.randint(8, 11)}:{r.choice(['00', '15', '30'])} to {r.randint(12, 15)}:{r.choice(['05', '40', '50'])}"]], [40, 30])]
    body = body[:3] + body[3] + ["", f"Surgeon : {c.doctor()} (MS, MCh)", f"Asst : {c.doctor()}", f"Anaesthetist : {c.doctor()}  Type: {proc['anaes']}", "",
                                 f"Pre-op Diagnosis : {proc['ind']}", f"Procedure : {proc['name']}", "", "Operative Findings :", f"  {proc['findings']}", "",
                                 "Steps :"] + [f"  - {s}" for s in proc["steps"]] + ["", f"Specimen : {proc['spec'] or 'Nil'}  {'sent for HPE' if proc['spec'] else ''}",
                                                                                      f"Blood loss : {proc['ebl']}", "Post-op orders : NBM x 6 hrs, IV fluids, inj. antibiotics, analgesics.", "", "Signature of Surgeon", ""]
    return doc(paginate(c, [], body, footer=4), "operative_note", when)


def op_ca(c, when=None, proc=None):
    r = c.r
    proc = proc or r.choice(PROCEDURES)
    when = when or c.day()
    dic = when + dt.timedelta(days=r.randint(0, 2))
    body = [c.hospital(), "", "OPERATIVE REPORT", "", f"PATIENT: {c.last.upper()}, {c.first}", f"MRN: {c.ids[0][1]}   DOB: {c.d(c.dob, 'iso')}",
            f"DATE OF PROCEDURE: {c.d(when, 'longus')}", f"SURGEON: {c.doctor()}", f"ANESTHESIA: {proc['anaes']}", "",
            f"PREOPERATIVE DIAGNOSIS: {proc['ind']}", f"POSTOPERATIVE DIAGNOSIS: Same", f"OPERATION PERFORMED: {proc['name']}", "",
            "DESCRIPTION OF PROCEDURE:"] + proc["steps"] + ["", f"FINDINGS: {proc['findings']}", f"EBL: {proc['ebl']}", "",
                                                             f"D: {c.d(dic, 'iso')} {c.t()}   T: {c.d(dic + dt.timedelta(days=1), 'iso')}", f"Job #{c.f.bothify('######')}", ""]
    return doc(paginate(c, [], body, footer=0), "operative_note", when)


# --------------------------------------------------------------------------- consults

def cl_letter(c, when=None, spec=None):
    r = c.r
    spec = spec or r.choice([x for x in SPECIALISTS if not (x == "Urology" and c.sex == "F")])
    dx, pc, plan = CLINIC_PROBLEMS[spec]
    when = when or c.day()
    typed = when + dt.timedelta(days=r.randint(2, 12))
    refd = when - dt.timedelta(days=r.randint(20, 90))
    cons = c.doctor()
    gp = c.doctor()
    hosp = c.hospital()
    head = [f"Department of {spec}", hosp] if r.random() < 0.5 else [f"{cons}", f"MB BCh FRCP ({spec})" if c.loc in ("uk", "ie") else f"MBBS FRACP ({spec})" if c.loc in ("au", "nz") else "MBChB FCP(SA)",
                                                                      f"{c.f.street_address()}, {c.city}", f"Tel {c.f.phone_number()}  Fax {c.f.phone_number()}"]
    meta = [f"Clinic date: {c.d(when)}" if r.random() < 0.6 else f"Seen in clinic on {c.d(when, 'long')}",
            f"Dictated: {c.d(when)}   Typed: {c.d(typed)}" if r.random() < 0.5 else f"Date typed: {c.d(typed)}"]
    body = head + [""] + meta + ["", gp, f"{c.f.last_name()} {r.choice(['Surgery', 'Medical Centre', 'Health Centre'])}", c.f.street_address(), c.city, ""]
    body += patient_block(c, 2) + [""]
    body += [f"Dear {gp.split()[0]} {gp.split()[-1]},", "",
             "Diagnosis:", f"  {dx}", ""]
    if r.random() < 0.5:
        body += ["Current medication:"] + [f"  {m[0]} {m[1]} {m[3]}" for m in meds_pick(c, 3)] + [""]
    body += ["Plan:"] + [f"  {i}. {p}" for i, p in enumerate(plan, 1)] + ["",
             f"Thank you for referring this {c.age}-year-old {'gentleman' if c.sex == 'M' else 'lady'} (your letter of {c.d(refd)}), whom I saw in the {spec.lower()} clinic with {pc}.",
             r.choice(["Symptoms began about six months ago and have progressively worsened.", "The symptoms have been intermittent for over a year.", "There is no significant family history."]),
             f"On examination BP was {r.randint(110, 160)}/{r.randint(65, 95)}, pulse {r.randint(55, 100)}. {r.choice(['Examination was otherwise unremarkable.', 'There was no lymphadenopathy.', 'Chest was clear.'])}",
             "I have explained the diagnosis and the plan above, and given written information.", "",
             "Yours sincerely,", "", "", cons, f"Consultant {spec}", "", f"cc: {c.title} {c.name} (patient)", ""]
    return doc(paginate(c, [], body, footer=r.choice([0, 3, 4])), "consult", when)


def cl_in(c, when=None, adm=None):
    r = c.r
    when = when or c.day(2)
    adm = adm or when - dt.timedelta(days=r.randint(1, 4))
    spec = r.choice(["Cardiology", "Nephrology", "Neurology", "Endocrinology"])
    body = [c.hospital().upper(), "CROSS CONSULTATION / REFERENCE NOTE", "",
            f"Patient: {c.name}  Age/Sex: {c.age}/{c.sex}  UHID: {c.ids[0][1]}  IP No: {c.ids[1][1]}", f"DOB: {c.dob_s()}   DOA: {c.d(adm)}", "",
            f"To: Dr {c.f.last_name()}, Dept of {spec}", f"From: Dr {c.f.last_name()}, Dept of Internal Medicine", "",
            f"Reason for reference: {r.choice(['Kindly evaluate for raised troponin', 'Rising creatinine - kindly advise', 'Uncontrolled sugars - kindly see and advise', 'Sudden onset giddiness'])}.", "",
            "-" * 50, f"CONSULTANT'S OPINION   Date: {c.d(when)}  Time: {c.t()}", "",
            f"Pt seen and examined. {r.choice(['ECG: no acute ST-T changes. 2D Echo: EF 55%.', 'Urine output adequate, no features of uraemia.', 'RBS 342 mg/dL, HbA1c 10.2%.', 'No focal deficit, likely BPPV.'])}",
            f"Imp: {r.choice(['Type 2 MI secondary to sepsis', 'AKI pre-renal', 'T2DM uncontrolled', 'Peripheral vertigo'])}", "Adv:",
            f"  1. {r.choice(['Tab. Ecosprin 75 mg OD', 'Avoid nephrotoxic drugs', 'Inj. Insulin Glargine 10 U at bedtime', 'Tab. Betahistine 16 mg TDS'])}",
            f"  2. {r.choice(['Serial troponin', 'Strict I/O charting', 'SMBG 4 times a day', 'Vestibular exercises'])}", "  3. Will follow up.", "",
            f"Dr {c.f.last_name()}, DM ({spec})", ""]
    return doc(paginate(c, [], body, footer=4), "consult", when)


def cl_ca(c, when=None):
    r = c.r
    spec = r.choice([x for x in SPECIALISTS if not (x == "Urology" and c.sex == "F")])
    dx, pc, plan = CLINIC_PROBLEMS[spec]
    when = when or c.day()
    body = [f"{c.doctor()}, MD, FRCPC", f"{spec}", f"{c.f.street_address()}, {c.city}, {c.f.province_abbr()}", f"Tel: {c.f.phone_number()}  Fax: {c.f.phone_number()}", "",
            f"{c.d(when + dt.timedelta(days=r.randint(1, 6)), 'longus')}", "", f"{c.doctor()}", "Family Medicine", "",
            f"RE: {c.name}   DOB: {c.d(c.dob, 'iso')}   {c.ids[1][0]}: {c.ids[1][1]}", f"Date of consultation: {c.d(when, 'longus')}", "",
            f"Dear Dr. {c.f.last_name()},", "", f"Thank you for asking me to see {c.first}, who presents with {pc}.", "",
            "IMPRESSION:", dx, "", "RECOMMENDATIONS:"] + [f"{i}. {p}" for i, p in enumerate(plan, 1)] + ["", "Sincerely,", "", "", "Electronically signed", ""]
    return doc(paginate(c, [], body, footer=4), "consult", when)


# --------------------------------------------------------------------------- medication lists

def ml_gp(c, when=None):
    r = c.r
    printed = when or c.day()
    prac = f"{c.f.last_name()} {r.choice(['Surgery', 'Medical Practice', 'Medical Centre'])}"
    body = [prac, c.f.street_address(), "", r.choice(["Repeat Medication List", "CURRENT MEDICATION", "Medication summary"]), "",
            f"{c.title} {c.name}   DOB: {c.dob_s()}   {c.idline()}", f"Usual GP: {c.doctor()}", "",
            cols([["Drug", "Dosage", "Qty", "Last issued", "Issues"]], [34, 22, 8, 14])[0]]
    for m in meds_pick(c, r.randint(4, 8)):
        last = printed - dt.timedelta(days=r.randint(3, 80))
        body += cols([[f"{m[0]} {m[1]}", m[2][:20], r.choice(["28", "56", "84", "1"]), c.d(last, "num"), f"{r.randint(1, 12)}/12"]], [34, 22, 8, 14])
    body += ["", "Acute medication (last 12 months):", f"  {r.choice(['Amoxicillin 500 mg capsules', 'Prednisolone 5 mg tablets', 'Nitrofurantoin 100 mg MR'])} - {c.d(printed - dt.timedelta(days=r.randint(30, 300)))}", "",
             f"Printed on {c.d(printed)} {c.t()} by {c.f.first_name()} {c.f.last_name()}", ""]
    return doc(paginate(c, [], body, footer=3), "medication_list", None)


def ml_recon(c, when=None, adm=None):
    r = c.r
    when = when or c.day()
    body = [c.hospital().upper(), r.choice(["MEDICATION RECONCILIATION", "Medication Management Plan", "Medicines Reconciliation - Pharmacy"]), "",
            f"Patient: {c.last.upper()}, {c.first}   DOB: {c.dob_s()}   {c.idline()}", f"Admission date: {c.d(adm or when - dt.timedelta(days=r.randint(0, 2)))}",
            f"Sources: {r.choice(['Patient, GP list, dispensing history', 'Patient own medicines, My Health Record', 'Carer, community pharmacy'])}",
            f"Allergies: {r.choice(['Nil known', 'Penicillin (rash)', 'Sulfonamides (hives)'])}", "",
            cols([["Medicine", "Dose/frequency", "Action on admission", "Comment"]], [24, 28, 20])[0], "-" * 84]
    for m in meds_pick(c, r.randint(4, 7)):
        body += cols([[m[0], f"{m[1]} {m[3]}", r.choice(["Continue", "Continue", "Withhold", "Dose changed", "Cease"]), r.choice(["", "", "BP low", "AKI", "Per team"])]], [24, 28, 20])
    body += ["", f"Reconciled by: {c.f.first_name()} {c.f.last_name()}, Clinical Pharmacist", f"Date reconciled: {c.d(when)} {c.t()}",
             f"Printed: {c.d(when + dt.timedelta(days=r.randint(1, 9)))}", ""]
    return doc(paginate(c, [], body, footer=r.choice([0, 4])), "medication_list", when)


def ml_pharm(c, when=None):
    r = c.r
    printed = when or c.day()
    ph = f"{c.f.last_name()} {r.choice(['Pharmacy', 'Chemist', 'Drug Mart', 'Pharmacy & Compounding'])}"
    body = [ph, f"{c.f.street_address()}, {c.city}", f"Ph {c.f.phone_number()}", "", r.choice(["PATIENT DISPENSING HISTORY", "Medication Profile", "Prescription History Report"]), "",
            f"Patient: {c.name}   DOB: {c.dob_s() if c.loc != 'ca' else c.d(c.dob, 'iso')}", f"Address: {c.addr}", "",
            cols([["Date", "Rx No", "Drug", "Qty", "Prescriber"]], [13, 9, 34, 6])[0]]
    for m in sorted(meds_pick(c, r.randint(5, 8)) * 2, key=lambda x: r.random()):
        d0 = printed - dt.timedelta(days=r.randint(5, 180))
        body += cols([[c.d(d0, "num" if c.loc != "ca" else "iso"), c.f.bothify("#######"), f"{m[0]} {m[1]}", r.choice(["28", "30", "60", "90"]), c.f.last_name()]], [13, 9, 34, 6])
    body += ["", f"Report run: {c.d(printed)} {c.t()}  Pharmacist: {c.f.name()}", ""]
    return doc(paginate(c, [], body, footer=0), "medication_list", None)


def ml_in(c, when=None):
    r = c.r
    when = when or c.day()
    body = [c.hospital().upper(), "MEDICATION RECONCILIATION FORM", "",
            f"Name: {c.name}   UHID: {c.ids[0][1]}   Age/Sex: {c.age}/{c.sex}   DOB: {c.dob_s()}", "",
            f"Date: {c.d(when)}   Done at: {r.choice(['Admission', 'Transfer from ICU', 'Discharge'])}", "",
            cols([["S.No", "Drug", "Continue/Stop/Modify"]], [6, 56])[0]]
    for i, m in enumerate(r.sample(IN_MEDS, r.randint(4, 7)), 1):
        body += cols([[str(i), m, r.choice(["Continue", "Continue", "Stop", "Modify"])]], [6, 56])
    body += ["", "Reconciled by (Clinical Pharmacist): ____________", "Verified by (Doctor): ____________", ""]
    return doc(paginate(c, [], body, footer=4), "medication_list", when)


# --------------------------------------------------------------------------- bills

def inr(x):
    s = f"{x:.2f}"
    whole, frac = s.split(".")
    if len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        parts = []
        while len(head) > 2:
            parts.insert(0, head[-2:])
            head = head[:-2]
        if head:
            parts.insert(0, head)
        whole = ",".join(parts) + "," + tail
    return f"{whole}.{frac}"


def bill_in_ip(c, when=None, adm=None, dis=None):
    r = c.r
    adm = adm or c.day()
    dis = dis or adm + dt.timedelta(days=r.randint(3, 7))
    bdate = when or dis
    items = [("Room Rent (Semi Private)", 3500, (dis - adm).days), ("Nursing Charges", 800, (dis - adm).days), ("Consultation Charges", 1200, r.randint(3, 8)),
             ("Investigations - Laboratory", 1, r.randint(6000, 18000)), ("Radiology (X-Ray / USG)", 1, r.randint(1500, 6000)),
             ("Pharmacy & Consumables", 1, r.randint(9000, 40000)), ("Procedure Charges", 1, r.randint(0, 25000)), ("Registration / Admission", 500, 1)]
    body = [c.hospital().upper(), f"{c.f.street_address()}, {c.city}", f"GSTIN: {c.f.bothify('##?????####?#Z#').upper()}", "",
            r.choice(["FINAL BILL", "IN-PATIENT FINAL BILL", "INPATIENT BILL CUM RECEIPT"]).center(70), "",
            cols([[f"Bill No : {c.f.bothify('IPB/24/######')}", f"Bill Date : {c.d(bdate)}"], [f"Patient : {c.title} {c.name}", f"UHID : {c.ids[0][1]}"],
                  [f"DOA : {c.d(adm)}", f"DOD : {c.d(dis)}"], [f"Payer : {r.choice(['Self', 'TPA - ' + c.f.last_name() + ' Health Insurance TPA', 'Cashless (PMJAY)'])}", f"IP No : {c.ids[1][1]}"],
                  [f"DOB : {c.dob_s()}", ""]], [42, 34])]
    body = body[:6] + body[6] + ["", cols([["S.No", "Particulars", "Rate", "Qty", "Amount (Rs.)"]], [6, 34, 10, 6])[0], "-" * 72]
    tot = 0
    for i, (n, rate, q) in enumerate(items, 1):
        if rate == 1:
            rate, q = q, 1
        if rate == 0:
            continue
        amt = rate * q
        tot += amt
        body += cols([[str(i), n, inr(rate), str(q), inr(amt)]], [6, 34, 10, 6])
    disc = round(tot * r.choice([0, 0.05, 0.1]))
    adv = r.choice([0, 10000, 20000])
    body += ["-" * 72, f"{'Gross Amount':>56}  INR {inr(tot)}", f"{'Discount':>56}  INR {inr(disc)}", f"{'Advance Paid':>56}  INR {inr(adv)}",
             f"{'Net Payable':>56}  INR {inr(tot - disc - adv)}", "", f"Amount in words: Rupees {c.g.word().title()} only (see above)", "",
             f"Prepared by: {c.f.first_name()}   Printed: {c.d(bdate)} {c.t()}", "Authorised Signatory", ""]
    return doc(paginate(c, [], body, footer=0), "bill", bdate)


def bill_in_op(c, when=None):
    r = c.r
    when = when or c.day()
    body = [c.hospital().upper(), "OPD RECEIPT / BILL", "", f"Receipt No: {c.f.bothify('OPR######')}    Date: {c.d(when)} {c.t()}",
            f"Name: {c.name}   UHID: {c.ids[0][1]}   Age: {c.age}   DOB: {c.dob_s()}", f"Consultant: {c.doctor()}", "",
            cols([["Service", "Amount (INR)"]], [44])[0]]
    tot = 0
    for s, a in r.sample([("Consultation Fee", 800), ("CBC", 350), ("Lipid Profile", 650), ("HbA1c", 550), ("ECG", 300), ("X-Ray Chest PA", 450), ("TSH", 400)], 4):
        tot += a
        body += cols([[s, f"{a:.2f}"]], [44])
    body += [f"{'Total':<44}{tot:.2f}", f"{'Net Payable':<44}{tot:.2f}", f"Payment mode: {r.choice(['UPI', 'Cash', 'Card'])}", "", "This is a computer generated receipt.", ""]
    return doc(paginate(c, [], body, footer=4), "bill", when)


def bill_private(c, when=None):
    r = c.r
    when = when or c.day()
    inv = when + dt.timedelta(days=r.randint(0, 10))
    cur = "£" if c.loc == "uk" else "€" if c.loc == "ie" else "NZ$" if c.loc == "nz" else "$"
    clinic = f"{c.f.last_name()} {r.choice(['Private Clinic', 'Consulting Rooms', 'Clinic', 'Physiotherapy', 'Dermatology Clinic'])}"
    body = [clinic.upper() if r.random() < 0.5 else clinic, f"{c.f.street_address()}, {c.city}", f"{'VAT Reg' if c.loc == 'uk' else 'GST No' if c.loc == 'nz' else 'Reg. No'}: {c.f.bothify('### #### ##')}", "",
            r.choice(["INVOICE", "Invoice / Receipt", "TAX INVOICE", "Patient Account"]), "",
            f"Invoice no: {c.f.bothify('INV-#####')}", f"Invoice date: {c.d(inv)}", f"Due date: {c.d(inv + dt.timedelta(days=30))}", "",
            f"Bill to: {c.title} {c.name}", f"         {c.addr}", f"Patient DOB: {c.dob_s()}",
            f"Insurer: {r.choice({'uk': ['Self-pay', 'Bupa', 'AXA Health', 'Aviva'], 'ie': ['Self-pay', 'Vhi Healthcare', 'Laya Healthcare', 'Irish Life Health'], 'nz': ['Self-pay', 'Southern Cross', 'nib NZ']}.get(c.loc, ['Self-pay']))}  Membership {c.f.bothify('########')}", "",
            cols([["Date of service", "Description", "Code", f"Fee ({cur})"]], [18, 36, 10])[0]]
    tot = 0
    for s, a in r.sample([("New patient consultation", 250), ("Follow-up consultation", 160), ("Cryotherapy", 95), ("Dermatoscopy", 60),
                          ("Physiotherapy assessment", 75), ("Joint injection", 180), ("ECG", 45)], r.randint(1, 3)):
        tot += a
        body += cols([[c.d(when), s, c.f.bothify("?##").upper(), f"{a:.2f}"]], [18, 36, 10])
    body += ["", f"{'Total':>60}  {cur}{tot:.2f}", f"{'Paid':>60}  {cur}{0 if r.random() < 0.5 else tot:.2f}", "",
             f"Payment to sort code {c.f.bothify('## ## ##')} acc {c.f.bothify('########')}" if c.loc == "uk" else f"IBAN {c.f.bothify('IE##????########')}".upper() if c.loc == "ie" else "Payment by card or bank transfer.", ""]
    return doc(paginate(c, [], body, footer=4), "bill", when)


def bill_au(c, when=None):
    r = c.r
    when = when or c.day()
    clinic = f"{c.f.last_name()} {r.choice(['Specialist Centre', 'Medical Clinic', 'Orthopaedics'])}"
    body = [clinic, f"ABN {c.f.bothify('## ### ### ###')}", f"{c.f.street_address()}, {c.city}", "", "TAX INVOICE / ACCOUNT", "",
            f"Account to: {c.name}", f"Medicare No: {c.ids[1][1]}   DOB: {c.dob_s()}", f"Referral from: {c.doctor()} dated {c.d(when - dt.timedelta(days=r.randint(10, 90)))}",
            f"Provider No: {c.f.bothify('######?').upper()}", "",
            cols([["Date", "Item", "Description", "Fee", "Medicare rebate"]], [13, 8, 30, 10])[0]]
    tot = 0
    for it, s, a in r.sample([("104", "Initial specialist attendance", 290.0), ("105", "Subsequent attendance", 145.0), ("11700", "ECG tracing and report", 60.0),
                              ("30071", "Biopsy of skin", 140.0)], r.randint(1, 2)):
        tot += a
        body += cols([[c.d(when), it, s, f"${a:.2f}", f"${a * 0.75:.2f}"]], [13, 8, 30, 10])
    body += ["", f"Total fee: ${tot:.2f}   GST: $0.00   Amount paid: ${tot:.2f}   Balance: $0.00", f"Invoice date: {c.d(when)}", ""]
    return doc(paginate(c, [], body, footer=4), "bill", when)


def bill_za(c, when=None):
    r = c.r
    when = when or c.day()
    stmt = when + dt.timedelta(days=r.randint(3, 20))
    body = [f"Dr {c.f.last_name()} Inc.", f"Practice No: {c.f.bothify('#######')}", f"{c.f.street_address()}, {c.city}", "", "ACCOUNT / STATEMENT", "",
            f"Statement date: {c.d(stmt)}", f"Patient: {c.name}   DOB: {c.dob_s()}", f"Main member: {c.f.name()}   Medical aid: {r.choice(['Discovery', 'Bonitas', 'Medshield'])}  {c.f.bothify('#########')}", "",
            cols([["Date of service", "Tariff", "ICD-10", "Description", "Amount (R)"]], [17, 8, 8, 32])[0]]
    tot = 0
    for t, s, a in r.sample([("0190", "Consultation", 620.0), ("0191", "Extended consultation", 880.0), ("1232", "ECG", 410.0), ("0210", "Injection", 150.0)], 2):
        tot += a
        body += cols([[c.d(when), t, r.choice(["I10", "E11.9", "J06.9", "M54.5"]), s, f"R {a:.2f}"]], [17, 8, 8, 32])
    body += ["", f"Total: R {tot:.2f}   Paid by medical aid: R {tot * 0.8:.2f}   Patient liable: R {tot * 0.2:.2f}", ""]
    return doc(paginate(c, [], body, footer=4), "bill", when)


def bill_ca(c, when=None):
    r = c.r
    when = when or c.day()
    body = [f"{c.f.last_name()} {r.choice(['Physiotherapy', 'Chiropractic', 'Massage Therapy', 'Family Clinic'])}", f"{c.f.street_address()}, {c.city}, {c.f.province_abbr()}",
            f"GST/HST # {c.f.bothify('#########RT0001')}", "", "OFFICIAL RECEIPT", "", f"Receipt #: {c.f.bothify('######')}", f"Date of service: {c.d(when, 'longus')}",
            f"Patient: {c.name}   DOB: {c.d(c.dob, 'iso')}", f"Practitioner: {c.f.name()}, Registration #{c.f.bothify('#####')}", "",
            f"Treatment - {r.choice(['Physiotherapy follow-up (30 min)', 'Initial assessment', 'Uninsured service: sick note'])}    $ {r.choice(['95.00', '120.00', '40.00'])}",
            f"Paid by: {r.choice(['Visa', 'Debit', 'Direct billing - Sun Life'])}", "", "Thank you for your payment.", ""]
    return doc(paginate(c, [], body, footer=4), "bill", when)


# --------------------------------------------------------------------------- pathology

def hp_report(c, when=None, proc=None, addendum=None):
    r = c.r
    proc = proc or r.choice([p for p in PROCEDURES if p["histo"]])
    spec, macro, micro, concl = proc["histo"]
    when = when or c.day()
    rec = when + dt.timedelta(days=r.randint(0, 2))
    signed = rec + dt.timedelta(days=r.randint(2, 8))
    addendum = r.random() < 0.3 if addendum is None else addendum
    loc = c.loc
    if loc in ("uk", "ie"):
        dept = r.choice(["Cellular Pathology", "Histopathology", "Department of Cellular Pathology"])
    elif loc in ("au", "nz", "za"):
        dept = r.choice(["Anatomical Pathology", "Histopathology", f"{c.f.last_name()} Pathology - Anatomical Pathology"])
    else:
        dept = r.choice(["Department of Histopathology", "HISTOPATHOLOGY REPORT"])
    head = [c.hospital() if loc != "in" else c.hospital().upper(), dept, ""]
    fmt_taken = "long" if loc == "ca" else None
    body = [r.choice(["HISTOPATHOLOGY REPORT", "Surgical Pathology Report", "Histology report", "REPORT"]), ""] if r.random() < 0.7 else []
    body += [f"Patient: {c.last.upper()}, {c.first}   DOB: {c.dob_s() if loc != 'ca' else c.d(c.dob, 'iso')}   {c.idline()}",
             f"Lab No: {c.f.bothify('?##.#####').upper()}" if loc != "in" else f"Biopsy No: {c.f.bothify('HP-####/24')}",
             f"Clinician: {c.doctor()}   Location: {'Endoscopy' if 'scopy' in proc['name'] else 'Dermatology OPD' if 'skin' in proc['name'] else r.choice(['Day Surgery', 'Theatres'])}",
             f"Date taken: {c.d(when, fmt_taken)}" if loc in ("uk", "ie") else f"Date of procedure: {c.d(when, fmt_taken)}" if loc in ("au", "nz", "za") else f"Collected: {c.d(when, fmt_taken)}",
             f"Date received: {c.d(rec, fmt_taken)}   Date reported: {c.d(signed, fmt_taken)}", "",
             f"Specimen: {spec}", f"Clinical details: {proc['ind']}. {proc['name']}.", "",
             "Macroscopy:" if loc != "in" else "GROSS:", macro, "", "Microscopy:" if loc != "in" else "MICROSCOPIC EXAMINATION:", micro, "",
             "Conclusion:" if loc in ("uk", "ie") else "DIAGNOSIS:", concl, "",
             f"SNOMED: {c.f.bothify('T-#####')} {c.f.bothify('M-#####')}" if loc in ("uk", "ie", "au") else "",
             f"Reported by: {c.doctor()}, Consultant Histopathologist" if loc != "in" else f"Dr {c.f.last_name()}, MD (Pathology)",
             f"Authorised: {c.d(signed, fmt_taken)} {c.t()}", ""]
    if addendum:
        ad = signed + dt.timedelta(days=r.randint(3, 14))
        body += ["", r.choice(["ADDENDUM", "Supplementary report", "SUPPLEMENTARY REPORT"]), f"Date issued: {c.d(ad, fmt_taken)}",
                 r.choice(["Levels examined at the request of the MDT; findings unchanged.", "Immunohistochemistry: findings support the diagnosis above.",
                           "The case was reviewed at the regional MDT meeting; diagnosis confirmed."]), f"{c.doctor()}", ""]
    if r.random() < 0.5:
        return doc(paginate(c, head[:2], head[2:] + body), "pathology", when)
    return doc(paginate(c, [], head + body), "pathology", when)


# --------------------------------------------------------------------------- history & physical

def hx_clerk(c, when=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS[:9])
    when = when or c.day()
    hdr = [f"{c.hospital()}", f"{c.name}  {c.ids[0][0]} {c.ids[0][1]}  DOB {c.dob_s()}", ""]
    title = r.choice(["MEDICAL ADMISSION CLERKING", "Admission clerking", "Acute Medical Unit - Admission Proforma", "Surgical admission"])
    prev = when - dt.timedelta(days=r.randint(200, 1500))
    body = [title, "", f"Date: {c.d(when)}   Time seen: {c.t()}   Seen by: Dr {c.f.last_name()} (CT1)", f"Source of referral: {r.choice(['ED', 'GP', '999'])}", "",
            f"PC: {cond['pc']}", "", "HPC:", "  " + cond["hpc"].format(n=r.randint(2, 6)), "",
            "PMH:", f"  {r.choice(['HTN', 'T2DM (diet)', 'AF on apixaban', 'Asthma'])}", f"  Previous admission {c.d(prev)} - {r.choice(['cellulitis', 'LRTI', 'fall'])}", "",
            "DH:"] + [f"  {m[0]} {m[1]} {m[3]}" for m in meds_pick(c, 3)] + [f"  Allergies: {r.choice(['NKDA', 'Penicillin - rash'])}", "",
                                                                            f"SH: {r.choice(['Lives alone, independent.', 'Lives with wife, mobile with stick.', 'Ex-smoker 20 pack-years. 10 units/week.'])}",
                                                                            f"FH: {r.choice(['Nil relevant.', 'Father MI aged 60.'])}", "", "O/E:", "  " + cond["exam"], "",
                                                                            "Impression:", f"  1. {cond['dx']}", "", "Plan:"] + [f"  - {p}" for p in ["Bloods, cultures, CXR", cond["tx"].split(".")[0], "VTE assessment done", "Escalation: for full escalation"]]
    body += ["", f"Dr {c.f.last_name()}  Bleep {r.randint(1000, 9999)}", ""]
    return doc(paginate(c, hdr, body), "history_physical", when)


def hx_au(c, when=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS[:9])
    when = when or c.day()
    body = [c.hospital(), r.choice(["ADMISSION NOTE", "Medical Admission History and Examination", "Admission - General Medicine"]), "",
            f"{c.last.upper()}, {c.first}  DOB {c.dob_s()}  {c.idline()}", f"Date of admission: {c.d(when, r.choice(['num', 'mon2']))}", "",
            "Presenting complaint:", cond["pc"], "", "History of presenting complaint:", cond["hpc"].format(n=r.randint(2, 6)), "",
            "Past history:", f"- {r.choice(['IHD - stents 2015', 'OSA on CPAP', 'Hypothyroidism'])}", f"- {r.choice(['Depression', 'GORD', 'Gout'])}", "",
            "Medications:"] + [f"- {m[0]} {m[1]} {m[2]}" for m in meds_pick(c, 3)] + ["", "Examination:", cond["exam"], "",
                                                                                          "Assessment:", cond["dx"], "", "Plan:"] + [f"- {p}" for p in cond["plan"][:2]] + ["",
                                                                                                                                                                        f"{c.doctor()} (Registrar)", ""]
    return doc(paginate(c, [], body, footer=r.choice([0, 4])), "history_physical", when)


def hx_in(c, when=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS)
    when = when or c.day()
    body = [c.hospital().upper(), "INITIAL ASSESSMENT / ADMISSION RECORD", "",
            f"Name: {c.name}   Age/Sex: {c.age}/{c.sex}   UHID: {c.ids[0][1]}   IP No: {c.ids[1][1]}", f"DOB: {c.dob_s()}   Date & time of admission: {c.d(when)} {c.t()}", "",
            "Chief Complaints:", f"  {cond['pc']} x {r.randint(2, 7)} days", "", "History of Present Illness:", "  " + cond["hpc"].format(n=r.randint(2, 6)), "",
            f"Past History: {r.choice(['K/c/o HTN x 5 yrs', 'K/c/o DM x 8 yrs on OHA', 'Not significant'])}", f"Personal History: {r.choice(['Mixed diet, no addictions', 'Smoker 10 bidis/day', 'Occasional alcohol'])}", "",
            "General Examination:", f"  Pallor -, Icterus -, Cyanosis -, Clubbing -, Oedema -", f"  PR {r.randint(70, 120)}/min, BP {r.randint(100, 150)}/{r.randint(60, 95)} mmHg, Temp {r.randint(980, 1030) / 10} F",
            "Systemic Examination:", "  CVS: S1S2+  RS: B/L AE+  P/A: Soft  CNS: NAD", "", f"Provisional Diagnosis: {cond['dx']}", "",
            "Plan: Admit, investigations as per protocol, treatment as advised.", "", f"Dr {c.f.last_name()} (Duty Medical Officer)", ""]
    return doc(paginate(c, [], body, footer=4), "history_physical", when)


def hx_ca(c, when=None, cond=None):
    r = c.r
    cond = cond or r.choice(CONDITIONS[:9])
    when = when or c.day()
    body = [c.hospital(), "", "ADMISSION HISTORY AND PHYSICAL", "", f"Patient: {c.last.upper()}, {c.first}   MRN {c.ids[0][1]}   DOB {c.d(c.dob, 'iso')}",
            f"Date of Admission: {c.d(when, 'longus')}", f"Admitting: {c.doctor()}", "",
            f"CHIEF COMPLAINT: {cond['pc'].capitalize()}.", "", "HISTORY OF PRESENT ILLNESS:", cond["hpc"].format(n=r.randint(2, 6)), "",
            "PAST MEDICAL HISTORY: " + r.choice(["Hypertension, dyslipidemia.", "Type 2 diabetes, CKD 3.", "COPD GOLD 3."]),
            "MEDICATIONS: " + ", ".join(f"{m[0]} {m[1]}" for m in meds_pick(c, 3)), "ALLERGIES: NKDA", "",
            "PHYSICAL EXAMINATION:", cond["exam"], "", "ASSESSMENT AND PLAN:", cond["dx"] + ".", *cond["plan"], "",
            f"Dictated: {c.d(when + dt.timedelta(days=1), 'iso')}", ""]
    return doc(paginate(c, [], body, footer=0), "history_physical", when)


# --------------------------------------------------------------------------- administrative

def ad_fax(c, when=None, pages=2, to=None):
    r = c.r
    when = when or c.day()
    frm = f"{c.f.last_name()} {r.choice(['Surgery', 'Medical Centre', 'Clinic', 'Radiology'])}"
    body = [frm, c.f.street_address(), f"Tel {c.f.phone_number()}  Fax {c.f.phone_number()}", "", r.choice(["FAX", "FACSIMILE TRANSMISSION", "Fax Cover Sheet"]), "",
            f"To: {to or c.doctor()}", f"Fax: {c.f.phone_number()}", f"From: {c.doctor()}", f"Date: {c.d(when)}", f"Pages (incl. cover): {pages}",
            f"Re: {c.name}  DOB {c.dob_s()}", "", r.choice(["Please find attached referral.", "Urgent - please see attached letter.", "Results as requested."]), "",
            "CONFIDENTIALITY: This fax contains confidential patient information intended only for the named recipient. If received in error please notify the sender and destroy.", ""]
    return doc(paginate(c, [], body, footer=4), "administrative", when)


def ad_consent(c, when=None, proc=None):
    r = c.r
    proc = proc or r.choice(PROCEDURES)
    when = when or c.day()
    body = [c.hospital(), c.trust(), "", r.choice(["CONSENT FORM 1", "Consent to Operation or Procedure", "PATIENT AGREEMENT TO INVESTIGATION OR TREATMENT", "INFORMED CONSENT"]), "",
            f"Patient: {c.name}   DOB: {c.dob_s()}   {c.idline()}", "", f"Proposed procedure: {proc['name']}",
            f"Type of anaesthesia: {proc['anaes']}", "", "Statement of health professional:", "Intended benefits: relief of symptoms, diagnosis.",
            f"Serious or frequently occurring risks: bleeding, infection, {r.choice(['bile leak', 'perforation (1 in 1000)', 'nerve injury', 'recurrence'])}, VTE, anaesthetic risks.",
            f"Signed: {c.doctor()}  Date: {c.d(when)}", "", "Statement of patient:", "I agree to the procedure described on this form.",
            f"Patient signature: ____________   Date: {c.d(when)}", "", f"Confirmation of consent (on day of procedure if signed in advance): Date: ________", "",
            f"Form ref: {c.f.bothify('CF/##/v#')}  Printed {c.d(when - dt.timedelta(days=r.randint(30, 400)), 'mon2')}", ""]
    return doc(paginate(c, [], body, footer=0), "administrative", when)


def ad_gp_referral(c, when=None, spec=None):
    r = c.r
    spec = spec or r.choice([x for x in SPECIALISTS if not (x == "Urology" and c.sex == "F")])
    dx, pc, _ = CLINIC_PROBLEMS[spec]
    when = when or c.day()
    gp = c.doctor()
    prac = f"{c.f.last_name()} {r.choice(['Surgery', 'Medical Centre', 'Family Practice', 'Health Centre'])}"
    body = [prac, c.f.street_address(), f"{c.city} {c.f.postcode()}", f"Tel: {c.f.phone_number()}", ""]
    body += [c.d(when, r.choice(["long", "num", "ord"])), "", f"The {spec} Department" if r.random() < 0.5 else f"{c.doctor()}, Consultant {spec}", c.hospital(), ""]
    body += [f"Dear {r.choice(['Colleague', 'Doctor', 'Dr ' + c.f.last_name()])},", "", f"Re: {c.name}, DOB {c.dob_s()}, {c.idline()}", f"    {c.addr}", "",
             f"I would be grateful if you could see this {c.age}-year-old {'man' if c.sex == 'M' else 'woman'} with {pc}. {r.choice(['Symptoms have persisted despite first-line treatment.', 'I am concerned about the progression over recent months.', 'The patient is keen for specialist opinion.'])}",
             "", "Past medical history:", f"  {r.choice(['Hypertension', 'Asthma', 'Osteoarthritis'])}", "", "Current medication:"] + [f"  {m[0]} {m[1]} {m[2]}" for m in meds_pick(c, 3)]
    body += ["", f"Allergies: {r.choice(['None known', 'Penicillin'])}", "", "Many thanks for your help.", "", "Yours sincerely,", "", gp, "General Practitioner", ""]
    return doc(paginate(c, [], body, footer=4), "administrative", when)


def ad_ref_form(c, when=None):
    r = c.r
    when = when or c.day()
    body = [r.choice([f"{c.hospital()} - Central Referral Intake", "REFERRAL FORM", f"{c.city} Community Services Referral"]), "",
            f"Referral date: {c.d(when, 'iso' if c.loc == 'ca' else None)}", f"Urgency: {r.choice(['Routine', 'Urgent', 'Semi-urgent (Category 2)'])}", "",
            "PATIENT DETAILS", f"Name: {c.name}", f"Date of birth: {c.dob_s() if c.loc != 'ca' else c.d(c.dob, 'iso')}", f"{c.idline()}", f"Phone: {c.phone}", "",
            "REFERRER", f"Name: {c.doctor()}", f"Provider/billing no: {c.f.bothify('######')}", "",
            f"Service requested: {r.choice(['Physiotherapy', 'Orthopaedic surgery', 'Diabetes education', 'Mental health'])}",
            f"Reason: {r.choice(['Knee osteoarthritis, failed conservative management', 'Newly diagnosed T2DM', 'Low mood, PHQ-9 16'])}", "",
            "[x] Patient consents to referral", f"Signature ____________  Date {c.d(when, 'iso' if c.loc == 'ca' else None)}", ""]
    return doc(paginate(c, [], body, footer=4), "administrative", when)


def ad_card(c, when=None):
    r = c.r
    exp = c.day(r.randint(300, 1500))
    loc = c.loc
    if loc == "au":
        body = ["medicare", "", f"{c.ids[1][1]}   1", f"{c.first.upper()} {c.last.upper()}", f"2 {c.f.first_name().upper()} {c.last.upper()}", "", f"VALID TO {exp.month:02d}/{exp.year}"]
    elif loc == "ca":
        body = ["Ontario  Health / Santé", "", f"{c.ids[1][1]}", f"{c.last.upper()}, {c.first.upper()}", f"BORN/NÉ(E) {c.d(c.dob, 'iso')}", f"ISS/DÉL {c.d(c.day(-r.randint(300, 900)), 'iso')}   EXP {c.d(exp, 'iso')}"]
    elif loc == "ie":
        body = ["Medical Card / Cárta Leighis", "Health Service Executive", "", f"Name: {c.name}", f"Card No: {c.f.bothify('#########?').upper()}", f"PPSN: {c.ids[1][1]}",
                f"Date of birth: {c.dob_s()}", f"Valid to: {c.d(exp)}", f"GP: {c.doctor()}"]
    elif loc == "in":
        ins = r.choice(["Star Health", "Niva Bupa", "HDFC ERGO", "Care Health"])
        body = [f"{ins} Insurance", "HEALTH INSURANCE E-CARD", "", f"Name: {c.name}", f"Policy No: {c.f.bothify('P/######/##/2024/######')}", f"Member ID: {c.f.bothify('##########')}",
                f"DOB: {c.dob_s()}   Gender: {c.sex}", f"Policy period: {c.d(c.day(-100))} to {c.d(c.day(265))}", f"TPA Helpline: {c.f.phone_number()}", "Cashless facility at network hospitals only."]
    else:
        body = [r.choice(["Global Health Insurance Card", "MEMBERSHIP CARD", "Southern Cross Health Insurance", "Medical Scheme Membership Card"]), "",
                f"Name: {c.name}", f"Membership no: {c.f.bothify('##########')}", f"Date of birth: {c.dob_s()}", f"Expiry: {c.d(exp)}", f"Plan: {r.choice(['Comprehensive', 'Hospital Plan', 'Wellbeing One'])}"]
    return doc(["\n".join(body) + "\n"], "administrative", None)


def ad_claim(c, when=None):
    r = c.r
    when = when or c.day()
    adm = when - dt.timedelta(days=r.randint(5, 30))
    ins = {"in": "Health Insurance TPA of India", "au": "Bupa HI Pty Ltd", "za": "Discovery Health Medical Scheme", "uk": "AXA Health", "ie": "Vhi Healthcare", "nz": "Southern Cross Health Insurance", "ca": "Sun Life Financial"}[c.loc]
    body = [ins.upper(), r.choice(["CLAIM FORM - PART A (to be filled by the insured)", "Claim form", "Member Reimbursement Claim", "Hospital Claim Form"]), "",
            "1. Details of primary insured", f"   Name: {c.f.name()}   Policy/Membership no: {c.f.bothify('##########')}", "",
            "2. Details of patient", f"   Name: {c.name}   DOB: {c.dob_s() if c.loc != 'ca' else c.d(c.dob, 'iso')}   Relationship: {r.choice(['Self', 'Spouse', 'Child'])}",
            f"   Address: {c.addr}", "", "3. Details of hospitalisation / treatment", f"   Hospital: {c.hospital()}", f"   Date of admission: {c.d(adm)}   Date of discharge: {c.d(adm + dt.timedelta(days=r.randint(1, 4)))}",
            f"   Diagnosis: {r.choice(CONDITIONS)['dx']}", "", "4. Claim details", f"   Total amount claimed: {r.randint(3000, 90000)}.00", "",
            "5. Declaration", "I declare that the information furnished is true and correct.", f"Place: {c.city}   Date: {c.d(when)}   Signature of insured: ________", ""]
    return doc(paginate(c, [], body, footer=0), "administrative", when)


def ad_registration(c, when=None):
    r = c.r
    when = when or c.day()
    body = [c.hospital().upper() if c.loc == "in" else f"{c.f.last_name()} Medical Practice",
            r.choice(["PATIENT REGISTRATION FORM", "New Patient Registration", "Family Doctor Services Registration", "OPD REGISTRATION / FACE SHEET"]), "",
            f"Registration date: {c.d(when)}", f"Surname: {c.last}   First name(s): {c.first}", f"Date of birth: {c.dob_s()}   Sex: {c.sex}", f"Address: {c.addr}",
            f"Phone: {c.phone}   Email: {c.f.email()}", f"{c.idline()}", f"Next of kin: {c.f.name()} ({r.choice(['spouse', 'son', 'daughter'])})  {c.f.phone_number()}",
            f"Previous GP: {c.doctor()}", "", "[ ] I consent to my records being transferred.", f"Signed ________  Date {c.d(when)}", ""]
    return doc(paginate(c, [], body, footer=4), "administrative", when)


# --------------------------------------------------------------------------- other

def ot_leaflet(c, when=None):
    r = c.r
    topic = r.choice([("Caring for your wound after surgery", ["Keep the dressing dry for 48 hours.", "You may shower after 2 days; pat the wound dry.", "Signs of infection: redness, swelling, pus or fever.", "Stitches are usually removed after 7-10 days at your GP practice."]),
                      ("Living with COPD", ["Stop smoking - ask us about support.", "Use your inhalers as prescribed and check your technique.", "Know your rescue pack plan.", "Keep active: pulmonary rehabilitation helps."]),
                      ("Warfarin: information for patients", ["Take warfarin at the same time every day.", "Keep your INR appointments.", "Tell us about any new medicines.", "Seek help for unusual bleeding or bruising."]),
                      ("Low FODMAP diet", ["Reduce foods high in fermentable carbohydrates for 4-6 weeks.", "Reintroduce foods one group at a time.", "Work with a dietitian."])])
    rev = c.day(-r.randint(100, 600))
    body = [c.trust() if c.loc in ("uk", "ie", "au") else c.hospital(), "", r.choice(["Information for patients", "Patient information leaflet", "PATIENT INFORMATION"]), "", topic[0], "",
            "What is this leaflet about?", f"This leaflet gives you information about {topic[0].lower()}.", ""] + [f"- {x}" for x in topic[1]]
    body += ["", "Contact us", f"Ward / clinic telephone: {c.f.phone_number()}", "", f"Leaflet ref: {c.f.bothify('PIL-####')}   Published: {MONTHS[rev.month - 1]} {rev.year}   Review due: {MONTHS[rev.month - 1]} {rev.year + 3}", ""]
    return doc(paginate(c, [], body, footer=r.choice([3, 4])), "other", None)


def ot_appt(c, when=None):
    r = c.r
    sent = when or c.day()
    ap = sent + dt.timedelta(days=r.randint(10, 60))
    body = [c.hospital(), r.choice(["Outpatient Appointments", "Central Booking Office", "Booking Centre"]), f"Tel {c.f.phone_number()}", "", c.d(sent, "long"), "",
            f"{c.title} {c.name}", c.addr, "", f"{c.idline()}   DOB {c.dob_s()}", "", f"Dear {c.title} {c.last},", "",
            f"An appointment has been made for you to attend the {r.choice(SPECIALISTS)} clinic.", "",
            f"Date:   {ap.strftime('%A')} {c.d(ap, 'ord')}", f"Time:   {r.randint(8, 16)}:{r.choice(['00', '15', '30', '45'])}", f"Clinic: {r.choice(['Outpatients Level 2', 'Clinic 4', 'OPD Block B'])}", "",
            "Please bring a list of your current medicines. If you cannot attend, please let us know so that the appointment can be offered to another patient.", "",
            "Yours sincerely,", "Appointments Team", ""]
    return doc(paginate(c, [], body, footer=4), "other", None)


def ot_diary(c, when=None):
    r = c.r
    start = when or c.day()
    kind = r.choice(["bp", "glucose", "symptom"])
    title = {"bp": "Home Blood Pressure Diary", "glucose": "BLOOD GLUCOSE RECORD", "symptom": "Headache / Symptom Diary"}[kind]
    body = [title, "", f"Name: {c.name}   DOB: {c.dob_s()}", ""]
    if kind == "bp":
        body += cols([["Date", "Morning", "Evening", "Notes"]], [14, 14, 14])
        for k in range(r.randint(7, 14)):
            d = start + dt.timedelta(days=k)
            body += cols([[c.d(d, "num"), f"{r.randint(120, 165)}/{r.randint(70, 98)}", f"{r.randint(118, 160)}/{r.randint(70, 95)}", r.choice(["", "", "headache", "forgot tablet"])]], [14, 14, 14])
    elif kind == "glucose":
        body += cols([["Date", "Before bkfst", "Before lunch", "Before dinner", "Bed"]], [14, 14, 14, 14])
        for k in range(r.randint(7, 14)):
            d = start + dt.timedelta(days=k)
            body += cols([[c.d(d, "num"), *(f"{r.randint(45, 160) / 10}" for _ in range(4))]], [14, 14, 14, 14])
    else:
        body += cols([["Date", "Severity 0-10", "Duration", "Trigger", "Medication"]], [14, 14, 10, 14])
        for k in sorted(r.sample(range(30), r.randint(6, 10))):
            d = start + dt.timedelta(days=k)
            body += cols([[c.d(d, "num"), str(r.randint(2, 9)), f"{r.randint(1, 12)}h", r.choice(["stress", "poor sleep", "none", "missed meal"]), r.choice(["paracetamol", "none", "ibuprofen"])]], [14, 14, 10, 14])
    body += ["", "Please bring this diary to your next appointment.", ""]
    return doc(paginate(c, [], body, footer=4), "other", None)


def ot_exercise(c, when=None):
    r = c.r
    body = [f"{c.f.last_name()} {r.choice(['Physiotherapy', 'Physio Clinic', 'Rehab Services'])}", "", "HOME EXERCISE PROGRAMME", "", f"Prepared for: {c.name}", f"Therapist: {c.f.name()}", ""]
    for i, (n, d) in enumerate(r.sample([("Quadriceps sets", "Tighten thigh muscle, hold 5 seconds. 10 reps, 3 times a day."),
                                         ("Straight leg raise", "Lift leg 20 cm, hold 3 seconds. 10 reps."), ("Pendulum", "Lean forward, swing arm in small circles for 30 seconds."),
                                         ("Bridging", "Lie on back, knees bent, lift hips. 10 reps."), ("Calf stretch", "Hold 30 seconds, 3 times each side."),
                                         ("Chin tucks", "Draw chin back, hold 5 seconds. 10 reps.")], 4), 1):
        body += [f"{i}. {n}", f"   {d}", ""]
    body += ["Stop any exercise that causes sharp pain.", "", f"Printed {c.d(c.day(), r.choice(['num', 'mon2']))}", ""]
    return doc(paginate(c, [], body, footer=4), "other", None)


# --------------------------------------------------------------------------- file plan

GEN = {
    "discharge_summary": {"uk": ds_nhs, "ie": ds_nhs, "au": ds_au, "nz": ds_au, "in": ds_in, "ca": ds_ca, "za": ds_za},
    "progress_note": {"uk": [pn_ward, pn_gp], "ie": [pn_ward, pn_gp], "au": pn_nursing, "nz": [pn_nursing, pn_gp], "in": pn_in, "ca": pn_ca, "za": pn_nursing},
    "radiology": {"uk": rad_nhs, "ie": rad_nhs, "au": rad_practice, "nz": rad_practice, "in": rad_in, "ca": rad_ca, "za": rad_practice},
    "laboratory": {"uk": lab_uk, "ie": lab_uk, "au": lab_au, "nz": lab_au, "in": lab_in, "ca": lab_ca, "za": lab_au},
    "operative_note": {"uk": [op_uk, op_endo], "ie": op_uk, "au": [op_endo, op_uk], "nz": op_endo, "in": op_in, "ca": op_ca, "za": op_uk},
    "consult": {"uk": cl_letter, "ie": cl_letter, "au": cl_letter, "nz": cl_letter, "in": cl_in, "ca": cl_ca, "za": cl_letter},
    "medication_list": {"uk": [ml_gp, ml_recon], "ie": ml_gp, "au": [ml_recon, ml_pharm], "nz": ml_pharm, "in": ml_in, "ca": ml_pharm, "za": ml_pharm},
    "bill": {"uk": bill_private, "ie": bill_private, "au": bill_au, "nz": bill_private, "in": [bill_in_ip, bill_in_op], "ca": bill_ca, "za": bill_za},
    "pathology": {k: hp_report for k in LOCALES},
    "history_physical": {"uk": hx_clerk, "ie": hx_clerk, "au": hx_au, "nz": hx_au, "in": hx_in, "ca": hx_ca, "za": hx_au},
    "administrative": {"uk": [ad_fax, ad_consent, ad_gp_referral, ad_card, ad_registration], "ie": [ad_gp_referral, ad_card, ad_consent],
                       "au": [ad_card, ad_ref_form, ad_claim, ad_gp_referral], "nz": [ad_gp_referral, ad_card, ad_fax], "in": [ad_card, ad_claim, ad_consent, ad_registration],
                       "ca": [ad_card, ad_ref_form, ad_fax], "za": [ad_claim, ad_card, ad_consent]},
    "other": {"uk": [ot_leaflet, ot_appt], "ie": [ot_appt, ot_leaflet], "au": [ot_diary, ot_exercise], "nz": [ot_diary, ot_leaflet], "in": ot_diary, "ca": ot_exercise, "za": ot_leaflet},
}

LOC_CYCLE = ["uk", "au", "in", "ie", "nz", "ca", "za", "uk", "au", "in", "uk", "ie"]


def single(c, typ):
    g = GEN[typ][c.loc]
    if isinstance(g, list):
        g = g[(c.idx // len(LOC_CYCLE) + c.idx) % len(g)]
    return [g(c)]


def b_in_bill_ds_card(c):
    adm = c.day()
    dis = adm + dt.timedelta(days=c.r.randint(3, 7))
    return [bill_in_ip(c, adm=adm, dis=dis), ds_in(c, adm=adm, dis=dis), ad_card(c)]


def b_fax_consult(c):
    when = c.day()
    fx = when + dt.timedelta(days=c.r.randint(3, 15))
    letter = cl_letter(c, when=when)
    cover = ad_fax(c, when=fx, pages=1 + len(letter["pages"]))
    allp = fax_stamp(c, cover["pages"] + letter["pages"], fx, f"{c.f.last_name()} clinic")
    cover["pages"], letter["pages"] = allp[:len(cover["pages"])], allp[len(cover["pages"]):]
    return [cover, letter]


def b_referral_lab(c):
    when = c.day()
    if c.loc in ("au", "nz"):
        ref = ad_ref_form(c, when=when)
        lab = lab_au(c, when=when + dt.timedelta(days=c.r.randint(1, 6)))
    else:
        ref = ad_gp_referral(c, when=when)
        lab = lab_uk(c, when=when - dt.timedelta(days=c.r.randint(2, 10)))
    return [ref, lab]


def b_consent_op_path(c):
    proc = c.r.choice([p for p in PROCEDURES if p["histo"] and "scopy" not in p["name"]])
    op_date = c.day()
    cons = ad_consent(c, when=op_date - dt.timedelta(days=c.r.randint(0, 20)), proc=proc)
    op = op_uk(c, when=op_date, proc=proc)
    hp = hp_report(c, when=op_date, proc=proc, addendum=True)
    return [cons, op, hp]


def b_hp_pn_ds(c):
    cond = c.r.choice(CONDITIONS[:9])
    adm = c.day()
    dis = adm + dt.timedelta(days=c.r.randint(3, 7))
    if c.loc in ("uk", "ie"):
        return [hx_clerk(c, when=adm, cond=cond), pn_ward(c, when=adm + dt.timedelta(days=1), adm=adm, cond=cond), ds_nhs(c, adm=adm, dis=dis, cond=cond)]
    return [hx_au(c, when=adm, cond=cond), pn_nursing(c, when=adm + dt.timedelta(days=2), adm=adm), ds_au(c, adm=adm, dis=dis, cond=cond)]


def b_rad_consult(c):
    when = c.day()
    return [rad_practice(c, when=when), cl_letter(c, when=when + dt.timedelta(days=c.r.randint(7, 40)))]


def b_ds_meds(c):
    adm = c.day()
    dis = adm + dt.timedelta(days=c.r.randint(2, 6))
    return [ds_au(c, adm=adm, dis=dis), ml_recon(c, when=adm, adm=adm)]


def b_in_lab_bill(c):
    when = c.day()
    return [bill_in_op(c, when=when), lab_in(c, when=when)]


def b_appt_leaflet(c):
    return [ot_appt(c), ot_leaflet(c)]


def b_op_path(c):
    proc = c.r.choice([p for p in PROCEDURES if p["histo"]])
    when = c.day()
    return [op_uk(c, when=when, proc=proc), hp_report(c, when=when, proc=proc)]


def b_fax_ref_rad(c):
    when = c.day()
    ref = ad_ref_form(c, when=when)
    rad = rad_ca(c, when=when + dt.timedelta(days=c.r.randint(5, 30)))
    fx = when + dt.timedelta(days=c.r.randint(31, 40))
    cover = ad_fax(c, when=fx, pages=1 + len(ref["pages"]) + len(rad["pages"]))
    allp = fax_stamp(c, cover["pages"] + ref["pages"] + rad["pages"], fx, "Intake")
    n1, n2 = len(cover["pages"]), len(ref["pages"])
    cover["pages"], ref["pages"], rad["pages"] = allp[:n1], allp[n1:n1 + n2], allp[n1 + n2:]
    return [cover, ref, rad]


def b_pn_meds(c):
    when = c.day(3)
    return [pn_ward(c, when=when), ml_gp(c, when=when - dt.timedelta(days=c.r.randint(1, 30)))]


BUNDLES = [("in", b_in_bill_ds_card), ("uk", b_fax_consult), ("au", b_referral_lab), ("uk", b_consent_op_path), ("ie", b_hp_pn_ds),
           ("nz", b_rad_consult), ("au", b_ds_meds), ("in", b_in_lab_bill), ("uk", b_appt_leaflet), ("za", b_op_path), ("ca", b_fax_ref_rad),
           ("ie", b_pn_meds), ("za", b_fax_consult)]

# singles: type order cycled so each type appears 5-6 times across locales
SINGLE_TYPES = (TYPES * 6)[:67]


def build():
    rng = random.Random(SEED)
    plan = [("single", t) for t in SINGLE_TYPES] + [("bundle", b) for b in BUNDLES]
    rng.shuffle(plan)
    files = []
    loc_i = 0
    for idx, (kind, what) in enumerate(plan, 1):
        if kind == "single":
            loc = LOC_CYCLE[loc_i % len(LOC_CYCLE)]
            loc_i += 1
            c = Ctx(idx, loc)
            docs = single(c, what)
        else:
            loc, fn = what
            c = Ctx(idx, loc)
            docs = fn(c)
        scanned = c.r.random() < 0.2
        pages, parts = [], []
        for d in docs:
            ps = [ocr_noise(c, p) for p in d["pages"]] if scanned else d["pages"]
            first = len(pages) + 1
            pages += ps
            parts.append(dict(first_page=first, last_page=len(pages), type=d["type"], date=d["date"]))
        files.append(dict(id=f"d-{idx:03d}", pages=pages, parts=parts, _loc=loc))
    return files


NUM_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])")


def check(files):
    seen = Counter()
    errs = []
    for f in files:
        nxt = 1
        for p in f["parts"]:
            assert p["first_page"] == nxt and p["last_page"] >= p["first_page"], f["id"]
            nxt = p["last_page"] + 1
            assert p["type"] in TYPES, p
            assert p["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", p["date"]), p
            seen[p["type"]] += 1
            text = "\n".join(f["pages"][p["first_page"] - 1:p["last_page"]])
            nums = [(int(m.group(1)), int(m.group(3))) for m in NUM_DATE.finditer(text)]
            if f["_loc"] in DAY_FIRST:
                if nums and not any(d > 12 for d, _ in nums):
                    errs.append((f["id"], p, nums))
                assert all(mo <= 12 for _, mo in nums), (f["id"], nums)
            else:
                assert not nums, (f["id"], nums)
            if p["date"]:
                d = dt.date.fromisoformat(p["date"])
                forms = {f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}", d.isoformat(), d.strftime("%Y/%m/%d"),
                         f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
                         f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}", f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}", f"{MONTHS[d.month - 1]} {d.day}, {d.year}"}
                if not any(x in text for x in forms):
                    errs.append(("own date not shown", f["id"], p))
        assert nxt == len(f["pages"]) + 1, f["id"]
    for e in errs:
        print("ERROR", e)
    assert not errs
    missing = [t for t in TYPES if seen[t] < 5]
    assert not missing, missing
    return seen


def main():
    files = build()
    seen = check(files)
    with OUT.open("w", encoding="utf-8") as fh:
        for f in files:
            fh.write(json.dumps({k: v for k, v in f.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
    nb = sum(1 for f in files if len(f["parts"]) > 1)
    print(f"{len(files)} files, {sum(seen.values())} documents, {nb} bundles, {sum(len(f['pages']) for f in files)} pages -> {OUT.name}")
    for t in TYPES:
        print(f"  {t:<18} {seen[t]}")
    if "-v" in sys.argv:
        print(Counter(f["_loc"] for f in files))


if __name__ == "__main__":
    main()
