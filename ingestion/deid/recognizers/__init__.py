"""clinsum's presidio recognizers: small classes, one family of identifiers each."""

from ingestion.deid.recognizers.contact import EmailRecognizer, IpRecognizer, PhoneRecognizer, SsnRecognizer, UrlRecognizer
from ingestion.deid.recognizers.dates import AgeRecognizer, DateRecognizer
from ingestion.deid.recognizers.ids import IdRecognizer
from ingestion.deid.recognizers.names import CueNameRecognizer, GazetteerNameRecognizer
from ingestion.deid.recognizers.places import AddressRecognizer, FacilityRecognizer

__all__ = [
    "AddressRecognizer", "AgeRecognizer", "CueNameRecognizer", "DateRecognizer", "EmailRecognizer",
    "FacilityRecognizer", "GazetteerNameRecognizer", "IdRecognizer", "IpRecognizer", "PhoneRecognizer",
    "SsnRecognizer", "UrlRecognizer",
]
