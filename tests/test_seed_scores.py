"""The seeds as a floor: the issue's targets, scored the way ../shared/gold/README.md says.

The gold file was written by hand by a person reading the five seeds; these thresholds are
the foundation issue's acceptance numbers, not numbers fitted to the current output.
"""

from __future__ import annotations

import json

import pytest

from summitry.evaluate import score_mentions
from summitry.ingest import read_documents
from summitry.model import Document
from summitry.pipeline import extract_document
from tests.conftest import GOLD_MENTIONS, SEEDS


@pytest.fixture(scope="module")
def scores():
    records = [extract_document(d) for d in read_documents([str(SEEDS)]) if isinstance(d, Document)]
    assert len(records) == 5
    return score_mentions(records, json.loads(GOLD_MENTIONS.read_text(encoding="utf-8")))


def test_people_and_countries(scores) -> None:
    assert scores.persons.f1 >= 0.95, scores.misses
    assert scores.countries.f1 >= 0.95, scores.misses


def test_surface_linking(scores) -> None:
    assert scores.surface_recall.value >= 0.95, scores.misses


def test_quantities_and_times(scores) -> None:
    assert scores.quantity_accuracy.value >= 0.95, scores.misses
    assert scores.time_accuracy.value >= 0.9, scores.misses


def test_no_span_points_outside_its_text(scores) -> None:
    assert scores.span_errors == 0
