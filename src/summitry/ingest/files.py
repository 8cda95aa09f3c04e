"""Paths on the command line -> the files they name, each read by the reader its kind needs."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator

from summitry.ingest.decoding import decode_document_bytes
from summitry.ingest.document import MAX_DOCUMENT_BYTES, document_from_text, too_large
from summitry.ingest.errors import Rejection, UnreadableDocument
from summitry.ingest.json_lines import bounded_lines, documents_from_json_lines
from summitry.ingest.webpage import (
    HTML_EXTENSIONS,
    MAX_PAGE_BYTES,
    decode_html_bytes,
    document_from_html,
    looks_like_html,
)
from summitry.model import Document

JSON_LINES_EXTENSIONS = (".jsonl", ".ndjson")


def expand_paths(paths: Iterable[str]) -> Iterator[str | Rejection]:
    """Files and ``-`` pass through; a directory becomes its files, or a Rejection if it has none."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            members = directory_members(path)
            if not members:
                yield Rejection(path, "no files in directory")
            yield from members
        else:
            yield path


def directory_members(directory: str) -> list[str]:
    """Every non-hidden file below ``directory``, in the same order on every machine."""
    members = []
    for root, subdirectories, filenames in os.walk(directory):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        members.extend(os.path.join(root, name) for name in filenames if not name.startswith("."))
    return sorted(members, key=lambda member: os.path.relpath(member, directory).split(os.sep))


def read_file(path: str, default_date: dt.date | None) -> Iterator[Document | Rejection]:
    """Dispatch on the extension; anything not HTML or JSON Lines is read as text."""
    extension = os.path.splitext(path)[1].lower()
    if extension in JSON_LINES_EXTENSIONS:
        yield from read_json_lines_file(path, default_date)
    elif extension in HTML_EXTENSIONS:
        yield document_from_html(decode_html_bytes(file_bytes(path, MAX_PAGE_BYTES), path), path, default_date)
    else:
        yield read_text_file(path, default_date)


def read_text_file(path: str, default_date: dt.date | None) -> Document:
    """A page saved under another name is still HTML: sniff before treating it as prose."""
    text = decode_document_bytes(file_bytes(path, MAX_DOCUMENT_BYTES), path)
    if looks_like_html(text):
        return document_from_html(text, path, default_date)
    return document_from_text(text, path, default_date)


def read_json_lines_file(path: str, default_date: dt.date | None) -> Iterator[Document | Rejection]:
    try:
        with open(path, "rb") as lines:
            yield from documents_from_json_lines(bounded_lines(lines), path, default_date)
    except OSError as error:
        raise UnreadableDocument(path, error.strerror or str(error)) from None


def file_bytes(path: str, limit: int) -> bytes:
    """The file's bytes, or a rejection without reading a file larger than ``limit`` (at most
    ``limit + 1`` bytes are ever read, so a device or a pipe that never ends is refused too)."""
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            raw = file.read(limit + 1) if size <= limit else b""
    except OSError as error:
        raise UnreadableDocument(path, error.strerror or str(error)) from None
    if size > limit or len(raw) > limit:
        raise UnreadableDocument(path, too_large(max(size, len(raw)), limit, "bytes"))
    return raw
