"""Benchmark: queued summaries survive killed workers, and each is written exactly once.

    python -m benchmarks.jobs_crash [--jobs 200] [--workers 4] [--kills 2] [--delay 0.05]
                                    [--lease 3] [--foreign] [--database URL]

On PostgreSQL (a fresh schema in the `test` database by default), N records are stored and a
summary job queued for each. W worker processes (`app.worker.Worker` with the stub engine, each
engine call taking --delay seconds) share the queue; at random moments one of them is killed with
SIGKILL, --kills times, and a fresh worker replaces it. With --foreign the workers name
themselves as if on other hosts, so a dead worker's job is freed only when its lease (--lease s)
runs out, as across machines; by default a worker on this host sees the dead pid at once.
At the end: every job done, one summary per job, none failed; wall time and jobs/s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _worker(url: str, files: str, key: str, delay: float, lease: float, foreign: bool) -> None:
    from app import jobs
    from app.settings import JobSettings, Settings
    from app.store import Store
    from app.worker import Worker
    from engine.stub import StubEngine

    store = Store(url, Path(files), key)
    settings = Settings(jobs=JobSettings(lease_s=lease, poll_s=0.2, retry_wait_s=0))
    engine = StubEngine(delay_s=delay)
    if foreign:
        jobs.HOST = f"elsewhere-{uuid.uuid4().hex[:6]}"
    Worker(store, settings, lambda _name: engine).run(until_idle=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--delay", type=float, default=0.05, help="seconds per stub engine call")
    parser.add_argument("--lease", type=float, default=3.0)
    parser.add_argument("--foreign", action="store_true", help="workers act as if on other hosts (wait for leases)")
    parser.add_argument("--database", default=None, help="a database URL (default: a fresh schema on local PostgreSQL)")
    parser.add_argument("--seed", type=int, default=1)
    # The key comes in CLINSUM_STORE__KEY, never argv: a key may start with "-", and argv shows in `ps`.
    parser.add_argument("--worker", nargs=2, metavar=("URL", "FILES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(*args.worker, os.environ["CLINSUM_STORE__KEY"], args.delay, args.lease, args.foreign)
        return

    from cryptography.fernet import Fernet

    from app import jobs
    from app.store import Store
    from app.store.db import migrate
    from app.store.patients import create_patient
    from app.store.records import fingerprint, save_record
    from app.store.schema import Job, Summary
    from engine import estimate_tokens
    from ingestion import IngestionSettings, ingest

    schema = None
    url = args.database
    if url is None:
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        with create_engine(POSTGRES).begin() as c:
            c.execute(text(f"CREATE SCHEMA {schema}"))
        url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
    files = Path(f"/tmp/clinsum-bench-{uuid.uuid4().hex[:8]}")
    key = Fernet.generate_key().decode()
    store = Store(url, files, key)
    migrate(store.engine)
    note = ROOT / "samples" / "2023-03-14_progress_note.txt"
    record = ingest([note], IngestionSettings(workers=1), estimate_tokens)
    ids = []
    for n in range(args.jobs):
        patient = create_patient(store, actor="bench").id
        stored = save_record(store, record, fingerprint([str(n)], "bench", patient), patient, "bench")
        ids.append(jobs.enqueue(store, stored.id, actor="bench"))

    rng = random.Random(args.seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLINSUM_STORE__KEY": key}

    def spawn() -> subprocess.Popen:
        command = [sys.executable, "-m", "benchmarks.jobs_crash", "--delay", str(args.delay), "--lease", str(args.lease),
                   "--worker", url, str(files)] + (["--foreign"] if args.foreign else [])
        return subprocess.Popen(command, cwd=ROOT, env=env)

    started = time.perf_counter()
    workers = [spawn() for _ in range(args.workers)]
    kill_at = sorted(rng.uniform(0.1, 0.6) for _ in range(args.kills))  # as fractions of the queue done
    killed = []

    def done_count() -> int:
        with store.transaction() as s:
            return s.scalar(select(func.count()).select_from(Job).where(Job.status.in_(("done", "failed"))))

    while True:
        finished = done_count()
        if kill_at and finished >= kill_at[0] * args.jobs:
            kill_at.pop(0)
            victim = rng.randrange(len(workers))
            with store.transaction() as s:  # kill one that is holding a job, mid-summary
                holders = list(s.scalars(select(Job.worker).where(Job.status == "running")))
            pids = {int(h.rsplit(":", 1)[1]) for h in holders if h}
            busy = [i for i, w in enumerate(workers) if w.pid in pids]
            victim = rng.choice(busy) if busy else victim
            os.kill(workers[victim].pid, signal.SIGKILL)
            workers[victim].wait()
            killed.append({"at_done": finished, "pid": workers[victim].pid, "held_a_job": bool(busy)})
            workers[victim] = spawn()
        if finished == args.jobs:
            break
        if all(w.poll() is not None for w in workers):  # all idle and gone, but jobs remain (leases running out)
            workers = [spawn() for _ in range(args.workers)]
        time.sleep(0.05)
    wall = time.perf_counter() - started
    for w in workers:
        w.wait(timeout=60)

    with store.transaction() as s:
        statuses = dict(s.execute(select(Job.status, func.count()).group_by(Job.status)).all())
        summaries = s.scalar(select(func.count()).select_from(Summary))
        per_job = s.execute(select(Summary.job_id, func.count()).group_by(Summary.job_id).having(func.count() > 1)).all()
        retried = s.scalar(select(func.count()).select_from(Job).where(Job.attempts > 1))
    result = {
        "jobs": args.jobs, "workers": args.workers, "kills": killed, "statuses": statuses, "summaries": summaries,
        "jobs_with_two_summaries": len(per_job), "jobs_retried": retried, "wall_s": round(wall, 2),
        "jobs_per_s": round(args.jobs / wall, 1), "database": "postgresql" if url.startswith("postgresql") else url.split(":")[0],
        "foreign": args.foreign, "lease_s": args.lease,
    }
    print(json.dumps(result, indent=2))
    store.close()
    if schema:
        with create_engine(POSTGRES).begin() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    ok = statuses == {"done": args.jobs} and summaries == args.jobs and not per_job
    print("ALL DONE EXACTLY ONCE" if ok else "FAILED: not every job was done exactly once")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
