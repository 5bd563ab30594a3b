"""Data for export and backup tests: a rich account, and a backup file from version 1."""

import datetime as dt
from pathlib import Path

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact, Organization, Tag

UTC = dt.UTC


def build_rich_account(user):
    """A bit of everything, including the awkward parts: links in a circle, non-ASCII, blanks."""
    profile = Profile.for_user(user)
    profile.name = "Olivia Ørsted-Núñez"
    profile.school = "Wellesley College"
    profile.class_year = 2027
    profile.major = "Chemistry"
    profile.interests = "Battery research\nScience policy"
    profile.availability = "Weekday afternoons after 2 pm"
    profile.signature = "Olivia\nWellesley '27"
    profile.time_zone = "America/New_York"
    profile.save()

    ionic = Organization.objects.create(
        owner=user,
        name="Ionic Labs",
        website="https://ioniclabs.example",
        industry="Energy storage",
        notes="Spun out of MIT.\nHiring interns in spring.",
    )
    bank = Organization.objects.create(owner=user, name="Banco Señorial", industry="Finance")
    Organization.objects.create(owner=user, name="東京化学", notes="No contacts yet.")

    ada = Contact.objects.create(
        owner=user,
        first_name="Ada",
        last_name="Singh",
        title="Battery chemist",
        organization=ionic,
        field="Chemistry",
        emails=["ada@ioniclabs.example", "ada.singh@alumni.example"],
        phone="+1 617 555 0100",
        linkedin_url="https://www.linkedin.com/in/ada-singh",
        location="Boston, MA",
        source="faculty",
        notes="Met at the open house.\nAsked about grad school.",
        research_notes="Published on solid-state electrolytes.",
        connected_on=dt.date(2024, 1, 15),
    )
    josé = Contact.objects.create(
        owner=user,
        first_name="José",
        last_name="Núñez",
        organization=bank,
        emails=["jose@banco.example"],
        source="alum",
        referred_by=ada,
        connected_on=dt.date(2023, 12, 31),
    )
    # A circle: Ada was referred by Zoë, who was referred by José.
    zoë = Contact.objects.create(
        owner=user, first_name="Zoë", last_name="", source="peer", referred_by=josé
    )
    ada.referred_by = zoë
    ada.save()
    Contact.objects.create(owner=user, first_name="", last_name="Blank", emails=[])

    ada.set_tags(["batteries", "boston", "≠ ascii"])
    josé.set_tags(["finance", "boston"])
    Tag.objects.create(owner=user, name="unused")

    # Distinct, old timestamps, so a restore that lets auto_now win is caught.
    for offset, contact in enumerate(Contact.objects.owned_by(user).order_by("pk")):
        Contact.objects.filter(pk=contact.pk).update(
            created_at=dt.datetime(2024, 2, 1, 9, 30, 15, 123456 + offset, tzinfo=UTC),
            updated_at=dt.datetime(2024, 3, 2, 18, 5, 0, 654321 - offset, tzinfo=UTC),
        )


# Made by export_backup from build_rich_account when backups were at version 1. Never edit it:
# it proves that files people saved then still restore.
GOLDEN = Path(__file__).parent / "fixtures" / "backup-v1.json"


def same_data(exported, golden):
    """Whether ``exported`` holds everything ``golden`` does (fields added since may be extra)."""

    def project(value, like):
        if isinstance(like, dict):
            return {key: project(value.get(key), like[key]) for key in like}
        if isinstance(like, list) and len(like) == len(value):
            return [project(v, lk) for v, lk in zip(value, like, strict=True)]
        return value

    header = ("exported_at", "coffeechat_version")
    exported = {k: v for k, v in exported.items() if k not in header}
    golden = {k: v for k, v in golden.items() if k not in header}
    return project(exported, golden) == golden
