"""Create (once) a local administrator for development and print how to sign in."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a local admin account (development only) and print its credentials."

    def handle(self, *args, **options):
        if not getattr(settings, "LOCAL_ADMIN_ALLOWED", False):
            raise CommandError("Local admin accounts are only made with the development settings.")
        credentials = settings.VAR_DIR / "local-admin.txt"
        User = get_user_model()
        username = "admin"
        password = credentials.read_text().strip() if credentials.exists() else ""
        user = User.objects.filter(username=username).first()
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            user = user or User(username=username, email="admin@example.gov.uk")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            credentials.parent.mkdir(parents=True, exist_ok=True)
            credentials.write_text(password + "\n")
            credentials.chmod(0o600)
        url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/"
        self.stdout.write(
            self.style.SUCCESS(
                f"Sign in to the admin at {url} as '{username}' with password '{password}'."
            )
        )
        self.stdout.write(f"(The password is kept in {credentials}.)")
