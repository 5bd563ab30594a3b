from django.shortcuts import render
from django.utils import timezone

from coffeechat.agenda.sections import HOME_LIMIT, sections
from coffeechat.contacts.models import Contact
from coffeechat.due import ahead, due_items


def home(request):
    contacts = Contact.objects.owned_by(request.user)
    today = timezone.localdate()  # in the user's time zone (UserTimezoneMiddleware)
    context = {
        "today": today,
        # One more than it shows, so it knows whether there are more: not thousands.
        "due_sections": sections(
            due_items(request.user, today, until=ahead(today), first=HOME_LIMIT + 1),
            today,
            limit=HOME_LIMIT,
        ),
        "contact_count": contacts.count(),
        "recent_contacts": contacts.select_related("organization").order_by("-created_at")[:5],
    }
    return render(request, "home.html", context)
