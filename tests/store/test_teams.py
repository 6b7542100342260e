"""Care teams on SQLite and PostgreSQL: membership, a patient in several teams, cascades on delete."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select

from app.store import Store
from app.store.patients import create_patient, delete_patient, list_patients
from app.store.schema import Account, TeamMember, TeamPatient
from app.store.teams import (
    TeamError,
    create_team,
    find_team,
    list_teams,
    may_see,
    patient_of,
    set_member,
    set_patient,
    teams_of,
    visible_patients,
)
from app.store.users import create_user


def _rows(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    with store.transaction() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_a_user_sees_the_patients_of_their_teams_only(store: Store) -> None:
    cardio, renal = create_team(store, "Cardiology"), create_team(store, "Renal")
    nurse = create_user(store, "nurse.a", "clinician", None)
    a = create_patient(store, "ward 9 bed 4", team_id=cardio.id)
    b = create_patient(store, "ward 2 bed 1", team_id=renal.id)
    both = create_patient(store, "ward 5 bed 7", team_id=cardio.id)
    set_patient(store, renal.id, both.id)  # a patient may be in several teams
    assert visible_patients(store, nurse.id) == set()  # in no team: sees nobody
    set_member(store, cardio.id, nurse.id)
    assert visible_patients(store, nurse.id) == {a.id, both.id}
    assert may_see(store, nurse.id, a.id) and not may_see(store, nurse.id, b.id)
    assert [t.name for t in teams_of(store, nurse.id)] == ["Cardiology"]
    assert [p.label for p in list_patients(store, only=visible_patients(store, nurse.id))] == ["ward 5 bed 7", "ward 9 bed 4"]
    renal_now = find_team(store, "renal")  # a team's name matches in any case
    assert renal_now.patients == 2 and renal_now.members == ()
    set_member(store, cardio.id, nurse.id, member=False)
    assert visible_patients(store, nurse.id) == set()
    set_patient(store, renal.id, both.id, cared=False)
    assert find_team(store, "Renal").patients == 1


def test_team_names_are_unique_and_checked(store: Store) -> None:
    create_team(store, "Ward 9  team")
    assert [t.name for t in list_teams(store)] == ["Ward 9 team"]
    with pytest.raises(TeamError, match="exists already"):
        create_team(store, "ward 9 TEAM")
    with pytest.raises(TeamError, match="visible character"):
        create_team(store, "   ")
    with pytest.raises(TeamError, match="no such user"):
        set_member(store, list_teams(store)[0].id, 9999)
    with pytest.raises(TeamError, match="no such patient"):
        set_patient(store, list_teams(store)[0].id, 9999)


def test_deleting_a_patient_or_a_user_removes_their_memberships(store: Store) -> None:
    team = create_team(store, "Oncology")
    user = create_user(store, "dr.b", "clinician", None)
    other = create_user(store, "dr.c", "clinician", None)
    set_member(store, team.id, user.id)
    set_member(store, team.id, other.id)
    gone = create_patient(store, "bay 3", team_id=team.id)
    kept = create_patient(store, "bay 4", team_id=team.id)
    assert _rows(store, TeamMember) == 2 and _rows(store, TeamPatient) == 2
    delete_patient(store, gone.id)
    with store.transaction() as s:
        s.execute(delete(Account).where(Account.id == user.id))  # no command deletes accounts yet; the database must cascade
    assert _rows(store, TeamMember) == 1 and _rows(store, TeamPatient) == 1
    assert find_team(store, "Oncology").members == ("dr.c",)
    assert visible_patients(store, other.id) == {kept.id}


def test_a_summary_or_job_id_that_is_not_there_belongs_to_no_patient(store: Store) -> None:
    assert patient_of(store, summary_id=1) is None and patient_of(store, job_id=1) is None
