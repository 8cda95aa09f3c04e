"""JSON Lines -> Documents, one line at a time so a feed dump of any size streams through."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, cast

from summitry.ingest.document import MAX_DOCUMENT_CHARACTERS, document_from_text, too_large
from summitry.ingest.errors import Rejection, UnreadableDocument
from summitry.ingest.header import InvalidDate, parse_iso_date
from summitry.model import Document

OPTIONAL_STRING_FIELDS = ("title", "url", "date")
NUL_REPLACEMENT = "\ufffd"
NOT_UTF8 = "not UTF-8"
NAMED_NOT_UTF8_LINES = 3

# JSON with ASCII escapes writes a Chinese character in 6 bytes ("\\u7f8e"): a longer line
# cannot hold a document within the limit, and is skipped without being held in memory.
MAX_LINE_BYTES = 6 * MAX_DOCUMENT_CHARACTERS
SKIP_PIECE_BYTES = 1 << 20


def bounded_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[bytes]:
    """The stream's lines, one item per line; a line longer than ``limit`` comes cut to
    ``limit + 1`` bytes (the rest is read past in pieces), so no line can exhaust memory."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(SKIP_PIECE_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield line


def documents_from_json_lines(
    lines: Iterable[bytes | str], source: str, default_date: dt.date | None
) -> Iterator[Document | Rejection]:
    """One Document per good line; a bad line becomes a Rejection and the rest still come.

    Lines that are not UTF-8 are named at the end, a few one by one, more in one Rejection
    with their count (binary junk under a .jsonl name would print a line for each of thousands);
    a file of no lines, or of blank lines only, is rejected as an empty .txt file is.
    """
    not_utf8: list[int] = []
    number = 0
    blank = True
    for number, line in enumerate(lines, start=1):
        where = f"{source}:line {number}"
        if len(line) > MAX_LINE_BYTES:
            blank = False
            yield Rejection(where, too_large(len(line), MAX_LINE_BYTES, "bytes" if isinstance(line, bytes) else "characters"))
            continue
        try:
            record_line = line_text(line, where)
            if not record_line.strip():
                continue
            blank = False
            yield document_from_json_line(record_line, where, default_date)
        except UnreadableDocument as error:
            blank = False
            if error.reason == NOT_UTF8:
                not_utf8.append(number)
            else:
                yield error.as_rejection()
    if len(not_utf8) <= NAMED_NOT_UTF8_LINES:
        yield from (Rejection(f"{source}:line {number}", NOT_UTF8) for number in not_utf8)
    else:
        shown = ", ".join(map(str, not_utf8[:5])) + (", ..." if len(not_utf8) > 5 else "")
        yield Rejection(source, f"{len(not_utf8)} lines not UTF-8 (line {shown})")
    if blank:
        yield Rejection(source, "empty file" if number == 0 else "whitespace only")


def line_text(line: bytes | str, where: str) -> str:
    """JSON Lines is UTF-8 by definition; a leading BOM is tolerated, anything else is not."""
    if isinstance(line, str):
        return line.lstrip("\ufeff")
    try:
        return line.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableDocument(where, NOT_UTF8) from None


def document_from_json_line(line: str, where: str, default_date: dt.date | None) -> Document:
    """A record's own ``date`` beats a date header in its text, which beats ``default_date``."""
    record = json_object(line, where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UnreadableDocument(where, "no text")
    fields: dict[str, str | None] = {"text": text}
    for field in OPTIONAL_STRING_FIELDS:
        if record.get(field) is not None and not isinstance(record[field], str):
            raise UnreadableDocument(where, f"{field} is not a string")
        fields[field] = record.get(field) or None
    for field, value in fields.items():
        if value is not None and not is_encodable(value):
            raise UnreadableDocument(where, f"{field} has an unpaired surrogate")
    # JSON may carry "\u0000", which no text file does: SQLite would keep it and cut search
    # sentences there, PostgreSQL refuses it. U+FFFD in its place keeps every offset.
    fields = {field: value.replace("\x00", NUL_REPLACEMENT) if value else value for field, value in fields.items()}
    document = document_from_text(cast(str, fields["text"]), where, default_date, title=fields["title"], url=fields["url"])
    if fields["date"]:
        document = dataclasses.replace(document, date=record_date(fields["date"], where))
    return document


def json_object(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line.rstrip("\r\n"))  # the line end would read as a control character in an unclosed string
    except json.JSONDecodeError as error:
        # Some messages already end in "at" ("Unterminated string starting at").
        place = "column" if error.msg.endswith(" at") else "at column"
        raise UnreadableDocument(where, f"not JSON ({error.msg} {place} {error.colno})") from None
    if not isinstance(record, dict):
        raise UnreadableDocument(where, "not a JSON object")
    return record


def record_date(value: str, where: str) -> dt.date:
    try:
        return parse_iso_date(value)
    except InvalidDate as error:
        raise UnreadableDocument(where, f"date: {error}") from None


def is_encodable(text: str) -> bool:
    """JSON may carry lone surrogates ("\\ud800") that no UTF-8 file, and no id, can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_json_object_line(line: bytes | str) -> bool:
    """Sniff JSON Lines on a stream without a file name: the first line is a JSON object."""
    try:
        return isinstance(json.loads(line_text(line, "-")), dict)
    except (UnreadableDocument, json.JSONDecodeError):
        return False
