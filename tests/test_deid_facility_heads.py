"""A facility found whole once ("Crossroads Specialty Clinic") is named again by its name alone, without its
kind ("echo at crossroads", "F/U @ GOOD SHEPHERD"): that name recurs across the record in any case. What must
stay: a kind alone ("clinic", "home care"), and a common word of a name alone ("good" of "Good Shepherd")."""

from __future__ import annotations

import pytest

from tests.deid_masking import hidden, masked


@pytest.mark.parametrize("whole, alone, later", [
    ("Crossroads Specialty Clinic", "crossroads", "Exam: EF 35%. Echo at crossroads 3/1; labs stable."),
    ("LIGHTHOUSE APOTHECARY", "Lighthouse", "Refill sent to Lighthouse, pt aware."),
    ("Good Shepherd Heart & Vascular", "good shepherd", "rtc after seeing cards @ good shepherd. rtc 3 mo."),
    ("Serenity Methadone Clinic", "SERENITY", "SITE: SERENITY   DOSE 80 MG"),
    ("KEYSTONE HOSPICE HOUSE", "keystone", "pt: 84 yo f at keystone rm 4, met w/ niece"),
])  # fmt: skip
def test_a_facility_named_by_its_name_alone_elsewhere_in_the_record_is_masked(whole: str, alone: str, later: str) -> None:
    first = f"Referred to {whole} for follow-up."
    assert hidden(first, whole, masked(first)), masked(first)
    out = masked(later, [first])
    assert hidden(later, alone, out), out


@pytest.mark.parametrize("whole, later", [
    ("Good Shepherd Heart & Vascular", "pt in good spirits, shepherd's pie for lunch"),
    ("Lakeside Home Care Associates", "home care 3x/wk; clinic f/u 2 wks; family at bedside"),
    ("Main Street Family Health Center", "main concern is pain; family health reviewed"),
])  # fmt: skip
def test_a_kind_or_a_common_word_of_a_facility_name_stays(whole: str, later: str) -> None:
    assert masked(later, [f"Referred to {whole} for follow-up."]) == later
