"""One base for every error summitry means a user to read, and the one place that words it.

Each stage raises its own specific exception (``StoreError``, ``UnreadableRecord``,
``UnknownActor`` …) naming the input and the reason; all derive from ``SummitryError``, so
the command line turns any of them into one ``summitry: …`` line and a non-zero exit in one
place (``cli.SummitryGroup``) instead of a try/except per command.
"""

from __future__ import annotations

import re
from typing import Any

# scheme://user:password@host — the password is whatever stands between the user's colon and
# the last @ before the host (a password may itself hold @ or /, and psycopg quotes URLs too).
_PASSWORD = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^:/@\s'\"]*):(?P<password>[^\s'\"]*)@(?=[^@\s'\"]*(?:[\s'\"]|$))")


def mask_password(text: str) -> str:
    """``text`` with the password of every URL in it replaced by ``***``.

    Error messages quote the store's URL (and drivers sometimes quote it again); whatever
    path a message takes to the user, it passes here, so no password ever reaches a terminal
    or a log.
    """
    return _PASSWORD.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)


class SummitryError(Exception):
    """An error a user can act on: ``lead`` says what failed, the message names the input and why."""

    lead = ""

    def describe(self) -> str:
        """The one line the command line prints after ``summitry: `` (passwords masked)."""
        message = str(self)
        return mask_password(f"{self.lead} {message}" if self.lead else message)

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross from worker processes to the parent pickled; the default rebuilds them
        # by calling __init__ with the message alone, which the subclasses' (input, reason)
        # signatures refuse, and the parent would see a TypeError instead of this error.
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(kind: type[SummitryError], args: tuple[Any, ...], state: dict[str, Any]) -> SummitryError:
    error = kind.__new__(kind)
    Exception.__init__(error, *args)
    # One attribute at a time: a subclass defined in a module compiled by mypyc gets its
    # __dict__ only from __init__ or __setstate__, so the __dict__ of a bare instance is missing.
    for name, value in state.items():
        setattr(error, name, value)
    return error


class DataFileError(SummitryError):
    """A data file shipped with summitry is broken: every document would fail alike, so a batch
    stops with this one line instead of rejecting each document."""

    lead = "data file is invalid:"


class InvalidDataFile(DataFileError):
    """A data file that is not YAML, or not of its schema (an unknown or misspelled key, a value
    of the wrong kind): the file, the key's place in it and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
