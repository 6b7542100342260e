"""A place found in part is masked whole: its kind ("VNA", "Crest", "rehab") and its prefix ("Port",
"Hospice of the") go with the name the recognizers or propagation found; a person's first name or
surname beside the part found goes with it (tests/test_deid_name_shapes.py). All names invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingestion.deid.entities import Phi
from ingestion.deid.grow import grow
from ingestion.models import PhiSpan
from tests.deid_masking import masked


@pytest.mark.parametrize(
    ("text", "record", "place"),
    [
        ("He was discharged home with services from Birchwick VNA.", [], "Birchwick VNA"),
        # the name is found in one note; the kind word goes with it in every other
        ("She had been living at Magnolia Crest since spring.", ["Came from Magnolia Crest Nursing Home."], "Magnolia Crest"),
        ("D/C PLAN MAGNOLIA CREST VS HOME.", ["Came from Magnolia Crest Nursing Home."], "MAGNOLIA CREST"),
        ("d/c plan trelawney rehab vs home", ["Came from Trelawney Rehab Center."], "trelawney rehab"),
        ("seen at Cedar Ridge Rehab today", [], "Cedar Ridge Rehab"),
        # a VA hospital named by its town, and a distribution centre by its name ("DC")
        ("6:05 AM FAMILY REQUESTS TRANSFER TO VA NEW BLYWOOD", [], "VA NEW BLYWOOD"),
        ("Second job at East Silcrest DC on weekends, also on hold.", [], "East Silcrest DC"),
        # an urgent care, a home-care partnership, a lab and a visiting-nurse service by their kinds; a congregation by its prefix
        ("Per our records, her last visit at East Yewton UC was 3/4.", [], "East Yewton UC"),
        ("Home health intake (New Brackwell Home Care Partners) 3/4", [], "New Brackwell Home Care Partners"),
        ("Labs drawn at home, sent to Kay Clinical Labs.", [], "Kay Clinical Labs"),
        ("member of Congregation Beth Ridgemont since 1990", [], "Congregation Beth Ridgemont"),
        ("COMPARISON: CT abdomen 3/4 at Cardon General/CGH (images pushed via PACS)", [], "Cardon General/CGH"),
        ("AGENCIES: open case with Kesby County Department of Social Services (worker on file)", [], "Kesby County Department of Social Services"),
        # a town's ZIP code right after it
        ("HPI: 52 F, brought by EMS from Ellsford, 80722. Per father, onset 3/4.", [], "Ellsford, 80722"),
    ],
)
def test_a_place_is_masked_with_its_kind(text: str, record: list[str], place: str) -> None:
    assert "#" * len(place) in masked(text, record)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("transferred from Mercy Hospital Emergency Department", "Emergency Department"),
        ("D/C PLAN: LIVES IN BOSTON, MA WELL SUPPORTED", "WELL SUPPORTED"),
        ("Discharged from Springfield Hospital. Surgery to follow.", "Surgery to follow"),
        ("VA 20/20 OU; plan: dc home tomorrow", "VA 20/20 OU; plan: dc home tomorrow"),
        ("hx UC on mesalamine; Crohn's vs UC; temple pain", "hx UC on mesalamine; Crohn's vs UC; temple pain"),
        ("transferred from Kelso Hospital 12345 units of heparin", "12345 units"),
    ],
)
def test_the_words_around_a_place_stay(text: str, kept: str) -> None:
    assert kept in masked(text)


_TEXT = "Pt from Port Bramgate Crest Rehab at Hospice of the Fallow Valley, dr Lane 5 North; VNA to call"


@given(st.lists(st.tuples(st.integers(0, len(_TEXT)), st.integers(1, 12), st.sampled_from(list(Phi))), max_size=6))
def test_grown_spans_only_grow_and_stay_disjoint(raw: list[tuple[int, int, Phi]]) -> None:
    spans, at = [], 0
    for start, size, kind in sorted(raw):
        start = max(start, at)
        if start + size <= len(_TEXT):
            spans.append(PhiSpan(start, start + size, str(kind), 0.7))
            at = start + size + 1
    grown = grow(_TEXT, spans)
    assert len(grown) == len(spans)
    for old, new in zip(spans, grown):
        assert new.start <= old.start and new.end >= old.end and new.entity_type == old.entity_type
        if old.entity_type not in (Phi.FACILITY, Phi.CITY, Phi.PERSON):
            assert (new.start, new.end) == (old.start, old.end)
    assert all(a.end <= b.start for a, b in zip(grown, grown[1:]))


@pytest.mark.parametrize(("text", "place"), [
    ("He was seen once in Elkfield Hospital and Medical Center's emergency department.", "Elkfield Hospital and Medical Center"),
    ("Course: NSTEMI, troponin peak 4.21, heparin gtt started at Ingbrook Hospital and Medical\nCenter; transferred here.",
     "Ingbrook Hospital and Medical\nCenter"),
    ("Outside records from Saint Monica's Medical Center - Mount Upperwick Campus requested.", "Saint Monica's Medical Center - Mount Upperwick Campus"),
])  # fmt: skip
def test_a_facilitys_whole_name_goes_on_past_a_possessive_a_wrapped_line_and_to_its_campus(text: str, place: str) -> None:
    assert not any(word in masked(text) for word in place.split())


@pytest.mark.parametrize(("text", "kept"), [
    ("BELTON FALLS VETERANS AFFAIRS MEDICAL CENTER\nHospital Medicine Service", "Hospital Medicine Service"),
    ("Her daughter, who lives in Upperford. Transfer center reference # 4274872", "Transfer center"),
])  # fmt: skip
def test_a_heading_a_department_and_the_next_sentence_stay_out_of_a_place(text: str, kept: str) -> None:
    assert kept in masked(text)


def test_the_record_wide_step_loads_no_recognizer() -> None:
    """Propagation and growth run in the ingest's main process: importing presidio or spaCy there doubled its memory."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from ingestion.deid.propagate import propagate\n"
        "from ingestion.models import Page, PhiSpan\n"
        "text = 'wife Centa Gray called. SPOKE W/ WILL ON PHONE. will faleti at bedside. Hospice of the Marvale Valley.'\n"
        "page = Page(1, text, 0, 612, 792, phi=[PhiSpan(text.index('Gray'), text.index('Gray') + 4, 'PERSON', 0.8)])\n"
        "propagate([page])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('presidio', 'spacy', 'ingestion.deid.recognizers'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
