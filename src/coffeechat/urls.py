from django.contrib import admin
from django.urls import include, path

from coffeechat import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("coffeechat.accounts.urls")),
    path("contacts/export/", include("coffeechat.exports.urls")),
    path("contacts/", include("coffeechat.contacts.urls")),
    path("outreach/", include("coffeechat.outreach.urls")),
    path("interviews/", include("coffeechat.interviews.urls")),
    path("agenda/", include("coffeechat.agenda.urls")),
    path("network/requests/", include("coffeechat.chats.urls")),
    path("network/", include("coffeechat.community.urls")),
    path("notifications/", include("coffeechat.notifications.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "coffeechat.errors.page_not_found"
