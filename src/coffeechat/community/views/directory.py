from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.community.access import allowed, can, require
from coffeechat.community.answering import answer_rate
from coffeechat.community.blocking import block_between
from coffeechat.community.directory import Filters, attach, search
from coffeechat.community.forms import DirectoryForm
from coffeechat.community.models import VolunteerProfile
from coffeechat.community.roles import Role, roles_of
from coffeechat.community.saving import save_to_contacts, saved_contact
from coffeechat.community.visibility import visible_fields

MAX_PAGE = 500


@allowed("directory.search")
def directory(request):
    form = DirectoryForm(request.GET or None)
    filters = Filters()
    if form.is_bound and form.is_valid():
        filters = Filters(**{k: v for k, v in form.cleaned_data.items() if v not in (None, "")})
    try:
        page = min(max(int(request.GET.get("page", 1)), 1), MAX_PAGE)
    except ValueError:
        page = 1
    results, has_next = search(filters, timezone.localdate(), page)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "filters": filters,
        "results": results,
        "page": page,
        "has_next": has_next,
        "query": query.urlencode(),
        "now": timezone.now(),
        "today": timezone.localdate(),
        "roles": roles_of(request.user),
    }
    template = "community/directory.html#results" if request.htmx else "community/directory.html"
    return render(request, template, context)


def _profile_for(request, pk):
    """The profile at ``pk``: deactivated ones only for those who may reactivate them."""
    profile = get_object_or_404(VolunteerProfile.objects.select_related("owner"), pk=pk)
    if profile.owner_id == request.user.pk:
        return profile
    if not profile.joined:
        raise Http404("Not found.")
    if not profile.is_active:
        require(request.user, "volunteer.deactivate", profile)
    return profile


@allowed("volunteer.view")
def volunteer(request, pk):
    profile = _profile_for(request, pk)
    (result,) = attach([profile])
    is_self = profile.owner_id == request.user.pk
    is_student = Role.STUDENT in roles_of(request.user)
    i_blocked, they_blocked = (
        block_between(request.user, profile.owner) if is_student and not is_self else (False, False)
    )
    context = {
        "profile": profile,
        "result": result,
        "shown": visible_fields(profile, request.user),
        "answer_rate": answer_rate(profile),
        "saved": saved_contact(request.user, profile),
        "can_deactivate": can(request.user, "volunteer.deactivate", profile),
        "is_self": is_self,
        "is_student": is_student,
        # A block either way leaves out the Ask, and the page says which way it runs.
        "i_blocked": i_blocked,
        "they_blocked": they_blocked,
        "now": timezone.now(),
        "today": timezone.localdate(),
    }
    return render(request, "community/volunteer.html", context)


@allowed("volunteer.save_to_contacts")
@require_POST
def save_volunteer(request, pk):
    profile = _profile_for(request, pk)
    if profile.owner_id == request.user.pk:
        messages.info(request, "This is your own profile.")
        return redirect(profile)
    contact = save_to_contacts(request.user, profile)
    messages.success(request, f"{profile.name} is in your contacts now.")
    return redirect(contact)


@allowed("volunteer.deactivate")
@require_http_methods(["GET", "POST"])
def deactivate(request, pk):
    profile = get_object_or_404(VolunteerProfile, pk=pk, joined=True)
    require(request.user, "volunteer.deactivate", profile)
    if request.method == "POST":
        profile.deactivate()
        messages.success(request, f"{profile.name} no longer appears in the directory.")
        return redirect(profile)
    return render(request, "community/deactivate.html", {"profile": profile})


@allowed("volunteer.deactivate")
@require_POST
def reactivate(request, pk):
    profile = get_object_or_404(VolunteerProfile, pk=pk, joined=True)
    require(request.user, "volunteer.deactivate", profile)
    profile.reactivate()
    messages.success(request, f"{profile.name} is back in the directory.")
    return redirect(profile)
