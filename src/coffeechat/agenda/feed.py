"""The calendar feed's content: timed events (meetings) from each app's ``EVENTS``, and
due items as all-day events (a kind that is a timed event already is left out)."""

import datetime

from django.utils import timezone

from coffeechat import due, ical
from coffeechat.zones import user_zone


def build_feed(user, *, base_url="", now=None) -> bytes:
    now = now or timezone.now()
    zone = user_zone(user)
    today = now.astimezone(zone).date()
    cal = ical.new_calendar(name="coffeechat", method="PUBLISH")
    cal.add("x-published-ttl", "PT1H")
    cal.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    for event in due.events(user, now=now, base_url=base_url):
        cal.add_component(event)
    for item in due.due_items(user, today):
        if not due.kind(item.kind).all_day:
            continue  # already there as a timed event
        cal.add_component(ical.due_event(item, today=today, base_url=base_url, stamp=now))
    return ical.finish(cal)
