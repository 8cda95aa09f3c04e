"""Records for the view tests: our own short articles, and the five seeds extracted once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from summitry import extract
from summitry.ingest import read_documents
from summitry.model import Record
from summitry.pipeline import extract_document

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD_VIEWS = SHARED / "gold" / "seeds-meetings-ledger.json"
NEWS_DAY = dt.date(2025, 10, 30)


def articles(*texts: str, on: dt.date | None = NEWS_DAY) -> list[Record]:
    """One record per text, as if each were an article of its own (article0.txt, ...)."""
    return [extract(text, on, source=f"article{index}.txt") for index, text in enumerate(texts)]


@pytest.fixture(scope="session")
def seed_records() -> list[Record]:
    if not SEEDS.is_dir():
        pytest.fail(f"the reference seeds are missing: {SEEDS} (clone the repo beside shared/)")
    return [extract_document(document) for document in read_documents([str(SEEDS)])]


@pytest.fixture(scope="session")
def gold_views() -> dict:
    return json.loads(GOLD_VIEWS.read_text(encoding="utf-8"))
