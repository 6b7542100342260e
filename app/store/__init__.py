"""Persistence: SQLAlchemy 2 ORM over SQLite or PostgreSQL, Alembic migrations, a file store."""

from app.store.keys import StoreProblem
from app.store.store import Store, utcnow

__all__ = ["Store", "StoreProblem", "utcnow"]
