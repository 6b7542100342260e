"""The de-identification configuration: YAML over data/deid.yaml, named by one settings path,
checked when the settings are made."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from ingestion.deid import DeidSettings, find_phi
from ingestion.deid.config import DEFAULT_CONFIG, load_config

TEXT = "poss transfer to cobbler's; sent to WQH for eval; biscuit aware; Hartwell protocol started 3/4"


def masked(text: str, settings: DeidSettings | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_phi([text], settings)[0]]


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_defaults_load_from_the_packaged_file() -> None:
    config = load_config(None)
    assert DEFAULT_CONFIG.is_file()
    assert config.score_threshold == 0.4 and config.recognizers.names and config.gazetteer.facilities == ()


def test_a_hospitals_gazetteer_masks_its_places_and_staff_in_any_case(tmp_path: Path) -> None:
    path = write(tmp_path, "gazetteer:\n  facilities: [Cobbler's, WQH]\n  staff: [Biscuit]\n")
    settings = DeidSettings(config=path)
    found = masked(TEXT, settings)
    assert {"cobbler's", "WQH", "biscuit"} <= set(found)
    assert load_config(path).score_threshold == 0.4  # what the file leaves out keeps its default


def test_the_safe_list_keeps_a_local_term_readable(tmp_path: Path) -> None:
    text = "Started on the Hartwell Protocol today."
    assert "Hartwell Protocol" not in masked(text, DeidSettings(config=write(tmp_path, "safe: [Hartwell Protocol]\n")))


def test_a_family_turned_off_is_not_masked(tmp_path: Path) -> None:
    settings = DeidSettings(config=write(tmp_path, "recognizers:\n  dates: false\n"))
    assert "3/4" in masked(TEXT)
    assert "3/4" not in masked(TEXT, settings)


@pytest.mark.parametrize("body, message", [
    ("recognizers:\n  nams: false\n", "recognizers.nams"),
    ("score_threshold: 2\n", "score_threshold"),
    ("gazetteer: [a, b]\n", "gazetteer"),
    ("safe: [unclosed\n", "not valid YAML"),
    ("- just\n- a list\n", "keys and values"),
])  # fmt: skip
def test_a_bad_configuration_stops_the_settings_with_the_file_and_the_key(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ValidationError) as error:
        DeidSettings(config=path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_a_missing_configuration_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="config"):
        DeidSettings(config=tmp_path / "nowhere.yaml")
