"""The events gold file of docs/evaluation/GOLD.md, read through a schema that rejects typos.

Two people write these files by hand; a misspelt key (``clamed_by``) silently scoring nothing
would be worse than no gold, so every model forbids unknown keys and a bad file is reported
with its name, the place in it and the reason.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from summitry.ingest import document_from_text
from summitry.model import Document

# One party: a name, or a list of names any of which is acceptable ([[India, Narendra Modi]]).
Party = Union[str, list[str]]
Plover = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
Status = Literal["reported", "claimed", "planned", "hypothetical", "negated"]


class GoldFileError(Exception):
    """A gold or challenge file that cannot be read or does not follow its schema."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = str(path), reason


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _date_text(value: object) -> str | None:
    """YAML reads 2023-06-22 as a date and 2023 as an int; the gold means the ISO string."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        if len(text) == 10:
            dt.date.fromisoformat(text)
        elif len(text) == 7:
            dt.date.fromisoformat(text + "-01")
        elif len(text) != 4 or not text.isdigit():
            raise ValueError
    except ValueError:
        raise ValueError(f"{text!r} is not YYYY-MM-DD, YYYY-MM or YYYY") from None
    return text


class GoldEvent(_Strict):
    """One clear event a careful reader finds; see GOLD.md for each field's meaning."""

    at: list[int]
    type: list[Plover]  # one type, or a list when two readings are fair (恢復直航: COOPERATE or AGREE)
    mode: list[str] = []  # optional; a list = any of these modes
    source: list[Party] = []
    target: list[Party] = []
    date: list[str | None] = [None]
    status: list[Status] = ["reported"]
    claimed_by: Party | None = None
    place: list[str] = []  # optional; a list = any of these places (White House or Washington)
    amounts: list[tuple[float, str]] = []
    unordered: bool = False  # sides unordered though neither meeting, call nor agreement (兩國恢復直航)
    note: str | None = None  # why the reader wrote it so; never scored

    @field_validator("at", mode="before")
    @classmethod
    def _at_list(cls, value: object) -> list[Any]:
        return _as_list(value)

    @field_validator("date", mode="before")
    @classmethod
    def _dates(cls, value: object) -> list[str | None]:
        return [_date_text(item) for item in _as_list(value)]

    @field_validator("place", "mode", mode="before")
    @classmethod
    def _places(cls, value: object) -> list[Any]:
        return [] if value is None else _as_list(value)

    @field_validator("status", "type", mode="before")
    @classmethod
    def _as_lists(cls, value: object) -> list[Any]:
        return _as_list(value)


class GoldMeeting(_Strict):
    participants: list[Party]
    date: str | None = None
    optional: bool = False

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> str | None:
        return _date_text(value)


class GoldCommitment(_Strict):
    pledger: list[str]
    beneficiary: list[str] = []
    kind: str | None = None
    amount: tuple[float, str] | None = None
    status: list[str] = []
    at: list[int] = []
    item: list[str] = []  # words one of which the row's English item holds (challenge set)
    optional: bool = False

    @field_validator("pledger", "beneficiary", "status", "at", "item", mode="before")
    @classmethod
    def _lists(cls, value: object) -> list[Any]:
        return [] if value is None else _as_list(value)


class GoldArticle(_Strict):
    id: str
    url: str | None = None
    outlet: str
    script: Literal["Hant", "Hans"]
    kind: str | None = None
    date: dt.date
    events: list[GoldEvent] = []
    meetings: list[GoldMeeting] = []
    ledger: list[GoldCommitment] = []
    officials: list[str] = []
    note: str | None = None


class GoldSet(_Strict):
    set: str
    articles: list[GoldArticle]

    @model_validator(mode="after")
    def _unique_ids(self) -> "GoldSet":
        seen: set[str] = set()
        for article in self.articles:
            if article.id in seen:
                raise ValueError(f"article id {article.id!r} appears twice")
            seen.add(article.id)
        return self


class _TextDatesLoader(yaml.SafeLoader):
    """Safe YAML that leaves 2025-13-01 a string: the schema, not the parser, judges a date, so a
    bad one is reported with its place in the file instead of a traceback."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> object:
    """The YAML in ``path``, or GoldFileError naming the file and why it could not be read."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader)  # noqa: S506 - a SafeLoader
    except OSError as error:
        raise GoldFileError(path, f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise GoldFileError(path, "is not UTF-8") from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f"line {where.line + 1}: " if where else ""
        raise GoldFileError(path, f"{line}not valid YAML ({getattr(error, 'problem', None) or error})") from None


def validation_reason(error: ValidationError, data: object) -> str:
    """The first schema problem as one line: where in the file (article id, field path) and why."""
    problem = error.errors()[0]
    location = list(problem["loc"])
    where = []
    node = data
    for step in location:
        if isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            label = node.get("id") if isinstance(node, dict) else None
            where.append(f"[{label}]" if label else f"[{step + 1}]")
        else:
            node = node.get(step) if isinstance(node, dict) else None
            where.append(f".{step}")
    message = problem["msg"].replace("Extra inputs are not permitted", "unknown key")
    return f"{''.join(where).lstrip('.') or 'file'}: {message}"


def load_events_gold(path: str | Path) -> GoldSet:
    """The gold file at ``path`` (GOLD.md), validated; GoldFileError names what is wrong."""
    path = Path(path)
    data = read_yaml(path)
    try:
        return GoldSet.model_validate(data)
    except ValidationError as error:
        raise GoldFileError(path, validation_reason(error, data)) from None


def cached_document(text: str, article: GoldArticle, path: Path) -> Document:
    """The cache file as a Document; its ``date`` first line wins, the gold's date otherwise."""
    return document_from_text(text, source=str(path), default_date=article.date, url=article.url)
