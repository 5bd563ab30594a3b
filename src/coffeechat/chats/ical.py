"""The meeting of an accepted request as an .ics invite, the same event for both people
(one UID; SEQUENCE goes up with every move or cancellation, so calendars replace it)."""

from typing import TYPE_CHECKING

from django.utils import timezone

from coffeechat import ical
from coffeechat.chats import slots

if TYPE_CHECKING:
    import icalendar


def invite(request, *, for_volunteer: bool, url: str = "") -> bytes:
    cancelled = request.state == request.State.CANCELLED
    cal = ical.new_calendar(method="CANCEL" if cancelled else "PUBLISH")
    cal.add_component(event(request, for_volunteer=for_volunteer, url=url))
    return ical.finish(cal)


def event(request, *, for_volunteer: bool, url: str = "", stamp=None) -> "icalendar.Event":
    """The meeting as one event (also the volunteer's in the calendar feed: chats/due.py)."""
    cancelled = request.state == request.State.CANCELLED
    import icalendar  # imported here, as in coffeechat/ical.py

    meeting = icalendar.Event()
    meeting.add("uid", f"network-request-{request.pk}@{ical.UID_DOMAIN}")
    meeting.add("dtstamp", stamp or timezone.now())
    meeting.add("sequence", request.sequence)
    zone = slots.zone(request.volunteer.time_zone if for_volunteer else request.student_time_zone)
    meeting.add("dtstart", ical.wall_time(request.starts_at, zone))
    meeting.add("dtend", ical.wall_time(request.ends_at, zone))
    other = request.student_name() if for_volunteer else request.volunteer.name
    meeting.add("summary", f"Conversation with {other}")
    if request.place:
        meeting.add("location", request.place)
    description = [f"{request.get_mode_display()}, {request.duration_minutes} minutes."]
    if url:
        description.append(f"In coffeechat: {url}")
        meeting.add("url", url)
    meeting.add("description", "\n".join(description))
    meeting.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return meeting
