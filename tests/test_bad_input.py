"""Every malformed file gets one plain sentence naming it and the reason; the batch goes on."""

from __future__ import annotations

import resource
import time

import pytest

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from tests.fixtures import bad_files as bad

# case → (how to make it, words the reason must contain)
REFUSED = {
    "empty": (bad.make_empty, "note.txt", "is empty"),
    "zero_pages": (bad.make_zero_pages_pdf, "export.pdf", "no pages"),
    "truncated": (bad.make_truncated_pdf, "discharge_summary.pdf", "incomplete PDF"),
    "corrupt": (bad.make_corrupt_pdf, "radiology_report.pdf", "damaged PDF"),
    "encrypted": (bad.make_encrypted_pdf, "lab_results.pdf", "password-protected"),
    "png_as_pdf": (bad.make_png_as_pdf, "results.pdf", "named like a PDF"),
    "text_as_pdf": (bad.make_text_as_pdf, "letter.pdf", "named like a PDF"),
    "exe": (bad.make_exe, "setup.exe", "Windows program"),
    "zip": (bad.make_zip, "records.zip", "ZIP archive"),
    "bad_encoding": (bad.make_bad_encoding_txt, "progress_note.txt", "not readable text"),
    "image_bomb": (bad.make_image_bomb_png, "wound_photo.png", "too large to decode"),
    "noise_scan": (bad.make_noise_scan_pdf, "scanned_referral.pdf", "OCR could not read"),
    "noise_png": (bad.make_noise_png, "photo_of_chart.png", "OCR could not read"),
    "blank_scan": (bad.make_blank_scan_pdf, "blank_scan.pdf", "its pages are blank"),
}


def run(paths, settings: IngestionSettings):
    return ingest(paths, settings, estimate_tokens)


def assert_one_sentence(message: str, file: str) -> None:
    assert message.startswith(file + " ")
    assert message.endswith(".")
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize("case", REFUSED)
def test_each_bad_file_is_refused_with_a_plain_sentence_and_the_good_file_still_loads(
    case, tmp_path, settings, sample_paths
):
    make, name, reason = REFUSED[case]
    good = next(p for p in sample_paths if p.suffix == ".md")
    record = run([make(tmp_path / name), good], settings)
    assert [d.file for d in record.documents] == [good.name]
    assert record.passages and record.prompts  # the rest of the batch went on to the end
    [error] = record.errors
    assert error.file == name
    assert reason in error.error
    assert_one_sentence(error.error, name)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, settings):
    path = bad.make_oversize(tmp_path / "nursing_notes.txt", 1_500_000)
    record = run([path], settings.model_copy(update={"max_file_bytes": 1_000_000}))
    [error] = record.errors
    assert "1.4 MB, larger than the limit of 1.0 MB" in error.error
    assert_one_sentence(error.error, "nursing_notes.txt")


def test_a_pdf_with_more_pages_than_the_limit_is_refused(tmp_path, settings):
    path = bad.make_many_pages_pdf(tmp_path / "observation_chart.pdf", 60)
    record = run([path], settings.model_copy(update={"max_pages": 50}))
    [error] = record.errors
    assert "has 60 pages, more than the limit of 50" in error.error
    # The same file under the default limit loads every page.
    assert len(run([path], settings).documents[0].pages) == 60


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_decompression_bomb_is_refused_quickly_without_eating_memory(tmp_path, settings):
    path = bad.make_bomb_pdf(tmp_path / "consult_note.pdf")  # ~7 KB inflating to 2 GiB
    assert path.stat().st_size < 100_000
    before = _peak_rss_mb()
    started = time.monotonic()
    record = run([path], settings)
    elapsed = time.monotonic() - started
    [error] = record.errors
    assert "decompression bomb" in error.error
    assert elapsed < 10
    assert _peak_rss_mb() - before < 500  # pdfium, which has no limit, never touched the page


@pytest.mark.parametrize(
    "make, name",
    [(bad.make_utf16_txt, "triage_note_utf16.txt"), (bad.make_latin1_txt, "triage_note_latin1.txt"),
     (bad.make_utf8_bom_txt, "triage_note_utf8.txt")],
)
def test_text_in_utf16_latin1_and_utf8_with_bom_loads_with_its_accents(make, name, tmp_path, settings):
    record = run([make(tmp_path / name)], settings)
    assert not record.errors
    text = record.documents[0].text
    assert bad.NOTE_MARKER in text
    assert "\ufeff" not in text


def test_a_pdf_encrypted_with_an_empty_user_password_opens_like_in_any_viewer(tmp_path, settings):
    record = run([bad.make_owner_only_pdf(tmp_path / "medication_list.pdf")], settings)
    assert not record.errors
    assert len(record.documents[0].pages) == 2
    assert record.passages


def test_a_multi_page_tiff_fax_is_read_page_by_page_with_ocr(tmp_path, settings):
    record = run([bad.make_tiff_fax(tmp_path / "fax_referral.tiff")], settings)
    assert not record.errors
    [doc] = record.documents
    assert doc.media_type == "image/tiff"
    assert [p.ocr for p in doc.pages] == [True, True]
    assert all(p.ocr_confidence > 80 and p.words for p in doc.pages)


def test_the_same_file_twice_is_one_document_and_says_so(tmp_path, settings, sample_paths):
    note = next(p for p in sample_paths if p.suffix == ".txt")
    copy = tmp_path / "copy_of_note.txt"
    copy.write_bytes(note.read_bytes())
    record = run([note, copy], settings)
    assert len(record.documents) == 1 and not record.errors
    [notice] = record.notices
    assert notice.error == f"copy_of_note.txt is the same file as {note.name}; it was read once."


def test_a_missing_file_and_a_folder_are_reported_not_raised(tmp_path, settings):
    record = run([tmp_path / "nowhere.pdf", tmp_path], settings)
    assert [e.error for e in record.errors] == [
        "nowhere.pdf does not exist.",
        f"{tmp_path.name} is a folder; clinsum reads only regular files.",
    ]


def test_the_whole_corpus_in_one_batch_keeps_every_good_file(tmp_path, settings, sample_paths):
    files = bad.write_bad_files(tmp_path / "corpus")
    record = run([*files.values(), *sample_paths], settings.model_copy(update={"max_pages": 50, "max_file_bytes": 1_000_000}))
    loaded = {d.file for d in record.documents}
    assert {p.name for p in sample_paths} <= loaded
    refused = [e.file for e in record.errors]
    assert len(refused) == len(set(refused))  # one sentence a file
    assert not loaded & set(refused)
    assert loaded | set(refused) == {p.name for p in [*files.values(), *sample_paths]}
    assert record.notices == []  # the unreadable scan is an error, not also a notice
