"""Create (once) local admin, editor and moderator accounts for development; say how to sign in."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

# So a newcomer can try the moderation workflow (an editor submits, a moderator approves) and
# moderate the consultations' ideas boards.
ACCOUNTS = [
    ("admin", "admin@example.gov.uk", ()),
    ("editor", "editor@example.gov.uk", ("Editors",)),
    ("moderator", "moderator@example.gov.uk", ("Moderators", "Consultation moderators")),
]


class Command(BaseCommand):
    help = "Create local admin, editor and moderator accounts (development only) and print them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="",
            help="Where the site is served (make run passes its HOST and PORT); "
            "default WAGTAILADMIN_BASE_URL.",
        )

    def handle(self, *args, base_url="", **options):
        if not getattr(settings, "LOCAL_ADMIN_ALLOWED", False):
            raise CommandError("Local admin accounts are only made with the development settings.")
        credentials = settings.VAR_DIR / "local-admin.txt"
        password = credentials.read_text().strip() if credentials.exists() else ""
        password = password or secrets.token_urlsafe(12)
        User = get_user_model()
        for username, email, groups in ACCOUNTS:
            user = User.objects.filter(username=username).first() or User(
                username=username, email=email
            )
            if user.pk is None or not user.check_password(password):
                user.is_staff = True
                user.is_superuser = not groups
                user.set_password(password)
                user.save()
            user.groups.add(*Group.objects.filter(name__in=groups))
        credentials.parent.mkdir(parents=True, exist_ok=True)
        credentials.write_text(password + "\n")
        credentials.chmod(0o600)
        url = f"{(base_url or settings.WAGTAILADMIN_BASE_URL).rstrip('/')}/admin/"
        self.stdout.write(
            self.style.SUCCESS(
                f"Sign in to the admin at {url} as 'admin' with password '{password}'."
            )
        )
        self.stdout.write(
            "To try the moderation workflow, sign in as 'editor' (submits pages) or "
            "'moderator' (approves them, and moderates ideas boards) with the same password."
        )
        self.stdout.write(f"(The password is kept in {credentials}.)")
