"""iCalendar (RFC 5545) for meetings and due items, built with ``icalendar``.

Used by the .ics invite of one interview and by the private calendar feed. ``icalendar``
is imported where it is used: the console commands load this module and start quickly.
"""

import datetime
import hashlib

from django.utils import timezone

PRODID = "-//coffeechat//informational interviews//EN"
UID_DOMAIN = "coffeechat.invalid"


def new_calendar(name="", method="PUBLISH"):
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    return cal


def finish(cal) -> bytes:
    cal.add_missing_timezones()
    return cal.to_ical()


def wall_time(moment: datetime.datetime, zone) -> datetime.datetime:
    """``moment`` on the wall clock of ``zone``, or in UTC where that clock is ambiguous.

    A TZID time can't say which of two repeated hours it means (the night clocks go
    back), so such a time is written in UTC instead, which is never ambiguous.
    """
    local = moment.astimezone(zone)
    if local.replace(fold=0).astimezone(datetime.UTC) != moment.astimezone(datetime.UTC):
        return moment.astimezone(datetime.UTC)
    return local.replace(fold=0)


def meeting_uid(interview) -> str:
    return f"interview-{interview.pk}@{UID_DOMAIN}"


def meeting_event(interview, *, url="", stamp=None):
    import icalendar

    name = interview.contact.full_name
    event = icalendar.Event()
    event.add("uid", meeting_uid(interview))
    event.add("dtstamp", stamp or timezone.now())
    event.add("sequence", interview.sequence)
    event.add("dtstart", wall_time(interview.starts_at, interview.zone))
    event.add("dtend", wall_time(interview.ends_at, interview.zone))
    event.add("summary", f"Informational interview with {name}")
    mode = interview.get_mode_display()
    place = interview.place.strip()
    if place.startswith(("http://", "https://")):
        event.add("url", place)
        event.add("location", place)
    else:
        if place:
            event.add("location", place)
        if url:
            event.add("url", url)
    description = [f"{mode}, {interview.duration_minutes} minutes."]
    if interview.goal_learn:
        description.append(f"What I hope to learn: {interview.goal_learn}")
    if url:
        description.append(f"In coffeechat: {url}")
    event.add("description", "\n".join(description))
    event.add("status", "CONFIRMED")
    return event


def due_uid(item) -> str:
    digest = hashlib.sha256(f"{item.kind}|{item.contact_id}|{item.url}".encode()).hexdigest()
    return f"due-{item.kind}-{digest[:20]}@{UID_DOMAIN}"


def due_event(item, *, today: datetime.date, base_url="", stamp=None):
    """An all-day event for a due item; one already overdue is shown today."""
    import icalendar

    day = max(item.due, today)
    event = icalendar.Event()
    event.add("uid", due_uid(item))
    event.add("dtstamp", stamp or timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    summary = item.title
    if item.due < today and "overdue" not in summary:
        summary += f" (overdue since {item.due:%-d %b})"
    event.add("summary", summary)
    event.add("categories", [item.kind])
    event.add("transp", "TRANSPARENT")
    if item.url and base_url:
        event.add("url", base_url + item.url)
    return event
