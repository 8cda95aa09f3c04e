"""One base for every error summitry means a user to read, and the one place that words it.

Each stage raises its own specific exception (``StoreError``, ``UnreadableRecord``,
``UnknownActor`` …) naming the input and the reason; all derive from ``SummitryError``, so
the command line turns any of them into one ``summitry: …`` line and a non-zero exit in one
place (``cli.SummitryGroup``) instead of a try/except per command.
"""

from __future__ import annotations

import re

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
