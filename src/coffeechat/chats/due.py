"""The conversations a volunteer has agreed to give, in their agenda and calendar feed.

The student's side needs nothing here: accepting a request schedules the student's own
conversation (an ``Interview``), which interviews/due.py lists already. The volunteer has
no interview, so their meetings come from the accepted requests themselves. Each
provider runs one query, and none on a laptop (the network off).
"""

import datetime

from django.conf import settings

from coffeechat.chats import ical
from coffeechat.chats.models import ChatRequest
from coffeechat.due import DueItem, DueKind
from coffeechat.links import url_pattern
from coffeechat.zones import local_day_bounds, user_zone

DAYS_AHEAD = 6  # as far ahead as the student's meetings are listed
PAST_DAYS = 60  # how long a given conversation stays in the feed


def _given(user):
    return ChatRequest.objects.filter(
        volunteer__owner=user, state=ChatRequest.State.ACCEPTED
    ).select_related("student__profile", "volunteer")


def volunteer_meetings(user, today: datetime.date):
    if not settings.NETWORK:
        return
    zone = user_zone(user)
    start = local_day_bounds(today, zone)[0]
    end = local_day_bounds(today + datetime.timedelta(days=DAYS_AHEAD), zone)[1]
    detail = url_pattern("chats:detail")
    rows = _given(user).filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at")
    for request in rows:
        name = request.student_name()
        local = request.starts_at.astimezone(zone)
        yield DueItem(
            kind="giving",
            contact_id=None,
            contact=name,
            due=local.date(),
            title=f"Talk with {name} at {local:%H:%M} ({request.get_mode_display().lower()})",
            url=detail.format(request.pk),
            starts_at=request.starts_at,
            ends_at=request.ends_at,
        )


def volunteer_meeting_events(user, *, now: datetime.datetime, base_url: str = "") -> list:
    if not settings.NETWORK:
        return []
    detail = url_pattern("chats:detail")
    rows = _given(user).filter(starts_at__gte=now - datetime.timedelta(days=PAST_DAYS))
    return [
        ical.event(
            request,
            for_volunteer=True,
            url=base_url + detail.format(request.pk),
            stamp=now,
        )
        for request in rows.order_by("starts_at")
    ]


KINDS = [
    # Timed: in the calendar feed as the meeting itself, not as an all-day item.
    DueKind("giving", "A conversation you give", 11, all_day=False),
]
PROVIDERS = [volunteer_meetings]
EVENTS = [volunteer_meeting_events]
