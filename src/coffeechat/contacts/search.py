"""Building the contact list's query from its search box and filters."""

from django.db.models import Exists, OuterRef, Q

from coffeechat.contacts.models import Contact, Tag


def search_contacts(owner, *, q="", source="", field="", organization="", tag=""):
    contacts = Contact.objects.owned_by(owner)
    for word in q.split():
        tagged = Tag.objects.filter(contacts=OuterRef("pk"), name__icontains=word)
        contacts = contacts.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(organization__name__icontains=word)
            | Q(title__icontains=word)
            | Q(field__icontains=word)
            | Q(notes__icontains=word)
            | Q(research_notes__icontains=word)
            | Exists(tagged)
        )
    if source:
        contacts = contacts.filter(source=source)
    if field:
        contacts = contacts.filter(field__iexact=field)
    if organization:
        if organization.isdigit():
            contacts = contacts.filter(organization_id=int(organization))
        else:
            contacts = contacts.filter(organization__name__icontains=organization)
    if tag:
        contacts = contacts.filter(
            Exists(Tag.objects.filter(contacts=OuterRef("pk"), name__iexact=tag))
        )
    return contacts
