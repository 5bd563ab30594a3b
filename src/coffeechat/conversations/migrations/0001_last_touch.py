"""Each contact's latest moment in touch, stored and kept by database triggers
(conversations/last_touch.py). The triggers and the rows are made by migration 0002, for
the columns the code now reads: a database that ran this migration before 0002 existed
had them made here, and 0002 makes them again."""

import django.db.models.deletion
from django.db import migrations, models


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
    ]
