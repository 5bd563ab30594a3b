"""One research note per person: what each interview's Prepare page held "about the
person" joins the contact's research note, then the interview's field goes."""

from django.db import migrations

from coffeechat.text import with_paragraph
from coffeechat.textsearch import index_text


def move_research(apps, schema_editor):
    Interview = apps.get_model("interviews", "Interview")
    Contact = apps.get_model("contacts", "Contact")
    interviews = (
        Interview.objects.exclude(research_person="")
        .order_by("contact_id", "created_at", "pk")
        .values_list("contact_id", "research_person")
    )
    notes: dict[int, list[str]] = {}
    for contact_id, text in interviews.iterator(chunk_size=2000):
        notes.setdefault(contact_id, []).append(text)
    for contact in Contact.objects.filter(pk__in=list(notes)).iterator(chunk_size=2000):
        note = contact.research_notes
        for text in notes[contact.pk]:
            note = with_paragraph(note, text)
        if note != contact.research_notes:
            # The contact's search column folds this note too; refold it here as the model
            # would (the historical model has no save() of ours).
            contact.research_notes = note
            contact.search_text = index_text(
                contact.first_name,
                contact.last_name,
                contact.title,
                contact.field,
                contact.notes,
                contact.research_notes,
            )
            contact.save(update_fields=["research_notes", "search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0008_search_columns"),
        ("interviews", "0003_speed_indexes"),
    ]

    operations = [
        migrations.RunPython(move_research, migrations.RunPython.noop),
        migrations.RemoveField(model_name="interview", name="research_person"),
    ]
