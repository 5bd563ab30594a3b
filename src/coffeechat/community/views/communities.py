from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.community.access import allowed, can
from coffeechat.community.forms import CommunityForm
from coffeechat.community.models import CareerCommunity


@allowed("community.view")
def community_list(request):
    communities = CareerCommunity.objects.annotate(people=Count("members", distinct=True))
    mine = set(request.user.career_communities.values_list("pk", flat=True))
    context = {
        "communities": communities,
        "mine": mine,
        "can_join": can(request.user, "community.join"),
        "can_manage": can(request.user, "community.manage"),
    }
    return render(request, "community/community_list.html", context)


@allowed("community.view")
def community_detail(request, pk):
    community = get_object_or_404(CareerCommunity, pk=pk)
    context = {
        "community": community,
        "advisers": community.advisers.order_by("first_name", "username"),
        "is_member": community.members.filter(pk=request.user.pk).exists(),
        "can_join": can(request.user, "community.join"),
        "can_manage": can(request.user, "community.manage"),
    }
    return render(request, "community/community_detail.html", context)


@allowed("community.join")
@require_POST
def join_community(request, pk):
    community = get_object_or_404(CareerCommunity, pk=pk)
    community.join(request.user)
    messages.success(request, f"You joined {community.name}.")
    return redirect(community)


@allowed("community.join")
@require_POST
def leave_community(request, pk):
    community = get_object_or_404(CareerCommunity, pk=pk)
    community.leave(request.user)
    messages.success(request, f"You left {community.name}.")
    return redirect(community)


@allowed("community.manage")
@require_http_methods(["GET", "POST"])
def community_new(request):
    return _edit(request, CareerCommunity())


@allowed("community.manage")
@require_http_methods(["GET", "POST"])
def community_edit(request, pk):
    return _edit(request, get_object_or_404(CareerCommunity, pk=pk))


def _edit(request, community):
    form = CommunityForm(request.POST or None, instance=community)
    if request.method == "POST" and form.is_valid():
        community = form.save()
        messages.success(request, f"Saved {community.name}.")
        return redirect(community)
    return render(request, "community/community_form.html", {"form": form, "community": community})
