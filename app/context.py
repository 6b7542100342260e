"""What a long-lived front end (the browser app) holds for its whole life: settings, store, engine, worker.

In local mode the app runs its own worker in a thread, so "Generate summary" needs nothing else
running; in a deployment, `clinsum worker` processes serve the queue and the app only queues.
Every page asks `user()` who is looking and `patients()` / `patient()` what they may see: one place.
In a deployment that is the patients of the user's care teams (app/store/teams.py), whatever their
role; anything a page holds by id (a summary, a job) is checked with `may_see_summary` /
`may_see_job` against the same rule. Local mode has one user who sees everything. Sign-in is
app/signin.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.private import harden, private_tmp
from app.settings import Settings
from app.store import Store, StoreProblem
from app.store.patients import PatientInfo, create_patient, get_patient, list_patients
from app.store.teams import TeamInfo, may_see, patient_of, teams_of, visible_patients
from app.worker import Worker
from engine import Engine, EngineError, make_engine

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@dataclass(frozen=True, slots=True)
class User:
    name: str  # the audit trail's actor
    id: int | None = None  # the account's stable id in a deployment (users.id); None in local mode
    role: str = "clinician"  # "clinician" | "admin"; local mode's one user has no admin page


class AccessProblem(Exception):
    """One sentence: why this person may not use the app here."""


NO_TEAM = "You are not in a care team yet, so you cannot add patients: ask an administrator to add you to one."


OPEN_PROBLEMS = (StoreProblem, EngineError)  # what open_context raises, each one sentence


@dataclass
class AppContext:
    settings: Settings
    store: Store
    engine: Engine
    stop: threading.Event = field(default_factory=threading.Event)
    worker: threading.Thread | None = None

    def user(self, signed_in: User | None = None) -> User:
        """Who is looking: in local mode the one user; in a deployment the user signed in to the session."""
        if self.settings.mode == "local":
            return User("local")
        if signed_in is None:
            raise AccessProblem("Sign in to use clinsum.")
        return signed_in

    def admin(self, user: User) -> User:
        """`user`, if they may read the audit log and manage users (locally, the one user may)."""
        if self.settings.mode == "local" or user.role == "admin":
            return user
        raise AccessProblem("This page is for administrators.")

    def patients(self, user: User, contains: str | None = None) -> list[PatientInfo]:
        """The patients this user may see (in local mode, all), newest first."""
        if self.settings.mode == "local":
            return list_patients(self.store, contains)
        return list_patients(self.store, contains, only=visible_patients(self.store, user.id) if user.id else set())

    def patient(self, user: User, patient_id: int) -> PatientInfo | None:
        """The patient, if it exists and this user may see it."""
        if not self.may_see_patient(user, patient_id):
            return None
        return get_patient(self.store, patient_id)

    def may_see_patient(self, user: User, patient_id: int) -> bool:
        if self.settings.mode == "local":
            return True
        return _an_id(patient_id) and user.id is not None and may_see(self.store, user.id, patient_id)

    def may_see_summary(self, user: User, summary_id: int, patient_id: int | None = None) -> bool:
        """Whether the summary (or answer) exists and is of a patient this user may see (and is `patient_id`'s)."""
        owner = patient_of(self.store, summary_id=summary_id) if _an_id(summary_id) else None
        return owner is not None and patient_id in (None, owner) and self.may_see_patient(user, owner)

    def may_see_job(self, user: User, job_id: int, patient_id: int | None = None) -> bool:
        """Whether the job exists and is of a patient this user may see (and is `patient_id`'s)."""
        owner = patient_of(self.store, job_id=job_id) if _an_id(job_id) else None
        return owner is not None and patient_id in (None, owner) and self.may_see_patient(user, owner)

    def teams(self, user: User) -> list[TeamInfo]:
        """The care teams a new patient of this user's may join (local mode has none and needs none)."""
        if self.settings.mode == "local" or user.id is None:
            return []
        return teams_of(self.store, user.id)

    def new_patient(self, user: User, label: str | None, team_id: int | None = None) -> PatientInfo:
        """A patient this user makes; in a deployment it joins `team_id`, one of the user's teams (their only
        one when None). Raises AccessProblem for a user in no team, PatientError for a label in use."""
        if self.settings.mode == "local":
            return create_patient(self.store, label, actor=user.name)
        mine = [team.id for team in self.teams(user)]
        if not mine:
            raise AccessProblem(NO_TEAM)
        if team_id is None and len(mine) == 1:
            team_id = mine[0]
        if team_id not in mine:
            raise AccessProblem("Choose one of your care teams for the new patient.")
        return create_patient(self.store, label, actor=user.name, team_id=team_id)

    def close(self) -> None:
        self.stop.set()
        if self.worker is not None:
            self.worker.join(timeout=30)
        self.engine.close()
        self.store.close()


def _an_id(value: object) -> bool:
    """A row id as the store hands it out: a planted string or float in session state is no id."""
    return type(value) is int


def open_context(settings: Settings | None = None, notify: Callable[[str], None] | None = None) -> AppContext:
    """Settings, the store and the engine; in local mode, a worker thread serving the queue.

    Raises OPEN_PROBLEMS: StoreProblem (no key, wrong key, database unreachable) or EngineError."""
    settings = settings or Settings()
    harden()
    private_tmp(settings.store.data_dir)
    store = Store.open(settings, notify=notify)
    try:
        engine = make_engine(settings.engine)
    except BaseException:
        store.close()
        raise
    context = AppContext(settings, store, engine)
    if settings.mode == "local":
        worker = Worker(store, settings, lambda _name: engine)
        context.worker = threading.Thread(target=worker.run, kwargs={"stop": context.stop}, name="clinsum-worker", daemon=True)
        context.worker.start()
    return context


def sample_files() -> list[Path]:
    """The bundled synthetic sample record (no real person's data)."""
    return sorted(p for p in SAMPLES.iterdir() if p.is_file()) if SAMPLES.is_dir() else []
