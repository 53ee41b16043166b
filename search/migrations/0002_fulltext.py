"""Full-text indexes over the normalised entry text: SQLite FTS5 or a PostgreSQL tsvector.

The stems in ``normalised_title``/``normalised`` come from ``search.lithuanian`` (PostgreSQL has
no Lithuanian configuration), so both engines index them with their plain tokeniser: FTS5's
``unicode61`` and PostgreSQL's ``simple``. Nothing here is a Django field, so the models and
other databases are unchanged.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_contententry_fts USING fts5(
        normalised_title, normalised, content='search_contententry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_contententry_fts_ai AFTER INSERT ON search_contententry BEGIN
        INSERT INTO search_contententry_fts(rowid, normalised_title, normalised)
        VALUES (new.id, new.normalised_title, new.normalised); END""",
    """CREATE TRIGGER search_contententry_fts_ad AFTER DELETE ON search_contententry BEGIN
        INSERT INTO search_contententry_fts(search_contententry_fts, rowid, normalised_title, normalised)
        VALUES ('delete', old.id, old.normalised_title, old.normalised); END""",
    """CREATE TRIGGER search_contententry_fts_au AFTER UPDATE ON search_contententry BEGIN
        INSERT INTO search_contententry_fts(search_contententry_fts, rowid, normalised_title, normalised)
        VALUES ('delete', old.id, old.normalised_title, old.normalised);
        INSERT INTO search_contententry_fts(rowid, normalised_title, normalised)
        VALUES (new.id, new.normalised_title, new.normalised); END""",
    "INSERT INTO search_contententry_fts(search_contententry_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_contententry_fts_ai",
    "DROP TRIGGER IF EXISTS search_contententry_fts_ad",
    "DROP TRIGGER IF EXISTS search_contententry_fts_au",
    "DROP TABLE IF EXISTS search_contententry_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE search_contententry ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', normalised_title), 'A') || setweight(to_tsvector('simple', normalised), 'B')
    ) STORED""",
    "CREATE INDEX search_contententry_document_gin ON search_contententry USING gin (search_document)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_contententry_document_gin",
    "ALTER TABLE search_contententry DROP COLUMN IF EXISTS search_document",
]


def _run(statements_by_vendor):
    """Return a RunPython function executing the statements of the connection's vendor."""

    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
