"""Helpers shared by the ingest tests: write bytes to a temporary file, read back outcomes."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture
def write_file(tmp_path):
    """Write ``content`` (bytes, or str as UTF-8) under tmp_path and return the path as given."""

    def write(name: str, content: bytes | str) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)

    return write
