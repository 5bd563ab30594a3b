"""Each contact's latest moment in touch, stored and kept by database triggers
(conversations/last_touch.py), filled once for the contacts there are."""

import django.db.models.deletion
from django.db import migrations, models

from coffeechat.conversations.last_touch import fill_statement, trigger_operations


def create(apps, schema_editor):
    trigger_operations(schema_editor, 0)
    schema_editor.execute(fill_statement(schema_editor.connection.vendor), params=None)


def drop(apps, schema_editor):
    trigger_operations(schema_editor, 1)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contacts", "0009_search_index"),
        ("interviews", "0005_todo_is_next_step"),
        ("outreach", "0002_speed_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="LastTouch",
            fields=[
                (
                    "contact",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="last_touch",
                        serialize=False,
                        to="contacts.contact",
                    ),
                ),
                ("moment", models.DateTimeField(null=True)),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
