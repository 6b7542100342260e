"""Connecting to the store: SQLite (a file in the data folder) or PostgreSQL (DATABASE_URL).

SQLite gets WAL, a busy timeout and `BEGIN IMMEDIATE` for every transaction: several processes
(the CLI, a worker, the UI) then queue for the write lock instead of failing half-way with
"database is locked". PostgreSQL needs none of that; its workers claim jobs with
SELECT … FOR UPDATE SKIP LOCKED.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str) -> str:
    """postgres:// and postgresql:// (what compose files and hosting panels write) mean psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def connect(url: str) -> Engine:
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        # A server that accepts the connection but never answers must not hold a worker forever.
        return create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args={"connect_timeout": 10})
    engine = create_engine(url, connect_args={"timeout": 60}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _sqlite_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # SQLAlchemy, not pysqlite, says when a transaction begins
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left in free pages
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision` with Alembic (creating it on an empty database)."""
    _alembic(engine, command.upgrade, revision)


def roll_back(engine: Engine, revision: str) -> None:
    """Take the schema back down to `revision` ("base": no clinsum tables at all)."""
    _alembic(engine, command.downgrade, revision)


def _alembic(engine: Engine, step, revision: str) -> None:  # type: ignore[no-untyped-def]
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations rebuild a table by dropping it: with foreign keys on, SQLite would cascade
            # that drop into every child row (a patient table rebuilt, every document gone). The pragma
            # only takes effect outside a transaction, so it goes to the driver before SQLAlchemy begins.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                step(config, revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("the migration left rows whose parent is missing; it was rolled back")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
