"""Addresses that leave the browser: a calendar feed, a link in an email.

They must work from anywhere, so they start with the configured public address
(``COFFEECHAT_PUBLIC_URL``) when there is one, else with the address the request came
to, which is right for one person on a laptop and for a correctly set-up proxy.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def absolute_url(request: HttpRequest | None, path: str) -> str:
    """``path`` (starting with "/") as a full address others can open."""
    if settings.PUBLIC_URL:
        return settings.PUBLIC_URL + path
    if request is None:
        raise ValueError("no request to build the address from: set COFFEECHAT_PUBLIC_URL")
    return request.build_absolute_uri(path)


def site_root(request: HttpRequest | None) -> str:
    """The site's address without a trailing slash, to put paths after."""
    return absolute_url(request, "/")[:-1]


def is_local(url: str) -> bool:
    """Whether only this computer (or its local network) can open ``url``: a calendar
    service on the internet cannot."""
    host = (urlsplit(url).hostname or "").lower()
    if host in ("localhost", "") or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host  # a bare machine name
    return address.is_loopback or address.is_private or address.is_link_local
