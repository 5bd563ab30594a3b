"""Report and block, from either side of a request; the advisers' page for a report."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coffeechat.chats.forms import ReportForm
from coffeechat.chats.lookup import report_for, request_for
from coffeechat.chats.models import Block, Report
from coffeechat.chats.notify_after import tell_report
from coffeechat.community.access import allowed
from coffeechat.refusals import shows_refusals


def _other(chat, user):
    return chat.student if chat.volunteer.owner_id == user.pk else chat.volunteer.owner


@allowed("request.view")
@require_POST
@shows_refusals
def report(request, pk):
    chat = request_for(request.user, pk)
    form = ReportForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(chat.get_absolute_url() + "#safety")
    filed = Report.file(chat, request.user, form.cleaned_data["reason"], form.cleaned_data["note"])
    tell_report(filed)
    messages.success(
        request,
        "Reported. The advisers of your community will read it, with your messages here. "
        "You can also block this person below.",
    )
    return redirect(chat.get_absolute_url() + "#safety")


@allowed("request.view")
@require_POST
@shows_refusals
def block(request, pk):
    chat = request_for(request.user, pk)
    Block.block(request.user, _other(chat, request.user), chat)
    messages.success(
        request,
        "Blocked. Neither of you can send the other a new request or message. You can undo "
        "it here.",
    )
    return redirect(chat.get_absolute_url() + "#safety")


@allowed("request.view")
@require_POST
@shows_refusals
def unblock(request, pk):
    chat = request_for(request.user, pk)
    Block.unblock(request.user, _other(chat, request.user), chat)
    messages.success(request, "Unblocked. Requests and messages can pass between you again.")
    return redirect(chat.get_absolute_url() + "#safety")


@allowed("report.read")
def report_detail(request, pk):
    found = report_for(request.user, pk)
    chat = found.request
    context = {
        "report": found,
        "chat": chat,
        "thread": list(chat.messages.select_related("author")),
        "others": list(chat.reports.exclude(pk=found.pk).select_related("author")),
    }
    return render(request, "chats/report.html", context)
