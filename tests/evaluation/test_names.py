"""Gold names against record entities (evaluation/names.py): through the knowledge base, a
country for its leader and a leader for his country, but never one person for another."""

from __future__ import annotations

import pytest

from summitry.actors import load_knowledge_base
from summitry.evaluation.names import NameResolver
from summitry.model import Entity

RECORD = {
    "person:unknown:x": Entity("person:unknown:x", "穆里諾", "person", "PAN"),
    "org:some-ministry": Entity("org:some-ministry", "Ministry of Foreign Affairs of Japan", "organization", "JPN"),
}


@pytest.fixture(scope="module")
def resolver() -> NameResolver:
    return NameResolver(load_knowledge_base())


@pytest.mark.parametrize(
    ("gold", "entity_id", "same"),
    [
        ("Donald Trump", "Q22686", True),
        ("donald  trump", "Q22686", True),  # case- and space-insensitive
        ("USA", "USA", True),
        ("United States", "USA", True),
        ("United States", "Q22686", True),  # a country stands for its leader
        ("Donald Trump", "USA", True),  # and a leader for his country
        ("Joe Biden", "Q22686", False),  # never one person for another
        ("China", "Q22686", False),
        ("Japan", "org:some-ministry", True),  # a country for its state bodies
        ("Panama", "person:unknown:x", True),  # an unknown official by the country of his title
        ("穆里諾", "person:unknown:x", True),  # an unknown name by its own name
        ("習近平", "Q15031", True),  # a Chinese alias of the KB
        ("East Timor", "TLS", True),  # English Wikipedia's title, not the base's name
        ("Turkey", "TUR", True),
        ("Republic of Korea", "KOR", True),  # an ISO 3166 official name
        ("Turkey", "GRC", False),
    ],
)
def test_stands_for(resolver: NameResolver, gold: str, entity_id: str, same: bool) -> None:
    assert resolver.stands_for(gold, entity_id, RECORD) is same


def test_row_keys_give_a_view_row_every_id_that_stands_for_the_gold_party(resolver: NameResolver) -> None:
    keys = resolver.row_keys(["Panama"], RECORD)
    assert "PAN" in keys and "person:unknown:x" in keys and "org:some-ministry" not in keys
