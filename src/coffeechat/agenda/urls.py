from django.urls import path

from coffeechat import lazyviews

views = lazyviews.of(__package__, "views")

app_name = "agenda"

urlpatterns = [
    path("", views.everything_due, name="due"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/new-address/", views.regenerate_feed, name="regenerate_feed"),
    path("feed/<str:token>.ics", views.calendar_feed, name="feed"),
]
