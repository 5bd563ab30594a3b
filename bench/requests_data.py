"""A career office's year of requests for the benchmark: students, and requests from them
to the directory's volunteers (bench/network_data.py), written with ``bulk_create``.

Deterministic from its own seed and placed relative to ``now``, so every run has the same
mix: a year of requests, most of them answered long ago; the last fortnight's still open,
some accepted with meetings ahead. The worker is taken to have been down for two days,
so the clock's first run finds about two days of reminders and expiries to do at once.
Two people carry more than their share, as real networks have: one volunteer everybody
asks (``busy_volunteer``) and one student who asks a lot (``busy_student``).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

SEED = 20261205
YEAR = dt.timedelta(days=365)
WORKER_DOWN = dt.timedelta(days=2)
REMIND_AFTER = dt.timedelta(days=7)
EXPIRES_AFTER = dt.timedelta(days=14)
BODY = (
    "Dear {name},\n\nI'm a student exploring this field, and your path caught my eye. "
    "Would you have 20 minutes for a conversation in the next two weeks?\n\nThank you,\nA."
)


@dataclass
class Requests:
    students: list = field(default_factory=list)  # user ids
    busy_student: object = None
    busy_volunteer: object = None  # a VolunteerProfile
    made: int = 0
    by_state: dict = field(default_factory=dict)


def add_students(count: int, batch: int = 5000) -> list[int]:
    """``count`` student accounts with their profiles and role; their ids."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction

    from coffeechat.accounts.models import Profile
    from coffeechat.community.roles import Role

    User = get_user_model()
    Groups = User.groups.through
    group, _ = Group.objects.get_or_create(name=Role.STUDENT.value)
    zones = ["America/New_York", "America/Chicago", "Europe/London", "Asia/Kolkata"]
    ids: list[int] = []
    for start in range(0, count, batch):
        size = min(batch, count - start)
        with transaction.atomic():
            users = User.objects.bulk_create(
                [
                    User(
                        username=f"student{start + i}",
                        email=f"student{start + i}@students.example.edu",
                        password="!",
                    )
                    for i in range(size)
                ]
            )
            Profile.objects.bulk_create(
                [
                    Profile(owner=user, name=f"Student {start + i}", time_zone=zones[i % 4])
                    for i, user in enumerate(users)
                ]
            )
            Groups.objects.bulk_create([Groups(user_id=u.pk, group_id=group.pk) for u in users])
        ids.extend(user.pk for user in users)
    return ids


def add_requests(students: list[int], count: int, now: dt.datetime, batch: int = 20_000):
    """``count`` requests from ``students`` to the listed volunteers over the year to ``now``."""
    from django.db import transaction

    from coffeechat.chats.models import ChatRequest
    from coffeechat.community.models import VolunteerProfile

    rng = random.Random(SEED)
    volunteers = list(
        VolunteerProfile.objects.listed().order_by("pk").values_list("pk", "name", "time_zone")
    )
    made = Requests(students=students)
    made.busy_student = students[0]
    made.busy_volunteer = VolunteerProfile.objects.get(pk=volunteers[0][0])
    open_pairs: set[tuple[int, int]] = set()
    open_per_student: dict[int, int] = {}
    open_per_volunteer: dict[int, int] = {}  # their monthly number keeps this small
    rows = []
    for number in range(count):
        # One request in fifty is the busy volunteer's; one in two hundred the busy student's.
        volunteer = volunteers[0] if number % 50 == 0 else rng.choice(volunteers)
        student = students[0] if number % 200 == 0 else rng.choice(students)
        created = now - YEAR * rng.random() ** 1.5  # more of them recent, as a network grows
        state = _state(rng, now - created)
        if state == "open":
            pair = (student, volunteer[0])
            if (
                pair in open_pairs
                or open_per_student.get(student, 0) >= 3
                or open_per_volunteer.get(volunteer[0], 0) >= 4
            ):
                state = "declined"
            else:
                open_pairs.add(pair)
                open_per_student[student] = open_per_student.get(student, 0) + 1
                open_per_volunteer[volunteer[0]] = open_per_volunteer.get(volunteer[0], 0) + 1
        rows.append(_request(rng, ChatRequest, student, volunteer, created, state, now))
        made.by_state[state] = made.by_state.get(state, 0) + 1
        if len(rows) == batch:
            with transaction.atomic():
                ChatRequest.objects.bulk_create(rows)
            rows = []
    if rows:
        with transaction.atomic():
            ChatRequest.objects.bulk_create(rows)
    made.made = count
    return made


def _state(rng: random.Random, age: dt.timedelta) -> str:
    roll = rng.random()
    if age < EXPIRES_AFTER + WORKER_DOWN:  # the clock has not closed these yet
        return "open" if roll < 0.55 else "accepted" if roll < 0.85 else "declined"
    if roll < 0.45:
        return "accepted"
    return "declined" if roll < 0.7 else "expired" if roll < 0.95 else "withdrawn"


def _request(rng, ChatRequest, student, volunteer, created, state, now):
    pk, name, _zone = volunteer
    request = ChatRequest(
        student_id=student,
        volunteer_id=pk,
        topic=rng.choice(["field", "role", "graduate-school", "changing-fields", "referral"]),
        body=BODY.format(name=name.split()[0]),
        proposed=[],
        student_time_zone="America/New_York",
        duration_minutes=rng.choice((15, 20, 30)),
        state=state,
        created_at=created,
        expires_at=created + EXPIRES_AFTER,
    )
    age = now - created
    # Reminders went out while the worker ran; the last two days' are still to send.
    if state != "open" or age > REMIND_AFTER + WORKER_DOWN:
        request.reminded_at = created + REMIND_AFTER if age > REMIND_AFTER else None
    if state in ("accepted", "declined"):
        request.answered_at = created + dt.timedelta(hours=rng.randint(2, 120))
    if state == "accepted":
        request.starts_at = (created + dt.timedelta(days=rng.randint(3, 20))).replace(
            minute=0, second=0, microsecond=0
        )
    if state == "declined":
        request.decline_reason = rng.choice(["busy", "fit", "timing"])
    if state != "open":
        request.closed_at = request.answered_at or created + EXPIRES_AFTER
    return request
