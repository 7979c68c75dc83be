"""Alembic environment: the engine is handed in by ``clawback.storage.db.migrate``."""

from alembic import context

from clawback.storage.tables import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
