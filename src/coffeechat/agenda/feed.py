"""The calendar feed's content: timed events (meetings) from each app's ``EVENTS``, and
due items as all-day events, what is due now and what comes due in the months ahead (a
kind that is a timed event already is left out, and so is what waits with no date)."""

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
    for item in due.due_items(user, today, until=due.ahead(today)):
        kind = due.kind(item.kind)
        if not kind.all_day or kind.waits:
            continue  # already there as a timed event, or with no day of its own
        cal.add_component(ical.due_event(item, today=today, base_url=base_url, stamp=now))
    return ical.finish(cal)
