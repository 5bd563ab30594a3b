"""The student's thank-you after a conversation set through the network: drafted from
their notes as any thank-you is (``conversations.moves.draft_thank_you``), checked, and
sent in the request's thread, which thanks their conversation as a sent message does."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.chats.models import ChatMessage, ChatRequest, RequestRefused
from coffeechat.conversations import moves
from coffeechat.outreach.draft_check import check_saved
from coffeechat.outreach.models import Kind, Message
from coffeechat.refusals import Refused


def current_draft(chat: ChatRequest) -> Message | None:
    """The student's latest thank-you draft for this conversation, if any."""
    if chat.interview_id is None:
        return None
    return (
        Message.objects.filter(
            owner_id=chat.student_id,
            interview_id=chat.interview_id,
            kind=Kind.THANK_YOU,
            state=Message.State.DRAFT,
        )
        .order_by("-id")
        .first()
    )


def _refuse_unless_after(chat: ChatRequest, now: dt.datetime) -> None:
    if chat.state != ChatRequest.State.ACCEPTED or chat.interview_id is None:
        raise RequestRefused("A thank-you follows a conversation that was set here.", chat)
    if chat.starts_at is None or chat.ends_at > now:
        raise RequestRefused("Thank them once the conversation is over.", chat)


def draft(chat: ChatRequest, *, now: dt.datetime | None = None) -> Message:
    """The draft to edit: the one already made, else a new one from the notes."""
    _refuse_unless_after(chat, now or timezone.now())
    return current_draft(chat) or moves.draft_thank_you(chat.interview)


def send_in_thread(chat: ChatRequest, body: str, *, now: dt.datetime | None = None) -> ChatMessage:
    """Send ``body`` as the thank-you: the draft takes the final words and is recorded
    as sent (the conversation is thanked), and the words go into the thread. Refused,
    with nothing sent (the draft keeps the words), when the checker finds something to
    fix."""
    now = now or timezone.now()
    _refuse_unless_after(chat, now)
    body = body.strip()
    if not body:
        raise RequestRefused("Write your thank-you first.", chat)
    # The final words are kept on the draft first, so a refusal below loses none of them.
    message = draft(chat, now=now)
    message.body = body[:2000]
    message.save(update_fields=["body", "updated_at"])
    if check_saved(Profile.for_user(chat.student), message).has_errors:
        raise RequestRefused(
            "The checker found something to fix in the thank-you; fix it, then send.", chat
        )
    with transaction.atomic():
        try:
            moves.sent(message, when=now)
        except Refused as refused:
            raise RequestRefused(str(refused), chat) from refused
        return ChatMessage.post(chat, chat.student, message.body)
