"""The app's database role in a deployment: rows, never tables.

`clinsum db upgrade` migrates as the owner and then calls `grant_app_role`, so the app and its
workers connect as a role that reads and writes rows but can neither create, alter nor drop a
table: a bug or an intruder in the app cannot change the schema or (where narrowed below) rewrite
history. The grants are made again on every upgrade, so a table a migration adds gets its
privileges at once. PostgreSQL only: SQLite has no roles.
"""

from __future__ import annotations

from sqlalchemy import Engine

DML = ("SELECT", "INSERT", "UPDATE", "DELETE")

# Tables whose privileges differ from DML; every other table of the schema gets DML.
# Narrowing a table is one line here: the next `clinsum db upgrade` revokes the rest.
TABLE_PRIVILEGES: dict[str, tuple[str, ...]] = {
    "alembic_version": ("SELECT",),  # the app checks the schema's revision; only `migrate` moves it
    "audit_events": ("SELECT", "INSERT"),  # the trail is append-only for the app
}


def privileges(table: str) -> tuple[str, ...]:
    return TABLE_PRIVILEGES.get(table, DML)


def grant_app_role(engine: Engine, role: str, password: str | None = None) -> list[str]:
    """Make `role` (LOGIN) if missing, set its password if given, and grant it each table's privileges
    in the connection's schema. Returns the tables granted, for the caller to report."""
    if engine.dialect.name != "postgresql":
        raise ValueError("database roles exist on PostgreSQL only; SQLite has one user, the file's owner")
    from psycopg import sql

    with engine.begin() as connection:
        cursor = connection.connection.driver_connection.cursor()
        schema = cursor.execute("SELECT current_schema()").fetchone()[0]
        who, where = sql.Identifier(role), sql.Identifier(schema)
        if cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
            cursor.execute(sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE").format(who))
        if password:
            # The SCRAM verifier is computed here, so the password itself never reaches the server's logs.
            verifier = cursor.connection.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
            cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(who, sql.Literal(verifier.decode())))
        # PostgreSQL 15 and later already deny CREATE on the schema to PUBLIC; older servers do not.
        cursor.execute(sql.SQL("REVOKE CREATE ON SCHEMA {} FROM PUBLIC").format(where))
        cursor.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(where, who))
        tables = [row[0] for row in cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename", (schema,))]
        for table in tables:
            name = sql.Identifier(schema, table)
            cursor.execute(sql.SQL("REVOKE ALL ON TABLE {} FROM {}").format(name, who))
            granted = sql.SQL(", ").join(sql.SQL(p) for p in privileges(table))
            cursor.execute(sql.SQL("GRANT {} ON TABLE {} TO {}").format(granted, name, who))
        # New rows take their ids from the tables' sequences.
        cursor.execute(sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(where, who))
    return tables

