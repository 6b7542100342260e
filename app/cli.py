"""The clinsum command line: the same pipeline as the UI, from a terminal."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from app.records import record_json, record_lines
from app.settings import Settings
from engine import estimate_tokens
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
    settings = Settings()
    record = ingest(files, settings.ingestion, estimate_tokens)
    if as_json:
        typer.echo(json.dumps(record_json(record), indent=2))
    else:
        typer.echo("\n".join(record_lines(record, "estimated: no model configured")))
    if not record.documents:
        raise typer.Exit(1)
    if record.errors:
        raise typer.Exit(2)


def main() -> None:
    cli()
