from django.urls import path

from coffeechat import lazyviews

contacts, importing, organizations = lazyviews.of(
    __package__, "views.contacts", "views.importing", "views.organizations"
)

app_name = "contacts"

urlpatterns = [
    path("", contacts.list_contacts, name="list"),
    path("new/", contacts.create_contact, name="create"),
    path("<int:pk>/", contacts.contact_detail, name="detail"),
    path("<int:pk>/edit/", contacts.edit_contact, name="edit"),
    path("<int:pk>/notes/", contacts.edit_notes, name="edit_notes"),
    path("<int:pk>/delete/", contacts.delete_contact, name="delete"),
    path("organizations/", organizations.list_organizations, name="organization_list"),
    path("organizations/new/", organizations.create_organization, name="organization_create"),
    path("organizations/<int:pk>/", organizations.organization_detail, name="organization_detail"),
    path("organizations/<int:pk>/edit/", organizations.edit_organization, name="organization_edit"),
    path(
        "organizations/<int:pk>/delete/",
        organizations.delete_organization,
        name="organization_delete",
    ),
    path("import/", importing.upload, name="import"),
    path("import/<int:pk>/", importing.preview, name="import_preview"),
    path("import/<int:pk>/confirm/", importing.confirm, name="import_confirm"),
]
