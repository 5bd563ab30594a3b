"""The contact list at 50,000 contacts: its name index ends with the id, as its order does,
so PostgreSQL reads a page from the index and stops after it instead of sorting every
contact (the last page: 240 ms to under 1 ms); and on PostgreSQL a trigram index over the
organizations' folded names, which the search and the organization filter read (a scan of
15,000 names was 4 ms of every search). SQLite searches organizations by scanning them."""

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

from coffeechat.textsearch import trigram_operations

ORGANIZATIONS = ("contacts_organization", ["search_name"])


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in trigram_operations(*ORGANIZATIONS)[0]:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in trigram_operations(*ORGANIZATIONS)[1]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0009_search_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="contact", name="contact_by_name"),
        migrations.AddIndex(
            model_name="contact",
            index=models.Index(
                models.F("owner"),
                django.db.models.functions.text.Lower("last_name"),
                django.db.models.functions.text.Lower("first_name"),
                models.F("id"),
                name="contact_by_name",
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
