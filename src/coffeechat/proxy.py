"""Serving behind a TLS reverse proxy (nginx, Caddy, a load balancer).

The proxy speaks HTTPS to the browser and plain HTTP to coffeechat, and says what it
saw in two headers: ``X-Forwarded-Proto`` (was it https?) and ``X-Forwarded-For`` (who
asked). Either header is trusted only when the request comes from an address in
COFFEECHAT_TRUSTED_PROXIES; anyone else could send them to pose as someone else or to
pass for HTTPS. Without this, every visitor would share the proxy's one address, and the
log-in lockout would lock them all out together.
"""

import ipaddress
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

FORWARDED_PROTO = "HTTP_X_FORWARDED_PROTO"
FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def parse_networks(variable: str, values: Iterable[str]) -> list[Network]:
    """Addresses or networks (``10.0.0.0/8``) from a setting; a bad one stops start-up."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"{variable}: {value!r} is not an IP address or network such as "
                "127.0.0.1 or 10.0.0.0/8."
            ) from None
    return networks


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted(address: str, networks: Iterable[Network]) -> bool:
    ip = _address(address)
    return ip is not None and any(ip in network for network in networks)


def client_address(meta: dict, networks: list[Network]) -> str:
    """Who asked: the peer, or behind trusted proxies the first address they vouch for.

    X-Forwarded-For lists the client and then each proxy that passed the request on;
    it is read from the right, skipping our own proxies, so a client cannot choose its
    address by sending the header itself.
    """
    peer = meta.get("REMOTE_ADDR", "")
    if not networks or not is_trusted(peer, networks):
        return peer
    hops = [hop.strip() for hop in meta.get(FORWARDED_FOR, "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if _address(hop) is None:
            break  # garbage in the header: stop at the last address we can vouch for
        if not is_trusted(hop, networks):
            return hop
        peer = hop
    return peer


class TrustedProxyMiddleware:
    """First in MIDDLEWARE: the client's real address in REMOTE_ADDR (the log-in lockout
    reads it), and X-Forwarded-Proto kept only when a trusted proxy sent it, so
    SECURE_PROXY_SSL_HEADER (set in settings when proxies are configured) can rely on it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.networks = parse_networks("COFFEECHAT_TRUSTED_PROXIES", settings.TRUSTED_PROXIES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        if is_trusted(meta.get("REMOTE_ADDR", ""), self.networks):
            meta["REMOTE_ADDR"] = client_address(meta, self.networks)
        else:
            meta.pop(FORWARDED_PROTO, None)
            meta.pop(FORWARDED_FOR, None)
        return self.get_response(request)
