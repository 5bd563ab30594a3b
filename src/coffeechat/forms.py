"""Project-wide form rendering: labels without Django's trailing colon, errors under fields."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"
