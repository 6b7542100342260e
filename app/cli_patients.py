"""`clinsum patients`, `clinsum documents` and `clinsum key`: who a record belongs to, corrections, keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

patients_cli = typer.Typer(help="List, add, rename and erase patients.", invoke_without_command=True, no_args_is_help=False)
documents_cli = typer.Typer(help="Erase a document, or move a misfiled one to another patient.", no_args_is_help=True)
key_cli = typer.Typer(help="The encryption key that seals the store.", no_args_is_help=True)

Label = Annotated[str, typer.Argument(help="The patient's label.")]
Yes = Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")]


def _store():  # type: ignore[no-untyped-def]
    """The store and who acts: "cli" locally, the settings' service account in a deployment."""
    from app.cli import open_store_as, start

    return open_store_as(start())


def _patient(store, label: str):  # type: ignore[no-untyped-def]
    from app.cli import fail
    from app.store.patients import PatientError, find_patient

    try:
        found = find_patient(store, label)
    except PatientError as error:
        fail(str(error))
    if found is None:
        fail(f"There is no patient labelled {label!r}; `clinsum patients` lists them.")
    return found


def _guarded(action):  # type: ignore[no-untyped-def]
    """Run a store action; its PatientError is one sentence and exit 1."""
    from app.cli import fail
    from app.store.patients import PatientError

    try:
        return action()
    except PatientError as error:
        fail(str(error))


@patients_cli.callback()
def patients_list(
    ctx: typer.Context,
    find: Annotated[str | None, typer.Option(help="Only patients whose label contains this.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """List patients: label, when made, how many documents (newest first)."""
    if ctx.invoked_subcommand is not None:
        return
    from app.store.patients import list_patients

    store, actor = _store()
    try:
        found = list_patients(store, find)
        with store.transaction() as s:
            store.audit(s, actor, "patients listed", found=len(found))
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps({"patients": [{"label": p.label, "created": p.created_at.isoformat(timespec="seconds"),
                                             "documents": p.documents} for p in found]}, indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo("No patients yet." if not find else "No patient label contains that.")
        return
    width = max(len(p.label) for p in found + []) if found else 5
    typer.echo(f"{'Patient':<{width}}  Created              Documents")
    for p in found:
        typer.echo(f"{p.label:<{width}}  {p.created_at:%Y-%m-%d %H:%M} UTC  {p.documents:>9}")


@patients_cli.command("add")
def patients_add(label: Label) -> None:
    """Add a patient under a label of your choosing."""
    from app.store.patients import create_patient

    store, actor = _store()
    try:
        made = _guarded(lambda: create_patient(store, label, actor))
    finally:
        store.close()
    typer.echo(f"Added patient {made.label}.")


@patients_cli.command("rename")
def patients_rename(label: Label, new: Annotated[str, typer.Argument(help="The new label.")]) -> None:
    """Give a patient another label."""
    from app.store.patients import rename_patient

    store, actor = _store()
    try:
        patient = _patient(store, label)
        renamed = _guarded(lambda: rename_patient(store, patient.id, new, actor))
    finally:
        store.close()
    typer.echo(f"Patient {label} is now {renamed.label}.")


@patients_cli.command("show")
def patients_show(label: Label, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """A patient's documents in date order, with the ids `clinsum documents` takes."""
    from app.store.patients import documents_of

    store, actor = _store()
    try:
        patient = _patient(store, label)
        docs = documents_of(store, patient.id)
        with store.transaction() as s:
            store.audit(s, actor, "patient shown", patient.id, documents=len(docs))
    finally:
        store.close()
    rows = [{"id": d.id, "file": d.file, "type": d.doc_type, "date": d.date.isoformat() if d.date else None,
             "pages": d.pages, "ocr_pages": d.ocr_pages} for d in docs]
    if as_json:
        typer.echo(json.dumps({"patient": label, "documents": rows}, indent=2, ensure_ascii=False))
        return
    typer.echo(f"Patient {label}: {len(rows)} document{'s' * (len(rows) != 1)}")
    for r in rows:
        typer.echo(f"{r['id']:>6}  {r['date'] or 'undated':<10}  {r['type']:<18}  {r['pages']:>4} p  {r['file']}")


@patients_cli.command("delete")
def patients_delete(label: Label, yes: Yes = False) -> None:
    """Erase a patient: originals, text, passages, prompts, summaries and the mapping. The audit trail stays."""
    from app.store.patients import delete_patient

    store, actor = _store()
    try:
        patient = _patient(store, label)
        if not yes:
            typer.confirm(f"Erase patient {patient.label} and their {patient.documents} documents for good?", abort=True)
        gone = _guarded(lambda: delete_patient(store, patient.id, actor))
    finally:
        store.close()
    typer.echo(f"Erased patient {patient.label} ({gone} documents).")


@documents_cli.command("delete")
def documents_delete(document: Annotated[int, typer.Argument(help="The id `clinsum patients show` gives.")], yes: Yes = False) -> None:
    """Erase one document, and the records and summaries built from it."""
    from app.store.patients import delete_document

    store, actor = _store()
    try:
        if not yes:
            typer.confirm(f"Erase document {document} and every summary built from it for good?", abort=True)
        records = _guarded(lambda: delete_document(store, document, actor))
    finally:
        store.close()
    typer.echo(f"Erased document {document} and {records} record{'s' * (records != 1)} built from it.")


@documents_cli.command("move")
def documents_move(
    document: Annotated[int, typer.Argument(help="The id `clinsum patients show` gives.")],
    to: Annotated[str, typer.Option("--to", help="The label of the patient it belongs to.")],
) -> None:
    """File a misfiled document under the patient it belongs to."""
    from app.store.patients import move_document

    store, actor = _store()
    try:
        target = _patient(store, to)
        records = _guarded(lambda: move_document(store, document, target.id, actor))
    finally:
        store.close()
    typer.echo(f"Moved document {document} to patient {target.label}; {records} record{'s' * (records != 1)} "
               "that mixed the two patients were erased.")


@key_cli.command("new")
def key_new() -> None:
    """Print a new encryption key, for a deployment's secret file (CLINSUM_STORE__KEY_FILE)."""
    from app.store.crypto import new_key

    typer.echo(new_key())


@key_cli.command("rotate")
def key_rotate(
    new_key_file: Annotated[Path, typer.Option("--new-key-file", help="A file holding the new key (`clinsum key new` makes one).")],
    yes: Yes = False,
) -> None:
    """Re-seal every stored field and original file under a new key, in one step.

    Stop the app and the workers first. Keep the new key file where the store will read it: once
    this succeeds, the old key opens nothing. In a deployment, point the key secret
    (CLINSUM_STORE__KEY_FILE) at the new file and start again.
    """
    from app.cli import fail, open_store, start
    from app.store.keys import KeyProblem, default_key_in_use, read_key_file, replace_default_key
    from app.store.rotate import rotate_key

    settings = start()
    try:
        new_key = read_key_file(new_key_file)
    except KeyProblem as problem:
        fail(str(problem))
    store = open_store(settings)  # shows no patient data: hospital IT runs it as the migrate service
    try:
        if new_key == store.key:
            fail(f"{new_key_file} holds the key the store already uses; make a new one with `clinsum key new`.")
        if not yes:
            typer.confirm("Re-seal the whole store under the new key? Stop the app and the workers first.", abort=True)
        done = rotate_key(store, new_key)
        with store.transaction() as s:
            store.audit(s, "cli", "key rotated", fields=done.fields, files=done.files)
    finally:
        store.close()
    typer.echo(f"Re-sealed {done.fields} stored fields and {done.files} original files under the new key.")
    if default_key_in_use(settings):
        typer.echo(f"The key in {replace_default_key(new_key)} is now the new one.")
    else:
        typer.echo(f"Point CLINSUM_STORE__KEY_FILE at {new_key_file} (the key secret) before starting clinsum again: "
                   "the old key no longer opens this store.")
