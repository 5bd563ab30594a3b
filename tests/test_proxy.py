"""Behind a TLS reverse proxy: the scheme and the client's address come from the proxy's
headers, and only from a proxy listed in COFFEECHAT_TRUSTED_PROXIES."""

import http.client
import os
import subprocess
import sys
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from coffeechat.proxy import client_address, parse_networks
from tests.accounts.test_cli_accounts import free_port
from tests.conftest import PASSWORD

PROXY = "10.0.0.5"
NETWORKS = parse_networks("TEST", [PROXY, "fd00::/8"])


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


def test_a_trusted_proxy_vouches_for_the_client_address():
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert client_address(meta, NETWORKS) == "203.0.113.7"


def test_an_address_a_client_sent_itself_is_not_believed():
    # The client put 198.51.100.1 in the header; the proxy appended what it really saw.
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.7"}
    assert client_address(meta, NETWORKS) == "203.0.113.7"


def test_a_direct_visitor_cannot_pose_as_a_proxy():
    meta = {"REMOTE_ADDR": "203.0.113.7", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert client_address(meta, NETWORKS) == "203.0.113.7"


def test_chained_proxies_and_garbage_in_the_header():
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7, fd00::2"}
    assert client_address(meta, NETWORKS) == "203.0.113.7"
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "<script>, fd00::2"}
    assert client_address(meta, NETWORKS) == "fd00::2"


def test_a_bad_proxy_address_stops_start_up():
    with pytest.raises(ImproperlyConfigured, match="not an IP address"):
        parse_networks("COFFEECHAT_TRUSTED_PROXIES", ["10.0.0.300"])


def test_the_feed_address_is_https_behind_the_proxy(behind_proxy, owner):
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https")
    client.force_login(owner)
    page = client.get("/agenda/calendar/", HTTP_HOST="localhost")
    assert 'value="https://localhost/agenda/feed/' in page.text


def test_a_direct_visitor_cannot_claim_https(behind_proxy, owner):
    client = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(owner)
    page = client.get("/agenda/calendar/", HTTP_HOST="localhost")
    assert 'value="http://localhost/agenda/feed/' in page.text


def failed_login(client, username):
    return client.post("/accounts/login/", {"username": username, "password": "wrong-guess"})


def test_the_lockout_counts_each_client_behind_the_proxy_apart(behind_proxy, owner):
    behind_proxy.AXES_FAILURE_LIMIT = 3
    guesser = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(3):
        failed_login(guesser, "olivia")
    assert failed_login(guesser, "olivia").status_code == 429

    olivia = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.20")
    response = olivia.post("/accounts/login/", {"username": "olivia", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/"


def system_check(tmp_path, **variables):
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path), **variables}
    env.pop("DATABASE_URL", None)
    # The browser tests set this in the test process; a deployment check fails on it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [sys.executable, "-m", "coffeechat.cli", "system-check", "--deploy"]
    return subprocess.run(
        [*command, "--fail-level", "WARNING"], capture_output=True, text=True, env=env
    )


PRODUCTION = {
    "COFFEECHAT_ALLOWED_HOSTS": "coffeechat.example.edu",
    "COFFEECHAT_CSRF_TRUSTED_ORIGINS": "https://coffeechat.example.edu",
    "COFFEECHAT_TRUSTED_PROXIES": "127.0.0.1",
    "COFFEECHAT_SECURE_COOKIES": "true",
    "COFFEECHAT_SSL_REDIRECT": "true",
    "COFFEECHAT_HSTS_SECONDS": "31536000",
    "COFFEECHAT_HSTS_INCLUDE_SUBDOMAINS": "true",
    "COFFEECHAT_HSTS_PRELOAD": "true",
}


def test_the_deployment_check_passes_with_production_settings(tmp_path):
    result = system_check(tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_check_names_what_is_missing(tmp_path):
    result = system_check(tmp_path, **{**PRODUCTION, "COFFEECHAT_HSTS_SECONDS": "0"})
    assert result.returncode == 1
    assert "security.W004" in result.stderr
    assert "security.W008" not in result.stderr


def test_coffeechat_serve_passes_the_proxys_headers_on(tmp_path):
    """waitress removes X-Forwarded-* headers by default; behind a trusted proxy,
    `coffeechat serve` must hand them to the app, or every request looks like plain HTTP
    and the SSL redirect loops."""
    port = free_port()
    env = {
        **os.environ,
        "COFFEECHAT_HOME": str(tmp_path),
        "COFFEECHAT_TRUSTED_PROXIES": "127.0.0.1",
        "COFFEECHAT_SSL_REDIRECT": "true",
    }
    env.pop("DATABASE_URL", None)
    # The browser tests set this in the test process; a deployment check fails on it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "coffeechat.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request(
                    "GET", "/accounts/login/", headers={"X-Forwarded-Proto": "https"}
                )
                break
            except OSError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert connection.getresponse().status == 200
        connection.close()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/accounts/login/")
        response = connection.getresponse()
        assert response.status == 301
        assert response.getheader("Location").startswith("https://")
        connection.close()
    finally:
        server.terminate()
        server.wait(timeout=15)
