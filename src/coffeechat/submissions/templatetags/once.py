import uuid

from django import template
from django.utils.html import format_html

from coffeechat.submissions.once import FIELD

register = template.Library()


@register.simple_tag
def once():
    """A hidden token that makes sending this form twice make one thing (see once.py)."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, uuid.uuid4())
