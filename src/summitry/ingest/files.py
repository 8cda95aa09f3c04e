"""Paths on the command line -> the files they name, each read by the reader its kind needs."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator

from summitry.ingest.decoding import decode_document_bytes
from summitry.ingest.document import MAX_DOCUMENT_BYTES, document_from_text, too_large
from summitry.ingest.errors import Rejection, UnreadableDocument, printable
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
                yield Rejection(printable(path), "no files in directory")
            for member in members:
                yield Rejection(printable(member.path), member.reason) if isinstance(member, Rejection) else member
        else:
            yield path


def directory_members(directory: str) -> list[str | Rejection]:
    """Every non-hidden file below ``directory``, in the same order on every machine.

    Symlinked folders are walked like folders (collections are often assembled from links),
    except a link back to a folder being walked, which would never end. What cannot be
    listed, and what is neither a file nor a folder (a FIFO would block the read forever),
    comes back as a Rejection in its place, so nothing below ``directory`` goes unreported.
    """
    found: list[tuple[list[str], str | Rejection]] = []

    def place(path: str) -> list[str]:
        return os.path.relpath(path, directory).split(os.sep)

    top = os.stat(directory)
    pending = [(directory, frozenset({(top.st_dev, top.st_ino)}))]
    while pending:
        folder, chain = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            found.append((place(folder), Rejection(folder, f"cannot list folder: {error.strerror or error}")))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    identity = os.stat(entry.path)
                    key = (identity.st_dev, identity.st_ino)
                    if key in chain:
                        found.append((place(entry.path), Rejection(entry.path, "symbolic link loop: leads back to a folder above it")))
                    else:
                        pending.append((entry.path, chain | {key}))
                elif entry.is_file() or entry.is_symlink():
                    # A dangling link is kept: reading it names the missing target's error.
                    found.append((place(entry.path), entry.path))
                else:
                    found.append((place(entry.path), Rejection(entry.path, "not a regular file")))
            except OSError as error:
                found.append((place(entry.path), Rejection(entry.path, error.strerror or str(error))))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


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
