"""The home page's list of what is due."""

import datetime

import time_machine

from coffeechat.accounts.models import Profile
from tests.outreach.conftest import make_message


def test_a_due_follow_up_shows_on_the_home_page(owner_client, owner, ada):
    request = make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    with time_machine.travel(datetime.datetime(2025, 11, 9, 12, tzinfo=datetime.UTC)):
        before = owner_client.get("/").text
    # The day before, it is coming up, worded as what to do if no answer comes.
    assert "Follow up with Ada Singh (no reply" not in before
    assert "Follow up with Ada Singh if they haven&#x27;t answered by then" in before
    assert 'data-kind="follow-up" data-due="2025-11-10"' in before
    with time_machine.travel(datetime.datetime(2025, 11, 10, 12, tzinfo=datetime.UTC)):
        response = owner_client.get("/")
    assert "Follow up with Ada Singh (no reply since 3 Nov)" in response.text
    assert f"/outreach/compose/?follow_up_to={request.pk}" in response.text
    assert "Today" in response.text


def test_the_home_page_uses_the_students_time_zone(owner, ada, client):
    Profile.objects.filter(owner=owner).update(time_zone="Pacific/Auckland")
    # Noon UTC on 3 Nov is 1 am on 4 Nov in Auckland: the follow-up is due on 11 Nov there.
    make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    client.force_login(owner)
    with time_machine.travel(datetime.datetime(2025, 11, 10, 10, 59, tzinfo=datetime.UTC)):
        assert "Follow up with Ada Singh (no reply" not in client.get("/").text
    # 11:00 UTC on the 10th is already midnight on the 11th in Auckland.
    with time_machine.travel(datetime.datetime(2025, 11, 10, 11, tzinfo=datetime.UTC)):
        assert "Follow up with Ada Singh (no reply since 4 Nov)" in client.get("/").text


def test_with_nothing_due_it_says_what_to_do_next(owner_client, ada):
    response = owner_client.get("/")
    assert "Nothing is due and nothing is coming up." in response.text
    assert 'href="/outreach/compose/"' in response.text


def test_the_home_page_query_count_does_not_grow_with_messages(owner_client, owner, ada):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert owner_client.get("/").status_code == 200
        return len(queries)

    make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    count()  # the first request also remembers the time zone in the session
    few = count()
    for _ in range(30):
        make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    assert count() == few
