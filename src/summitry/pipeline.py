"""The per-document pipeline: a pure function from text (and a date) to a Record.

It is the composition of the stages' entry points and touches no database or network,
so a process pool or a Dask worker can run it on any document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator

import opencc

from summitry.actors import KnowledgeBase, link_actors, load_knowledge_base
from summitry.events import extract_events
from summitry.ingest import Rejection, document_from_text
from summitry.measure import extract_quantities, extract_times
from summitry.model import Document, Entity, Event, Mention, Quantity, Record, Span, TimeExpr
from summitry.text import Compaction, build_view, compact


# What a record depends on besides its document: the stages' code and data. The views,
# store, web app and reports read records and make none.
_PACKAGE = Path(__file__).resolve().parent
_EXTRACTION_PARTS = ("pipeline.py", "model.py", "text.py", "chrome.py", "record.py", "data", "ingest", "actors", "measure", "events")


@cache
def extractor_version() -> str:
    """A short hash of the code and data files that make a record (and OpenCC's version): two
    records of one text made under the same version are the same, so a store can tell which of
    its records an upgrade or an edited data file has left stale (`summitry ingest --refresh`)."""
    digest = hashlib.sha256(opencc.__version__.encode("utf-8"))
    files: list[Path] = []
    for part in _EXTRACTION_PARTS:
        path = _PACKAGE / part
        files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".tsv", ".json", ".txt")) if path.is_dir() else [path])
    for path in files:
        digest.update(b"\0" + str(path.relative_to(_PACKAGE)).encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Pipeline:
    """The stages and the resources they read, as one object (as spaCy's ``nlp``)::

        nlp = summitry.load()                      # or load(kb=my_knowledge_base)
        record = nlp("…全文…", dt.date(2025, 10, 30))
        for item in nlp.pipe(documents, jobs=4):   # Records, or Rejections naming a failure
            ...

    The knowledge base is passed in, not fetched by the stages: a pipeline loaded with one's
    own extracts with it. Records are the same as ``extract``'s for the shipped one.
    """

    kb: KnowledgeBase

    def __call__(self, text: str, date: dt.date | None = None, source: str = "<string>") -> Record:
        """A string and an optional publication date in, a Record out (a ``date YYYY-MM-DD``
        first line in the text wins over ``date``, as it does for files)."""
        return self.document(document_from_text(text, source=source, default_date=date))

    def document(self, document: Document) -> Record:
        """Everything summitry reads in one document, every span pointing into ``document.text``."""
        compaction = compact(document.text)
        if compaction is None:
            return self._extract(document)
        record = self._extract(dataclasses.replace(document, text=compaction.text))
        return _in_original(record, compaction, document)

    def pipe(self, items: Iterable[Document | str], jobs: int = 1) -> Iterator[Record | Rejection]:
        """Each item (a Document, or a text with its ``date`` line) as its Record, in input
        order; a document whose extraction fails is a Rejection naming it, and the rest go on.

        ``jobs`` worker processes share the work (parallel.py) with the shipped knowledge base,
        which each worker loads from the cache; a knowledge base of one's own is not sent to
        workers, so such a pipeline extracts in this process (``jobs`` > 1 is refused)."""
        from summitry.parallel import extract_or_reject, extract_stream

        documents = (
            document_from_text(item, source=f"<item {number}>", default_date=None) if isinstance(item, str) else item
            for number, item in enumerate(items, 1)
        )
        if jobs > 1:
            if self.kb is not load_knowledge_base():
                raise ValueError("a pipeline with a knowledge base of its own extracts in this process: give jobs=1")
            yield from extract_stream(documents, jobs=jobs)
            return
        for document in documents:
            yield extract_or_reject(document, extract=self.document)

    def _extract(self, document: Document) -> Record:
        kb = self.kb
        view = build_view(document.text)
        linked = link_actors(view, kb, document.date)
        quantities = extract_quantities(view)
        times = extract_times(view, document.date)
        events = extract_events(view, linked, quantities, times, kb, document.date)
        return Record(
            document=document,
            script=view.script,
            entities=_with_event_parties(linked.entities, events, kb),
            mentions=linked.mentions,
            quantities=quantities,
            times=times,
            events=events,
        )


def load(kb: KnowledgeBase | None = None) -> Pipeline:
    """The pipeline with ``kb``, or with the shipped knowledge base (loaded once, from the cache)."""
    return Pipeline(kb if kb is not None else load_knowledge_base())


def extract_document(document: Document) -> Record:
    """Everything summitry reads in one document, with the shipped knowledge base."""
    return load().document(document)


def _in_original(record: Record, compaction: Compaction, document: Document) -> Record:
    """A record read from the compact text, its spans (and their texts) in the original."""
    text = document.text

    def quantity(found: Quantity) -> Quantity:
        start, end = compaction.span(found.start, found.end)
        return dataclasses.replace(found, start=start, end=end, text=text[start:end])

    def time(found: TimeExpr) -> TimeExpr:
        start, end = compaction.span(found.start, found.end)
        return dataclasses.replace(found, start=start, end=end, text=text[start:end])

    def mention(found: Mention) -> Mention:
        start, end = compaction.span(found.start, found.end)
        return dataclasses.replace(found, start=start, end=end)

    def event(found: Event) -> Event:
        evidence = Span(*compaction.span(found.evidence.start, found.evidence.end))
        return dataclasses.replace(found, evidence=evidence, quantities=tuple(map(quantity, found.quantities)))

    return dataclasses.replace(
        record,
        document=document,
        mentions=tuple(map(mention, record.mentions)),
        quantities=tuple(map(quantity, record.quantities)),
        times=tuple(map(time, record.times)),
        events=tuple(map(event, record.events)),
    )


def _with_event_parties(entities: tuple[Entity, ...], events: tuple[Event, ...], kb: KnowledgeBase) -> tuple[Entity, ...]:
    """An event may name a party the text only implies (美中元首 -> the two leaders); the record
    lists it too, with no mentions, so every id in an event resolves within the record."""
    known = {entity.id for entity in entities}
    implied = dict.fromkeys(
        party for event in events for party in (*event.source, *event.target, event.claimed_by or "") if party and party not in known
    )
    return entities + tuple(kb.entities[party] for party in implied if party in kb.entities)


def extract(text: str, date: dt.date | None = None, source: str = "<string>") -> Record:
    """The Python API: a string and an optional publication date in, a typed Record out.

    A ``date YYYY-MM-DD`` first line in the text wins over ``date``, as it does for files.
    """
    return load()(text, date, source)
