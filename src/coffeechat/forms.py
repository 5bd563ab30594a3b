"""Project-wide form rendering: labels without Django's trailing colon, errors under fields."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "forms/field.html"


# A date typed where the browser has no date picker must be in the one form we read
# (the picker sends it too). Django would also take 3/11/2025 as 11 March, which a
# student who means 3 November would never notice, so only this form is accepted.
DATE_FORMAT = "YYYY-MM-DD, e.g. 2026-03-14"
DATE_INPUT_FORMATS = ["%Y-%m-%d"]

_LINE_BREAK = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def single_line(value: str) -> None:
    """A name or title typed in a one-line box must stay on one line: a crafted post (or a
    paste into some browsers) can carry a line break that would split it in a message."""
    if value and _LINE_BREAK.search(value):
        raise ValidationError(
            "Keep this on one line: it can't contain a line break.", code="line_break"
        )


def refuse_line_breaks(form: forms.BaseForm) -> None:
    """Add ``single_line`` to every text field of ``form`` shown as a one-line box."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and isinstance(field.widget, forms.TextInput):
            field.validators.append(single_line)
