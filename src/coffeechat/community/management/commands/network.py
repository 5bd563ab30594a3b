from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils import timezone

from coffeechat.commands import CoffeechatCommand
from coffeechat.community.joining import awaiting_verification, claim_path, unclaimed, verify_path
from coffeechat.community.models import CareerCommunity, Invitation
from coffeechat.community.roles import Role, grant, holders, revoke


class Command(CoffeechatCommand):
    help = (
        "The career-office network: print joining links, invite, give or take roles.\n\n"
        "  coffeechat network links      every open invitation, verification and claim link\n"
        "  coffeechat network invite --role volunteer [--email A] [--community NAME]\n"
        "  coffeechat network grant USERNAME ROLE   (revoke USERNAME ROLE takes it away)"
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["links", "invite", "grant", "revoke"])
        parser.add_argument("names", nargs="*", help="USERNAME ROLE for grant and revoke")
        parser.add_argument(
            "--base-url",
            default=f"http://127.0.0.1:{settings.SERVE_PORT}",
            help="the address people open coffeechat at (default: %(default)s)",
        )
        parser.add_argument("--role", action="append", choices=Role.values, default=[])
        parser.add_argument("--email", default="")
        parser.add_argument("--community", action="append", default=[], metavar="NAME")
        parser.add_argument("--days", type=int, default=14)
        parser.add_argument("--by", metavar="USERNAME", help="the administrator inviting")

    def handle(self, *args, action, base_url, **options):
        if not settings.NETWORK:
            raise CommandError(
                "the career-office network is off; set COFFEECHAT_NETWORK=on "
                "(docs/CAREER-OFFICE.md)."
            )
        self.base_url = base_url.rstrip("/")
        getattr(self, f"do_{action}")(**options)

    def url(self, path: str) -> str:
        return self.base_url + path

    def do_links(self, **options):
        now = timezone.now()
        printed = 0
        for invitation in Invitation.objects.filter(used_at__isnull=True, expires_at__gt=now):
            who = invitation.email or "anyone"
            roles = ", ".join(invitation.roles)
            self.stdout.write(
                f"invitation ({roles}) for {who}: {self.url(invitation.get_absolute_url())}"
            )
            printed += 1
        for user in awaiting_verification():
            self.stdout.write(f"confirm address of {user.email}: {self.url(verify_path(user))}")
            printed += 1
        for user in unclaimed():
            self.stdout.write(f"claim account of {user.email}: {self.url(claim_path(user))}")
            printed += 1
        if not printed:
            self.stdout.write("No open links.")

    def do_invite(self, *, role, email, community, days, by, **options):
        if not role:
            raise CommandError(
                "say which role with --role (student, volunteer, adviser, administrator)."
            )
        if not 1 <= days <= 60:
            raise CommandError("--days must be between 1 and 60.")
        communities = []
        for name in community:
            found = CareerCommunity.objects.filter(name__iexact=name.strip()).first()
            if found is None:
                raise CommandError(f"there is no community named {name!r}.")
            communities.append(found)
        inviter = self.administrator(by)
        invitation = Invitation.issue(inviter, role, communities, email.strip(), days)
        self.stdout.write(self.url(invitation.get_absolute_url()))

    def do_grant(self, *, names, **options):
        user, role = self.user_and_role(names)
        grant(user, role)
        self.stdout.write(f"{user.username} is now {role.label.lower()}.")

    def do_revoke(self, *, names, **options):
        user, role = self.user_and_role(names)
        revoke(user, role)
        self.stdout.write(f"{user.username} is no longer {role.label.lower()}.")

    def user_and_role(self, args):
        if len(args) != 2:
            raise CommandError("give a username and a role, e.g. `grant avery adviser`.")
        username, role = args
        if role not in Role.values:
            raise CommandError(f"{role!r} is not a role; use one of: {', '.join(Role.values)}.")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"there is no account named {username!r}.")
        return user, Role(role)

    def administrator(self, username):
        users = get_user_model().objects.filter(holders(Role.ADMINISTRATOR)).distinct()
        if username:
            users = get_user_model().objects.filter(username=username)
        user = users.order_by("pk").first()
        if user is None:
            raise CommandError("there is no administrator account to invite in the name of.")
        return user
