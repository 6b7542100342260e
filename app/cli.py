"""The clinsum command line: the same pipeline as the UI, from a terminal."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from app.records import deid_json, record_json, record_lines
from app.settings import Settings
from engine import choose_backend, estimate_tokens
from ingestion import ingest

cli = typer.Typer(add_completion=False, no_args_is_help=True, help="clinsum: cited summaries of whole patient records.")


@cli.callback()
def _setup() -> None:
    logging.basicConfig(level=Settings().log_level.upper(), stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


@cli.command("ingest")
def ingest_command(
    files: Annotated[list[Path], typer.Argument(help="The patient's files: PDF, text, Markdown, PNG, JPEG, TIFF.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
) -> None:
    """Load files as one patient record and report its documents, passages, tokens and prompts.

    Exit status: 0 when every file loaded, 2 when some did not, 1 when none did.
    """
    record = ingest(files, Settings().ingestion, estimate_tokens)
    if as_json:
        typer.echo(json.dumps(record_json(record), indent=2))
    else:
        typer.echo("\n".join(record_lines(record, "estimated: no model configured")))
    _exit(record)


@cli.command("deid")
def deid_command(
    files: Annotated[list[Path], typer.Argument(help="The patient's files, de-identified together as one record.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object with the text and the spans.")] = False,
) -> None:
    """Print the files' text with PHI replaced by surrogates (what a model would see).

    With --json, each document's spans are offsets into its original extracted text.
    """
    record = ingest(files, Settings().ingestion, estimate_tokens)
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


def _exit(record) -> None:
    """0 when every file loaded, 2 when some did not, 1 when none did."""
    if not record.documents:
        raise typer.Exit(1)
    if record.errors:
        raise typer.Exit(2)


def main() -> None:
    cli()
