"""search index: adjacent word pairs, so a phrase is answered by the pages where its words
stand side by side (``storage.pairs``), not by walking every page that holds its words

SQLite: a contentless FTS5 table, ``page_pairs`` (columns ``text_pairs`` and
``redacted_text_pairs``, rowid = ``page.id``), holding each page's pair tokens (``nalo_bakaro``)
made by ``clawback_pairs(text)`` from the words FTS5's own tokenizer cuts; FTS5's ``ascii``
tokenizer with ``_`` a word character, so the pairs go in as made. Kept in step by triggers on
``page`` as ``page_fts`` is (migration 0014); a deletion gives FTS5 the pairs it was given,
made again from the old text.

PostgreSQL: two stored generated columns, ``text_pairs`` and ``redacted_text_pairs``, each the
pairs of the tsvector of migration 0014 (``clawback_pairs(tsvector)``: for each position *p*,
each lexeme at *p* with each at *p + 1*, as the lexeme ``'a b'`` at *p*), with GIN indexes: the
tsquery ``'a' <-> 'b' <-> 'c'`` holds of a tsvector exactly when ``'a b' <-> 'b c'`` holds of
its pairs.

Neither is modelled in ``storage.tables`` (``SEARCH_INDEX`` names them).

Revision ID: 0026
Revises: 0025
"""

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

SQLITE = [
    "CREATE VIRTUAL TABLE page_pairs USING fts5(text_pairs, redacted_text_pairs, content='', "
    "columnsize=0, tokenize=\"ascii tokenchars '_'\")",
    "CREATE TRIGGER page_pairs_insert AFTER INSERT ON page BEGIN "
    "INSERT INTO page_pairs(rowid, text_pairs, redacted_text_pairs) "
    "VALUES (new.id, clawback_pairs(new.text), clawback_pairs(new.redacted_text)); END",
    "CREATE TRIGGER page_pairs_delete AFTER DELETE ON page BEGIN "
    "INSERT INTO page_pairs(page_pairs, rowid, text_pairs, redacted_text_pairs) "
    "VALUES ('delete', old.id, clawback_pairs(old.text), clawback_pairs(old.redacted_text)); "
    "END",
    "CREATE TRIGGER page_pairs_update AFTER UPDATE OF text, redacted_text ON page BEGIN "
    "INSERT INTO page_pairs(page_pairs, rowid, text_pairs, redacted_text_pairs) "
    "VALUES ('delete', old.id, clawback_pairs(old.text), clawback_pairs(old.redacted_text)); "
    "INSERT INTO page_pairs(rowid, text_pairs, redacted_text_pairs) "
    "VALUES (new.id, clawback_pairs(new.text), clawback_pairs(new.redacted_text)); END",
    "INSERT INTO page_pairs(rowid, text_pairs, redacted_text_pairs) "
    "SELECT id, clawback_pairs(text), clawback_pairs(redacted_text) FROM page",
]
#: A lexeme pair quoted for tsvector input: 'a b', quotes and backslashes doubled/escaped.
POSTGRESQL = [
    "CREATE FUNCTION clawback_pairs(v tsvector) RETURNS tsvector "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ "
    "SELECT coalesce(string_agg('''' || replace(replace(a.lexeme || ' ' || b.lexeme, "
    "'\\', '\\\\'), '''', '''''') || ''':' || a.pos, ' '), '')::tsvector "
    "FROM (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) a "
    "JOIN (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) b ON b.pos = a.pos + 1 $$",
    "ALTER TABLE page ADD COLUMN text_pairs tsvector "
    "GENERATED ALWAYS AS (clawback_pairs(to_tsvector('simple', text))) STORED",
    "ALTER TABLE page ADD COLUMN redacted_text_pairs tsvector "
    "GENERATED ALWAYS AS (clawback_pairs(to_tsvector('simple', redacted_text))) STORED",
    "CREATE INDEX ix_page_text_pairs ON page USING gin (text_pairs)",
    "CREATE INDEX ix_page_redacted_text_pairs ON page USING gin (redacted_text_pairs)",
]


def upgrade() -> None:
    for statement in SQLITE if op.get_bind().dialect.name == "sqlite" else POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("page_pairs_insert", "page_pairs_delete", "page_pairs_update"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE page_pairs")
    else:
        op.drop_index("ix_page_redacted_text_pairs", table_name="page")
        op.drop_index("ix_page_text_pairs", table_name="page")
        op.drop_column("page", "redacted_text_pairs")
        op.drop_column("page", "text_pairs")
        op.execute("DROP FUNCTION clawback_pairs(tsvector)")
