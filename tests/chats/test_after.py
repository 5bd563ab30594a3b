"""After the conversation: both are asked privately whether it happened, a no-show the
volunteer reports holds back the student's asking for a while, the student is reminded
of the thank-you and sends it in the thread, and the volunteer can offer to talk again
and suggest someone else."""

import datetime as dt
from email.header import decode_header, make_header

import pytest

from coffeechat.chats.clock import tick
from coffeechat.chats.models import ChatMessage, ChatRequest, Debrief, RequestRefused
from coffeechat.interviews.models import Interview
from coffeechat.notifications.models import Notification
from coffeechat.outreach.models import Message
from tests.chats.test_asking import GOOD
from tests.community.conftest import client_for
from tests.community.world import make_profile, open_request, person
from tests.test_hostile_forms import HOSTILE, Forms

THURSDAY = dt.datetime(2026, 3, 5, 23, tzinfo=dt.UTC)  # 18:00 in Boston, 30 minutes
AFTER = THURSDAY + dt.timedelta(minutes=40)
THANKS = (
    "Dear Vera,\n\nThank you for talking with me on Thursday. What you said about night "
    "shifts, and how you chose graduate school, gave me a clear next step: I will ask "
    "the clinic about shadowing a nurse practitioner this spring.\n\nWith thanks,\nSam"
)


def met(world, clock):
    """A request accepted for Thursday, with the clock moved to just after it."""
    chat = open_request(world.student, world.profile, student_time_zone="Europe/London")
    chat.accept(THURSDAY)
    clock.move_to(AFTER)
    return chat


def page_of(user, chat) -> str:
    response = client_for(user).get(f"/network/requests/{chat.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def subjects(user, kind) -> list[str]:
    return list(
        Notification.objects.filter(owner=user, kind=kind).values_list("subject", flat=True)
    )


def test_both_are_asked_once_after_the_meeting_and_the_student_hears_of_the_thank_you(
    world, clock, smtp_settings, smtp_server, django_capture_on_commit_callbacks
):
    _, received = smtp_server
    chat = open_request(world.student, world.profile)
    chat.accept(THURSDAY)
    tick(THURSDAY + dt.timedelta(minutes=10))  # still talking
    assert not Notification.objects.filter(subject__startswith="Did your").exists()
    with django_capture_on_commit_callbacks(execute=True):
        tick(AFTER)
        tick(AFTER + dt.timedelta(minutes=10))
    assert subjects(world.student, "meeting") == ["Did your conversation with Vera Núñez happen?"]
    assert subjects(world.volunteer, "meeting") == [
        "Did your conversation with Sam Student happen?"
    ]
    (thank_you,) = subjects(world.student, "thank-you")
    assert thank_you == "Thank Vera Núñez by 6 Mar, 18:30"  # on the student's clock, New York
    to_student = [m["Subject"] for m in received if m["To"] == "sam@students.example.edu"]
    assert [str(make_header(decode_header(subject))) for subject in to_student] == [
        "Did your conversation with Vera Núñez happen?",
        "Thank Vera Núñez by 6 Mar, 18:30",
    ]
    assert not subjects(world.volunteer, "thank-you")


def test_a_conversation_already_thanked_gets_no_reminder(world, clock):
    chat = met(world, clock)
    chat.interview.mark_done()
    chat.interview.mark_thanked()
    tick(AFTER)
    assert not subjects(world.student, "thank-you")


def test_each_answers_privately_and_the_student_saying_yes_marks_the_conversation_done(
    world, clock
):
    chat = met(world, clock)
    student, volunteer = client_for(world.student), client_for(world.volunteer)
    url = f"/network/requests/{chat.pk}/after/"
    student.post(url, {"happened": "met", "feedback": "Kinder than I feared"})
    volunteer.post(url, {"happened": "met", "feedback": "Sharp questions, a bit rushed"})
    assert "Kinder than I feared" in page_of(world.student, chat)
    assert "Sharp questions" not in page_of(world.student, chat)
    assert "Sharp questions" in page_of(world.volunteer, chat)
    assert "Kinder than I feared" not in page_of(world.volunteer, chat)
    assert Interview.objects.get(owner=world.student).stage == Interview.Stage.DONE
    # Changing one's answer is one row, not two.
    student.post(url, {"happened": "off"})
    assert Debrief.objects.filter(request=chat).count() == 2


def test_nothing_is_asked_before_the_meeting(world, clock):
    chat = open_request(world.student, world.profile)
    chat.accept(THURSDAY)
    page = client_for(world.student).post(
        f"/network/requests/{chat.pk}/after/", {"happened": "met"}, follow=True
    )
    assert "say how it went afterwards" in page.content.decode()
    assert 'id="after"' not in page.content.decode()
    assert not Debrief.objects.exists()


def ask_nia(world, nia):
    return ChatRequest.ask(
        world.student,
        nia,
        topic="field",
        body=GOOD.replace("Vera", "Nia"),
        proposed=[],
        student_time_zone="Europe/London",
    )


def test_a_no_show_the_volunteer_reports_takes_a_place_for_the_office_s_period(
    world, clock, settings
):
    settings.NETWORK_OPEN_REQUESTS = 1
    settings.NETWORK_NO_SHOW_DAYS = 30
    nia = make_profile(person("nia", "volunteer", name="Nia Nurse"), monthly_capacity=5)
    chat = met(world, clock)
    # The student's own "they didn't come" limits no one.
    client_for(world.student).post(f"/network/requests/{chat.pk}/after/", {"happened": "no-show"})
    client_for(world.volunteer).post(f"/network/requests/{chat.pk}/after/", {"happened": "met"})
    ask_nia(world, nia).withdraw()
    client_for(world.volunteer).post(f"/network/requests/{chat.pk}/after/", {"happened": "no-show"})
    with pytest.raises(RequestRefused, match="a conversation you missed recently counts"):
        ask_nia(world, nia)
    page = client_for(world.student).get(f"/network/requests/ask/{nia.pk}/").content.decode()
    assert "stops on 5 April" in page  # 23:00 UTC on the 4th is past midnight in London
    clock.move_to(THURSDAY + dt.timedelta(days=30, minutes=1))
    assert ask_nia(world, nia).is_open


def test_no_show_days_at_zero_never_limit(world, clock, settings):
    settings.NETWORK_OPEN_REQUESTS = 1
    settings.NETWORK_NO_SHOW_DAYS = 0
    nia = make_profile(person("nia", "volunteer", name="Nia Nurse"), monthly_capacity=5)
    chat = met(world, clock)
    client_for(world.volunteer).post(f"/network/requests/{chat.pk}/after/", {"happened": "no-show"})
    assert ask_nia(world, nia).is_open


def test_the_volunteer_offers_to_talk_again_and_suggests_someone_the_student_can_ask(world, clock):
    nia = make_profile(person("nia", "volunteer", name="Nia Nurse"))
    chat = met(world, clock)
    volunteer = client_for(world.volunteer)
    url = f"/network/requests/{chat.pk}/after/"
    volunteer.post(
        url,
        {
            "happened": "met",
            "again": "on",
            "suggest": f"https://careers.example.edu/network/people/{nia.pk}/",
            "suggestion_note": "She runs the night clinic",
        },
    )
    page = page_of(world.student, chat)
    assert "Vera Núñez is happy to talk with you again" in page
    assert f'href="/network/requests/ask/{nia.pk}/"' in page
    assert "She runs the night clinic" in page
    (told,) = subjects(world.student, "message")
    assert told == "Vera Núñez suggests you talk to Nia Nurse"
    # Naming oneself, or a name two people share, is refused with a reason.
    volunteer.post(url, {"happened": "met", "suggest": "Vera Núñez"})
    assert Debrief.objects.get(author=world.volunteer).suggested == nia
    make_profile(person("nia2", "volunteer", name="Nia Nurse"))
    response = volunteer.post(url, {"happened": "met", "suggest": "nia nurse"}, follow=True)
    assert "More than one person has that name" in response.content.decode()


def test_the_thank_you_is_drafted_from_the_notes_and_sent_in_the_thread(world, clock):
    chat = met(world, clock)
    student = client_for(world.student)
    url = f"/network/requests/{chat.pk}/thank-you/"
    assert "Draft it from my notes" in page_of(world.student, chat)
    student.post(url, {"action": "draft"})
    draft = Message.objects.get(owner=world.student, kind="thank-you")
    assert draft.is_draft and draft.interview_id == chat.interview_id
    assert "Send it in our thread" in page_of(world.student, chat)
    student.post(url, {"body": THANKS})
    draft.refresh_from_db()
    assert draft.state == "sent" and draft.body == THANKS
    (posted,) = ChatMessage.objects.filter(request=chat)
    assert posted.author == world.student and posted.body == THANKS
    assert Interview.objects.get(owner=world.student).stage == Interview.Stage.THANKED
    assert subjects(world.volunteer, "message") == ["Sam Student wrote to you"]
    assert "marked thanked" in page_of(world.student, chat)


def test_a_thank_you_the_checker_faults_is_not_sent_and_keeps_its_words(world, clock):
    chat = met(world, clock)
    student = client_for(world.student)
    url = f"/network/requests/{chat.pk}/thank-you/"
    student.post(url, {"action": "draft"})
    faulty = THANKS.replace("this spring", "this spring [date]")
    page = student.post(url, {"body": faulty}, follow=True).content.decode()
    assert "found something to fix" in page
    assert not ChatMessage.objects.exists()
    assert Message.objects.get(kind="thank-you").body == faulty


def test_the_volunteer_has_no_thank_you_to_send(world, clock):
    chat = met(world, clock)
    response = client_for(world.volunteer).post(
        f"/network/requests/{chat.pk}/thank-you/", {"body": THANKS}
    )
    assert response.status_code == 403  # a volunteer only: not a student's move
    assert not ChatMessage.objects.exists()


@pytest.mark.parametrize("side", ["student", "volunteer"])
def test_every_form_on_a_met_request_s_page_survives_hostile_input(world, clock, side):
    """The role × URL walk opens a waiting request; here the forms only a conversation
    that took place shows (after, thank-you, report, block) get the hostile values."""
    chat = met(world, clock)
    user = getattr(world, side)
    client = client_for(user)
    client.post(f"/network/requests/{chat.pk}/thank-you/", {"action": "draft"})
    parser = Forms()
    parser.feed(client.get(f"/network/requests/{chat.pk}/").content.decode())
    actions = {form["action"] for form in parser.forms}
    assert f"/network/requests/{chat.pk}/after/" in actions
    assert (f"/network/requests/{chat.pk}/thank-you/" in actions) == (side == "student")
    for form in parser.forms:
        if form["action"] == "/accounts/logout/":
            continue
        for turn, _ in enumerate(HOSTILE):
            data = {
                field: HOSTILE[(turn + offset) % len(HOSTILE)]
                for offset, field in enumerate(form["fields"])
            }
            response = client.post(form["action"], data)
            assert response.status_code < 500, f"{form['action']} with {data!r}"
    assert client.get(f"/network/requests/{chat.pk}/").status_code == 200


def test_a_meeting_found_days_late_is_not_asked_about(world, clock):
    open_request(world.student, world.profile).accept(THURSDAY)
    tick(THURSDAY + dt.timedelta(days=3))
    assert not Notification.objects.filter(kind__in=["meeting", "thank-you"]).exists()
