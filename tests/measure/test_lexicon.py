"""The measure stage's data files load, fold and obey their own rules."""

from __future__ import annotations

import copy

import pycountry
import pytest

from summitry.measure.lexicon import (
    read_data,
    time_lexicon,
    time_problems,
    unit_lexicon,
    unit_problems,
)


def test_units_file_is_sound():
    assert unit_problems(read_data("units.yaml")) == []


def test_times_file_is_sound():
    assert time_problems(read_data("times.yaml")) == []


def test_every_currency_is_iso_4217():
    for code in set(unit_lexicon().currencies.values()) | set(unit_lexicon().currency_symbols.values()):
        assert pycountry.currencies.get(alpha_3=code) is not None, code


@pytest.mark.parametrize(
    ("word", "code"),
    [("美元", "USD"), ("美金", "USD"), ("人民幣", "CNY"), ("韓元", "KRW"), ("韓圜", "KRW"), ("日圓", "JPY"),
     ("日元", "JPY"), ("歐元", "EUR"), ("英鎊", "GBP"), ("盧布", "RUB"), ("新台幣", "TWD"), ("港元", "HKD")],
)
def test_currency_words_are_folded_for_matching(word, code):
    from summitry.text import fold

    assert unit_lexicon().currencies[fold(word)] == code


@pytest.mark.parametrize(
    ("counter", "unit"),
    [("架", "aircraft"), ("艘", "ship"), ("名", "person"), ("人", "person"), ("噸", "tonne"), ("桶", "barrel"),
     ("輛", "vehicle"), ("枚", "warhead"), ("個", "job")],
)
def test_counters_name_their_units(counter, unit):
    from summitry.text import fold

    assert unit in {entry.unit for entry in unit_lexicon().counters if entry.word == fold(counter)}


def test_word_lists_try_longer_words_first():
    approx = unit_lexicon().approx_before
    assert approx.index("大约") < approx.index("约")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw["currencies"].update({"XYZ": ["假幣"]}), "XYZ is not an ISO 4217 code"),
        (lambda raw: raw["currencies"]["USD"].append("日元"), "listed twice"),
        (lambda raw: raw["counters"].append({"word": "座", "unit": "Bridge"}), "want a lower-case noun"),
        (lambda raw: raw["counters"].append(dict(raw["counters"][0])), "listed twice"),
        (lambda raw: raw["per"].update({"decade": {"before": ["每十年"]}}), "unknown period decade"),
        (lambda raw: raw["qualifiers"].update({"about": {"before": ["大概"]}}), "unknown qualifier about"),
        (lambda raw: raw["inclusive_qualifiers"].update({"more_than": "at_most"}), "names an unknown qualifier"),
        (lambda raw: raw["subunits"].update({"釐": 1.5}), "share of one unit"),
    ],
)
def test_unit_validator_catches(change, problem):
    raw = copy.deepcopy(read_data("units.yaml"))
    change(raw)
    assert any(problem in message for message in unit_problems(raw))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw["relation_after"].update({"以降": "later"}), "unknown relation"),
        (lambda raw: raw["relative_years"].update({"當年": None}), "whole number"),
        (lambda raw: raw["offset_units"].update({"世紀": "century"}), "unknown period"),
        (lambda raw: raw["dateline"].update({"reach": 0}), "dateline.reach"),
        (lambda raw: raw["dateline"].update({"endings": []}), "dateline.endings"),
        (lambda raw: raw["year_spans"].update({"下半季": [9, 7]}), "year span 下半季"),
        (lambda raw: raw["solar_holidays"].update({"怪節": [13, 1]}), "solar_holidays.怪節"),
        (lambda raw: raw["weekday_holidays"].update({"父親節": [6, 3, 8]}), "weekday_holidays.父親節"),
        (lambda raw: raw["lunar_month_names"].update({"閏": 13}), "lunar month 閏"),
        (lambda raw: raw["anchored_fall_back_to_document"].append("翌週"), "no anchored month or year"),
    ],
)
def test_time_validator_catches(change, problem):
    raw = copy.deepcopy(read_data("times.yaml"))
    change(raw)
    assert any(problem in message for message in time_problems(raw))


def test_lexicons_load_once():
    assert unit_lexicon() is unit_lexicon()
    assert time_lexicon() is time_lexicon()
