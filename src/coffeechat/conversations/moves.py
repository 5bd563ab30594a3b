"""The moves of a conversation that span a message and an interview, in one place.

A request sent starts (or moves along) a conversation; an answer moves it on; letting a
request go closes it; planning a conversation takes in a request already sent; a
thank-you is drafted from the interview and, once sent, thanks it. Each model keeps only
its own guards (``Message.mark_sent`` refuses to send twice, ``Interview.mark_thanked``
refuses to thank before the meeting); these functions call both, in one transaction.
Views and commands call them; nothing here runs on a signal.
"""

from django.db import transaction
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.interviews.models import Interview, TimelineEntry
from coffeechat.interviews.thanks import thank_you_points
from coffeechat.outreach import sending
from coffeechat.outreach.draft_check import blocked_text, check_saved
from coffeechat.outreach.drafting import draft_from, find_template, merge_values
from coffeechat.outreach.models import Channel, Kind, Message
from coffeechat.refusals import Refused

Stage = Interview.Stage
State = Message.State


class Blocked(Refused):
    """Not sent: the checker found errors in the draft (``report``)."""

    def __init__(self, message: str, record=None, *, report):
        super().__init__(message, record)
        self.report = report


@transaction.atomic
def sent(message: Message, when=None, via: str = Message.Via.MANUAL) -> Message:
    """``message`` went out: record it, then move its conversation along. A request sent
    outside any conversation (from a contact's page) starts one, or joins the one under
    way with that person."""
    message.mark_sent(when, via=via)
    if message.kind == Kind.REQUEST and message.interview_id is None:
        join(message, _conversation_for(message))
    else:
        _move_interview(message)
    return message


def send_by_email(message: Message, *, anyway: bool = False) -> Message:
    """Send the draft ``message`` through the configured SMTP server, then record it as
    sent. Refused, with nothing sent, when it can't go: not an email, sent already, being
    sent by another request, the checker found errors (unless ``anyway``), or the server
    said no (the message stays a draft). The web page and ``coffeechat send`` call this."""
    if message.channel != Channel.EMAIL:
        raise Refused("Only email messages can be sent from here.", message)
    if not message.is_draft:
        raise Refused("This message was already sent.", message)
    profile = Profile.for_user(message.owner)
    if not anyway:
        report = check_saved(profile, message)
        if report.has_errors:
            raise Blocked(blocked_text(report), message, report=report)
    message.check_sendable()
    if not message.claim_for_smtp():
        raise Refused("This message is being sent already; reload in a moment.", message)
    try:
        sending.send_by_smtp(
            subject=message.subject,
            body=message.body,
            to_name=message.contact.full_name,
            to_address=message.contact.primary_email,
            from_name=profile.name,
        )
    except sending.SendError as error:
        message.release_smtp_claim()
        raise Refused(f"Not sent: {error} The message is still a draft.", message) from error
    return sent(message, via=Message.Via.SMTP)


@transaction.atomic
def answered(message: Message, when=None) -> Message:
    """They answered ``message``: record it, and the conversation waits to be scheduled."""
    message.mark_replied(when)
    _move_interview(message)
    return message


@transaction.atomic
def let_go(message: Message, when=None) -> Message:
    """Let the request of ``message`` go unanswered; its conversation closes with it.
    Returns the request."""
    request = message.mark_no_reply(when)
    interview = request.interview
    if interview is not None and interview.stage == Stage.REQUESTED:
        interview.mark_no_reply()
    return request


@transaction.atomic
def plan(owner, contact) -> Interview:
    """Plan a conversation with ``contact``. A request already sent to them that belongs
    to no conversation yet (written from their contact page, say) joins it, and so does
    its answer. Callers check ``Interview.under_way()`` first: one at a time with each
    person."""
    interview = Interview.plan(owner, contact)
    request = (
        Message.objects.filter(
            owner=owner, contact=contact, kind=Kind.REQUEST, interview=None, no_reply_at=None
        )
        .exclude(state=State.DRAFT)
        .order_by("-sent_at", "-id")
        .first()
    )
    if request is not None:
        join(request, interview)
    return interview


@transaction.atomic
def join(message: Message, interview: Interview) -> None:
    """Make the request ``message`` (and its follow-ups) part of ``interview``, which
    then moves along as if it had been sent from there: requested, and answered if it was."""
    message.interview = interview
    message.save(update_fields=["interview", "updated_at"])
    message.follow_ups.filter(interview=None).update(interview=interview)
    if message.state == State.REPLIED and interview.stage == Stage.PLANNED:
        interview.mark_requested(message)
    _move_interview(message)


def thank_you_met(interview: Interview) -> bool:
    """A thank-you follows a meeting: done, or scheduled and over."""
    return interview.stage == Stage.DONE or (
        interview.stage == Stage.SCHEDULED
        and interview.ends_at is not None
        and interview.ends_at <= timezone.now()
    )


@transaction.atomic
def draft_thank_you(interview: Interview) -> Message:
    """Create (and return) a draft thank-you for ``interview``: the student's thank-you
    template filled with the top points of their notes and reflection."""
    owner = interview.owner
    template = find_template(owner, Kind.THANK_YOU)
    notes = [q.notes for q in interview.questions.order_by("position", "id")]
    todos = [t.text for t in interview.todos.filter(done_at__isnull=True).order_by("id")]
    takeaway, next_step = thank_you_points(
        interview.reflection or {}, notes, interview.free_notes, todos
    )
    values = merge_values(Profile.for_user(owner), interview.contact, interview=interview)
    values.update(takeaway=takeaway, next_step=next_step)
    draft = draft_from(template, values)
    message = Message.objects.create(
        owner=owner,
        contact=interview.contact,
        interview=interview,
        channel=template.channel,
        kind=Kind.THANK_YOU,
        subject=draft.subject,
        body=draft.body,
        template_key=template.key,
    )
    interview.log(TimelineEntry.Topic.MESSAGE, "Drafted the thank-you")
    return message


def _conversation_for(message: Message) -> Interview:
    """The conversation a request sent outside any belongs to: the one with its contact
    already under way, or a new one."""
    waiting = Interview.under_way(message.owner_id, message.contact_id)
    if waiting is not None:
        return waiting
    # Planned no later than the request it is planned for.
    return Interview.plan(message.owner, message.contact, at=message.sent_at)


def _move_interview(message: Message) -> None:
    """Move the conversation ``message`` belongs to, if a sent or answered message means
    a move. It never refuses; a message that doesn't change the stage only lands on the
    timeline."""
    interview = message.interview if message.interview_id else None
    if interview is None:
        return
    try:
        if message.state == State.REPLIED and interview.stage in (
            Stage.REQUESTED,
            Stage.NO_REPLY,
        ):
            interview.mark_replied(message)
            return
        if message.kind == Kind.REQUEST and interview.stage == Stage.PLANNED:
            interview.mark_requested(message)
            return
        ended = interview.ends_at is not None and interview.ends_at <= timezone.now()
        if message.kind == Kind.THANK_YOU and interview.stage == Stage.SCHEDULED and ended:
            # Thanking them says the meeting happened, if it was left unmarked.
            interview.mark_done()
        if message.kind == Kind.THANK_YOU and interview.stage == Stage.DONE:
            interview.mark_thanked(message)
            return
    except Refused:
        pass
    label = message.kind.replace("-", " ") or "message"
    interview.log(TimelineEntry.Topic.MESSAGE, f"{label.capitalize()} {message.state or 'saved'}")
