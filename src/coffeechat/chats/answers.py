"""What the community app asks of requests, answered here: has a volunteer accepted a
viewer's request (so limited fields show), and how a volunteer answers requests."""

import datetime as dt
import statistics

from django.utils import timezone

from coffeechat.chats.models import ChatRequest
from coffeechat.community.answering import AnswerRate

ANSWERED = [ChatRequest.State.ACCEPTED, ChatRequest.State.DECLINED, ChatRequest.State.CANCELLED]


def accepted_request_exists(profile, viewer) -> bool:
    if not getattr(viewer, "is_authenticated", False):
        return False
    return ChatRequest.objects.filter(
        volunteer=profile, student=viewer, state=ChatRequest.State.ACCEPTED
    ).exists()


def request_counts(profile) -> AnswerRate:
    """Requests received in the last year (withdrawn ones left out) and how many were
    answered; the median hours to an answer."""
    since = timezone.now() - dt.timedelta(days=365)
    rows = list(
        ChatRequest.objects.filter(volunteer=profile, created_at__gte=since)
        .exclude(state=ChatRequest.State.WITHDRAWN)
        .values_list("created_at", "answered_at")
    )
    hours = [(answered - created).total_seconds() / 3600 for created, answered in rows if answered]
    return AnswerRate(
        received=len(rows),
        answered=len(hours),
        typical_hours=statistics.median(hours) if hours else None,
    )
