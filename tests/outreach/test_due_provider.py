"""Follow-ups, 3B7's second person and letting go, as the agenda sees them."""

import datetime

import pytest

from coffeechat.accounts.models import Profile
from coffeechat.contacts.models import Contact
from coffeechat.conversations import moves
from coffeechat.outreach.due import follow_up_items
from tests.outreach.conftest import make_message

MON = datetime.date(2025, 11, 3)
FRI = datetime.date(2025, 11, 7)


def day(n, start=MON):
    return start + datetime.timedelta(days=n)


def settings_for(owner, **values):
    Profile.objects.filter(owner=owner).update(**values)


@pytest.fixture
def grace(owner, ionic):
    return Contact.objects.create(
        owner=owner, first_name="Grace", last_name="Ho", organization=ionic, field="Chemistry"
    )


def test_nothing_is_due_the_day_before_the_wait_ends(owner, ada):
    make_message(owner, ada, sent_on=MON)
    assert follow_up_items(owner, day(6)) == []


def test_a_follow_up_is_due_on_the_day_the_wait_ends(owner, ada):
    request = make_message(owner, ada, sent_on=MON)
    [item] = follow_up_items(owner, day(7))
    assert item.as_json() == {
        "kind": "follow-up",
        "contact_id": ada.pk,
        "contact": "Ada Singh",
        "due": "2025-11-10",
        "title": "Follow up with Ada Singh (no reply since 3 Nov)",
        "url": f"/outreach/compose/?follow_up_to={request.pk}",
        "starts_at": None,
        "ends_at": None,
    }
    # Still there, with the same due date, days later.
    assert follow_up_items(owner, day(20))[0].due == day(7)


def test_the_wait_comes_from_the_profile(owner, ada):
    settings_for(owner, follow_up_after_days=14)
    make_message(owner, ada, sent_on=MON)
    assert follow_up_items(owner, day(13)) == []
    assert follow_up_items(owner, day(14))[0].due == day(14)


def test_the_sent_date_is_the_students_local_date(owner, ada):
    settings_for(owner, time_zone="America/Los_Angeles")
    message = make_message(owner, ada)
    # 03:00 UTC on the 4th is still the evening of the 3rd in California.
    message.state = "sent"
    message.sent_at = datetime.datetime(2025, 11, 4, 3, 0, tzinfo=datetime.UTC)
    message.save()
    assert follow_up_items(owner, day(6)) == []
    assert follow_up_items(owner, day(7))[0].due == day(7)


def test_drafts_and_answered_requests_need_no_follow_up(owner, ada):
    make_message(owner, ada)
    moves.answered(make_message(owner, ada, sent_on=MON))
    assert follow_up_items(owner, day(30)) == []


def test_another_users_messages_are_not_yours_to_follow_up(owner, outsider, ada):
    other = Contact.objects.create(owner=outsider, first_name="Ola")
    make_message(outsider, other, sent_on=MON)
    assert follow_up_items(owner, day(30)) == []


def test_after_the_follow_up_goes_unanswered_someone_else_is_suggested(owner, ada, grace):
    request = make_message(owner, ada, sent_on=MON)
    make_message(owner, ada, kind="follow-up", follow_up_to=request, sent_on=day(8))
    assert follow_up_items(owner, day(14)) == []  # the follow-up's own wait
    [item] = follow_up_items(owner, day(15))
    assert item.kind == "try-someone-else"
    assert item.due == day(15)
    assert item.contact_id == ada.pk
    assert item.title == (
        "No reply from Ada Singh after your follow-up: try Grace Ho at Ionic Labs"
    )
    assert item.url == f"/outreach/messages/{request.pk}/"


def test_someone_in_the_same_field_is_suggested_when_no_one_shares_the_organization(owner, ada):
    Contact.objects.create(owner=owner, first_name="Lin", last_name="Wu", field="chemistry")
    request = make_message(owner, ada, sent_on=MON)
    make_message(owner, ada, kind="follow-up", follow_up_to=request, sent_on=day(8))
    [item] = follow_up_items(owner, day(15))
    assert item.title.endswith("try Lin Wu in chemistry")


def test_with_no_one_to_suggest_it_still_says_to_let_go(owner, ada):
    request = make_message(owner, ada, sent_on=MON)
    make_message(owner, ada, kind="follow-up", follow_up_to=request, sent_on=day(8))
    [item] = follow_up_items(owner, day(15))
    assert item.title == (
        "No reply from Ada Singh after your follow-up: let it go and try someone else"
    )


def test_people_already_written_to_are_not_suggested(owner, ada, grace):
    make_message(owner, grace)
    request = make_message(owner, ada, sent_on=MON)
    make_message(owner, ada, kind="follow-up", follow_up_to=request, sent_on=day(8))
    [item] = follow_up_items(owner, day(15))
    assert "Grace" not in item.title


def test_letting_go_ends_the_reminders(owner, ada, grace):
    request = make_message(owner, ada, sent_on=MON)
    make_message(owner, ada, kind="follow-up", follow_up_to=request, sent_on=day(8))
    moves.let_go(request)
    assert follow_up_items(owner, day(40)) == []


def test_a_reply_to_the_follow_up_ends_the_reminders(owner, ada):
    request = make_message(owner, ada, sent_on=MON)
    follow_up = make_message(owner, ada, kind="follow-up", follow_up_to=request, sent_on=day(8))
    moves.answered(follow_up)
    assert follow_up_items(owner, day(40)) == []


def test_an_unsent_follow_up_draft_leaves_the_follow_up_due(owner, ada):
    request = make_message(owner, ada, sent_on=MON)
    make_message(owner, ada, kind="follow-up", follow_up_to=request)
    assert [i.kind for i in follow_up_items(owner, day(7))] == ["follow-up"]


class TestThe3B7Routine:
    @pytest.fixture(autouse=True)
    def on(self, owner):
        settings_for(owner, use_3b7=True)

    def test_day_3_in_business_days_suggests_a_second_person(self, owner, ada, grace):
        make_message(owner, ada, sent_on=FRI)
        assert follow_up_items(owner, datetime.date(2025, 11, 11)) == []  # business day 2
        [item] = follow_up_items(owner, datetime.date(2025, 11, 12))  # Wednesday: day 3
        assert item.kind == "second-contact"
        assert item.due == datetime.date(2025, 11, 12)
        assert item.title == (
            "Write to a second person at Ionic Labs: Grace Ho (no reply from Ada Singh since 7 Nov)"
        )
        assert item.url == f"/outreach/compose/?contact={grace.pk}"

    def test_day_7_in_business_days_is_the_follow_up(self, owner, ada):
        make_message(owner, ada, sent_on=FRI)
        assert follow_up_items(owner, datetime.date(2025, 11, 17)) == []  # day 6
        [item] = follow_up_items(owner, datetime.date(2025, 11, 18))  # Tuesday: day 7
        assert (item.kind, item.due) == ("follow-up", datetime.date(2025, 11, 18))

    def test_no_second_person_without_a_colleague_at_the_organization(self, owner, ada):
        Contact.objects.create(owner=owner, first_name="Lin", field="Chemistry")
        make_message(owner, ada, sent_on=FRI)
        assert follow_up_items(owner, datetime.date(2025, 11, 12)) == []

    def test_writing_to_the_second_person_clears_the_suggestion(self, owner, ada, grace):
        make_message(owner, ada, sent_on=FRI)
        make_message(owner, grace)  # a draft to Grace, written after the request
        assert follow_up_items(owner, datetime.date(2025, 11, 12)) == []


def test_the_number_of_queries_does_not_grow_with_the_data(owner, ionic, django_assert_num_queries):
    def threads(count):
        for n in range(count):
            person = Contact.objects.create(
                owner=owner, first_name=f"P{n}", organization=ionic, field="Chemistry"
            )
            request = make_message(owner, person, sent_on=MON)
            if n % 2:
                make_message(owner, person, kind="follow-up", follow_up_to=request, sent_on=day(8))
        Contact.objects.create(owner=owner, first_name="Spare", organization=ionic)

    settings_for(owner, use_3b7=True)
    threads(1)
    # The profile, the open requests, the people to suggest.
    with django_assert_num_queries(3):
        assert follow_up_items(owner, day(30))
    threads(30)
    with django_assert_num_queries(3):
        assert len(follow_up_items(owner, day(30))) >= 31


def test_with_nothing_sent_the_query_count_is_the_same(owner, django_assert_num_queries):
    with django_assert_num_queries(3):
        assert follow_up_items(owner, MON) == []
