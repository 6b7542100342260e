"""Dates the British, Irish, Australian, NZ and Canadian way: a day with no month ("the 24th"), a weekday
with its day ("Sat 2nd", "Wed 1/5"), day.month with no year ("on 13.2"), and the look-alikes that stay
readable: durations (10/7, 3/12, 6/52), drug strengths, scores and lab values."""

import pytest

from ingestion.deid import find_phi

UK = "Flucloxacillin 500mg QDS. "  # a note written the British way (qds)


def dates(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_phi([text])[0] if s.entity_type == "DATE"]


@pytest.mark.parametrize("text, date", [
    ("Typed: the 19th\n\nDr Wilma Fairbanks", "19th"),
    ("the 12th 0215: son Dario rang for an update", "12th"),
    ("THE 8TH 10.15PM -- SPOKE WITH PT", "8TH"),
    ("REPORTED: THE 21ST\nNAME: QUILLER, ROSA", "21ST"),
    ("INCISION AND DRAINAGE (THE 6TH)", "6TH"),
    ("apixaban 5mg BD from the 5th. Clips out 10 days", "5th"),
    ("plan d/c the 9th if stable, wife aware", "9th"),
    ("LM re: appt the 4th at 14:30 with Ms Petrov.", "4th"),
    ("Home visit -- 12 Larkspur Rise -- Saturday 28th\nSeen with", "Saturday 28th"),
    ("VALIDATED TUES 19TH 6AM -- A. MORROW, BMS", "TUES 19TH"),
    ("Plan: review Thurs 23rd; daughter to ring", "Thurs 23rd"),
    ("Thursday 6/14 07:20: wife called", "Thursday 6/14"),
    ("admitted wed 2/9 via ED with chest pain", "wed 2/9"),
    ("Phone log\n18.10 0040: partner rang", "18.10"),
    ("Transferred from Riverbend rehab on 27.11 with a chest infection.", "27.11"),
    ("Stepped down to the rehab ward on 14.3 for rehab.", "14.3"),
    ("Discharged home. Sutures out 9.4.", "9.4"),
    ("PLAN: REVIEW 22.8. OT TO COMPLETE HOME VISIT", "22.8"),
    ("RECEIVED 02:10   REPORTED: 29.6\nNAME:", "29.6"),
    ("Ward 4 handover -- bay 2 -- 30.1\nS: 70F", "30.1"),
    ("a+e triage 10pm 17.5. 64-year-old man", "17.5"),
    ("PROCEDURE: LAPAROSCOPIC APPENDICECTOMY (12.4)\n", "12.4"),
    (UK + "Seen in clinic 10/7 by the registrar.", "10/7"),  # a date, written day first
    ("F/u in clinic on 10/7 with Dr Nakamura.", "10/7"),
    ("Follow up Dr Okafor clinic 10/7.", "10/7"),  # a US note: the 7th of October
    (UK + "Next appt 10/7 with the nurse.", "10/7"),
])  # fmt: skip
def test_a_commonwealth_date_is_masked(text: str, date: str) -> None:
    assert any(date in masked for masked in dates(text))  # a time beside it may be masked with it


@pytest.mark.parametrize("text", [
    "Hb 13.2, K 4.1, temp 37.9, INR 2.5.",
    "Cr 1.2 on 3.4 last week.",
    "INR stable on 2.5 now.",
    "O2 on 2.5 L via nasal cannula.",
    "ED triage at 0800 2.1 lactate.",
    "the 4th ventricle is normal; the 2nd time this year.",
    "fractures of the 4th, 5th and 6th ribs",
    "she was the 3rd of four children; below the 5th centile",
    "sat 3/4 of the day in the chair",
    "flucloxacillin 1g QDS to complete 10/7.",
    "Follow up: general surgical clinic in 3/12 (two months).",
    "refer to the memory service; review in 4/7.",
    "Clips out 2/52 by practice nurse.",
    UK + "TED STOCKINGS. FU 10/7.",
    UK + "Follow up Dr Okafor clinic 10/7.",
    UK + "Outpatient review at Larchfield Hospital 3/12.",
    "Targin 10/5 BD; co-careldopa 12.5/50 (1-0-1); Targin 10/5 1-1-1",
    "PHQ-9 10/27 - consider memory clinic. AMTS 6/10.",
    "GA, ETT, PCV 17/8 RR 12.",
])  # fmt: skip
def test_a_duration_dose_score_or_lab_value_stays_readable(text: str) -> None:
    assert dates(text) == []
