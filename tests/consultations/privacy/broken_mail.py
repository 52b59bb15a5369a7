"""A mail backend standing in for a mail server that is down."""

from django.core.mail.backends.base import BaseEmailBackend


class UnreachableMailServer(BaseEmailBackend):
    """Fails like SMTP does, naming the recipient in the error: it must not reach the logs."""

    def send_messages(self, email_messages):
        recipients = ", ".join(r for message in email_messages for r in message.to)
        raise ConnectionRefusedError(f"Connection refused while sending to {recipients}")
