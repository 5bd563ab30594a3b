import datetime
import zoneinfo

import icalendar
import time_machine

from tests.interviews.conftest import at, scheduled


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_the_invite_is_one_published_event_that_parses_back(owner_client, owner):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        interview = scheduled(owner, at(2026, 3, 10, 14))
        interview.place = "https://meet.example/ada"
        interview.goal_learn = "How labs hire"
        interview.save()
        response = owner_client.get(f"/interviews/{interview.pk}/invite.ics")
    assert 'filename="interview-' in response["Content-Disposition"]
    cal = parse(response)
    assert cal["METHOD"] == "PUBLISH"
    [event] = cal.walk("VEVENT")
    assert event.start == at(2026, 3, 10, 14)
    assert event.end == at(2026, 3, 10, 14, 30)
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert str(event["UID"]) == f"interview-{interview.pk}@coffeechat.invalid"
    assert str(event["SUMMARY"]) == "Informational interview with Ada Okafor"
    assert str(event["URL"]) == "https://meet.example/ada"
    assert "How labs hire" in str(event["DESCRIPTION"])
    assert event["DTSTAMP"].dt == datetime.datetime(2026, 3, 2, 14, 0, tzinfo=datetime.UTC)
    assert cal.walk("VTIMEZONE")  # the zone travels with the invite


def test_a_rescheduled_invite_keeps_its_uid_and_raises_its_sequence(owner_client, owner):
    interview = scheduled(owner, at(2026, 3, 10, 14))
    first = parse(owner_client.get(f"/interviews/{interview.pk}/invite.ics")).walk("VEVENT")[0]
    interview.schedule(at(2026, 3, 11, 9), time_zone="America/New_York", duration_minutes=15)
    second = parse(owner_client.get(f"/interviews/{interview.pk}/invite.ics")).walk("VEVENT")[0]
    assert first["UID"] == second["UID"]
    assert int(second["SEQUENCE"]) == int(first["SEQUENCE"]) + 1
    assert second.end - second.start == datetime.timedelta(minutes=15)


def test_a_meeting_in_the_repeated_hour_is_written_in_utc(owner_client, owner):
    # 01:30 happens twice in New York on 1 November 2026; the second one is EST.
    second_130 = datetime.datetime(2026, 11, 1, 6, 30, tzinfo=datetime.UTC)
    interview = scheduled(owner, second_130)
    [event] = parse(owner_client.get(f"/interviews/{interview.pk}/invite.ics")).walk("VEVENT")
    assert event.start == second_130
    assert event.end == second_130 + datetime.timedelta(minutes=30)


def test_an_in_person_meeting_has_a_location(owner_client, owner):
    interview = scheduled(owner, at(2026, 3, 10, 14), zone="Europe/Paris")
    interview.mode = "in-person"
    interview.place = "Café Lumière, 3 rue des Lilas"
    interview.save()
    [event] = parse(owner_client.get(f"/interviews/{interview.pk}/invite.ics")).walk("VEVENT")
    assert str(event["LOCATION"]) == "Café Lumière, 3 rue des Lilas"
    assert (
        event.start.tzinfo == zoneinfo.ZoneInfo("Europe/Paris")
        or event["DTSTART"].params["TZID"] == "Europe/Paris"
    )
