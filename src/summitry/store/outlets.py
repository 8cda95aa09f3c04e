"""The outlet a document came from, read off its URL: stored with the document so the web app
filters by it in SQL (``documents.outlet``) instead of reading every URL per request."""

from __future__ import annotations

from urllib.parse import urlsplit


def outlet_of(url: str | None) -> str | None:
    """The site a document came from (https://www.rfi.fr/cn/... -> rfi.fr), for a web URL only:
    a ``javascript:`` or ``file:`` URL from a feed is never shown as a link."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.removeprefix("www.")
