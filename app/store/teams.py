"""Care teams: who belongs to which team, and which team cares for which patient.

In a deployment a user sees a patient only through a team they share with it (app/context.py asks
`visible_patients` and `may_see`); the role does not enter into it, so an admin who manages teams
sees no patient unless they are in that patient's team too. A patient may be in several teams. The
rows cascade: deleting a team, a user or a patient deletes their memberships. Team names are staff
names, not record text: nothing here is sealed. Admins look a patient up by its label (keyed hash),
never by browsing a list, so managing teams shows no patient's label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.store.schema import Account, Job, Patient, Record, Summary, Team, TeamMember, TeamPatient
from app.store.store import Store, utcnow

MAX_NAME = 80


class TeamError(ValueError):
    """One sentence: a team name that cannot be used, a team, user or patient that is not there."""


@dataclass(frozen=True, slots=True)
class TeamInfo:
    id: int
    name: str
    members: tuple[str, ...]  # user names, sorted
    patients: int  # how many; their labels are not listed here
    created_at: datetime


def clean_name(name: str) -> str:
    shown = " ".join("".join(c for c in name if c.isprintable()).split())
    if not shown:
        raise TeamError("A team name needs at least one visible character.")
    if len(shown) > MAX_NAME:
        raise TeamError(f"A team name is at most {MAX_NAME} characters.")
    return shown


def create_team(store: Store, name: str, actor: str = "cli") -> TeamInfo:
    chosen = clean_name(name)
    try:
        with store.transaction() as s:
            if _by_name(s, chosen) is not None:
                raise TeamError(f"A team named {chosen!r} exists already.")
            team = Team(name=chosen, created_at=utcnow())
            s.add(team)
            s.flush()
            store.audit(s, actor, "team created", team=team.id)
            return _info(s, team)
    except IntegrityError:  # made by a concurrent admin since we looked
        raise TeamError(f"A team named {chosen!r} exists already.") from None


def list_teams(store: Store) -> list[TeamInfo]:
    with store.transaction() as s:
        return [_info(s, t) for t in s.scalars(select(Team).order_by(Team.name))]


def find_team(store: Store, name: str) -> TeamInfo | None:
    """The team of that name, in any case."""
    with store.transaction() as s:
        team = _by_name(s, clean_name(name))
        return _info(s, team) if team else None


def teams_of(store: Store, user_id: int) -> list[TeamInfo]:
    """The teams a user is in, by name."""
    with store.transaction() as s:
        return [_info(s, t) for t in s.scalars(
            select(Team).join(TeamMember, TeamMember.team_id == Team.id).where(TeamMember.user_id == user_id)
            .order_by(Team.name))]


def set_member(store: Store, team_id: int, user_id: int, member: bool = True, actor: str = "cli") -> TeamInfo:
    """Put a user in a team, or take them out (either is a no-op when it is so already)."""
    with store.transaction() as s:
        team = _team(s, team_id)
        if s.get(Account, user_id) is None:
            raise TeamError("There is no such user.")
        there = s.get(TeamMember, (team_id, user_id)) is not None
        if member and not there:
            s.add(TeamMember(team_id=team_id, user_id=user_id))
            store.audit(s, actor, "team member added", team=team_id, user=user_id)
        elif not member and there:
            s.execute(delete(TeamMember).where(TeamMember.team_id == team_id, TeamMember.user_id == user_id))
            store.audit(s, actor, "team member removed", team=team_id, user=user_id)
        s.flush()
        return _info(s, team)


def set_patient(store: Store, team_id: int, patient_id: int, cared: bool = True, actor: str = "cli") -> TeamInfo:
    """Put a patient in a team's care, or take them out of it."""
    with store.transaction() as s:
        team = _team(s, team_id)
        if s.get(Patient, patient_id) is None:
            raise TeamError("There is no such patient.")
        there = s.get(TeamPatient, (team_id, patient_id)) is not None
        if cared and not there:
            s.add(TeamPatient(team_id=team_id, patient_id=patient_id))
            store.audit(s, actor, "patient added to team", patient_id, team=team_id)
        elif not cared and there:
            s.execute(delete(TeamPatient).where(TeamPatient.team_id == team_id, TeamPatient.patient_id == patient_id))
            store.audit(s, actor, "patient removed from team", patient_id, team=team_id)
        s.flush()
        return _info(s, team)


def visible_patients(store: Store, user_id: int) -> set[int]:
    """The ids of every patient in a team the user is in."""
    with store.transaction() as s:
        return set(s.scalars(_visible(user_id)))


def may_see(store: Store, user_id: int, patient_id: int) -> bool:
    with store.transaction() as s:
        return s.scalar(_visible(user_id).where(TeamPatient.patient_id == patient_id).limit(1)) is not None


def patient_of(store: Store, *, summary_id: int | None = None, job_id: int | None = None) -> int | None:
    """The patient a summary (or answer) or a job is of; None when there is no such row."""
    with store.transaction() as s:
        if summary_id is not None:
            return s.scalar(select(Record.patient_id).join(Summary, Summary.record_id == Record.id)
                            .where(Summary.id == summary_id))
        if job_id is not None:
            return s.scalar(select(Record.patient_id).join(Job, Job.record_id == Record.id).where(Job.id == job_id))
        return None


def _visible(user_id: int):  # type: ignore[no-untyped-def]
    return (select(TeamPatient.patient_id).join(TeamMember, TeamMember.team_id == TeamPatient.team_id)
            .where(TeamMember.user_id == user_id).distinct())


def _by_name(session: Session, name: str) -> Team | None:
    return session.scalar(select(Team).where(func.lower(Team.name) == name.lower()))


def _team(session: Session, team_id: int) -> Team:
    team = session.get(Team, team_id)
    if team is None:
        raise TeamError("There is no such team.")
    return team


def _info(session: Session, team: Team) -> TeamInfo:
    members = tuple(sorted(session.scalars(
        select(Account.username).join(TeamMember, TeamMember.user_id == Account.id).where(TeamMember.team_id == team.id))))
    patients = session.scalar(select(func.count()).select_from(TeamPatient).where(TeamPatient.team_id == team.id)) or 0
    return TeamInfo(team.id, team.name, members, patients, team.created_at)
