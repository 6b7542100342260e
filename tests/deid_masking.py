"""What a reader of a de-identified note sees: every masked character as '#'."""

from ingestion.deid import find_phi


def masked(text: str, record: list[str] | None = None) -> str:
    """`text` with each character find_phi masks replaced by '#', the other notes of its record beside it."""
    spans = find_phi([text, *(record or [])])[0]
    chars = list(text)
    for s in spans:
        chars[s.start : s.end] = "#" * (s.end - s.start)
    return "".join(chars)


def town_name(fake) -> str:
    """A town's name made as towns are, from a Faker surname and an ending ("Halvorsenby", "Okaforton")."""
    return fake.last_name().split()[-1].split("-")[0] + fake.random_element(["ton", "ville", "field", "bury", "wick"])


def hidden(text: str, part: str, out: str) -> bool:
    """Every character of `part` (its first place in `text`) is masked in `out`, or a space between masked words."""
    start = text.index(part)
    return set(out[start : start + len(part)]) <= {"#", " "}
