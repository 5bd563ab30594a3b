"""A sent request's page says when following up, then letting go, become the right step."""

import datetime
import re

import time_machine

from tests.outreach.conftest import make_message

MONDAY = datetime.date(2026, 3, 2)  # the request goes out; the default wait is 7 days


def said(page, element_id):
    match = re.search(rf'id="{element_id}">(.*?)</p>', page.text, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1))


def page_on(client, message, day):
    with time_machine.travel(datetime.datetime(2026, day.month, day.day, 15), tick=False):
        client.force_login(message.owner)
        return client.get(f"/outreach/messages/{message.pk}/")


def test_before_the_wait_is_over_it_names_the_day_to_follow_up(owner_client, owner, ada):
    request = make_message(owner, ada, sent_on=MONDAY)

    page = page_on(owner_client, request, datetime.date(2026, 3, 4))

    assert "Give them until Monday 9 March" in said(page, "follow-up-when")
    assert "Write the follow-up now" in page.text
    assert "comes after one follow-up" in said(page, "let-go-when")


def test_once_the_wait_is_over_it_is_time_to_follow_up(owner_client, owner, ada):
    request = make_message(owner, ada, sent_on=MONDAY)

    page = page_on(owner_client, request, datetime.date(2026, 3, 9))

    assert "It's time for one follow-up" in said(page, "follow-up-when")
    assert "Write the follow-up now" not in page.text


def test_after_the_follow_up_it_names_the_day_to_let_go(owner_client, owner, ada):
    request = make_message(owner, ada, sent_on=MONDAY)
    make_message(
        owner, ada, sent_on=datetime.date(2026, 3, 9), kind="follow-up", follow_up_to=request
    )

    page = page_on(owner_client, request, datetime.date(2026, 3, 10))

    assert "still no answer by Monday 16 March" in said(page, "let-go-when")


def test_when_the_follow_up_went_unanswered_too_it_is_time_to_let_go(owner_client, owner, ada):
    request = make_message(owner, ada, sent_on=MONDAY)
    make_message(
        owner, ada, sent_on=datetime.date(2026, 3, 9), kind="follow-up", follow_up_to=request
    )

    page = page_on(owner_client, request, datetime.date(2026, 3, 17))

    assert "It's time to let this one go" in said(page, "let-go-when")
