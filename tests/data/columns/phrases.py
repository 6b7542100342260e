"""Sentence banks for make.py: str.format templates filled from a page's synthetic context.

Shared banks (HPI, COURSE, ASSESS, PLAN, EDU) feed both parts; TUNED_ONLY and UNTOUCHED_ONLY banks
feed one part each so the held-out part also has prose the tuned part never shows.
Every template on a page is used at most once, so no sentence repeats on a page.
"""

HPI = [
    "{name} is a {age}-year-old {sex} with {pmh1} and {pmh2} who presented on {adm} with {days} days of {sx1}.",
    "{He} reports that the {sx1} began gradually and worsened with exertion over the past {weeks} weeks.",
    "{He} also noted {sx2} and a weight gain of about {gain} kg despite taking {dA} as prescribed.",
    "{He} denies fever, chills, chest pain at rest, or recent travel outside the region.",
    "In the emergency department, blood pressure was {sbp}/{dbp} mmHg, heart rate {hr} beats per minute and oxygen saturation {spo2}% on room air.",
    "Initial laboratory studies showed sodium {na} mmol/L, potassium {k} mmol/L and creatinine {cr} mg/dL, up from a baseline of {crb} mg/dL.",
    "The white blood cell count was {wbc} x10^9/L, hemoglobin {hb} g/dL and platelets {plt} x10^9/L.",
    "A chest radiograph showed {cxr}, and an electrocardiogram showed {ecg}.",
    "{His} outpatient regimen included {dB} and {dC}, although {he} admits to missing doses during the last month.",
    "{He} lives with {lives} and was independent in all activities of daily living before this illness.",
    "{He} quit smoking {quit} years ago after a {packs} pack-year history and drinks alcohol rarely.",
    "{His} last admission, in {prev_month}, was for {prev_reason} and was complicated by {prev_comp}.",
    "Family history is notable for {fam} in {his} {relative} at age {fam_age}.",
    "On arrival {he} was alert and oriented but visibly short of breath when speaking in full sentences.",
    "The triage nurse documented a pain score of {pain} out of 10 and a temperature of {temp} degrees Celsius.",
]

COURSE = [
    "{He} was admitted to the {unit} and started on intravenous {iv} with close monitoring of urine output.",
    "Over the first {n2} days {he} had a net negative fluid balance of {neg} liters and {his} weight fell from {wt} kg to {wt2} kg.",
    "Blood cultures drawn on {adm} grew {org}, which was sensitive to {abx}.",
    "{He} was switched to oral {abx} on hospital day {hd} after remaining afebrile for 48 hours.",
    "A transthoracic echocardiogram showed a left ventricular ejection fraction of {ef}% with {echo}.",
    "Creatinine peaked at {crpk} mg/dL on day {hd2} and improved to {cr2} mg/dL by discharge.",
    "Potassium was repleted for a nadir of {klow} mmol/L, and magnesium was kept above 2.0 mg/dL.",
    "Physical therapy evaluated {him} on day {hd3} and cleared {him} to go home with a rolling walker.",
    "{His} blood glucose ranged from {glo} to {ghi} mg/dL on basal insulin with correction doses before meals.",
    "There was a brief run of atrial fibrillation with rapid ventricular response on day {hd2}, which settled with intravenous metoprolol.",
    "Anticoagulation was discussed with {him} and {his} family, and {he} agreed to start {anticoag}.",
    "{dr} from {consult} saw {him} in consultation and recommended {consult_rec}.",
    "Delirium on the second night was managed with reorientation, sleep hygiene and removal of the urinary catheter.",
    "By the day of discharge {he} was walking the length of the ward without oxygen and tolerating a regular diet.",
    "The total length of stay was {los} days, and {he} was discharged home on {dis} in stable condition.",
]

ASSESS = [
    "Acute on chronic heart failure with reduced ejection fraction, precipitated by dietary indiscretion and missed diuretic doses.",
    "Acute kidney injury, likely prerenal, now resolving with creatinine trending toward baseline.",
    "Community-acquired pneumonia of the right lower lobe, clinically improved on antibiotics.",
    "Type 2 diabetes mellitus with a hemoglobin A1c of {a1c}%, not at goal on the current regimen.",
    "Hypertension, well controlled during the admission on {dA}.",
    "Paroxysmal atrial fibrillation with a CHA2DS2-VASc score of {chads}, now anticoagulated.",
    "Iron deficiency anemia with a ferritin of {ferr} ng/mL, for outpatient colonoscopy.",
    "Hyponatremia to {nalow} mmol/L, attributed to thiazide use and corrected slowly over {n2} days.",
    "Chronic obstructive pulmonary disease without an acute exacerbation during this stay.",
    "Deconditioning after a prolonged illness, with good progress in physical therapy.",
]

PLAN = [
    "Continue {dA} and {dB} at the doses listed on the discharge medication sheet.",
    "Increase furosemide to {furo} mg by mouth each morning and reassess at the follow-up visit.",
    "Stop {stopdrug} because of {stopwhy}.",
    "Repeat a basic metabolic panel in one week, on or around {lab_date}, to check potassium and creatinine.",
    "Follow up with {pcp} in primary care on {fu} and with cardiology within {weeks2} weeks.",
    "Complete {abx} {abxdose} through {abx_end} for a total of {abx_days} days of therapy.",
    "Outpatient colonoscopy has been requested to evaluate the iron deficiency.",
    "Home health nursing will visit twice a week for weight checks and medication teaching.",
    "Daily weights should be recorded, and the clinic called for a gain of more than 2 pounds in a day or 5 pounds in a week.",
    "Sodium intake should be limited to 2 grams per day and fluids to {fluid} liters per day.",
    "Advance care planning was discussed, and {he} wishes to remain full code for now.",
    "A sleep study referral was placed for suspected obstructive sleep apnea.",
]

EDU = [
    "Weigh yourself every morning after you use the toilet and before you eat breakfast.",
    "Write the number down in the diary you were given and bring it to every appointment.",
    "Call the clinic if your weight goes up by more than 1 kg in a day or 2 kg in a week.",
    "Take your water tablet in the morning so that you are not up at night passing urine.",
    "Do not take ibuprofen, naproxen or other anti-inflammatory painkillers unless a doctor tells you to.",
    "Aim for at least 20 minutes of gentle walking on most days, building up slowly.",
    "Keep a list of your medicines in your wallet and show it to every pharmacist and doctor you see.",
    "If you feel dizzy when you stand up, sit back down and get up more slowly.",
    "Get emergency help straight away if you have chest pain that lasts more than 5 minutes or you cannot catch your breath.",
    "Limit salt by avoiding processed meats, canned soups and salty snacks.",
    "Ask your pharmacist before you start any herbal remedy or over-the-counter medicine.",
    "Your next blood test is due on {lab_date} at the outpatient laboratory on the ground floor.",
    "Bring all of your pill bottles, including vitamins and inhalers, to your appointment on {fu}.",
    "Swelling of the ankles that gets worse over a few days is a sign that fluid is building up.",
    "You may shower after 48 hours, but do not soak the wound in a bath or pool for two weeks.",
]

# --- tuned part only ------------------------------------------------------------------------------

NEWS = [
    "Sepsis bundle compliance on the medical wards rose from {p1}% in the first quarter to {p2}% in the second.",
    "Thanks go to the night team on Ward {ward}, who had no patient falls for {nf} consecutive days.",
    "The new early warning score goes live on {golive}, and training sessions run every Tuesday at 14:00.",
    "Hand hygiene audits found {p3}% compliance before patient contact and {p4}% after contact.",
    "From next month, discharge summaries must be completed within 24 hours of the patient leaving the ward.",
    "The pharmacy team reminds prescribers that vancomycin levels should be drawn before the fourth dose.",
    "{nurse} has joined the team as clinical nurse educator and can be reached on extension {ext}.",
    "Pressure injury rates fell by {p5}% after the introduction of two-hourly repositioning charts.",
    "Please report any malfunctioning infusion pumps to biomedical engineering on extension {ext2}.",
    "The journal club on {jc_date} will discuss a trial of early mobilisation after hip fracture surgery.",
    "Influenza vaccination uptake among staff reached {p6}%, the highest in five years.",
    "A reminder that all central lines need a documented daily review of ongoing necessity.",
    "The quality committee thanks everyone who completed the annual safety culture survey.",
    "Average time from emergency department arrival to a ward bed fell to {hrs} hours in {month}.",
    "Medication reconciliation was completed within 24 hours for {p7}% of admissions audited in {month}.",
]

HF = [
    "Heart failure means that your heart muscle does not pump as strongly as it should.",
    "It does not mean that your heart has stopped working or that it is about to stop.",
    "Many people with heart failure live full and active lives for many years.",
    "Your medicines help your heart pump better and stop fluid building up in your lungs and legs.",
    "Some of them lower your blood pressure, so you may feel light-headed for the first few weeks.",
    "Never stop a medicine on your own, even if you feel well.",
    "Needing more pillows than usual to breathe comfortably at night is a warning sign.",
    "A dry cough that is worse at night can also mean that fluid is building up.",
    "Drink no more than {fluid} liters of fluid a day, including soup, ice cream and jelly.",
    "Alcohol can weaken the heart muscle further, so keep to no more than one drink a day.",
    "Ask about cardiac rehabilitation, a supervised exercise and education program run by the hospital.",
    "Your heart failure nurse, {nurse}, can be reached on weekdays at {phone}.",
]

# --- untouched part only --------------------------------------------------------------------------

CONSULT = [
    "Thank you for asking us to see {name}, a {age}-year-old {sex} with {pmh1}, regarding {reason}.",
    "The referral was made on {adm} by {dr2} of the admitting team.",
    "Review of the chart shows a steady rise in creatinine from {crb} to {cr} mg/dL over {n2} days.",
    "Urinalysis showed {ua}, and the urine protein to creatinine ratio was {upcr} mg/g.",
    "Renal ultrasound showed kidneys of {kid} cm on the right and {kid2} cm on the left without hydronephrosis.",
    "On examination {he} was euvolaemic with no asterixis and no pericardial rub.",
    "The most likely cause of the decline is {aki_cause} on a background of diabetic kidney disease.",
    "There is no urgent indication for dialysis at present.",
    "We recommend holding {holddrug} and avoiding intravenous contrast for the next 72 hours.",
    "Please dose all medications for an estimated glomerular filtration rate of {egfr} mL/min/1.73 m2.",
    "We suggest checking renal function, electrolytes and bicarbonate daily until the trend is clear.",
    "We will follow along and can be bleeped through switchboard at any time, including overnight.",
    "If urine output falls below 0.5 mL/kg/h for six hours, please contact the on-call registrar.",
    "Outpatient follow-up has been arranged in the renal clinic on {fu}.",
]

CASE = [
    "We describe a {age}-year-old {sex} who presented with {days} days of {sx1} and was found to have {dx_rare}.",
    "The condition is uncommon, with fewer than {ncases} cases described in the literature.",
    "Symptoms are often nonspecific, which can delay the diagnosis by weeks or months.",
    "Computed tomography of the abdomen on {adm} showed {ct}.",
    "Serum lipase was {lipase} U/L and the C-reactive protein was {crp} mg/L.",
    "The diagnosis was confirmed by biopsy on hospital day {hd}.",
    "Treatment with {rare_tx} was started, and {his} symptoms improved within {n2} days.",
    "At the six-week review {he} had returned to work and the inflammatory markers had normalised.",
    "This case highlights the value of early imaging when routine tests fail to explain persistent symptoms.",
    "Clinicians should consider this diagnosis in patients with {sx1} and a raised inflammatory response.",
    "Written consent for publication was obtained from the patient.",
    "The authors declare no competing interests and received no specific funding for this report.",
]

COLONO = [
    "A colonoscopy lets the doctor look at the lining of your large bowel using a thin, flexible camera.",
    "Your procedure is booked for {proc_date} at {proc_time}; please arrive 30 minutes early.",
    "Stop iron tablets and fibre supplements seven days before the test.",
    "Eat a low-fibre diet for two days before: white bread, white rice, chicken, fish, eggs and clear soups are fine.",
    "The day before, take the first sachet of bowel preparation at 16:00 and the second at 20:00.",
    "Drink at least 2 litres of clear fluids through the afternoon and evening.",
    "Expect frequent, loose bowel movements that start within one to three hours.",
    "If you take insulin or {dA}, ask your diabetes team how to adjust the dose.",
    "You will be offered sedation, so someone must drive you home and stay with you overnight.",
    "Do not drive, drink alcohol or sign legal documents for 24 hours after sedation.",
    "Some bloating and wind are normal afterwards and usually settle within a few hours.",
    "Call the unit on {phone} if you pass more than a tablespoon of blood or have severe tummy pain.",
    "Biopsy results are usually ready within two weeks and will be sent to your GP.",
]

STROKE = [
    "A transient ischaemic attack, or TIA, is a short interruption of blood supply to part of the brain.",
    "The symptoms go away within 24 hours, but a TIA is a warning that a stroke may follow.",
    "Remember FAST: face drooping, arm weakness, speech difficulty, time to call 999.",
    "You have been started on clopidogrel 75 mg once daily and atorvastatin 80 mg at night.",
    "Take them every day, even when you feel completely well.",
    "Your blood pressure target is below 130/80 mmHg, measured at home twice a week.",
    "You must not drive for one month after a TIA, and you should tell your insurer.",
    "A carotid ultrasound has been booked for {proc_date} in the vascular laboratory.",
    "Stopping smoking is the single most effective change you can make to lower your risk.",
    "The stroke nurse specialist, {nurse}, runs a telephone clinic on Wednesday afternoons.",
    "Bring this leaflet and your medicine list to the clinic on {fu}.",
]

# Context pools (make.py draws from these with the page's seeded generator).
PMH = ["type 2 diabetes", "hypertension", "chronic kidney disease stage 3", "coronary artery disease",
       "atrial fibrillation", "COPD", "heart failure with reduced ejection fraction", "obesity", "hypothyroidism"]
SX = ["shortness of breath", "productive cough", "leg swelling", "fatigue", "orthopnea", "abdominal pain",
      "poor appetite", "dizziness on standing"]
CXR = ["bilateral pleural effusions", "a right lower lobe consolidation", "pulmonary vascular congestion",
       "no acute abnormality"]
ECG = ["sinus tachycardia", "atrial fibrillation at 118 beats per minute", "left bundle branch block",
       "sinus rhythm with old Q waves inferiorly"]
DRUGS = ["metoprolol succinate 50 mg daily", "lisinopril 10 mg daily", "furosemide 40 mg daily",
         "atorvastatin 40 mg at night", "metformin 500 mg twice daily", "apixaban 5 mg twice daily",
         "spironolactone 25 mg daily", "amlodipine 5 mg daily", "empagliflozin 10 mg daily",
         "pantoprazole 40 mg daily", "sertraline 50 mg daily", "levothyroxine 75 mcg daily"]
ORG = ["Escherichia coli", "Streptococcus pneumoniae", "Klebsiella pneumoniae", "methicillin-sensitive Staphylococcus aureus"]
ABX = [("cefuroxime", "500 mg twice daily"), ("amoxicillin-clavulanate", "875 mg twice daily"),
       ("levofloxacin", "750 mg daily"), ("cephalexin", "500 mg four times daily")]
CONSULTS = [("cardiology", "uptitration of guideline-directed therapy"), ("nephrology", "holding the ACE inhibitor"),
            ("endocrinology", "a basal-bolus insulin regimen"), ("infectious diseases", "a 10-day antibiotic course")]
DX_RARE = [("eosinophilic gastroenteritis", "a six-week prednisolone taper"),
           ("IgG4-related sclerosing mesenteritis", "oral prednisolone 40 mg daily"),
           ("epiploic appendagitis", "simple analgesia and observation"),
           ("median arcuate ligament syndrome", "laparoscopic ligament release")]
