"""What each step of a request tells the people in it (notifications app: listed in
the app, emailed as each person prefers). Keys make a step told twice one notice."""

from django.urls import reverse

from coffeechat.chats.slots import zone
from coffeechat.notifications.mail import absolute
from coffeechat.notifications.models import Kind
from coffeechat.notifications.notify import Notice, notify


def tell_new_request(request) -> None:
    student = request.student_name()
    notify(
        request.volunteer.owner,
        Kind.NEW_REQUEST,
        f"{student} would like a conversation",
        f"{student} asked for {request.duration_minutes} minutes about "
        f"{request.get_topic_display().lower()}. Accept, suggest times or decline from your "
        "inbox; it waits 14 days.",
        url=request.get_absolute_url(),
        key=f"request-{request.pk}-new",
    )


def tell_accepted(request) -> None:
    url = request.get_absolute_url()
    for user, for_volunteer, subject in (
        (request.student, False, f"{request.volunteer.name} said yes"),
        (request.volunteer.owner, True, f"Your conversation with {request.student_name()}"),
    ):
        notify(
            user,
            Kind.ANSWER if not for_volunteer else Kind.MEETING,
            subject,
            "The conversation is set for "
            f"{request.label(request.starts_at, for_volunteer=for_volunteer)}. The invite is "
            "attached; it is in your coffeechat calendar too.",
            url=url,
            key=f"request-{request.pk}-meeting-{request.sequence}-{user.pk}",
            attachment=(
                "invite.ics",
                _invite(request, for_volunteer=for_volunteer, url=absolute(url)),
                "text/calendar",
            ),
        )


def tell_offered(request) -> None:
    """The student hears that the volunteer offered other times, on the student's clock."""
    times = "; ".join(request.label(start) for start in request.offered_starts())
    notify(
        request.student,
        Kind.ANSWER,
        f"{request.volunteer.name} offered other times",
        f"Choose the one that suits you on the request's page: {times}.",
        url=request.get_absolute_url(),
        key=f"request-{request.pk}-offered-{request.offered_at:%Y%m%d%H%M%S}",
    )


def tell_moved(request, by) -> None:
    """Both hear of a new time (with the invite again, a higher SEQUENCE)."""
    url = request.get_absolute_url()
    mover = request.student_name() if by.pk == request.student_id else request.volunteer.name
    for user, for_volunteer in ((request.student, False), (request.volunteer.owner, True)):
        notify(
            user,
            Kind.MEETING,
            f"New time: {request.label(request.starts_at, for_volunteer=for_volunteer)}",
            f"{mover} moved the conversation. The updated invite is attached.",
            url=url,
            key=f"request-{request.pk}-meeting-{request.sequence}-{user.pk}",
            attachment=(
                "invite.ics",
                _invite(request, for_volunteer=for_volunteer, url=absolute(url)),
                "text/calendar",
            ),
        )


def tell_cancelled(request, by) -> None:
    url = request.get_absolute_url()
    by_student = by.pk == request.student_id
    who = request.student_name() if by_student else request.volunteer.name
    other, for_volunteer = (
        (request.volunteer.owner, True) if by_student else (request.student, False)
    )
    note = request.decline_note.strip()
    notify(
        other,
        Kind.MEETING,
        f"{who} called off your conversation",
        (f"“{note}” " if note else "") + "The attached update takes it off your calendar.",
        url=url,
        key=f"request-{request.pk}-cancelled",
        attachment=(
            "invite.ics",
            _invite(request, for_volunteer=for_volunteer, url=absolute(url)),
            "text/calendar",
        ),
    )


def tell_message(message) -> None:
    request = message.request
    to_volunteer = message.author_id == request.student_id
    other = request.volunteer.owner if to_volunteer else request.student
    who = request.student_name() if to_volunteer else request.volunteer.name
    notify(
        other,
        Kind.MESSAGE,
        f"{who} wrote to you",
        message.body[:500],
        url=request.get_absolute_url(),
        key=f"message-{message.pk}",
    )


def tomorrow_notices(request) -> list[Notice]:
    """What both hear the day before (the clock tells many at once)."""
    return [
        Notice(
            user,
            Kind.MEETING,
            f"Tomorrow: your conversation with {other}",
            f"{request.label(request.starts_at, for_volunteer=for_volunteer)}. If something "
            "comes up, move it or call it "
            "off from the request's page so they aren't left waiting.",
            url=request.get_absolute_url(),
            key=f"request-{request.pk}-tomorrow-{request.sequence}-{user.pk}",
        )
        for user, other, for_volunteer in (
            (request.student, request.volunteer.name, False),
            (request.volunteer.owner, request.student_name(), True),
        )
    ]


def tell_declined(request) -> None:
    words = request.decline_words()
    notify(
        request.student,
        Kind.ANSWER,
        f"{request.volunteer.name} can't meet this time",
        (words + " " if words else "")
        + "It's not about you: keep going, and try someone else who fits.",
        url=reverse("community:directory"),
        key=f"request-{request.pk}-declined",
    )


def reminder_notice(request) -> Notice:
    return Notice(
        request.volunteer.owner,
        Kind.REMINDER,
        f"{request.student_name()} is still waiting for your answer",
        "A yes, other times or a kind no all help: the request closes on its own in a week.",
        url=request.get_absolute_url(),
        key=f"request-{request.pk}-reminder",
    )


def choose_reminder_notice(request) -> Notice:
    closes = request.expires_at.astimezone(zone(request.student_time_zone))
    return Notice(
        request.student,
        Kind.REMINDER,
        f"Choose a time with {request.volunteer.name}",
        f"{request.volunteer.name} offered other times and is waiting to hear which suits "
        f"you. The request closes on {closes:%-d %b} at {closes:%H:%M} if none is chosen.",
        url=request.get_absolute_url(),
        key=f"request-{request.pk}-choose-{request.offered_at:%Y%m%d%H%M%S}",
    )


def expired_notice(request) -> Notice:
    return Notice(
        request.student,
        Kind.EXPIRY,
        f"Your request to {request.volunteer.name} has closed",
        (
            f"None of the times {request.volunteer.name} offered was chosen in time, so it "
            "closed. If one still suits you both, ask again; the request page shows others "
            "who may fit too."
            if request.offered
            else "Two weeks went by without an answer. That happens to everyone, and says "
            "nothing about you. The request page shows others who may fit."
        ),
        url=request.get_absolute_url(),
        key=f"request-{request.pk}-expired",
    )


def _invite(request, **kwargs) -> bytes:
    # icalendar takes a few hundredths of a second to import: loaded when an invite is
    # made, not by every console command (this module is loaded when Django starts).
    from coffeechat.chats import ical

    return ical.invite(request, **kwargs)
