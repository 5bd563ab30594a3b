from django import template

register = template.Library()


@register.filter
def public_line(profile) -> str:
    """'Engineer at Ionic Labs · Boston', from what everyone signed in may see."""
    title, organization = profile.public("title"), profile.public("organization")
    job = " at ".join(part for part in (title, organization) if part)
    return " · ".join(part for part in (job, profile.public("location")) if part)


@register.filter
def taking(profile, today) -> bool:
    return profile.is_taking_requests(today)


@register.filter
def left_this_month(profile, today) -> int:
    return profile.capacity_left(today)


@register.filter
def stale(profile, now) -> bool:
    return profile.is_stale(now)


@register.filter
def shows(shown: set, field: str) -> bool:
    return field in shown
