import asyncio

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.module_loading import autodiscover_modules

from coffeechat.commands import CoffeechatCommand


class Command(CoffeechatCommand):
    help = (
        "Run the task queue's worker: mail, reminders, request expiry, the daily digest.\n\n"
        "On PostgreSQL, run one or more (on as many machines as you like) beside the web\n"
        "server; each job runs once, and a job whose worker was killed is run again. On\n"
        "SQLite, mail goes out from the web process itself and this runs only the periodic\n"
        "tasks (reminders, expiry, the digest)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--concurrency",
            type=int,
            default=1,
            help="jobs run at once by this worker (default: %(default)s)",
        )

    def handle(self, *args, concurrency, **options):
        if concurrency < 1:
            raise CommandError("--concurrency must be at least 1.")
        from procrastinate.contrib.django import app

        worker_options = {
            "concurrency": concurrency,
            "install_signal_handlers": True,
            "delete_jobs": "successful",
        }
        if settings.QUEUE_AVAILABLE:
            self.stdout.write("coffeechat worker: waiting for jobs (Ctrl-C stops it).")
            with app.replace_connector(app.connector.get_worker_connector()):
                app.run_worker(**worker_options)
            return
        # SQLite: no shared queue. Periodic tasks are deferred into this process's memory
        # and run here; what they ask for runs in process (coffeechat.queue.later).
        from procrastinate import App
        from procrastinate.contrib.django import procrastinate_app
        from procrastinate.testing import InMemoryConnector

        autodiscover_modules("tasks")
        local = App(connector=InMemoryConnector())
        local.add_tasks_from(procrastinate_app.current_app, namespace="")
        self.stdout.write("coffeechat worker: running the periodic tasks (Ctrl-C stops it).")

        async def run():
            async with local.open_async():
                await local.run_worker_async(**worker_options)

        asyncio.run(run())
