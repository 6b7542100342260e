"""Find PHI in text with presidio: clinsum's recognizers on an offline NLP engine, in chunks.

presidio slows super-linearly on strings over ~25 KB and fails over 1 M characters, so long
text is analysed in overlapping chunks cut at line ends, and offsets are shifted back. With no
model configured the NLP engine is presidio's NoOpNlpEngine: every recognizer here is
self-contained. A spaCy pipeline that hospital IT installed adds its NER beside the rules.
"""

from __future__ import annotations

import functools
import time

import ingestion.deid.presidio  # noqa: F401  (first: settles presidio's environment)
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NoOpNlpEngine, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from ingestion.deid import recognizers as r
from ingestion.deid.config import DeidConfig, DeidSettings, cached_config
from ingestion.deid.propagate import merge
from ingestion.deid.entities import Phi
from ingestion.deid.lexicon import EPONYMS
from ingestion.errors import OutOfTime
from ingestion.models import PhiSpan

_OVERLAP = 300  # characters of context repeated across a chunk boundary
# What presidio calls the entities a spaCy NER pipeline finds, and the kinds we mask them as.
_SPACY_ENTITIES = {"PERSON": Phi.PERSON, "LOCATION": Phi.CITY, "ORGANIZATION": Phi.FACILITY, "DATE_TIME": Phi.DATE}


class Analyzer:
    def __init__(self, settings: DeidSettings):
        self.settings = settings
        self.config = cached_config(settings.config)
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in _recognizers(self.config):
            registry.add_recognizer(recognizer)
        if settings.spacy_model:
            # A folder that exists (the settings check it): presidio downloads only names it cannot find.
            nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(settings.spacy_model)}])
            registry.add_recognizer(SpacyRecognizer(supported_entities=sorted(_SPACY_ENTITIES)))
        else:
            nlp_engine = NoOpNlpEngine(models=[{"lang_code": "en", "model_name": "none"}])
        self.engine = AnalyzerEngine(
            registry=registry, nlp_engine=nlp_engine, supported_languages=["en"], context_aware_enhancer=_NoContext()
        )
        self.allow = {t.lower() for t in (*EPONYMS, *self.config.safe)}

    def analyze(self, text: str, deadline: float = float("inf")) -> list[PhiSpan]:
        """PHI spans of `text`, merged where they overlap, in order; OutOfTime once past `deadline`
        (time.monotonic(), checked between chunks)."""
        found: list[PhiSpan] = []
        for offset, chunk in _chunks(text, self.settings.chunk_chars):
            if time.monotonic() > deadline:
                raise OutOfTime()
            for result in self.engine.analyze(chunk, language="en", score_threshold=self.config.score_threshold):
                found.append(self._span(result, offset))
        return merge([s for s in found if text[s.start : s.end].lower() not in self.allow])

    @staticmethod
    def _span(result: RecognizerResult, offset: int) -> PhiSpan:
        kind = _SPACY_ENTITIES.get(result.entity_type, result.entity_type)
        return PhiSpan(result.start + offset, result.end + offset, str(kind), round(result.score, 2))


def _recognizers(config: DeidConfig) -> list:
    """The families the configuration leaves on, and the hospital's own list."""
    families = {
        "names": (r.CueNameRecognizer, r.SignatureNameRecognizer, r.RoleNameRecognizer, r.GazetteerNameRecognizer, r.PatientListRecognizer),
        "dates": (r.ClinicalDateRecognizer, r.ClinicalAgeRecognizer, r.MonthDayRecognizer),
        "ids": (r.ClinicalIdRecognizer,),
        "contact": (r.ClinicalPhoneRecognizer, r.ClinicalEmailRecognizer, r.ClinicalUrlRecognizer, r.ClinicalIpRecognizer, r.ClinicalSsnRecognizer),
        "addresses": (r.ClinicalAddressRecognizer, r.AddressBlockRecognizer, r.RoadRecognizer),
        "facilities": (r.ClinicalFacilityRecognizer, r.PlaceCueRecognizer, r.PracticeRecognizer, r.PremisesRecognizer, r.FirmRecognizer, r.TownShapeRecognizer, r.CareChainRecognizer, r.FacilitySlotRecognizer, r.CongregationRecognizer, r.MembershipRecognizer),
    }
    found = [make() for family, makers in families.items() if getattr(config.recognizers, family) for make in makers]
    gazetteer = config.gazetteer
    return found + ([r.SiteListRecognizer(gazetteer)] if gazetteer.facilities or gazetteer.towns or gazetteer.staff else [])


class _NoContext(ContextAwareEnhancer):
    """Our recognizers read their context in their own patterns ("MRN:", "Dr."); presidio's
    lemma-based enhancer would only deep-copy every result (a tenth of the time) to no effect."""

    def __init__(self) -> None:
        super().__init__(context_similarity_factor=0, min_score_with_context_similarity=0, context_prefix_count=0, context_suffix_count=0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


def _chunks(text: str, size: int):
    """(offset, chunk) pieces of about `size` characters, cut after a newline where one is near,
    each starting `_OVERLAP` characters before the previous one ended."""
    if len(text) <= size:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut > 0 else end
        yield start, text[start:end]
        if end >= len(text):
            return
        start = max(end - _OVERLAP, start + 1)


@functools.cache
def analyzer(settings_json: str) -> Analyzer:
    """One analyzer per process and configuration (building one loads word lists)."""
    return Analyzer(DeidSettings.model_validate_json(settings_json))
