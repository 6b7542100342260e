"""A worker outlives a database outage, and a job past its time budget fails and frees the worker.

The outage is real: the worker's store reaches PostgreSQL through a TCP proxy started here on a
free port, which the test closes (listener and open connections) and opens again. Other tests,
and the test's own direct connection, are not disturbed.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, func, select, text

from app import jobs
from app.pipeline import prepare, request
from app.settings import JobSettings, Settings
from app.store import Store
from app.store.db import migrate
from app.store.schema import Summary
from app.worker import Worker
from engine.stub import StubEngine, timeout
from ingestion import IngestionSettings
from tests.conftest import POSTGRES
from tests.test_main_job import TEXT_SAMPLES, _patient, _reply

PASSWORD = "synthetic-pw-7f3a"  # trust auth ignores it; it must never reach a log line


class Proxy:
    """A TCP forwarder to PostgreSQL that can be cut (every connection reset) and restored on the same port."""

    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432)):
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._listener: socket.socket | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        """Connections refused from now on; the open ones are reset, as when a server goes away."""
        if self._listener is not None:
            try:  # close() alone leaves it listening while accept() blocks in another thread
                self._listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        with self._lock:
            for sock in self._open:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed by stop()
            server = socket.create_connection(self.target)
            with self._lock:
                self._open |= {client, server}
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@pytest.fixture
def schema() -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {name}"))
    try:
        yield name
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@pytest.fixture
def proxy() -> Iterator[Proxy]:
    proxied = Proxy()
    proxied.start()
    yield proxied
    proxied.stop()


@pytest.fixture
def stores(schema: str, proxy: Proxy, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """The worker's store (through the proxy) and the test's own (direct), on one schema."""
    key = Fernet.generate_key().decode()
    database = POSTGRES.rsplit("/", 1)  # the server's URL and the test database's name (CLINSUM_TEST_POSTGRES)
    options = f"/{database[1]}?options=-csearch_path%3D{schema}"
    direct = Store(f"{database[0]}{options}", tmp_path / "files", key)
    migrate(direct.engine)
    proxied = Store(f"postgresql+psycopg://postgres:{PASSWORD}@127.0.0.1:{proxy.port}{options}", tmp_path / "files", key)
    yield proxied, direct
    proxied.close()
    direct.close()


def _settings(**options) -> Settings:
    defaults = {"retry_wait_s": 0, "poll_s": 0.05, "db_retry_s": 0.05, "db_retry_max_s": 0.2}
    return Settings(ingestion=IngestionSettings(workers=1), jobs=JobSettings(**{**defaults, **options}))


def _serve(worker: Worker, stop: threading.Event) -> tuple[threading.Thread, list[BaseException]]:
    died: list[BaseException] = []

    def run() -> None:
        try:
            worker.run(stop=stop)
        except BaseException as error:  # noqa: BLE001 - the test asserts there was none
            died.append(error)

    thread = threading.Thread(target=run, name="worker-under-test", daemon=True)
    thread.start()
    return thread, died


def _wait(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _outage_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "app.worker" and "database unreachable" in r.getMessage()]


def _summaries(store: Store) -> int:
    with store.transaction() as s:
        return s.scalar(select(func.count()).select_from(Summary))


def test_a_worker_waits_out_a_database_outage_then_serves_a_job_queued_meanwhile(
    stores: tuple[Store, Store], proxy: Proxy, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    proxied, direct = stores
    settings = _settings()
    stored = prepare(TEXT_SAMPLES, settings, direct, StubEngine(), _patient(direct))
    stop = threading.Event()
    thread, died = _serve(Worker(proxied, settings, lambda _name: StubEngine()), stop)
    try:
        time.sleep(0.3)  # idle, polling through the proxy
        proxy.stop()
        _wait(lambda: len(_outage_warnings(caplog)) >= 3)
        job = request(direct, stored, settings)  # queued while the worker cannot see the database
        time.sleep(0.3)
        assert jobs.state(direct, job).status == "queued" and thread.is_alive()
        proxy.start()
        _wait(lambda: jobs.state(direct, job).status == "done")
        assert thread.is_alive() and not died
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive() and not died
    assert _summaries(direct) == 1
    warnings = _outage_warnings(caplog)
    waits = [float(r.getMessage().split("retrying in ")[1].split()[0]) for r in warnings]
    assert waits[:3] == [0.05, 0.1, 0.2] and max(waits) == 0.2  # doubling, capped
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert all(r.exc_info is None for r in warnings) and PASSWORD not in logged


def test_a_job_cut_off_by_an_outage_stays_leased_and_is_claimed_again_after_its_lease(
    stores: tuple[Store, Store], proxy: Proxy, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    proxied, direct = stores
    settings = _settings(lease_s=1.5)
    stored = prepare(TEXT_SAMPLES, settings, direct, StubEngine(), _patient(direct))
    job = request(direct, stored, settings)
    engine = StubEngine(delay_s=1.0)  # the outage starts while the engine works
    stop = threading.Event()
    thread, died = _serve(Worker(proxied, settings, lambda _name: engine), stop)
    try:
        _wait(lambda: len(engine.requests) == 1)
        proxy.stop()  # finish() and then fail() cannot reach the database
        _wait(lambda: len(_outage_warnings(caplog)) >= 2)
        state = jobs.state(direct, job)
        assert (state.status, state.attempts) == ("running", 1)  # still leased, not lost, not failed
        proxy.start()
        _wait(lambda: jobs.state(direct, job).status == "done")  # its lease ran out; claimed again
        assert thread.is_alive() and not died
    finally:
        stop.set()
        thread.join(10)
    assert (jobs.state(direct, job).attempts, _summaries(direct)) == (2, 1) and not died
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert PASSWORD not in logged and "Traceback" not in logged


def test_stop_ends_the_wait_for_the_database_at_once(stores: tuple[Store, Store], proxy: Proxy) -> None:
    proxied, _ = stores
    proxy.stop()
    stop = threading.Event()
    thread, died = _serve(Worker(proxied, _settings(db_retry_s=20, db_retry_max_s=30), lambda _name: StubEngine()), stop)
    time.sleep(0.5)  # now in its first 20 s wait
    started = time.monotonic()
    stop.set()
    thread.join(5)
    assert not thread.is_alive() and time.monotonic() - started < 2 and not died


# The time budget, on SQLite and PostgreSQL.

@pytest.mark.parametrize("first", [timeout(), _reply(("Metformin 500 mg.", ["P2"]))], ids=["before-a-retry", "before-verification"])
@pytest.mark.parametrize("question", [None, "What is the metformin dose?"], ids=["summary", "answer"])
def test_a_job_past_its_time_budget_fails_for_good_and_the_worker_takes_the_next(store: Store, first, question) -> None:
    settings = _settings(max_job_seconds=1.0, engine_retries=3, max_attempts=3)
    stored = prepare(TEXT_SAMPLES, settings, store, StubEngine(), _patient(store))
    slow, fast = StubEngine([first], delay_s=1.2), StubEngine()
    late = request(store, stored, settings, question, engine="slow")
    following = request(store, stored, settings)
    Worker(store, settings, lambda name: slow if name == "slow" else fast).run(until_idle=True)
    state = jobs.state(store, late)
    what = "answer" if question else "summary"
    assert (state.status, state.attempts) == ("failed", 1)  # not retried: it would take as long again
    assert state.error == f"The {what} took longer than the limit of 1 s and was stopped."
    assert len(slow.requests) == 1  # no second engine call after the deadline
    assert jobs.state(store, following).status == "done" and _summaries(store) == 1
