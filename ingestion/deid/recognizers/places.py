"""Street addresses, cities, ZIP codes and facility names. States may stay (Safe Harbor)."""

from __future__ import annotations

import re

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.grow import wraps
from ingestion.deid.recognizers.base import WORD_START, RegexRecognizer, rule

# Street suffixes as USPS Publication 28 lists them (the common ones, full and abbreviated).
SUFFIXES = (
    "Alley Aly Annex Anx Arcade Arc Avenue Ave Av Bayou Beach Bch Bend Bluff Bluffs Blf Bottom Boulevard Blvd Branch Br "
    "Bridge Brg Brook Brooks Burg Burgs Bypass Byp Camp Canyon Cape Causeway Center Ctr Centers Circle Cir Circles "
    "Cliff Cliffs Club Common Commons Corner Corners Course Court Ct Courts Cove Coves Creek Crescent Cres Crest "
    "Crossing Xing Crossroad Crossroads Curve Dale Dam Divide Drive Dr Drives Estate Estates Expressway Expy "
    "Extension Ext Extensions Fall Falls Ferry Field Fields Flat Flats Ford Fords Forest Forge Forges Fork Forks Fort "
    "Freeway Fwy Garden Gardens Gdns Gateway Glen Glens Green Greens Grove Groves Harbor Harbors Haven Heights Hts "
    "Highway Hwy Hill Hills Hollow Inlet Island Islands Isle Junction Junctions Key Keys Knoll Knolls Lake Lakes Land "
    "Landing Lane Ln Light Lights Loaf Lock Locks Lodge Loop Mall Manor Manors Meadow Meadows Mews Mill Mills Mission "
    "Motorway Mount Mountain Mountains Neck Orchard Oval Overpass Park Parks Parkway Pkwy Parkways Pass Passage Path "
    "Pike Pine Pines Place Pl Plain Plains Plaza Plz Point Points Port Ports Prairie Radial Ramp Ranch Rapid Rapids "
    "Rest Ridge Ridges River Road Rd Roads Route Rte Row Rue Run Shoal Shoals Shore Shores Skyway Spring Springs Spur "
    "Spurs Square Sq Squares Station Sta Stravenue Stream Street St Streets Summit Terrace Ter Throughway Trace Track "
    "Trafficway Trail Trl Trailer Tunnel Turnpike Tpke Underpass Union Unions Valley Valleys Via Viaduct View Views "
    "Village Villages Ville Vista Walk Walks Wall Way Ways Well Wells"
).split()
_SUFFIX = "(?:" + "|".join(sorted(SUFFIXES, key=len, reverse=True)) + r")\.?"
_UNIT = r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|Bldg|Building|Floor|Fl|Lot|Space|#)\.?\s*#?\s*[\w-]+)?"
_NAME_WORD = r"(?:[A-Z][a-z'’.-]*|\d+(?:st|nd|rd|th))"

STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA "
    "RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP AA AE AP"
).split()
STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois"
    "|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri"
    "|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    "|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|West Virginia|Wisconsin|Wyoming|Puerto Rico|District of Columbia"
)
_STATE = rf"(?:{'|'.join(STATES)}|{STATE_NAMES})"
# A period ends it ("in Upperford. Transfer"); a particle is a whole word ("moved to Lakewood last year" keeps "last").
_CITY = r"(?:(?:[A-Z][a-z'’-]+|St\.|Ft\.|Mt\.)(?:[ -](?:[A-Z][a-z'’-]+|(?:de|la|del|of|on|upon)(?![\w'’-]))){0,3})"
_ZIP = r"\d{5}(?:-\d{4})?"

ADDRESS_RULES = (
    # 8029 Robert Rapids Apt. 553; 12 N. Main St, Suite 4; PO Box 1234
    rule(rf"(?<![\w/-])(?P<phi>\d{{1,6}}[A-Z]?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:{_NAME_WORD}\s+){{0,3}}{_SUFFIX}(?:\s+[NSEW]{{1,2}}\b\.?)?{_UNIT})(?!\w)", Phi.STREET_ADDRESS, 0.85),
    rule(r"\b(?P<phi>(?:P\.?\s?O\.?\s*Box|Post\s+Office\s+Box)\s+\d+)\b", Phi.STREET_ADDRESS, 0.9, re.IGNORECASE),
    # City, ST 12345 / City, State / City ST 12345
    rule(rf"(?P<phi>{_CITY}),?\s+(?={_STATE}\b(?:,?\s+{_ZIP}|\s*$|[,.;)]|\s+(?:USA|US|United States)))", Phi.CITY, 0.75, re.MULTILINE),
    rule(rf"{WORD_START}(?:{_STATE}),?\s+(?P<phi>{_ZIP})\b", Phi.ZIP, 0.9),
    rule(r"\b(?:ZIP|Zip\s*code|Postal\s*code)\s*:?\s*(?P<phi>\d{5}(?:-\d{4})?)\b", Phi.ZIP, 0.9, re.IGNORECASE),
    # British and Canadian postcodes: "LS1 4AP", "SW1A 1AA", "M5V 2T6"
    rule(r"(?<![\w-])(?P<phi>(?:[A-Z]{1,2}\d[A-Z\d]?|[A-Z]\d[A-Z])[ ]?\d[A-Z]{2}|[A-Z]\d[A-Z][ ]\d[A-Z]\d)(?![\w-])", Phi.ZIP, 0.7),
    # A European postcode before its town, after the street: "rue de la Paix, 75002 Paris"
    _POSTCODE_TOWN := rule(r"(?<=,[ ])(?P<phi>\d{4,5}[ ]+[A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)?)(?=\s*(?:$|[,.;)\n]))", Phi.CITY, 0.6, re.MULTILINE),
    # Cities named in prose: "lives in Springfield", "from Carrchester", "resident of East Jasonmouth"
    rule(rf"\b(?:lives|living|resides|residing|moved|relocated|resident|born|travel(?:l?ed)?|returned)\s+(?:in|to|of|from)\s+(?!(?:{STATE_NAMES})\b)(?P<phi>{_CITY})", Phi.CITY, 0.6),
    rule(rf"\b(?:City|Town|County|Residence)\s*:\s*(?P<phi>{_CITY})", Phi.CITY, 0.85),
    # Counties and like subdivisions: "Romero County", "Orleans Parish"
    rule(r"(?P<phi>\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?[ ](?:County|Parish|Borough|Township))\b", Phi.CITY, 0.8),
    # The town after a street address: "1320 Steven Highway Apt 1R, Watkinsville"
    rule(rf"\d{{1,6}}[A-Z]?[ ](?:{_NAME_WORD}[ ]){{0,3}}{_SUFFIX}{_UNIT},[ ](?P<phi>{_CITY})", Phi.CITY, 0.75),
    # ... in any case, with its ZIP: "0058 Cindy Manors Apt. 221, new julianville 88139"
    rule(rf"\d{{1,6}}[A-Z]?[ ](?:{_NAME_WORD}[ ]){{0,3}}{_SUFFIX}{_UNIT},[ ](?P<phi>[A-Za-z][\w'’.-]*(?:[ ][A-Za-z][\w'’.-]*){{0,2}},?[ ]{_ZIP})\b", Phi.CITY, 0.75),
)

def _phrases(name: str) -> str:
    """A data file's phrases as one alternation, longest first, any spacing between their words (a
    wrapped line's break too: "Skilled Nursing\nFacility"; _unwrapped judges the break)."""
    words = sorted(lexicon.word_file(name), key=len, reverse=True)
    return "|".join(r"(?:[ \t]+|[ \t]*\n[ \t]*)".join(map(re.escape, w.split())) for w in words)


# A specialty and a facility's kind, in any case: "Heart Center", "eye associates"
SPECIALTY_FACILITY = rf"(?i:(?:{_phrases('facility_specialties.txt')})[ \t]+(?:center|centre|institute|associates|specialists|group))"
# Kinds of provider that end a facility's name, in any case: "Psych", "urgent care"
FACILITY_KINDS = f"(?i:{_phrases('facility_kinds.txt')})"
_FACILITY_WORDS = (
    rf"(?:{SPECIALTY_FACILITY}|{FACILITY_KINDS}|Medical\s+Center|Medical\s+Centre|Hospital|Hospitals|Clinic|Clinics|Health\s+System|Health\s+Center|Health\s+Centre"
    r"|Healthcare|Health\s+Care|Nursing\s+Home|Nursing\s+(?:and|&)\s+Rehabilitation(?:\s+Center)?|Rehabilitation\s+(?:Center|Hospital|Institute)"
    r"|Rehab(?:ilitation)?\s+Center|Care\s+Center|Skilled\s+Nursing(?:\s+Facility)?|Assisted\s+Living|Senior\s+Living|Gardens|Manor"
    r"|Hospice|Infirmary|Medical\s+Group|Medical\s+Associates|Associates|Physicians|Urgent\s+Care|Surgery\s+Center|Surgical\s+Center"
    r"|Surgical\s+Hospital|Cancer\s+(?:Center|Institute)|Heart\s+Institute|Children'?s|Memorial|Pharmacy|Laboratories|Imaging|Radiology\s+Associates"
    r"|Dialysis(?:\s+Center)?|Home\s+Health|Retirement\s+(?:Home|Community)|Long[- ]Term\s+Care|VA\s+Medical\s+Center"
    r"|Health(?![ \t]+(?:Plan|Insurance|Net|Partners\s+Plan))|Family\s+Practice|Family\s+Medicine|Practice|Home\s+for\s+the\s+Aged"
    r"|Convalescent\s+Home|Home|Rehab|House|Lodge|Village|Surgery|Health\s+Centre|NHS\s+(?:Foundation\s+)?Trust"
    r"|Regional|Visiting\s+Nurses?(?:\s+Association)?|VA|Day\s+Program)"  # title case only: "va" is visual acuity, "attends day program"
)
_FACILITY_CAPS = (
    r"(?:MEDICAL[ \t]+CENTER|HOSPITAL|CLINIC|HEALTH[ \t]+SYSTEM|HEALTH[ \t]+CENTER|NURSING[ \t]+HOME|REHABILITATION[ \t]+CENTER"
    r"|CARE[ \t]+CENTER|MEDICAL[ \t]+GROUP|ASSOCIATES|INFIRMARY|HOSPICE|CARE[ \t]+HOME|HEALTH[ \t]+CENTRE|SURGERY|PRACTICE|REHAB"
    rf"|MANOR|HOUSE|LODGE|VISITING[ \t]+NURSES?|{SPECIALTY_FACILITY}|{FACILITY_KINDS})"
)
# Between a facility's words: a space, or a line break where the name wraps ("Quarleshurst\nNursing Home").
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_FAC_NAME_WORD = r"(?:[A-Z][a-z'’][\w'’.&-]*|[A-Z][a-z]?\.|of|the|and|&|de|for)"

FACILITY_RULES = (
    # "East Jasonmouth General Hospital", "St. Mary's Medical Center", "Sunrise Gardens Nursing Home"
    rule(rf"(?P<phi>(?:St\.?{_SP}|Saint[ ])?[A-Z][a-z'’][\w'’.&-]*(?:{_SP}{_FAC_NAME_WORD}){{0,5}}?(?:{_SP}{_FACILITY_WORDS})+(?:[ ](?:of|at)[ ][A-Z][a-z][\w'’.-]*)?)\b", Phi.FACILITY, 0.7),
    # "St. Jude's", "St. Mary's": a saint's name alone names a hospital (not St. John's wort)
    rule(r"(?P<phi>\b(?:St\.?|ST\.?|Saint|SAINT)[ ][A-Z][A-Za-z]+['’][Ss])(?![ ]+(?i:wort))\b", Phi.FACILITY, 0.6),
    rule(rf"(?P<phi>[A-Z][A-Z'’.&-]+(?:{_SP}[A-Z][A-Z'’.&-]*){{0,5}}?{_SP}{_FACILITY_CAPS})\b", Phi.FACILITY, 0.7),
    # "University Hospital Deeryane", "ROYAL INFIRMARY OF ...": the name after a hospital's kind
    _NAMED_AFTER := rule(r"(?P<phi>\b(?:University|Teaching|General|District|Regional|Base|Royal|Community|Mercy)[ ](?:Hospital|Infirmary)[ ][A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+)?)\b(?![ ]+(?:Hospital|Campus|Site)\b)", Phi.FACILITY, 0.7),
    _NAMED_AFTER_CAPS := rule(r"(?P<phi>\b(?:UNIVERSITY|TEACHING|GENERAL|DISTRICT|REGIONAL|BASE|ROYAL|COMMUNITY|MERCY)[ ](?:HOSPITAL|INFIRMARY)[ ][A-Z][A-Z'’]+(?:[ ][A-Z][A-Z'’]+)?)\b", Phi.FACILITY, 0.7),
    # An agency of a place: "Elder Services of Cedarton", "Visiting Nurse Association of the North Shore"
    rule(r"(?P<phi>\b(?:[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+)?[ ](?:Services|Association|Alliance|Network|Council|Agency|Society)|(?:Area[ ])?Agency[ ]on[ ]Aging)[ ]of[ ](?:the[ ])?[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)", Phi.FACILITY, 0.65),
    # A university and a hospital named for a saint's title: "University of Rushby Junction", "Our Lady of Mercy Hospital"
    rule(rf"(?P<phi>\b(?:University|UNIVERSITY){_SP}(?:of|OF){_SP}[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)", Phi.FACILITY, 0.65),
    # ... cut to its initial ("U of Rushby", "u of kelmore" in a table's cell), or any initialism of a place's name after
    # "at", "from" or "to" ("Prior CT at AI of Kelmore", "WORKUP AT AI OF DUNMORE"); the town is judged in keep()
    _U_OF := rule(r"(?P<phi>\b[Uu][ ](?:of|OF)[ ](?P<town>[A-Za-z][\w'’-]+))\b", Phi.FACILITY, 0.6),
    _INITIALS_OF := rule(r"(?:(?<=\b(?i:at)[ ])|(?<=\b(?i:to)[ ])|(?<=\b(?i:from)[ ]))(?P<phi>[A-Z]{2,3}[ ](?:of|OF)[ ](?P<town>[A-Z][\w'’-]+))\b",
                         Phi.FACILITY, 0.6),
    # A military base by its name: "Klaus Air Force Base", "BILGE AIR FORCE BASE"; a forward operating base: "(FOB Dunmore)"
    rule(r"(?P<phi>\b[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?[ ](?:Air[ ]Force[ ]Base|AIR[ ]FORCE[ ]BASE|Naval[ ]Air[ ]Station|NAVAL[ ]AIR[ ]STATION"
         r"|Marine[ ]Corps[ ](?:Base|Air[ ]Station)|MARINE[ ]CORPS[ ](?:BASE|AIR[ ]STATION)|Army[ ]Airfield|ARMY[ ]AIRFIELD))\b", Phi.FACILITY, 0.7),
    rule(r"\((?P<phi>FOB[ ]+[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)\)", Phi.FACILITY, 0.6),
    # A veterans' hospital by its town: "transfer to VA Maplewood", "LAST HOSPITALIZATION AT VA DUNMORE" (not "VA 20/40", "VA OD")
    _VA_TOWN := rule(r"(?<![\w/-])(?P<phi>VA[ ](?P<town>[A-Z][\w'’-]+(?:[ ](?![A-Z]{2,3}\b)[A-Z][\w'’-]+)?))\b", Phi.FACILITY, 0.6),
    # A backup hospital of a plan: "backup URMC L&D if transfer needed", "Backup: Silverside declined", "backup: lrh pending"
    _BACKUP := rule(r"\b(?i:back-?up)[ ]*:?[ ]+(?P<phi>[A-Za-z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)"
                    r"(?=[ ]+(?i:l&d|ed|er|pending|declined|accepted|if|hospital|for|offered|on[ ]hold)\b|[ ]*[,;.](?:[ ]|$))", Phi.FACILITY, 0.6),
    # A workplace "of" a town: "Works at Little Owls of Dunmore" (a daycare), "works at little acorns of kelmore"
    _WORKS_OF := rule(r"\b(?i:works|worked|working|employed|volunteers?)[ ]+(?i:at|for)[ ]+(?:the[ ]+)?"
                      r"(?P<phi>[A-Za-z][\w'’-]+(?:[ ][A-Za-z][\w'’-]+){0,2}[ ](?i:of)[ ][A-Za-z][\w'’-]+)\b", Phi.FACILITY, 0.6),
    # A town by the office there: "WIC at the QUENGATE office", "seen at the Larkwick clinic site" (keep() judges the name)
    _TOWN_OFFICE := rule(r"\b(?i:at|from|to)[ ]+(?i:the|our)[ ]+(?P<phi>[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)[ ]+(?i:office|branch|location|site|campus)\b",
                         Phi.CITY, 0.6),
    # An interpreting company: "Lowe Interpreting Services", "Blanco Language Line" (a language's name first is none: keep())
    _INTERPRETING := rule(r"(?P<phi>\b[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?[ ](?:Language[ ]Line|Language[ ]Services|Interpreting(?:[ ]Services)?"
                          r"|Interpreter[ ]Services|Translation[ ]Services))\b", Phi.FACILITY, 0.65),
    rule(r"(?P<phi>\b(?i:our[ ]lady[ ]of)[ ][A-Z][\w'’-]+(?:[ ](?:Hospital|Medical[ ]Center|HOSPITAL))?)", Phi.FACILITY, 0.7),
    # A visiting-nurse agency by its town, in any case: "VNA of Belley", "visiting nurse association of cedarton"
    rule(rf"(?P<phi>\b(?i:vna|visiting[ \t]+nurse(?:s|[ \t]+association)){_SP}(?i:of)[ \t]+[A-Za-z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)", Phi.FACILITY, 0.7),
    # "Hospital of the University of ...", "Clinic of Springfield"
    rule(r"(?P<phi>\b(?:Hospital|Clinic|Infirmary|Hospice)[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’.-]*){0,3})", Phi.FACILITY, 0.7),
    rule(r"(?P<phi>\b(?:HOSPITAL|CLINIC|INFIRMARY|HOSPICE)[ \t]+(?:OF|AT)[ \t]+(?:THE[ \t]+)?[A-Z][A-Z'’.-]*(?:[ \t]+(?:OF[ \t]+)?[A-Z][A-Z'’.-]*){0,3})\b", Phi.FACILITY, 0.7),
)

# Words that, standing first, make a "facility" a department or a generic phrase, not a name.
_GENERIC_FIRST = re.compile(
    r"^(?:The|A|An|Our|This|Your|His|Her|Their|Outside|Local|Outpatient|Inpatient|Primary|Urgent|Emergency|Cardiology|Radiology"
    r"|Oncology|Internal|Family|Mental|Behavioral|Home|Public|Community|General|Discharged|Transferred|Admitted|From|To|At|In|Via"
    r"|Follow|Return|Seen|Call|Contact|Nursing|Skilled|Assisted|Senior|Memorial|Children'?s|Physicians|Associates|Health)$"
)


_UNITS = frozenset("units unit mg mcg ml cc times doses tablets tabs patients days hours".split())
_NOUN_AFTER = re.compile(r"[ \t]+(?:course|stay|days?|admissions?|encounter|visit|bill|bed|acquired|policy)\b", re.IGNORECASE)
_LEADING = frozenset({"lives", "living", "resides", "sent", "transferred", "discharged", "admitted", "arrived", "brought", "called"})
_NONSPACE = re.compile(r"\S+")
# What is left when only the facility word stands: "GCS HOSPICE" is no name.
_FACILITY_ONLY = re.compile(rf"(?i:{_FACILITY_WORDS})")
_FACILITY_END = re.compile(rf"(?:[ \t]+(?i:{_FACILITY_WORDS}))+$")


def _service(phrase: str) -> bool:
    """A department, not a place: every word before the facility word says which kind of care
    ("Cardiac Surgery", "PAIN CLINIC", "Pulmonary Rehab")."""
    if re.search(r"(?i)\bmemorial\b", phrase):
        return False  # a memorial is named for someone: "Foster Memorial Hospital" (not foster care)
    head = _FACILITY_END.sub("", phrase)
    words = [w.lower().strip(".,'’") for w in head.split()]
    settings = lexicon.care_settings() | lexicon.safe_words_only() | lexicon.function_words()
    return bool(words) and all(w in settings for w in words)


def _department(word: str) -> bool:
    w = word.lower().strip("'’")
    words = lexicon.note_words() | lexicon.care_settings() | lexicon.safe_words_only() | lexicon.clinical_terms()
    return w in words or w.removesuffix("s") in words or lexicon.word_frequency(w) >= 4.5 and not lexicon.known_name(w)


def _no_place_word(word: str) -> bool:
    """A department's, a clinical or a note's word, or English's glue: never a town's or a facility's name
    (the clinical and note words are _department's own)."""
    return _department(word) or word.lower() in lexicon.function_words()


# A preposition that puts a place after it: in capitals the sentence before it is no name
# ("RECORDS OBTAINED FROM [THOMAS NURSING HOME]"); "of", "for" and "and" join a name's words.
_PLACE_PREPOSITION = re.compile(r"(?i:(?<![\w-])(?:at|from|to|in|into|with|by|per|via|near)[ \t]+)")
_FIRST_KIND = re.compile(rf"{_SP}(?:{_FACILITY_CAPS}|{_FACILITY_WORDS})\b")


def _past_leading_words(text: str, start: int, end: int) -> int:
    """Where a phrase found in capitals starts once the sentence's own words are skipped:
    "LIVES AT SHADY GROVE NURSING HOME" is a facility from "SHADY" ("VNA OF BELLEY" from "VNA")."""
    if (kind := _FIRST_KIND.search(text, start, end)) is not None:
        for cut in _PLACE_PREPOSITION.finditer(text, start, kind.start() + 1):  # the space before the kind ends "BY "
            start = cut.end()
    leading = lexicon.function_words() | lexicon.structure_words() | lexicon.safe_words_only() | _LEADING
    for word in _NONSPACE.finditer(text, start, end):
        lower = word.group().lower()
        if lower not in leading or text[word.end() : word.end() + 9].lower() == " lady of " \
                or lower in lexicon.safe_words_only() and text[word.end() : word.end() + 4].lower() == " of ":
            return word.start()
    return end


class ClinicalAddressRecognizer(RegexRecognizer):
    RULES = ADDRESS_RULES

    def keep(self, text, start, end, rule) -> bool:
        # "..., 75002 Paris" is a town; "..., 1000 Units" is a dose.
        return rule is not _POSTCODE_TOWN or text[start:end].split()[-1].lower() not in lexicon.safe_words() | _UNITS


def _unwrapped(text: str, start: int, end: int) -> tuple[int, int]:
    """A name found across a line break, kept whole only where a long line wraps onto the next:
    after a short line ("Dr. Miles Ortiz\nWright Family Medicine", "St. Winifred Hospital\nHospital
    Course") the line before stands alone, kept when it ends with a facility word."""
    while (newline := text.find("\n", start, end)) != -1:
        if wraps(text, newline):
            return start, end  # one break per name at most: the rule allows no more
        head = text[start:newline].rstrip()
        if _FACILITY_END.search(head):
            return start, start + len(head)
        start = newline + 1
        while start < end and text[start] in " \t":
            start += 1
    return start, end


class ClinicalFacilityRecognizer(RegexRecognizer):
    RULES = FACILITY_RULES

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        for result in super().analyze(text, entities, nlp_artifacts):
            result.start, result.end = _unwrapped(text, result.start, result.end)
            result.start = _past_leading_words(text, result.start, result.end)
            if result.start < result.end and not _FACILITY_ONLY.fullmatch(text, result.start, result.end) \
                    and not _service(text[result.start : result.end]):
                results.append(result)
        return results

    def keep(self, text, start, end, rule) -> bool:
        if rule is _WORKS_OF:
            *head, _, town = text[start:end].split()
            return not (_no_place_word(town) or any(w.lower() in lexicon.function_words() for w in head))
        if rule is _TOWN_OFFICE:
            if any(w.isupper() and len(w) <= 4 or lexicon.english_word(w.lower()) and not lexicon.known_name(w.lower())
                   for w in text[start:end].split()):
                return False  # "at the WIC office", "at the Downtown location": a program's or a part's name
            return not any(_no_place_word(w) for w in text[start:end].split())
        if rule is _BACKUP:
            first = text[start:end].split()[0]
            if first.islower() and (len(first) > 4 or lexicon.word_frequency(first) >= 2.5):
                return False  # "backup pacing if HR low"; in lower case only an initialism: "backup: lrh pending"
            return not any(_no_place_word(w) for w in text[start:end].split())
        if rule is _VA_TOWN:
            return not _no_place_word(text[start:end].split()[1])
        if rule is _INTERPRETING:
            return not _department(text[start:end].split()[0])  # "Spanish Language Line", "Phone Interpreting"
        if rule is _U_OF or rule is _INITIALS_OF:
            # "CT of Chest", "u of course": a body's or a sentence's word is no town
            return not _no_place_word(text[start:end].split()[-1])
        if rule is _NAMED_AFTER or rule is _NAMED_AFTER_CAPS:
            # "University Hospital Deeryane", not "University Hospital Outpatients"
            return not any(_department(w) for w in text[start:end].split()[2:])
        if _NOUN_AFTER.match(text, end):
            return False  # "Brief Hospital Course", "Hospital Day 3": a thing of the stay, not a place
        words = text[start:end].split()
        if len(words) == 1:
            return False  # a bare "Hospital" is not a name
        # "Emergency Department" never matches; "General Hospital" alone is generic, a name has more.
        if _GENERIC_FIRST.match(words[0]) and len(words) <= 2:
            return False
        return True
