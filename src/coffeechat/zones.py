"""Time-zone rules: pure functions, no database, for every app.

``user_zone`` is the one rule for "the user's time zone, else UTC": the page, the agenda,
the calendar feed and the CLI all read it.
"""

import datetime
import zoneinfo

from django.utils import timezone


class BadLocalTime(ValueError):
    pass


def zone_named(name: str | None) -> datetime.tzinfo:
    """The zone called ``name``; UTC for a blank or unknown name."""
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.UTC


def user_zone(user) -> datetime.tzinfo:
    """The user's own time zone from their profile (cached on the user after one query)."""
    try:
        name = user.profile.time_zone
    except Exception:  # no profile yet: a fresh account
        name = "UTC"
    return zone_named(name)


def local_today(user, now: datetime.datetime | None = None) -> datetime.date:
    """Today on the user's own clock (their profile's zone), not the server's."""
    return timezone.localtime(now or timezone.now(), user_zone(user)).date()


def aware(day: datetime.date, at: datetime.time, zone_name: str) -> datetime.datetime:
    """``day`` at ``at`` on the wall clock of ``zone_name``, as an aware datetime.

    A wall-clock time that doesn't exist (the hour skipped when clocks go forward) is
    refused; one that happens twice (clocks go back) means the first of the two.
    """
    zone = zoneinfo.ZoneInfo(zone_name)
    local = datetime.datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone)
    round_trip = local.astimezone(datetime.UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise BadLocalTime(
            f"{at:%H:%M} doesn't exist on {day:%d %b %Y} in {zone_name}: the clocks jump "
            "forward that night. Pick a time an hour later or earlier."
        )
    return local


def local_day_bounds(day: datetime.date, zone: datetime.tzinfo):
    """The first instant of ``day`` and of the day after, in ``zone``."""
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=zone)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=zone)
    return start, end


def describe(moment: datetime.datetime, zone: datetime.tzinfo) -> str:
    local = moment.astimezone(zone)
    return local.strftime("%a %-d %b %Y, %H:%M")
