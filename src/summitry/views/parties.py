"""The actors the views speak of: names, kinds and countries, and finding one from a query.

Views receive records, which name only the entities their documents mention; the knowledge
base fills in the rest (an event may name a party through a title alone). A query names an
actor by English name, id or any alias in either script (``Trump``, ``Q22686``, ``川普``).
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Iterable, Sequence

from summitry.actors import load_knowledge_base
from summitry.actors.kb import fold_alias
from summitry.actors.lookup import EntityLookup
from summitry.evaluate import normalize_name
from summitry.model import Entity, Record


class Actors(EntityLookup):
    """Every entity the records or the knowledge base know, by id."""

    def __init__(self, records: Iterable[Record] = (), more: Iterable[Entity] = ()) -> None:
        self.kb = load_knowledge_base()
        entities: dict[str, Entity] = dict(self.kb.entities)
        for record in records:
            for entity in record.entities:
                entities.setdefault(entity.id, entity)
        for entity in more:
            entities.setdefault(entity.id, entity)
        super().__init__(entities)
        self._by_name: dict[str, set[str]] = {}
        for entity in self.entities.values():
            self._by_name.setdefault(normalize_name(entity.name), set()).add(entity.id)

    @classmethod
    def knowing(cls, entities: Iterable[Entity]) -> Actors:
        """The actors of the knowledge base and ``entities`` (those of a record, or of the
        store); the knowledge base's own instance, built once, when it knows them all."""
        base = _knowledge_base_actors()
        more = [e for e in entities if e.id not in base.entities]
        return base._with(more) if more else base

    def _with(self, more: Iterable[Entity]) -> Actors:
        """These actors and ``more``, sharing this instance's knowledge base and name index:
        only the new names are folded. (Building the knowledge base's index anew for each record
        that names a person it lacks was half the CPU of an ingest.)"""
        entities = dict(self.entities)
        by_name = dict(self._by_name)
        for entity in more:
            if entity.id in entities:
                continue
            entities[entity.id] = entity
            key = normalize_name(entity.name)
            by_name[key] = by_name.get(key, set()) | {entity.id}
        extended = copy.copy(self)
        extended.entities, extended._by_name = entities, by_name
        return extended

    def by_name(self, name: str | None) -> str | None:
        """The id of the entity an English name (an event's ``place``) stands for."""
        if not name:
            return None
        ids = sorted(self._by_name.get(normalize_name(name), ()))
        return ids[0] if ids else None

    def resolve(self, query: str) -> frozenset[str]:
        """Ids of the entities a query names: an id, an English name, or an alias."""
        query = query.strip()
        found: set[str] = set()
        if query in self.entities:
            found.add(query)
        found |= self._by_name.get(normalize_name(query), set())
        found |= set(self.kb.alias_index.get(fold_alias(query), ()))
        if not found:  # a surname alone (Trump): the one person whose English name holds it
            word = normalize_name(query)
            people = [
                e.id for e in self.entities.values()
                if e.type == "person" and word and word in {normalize_name(part) for part in e.name.split()}
            ]
            found |= set(people)
        return frozenset(found)

    def matches(self, entity_id: str | None, wanted: frozenset[str]) -> bool:
        """Whether an actor is one of ``wanted``, or belongs to a country in it (KOR: Korean Air)."""
        if entity_id is None:
            return False
        if entity_id in wanted:
            return True
        country = self.country_of(entity_id)
        return country is not None and country in wanted and self.type_of(country) == "country"

    def prefer_specific(self, ids: Sequence[str]) -> list[str]:
        """Drop a country when an actor of it stands beside it (日本首相高市早苗: Takaichi)."""
        unique = list(dict.fromkeys(ids))
        specific_countries = {self.country_of(i) for i in unique if self.type_of(i) != "country"}
        return [i for i in unique if not (self.type_of(i) == "country" and i in specific_countries)]

    def covers(self, big: Iterable[str], small: Iterable[str]) -> bool:
        """Every actor of ``small`` is in ``big``, a country counting as present when one of
        its people is (Trump visiting Japan is covered by Trump meeting Takaichi), and so does a
        body or place of a country (a party's delegation, a ministry, a forum, a palace): 蔡奇會見
        朝鮮勞動黨代表團 is covered by 蔡奇會見…金成男率領的代表團, a visit to the NDRC by the
        talks with 張曉明 that morning."""
        big = set(big)
        countries = {self.country_of(i) for i in big}
        return all(i in big or (self.type_of(i) != "person" and self.country_of(i) in countries) for i in small)

    def prefer_people(self, ids: Sequence[str]) -> list[str]:
        """``prefer_specific``, and a body or place of a country dropped beside a person of it:
        the row names who met (金成男), not the delegation's party or the building."""
        specific = self.prefer_specific(ids)
        people = {self.country_of(i) for i in specific if self.type_of(i) == "person"}
        return [i for i in specific if self.type_of(i) == "person" or self.country_of(i) not in people]


@cache
def _knowledge_base_actors() -> Actors:
    return Actors()
