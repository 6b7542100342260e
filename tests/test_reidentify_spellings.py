"""Re-identification shows a spelling the record wrote, never a blend of two (issue 14).

One surrogate can stand for several spellings ("Dr. John Smith", "SMITH"). A statement reads
back as the passage it cites spells the name, else as the record spells it most often. Every
name here is invented.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingestion.deid import DeidSettings, Mapping, deidentify, find_phi, masked, reidentify
from ingestion.deid.entities import Phi
from ingestion.models import Document, Page, PhiSpan

CLINIC = "Clinic letter. Seen by Dr. Jon Smyth today. Plan discussed with the patient."
DISCHARGE = (
    "Discharge summary. Attending: Dr. John Smith.\n"
    "SMITH reviewed the films.\n"
    "SMITH agreed with the plan.\n"
    "Follow up with SMITH in two weeks."
)


def _document(name: str, text: str, phi: list[PhiSpan]) -> Document:
    return Document(name, "", "", "text/plain", [Page(1, text, 0, 0, 0, phi=phi)])


def _record(*texts: str) -> tuple[list[Document], Mapping]:
    """The texts as documents of one patient, through the real de-identification path."""
    documents = [_document(f"note{i}.txt", t, phi) for i, (t, phi) in enumerate(zip(texts, find_phi(texts)))]
    return documents, deidentify(documents, DeidSettings())


def _passage(document: Document, sentence: str) -> tuple[str, str]:
    """A sentence of the document as a cited passage: (original, de-identified)."""
    page = document.pages[0]
    start = page.text.index(sentence)
    return sentence, masked(page, start, start + len(sentence))


def _token_in(safe: str) -> str:
    [token] = set(re.findall(r"\[PERSON_\d+\]", safe))
    return token


def test_a_statement_reads_back_as_the_passage_it_cites_spells_the_name():
    documents, mapping = _record(CLINIC, DISCHARGE)
    original, safe = _passage(documents[1], "SMITH agreed with the plan.")
    token = _token_in(safe)
    assert mapping.spellings[token] == {"John Smith": 1, "SMITH": 3}  # one surrogate, two spellings
    assert reidentify(f"{token} agreed with the plan.", mapping, [(original, safe)]) == "SMITH agreed with the plan."
    attending = _passage(documents[1], "Attending: Dr. John Smith.")
    assert reidentify(f"Attending: Dr. {token}.", mapping, [attending]) == "Attending: Dr. John Smith."


def test_without_a_cited_spelling_the_most_frequent_one_is_shown():
    documents, mapping = _record(CLINIC, DISCHARGE)
    token = _token_in(_passage(documents[1], "SMITH agreed with the plan.")[1])
    assert reidentify(f"Reviewed by {token}.", mapping) == "Reviewed by SMITH."
    clinic = _token_in(_passage(documents[0], "Seen by Dr. Jon Smyth today.")[1])
    assert clinic != token and reidentify(f"Seen by {clinic}.", mapping) == "Seen by Jon Smyth."


def test_a_title_the_record_sometimes_includes_is_not_doubled():
    mapping = Mapping(offset_days=-40, originals={"[PERSON_1]": "Dr. John Smith"},
                      spellings={"[PERSON_1]": {"Dr. John Smith": 1, "John Smith": 1}})
    cited = ("Seen by Dr. John Smith today.", "Seen by Dr. [PERSON_1] today.")
    assert reidentify("Dr. [PERSON_1] saw her.", mapping, [cited]) == "Dr. John Smith saw her."


def test_a_mapping_stored_before_spellings_were_kept_still_reads_back():
    mapping = Mapping.model_validate_json('{"offset_days": -40, "originals": {"[PERSON_1]": "Quentin Marlowe"}}')
    assert reidentify("[PERSON_1] called.", mapping) == "Quentin Marlowe called."


def test_re_ingesting_the_record_with_its_mapping_does_not_count_it_twice():
    documents, mapping = _record(CLINIC, DISCHARGE)
    again = [_document(d.file, d.pages[0].text, find_phi([d.pages[0].text])[0]) for d in documents]
    counts = {t: dict(c) for t, c in mapping.spellings.items()}
    deidentify(again, DeidSettings(), mapping)
    assert mapping.spellings == counts


# The property: whatever spellings two documents use for their clinicians, each surrogate reads
# back as one whole spelling it stood for, and a cited sentence reads back exactly as written.

_FIRST = ["Jon", "John", "Jonathan", "Marguerite", "Margarete"]
_LAST = ["Smith", "Smyth", "Okonkwo-Reyes", "Okonkwo"]
_FORMS = [
    lambda f, l: f"{f} {l}", lambda f, l: l.upper(), lambda f, l: l,
    lambda f, l: f"{l.upper()}, {f.upper()}", lambda f, l: f"{f[0]}. {l}",
]
_SENTENCE = "Seen by Dr. {} today."

_names = st.tuples(st.sampled_from(_FIRST), st.sampled_from(_LAST), st.sampled_from(range(len(_FORMS))))


def _written(names: list[tuple[str, str, int]]) -> tuple[str, list[PhiSpan]]:
    """One sentence per name, each name a PERSON span, as a detector would have found it."""
    lines, spans, at = [], [], 0
    for first, last, form in names:
        name = _FORMS[form](first, last)
        line = _SENTENCE.format(name)
        start = at + line.index(name)
        spans.append(PhiSpan(start, start + len(name), Phi.PERSON, 0.9))
        lines.append(line)
        at += len(line) + 1
    return "\n".join(lines), spans


@settings(max_examples=60, deadline=None)
@given(st.lists(_names, min_size=1, max_size=5), st.lists(_names, min_size=1, max_size=5))
def test_a_surrogate_reads_back_as_one_spelling_it_stood_for(one, two):
    documents = [_document(f"note{i}.txt", *_written(names)) for i, names in enumerate((one, two))]
    mapping = deidentify(documents, DeidSettings())
    stood_for: dict[str, set[str]] = {}
    for page in (d.pages[0] for d in documents):
        for span in page.phi:
            stood_for.setdefault(span.surrogate, set()).add(page.text[span.start : span.end])
    for token, spellings in stood_for.items():
        assert reidentify(token, mapping) in spellings
    for page in (d.pages[0] for d in documents):
        at = 0
        for line in page.text.split("\n"):
            safe = masked(page, at, at + len(line))
            assert reidentify(safe, mapping, [(line, safe)]) == line
            at += len(line) + 1
