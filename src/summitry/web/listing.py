"""What every list page shares: filters read from the URL and checked, one page of rows with the
true total, sorting by a column on the server, and the rows on screen as CSV or JSON.

Everything a view depends on is in its URL (filters, sort, page, page size), so a view can be
bookmarked and shared, and its download holds exactly the rows the page shows.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence, cast
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from summitry.web.present import plural_of

PER_PAGE = 50
MAX_PER_PAGE = 500
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LIST_PARAMETERS = ("page", "per", "sort", "format")


class BadFilter(ValueError):
    """A query parameter a list cannot use: its name, the value given, and what would work."""

    def __init__(self, name: str, value: str, expected: str) -> None:
        super().__init__(f"{name}={value!r}: {expected}")
        self.name = name
        self.value = value
        self.expected = expected


class UnknownName(BadFilter):
    """A filter or path that names an actor, document or meeting the store does not hold: a 404,
    not a 400 (the app's handler for this class is found before BadFilter's)."""


def iso_date(name: str, value: str | None) -> str | None:
    """An ISO date at any precision (2025, 2025-10, 2025-10-30), checked against the calendar."""
    if value is None:
        return None
    found = _DATE.fullmatch(value)
    expected = "a date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2025, 2025-10 or 2025-10-30"
    if not found:
        raise BadFilter(name, value, expected)
    year, month, day = found.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise BadFilter(name, value, f"no month {month}; {expected}")
    if day is not None and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        raise BadFilter(name, value, f"{year}-{month} has no day {day}; {expected}")
    return value


def choice(name: str, value: str | None, allowed: Iterable[str]) -> str | None:
    """A value from a closed set (a status, a mode, a script), or a BadFilter naming the set."""
    if value is None:
        return None
    allowed = sorted(set(allowed))
    if value not in allowed:
        listed = ", ".join(allowed) if allowed else "none (no row of this store has one)"
        raise BadFilter(name, value, f"one of {listed}")
    return value


def count(number: int, noun: str, plural: str | None = None) -> str:
    """"1 meeting", "3 meetings", "1,204 sentences": a number with its noun in the right number."""
    if number == 1:
        return f"1 {noun}"
    return f"{number:,} {plural or plural_of(noun)}"


@dataclass(frozen=True)
class Column:
    """One column of a list: its key in the URL, its heading, how it sorts and how it is written
    to CSV. ``sort`` is None for a column that does not sort."""

    key: str
    label: str
    sort: Callable[[dict[str, Any]], Any] | None = None
    csv: Callable[[dict[str, Any]], Any] | None = None
    numeric: bool = False


def _sorted(rows: list[dict[str, Any]], column: Column, descending: bool) -> list[dict[str, Any]]:
    """Rows by one column; rows without a value stay last whichever way the column sorts."""
    sort = cast("Callable[[dict[str, Any]], Any]", column.sort)  # asked only of a column that sorts
    present = [r for r in rows if sort(r) is not None]
    missing = [r for r in rows if sort(r) is None]
    return sorted(present, key=sort, reverse=descending) + missing


@dataclass
class Listing:
    """One page of a list, with what it takes to link to any other page or download this one."""

    path: str
    noun: str
    plural: str
    rows: list[dict[str, Any]]
    total: int
    page: int
    per: int
    pages: int
    sort: str | None
    columns: tuple[Column, ...]
    query: dict[str, str] = field(default_factory=dict)

    @property
    def first(self) -> int:
        """The 1-based position of the first row on this page (0 when there is none)."""
        return (self.page - 1) * self.per + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1 if self.rows else 0

    @property
    def summary(self) -> str:
        """"20 of 143 commitments", "all 3 meetings", "no commitment"."""
        if self.total == 0:
            return f"no {self.noun}"
        if len(self.rows) == self.total:
            return count(self.total, self.noun, self.plural)
        return f"{self.first:,}–{self.last:,} of {count(self.total, self.noun, self.plural)}"

    def url(self, **changes: Any) -> str:
        """This list's URL with some parameters changed (None drops one)."""
        query = {**self.query, "page": str(self.page) if self.page > 1 else None,
                 "per": str(self.per) if self.per != PER_PAGE else None, "sort": self.sort}
        query.update({k: (None if v is None else str(v)) for k, v in changes.items()})
        kept = {k: v for k, v in query.items() if v not in (None, "")}
        return self.path + ("?" + urlencode(kept) if kept else "")

    def sort_state(self, key: str) -> str | None:
        """The aria-sort value of a column's header: "ascending", "descending" or None."""
        if self.sort == key:
            return "ascending"
        if self.sort == "-" + key:
            return "descending"
        return None

    def next_sort(self, key: str) -> str:
        """What the column's sort button asks for: ascending first, then the other way."""
        return "-" + key if self.sort == key else key


def list_parameters(request: Request) -> dict[str, str]:
    """The query parameters that are filters (not page, size, sort or format), blanks dropped."""
    return {k: v.strip() for k, v in request.query_params.items() if k not in _LIST_PARAMETERS and v.strip()}


def _whole(name: str, raw: str | None, default: int, low: int, high: int | None, expected: str) -> int:
    if raw is None or raw.strip() == "":
        return default
    try:
        number = int(raw)
    except ValueError:
        raise BadFilter(name, raw, expected) from None
    if number < low or (high is not None and number > high):
        raise BadFilter(name, raw, expected)
    return number


def paginate(
    request: Request, rows: Sequence[dict[str, Any]], columns: Sequence[Column], noun: str, plural: str | None = None,
    default_sort: str | None = None,
) -> Listing:
    """The page of ``rows`` the request asks for (``page``, ``per``), sorted as it asks (``sort``,
    a column key, ``-key`` for descending)."""
    params = request.query_params
    per = _whole("per", params.get("per"), PER_PAGE, 1, MAX_PER_PAGE, f"a whole number of rows per page from 1 to {MAX_PER_PAGE}")
    sort = (params.get("sort") or "").strip() or default_sort
    rows = list(rows)
    if sort:
        sortable = {c.key: c for c in columns if c.sort is not None}
        column = sortable.get(sort.lstrip("-"))
        if column is None:
            raise BadFilter("sort", sort, "a column: " + ", ".join(sortable) + " (with a leading - for descending)")
        rows = _sorted(rows, column, sort.startswith("-"))
    pages = max(1, -(-len(rows) // per))
    page = _whole("page", params.get("page"), 1, 1, pages, f"a page from 1 to {pages} ({count(len(rows), noun, plural)}, {per} a page)")
    return Listing(
        path=request.url.path, noun=noun, plural=plural or plural_of(noun), rows=rows[(page - 1) * per : page * per],
        total=len(rows), page=page, per=per, pages=pages, sort=sort or None, columns=tuple(columns),
        query=list_parameters(request),
    )


def paginate_query(
    request: Request, total: int, fetch: Callable[[str | None, int, int], list[dict[str, Any]]], columns: Sequence[Column],
    noun: str, plural: str | None = None,
) -> Listing:
    """The page of a list the store sorts and pages: ``fetch(sort, limit, offset)`` reads only
    the rows shown, ``total`` is counted by the store; the parameters are checked as
    ``paginate`` checks them."""
    params = request.query_params
    per = _whole("per", params.get("per"), PER_PAGE, 1, MAX_PER_PAGE, f"a whole number of rows per page from 1 to {MAX_PER_PAGE}")
    sort = (params.get("sort") or "").strip() or None
    if sort:
        sortable = [c.key for c in columns if c.sort is not None]
        if sort.lstrip("-") not in sortable:
            raise BadFilter("sort", sort, "a column: " + ", ".join(sortable) + " (with a leading - for descending)")
    pages = max(1, -(-total // per))
    page = _whole("page", params.get("page"), 1, 1, pages, f"a page from 1 to {pages} ({count(total, noun, plural)}, {per} a page)")
    return Listing(
        path=request.url.path, noun=noun, plural=plural or plural_of(noun), rows=fetch(sort, per, (page - 1) * per),
        total=total, page=page, per=per, pages=pages, sort=sort, columns=tuple(columns), query=list_parameters(request),
    )


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def download(request: Request, listing: Listing, shape: Callable[[dict[str, Any]], dict[str, Any]], name: str) -> Response | None:
    """The rows on screen as ``?format=csv`` or ``?format=json`` (None when neither is asked for).

    JSON rows have the API's shape (``shape``); CSV has one column per table column that
    has a ``csv`` reader.
    """
    wanted = request.query_params.get("format")
    if wanted is None or wanted == "html":
        return None
    choice("format", wanted, ("csv", "json", "html"))
    filename = f"{name}.{wanted}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if wanted == "json":
        body = json.dumps([shape(row) for row in listing.rows], ensure_ascii=False, indent=1)
        return Response(body + "\n", media_type="application/json", headers=headers)
    columns = [c for c in listing.columns if c.csv is not None]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.key for c in columns])
    for row in listing.rows:
        writer.writerow([_cell(cast("Callable[[dict[str, Any]], Any]", c.csv)(row)) for c in columns])
    # A byte-order mark, so a spreadsheet opens the Chinese text as UTF-8.
    return Response("\ufeff" + buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
