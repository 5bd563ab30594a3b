from django.db import migrations

from coffeechat.textsearch import search_index

TABLE = "community_volunteerprofile"
COLUMNS = ["search_all", "search_title", "search_organization", "search_location"]


def forward(apps, schema_editor):
    search_index(schema_editor, "community_profile_fts", TABLE, COLUMNS, 0)


def backward(apps, schema_editor):
    search_index(schema_editor, "community_profile_fts", TABLE, COLUMNS, 1)


class Migration(migrations.Migration):
    dependencies = [("community", "0001_network")]
    operations = [migrations.RunPython(forward, backward)]
