"""Kind, country and side of an entity id, for rules that meet ids a record may not describe."""

from __future__ import annotations

from typing import Mapping, overload

from summitry.model import Entity


class EntityLookup:
    """An id the entities do not know is taken for a person found in the text, named by its id."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self.entities = entities

    @overload
    def name(self, entity_id: str) -> str: ...
    @overload
    def name(self, entity_id: None) -> None: ...
    @overload
    def name(self, entity_id: str | None) -> str | None: ...

    def name(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def type_of(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.type if entity else "person"

    def country_of(self, entity_id: str) -> str | None:
        entity = self.entities.get(entity_id)
        if entity is None:
            return None
        return entity.id if entity.type == "country" else entity.country

    def side(self, entity_id: str) -> str:
        """The country an actor stands for (itself when it has none): the unit of "a side"."""
        return self.country_of(entity_id) or entity_id
