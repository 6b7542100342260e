"""Words of kinship and what is said only of people, as patterns: the name recognizers read names
beside them, and the record-wide step (propagation, growth) reads them too without loading a
recognizer (this module needs nothing but `re`)."""

from __future__ import annotations

import re

RELATIONS = (
    r"(?:wife|husband|spouse|partner|son|daughter|mother|father|mom|dad|sister|brother|niece|nephew|aunt|uncle|grandson"
    r"|granddaughter|grandmother|grandfather|grandma|grandpa|fianc[eé]e?|friend|neighbou?r|caregiver|roommate|boyfriend"
    r"|girlfriend|stepson|stepdaughter|stepmother|stepfather|cousin|sibling|child|guardian|POA|HCP|proxy|carer|mum|mam|nan|nana"
    r"|gran|granny|grandad|granddad|dtr|dau|husb|hus|sis|bro|gdtr|gson|bf|gf|mil|fil|bil|sil|dil|sig(?:nificant|\.)?[ ]other|(?-i:SO)|kids?|grandkids?|children"
    r"|grandchild(?:ren)?|god(?:son|daughter|mother|father|parent|child)|gma|gpa|mgm|mgf|pgm|pgf|fob|mob"
    r"|step(?:sister|brother)|half[- ](?:sister|brother))(?:-in-law)?"
)

# What is said of a person, never of a thing: "KATHLEEN GAMBLE AWARE", "dtr chip called", "JEMMA VERBALIZED
# UNDERSTANDING", "Katie will bring in home meds", "Craig stayed overnight"
SAYS = (r"(?i:aware|notified|paged|updated|can\s+be\s+reached|is\s+(?:hcp|poa|proxy)|at\s+bedside|in\s+to\s+(?:see|eval|visit)"
        r"|is\s+on\s+vaca(?:tion)?|visited|phoned|rang|called|upset"
        r"|verbali[sz](?:ed|es|ing)\s+understanding|tearful|stay(?:ed|ing)\s+overnight|will\s+bring|brought\s+in"
        r"|feeding\s+(?:pt|patient|him|her)|requests?\s+(?:a\s+)?call|here\s+(?:this|today|at))")

RELATION_WORDS = frozenset(re.findall(r"[a-z]{2,}", RELATIONS)) - {"in", "law", "fianc", "neighbou"} | {"neighbor", "neighbour", "fiance", "fiancee", "other"}
