from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.notifications.forms import PreferencesForm
from coffeechat.notifications.mail import user_for_token
from coffeechat.notifications.models import Notification, Preferences

PAGE_SIZE = 30


def notification_list(request):
    notices = Notification.objects.owned_by(request.user)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


def open_notification(request, pk):
    notice = get_owned_or_404(Notification, request.user, pk=pk)  # someone else's: 404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if notice.read_at is None:
        Notification.objects.filter(pk=notice.pk, read_at=None).update(read_at=timezone.now())
    if notice.url and url_has_allowed_host_and_scheme(notice.url, allowed_hosts=None):
        return redirect(notice.url)
    return redirect("notifications:list")


@require_POST
def mark_all_read(request):
    Notification.objects.owned_by(request.user).filter(read_at=None).update(read_at=timezone.now())
    messages.success(request, "Everything is marked as read.")
    return redirect("notifications:list")


@require_http_methods(["GET", "POST"])
def preferences(request):
    current = Preferences.for_user(request.user)
    form = PreferencesForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your notification settings are saved.")
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "has_email": bool(request.user.email)},
    )


@login_not_required
@csrf_exempt  # mail apps' one-click button posts without a form; the token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """From an email's footer or the mail app's own button (a one-click POST): no email
    from coffeechat any more. Signed, so nobody can unsubscribe someone else."""
    user = user_for_token(token)
    if user is None:
        raise Http404("This unsubscribe link is not valid.")
    if request.method == "POST":
        current = Preferences.for_user(user)
        current.emailed, current.digest = [], False
        current.save()
        return render(request, "notifications/unsubscribed.html")
    return render(request, "notifications/unsubscribe.html", {"token": token})
