import datetime

import pytest
import time_machine
from django.utils import timezone

from coffeechat.conversations import moves
from coffeechat.outreach.models import Message
from coffeechat.refusals import Refused
from tests.outreach.conftest import make_message

NOW = datetime.datetime(2025, 11, 3, 15, 0, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_marking_sent_records_when_and_how(owner, ada):
    message = make_message(owner, ada)
    message.mark_sent(via="smtp")
    message.refresh_from_db()
    assert message.state == "sent"
    assert message.sent_at == NOW
    assert message.sent_via == "smtp"


def test_a_message_cannot_be_sent_twice(owner, ada):
    message = make_message(owner, ada)
    message.mark_sent()
    with pytest.raises(Refused, match="already sent"):
        message.mark_sent()


def test_a_draft_cannot_have_a_reply(owner, ada):
    message = make_message(owner, ada)
    with pytest.raises(Refused, match="still a draft"):
        message.mark_replied()
    message.refresh_from_db()
    assert message.state == "draft"
    assert message.replied_at is None


def test_sending_in_the_future_is_refused(owner, ada):
    message = make_message(owner, ada)
    with pytest.raises(Refused, match="future"):
        message.mark_sent(timezone.now() + datetime.timedelta(days=2))


@time_machine.travel(NOW, tick=False)
def test_marking_replied_records_the_date(owner, ada):
    message = make_message(owner, ada, sent_on=datetime.date(2025, 11, 1))
    message.mark_replied()
    message.refresh_from_db()
    assert (message.state, message.replied_at) == ("replied", NOW)
    with pytest.raises(Refused, match="already marked replied"):
        message.mark_replied()


def test_a_reply_cannot_come_before_the_message(owner, ada):
    message = make_message(owner, ada, sent_on=datetime.date(2025, 11, 1))
    with pytest.raises(Refused, match="can't come before"):
        message.mark_replied(datetime.datetime(2025, 10, 1, tzinfo=datetime.UTC))


def test_a_reply_to_the_follow_up_answers_the_request_too(owner, ada):
    request = make_message(owner, ada, sent_on=datetime.date(2025, 11, 1))
    follow_up = make_message(owner, ada, kind="follow-up", follow_up_to=request)
    follow_up.mark_sent()
    follow_up.mark_replied()
    request.refresh_from_db()
    assert request.state == "replied"
    assert request.replied_at == follow_up.replied_at


def test_only_one_follow_up_can_be_sent(owner, ada):
    request = make_message(owner, ada, sent_on=datetime.date(2025, 11, 1))
    make_message(owner, ada, kind="follow-up", follow_up_to=request).mark_sent()
    second = make_message(owner, ada, kind="follow-up", follow_up_to=request)
    with pytest.raises(Refused, match="one follow-up is"):
        second.mark_sent()
    second.refresh_from_db()
    assert second.state == "draft"


def test_letting_a_request_go_is_recorded_on_the_request(owner, ada):
    request = make_message(owner, ada, sent_on=datetime.date(2025, 11, 1))
    follow_up = make_message(owner, ada, kind="follow-up", follow_up_to=request)
    follow_up.mark_sent()
    assert follow_up.mark_no_reply() == request
    request.refresh_from_db()
    assert request.no_reply_at is not None
    with pytest.raises(Refused, match="Already marked"):
        request.mark_no_reply()


def test_a_request_that_got_a_reply_cannot_be_let_go(owner, ada):
    request = make_message(owner, ada, sent_on=datetime.date(2025, 11, 1))
    request.mark_replied()
    with pytest.raises(Refused, match="replied"):
        request.mark_no_reply()
    assert Message.objects.get(pk=request.pk).no_reply_at is None


class TestTheInterviewMovesAlong:
    @pytest.fixture
    def interview(self, owner, ada):
        from coffeechat.interviews.models import Interview

        return Interview.objects.create(owner=owner, contact=ada)

    def test_sending_the_request_marks_the_interview_requested(self, owner, ada, interview):
        message = make_message(owner, ada, interview=interview)
        moves.sent(message)
        interview.refresh_from_db()
        assert interview.stage == "requested"

    def test_a_reply_reaches_the_interview(self, owner, ada, interview):
        message = make_message(owner, ada, interview=interview)
        moves.sent(message)
        moves.answered(message)
        interview.refresh_from_db()
        assert interview.replied_at == message.replied_at

    def test_letting_go_marks_the_interview_no_reply(self, owner, ada, interview):
        message = make_message(owner, ada, interview=interview)
        moves.sent(message)
        moves.let_go(message)
        interview.refresh_from_db()
        assert interview.stage == "no-reply"

    def test_a_thank_you_marks_the_interview_thanked(self, owner, ada, interview):
        import datetime as dt

        start = timezone.now() - dt.timedelta(days=1)
        interview.schedule(start, time_zone="UTC")
        interview.mark_done()
        thanks = make_message(owner, ada, kind="thank-you", interview=interview)
        moves.sent(thanks)
        interview.refresh_from_db()
        assert interview.stage == "thanked"


def test_a_stale_copy_cannot_record_a_second_send(owner, ada):
    message = make_message(owner, ada)
    other_tab = Message.objects.get(pk=message.pk)
    moves.sent(message, via="mailto")
    with pytest.raises(Refused, match="already sent"):
        moves.sent(other_tab, via="clipboard")
    assert Message.objects.get(pk=message.pk).sent_via == "mailto"


def test_only_one_request_at_a_time_may_send_by_smtp(owner, ada):
    message = make_message(owner, ada)
    assert message.claim_for_smtp()
    assert not Message.objects.get(pk=message.pk).claim_for_smtp()
    message.release_smtp_claim()
    assert message.claim_for_smtp()


def test_an_smtp_claim_lapses_if_the_sender_died(owner, ada):
    message = make_message(owner, ada)
    assert message.claim_for_smtp()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=3)):
        assert message.claim_for_smtp()
