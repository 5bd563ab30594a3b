"""Beside each contact's latest moment, who is tracked and when their next check-in's
clock started (conversations/last_touch.py): the triggers are made again to keep the new
columns, on the settings' table too, and every row is filled as it stands."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from coffeechat.conversations.last_touch import fill_statement, trigger_operations


def create(apps, schema_editor):
    trigger_operations(schema_editor, 1)
    trigger_operations(schema_editor, 0)
    schema_editor.execute(fill_statement(schema_editor.connection.vendor), params=None)


def drop(apps, schema_editor):
    trigger_operations(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0009_search_index"),
        ("conversations", "0001_last_touch"),
        ("interviews", "0005_todo_is_next_step"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="lasttouch",
            name="cadence",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="lasttouch",
            name="clock",
            field=models.DateTimeField(null=True),
        ),
        migrations.AddField(
            model_name="lasttouch",
            name="owner",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="lasttouch",
            index=models.Index(
                condition=models.Q(("cadence__isnull", False)),
                fields=["owner", "cadence", "clock", "contact"],
                name="lasttouch_check_in",
            ),
        ),
        migrations.RunPython(create, drop),
    ]
