"""The schema of the ingest stage's data file (data/common_hanzi.yaml), for
``summitry.data.load_data``; imported only when the file is read, not by a process that finds
its characters in the disk cache (issue 13)."""

from __future__ import annotations

from summitry.data import DataModel


class CommonHanzi(DataModel):
    """data/common_hanzi.yaml: characters that real Chinese text is made of, by kind."""

    common: str
    traditional: str
    punctuation: str
