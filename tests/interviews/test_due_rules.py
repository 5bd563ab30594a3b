"""What is due for an interview is one rule, written as a check and as a filter: the two
agree for every stage, before and after the meeting, prepared or not."""

import datetime

import pytest

from coffeechat.interviews.models import (
    Interview,
    due_to_prepare,
    due_to_reflect,
    due_to_thank,
    to_prepare,
    to_reflect,
    to_thank,
)
from tests.interviews.conftest import make_contact

NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.mark.parametrize("stage", Interview.Stage.values)
@pytest.mark.parametrize("starts_in", [-2 * HOUR, 2 * HOUR])
@pytest.mark.parametrize("reflected", [False, True])
def test_the_check_and_the_filter_agree(owner, stage, starts_in, reflected):
    interview = Interview.objects.create(
        owner=owner,
        contact=make_contact(owner),
        stage=stage,
        starts_at=NOW + starts_in,
        ends_at=NOW + starts_in + HOUR / 2,
        reflected_at=NOW if reflected else None,
    )
    found = Interview.objects.filter(pk=interview.pk)
    assert due_to_prepare(interview, NOW, prepared=False) == found.filter(to_prepare(NOW)).exists()
    assert due_to_reflect(interview, NOW) == found.filter(to_reflect(NOW)).exists()
    assert due_to_thank(interview, NOW) == found.filter(to_thank(NOW)).exists()
    assert not due_to_prepare(interview, NOW, prepared=True)
