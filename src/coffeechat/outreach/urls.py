from django.urls import path

from coffeechat import lazyviews

compose, messages, templates = lazyviews.of(
    __package__, "views.compose", "views.messages", "views.templates"
)

app_name = "outreach"

urlpatterns = [
    path("", messages.list_messages, name="messages"),
    path("compose/", compose.compose, name="compose"),
    path("check/", compose.check, name="check"),
    path("check/rules/", compose.list_rules, name="rules"),
    path("check/rules/<slug:rule>/", compose.explain_rule, name="rule"),
    path("messages/<int:pk>/", messages.message_detail, name="message"),
    path("messages/<int:pk>/edit/", messages.edit_message, name="edit"),
    path("messages/<int:pk>/delete/", messages.delete_message, name="delete"),
    path("messages/<int:pk>/message.eml", messages.download_eml, name="eml"),
    path("templates/", templates.list_templates, name="templates"),
    path("templates/new/", templates.create_template, name="template_create"),
    path("templates/<int:pk>/edit/", templates.edit_template, name="template_edit"),
    path("templates/<int:pk>/delete/", templates.delete_template, name="template_delete"),
    path("templates/builtin/<slug:key>/edit/", templates.edit_builtin, name="builtin_edit"),
    path("templates/builtin/<slug:key>/reset/", templates.reset_builtin, name="builtin_reset"),
]
