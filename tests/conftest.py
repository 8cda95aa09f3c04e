"""Shared fixtures: the real seeds and gold, read from ../shared beside the repository."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests build whole records and stores: a few dozen examples each keeps the suite fast,
# and no deadline, as one example may build a store. Derandomized under CI, so a red build
# names a reproducible example. test_fuzz.py sets its own, larger count.
settings.register_profile(
    "summitry", max_examples=30, deadline=None, derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("summitry")

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
GOLD_MENTIONS = SHARED / "gold" / "seeds-mentions.json"


def refuse_listing(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    """Make ``folder`` unlistable. As root, chmod 000 does not stop a listing, so the refusal is
    made at os.scandir, which both summitry's walk and the standard library's os.walk use."""
    real_scandir = os.scandir

    def refusing(path="."):
        if os.fspath(path) == folder:
            raise PermissionError(13, "Permission denied", folder)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)


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
