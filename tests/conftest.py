"""Shared fixtures: the real seeds and gold, read from ../shared beside the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
GOLD_MENTIONS = SHARED / "gold" / "seeds-mentions.json"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.fail(f"the reference seeds are missing: {SEEDS} (clone the repo beside shared/)")
    return {path.name: path.read_text(encoding="utf-8") for path in seed_paths()}


@pytest.fixture(scope="session")
def gold_mentions() -> dict:
    return json.loads(GOLD_MENTIONS.read_text(encoding="utf-8"))
