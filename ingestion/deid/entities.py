"""The PHI kinds clinsum masks: the HIPAA Safe Harbor identifiers that occur in records."""

from enum import StrEnum


class Phi(StrEnum):
    PERSON = "PERSON"  # patients, relatives, clinicians, staff
    DATE = "DATE"  # any date more specific than a year; times attached to it
    AGE = "AGE"  # ages over 89 only
    MRN = "MRN"  # medical record numbers
    ID = "ID"  # account, health plan, insurance, licence, device serial, accession, encounter numbers
    SSN = "SSN"
    PHONE = "PHONE"  # phone and fax numbers
    EMAIL = "EMAIL"
    URL = "URL"
    IP_ADDRESS = "IP_ADDRESS"
    STREET_ADDRESS = "STREET_ADDRESS"
    CITY = "CITY"  # cities, towns, counties (states may stay)
    ZIP = "ZIP"
    FACILITY = "FACILITY"  # hospitals, clinics, nursing homes


# How the benchmark reports them: the goal names these groups.
GROUPS = {
    "names": {Phi.PERSON},
    "dates": {Phi.DATE},
    "ids": {Phi.MRN, Phi.ID, Phi.SSN},
    "phones": {Phi.PHONE},
    "addresses": {Phi.STREET_ADDRESS, Phi.CITY, Phi.ZIP},
    "facilities": {Phi.FACILITY},
    "contact": {Phi.EMAIL, Phi.URL, Phi.IP_ADDRESS},
    "ages": {Phi.AGE},
}
