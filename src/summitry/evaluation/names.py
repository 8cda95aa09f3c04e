"""Whether a name a person wrote in a gold file stands for an entity id summitry put in a record.

Gold writers use English names ("Xi Jinping", "United States") or ISO3 codes; records use
knowledge-base ids. A country stands for its leader and a leader (or a state firm) for his
country, as docs/evaluation/README.md's conventions accept, so a party is compared by the
entity itself and, across kinds, by the country it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import pycountry

from summitry.actors import KnowledgeBase
from summitry.actors.kb import fold_alias
from summitry.evaluate import normalize_name
from summitry.model import Entity


# English Wikipedia titles that neither the base nor ISO 3166 spells this way.
_ENGLISH_COUNTRY_NAMES = {"East Timor": "TLS", "Turkey": "TUR", "Ivory Coast": "CIV", "Swaziland": "SWZ", "Burma": "MMR"}


@dataclass(frozen=True)
class GoldName:
    """A gold name resolved: the KB entity it names (if any), its country, and its folded text."""

    text: str
    key: str
    entity_id: str | None
    kind: str | None
    country: str | None


class NameResolver:
    """Resolves gold names through the knowledge base, and compares them with record entities."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._by_name: dict[str, str] = {}
        for entity in kb.entities.values():
            self._by_name.setdefault(normalize_name(entity.name), entity.id)
        # A country's other English names (East Timor for Timor-Leste, Turkey for Türkiye): gold
        # writers use English Wikipedia's title, which is not always the name the base gives.
        for country in pycountry.countries:
            if country.alpha_3 in kb.entities:
                for other in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
                    if other:
                        self._by_name.setdefault(normalize_name(other), country.alpha_3)
        for other, code in _ENGLISH_COUNTRY_NAMES.items():
            if code in kb.entities:
                self._by_name.setdefault(normalize_name(other), code)
        self._cache: dict[str, GoldName] = {}

    def resolve(self, name: str) -> GoldName:
        """The entity a gold name means: an id, an English name, or a Chinese alias of the KB."""
        if name in self._cache:
            return self._cache[name]
        key = normalize_name(name)
        entity_id = None
        if name in self.kb.entities:
            entity_id = name
        elif key in self._by_name:
            entity_id = self._by_name[key]
        else:
            ids = self.kb.alias_index.get(fold_alias(name), ())
            entity_id = ids[0] if len(ids) == 1 else None
        entity = self.kb.entities.get(entity_id) if entity_id else None
        resolved = GoldName(
            text=name,
            key=key,
            entity_id=entity_id,
            kind=entity.type if entity else None,
            country=(entity.id if entity.type == "country" else entity.country) if entity else None,
        )
        self._cache[name] = resolved
        return resolved

    def stands_for(self, name: str, entity_id: str, entities: Mapping[str, Entity]) -> bool:
        """True when the record's ``entity_id`` is the gold ``name``, or its country / its leader.

        ``entities`` are the record's own (an unknown person found in the text lives only there).
        """
        gold = self.resolve(name)
        entity = entities.get(entity_id) or self.kb.entities.get(entity_id)
        if gold.entity_id is not None and gold.entity_id == entity_id:
            return True
        if entity is None:
            return gold.key == normalize_name(entity_id)
        if normalize_name(entity.name) == gold.key:
            return True
        if gold.kind == "country" and entity.type != "country":
            return entity.country == gold.entity_id
        if entity.type == "country" and gold.kind not in (None, "country"):
            return gold.country == entity.id
        return False

    def any_stands_for(self, party: str | Sequence[str], entity_id: str, entities: Mapping[str, Entity]) -> bool:
        """A gold party (a name or a list of alternatives) against one record entity."""
        alternatives = [party] if isinstance(party, str) else party
        return any(self.stands_for(name, entity_id, entities) for name in alternatives)

    def row_keys(self, party: str | Sequence[str], entities: Mapping[str, Entity]) -> list[str]:
        """A gold party as alternatives a view row's ids and names are compared with (views/scoring.py):
        the names themselves, their KB ids, and the record's entities that stand for them."""
        alternatives = [party] if isinstance(party, str) else list(party)
        keys = list(alternatives)
        for name in alternatives:
            resolved = self.resolve(name)
            if resolved.entity_id:
                keys.append(resolved.entity_id)
            keys.extend(entity_id for entity_id in entities if self.stands_for(name, entity_id, entities))
        return list(dict.fromkeys(keys))
