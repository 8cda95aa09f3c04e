"""One serializer for every view row: the row's dataclass is its JSON shape (SCHEMA.md §2).

A row is declared once, as a frozen dataclass in its view module. What its JSON leaves out
(a source's claimant) or names otherwise (a source's path is its ``source``) is said on the
field itself with pydantic's ``Field``, so the CLI's ``--json``, the API's answers and OpenAPI
document, the report and the exports all read one declaration, and a field added to a row
reaches every one of them at once (tests/views/test_shape.py holds them to SCHEMA.md §2).
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Sequence

from pydantic import PlainSerializer, TypeAdapter

from summitry.record import json_number

# A value a row holds as a float and writes as JSON's number: a whole one as an integer
# (5500億 -> 550000000000, not 5.5e11), as SCHEMA.md §1's amounts are.
Number = Annotated[float, PlainSerializer(json_number, return_type=int | float)]


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def view_json(row: object) -> dict[str, Any]:
    """A view row as the plain JSON values SCHEMA.md §2 shows."""
    kind: Any = type(row)
    written: dict[str, Any] = _adapter(kind).dump_python(row, mode="json", by_alias=True)
    return written


def views_json(rows: Sequence[object]) -> list[dict[str, Any]]:
    """Rows of one kind as a JSON list, written in one call (a page of 1,000 rows at once)."""
    if not rows:
        return []
    kind: Any = list[type(rows[0])]  # type: ignore[misc]
    written: list[dict[str, Any]] = _adapter(kind).dump_python(list(rows), mode="json", by_alias=True)
    return written
