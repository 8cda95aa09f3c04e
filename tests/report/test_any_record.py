"""Every form of report survives every valid record (tests/records.py): the ledger, each meeting
and each actor, in HTML and Markdown."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.model import Record
from summitry.report import FORMATS, build_report
from summitry.views.meetings import meetings
from summitry.views.timeline import UnknownActor
from tests.records import corpora
from tests.views.test_any_record import actor_names


@settings(max_examples=15)
@given(corpora, st.data())
def test_every_report_survives_any_record(records: list[Record], data: st.DataObject) -> None:
    names = actor_names(records, data)
    for fmt in FORMATS:
        assert build_report(records, ledger=True, format=fmt)
        for meeting in meetings(records):
            assert build_report(records, meeting=meeting.id, format=fmt)
        for name in names:
            try:
                assert build_report(records, actor=name, format=fmt)
            except UnknownActor:
                pass
