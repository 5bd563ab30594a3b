import datetime as dt

import pytest
import time_machine

from tests.community.conftest import client_for  # noqa: F401
from tests.community.world import build_world
from tests.outreach.conftest import smtp_server, smtp_settings  # noqa: F401

# A Monday noon in Boston; the volunteer is free Tuesdays and Thursdays 18:00-20:00 there.
NOW = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)
WINDOWS = [
    {"day": "tue", "start": "18:00", "end": "20:00"},
    {"day": "thu", "start": "18:00", "end": "20:00"},
]


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def world(db, settings, clock):
    settings.NETWORK = True
    settings.TASKS_IN_PROCESS = True
    world = build_world()
    world.chat.delete()  # each test asks for itself
    profile = world.profile
    profile.availability = WINDOWS
    profile.time_zone = "America/New_York"
    profile.monthly_capacity = 4
    profile.save()
    student_profile = world.student.profile
    student_profile.time_zone = "Europe/London"
    student_profile.school = "Wellesley"
    student_profile.major = "biology"
    student_profile.save()
    world.student.email = "sam@students.example.edu"
    world.student.save()
    world.volunteer.email = "vera@alumni.example"
    world.volunteer.save()
    return world
