"""The pages people use to get in: no account needed to open them."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.models import Profile
from coffeechat.community.access import network_on
from coffeechat.community.forms import ClaimForm, JoinForm
from coffeechat.community.joining import (
    claim_path,
    claimant,
    email_configured,
    finish_claim,
    send_link,
    verify,
    verify_path,
)
from coffeechat.community.models import AllowedDomain, Invitation
from coffeechat.community.models.joining import InvitationUsed
from coffeechat.links import absolute_url

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _network_only():
    if not network_on():
        raise Http404("The career-office network is not switched on.")


@login_not_required
@require_http_methods(["GET", "POST"])
def join(request, token):
    """An invitation link: join with a new account, or add its roles to the signed-in one."""
    _network_only()
    # PostgreSQL refuses a NUL in a query; no token holds one.
    invitation = Invitation.objects.filter(token=token[:64].replace("\x00", "")).first()
    if invitation is None or not invitation.is_open():
        return render(request, "community/join_closed.html", status=410)
    signed_in = request.user.is_authenticated
    form = (
        None if signed_in else JoinForm(request.POST or None, initial={"email": invitation.email})
    )
    if request.method == "POST" and (signed_in or form.is_valid()):
        try:
            with transaction.atomic():
                user = request.user if signed_in else form.save()
                Profile.for_user(user)
                invitation.accept(user)
        except InvitationUsed:
            return render(request, "community/join_closed.html", status=410)
        if not signed_in:
            login(request, user, backend=BACKEND)
        messages.success(request, "Welcome to the network.")
        return redirect(
            "community:my_profile" if "volunteer" in invitation.roles else "community:directory"
        )
    return render(request, "community/join.html", {"invitation": invitation, "form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def signup(request):
    """Join with an address at one of the office's allowed domains, verified by email."""
    _network_only()
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if AllowedDomain.for_email(form.cleaned_data["email"]) is None:
            form.add_error(
                "email",
                "This address's domain is not one the career office allows; "
                "ask them for an invitation.",
            )
        else:
            with transaction.atomic():
                user = form.save(commit=False)
                user.is_active = False
                user.save()
                Profile.for_user(user)
            if email_configured():
                send_link(
                    user.email,
                    "Confirm your address to join the career network",
                    "Open this link within three days to finish joining:",
                    absolute_url(request, verify_path(user)),
                )
            return render(
                request,
                "community/signup_sent.html",
                {"email": user.email, "email_configured": email_configured()},
            )
    return render(
        request, "community/signup.html", {"form": form, "domains": AllowedDomain.objects.all()}
    )


@login_not_required
def verify_email(request, token):
    _network_only()
    user = verify(token)
    if user is None:
        return render(request, "community/verify_failed.html", status=410)
    login(request, user, backend=BACKEND)
    messages.success(request, "Your address is confirmed. Welcome to the network.")
    return redirect("community:directory")


@login_not_required
@require_http_methods(["GET", "POST"])
def claim(request):
    """Ask for the link that claims an account the office made from its roster."""
    _network_only()
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is not None and not user.has_usable_password() and email_configured():
            send_link(
                user.email,
                "Claim your account in the career network",
                "The career office made an account for you. Open this link to choose a password:",
                absolute_url(request, claim_path(user)),
            )
        # The same answer either way, so the page can't tell who is on the roster.
        return render(
            request,
            "community/claim_sent.html",
            {"email": email, "email_configured": email_configured()},
        )
    return render(request, "community/claim.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def claim_confirm(request, uidb64, token):
    _network_only()
    user = claimant(uidb64, token)
    if user is None:
        return render(request, "community/verify_failed.html", status=410)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        finish_claim(user, form.cleaned_data["new_password1"])
        Profile.for_user(user)
        login(request, user, backend=BACKEND)
        messages.success(request, "Your account is yours now. Check your profile is right.")
        return redirect(
            "community:my_profile" if hasattr(user, "volunteer_profile") else "community:directory"
        )
    return render(request, "community/claim_confirm.html", {"form": form, "person": user})
