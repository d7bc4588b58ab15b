"""A mailbox for the demo: e-mail is kept as files in the data folder and read on a page.

With EMAIL_BACKEND=mailbox (what `resguardo demo` uses), nothing leaves the machine and nothing
is printed: each message becomes one .eml file in DATA_DIR/mail, and each signed-in person
reads the messages addressed to them on the Mailbox page.
"""

import email
import email.policy
import uuid
from dataclasses import dataclass
from datetime import datetime
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend

MAILBOX_BACKEND = "resguardo.core.mailbox.MailboxBackend"
# A demo mailbox holds a few dozen messages; reading is bounded all the same.
MAX_MESSAGES_LISTED = 200
MAX_MESSAGE_BYTES = 2 * 1024 * 1024


def mailbox_enabled() -> bool:
    return settings.EMAIL_BACKEND == MAILBOX_BACKEND


def _folder() -> Path:
    return Path(settings.EMAIL_FILE_PATH)


class MailboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            stamp = datetime.now().strftime("%Y%m%d%H%M%S%f")
            path = folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
            path.write_bytes(message.message().as_bytes())
            sent += 1
        return sent


@dataclass(frozen=True)
class MailboxMessage:
    key: str
    subject: str
    sender: str
    recipients: tuple[str, ...]
    sent_at: datetime | None
    body: str


def _read(path: Path) -> MailboxMessage | None:
    if path.stat().st_size > MAX_MESSAGE_BYTES:
        return None
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    recipients = tuple(
        address.lower()
        for _name, address in getaddresses(parsed.get_all("To", []) + parsed.get_all("Cc", []))
    )
    part = parsed.get_body(preferencelist=("plain",))
    try:
        sent_at = parsedate_to_datetime(parsed["Date"]) if parsed["Date"] else None
    except (TypeError, ValueError):
        sent_at = None
    return MailboxMessage(
        key=path.stem,
        subject=str(parsed["Subject"] or ""),
        sender=str(parsed["From"] or ""),
        recipients=recipients,
        sent_at=sent_at,
        body=part.get_content() if part is not None else "",
    )


def mailbox_messages(*, user) -> list[MailboxMessage]:
    """The newest messages addressed to this person, newest first."""
    folder = _folder()
    if not mailbox_enabled() or not folder.is_dir():
        return []
    address = (user.email or "").lower()
    files = sorted(folder.glob("*.eml"), reverse=True)[:MAX_MESSAGES_LISTED]
    messages = []
    for path in files:
        message = _read(path)
        if message is not None and address in message.recipients:
            messages.append(message)
    return messages


def mailbox_message(*, user, key: str) -> MailboxMessage | None:
    """One message, only when it is addressed to this person (None otherwise)."""
    if not mailbox_enabled() or not key.replace("-", "").isalnum():
        return None
    path = _folder() / f"{key}.eml"
    if not path.is_file():
        return None
    message = _read(path)
    if message is None or (user.email or "").lower() not in message.recipients:
        return None
    return message
