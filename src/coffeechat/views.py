from django.shortcuts import render

from coffeechat.contacts.models import Contact


def home(request):
    contacts = Contact.objects.owned_by(request.user)
    context = {
        "contact_count": contacts.count(),
        "recent_contacts": contacts.select_related("organization").order_by("-created_at")[:5],
    }
    return render(request, "home.html", context)
