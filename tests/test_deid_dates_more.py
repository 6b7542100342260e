"""Dates as Safe Harbor counts them: a month alone where a time is meant, a month's range of days
written with "to", a day with a two-digit year; and the month names that are not dates."""

from __future__ import annotations

import pytest

from tests.deid_masking import masked


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("admitted in March with dyspnea", "March"),
        ("no falls since Jan.", "Jan."),
        ("last week of June she fell", "June"),
        ("worse since mid-March", "March"),
        ("In May she fell at home", "May"),
        ("on abx March 14 to 16", "March 14 to 16"),
        ("seen Mar 14 '22 in clinic", "Mar 14 '22"),
    ],
)
def test_a_date_element_is_masked(text: str, date: str) -> None:
    assert "#" * len(date) in masked(text)


@pytest.mark.parametrize("text", ["she may be discharged tomorrow", "in may be of help", "Marc's room"])
def test_may_as_a_verb_stays(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("text", ["per MAR third dose given at noon", "a mar third", "DEC second dose", "mar first entry",
                                  "you may first call", "A MAY THIRD", "the first may be"])
def test_a_cut_month_before_or_after_a_day_in_words_is_no_date(text: str) -> None:
    # "MAR" (the medication administration record), "dec" (decreased) beside an ordinal word
    assert masked(text) == text


@pytest.mark.parametrize(("text", "date"), [("seen March third", "March third"), ("the second of May", "the second of May"),
                                            ("due Mar. fourteenth", "Mar. fourteenth")])
def test_a_spelled_month_and_a_day_in_words_are_a_date(text: str, date: str) -> None:
    assert "#" * len(date) in masked(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("FOLEY PLACED 2-20. FEVER TO 102", "2-20"),
        ("EMS / TRIAGE    Arrival 9-12 @ 0955", "9-12"),
        ("Ruppert Eye Associates as scheduled (3-19)", "3-19"),
        ("# Cx 6/14 NGTD", "6/14"),
        ("# Cx 10/3 NGTD", "10/3"),
        ("last admission was 1/12-1/15/2021 for CHF", "1/12-1/15/2021"),
        ("stay for NSTEMI (3 May - 10 May). Percocet 5/325", "10 May"),
        ("MRSA nares positive 10 May).", "10 May"),
        ("admitted the 27th (transferred from Gray) with", "27th"),
        ("ECHO FROM THE 26TH FORMAL READ PENDING", "26TH"),  # a count is a part of its whole: 10 of 3 bottles is none
        ("symptoms began this past May; had similar in 2014", "May"),
        ("IV antibiotics 14-20 March, then oral", "14-20 March"),
        ("febrile between the 14th and 20th of March", "14th and 20th of March"),
        ("transfused March 14 and 16", "March 14 and 16"),
        ("seen on March fourteenth by GI", "March fourteenth"),
        ("lost 5 kg Jan-Feb 2023", "Jan-Feb 2023"),
        ("Admission Date: [**2150-3-2**]", "2150-3-2"), ("3-20: readmitted with dyspnea", "3-20"),
        ("Specimen collected 20230315.", "20230315"), ("Dictated 20230321T0930 by JT", "20230321T0930"),
        ("seen 3/3/'23 in clinic", "3/3/'23"), ("vancomycin 3/3-5, then linezolid", "3/3-5"), ("seen 03-03 in clinic", "03-03"), ("on third March", "third March"),
        ("staying at a shelter since Jan; before that in her car", "Jan"), ("lost her apartment in mid-Sept", "Sept"),
    ],
)
def test_a_hyphenated_or_cultured_day_is_a_date(text: str, date: str) -> None:
    assert "#" * len(date) in masked(text)


@pytest.mark.parametrize(
    "text",
    ["bcx 2/2 positive", "cx 1/4 GPC", "pt 3 may be transferred", "3 MAY NEED O2", "from the 4th ventricle", "admitted the 2nd time", "pain 3-4.", "gave 1-2 tabs.", "coumadin 5 mg qhs (INR goal 2-3)", "CIWA 10-15, ativan 1mg",
     "MICU NURSING NOTE 3-11", "3-4 L NC", "q3-4h", "gave 1-2 may repeat", "3 to 4 MAY BE NEEDED", "held in MAR", "see MAR", "take 1/2-1 tab", "pain 3/10-5", "gave 05-10 units", "Target INR 2-3."],
)
def test_counts_ranges_and_shifts_stay(text: str) -> None:
    assert masked(text) == text
