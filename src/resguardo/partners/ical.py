"""Due dates as an iCalendar (RFC 5545) file, written by hand: all-day events."""

import datetime

from django.utils.translation import gettext as _

KIND_LABELS = {
    "review": lambda: _("Partner review due"),
    "certification": lambda: _("Certification expires"),
    "questionnaire": lambda: _("Questionnaire link expires"),
    "finding": lambda: _("Finding due"),
}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > 74:
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def calendar_ics(events, organization) -> str:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Resguardo//Business partners//ES",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(str(organization))}",
    ]
    for event in events:
        day = event.day.strftime("%Y%m%d")
        end = (event.day + datetime.timedelta(days=1)).strftime("%Y%m%d")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.kind}-{event.partner_id}-{day}@resguardo",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day}",
            f"DTEND;VALUE=DATE:{end}",
            "SUMMARY:"
            + _escape(
                _("%(what)s: %(title)s") % {"what": KIND_LABELS[event.kind](), "title": event.title}
            ),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
