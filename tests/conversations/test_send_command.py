"""`coffeechat send`: the message page's "Send now", from the console."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coffeechat.interviews.models import Interview
from coffeechat.outreach.models import Message
from tests.outreach.conftest import make_message
from tests.outreach.test_message_page import BAD_BODY, GOOD_BODY


def send(*args):
    """What the command printed; CommandError with what it printed on stderr if it failed."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("send", *args, stdout=out, stderr=err)
    except SystemExit:
        raise CommandError(err.getvalue()) from None
    return out.getvalue()


def test_it_sends_the_draft_and_the_conversation_moves_along(
    owner, ada, smtp_settings, smtp_server
):
    draft = make_message(owner, ada, body=GOOD_BODY)
    assert "Sent to ada@ioniclabs.example" in send(str(draft.pk), "--user", "olivia")
    draft.refresh_from_db()
    assert draft.state == Message.State.SENT and draft.sent_via == Message.Via.SMTP
    assert len(smtp_server[1]) == 1
    # A request sent outside any conversation starts one, as from the web.
    assert Interview.objects.get(owner=owner, contact=ada).stage == Interview.Stage.REQUESTED


def test_the_checkers_errors_stop_it_unless_sent_anyway(owner, ada, smtp_settings, smtp_server):
    draft = make_message(owner, ada, body=BAD_BODY)
    with pytest.raises(CommandError, match="the checker found 1 problem.*--send-anyway"):
        send(str(draft.pk), "--user", "olivia")
    assert smtp_server[1] == []
    send(str(draft.pk), "--user", "olivia", "--send-anyway")
    assert len(smtp_server[1]) == 1


def test_a_message_sent_already_is_refused(owner, ada, smtp_settings, smtp_server):
    draft = make_message(owner, ada, body=GOOD_BODY)
    send(str(draft.pk), "--user", "olivia")
    with pytest.raises(CommandError, match="already sent"):
        send(str(draft.pk), "--user", "olivia")
    assert len(smtp_server[1]) == 1


def test_someone_elses_message_is_not_found(owner, outsider, ada):
    draft = make_message(owner, ada, body=GOOD_BODY)
    with pytest.raises(CommandError, match="no message number"):
        send(str(draft.pk), "--user", "oscar")


def test_without_a_mail_server_it_says_how_to_set_one_up(owner, ada, settings):
    settings.EMAIL_HOST = ""
    draft = make_message(owner, ada, body=GOOD_BODY)
    with pytest.raises(CommandError, match="isn't set up"):
        send(str(draft.pk), "--user", "olivia")
    draft.refresh_from_db()
    assert draft.state == Message.State.DRAFT
