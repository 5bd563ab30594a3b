"""'Save to my contacts': a volunteer becomes one of the student's own contacts, so the
student's whole lifecycle (outreach, preparation, notes, keeping in touch) works on them.

Only what the student may see is copied, and never the email or phone: those come with
an accepted request.
"""

from django.db import IntegrityError, transaction

from coffeechat.community.models import SavedVolunteer, VolunteerProfile
from coffeechat.community.visibility import visible_fields
from coffeechat.contacts.models import Contact, Organization, Source


def saved_contact(student, profile: VolunteerProfile) -> Contact | None:
    link = SavedVolunteer.objects.filter(owner=student, profile=profile).select_related("contact")
    found = link.first()
    return found.contact if found else None


def save_to_contacts(student, profile: VolunteerProfile) -> Contact:
    """The student's contact for ``profile``: made now, or the one saved before."""
    existing = saved_contact(student, profile)
    if existing:
        return existing
    shown = visible_fields(profile, student)

    def value(field):
        return getattr(profile, field) if field in shown else ""

    first, _, last = profile.name.partition(" ")
    try:
        with transaction.atomic():
            contact = Contact.objects.create(
                owner=student,
                first_name=first[:150],
                last_name=last[:150],
                title=value("title")[:255],
                organization=Organization.named(student, value("organization")[:255]),
                field=(
                    profile.values("industries")[0]
                    if "industries" in shown and profile.industries
                    else ""
                )[:200],
                location=value("location")[:200],
                linkedin_url=value("linkedin_url"),
                source=Source.SCHOOL_NETWORK,
                research_notes=value("career_path"),
            )
            SavedVolunteer.objects.create(owner=student, profile=profile, contact=contact)
    except IntegrityError:  # saved twice at once: the other request's contact stands
        return saved_contact(student, profile)
    return contact
