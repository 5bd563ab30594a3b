"""What the time after a meeting tells people: both are asked how it went, the student
is reminded once of the thank-you, hears of the volunteer's suggestion, and a report
reaches the advisers. Keys make each told once."""

from coffeechat.chats.slots import zone
from coffeechat.notifications.models import Kind
from coffeechat.notifications.notify import Notice, notify


def how_it_went_notices(chat) -> list[Notice]:
    """Both are asked, privately, whether the conversation happened."""
    return [
        Notice(
            user,
            Kind.MEETING,
            f"Did your conversation with {other} happen?",
            "Tell us in a click on the request's page, and, if you like, how it went. Only "
            "you see what you write there.",
            url=chat.get_absolute_url() + "#after",
            key=f"request-{chat.pk}-after-{user.pk}",
        )
        for user, other in (
            (chat.student, chat.volunteer.name),
            (chat.volunteer.owner, chat.student_name()),
        )
    ]


def thank_you_notice(chat) -> Notice:
    """The student's one reminder that the thank-you is due within a day."""
    deadline = chat.interview.thank_you_deadline.astimezone(zone(chat.student_time_zone))
    due = deadline.strftime("%-d %b, %H:%M")
    return Notice(
        chat.student,
        Kind.THANK_YOU,
        f"Thank {chat.volunteer.name} by {due}",
        "A short note that names what you took away from the talk. coffeechat drafts one "
        "from your notes; edit it and send it in the request's thread.",
        url=chat.get_absolute_url() + "#thank-you",
        key=f"request-{chat.pk}-thank-you",
    )


def tell_suggestion(debrief) -> None:
    chat = debrief.request
    if debrief.suggested_id is None:
        return
    notify(
        chat.student,
        Kind.MESSAGE,
        f"{chat.volunteer.name} suggests you talk to {debrief.suggested.name}",
        (debrief.suggestion_note + " " if debrief.suggestion_note else "")
        + "Their page is linked from your request; ask them from there.",
        url=chat.get_absolute_url() + "#after",
        key=f"request-{chat.pk}-suggests-{debrief.suggested_id}",
    )


def tell_report(report) -> int:
    """Each adviser concerned hears of the report, with a link to read it and the thread."""
    made = 0
    for adviser in report.recipients():
        notice = notify(
            adviser,
            Kind.REPORT,
            f"A report: {report.get_reason_display().lower()}",
            "Someone in your community reported a request for a conversation. Read it, "
            "with the messages between the two, and follow up as the office does.",
            url=report.get_absolute_url(),
            key=f"report-{report.pk}",
        )
        made += notice is not None
    return made
