"""Passages: sentence-sized, exact spans of the page text, clinical abbreviations kept whole."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from ingestion.passages import split_page


def passages(text: str) -> list[str]:
    return [text[s:e] for s, e in split_page(text)]


def test_clinical_abbreviations_and_decimals_do_not_end_a_sentence():
    text = (
        "Seen by Dr. Patel today. Metoprolol 25 mg. b.i.d. was continued. Hgb 10.2 g/dL vs. 11.5 "
        "last week. Pt. is a 67 y.o. male w/ EF 35%. Sig: 1 tab p.o. q.d. for 5 days."
    )
    assert passages(text) == [
        "Seen by Dr. Patel today.",
        "Metoprolol 25 mg. b.i.d. was continued.",
        "Hgb 10.2 g/dL vs. 11.5 last week.",
        "Pt. is a 67 y.o. male w/ EF 35%.",
        "Sig: 1 tab p.o. q.d. for 5 days.",
    ]


def test_title_before_initials_stays_with_the_name():
    assert passages("Discussed with Dr. A. B. Jones, M.D. today. He agrees.") == [
        "Discussed with Dr. A. B. Jones, M.D. today.",
        "He agrees.",
    ]


def test_list_numbering_starts_its_item_inline_and_on_new_lines():
    inline = "Plan: 1. Increase furosemide to 40 mg daily. 2. Recheck BMP in 3 days."
    assert passages(inline) == ["Plan:", "1. Increase furosemide to 40 mg daily.", "2. Recheck BMP in 3 days."]
    lines = "Impression:\n1. Cardiomegaly.\n2. Small bilateral effusions, left > right.\n- Follow up"
    assert passages(lines) == [
        "Impression:",
        "1. Cardiomegaly.",
        "2. Small bilateral effusions, left > right.",
        "- Follow up",
    ]


def test_a_number_ending_a_sentence_stays_with_it_unless_it_numbers_the_next_item():
    # "below 45." is a value: moved to the next passage, a citation would quote "45. HbA1c drawn today".
    assert passages("Hold metformin if eGFR falls below 45. HbA1c drawn today.") == [
        "Hold metformin if eGFR falls below 45.", "HbA1c drawn today."]
    assert passages("Fatigue grade 2. Denies fever.") == ["Fatigue grade 2.", "Denies fever."]
    assert passages("Problems: 1. HTN 2. DM 3. CKD") == ["Problems:", "1. HTN", "2. DM", "3. CKD"]


def test_table_rows_stand_alone_and_wrapped_prose_is_joined():
    text = (
        "Sodium 134 mmol/L 135-145 L\n"
        "Potassium 3.4 mmol/L 3.5-5.1 L\n"
        "The patient is a 68 year old man with heart failure with reduced ejection fraction who\n"
        "presents with worsening dyspnea on exertion and bilateral leg edema over two weeks.\n"
    )
    assert passages(text) == [
        "Sodium 134 mmol/L 135-145 L",
        "Potassium 3.4 mmol/L 3.5-5.1 L",
        "The patient is a 68 year old man with heart failure with reduced ejection fraction who\n"
        "presents with worsening dyspnea on exertion and bilateral leg edema over two weeks.",
    ]


def test_an_overlong_run_is_cut_at_spaces_into_passage_sized_parts():
    text = " ".join(["word"] * 400)  # an OCR blob with no punctuation
    spans = split_page(text, max_chars=200)
    assert len(spans) > 5
    assert all(e - s <= 200 for s, e in spans)
    assert all(text[s:e].split(" ") == [w for w in text[s:e].split(" ") if w == "word"] for s, e in spans)


# Text made of clinical-ish pieces, so the generator reaches the segmenter's special cases.
_pieces = st.sampled_from(
    ["Dr.", "mg.", "b.i.d.", "10.2", "1.", "2)", "-", "•", "Plan:", "Na 138 mmol/L", "He", "denies",
     "pain", "\n", "\n\n", "\f", "  ", "\t", ".", "?", "e.g.", "A.", "(see", "above)", "x-ray", "é", "°C"]
)
_words = st.text(alphabet=string.ascii_letters + string.digits + ".,:;()/-'", min_size=1, max_size=12)
_texts = st.lists(st.one_of(_pieces, _words), max_size=120).map(
    lambda parts: "".join(p if p.isspace() else p + " " for p in parts)
)


@settings(max_examples=400, deadline=None)
@given(_texts, st.integers(min_value=80, max_value=600))
def test_spans_are_exact_ordered_disjoint_and_cover_all_non_space_text(text, max_chars):
    spans = split_page(text, max_chars)
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)  # ordered, non-empty, never overlapping
        chunk = text[start:end]
        assert chunk == chunk.strip()  # trimmed: a passage starts and ends on text
        assert end - start <= max_chars
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(text))
