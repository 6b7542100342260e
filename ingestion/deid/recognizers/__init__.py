"""clinsum's presidio recognizers: small classes, one family of identifiers each."""

import ingestion.deid.presidio  # noqa: F401  (first: settles presidio's environment)
from ingestion.deid.recognizers.addresses import AddressBlockRecognizer
from ingestion.deid.recognizers.care_chains import CareChainRecognizer
from ingestion.deid.recognizers.congregations import CongregationRecognizer
from ingestion.deid.recognizers.contact import (
    ClinicalEmailRecognizer,
    ClinicalIpRecognizer,
    ClinicalPhoneRecognizer,
    ClinicalSsnRecognizer,
    ClinicalUrlRecognizer,
)
from ingestion.deid.recognizers.dates import ClinicalAgeRecognizer, ClinicalDateRecognizer
from ingestion.deid.recognizers.day_cues import MonthDayRecognizer
from ingestion.deid.recognizers.facility_slots import FacilitySlotRecognizer
from ingestion.deid.recognizers.firms import FirmRecognizer
from ingestion.deid.recognizers.gazetteer_names import GazetteerNameRecognizer
from ingestion.deid.recognizers.ids import ClinicalIdRecognizer
from ingestion.deid.recognizers.memberships import MembershipRecognizer
from ingestion.deid.recognizers.names import CueNameRecognizer
from ingestion.deid.recognizers.patient_lists import PatientListRecognizer
from ingestion.deid.recognizers.place_cues import PlaceCueRecognizer
from ingestion.deid.recognizers.places import ClinicalAddressRecognizer, ClinicalFacilityRecognizer
from ingestion.deid.recognizers.practices import PracticeRecognizer
from ingestion.deid.recognizers.premises import PremisesRecognizer
from ingestion.deid.recognizers.roads import RoadRecognizer
from ingestion.deid.recognizers.role_names import RoleNameRecognizer
from ingestion.deid.recognizers.signatures import SignatureNameRecognizer
from ingestion.deid.recognizers.site import SiteListRecognizer
from ingestion.deid.recognizers.town_shapes import TownShapeRecognizer

__all__ = [
    "CareChainRecognizer",
    "AddressBlockRecognizer",
    "ClinicalAddressRecognizer",
    "CongregationRecognizer",
    "ClinicalAgeRecognizer",
    "ClinicalDateRecognizer",
    "ClinicalEmailRecognizer",
    "ClinicalFacilityRecognizer",
    "ClinicalIdRecognizer",
    "ClinicalIpRecognizer",
    "ClinicalPhoneRecognizer",
    "ClinicalSsnRecognizer",
    "ClinicalUrlRecognizer",
    "CueNameRecognizer",
    "FacilitySlotRecognizer",
    "FirmRecognizer",
    "GazetteerNameRecognizer",
    "MembershipRecognizer",
    "MonthDayRecognizer",
    "PatientListRecognizer",
    "PlaceCueRecognizer",
    "PracticeRecognizer",
    "PremisesRecognizer",
    "RoadRecognizer",
    "RoleNameRecognizer",
    "SignatureNameRecognizer",
    "SiteListRecognizer",
    "TownShapeRecognizer",
]
