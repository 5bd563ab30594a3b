from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import Lower
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.contacts.forms import OrganizationForm
from coffeechat.contacts.models import Organization
from coffeechat.contacts.normalize import without_nul
from coffeechat.submissions.once import submitted_once


def list_organizations(request):
    q = without_nul(request.GET.get("q", "")).strip()[:200]
    organizations = (
        Organization.objects.owned_by(request.user)
        .annotate(contact_count=Count("contacts"))
        .order_by(Lower("name"), "pk")
    )
    if q:
        organizations = organizations.filter(name__icontains=q)
    page = Paginator(organizations, 50).get_page(request.GET.get("page"))
    return render(request, "contacts/organization_list.html", {"page": page, "q": q})


def organization_detail(request, pk):
    organization = get_owned_or_404(Organization, request.user, pk=pk)
    contacts = organization.contacts.order_by("last_name", "first_name")
    return render(
        request,
        "contacts/organization_detail.html",
        {"organization": organization, "contacts": contacts},
    )


@require_http_methods(["GET", "POST"])
@submitted_once
def create_organization(request):
    form = OrganizationForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        organization = form.save()
        messages.success(request, f"Added {organization.name}.")
        return redirect(organization)
    return render(request, "contacts/organization_form.html", {"form": form, "organization": None})


@require_http_methods(["GET", "POST"])
def edit_organization(request, pk):
    organization = get_owned_or_404(Organization, request.user, pk=pk)
    form = OrganizationForm(request.POST or None, instance=organization, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Changes saved.")
        return redirect(organization)
    return render(
        request, "contacts/organization_form.html", {"form": form, "organization": organization}
    )


@require_http_methods(["GET", "POST"])
def delete_organization(request, pk):
    organization = get_owned_or_404(Organization, request.user, pk=pk)
    if request.method == "POST":
        name = organization.name
        organization.delete()
        messages.success(
            request, f"Deleted {name}. Its contacts are kept, without an organization."
        )
        return redirect("contacts:organization_list")
    return render(
        request,
        "contacts/organization_confirm_delete.html",
        {"organization": organization, "contact_count": organization.contacts.count()},
    )
