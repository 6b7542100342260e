"""Where names stand: the shapes a name is written in and the cues around it (titles, roles,
credentials, field labels, relations, sign-offs, lists), as patterns the name recognizer tries.

The patterns only say where a name may stand; names.py judges the words found there.
"""

from __future__ import annotations

import re

from ingestion.deid.kin import RELATION_WORDS, RELATIONS, SAYS
from ingestion.deid.recognizers.base import WORD_START

_UP, _LOW = "A-ZÀ-ÖØ-ÞĀ-ŽḀ-Ỹ", "a-zß-öø-ÿā-žḁ-ỹ"  # Latin letters with diacritics: Wiśniewski, Núñez
# Maria, O'Neil, O'dwyer, Smith-Jones, McShane, MacGlynn, DeVito (a capital inside only after Mc, Mac, De...)
_TITLE = rf"(?:[{_UP}]['’][{_UP}{_LOW}][{_LOW}]+|(?:Ma?c|Fitz|D[eiu]|L[ae]|V[ao]n)[{_UP}][{_LOW}]+|[{_UP}][{_LOW}]+)(?:[-'’][{_UP}]?[{_LOW}]+)*"
_CAPS = rf"(?:[{_UP}]['’])?[{_UP}]{{2,}}(?:[-'’][{_UP}]+)*"  # NGUYEN, O'NEIL, D'ANGELO
_INITIAL = rf"[{_UP}]\.?(?=\s|$|[,;)])"
_PARTICLE = r"(?:de|del|de la|da|dos|van|von|der|den|le|la|di|bin|al|ibn|st\.?|Ó|Ní|Nic|Mac|Mc|O|Ui|Uí)"
_WORD = rf"(?:{_TITLE}|{_CAPS})"
_LEAD_PARTICLE = r"(?:(?:de la|de los|van der|van den|von der|de|del|della|da|dos|du|van|von|le|la|di|St\.?|ST\.?|Ste\.?)[ ]{1,2})?"  # "Mrs. de la Cruz"
# A name: up to four words, initials allowed inside, particles between words.
_NAME = rf"(?:{_INITIAL}[ ]{{1,2}}|(?:Ó|Ní|Nic|Uí)[ ]{{1,2}})?{_WORD}(?:(?:[ ]{{1,2}}{_PARTICLE})?[ ]{{1,2}}(?:{_INITIAL}|{_WORD})){{0,3}}"
# "Lopez, Mark", "van der Berg, Anneke", "de la Cruz, Maria", and HL7's "SMITH^JOHN^A"
_LAST_FIRST = (
    rf"(?:(?:Ó|Ní|Nic|Uí)[ ]{{1,2}}|(?:(?:van|von|de|del|della|der|den|da|di|du|le|la|ter|ten)[ ]){{1,2}})?"
    rf"{_WORD}(?:,[ ]{{0,2}}|\^){_WORD}(?:[ ]{{1,2}}(?:{_WORD}(?:[ ]{{1,2}}{_INITIAL})?|{_INITIAL})|\^[{_UP}]\b)?"
)
_LOWER_NAME = rf"[{_LOW}]+(?:[-'’][{_LOW}]+)*(?:[ ]{{1,2}}[{_LOW}]+(?:[-'’][{_LOW}]+)*)?"
# Any case, after a cue that leaves no doubt ("per dr. keane", "DR HOLLOWAY NOTIFIED"): each word is
# then judged by _plausible_lower_name, and the name ends at the first word that is not one.
_ANY_WORD = rf"[{_UP}{_LOW}]['’]?[{_UP}{_LOW}]+(?:[-'’][{_UP}{_LOW}]+)*"
_ANY_NAME = rf"[{_UP}{_LOW}]['’]?[{_UP}{_LOW}]+(?:[-'’][{_UP}{_LOW}]+)*(?:[ ]{{1,2}}[{_UP}{_LOW}]+(?:[-'’][{_UP}{_LOW}]+)*){{0,2}}"
_INI_ANY_NAME = rf"(?:[{_UP}{_LOW}](?:\.[ \t]*|[ \t]+))?{_ANY_NAME}"  # "s turner", "p.olawale", "D MCDERMOD"

# Roles written before a staff member's name in shorthand (not "pt" or "ot": "pt grace" is the patient).
_ROLES = (
    r"(?:rn|np|pa|rt|rrt|pct|(?<![\d.][ ])(?<![\d.])cm|sw|md|licsw|cna|lpn|resident|intern|attending|fellow|charge\s+rn|case\s+manager"
    r"|social\s+worker|(?:case[ ]?)?worker|signed|grossed\s+by|registrar|reg|sho|f[12]|fy[12]|consultant|staff\s+nurse|student\s+nurse|sn|hca|key\s?worker"
    r"|physio(?:therapist)?|para(?:medic)?|ot|salt|slt|matron|cns|dietit?ian|pharmacist|gp|midwife|chaplain|psychologist|therapist|nurse"
    r"|pgy-?[1-7]|crna|hospitalist|intensivist|anesthesiologist|surgeon|liaison)"
)
_TITLES = r"(?:Dr|Drs|Mr|Mrs|Ms|Miss|Mx|Prof|Doctor|Sr|Sra|Srta|Mme|Mlle|Herr|Frau|Pastor|Deacon|Rev|Reverend|Rabbi|Imam|Fr)"
_CREDENTIALS = (
    r"(?:MD|M\.D\.|D\.O\.|RN|R\.N\.|NP|FNP|FNP-C|ANP|PA-C|CNM|CRNA|PhD|PharmD|LCSW|MSW|DPT|DDS|DMD|FACC|FACP"
    r"|FACS|MBBS|APRN|LPN|LVN|CNA|RRT|MSN|BSN|CCRN|OTR|CCC-SLP|MPH)"
)
# Credentials that are also clinical words ("chest PA", "DO not", "PT/INR"): only after a comma.
_AMBIGUOUS_CREDENTIALS = r"(?:PA|DO|PT|OT|RD|SLP)"
_LABELS = (
    r"(?:Patient(?:\s+name)?|Pt\.?(?:\s+name)?|Name|Employee(?:\s+name)?|Student(?:\s+name)?|Client(?:\s+name)?|Attending(?:\s+physician)?|Provider|PCP|Primary\s+care(?:\s+physician|\s+provider)?"
    r"|Physician|Resident|Intern|Fellow|Surgeon|Assistant|Anesthesiologist|Nurse|Charge\s+nurse|Primary\s+nurse|Cosigned\s+by"
    r"|(?:Electronically\s+)?[Ss]igned(?:\s+by)?|Dictated\s+by|Transcribed\s+by|Reviewed\s+by|Verified\s+by|Read\s+by|Reported\s+by"
    r"|Ordered\s+by|Ordering(?:\s+physician|\s+provider)?|Referred\s+by|Referring(?:\s+physician|\s+provider)?|Consultant"
    r"|Consulting(?:\s+physician)?|Performed\s+by|Approved\s+by|Seen\s+by|Examined\s+by|Discussed\s+with|Spoke\s+with|cc|CC|Cc"
    r"|Emergency\s+contact|Contact|Guarantor|Spouse|Husband|Wife|Son|Daughter|Mother|Father|Parent|Guardian|NOK|Next\s+of\s+kin"
    r"|Interpreter|Case\s+manager|Social\s+worker|Caregiver|Informant|Historian|Witness|Subscriber|Insured|Responsible\s+party"
    r"|Attn|ATTN|RE|Re|To|From|Author|Scribe|RN|NP|MD|PA|CNA|Tech|Technologist|Therapist|Pharmacist|Midwife|Chaplain"
    r"|(?:RN|Nurse|Provider)\s+[Ss]ignature|Signature)"
)
_RELATIONS, _SAYS, _RELATION_WORDS = RELATIONS, SAYS, RELATION_WORDS

# A field label's end: "Patient: ", "**Patient:** ", "| **Patient** | " (a Markdown table cell).
_FIELD = r"(?:\*\*)?[ \t]*(?::|\|)[ \t]*(?:\*\*)?[ \t]*"

# (pattern, score, mode, hint). The mode says how a name of any case is judged word by word:
# None, the name's shape suffices (capitals); "after", the name follows the cue and ends at the first
# word that cannot be a name; "weak" likewise, with common words ("hand" in "rt hand") refused;
# "listed" likewise, and a lower-case word must be on the census lists ("pt jane", not "pt aox3");
# "kin" like "weak", but its first word may be any census first name ("son grant", "husband hope");
# "before", the name precedes the cue ("KATHLEEN GAMBLE AWARE") and starts after the last word that
# cannot be one. A hint is what every match holds where that is rare: one fast scan spares a rule
# that starts at every capitalized word.
_CUE_RULES = [
    (rf"\b{_TITLES}\.?\s+(?P<phi>{_LEAD_PARTICLE}{_NAME})", 0.9, None, None),
    # (the name in a lookahead: "DR OJO FOR DR A CLARK" holds two)
    (rf"{WORD_START}(?i:dr|drs|mr|mrs|ms|pastor|deacon|rev|reverend|rabbi|imam)\b\.?[ \t]+(?=(?P<phi>{_INI_ANY_NAME}))", 0.8, "after", None),
    # a newborn's given name: "Baby Boy Walker - to be named Will", "baby boy Ortiz aka Will", "Twin B: Miranda in NICU"
    (rf"{WORD_START}(?i:to[ \t]+be[ \t]+named|a\.?k\.?a\.?|twin[ \t]+[abc][ \t]*:)[ \t]+(?=(?P<phi>{_INI_ANY_NAME}))", 0.7, "slot", r"(?i)named|a\.?k\.?a|twin"),
    # ... and with no space after the title's stop, as notes type it: "D/w dr.giles at bedside", "per dr.o'neill"
    (rf"{WORD_START}(?i:dr|mr|mrs|ms)\.(?=(?P<phi>{_INI_ANY_NAME}))", 0.8, "after", r"(?i)\b(?:dr|mr|mrs|ms)\.[a-z]"),
    # clergy: "FR. DALY FROM ST ANNE'S VISITED", "CHAPLAIN ANNA GRAVES"; "Fr" with its stop, not a gauge ("16 Fr. foley"; "0600 FR. DALY" is a time)
    (rf"(?<![\d.])(?<!(?<!\d)\d[ \t])(?<!(?<!\d)\d\d[ \t]){WORD_START}(?:(?i:fr)\.|(?i:chaplain)\b)[ \t]+(?!(?i:pgr|pager|beeper|vocera|ext|cell)\b)(?=(?P<phi>{_INI_ANY_NAME}))", 0.8, "after", r"(?i)fr\.|chaplain"),
    (rf"{WORD_START}(?i:doctor)\b[ \t]+(?=(?P<phi>{_ANY_NAME}))", 0.7, "weak", None),
    # The patient in shorthand: "pt jane okafor c/o pain" (only names the census lists hold, or written as names)
    (rf"{WORD_START}(?i:pt|patient)\b[ \t]+(?P<phi>{_ANY_NAME})", 0.5, "listed", None),
    # Staff by role in any case: "rt victoria aware", "pa. mclopez", "cm jaime following", "rn: a. dawson"
    # A sign-out list's name column: "603B   | O'Hara, Madison      | 56yo PE", "MICU 2  D'ANGELO    73yo"
    (rf"(?m)^[ \t]*(?:[A-Z]{{2,5}}[ \t]+)?\d{{1,4}}[A-Z]?(?:-\d{{1,3}})?[ \t]*(?:\|[ \t]*|[ \t]{{2,}})(?P<phi>{_LAST_FIRST}|{_NAME})(?=[ \t]*\||[ \t]{{2,}})", 0.7, None, None),
    (rf"\b(?:RN|NP|CNA|LPN|Nurse|Tech|Therapist) (?P<phi>{_NAME})\b(?![ \t]*:)", 0.6, None, None),
    # ... the label and the name in any case: "PATIENT: JOHN SMITH", "name: smith, john"
    (rf"(?m)(?:^|(?<=[\s(\[|*]))\b(?:Patient|Pt|Name|Emergency\s+contact|Contact|Spouse|Husband|Wife|Son|Daughter){_FIELD}(?P<phi>{_LOWER_NAME})(?=\s*(?:$|[,;(]|\s+(?:DOB|MRN|age|\d)))", 0.7, "after", None),
    (rf"{WORD_START}(?i:electronically\s+signed\s+by|signed\s+by|dictated\s+by|seen\s+(?:and\s+examined\s+)?(?:with|by)|discussed\s+with|spoke\s+(?:with|to)|d/w|per|called\s+to|paged|notified|updated)[ \t]+(?P<phi>{_NAME})", 0.75, None, None),
    # A note's author in brackets at its title's end: "night shift note 12/23/2022 (holly case)", "RN NOTE (AKGUNDUZ M)"
    (rf"(?im)^[^\n]{{0,60}}\b(?:note|rn|shift)\b[^\n(]{{0,40}}\([ \t]*(?P<phi>{_ANY_NAME}(?:,?[ \t]+[A-Za-z]\.?)?)[ \t]*\)[ \t]*$", 0.6, "weak", r"(?m)[A-Za-z.][ \t]*\)[ \t]*$"),
    # Who covers and who signs: "night float best pager", "covering: Murphy / Potter", "from Gilbert Young to Butler"
    # (a handover's own line), "SIGNED O RINN" (a line's end)
    (rf"{WORD_START}(?i:covering|cross-?cover(?:ing)?|night[ \t]+float)[ \t]*:?[ \t]+(?P<phi>{_INI_ANY_NAME})", 0.6, "after", "(?i)cover|float"),
    (rf"{WORD_START}(?i:covering)[ \t]*:[ \t]*{_INI_ANY_NAME}[ \t]*/[ \t]*(?P<phi>{_INI_ANY_NAME})", 0.6, "after", "(?i)covering"),
    (rf"(?im)^[ \t]*from[ \t]+(?P<phi>{_ANY_NAME})[ \t]+to[ \t]+{_ANY_NAME}[ \t]*$", 0.6, "after", r"(?im)^[ \t]*from[ \t]"),
    (rf"(?im)^[ \t]*from[ \t]+{_ANY_NAME}[ \t]+to[ \t]+(?P<phi>{_ANY_NAME})[ \t]*$", 0.6, "after", r"(?im)^[ \t]*from[ \t]"),
    (rf"(?im)^[ \t]*signed[ \t]*:?[ \t]+(?P<phi>{_INI_ANY_NAME})[ \t]*$", 0.6, "after", r"(?im)^[ \t]*signed\b"),
    # Handing over: "handoff to nora at 1900", "report called to nora on 7", "endorsed to marisol"; and the one
    # whom a letter is about: "Thank you for referring Manon Roux", "I saw Leni Hering today", "the pleasure of seeing Rocío"
    (rf"{WORD_START}(?i:thank[ \t]+you[ \t]+for[ \t]+(?:referring|asking[ \t]+me[ \t]+to[ \t]+see)|(?:i|we)[ \t]+(?:saw|met|reviewed)"
     rf"|pleasure[ \t]+of[ \t]+(?:seeing|meeting))[ \t]+(?P<phi>{_ANY_NAME})", 0.55, "weak", r"(?i)thank|saw|met|reviewed|pleasure"),
    # an attestation: "I, Callum Dixon, personally examined", "I, DR. A. OJO, HAVE SEEN"
    (rf"(?:^|(?<=[\s.]))(?i:i),[ \t]+(?:(?i:dr)\.?[ \t]+)?(?P<phi>{_INI_ANY_NAME}),[ \t]+(?=(?i:(?:have[ \t]+)?(?:personally|seen|examined|reviewed|attest|agree|confirm)))",
     0.6, "after", r"(?i)\bi,"),
    # told, in brackets: "md aware (quill)"
    (rf"{WORD_START}(?i:hand-?off|handover|report(?:[ \t]+(?:given|called))?|endorsed|signed[ \t]+out)[ \t]+(?i:to)[ \t]+(?P<phi>{_INI_ANY_NAME})", 0.6, "weak", "(?i)hand|report|endorsed|signed"),
    (rf"{WORD_START}(?i:aware|notified|paged|updated)[ \t]*\([ \t]*(?P<phi>{_INI_ANY_NAME})[ \t]*\)", 0.6, "weak", r"\w[ \t]*\([ \t]*\w"),
    # the family by a member's name in brackets: "family (randy) aware", "FAMILY (MARGO AND TED) AT BEDSIDE"
    (rf"{WORD_START}(?i:family|fam)[ \t]*\([ \t]*(?P<phi>{_INI_ANY_NAME})[ \t]*(?=\)|(?i:and|&)[ \t])", 0.6, "kin", r"(?i)fam\w*[ \t]*\("),
    # ... and in any case where the word can be a name: "call loretta w/ updates" (not "call bell in reach")
    (rf"{WORD_START}(?i:discussed[ \t]+with|spoke[ \t]+(?:with|to|w/)|s/w|d/w|call(?:ed)?|updated?|notif(?:y|ied))[ \t]+(?=[a-z])(?P<phi>{_ANY_NAME})", 0.55, "weak", "(?i)call|update|notif|spoke|[sd]/w|discussed"),
    (rf"(?im)^[ \t]*(?:yours[ \t]+(?:sincerely|faithfully|truly)|sincerely(?:[ \t]+yours)?|(?:(?:best|kind|warm|with[ \t]+(?:best|kind))[ \t]+)?(?:regards|wishes)"
     rf"|many[ \t]+thanks|thanks|thank[ \t]+you|respectfully|cordially)[ \t]*[,.]?[ \t]*\n\s*(?P<phi>{_INI_ANY_NAME})", 0.85, "after", None),
    (rf"(?m)(?:^|(?<=[\s.]))(?:--+|—|–)[ \t]*(?P<phi>{_INI_ANY_NAME})(?=[ \t]*(?:[,(]|$))", 0.7, "weak", None),
    # who did it: "triaged by leah brooks 0200", "phoned to Urishilla on", "handed over by vritti to cnm comfort"
    (rf"{WORD_START}(?i:(?:triaged|tx|treated|completed|started|updated|checked|validated|verified|authori[sz]ed|assessed|witnessed|dispensed|countersigned|phoned|escorted"
     rf"|handed(?:[ \t]+over)?(?:[ \t]+(?:to|by)[ \t]+{_ANY_WORD})?|\))[ \t]+(?:by|to)[ \t]+(?:(?:{_ROLES}|cnm|pharm|para(?:medic)?)\.?[ \t]+)?)(?P<phi>{_INI_ANY_NAME})",
     0.7, "weak", "(?i)by|to"),
    (rf"{WORD_START}(?i:handed(?:[ \t]+over)?[ \t]+(?:by|to)[ \t]+)(?P<phi>{_ANY_WORD})[ \t]+(?i:by|to)\b", 0.7, "weak", "(?i)handed"),
    # "care transferred 23:55 to efh ed, jan pearce."
    (rf"{WORD_START}(?i:care[ \t]+transferred|handed[ \t]+over|handover)\b[^\n]{{0,60}}?,[ \t]*(?P<phi>{_ANY_WORD}[ \t]+{_ANY_WORD})(?=[ \t]*(?:[.(]|$))", 0.7, "after", None),
    # "mobilised to end of the hall with zarna.", "refer to physio / OT (Riya)"
    (rf"{WORD_START}(?i:mobili[sz]ed|walked|ambulated)\b[^\n.]{{0,40}}?\b(?i:with)[ \t]+(?P<phi>{_ANY_NAME})(?=[ \t]*(?:\.|$))", 0.6, "person", None),
    (rf"{WORD_START}(?i:physio(?:therapy|therapist)?|ot|slt|salt|dietitian|social[ \t]+work(?:er)?)[ \t]*\([ \t]*(?P<phi>{_INI_ANY_NAME})[ \t]*(?=[),(])", 0.6, "person", None),
    # the consultant of a service discussed with, in brackets: "d/w heme/onc (borges) re: CRRT", "d/w ortho (leal) who will see"
    (rf"{WORD_START}(?i:d/w|s/w|discussed[ \t]+w(?:ith|/)|spoke[ \t]+(?:with|to))[ \t]+(?:[A-Za-z][\w/&-]*[ \t]+)?[A-Za-z][\w/&-]*[ \t]*\([ \t]*"
     rf"(?P<phi>{_ANY_WORD})[ \t]*\)", 0.6, "consultant", r"(?i)[ds]/w|discussed|spoke"),
    (rf"(?m)^[ \t]*(?:--+|—|–)[ \t]*(?P<phi>{_NAME})[ \t]*(?:,|$)", 0.7, None, None),
    # a portal message signed with a tilde on its own line, in any case: "~mark", "~ Rosa D."
    (rf"(?m)^[ \t]*~[ \t]*(?P<phi>{_INI_ANY_NAME})[ \t]*\.?[ \t]*$", 0.7, "kin", "~"),
    # A log entry signed with a dash at its line's end: "critical K 6.1, S. Price notified -jbruce", "bed ready -Anderson"
    (rf"(?m)(?<=[\w.)])[ \t]+-(?P<phi>{_INI_ANY_NAME})[ \t]*$", 0.6, "weak", r"(?m)[ \t]-[A-Za-z][\w.' ]*$"),
    # A signature line, a name then its role: "Sherman, occ med", "mcdonald, transfer rn", "ANGELA, OCC MED"
    (rf"(?im)^[ \t]*(?P<phi>{_INI_ANY_NAME}),[ \t]+(?:(?:transfer|charge|primary|float|occ(?:upational)?[ \t]+health)[ \t]+)?"
     rf"(?:{_ROLES}|occ[ \t]+med)[ \t]*$", 0.6, "weak", r"(?im),[ \t]+[a-z ]+$"),
    # The patient in apposition or by another name: "the patient, anneliese brandt, was", "goes by bobby",
    # 'Robert "Bob" Kowalczyk'
    (rf"{WORD_START}(?i:patient|pt)[ \t]*,[ \t]*(?P<phi>{_ANY_NAME})(?=[ \t]*,)", 0.6, "weak", r"(?i:patient|pt)[ \t]*,"),
    (rf"{WORD_START}(?i:goes[ \t]+by|known[ \t]+as|a\.?k\.?a\.?|nicknamed?)[ \t]+[\"“'‘]?(?P<phi>{_ANY_NAME})", 0.6, "weak", r"(?i)goes[ \t]+by|known[ \t]+as|a\.?k\.?a|nickname"),
    (rf"(?<![\w'’-])(?P<phi>{_WORD}[ \t]+[\"“'‘]{_WORD}[\"”'’][ \t]+{_WORD})(?![\w'’-])", 0.8, None, "[\"“‘]"),
    # Letters and messages: "Dear Anneliese,", "Hi mrs brandt"
    (rf"(?im)^[ \t]*(?:dear|hi|hello)[ \t]+(?P<phi>{_INI_ANY_NAME})(?=[ \t]*(?:[,:!.]|$))", 0.7, "weak", r"(?im)^[ \t]*(?:dear|hi|hello)\b"),
    # ... and a school's letter home: "TO PEARL," alone on its line
    (rf"(?im)^[ \t]*to[ \t]+(?P<phi>{_INI_ANY_NAME})(?=[ \t]*,[ \t]*$)", 0.7, "weak", r"(?im)^[ \t]*to[ \t][^\n]*,[ \t]*$"),
    # Newborns take the mother's surname: "Baby boy Haverford", "BG HAVERFORD", "Twin A Haverford"
    (rf"{WORD_START}(?:(?i:baby|infant)[ \t]+(?i:boy|girl)|B[BG]|(?i:twin)[ \t]+[AB12])[ \t]+(?P<phi>{_ANY_NAME})", 0.7, "weak", r"(?i:baby|infant|twin)|\bB[BG]\b"),
]
# A list's row: a bed, the patient's name, their age and sex ("1) 7E17  CAPPLES, ZDENKA  68yo F", "[5a13] lanfranchi, mats, 67yo m")
_CUE_RULES.append((
    rf"(?m)^[ \t]*(?:\d{{1,2}}[).][ \t]+)?\[?(?:\d{{1,2}}[A-Za-z]{{1,2}}\d{{0,3}}|[A-Za-z]{{1,2}}\d{{1,3}}[A-Za-z]?)\]?[ \t]+"
    rf"(?P<phi>{_ANY_WORD}(?:,[ ]{{0,2}}{_ANY_WORD}|[ ]{_ANY_WORD})?),?[ \t]+\d{{1,3}}[ \t]*(?:y/?o|yo|y\.o\.)?[ \t]*[MFmf]\b",
    0.6, "row", None))
# Whom to call back or update, both sides of the slot said: "call will back", "CALL RUSTY BACK", "LVM for armin at 555-",
# "fam mtg 6/6 w/ May;" (a name, English or not; never a word of notes: "call pharmacy back", "asking for pain meds")
_SLOT_CUE = rf"{WORD_START}(?i:call|(?:lvm|vm|(?:left[ \t]+)?(?:message|msg))[ \t]+for|asking[ \t]+for|fam(?:ily)?[ \t]+(?:mtg|meeting)\b[^\n;|]{{0,30}}?(?:w/|with))"
_SLOT_END = rf"(?=[ \t]*,?[ \t]*(?:(?i:back|to[ \t]+(?:call|return)|(?:w/|with|if)[ \t]*(?:any[ \t]+)?(?:updates?|changes?|questions?|concerns?|results)|re:|at[ \t]+\(?\d)|\((?i:{_RELATIONS})\)|[;|]|\.?[ \t]*$))"
_CUE_RULES.append((rf"{_SLOT_CUE}[ \t]+(?P<phi>{_ANY_WORD}){_SLOT_END}", 0.55, "slot", r"(?i)call|for|mtg|meeting"))
# ... a first name then a census surname, both words or none: "left msg for laura dunlap to call back"
_CUE_RULES.append((rf"{_SLOT_CUE}[ \t]+(?P<phi>{_ANY_WORD}[ ]{_ANY_WORD}){_SLOT_END}", 0.55, "slot_pair", r"(?i)call|for|mtg|meeting"))

# Names that stand before their cue, in any case: (the name and what separates it from the cue,
# the cue, score). The cue is found first and the name looked for just before it: a pattern that
# started at every word took a third of the recognizer's time.
_BEFORE_RULES = [
    # credentials after a capitalized name: "Maria Lopez, MD", "Lopez, PA" ("chest PA", "DO not" need the comma)
    (rf"(?P<phi>{_NAME}),?[ \t]+", rf"(?<=[ \t,]){_CREDENTIALS}\b", 0.85, None),
    (rf"(?P<phi>{_NAME}),[ \t]*", rf"(?<=[ \t,]){_AMBIGUOUS_CREDENTIALS}\b", 0.8, None),
    # credentials and roles after a name: "marisol quaid, bsn, rn", "colin hansen rn"
    # what is said of a person: "KATHLEEN GAMBLE AWARE", "brittany can be reached at"
    (rf"(?P<phi>{_ANY_NAME})[ \t]+", rf"{WORD_START}{_SAYS}\b", 0.55, "before"),
    # the first of two of whom it is said: "Damian and Leon here this AM", "YUG AND URVASHI AT BEDSIDE"
    (rf"(?P<phi>{_ANY_WORD})[ \t]+(?i:and|&)[ \t]+{_ANY_WORD}[ \t]+", rf"{WORD_START}{_SAYS}\b", 0.55, "before"),
    # what only the patient does: "thompson asking to go home", "GENE TOLERATING DIET"; a census name there is one
    (rf"(?P<phi>{_ANY_WORD})[ \t]+", rf"{WORD_START}(?i:asking\s+(?:to|for|about)|tolerat(?:ing|ed)\s+(?:diet|po|meals?)|resting\s+comfortably"
                                   rf"|refus(?:es|ed|ing))\b", 0.55, "subject"),
    # the age that introduces a patient: "Jones, a 67 yo", "john smith is a 67 y/o man"
    # (a comma or "is" must stand between: in "a pleasant 67 year old" the word before is no name)
    (rf"(?P<phi>{_ANY_WORD}(?:[ ]{{1,2}}(?!(?i:is|was|an?)\b){_ANY_WORD})?)(?:,[ \t]*|[ \t]+(?i:is|was)[ \t]+)(?i:an?[ \t]+)?",
     r"(?<![\w.])\d{1,3}[ \t-]*(?:(?i:yo|y/o|y\.o\.|year[ -]old|yr[ -]old)\b|(?:(?i:yo|y/o)[ \t]?)?[MF]\b)", 0.6, "before"),
]
# A list's row: the patient's name before their age and sex in brackets ("Bed 18B - Geisel, Uwe (26M)", "sagnelli, gaetano (85m)")
_BEFORE_RULES.append((rf"(?P<phi>{_ANY_WORD}(?:,[ ]{{0,2}}{_ANY_WORD}|[ ]{_ANY_WORD})?)[ \t]*", r"\((?:\d{1,3}|[>~]?9\d)[ \t]*(?:[MFmf]|yo|y/o)\)", 0.6, "row"))
# A list's row: "Last, First" before a dash and the age and sex ("Offredi, Lucia - 72M - CHF", "TURATI, NATALIA, 68 F")
_BEFORE_RULES.append((rf"(?<![^\n])[ \t]*(?:[-*•][ \t]*|\d{{1,2}}[).][ \t]*)?(?P<phi>{_ANY_WORD},[ ]{{0,2}}{_ANY_WORD})[ \t]*",
                      r"[-–,][ \t]*\d{1,3}[ \t]*(?:(?i:yo|y/o|y\.o\.)[ \t]?)?[MFmf]\b", 0.6, "row"))
_BEFORE_RULES.append((rf"(?P<phi>{_NAME})[ \t]*", rf"\((?i:{_RELATIONS})\)", 0.7, None))  # "Ondine Farrow (neighbor)"
_BEFORE_RULES.append((rf"(?P<phi>{_ANY_NAME}(?:[ \t]+[{_UP}{_LOW}]\.)?)[ \t]*", rf"\((?i:{_RELATIONS})\)", 0.6, "kin"))  # "bill (son)", "KATE (DTR)", "joy a. (wife)"
_BEFORE_RULES.append((rf"(?P<phi>{_ANY_WORD},[ ]{{0,2}}{_ANY_WORD})[ \t]*", rf"\((?i:{_RELATIONS})\)", 0.6, "row"))  # "duran, rosa (cousin)"
_BEFORE_RULES.append((rf"(?P<phi>{_ANY_WORD})", rf"['’]s[ \t]+(?i:{_RELATIONS})\b", 0.6, "kin"))  # "call Claudia's husband"
_BEFORE_RULES.append((rf"(?P<phi>{_ANY_NAME})[ \t]*", rf",[ \t]*{WORD_START}(?i:{_RELATIONS})[ \t]*,", 0.6, "kin"))  # "loretta, dtr, called"
# "DPOA is his son", "NEXT OF KIN IS HER WIFE": a proxy's label ends no name
_NOT_PROXY_LABEL = "".join(rf"(?<!\b(?i:{w}))" for w in ("poa", "dpoa", "mpoa", "hcp", "nok", "kin", "proxy", "contact", "agent"))
# a name, then whose relation it is: "Gregory, pt's daughter, called", "Robert his wife is HCP", "Sara is the daughter", "Lisa, his SO,"
_BEFORE_RULES.append((rf"(?P<phi>{_NAME}{_NOT_PROXY_LABEL})[ \t]*", rf",?[ \t]*(?:(?i:is|was)[ \t]+)?(?i:his|her|their|the|pt['’]?s|patient['’]?s)[ \t]+(?i:{_RELATIONS})\b", 0.6, "kin"))
_BEFORE_RULES.append((rf"(?P<phi>{_NAME})", rf"-(?i:{_RELATIONS})\b", 0.6, "kin"))  # "Charles Wright-daughter 555-..."
_BEFORE_RULES.append((rf"(?P<phi>{_ANY_NAME}{_NOT_PROXY_LABEL})[ \t]+", rf"[-–][ \t]+(?i:{_RELATIONS})\b", 0.6, "kin"))  # "with art roman - husband", "MATOUS VERSCHUERE - GRANDSON"
_BEFORE_RULES.append((rf"(?P<phi>{_ANY_NAME})[ \t]*", rf"\((?i:(?:charge|primary|covering|night|day|float)[ \t]+)?(?i:{_ROLES}|float|resource)\)", 0.6, "before"))  # "nora (charge rn)", "kathleen (float)"
# a consultant and their service in brackets: "Consulted Tony Butler (ID).", "d/w Marcel Seguin (cards)"
_SERVICES = (r"id|gi|cards|cardiology|renal|nephro(?:logy)?|neuro(?:logy)?|pulm(?:onary)?|heme(?:/onc)?|onc(?:ology)?|surgery|gen[ ]surg|ortho"
             r"|psych(?:iatry)?|palliative|pall[ ]care|endo(?:crine)?|derm(?:atology)?|uro(?:logy)?|ent|ir|ob(?:/?gyn)?|rheum(?:atology)?"
             r"|hospitalist|anesthesia|vascular|transplant|hepatology|geriatrics|neurosurgery|nsgy|trauma|tox(?:icology)?|infectious[ ]disease")
_BEFORE_RULES.append((rf"(?P<phi>{_NAME})[ \t]*", rf"\((?i:{_SERVICES})(?:[ \t]+(?i:fellow|attending|consult|resident))?\)", 0.6, "before"))
# a consultant by name in brackets after their service, and whom a patient is followed by in clinic: "renal (Wolf) following",
# "pt followed by Vance in clinic" (one word where only a person stands: never a service or shorthand)
_CUE_RULES.append((rf"{WORD_START}(?i:{_SERVICES})[ \t]*\([ \t]*(?P<phi>{_ANY_WORD})[ \t]*\)", 0.55, "slot", None))
_CUE_RULES.append((rf"{WORD_START}(?i:followed|seen)[ \t]+(?i:by)[ \t]+(?P<phi>{_ANY_WORD})[ \t]+(?i:in|at)[ \t]+(?i:clinic|the[ \t]+clinic|office)\b", 0.55, "slot", None))
_CUES = [(re.compile(p), score, mode, hint and re.compile(hint)) for p, score, mode, hint in _CUE_RULES]
_BEFORE = [(re.compile(rf"(?<![\w'’.-]){name}\Z"), re.compile(cue), score, mode) for name, cue, score, mode in _BEFORE_RULES]

# Cues found once, in any case, with what may follow them and what may precede them. Each list
# is (pattern tried where the cue ends, score, mode, whether the cue's own case must match).
_LABEL = re.compile(rf"(?m)(?:^|(?<=[\s(\[|*]))\b(?i:{_LABELS})")
_LABEL_EXACT = re.compile(_LABELS)
_AFTER_LABEL = [
    # "Patient: Nguyen, Mary", "| **Attending** | Dr Lee": the label as written, a name in capitals
    (re.compile(rf"{_FIELD}(?P<phi>{_LAST_FIRST}|{_NAME})"), 0.85, None, True),
    # the label and the name in any case: "PATIENT: JOHN SMITH", "name: smith, john"
    (re.compile(rf"{_FIELD}(?P<phi>{_ANY_WORD},[ ]{{0,2}}{_ANY_NAME}|{_ANY_NAME})"), 0.75, "weak", False),
]
# Roles and credentials: a staff member's name after a role ("rt victoria", "Registrar Okonjo")
# and before a role or credential ("marisol quaid, bsn, rn").
_ROLE = re.compile(rf"{WORD_START}(?i:(?P<role>{_ROLES})|bsn|pa-c|lcsw|msw|otr/l|otr|dpt|ccrn|aprn)\b")
_AFTER_ROLE = re.compile(rf"\.?[ \t]*[:(-]?[ \t]*(?P<phi>{_INI_ANY_NAME})")  # "rn: a. dawson", "7p-7a rn (murphy, jack)"
_AFTER_ROLE_PAIR = re.compile(rf"\.?[ \t]*[:(-]?[ \t]*(?P<phi>(?P<last>{_ANY_WORD}),[ ]{{0,2}}(?P<first>{_ANY_WORD}))\b")
# "SW: Amber Becker following": a first name and a surname right after a role, though notes use the first word.
_AFTER_ROLE_FIRST_LAST = re.compile(rf"\.?[ \t]*[:(-]?[ \t]*(?P<phi>(?P<first>{_ANY_WORD})[ ](?P<last>{_ANY_WORD}))\b")
_BEFORE_ROLE = re.compile(rf"(?<![\w'’.-])(?P<phi>{_ANY_NAME}(?:[ \t]+[A-Za-z]\.)?),?[ \t]+\Z")  # "jacek h., rn"

# A relation, found once, and the names that may follow it (each tried where the relation ends):
# (pattern, score, mode). One scan for the relation words instead of one per rule.
_RELATION = re.compile(rf"{WORD_START}(?i:{_RELATIONS}s?)\b")
_AFTER_RELATION = [
    # "his wife Ana", "daughter (Maria)", "mother named Grace"
    (re.compile(rf"[ \t]*,?[ \t]*(?:\(|named[ \t]+|is[ \t]+)?(?P<phi>{_NAME})"), 0.7, None),
    # any case: "son, david", "hcp is mary", "mum brenda", "husband bill", "son grant called"
    (re.compile(rf"[ \t]*[,:(]?[ \t]*(?i:(?:is|named|called)[ \t]+)?(?P<phi>{_ANY_NAME})"), 0.55, "kin"),
    (re.compile(rf"-(?P<phi>{_NAME})"), 0.55, "kin"),  # "Dtr-Pamela"
    # one word alone in brackets, in any case, though English knows it: "HX PER WIFE (MAY)", "son (will) at bedside"
    (re.compile(rf"[ \t]*\([ \t]*(?P<phi>{_ANY_WORD})[ \t]*\)"), 0.6, "slot"),
    # one word between a relation and what only a person does is a name, though English knows it: "dtr chip called"
    (re.compile(rf"[ \t]*,?[ \t]*(?P<phi>{_ANY_WORD})(?=[ \t]*,?[ \t]+{_SAYS}\b)"), 0.55, "kin_says"),
    # the second of two: "sons david and mark", "DAUGHTERS ROSA AND LINA"
    (re.compile(rf"[ \t]*,?[ \t]*{_ANY_WORD},?[ \t]+(?i:and|&)[ \t]+(?P<phi>{_ANY_WORD})"), 0.55, "weak"),
]
_BEFORE_REACH = 80  # characters before a cue where its name may start

# (the patient of occupational health, a school nurse or community care is its employee, student or client)
_PATIENT_LABEL = re.compile(r"(?i:patient|pt|name|patient\s+name|employee(?:\s+name)?|student(?:\s+name)?|client(?:\s+name)?)")
# One word after the patient's label, then the record number or the line's end: the surname alone.
_LONE_SURNAME = re.compile(rf"{_FIELD}(?P<phi>{_ANY_WORD})(?=[ \t]*$|[ \t]{{2,}}(?P<id>(?i:mrn|dob|id|age|acct|room|rm|bed))\b)", re.M)
