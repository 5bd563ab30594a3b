from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.forms import FirstAccountForm, ProfileForm
from coffeechat.accounts.middleware import remember_time_zone
from coffeechat.accounts.models import Profile, create_first_account, setup_token_is_valid


@login_not_required
@require_http_methods(["GET", "POST"])
def first_run(request, token):
    """Create the first account from the link `coffeechat serve` printed."""
    User = get_user_model()
    if User.objects.exists():
        messages.info(request, "This coffeechat already has an account. Log in to continue.")
        return redirect("accounts:login")
    if not setup_token_is_valid(token):
        raise Http404("This set-up link is not valid. Run `coffeechat serve` for a fresh one.")
    form = FirstAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        if not create_first_account(user):
            messages.info(request, "This coffeechat already has an account. Log in to continue.")
            return redirect("accounts:login")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Tell coffeechat a little about yourself first.")
        return redirect("accounts:profile")
    return render(request, "accounts/first_run.html", {"form": form})


@require_http_methods(["GET", "POST"])
def edit_profile(request):
    profile = Profile.for_user(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        remember_time_zone(request, profile.time_zone)
        messages.success(request, "Profile saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


class LogoutView(auth_views.LogoutView):
    """Log out, and say so on the next page (the log-in page)."""

    def post(self, request, *args, **kwargs):
        was_signed_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_signed_in:
            # The old session is gone; the message goes into the fresh one.
            messages.success(request, "You are logged out. See you next time.")
        return response
