"""The meeting of an accepted request as an .ics invite, the same event for both people
(one UID; SEQUENCE goes up with every move or cancellation, so calendars replace it).
The volunteer's calendar feed carries the same event (chats/due.py), so a calendar that
took the emailed invite and also reads the feed shows it once."""

import icalendar
from django.utils import timezone

from coffeechat import ical
from coffeechat.chats import slots


def event(request, *, for_volunteer: bool, url: str = "", stamp=None) -> icalendar.Event:
    cancelled = request.state == request.State.CANCELLED
    event = icalendar.Event()
    event.add("uid", f"network-request-{request.pk}@{ical.UID_DOMAIN}")
    event.add("dtstamp", stamp or timezone.now())
    event.add("sequence", request.sequence)
    zone = slots.zone(request.volunteer.time_zone if for_volunteer else request.student_time_zone)
    event.add("dtstart", ical.wall_time(request.starts_at, zone))
    event.add("dtend", ical.wall_time(request.ends_at, zone))
    other = request.student_name() if for_volunteer else request.volunteer.name
    event.add("summary", f"Conversation with {other}")
    if request.place:
        event.add("location", request.place)
    description = [f"{request.get_mode_display()}, {request.duration_minutes} minutes."]
    if url:
        description.append(f"In coffeechat: {url}")
        event.add("url", url)
    event.add("description", "\n".join(description))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def invite(request, *, for_volunteer: bool, url: str = "") -> bytes:
    cancelled = request.state == request.State.CANCELLED
    cal = ical.new_calendar(method="CANCEL" if cancelled else "PUBLISH")
    cal.add_component(event(request, for_volunteer=for_volunteer, url=url))
    return ical.finish(cal)
