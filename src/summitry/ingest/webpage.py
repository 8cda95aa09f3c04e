"""HTML -> Document via trafilatura: the article's main text, title and published date."""

from __future__ import annotations

import codecs
import datetime as dt
import re

from summitry.ingest.decoding import BYTE_ORDER_MARKS, decode_document_bytes, strict_decode
from summitry.ingest.document import check_length, document_id
from summitry.ingest.errors import UnreadableDocument
from summitry.ingest.header import InvalidDate, parse_iso_date
from summitry.model import Document

HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
# Pages carry scripts, styles and markup around a short article: a 5 MB page is ordinary,
# a 50 MB one is not a news page. Its main text must still fit one document.
MAX_PAGE_BYTES = 20_000_000

# Pages declare the narrow legacy charset but use its superset (GBK characters under a
# gb2312 label, HKSCS under big5); decoding with the superset loses nothing.
CHARSET_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}

# Only the page's own metadata may date it: htmldate's extensive search happily takes a
# copyright year from the footer as the publication date.
METADATA_DATE_ONLY = {"extensive_search": False, "original_date": True}


def looks_like_html(text: str) -> bool:
    """Sniff a page saved without an .html name: it opens with a doctype or <html>."""
    return HTML_START.match(text[:4096]) is not None


def document_from_html(html: str, source: str, default_date: dt.date | None) -> Document:
    """Extract offline; the Document's text is the main text, which offsets then point into."""
    import trafilatura  # here, not at the top: it costs half a second of start-up that plain-text runs never need

    page = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=METADATA_DATE_ONLY,
    )
    text = page.text if page is not None else None
    if not text or not text.strip():
        raise UnreadableDocument(source, "no main text found in HTML")
    check_length(text, source)
    return Document(
        id=document_id(text),
        source=source,
        text=text,
        date=page_date(page.date) or default_date,
        title=page.title or None,
        url=page.url or None,
    )


def page_date(value: str | None) -> dt.date | None:
    """The page's stated date, or None when it states none or an impossible one."""
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except InvalidDate:
        return None


def decode_html_bytes(raw: bytes, path: str) -> str:
    """A BOM wins, then the page's declared charset, then the same sniffing as plain text."""
    charset = declared_charset(raw)
    if charset and not any(raw.startswith(mark) for mark, _ in BYTE_ORDER_MARKS):
        text = strict_decode(raw, CHARSET_SUPERSETS.get(charset, charset))
        if text is not None and text.strip():
            return text
    return decode_document_bytes(raw, path)


def declared_charset(raw: bytes) -> str | None:
    """The codec a page's ``<meta charset>`` names, if Python knows it."""
    match = META_CHARSET.search(raw[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
