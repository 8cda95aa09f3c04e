"""Every export format survives every valid record (tests/records.py) and writes files."""

from __future__ import annotations

import tempfile

from hypothesis import given

from summitry.export import FORMATS, export_records
from summitry.model import Record
from tests.records import corpora


@given(corpora)
def test_every_export_survives_any_record(records: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            for path in export_records(records, fmt, folder):
                assert path.is_file()
