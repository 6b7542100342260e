"""Each page of the browser app as a clinician meets it, driven through Streamlit's AppTest.

The app runs in-process on a store of its own (see conftest.py): the worker thread of the app's
context writes summaries with the extractive engine, as in `make run`. Every run checks that no
page shows an exception.
"""

from __future__ import annotations

import html
import io
import random
import re
import time
from datetime import date

import PIL.Image
import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import select
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.errors import AppTestError

from app import jobs
from app.audit import AuditFilter, audit_rows
from app.context import AppContext, sample_files
from app.output import citation_numbers, summary_markdown
from app.pipeline import ingestion_settings
from app.store.patients import create_patient, documents_of
from app.store.records import mapping_of
from app.store.schema import Job
from app.store.summaries import view
from app.uploads import Upload, add_files
from app.views import current_record, history
from app.worker import Worker
from engine.stub import StubEngine
from tests.conftest import SAMPLES
from tests.fixtures import scans
from tests.ui.conftest import JOB_TIMEOUT, PLANTED_NAME, Shared, new_app, page_text
from ui.widgets.adding import ICONS

PAGES = ["patients", "upload", "record", "summary", "ask", "history", "export"]
NO_MODEL = "No language model is configured"
TEXT_SAMPLE = next(p for p in SAMPLES if p.suffix == ".txt")


# ------------------------------------------------------------------------------------------ helpers


def run(what) -> AppTest:
    """One script run (of the app, or after a widget's change); the page must show no exception."""
    at = what.run()
    assert not at.exception, [(e.value, e.stack_trace) for e in at.exception]
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    if not at._tree.children:  # switch_page needs the pages st.navigation registers in a first run
        run(at)
    return run(at.switch_page(f"screens/{page}.py"))


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} among {[b.label for b in at.button]}"
    return found[0]


def title(at: AppTest) -> str:
    return at.title[0].value


def until(at: AppTest, done, what: str) -> AppTest:
    """Rerun the page (as its once-a-second fragment would) until `done(at)`; bounded."""
    deadline = time.monotonic() + JOB_TIMEOUT
    while not done(at):
        assert time.monotonic() < deadline, f"{what}: not within {JOB_TIMEOUT} s"
        time.sleep(0.05)
        run(at)
    return at


def chips(at: AppTest) -> list:
    return [b for b in at.button if re.fullmatch(r"\[\d+\]", b.label)]


def summarize(ctx: AppContext, patient_id: int) -> int:
    """A summary of the patient's current record, written by the app's worker thread: its id."""
    from app.pipeline import request
    from app.store.records import StoredRecord
    from app.store.summaries import summary_of_job
    from tests.ui.conftest import wait_for_job

    job = request(ctx.store, StoredRecord(current_record(ctx.store, patient_id).id, patient_id, {}), ctx.settings,
                  actor="local")
    assert wait_for_job(ctx, job).status == "done"
    return summary_of_job(ctx.store, job)


def banner(at: AppTest) -> str:
    return " ".join(i.value for i in at.info)


# ----------------------------------------------------------------------------------------- patients


def test_an_empty_install_offers_the_sample_record_and_lands_on_its_summary(fresh: AppContext) -> None:
    at = run(new_app())
    assert title(at) == "Patients" and NO_MODEL in banner(at)
    run(button(at, "Load the sample record").click())
    assert title(at) == "Summary"
    [made] = fresh.patients(fresh.user())
    assert made.label == "sample record" and at.session_state["patient_id"] == made.id
    assert sorted(d.file for d in documents_of(fresh.store, made.id)) == [p.name for p in sample_files()]
    assert [o.status for o in at.session_state["uploaded"]] == ["added"] * len(sample_files())
    assert button(at, "Generate summary") and NO_MODEL in banner(at)
    # Once there is a patient, the offer is gone.
    open_page(at, "patients")
    assert not [b for b in at.button if b.label == "Load the sample record"]


def test_create_a_patient_with_a_label_and_a_blank_label_is_one_sentence(shared: Shared) -> None:
    at = run(new_app())
    field = next(t for t in at.text_input if t.label == "New patient label")
    field.set_value("ward 4 bed 12")
    run(button(at, "Create patient").click())
    made = next(p for p in shared.ctx.patients(shared.ctx.user()) if p.label == "ward 4 bed 12")
    assert at.session_state["patient_id"] == made.id
    assert [s.value for s in at.subheader] == ["Selected: ward 4 bed 12"]
    assert "No documents yet: add them on the Upload page." in [m.value for m in at.markdown]

    before = len(shared.ctx.patients(shared.ctx.user()))
    next(t for t in at.text_input if t.label == "New patient label").set_value("   ")
    run(button(at, "Create patient").click())
    assert [e.value for e in at.error] == ["A patient label needs at least one visible character."]
    assert len(shared.ctx.patients(shared.ctx.user())) == before
    assert at.session_state["patient_id"] == made.id  # the selection stays


def test_find_a_patient_by_label_and_select_it(shared: Shared) -> None:
    ctx = shared.ctx
    wanted = create_patient(ctx.store, "ICU bay 7", actor="local")
    create_patient(ctx.store, "ICU bay 9", actor="local")
    at = run(new_app())
    at.text_input(key="find").set_value("bay 7")
    run(at)
    selects = [b for b in at.button if b.label == "Select"]
    assert [b.key for b in selects] == [f"select-{wanted.id}"]
    run(selects[0].click())
    assert at.session_state["patient_id"] == wanted.id
    assert [s.value for s in at.subheader] == ["Selected: ICU bay 7"]
    assert at.button(key=f"select-{wanted.id}").disabled  # the selected one
    assert any("**Patient:** ICU bay 7" == m.value for m in at.sidebar.markdown)

    at.text_input(key="find").set_value("no such bed")
    run(at)
    assert "No patient's label contains that." in [m.value for m in at.markdown]
    assert not [b for b in at.button if b.label == "Select"]


def test_delete_a_document_then_the_record_is_built_again(shared: Shared) -> None:
    ctx = shared.ctx
    patient = create_patient(ctx.store, "bed delete-doc", actor="local")
    notes = [p for p in SAMPLES if p.suffix in (".txt", ".md")]
    add_files(ctx.store, ctx.settings, ctx.engine, patient.id, [Upload(p.name, p.read_bytes()) for p in notes])
    docs = documents_of(ctx.store, patient.id)
    gone, kept = docs[0], docs[1:]
    at = run(new_app(patient.id))
    assert [w.value for w in at.markdown if w.value in {d.file for d in docs}] == [d.file for d in docs]
    run(at.button(key=f"del-doc-{gone.id}").click())
    assert [d.id for d in documents_of(ctx.store, patient.id)] == [d.id for d in kept]
    shown = [m.value for m in at.markdown]
    assert gone.file not in shown and all(d.file in shown for d in kept)
    # Its record went with it: the Record page offers to build one from what is left.
    open_page(at, "record")
    assert current_record(ctx.store, patient.id) is None
    run(button(at, "Build the record").click())
    record = current_record(ctx.store, patient.id)
    assert record is not None and len(record.documents) == len(kept)
    assert at.dataframe[0].value.shape[0] == len(kept)


def test_deleting_a_patient_needs_the_confirmation(shared: Shared) -> None:
    ctx = shared.ctx
    patient = create_patient(ctx.store, "bed to erase", actor="local")
    at = run(new_app(patient.id))
    delete = button(at, "Delete patient")
    assert delete.disabled
    with pytest.raises(AppTestError):  # a browser cannot press it either
        delete.click()
    assert ctx.patient(ctx.user(), patient.id) is not None
    run(at.checkbox(key=f"sure-{patient.id}").check())
    run(button(at, "Delete patient").click())
    assert ctx.patient(ctx.user(), patient.id) is None
    assert at.session_state["patient_id"] is None
    assert not at.subheader  # nothing selected any more
    assert "bed to erase" not in [m.value for m in at.markdown]


# ------------------------------------------------------------------------------------------- upload


def test_upload_starts_a_patient_and_reports_each_file(shared: Shared, tmp_path) -> None:
    ctx = shared.ctx
    note = TEXT_SAMPLE.read_bytes()
    blank = scans.make_blank_pages_pdf(tmp_path / "obs_chart.pdf", pages=3).read_bytes()
    noise = random.Random(11).randbytes(16_384)  # a "PDF" that is random bytes
    at = open_page(run(new_app()), "upload")
    assert "No patient is selected: these files will start a new patient." in [m.value for m in at.markdown]
    assert button(at, "Add to record").disabled
    at.text_input(key="upload-label").set_value("upload bed 3")
    at.file_uploader[0].set_value([(TEXT_SAMPLE.name, note, "text/plain"), ("scan.pdf", noise, "application/pdf"),
                                   ("obs_chart.pdf", blank, "application/pdf")])
    run(at)
    run(button(at, "Add to record").click())
    made = next(p for p in ctx.patients(ctx.user()) if p.label == "upload bed 3")
    assert at.session_state["patient_id"] == made.id
    assert sorted(d.file for d in documents_of(ctx.store, made.id)) == sorted(["obs_chart.pdf", TEXT_SAMPLE.name])
    outcomes = {o.name: o for o in at.session_state["uploaded"]}
    assert {name: o.status for name, o in outcomes.items()} == {TEXT_SAMPLE.name: "added", "scan.pdf": "error",
                                                                "obs_chart.pdf": "added"}

    boxes = [c for c in at.main.container if c.markdown and c.markdown[0].value.startswith(tuple(ICONS.values()))]
    by_file = {box.markdown[0].value.split("**")[1].replace("\\", ""): box for box in boxes}
    assert list(by_file) == [TEXT_SAMPLE.name, "scan.pdf", "obs_chart.pdf"]
    added = by_file[TEXT_SAMPLE.name]
    assert added.markdown[0].value.startswith(ICONS["added"])
    [line] = [c.value for c in added.caption]
    assert line.startswith("1 page · identifiers replaced: ") and "person" in line
    for kind, count in outcomes[TEXT_SAMPLE.name].phi.items():
        assert f"{count} {kind.replace('_', ' ').lower()}" in line
    bad = by_file["scan.pdf"]
    assert bad.markdown[0].value.startswith(ICONS["error"]) and not bad.caption
    [error] = [e.value for e in bad.error]
    assert "scan.pdf" in error and error.count(". ") == 0 and error.endswith(".")  # one sentence, naming the file
    chart = by_file["obs_chart.pdf"]
    assert [w.value.replace("\\", "") for w in chart.warning] == ["Pages 2–3 of obs_chart.pdf are blank; they were skipped."]
    assert [c.value for c in chart.caption] == ["3 pages · identifiers replaced: none found"]
    assert at.page_link[0].proto.label == "Go to the summary"

    # The same file again is recognised, not stored twice.
    at.file_uploader[0].set_value([(TEXT_SAMPLE.name, note, "text/plain")])
    run(at)
    run(button(at, "Add to record").click())
    adding = "Adding to **upload bed 3**'s record. A file already in it is recognised and not added twice."
    assert adding in [m.value for m in at.markdown]
    [again] = at.session_state["uploaded"]
    assert again.status == "duplicate"
    assert any(m.value.startswith(ICONS["duplicate"]) for m in at.markdown)
    assert f"{TEXT_SAMPLE.name} is already in this patient's record." in [w.value.replace("\\", "") for w in at.warning]
    assert len(documents_of(ctx.store, made.id)) == 2


def test_without_tesseract_a_scan_is_a_notice_beside_its_file(tmp_path) -> None:
    """Tesseract missing (not where the settings say): the page says so beside each file, no traceback."""
    import pypdfium2 as pdfium

    from tests.ui.conftest import serving

    fax = next(p for p in SAMPLES if "fax" in p.name)
    mixed = pdfium.PdfDocument(next(p for p in SAMPLES if "lab_report" in p.name))
    mixed.import_pages(pdfium.PdfDocument(scans.make_scanned_pages(tmp_path / "scans.pdf", pages=2)))
    mixed.save(tmp_path / "lab_with_scans.pdf")
    with serving(tmp_path / "data", CLINSUM_INGESTION__OCR_COMMAND=str(tmp_path / "no" / "tesseract")):
        at = open_page(run(new_app()), "upload")
        at.text_input(key="upload-label").set_value("no ocr bed 1")
        at.file_uploader[0].set_value([(fax.name, fax.read_bytes(), "application/pdf"),
                                       ("lab_with_scans.pdf", (tmp_path / "lab_with_scans.pdf").read_bytes(),
                                        "application/pdf")])
        run(at)
        run(button(at, "Add to record").click())
    outcomes = {o.name: o.status for o in at.session_state["uploaded"]}
    assert outcomes == {fax.name: "error", "lab_with_scans.pdf": "added"}
    last = len(mixed)
    assert [w.value.replace("\\", "") for w in at.warning] == [
        f"Pages {last - 1}–{last} of lab_with_scans.pdf are scans, and Tesseract (OCR) is not installed, so they were "
        "not read; install tesseract-ocr to read them."]
    [error] = [e.value.replace("\\", "") for e in at.error]
    assert error.startswith(fax.name) and "Tesseract (OCR) is not installed" in error and error.count(". ") == 0


def test_upload_with_a_blank_label_says_so_and_adds_nothing(shared: Shared) -> None:
    ctx = shared.ctx
    before = len(ctx.patients(ctx.user()))
    at = open_page(run(new_app()), "upload")
    at.text_input(key="upload-label").set_value("  \t ")
    at.file_uploader[0].set_value([(TEXT_SAMPLE.name, TEXT_SAMPLE.read_bytes(), "text/plain")])
    run(at)
    run(button(at, "Add to record").click())
    assert [e.value for e in at.error] == ["A patient label needs at least one visible character."]
    assert len(ctx.patients(ctx.user())) == before and "patient_id" not in at.session_state
    assert "uploaded" not in at.session_state


# ------------------------------------------------------------------------------------------- record


def test_record_shows_shifted_dates_surrogates_and_the_token_budget(shared: Shared) -> None:
    ctx = shared.ctx
    at = open_page(run(new_app(shared.patient_id)), "record")
    record = current_record(ctx.store, shared.patient_id)
    docs = documents_of(ctx.store, shared.patient_id)
    assert [s.value for s in at.subheader] == [f"{len(docs)} documents in date order", "What the model sees"]

    table = at.dataframe[0].value
    assert list(table["#"]) == list(range(1, len(docs) + 1))
    shown = [date.fromisoformat(d) for d in table["Date (shifted)"]]
    real = sorted(d.date for d in docs)
    assert shown == sorted(shown)  # date order
    offset = mapping_of(ctx.store, shared.patient_id).offset_days
    assert offset <= -30 and [(s - r).days for s, r in zip(shown, real)] == [offset] * len(docs)
    assert all(s != r for s, r in zip(shown, real))  # no document shows its real date

    # The prompt holds the surrogate of the planted name, and no part of the page holds the name.
    originals = mapping_of(ctx.store, shared.patient_id).originals
    token = next(t for t, original in originals.items() if original == PLANTED_NAME)
    prompt = "\n".join(c.value for c in at.code)
    assert token in prompt and PLANTED_NAME not in page_text(at)
    assert PLANTED_NAME.split()[1] not in page_text(at)
    for d in docs:  # a real date of a document shows only where it happens to equal a shifted one
        if d.date not in shown:
            assert d.date.isoformat() not in page_text(at)

    budget = ingestion_settings(ctx.settings, ctx.engine).prompt_budget
    biggest = max(tokens for tokens, _ in record.prompts)
    said = (f"{record.passages:,} passages, {record.tokens:,} tokens in 1 prompt; the engine's context is "
            f"{ctx.engine.context_length:,} tokens, of which {budget:,} hold the record.")
    assert said in [m.value for m in at.markdown]
    assert at.progress[0].proto.text == f"Largest prompt: {biggest:,} of {budget:,} tokens ({biggest / budget:.0%})"
    assert [e.label for e in at.expander] == [f"Prompt 1: {biggest:,} tokens"]


# ------------------------------------------------------------------------------------------ summary


def test_generate_a_summary_and_open_its_sources(shared: Shared, media) -> None:
    ctx = shared.ctx
    at = open_page(run(new_app(shared.patient_id)), "summary")
    run(button(at, "Generate summary").click())
    # The job in follow-up, or already ended (and let go) when it finished within the click's run.
    job = at.session_state["job"] if "job" in at.session_state else None
    until(at, lambda at: chips(at), "the summary")
    shown = view(ctx.store, at.session_state["open_summary"])
    assert jobs.state(ctx.store, shown.job_id).status == "done" and job in (None, shown.job_id)
    assert shown.engine["backend"] == "extractive"
    numbers = citation_numbers(shown)
    statements = [s for _, items in shown.sections for s in items]
    assert sorted({int(b.label[1:-1]) for b in chips(at)}) == sorted(numbers.values())
    assert [h.value for h in at.markdown if h.value.startswith("#### ")] == [f"#### {t}" for t, _ in shown.sections]
    usage = next(c.value for c in at.caption if c.value.startswith("Written by the extractive engine"))
    assert f"{len(statements)} statements" in usage
    assert "Checked by the rules." in [c.value for c in at.caption]  # the default stages: the rules alone
    hint = "Click a citation such as [1] to see its source passage highlighted on its page."
    assert hint in [c.value for c in at.caption]

    def open_source(citation):
        n = numbers[citation.passage_id]
        chip = next(b for b in chips(at) if b.label == f"[{n}]" and b.key.endswith(f"-{citation.passage_id}"))
        run(chip.click())
        assert at.session_state["source"] == (shown.id, citation.passage_id, n)
        heading = next(m.value for m in at.markdown if m.value.startswith(f"**Source [{n}]**"))
        assert heading == f"**Source [{n}]** · {citation.file.replace('_', chr(92) + '_')}"
        marked = next(m.value for m in at.markdown if "<mark>" in m.value)
        assert re.search(r"<mark>(.*?)</mark>", marked, re.S).group(1) == html.escape(citation.quote)
        where = next(c.value for c in at.caption if f" · {citation.passage_id}" in c.value)
        assert f"page {citation.page} of " in where
        return at

    cited = [c for s in statements for c in s.citations]
    in_pdf = next(c for c in cited if c.file.endswith(".pdf"))
    open_source(in_pdf)
    [image] = at.image
    with PIL.Image.open(io.BytesIO(media(image.proto.imgs[0].url))) as picture:  # the page, highlighted
        assert picture.width > 300 and picture.height > 300
    in_text = next(c for c in cited if c.file.endswith((".txt", ".md")))
    open_source(in_text)
    assert not at.image
    no_image = "A text file has no page image: the passage is highlighted in its text above."
    assert no_image in [c.value for c in at.caption]


def test_an_unsupported_statement_and_a_cancelled_job(fresh: AppContext) -> None:
    ctx = fresh
    patient = create_patient(ctx.store, "bed 5", actor="local")
    add_files(ctx.store, ctx.settings, ctx.engine, patient.id, [Upload(TEXT_SAMPLE.name, TEXT_SAMPLE.read_bytes())])
    ctx.stop.set()  # the app's worker stops: jobs stay queued until this test runs them
    ctx.worker.join(timeout=30)
    assert not ctx.worker.is_alive()

    at = open_page(run(new_app(patient.id)), "summary")
    assert "No summary yet: press **Generate summary**." in [m.value for m in at.markdown]
    run(button(at, "Generate summary").click())
    first = at.session_state["job"]
    assert [s.label for s in at.status] == ["Summary: Waiting for the worker…"]
    assert button(at, "Generate summary").disabled  # not twice while one is queued
    run(at.button(key=f"cancel-{first}").click())
    assert jobs.state(ctx.store, first).status == "cancelled"
    assert [e.value for e in at.error] == ["The summary was cancelled."]
    assert history(ctx.store, patient.id)[0].status == "cancelled"

    run(button(at, "Retry").click())
    again = at.session_state["job"]
    assert again != first and jobs.state(ctx.store, again).status == "queued"
    assert [s.label for s in at.status] == ["Summary: Waiting for the worker…"]

    reply = ('{"sections": [{"title": "Medications", "statements": ['
             '{"text": "Started warfarin 5 mg daily.", "citations": ["P999"]}, '
             '{"text": "Plan discussed.", "citations": []}]}]}')
    worker = Worker(ctx.store, ctx.settings, lambda _name: StubEngine([reply]))
    assert worker.run_one(only=[again]) == again
    assert jobs.state(ctx.store, again).status == "done"
    run(at)
    shown = view(ctx.store, at.session_state["open_summary"])
    first_s, second_s = shown.sections[0][1]
    assert not first_s.supported and not second_s.supported
    assert [w.value for w in at.warning] == [f"Unsupported: {first_s.reason}", f"Unsupported: {second_s.reason}"]
    assert "P999" in first_s.reason
    [chip] = chips(at)
    assert chip.label == "[1]" and chip.disabled  # cites no passage of this record: nothing to open
    assert any(c.value.endswith("2 statements, 2 flagged unsupported") for c in at.caption)
    assert not at.error  # the cancelled job's message is gone with it
    stale = "This summary was written before the latest files were added: generate a new one to include them."
    assert stale not in [i.value for i in at.info]
    more = next(p for p in SAMPLES if p.suffix == ".md")
    add_files(ctx.store, ctx.settings, ctx.engine, patient.id, [Upload(more.name, more.read_bytes())])
    run(at)
    assert stale in [i.value for i in at.info]
    assert at.session_state["open_summary"] == shown.id  # still shown, and said to be out of date

    # A question waits for the stopped worker too, and can be cancelled from the Ask page.
    open_page(at, "ask")
    at.chat_input[0].set_value("Is he on warfarin?")
    run(at)
    asked = at.session_state["ask_job"]
    assert "Being answered…" in [c.value for c in at.caption]
    run(at.button(key=f"cancel-{asked}").click())
    assert jobs.state(ctx.store, asked).status == "cancelled"
    assert "Not answered: Cancelled by the user." in [c.value for c in at.caption]
    assert "ask_job" not in at.session_state


def test_a_summary_erased_with_its_document_is_not_shown(shared: Shared) -> None:
    ctx = shared.ctx
    patient = create_patient(ctx.store, "bed wrong file", actor="local")
    first, wrong = [p for p in SAMPLES if p.suffix in (".txt", ".md")]
    add_files(ctx.store, ctx.settings, ctx.engine, patient.id, [Upload(first.name, first.read_bytes())])
    kept = summarize(ctx, patient.id)
    add_files(ctx.store, ctx.settings, ctx.engine, patient.id, [Upload(wrong.name, wrong.read_bytes())])
    erased = summarize(ctx, patient.id)
    at = new_app(patient.id)
    at.session_state["open_summary"] = erased  # the summary this clinician was reading
    open_page(at, "summary")
    assert at.session_state["open_summary"] == erased
    # The second file was the wrong patient's: deleting it erases the record and summary built with it.
    open_page(at, "patients")
    [doc] = [d for d in documents_of(ctx.store, patient.id) if d.file == wrong.name]
    run(at.button(key=f"del-doc-{doc.id}").click())
    open_page(at, "summary")
    assert at.session_state["open_summary"] == kept
    assert chips(at)


# ---------------------------------------------------------------------------------------------- ask


def test_ask_answers_with_citations_and_keeps_the_chat(shared: Shared) -> None:
    ctx = shared.ctx
    at = open_page(run(new_app(shared.patient_id)), "ask")

    def answered(at: AppTest) -> bool:
        return "ask_job" not in at.session_state and "Being answered…" not in [c.value for c in at.caption]

    questions = ["What was the last ejection fraction?", f"Is {PLANTED_NAME} still on furosemide?"]
    for question in questions:
        at.chat_input[0].set_value(question)
        run(at)
        until(at, answered, f"the answer to {question!r}")
    asked = [m for m in at.chat_message if m.name == "user"]
    said = [m for m in at.chat_message if m.name == "assistant"]
    assert [m.markdown[0].value for m in asked] == questions  # oldest first
    assert len(said) == 2 and all(m.button for m in said)  # each answer has citation chips
    answers = [item for item in history(ctx.store, shared.patient_id)
               if item.kind == "answer" and item.question in questions]
    assert sorted(a.question for a in answers) == sorted(questions) and all(a.status == "done" for a in answers)
    with ctx.store.transaction() as session:  # the engine was asked with the surrogate, the clinician sees the name
        stored = session.scalar(select(Job.question).where(Job.id == max(a.job_id for a in answers)))
    assert PLANTED_NAME not in stored and "[PERSON_" in stored

    run(at)  # a rerun (any click) keeps the chat
    assert [m.markdown[0].value for m in at.chat_message if m.name == "user"] == questions
    chip = said[-1].button[0]
    run(chip.click())
    assert at.session_state["source"][0] == max(a.summary_id for a in answers)
    assert any(m.value.startswith("**Source [") for m in at.markdown)
    assert [m.markdown[0].value for m in at.chat_message if m.name == "user"] == questions


# ------------------------------------------------------------------------------------------ history


def test_history_lists_summaries_and_answers_and_opens_them(shared: Shared) -> None:
    ctx = shared.ctx
    summary_id, answer_id = shared.summary_id, shared.answer_id
    at = open_page(run(new_app(shared.patient_id)), "history")
    items = history(ctx.store, shared.patient_id)
    rows = [m.value for m in at.markdown if m.value.startswith(("**Summary**", "**Answer:**"))]
    assert rows == ["**Summary**" if i.kind == "summary" else f"**Answer:** {i.question}" for i in items]
    facts = [c.value for c in at.caption if " · " in c.value and c.value[:4].isdigit()]
    assert len(facts) == len(items)
    for item, line in zip(items, facts):
        assert line.startswith(f"{item.created_at:%Y-%m-%d %H:%M} · {item.status}")
        if item.summary_id is not None:
            assert "extractive (extractive (no model))" in line
            assert line.endswith(f"{item.statements} statements, {item.flagged} flagged")
            assert item.statements > 0

    run(at.button(key=f"open-{summary_id}").click())
    assert title(at) == "Summary" and at.session_state["open_summary"] == summary_id
    assert chips(at)

    open_page(at, "history")
    run(at.button(key=f"open-{answer_id}").click())
    assert title(at) == "Ask"
    assert "What was the last ejection fraction?" in [m.markdown[0].value for m in at.chat_message if m.name == "user"]
    # Back on the Summary page, a summary shows, not the answer opened last.
    open_page(at, "summary")
    newest = next(i.summary_id for i in items if i.kind == "summary" and i.status == "done")
    assert at.session_state["open_summary"] == newest
    assert [h.value for h in at.markdown if h.value.startswith("#### ")]


# ------------------------------------------------------------------------------------------- export


def test_export_offers_markdown_pdf_and_a_valid_fhir_bundle(shared: Shared, media) -> None:
    ctx = shared.ctx
    summary_id, answer_id = shared.summary_id, shared.answer_id  # both made before the page lists them
    at = new_app(shared.patient_id)
    at.session_state["open_summary"] = summary_id
    open_page(at, "export")
    shown = view(ctx.store, summary_id)
    downloads = {b.label: b for b in at.download_button}
    assert list(downloads) == ["Markdown", "PDF", "FHIR Bundle (JSON)"]
    names = {label: b.proto.url for label, b in downloads.items()}

    markdown = summary_markdown(shown)
    assert media(names["Markdown"]).decode() == markdown
    assert at.code[0].value == markdown.strip()  # the preview (st.code trims the last newline)
    assert media(names["PDF"]).startswith(b"%PDF-")
    bundle = Bundle.model_validate_json(media(names["FHIR Bundle (JSON)"]))
    assert bundle.type == "document"
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds[:2] == ["Composition", "Patient"] and kinds[-1] == "Device"
    assert kinds.count("DocumentReference") == len(documents_of(ctx.store, shared.patient_id))
    assert bundle.entry[1].resource.identifier[0].value == "sample record"
    assert at.selectbox[0].value == summary_id

    # Taking a file away is the audited action, and the page says the trail holds it.
    exported = AuditFilter(action="summary exported", patient_id=shared.patient_id)
    before = len(audit_rows(ctx.store, exported))
    run(downloads["PDF"].click())
    rows = audit_rows(ctx.store, exported)
    assert len(rows) == before + 1 and rows[0].detail == {"summary": summary_id, "format": "pdf"}
    assert [m.value for m in at.success] == ["PDF file exported; the audit log records it."]

    # An answer is exported as well: the preview and the Bundle are the answer's.
    run(at.selectbox[0].set_value(answer_id))
    answer = view(ctx.store, answer_id)
    assert at.code[0].value == summary_markdown(answer).strip()
    names = {b.label: b.proto.url for b in at.download_button}
    composition = Bundle.model_validate_json(media(names["FHIR Bundle (JSON)"])).entry[0].resource
    assert composition.title == f"Answer: {answer.question}"


# ---------------------------------------------------------------------------------- every page


def test_every_page_says_no_model_is_configured_and_asks_for_a_patient(shared: Shared) -> None:
    at = run(new_app())
    for page in PAGES:
        open_page(at, page)
        assert NO_MODEL in banner(at) and "extractive engine" in banner(at), page
        if page not in ("patients", "upload"):
            assert "Select a patient on the Patients page first." in [m.value for m in at.markdown], page
    selected = new_app(shared.patient_id)
    for page in PAGES:
        open_page(selected, page)
        assert NO_MODEL in banner(selected), page
        assert any(m.value == "**Patient:** sample record" for m in selected.sidebar.markdown), page


def test_a_page_opened_first_after_a_restart_runs_the_entrypoint(shared: Shared) -> None:
    """A bookmark, or a tab reconnecting after a restart: the page's URL runs through ui/app.py, since
    no folder named pages/ makes Streamlit run the page alone (it failed with ModuleNotFoundError)."""
    at = new_app(shared.patient_id)
    run(at.switch_page("screens/summary.py"))  # a bookmark, or a tab reconnecting after a restart
    assert title(at) == "Summary"
    assert NO_MODEL in banner(at)
