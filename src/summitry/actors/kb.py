"""The actor knowledge base: YAML files under actors/data, loaded once and validated.

Aliases are stored as written (Traditional or Simplified, HK/TW/mainland wording) and
indexed by their folded form, so one entry serves text in either script.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, TypeGuard, cast

import opencc

from summitry import cache as disk_cache
from summitry import model as model_module
from summitry import text as text_module
from summitry.errors import DataFileError
from summitry.model import Entity, Office
from summitry.text import fold

DATA = Path(__file__).parent / "data"
ENTITY_TYPES = frozenset({"person", "country", "organization", "company", "place"})


class KnowledgeBaseError(DataFileError, ValueError):
    """The data files contradict themselves; the message lists every problem found."""

    lead = "knowledge base is invalid:"


@dataclass(frozen=True)
class KnowledgeBase:
    entities: Mapping[str, Entity]
    alias_index: Mapping[str, tuple[str, ...]]  # folded alias -> entity ids
    titles: Mapping[str, tuple[str, ...]]  # folded title word -> roles
    person_markers: frozenset[str]
    short_countries: Mapping[str, str]  # folded character -> country id
    short_persons: Mapping[str, str]  # folded character -> person id
    compound_suffixes: tuple[str, ...]
    single_prefixes: frozenset[str]
    before_title: frozenset[str]
    body_codes: Mapping[str, str]  # organisation id -> office country code (NATO, UNO, ...)
    transliteration: frozenset[str]
    word_bound_aliases: frozenset[str]  # folded aliases that count only as whole words
    fingerprint: str = ""  # hash of the data and code it was built from; keys caches derived from it

    def holders(self, country: str, roles: tuple[str, ...], on: dt.date) -> tuple[Entity, ...]:
        """People who held one of ``roles`` for ``country`` on ``on``, in the order of ``roles``."""
        return _holders(self, country, tuple(roles), on)

    @cache
    def _people_by_office(self) -> Mapping[tuple[str, str], tuple[Entity, ...]]:
        index: dict[tuple[str, str], list[Entity]] = {}
        for entity in self.entities.values():
            for office in entity.offices:
                index.setdefault((office.country, office.role), []).append(entity)
        return {key: tuple(people) for key, people in index.items()}

    def __hash__(self) -> int:  # one instance per process; identity is enough for caches
        return id(self)


@lru_cache(maxsize=16384)
def _holders(kb: KnowledgeBase, country: str, roles: tuple[str, ...], on: dt.date) -> tuple[Entity, ...]:
    """``KnowledgeBase.holders``, kept: every title in every document asks, mostly about the same few offices and days."""
    found: list[Entity] = []
    for role in roles:
        for entity in kb._people_by_office().get((country, role), ()):
            if any(_holds(office, country, role, on) for office in entity.offices) and entity not in found:
                found.append(entity)
    return tuple(found)


def _holds(office: Office, country: str, role: str, on: dt.date) -> bool:
    return office.country == country and office.role == role and office.start <= on and (office.end is None or on < office.end)


# The schemas of the files that are not lists of entities (actors/schemas.py, by class name).
_SCHEMAS = {
    "titles.yaml": "Titles",
    "short_forms.yaml": "ShortForms",
    "link_rules.yaml": "LinkRules",
    "transliteration.yaml": "Transliteration",
    "word_bound_aliases.yaml": "WordBoundAliases",
    "country_variants.yaml": "CountryVariants",
}
SCHEMAS_FILE = Path(__file__).parent / "schemas.py"


def read_data(name: str) -> Any:
    """The data file ``actors/data/<name>`` as parsed, after checking it against its schema
    (actors/schemas.py): a misspelled key raises InvalidDataFile naming the file and line. The
    loader and the schemas (YAML, pydantic) are imported here: a process that finds the
    knowledge base in the disk cache never needs them (issue 13)."""
    from summitry.actors import schemas
    from summitry.data import load_data

    return load_data("actors", name, getattr(schemas, _SCHEMAS.get(name, "EntityFile")))


def _entity_files() -> list[str]:
    people = [f"people/{path.name}" for path in sorted((DATA / "people").glob("*.yaml"))]
    others = ["countries.yaml", "organizations.yaml", "companies.yaml", "places.yaml"]
    return [name for name in others + people if (DATA / name).exists()]


def read_raw_entries() -> list[tuple[str, dict[str, Any]]]:
    """Every entity entry with the file it came from, before validation."""
    entries: list[tuple[str, dict[str, Any]]] = []
    for name in _entity_files():
        for entry in read_data(name) or []:
            entry.setdefault("type", "person" if name.startswith("people/") else None)
            entries.append((name.rpartition("/")[2], entry))
    variants = read_data("country_variants.yaml") or {}
    by_id = {entry["id"]: entry for _, entry in entries}
    for code, aliases in variants.items():
        if code in by_id:
            by_id[code]["aliases"] = list(dict.fromkeys(list(by_id[code].get("aliases") or []) + list(aliases)))
        else:
            entries.append(("country_variants.yaml", {"id": code, "name": code, "type": "country", "aliases": list(aliases)}))
    return entries


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _is_real_country(code: str) -> bool:
    import pycountry  # here: only validating the data files needs the ISO tables, not a cached load

    return pycountry.countries.get(alpha_3=code) is not None


@cache
def fold_alias(alias: str) -> str:
    """The key an alias is indexed under: folded script, one normalised name dot."""
    return fold(unicodedata.normalize("NFC", alias.strip())).replace("・", "·").replace("•", "·")


# Between the parts of a transliterated name, outlets type a middle dot, a full stop or a dash
# (穆罕默德·本·萨勒曼, 穆罕默德.本.薩勒曼, 邁因爾—賴辛格); the folded text keeps each as typed.
NAME_JOINERS = ("·", ".", "-", "—", "–", "―", "‐")
_JOINER_BETWEEN_HAN = re.compile(
    "(?<=[\u3400-\u9fff])[" + re.escape("".join(NAME_JOINERS)) + "](?=[\u3400-\u9fff])"
)


def joiner_variants(folded_alias: str) -> list[str]:
    """The alias with each other joiner between its Chinese name parts, so a name links however
    its parts are joined; none for an alias without one (Latin hyphens, Lee Jae-myung, stay)."""
    if not _JOINER_BETWEEN_HAN.search(folded_alias):
        return []
    variants = [_JOINER_BETWEEN_HAN.sub(joiner, folded_alias) for joiner in NAME_JOINERS]
    return [variant for variant in dict.fromkeys(variants) if variant != folded_alias]


def validate_entries(
    entries: list[tuple[str, dict[str, Any]]], titles: dict[str, Any], short_forms: dict[str, Any], word_bound: list[str] | None = None
) -> list[str]:
    """Every problem in the data: duplicate ids, clashing aliases, unknown codes, disordered tenures."""
    problems: list[str] = []
    roles = set(titles["roles"])
    body_codes = set(titles["bodies"].values())
    seen_ids: dict[str, str] = {}
    alias_owner: dict[str, str] = {}
    names = {entry.get("name") for _, entry in entries}
    for source, entry in entries:
        where = f"{source}: {entry.get('id')!r}"
        entity_id = entry.get("id")
        if not entity_id or not entry.get("name"):
            problems.append(f"{where}: needs id and name")
            continue
        if entity_id in seen_ids:
            problems.append(f"{where}: id also in {seen_ids[entity_id]}")
        seen_ids[entity_id] = source
        if entry.get("type") not in ENTITY_TYPES:
            problems.append(f"{where}: type {entry.get('type')!r} is not one of {sorted(ENTITY_TYPES)}")
        country = entry.get("country")
        if country and not _is_real_country(country):
            problems.append(f"{where}: country {country!r} is not an ISO 3166-1 alpha-3 code")
        if entry.get("type") == "country" and not _is_real_country(entity_id):
            problems.append(f"{where}: country id is not an ISO 3166-1 alpha-3 code")
        for alias in entry.get("aliases") or []:
            key = fold_alias(str(alias))
            if len(key) < 2:
                problems.append(f"{where}: alias {alias!r} is shorter than two characters")
            owner = alias_owner.setdefault(key, entity_id)
            if owner != entity_id:
                problems.append(f"{where}: alias {alias!r} also belongs to {owner!r}")
        problems.extend(_office_problems(where, entry.get("offices") or [], roles, body_codes))
    for table in ("persons",):
        for char, name in (short_forms.get(table) or {}).items():
            if name not in names:
                problems.append(f"short_forms.yaml: {char!r} names unknown person {name!r}")
    for alias in word_bound or ():
        if fold_alias(alias) not in alias_owner:
            problems.append(f"word_bound_aliases.yaml: {alias!r} is not an alias of any entity")
    for char, code in (short_forms.get("countries") or {}).items():
        if code not in seen_ids:
            problems.append(f"short_forms.yaml: {char!r} names unknown country {code!r}")
    for char, codes in (short_forms.get("shared") or {}).items():
        if char not in (short_forms.get("countries") or {}):
            problems.append(f"short_forms.yaml: shared {char!r} is not a short form of a country")
        problems.extend(f"short_forms.yaml: shared {char!r} names unknown country {code!r}" for code in codes if code not in seen_ids)
    for side, codes in (short_forms.get("shared_sides") or {}).items():
        if fold_alias(side) not in alias_owner:
            problems.append(f"short_forms.yaml: shared side {side!r} is not an alias of any entity")
        problems.extend(f"short_forms.yaml: shared side {side!r} names unknown country {code!r}" for code in codes if code not in seen_ids)
    return problems


def _office_problems(where: str, offices: list[dict[str, Any]], roles: set[str], body_codes: set[str]) -> list[str]:
    problems: list[str] = []
    spans: dict[tuple[str | None, str | None], list[tuple[dt.date, dt.date | None]]] = {}
    for office in offices:
        role, country = office.get("role"), office.get("country")
        if role not in roles:
            problems.append(f"{where}: office role {role!r} is not in titles.yaml roles")
        if not country or not (_is_real_country(country) or country in body_codes):
            problems.append(f"{where}: office country {country!r} is neither ISO alpha-3 nor a body code")
        try:
            start, end = _as_date(office.get("start")), _as_date(office.get("end"))
        except ValueError as error:
            problems.append(f"{where}: office date: {error}")
            continue
        if start is None:
            problems.append(f"{where}: office {role} has no start date")
            continue
        if end is not None and end < start:
            problems.append(f"{where}: office {role} ends {end} before it starts {start}")
        spans.setdefault((role, country), []).append((start, end))
    for (role, country), tenures in spans.items():
        for (start_a, end_a), (start_b, _) in zip(tenures, tenures[1:]):
            if start_b < start_a or end_a is None or start_b < end_a:
                problems.append(f"{where}: tenures as {role} of {country} overlap or are out of order")
    return problems


def _entity(entry: dict[str, Any]) -> Entity:
    offices = tuple(
        Office(role=o["role"], country=o["country"], start=cast(dt.date, _as_date(o["start"])), end=_as_date(o.get("end")))
        for o in entry.get("offices") or []
    )
    aliases = tuple(dict.fromkeys(str(a) for a in [entry["name"], *(entry.get("aliases") or [])]))
    return Entity(
        id=entry["id"], name=entry["name"], type=entry["type"], country=entry.get("country"), aliases=aliases, offices=offices
    )


def _folded_characters(text: str) -> frozenset[str]:
    return frozenset(fold(re.sub(r"\s+", "", text)))


@cache
def load_knowledge_base() -> KnowledgeBase:
    """Read, validate and index the data files once per process.

    The built parts are pickled under the cache directory (summitry.cache), keyed by the data
    files' bytes, the building code and the package version, so a later process with the same
    data skips parsing, folding and validation; any change rebuilds and validates again.
    """
    key = knowledge_fingerprint()
    parts = disk_cache.load("knowledge-base", key)
    if not _are_parts(parts):
        parts = _build_parts()
        disk_cache.store("knowledge-base", key, parts)
    frozen: dict[str, Any] = {name: MappingProxyType(value) if isinstance(value, dict) else value for name, value in parts.items()}
    return KnowledgeBase(**frozen, fingerprint=key)


_PART_NAMES = frozenset(f.name for f in fields(KnowledgeBase)) - {"fingerprint"}


def _are_parts(parts: Any) -> TypeGuard[dict[str, Any]]:
    return isinstance(parts, dict) and set(parts) == _PART_NAMES


def knowledge_fingerprint() -> str:
    """What the built knowledge base depends on: every data file, the code that reads and folds
    it (so an edit in a development checkout counts even at the same version), OpenCC's version."""
    data_files = sorted(path for path in DATA.rglob("*") if path.is_file() and not path.name.startswith("."))
    code_files = [disk_cache.source_file(f) for f in (__file__, str(SCHEMAS_FILE), model_module.__file__, text_module.__file__)]
    return disk_cache.fingerprint(code_files + data_files, _package_version(), opencc.__version__)


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("summitry")
    except PackageNotFoundError:
        return "unknown"


def _build_parts() -> dict[str, Any]:
    """The knowledge base's fields, validated, as plain picklable values."""
    titles = read_data("titles.yaml")
    short_forms = read_data("short_forms.yaml")
    entries = read_raw_entries()
    word_bound = read_data("word_bound_aliases.yaml")["aliases"]
    problems = validate_entries(entries, titles, short_forms, word_bound)
    if problems:
        raise KnowledgeBaseError("; ".join(problems[:20]) + (f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""))
    entities = {entry["id"]: _entity(entry) for _, entry in entries}
    alias_index: dict[str, tuple[str, ...]] = {}
    for entity in entities.values():
        for alias in entity.aliases:
            key = fold_alias(alias)
            if len(key) >= 2 and entity.id not in alias_index.get(key, ()):
                alias_index[key] = alias_index.get(key, ()) + (entity.id,)
    for key, entity_ids in list(alias_index.items()):
        for variant in joiner_variants(key):
            alias_index.setdefault(variant, entity_ids)  # an alias written so on purpose wins
    by_name = {entity.name: entity.id for entity in entities.values()}
    bodies = {by_name[name]: code for name, code in titles["bodies"].items() if name in by_name}
    return dict(
        entities=entities,
        alias_index=alias_index,
        titles={fold(word): tuple(roles) for word, roles in titles["titles"].items()},
        person_markers=frozenset(fold(word) for word in titles["person_markers"]),
        short_countries={fold(char): code for char, code in short_forms["countries"].items()},
        short_persons={fold(char): by_name[name] for char, name in short_forms["persons"].items()},
        compound_suffixes=tuple(sorted({fold(s) for s in short_forms["compound_suffixes"]}, key=len, reverse=True)),
        single_prefixes=frozenset(fold(c) for c in short_forms["single_prefixes"]),
        before_title=frozenset(fold(c) for c in short_forms["before_title"]),
        body_codes=bodies,
        transliteration=_folded_characters(read_data("transliteration.yaml")["characters"]),
        word_bound_aliases=frozenset(fold_alias(a) for a in word_bound),
    )
