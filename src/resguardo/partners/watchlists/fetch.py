"""Downloading the lists from their public addresses (standard library only)."""

import email.utils
import os
import posixpath
import urllib.error
import urllib.parse
import urllib.request

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import sources
from .importer import ImportResult, list_version_import, record_attempt

MAX_BYTES = 300 * 1024 * 1024
USER_AGENT = "Resguardo watchlist fetcher"


def fetch_timeout() -> float:
    raw = os.environ.get("WATCHLIST_FETCH_TIMEOUT", "").strip()
    try:
        return float(raw) if raw else 120.0
    except ValueError:
        raise ValidationError(
            _("WATCHLIST_FETCH_TIMEOUT must be a number of seconds, got %(value)r.")
            % {"value": raw}
        ) from None


def download(url: str, *, timeout: float) -> tuple[bytes, object]:
    """(content, Last-Modified date or None). Only http and https addresses are followed."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise ValidationError(
            _("The list address must start with http:// or https://, got “%(url)s”.")
            % {"url": url},
            code="url",
        )
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            content = response.read(MAX_BYTES + 1)
            modified = response.headers.get("Last-Modified")
    except urllib.error.HTTPError as error:
        raise ValidationError(
            _("Download of %(url)s failed: the server answered %(status)s %(reason)s.")
            % {"url": url, "status": error.code, "reason": error.reason},
            code="download",
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ValidationError(
            _("Download of %(url)s failed: %(reason)s.") % {"url": url, "reason": reason},
            code="download",
        ) from None
    if len(content) > MAX_BYTES:
        raise ValidationError(_("The file at %(url)s is too large.") % {"url": url})
    published = None
    if modified:
        try:
            published = email.utils.parsedate_to_datetime(modified).date()
        except (TypeError, ValueError):
            published = None
    return content, published


def fetch_source(source: str, *, actor=None) -> ImportResult:
    spec = sources.get_source(source)
    timeout = fetch_timeout()
    url = spec.url
    if not url:
        raise ValidationError(
            _(
                "No address is set for this list: set %(variable)s, or import the downloaded "
                "file with “resguardo lists import %(source)s FILE”."
            )
            % {"variable": spec.url_variable, "source": source},
            code="no_address",
        )
    try:
        content, published = download(url, timeout=timeout)
        alias_content = None
        if spec.has_aliases and spec.alias_url:
            alias_content, _published = download(spec.alias_url, timeout=timeout)
    except ValidationError as error:
        record_attempt(
            source=source,
            succeeded=False,
            message=" ".join(error.messages),
            origin=url,
            actor=actor,
        )
        raise
    file_name = posixpath.basename(urllib.parse.urlsplit(url).path) or f"{source}.csv"
    return list_version_import(
        source=source,
        content=content,
        file_name=urllib.parse.unquote(file_name),
        alias_content=alias_content,
        origin=url,
        actor=actor,
        published_on=published,
    )
