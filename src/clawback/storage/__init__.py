"""Storage: the database (SQLAlchemy 2 + Alembic) and the content-addressed file store."""
