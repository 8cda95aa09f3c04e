"""Full-text search over stored sentences, in either Chinese script.

Both the query and the index are folded (Simplified, half-width; ``summitry.text.fold``),
so 美國總統 finds 美国总统 and 美国总统 finds 美國總統. Folding keeps every character
in place, so a match found in the folded copy has the same offsets in the original text,
and a hit shows the words exactly as the source wrote them.

The index holds sentences, so a match never spans a sentence boundary.
"""

from __future__ import annotations

from typing import Any

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, cast, func, literal, select
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement

from summitry.errors import SummitryError
from summitry.model import Span
from summitry.store.schema import documents, mentions, sentence_search, sentences
from summitry.text import fold

# FTS5's trigram index answers only queries of three characters or more.
_TRIGRAM = 3
# Most Chinese words are two characters (會談, 關稅, 稀土), which the trigram index cannot
# answer: on SQLite each sentence's overlapping pairs of letters are indexed too, as words of
# an FTS5 table (unicode61 splits at the spaces between them), so a two-letter query is one
# lookup instead of a scan of every sentence (0.5 s at 100,000 documents, and growing).
_PAIR = 2

# SQLite only (migration 0008): not in ``schema.metadata``, as FTS5 tables carry no types.
# The sentence's folded text is kept beside its pairs, so a hit is read from this table alone.
sentence_pairs = Table(
    "sentence_search_pairs",
    MetaData(),
    Column("doc_id", String),
    Column("ordinal", Integer),
    Column("folded", Text),
    Column("pairs", Text),
)


def pairs_of(folded: str) -> str:
    """The overlapping pairs of letters or digits of a folded sentence, space-separated: the
    words ``sentence_search_pairs`` indexes (a pair with a mark or a space in it is not one,
    and a query made of one is found by a scan)."""
    return " ".join(folded[i : i + _PAIR] for i in range(len(folded) - 1) if _is_pair(folded[i : i + _PAIR]))


def _is_pair(text: str) -> bool:
    return len(text) == _PAIR and text.isalnum()


def pair_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``sentence_search_pairs`` rows of some ``sentence_search`` rows."""
    return [{**row, "pairs": pairs_of(row["folded"])} for row in rows]


class InvalidQuery(SummitryError, ValueError):
    """A query that cannot be searched for, with the query and the reason."""

    lead = "cannot search for"

    def __init__(self, query: str, reason: str) -> None:
        super().__init__(f"{query!r}: {reason}")
        self.query = query
        self.reason = reason


@dataclass(frozen=True)
class SearchHit:
    """One sentence that contains the query, with every match in it.

    ``sentence`` and ``matches`` are spans of the document's original text, so
    ``text[m.start:m.end]`` is the query as the source spelled it.
    """

    doc_id: str
    source: str
    date: dt.date | None
    title: str | None
    sentence: Span
    sentence_text: str
    matches: tuple[Span, ...]

    def matched_text(self, match: Span) -> str:
        """The original characters of ``match`` (a span of the document text)."""
        offset = self.sentence.start
        return self.sentence_text[match.start - offset : match.end - offset]


def within_dates(query: Any, date: Any, since: str | None, until: str | None) -> Any:
    """``query`` keeping rows whose ISO ``date`` is in a range, each date at its own precision:
    "2025-10" is since "2025-10-05" and until "2025-10-01" (``views.meetings._within`` in SQL)."""
    if since is not None:
        query = query.where(date.is_not(None), date >= func.substr(literal(since), 1, func.length(date)))
    if until is not None:
        query = query.where(date.is_not(None), date <= func.substr(literal(until), 1, func.length(date)))
    return query


@dataclass(frozen=True)
class SearchFilter:
    """Which matching sentences a search keeps, tested by the store so a page reads only its
    hits: each set of ``mentioning`` entity ids must have a mention inside the sentence; the
    document's publication date in a range (at each date's precision), its script, its outlet."""

    mentioning: tuple[frozenset[str], ...] = ()
    since: str | None = None
    until: str | None = None
    script: str | None = None
    outlet: str | None = None

    def where(self, query: Any) -> Any:
        for wanted in self.mentioning:
            inside = select(mentions.c.ordinal).where(
                mentions.c.doc_id == sentences.c.doc_id, mentions.c.start >= sentences.c.start,
                mentions.c.end <= sentences.c.end,
                # Tested on the document's few mentions, not looked up id by id: a country stands
                # for hundreds of ids (its people and companies), each a probe per sentence.
                func.coalesce(mentions.c.entity_id, "").in_(sorted(wanted)),
            )
            query = query.where(inside.exists())
        query = within_dates(query, cast(documents.c.date, String), self.since, self.until)
        if self.script is not None:
            query = query.where(documents.c.script == self.script)
        if self.outlet is not None:
            query = query.where(documents.c.outlet == self.outlet)
        return query


def _matching(engine: Engine, query: str, where: SearchFilter, *columns: Any) -> tuple[Any, str]:
    """The sentences containing ``query`` that ``where`` keeps, selecting ``columns``; and the
    folded query. Raises ``InvalidQuery`` for an empty query."""
    wanted = fold(query.strip())
    if not wanted:
        raise InvalidQuery(query, "the query is empty")
    source = _source(engine.dialect.name, wanted)
    statement = (
        select(*(source.c[c.name] if getattr(c, "table", None) is sentence_search else c for c in columns))
        .select_from(source)
        .join(
            sentences,
            (sentences.c.doc_id == source.c.doc_id) & (sentences.c.ordinal == source.c.ordinal),
        )
        .join(documents, documents.c.id == sentences.c.doc_id)
        .where(_contains(engine.dialect.name, wanted, source))
    )
    return where.where(statement), wanted


def _source(dialect: str, wanted: str) -> Table:
    """The table a query is found in: the pairs' index for a pair of letters on SQLite, else
    the folded sentences."""
    return sentence_pairs if dialect == "sqlite" and _is_pair(wanted) else sentence_search


def search(engine: Engine, query: str, limit: int = 20, offset: int = 0, where: SearchFilter = SearchFilter()) -> list[SearchHit]:
    """Sentences containing ``query`` that ``where`` keeps, newest documents first, at most
    ``limit`` of them after the first ``offset``: only those are read, with their text.

    Raises ``InvalidQuery`` for an empty query or a limit below one.
    """
    if limit < 1:
        raise InvalidQuery(query, f"the limit must be at least 1, not {limit}")
    # The page's sentences first, by key, then their text: sorting every match with its
    # sentence cut out of the document would read the whole text of every matching document.
    order = (documents.c.date.desc().nulls_last(), documents.c.id, sentences.c.ordinal)
    keys, wanted = _matching(engine, query, where, sentences.c.doc_id, sentences.c.ordinal, sentence_search.c.folded, documents.c.date)
    page = keys.order_by(*order).limit(limit).offset(offset).subquery("page")
    statement = (
        select(
            page.c.doc_id,
            page.c.folded,
            sentences.c.start,
            sentences.c.end,
            documents.c.source,
            documents.c.date,
            documents.c.title,
            # SQL strings count from 1; both backends count characters, as Python does.
            func.substr(documents.c.text, sentences.c.start + 1, sentences.c.end - sentences.c.start).label("original"),
        )
        .select_from(page)
        .join(sentences, (sentences.c.doc_id == page.c.doc_id) & (sentences.c.ordinal == page.c.ordinal))
        .join(documents, documents.c.id == page.c.doc_id)
        .order_by(*order)
    )
    # The database finds candidate sentences; the spans come from the same case-blind
    # comparison here, so the two agree on what a match is.
    pattern = re.compile(re.escape(wanted), re.IGNORECASE)
    hits: list[SearchHit] = []
    with engine.connect() as connection:
        for row in connection.execute(statement):
            found = tuple(
                Span(row.start + m.start(), row.start + m.end()) for m in pattern.finditer(row.folded)
            )
            if found:
                hits.append(
                    SearchHit(
                        doc_id=row.doc_id,
                        source=row.source,
                        date=row.date,
                        title=row.title,
                        sentence=Span(row.start, row.end),
                        sentence_text=row.original,
                        matches=found,
                    )
                )
    return hits


def count_hits(engine: Engine, query: str, where: SearchFilter = SearchFilter()) -> int:
    """How many sentences contain ``query`` and are kept by ``where``: counted by the store over
    the whole match, so a page of hits can say truly how many there are."""
    statement, _ = _matching(engine, query, where, func.count())
    with engine.connect() as connection:
        return int(connection.scalar(statement) or 0)


def _contains(dialect: str, wanted: str, source: Table = sentence_search) -> ColumnElement[bool]:
    """The backend's fastest test that a folded sentence contains ``wanted``."""
    if source is sentence_pairs:
        # One word of the pairs' index; unicode61 compares it case-blind, as the scan does.
        return source.c.pairs.match('"' + wanted + '"')
    column = source.c.folded
    if dialect == "sqlite" and len(wanted) >= _TRIGRAM:
        # One FTS5 phrase: with the trigram tokenizer it matches any substring.
        return column.match('"' + wanted.replace('"', '""') + '"')
    pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if dialect == "postgresql":
        # pg_trgm's GIN index serves ILIKE for three characters or more.
        return column.ilike(pattern, escape="\\")
    return column.like(pattern, escape="\\")


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """One search hit as ``summitry search --json`` and the web API give it."""
    return {
        "doc": hit.doc_id,
        "source": hit.source,
        "date": hit.date.isoformat() if hit.date else None,
        "title": hit.title,
        "sentence": {"start": hit.sentence.start, "end": hit.sentence.end, "text": hit.sentence_text},
        "matches": [{"start": m.start, "end": m.end, "text": hit.matched_text(m)} for m in hit.matches],
    }
