"""`clinsum db`: the schema and the app's database role (compose's `migrate` service runs `upgrade`)."""

from __future__ import annotations

import typer

db_cli = typer.Typer(help="The database: migrations and the app's role.", no_args_is_help=True)


@db_cli.command("upgrade")
def upgrade() -> None:
    """Migrate the store to the newest schema, then grant the app's role (store.app_role) its rows.

    Run as the database's owner. The app and workers then connect as store.app_role, which can read
    and write rows but not create, alter or drop tables. Exit status 1, with one sentence, when the
    database, the key or a password file is not there.
    """
    from app.cli import fail, open_store, start
    from app.settings import read_secret
    from app.store.roles import grant_app_role

    settings = start()
    store = open_store(settings)  # migrates, checks the key, seals what an older clinsum left plain
    try:
        typer.echo("The schema is up to date.", err=True)
        role = settings.store.app_role
        if role is None:
            return
        password = None
        if settings.store.app_password_file is not None:
            try:
                password = read_secret(settings.store.app_password_file)
            except OSError as error:
                fail(f"The app role's password file {settings.store.app_password_file} cannot be read "
                     f"({error.strerror or type(error).__name__}).")
        try:
            tables = grant_app_role(store.engine, role, password)
        except ValueError as error:
            fail(f"store.app_role is set but {error}.")
        typer.echo(f"Role {role} may read and write the rows of {len(tables)} tables, and change none of them.", err=True)
    finally:
        store.close()
