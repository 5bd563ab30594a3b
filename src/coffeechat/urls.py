from django.contrib import admin
from django.urls import include, path

from coffeechat import lazyviews
from coffeechat.conversations import urls as conversations
from coffeechat.interviews import urls as interviews
from coffeechat.outreach import urls as outreach

# The conversation's pages (conversations/urls.py) sit at outreach's and interviews'
# addresses, under their namespaces: one route name per page, wherever its view lives.
OUTREACH = [*outreach.urlpatterns, *conversations.message_patterns]
INTERVIEWS = [*interviews.urlpatterns, *conversations.interview_patterns]
views = lazyviews.of("coffeechat", "views")

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("coffeechat.accounts.urls")),
    path("contacts/export/", include("coffeechat.exports.urls")),
    path("contacts/", include("coffeechat.contacts.urls")),
    path("outreach/", include((OUTREACH, outreach.app_name))),
    path("interviews/", include((INTERVIEWS, interviews.app_name))),
    path("agenda/", include("coffeechat.agenda.urls")),
    path("network/requests/", include("coffeechat.chats.urls")),
    path("network/", include("coffeechat.community.urls")),
    path("notifications/", include("coffeechat.notifications.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "coffeechat.errors.page_not_found"
