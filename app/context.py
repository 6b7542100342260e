"""What a long-lived front end (the browser app) holds for its whole life: settings, store, engine, worker.

In local mode the app runs its own worker in a thread, so "Generate summary" needs nothing else
running; in a deployment, `clinsum worker` processes serve the queue and the app only queues.
Every page asks `user()` who is looking and `patients()` what they may see: one place, so that
care teams (the deployment issue) change this module, not the pages. Sign-in is app/signin.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.private import harden, private_tmp
from app.settings import Settings
from app.store import Store, StoreProblem
from app.store.patients import PatientInfo, get_patient, list_patients
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
        raise AccessProblem("Only an administrator may open this page.")

    def patients(self, user: User, contains: str | None = None) -> list[PatientInfo]:
        """The patients this user may see (in local mode, all), newest first."""
        return list_patients(self.store, contains)

    def patient(self, user: User, patient_id: int) -> PatientInfo | None:
        """The patient, if it exists and this user may see it."""
        return get_patient(self.store, patient_id)

    def close(self) -> None:
        self.stop.set()
        if self.worker is not None:
            self.worker.join(timeout=30)
        self.engine.close()
        self.store.close()


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
