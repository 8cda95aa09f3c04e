"""The per-document pipeline: a pure function from text (and a date) to a Record.

It is the composition of the stages' entry points and touches no database or network,
so a process pool or a Dask worker can run it on any document.
"""

from __future__ import annotations

import datetime as dt

from summitry.actors import link_actors, load_knowledge_base
from summitry.ingest import document_from_text
from summitry.measure import extract_quantities, extract_times
from summitry.model import Document, Record
from summitry.text import build_view


def extract_document(document: Document) -> Record:
    """Everything summitry reads in one document, every span pointing into ``document.text``."""
    view = build_view(document.text)
    linked = link_actors(view, load_knowledge_base(), document.date)
    return Record(
        document=document,
        script=view.script,
        entities=linked.entities,
        mentions=linked.mentions,
        quantities=extract_quantities(view),
        times=extract_times(view, document.date),
        events=(),
    )


def extract(text: str, date: dt.date | None = None, source: str = "<string>") -> Record:
    """The Python API: a string and an optional publication date in, a typed Record out.

    A ``date YYYY-MM-DD`` first line in the text wins over ``date``, as it does for files.
    """
    return extract_document(document_from_text(text, source=source, default_date=date))
