"""The times a student may propose: a volunteer's weekly windows expanded per date.

Pure functions, no database. The windows are clock times in the volunteer's own IANA zone
(community/availability.py), expanded here date by date with ``zoneinfo``, so a Tuesday
18:00 slot stays at 18:00 for the volunteer across a daylight-saving change (and moves
for a student in a zone that did not change). Starts are kept in UTC.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from coffeechat.community.availability import DAYS

STEP = dt.timedelta(minutes=30)  # a start every half hour inside a window
MIN_NOTICE = dt.timedelta(hours=24)  # a volunteer needs a day to see the request
WINDOW_DAYS = 14  # proposed times within the next two weeks (a request lives 14 days)
MIN_PROPOSED, MAX_PROPOSED = 2, 3


@dataclass(frozen=True)
class Slot:
    starts_at: dt.datetime  # aware, UTC
    theirs: dt.datetime  # the volunteer's wall clock
    yours: dt.datetime  # the student's wall clock

    @property
    def key(self) -> str:
        return self.starts_at.strftime("%Y-%m-%dT%H:%MZ")

    def label(self) -> str:
        """'Tue 8 Dec, 18:00 their time (23:00 yours)' — both clocks, no guessing."""
        theirs = f"{self.theirs:%a} {self.theirs.day} {self.theirs:%b}, {self.theirs:%H:%M}"
        if (self.yours.date(), self.yours.time()) == (self.theirs.date(), self.theirs.time()):
            return f"{theirs} (the same for both of you)"
        same_day = self.yours.date() == self.theirs.date()
        yours = (
            f"{self.yours:%H:%M}"
            if same_day
            else f"{self.yours:%a} {self.yours.day} {self.yours:%b}, {self.yours:%H:%M}"
        )
        return f"{theirs} their time ({yours} yours)"


def zone(name: str | None) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _clock(text: str) -> dt.time | None:
    try:
        hours, minutes = text.split(":")
        return dt.time(int(hours), int(minutes))
    except (ValueError, AttributeError):
        return None


def offered_slots(
    windows, their_zone: str, your_zone: str, *, now: dt.datetime, minutes: int = 30
) -> list[Slot]:
    """Every start the student may propose, in order: inside a window (the whole
    meeting fits), at least a day ahead, within the next two weeks."""
    theirs_tz, yours_tz = zone(their_zone), zone(your_zone)
    length = dt.timedelta(minutes=minutes)
    earliest, latest = now + MIN_NOTICE, now + dt.timedelta(days=WINDOW_DAYS)
    by_day: dict[int, list[tuple[dt.time, dt.time]]] = {}
    for window in windows or []:
        if not isinstance(window, dict) or window.get("day") not in DAYS:
            continue
        start, end = _clock(window.get("start", "")), _clock(window.get("end", ""))
        if start and end and start < end:
            by_day.setdefault(DAYS.index(window["day"]), []).append((start, end))
    seen, slots = set(), []
    first_day = now.astimezone(theirs_tz).date()
    for offset in range(WINDOW_DAYS + 1):
        day = first_day + dt.timedelta(days=offset)
        for start, end in by_day.get(day.weekday(), []):
            wall, close = dt.datetime.combine(day, start), dt.datetime.combine(day, end)
            while wall + length <= close:
                utc = wall.replace(tzinfo=theirs_tz).astimezone(dt.UTC)
                # A wall time skipped by a clock change comes back shifted; leave it out.
                real = utc.astimezone(theirs_tz).replace(tzinfo=None) == wall
                if real and earliest <= utc <= latest and utc not in seen:
                    seen.add(utc)
                    slots.append(Slot(utc, utc.astimezone(theirs_tz), utc.astimezone(yours_tz)))
                wall += STEP
    return sorted(slots, key=lambda slot: slot.starts_at)


def parse_key(key: str) -> dt.datetime | None:
    """A slot key back to its UTC start; None for anything else."""
    try:
        return dt.datetime.strptime(key, "%Y-%m-%dT%H:%MZ").replace(tzinfo=dt.UTC)
    except (ValueError, TypeError):
        return None


def both_clocks(starts_at: dt.datetime, their_zone: str, your_zone: str) -> str:
    """A chosen start in both zones, for pages and mail."""
    return Slot(
        starts_at, starts_at.astimezone(zone(their_zone)), starts_at.astimezone(zone(your_zone))
    ).label()
