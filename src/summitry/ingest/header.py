"""Publication date and title as the text itself states them, without touching the text."""

from __future__ import annotations

import datetime as dt
import re

from summitry.chrome import first_body_line
from summitry.errors import SummitryError

# The seeds put the header and the article on one line (" date 2025-10-28 美國總統..."),
# so the header ends at whitespace, not at a line break.
DATE_HEADER = re.compile(r"\A[ \t\u3000]*date[ \t]+(\d{4}-\d{2}-\d{2})(?!\d)", re.IGNORECASE)

MARKDOWN_TITLE = re.compile(r"^[ ]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
ANY_HEADING_MARKER = re.compile(r"\A[ ]{0,3}#{1,6}[ \t]+")

MAX_TITLE_LENGTH = 40
TITLE_WINDOW = 2000  # the headline stands below at most a page head of chrome, never further down
SENTENCE_END = tuple("。！？!?.…；;")


class InvalidDate(SummitryError, ValueError):
    """A date string that has the right shape but names no calendar day (2025-13-40)."""


# A header stated again right after the first, on its line or the next ("date 2026-02-18\n
# date 2026-02-18 美国总统…": a cached excerpt that opens with its own header under the file's).
# The excerpt may state it to the month only ("date 2018-09"): the same date, less precisely.
REPEATED_HEADER = re.compile(r"[ \t\u3000]*\n?[ \t\u3000]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])", re.IGNORECASE)


def date_header(text: str) -> tuple[dt.date | None, int]:
    """The date a leading ``date YYYY-MM-DD`` states, and where the header ends (0 if none).
    The same header stated again right after it ends there too: it is still no part of the
    article, and read as the article's words it would be a day the story names."""
    match = DATE_HEADER.match(text)
    if match is None:
        return None, 0
    end = match.end()
    again = REPEATED_HEADER.match(text, end)
    while again is not None and match.group(1).startswith(again.group(1)):
        end = again.end()
        again = REPEATED_HEADER.match(text, end)
    return parse_iso_date(match.group(1)), end


def parse_iso_date(value: str) -> dt.date:
    """A ``YYYY-MM-DD`` or ISO datetime as the calendar day it names where it was written."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        # Python 3.10's fromisoformat does not read the "Z" that feeds often use.
        return dt.datetime.fromisoformat(re.sub(r"Z\Z", "+00:00", value)).date()
    except ValueError as error:
        raise InvalidDate(f"invalid date {value!r} ({error})") from None


def title_of(text: str, body_start: int = 0) -> str | None:
    """The first ``# heading``, else a short headline-like first line, else None."""
    heading = MARKDOWN_TITLE.search(text, body_start)
    if heading:
        return heading.group(1).strip()
    return headline(text[body_start:])


def headline(body: str) -> str | None:
    """The first line that is not page chrome (summitry/chrome.py: a breadcrumb, a byline, a
    caption), when it is short and unpunctuated enough to be a headline, not a sentence."""
    head = body[:TITLE_WINDOW]
    found = first_body_line(head)
    if found is None:
        return None
    start, end = found
    candidate = ANY_HEADING_MARKER.sub("", head[start:end]).strip()
    if "\n" not in head[end:] or not candidate or len(candidate) > MAX_TITLE_LENGTH:
        return None
    if "。" in candidate or candidate.endswith(SENTENCE_END):
        return None
    return candidate
