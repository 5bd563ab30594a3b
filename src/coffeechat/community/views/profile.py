from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.community.access import allowed
from coffeechat.community.forms import PauseForm, VolunteerProfileForm
from coffeechat.community.models import VolunteerProfile


def _own_profile(user) -> VolunteerProfile:
    existing = VolunteerProfile.objects.filter(owner=user).first()
    return existing or VolunteerProfile(
        owner=user, name=user.get_full_name() or user.get_username(), email=user.email
    )


@allowed("profile.edit_own")
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    profile = _own_profile(request.user)
    form = VolunteerProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("community:my_profile")
    context = {
        "form": form,
        "profile": profile,
        "pause_form": PauseForm(),
        "stale": profile.pk and profile.is_stale(),
        "today": timezone.localdate(),
    }
    return render(request, "community/profile_form.html", context)


@allowed("profile.edit_own")
@require_POST
def pause(request):
    profile = VolunteerProfile.objects.filter(owner=request.user).first()
    if profile is None:
        messages.error(request, "Fill in your profile first.")
        return redirect("community:my_profile")
    form = PauseForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("until", []):
            messages.error(request, error)
        return redirect("community:my_profile")
    profile.pause(form.cleaned_data["until"])
    messages.success(request, "Paused: you won't get requests until then.")
    return redirect("community:my_profile")


@allowed("profile.edit_own")
@require_POST
def resume(request):
    profile = VolunteerProfile.objects.filter(owner=request.user).first()
    if profile:
        profile.resume()
        messages.success(request, "You are taking requests again.")
    return redirect("community:my_profile")


@allowed("profile.edit_own")
@require_POST
def confirm(request):
    profile = VolunteerProfile.objects.filter(owner=request.user).first()
    if profile:
        profile.confirm()
        messages.success(request, "Thank you: your profile is confirmed as up to date.")
    return redirect("community:my_profile")
