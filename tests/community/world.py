"""A small career-office network every network test can build: two communities, each
with its adviser; a volunteer and a student in the first; an administrator."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from coffeechat.chats.models import EXPIRES_AFTER, ChatRequest
from coffeechat.community.models import (
    AllowedDomain,
    CareerCommunity,
    Invitation,
    PendingRoster,
    VolunteerProfile,
)
from coffeechat.community.roles import Role, grant
from tests.conftest import make_user


@dataclass
class World:
    administrator: object
    adviser: object  # advises health, where the volunteer is
    other_adviser: object  # advises arts only
    student: object
    volunteer: object
    health: CareerCommunity
    arts: CareerCommunity
    profile: VolunteerProfile
    invitation: Invitation
    domain: AllowedDomain
    roster: PendingRoster
    chat: ChatRequest  # the student's open request to the volunteer
    # Made only when the administrator also volunteers (the hostile-input test's owner):
    # a request to them, and one from them.
    chat_to_admin: ChatRequest | None = None
    chat_from_admin: ChatRequest | None = None


def person(username, *roles, name=""):
    existing = get_user_model().objects.filter(username=username).first()
    user = existing or make_user(username, name=name or username.title())
    if name:
        first, _, last = name.partition(" ")
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
    grant(user, *roles)
    return user


def make_profile(user, **fields) -> VolunteerProfile:
    defaults = {
        "name": user.get_full_name() or user.username,
        "title": "Nurse practitioner",
        "organization": "Harbor Clinic",
        "industries": "Health care",
        "location": "Boston",
        "topics": "night shifts, graduate school",
        "languages": "English, Español",
        "email": f"{user.username}@alumni.example",
        "phone": "+1 617 555 0100",
    }
    profile = VolunteerProfile.objects.create(owner=user, **{**defaults, **fields})
    profile.sync_facets()
    return profile


def open_request(student, profile, **fields) -> ChatRequest:
    """An open request, made directly (the limits have their own tests)."""
    now = fields.pop("created_at", None) or timezone.now()
    defaults = {
        "topic": "field",
        "body": "Dear Vera, could we talk for 20 minutes about your work?",
        "created_at": now,
        "expires_at": now + EXPIRES_AFTER,
        "student_time_zone": "America/New_York",
    }
    return ChatRequest.objects.create(student=student, volunteer=profile, **{**defaults, **fields})


def build_world(administrator=None) -> World:
    administrator = administrator or person("ada", Role.ADMINISTRATOR, name="Ada Admin")
    grant(administrator, Role.ADMINISTRATOR)
    adviser = person("avery", Role.ADVISER, name="Avery Adviser")
    other = person("otto", Role.ADVISER, name="Otto Otheradviser")
    student = person("sam", Role.STUDENT, name="Sam Student")
    volunteer = person("vera", Role.VOLUNTEER, name="Vera Núñez")
    health = CareerCommunity.objects.create(name="Health")
    arts = CareerCommunity.objects.create(name="Arts and media")
    health.advisers.add(adviser)
    arts.advisers.add(other)
    health.join(student)
    health.join(volunteer)
    profile = make_profile(volunteer)
    invitation = Invitation.issue(administrator, [Role.VOLUNTEER], [health])
    domain = AllowedDomain.objects.create(domain="students.example.edu")
    roster = PendingRoster.objects.create(
        uploaded_by=administrator,
        filename="alumni.csv",
        data=b"Name,Email,Company\nRo Ster,ro@alumni.example,Ionic Labs\n",
    )
    chat = open_request(student, profile)
    admin_profile = VolunteerProfile.objects.filter(owner=administrator).first()
    return World(
        administrator,
        adviser,
        other,
        student,
        volunteer,
        health,
        arts,
        profile,
        invitation,
        domain,
        roster,
        chat,
        open_request(student, admin_profile) if admin_profile else None,
        open_request(administrator, profile) if admin_profile else None,
    )
