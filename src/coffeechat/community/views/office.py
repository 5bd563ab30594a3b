"""The career office's pages: communities are in communities.py; here invitations,
allowed domains and roster imports."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.community import roster
from coffeechat.community.access import allowed
from coffeechat.community.forms import AllowedDomainForm, InvitationForm, RosterUploadForm
from coffeechat.community.joining import email_configured, send_link
from coffeechat.community.models import AllowedDomain, Invitation, PendingRoster
from coffeechat.community.roles import Role
from coffeechat.links import absolute_url


@allowed("office.manage")
def office(request):
    context = {
        "invitations": Invitation.objects.prefetch_related("communities")[:50],
        "domains": AllowedDomain.objects.all(),
        "invitation_form": InvitationForm(),
        "domain_form": AllowedDomainForm(),
        "roster_form": RosterUploadForm(),
        "now": timezone.now(),
        "email_configured": email_configured(),
    }
    return render(request, "community/office.html", context)


@allowed("office.manage")
@require_http_methods(["GET", "POST"])
def invitation_new(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invitation = Invitation.issue(
            request.user, data["roles"], data["communities"], data["email"], data["days"]
        )
        link = absolute_url(request, invitation.get_absolute_url())
        if invitation.email and email_configured():
            send_link(
                invitation.email,
                "You are invited to the career network",
                "You are invited to join your school's career network on coffeechat. "
                f"This link works once, until {invitation.expires_at:%d %B %Y}:",
                link,
            )
            messages.success(request, f"Invitation sent to {invitation.email}.")
        else:
            messages.success(request, f"Invitation made. Send this link: {link}")
        return redirect("community:office")
    return render(request, "community/invitation_form.html", {"form": form})


@allowed("office.manage")
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    invitation.revoke()
    messages.success(request, "The invitation no longer works.")
    return redirect("community:office")


@allowed("office.manage")
@require_POST
def domain_add(request):
    form = AllowedDomainForm(request.POST)
    if form.is_valid():
        domain = form.save()
        messages.success(request, f"People with a verified @{domain.domain} address may join.")
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("community:office")


@allowed("office.manage")
@require_POST
def domain_delete(request, pk):
    domain = get_object_or_404(AllowedDomain, pk=pk)
    domain.delete()
    messages.success(request, f"@{domain.domain} addresses can no longer join by themselves.")
    return redirect("community:office")


@allowed("office.manage")
@require_http_methods(["GET", "POST"])
def roster_upload(request):
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            form.add_error("file", "This file is too large for a roster.")
        else:
            pending = PendingRoster.objects.create(
                uploaded_by=request.user,
                filename=upload.name[:255],
                data=upload.read(),
                role=form.cleaned_data["role"],
                community=form.cleaned_data["community"],
            )
            return redirect("community:roster_preview", pending.pk)
    return render(request, "community/roster_upload.html", {"form": form})


def _pending(request, pk) -> PendingRoster:
    return get_object_or_404(PendingRoster, pk=pk, uploaded_by=request.user)


@allowed("office.manage")
def roster_preview(request, pk):
    pending = _pending(request, pk)
    try:
        rows, error = roster.plan(bytes(pending.data), pending.filename), None
    except roster.ImportFileError as problem:
        rows, error = [], str(problem)
    counts = {
        action: sum(r.action == action for r in rows) for action in ("create", "exists", "skip")
    }
    context = {"pending": pending, "rows": rows, "error": error, "counts": counts}
    return render(request, "community/roster_preview.html", context)


@allowed("office.manage")
@require_POST
def roster_confirm(request, pk):
    pending = _pending(request, pk)
    if "discard" in request.POST:
        pending.delete()
        messages.info(request, "The roster was not imported.")
        return redirect("community:office")
    try:
        rows = roster.plan(bytes(pending.data), pending.filename)
    except roster.ImportFileError as problem:
        messages.error(request, str(problem))
        return redirect("community:roster_preview", pending.pk)
    counts = roster.apply(rows, Role(pending.role), pending.community)
    pending.delete()
    messages.success(
        request,
        f"{counts['create']} accounts made and {counts['exists']} given the role; "
        f"{counts['skip']} rows skipped. Each person claims their account from the log-in "
        "page with their email address.",
    )
    return redirect("community:office")
