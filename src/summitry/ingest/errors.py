"""What ingest hands back instead of a Document, so one bad input never stops a batch."""

from __future__ import annotations

from dataclasses import dataclass

from summitry.errors import SummitryError


@dataclass(frozen=True)
class Rejection:
    """An input that yields no document: where it came from and why, in one line."""

    path: str
    reason: str


class UnreadableDocument(SummitryError):
    """Raised by a per-source reader; ``read_documents`` turns it into a ``Rejection``."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def as_rejection(self) -> Rejection:
        return Rejection(self.path, self.reason)


def printable(name: str) -> str:
    """``name`` as it can be printed, stored and written as UTF-8: a file name's bytes that are
    not UTF-8 (which Python holds as lone surrogates) shown as ``\\xNN``, so one odd name
    cannot end a run at the first print or insert."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
