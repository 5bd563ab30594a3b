"""The calendar feed's content: meetings as timed events, due items as all-day events."""

import datetime

from django.utils import timezone

from coffeechat.agenda.items import due_items
from coffeechat.interviews import ical
from coffeechat.interviews.models import MET_STAGES, Interview
from coffeechat.interviews.zones import user_zone

# How far back finished meetings stay in the feed.
PAST_DAYS = 60


def build_feed(user, *, base_url="", now=None) -> bytes:
    now = now or timezone.now()
    zone = user_zone(user)
    today = now.astimezone(zone).date()
    cal = ical.new_calendar(name="coffeechat", method="PUBLISH")
    cal.add("x-published-ttl", "PT1H")
    cal.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    meetings = (
        Interview.objects.filter(
            owner=user,
            stage__in=[Interview.Stage.SCHEDULED, *MET_STAGES],
            starts_at__gte=now - datetime.timedelta(days=PAST_DAYS),
        )
        .select_related("contact")
        .order_by("starts_at")
    )
    for interview in meetings:
        cal.add_component(
            ical.meeting_event(interview, url=base_url + interview.get_absolute_url(), stamp=now)
        )
    for item in due_items(user, today):
        if item.kind == "meeting":
            continue  # already there as a timed event
        cal.add_component(ical.due_event(item, today=today, base_url=base_url, stamp=now))
    return ical.finish(cal)
