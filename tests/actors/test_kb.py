"""The knowledge base loads, and its validator catches the mistakes data edits make."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.actors.kb import read_data, load_knowledge_base, read_raw_entries, validate_entries

TITLES = read_data("titles.yaml")
SHORT_FORMS = read_data("short_forms.yaml")
WORD_BOUND = read_data("word_bound_aliases.yaml")["aliases"]


def test_shipped_data_is_valid() -> None:
    assert validate_entries(read_raw_entries(), TITLES, SHORT_FORMS, WORD_BOUND) == []


def test_every_iso_country_is_known_with_chinese_names() -> None:
    kb = load_knowledge_base()
    countries = [e for e in kb.entities.values() if e.type == "country"]
    assert len(countries) >= 240
    for code in ("USA", "CHN", "PRK", "KOR", "TWN", "MYS", "VEN"):
        assert any("\u4e00" <= c <= "\u9fff" for alias in kb.entities[code].aliases for c in alias), code


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("Donald Trump", ["特朗普", "川普"]),
        ("Vladimir Putin", ["普京", "普丁"]),
        ("Volodymyr Zelenskyy", ["澤連斯基", "澤倫斯基"]),
        ("Benjamin Netanyahu", ["內塔尼亞胡", "納坦雅胡"]),
        ("Kim Jong Un", ["金正恩"]),
        ("Sanae Takaichi", ["高市早苗"]),
    ],
)
def test_regional_renderings_of_leaders(name: str, aliases: list[str]) -> None:
    kb = load_knowledge_base()
    person = next(e for e in kb.entities.values() if e.name == name)
    for alias in aliases:
        assert alias in person.aliases, alias


@pytest.mark.parametrize(
    ("country", "roles", "on", "holder"),
    [
        ("USA", ("president",), dt.date(2019, 6, 30), "Donald Trump"),
        ("USA", ("president",), dt.date(2022, 3, 1), "Joe Biden"),
        ("KOR", ("president",), dt.date(2018, 4, 27), "Moon Jae-in"),
        ("KOR", ("president",), dt.date(2025, 10, 29), "Lee Jae-myung"),
        ("JPN", ("prime_minister",), dt.date(2025, 10, 28), "Sanae Takaichi"),
        ("JPN", ("monarch",), dt.date(2018, 1, 1), "Akihito"),
    ],
)
def test_office_holders_by_date(country: str, roles: tuple[str, ...], on: dt.date, holder: str) -> None:
    assert load_knowledge_base().holders(country, roles, on)[0].name == holder


def _person(aliases: list[str], offices: list[dict] | None = None, entity_id: str = "person:a") -> tuple[str, dict]:
    return ("test.yaml", {"id": entity_id, "name": entity_id, "type": "person", "country": "USA", "aliases": aliases, "offices": offices or []})


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ([_person(["張三"]), _person(["張三"], entity_id="person:b")], "also belongs to"),
        ([_person(["張三"]), _person(["张三"], entity_id="person:b")], "also belongs to"),
        ([_person(["張三"], entity_id="person:a"), _person(["李四"], entity_id="person:a")], "id also in"),
        ([("test.yaml", {"id": "XYZ", "name": "Nowhere", "type": "country", "aliases": ["無何有"]})], "ISO 3166-1"),
        ([_person(["張三"], [{"role": "president", "country": "USA", "start": "2020-01-01", "end": "2019-01-01"}])], "before it starts"),
        (
            [_person(["張三"], [
                {"role": "president", "country": "USA", "start": "2020-01-01", "end": "2024-01-01"},
                {"role": "president", "country": "USA", "start": "2022-01-01", "end": None},
            ])],
            "overlap",
        ),
        ([_person(["張三"], [{"role": "wizard", "country": "USA", "start": "2020-01-01"}])], "not in titles.yaml"),
        ([_person(["張三"], [{"role": "president", "country": "QQQ", "start": "2020-01-01"}])], "neither ISO"),
        ([_person(["張"])], "shorter than two"),
        ([_person(["張三"])], "not an alias of any entity"),
    ],
)
def test_validator_reports(entries: list[tuple[str, dict]], problem: str) -> None:
    problems = validate_entries(entries, TITLES, {"persons": {}, "countries": {}}, ["李四"])
    assert any(problem in p for p in problems), problems
