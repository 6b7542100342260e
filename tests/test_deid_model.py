"""Bring your own model: a spaCy NER pipeline hospital IT installed adds to the rules.

The pipeline is built here, in the test (a blank English pipeline with an entity ruler that
knows one name), never downloaded.
"""

from __future__ import annotations

import pytest
import spacy
from pydantic import ValidationError

from ingestion.deid import DeidSettings, find_phi

# A name that is two English words, with no cue: the rules leave it, only the model knows it.
TEXT = "Will Baker tolerated the procedure well."


@pytest.fixture(scope="module")
def tiny_ner(tmp_path_factory):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Will Baker"}])
    path = tmp_path_factory.mktemp("ner") / "tiny_ner"
    nlp.to_disk(path)
    return path


def test_the_rules_alone_miss_a_name_they_have_no_evidence_for():
    assert find_phi([TEXT])[0] == []


def test_a_configured_spacy_pipeline_finds_it_beside_the_rules(tiny_ner):
    [spans] = find_phi([TEXT + " Call 617-555-0134."], DeidSettings(spacy_model=tiny_ner))
    found = {(TEXT + " Call 617-555-0134.")[s.start : s.end]: s.entity_type for s in spans}
    assert found == {"Will Baker": "PERSON", "617-555-0134": "PHONE"}


def test_a_model_path_that_does_not_exist_is_refused_rather_than_downloaded(tmp_path):
    with pytest.raises(ValidationError, match="spacy_model"):
        DeidSettings(spacy_model=tmp_path / "en_core_web_lg")
