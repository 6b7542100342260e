"""Deterministic generator of the dev2 split: a second tuned set of synthetic clinical records with gold PHI spans.

Run from the repository root:  python -m tests.deid_corpus.make_dev2

Everything here is invented: names, numbers and streets come from seeded `faker` instances (en_GB, en_AU,
en_NZ, en_IE, en_CA, en_US, with en_IN and en_NG names mixed into the staff), towns and facilities are
composed from faker names and word tables. No real person is described. Each patient has one locale and a
record of 3 to 6 notes in twelve genres written the way those countries write them (A&E triage, GP referral,
discharge letter to the GP, SBAR handover, operation note, physio/OT, medicines reconciliation, community or
mental-health visit, outpatient letter, paramedic handover, lab/microbiology header, telephone log).

Template language: "{KEY}" is a placeholder. UPPER-CASE keys are PHI and render as labelled spans (cue words
such as "Dr ", "NHS No: " or "bleep " are written unlabelled beside them); lower-case keys are clinical
look-alikes and locale vocabulary that must stay unlabelled (pressures, doses, scores, times, eponyms, "A&E").
Tags before an alternative restrict it: "C|" Commonwealth locales (GB, AU, NZ, IE), "N|" Canada and the US,
"H|" care-home residents, "X|" everyone else, "M|" the mental-health record, "P|" the others.
Offsets are recorded while the text is written, never searched for; a whole note may then be upper- or
lower-cased, which keeps every offset (all text is ASCII).
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from faker import Faker
from faker.providers.person.en_IE import Provider as IrishNames

SEED = 2_024_117
N_PATIENTS = 45
HERE = Path(__file__).resolve().parent
OUT = HERE / "dev2.jsonl"
LOCALES = ("en_GB", "en_AU", "en_NZ", "en_IE", "en_CA", "en_US")
COMMONWEALTH = ("en_GB", "en_AU", "en_NZ", "en_IE")
GENRES = ("gp_referral", "ambulance", "triage", "med_rec", "lab_report", "op_note", "handover", "therapy",
          "discharge_letter", "community_visit", "clinic_letter", "phone_log")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = (("Mon", "Monday"), ("Tues", "Tuesday"), ("Wed", "Wednesday"), ("Thurs", "Thursday"), ("Fri", "Friday"),
            ("Sat", "Saturday"), ("Sun", "Sunday"))
NA_WORDS = {"GTN": "NTG", "aspirin 300mg": "ASA 324mg", "salbutamol": "albuterol", "paracetamol": "acetaminophen", "Zimmer frame": "walker",
            "faecal": "fecal", "oesophag": "esophag", "haemo": "hemo", "Haemo": "Hemo"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")

# ---------------------------------------------------------------------------------------------------------
# word tables (no PHI: only fragments from which invented places are composed)

APOSTROPHE_NAMES = [n for n in IrishNames.last_names if "'" in n and n.isascii()]
MAC_NAMES = [n for n in IrishNames.last_names if n.startswith(("Mc", "Mac")) and " " not in n and n.isascii()]
SYLLABLES = ["Ash", "Brom", "Cald", "Dun", "Elm", "Fen", "Gorm", "Hal", "Ket", "Lang", "Mar", "Nether", "Ock", "Pen",
             "Rad", "Shel", "Thorn", "Wad", "Ald", "Brad", "Chil", "Hart", "Lin", "Mel", "Cor", "Tal", "Wen", "Bram"]
TOWN_SUFFIX = {
    "en_GB": ["ton", "ham", "bury", "ley", "field", "worth", "by", "ford", "wick", "stow", "combe", "minster", " Green",
              " Heath", "bridge"],
    "en_AU": ["vale", "dale", "wood", " Heights", " Park", " Creek", " Downs", "ville", " Flat", " Plains", "ton"],
    "en_NZ": ["burn", " Bay", " Flat", "dale", "ton", " Downs", "field", " Valley"],
    "en_IE": ["town", "more", "bridge", "ford", "more", "ane", "ville"],
    "en_CA": ["ville", " Falls", " Mills", "brook", "ton", " Station", " Lake", " Crossing", "dale"],
    "en_US": ["ville", " Springs", "burg", "ton", " City", " Falls", " Junction", "port", " Lake"],
}
IRISH_TOWN_HEAD = ["Bally", "Kil", "Clon", "Rath", "Carrig", "Castle", "Drum", "Ennis", "Knock", "Lis", "Tober"]
IRISH_TOWN_TAIL = ["more", "beg", "connell", "garry", "keel", "ross", "mena", "derry", "lin", "curra", "duff", "anure"]
HOME_WORDS = ["Rosebank", "Heatherlea", "Oakleigh", "Fernhill", "Larchwood", "Brambles", "Wattle Grove", "Kowhai",
              "Birchfield", "Hollybank", "Marigold", "Seaview", "Cedarwood", "Lavender Hill", "Primrose", "Willowmere",
              "Totara", "Karaka", "Bluegum", "Ironbark", "Juniper", "Hawthorn", "Maplewood", "Sycamore", "Riverside",
              "Meadowbank", "Kingfisher", "Bellbird", "Heron Court", "Applegarth", "Foxglove", "Silverbirch"]
SAINTS = ["Brigid", "Columba", "Finbarr", "Kevin", "Dympna", "Brendan", "Oliver", "Ita", "Enda", "Cuthbert", "Aidan",
          "Hilda", "Gerard", "Bernadette", "Vincent", "Monica", "Stephen", "Luke", "Anne", "Benedict"]
STOP_ABBR = {"GCS", "ECG", "CXR", "ICU", "HDU", "CCU", "AMU", "MAU", "SAU", "OPD", "GPS", "CTG", "ABG", "NEWS", "TIA",
             "UTI", "CRP", "ENT", "OT", "PT", "MDT", "GP", "RN", "SN", "VBG", "SHO", "DNR", "CPR", "NOK", "ATS", "NHI",
             "PPI", "ACE", "GMC", "FBC", "LFT", "ESR", "RMO", "HCA", "PEG", "NIV", "MSU", "ICD", "CAD", "PCP", "ED", "ER"}
NICKS = {"Margaret": "Mags", "Barbara": "Babs", "Beverley": "Bev", "Sharon": "Shaz", "Gary": "Gaz", "Barry": "Bazza",
         "David": "Davo", "Kathleen": "Kath", "Katherine": "Kate", "Janet": "Jan", "Janice": "Jan", "Susan": "Sue",
         "Robert": "Bob", "James": "Jimmy", "Anthony": "Tony", "Patrick": "Paddy", "Patricia": "Trish", "Terence": "Terry",
         "Kenneth": "Ken", "Leonard": "Len", "Ronald": "Ron", "Reginald": "Reg", "Valerie": "Val", "Vivienne": "Viv",
         "Christine": "Chrissy", "Nicola": "Nicky", "Alexander": "Sandy", "Samantha": "Sam", "Josephine": "Jo",
         "Stephanie": "Steph", "Rebecca": "Becca", "Natasha": "Tash", "Gerard": "Gerry", "Michael": "Mick",
         "Dorothy": "Dot", "Elizabeth": "Lizzie", "William": "Billy", "Thomas": "Tommo", "Jacqueline": "Jackie",
         "Frederick": "Fred", "Geoffrey": "Geoff", "Benjamin": "Ben", "Joanne": "Jo", "Deborah": "Debs", "Shane": "Shano",
         "Daniel": "Danny", "Matthew": "Matty", "Andrew": "Andy", "Christopher": "Kit", "Philip": "Phil", "Lynette": "Lyn",
         "Gillian": "Gill", "Pamela": "Pam", "Maureen": "Mo", "Bernard": "Bernie", "Eileen": "Ei", "Judith": "Jude"}

# ---------------------------------------------------------------------------------------------------------
# locale tables: vocabulary (unlabelled), phone and identifier formats

VOCAB = {
    "en_GB": dict(ed=["A&E", "ED", "A+E"], gp=["GP"], jr=["SHO", "FY1", "F2", "CT1"], reg=["registrar", "SpR", "reg"],
                  cons=["consultant"], mum=["mum"], dad=["dad"], nan=["nan", "nana"], emerg=["999"],
                  amb=["ambulance crew", "paramedics", "crew"], triage=["MTS cat 2 (orange)", "Manchester Triage 3 (yellow)", "MTS 3", "MTS orange"],
                  ews=["NEWS2"], painrx=["co-codamol 30/500 2 QDS", "paracetamol 1g QDS", "Oramorph 2.5-5mg PRN", "codeine 30mg QDS"],
                  care=["package of care QDS", "carers x3 daily", "PoC BD", "no package of care"], carehome=["nursing home", "care home", "resi home"],
                  nurse=["SN", "Staff Nurse", "Sister", "Charge Nurse"], aide=["HCA"], gluc=["BM"], tempu=[""],
                  gpcred=["MRCGP", "MBChB MRCGP", "MBBS DRCOG"], surgcred=["FRCS", "FRCS (Tr & Orth)", "FRCS (Gen Surg)"],
                  physcred=["FRCP", "MRCP"], rncred=["RGN", "RN"], ptcred=["MCSP", "HCPC PH123456"], otcred=["OT", "BSc OT"],
                  paracred=["Paramedic", "Specialist Paramedic"], pharmcred=["MPharm", "MRPharmS"], cpncred=["RMN", "CPN"],
                  microcred=["FRCPath"], labtitle=["Department of Microbiology"], reg_no=["GMC"]),
    "en_AU": dict(ed=["ED", "Emergency"], gp=["GP", "LMO"], jr=["RMO", "intern", "HMO"], reg=["registrar", "reg"],
                  cons=["consultant", "VMO"], mum=["mum"], dad=["dad"], nan=["nan", "nanna"], emerg=["000"],
                  amb=["paramedics", "ambos", "QAS crew", "crew"], triage=["ATS 3", "ATS cat 2", "ATS 4"], ews=["ADDS"],
                  painrx=["Panadol Osteo 1330mg TDS", "Endone 5mg PRN", "Targin 10/5 BD", "paracetamol 1g QID"],
                  care=["Home Care Package level 2", "HCP L3, cleaning fortnightly", "no community services", "Meals on Wheels"],
                  carehome=["RACF", "aged care facility", "hostel"], nurse=["RN", "EN", "CN", "NUM"], aide=["AIN", "PCA"],
                  gluc=["BSL"], tempu=[""], gpcred=["FRACGP", "MBBS FRACGP"], surgcred=["FRACS"],
                  physcred=["FRACP"], rncred=["RN", "RN BN"], ptcred=["Physiotherapist", "BPhty"], otcred=["Occupational Therapist", "BOccThy"],
                  paracred=["Paramedic", "ICP"], pharmcred=["BPharm"], cpncred=["CMHN", "RN MHN"], microcred=["FRCPA"],
                  labtitle=["Pathology - Microbiology"], reg_no=["AHPRA MED00"]),
    "en_NZ": dict(ed=["ED", "Emergency Dept"], gp=["GP"], jr=["house officer", "HO", "RMO"], reg=["registrar", "reg"],
                  cons=["SMO", "consultant"], mum=["mum"], dad=["dad"], nan=["nana", "nan"], emerg=["111"],
                  amb=["ambulance crew", "paramedics", "crew"], triage=["ATS 3", "Triage 2", "ATS cat 3"], ews=["EWS"],
                  painrx=["paracetamol 1g QID", "Sevredol 5mg PRN", "tramadol 50mg QID PRN", "ibuprofen 400mg TDS"],
                  care=["home help fortnightly", "NASC assessed, personal cares BD", "no supports"], carehome=["rest home", "hospital-level care"],
                  nurse=["RN", "CN", "CNS"], aide=["HCA"], gluc=["BGL"], tempu=[""], gpcred=["FRNZCGP"],
                  surgcred=["FRACS"], physcred=["FRACP"], rncred=["RN"], ptcred=["Physiotherapist", "NZRP"], otcred=["OT", "NZROT"],
                  paracred=["Paramedic", "ICP"], pharmcred=["BPharm"], cpncred=["RN (MH)", "Key Worker"], microcred=["FRCPA"],
                  labtitle=["Community Laboratory - Microbiology"], reg_no=["MCNZ"]),
    "en_IE": dict(ed=["ED", "A&E"], gp=["GP"], jr=["SHO", "intern", "NCHD"], reg=["registrar", "SpR", "reg"],
                  cons=["consultant"], mum=["mam", "mum"], dad=["dad", "da"], nan=["nana", "granny"], emerg=["112"],
                  amb=["ambulance crew", "paramedics", "crew"], triage=["MTS 2 (orange)", "Manchester Triage cat 3", "MTS 3 yellow"],
                  ews=["INEWS"], painrx=["Solpadol 30/500 2 QDS", "paracetamol 1g QDS", "Difene 75mg BD", "Oxynorm 5mg PRN"],
                  care=["home help 1hr mornings", "home care package 10 hrs/wk", "no home supports"], carehome=["nursing home", "long-stay unit"],
                  nurse=["SN", "Staff Nurse", "CNM", "CNM2"], aide=["HCA"], gluc=["BM", "BSL"], tempu=[""],
                  gpcred=["MICGP", "MB BCh BAO MICGP"], surgcred=["FRCSI"], physcred=["FRCPI"], rncred=["RGN", "RANP"],
                  ptcred=["MISCP", "Senior Physiotherapist"], otcred=["OT", "Senior OT"], paracred=["Paramedic", "AP"],
                  pharmcred=["MPSI"], cpncred=["CMHN", "CNS MH"], microcred=["FRCPath"], labtitle=["Microbiology Laboratory"],
                  reg_no=["IMC"]),
    "en_CA": dict(ed=["ER", "ED", "emerg"], gp=["family doctor", "FP", "GP"], jr=["resident", "R2", "clerk"],
                  reg=["senior resident", "R4", "fellow"], cons=["staff physician", "attending"], mum=["mom", "mum"], dad=["dad"],
                  nan=["grandma", "granny"], emerg=["911"], amb=["EMS", "paramedics", "medics"], triage=["CTAS 2", "CTAS 3", "CTAS 4"],
                  ews=["NEWS"], painrx=["Tylenol #3 1-2 tabs q4h PRN", "acetaminophen 650 mg q6h", "hydromorphone 1 mg PO q4h PRN"],
                  care=["home care (PSW) BID", "CCAC/home and community care 2x/wk", "no home care"],
                  carehome=["LTC", "retirement home", "long-term care home"], nurse=["RN", "RPN", "charge nurse"], aide=["PSW"],
                  gluc=["CBG", "glucometer"], tempu=[""], gpcred=["MD CCFP", "CCFP"], surgcred=["MD FRCSC"],
                  physcred=["MD FRCPC"], rncred=["RN", "RPN"], ptcred=["PT", "Reg. PT"], otcred=["OT Reg. (Ont.)", "OT"],
                  paracred=["PCP", "ACP"], pharmcred=["RPh", "BScPharm"], cpncred=["RN, mental health", "case manager"],
                  microcred=["MD FRCPC"], labtitle=["Laboratory Medicine - Microbiology"], reg_no=["CPSO #"]),
    "en_US": dict(ed=["ER", "ED"], gp=["PCP", "primary care doctor"], jr=["resident", "intern", "PGY-2"],
                  reg=["senior resident", "fellow"], cons=["attending"], mum=["mom"], dad=["dad"], nan=["grandma"], emerg=["911"],
                  amb=["EMS", "medics", "EMS crew"], triage=["ESI 2", "ESI 3", "ESI level 3"], ews=["MEWS"],
                  painrx=["Norco 5/325 q6h PRN", "Percocet 5/325 1 tab q4h PRN", "Tylenol 650 q6h", "tramadol 50 q6h PRN"],
                  care=["home health 2x/wk", "VNA for wound care", "no services"], carehome=["SNF", "assisted living", "nursing facility"],
                  nurse=["RN", "LPN", "charge RN"], aide=["CNA"], gluc=["FSBG", "POC glucose"], tempu=["F"],
                  gpcred=["MD", "DO"], surgcred=["MD, FACS"], physcred=["MD"], rncred=["RN", "BSN, RN"], ptcred=["PT, DPT", "DPT"],
                  otcred=["OTR/L"], paracred=["EMT-P", "Paramedic"], pharmcred=["PharmD", "RPh"], cpncred=["RN, BC", "LCSW"],
                  microcred=["MD", "PhD, D(ABMM)"], labtitle=["Clinical Microbiology Laboratory"], reg_no=["NPI"]),
}

PHONES = {  # pattern() tokens: '#' any digit, '@' 2-9, '%' an area code from AREAS
    "en_GB": (["07700 900###", "07@## ######", "07@########", "+44 7@## ######", "07@## ### ###"],
              ["01@## @#####", "0113 496 0###", "(01@##) @#####", "020 7946 0###", "0161 496 0###", "01@## @## ###"]),
    "en_AU": (["04## ### ###", "04########", "+61 4## ### ###", "0491 570 ###"], ["(0%) @### ####", "0% @### ####", "(0%) @#######"]),
    "en_NZ": (["021 ### ####", "027 ### ####", "022 ### ####", "021#######", "027-###-####"], ["(03) @## ####", "09-@## ####", "(04) @## ####", "03 @## ####", "07 @## ####"]),
    "en_IE": (["087 ### ####", "086-#######", "085 #######", "+353 87 ### ####", "083 ### ####"], ["(01) @## ####", "021 @## ####", "091-@#####", "(061) @#####"]),
    "en_CA": (["(%) @##-####", "%-@##-####", "% @## ####", "%.@##.####"], ["(%) @##-####", "%-@##-####", "1-%-@##-####", "% @##-####"]),
    "en_US": (["(%) @##-####", "%-@##-####", "%.@##.####", "% @## ####"], ["(%) @##-####", "%-@##-####", "+1 %-@##-####", "(%)@##-####"]),
}
AREAS = {"en_AU": ["2", "3", "7", "8"], "en_CA": ["416", "613", "705", "519", "604", "250", "403", "780", "902", "204", "506", "709"],
         "en_US": ["614", "330", "419", "513", "502", "317", "412", "920", "608", "262", "214", "505", "207", "802"]}

# ---------------------------------------------------------------------------------------------------------
# clinical scenarios (no PHI): give each record one story so its notes agree

SCENARIOS = [
    dict(key="nof", ages=(70, 110), dept="Orthogeriatric Medicine",
         complaint="fall at home, unable to weight bear, L leg shortened and externally rotated",
         story="found on the floor by the bed, long lie ~{dur_h}h", dx="left intracapsular #NOF (Garden IV)",
         pmh="AF on apixaban, T2DM, mild cognitive impairment, Parkinson's disease",
         spec="orthogeriatric", op="left hemiarthroplasty (cemented)", approach="lateral (Hardinge) approach",
         find="displaced subcapital fracture, good bone stock",
         close="Vicryl 1 to fascia, 2-0 Vicryl subcut, clips to skin",
         treat="splinted, methoxyflurane (Penthrox), morphine 5mg IV", specimen="MSU",
         microscopy="WBC >100 x10^6/L, RBC 10-100, epithelial cells +",
         culture="Escherichia coli >10^8 cfu/L",
         sens="amoxicillin R, co-amoxiclav S, nitrofurantoin S, trimethoprim R, gentamicin S",
         goal="mobilising with a Zimmer frame, full weight bearing",
         community="Hip wound healed, clips removed today. Mobilising indoors with frame, no falls since "
                   "discharge."),
    dict(key="chole", ages=(25, 95), dept="General Surgery", complaint="RUQ pain and vomiting x2 days, rigors",
         story="pain after a fatty meal, now constant", dx="acute calculous cholecystitis",
         pmh="obesity (BMI 36), GORD, hypertension", spec="general surgical",
         op="laparoscopic cholecystectomy",
         approach="4-port laparoscopic, Hasson open entry at umbilicus",
         find="thick-walled inflamed gallbladder (Murphy's sign positive pre-op), critical view of safety "
              "achieved",
         close="0 PDS to umbilical sheath, 3-0 Monocryl subcuticular",
         treat="paracetamol 1g IV, ondansetron 4mg IV", specimen="bile",
         microscopy="pus cells ++, gram negative bacilli", culture="moderate growth of Klebsiella pneumoniae",
         sens="co-amoxiclav S, ceftriaxone S, gentamicin S, amoxicillin R (intrinsic)",
         goal="independent on the flat and one flight of stairs",
         community="Port sites clean and dry, eating a light diet, bowels open."),
    dict(key="divert", ages=(40, 95), dept="Colorectal Surgery", complaint="LIF pain, fever, rigid abdomen",
         story="3 days of worsening left-sided abdominal pain",
         dx="perforated sigmoid diverticulitis (Hinchey III)", pmh="diverticular disease, COPD, previous TIA",
         spec="colorectal", op="laparotomy and Hartmann's procedure",
         approach="midline laparotomy, Lloyd Davies position",
         find="purulent peritonitis, perforated sigmoid, no faecal contamination",
         close="loop 1 PDS mass closure, clips; end colostomy LIF",
         treat="morphine 5mg IV, ondansetron 4mg, 500ml fluids", specimen="peritoneal fluid",
         microscopy="pus cells +++, gram negative bacilli and gram positive cocci",
         culture="Bacteroides fragilis and E. coli (mixed)",
         sens="metronidazole S, co-amoxiclav S, ceftriaxone S",
         goal="walking with one stick and independent with stoma care",
         community="Stoma pink and healthy, brown soft output, bag changed with {NOKREL} watching. Midline "
                   "wound healing, clips out."),
    dict(key="urosepsis", ages=(60, 110), dept="Urology", complaint="confusion, fever, reduced oral intake",
         story="increasingly muddled over 48h, off legs",
         dx="obstructed infected left kidney (6mm VUJ stone) with urosepsis",
         pmh="CKD 3b, hypertension, osteoarthritis", spec="urology",
         op="rigid cystoscopy and insertion of left JJ stent", approach="lithotomy, retrograde study",
         find="pus from the left ureteric orifice on stent insertion", close="Foley 16Fr left in situ",
         treat="IV fluids 500ml, paracetamol 1g IV, cannula L ACF", specimen="urine (catheter)",
         microscopy="WBC >100 x10^6/L, RBC >100", culture="Proteus mirabilis >10^8 cfu/L",
         sens="co-amoxiclav S, ciprofloxacin S, nitrofurantoin R (intrinsic)",
         goal="transferring with one assist and walking 20m with a frame",
         community="Catheter removed, passing urine, no fevers. Stent removal date awaited."),
    dict(key="copd", ages=(55, 95), dept="Respiratory Medicine", room="Respiratory procedure room",
         complaint="SOB, wheeze, increased green sputum",
         story="unable to finish sentences, used inhaler x10 today",
         dx="infective exacerbation of COPD with left pneumothorax",
         pmh="COPD (FEV1 38%), ex-smoker 50 pack-years, anxiety", spec="respiratory",
         op="insertion of left intercostal chest drain (Seldinger, 12Fr)",
         approach="triangle of safety, 5th ICS mid-axillary line",
         find="rush of air, drain swinging and bubbling", close="drain sutured with 1-0 silk, Opsite dressing",
         treat="salbutamol/ipratropium nebs x2, hydrocortisone 200mg IV",
         specimen="sputum", microscopy="pus cells +++, gram negative coccobacilli",
         culture="Haemophilus influenzae (heavy growth)", sens="amoxicillin S, doxycycline S, co-amoxiclav S",
         goal="walking 30m on 2L oxygen and stairs with a rest",
         community="SOB on exertion only, using nebs BD, sats {sats} on air. Rescue pack in date."),
    dict(key="stroke", ages=(45, 110), dept="Stroke Medicine", room="Neuro IR suite",
         complaint="sudden R arm weakness and slurred speech",
         story="last seen well at {time}, found by family", dx="left MCA ischaemic stroke",
         pmh="hypertension, hypercholesterolaemia, smoker", spec="stroke",
         op="mechanical thrombectomy (left M1)",
         approach="right femoral access, 8Fr sheath, stent retriever x2 passes",
         find="TICI 2b reperfusion", close="Angio-Seal to femoral puncture",
         treat="O2 to 94%, glucose checked, FAST positive, pre-alert", specimen="blood cultures x2",
         microscopy="not applicable", culture="no growth after 5 days", sens="not applicable",
         goal="sitting to standing with one assist, dysphasia under SLT",
         community="Speech improving, word-finding difficulty persists. R arm power {power}. Attending "
                   "outpatient therapy."),
    dict(key="nstemi", ages=(45, 100), dept="Cardiology", room="Cath lab 2",
         complaint="central chest pain radiating to jaw, sweaty",
         story="pain started at rest, lasted 40 minutes", dx="NSTEMI",
         pmh="T2DM, hypertension, previous smoker, family hx IHD", spec="cardiology",
         op="coronary angiogram and PCI to proximal LAD (1 DES)", approach="right radial access, 6Fr",
         find="90% proximal LAD stenosis, minor disease in the RCA", close="TR band to radial site",
         treat="GTN x2, aspirin 300mg, 12-lead to hospital", specimen="blood cultures x2",
         microscopy="not applicable", culture="no growth at 48h (provisional)", sens="not applicable",
         goal="independent on stairs and referred to cardiac rehab",
         community="No further chest pain, GTN spray not used. Radial site healed. Taking DAPT."),
    dict(key="selfharm", ages=(18, 70), dept="Plastic Surgery (Hand Unit)",
         complaint="deliberate self-harm, deep laceration L forearm, reported OD of sertraline",
         story="argument at home, took 28 x sertraline 100mg and cut forearm with a kitchen knife",
         dx="self-harm with L forearm laceration (FCR tendon)",
         pmh="recurrent depressive disorder, previous overdose, alcohol misuse",
         spec="liaison psychiatry",
         op="exploration and repair of L forearm laceration, FCR tendon repair",
         approach="regional block, tourniquet 250mmHg", find="80% division of FCR, median nerve intact",
         close="4-0 Prolene interrupted, volar slab", treat="pressure dressing, arm elevated, IV access",
         specimen="wound swab", microscopy="gram positive cocci in clusters",
         culture="Staphylococcus aureus (MSSA)", sens="flucloxacillin S, clindamycin S, doxycycline S",
         goal="independent, in a volar splint for 4/52 with hand therapy follow-up",
         community="MSE: kempt, good rapport, mood 'low', affect reactive, no psychotic features, denies "
                   "current SI/intent. {score}. Sleep poor, drinking ~{n} cans/day. Risk: moderate; protective "
                   "factors {his} {REL2REL} {REL2F} and the dog."),
    dict(key="cellulitis", ages=(18, 110), dept="General Medicine", complaint="red hot swollen R leg, fever",
         story="started as a scratch from gardening, spreading over 3 days",
         dx="R lower leg cellulitis with abscess",
         pmh="T2DM (HbA1c 78), obesity, venous insufficiency, Baker's cyst R knee",
         spec="general medical", op="incision and drainage of R calf abscess",
         approach="under GA, elliptical incision", find="40ml pus, loculations broken down",
         close="packed with Aquacel, left open", treat="paracetamol 1g, IV access, leg elevated",
         specimen="pus swab", microscopy="pus cells +++, gram positive cocci in chains",
         culture="Streptococcus pyogenes (group A)", sens="penicillin S, clindamycin S, erythromycin R",
         goal="walking with 2 sticks, leg elevated when sitting",
         community="Wound R calf {n}x{n}cm, sloughy base, moderate exudate, no odour. Dressed with Aquacel + "
                   "Mepilex. {gluc} {gluc_v}."),
]

# ---------------------------------------------------------------------------------------------------------
# clinical look-alikes (unlabelled): each call returns a fresh value


def lookalikes(rng: random.Random, loc: str) -> dict:
    R, C = rng.randint, rng.choice
    us = loc == "en_US"
    return {
        "bp": lambda: f"{R(88, 178)}/{R(46, 98)}", "hr": lambda: str(R(52, 128)), "rr": lambda: str(R(12, 32)),
        "sats": lambda: f"{R(86, 100)}%", "o2": lambda: C(["RA", "room air", "2L NP", "4L NC", "28% Venturi", "15L NRB", "HFNO 40L/40%", "2L nasal prongs"]),
        "temp": lambda: f"{R(970, 1032) / 10:.1f}" if us else f"{R(355, 394) / 10:.1f}",
        "gcs": lambda: C(["15/15", "14/15", "E4V4M6", "13", "15", "E3V4M6 (13/15)"]), "pain": lambda: f"{R(0, 10)}/10",
        "power": lambda: f"{R(2, 5)}/5", "time": lambda: C([f"{R(0, 23):02d}{C(['00', '10', '20', '35', '45', '50'])}",
                                                            f"{R(0, 23):02d}:{C(['05', '15', '20', '40', '55'])}", f"{R(1, 12)}.{C(['15', '30', '45'])}{C(['am', 'pm'])}",
                                                            f"{R(0, 23):02d}{C(['00', '30'])}h", f"{R(1, 12)}{C(['am', 'pm', 'pm'])}"]),
        "dur_h": lambda: str(R(2, 14)), "weeks": lambda: C(["2/52", "6/52", "3/12", "4/7", "10/7", "6 weeks", "3 months", "2-3 days"]),
        "ews_v": lambda: str(R(0, 9)), "gluc_v": lambda: str(R(80, 290)) if us else f"{R(40, 190) / 10:.1f}",
        "hb": lambda: str(R(78, 152)) if not us else f"{R(78, 152) / 10:.1f}", "wcc": lambda: f"{R(40, 260) / 10:.1f}",
        "crp": lambda: str(R(5, 340)), "na": lambda: str(R(124, 146)), "k": lambda: f"{R(31, 61) / 10:.1f}",
        "creat": lambda: str(R(60, 310)) if not us else f"{R(7, 35) / 10:.1f}", "egfr": lambda: str(R(18, 89)),
        "inr": lambda: f"{R(9, 38) / 10:.1f}", "lact": lambda: f"{R(9, 62) / 10:.1f}", "trop": lambda: str(R(8, 2400)),
        "sched": lambda: C(["1-0-1", "1-1-1-1", "0-0-1", "0.5-0-0.5", "1-0-0", "2-0-2", "1-1-1"]),
        "combo": lambda: C(["co-codamol 30/500", "co-codamol 8/500", "Norco 5/325", "Percocet 5/325", "Targin 10/5", "Sinemet 25/100",
                            "Madopar 62.5", "co-careldopa 12.5/50", "Combivent 0.5/2.5", "Kapake 30/500", "co-amilofruse 5/40"]),
        "anticoag": lambda: C(["enoxaparin 40mg SC OD", "apixaban withheld pre-op", f"warfarin held, INR {R(15, 40) / 10:.1f}",
                               "heparin infusion per APTT ratio", "Clexane 1.5mg/kg OD", "DOAC restarted day 2"]),
        "drug": lambda: C(["apixaban 5mg BD", "bisoprolol 2.5mg OD", "ramipril 5mg OD", "metformin 1g BD", "atorvastatin 40mg nocte",
                           "Madopar 125mg TDS", "Sinemet 25/100 QDS", "sertraline 100mg OD", "mirtazapine 15mg nocte", "Eliquis 2.5mg BD",
                           "Xarelto 20mg", "furosemide 40mg mane", "omeprazole 20mg", "Adcal-D3 1 tab BD", "Movicol 1 sachet BD",
                           "Fortisip BD", "levothyroxine 100mcg", "amlodipine 5mg", "Keppra 500mg BD", "tiotropium 18mcg",
                           "Seretide 250 2 puffs BD", "salbutamol PRN", "insulin glargine 22 units nocte", "zopiclone 7.5mg nocte",
                           "olanzapine 10mg nocte", "lithium 400mg nocte (level 0.7)", "clopidogrel 75mg", "aspirin 75mg"]),
        "abx_po": lambda: C(["co-amoxiclav 625mg TDS", "doxycycline 100mg OD", "flucloxacillin 1g QDS", "clarithromycin 500mg BD",
                             "nitrofurantoin 100mg MR BD", "cefalexin 500mg TDS", "ciprofloxacin 500mg BD"]),
        "drain": lambda: C(["nil", "Robinson drain", "Redivac x1", "Blake drain", "Jaques drain to bag", "none"]),
        "course": lambda: C(["5 days", "7 days", "10/7", "a 2-week course", "5/7"]),
        "abx": lambda: C(["IV Tazocin 4.5g TDS", "co-amoxiclav 1.2g IV TDS", "Augmentin 625 TDS", "flucloxacillin 2g QDS IV",
                          "ceftriaxone 2g OD", "gentamicin 5mg/kg", "trimethoprim 200mg BD", "nitrofurantoin 50mg QDS", "doxycycline 100mg OD",
                          "metronidazole 500mg TDS", "vancomycin per levels"]),
        "epon_dx": lambda: C(["Parkinson's", "Alzheimer's", "Crohn's", "Addison's", "Graves' disease", "Bell's palsy (old)", "Raynaud's",
                              "Dupuytren's", "Lewy body dementia", "Korsakoff's", "Baker's cyst", "old Colles' fracture", "Paget's disease of bone",
                              "Hashimoto's", "Meniere's", "Barrett's oesophagus", "Sjogren's"]),
        "epon_exam": lambda: C(["Murphy's sign negative", "Babinski downgoing", "Trendelenburg gait", "Cheyne-Stokes breathing",
                                "Kussmaul breathing", "Ottawa ankle rules negative", "Pfannenstiel scar", "Wells score 1", "Homans' sign negative",
                                "Rovsing's negative", "Romberg positive", "Kernig's negative", "Battle's sign absent", "Glasgow Coma Scale 15",
                                "Bristol stool type 6", "Waterlow 16", "Mallampati 2", "Tinel's positive at wrist", "Phalen's negative"]),
        "epon_kit": lambda: C(["Foley catheter", "Hartmann's solution 1L over 8h", "Zimmer frame", "Thomas splint", "Hudson mask", "Venturi 28%",
                               "Guedel airway", "Yankauer suction", "Bair Hugger", "Ryle's tube", "Jaques drain", "Redivac drain", "Miami J collar",
                               "Sengstaken tube (not used)", "Swan-Ganz line", "Hickman line", "PICC line", "Robinson drain"]),
        "score": lambda: C([f"AMTS {R(4, 10)}/10", f"4AT {R(0, 8)}", f"MoCA {R(14, 29)}/30", f"Barthel {R(20, 95)}/100",
                            f"Rockwood CFS {R(3, 7)}", f"Waterlow {R(8, 22)}", f"MUST {R(0, 3)}", f"PHQ-9 {R(4, 24)}/27",
                            f"GAD-7 {R(3, 19)}", f"Berg {R(18, 52)}/56", f"TUG {R(12, 40)}s", f"Morse {R(15, 85)}",
                            f"Braden {R(11, 20)}", f"ACE-III {R(62, 94)}/100", f"CIWA {R(2, 18)}", f"K10 {R(14, 40)}"]),
        "niv": lambda: C([f"NIV IPAP {R(14, 20)}/EPAP {R(4, 6)} FiO2 {C(['0.28', '0.35', '0.4'])}", f"BiPAP {R(14, 18)}/{R(5, 8)}",
                          f"CPAP {R(5, 10)}cmH2O", f"HFNO {R(3, 6)}0L/{R(3, 6)}0%"]),
        "vent": lambda: C([f"VCV TV {C([400, 450, 500])}ml RR {R(10, 14)} PEEP {R(4, 8)}", f"PCV {R(14, 20)}/{R(4, 8)} RR {R(10, 14)}",
                           f"SIMV {R(10, 14)} x {C([400, 450, 500])}ml PEEP {R(5, 8)}", f"IPPV, FiO2 0.{R(3, 5)}, PEEP {R(4, 6)}"]),
        "pump": lambda: C([f"PCA morphine 1mg bolus/5 min lockout", f"VRIII at {R(1, 6)} units/hr", f"heparin infusion {R(12, 20)} units/kg/hr",
                           f"NG feed Jevity 1.5 @ {R(4, 8)}0ml/h", f"syringe driver midazolam {R(5, 20)}mg/24h", f"IVF 0.9% NaCl 1L 8 hrly",
                           f"GTN infusion {R(1, 10)}ml/hr"]),
        "bay": lambda: C([f"bay {R(1, 6)} bed {R(1, 6)}", f"bed {R(1, 32)}", f"side room {R(1, 8)}", f"SR{R(1, 8)}",
                          f"room {R(2, 9)}{R(10, 40)}{C(['', 'A', 'B'])}", f"Ward {R(1, 9)}{C('ABCD')} bed {R(1, 28)}", f"B{R(1, 6)}.{R(1, 6)}"]),
        "edbay": lambda: C([f"resus {R(1, 4)}", f"majors {R(1, 16)}", f"cubicle {R(1, 14)}", f"bed {R(1, 30)}", "ambulance bay",
                            f"RAZ {R(1, 6)}", f"fast track {R(1, 5)}", f"EDOU {R(1, 8)}", f"SSU bed {R(1, 10)}", f"hallway {R(1, 9)}"]),
        "allergy": lambda: C(["NKDA", "penicillin (rash)", "nil known", "codeine (vomiting)", "sulfa - hives", "latex", "NKA", "trimethoprim (rash)"]),
        "wt": lambda: f"{R(41, 128)}kg", "fluids": lambda: C(["1L 0.9% NaCl stat", "500ml Hartmann's bolus", "30ml/kg crystalloid", "IVF at 125ml/h"]),
        "n": lambda: str(R(2, 6)), "pct": lambda: str(R(20, 95)),
    }


# ---------------------------------------------------------------------------------------------------------
# text builder


class Builder:
    """A growing note: pieces are appended and the offsets of labelled pieces recorded as they are written."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[tuple[int, int, str]] = []

    def add(self, piece: str, typ: str | None = None) -> None:
        if typ and piece:
            assert piece == piece.strip(), repr(piece)
            self.spans.append((len(self.text), len(self.text) + len(piece), typ))
        self.text += piece

    def recase(self, mode: str, start: int = 0) -> None:
        """Upper- or lower-case the text from `start` on; lengths (so offsets) are unchanged for ASCII."""
        tail = self.text[start:]
        new = tail.upper() if mode == "upper" else tail.lower() if mode == "lower" else tail
        assert len(new) == len(tail)
        self.text = self.text[:start] + new


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def vcase(rng: random.Random, s: str, lower: float = 0.15, upper: float = 0.1) -> str:
    r = rng.random()
    return s.lower() if r < lower else s.upper() if r < lower + upper else s


def pattern(rng: random.Random, fmt: str, areas: list[str] | None = None) -> str:
    """'#' a digit, '@' a digit 2-9, '%' an area code, '^' a capital letter (no I, O, Q); anything else literal."""
    out = []
    for ch in fmt:
        if ch == "#":
            out.append(str(rng.randint(0, 9)))
        elif ch == "@":
            out.append(str(rng.randint(2, 9)))
        elif ch == "%":
            out.append(rng.choice(areas or ["555"]))
        elif ch == "^":
            out.append(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
        else:
            out.append(ch)
    return "".join(out)


def nhs_number(rng: random.Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        check = 0 if check == 11 else check
        if check != 10 and d[0] != 0:
            s = "".join(map(str, d)) + str(check)
            return rng.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]} {s[3:6]} {s[6:]}"])


# ---------------------------------------------------------------------------------------------------------
# the world: per-locale towns, facilities and staff


class Locale:
    def __init__(self, loc: str, seed: int, staff_fakers: list[Faker]) -> None:
        self.loc = loc
        self.rng = random.Random(seed)
        self.fk = Faker(loc)
        self.fk.seed_instance(seed)
        self.staff_fakers = staff_fakers
        self.v = VOCAB[loc]
        self.towns = self._towns(26)
        self.facilities = self._facilities()
        roles = (["gp"] * 14 + ["cons"] * 12 + ["reg"] * 8 + ["jr"] * 8 + ["nurse"] * 18 + ["aide"] * 4 + ["physio"] * 4 + ["ot"] * 4
                 + ["para"] * 8 + ["pharm"] * 4 + ["cpn"] * 5 + ["micro"] * 3 + ["anaes"] * 4 + ["sw"] * 3 + ["lab"] * 3)
        self.used: set[str] = set()
        self.staff = [self._person(role) for role in roles]

    # names --------------------------------------------------------------------------------------------
    def last_name(self, fk: Faker | None = None) -> str:
        fk, r = fk or self.fk, self.rng.random()
        if fk is self.fk and r < 0.07:
            return self.rng.choice(APOSTROPHE_NAMES)
        if fk is self.fk and r < 0.11:
            return self.rng.choice(MAC_NAMES)
        if fk is self.fk and r < 0.2:
            return f"{fk.last_name()}-{fk.last_name()}"
        return fk.last_name()

    def first_name(self, sex: str, fk: Faker | None = None) -> str:
        fk = fk or self.fk
        return fk.first_name_male() if sex == "M" else fk.first_name_female()

    def _person(self, role: str) -> dict:
        fk = self.fk if self.rng.random() < 0.68 else self.rng.choice(self.staff_fakers)
        while True:
            sex = self.rng.choice("MF")
            first, last = self.first_name(sex, fk), self.last_name(fk)
            if f"{first} {last}" not in self.used and (first + last).replace("'", "").replace("-", "").isalpha():
                break
        self.used.add(f"{first} {last}")
        return {"role": role, "sex": sex, "first": first, "last": last, "bleep": pattern(self.rng, self.rng.choice(["####", "###", "#####"])),
                "regno": self.reg_number()}

    def reg_number(self) -> str:
        rng = self.rng
        return {"en_GB": lambda: pattern(rng, "7######"), "en_AU": lambda: pattern(rng, "#######"),
                "en_NZ": lambda: pattern(rng, "#####"), "en_IE": lambda: pattern(rng, "######"),
                "en_CA": lambda: pattern(rng, "#####"), "en_US": lambda: pattern(rng, "1#########")}[self.loc]()

    # places -------------------------------------------------------------------------------------------
    def _town(self) -> str:
        rng, loc = self.rng, self.loc
        r = rng.random()
        if loc == "en_NZ" and r < 0.45:
            return self.fk.city() if rng.random() < 0.5 else cap(self.fk.te_reo_part() + self.fk.te_reo_ending())
        if loc == "en_IE" and r < 0.55:
            return rng.choice(IRISH_TOWN_HEAD) + rng.choice(IRISH_TOWN_TAIL)
        stem = rng.choice(SYLLABLES) if r < 0.6 else self.fk.last_name()
        suffix = rng.choice(TOWN_SUFFIX[loc])
        if rng.random() < 0.15 and loc in ("en_AU", "en_CA", "en_US", "en_GB"):
            return f"{rng.choice(['Mount', 'North', 'East', 'Port', 'Upper', 'Glen', 'Lake'])} {self.fk.last_name()}"
        return stem + suffix

    def _towns(self, n: int) -> list[str]:
        towns: list[str] = []
        while len(towns) < n:
            t = self._town()
            if t not in towns and t.isascii() and "-" not in t and "'" not in t:
                towns.append(t)
        return towns

    def street(self, plain: bool = False) -> str:
        rng, name = self.rng, self.fk.street_name()
        while not name.isascii() or "'" in name:
            name = self.fk.street_name()
        n = rng.randint(1, 240)
        if plain:
            return f"{n} {name}"
        if self.loc == "en_GB" and rng.random() < 0.2:
            return f"Flat {rng.randint(1, 24)}, {n} {name}"
        if self.loc in ("en_AU", "en_NZ") and rng.random() < 0.25:
            return f"{rng.randint(1, 12)}/{n} {name}"
        if self.loc in ("en_CA", "en_US") and rng.random() < 0.2:
            return f"{n} {name} {rng.choice(['Apt', 'Unit', '#'])} {rng.randint(1, 40)}"
        if self.loc in ("en_CA", "en_US"):
            return f"{rng.randint(12, 9800)} {name}"
        return f"{n} {name}"

    def postcode(self) -> str:
        code = self.fk.postcode()
        if self.loc == "en_IE" and " " not in code:
            code = f"{code[:3]} {code[3:]}"
        return code

    def region(self) -> tuple[str, str | None]:
        """The region after a town: a county is PHI (LOCATION), a state or province is not; NZ writes none."""
        if self.loc in ("en_GB", "en_IE"):
            return self.fk.county(), "LOCATION"
        if self.loc == "en_AU":
            return self.fk.state_abbr(), None
        if self.loc == "en_CA":
            return self.fk.province_abbr(), None
        if self.loc == "en_US":
            return self.fk.state_abbr(include_territories=False), None
        return "", None

    def _abbr(self, name: str) -> str | None:
        words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper() and w not in ("The", "of")]
        a = "".join(w[0] for w in words)
        return a if len(a) >= 3 and a not in STOP_ABBR else None

    def _facilities(self) -> dict[str, list[dict]]:
        rng, loc, fk = self.rng, self.loc, self.fk
        fac: dict[str, list[dict]] = {k: [] for k in ("hosp", "small", "practice", "home", "ward", "cmht", "pharmacy")}

        def put(kind: str, name: str, forms: list[str], abbr: bool = False) -> None:
            a = self._abbr(name) if abbr else None
            town = rng.choice(self.towns)
            fac[kind].append({"name": name, "forms": forms + ([a] if a else []), "abbr": a,
                              "addr": (self.street(plain=True), town, self.postcode()), "phone": pattern(rng, rng.choice(PHONES[loc][1]), AREAS.get(loc))})

        towns = rng.sample(self.towns, 12)
        hosp_patterns = {
            "en_GB": ["Royal {t} Infirmary", "{t} General Hospital", "{t} District General Hospital", "St {s}'s Hospital", "{t} University Hospital"],
            "en_AU": ["{t} Base Hospital", "{t} Hospital", "Royal {t} Hospital", "{t} District Health Service", "St {s}'s Private Hospital"],
            "en_NZ": ["{t} Hospital", "{t} Base Hospital", "{t} Public Hospital", "{t} Regional Hospital"],
            "en_IE": ["University Hospital {t}", "{t} Regional Hospital", "St {s}'s Hospital", "{t} General Hospital", "Mercy Hospital {t}"],
            "en_CA": ["{t} General Hospital", "{t} Regional Health Centre", "{t} Memorial Hospital", "St. {s}'s Hospital", "{t} District Hospital"],
            "en_US": ["{t} Medical Center", "{t} Memorial Hospital", "{t} Regional Medical Center", "St. {s} Hospital", "{t} Community Hospital"],
        }[loc]
        saints = rng.sample(SAINTS, 6)
        for i, pat in enumerate(hosp_patterns):
            t, s = towns[i], saints[i]
            name = pat.format(t=t, s=s)
            forms = [name]
            if "Base" in name:
                forms += [f"{t} Base", f"{t} base"]
            elif "Royal" in name:
                forms += [name.replace(" Infirmary", "").replace(" Hospital", "")]
            elif "{s}" in pat:
                forms += [f"St {s}'s", f"St. {s}'s", f"St {s}"]
            else:
                forms += [t + (" General" if "General" in name else " Hospital")]
            put("hosp", name, forms, abbr=True)
        small = {"en_GB": ["{t} Community Hospital", "{t} Intermediate Care Unit"], "en_AU": ["{t} Rehabilitation Centre", "{t} Hospital"],
                 "en_NZ": ["{t} Community Hospital", "{t} Rehab Unit"], "en_IE": ["{t} Community Nursing Unit", "{t} District Hospital"],
                 "en_CA": ["{t} Rehab Centre", "{t} Complex Continuing Care"], "en_US": ["{t} Rehab Hospital", "{t} Transitional Care Unit"]}[loc]
        for i, pat in enumerate(small):
            t, name = towns[5 + i], pat.format(t=towns[5 + i])
            short = f"{t} rehab" if "Rehab" in name else f"{t} community" if "Community" in name else name
            put("small", name, [name, short])
        prac = {"en_GB": ["{t} Surgery", "{t} Medical Practice", "The {w} Health Centre", "{w} Surgery", "{l} and Partners"],
                "en_AU": ["{t} Medical Centre", "{w} Family Practice", "{t} Medical Clinic", "{w} Medical Group"],
                "en_NZ": ["{t} Medical Centre", "{w} Health", "{t} Family Doctors", "{w} Medical Centre"],
                "en_IE": ["{t} Medical Centre", "{w} Medical Practice", "{l} Family Practice", "{t} Health Centre"],
                "en_CA": ["{t} Family Health Team", "{w} Medical Clinic", "{t} Community Health Centre", "{w} Family Practice"],
                "en_US": ["{w} Family Medicine", "{t} Primary Care", "{l} Internal Medicine Associates", "{t} Health Clinic"]}[loc]
        for i in range(7):
            pat = prac[i % len(prac)]
            t, w, last = rng.choice(self.towns), rng.choice(HOME_WORDS), fk.last_name()
            name = pat.format(t=t, w=w, l=last)
            put("practice", name, [name, name.replace("The ", "").replace(" Health Centre", " HC").replace(" Medical Centre", " MC")], abbr=False)
        homes = {"en_GB": ["{w} Lodge", "{w} Care Home", "{w} House Nursing Home", "{l} Court"],
                 "en_AU": ["{w} Lodge", "{w} Gardens Aged Care", "{w} Village", "{l} House"],
                 "en_NZ": ["{w} Rest Home", "{w} Lodge", "{w} Retirement Village", "{l} House"],
                 "en_IE": ["{w} Nursing Home", "{w} House", "{w} Lodge", "St {s}'s Nursing Home"],
                 "en_CA": ["{w} Manor", "{w} Villa LTC", "{w} Lodge Retirement Residence", "{l} Place"],
                 "en_US": ["{w} Health and Rehabilitation", "{w} Manor", "{w} Assisted Living", "{l} Gardens"]}[loc]
        for i in range(6):
            pat = homes[i % len(homes)]
            w, last, s = rng.choice(HOME_WORDS), fk.last_name(), rng.choice(SAINTS)
            name = pat.format(w=w, l=last, s=s)
            put("home", name, [name, name.split(" ")[0] if "{w}" in pat and " " not in w else name])
        for i in range(8):
            if loc == "en_IE" and rng.random() < 0.5:
                base = f"St {rng.choice(SAINTS)}'s"
            elif rng.random() < 0.6:
                base = fk.last_name()
            else:
                base = rng.choice([t for t in self.towns if " " not in t])
            name = f"{base} {rng.choice(['Ward', 'Ward', 'Unit'])}"
            put("ward", name, [name, base, name.replace("Ward", "ward")])
        for i in range(3):
            t = rng.choice(self.towns)
            name = {"en_GB": f"{t} CMHT", "en_AU": f"{t} Community Mental Health", "en_NZ": f"{t} Community Mental Health Team",
                    "en_IE": f"{t} Community Mental Health Team", "en_CA": f"{t} Community Mental Health Program",
                    "en_US": f"{t} Behavioral Health"}[loc]
            put("cmht", name, [name, f"{t} CMHT" if loc != "en_US" else f"{t} BH"])
        for i in range(4):
            t = rng.choice(self.towns)
            name = rng.choice([f"{t} Pharmacy", f"{fk.last_name()}'s Pharmacy", f"{t} Chemist", f"{rng.choice(HOME_WORDS)} Pharmacy"])
            put("pharmacy", name, [name])
        return fac

    def pick_staff(self, role: str, k: int = 1) -> list[dict]:
        return self.rng.sample([s for s in self.staff if s["role"] == role], k)


# ---------------------------------------------------------------------------------------------------------
# patients


def make_patient(world: Locale, number: int, rng: random.Random) -> dict:
    fk, loc = world.fk, world.loc
    sex = rng.choice("MF")
    first = world.first_name(sex)
    while not first.isalpha():
        first = world.first_name(sex)
    last = world.last_name()
    while not last.replace("'", "").replace("-", "").isalpha():
        last = world.last_name()
    middle = world.first_name(sex) if rng.random() < 0.35 else None
    age = rng.choice([rng.randint(90, 102), rng.randint(70, 89), rng.randint(70, 89), rng.randint(55, 89), rng.randint(19, 54)])
    admit = date(rng.randint(2019, 2024), rng.randint(1, 12), rng.randint(1, 28))
    dob = admit - timedelta(days=age * 365 + age // 4 + rng.randint(1, 360))
    nick = NICKS.get(first) if rng.random() < 0.8 else None
    if not nick and middle and rng.random() < 0.3:
        nick = middle
    scenario = rng.choice([s for s in SCENARIOS if s["ages"][0] <= age <= s["ages"][1]])
    young = age < 50
    other = "F" if sex == "M" else "M"
    if young:
        plan = [rng.choice([("partner", rng.choice("MF")), ("mum", "F"), ("wife" if sex == "M" else "husband", other), ("dad", "M")]),
                rng.choice([("sister", "F"), ("brother", "M"), ("mum", "F"), ("flatmate", rng.choice("MF"))])]
    else:
        plan = [rng.choice([("wife" if sex == "M" else "husband", other), ("partner", other), ("daughter", "F"), ("son", "M"), ("daughter", "F")]),
                rng.choice([("son", "M"), ("daughter", "F"), ("niece", "F"), ("grandson", "M"), ("granddaughter", "F"), ("neighbour", rng.choice("MF")), ("nephew", "M")])]
    if plan[0][0] == plan[1][0]:
        plan[1] = ("sister", "F") if young else ("nephew", "M")
    rels = []
    for rel, rsex in plan:
        same = rel in ("wife", "husband", "son", "daughter", "grandson", "mum", "dad", "sister", "brother") and rng.random() < 0.7
        rfirst = world.first_name(rsex)
        while not rfirst.isalpha():
            rfirst = world.first_name(rsex)
        rlast = last if same else world.last_name()
        word = rel
        if loc in ("en_CA", "en_US") and rel in ("neighbour", "flatmate"):
            word = {"neighbour": "neighbor", "flatmate": "roommate"}[rel]
        if loc in ("en_CA", "en_US") and rel == "mum":
            word = "mom"
        if loc == "en_IE" and rel == "mum" and rng.random() < 0.5:
            word = "mam"
        rels.append({"rel": word, "sex": rsex, "first": rfirst, "last": rlast, "nick": NICKS.get(rfirst),
                     "phone": world_phone(world, rng, mobile=True), "age": (age + rng.randint(-4, 3)) if rel in ("wife", "husband") else None})
    if age > 84 and rng.random() < 0.45:
        living = "carehome"
    elif plan[0][0] in ("wife", "husband", "partner"):
        living = "with_nok"
    elif plan[0][0] in ("mum", "dad"):
        living = rng.choice(["with_nok", "alone"])
    else:
        living = "alone"
    region, region_type = world.region()
    fac = world.facilities
    surgical = scenario["key"] in ("nof", "chole", "divert", "urosepsis", "selfharm", "cellulitis")
    pt = {
        "id": f"dev2-p{number:03d}", "loc": loc, "sex": sex, "opday": admit + timedelta(days=rng.randint(0, 2)), "first": first, "last": last, "middle": middle, "nick": nick,
        "age": age, "dob": dob, "admit": admit, "los": rng.randint(3, 15), "scenario": scenario, "surgical": surgical,
        "title": "Mr" if sex == "M" else rng.choice(["Mrs", "Ms"] if age > 30 else ["Ms", "Miss"]),
        "street": world.street(), "town": rng.choice(world.towns), "town2": rng.choice(world.towns), "postcode": world.postcode(),
        "region": region, "region_type": region_type, "living": living,
        "phone": world_phone(world, rng, mobile=False), "mobile": world_phone(world, rng, mobile=True),
        "email": f"{rng.choice([first.lower(), first[0].lower(), (nick or first).lower()])}{rng.choice(['.', '_', ''])}"
                 f"{re.sub('[^a-z]', '', last.lower())}{rng.choice(['', str(rng.randint(1, 99)), str(dob.year % 100)])}@{fk.free_email_domain()}",
        "rels": rels, "ids": make_ids(loc, rng, fk, dob),
        "hosp": rng.choice(fac["hosp"]), "hosp2": rng.choice(fac["small"] + fac["hosp"]), "practice": rng.choice(fac["practice"]),
        "home": rng.choice(fac["home"]), "ward": rng.choice(fac["ward"]), "cmht": rng.choice(fac["cmht"]), "pharmacy": rng.choice(fac["pharmacy"]),
        "gp": world.pick_staff("gp")[0], "cons": world.pick_staff("cons")[0], "reg": world.pick_staff("reg")[0], "jr": world.pick_staff("jr")[0],
        "nurses": world.pick_staff("nurse", 4), "aide": world.pick_staff("aide")[0], "physio": world.pick_staff("physio")[0],
        "ot": world.pick_staff("ot")[0], "paras": world.pick_staff("para", 2), "pharm": world.pick_staff("pharm")[0],
        "cpn": world.pick_staff("cpn")[0], "micro": world.pick_staff("micro")[0], "anaes": world.pick_staff("anaes")[0],
        "sw": world.pick_staff("sw")[0], "lab": world.pick_staff("lab")[0],
    }
    while pt["hosp2"] is pt["hosp"]:
        pt["hosp2"] = rng.choice(fac["small"] + fac["hosp"])
    return pt


def world_phone(world: Locale, rng: random.Random, mobile: bool) -> str:
    mob, land = PHONES[world.loc]
    return pattern(rng, rng.choice(mob if mobile else land), AREAS.get(world.loc))


def make_ids(loc: str, rng: random.Random, fk: Faker, dob: date) -> dict:
    """Per patient: a national/insurance number, a hospital number and one extra, each with its usual cue words."""
    P = lambda f: pattern(rng, f)  # noqa: E731
    if loc == "en_GB":
        nat = (rng.choice(["NHS No: ", "NHS no. ", "NHS number ", "NHS#: "]), nhs_number(rng))
        mrn = (rng.choice(["Hosp No: ", "Hospital no. ", "MRN: ", "Unit No: "]), P(rng.choice(["^#######", "RX#######", "K######", "H#######"])))
        extra = (rng.choice(["UBRN: ", "e-RS UBRN "]), P("0000 #### ####"))
    elif loc == "en_AU":
        nat = (rng.choice(["Medicare: ", "Medicare No. ", "Medicare #"]), P(rng.choice(["@### ##### #", "@#########", "@### ##### #-#"])))
        mrn = (rng.choice(["UR ", "URN: ", "MRN ", "UR No. "]), P(rng.choice(["#######", "0######", "######"])))
        extra = (rng.choice(["DVA Gold Card ", "DVA No. ", "DVA file no. "]), rng.choice(["NX", "VX", "QX", "WX", "N", "V"]) + P("######"))
    elif loc == "en_NZ":
        nat = (rng.choice(["NHI: ", "NHI ", "NHI no. ", "NHI#"]), P("^^^####"))
        mrn = (rng.choice(["Event no. ", "Encounter # ", "Visit no. "]), P(rng.choice(["########", "E#######", "1########"])))
        extra = (rng.choice(["ACC claim no. ", "ACC45 ", "ACC claim # "]), P(rng.choice(["##########", "^#######", "1#########"])))
    elif loc == "en_IE":
        nat = (rng.choice(["PPSN: ", "PPS No. ", "PPSN "]), P(rng.choice(["#######^", "#######^A", "#######^W"])))
        mrn = (rng.choice(["MRN: ", "MRN ", "Hosp. No. ", "Chart No. "]), P(rng.choice(["#######", "0######", "######"])))
        extra = (rng.choice(["Medical card no. ", "GMS No. ", "Medical Card: "]), P(rng.choice(["#######^", "########", "^#######"])))
    elif loc == "en_CA":
        nat = rng.choice([("OHIP # ", P("####-###-###-^^")), ("Health card: ", P("#### ### ### ^^")), ("PHN ", P("9### ### ###")),
                          ("AHCIP ", P("#####-####")), ("MSP # ", P("9#########")), ("Health card no. ", P("### ### ###"))])
        mrn = (rng.choice(["MRN ", "Chart # ", "MRN: ", "Hosp # "]), P(rng.choice(["M#######", "#######", "00######"])))
        extra = (rng.choice(["Encounter # ", "Visit # ", "Acct # "]), P(rng.choice(["##########", "V#########"])))
    else:
        nat = rng.choice([("SSN ", fk.ssn()), ("Medicare ID ", P("#^^#-^^#-^^##")), ("Member ID: ", P("^^^#########")),
                          ("Medicaid # ", P("##########")), ("Ins. ID ", P("^########"))])
        mrn = (rng.choice(["MRN ", "MRN: ", "MR# ", "Med Rec # "]), P(rng.choice(["########", "#######", "00#######"])))
        extra = (rng.choice(["FIN ", "Acct # ", "CSN: ", "Encounter # "]), P(rng.choice(["##########", "#########", "2##########"])))
    return {"nat": nat, "mrn": mrn, "extra": extra}


# ---------------------------------------------------------------------------------------------------------
# rendering context: one note, one patient


class Ctx:
    def __init__(self, world: Locale, pt: dict, day: date, genre: str, rng: random.Random) -> None:
        self.w, self.p, self.day, self.genre, self.rng = world, pt, day, genre, rng
        self.loc = pt["loc"]
        self.us = self.loc == "en_US"
        self.cw = self.loc in COMMONWEALTH
        self.look = lookalikes(rng, self.loc)
        self.nurse = rng.choice(pt["nurses"])
        self.nurse2 = rng.choice([n for n in pt["nurses"] if n is not self.nurse])
        self.para = pt["paras"][0]
        male = pt["sex"] == "M"
        self.plain = {"he": "he" if male else "she", "He": "He" if male else "She", "his": "his" if male else "her",
                      "His": "His" if male else "Her", "him": "him" if male else "her", "sx": "M" if male else "F",
                      "man": rng.choice(["man", "gentleman", "male"]) if male else rng.choice(["woman", "lady", "female"]),
                      "mr": pt["title"] + ("." if not self.cw and rng.random() < 0.7 else "")}

    # vocabulary and look-alikes -------------------------------------------------------------------------
    def word(self, key: str) -> str | None:
        if key in self.plain:
            return self.plain[key]
        if key in self.look:
            return self.look[key]()
        if key in self.w.v:
            return self.rng.choice(self.w.v[key])
        return None

    # dates --------------------------------------------------------------------------------------------
    def date_full(self, d: date) -> str:
        rng, m, y = self.rng, MONTHS[d.month - 1], d.year
        if self.us:
            forms = [f"{d.month:02d}/{d.day:02d}/{y}", f"{d.month}/{d.day}/{y % 100:02d}", f"{m[:3]} {d.day}, {y}", f"{m} {d.day}, {y}",
                     f"{d.day:02d}-{m[:3]}-{y}", f"{y}-{d.month:02d}-{d.day:02d}", f"{d.month}/{d.day}/{y}"]
        elif self.loc == "en_CA":
            forms = [f"{y}-{d.month:02d}-{d.day:02d}", f"{y}/{d.month:02d}/{d.day:02d}", f"{m[:3]} {d.day}, {y}", f"{d.day:02d}-{m[:3].upper()}-{y}",
                     f"{d.day} {m} {y}", f"{d.month:02d}/{d.day:02d}/{y}"]
        else:
            forms = [f"{d.day:02d}/{d.month:02d}/{y}", f"{d.day}/{d.month}/{y % 100:02d}", f"{d.day}.{d.month}.{y % 100:02d}",
                     f"{d.day:02d}.{d.month:02d}.{y}", f"{d.day:02d}-{m[:3]}-{y % 100:02d}", f"{d.day} {m[:3]} {y}", f"{d.day} {m} {y}",
                     f"{ordinal(d.day)} {m} {y}", f"{d.day:02d}-{m[:3].upper()}-{y}", f"{d.day}/{d.month}/{y}"]
        return rng.choice(forms)

    def date_short(self, d: date) -> list:
        """A day-level date without its year, in the local habit; 'the 3rd' keeps 'the' outside the span."""
        rng, m = self.rng, MONTHS[d.month - 1]
        wk = WEEKDAYS[d.weekday()][rng.randint(0, 1)]
        if self.us or self.loc == "en_CA":
            forms = [f"{d.month}/{d.day}", f"{m[:3]} {d.day}", f"{m} {ordinal(d.day)}", f"{wk} {d.month}/{d.day}", f"{m[:3]}. {d.day}"]
        else:
            forms = [f"{d.day}/{d.month}", f"{d.day:02d}/{d.month:02d}", f"{ordinal(d.day)} {m}", f"{d.day} {m[:3]}", f"{wk} {ordinal(d.day)}",
                     f"{ordinal(d.day)} {m[:3]}", f"{d.day}.{d.month}"]
        if rng.random() < 0.15:
            return [("the ", None), (ordinal(d.day), "DATE")]
        return [(rng.choice(forms), "DATE")]

    # people -------------------------------------------------------------------------------------------
    def patient(self, form: str | None = None) -> list:
        p, rng = self.p, self.rng
        form = form or rng.choice(["title", "title", "full", "first", "surname", "lastfirst", "nick", "init"])
        if form == "nick" and not p["nick"]:
            form = "first"
        if form == "title":
            return [(self.plain["mr"] + " ", None), (vcase(rng, p["last"], 0.1, 0.15), "PATIENT")]
        if form == "surname":
            return [(vcase(rng, p["last"], 0.2, 0.2), "PATIENT")]
        if form == "first":
            return [(vcase(rng, p["first"], 0.25, 0.05), "PATIENT")]
        if form == "nick":
            return [(vcase(rng, p["nick"], 0.25, 0.05), "PATIENT")]
        if form == "init":
            return [(f"{p['first'][0]}. {p['last']}" if rng.random() < 0.5 else f"{p['first'][0]}{p['last'][0]}", "PATIENT")]
        if form == "lastfirst":
            up = rng.random() < 0.7
            segs = [(p["last"].upper() if up else p["last"], "PATIENT"), (rng.choice([", ", ","]), None), (p["first"], "PATIENT")]
            if p["middle"] and rng.random() < 0.4:
                segs += [(" ", None), (p["middle"] if rng.random() < 0.5 else p["middle"][0], "PATIENT")]
            return segs
        if form == "letter":
            segs = [(self.plain["mr"] + " ", None)]
            name = f"{p['first']} {p['middle']} {p['last'].upper()}" if p["middle"] and rng.random() < 0.5 else f"{p['first']} {p['last'].upper()}"
            return segs + [(name if rng.random() < 0.6 else f"{p['first']} {p['last']}", "PATIENT")]
        full = f"{p['first']} {p['last']}" if not (p["middle"] and rng.random() < 0.3) else f"{p['first']} {p['middle']} {p['last']}"
        return [(vcase(rng, full, 0.15, 0.15), "PATIENT")]

    def relative(self, r: dict, form: str | None = None) -> list:
        rng = self.rng
        form = form or rng.choice(["first", "first", "first", "full", "full", "title", "nick"])
        if form == "nick" and not r["nick"]:
            form = "first"
        if form == "first":
            return [(vcase(rng, r["first"], 0.3, 0.05), "RELATIVE")]
        if form == "nick":
            return [(vcase(rng, r["nick"], 0.3, 0.05), "RELATIVE")]
        if form == "title" and r["rel"] not in ("flatmate", "partner"):
            t = "Mr" if r["sex"] == "M" else rng.choice(["Mrs", "Ms"])
            return [(t + ("" if self.cw else ".") + " ", None), (r["last"], "RELATIVE")]
        return [(vcase(rng, f"{r['first']} {r['last']}", 0.15, 0.1), "RELATIVE")]

    def clinician(self, c: dict, style: str | None = None) -> list:
        rng, v = self.rng, self.w.v
        role, first, last = c["role"], c["first"], c["last"]
        doctor = role in ("gp", "cons", "reg", "jr", "micro", "anaes")
        if style is None:
            if doctor:
                style = rng.choice(["dr", "dr", "dr", "drfull", "drinit", "lower", "lastfirst"])
            else:
                style = rng.choice(["titled", "titled", "sig", "first", "full", "lower", "init"])
        surgeon = role == "cons" and self.p["surgical"] and self.cw
        if style in ("dr", "drfull", "drinit", "lower") and not doctor:
            style = "titled"
        if style == "dr":
            t = ("Mr " if c["sex"] == "M" else rng.choice(["Ms ", "Miss "])) if surgeon and rng.random() < 0.8 else rng.choice(
                ["Dr ", "Dr ", "DR ", "dr "] if self.cw else ["Dr. ", "Dr. ", "Dr ", "dr. "])
            return [(t, None), (vcase(rng, last, 0.1, 0.15), "CLINICIAN")]
        if style == "drfull":
            t = ("Mr " if c["sex"] == "M" else "Ms ") if surgeon else ("Dr " if self.cw else "Dr. ")
            return [(t, None), (f"{first} {last}", "CLINICIAN")]
        if style == "drinit":
            return [("Dr " if self.cw else "Dr. ", None), (f"{first[0]}{rng.choice(['. ', ' ', '.'])}{last}", "CLINICIAN")]
        if style == "lower":
            return [(rng.choice(["dr ", "dr. "]), None), (last.lower(), "CLINICIAN")]
        if style == "lastfirst":
            return [(last.upper(), "CLINICIAN"), (", ", None), (first, "CLINICIAN")]
        cred = self.credential(c)
        if style == "sig":
            return [(vcase(rng, f"{first} {last}", 0.05, 0.2), "CLINICIAN"), (f", {cred}" if cred else "", None)]
        if style == "titled":
            title = self.title(c)
            if title:
                return [(title + " ", None), (vcase(rng, rng.choice([last, first, f"{first} {last}"]), 0.2, 0.1), "CLINICIAN")]
            return [(f"{first} {last}", "CLINICIAN"), (f" {cred}" if cred else "", None)]
        if style == "first":
            return [(vcase(rng, first, 0.3, 0.05), "CLINICIAN")]
        if style == "init":
            return [(f"{first[0]}. {last}", "CLINICIAN"), (f" ({cred})" if cred else "", None)]
        if style == "upper":
            return [(last.upper(), "CLINICIAN")]
        return [(vcase(rng, f"{first} {last}", 0.2, 0.1), "CLINICIAN")]

    def title(self, c: dict) -> str:
        rng, v = self.rng, self.w.v
        return {"nurse": rng.choice(v["nurse"]), "aide": rng.choice(v["aide"]), "physio": rng.choice(["Physio", "PT"] if self.cw else ["PT"]),
                "ot": "OT", "para": rng.choice(["Paramedic", "Para"] if self.cw else ["Medic", "Paramedic"]), "pharm": rng.choice(["Pharmacist", "Pharm"]),
                "cpn": rng.choice(["CPN", "CMHN", "Key worker"] if self.cw else ["Case manager", "RN"]), "sw": rng.choice(["SW", "MSW"]), "lab": ""}.get(c["role"], "")

    def credential(self, c: dict) -> str:
        v, rng = self.w.v, self.rng
        key = {"gp": "gpcred", "cons": "surgcred" if self.p["surgical"] else "physcred", "nurse": "rncred", "aide": "aide", "physio": "ptcred",
               "ot": "otcred", "para": "paracred", "pharm": "pharmcred", "cpn": "cpncred", "micro": "microcred"}.get(c["role"])
        if c["role"] == "lab":
            return rng.choice(EXTRA_WORDS["labsci_title"][0 if self.cw else 1])
        if key:
            return rng.choice(v[key])
        return {"reg": rng.choice(v["reg"]).title() if self.cw else "MD", "jr": rng.choice(v["jr"]), "anaes": "Anaesthetist" if self.cw else "MD",
                "sw": "Social Worker" if self.cw else "LCSW"}.get(c["role"], "")

    def facility(self, f: dict, full: bool = False) -> list:
        rng = self.rng
        if full:
            return [(f["name"], "FACILITY")]
        s = rng.choice(f["forms"])
        if f["abbr"] and rng.random() < 0.2:
            s = f["abbr"]
        elif s != f["abbr"]:
            s = vcase(rng, s, 0.2, 0.1)
        return [(s, "FACILITY")]

    def address(self, street: str, town: str, postcode: str, multiline: bool = False) -> list:
        p, sep = self.p, "\n" if multiline else ", "
        segs = [(street, "LOCATION"), (sep, None), (town, "LOCATION")]
        region, rtype = p["region"], p["region_type"]
        if self.loc in ("en_GB", "en_IE") and self.rng.random() < 0.5:
            segs += [(sep + ("Co. " if self.loc == "en_IE" else ""), None), (region, rtype)]
        if self.loc in ("en_AU", "en_CA", "en_US"):
            segs += [(" " if self.loc == "en_AU" else ", ", None), (region, rtype)]
        segs += [(sep if self.loc in ("en_GB", "en_IE") else " " if self.loc != "en_NZ" else " ", None), (postcode, "LOCATION")]
        return segs

    def practice_email(self) -> str:
        slug = re.sub("[^a-z]", "", self.p["practice"]["name"].lower().replace("medical centre", "mc").replace("surgery", ""))[:16]
        box = self.rng.choice(["reception", "admin", "referrals", "enquiries", "info"])
        if self.loc == "en_GB":
            return self.rng.choice([f"{box}.{slug}@nhs.net", f"{slug}.{box}@nhs.net"])
        tld = {"en_AU": "com.au", "en_NZ": "co.nz", "en_IE": "ie", "en_CA": "ca", "en_US": self.rng.choice(["com", "org"])}[self.loc]
        return f"{box}@{slug}.{tld}"

    def phone(self, number: str) -> list:
        return [(number, "PHONE")]

    # the dispatcher -----------------------------------------------------------------------------------
    def resolve(self, key: str) -> list:
        p, rng, C = self.p, self.rng, self.rng.choice
        w = self.word(key)
        if w is not None:
            return [(w, None)]
        if key.startswith("s_") and key[2:] in p["scenario"]:
            text = p["scenario"][key[2:]]
            if not self.cw:
                for gb, us in NA_WORDS.items():
                    text = text.replace(gb, us)
            return self.sub([text])
        if key == "theatre" and "room" in p["scenario"]:
            return [(p["scenario"]["room"], None)]
        if key in EXTRA_WORDS:
            return self.sub(list(EXTRA_WORDS[key][0 if self.cw else 1]))
        extra = self.composite(key)
        if extra is not None:
            return extra
        nok, rel2 = p["rels"][0], p["rels"][1]
        over89 = "AGE" if p["age"] > 89 else None
        table = {
            "PT": lambda: self.patient(), "PTFULL": lambda: self.patient("full"), "PTTITLE": lambda: self.patient("title"),
            "PTFIRST": lambda: self.patient(C(["first", "first", "nick"])), "PTLF": lambda: self.patient("lastfirst"),
            "PTSUR": lambda: self.patient("surname"), "PTLETTER": lambda: self.patient("letter"), "PTNICK": lambda: self.patient("nick"),
            # Safe Harbor: only an age over 89 is PHI; younger ages are clinical content and stay.
            "AGEYO": lambda: [(str(p["age"]), over89), (C([" yo", "yo", " y/o", "-year-old", " year old", " yr old", "-yr-old", "-year-old"]), None)],
            "AGEN": lambda: [(str(p["age"]), over89)],
            "AGESX": lambda: [(str(p["age"]), over89), (C([self.plain["sx"], " " + self.plain["sx"], "/" + self.plain["sx"], "yo" + self.plain["sx"]]), None)],
            "D": lambda: [(self.date_full(self.day), "DATE")], "DS": lambda: self.date_short(self.day),
            "DADM": lambda: [(self.date_full(p["admit"]), "DATE")], "DADMS": lambda: self.date_short(p["admit"]),
            "DDC": lambda: [(self.date_full(p["admit"] + timedelta(days=p["los"])), "DATE")],
            "DP": lambda: [(self.date_full(self.day - timedelta(days=rng.randint(20, 400))), "DATE")],
            "DPS": lambda: self.date_short(self.day - timedelta(days=rng.randint(1, 12))),
            "DN": lambda: [(self.date_full(self.day + timedelta(days=rng.randint(7, 70))), "DATE")],
            "DNS": lambda: self.date_short(self.day + timedelta(days=rng.randint(1, 16))),
            "DOB": lambda: [(self.date_full(p["dob"]), "DATE")],
            "YEAR": lambda: [(str(rng.randint(max(p["dob"].year + 18, 1960), self.day.year - 1)), "YEAR")],
            "ADDR": lambda: [(p["street"], "LOCATION")], "TOWN": lambda: [(vcase(rng, p["town"], 0.15, 0.1), "LOCATION")],
            "TOWN2": lambda: [(p["town2"], "LOCATION")], "PC": lambda: [(p["postcode"], "LOCATION")],
            "FULLADDR": lambda: self.address(p["street"], p["town"], p["postcode"]),
            "FULLADDRML": lambda: self.address(p["street"], p["town"], p["postcode"], multiline=True),
            "HOSPADDR": lambda: self.address(*p["hosp"]["addr"]), "PRACADDR": lambda: self.address(*p["practice"]["addr"]),
            "PRACADDRML": lambda: self.address(*p["practice"]["addr"], multiline=True),
            "HOSPADDRML": lambda: self.address(*p["hosp"]["addr"], multiline=True),
            "PHONE": lambda: self.phone(p["phone"]), "MOB": lambda: self.phone(p["mobile"]), "NOKPH": lambda: self.phone(nok["phone"]),
            "REL2PH": lambda: self.phone(rel2["phone"]), "GPPH": lambda: self.phone(p["practice"]["phone"]),
            "HOSPPH": lambda: self.phone(p["hosp"]["phone"]), "FAX": lambda: self.phone(world_phone(self.w, rng, mobile=False)),
            "CMHTPH": lambda: self.phone(p["cmht"]["phone"]), "HOMEPH": lambda: self.phone(p["home"]["phone"]),
            "BLEEP": lambda: [(C(["bleep ", "blp ", "bleep #", "pager "] if self.cw else ["pager ", "pgr ", "p", "x"]), None),
                              (C([p["reg"], p["jr"], p["pharm"]])["bleep"], "PHONE")],
            "EXT": lambda: [(C(["ext ", "ext. ", "x", "extn "]), None), (pattern(rng, C(["####", "#####"])), "PHONE")],
            "NATID": lambda: [(p["ids"]["nat"][0], None), (p["ids"]["nat"][1], "ID")], "NATIDV": lambda: [(p["ids"]["nat"][1], "ID")],
            "MRN": lambda: [(p["ids"]["mrn"][0], None), (p["ids"]["mrn"][1], "ID")], "MRNV": lambda: [(p["ids"]["mrn"][1], "ID")],
            "IDX": lambda: [(p["ids"]["extra"][0], None), (p["ids"]["extra"][1], "ID")],
            "ACC": lambda: [(pattern(rng, C([f"{self.day.year % 100}M######", f"M{self.day.year % 100}.######", f"MB-{self.day.year % 100}-######",
                                           f"{self.day.year % 100}-###-####", "^########"])), "ID")],
            "INC": lambda: [(pattern(rng, C([f"{self.day.year % 100}{self.day.month:02d}{self.day.day:02d}-####", "#######", "######",
                                           f"{self.day.year}-00####", "########"])), "ID")],
            "REGNO": lambda: [(self.w.v["reg_no"][0] + " ", None), (p["cons"]["regno"], "ID")],
            "GPREGNO": lambda: [(self.w.v["reg_no"][0] + " ", None), (p["gp"]["regno"], "ID")],
            "EMAIL": lambda: [(p["email"], "EMAIL")],
            "NOKEMAIL": lambda: [(f"{nok['first'].lower()}{C(['.', '', '_'])}{re.sub('[^a-z]', '', nok['last'].lower())}@{self.w.fk.free_email_domain()}", "EMAIL")],
            "PRACEMAIL": lambda: [(self.practice_email(), "EMAIL")],
            "NOK": lambda: self.relative(nok), "NOKF": lambda: self.relative(nok, C(["first", "first", "nick"])),
            "NOKFULL": lambda: self.relative(nok, "full"), "NOKREL": lambda: [(nok["rel"], None)],
            "REL2": lambda: self.relative(rel2), "REL2F": lambda: self.relative(rel2, "first"), "REL2REL": lambda: [(rel2["rel"], None)],
            "GP": lambda: self.clinician(p["gp"], C(["dr", "dr", "drfull", "drinit", "lower"])), "GPSUR": lambda: [(p["gp"]["last"], "CLINICIAN")],
            "GPFULL": lambda: self.clinician(p["gp"], "drfull"), "GPSIG": lambda: self.clinician(p["gp"], "sig"),
            "CONS": lambda: self.clinician(p["cons"], C(["dr", "dr", "drfull", "drinit"])), "CONSFULL": lambda: self.clinician(p["cons"], "drfull"),
            "CONSSIG": lambda: self.clinician(p["cons"], "sig"), "CONSANY": lambda: self.clinician(p["cons"]),
            "REG": lambda: self.clinician(p["reg"]), "REGSIG": lambda: self.clinician(p["reg"], "sig"),
            "JR": lambda: self.clinician(p["jr"]), "JRSIG": lambda: self.clinician(p["jr"], "sig"),
            "RN": lambda: self.clinician(self.nurse), "RN2": lambda: self.clinician(self.nurse2), "RNF": lambda: self.clinician(self.nurse, "first"),
            "RNSIG": lambda: self.clinician(self.nurse, C(["sig", "init", "full"])), "AIDE": lambda: self.clinician(p["aide"], C(["titled", "first"])),
            "PHYSIO": lambda: self.clinician(p["physio"]), "PHYSIOSIG": lambda: self.clinician(p["physio"], "sig"),
            "OT": lambda: self.clinician(p["ot"]), "OTSIG": lambda: self.clinician(p["ot"], "sig"),
            "PARA": lambda: self.clinician(self.para, C(["titled", "sig", "full", "init"])), "PARA2": lambda: self.clinician(p["paras"][1], C(["sig", "full", "init", "first"])),
            "PHARM": lambda: self.clinician(p["pharm"]), "PHARMSIG": lambda: self.clinician(p["pharm"], "sig"),
            "CPNSIG": lambda: self.clinician(p["cpn"], "sig"),
            "MICRO": lambda: self.clinician(p["micro"], C(["dr", "drinit", "drfull"])), "ANAES": lambda: self.clinician(p["anaes"], C(["dr", "drinit", "drfull"])),
            "SW": lambda: self.clinician(p["sw"]),
            "HOSP": lambda: self.facility(p["hosp"]), "HOSPFULL": lambda: self.facility(p["hosp"], True),
            "HOSP2": lambda: self.facility(p["hosp2"]), "PRACTICE": lambda: self.facility(p["practice"]),
            "PRACTICEFULL": lambda: self.facility(p["practice"], True), "HOME": lambda: self.facility(p["home"]),
            "WARD": lambda: self.facility(p["ward"]), "CMHT": lambda: self.facility(p["cmht"]), "PHARMACY": lambda: self.facility(p["pharmacy"]),
            "LIVES": lambda: self.sub(LIVES[p["living"]]),
        }
        if key not in table:
            raise KeyError(f"unknown placeholder {key!r}")
        return table[key]()

    def composite(self, key: str) -> list | None:
        """Keys built from other keys or from the record's situation."""
        p, rng, C = self.p, self.rng, self.rng.choice
        if key == "gp_up":
            return [(C(self.w.v["gp"]).upper(), None)]
        if key == "LIVESC":
            segs = self.sub(LIVES[p["living"]])
            return [(cap(segs[0][0]), segs[0][1])] + segs[1:]
        if key == "DEST":
            if p["living"] == "carehome":
                return self.sub(["back to {HOME}", "{HOME}", "{HOME} ({carehome})"])
            return self.sub(list(EXTRA_WORDS["dest"][0 if self.cw else 1]))
        if key in ("JRNAME", "REGNAME"):
            return self.clinician(p["jr" if key == "JRNAME" else "reg"], "full")
        if key == "JRLOW":
            return self.clinician(p["jr"], "lower")
        if key == "DOPS":
            return self.date_short(p["opday"])
        if key == "DSTEP":
            return self.date_short(p["admit"] + timedelta(days=rng.randint(2, max(2, p["los"] - 1))))
        if key == "DTYPED":
            return self.date_short(self.day + timedelta(days=rng.randint(1, 6)))
        if key == "POSTOP":
            return [(str(max(1, (self.day - p["opday"]).days)), None)]
        if key == "SINCEOP":
            weeks = max(1, (self.day - p["opday"]).days // 7)
            return [(C([f"{weeks} weeks", f"{weeks}/52", f"{weeks} wks"]), None)]
        if key == "CALLTIMES":
            t0 = rng.randint(0, 23 * 60)
            t1, t2 = t0 + rng.randint(6, 25), t0 + rng.randint(45, 110)
            hm = lambda m: f"{m // 60 % 24:02d}{m % 60:02d}"  # noqa: E731
            return [(C([f"Call {hm(t0)}, on scene {hm(t1)}, at hosp {hm(t2)}", f"T0 {hm(t0)} / OS {hm(t1)} / AH {hm(t2)}",
                        f"Dispatched {hm(t0)}  At patient {hm(t1)}  At hospital {hm(t2)}"]), None)]
        if key == "VISITHDR":
            if p["scenario"]["key"] == "selfharm":
                return self.sub(["{CMHT} -- contact note {D}", "Community Mental Health -- home visit {D} {time}", "CPN visit {DS} {time}",
                                 "N|Behavioral health home visit -- {D}"])
            return self.sub(["C|District nursing note {D}", "C|Community nursing visit {DS} {time}", "X|Home visit -- {FULLADDR} -- {DS}",
                             "H|Visit at {HOME} -- {DS}", "N|Home Health Skilled Nursing Visit {D}", "N|Community RN visit {DS} {time}"])
        if key in ("VISITOR", "VISITORSIG"):
            c = p["cpn"] if p["scenario"]["key"] == "selfharm" else self.nurse2
            return self.clinician(c, "sig" if key == "VISITORSIG" else None)
        if key == "cons_title":
            spec = p["scenario"]["dept"]
            if self.cw:
                return [(C([f"Consultant {'Surgeon' if p['surgical'] else 'Physician'}", f"Consultant in {spec}"]), None)]
            return [(C([f"Attending {'Surgeon' if p['surgical'] else 'Physician'}, {spec}", f"Staff {'Surgeon' if p['surgical'] else 'Physician'}"]), None)]
        if key == "CONSDEAR":
            surgeon = p["surgical"] and self.cw and rng.random() < 0.85
            t = ("Mr" if p["cons"]["sex"] == "M" else C(["Ms", "Miss"])) if surgeon else ("Dr" if self.cw else "Dr.")
            return [(t + " ", None), (p["cons"]["last"], "CLINICIAN")]
        if key == "GPSURX":
            return [(p["gp"]["last"], "CLINICIAN")]
        if key == "GPFIRSTX":
            return [(p["gp"]["first"], "CLINICIAN")]
        if key == "CONS2_OR_PHYSIO":
            return self.sub(["our physiotherapy team ({PHYSIO})", "the falls clinic at {HOSP2}", "{CMHT}", "cardiac rehab at {HOSP2}"])
        if key == "PHONE_CMHT_OR_PRAC":
            return self.resolve(C(["CMHTPH", "GPPH"]))
        if key == "MOB_STAFF":
            return self.phone(world_phone(self.w, rng, mobile=True))
        if key == "AIDE_HOME":
            return self.clinician(p["aide"], C(["first", "full"]))
        if key == "LABSCI":
            return self.clinician(p["lab"], C(["init", "full", "upper"]))
        return None

    def sub(self, alternatives: list[str]) -> list:
        b = Builder()
        render(b, self, choose(self, alternatives))
        out, pos = [], 0
        for s, e, t in b.spans:
            out += [(b.text[pos:s], None), (b.text[s:e], t)]
            pos = e
        return out + [(b.text[pos:], None)]


TAGS = {"C": lambda ctx: ctx.cw, "N": lambda ctx: not ctx.cw, "H": lambda ctx: ctx.p["living"] == "carehome",
        "X": lambda ctx: ctx.p["living"] != "carehome", "M": lambda ctx: ctx.p["scenario"]["key"] == "selfharm",
        "P": lambda ctx: ctx.p["scenario"]["key"] != "selfharm"}


def choose(ctx: Ctx, alternatives: list[str]) -> str:
    """One alternative whose leading tags ("C|", "H|", ...) all hold for this note, with the tags removed."""
    ok = []
    for a in alternatives:
        tags = []
        while len(a) > 1 and a[1] == "|" and a[0] in TAGS:
            tags.append(a[0])
            a = a[2:]
        if all(TAGS[t](ctx) for t in tags):
            ok.append(a)
    return ctx.rng.choice(ok)


def render(b: Builder, ctx: Ctx, template: str) -> None:
    pos = 0
    for m in PLACEHOLDER.finditer(template):
        b.add(template[pos:m.start()])
        for piece, typ in ctx.resolve(m.group(1)):
            b.add(piece, typ)
        pos = m.end()
    b.add(template[pos:])


# ---------------------------------------------------------------------------------------------------------
# templates: per genre a list of sections, each (probability, alternatives)

LIVES = {
    "alone": ["lives alone in {TOWN}", "lives alone at {ADDR}, {TOWN}", "lives alone in a bungalow in {TOWN}, {care}",
              "lives alone; {NOKREL} {NOKF} is in {TOWN2} and visits most days", "lives on own in {TOWN}, independent with stick",
              "lives alone in a first-floor flat ({TOWN}), {care}", "lives alone in {TOWN}, widowed {YEAR}"],
    "with_nok": ["lives with {his} {NOKREL} {NOKF} in {TOWN}", "lives at {ADDR}, {TOWN} with {NOKREL} {NOK}",
                 "lives with {NOKREL} ({NOKF}) in a two-storey house in {TOWN}", "lives in {TOWN} with {NOKREL}, who is {his} main carer",
                 "lives with {NOKREL} {NOKF} at {FULLADDR}"],
    "carehome": ["is a resident of {HOME}", "lives at {HOME} in {TOWN}", "lives in {HOME} ({carehome}), {TOWN}",
                 "has been at {HOME} since {YEAR}", "lives in {HOME}, {TOWN}, needs 1 assist for transfers"],
}

T: dict[str, dict] = {}

T["triage"] = dict(case=(0.25, 0.2), sections=[
    (1, ["{ed} TRIAGE   {D} {time}\nName: {PTLF}    DOB: {DOB}    {MRN}\n",
         "N|ER Triage Note -- {D} @ {time}\nPt: {PTFULL}, {AGESX}   {MRN}\n",
         "C|{ed} triage {time} {DS}. {PT}, {AGEYO} {man}. {NATID}\n",
         "TRIAGE {time} -- {PTLF} ({AGEN}{sx}) -- arrived {arrival}\n",
         "Triage | {D} | {time} | {PTFULL} | {NATID} | {MRN}\n"]),
    (1, ["PC: {s_complaint}. {triage}. Trop {trop}, lactate {lact}.\n", "Presenting complaint: {s_complaint}. Triage category {triage}.\n",
         "C/O {s_complaint}. Cat: {triage}.\n", "Chief complaint: {s_complaint} ({triage}).\n"]),
    (0.9, ["Hx: {s_story}. {LIVESC}.\n", "Per {NOKREL} {NOKF} at bedside: {s_story}.\n", "Brought in by {amb} from {TOWN}. {s_story}.\n",
           "Hx from pt and {NOKREL} ({NOKF}): {s_story}. {LIVESC}.\n", "Sent in by {gp} {GP} ({PRACTICE}) - {s_story}.\n",
           "Transferred from {HOSP2} for {s_spec} review. {s_story}.\n", "H|Sent from {HOME}, {carehome} staff say {s_story}.\n"]),
    (1, ["Obs: BP {bp} HR {hr} RR {rr} SpO2 {sats} on {o2} T {temp}{tempu} GCS {gcs} pain {pain}. {ews} {ews_v}.\n",
         "BP {bp}, P {hr} reg, RR {rr}, sats {sats} {o2}, temp {temp}{tempu}, {gluc} {gluc_v}, GCS {gcs}.\n",
         "VS: {bp} / {hr} / {rr} / {sats} / {temp}{tempu}. Pain {pain}. {ews} {ews_v}.\n"]),
    (0.7, ["PMH: {s_pmh}. Meds: {drug}, {drug}, {painrx}. Allergies: {allergy}.\n", "PMHx {s_pmh}. Allergy: {allergy}. On {drug}.\n",
           "Background {s_pmh}, {epon_dx}. Allergies {allergy}. {epon_exam}.\n"]),
    (0.7, ["NOK: {NOKREL} ({NOKF}) {NOKPH}\n", "NOK {NOKFULL} ({NOKREL}) tel {NOKPH}\n", "Next of kin: {NOKREL} {NOK} - {NOKPH}\n",
           "C|Usual GP {GP}, {PRACTICE}, {GPPH}.\n", "N|{gp}: {GP} at {PRACTICE}.\n"]),
    (1, ["To {edbay}. Seen by {JR} at {time}.\n", "Triage RN: {RNSIG}. To {edbay}, {ed} {reg} aware.\n",
         "Triaged by {RNSIG} {time}. Bloods + cannula, to {edbay}.\n", "Nurse: {RNSIG}   Placed in {edbay}. Analgesia given: {painrx}.\n",
         "to {edbay}, seen by {JRLOW} {time}\n"]),
])

T["gp_referral"] = dict(case=(0.04, 0.0), sections=[
    (1, ["{PRACTICEFULL}\n{PRACADDRML}\nTel: {GPPH}  Fax: {FAX}\n{PRACEMAIL}\n\n{D}\n\n",
         "{PRACTICEFULL}, {PRACADDR}. Tel {GPPH}\nDate: {D}\n\n",
         "N|{PRACTICEFULL}\n{PRACADDR}\nPhone {GPPH} | Fax {FAX}\n{D}\n\n"]),
    (1, ["Dear {CONSDEAR},\n\n", "Dear Colleague,\n\n", "To the {s_spec} team, {HOSPFULL}\n\n", "C|Dear {ed} team,\n\n",
         "Dear {CONSDEAR} / on-call {reg},\n\n"]),
    (1, ["Re: {PTLETTER}  DOB {DOB}  {NATID}\n{FULLADDR}  Tel {PHONE}  e-mail: {EMAIL}\n\n",
         "RE: {PTLETTER}, D.O.B. {DOB}, {NATID}\nAddress: {FULLADDR}\n\n",
         "Patient: {PTLF}   DOB: {DOB}   {NATID}   {IDX}\n{FULLADDR}\nMobile {MOB}   Email {EMAIL}\n\n"]),
    (1, ["Thank you for seeing this {AGEYO} {man} who presents with {s_complaint}. {s_story}. ",
         "I would be grateful if you could see {PTTITLE}, a {AGEYO} {man} with {s_complaint}; last seen here on {DP}. ",
         "Many thanks for seeing {PTFIRST}, whom I saw today at the surgery with {s_complaint}. {His} {NOKREL} {NOKF} came with {him}. ",
         "I am referring {PTTITLE} ({AGEN}) urgently; {he} was seen at home this morning with {s_complaint}. "]),
    (1, ["On examination BP {bp}, pulse {hr}, sats {sats} on air, temp {temp}{tempu}; {epon_exam}. ",
         "Obs today: {bp}, HR {hr}, RR {rr}, {sats}. {gluc} {gluc_v}. {epon_exam}. ",
         "O/E alert, {bp}, HR {hr} irregular, chest clear, {epon_exam}. "]),
    (0.9, ["{He} {LIVES}. ", "Socially {he} {LIVES} and manages with {care}. ", "{He} {LIVES}; {his} {REL2REL} {REL2} ({REL2PH}) is also involved. "]),
    (1, ["\n\nPast history: {s_pmh}, {epon_dx}. Previous admission to {HOSP2} in {YEAR}.\nMedication: {drug}; {drug}; {drug}.\nAllergies: {allergy}.\n",
         "\n\nPMH: {s_pmh}\nCurrent medications: {drug}, {drug}, {painrx}\nAllergies: {allergy}\n",
         "\n\nBackground: {s_pmh} (diagnosed {YEAR}). {score} when last checked.\nMeds: {drug}, {combo} {sched}.\n"]),
    (1, ["\nYours sincerely,\n\n{GPSIG}\n{GPREGNO}\n", "\nKind regards,\n{GPFULL}\n{PRACTICE}\n", "\nMany thanks,\n\n{GPSIG}\nGeneral Practitioner\n",
         "\nYours faithfully\n{GP} (dictated, not signed)\n"]),
])

T["discharge_letter"] = dict(case=(0.08, 0.0), sections=[
    (1, ["{HOSPFULL}\n{HOSPADDR}\nDISCHARGE SUMMARY\n\n", "DISCHARGE LETTER TO {gp_up} -- {HOSPFULL}\n\n",
         "N|{HOSPFULL} -- Discharge Summary\n{HOSPADDR}\n\n", "C|{HOSPFULL} | {WARD} | Ward tel {HOSPPH} {EXT}\nDischarge summary\n\n"]),
    (1, ["Patient: {PTLF}   DOB: {DOB}   {NATID}   {MRN}\nAddress: {FULLADDR}\n",
         "Name: {PTFULL}  DOB {DOB}  {MRN}\n{gp_up}: {GP}, {PRACTICE}\n",
         "{PTLF}  ({AGEN}{sx})  {MRN}  {NATID}\n"]),
    (1, ["Admitted: {DADM}   Discharged: {DDC}   Ward: {WARD}\nConsultant: {CONS}\n\n",
         "Date of admission {DADM}. Date of discharge {DDC}. Under {CONS} ({s_spec}).\n\n",
         "Admission {DADM} via {ed}; discharged {DDC} to {DEST}.\nResponsible {cons}: {CONSFULL}\n\n"]),
    (1, ["Dear Dr {GPSURX},\n\n", "Dear Dr {GPSURX},\n\n", "To: {GPFULL}, {PRACTICE} (fax {FAX})\n\n"]),
    (1, ["Diagnosis: {s_dx}\nProcedures: {s_op} on {DOPS}\n\n", "Primary diagnosis: {s_dx}. Comorbidities: {s_pmh}, {epon_dx}.\n\n",
         "DIAGNOSIS: {s_dx}\nPROCEDURE: {s_op} ({DOPS})\n\n"]),
    (1, ["{PTTITLE} is a {AGEYO} {man} who presented with {s_complaint}. {He} was found to have {s_dx} and underwent {s_op} on {DOPS}. "
         "Post-op course complicated by {complication}. {He} was reviewed by physio and OT on {WARD}; at discharge {he} was {s_goal}. ",
         "Thank you for continuing the care of {PTFIRST}, {AGEN}, admitted via {ed} with {s_complaint}. {s_dx} was confirmed and treated with {abx}; "
         "{he} had {s_op} under {CONSANY}. {His} {NOKREL} {NOKF} was updated throughout. ",
         "Summary: {AGEYO} {man}, {s_complaint}. Treated for {s_dx}. Stepped down to {HOSP2} on {DSTEP} for rehab, then discharged to {DEST}. "]),
    (1, ["\n\nMedication changes: STARTED {drug}; STOPPED {drug}; dose of {drug} changed. {pump} discontinued.\n",
         "\n\nDischarge meds: {drug}, {drug}, {painrx}, {abx_po} to complete {course}.\n",
         "\n\nTTOs: {drug}; {drug}; {combo} {sched}; blister pack via {PHARMACY}.\n"]),
    (1, ["\nFollow up: {s_spec} clinic in {weeks} ({DN}). {gp} please check U&E and FBC in 1 week. Bloods at discharge: Hb {hb}, WCC {wcc}, CRP {crp}, Na {na}, K {k}, creat {creat} (eGFR {egfr}), INR {inr}.\n",
         "\nActions for {gp}: review BP (today {bp}); repeat bloods on {DNS}; {score} - consider memory clinic.\nFollow-up: {CONS} clinic on {DN}.\n",
         "\nFollow-up with {gp} {GP} in 1-2 weeks. Outpatient review at {HOSP} {weeks}. District nurse for wound check - clips out {DNS}.\n"]),
    (1, ["\nDischarged to {DEST}. {NOKREL} {NOK} aware and collecting.\n\n{JRNAME}, {jr} to {CONSANY}\n{BLEEP}\n",
         "\nSigned: {JRSIG}  {D}\n", "\nElectronically signed {REGSIG} {D} {time}\n", "\n{JRSIG}\n{s_spec} team, {HOSP}\ncc: {PTTITLE}, {FULLADDR}\n"]),
])

T["handover"] = dict(case=(0.1, 0.45), sections=[
    (1, ["SBAR handover {DS} {time}\n", "{WARD} handover -- {bay} -- {DS}\n", "HANDOVER {bay} ({WARD}) {time} -- {PTSUR}\n", "Nursing handover {D} night -> day\n",
         "N|Floor handover {DS}, {bay}\n"]),
    (1, ["S: {PTFULL}, {AGESX}, {bay}, day {POSTOP} post {s_op}. {ews} {ews_v}.\n", "S - {PT} ({AGEN}{sx}) {MRN}, admitted {DADMS} via {ed} with {s_complaint}.\n",
         "S: {PTLF} {AGEYO} {sx}, {s_dx}. Now {bay}.\n"]),
    (1, ["B: {s_pmh}. {LIVESC}. NOK {NOKREL} {NOKF} {NOKPH}.\n", "H|B - background {s_pmh}; {epon_dx}. From {HOME}.\n",
         "B: PMH {s_pmh}. Allergy {allergy}. NOK: {NOKREL} ({NOKF}) {NOKPH}.\n", "B: {s_pmh}. Transferred from {HOSP2} on {DADMS}. {LIVESC}.\n"]),
    (1, ["A: BP {bp}, HR {hr}, RR {rr}, sats {sats} {o2}, T {temp}{tempu}. {gluc} {gluc_v}. Pain {pain}, {painrx} given {time}. {pump}. BO x1, brown, Bristol type {n}. {score}.\n",
         "A - obs stable overnight, {bp} / {hr} / {sats}. Foley draining {pct}ml/hr, {epon_kit} in situ. GCS {gcs}. Power {power} R side. Mobilised to end of the hall with {AIDE}.\n",
         "A: {ews} up to {ews_v} at {time} ({bp}, HR {hr}), {reg} {REG} reviewed, {fluids}, repeat obs improved. Lactate {lact}. {niv} overnight.\n"]),
    (1, ["R: for {cons} ward round, chase bloods (Hb {hb}, K {k}). {NOKREL} {NOK} visiting {DNS} pm - wants update from {CONS}.\n",
         "R - bloods in am, IV {abx} due {time}, keep NBM from midnight for {s_op}. Handed to {RN2} by {RN}.\n",
         "R: refer to physio / OT ({PHYSIO}), plan d/c {DNS} if stable. {NOKREL} {NOKF} aware.\n",
         "R: escalate to {jr} {JR} ({BLEEP}) if sats < 92% or SBP < 100. {REL2REL} {REL2} rang ({REL2PH}) - please call back.\n"]),
    (0.5, ["-- {RNSIG}\n", "handed over by {RNF} to {RN2}\n", "{RN} / {RN2}\n"]),
])

T["op_note"] = dict(case=(0.25, 0.05), sections=[
    (1, ["OPERATION NOTE\n{HOSPFULL} -- {theatre}\nDate: {D}\n", "OPERATIVE REPORT  {D}\n{HOSPFULL}\n", "C|Operation note -- {theatre}, {HOSP}   {D}\n",
         "N|OPERATIVE NOTE -- {HOSPFULL}\nDate of surgery: {D}\n"]),
    (1, ["Patient: {PTLF}   {MRN}   DOB {DOB}\n", "Name: {PTFULL}, {AGEN}{sx}, {MRN}\n", "Pt: {PTLF} ({AGEYO}) {NATID}\n"]),
    (1, ["Surgeon: {CONS}   Assistant: {REG}   Anaesthetist: {ANAES}\nScrub: {RN}\n", "Surgeon: {CONSFULL} ({cons})\nAssistant: {REG} ({reg})\nAnaesthetic: {ANAES} -- GA + LMA, ASA {asa}\n",
         "Operator: {REG} under supervision of {CONS}\nAnaesthetist: {ANAES}\n"]),
    (1, ["Procedure: {s_op}\nIndication: {s_dx}\n", "PROCEDURE: {s_op}\nDIAGNOSIS: {s_dx}\n", "Operation: {s_op}. Indication: {s_dx}.\n"]),
    (1, ["Position/approach: {s_approach}. WHO checklist done {time}. Abx: {abx} at induction. VTE: {anticoag} + TEDs. {epon_kit} in situ.\n",
         "Anaesthesia: GA, ETT, {vent}. Approach: {s_approach}.\n", "Prep with chlorhexidine, {s_approach}. Knife to skin {time}.\n"]),
    (1, ["Findings: {s_find}.\nClosure: {s_close}.\nEBL {n}00ml.\n", "FINDINGS: {s_find}\nCLOSURE: {s_close}\nDrains: {drain}. EBL minimal.\n",
         "Findings - {s_find}. Closure - {s_close}. Specimens sent.\n"]),
    (1, ["Post-op instructions: obs per protocol, {painrx}, {drug} from {DNS}. Clips out {weeks} by practice nurse at {PRACTICE}. Follow up {CONS} clinic {weeks}.\n",
         "Post-op: {pump}. {anticoag}. Weight bearing as tolerated. Review by {reg} on ward round. Informed {NOKREL} {NOK} ({NOKPH}) at {time}.\n",
         "Plan: return to {WARD}, routine obs, {fluids}, {abx} x 24h, TED stockings. FU {weeks}.\n"]),
    (1, ["\n{REGSIG}  {D} {time}\n", "\nSigned: {CONSSIG}\n{REGNO}\n", "\nDictated by {REG} for {CONS}\n"]),
])

T["therapy"] = dict(case=(0.1, 0.3), sections=[
    (1, ["PHYSIOTHERAPY -- {WARD} -- {DS} {time}\n", "OT initial assessment {D}\n", "Physio note {DS}: ", "Therapy (PT/OT) joint session {DS}, {bay}\n",
         "N|PT Daily Note -- {D}\n", "C|Physio r/v {DS} -- {bay} {WARD}\n"]),
    (1, ["S: {PTFIRST} reports pain {pain} on movement, keen to get home to {TOWN}. {His} {NOKREL} {NOKF} present.\n",
         "Pt seen for mobility and discharge planning. Consent obtained. {NOKREL} {NOK} present for session.\n",
         "{PT} seen on {WARD} ({bay}). Day {POSTOP} post {s_op}.\n", "Referred by {JR} for mobility assessment.\n"]),
    (1, ["O: sit to stand x{n} with 1 assist, mobilised {n}0m with Zimmer frame, then 2 wheeled walker. {score}. Power {power} hip flexion. SpO2 {sats} on {o2}.\n",
         "O: bed mobility independent, transfers with 1 + frame, walked the length of the hall and back ({n}0m), dyspnoeic, sats {sats}. BP {bp} lying/standing.\n",
         "Obj: ROM {n}0 degrees, power {power}, {epon_exam}. TUG {n}{n}s. Stairs x {n}0 steps with rail.\n",
         "Kitchen assessment: made a cup of tea safely; washed at sink, declined bath. Wears reading glasses, hard of hearing.\n"]),
    (1, ["X|Home: {LIVESC}. {n} steps to front door, 1 rail. Bath with board, no shower over bath.\n",
         "Social: {LIVESC}. {His} {REL2REL} {REL2} can stay for first week (tel {REL2PH}).\n", "X|Home set-up: {FULLADDR}; toilet upstairs, bed downstairs.\n",
         "H|From {HOME}; staff report {he} was independent with frame.\n"]),
    (1, ["Plan: daily physio, home visit booked {DNS} with {NOKREL}. Refer to {HOSP2} for rehab if slow. {OTSIG}\n",
         "Plan: goal is {s_goal}; perching stool + raised toilet seat ordered. d/w {RN}. -- {PHYSIOSIG}\n",
         "Plan: review {DNS}. OT ({OT}) to complete kitchen assessment. {PHYSIOSIG} ({EXT})\n",
         "P: fit for d/c from therapy POV; {care}. {OTSIG}\n"]),
])

T["med_rec"] = dict(case=(0.15, 0.1), sections=[
    (1, ["MEDICINES RECONCILIATION -- {HOSP}   {D}\n", "Medication reconciliation ({WARD}) -- {DS}\n", "Pharmacy med rec {D} {time}\n",
         "N|Admission Medication Reconciliation -- {HOSPFULL} -- {D}\n"]),
    (1, ["Patient: {PTLF}  DOB {DOB}  {MRN}  Wt {wt}\n", "{PTFULL} ({AGEN}{sx}), {NATID}, weight {wt}\n", "Pt: {PTLF} -- {MRN} -- allergies: {allergy}\n"]),
    (1, ["Sources: patient, {NOKREL} {NOKF}, {gp} list from {PRACTICE} ({GPPH}), blister pack from {PHARMACY}.\n",
         "Sources used: 2 -- {gp} summary (faxed, {FAX}) and {PHARMACY} dispensing record. Pt unable to confirm (4AT {n}).\n",
         "H|Info from {HOME} MAR chart + {NOKREL} {NOK} ({NOKPH}).\n", "Sources: pt's own drugs (POD), {PRACTICE} records, spoke with the pharmacist at {PHARMACY}.\n"]),
    (1, ["Pre-admission meds:\n 1. {drug}\n 2. {drug}\n 3. {drug}\n 4. {painrx}\n 5. {combo} {sched}\n",
         "Meds: {drug}; {drug}; {drug}; {combo} ({sched}) -- all confirmed.\n",
         "Regular: {drug}, {drug}, {drug}\nPRN: {painrx}; salbutamol 2 puffs PRN\nOTC: paracetamol, Gaviscon 10ml after meals\n"]),
    (1, ["Discrepancies: {drug} omitted on admission -- {jr} {JR} informed {time}. {drug} held (K {k}, creat {creat}). Anticoagulation: {anticoag}.\n",
         "Issues: duplicate PPI; {drug} dose differs between {gp} list and pack. Discussed with {REG}.\n",
         "No discrepancies. Compliance aid: dosette ({sched}) filled by {PHARMACY} weekly.\n"]),
    (1, ["{PHARMSIG}  {BLEEP}\n", "Completed by {PHARM}, {pharmcred}, {D}\n", "-- {PHARMSIG} ({EXT})\n"]),
])

T["community_visit"] = dict(case=(0.05, 0.3), sections=[
    (1, ["{VISITHDR}\n"]),
    (1, ["X|Visited {PT} at home ({ADDR}, {TOWN}). Present: pt and {NOKREL} {NOKF}. ",
         "H|Seen at {HOME} with the staff nurse. ", "Joint visit with {VISITOR}. {PTFIRST} {LIVES}. ",
         "X|Home visit to {PTTITLE}; {NOKREL} {NOK} let us in. "]),
    (1, ["{s_community}\n"]),
    (0.7, ["Obs: BP {bp}, HR {hr}, sats {sats}, T {temp}{tempu}. Ankle oedema; {epon_exam}.\n",
           "Taking {drug} as prescribed, collected from {PHARMACY}. Attending {HOSP2} day programme Tues/Thurs.\n",
           "Bath seat fitted. {score}. Reading glasses lost - {NOKREL} to replace.\n"]),
    (1, ["M|Plan: next visit {DNS}. Crisis line {CMHTPH}. Discussed at {CMHT} MDT. Letter to {gp} {GP}.\n",
         "Plan: review {DNS}; {NOKREL} to ring {PHONE_CMHT_OR_PRAC} if worse. Pt's mobile {MOB}.\n",
         "Plan: revisit {DNS}, refer back to {CONS} clinic if deteriorates. Pt consents to {NOKREL} {NOK} being contacted on {NOKPH}.\n",
         "Plan: continue {drug}, bloods at {PRACTICE} {DNS}, see in {weeks}.\n"]),
    (1, ["-- {VISITORSIG}\n", "P|{VISITORSIG}, community nurse\n", "{VISITORSIG}  mob {MOB_STAFF}\n", "M|{VISITORSIG}\n{SW} also present.\n"]),
])

T["clinic_letter"] = dict(case=(0.04, 0.0), sections=[
    (1, ["{HOSPFULL}\n{s_dept} Outpatients\n{HOSPADDRML}\nTel {HOSPPH}  Fax {FAX}\n\n", "N|{HOSPFULL} -- {s_dept} Clinic\n{HOSPADDR}\n\n",
         "Department of {s_dept}, {HOSPFULL}\nSecretary: {HOSPPH} {EXT}\n\n"]),
    (1, ["Clinic date: {D}\nDictated: {DS}   Typed: {DTYPED}\n\n", "Date: {D}\n\n", "Seen in clinic {D}\n\n"]),
    (1, ["{GPFULL}\n{PRACTICE}\n{PRACADDRML}\n\n", "{GPFULL}, {PRACTICE}, {PRACADDR}\n\n"]),
    (1, ["Dear Dr {GPSURX},\n\n", "Dear {GPFIRSTX},\n\n", "Dear Dr {GPSURX}\n\n"]),
    (1, ["RE: {PTLETTER}, DOB {DOB}, {FULLADDR}\n{NATID}   {MRN}\n\n", "Re: {PTLETTER}  D.O.B. {DOB}  {MRN}\n\n",
         "Patient: {PTLF}   DOB {DOB}   {NATID}\n\n"]),
    (1, ["I reviewed this {AGEYO} {man} in the {s_spec} clinic today, {SINCEOP} after {s_op} for {s_dx}. ",
         "I saw {PTTITLE} today accompanied by {his} {NOKREL}, {NOKF}. {He} is now {SINCEOP} post {s_op}. ",
         "Thank you for referring this pleasant {AGEYO} {man}, whom I reviewed with {his} {REL2REL} {REL2}. ",
         "{PTTITLE} attended the clinic on {DS}. As you know, {he} was admitted to {HOSP} under {CONS} on {DADM} with {s_dx}. "]),
    (1, ["{He} reports pain {pain} and is walking with a stick; {he} still {LIVES}. Examination: BP {bp}, wound healed, {epon_exam}. Hb {hb}, CRP {crp}. ",
         "{He} is much improved and has returned to {his} usual activities in {TOWN}. {score}. BP {bp}, HR {hr}. {epon_exam}. ",
         "Unfortunately {he} was readmitted to {HOSP2} on {DPS} with {complication}. Currently on {drug} and {abx}. "]),
    (1, ["\n\nPlan: I will see {him} again on {DN}. Please continue {drug}. I have requested a repeat scan at {HOSP}.\n",
         "\n\nPlan: discharged from {s_dept} follow-up. {gp} to continue {drug} and check U&Es in {weeks}.\n",
         "\n\nPlan: refer to {CONS2_OR_PHYSIO}; review in {weeks}. {He} may ring my secretary on {HOSPPH} with questions.\n"]),
    (1, ["\nYours sincerely\n\n\n{CONSSIG}\n{cons_title}\n\ncc: {PTTITLE}\n{FULLADDRML}\n", "\nWith best wishes,\n\n{CONSFULL}\n{REGNO}\n",
         "\nKind regards,\n{REGNAME}\n{reg} to {CONS}\ncc: patient\n"]),
])

T["ambulance"] = dict(case=(0.45, 0.15), sections=[
    (1, ["AMBULANCE HANDOVER -- Incident {INC} -- {D}\n", "C|Patient Report Form  Job no. {INC}  {D}\n", "N|EMS PCR # {INC} -- {D}\n",
         "Paramedic handover {DS} {time}, incident {INC}\n"]),
    (1, ["Crew: {PARA} / {PARA2}\n{CALLTIMES}\n", "Crew {PARA}, {PARA2}. Dispatched {time} to {FULLADDR}.\n",
         "Called {time} to {ADDR}, {TOWN}. {emerg} call by {NOKREL} ({NOKF}).\n"]),
    (1, ["Pt: {PTLF}  DOB {DOB}  {AGEN}{sx}  {NATID}\n", "Pt {PTFULL}, {AGEYO} {sx}. Pt details from {NOKREL} {NOK}, ph {NOKPH}.\n",
         "PT: {PTLF} AGE {AGEN}\n"]),
    (1, ["M: {s_complaint}\nI: {s_story}\nS: BP {bp}, HR {hr}, RR {rr}, SpO2 {sats} {o2}, T {temp}{tempu}, {gluc} {gluc_v}, GCS {gcs}, pain {pain}\nT: {s_treat}\n",
         "MIST -- M: {s_complaint}. I: {s_story}. S: {bp}, {hr}, {rr}, {sats}, GCS {gcs}. T: {s_treat}.\n",
         "Hx: {s_story}. {s_complaint}. Obs {bp} / {hr} / {sats} / {gluc} {gluc_v}. Rx: {s_treat}.\n"]),
    (1, ["X|Social: {LIVESC}. Key safe code given to crew. {gp}: {GP}.\n", "H|From {HOME}, {carehome} staff member {AIDE_HOME} handed over; DNACPR not in place.\n",
         "{NOKREL} {NOKF} following by car. {LIVESC}.\n", "Transferred from {HOSP2} for {s_spec} - handed to {ed} at {HOSP}.\n"]),
    (1, ["Handed over to {RN} in {edbay} at {time}.\n", "Handover to {ed} {RN}. {PARA}\n", "Care transferred {time} to {HOSP} {ed}, {RNSIG}.\n"]),
])

T["lab_report"] = dict(case=(0.5, 0.0), sections=[
    (1, ["{labtitle} -- {HOSPFULL}\n{HOSPADDR}   Lab enquiries {HOSPPH}\n", "{HOSP} PATHOLOGY -- {labtitle}\n", "N|{HOSPFULL} {labtitle}\nCLIA lab, ph {HOSPPH}\n"]),
    (1, ["Lab No: {ACC}   Received: {D} {time}   Reported: {DNS}\n", "Specimen no. {ACC}\nCollected {D} {time}  Received {D} {time}\n",
         "Accession: {ACC}   Collected: {D}\n"]),
    (1, ["Patient: {PTLF}   DOB: {DOB}   Sex: {sx}   {NATID}   {MRN}\n", "Name: {PTLF}\nDOB {DOB} ({AGEN}Y)   {MRN}\n",
         "PATIENT {PTLF}  {MRN}  D.O.B. {DOB}\n"]),
    (1, ["Requested by: {GP} ({gp}, {PRACTICE})   Copy to: {CONS}\n", "Location: {WARD}, {HOSP}   Requesting clinician: {JR}  {BLEEP}\n",
         "Requestor: {REG} -- {ed}, {HOSP}   Report to: {gp} {GP}\n", "Ordering: {CONSANY}   Location: {edbay}\n"]),
    (1, ["Specimen: {s_specimen}\nClinical details: {s_complaint}; on {abx}\nMicroscopy: {s_microscopy}\nCulture: {s_culture}\nSensitivities: {s_sens}\n",
         "Specimen: {s_specimen}   Clinical: ?sepsis, {s_dx}\nMicroscopy: {s_microscopy}\nCulture: {s_culture}\n",
         "SPECIMEN: {s_specimen}\nCULTURE: {s_culture}\nSENSITIVITIES: {s_sens}\n"]),
    (1, ["Comment: phoned to {RN} on {WARD} {time} {DS}. Please discuss with {MICRO} ({labtitle}) {EXT} if needed.\n",
         "Authorised by: {MICRO}, Consultant Microbiologist   {D}\n", "Result phoned to {JR} by {LABSCI} at {time}.\nAuthorised: {MICRO}\n",
         "Validated {DNS} {time} -- {LABSCI}, {labsci_title}\n"]),
])

T["phone_log"] = dict(case=(0.1, 0.4), sections=[
    (1, ["TELEPHONE / MESSAGE LOG -- {PTLF} -- {MRN}\n", "Phone log ({WARD})\n", "Telephone encounter -- {PTFULL} ({NATID})\n", "Messages re {PTFULL}, DOB {DOB}\n"]),
    (1, ["{DS} {time} -- t/c from {NOKREL} {NOKF} ({NOKPH}) asking for update. Explained {s_dx}, {cons} to call back. -- {RNF}\n",
         "{DS} {time}: {his} {NOKREL} {NOK} rang, very worried, wants to know visiting times. Pt happy for info to be shared.\n",
         "{DS} {time} {NOKREL} rang ({NOKPH}) - says {PTFIRST} sounded confused on the phone last night.\n"]),
    (1, ["{DS} {time} -- rang {PRACTICE} ({GPPH}), spoke to receptionist re: repeat prescription of {drug}. Will fax list to {FAX}.\n",
         "{DS} {time} - LM on pt's mobile {MOB} re: appt {DNS} at {time} with {CONSANY}.\n",
         "{DS} {time}: {REL2REL} {REL2} called from {TOWN2}, {REL2PH}; asked that {NOKREL} remains main contact.\n",
         "{DS} - email from {NOKEMAIL} re: discharge plans, forwarded to {SW}.\n",
         "{DS} {time} - call from a grandchild asking if {nan} is ok; redirected to {NOKREL} {NOKF} as NOK.\n"]),
    (0.8, ["{DS} {time} -- spoke with {PTFIRST} directly, feeling better, BP at home {bp}, {gluc} {gluc_v}. Advised re: {drug}.\n",
           "{DS} {time}: no answer on {PHONE}, voicemail left; appointment letter also sent to {EMAIL}.\n",
           "{DS} {time} -- {gp} {GP} returned call re: results (CRP {crp}, Hb {hb}). Happy to follow up.\n",
           "H|{DS} {time} -- {HOME} rang ({HOMEPH}) re: return date; {carehome} bed held until {DNS}.\n"]),
    (0.6, ["{DS} {time} -- pt emailed ({EMAIL}) asking for copy of discharge letter; posted to {FULLADDR}. -- {RNSIG}\n",
           "{DS} -- spoke to {NOKF} again, plan agreed. {RN}\n", "{DS} {time}: message taken by {AIDE} -- {NOKREL} to bring in reading glasses and slippers.\n"]),
])

EXTRA_WORDS = {  # lower-case keys rendered from a small template: (Commonwealth, North America)
    "arrival": (["ambulance", "walk-in", "private car", "ambulance from {carehome}"], ["EMS", "walk-in", "private vehicle", "EMS from {carehome}"]),
    "dest": (["usual residence", "home with {care}", "{carehome} (new placement)", "home"], ["home", "home with home health", "SNF", "acute rehab"]),
    "theatre": (["Theatre 3", "Main theatres", "Theatre 7", "Emergency theatre", "Theatre 12"], ["OR 4", "Main OR", "OR 11", "OR 2"]),
    "complication": (["hospital-acquired pneumonia", "delirium", "AKI (creat peak {creat})", "ileus", "a fall on the ward without injury"],
                     ["HAP", "delirium", "AKI", "postop ileus", "a fall without injury"]),
    "asa": (["2", "3", "3E", "4"], ["II", "III", "3E", "IV"]),
    "labsci_title": (["BMS", "Biomedical Scientist", "Medical Scientist"], ["MLS(ASCP)", "MLT"]),
}


# ---------------------------------------------------------------------------------------------------------
# records


def note_dates(pt: dict, genres: list[str], rng: random.Random) -> list[tuple[date, str]]:
    a, los = pt["admit"], pt["los"]
    d = {"gp_referral": lambda: a - timedelta(days=rng.randint(0, 10)), "ambulance": lambda: a, "triage": lambda: a,
         "med_rec": lambda: a + timedelta(days=rng.randint(0, 1)), "lab_report": lambda: a + timedelta(days=rng.randint(0, 3)),
         "op_note": lambda: pt["opday"], "handover": lambda: a + timedelta(days=rng.randint(1, los - 1)),
         "therapy": lambda: a + timedelta(days=rng.randint(2, los)), "discharge_letter": lambda: a + timedelta(days=los),
         "community_visit": lambda: a + timedelta(days=los + rng.randint(3, 25)), "clinic_letter": lambda: a + timedelta(days=los + rng.randint(28, 80)),
         "phone_log": lambda: a + timedelta(days=rng.randint(1, los + 10))}
    out = [(d[g](), g) for g in genres]
    return sorted(out, key=lambda x: (x[0], GENRES.index(x[1])))


def write_note(world: Locale, pt: dict, genre: str, day: date, rng: random.Random) -> tuple[str, list]:
    ctx = Ctx(world, pt, day, genre, rng)
    spec = T[genre]
    b = Builder()
    up, low = spec["case"]
    r = rng.random()
    mode = "upper" if r < up else "lower" if r < up + low else "keep"
    for prob, alternatives in spec["sections"]:
        if rng.random() < prob:
            start = len(b.text)
            render(b, ctx, choose(ctx, alternatives))
            if mode == "keep" and (start == 0 or b.text[start - 1] == "\n") and rng.random() < 0.07:  # now and then one section typed in capitals
                b.recase("upper", start)
    b.recase(mode)
    text = b.text.rstrip("\n") + "\n"
    return text, b.spans


def build() -> list[dict]:
    rng = random.Random(SEED)
    staff_fakers = []
    for i, loc in enumerate(("en_IN", "en_NG")):
        f = Faker(loc)
        f.seed_instance(SEED + 100 + i)
        staff_fakers.append(f)
    worlds = {loc: Locale(loc, SEED + 10 * i, staff_fakers) for i, loc in enumerate(LOCALES)}
    genre_count: Counter = Counter()
    rows = []
    note_no = 0
    sizes = [3, 4, 5, 6] * (N_PATIENTS // 4) + [4] * (N_PATIENTS % 4)  # 3 to 6 notes a record, about 200 in all
    rng.shuffle(sizes)
    for n in range(1, N_PATIENTS + 1):
        loc = LOCALES[(n - 1) % len(LOCALES)]
        world = worlds[loc]
        pt = make_patient(world, n, rng)
        k = sizes[n - 1]
        genres = sorted(GENRES, key=lambda g: (genre_count[g], rng.random()))[:k]
        genre_count.update(genres)
        for day, genre in note_dates(pt, genres, rng):
            note_no += 1
            text, spans = write_note(world, pt, genre, day, rng)
            gold = [{"start": s, "end": e, "type": t, "text": text[s:e]} for s, e, t in spans]
            for g in gold:
                assert text[g["start"]:g["end"]] == g["text"] and g["text"].strip() == g["text"] and g["text"], g
            for a, bb in zip(gold, gold[1:]):
                assert a["end"] <= bb["start"], (a, bb)
            rows.append({"id": f"dev2-{note_no:04d}", "patient": pt["id"], "genre": genre, "locale": loc, "text": text, "spans": gold})
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps({k: row[k] for k in ("id", "patient", "genre", "text", "spans")}, ensure_ascii=False) + "\n")
    spans = Counter(s["type"] for r in rows for s in r["spans"])
    print(f"{len(rows)} notes, {len({r['patient'] for r in rows})} patients -> {OUT.name}")
    print("genres", dict(sorted(Counter(r["genre"] for r in rows).items())))
    print("locales", dict(sorted(Counter(r["locale"] for r in rows).items())))
    print("spans", dict(spans.most_common()), "total", sum(spans.values()))


if __name__ == "__main__":
    main()
