from django.urls import path

from coffeechat import lazyviews

views = lazyviews.of(__package__, "views")

app_name = "exports"

# Mounted at contacts/export/, where the page has always been.
urlpatterns = [
    path("", views.export_page, name="export"),
    path("restore/", views.restore, name="restore"),
    path("<str:fmt>/", views.download, name="download"),
]
