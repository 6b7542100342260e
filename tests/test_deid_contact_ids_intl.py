"""Phones and identifiers as British, Irish, Australian, New Zealand and Canadian notes write
them: short internal lines after a label, trunk-0 area codes, health and registration numbers
after their label; doses, times, scores and bed numbers left readable. All examples invented."""

import pytest

from ingestion.deid import find_phi
from tests.deid_masking import masked
from ingestion.deid.recognizers.ids import issuers



def covers(text: str, value: str) -> bool:
    start = text.index(value)
    return masked(text)[start : start + len(value)] == "#" * len(value)


@pytest.mark.parametrize("text, value", [
    # short internal lines after a label, any case
    ("escalate to F1 Dr Tamsin Hale (bleep 614) if NEWS >= 5", "614"),
    ("Priya Vance, SHO to Mr Oduya\nbleep #6142\n", "6142"),
    ("REQUESTING CLINICIAN: DR FENWICK  BLEEP #40721\nSPECIMEN: MSU", "40721"),
    ("Gareth Pym, intern to dr lowry\nblp 5192\n", "5192"),
    ("MARCUS DALE, SHO TO MS ABARA\nBLP 27014\n", "27014"),
    ("Nadia Kerr, RMO to LEWIS, Anne\npager 582\n", "582"),
    ("tom harker, rph  p617\n", "617"),
    ("escalate to PGY-2 Dr. K.Adeyemi (p617) if SBP < 90", "617"),
    ("DR B. ORMOND (MICROBIOLOGY) EXTN 03518 IF NEEDED.", "03518"),
    ("Fern Walsh, Reg. OT (extn 0774)", "0774"),
    ("Secretary: 01632 960512 extn 28461", "28461"),
    # trunk-0 area codes in brackets, and national mobiles and landlines
    ("usual gp dr quill, elm family practice, (01) 496 0732.", "(01) 496 0732"),
    ("daughter to ring (04) 916 2287 if worse", "(04) 916 2287"),
    ("no answer on (01632) 960417, voicemail left", "(01632) 960417"),
    ("Secretary: (061) 493817 extn 0412", "(061) 493817"),
    ("Secretary: (061) 493817 extn 0412", "0412"),
    ("Practice (07) 55503614, fax to follow", "(07) 55503614"),
    ("son's mobile 0412 555 019, home (02) 9555 0148", "0412 555 019"),
    ("son's mobile 0412 555 019, home (02) 9555 0148", "(02) 9555 0148"),
    ("contact wife on 087 555 0193 or +44 20 7946 0321", "087 555 0193"),
    ("contact wife on 087 555 0193 or +44 20 7946 0321", "+44 20 7946 0321"),
    # health numbers and registration numbers after their label
    ("Mr Cole  DOB 03/04/1950  Medicare #5120 48831 2-1", "5120 48831 2-1"),
    ("Medicare # 5120 48831 2 and UR 3381902", "5120 48831 2"),
    ("Patient: DUVAL, Rene | OHIP # 4471-208-663-KT | Hosp # 5512093", "4471-208-663-KT"),
    ("LAB NO: Q22.481337   RECEIVED: 02/03/2022", "Q22.481337"),
    ("SPECIMEN NO. Q22.770142\nCOLLECTED 02/03/2022", "Q22.770142"),
    ("Signed: Orla Brennan, FRCSI\nIMC 402917\n", "402917"),
    ("Mr Hemi Walker\nMCNZ 58120\n", "58120"),
    ("Yours sincerely,\nDr Ada Frost, MD CCFP\nCPSO # 61307\n", "61307"),
    ("Dr Kai Ng, AHPRA MED00 4417", "MED00 4417"),
    ("Dr Ruth Ames (GMC 7051234)", "7051234"),
    ("patient report form  job no. 442871  3-feb-22", "442871"),
    ("AMBULANCE HANDOVER -- INCIDENT 719304 -- 1/2/2020", "719304"),
    ("Paramedic handover 1420, incident 550186", "550186"),
    ("S - Ivy Marsh (71F) Visit no. 61902283, admitted via ED", "61902283"),
    ("dob 2.3.44  hosp. no. 072144  wt 80kg", "072144"),
    ("S - pearl (88F) UR No. 305518, admitted 2nd Jun", "305518"),
    ("pt: hale, ana  78f  nhi no. zqk5521", "zqk5521"),
    ("NHS number 485 777 3456", "485 777 3456"),
])  # fmt: skip
def test_masked(text, value):
    assert covers(text, value), masked(text)


@pytest.mark.parametrize("text, kept", [
    ("anticoagulation: clexane 1.5mg/kg od, apixaban 5mg BD", "1.5mg/kg"),
    ("BP 162/88, HR 104, sats 94% on RA, NEWS2 5", "162/88"),
    ("seen at 0035, reviewed again 2230h, obs 0800 1200 1600", "0800 1200 1600"),
    ("seen at 0035, reviewed again 2230h", "2230h"),
    ("bed 5, bay 3, room 823a, theatre 7, ward 12", "room 823a"),
    ("bed 5, bay 3, room 823a, theatre 7, ward 12", "theatre 7"),
    ("knee ext 10, flex 120; extn 175 degrees", "extn 175"),
    ("GCS 15/15, MMSE 27/30, Rockwood CFS 5, Braden 12", "Braden 12"),
    ("co-codamol 30/500 1-1-1-1; Combivent 0.5/2.5 0.5-0-0.5", "30/500 1-1-1-1"),
    ("co-codamol 30/500 1-1-1-1; Combivent 0.5/2.5 0.5-0-0.5", "0.5-0-0.5"),
    ("weights 0.5 1.0 1.5 2.0 kg over the week", "0.5 1.0 1.5 2.0"),
    ("shift 0800-1700, nights 2000-0800", "0800-1700"),
    ("BCR-ABL1 (p210) detected; cytochrome p450 interaction", "(p210)"),
    ("BCR-ABL1 (p210) detected; cytochrome p450 interaction", "p450"),
    ("Case #2 of 3; Visit no. 2; incident 2019; PPS 40-50", "Visit no. 2"),
    ("Na 131 (reference 135-145 mmol/L), ref: 3.5-5.2", "135-145"),
    ("bleeped 2 times overnight; bleep 100 times", "bleep 100 times"),
    ("Na 135-145, K 3.5-5.0, Hb 102, plt 245", "3.5-5.0"),
    ("follow up in 6/52, abx for 10/7, review 3/12", "10/7"),
])  # fmt: skip
def test_kept(text, kept):
    start = text.index(kept)
    assert "#" not in masked(text)[start : start + len(kept)], masked(text)


def test_issuer_list_is_clean():
    names = issuers()
    assert list(names) == sorted(set(names)) and all(n == n.lower() for n in names)
    # clinical abbreviations that would mask a measurement
    assert not {"mcp", "ocp", "psi", "pps", "phn"} & set(names)
