"""Streets named by an ordinal, addresses broken over a line, highways where an event happened,
intersections, landmarks and localities: found by their shape and the words around them."""

import pytest
from faker import Faker

from tests.deid_masking import masked

fake = Faker("en_US")
fake.seed_instance(20261207)


def _hidden(text: str, part: str) -> bool:
    out = masked(text)
    start = text.index(part)
    kept = [c for c, o in zip(part, out[start : start + len(part)]) if c.isalnum() and o != "#"]
    return len(kept) <= len([c for c in part if c.isalnum()]) // 10


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@pytest.mark.parametrize("case", ["upper", "lower", "title"])
@pytest.mark.parametrize("kind", ["AVE", "PL", "TERRACE", "St", "Street", "Road"])
def test_a_street_named_by_an_ordinal_is_masked(case: str, kind: str) -> None:
    street = f"{fake.building_number()} {_ordinal(fake.random_int(1, 99))} {kind}"
    street = getattr(street, case)()
    text = f"{street}, {fake.city()}, {fake.state_abbr()} {fake.zipcode()}   TEL 555-0100\n"
    assert _hidden(text, street), masked(text)


def test_an_address_whose_street_type_wraps_onto_the_next_line_is_masked() -> None:
    name = fake.last_name().upper()
    for kind in ("ST", "STREET", "AVE"):
        text = f"THE PATIENT LIVES AT {fake.building_number()} {name}\n{kind}, {fake.city().upper()}, MA 02130 WITH HIS WIFE."
        part = text[text.index("AT ") + 3 : text.index(",")]
        assert _hidden(text, part), masked(text)


@pytest.mark.parametrize("text", [
    "Completed 2 2nd line agents.\nDr. Smith to follow.",
    "Took 2 cats\nDr. Lee agrees.",
    "Day 3 of 5th course; 2 3rd degree burns.",
    "walked 2 blocks\nst: stable",
])  # fmt: skip
def test_ordinals_and_line_starts_that_are_no_street_stay(text: str) -> None:
    out = masked(text)
    for word in ("line", "agents", "Dr", "course", "degree", "blocks", "stable"):
        if word in text:
            assert word in out, out


def _town() -> str:
    return fake.city()


@pytest.mark.parametrize("shape, road", [
    ("MVC on {road} near the {town} exit in {town}.", "US-{n}"),
    ("s/p MVC on {road} southbound near mile 144 in {town}.", "I-{n}"),
    ("HPI: MVC on {road}; restrained driver.", "Rt {n} near exit 30"),
    ("HPI: Pedestrian struck on {road}. Arrived via EMS.", "Rt. {n} near exit 16"),
    ("HPI: MVC on {road}; restrained driver, airbag deployed.", "exit 25 off Route {n}"),
    ("Lives on a farm road off {road} in {town}; cell service poor.", "Rt. {n}"),
])  # fmt: skip
def test_a_highway_where_an_event_happened_is_masked(shape: str, road: str) -> None:
    road = road.format(n=fake.random_int(2, 199))
    text = shape.format(road=road, town=_town())
    assert _hidden(text, road), masked(text)


@pytest.mark.parametrize("text, kept", [
    ("Thyroid ablation with I-131 in 2019; on I-131 therapy now.", "I-131"),
    ("US-guided paracentesis, 3 L removed.", "US-guided"),
    ("Pain in rt 2nd toe; rt 5 mm nodule.", "rt 2nd toe"),
    ("I-123 uptake scan near normal.", "I-123"),
])  # fmt: skip
def test_isotopes_ultrasound_and_sides_stay(text: str, kept: str) -> None:
    assert kept in masked(text)


def test_an_intersection_is_masked() -> None:
    a, b = fake.last_name(), fake.last_name()
    for text, parts in [
        (f"s/p struck by car at the corner of {a} and 11th in {_town()}.", [a, "11th"]),
        (f"the bus stop at {a.lower()} ln and {b.lower()} drive has been moved", [f"{a.lower()} ln", f"{b.lower()} drive"]),
        (f"THE BUS STOP AT {a.upper()} AND {b.upper()} DRIVE HAS BEEN MOVED", [a.upper(), f"{b.upper()} DRIVE"]),
    ]:
        for part in parts:
            assert _hidden(text, part), masked(text)


@pytest.mark.parametrize("shape", [
    "14:50 PT WAS FOUND AT {NAME} POND IN {TOWN} BY EMS",
    "house is behind {name}field landing common.",
    "During the field trip to {Name} State Park in {Town}, she had a low sugar.",
    "remembers the reception at {name} pond.",
    "HOUSE IS BEHIND {NAME} CENTER RESERVOIR.",
    "he was found at {Name}\nPond by police.",
])  # fmt: skip
def test_a_landmark_is_masked_by_its_kind_in_any_case(shape: str) -> None:
    name, town = fake.last_name(), _town()
    text = shape.format(NAME=name.upper(), name=name.lower(), Name=name, TOWN=town.upper(), Town=town)
    part = next(p for p in (name.upper(), name.lower(), name) if p in text)
    assert _hidden(text, part), masked(text)


def test_a_neighbourhood_by_its_section_is_masked() -> None:
    name = fake.last_name()
    text = f"Pt staying with friend in the {name} section this week; pick up there."
    assert _hidden(text, f"{name} section"), masked(text)


@pytest.mark.parametrize("text", [
    "Prepped and draped in the usual sterile field; visual field full.",
    "Lungs: crackles in the left lower lung field.",
    "See the results section; in the methods section below.",
    "Lesion at the corner of the mouth and lip.",
    "Walks in the park daily; swims at the lake in summer.",
    "Delivered by cesarean section in the lower uterine section.",
])  # fmt: skip
def test_clinical_fields_sections_and_plain_parks_stay(text: str) -> None:
    out = masked(text)
    for word in ("sterile", "visual", "lung", "results", "methods", "mouth", "lip", "park", "lake", "cesarean", "uterine"):
        if word in text:
            assert word in out, out


@pytest.mark.parametrize("shape, street", [
    ("injured at the loading dock on {street} in {town}. supervisor notified", "{last} place"),
    ("rx to shoppers drug mart on {street}. choice letter signed", "summer terrace"),
    ("prefers to die at home on {street}, not at the hospital.", "bridge road"),
    ("pt's mail should go to {street} in {town}", "{num} spring st"),
    ("Medication may be dropped off at the front office, {street} entrance.", "{Last} Drive"),
    ("HOME IS A 3RD-FLOOR WALKUP ON {street} IN {town}", "CROSS ST."),
    ("Lives alone off {street} near {town}.", "the {Last} Road"),
    ("LIVES ALONE OFF {street} NEAR {town}.", "THE {LAST}\nROAD"),
    ("ped struck at {Last} Rd & {street}. Per EMS", "11th St"),
])  # fmt: skip
def test_a_street_by_the_building_on_it_its_entrance_or_its_article_is_masked(shape: str, street: str) -> None:
    last = fake.last_name()
    street = street.format(last=last.lower(), Last=last, LAST=last.upper(), num=fake.building_number())
    text = shape.format(street=street, town=fake.city(), Last=last)
    assert _hidden(text, street), masked(text)


def test_a_postcode_after_a_state_is_masked() -> None:
    zip_code = fake.zipcode()
    text = f"pt lives with daughter at {fake.street_address()},\n{fake.city().lower()}, md {zip_code}. prior to admit"
    assert zip_code not in masked(text)
    assert "H4C5K1" not in masked(f"he lived at home, {fake.city()}, AB H4C5K1, with his partner.")


@pytest.mark.parametrize("text", [
    "Home on 2 L NC; home on tube feeds. Uses the main entrance.",
    "Took 2 cats\nDr. Lee agrees.",
    "on the road to recovery; mg, ca 12345 units",
])  # fmt: skip
def test_plain_uses_of_home_on_and_entrance_stay(text: str) -> None:
    out = masked(text)
    for word in ("tube", "feeds", "main", "Dr", "road", "recovery"):
        if word in text:
            assert word in out, out


@pytest.mark.parametrize("shape, place", [
    ("Pt staying with daughter in {place} this week; pick up there.", "{Last} Point"),
    ("PT STAYING WITH MOM IN {place} THIS WEEK; PICK UP THERE.", "{LAST} HIGHLANDS"),
    ("his MGM is moving up\nto {place} next month", "{Last}ford"),
    ("aunt drove down from\n{place} and sang hymns.", "{Last}mont"),
    ("before that couch-surfing in {place}.", "Lower New {Last}leigh"),
])  # fmt: skip
def test_a_locality_by_its_type_its_prefix_or_a_cue_across_a_line_is_masked(shape: str, place: str) -> None:
    last = fake.last_name()
    place = place.format(Last=last, LAST=last.upper())
    text = shape.format(place=place)
    assert _hidden(text, place), masked(text)


@pytest.mark.parametrize("text", [
    "edema in lower extremities and upper GI tract; in Point of care testing.",
    "Mass in the Upper Lobe; moving up to the ICU.",
    "drove down from\nthe clinic and sang hymns",
])  # fmt: skip
def test_sides_and_care_after_those_cues_stay(text: str) -> None:
    out = masked(text)
    for word in ("lower", "extremities", "upper", "Point", "care", "Upper", "Lobe", "ICU", "clinic"):
        if word in text:
            assert word in out, out


@pytest.mark.parametrize("kind", ["Via", "Manors", "Island", "station", "run"])
def test_the_street_of_the_pharmacy_a_prescription_went_to_is_masked(kind: str) -> None:
    street = f"{fake.first_name()} {kind}"
    text = f"Pt ran out of zofran today; refill sent to CVS on {street}. Pt instructed to hold oxycodone."
    assert _hidden(text, street), masked(text)
    assert "on hold pending" in masked("refill sent to pharmacy on hold pending labs; rx sent to CVS on file.")


def test_a_prefixed_name_in_lower_case_after_a_place_preposition_is_masked() -> None:
    name = fake.first_name_female().lower()
    text = f"granddaughter lives nearby in west {name}. roommate brings groceries."
    assert _hidden(text, f"west {name}"), masked(text)
    assert "west side" in masked("pain radiating to west side; in east wing")


@pytest.mark.parametrize("shape, place", [
    ("13:15 PT WAS FOUND AT {place} IN BOSTON BY EMS", "WALKER POND"),
    ("THE RECEPTION AT {place}. GODSON IS WORRIED", "WHITE FIELD"),
    ("lives off the Bay Road near {place}; past the line.", "South {Last}\nReservoir"),
    ("house is behind {place}. Pt's niece lives next door.", "North {Last} Green"),
    ("delivery route for Acme Logistics between Salem and {place}.", "{last}"),
    ("the bus stop at {place} and Elm St has been moved", "bridge ln"),
    ("THE BUS STOP AT OAK AVE AND {place} HAS BEEN MOVED", "SUMMER DRIVE"),
    ("LIVED IN SALEM FOR 50 YEARS; MOVED\nTO {place} TO BE NEAR HER", "NEW {LAST}"),
])  # fmt: skip
def test_landmarks_route_ends_and_streets_of_a_corner_in_words_of_a_note_are_masked(shape: str, place: str) -> None:
    last = fake.last_name()
    place = place.format(Last=last, LAST=last.upper(), last=last.lower())
    text = shape.format(place=place)
    assert _hidden(text, place), masked(text)


def test_walkers_greens_and_counts_between_stay() -> None:
    text = "uses a walker at home; in the green zone; pain between shoulders and neck; drives between 2 and 3 times a week"
    out = masked(text)
    for word in ("walker", "green", "shoulders", "neck", "times"):
        assert word in out, out


def test_the_street_a_patient_lives_on_is_masked_in_words_of_a_note() -> None:
    for text, street in [
        ("SHE LIVES\nALONE ON SPRING COURT IN RURAL COUNTY.", "SPRING COURT"),
        (f"She lives alone on {fake.last_name()}\nBoulevard in rural county.", "Boulevard"),
    ]:
        assert _hidden(text, street), masked(text)
    assert "oxygen" in masked("lives alone on oxygen; lives on 2nd floor")


def test_a_numbered_street_of_any_type_after_lives_at_ends_before_in_town() -> None:
    street = f"{fake.building_number()} {fake.last_name()} Wells".upper()
    text = f"THE PATIENT LIVES AT {street} IN {fake.city().upper()}."
    assert _hidden(text, street), masked(text)
    assert "course in hospital" in masked("Took 5 day course in hospital")


@pytest.mark.parametrize("shop", ["Target", "Wendy's", "Dunkin'", "Price Rite"])
def test_a_shop_by_the_street_it_stands_on_is_masked(shop: str) -> None:
    text = f"Syncopal episode in the checkout line at {shop} on {fake.last_name()} Drive. First on scene"
    assert _hidden(text, shop.strip("'")), masked(text)
    out = masked("seen at Rehab on Main St; at Home on Oak Street; at Rest on Elm St")
    for word in ("Rehab", "Home", "Rest"):
        assert word in out, out


def test_a_cross_streets_drive_is_no_doctor() -> None:
    street = f"{fake.last_name()} Dr"
    text = f"Nearest cross street {street}. Second home in Georgia in the winter."
    assert _hidden(text, street), masked(text)
    assert "Dr" in masked("Seen on Smith Dr. Jones's service today.").split("Smith")[-1]
