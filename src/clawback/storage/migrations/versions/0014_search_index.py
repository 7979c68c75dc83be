"""search index: full-text indexes over each page's text and redacted text, filled for the pages
already in the record

SQLite: one external-content FTS5 table, ``page_fts`` (columns ``text`` and ``redacted_text``,
rowid = ``page.id``), kept in step by triggers on ``page``. Triggers, not the code paths that
write page text (ingest, production, ``access.refresh``, volume abandon, imports): every write
reaches the index whichever path made it, including ones added later, inside the same
transaction, and a row changed outside clawback cannot leave the index saying something else.

PostgreSQL: two stored generated columns, ``text_search`` = ``to_tsvector('simple', text)`` and
``redacted_text_search`` = ``to_tsvector('simple', redacted_text)``, each with a GIN index;
PostgreSQL keeps them in step itself, and fills them for the pages already there. Stored, not
expression indexes: a query that must look at many pages (counting a common word, a phrase's
recheck) reads the vectors instead of parsing every page's text again. The ``simple``
configuration (no stemming, no stop words), as FTS5's ``unicode61`` tokenizer: one query means
the same on both backends.

Neither is modelled in ``storage.tables`` (an FTS5 table is no SQLAlchemy table, and the
columns exist on one backend only); ``tests/storage`` leaves them out of its comparison by name
(``SEARCH_INDEX`` in ``storage.tables``).

Revision ID: 0014
Revises: 0013
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

SQLITE = [
    "CREATE VIRTUAL TABLE page_fts USING fts5(text, redacted_text, content='page', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER page_fts_insert AFTER INSERT ON page BEGIN "
    "INSERT INTO page_fts(rowid, text, redacted_text) "
    "VALUES (new.id, new.text, new.redacted_text); END",
    "CREATE TRIGGER page_fts_delete AFTER DELETE ON page BEGIN "
    "INSERT INTO page_fts(page_fts, rowid, text, redacted_text) "
    "VALUES ('delete', old.id, old.text, old.redacted_text); END",
    "CREATE TRIGGER page_fts_update AFTER UPDATE OF text, redacted_text ON page BEGIN "
    "INSERT INTO page_fts(page_fts, rowid, text, redacted_text) "
    "VALUES ('delete', old.id, old.text, old.redacted_text); "
    "INSERT INTO page_fts(rowid, text, redacted_text) "
    "VALUES (new.id, new.text, new.redacted_text); END",
    "INSERT INTO page_fts(page_fts) VALUES ('rebuild')",
]
POSTGRESQL = [
    "ALTER TABLE page ADD COLUMN text_search tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED",
    "ALTER TABLE page ADD COLUMN redacted_text_search tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', redacted_text)) STORED",
    "CREATE INDEX ix_page_text_search ON page USING gin (text_search)",
    "CREATE INDEX ix_page_redacted_text_search ON page USING gin (redacted_text_search)",
]


def upgrade() -> None:
    for statement in SQLITE if op.get_bind().dialect.name == "sqlite" else POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("page_fts_insert", "page_fts_delete", "page_fts_update"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE page_fts")
    else:
        op.drop_index("ix_page_redacted_text_search", table_name="page")
        op.drop_index("ix_page_text_search", table_name="page")
        op.drop_column("page", "redacted_text_search")
        op.drop_column("page", "text_search")
