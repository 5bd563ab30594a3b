"""Times a student may propose: the volunteer's weekly windows on their own clock."""

import datetime as dt

from coffeechat.chats.slots import offered_slots, parse_key

TUESDAY_EVENING = [{"day": "tue", "start": "18:00", "end": "19:00"}]


def test_a_window_stays_on_the_volunteers_clock_across_a_daylight_saving_change():
    now = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)  # New York changes on 8 March
    slots = offered_slots(TUESDAY_EVENING, "America/New_York", "Europe/London", now=now)
    assert [slot.theirs.strftime("%d %H:%M") for slot in slots] == [
        "03 18:00",
        "03 18:30",
        "10 18:00",
        "10 18:30",
    ]
    # London had not changed yet, so the student's hour moves instead.
    assert [slot.yours.strftime("%H:%M") for slot in slots] == ["23:00", "23:30", "22:00", "22:30"]
    assert slots[0].label() == "Tue 3 Mar, 18:00 their time (23:00 yours)"


def test_the_whole_meeting_fits_in_the_window():
    now = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    slots = offered_slots(TUESDAY_EVENING, "UTC", "UTC", now=now, minutes=45)
    assert [slot.theirs.strftime("%H:%M") for slot in slots] == ["18:00", "18:00"]


def test_nothing_sooner_than_a_day_or_later_than_two_weeks():
    now = dt.datetime(2026, 3, 3, 12, tzinfo=dt.UTC)  # a Tuesday, before the window
    slots = offered_slots(TUESDAY_EVENING, "UTC", "UTC", now=now)
    days = sorted({slot.starts_at.date() for slot in slots})
    assert days == [dt.date(2026, 3, 10)]  # not today (too soon), not the 17th (too far)


def test_a_time_skipped_by_the_clock_change_is_never_offered():
    night = [{"day": "sun", "start": "01:30", "end": "03:30"}]
    now = dt.datetime(2026, 3, 6, 12, tzinfo=dt.UTC)
    slots = offered_slots(night, "America/New_York", "America/New_York", now=now)
    on_the_8th = [s.theirs.strftime("%H:%M") for s in slots if s.theirs.day == 8]
    assert on_the_8th == ["01:30", "03:00"]  # 02:00 and 02:30 did not exist that night


def test_bad_windows_and_keys_are_ignored():
    now = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    junk = [{"day": "xyz"}, "tue 18:00", {"day": "tue", "start": "nine", "end": "ten"}]
    assert offered_slots(junk, "Nowhere/Else", "UTC", now=now) == []
    assert parse_key("2026-03-03T23:00Z") == dt.datetime(2026, 3, 3, 23, tzinfo=dt.UTC)
    assert parse_key("' OR 1=1") is None
