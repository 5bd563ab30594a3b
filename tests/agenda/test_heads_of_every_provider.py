"""Asked for its first few items of each part of the list (the home page), every agenda
provider reads only the rows that can be among them (``due.heads``, ``outreach.heads``,
the keep-in-touch index), and gives the same heads as its whole list, in a generated
account with many of each kind due, overdue and coming up."""

import datetime
import zoneinfo

import pytest
import time_machine

from bench.generate import generate
from coffeechat.accounts.models import Profile
from coffeechat.due import ahead, part, providers
from tests.conftest import make_user

NOW = datetime.datetime(2026, 2, 18, 10, 15, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
TODAY = NOW.date()
FIRST = 3


@pytest.fixture
def student(db):
    with time_machine.travel(NOW, tick=False):
        student = make_user("heads", time_zone="America/New_York", use_3b7=True)
        generate(
            student,
            contacts=600,
            organizations=150,
            with_interviews=True,
            with_messages=True,
            interviews=400,
            messages=2500,
            seed=11,
        )
    Profile.objects.filter(owner=student).update(time_zone="America/New_York")
    return student


def heads_by_part(items):
    found = {}
    for item in sorted(items, key=lambda item: (item.due, item.starts_at or NOW)):
        found.setdefault(part(item.due, TODAY), []).append(item.due)
    return {key: days[:FIRST] for key, days in found.items()}


def as_rows(items):
    return {tuple(sorted(item.as_json().items())) for item in items}


NARROWED = ["follow_up_items", "meetings", "reflections", "thank_yous", "todos", "keep_in_touch"]


def test_the_first_few_are_the_heads_of_the_whole_list(student):
    by_name = {provider.__name__: provider for provider in providers()}
    with time_machine.travel(NOW, tick=False):
        for name in NARROWED:
            whole = list(by_name[name](student, TODAY, until=ahead(TODAY)))
            few = list(by_name[name](student, TODAY, until=ahead(TODAY), first=FIRST))

            assert as_rows(few) <= as_rows(whole), name
            assert heads_by_part(few) == heads_by_part(whole), name
            # More of each than the first few show: the narrowing was at work.
            assert len(few) < len(whole), name
