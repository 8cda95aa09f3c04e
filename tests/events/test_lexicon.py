"""The trigger, argument, status and dating data load, and the validator catches bad edits."""

from __future__ import annotations

import copy
import importlib.util
import sys

import pytest

import summitry.events.lexicon as lexicon_module
from summitry.events.lexicon import PLOVER_TYPES, event_lexicon, read_data, status_problems, trigger_problems
from summitry.cache import source_file
from summitry.text import fold

TRIGGERS = read_data("triggers.yaml")


def test_shipped_data_is_valid_and_covers_every_plover_type() -> None:
    assert trigger_problems(TRIGGERS) == []
    assert {group.type for group in event_lexicon().groups} == PLOVER_TYPES


def test_words_are_folded_so_either_script_matches() -> None:
    words = {cue.word for group in event_lexicon().groups for cue in group.cues}
    assert fold("會晤") in words and "會晤" not in words


def _with(change) -> dict:
    raw = copy.deepcopy(TRIGGERS)
    change(raw)
    return raw


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw["groups"][0].update(type="MEET"), "PLOVER"),
        (lambda raw: raw["groups"][0].update(args="nobody"), "not a pattern"),
        (lambda raw: raw["groups"][0].update(cameo=43), "CAMEO"),
        (lambda raw: raw["groups"][0].update(summary="met"), "{source}"),
        (lambda raw: raw["groups"][0]["words"].append(raw["groups"][0]["words"][0]), "listed twice"),
        (lambda raw: raw["groups"][0]["words"].append({"word": "會談", "not_folowed_by": ["會"]}), "unknown keys"),
        (lambda raw: raw["groups"][0]["words"].append({"word": "取消", "needs": {"words": ["軍演"], "where": "inside"}}), "needs words"),
        (lambda raw: raw["groups"][0].update(unless={"words": [], "where": "after"}), "unless words"),
        (lambda raw: raw["groups"][0].update(suppresses=["MOBILIZE/parade"]), "no group defines"),
        (lambda raw: raw["patterns"]["meeting"].update(target_from=["whoever"]), "unknown target_from"),
    ],
)
def test_validator_names_the_mistake(change, problem: str) -> None:
    assert any(problem in p for p in trigger_problems(_with(change)))


def _from_source(module, monkeypatch):
    """The module run from its ``.py``, as a module of its own: one compiled by mypyc calls its
    own functions directly, so a function replaced in it would go unseen."""
    name = f"{module.__name__}_from_source"
    spec = importlib.util.spec_from_file_location(name, source_file(module.__file__))
    fresh = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, fresh)  # dataclasses look their module up
    spec.loader.exec_module(fresh)
    return fresh


def test_a_new_trigger_is_a_data_change(monkeypatch) -> None:
    """Adding a word to a group in the data is all it takes for the lexicon to carry it."""
    raw = _with(lambda raw: raw["groups"][0]["words"].append("密會"))
    assert trigger_problems(raw) == []
    before = {cue.word for cue in event_lexicon().groups[0].cues}
    lexicon = _from_source(lexicon_module, monkeypatch)
    shipped = lexicon.read_data
    monkeypatch.setattr(lexicon, "read_data", lambda name: raw if name == "triggers.yaml" else shipped(name))
    after = {cue.word for cue in lexicon._build_event_lexicon().groups[0].cues}  # the cache keys by the files
    assert after - before == {fold("密會")}


def test_pair_words_name_actors_of_the_knowledge_base() -> None:
    from summitry.actors import load_knowledge_base

    entities = load_knowledge_base().entities
    pairs = event_lexicon().arguments.pair_words
    assert pairs and all(len(ids) == 2 and all(i in entities for i in ids) for ids in pairs.values())


def test_acts_done_by_saying_them_name_real_types() -> None:
    """status.yaml's said_acts are PLOVER types (or type/mode); a misspelt one is reported."""
    status = read_data("status.yaml")
    assert status_problems(status) == []
    broken = {**status, "reporting": {**status["reporting"], "said_acts": ["ACUSE"]}}
    assert any("ACUSE" in p for p in status_problems(broken))
