from django.shortcuts import render
from django.utils import timezone

from coffeechat.agenda.sections import HOME_LIMIT, sections
from coffeechat.contacts.models import Contact
from coffeechat.due import due_items


def home(request):
    contacts = Contact.objects.owned_by(request.user)
    today = timezone.localdate()  # in the user's time zone (UserTimezoneMiddleware)
    context = {
        "today": today,
        "due_sections": sections(due_items(request.user, today), today, limit=HOME_LIMIT),
        "contact_count": contacts.count(),
        "recent_contacts": contacts.select_related("organization").order_by("-created_at")[:5],
    }
    return render(request, "home.html", context)
