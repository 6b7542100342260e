"""Care teams in a deployment, driven through AppTest: a clinician sees their teams' patients only, on
every page, by every address and every session-state trick; a new patient joins its maker's team; an
admin manages teams on the Teams page. Each patient has a record and a summary, so what could leak
is real. Local mode (tests/ui/test_pages.py) has no teams and sees everything."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from app import jobs
from app.context import NO_TEAM, AppContext
from app.output import summary_markdown
from app.pipeline import request
from app.store.patients import create_patient, find_patient
from app.store.records import StoredRecord
from app.store.schema import TeamPatient
from app.store.summaries import summary_of_job, view
from app.store.teams import create_team, find_team, set_member
from app.store.users import create_user, find_user
from app.uploads import Upload, add_files
from app.views import current_record
from app.worker import Worker
from tests.ui.conftest import activate, new_app, serving
from tests.ui.test_signin import by_address, page_text, run, sign_in, title

PASSWORD = "synthetic passphrase 1"
PAGES = ["patients", "upload", "record", "summary", "ask", "history", "export"]
A_LABEL, B_LABEL = "ward 9 bed 4", "ward 2 bed 1"
# Synthetic notes. What only B's record says marks a leak of B's summary or source.
A_NOTE = ("CARDIOLOGY CLINIC NOTE\nDate of Service: 03/02/2023\n\nASSESSMENT:\nHeart failure, improving. "
          "Ejection fraction is 45 percent on the latest echo.\n\nMEDICATIONS:\nBisoprolol 2.5 mg by mouth daily.\n\n"
          "PLAN:\nContinue bisoprolol 2.5 mg daily. Review in the heart failure clinic in six weeks.\n")
B_NOTE = ("RENAL CLINIC NOTE\nDate of Service: 04/05/2023\n\nASSESSMENT:\nChronic kidney disease stage 3, stable. "
          "Creatinine is stable at 1.4 mg/dL.\n\nMEDICATIONS:\nLisinopril 10 mg by mouth daily.\n\n"
          "PLAN:\nContinue lisinopril 10 mg daily. Repeat the renal panel in three months.\n")
B_MARK = "lisinopril"


@dataclass
class Ward:
    ctx: AppContext
    a: int  # patient ids
    b: int
    a_summary: int
    b_summary: int
    b_queued: int  # a summary job of B's, waiting (a deployment's app runs no worker)
    b_question: int  # an answer job of B's, waiting


@pytest.fixture(scope="module")
def ward_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ward]:
    """Cardiology (dr.a, dr.two) cares for A; Renal (dr.b, dr.two) for B; dr.none and the admin are in no team."""
    data_dir = tmp_path_factory.mktemp("teams")
    with serving(data_dir, CLINSUM_MODE="deployment", CLINSUM_STORE__KEY=Fernet.generate_key().decode()) as ctx:
        cardio, renal = create_team(ctx.store, "Cardiology"), create_team(ctx.store, "Renal")
        for name, teams in (("dr.a", [cardio]), ("dr.b", [renal]), ("dr.two", [cardio, renal]), ("dr.none", [])):
            made = create_user(ctx.store, name, "clinician", PASSWORD)
            for team in teams:
                set_member(ctx.store, team.id, made.id)
        create_user(ctx.store, "admin", "admin", PASSWORD)
        summaries = []
        for label, team, note in ((A_LABEL, cardio, A_NOTE), (B_LABEL, renal, B_NOTE)):
            patient = create_patient(ctx.store, label, actor="test", team_id=team.id)
            added = add_files(ctx.store, ctx.settings, ctx.engine, patient.id, [Upload("2023_note.txt", note.encode())])
            assert [o.status for o in added.files] == ["added"], added.files
            record = StoredRecord(current_record(ctx.store, patient.id).id, patient.id, {})
            job = request(ctx.store, record, ctx.settings, actor="test")
            Worker(ctx.store, ctx.settings, lambda _name: ctx.engine).run(until_idle=True)
            summaries.append((patient.id, summary_of_job(ctx.store, job), record))
        (a, a_summary, _), (b, b_summary, b_record) = summaries
        assert B_MARK in summary_markdown(view(ctx.store, b_summary, actor="test"))  # the leak would be visible
        b_queued = request(ctx.store, b_record, ctx.settings, actor="test")
        b_question = request(ctx.store, b_record, ctx.settings, "Which medication continues?", actor="test")
        yield Ward(ctx, a, b, a_summary, b_summary, b_queued, b_question)


@pytest.fixture
def ward(ward_store: Ward) -> Ward:
    activate(ward_store.ctx)
    return ward_store


def as_user(name: str, patient_id: int | None = None) -> AppTest:
    at = sign_in(new_app(), name, PASSWORD)
    assert title(at) == "Patients"
    if patient_id is not None:
        at.session_state["patient_id"] = patient_id  # planted: no page offered it
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    return run(at.switch_page(f"screens/{page}.py"))


def nothing_of_b(at: AppTest) -> None:
    text = page_text(at)
    assert B_LABEL not in text and B_MARK not in text and "Creatinine" not in text


def test_a_clinician_sees_only_their_teams_patients(ward: Ward) -> None:
    at = as_user("dr.a")
    assert A_LABEL in page_text(at)
    nothing_of_b(at)
    at.text_input(key="find").input("ward")
    at = run(at)
    assert [b.key for b in at.button if b.key and b.key.startswith("select-")] == [f"select-{ward.a}"]
    assert B_LABEL in page_text(as_user("dr.b")) and A_LABEL not in page_text(as_user("dr.b"))
    both = page_text(as_user("dr.two"))
    assert A_LABEL in both and B_LABEL in both


def test_another_teams_patient_opens_by_no_page_and_no_address(ward: Ward) -> None:
    at = as_user("dr.a")
    for page in PAGES:
        at.session_state["patient_id"] = ward.b
        at = open_page(at, page)
        nothing_of_b(at)
        assert at.session_state["patient_id"] is None, page  # the planted choice is dropped
        at.session_state["patient_id"] = ward.b
        at = by_address(at, page)
        nothing_of_b(at)
        assert not at.get("download_button"), page


def test_a_planted_summary_source_or_job_of_another_team_shows_and_changes_nothing(ward: Ward) -> None:
    at = as_user("dr.a", ward.a)
    at.session_state["open_summary"] = ward.b_summary
    at.session_state["source"] = (ward.b_summary, "P1", 1)
    at = open_page(at, "summary")
    assert title(at) == "Summary" and "bisoprolol" in page_text(at)  # A's own summary shows
    nothing_of_b(at)
    assert at.session_state["open_summary"] == ward.a_summary
    at.session_state["job"] = ward.b_queued
    at = open_page(at, "summary")
    nothing_of_b(at)
    assert f"cancel-{ward.b_queued}" not in [b.key for b in at.button] and "Waiting for the worker" not in page_text(at)
    assert "job" not in at.session_state
    at.session_state["ask_job"] = ward.b_question
    at = open_page(at, "ask")
    nothing_of_b(at)
    assert f"cancel-{ward.b_question}" not in [b.key for b in at.button] and "ask_job" not in at.session_state
    assert jobs.state(ward.ctx.store, ward.b_queued).status == jobs.state(ward.ctx.store, ward.b_question).status == "queued"
    assert not ward.ctx.may_see_summary(User_of(ward, "dr.a"), ward.b_summary)
    assert ward.ctx.may_see_summary(User_of(ward, "dr.b"), ward.b_summary, ward.b)


def test_another_teams_summary_cannot_be_exported(ward: Ward) -> None:
    at = as_user("dr.a", ward.a)
    at.session_state["open_summary"] = ward.b_summary
    at = open_page(at, "export")
    assert title(at) == "Export" and at.get("download_button")
    assert at.selectbox[0].options and all("Which medication" not in o for o in at.selectbox[0].options)
    assert at.selectbox[0].value == ward.a_summary
    nothing_of_b(at)
    assert all(f"clinsum-summary-{ward.b_summary}" not in str(b.proto) for b in at.get("download_button"))


def test_a_new_patient_joins_its_makers_team(ward: Ward) -> None:
    at = as_user("dr.a")
    assert "Cardiology" in page_text(at)  # the page says which team it joins
    at.text_input[0].input("bay 12")
    at = run(at.button(key="FormSubmitter:new-patient-Create patient").click())
    made = find_patient(ward.ctx.store, "bay 12")
    assert at.session_state["patient_id"] == made.id
    assert ward.ctx.patient(User_of(ward, "dr.a"), made.id) is not None
    assert ward.ctx.patient(User_of(ward, "dr.b"), made.id) is None
    at = as_user("dr.two")  # in two teams: chooses
    at.selectbox(key="new-patient-team").select(find_team(ward.ctx.store, "Renal"))
    at.text_input[0].input("bay 13")
    run(at.button(key="FormSubmitter:new-patient-Create patient").click())
    made = find_patient(ward.ctx.store, "bay 13")
    assert teams_of_patient(ward, made.id) == {find_team(ward.ctx.store, "Renal").id}


def test_a_patient_started_by_an_upload_joins_the_chosen_team(ward: Ward) -> None:
    at = open_page(as_user("dr.two"), "upload")
    at.selectbox(key="upload-team").select(find_team(ward.ctx.store, "Cardiology"))
    at.text_input(key="upload-label").set_value("bay 14")
    at.file_uploader[0].set_value([("note.txt", A_NOTE.encode(), "text/plain")])
    run(at)
    at = run(next(b for b in at.button if b.label == "Add to record").click())
    made = find_patient(ward.ctx.store, "bay 14")
    assert at.session_state["patient_id"] == made.id and [o.status for o in at.session_state["uploaded"]] == ["added"]
    assert teams_of_patient(ward, made.id) == {find_team(ward.ctx.store, "Cardiology").id}


def test_a_clinician_in_no_team_is_told_to_ask_an_administrator(ward: Ward) -> None:
    at = as_user("dr.none")
    assert [i.value for i in at.info].count(NO_TEAM) == 1
    assert at.button(key="FormSubmitter:new-patient-Create patient").disabled
    assert A_LABEL not in page_text(at) and "Load the sample record" not in page_text(at)
    at = open_page(at, "upload")
    assert [i.value for i in at.info].count(NO_TEAM) == 1 and not at.get("file_uploader")


def test_the_admin_manages_teams_and_sees_patients_only_through_one(ward: Ward) -> None:
    admin = as_user("admin")
    assert A_LABEL not in page_text(admin) and B_LABEL not in page_text(admin)  # least privilege
    admin = by_address(admin, "teams")
    assert title(admin) == "Teams"
    admin.text_input(key="new-team-name").input("Oncology")
    admin = run(admin.button(key="new-team-submit").click())
    team = find_team(ward.ctx.store, "oncology")
    admin.selectbox(key=f"team-{team.id}-user").select("admin")
    admin = run(admin.button(key=f"team-{team.id}-add-member").click())
    admin.text_input(key=f"team-{team.id}-label").input("WARD 2  bed 1")  # case and spacing do not matter
    admin = run(admin.button(key=f"team-{team.id}-add-patient").click())
    assert find_team(ward.ctx.store, "Oncology").members == ("admin",) and find_team(ward.ctx.store, "Oncology").patients == 1
    assert B_LABEL in page_text(open_page(admin, "patients")) and A_LABEL not in page_text(admin)
    admin = open_page(admin, "teams")
    admin.text_input(key=f"team-{team.id}-label").input("no such bed")
    admin = run(admin.button(key=f"team-{team.id}-add-patient").click())
    assert [e.value for e in admin.error] == ["There is no patient with that label."]
    admin = run(admin.button(key=f"team-{team.id}-remove-{find_user(ward.ctx.store, 'admin').id}").click())
    assert B_LABEL not in page_text(open_page(admin, "patients"))
    clinician = by_address(as_user("dr.a"), "teams")
    assert title(clinician) == "Patients" and "new-team-name" not in [w.key for w in clinician.text_input]


def User_of(ward: Ward, name: str):  # type: ignore[no-untyped-def]  # noqa: N802
    from app.context import User

    found = find_user(ward.ctx.store, name)
    return User(found.username, found.id, found.role)


def teams_of_patient(ward: Ward, patient_id: int) -> set[int]:
    with ward.ctx.store.transaction() as s:
        return set(s.scalars(select(TeamPatient.team_id).where(TeamPatient.patient_id == patient_id)))


def test_local_mode_has_one_user_who_sees_everyone(tmp_path: Path) -> None:
    with serving(tmp_path / "data") as ctx:
        made = create_patient(ctx.store, B_LABEL, actor="local")  # in no team
        me = ctx.user()
        assert [p.id for p in ctx.patients(me)] == [made.id] and ctx.patient(me, made.id) is not None
        assert ctx.new_patient(me, "bay 1").label == "bay 1"
