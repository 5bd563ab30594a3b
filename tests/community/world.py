"""A small career-office network every network test can build: two communities, each
with its adviser; a volunteer and a student in the first; an administrator."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

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
    )
