"""After the conversation: each person says whether it happened (and, privately, how it
went; the volunteer may offer to talk again and suggest someone), and the student sends
the thank-you through the thread."""

import datetime as dt

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from coffeechat.accounts.models import Profile
from coffeechat.chats import thanks
from coffeechat.chats.forms import DebriefForm, ReportForm, ThankYouForm, VolunteerDebriefForm
from coffeechat.chats.lookup import request_for
from coffeechat.chats.models import Block, ChatRequest, Debrief
from coffeechat.chats.notify import tell_message
from coffeechat.chats.notify_after import tell_suggestion
from coffeechat.chats.slots import zone
from coffeechat.community.access import allowed
from coffeechat.interviews.models import Interview
from coffeechat.outreach.draft_check import check_saved
from coffeechat.refusals import shows_refusals

THANKED = (Interview.Stage.THANKED, Interview.Stage.KEEPING_IN_TOUCH)


def after_context(chat: ChatRequest, user, now: dt.datetime) -> dict:
    """What the request's page shows after the meeting, and the block and report forms."""
    is_volunteer = chat.volunteer.owner_id == user.pk
    other = chat.student if is_volunteer else chat.volunteer.owner
    blocked_by_me, blocked_by_them = Block.between(user, other)
    context = {
        "blocked_by_me": blocked_by_me,
        "blocked_by_them": blocked_by_them,
        "report_form": ReportForm(),
        "after": False,
    }
    if chat.state != ChatRequest.State.ACCEPTED or chat.starts_at is None or chat.starts_at > now:
        return context
    debriefs = {d.author_id: d for d in chat.debriefs.select_related("suggested")}
    mine = debriefs.get(user.pk)
    initial = {}
    if mine is not None:
        initial = {"happened": mine.happened, "feedback": mine.feedback, "again": mine.again}
        initial["suggest"] = mine.suggested.get_absolute_url() if mine.suggested else ""
        initial["suggestion_note"] = mine.suggestion_note
    form_class = VolunteerDebriefForm if is_volunteer else DebriefForm
    context |= {
        "after": True,
        "debrief": mine,
        "debrief_form": form_class(initial=initial),
        # The student sees the volunteer's offer and suggestion, never their feedback.
        "their_word": None if is_volunteer else debriefs.get(chat.volunteer.owner_id),
    }
    if not is_volunteer and chat.interview is not None and chat.ends_at <= now:
        draft = thanks.current_draft(chat)
        context |= {
            "thank_you": True,
            "thanked": chat.interview.stage in THANKED,
            # On the clock the request shows the student, like the meeting's time.
            "thank_by": chat.interview.thank_you_deadline.astimezone(
                zone(chat.student_time_zone)
            ).strftime("%-d %b, %H:%M"),
            "thank_draft": draft,
            "thank_form": ThankYouForm(initial={"body": draft.body}) if draft else None,
            "thank_report": check_saved(Profile.for_user(user), draft) if draft else None,
        }
    return context


def _say_errors(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@allowed("request.view")
@require_POST
@shows_refusals
def debrief(request, pk):
    chat = request_for(request.user, pk)
    is_volunteer = chat.volunteer.owner_id == request.user.pk
    form = (VolunteerDebriefForm if is_volunteer else DebriefForm)(request.POST)
    if not form.is_valid():
        _say_errors(request, form)
        return redirect(chat.get_absolute_url() + "#after")
    data = form.cleaned_data
    before = chat.debriefs.filter(author=request.user).values_list("suggested", flat=True).first()
    saved = Debrief.record(
        chat,
        request.user,
        happened=data["happened"],
        feedback=data["feedback"],
        again=data.get("again", False),
        suggested=data.get("suggest"),
        note=data.get("suggestion_note", ""),
    )
    if saved.suggested_id and saved.suggested_id != before:
        tell_suggestion(saved)
    messages.success(request, "Thank you. Only you see what you wrote.")
    return redirect(chat.get_absolute_url() + "#after")


@allowed("request.ask")
@require_POST
@shows_refusals
def thank(request, pk):
    """``action=draft`` drafts the thank-you from the notes; otherwise it is sent."""
    chat = request_for(request.user, pk, as_volunteer=False)
    if request.POST.get("action") == "draft":
        thanks.draft(chat)
        messages.success(request, "Drafted from your notes. Make it yours, then send it.")
        return redirect(chat.get_absolute_url() + "#thank-you")
    form = ThankYouForm(request.POST)
    if not form.is_valid():
        _say_errors(request, form)
        return redirect(chat.get_absolute_url() + "#thank-you")
    message = thanks.send_in_thread(chat, form.cleaned_data["body"])
    tell_message(message)
    messages.success(request, "Sent in your thread. Your conversation is marked thanked.")
    return redirect(chat.get_absolute_url() + "#thread")
