"""The contact list's search answered from an index: FTS5 on SQLite, a trigram index on
PostgreSQL, over the folded ``search_text`` (coffeechat/textsearch.py)."""

from django.db import migrations

from coffeechat.textsearch import search_index

TABLE = "contacts_contact"
COLUMNS = ["search_text"]
FTS_TABLE = "contacts_contact_fts"


def forward(apps, schema_editor):
    search_index(schema_editor, FTS_TABLE, TABLE, COLUMNS, 0)


def backward(apps, schema_editor):
    search_index(schema_editor, FTS_TABLE, TABLE, COLUMNS, 1)


class Migration(migrations.Migration):
    dependencies = [("contacts", "0008_search_columns")]
    operations = [migrations.RunPython(forward, backward)]
