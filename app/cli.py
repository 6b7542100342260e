"""The clinsum command line: the same pipeline as the UI, from a terminal."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

import typer
from pydantic import ValidationError

from app.cli_db import db_cli
from app.cli_patients import documents_cli, key_cli, patients_cli
from app.cli_teams import teams_cli
from app.cli_users import users_cli
from app.private import harden, private_tmp, write_private
from app.settings import Settings
from engine import EngineError, choose_backend, estimate_tokens

Backend = Literal["extractive", "stub", "vllm", "openai"]

cli = typer.Typer(add_completion=False, no_args_is_help=True, help="clinsum: cited summaries of whole patient records.")


@cli.callback()
def _setup() -> None:
    logging.basicConfig(level=Settings().log_level.upper(), stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


@cli.command("ingest")
def ingest_command(
    files: Annotated[list[Path], typer.Argument(help="The patient's files: PDF, text, Markdown, PNG, JPEG, TIFF.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
    passages: Annotated[bool, typer.Option(
        "--passages", help="With --json (implied): list each passage (id, file, page, start, end, original text) "
        "instead of their count, to check what was read.")] = False,
) -> None:
    """Load files as one patient record and report its documents, passages, tokens and prompts.

    Exit status: 0 when every file loaded, 2 when some did not, 1 when none did.
    """
    from app.records import record_json, record_lines
    from ingestion import ingest

    settings = start()
    audited(settings, "cli ingest", files=len(files), passages=passages)
    record = ingest(files, settings.ingestion, estimate_tokens)
    if as_json or passages:
        data = record_json(record)
        if passages:
            data["passages"] = _passages_json(record)
        typer.echo(json.dumps(data, indent=2))
    else:
        typer.echo("\n".join(record_lines(record, "estimated: no model configured")))
    _exit(record)


def _passages_json(record) -> list[dict[str, object]]:
    """The passages with their original text: it holds PHI, so it goes to the user's terminal only,
    never to a log."""
    return [
        {"id": p.id, "file": record.documents[p.doc].file, "page": p.page, "start": p.start, "end": p.end, "text": p.text}
        for p in record.passages
    ]


@cli.command("deid")
def deid_command(
    files: Annotated[list[Path], typer.Argument(help="The patient's files, de-identified together as one record.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object with the text and the spans.")] = False,
) -> None:
    """Print the files' text with PHI replaced by surrogates (what a model would see).

    With --json, each document's spans are offsets into its original extracted text.
    """
    from app.records import deid_json
    from ingestion import ingest

    settings = start()
    audited(settings, "cli deid", files=len(files))
    record = ingest(files, settings.ingestion, estimate_tokens)
    data = deid_json(record)
    if as_json:
        typer.echo(json.dumps(data, indent=2))
    else:
        for doc in data["documents"]:
            typer.echo(f"=== {doc['file']} ===\n{doc['text_deidentified'].rstrip()}\n")
        for error in data["errors"]:
            typer.echo(error["error"], err=True)
    _exit(record)


@cli.command("engine")
def engine_command(as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False) -> None:
    """Say which engine would write summaries here, and why (without starting it)."""
    settings = Settings().engine
    backend, why = choose_backend(settings)
    info = {
        "backend": backend, "why": why, "model": str(settings.model) if backend == "vllm" else settings.served_model_name,
        "url": settings.url, "quantization": settings.quantization, "speculative": settings.speculative.method,
        "max_context": settings.max_model_len,
    }
    if backend == "extractive":
        info.update(model="extractive (no model)", quantization=None, speculative=None)
    if as_json:
        typer.echo(json.dumps(info, indent=2))
    else:
        typer.echo(f"Engine: {backend} ({why})")


Files = Annotated[list[Path] | None, typer.Argument(help="The patient's files: PDF, text, Markdown, PNG, JPEG, TIFF.")]
PatientOption = Annotated[str | None, typer.Option(
    "--patient", help="The patient's label, yours to choose (a ward and bed; not a name or MRN: it shows in the "
    "process list). Made if new; without it, a new patient is made for this call.")]


@cli.command("summarize")
def summarize_command(
    files: Files = None,
    patient: PatientOption = None,
    engine: Annotated[Backend | None, typer.Option(help="The engine to use (default: as configured).")] = None,
    format: Annotated[Literal["markdown", "json"], typer.Option("--format", help="Markdown for reading, JSON for programs.")] = "markdown",
    out: Annotated[Path | None, typer.Option(help="Write the summary to this file (only you can read it) instead of stdout.")] = None,
) -> None:
    """Ingest, de-identify, summarize, verify and store a patient's record; print the summary with its sources.

    With --patient and no files, the record is everything stored for that patient. Exit status: 0
    when every file loaded and the summary was written, 2 when some files did not load, 1 when
    none did or the summary failed.
    """
    _main_job(files or [], patient, engine, format, out, question=None)


@cli.command("ask")
def ask_command(
    question: Annotated[str, typer.Option(help="The question, answered from the record with citations.")],
    files: Files = None,
    patient: PatientOption = None,
    engine: Annotated[Backend | None, typer.Option(help="The engine to use (default: as configured).")] = None,
    format: Annotated[Literal["markdown", "json"], typer.Option("--format", help="Markdown for reading, JSON for programs.")] = "markdown",
    out: Annotated[Path | None, typer.Option(help="Write the answer to this file (only you can read it) instead of stdout.")] = None,
) -> None:
    """Answer one question about a patient's record, citing the passages the answer rests on."""
    _main_job(files or [], patient, engine, format, out, question=question)


def _main_job(files: list[Path], label: str | None, backend: str | None, format: str, out: Path | None,
              question: str | None) -> None:
    from app import jobs
    from app.output import summary_json, summary_markdown
    from app.pipeline import NothingLoaded, prepare, prepare_patient, request
    from app.progress import Progress
    from app.store.patients import delete_patient, documents_of, find_patient, patient_for
    from app.store.summaries import summary_of_job, view
    from app.worker import Worker
    from engine import make_engine

    settings = start()
    if backend:
        settings.engine.backend = backend
    if not files and label is None:
        fail("Name the patient's files, or --patient to use what is stored for a patient.")
    store, actor = open_store_as(settings)
    progress = Progress("starting")
    made, finished = None, False
    try:
        try:
            engine = make_engine(settings.engine)
        except EngineError as error:
            fail(f"The {choose_backend(settings.engine)[0]} engine cannot start: {error}.")
        try:
            if files:
                patient, new = patient_for(store, label, actor)
                made = patient if new else None
            elif (patient := find_patient(store, label)) is None:
                fail(f"There is no patient labelled {label!r}; `clinsum patients` lists them.")
            try:
                if files:
                    stored = prepare(files, settings, store, engine, patient.id, actor, on_step=progress.step)
                else:
                    stored = prepare_patient(settings, store, engine, patient.id, actor, on_step=progress.step)
            except NothingLoaded as nothing:
                for error in nothing.errors:
                    typer.echo(error.error, err=True)
                fail("" if nothing.errors else f"Patient {patient.label} holds no documents yet.")
            except EngineError as error:  # the token counter asks the engine (a server may be down)
                fail(f"The {engine.describe().backend} engine is not available: {error}.")
            job = request(store, stored, settings, question, backend, actor)
            progress.step("summarizing" if question is None else "answering")
            worker = Worker(store, settings, lambda _name: engine)
            worker.on_progress = progress.parts
            while (state := jobs.state(store, job)).status not in ("done", "failed"):
                if worker.run_one(only=[job]) is None:  # another live process holds it: wait for it
                    time.sleep(settings.jobs.poll_s)
            progress.close()
            if made is not None:
                typer.echo(f"New patient {made.label}: ask about this record, or add files to it, with --patient "
                           f"{made.label}.", err=True)
            finished = True
            if state.status == "failed":
                fail(f"The summary could not be written: {state.error}")
            shown = view(store, summary_of_job(store, job), actor)
            text = json.dumps(summary_json(shown), indent=2, ensure_ascii=False) + "\n" if format == "json" else summary_markdown(shown)
            if out:
                write_private(out, text)
            else:
                typer.echo(text, nl=False)
            for error in stored.summary["errors"]:
                typer.echo(error["error"], err=True)
            if stored.summary["errors"]:
                raise typer.Exit(2)
        finally:
            engine.close()
    finally:
        progress.close()
        if made is not None and not finished and not documents_of(store, made.id):
            delete_patient(store, made.id, actor)  # a run that stored nothing leaves no empty patient behind
        store.close()


@cli.command("verify")
def verify_command(
    file: Annotated[Path, typer.Argument(help='JSON: {"passages": [{"id", "text"}], "statements": [{"text", "citations"}]}.')],
) -> None:
    """Check each statement against the passages it cites; print {"statements": [{supported, score, reason}], "verification"}.

    The stages are the configured ones (verification.stages); the judge uses the configured engine."""
    from app.verify import verify_all
    from app.verify.stages import Stages

    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        passages = {str(p["id"]): str(p["text"]) for p in data["passages"]}
        statements = [(str(s["text"]), [str(c) for c in s.get("citations", [])]) for s in data["statements"]]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        typer.echo(f"{file.name} is not a verification input ({type(error).__name__}): expected passages with id and text, "
                   "and statements with text and citations.", err=True)
        raise typer.Exit(1) from None
    settings = Settings()
    engine = None
    if "judge" in settings.verification.stages:
        from engine import make_engine

        engine = make_engine(settings.engine)
    try:
        plan = Stages(settings.verification).plan(engine)
        verdicts = verify_all(statements, passages, checks=plan.checks)
    finally:
        if engine is not None:
            engine.close()
    for note in plan.notes():
        typer.echo(note, err=True)
    typer.echo(json.dumps({"statements": [
        {"supported": v.supported, "score": round(v.score, 3), "reason": v.reason} for v in verdicts
    ], "verification": plan.record()}, indent=2))


@cli.command("worker")
def worker_command(
    until_idle: Annotated[bool, typer.Option("--until-idle", help="Stop when the queue is empty.")] = False,
) -> None:
    """Run queued summary jobs until stopped (SIGTERM or Ctrl-C finish the current job first)."""
    import signal
    import threading

    from app.worker import Worker
    from engine import make_engine

    settings = start()
    store = open_store(settings)
    engines: dict[str | None, object] = {}

    def engine_for(name: str | None):  # one engine per backend, started on first use
        if name not in engines:
            engines[name] = make_engine(settings.engine.model_copy(update={"backend": name}) if name else settings.engine)
        return engines[name]

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        Worker(store, settings, engine_for).run(until_idle=until_idle, stop=stop)
    except KeyboardInterrupt:
        pass
    finally:
        for engine in engines.values():
            engine.close()
        store.close()


def start() -> Settings:
    """The settings, and this process made private: files 0600, temporary files in a folder of its own."""
    settings = Settings()
    harden()
    private_tmp(settings.store.data_dir)
    return settings


def open_store(settings: Settings):  # type: ignore[no-untyped-def]
    """The store, or one sentence and exit 1: no key, a wrong key, a database that does not answer."""
    from app.store import Store, StoreProblem

    try:
        return Store.open(settings, notify=lambda message: typer.echo(message, err=True))
    except StoreProblem as problem:
        fail(str(problem))


def open_store_as(settings: Settings):  # type: ignore[no-untyped-def]
    """The store and who this command acts as, for commands that show patient data: locally "cli";
    in a deployment the service account the settings name (an enabled account an admin made), under
    whose name every audit row of the command goes. No such account: one sentence and exit 1."""
    store = open_store(settings)
    if settings.mode == "local":
        return store, "cli"
    from app.store.users import find_user

    name = settings.auth.service_account
    found = find_user(store, name) if name else None
    if found is None or found.disabled:
        store.close()
        fail("In a deployment, commands that show patient data run as a service account: set CLINSUM_AUTH__SERVICE_ACCOUNT "
             "to an enabled account an administrator made (`clinsum users add NAME --sso-only`).")
    return store, found.username


def audited(settings: Settings, action: str, **detail: Any) -> None:
    """A command that shows patient data without storing anything (ingest, deid): in a deployment it runs
    as the service account too, and leaves a row of the trail."""
    if settings.mode == "local":
        return
    store, actor = open_store_as(settings)
    try:
        with store.transaction() as s:
            store.audit(s, actor, action, **detail)
    finally:
        store.close()


def fail(message: str) -> NoReturn:
    if message:
        typer.echo(message, err=True)
    raise typer.Exit(1)


def _exit(record) -> None:
    """0 when every file loaded, 2 when some did not, 1 when none did."""
    if not record.documents:
        raise typer.Exit(1)
    if record.errors:
        raise typer.Exit(2)


cli.add_typer(patients_cli, name="patients")
cli.add_typer(documents_cli, name="documents")
cli.add_typer(key_cli, name="key")
cli.add_typer(db_cli, name="db")
cli.add_typer(users_cli, name="users")
cli.add_typer(teams_cli, name="teams")


def main() -> None:
    try:
        cli()
    except ValidationError as error:  # a setting clinsum cannot start with: one line each, never its value (a secret?)
        for problem in error.errors(include_url=False, include_input=False):
            typer.echo(f"Setting {'.'.join(map(str, problem['loc']))}: {problem['msg']}", err=True)
        sys.exit(1)
    except Exception as error:
        from sqlalchemy.exc import DBAPIError  # imported here: `--help` needs no database library

        if not isinstance(error, DBAPIError):
            raise
        from app.store.store import unreachable

        typer.echo(unreachable(Settings().store.database_url, error), err=True)  # the database went away after the store opened
        sys.exit(1)
