"""The contact list's search answered from an index: FTS5 on SQLite, a trigram index on
PostgreSQL, over the folded ``search_text`` (coffeechat/textsearch.py)."""

from django.db import migrations

from coffeechat.textsearch import fts5_operations, trigram_operations

TABLE = "contacts_contact"
COLUMNS = ["search_text"]
FTS_TABLE = "contacts_contact_fts"


def forward(apps, schema_editor):
    run(schema_editor, 0)


def backward(apps, schema_editor):
    run(schema_editor, 1)


def run(schema_editor, direction):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = fts5_operations(FTS_TABLE, TABLE, COLUMNS)[direction]
    elif vendor == "postgresql":
        statements = trigram_operations(TABLE, COLUMNS)[direction]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("contacts", "0008_search_columns")]
    operations = [migrations.RunPython(forward, backward)]
