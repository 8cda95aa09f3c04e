"""The schemas of the actor knowledge base's data files (actors/data), for ``summitry.data.load_data``.

They check each file's shape — every key known, every value of its kind — so a misspelled key
(an office's ``ende:`` for ``end:``, ``alias:`` for ``aliases:``) fails loudly with the file and
the line instead of loading silently and changing which names link. What the values mean (ISO
codes, roles that exist, tenures in order, aliases owned once) is checked by
``kb.validate_entries``, which needs all files at once.
"""

from __future__ import annotations

import datetime as dt

from pydantic import RootModel

from summitry.data import DataModel


class OfficeEntry(DataModel):
    role: str
    country: str
    start: dt.date | None = None  # required; validate_entries names the entry that lacks one
    end: dt.date | None = None


class EntityEntry(DataModel):
    """A country, organisation, company, place or (in people/*.yaml, no ``type``) a person."""

    id: str
    name: str
    type: str | None = None
    country: str | None = None
    aliases: list[str] | None = None
    offices: list[OfficeEntry] | None = None


class EntityFile(RootModel[list[EntityEntry] | None]):
    pass


class CountryVariants(RootModel[dict[str, list[str]] | None]):
    """Country code → more names for it (美方, 北韓), merged into the country's aliases."""


class Titles(DataModel):
    roles: list[str]
    titles: dict[str, list[str]]
    person_markers: list[str]
    bodies: dict[str, str]


class ShortForms(DataModel):
    countries: dict[str, str]
    persons: dict[str, str]
    compound_suffixes: list[str]
    single_prefixes: list[str]
    before_title: list[str]
    not_after: dict[str, list[str]] = {}
    frame_ends: dict[str, list[str]] = {}
    frame_reach: int = 0
    shared: dict[str, list[str]] = {}  # 馬: [MDV]: another country the character stands for when named in full
    shared_sides: dict[str, list[str]] = {}  # 巴方: [BRA, …]: the same for an alias naming a side


class LinkRules(DataModel):
    place_not_before: list[str]
    country_not_before: list[str]
    names_inside_words: list[str]
    surnames: list[str]
    name_followers: list[str]
    credits: list[str]
    office_name_stops: list[str]
    office_name_reach: int
    office_body_ends: list[str]
    office_body_reach: int
    office_descriptor_reach: int
    office_descriptor_breaks: list[str]
    title_run_reach: int
    title_run_joiners: list[str]
    deputy_prefix: str
    former_markers: list[str]
    meeting_suffixes: list[str]
    home_bodies: dict[str, dict[str, str]]
    taiwan_cues: list[str]
    home_body_not_before: list[str]
    never_misspelt: list[str] = []


class Transliteration(DataModel):
    characters: str


class WordBoundAliases(DataModel):
    aliases: list[str]
