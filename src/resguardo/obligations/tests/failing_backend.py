"""An e-mail backend whose server refuses everything (tests of retries)."""

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("relay refused the connection")
