"""`coffeechat send`: send a drafted email through the configured mail server.

The same function as the message page's "Send now" button (conversations.moves
.send_by_email): the checker's errors stop it unless --send-anyway, and once sent, the
conversation moves along exactly as it does from the web.
"""

from django.core.management.base import CommandError
from django.http import Http404

from coffeechat.accounts.ownership import get_owned_or_404
from coffeechat.commands import CoffeechatCommand
from coffeechat.conversations import moves
from coffeechat.outreach.models import Message
from coffeechat.refusals import Refused


class Command(CoffeechatCommand):
    help = "Send a drafted email through coffeechat's mail server (SMTP) and record it as sent."
    takes_user = True

    def add_arguments(self, parser):
        parser.add_argument("message", type=int, metavar="ID", help="the draft's number")
        parser.add_argument(
            "--send-anyway",
            action="store_true",
            help="send even though the checker found problems in the draft",
        )

    def handle(self, *args, **options):
        user = self.resolve_user(options)
        try:
            message = get_owned_or_404(
                Message.objects.select_related("contact"), user, pk=options["message"]
            )
        except Http404:
            raise CommandError(f"You have no message number {options['message']}.") from None
        try:
            moves.send_by_email(message, anyway=options["send_anyway"])
        except moves.Blocked as blocked:
            count = len(blocked.report.by_severity("error"))
            raise CommandError(
                f"Not sent: the checker found {count} problem{'s' if count != 1 else ''} to "
                "fix (its page shows them). Fix the draft, or add --send-anyway if you are sure."
            ) from None
        except Refused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(f"Sent to {message.contact.primary_email}.")
