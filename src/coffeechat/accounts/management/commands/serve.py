from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.urls import reverse

from coffeechat.accounts.models import make_setup_token
from coffeechat.commands import CoffeechatCommand
from coffeechat.processes import Supervisor, can_fork, listening_socket


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
        parser.add_argument(
            "--threads", type=int, default=8, help="threads per process (default 8)"
        )
        parser.add_argument(
            "--processes",
            type=int,
            default=1,
            help="server processes sharing the port, to use several cores (default 1; "
            "Linux and macOS; see docs/DEPLOY.md)",
        )

    def handle(self, *args, **options):
        from waitress import serve

        from coffeechat.wsgi import application

        port = options["port"] or settings.SERVE_PORT
        if not 0 < port < 65536:
            raise CommandError(f"{port} is not a port number (1-65535).")
        host = options["host"]
        processes = options["processes"]
        if processes < 1 or options["threads"] < 1:
            raise CommandError("--processes and --threads must be 1 or more.")
        if processes > 1 and not can_fork():
            raise CommandError(
                "--processes needs Linux or macOS; on this system run one process per port "
                "behind a proxy instead (docs/DEPLOY.md)."
            )
        shown_host = f"[{host}]" if ":" in host else host
        url = f"http://{shown_host}:{port}/"
        self.stdout.write(f"coffeechat is running at {url}")
        if not get_user_model().objects.exists():
            setup = url.rstrip("/") + reverse("accounts:first_run", args=[make_setup_token()])
            self.stdout.write(f"No account yet. Create yours here: {setup}")
        waitress_options = {
            "threads": options["threads"],
            # waitress drops X-Forwarded-* headers unless told otherwise; with trusted
            # proxies configured, coffeechat.proxy decides which to believe.
            "clear_untrusted_proxy_headers": not settings.TRUSTED_PROXIES,
            "_quiet": True,
        }
        try:
            if processes == 1:
                self.stdout.write("Press Ctrl+C to stop.")
                self.stdout.flush()
                serve(application, host=host, port=port, **waitress_options)
                return
            sock = listening_socket(host, port)
        except OSError as error:
            raise CommandError(f"cannot listen on {host}:{port}: {error.strerror}.") from None
        self.stdout.write(
            f"{processes} processes of {options['threads']} threads. Press Ctrl+C to stop."
        )
        self.stdout.flush()
        status = Supervisor(
            sock, processes, lambda shared: serve(application, sockets=[shared], **waitress_options)
        ).run()
        if status:
            raise CommandError("the server processes kept stopping; see the messages above.")
