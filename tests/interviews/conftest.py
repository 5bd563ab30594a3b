import datetime
import zoneinfo

import pytest

from coffeechat.contacts.models import Contact, Organization
from coffeechat.interviews.models import Interview

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def make_contact(owner, first="Ada", last="Okafor", **extra):
    return Contact.objects.create(owner=owner, first_name=first, last_name=last, **extra)


def make_interview(owner, contact=None, **extra):
    contact = contact or make_contact(owner)
    return Interview.objects.create(owner=owner, contact=contact, **extra)


def scheduled(owner, starts_at, *, zone="America/New_York", minutes=30, contact=None):
    interview = make_interview(owner, contact)
    interview.schedule(starts_at, time_zone=zone, duration_minutes=minutes, mode="video")
    return interview


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Hashing the personas' passwords would dominate these tests; no login is tested here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def contact(owner):
    org = Organization.objects.create(
        owner=owner, name="Volta Labs", website="https://volta.example"
    )
    return make_contact(
        owner, title="Battery chemist", organization=org, emails=["ada@volta.example"]
    )


@pytest.fixture
def interview(owner, contact):
    return make_interview(owner, contact)


@pytest.fixture
def new_york_owner(owner):
    owner.profile.time_zone = "America/New_York"
    owner.profile.save()
    return owner


def at(year, month, day, hour=0, minute=0, zone=NEW_YORK):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)
