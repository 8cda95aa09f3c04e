"""Every view survives every valid record: meetings, the ledger, each meeting's readouts and each
actor's timeline, over records Hypothesis builds with any mix of null and set fields
(tests/records.py). A crash here is a view assuming a field the schema lets be null."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from summitry.model import Record
from summitry.views.ledger import ledger
from summitry.views.shape import view_json
from summitry.views.meetings import meetings
from summitry.views.readouts import readouts
from summitry.views.timeline import UnknownActor, actor_timeline
from tests.records import corpora


def actor_names(records: list[Record], data: st.DataObject) -> list[str]:
    """A few of the ways a user may name an actor of these records — ids, names, ids only events
    use — drawn by Hypothesis, so examples cover them all while each stays quick."""
    names = {e.id for r in records for e in r.entities} | {e.name for r in records for e in r.entities}
    names |= {a for r in records for e in r.events for a in (*e.source, *e.target, e.claimed_by) if a}
    known = sorted(name for name in names if name)
    return data.draw(st.lists(st.sampled_from(known), max_size=3, unique=True)) if known else []


@given(corpora, st.data())
def test_every_view_survives_any_record(records: list[Record], data: st.DataObject) -> None:
    rows = meetings(records)
    json.dumps([view_json(m) for m in rows], allow_nan=False)
    json.dumps([view_json(c) for c in ledger(records)], allow_nan=False)
    for meeting in rows:
        json.dumps(view_json(readouts(records, meeting.id)), allow_nan=False)
    for name in actor_names(records, data):
        try:
            timeline = actor_timeline(records, name)
        except UnknownActor:
            continue
        json.dumps(view_json(timeline), allow_nan=False)
