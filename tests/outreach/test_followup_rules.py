import datetime

import pytest

from coffeechat.outreach.followup import (
    Step,
    Thread,
    add_business_days,
    follow_up_due,
    next_steps,
    second_contact_due,
)

MON = datetime.date(2025, 11, 3)
FRI = datetime.date(2025, 11, 7)


def day(n, start=MON):
    return start + datetime.timedelta(days=n)


def test_a_follow_up_is_due_on_the_day_the_wait_ends_not_before():
    thread = Thread(request_sent_on=MON)
    assert next_steps(thread, day(6), wait_days=7, use_3b7=False) == []
    assert next_steps(thread, day(7), wait_days=7, use_3b7=False) == [Step("follow-up", day(7))]
    assert next_steps(thread, day(30), wait_days=7, use_3b7=False) == [Step("follow-up", day(7))]


def test_the_wait_is_the_students_choice():
    thread = Thread(request_sent_on=MON)
    assert next_steps(thread, day(13), wait_days=14, use_3b7=False) == []
    assert next_steps(thread, day(14), wait_days=14, use_3b7=False)[0].due == day(14)


@pytest.mark.parametrize(
    "start,days,expected",
    [
        (MON, 3, datetime.date(2025, 11, 6)),  # Thu
        (FRI, 1, datetime.date(2025, 11, 10)),  # the weekend is skipped
        (FRI, 3, datetime.date(2025, 11, 12)),
        (FRI, 7, datetime.date(2025, 11, 18)),
        (datetime.date(2025, 11, 8), 1, datetime.date(2025, 11, 10)),  # sent on a Saturday
        (MON, 0, MON),
    ],
)
def test_business_days_skip_weekends(start, days, expected):
    assert add_business_days(start, days) == expected


def test_3b7_counts_business_days_across_a_weekend():
    thread = Thread(request_sent_on=FRI)
    assert second_contact_due(FRI) == datetime.date(2025, 11, 12)
    assert follow_up_due(FRI, wait_days=7, use_3b7=True) == datetime.date(2025, 11, 18)
    # Tuesday 11th is business day 2: nothing yet.
    assert next_steps(thread, datetime.date(2025, 11, 11), wait_days=7, use_3b7=True) == []
    assert next_steps(thread, datetime.date(2025, 11, 12), wait_days=7, use_3b7=True) == [
        Step("second-contact", datetime.date(2025, 11, 12))
    ]
    assert [
        s.kind for s in next_steps(thread, datetime.date(2025, 11, 17), wait_days=7, use_3b7=True)
    ] == ["second-contact"]
    assert next_steps(thread, datetime.date(2025, 11, 18), wait_days=7, use_3b7=True) == [
        Step("second-contact", datetime.date(2025, 11, 12)),
        Step("follow-up", datetime.date(2025, 11, 18)),
    ]


def test_after_the_one_follow_up_it_is_time_to_try_someone_else():
    thread = Thread(request_sent_on=MON, follow_up_sent_on=day(8))
    assert next_steps(thread, day(14), wait_days=7, use_3b7=False) == []
    assert next_steps(thread, day(15), wait_days=7, use_3b7=False) == [
        Step("try-someone-else", day(15))
    ]


def test_a_reply_or_letting_go_ends_everything():
    for thread in (
        Thread(request_sent_on=MON, replied=True),
        Thread(request_sent_on=MON, follow_up_sent_on=day(8), replied=True),
        Thread(request_sent_on=MON, follow_up_sent_on=day(8), let_go=True),
    ):
        assert next_steps(thread, day(60), wait_days=7, use_3b7=True) == []


def test_negative_business_days_are_refused():
    with pytest.raises(ValueError):
        add_business_days(MON, -1)
