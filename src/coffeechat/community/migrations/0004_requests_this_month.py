"""Each profile keeps its count of requests this month, for the directory's "taking
requests now" filter. Adding NOT NULL columns makes SQLite rebuild the table, which drops
the search index's triggers: they are put back at the end."""

from django.db import migrations, models

from coffeechat.textsearch import fts5_triggers

TABLE = "community_volunteerprofile"
COLUMNS = ["search_all", "search_title", "search_organization", "search_location"]


def restore_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in fts5_triggers("community_profile_fts", TABLE, COLUMNS):
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("community", "0003_facet_statistics")]

    operations = [
        # Backwards, removing the columns rebuilds the table again: triggers back last.
        migrations.RunPython(migrations.RunPython.noop, restore_triggers),
        migrations.AddField(
            model_name="volunteerprofile",
            name="requests_month",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="volunteerprofile",
            name="requests_this_month",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(restore_triggers, migrations.RunPython.noop),
    ]
