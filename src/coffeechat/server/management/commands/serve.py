"""`coffeechat serve`: migrate, then run the site with waitress (in the server app, the top
floor, since it serves every app)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.urls import reverse
from waitress import serve

from coffeechat.accounts.models import make_setup_token
from coffeechat.commands import CoffeechatCommand
from coffeechat.wsgi import application


class Command(CoffeechatCommand):
    help = "Migrate the database, then serve coffeechat on 127.0.0.1 with waitress."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=None,
            help="port to listen on (default: $PORT, else 8000)",
        )
        parser.add_argument(
            "--host",
            default="127.0.0.1",
            help="address to listen on (default 127.0.0.1; only change this behind a proxy)",
        )
        parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")

    def handle(self, *args, **options):
        port = options["port"] or settings.SERVE_PORT
        if not 0 < port < 65536:
            raise CommandError(f"{port} is not a port number (1-65535).")
        host = options["host"]
        shown_host = f"[{host}]" if ":" in host else host
        url = f"http://{shown_host}:{port}/"
        self.stdout.write(f"coffeechat is running at {url}")
        if not get_user_model().objects.exists():
            setup = url.rstrip("/") + reverse("accounts:first_run", args=[make_setup_token()])
            self.stdout.write(f"No account yet. Create yours here: {setup}")
        self.stdout.write("Press Ctrl+C to stop.")
        self.stdout.flush()
        try:
            serve(
                application,
                host=host,
                port=port,
                threads=options["threads"],
                # waitress drops X-Forwarded-* headers unless told otherwise; with trusted
                # proxies configured, coffeechat.proxy decides which to believe.
                clear_untrusted_proxy_headers=not settings.TRUSTED_PROXIES,
                _quiet=True,
            )
        except OSError as error:
            raise CommandError(f"cannot listen on {host}:{port}: {error.strerror}.") from None
