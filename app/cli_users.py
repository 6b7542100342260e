"""`clinsum users`: the accounts that may sign in to a deployment; how the first admin is made.

A password never comes from the command line (it would show in the process list and the shell's
history): it is asked for, hidden, at a terminal, or read from the first line of standard input
when a script pipes it in.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Literal

import typer

users_cli = typer.Typer(help="The accounts that may sign in to a deployment.", no_args_is_help=True)

Username = Annotated[str, typer.Argument(help="The sign-in name (for single sign-on: the e-mail or subject it reports).")]


def _store():  # type: ignore[no-untyped-def]
    from app.cli import open_store, start

    return open_store(start())


def _run(action):  # type: ignore[no-untyped-def]
    """Run a store action on an open store; its UserError is one sentence and exit 1."""
    from app.cli import fail
    from app.store.users import UserError

    store = _store()
    try:
        return action(store)
    except UserError as error:
        fail(str(error))
    finally:
        store.close()


def _account(store, username: str):  # type: ignore[no-untyped-def]
    from app.cli import fail
    from app.store.users import find_user

    found = find_user(store, username)
    if found is None:
        fail("There is no such user; `clinsum users list` lists them.")
    return found


def _password() -> str:
    if sys.stdin.isatty():
        return typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


@users_cli.command("add")
def users_add(
    username: Username,
    role: Annotated[Literal["clinician", "admin"], typer.Option("--role", help="admin: manages users too.")] = "clinician",
    sso_only: Annotated[bool, typer.Option(
        "--sso-only", help="No password: the account signs in through single sign-on only.")] = False,
) -> None:
    """Add an account. The password is asked for (hidden), or read from standard input."""
    from app.settings import Settings
    from app.store.users import create_user

    password = None if sso_only else _password()
    minimum = Settings().auth.min_password_length
    made = _run(lambda store: create_user(store, username, role, password, minimum))
    typer.echo(f"Added {made.role} {made.username}.")


@users_cli.command("list")
def users_list(as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False) -> None:
    """List accounts: name, role, whether disabled or locked, last sign-in."""
    from app.store.users import list_users

    found = _run(list_users)
    rows = [{"username": u.username, "role": u.role, "disabled": u.disabled, "locked": u.locked(),
             "password": u.has_password,
             "last_sign_in": u.last_sign_in_at.isoformat(timespec="seconds") if u.last_sign_in_at else None}
            for u in found]
    if as_json:
        typer.echo(json.dumps({"users": rows}, indent=2))
        return
    if not rows:
        typer.echo("No users yet: `clinsum users add NAME --role admin` makes the first admin.")
        return
    width = max(len(r["username"]) for r in rows)
    for r in rows:
        state = "disabled" if r["disabled"] else "locked" if r["locked"] else "active"
        typer.echo(f"{r['username']:<{width}}  {r['role']:<9}  {state:<8}  {r['last_sign_in'] or 'never signed in'}")


@users_cli.command("disable")
def users_disable(username: Username) -> None:
    """Disable an account: it can no longer sign in, by password or single sign-on."""
    from app.store.users import set_disabled

    _run(lambda store: set_disabled(store, _account(store, username).id, True))
    typer.echo("Disabled.")


@users_cli.command("enable")
def users_enable(username: Username) -> None:
    """Enable a disabled account again."""
    from app.store.users import set_disabled

    _run(lambda store: set_disabled(store, _account(store, username).id, False))
    typer.echo("Enabled.")


@users_cli.command("unlock")
def users_unlock(username: Username) -> None:
    """Lift a lockout after too many wrong passwords."""
    from app.store.users import unlock

    _run(lambda store: unlock(store, _account(store, username).id))
    typer.echo("Unlocked.")


@users_cli.command("password")
def users_password(username: Username) -> None:
    """Set an account's password (asked for, hidden, or read from standard input)."""
    from app.settings import Settings
    from app.store.users import set_password

    password = _password()
    minimum = Settings().auth.min_password_length
    _run(lambda store: set_password(store, _account(store, username).id, password, minimum))
    typer.echo("Password set.")
