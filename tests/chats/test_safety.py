"""Report and block, from either side: a report reaches the advisers of the two people's
communities with the thread to read; a block stops new requests and messages between the
pair, says so, and only the one who blocked can lift it."""

import pytest

from coffeechat.chats.models import Block, ChatMessage, ChatRequest, Report, RequestRefused
from coffeechat.community.models import CareerCommunity
from coffeechat.notifications.models import Notification
from tests.chats.test_asking import GOOD
from tests.community.conftest import client_for
from tests.community.world import open_request


def test_a_report_reaches_the_advisers_of_their_community_who_read_it_with_the_thread(world):
    chat = open_request(world.student, world.profile)
    ChatMessage.post(chat, world.volunteer, "Send me your bank details first.")
    client_for(world.student).post(
        f"/network/requests/{chat.pk}/report/", {"reason": "pressure", "note": "Asked for money"}
    )
    report = Report.objects.get()
    assert report.author == world.student and report.reason == "pressure"
    (notice,) = Notification.objects.filter(kind="report")
    assert notice.owner == world.adviser and notice.url == f"/network/requests/reports/{report.pk}/"
    page = client_for(world.adviser).get(notice.url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Send me your bank details first." in text and "Asked for money" in text
    # Out of scope: the adviser of another community, and the people in the request.
    assert client_for(world.other_adviser).get(notice.url).status_code == 404
    assert client_for(world.volunteer).get(notice.url).status_code == 403
    assert client_for(world.administrator).get(notice.url).status_code == 200


def test_without_an_adviser_in_their_communities_the_administrators_hear(world):
    CareerCommunity.objects.all().delete()
    chat = open_request(world.student, world.profile)
    client_for(world.volunteer).post(
        f"/network/requests/{chat.pk}/report/", {"reason": "other", "note": "Odd messages"}
    )
    assert list(Notification.objects.filter(kind="report").values_list("owner", flat=True)) == [
        world.administrator.pk
    ]


def test_a_report_of_something_else_needs_words(world):
    chat = open_request(world.student, world.profile)
    page = client_for(world.student).post(
        f"/network/requests/{chat.pk}/report/", {"reason": "other"}, follow=True
    )
    assert "Write a few words" in page.content.decode()
    assert not Report.objects.exists()


def ask(world):
    return ChatRequest.ask(
        world.student,
        world.profile,
        topic="field",
        body=GOOD,
        proposed=[],
        student_time_zone="Europe/London",
    )


def test_a_block_stops_requests_and_messages_both_ways_until_the_blocker_lifts_it(world):
    world.profile.monthly_capacity = 5
    world.profile.save()
    chat = open_request(world.student, world.profile)
    chat.withdraw()
    chat = ChatRequest.objects.create(
        student=world.student,
        volunteer=world.profile,
        body="Hello",
        expires_at=chat.expires_at,
        state=ChatRequest.State.DECLINED,
    )
    volunteer, student = client_for(world.volunteer), client_for(world.student)
    volunteer.post(f"/network/requests/{chat.pk}/block/")
    assert Block.objects.get().blocker == world.volunteer
    page = student.get(f"/network/requests/{chat.pk}/").content.decode()
    assert "Vera Núñez has blocked new requests and messages from you." in page
    assert (
        "You blocked Sam Student" in volunteer.get(f"/network/requests/{chat.pk}/").content.decode()
    )
    with pytest.raises(RequestRefused, match="Vera Núñez has blocked"):
        ask(world)
    ask_page = student.get(f"/network/requests/ask/{world.profile.pk}/").content.decode()
    assert "has blocked new requests and messages from you" in ask_page
    response = student.post(f"/network/requests/{chat.pk}/messages/", {"body": "Why?"}, follow=True)
    assert "has blocked" in response.content.decode()
    with pytest.raises(RequestRefused, match="You blocked this person"):
        ChatMessage.post(chat, world.volunteer, "One more thing")
    assert not ChatMessage.objects.exists()
    # Only the one who blocked can undo it.
    refused = student.post(f"/network/requests/{chat.pk}/unblock/", follow=True)
    assert "no block of yours" in refused.content.decode()
    assert Block.objects.exists()
    volunteer.post(f"/network/requests/{chat.pk}/unblock/")
    assert not Block.objects.exists()
    assert ask(world).is_open


def test_a_volunteers_page_leaves_out_the_ask_while_a_block_stands_and_says_which_way(world):
    world.profile.monthly_capacity = 5
    world.profile.save()
    student = client_for(world.student)
    ask_link = f'href="/network/requests/ask/{world.profile.pk}/"'
    assert ask_link in student.get(world.profile.get_absolute_url()).content.decode()

    Block.block(world.volunteer, world.student)
    page = student.get(world.profile.get_absolute_url()).content.decode()
    assert ask_link not in page
    assert "Vera Núñez has blocked new requests and messages from you" in page

    Block.unblock(world.volunteer, world.student)
    Block.block(world.student, world.volunteer)
    page = student.get(world.profile.get_absolute_url()).content.decode()
    assert ask_link not in page
    assert "You blocked Vera Núñez" in page and "lift the block" in page
    assert "Not taking requests from you" in page and "more this month" not in page

    Block.unblock(world.student, world.volunteer)
    assert ask_link in student.get(world.profile.get_absolute_url()).content.decode()
