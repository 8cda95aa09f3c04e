"""HTML -> Document via trafilatura: the article's main text, title and published date."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, cast

from summitry.ingest.decoding import BYTE_ORDER_MARKS, decode_document_bytes, strict_decode
from summitry.ingest.document import check_length, document_id
from summitry.ingest.errors import UnreadableDocument
from summitry.ingest.header import InvalidDate, parse_iso_date
from summitry.model import Document

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document as Page

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

    options: dict[str, Any] = {"with_metadata": True, "include_comments": False, "date_extraction_params": METADATA_DATE_ONLY}
    title = date = url = None
    if not parse_html(html, huge=False)[1]:
        page = cast("Page | None", trafilatura.bare_extraction(html, **options))  # as_dict=False: a Document
        text = page.text if page is not None else None
    else:
        # Nested past libxml2's default limit, the text below was cut from the tree and the
        # page read as "no main text" or as its headline alone. A parse that allows a huge
        # tree gives trafilatura the whole page up to libxml2's hard limit; past that, the
        # page is read as a stream of tags.
        tree, still_cut = parse_html(html, huge=True)
        page = None if tree is None or still_cut else cast("Page | None", trafilatura.bare_extraction(tree, **options))
        text = page.text if page is not None else None
        if not text or not text.strip():
            streamed = StreamedPage.read(html)
            text, title = streamed.text, streamed.title
    if not text or not text.strip():
        raise UnreadableDocument(source, "no main text found in HTML")
    if page is not None:
        title, date, url = page.title or title, page.date, page.url
    check_length(text, source)
    return Document(
        id=document_id(text),
        source=source,
        text=text,
        date=page_date(date) or default_date,
        title=title or None,
        url=url or None,
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


# libxml2 stops reading a page nested deeper than this unless told the tree may be huge:
# the text below that depth was simply missing, and the page read as "no main text".
LIBXML_DEPTH_LIMIT = 256


def parse_html(html: str, huge: bool) -> tuple[HtmlElement | None, bool]:
    """The tree libxml2 reads, as trafilatura has it read (``huge``: with the depth limit
    raised to the most libxml2 allows), and whether it cut what lay deeper than its limit."""
    from lxml.html import HTMLParser, fromstring

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=huge)
    try:
        tree = fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except Exception:  # noqa: BLE001 - lxml raises several kinds on hostile pages; trafilatura decides then
        return None, False
    return tree, any("Excessive depth" in entry.message for entry in parser.error_log)


class StreamedPage(HTMLParser):
    """A page's text read as a stream of tags (no tree, so no depth limit and no recursion):
    every text outside scripts, styles and the head, a line per block, and how deep it nests."""

    BLOCKS = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr td th blockquote section article pre dd dt".split())
    HIDDEN = frozenset("script style noscript template head".split())
    VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.title_pieces: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.depth = self.open = 0

    @classmethod
    def read(cls, html: str) -> StreamedPage:
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open += 1
            self.depth = max(self.depth, self.open)
        self.hidden += tag in self.HIDDEN
        self.in_title = self.in_title or tag == "title"
        if tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.open = max(0, self.open - (tag not in self.VOID))
        self.hidden = max(0, self.hidden - (tag in self.HIDDEN))
        self.in_title = self.in_title and tag != "title"
        if tag in self.BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_pieces.append(data)
        elif not self.hidden:
            self.pieces.append(data)

    @property
    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.pieces).split("\n"))
        return "\n".join(line for line in lines if line)

    @property
    def title(self) -> str | None:
        return " ".join("".join(self.title_pieces).split()) or None
