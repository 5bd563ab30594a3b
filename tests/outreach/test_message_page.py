"""A message's page: the four ways to send it, and recording what happened."""

import datetime
import email
import email.policy
import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import time_machine

from coffeechat.conversations import moves
from coffeechat.outreach.models import Message
from tests.outreach.conftest import free_port, make_message

GOOD_BODY = (
    "Dear Professor Singh,\n\n"
    "I'm Olivia, a chemistry student at Wellesley. Your lab's work on sodium-ion cells "
    "caught my eye, and I'd love to hear how you came to it.\n\n"
    "Would you have 20 minutes next week for a short call?\n\n"
    "Thank you for considering it,\nOlivia"
)
BAD_BODY = "Dear {{ their_title }},\n\nCould we talk for 20 minutes next week?\n\nThanks, Olivia"


@pytest.fixture
def draft(owner, ada):
    return make_message(owner, ada, subject="A question about your work", body=GOOD_BODY)


@pytest.fixture
def bad_draft(owner, ada):
    return make_message(owner, ada, subject="A question", body=BAD_BODY)


def mailto_from(page_html):
    match = re.search(r'<a href="(mailto:[^"]*)"[^>]*id="mailto-link"', page_html)
    return html.unescape(match.group(1))


def test_the_page_shows_the_message_and_the_ways_to_send_it(owner_client, draft):
    response = owner_client.get(f"/outreach/messages/{draft.pk}/")
    assert response.status_code == 200
    assert "A question about your work" in response.text
    assert 'id="mailto-link"' in response.text
    assert f"/outreach/messages/{draft.pk}/message.eml" in response.text
    assert "Send now" not in response.text  # SMTP isn't configured


def test_the_mailto_link_carries_the_address_subject_and_body(owner_client, draft):
    url = mailto_from(owner_client.get(f"/outreach/messages/{draft.pk}/").text)
    parts = urlsplit(url)
    assert unquote(parts.path) == "ada@ioniclabs.example"  # the primary address
    query = parse_qs(parts.query)
    assert query["subject"] == ["A question about your work"]
    assert query["body"] == [GOOD_BODY.replace("\n", "\r\n")]


def test_sending_through_the_mail_app_is_recorded_when_the_student_says_so(owner_client, draft):
    with time_machine.travel(datetime.datetime(2025, 11, 3, 15, tzinfo=datetime.UTC), tick=False):
        response = owner_client.post(f"/outreach/messages/{draft.pk}/sent/", {"via": "mailto"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == "sent"
    assert draft.sent_via == "mailto"
    assert draft.sent_at == datetime.datetime(2025, 11, 3, 15, tzinfo=datetime.UTC)


def test_marking_sent_on_an_earlier_day_records_that_day(owner_client, draft):
    response = owner_client.post(
        f"/outreach/messages/{draft.pk}/sent/", {"via": "manual", "on": "2025-10-28"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.sent_at.date() == datetime.date(2025, 10, 28)


def test_a_future_date_is_refused(owner_client, draft):
    response = owner_client.post(
        f"/outreach/messages/{draft.pk}/sent/", {"on": "2999-01-01"}, follow=True
    )
    assert "That date is in the future" in response.text
    draft.refresh_from_db()
    assert draft.state == "draft"


def test_the_eml_download_parses_back(owner_client, draft, owner):
    response = owner_client.get(f"/outreach/messages/{draft.pk}/message.eml")
    assert response.status_code == 200
    assert response["Content-Type"] == "message/rfc822"
    assert 'filename="message-to-ada-singh.eml"' in response["Content-Disposition"]
    parsed = email.message_from_bytes(response.content, policy=email.policy.default)
    assert parsed["Subject"] == "A question about your work"
    assert parsed["To"].addresses[0].addr_spec == "ada@ioniclabs.example"
    assert parsed["X-Unsent"] == "1"
    assert parsed.get_content().replace("\r\n", "\n").strip() == GOOD_BODY
    draft.refresh_from_db()
    assert draft.state == "draft"  # downloading is not sending


class TestSendAnyway:
    def test_a_message_with_errors_hides_the_send_options_until_asked(
        self, owner_client, bad_draft
    ):
        response = owner_client.get(f"/outreach/messages/{bad_draft.pk}/")
        assert 'id="mailto-link"' not in response.text
        assert "Send anyway" in response.text
        response = owner_client.get(f"/outreach/messages/{bad_draft.pk}/?send_anyway=1")
        assert 'id="mailto-link"' in response.text
        assert 'name="send_anyway"' in response.text

    def test_marking_it_sent_without_send_anyway_is_refused(self, owner_client, bad_draft):
        response = owner_client.post(
            f"/outreach/messages/{bad_draft.pk}/sent/", {"via": "mailto"}, follow=True
        )
        assert "Not sent: the checker found 1 problem to fix" in response.text
        bad_draft.refresh_from_db()
        assert bad_draft.state == "draft"
        assert bad_draft.sent_at is None

    def test_with_send_anyway_it_goes(self, owner_client, bad_draft):
        owner_client.post(
            f"/outreach/messages/{bad_draft.pk}/sent/", {"via": "mailto", "send_anyway": "on"}
        )
        bad_draft.refresh_from_db()
        assert bad_draft.state == "sent"
        assert bad_draft.sent_at is not None

    def test_the_eml_needs_send_anyway_too(self, owner_client, bad_draft):
        response = owner_client.get(f"/outreach/messages/{bad_draft.pk}/message.eml")
        assert response.status_code == 302
        response = owner_client.get(f"/outreach/messages/{bad_draft.pk}/message.eml?send_anyway=1")
        assert response.status_code == 200

    def test_smtp_needs_send_anyway_too(self, owner_client, bad_draft, smtp_settings, smtp_server):
        _, received = smtp_server
        owner_client.post(f"/outreach/messages/{bad_draft.pk}/send/")
        assert received == []
        bad_draft.refresh_from_db()
        assert bad_draft.state == "draft"
        owner_client.post(f"/outreach/messages/{bad_draft.pk}/send/", {"send_anyway": "on"})
        assert len(received) == 1
        bad_draft.refresh_from_db()
        assert bad_draft.state == "sent"


class TestSmtp:
    def test_send_now_delivers_through_a_real_server_and_marks_sent(
        self, owner_client, draft, smtp_settings, smtp_server
    ):
        _, received = smtp_server
        page = owner_client.get(f"/outreach/messages/{draft.pk}/")
        assert "Send now" in page.text
        assert "From olivia@school.example to ada@ioniclabs.example" in page.text
        moment = datetime.datetime(2025, 11, 3, 15, tzinfo=datetime.UTC)
        with time_machine.travel(moment, tick=False):
            response = owner_client.post(f"/outreach/messages/{draft.pk}/send/", follow=True)
        assert "Sent to ada@ioniclabs.example" in response.text
        [got] = received
        assert got["Subject"] == "A question about your work"
        assert got["To"] == "Ada Singh <ada@ioniclabs.example>"
        assert got["From"] == "Olivia Owner <olivia@school.example>"
        text = got.get_payload(decode=True).decode(got.get_content_charset())
        assert text.replace("\r\n", "\n").strip() == GOOD_BODY
        draft.refresh_from_db()
        assert (draft.state, draft.sent_via, draft.sent_at) == ("sent", "smtp", moment)

    def test_a_server_that_is_down_leaves_the_draft_and_says_why(
        self, owner_client, draft, settings
    ):
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = free_port()
        settings.EMAIL_USE_TLS = False
        settings.OUTREACH_FROM_EMAIL = "olivia@school.example"
        response = owner_client.post(f"/outreach/messages/{draft.pk}/send/", follow=True)
        assert "Not sent: Couldn&#x27;t reach the mail server at 127.0.0.1" in response.text
        assert "The message is still a draft." in response.text
        draft.refresh_from_db()
        assert (draft.state, draft.sent_at) == ("draft", None)

    def test_a_contact_without_an_address_cannot_be_sent_to(
        self, owner_client, draft, ada, smtp_settings, smtp_server
    ):
        ada.emails = []
        ada.save()
        response = owner_client.post(f"/outreach/messages/{draft.pk}/send/", follow=True)
        assert "They have no email address yet" in response.text
        assert smtp_server[1] == []


class TestLinkedIn:
    @pytest.fixture
    def note(self, owner, ada):
        return make_message(
            owner,
            ada,
            channel="linkedin",
            subject="",
            body="Hi Ada, I'd love to hear about your path into chemistry. Could we chat "
            "for 20 minutes? Thank you!",
        )

    def test_the_note_is_ready_to_copy(self, owner_client, note):
        response = owner_client.get(f"/outreach/messages/{note.pk}/")
        assert 'data-copy-target="copy-text"' in response.text
        assert '<textarea id="copy-text" readonly' in response.text
        assert "mailto:" not in response.text
        owner_client.post(f"/outreach/messages/{note.pk}/sent/", {"via": "clipboard"})
        note.refresh_from_db()
        assert (note.state, note.sent_via) == ("sent", "clipboard")

    def test_a_note_is_not_an_email(self, owner_client, note):
        assert owner_client.get(f"/outreach/messages/{note.pk}/message.eml").status_code == 302
        owner_client.post(f"/outreach/messages/{note.pk}/send/")
        note.refresh_from_db()
        assert note.state == "draft"


def test_marking_replied_records_the_date(owner_client, owner, ada):
    sent = make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    response = owner_client.post(f"/outreach/messages/{sent.pk}/replied/", {"on": "2025-11-05"})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.state == "replied"
    assert sent.replied_at.date() == datetime.date(2025, 11, 5)


def test_a_draft_cannot_be_marked_replied(owner_client, draft):
    response = owner_client.post(f"/outreach/messages/{draft.pk}/replied/", follow=True)
    assert "still a draft" in response.text
    draft.refresh_from_db()
    assert draft.state == "draft"


def test_letting_go_after_no_reply(owner_client, owner, ada):
    sent = make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    page = owner_client.get(f"/outreach/messages/{sent.pk}/")
    assert "No reply: let it go" in page.text
    response = owner_client.post(f"/outreach/messages/{sent.pk}/no-reply/", follow=True)
    assert "no more reminders" in response.text
    sent.refresh_from_db()
    assert sent.no_reply_at is not None
    assert "no reply" in owner_client.get(f"/contacts/{ada.pk}/").text


def test_the_page_suggests_someone_else_at_the_organization(owner_client, owner, ada, ionic):
    from coffeechat.contacts.models import Contact

    grace = Contact.objects.create(
        owner=owner, first_name="Grace", last_name="Ho", organization=ionic
    )
    sent = make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    response = owner_client.get(f"/outreach/messages/{sent.pk}/")
    assert f"/outreach/compose/?contact={grace.pk}" in response.text
    assert "also at Ionic Labs" in response.text


def test_post_only_actions_refuse_get(owner_client, draft):
    for action in ("sent", "send", "replied", "no-reply"):
        assert owner_client.get(f"/outreach/messages/{draft.pk}/{action}/").status_code == 405


def test_a_draft_can_be_edited_with_the_live_check(owner_client, draft):
    page = owner_client.get(f"/outreach/messages/{draft.pk}/edit/")
    assert page.status_code == 200
    assert 'hx-post="/outreach/check/"' in page.text
    response = owner_client.post(
        f"/outreach/messages/{draft.pk}/edit/",
        {"channel": "email", "kind": "request", "subject": "New subject", "body": GOOD_BODY},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.subject == "New subject"


def test_a_sent_message_cannot_be_edited(owner_client, owner, ada):
    sent = make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    response = owner_client.post(
        f"/outreach/messages/{sent.pk}/edit/",
        {"channel": "email", "kind": "request", "subject": "Changed", "body": "Changed"},
    )
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.body != "Changed"


def test_deleting_a_message_asks_first(owner_client, draft, ada):
    assert "Delete this message?" in owner_client.get(f"/outreach/messages/{draft.pk}/delete/").text
    response = owner_client.post(f"/outreach/messages/{draft.pk}/delete/")
    assert response.url == f"/contacts/{ada.pk}/"
    assert not Message.objects.filter(pk=draft.pk).exists()


def test_the_list_filters_by_state(owner_client, owner, ada):
    make_message(owner, ada, subject="Still drafting")
    make_message(owner, ada, subject="Gone out", sent_on=datetime.date(2025, 11, 3))
    everything = owner_client.get("/outreach/").text
    assert "Still drafting" in everything and "Gone out" in everything
    drafts = owner_client.get("/outreach/", {"state": "draft"}).text
    assert "Still drafting" in drafts and "Gone out" not in drafts


def test_an_empty_list_says_what_to_do(owner_client):
    assert "Write your first message" in owner_client.get("/outreach/").text


def test_an_outsider_gets_404_for_every_message_url(outsider_client, draft):
    base = f"/outreach/messages/{draft.pk}/"
    for url in (base, base + "edit/", base + "delete/", base + "message.eml"):
        assert outsider_client.get(url).status_code == 404
    for action in ("sent/", "send/", "replied/", "no-reply/", "delete/", "edit/"):
        assert outsider_client.post(base + action, {"send_anyway": "on"}).status_code == 404
    draft.refresh_from_db()
    assert draft.state == "draft"


def test_the_contact_page_lists_messages_and_offers_to_write(owner_client, draft, ada):
    response = owner_client.get(f"/contacts/{ada.pk}/")
    assert f"/outreach/compose/?contact={ada.pk}" in response.text
    assert draft.get_absolute_url() in response.text


def test_send_now_refuses_a_second_follow_up_before_sending_anything(
    owner_client, owner, ada, smtp_settings, smtp_server
):
    request = make_message(owner, ada, sent_on=datetime.date(2025, 11, 3))
    make_message(
        owner, ada, kind="follow-up", follow_up_to=request, sent_on=datetime.date(2025, 11, 10)
    )
    second = make_message(owner, ada, kind="follow-up", follow_up_to=request, body=GOOD_BODY)
    response = owner_client.post(f"/outreach/messages/{second.pk}/send/", follow=True)
    assert "one follow-up is" in response.text
    assert smtp_server[1] == []


def test_send_now_while_another_send_is_under_way_sends_nothing(
    owner_client, draft, smtp_settings, smtp_server
):
    assert draft.claim_for_smtp()  # another tab is sending it right now
    response = owner_client.post(f"/outreach/messages/{draft.pk}/send/", follow=True)
    assert "being sent already" in response.text
    assert smtp_server[1] == []


def test_a_sent_message_shows_no_fixes_only_a_folded_count_of_the_checkers_notes(
    owner_client, owner, ada
):
    sent = make_message(
        owner, ada, subject="A question", body=BAD_BODY, sent_on=datetime.date(2025, 11, 3)
    )
    page = owner_client.get(f"/outreach/messages/{sent.pk}/").text
    assert 'class="severity"' not in page and "finding-error" not in page
    folded = re.search(r'<details class="check-afterwards".*?</details>', page, re.S).group()
    assert "The checker had" in folded and "{{ their_title }}" in folded


def test_an_answered_message_with_nothing_to_note_shows_no_checker_at_all(owner_client, owner, ada):
    answered = make_message(owner, ada, body=GOOD_BODY, sent_on=datetime.date(2025, 11, 3))
    moves.answered(answered)
    page = owner_client.get(f"/outreach/messages/{answered.pk}/").text
    assert "Checker" not in page and "check-afterwards" not in page


def test_a_draft_still_shows_the_checker_as_things_to_fix(owner_client, bad_draft):
    page = owner_client.get(f"/outreach/messages/{bad_draft.pk}/").text
    assert "finding-error" in page and "check-afterwards" not in page


def test_a_sent_date_typed_in_another_format_says_the_one_it_needs(owner_client, draft):
    response = owner_client.post(
        f"/outreach/messages/{draft.pk}/sent/", {"via": "manual", "on": "3/11/2025"}, follow=True
    )
    assert "Write the date as YYYY-MM-DD, e.g. 2026-03-14, or leave it empty" in response.text
    draft.refresh_from_db()
    assert draft.is_draft


def test_an_answered_date_typed_in_another_format_says_the_one_it_needs(owner_client, owner, ada):
    sent = make_message(owner, ada, body=GOOD_BODY, sent_on=datetime.date(2025, 11, 3))
    response = owner_client.post(
        f"/outreach/messages/{sent.pk}/replied/", {"on": "Nov 5"}, follow=True
    )
    assert "Write the date as YYYY-MM-DD, e.g. 2026-03-14, or leave it empty" in response.text
    sent.refresh_from_db()
    assert sent.replied_at is None


def test_a_message_marked_sent_by_hand_says_so_in_plain_words(owner_client, draft):
    moves.sent(draft)
    page = owner_client.get(draft.get_absolute_url()).text
    assert "(you marked it sent)" in page
    assert "via marked by hand" not in page
