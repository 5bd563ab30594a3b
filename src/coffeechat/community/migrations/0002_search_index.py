from django.db import migrations

from coffeechat.textsearch import fts5_operations, trigram_operations

TABLE = "community_volunteerprofile"
COLUMNS = ["search_all", "search_title", "search_organization", "search_location"]


def forward(apps, schema_editor):
    run(schema_editor, 0)


def backward(apps, schema_editor):
    run(schema_editor, 1)


def run(schema_editor, direction):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = fts5_operations("community_profile_fts", TABLE, COLUMNS)[direction]
    elif vendor == "postgresql":
        statements = trigram_operations(TABLE, COLUMNS)[direction]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("community", "0001_network")]
    operations = [migrations.RunPython(forward, backward)]
