"""`clinsum teams`: care teams from a terminal, for hospital IT; the Teams page does the same in the browser.

A clinician in a deployment sees only the patients of their teams (app/store/teams.py). Patients are
named by their label, as clinicians gave it; no command here lists labels, so managing teams shows
no patient's label.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

teams_cli = typer.Typer(help="Care teams: who is in each, and which patients each cares for.", no_args_is_help=True)

TeamName = Annotated[str, typer.Argument(help="The team's name (any case).")]


def _run(action):  # type: ignore[no-untyped-def]
    """Run a store action on an open store; its refusal is one sentence and exit 1."""
    from app.cli import fail, open_store, start
    from app.store.patients import PatientError
    from app.store.teams import TeamError

    store = open_store(start())
    try:
        return action(store)
    except (TeamError, PatientError) as error:
        fail(str(error))
    finally:
        store.close()


def _team(store, name: str):  # type: ignore[no-untyped-def]
    from app.store.teams import TeamError, find_team

    found = find_team(store, name)
    if found is None:
        raise TeamError("There is no such team; `clinsum teams list` lists them.")
    return found


@teams_cli.command("add")
def teams_add(name: TeamName) -> None:
    """Add a care team."""
    from app.store.teams import create_team

    made = _run(lambda store: create_team(store, name))
    typer.echo(f"Added team {made.name}.")


@teams_cli.command("list")
def teams_list(as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False) -> None:
    """List teams: their members and how many patients each cares for."""
    from app.store.teams import list_teams

    rows = [{"name": t.name, "members": list(t.members), "patients": t.patients} for t in _run(list_teams)]
    if as_json:
        typer.echo(json.dumps({"teams": rows}, indent=2))
        return
    if not rows:
        typer.echo("No teams yet: `clinsum teams add NAME` makes one.")
        return
    for r in rows:
        typer.echo(f"{r['name']}: {r['patients']} patient{'s' * (r['patients'] != 1)}; "
                   f"members: {', '.join(r['members']) or 'none'}")


@teams_cli.command("member")
def teams_member(
    name: TeamName,
    username: Annotated[str, typer.Argument(help="The user's sign-in name.")],
    remove: Annotated[bool, typer.Option("--remove", help="Take the user out of the team instead.")] = False,
) -> None:
    """Put a user in a team (or, with --remove, take them out)."""
    from app.store.teams import TeamError, set_member
    from app.store.users import UserError, find_user

    def change(store):  # type: ignore[no-untyped-def]
        team = _team(store, name)
        try:
            user = find_user(store, username)
        except UserError:
            user = None
        if user is None:
            raise TeamError("There is no such user; `clinsum users list` lists them.")
        return set_member(store, team.id, user.id, not remove)

    team = _run(change)
    typer.echo(f"{'Removed' if remove else 'Added'} {username.strip().lower()} {'from' if remove else 'to'} {team.name}.")


@teams_cli.command("patient")
def teams_patient(
    name: TeamName,
    label: Annotated[str, typer.Argument(help="The patient's label, as it was given.")],
    remove: Annotated[bool, typer.Option("--remove", help="Take the patient out of the team's care instead.")] = False,
) -> None:
    """Put a patient in a team's care (or, with --remove, take them out of it)."""
    from app.store.patients import PatientError, find_patient
    from app.store.teams import set_patient

    def change(store):  # type: ignore[no-untyped-def]
        team = _team(store, name)
        patient = find_patient(store, label)
        if patient is None:
            raise PatientError("There is no patient with that label.")
        return set_patient(store, team.id, patient.id, not remove)

    team = _run(change)
    typer.echo(f"{team.name} {'no longer cares' if remove else 'now cares'} for that patient.")
