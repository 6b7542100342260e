"""Person names in British, Irish, Australian, NZ, Canadian and US notes: names before postnominal
credentials and grades, titles with a bare initial, sign-offs, crew and handover lists, the patient's
own label; and the clinical look-alikes (eponymous devices, scales, credentials, relations) that stay.
All names are invented."""

from __future__ import annotations

import pytest

from ingestion.deid import find_phi
from tests.deid_masking import masked



@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Yours sincerely,\n\nOrla Fennessy-Quirke, FRACP\nConsultant Physician", "Orla Fennessy-Quirke"),
        ("Many thanks,\n\nbrendan tolliver, MBBS FRACGP\nGeneral Practitioner", "brendan tolliver"),
        ("YOURS SINCERELY,\n\nCORMAC DUNLEAVY, MB BCH BAO MICGP\nIMC 123456", "CORMAC DUNLEAVY"),
        ("Checked -- priya venkataraman, MPharm (extn 4411)", "priya venkataraman"),
        ("clexane dose confirmed.\nmarcus heathcote, rph  p812", "marcus heathcote"),
        ("Validated 04/03 2210 -- anand raghuvan, BMS\n", "anand raghuvan"),
        ("VALIDATED 22ND 4AM -- OKAFOR, MEDICAL SCIENTIST\n", "OKAFOR"),
        ("handed to rn ellie by t. quennell (bsn, rn).\n", "t. quennell"),
        ("-- m. akinyemi (rgn)\n", "m. akinyemi"),
        ("Toby Marchetti, F2 to Mr Ossington\nbleep 4471", "Toby Marchetti"),
        ("Declan Ashworth, intern to dr o'hagan\n", "Declan Ashworth"),
        ("GLORIA PEMBERTON, MD  Mar 2, 2024 0900h\n", "GLORIA PEMBERTON"),
    ],
)
def test_a_name_before_credentials_is_masked(text: str, name: str) -> None:
    assert name not in masked(text)
    assert "#" * len(name) in masked(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("AUTHORISED: DR K OYELARAN\n", "K OYELARAN"),
        ("Authorised: Dr S McAvennie\n", "S McAvennie"),
        ("refer back to dr t whitcombe clinic if worse", "t whitcombe"),
        ("DICTATED BY DR ODUYA FOR DR B HARGREAVE\n", "B HARGREAVE"),
        ("follow up dr p.adebayo clinic 3/12.", "p.adebayo"),
    ],
)
def test_a_title_with_a_bare_initial(text: str, name: str) -> None:
    assert "#" * len(name) in masked(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("CREW DERRICK HOLLAND, F. O'MARA (PARAMEDIC). DISPATCHED 0900", ["DERRICK HOLLAND", "F. O'MARA"]),
        ("crew s. pennington-hale (specialist paramedic), gareth llewellyn. dispatched 0935", ["s. pennington-hale", "gareth llewellyn"]),
        ("handed to c. adeyemi (rgn) by zainab.\nhanded over by zainab to cnm oluchi\n", ["c. adeyemi", "zainab", "oluchi"]),
        ("triaged by rosalind fairweather 0200. bloods taken", ["rosalind fairweather"]),
        ("Comment: phoned to Thandiwe on St Anne's Ward 07:40", ["Thandiwe"]),
        ("mobilised to end of the hall with keziah.\n", ["keziah"]),
        ("R: refer to physio / OT (Saoirse), plan d/c Friday", ["Saoirse"]),
        ("plan agreed. -- rhiannon blackwood\n", ["rhiannon blackwood"]),
        ("registrar ADEBOLA, Martin reviewed, fluids up", ["ADEBOLA, Martin"]),
    ],
)
def test_crew_handover_and_sign_off_names(text: str, names: list[str]) -> None:
    out = masked(text)
    for name in names:
        assert "#" * len(name) in out, name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Patient: HOLLINGWORTH, Gerald Ambrose   DOB: 05/02/1946", "HOLLINGWORTH, Gerald Ambrose"),
        ("name: pettigrew, colin r    dob: june 9, 1947", "pettigrew, colin r"),
        ("Name: imogen clare whitlock  DOB 10 April 1950", "imogen clare whitlock"),
        ("PT: DAY,Harriet AGE 63\n", "DAY,Harriet"),
        ("PATIENT: DAY, HARRIET   DOB: 11/07/1959", "DAY, HARRIET"),
        ("RE: Mrs Harriet Day, D.O.B. 11/07/1959", "Harriet Day"),
        ("could you see Mrs Day, a 63 yr old lady", "Day"),
        ("NAME: MARK FENWICK, 65M, CHART # 0012", "MARK FENWICK"),
    ],
)
def test_the_patients_label_takes_common_words(text: str, name: str) -> None:
    assert "#" * len(name) in masked(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("mobilised 20m with Zimmer frame, then 2 wheeled walker.", ["Zimmer frame"]),
        ("Foley draining 40ml/hr, Thomas splint in situ, Hudson mask on.", ["Thomas splint", "Hudson mask"]),
        ("midline laparotomy, Lloyd Davies position. Drains: Jaques drain to bag.", ["Lloyd Davies position", "Jaques drain"]),
        ("BO x1, brown, Bristol type 4. Waterlow 16. sats 98% on 28% Venturi.", ["Bristol type 4", "Waterlow 16", "Venturi"]),
        ("Background: obesity (BMI 36), GORD, hypertension, smoker.", ["GORD", "smoker"]),
        ("Medications: aspirin 75mg, Panadol Osteo 1330mg TDS", ["Panadol Osteo"]),
        ("discharged home with Meals on Wheels.", ["Meals on Wheels"]),
        ("4-port laparoscopic, Hasson open entry at umbilicus.", ["Hasson"]),
        ("12/8 7.30AM HUSBAND RANG (505-723-0023) - SAYS", ["HUSBAND RANG"]),
        ("the 14th 0320 wife rang - says he is confused", ["wife rang"]),
        ("NOK: HUSBAND (EVAN) 0491 570 861.", ["HUSBAND"]),
        ("Report to: LMO Dr M. Rowntree\n", ["LMO"]),
        ("Yours sincerely\n\nTALIA OKORO, MD FRCSC\nAttending Surgeon", ["FRCSC"]),
        ("Yours sincerely,\n\nPaul Lindqvist, MD CCFP\nCPSO # 12345", ["CCFP"]),
        ("PRIMARY CARE DOCTOR LIST FROM QUARRYVALE PRIMARY CARE", ["DOCTOR LIST"]),
        ("explained cellulitis with abscess, consultant to call back.", ["abscess"]),
        ("lactulose 30 ml given, 2 loose BMS. GU: voiding", ["loose BMS"]),
        ("CXR, PA and lateral views; Hb 120, PT 14, INR 1.1", ["PA and lateral", "PT 14"]),
        ("completed 10/7 course; review in 6/52 with Dr Fenwick", ["10/7", "6/52"]),
    ],
)
def test_clinical_look_alikes_stay(text: str, kept: list[str]) -> None:
    out = masked(text)
    for word in kept:
        assert word in out, word
