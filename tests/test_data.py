"""Every YAML data file is read through one loader and checked against a schema that rejects
unknown keys (summitry/data.py): a misspelled key is one line naming the file, the line and the key."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from pydantic import BaseModel

from summitry.actors import kb as actors_kb
from summitry.actors import schemas as actor_schemas
from summitry.chrome_schema import ChromeData
from summitry.data import load_data, parse_data
from summitry.errors import InvalidDataFile
from summitry.events.schemas import SCHEMAS as EVENT_SCHEMAS
from summitry.evaluate_headlines import HeadlineData
from summitry.export import CodesData
from summitry.ingest.schemas import CommonHanzi
from summitry.measure.schemas import SCHEMAS as MEASURE_SCHEMAS
from summitry.views.lexicon import LedgerData, MeetingsData, ReadoutsData

FILES = (
    [("events", name, model) for name, model in EVENT_SCHEMAS.items()]
    + [("measure", name, model) for name, model in MEASURE_SCHEMAS.items()]
    + [("views", "ledger.yaml", LedgerData), ("views", "meetings.yaml", MeetingsData), ("views", "readouts.yaml", ReadoutsData),
       ("export", "codes.yaml", CodesData), ("ingest", "common_hanzi.yaml", CommonHanzi), ("", "headlines.yaml", HeadlineData), ("", "chrome.yaml", ChromeData)]
    + [("actors", name, getattr(actor_schemas, model)) for name, model in actors_kb._SCHEMAS.items()]
    + [("actors", name, actor_schemas.EntityFile) for name in actors_kb._entity_files()]
)


def _text(package: str, name: str) -> str:
    return resources.files(f"summitry.{package}" if package else "summitry").joinpath("data", *name.split("/")).read_text(encoding="utf-8")


@pytest.mark.parametrize(("package", "name", "model"), FILES)
def test_every_data_file_fits_its_schema(package: str, name: str, model: type[BaseModel]) -> None:
    assert load_data(package, name, model)


def test_every_data_file_has_a_schema() -> None:
    """Every YAML file shipped under a data/ folder is read through load_data with a schema (FILES)."""
    shipped = {(package, str(path.relative_to(root)))
               for package in ("events", "measure", "views", "export", "ingest", "actors", "")
               for root in [Path(str(resources.files(f"summitry.{package}" if package else "summitry").joinpath("data")))]
               for path in root.rglob("*.yaml")}
    assert shipped == {(package, name) for package, name, _ in FILES}


@pytest.mark.parametrize(
    ("package", "name", "model", "old", "new", "reason"),
    [
        ("events", "arguments.yaml", EVENT_SCHEMAS["arguments.yaml"], "\nlight_verbs:", "\nlight_verb:",
         "line {line}: light_verb: Extra inputs are not permitted (+1 more)"),
        ("events", "triggers.yaml", EVENT_SCHEMAS["triggers.yaml"], "    summary: \"{source} met {target}\"",
         "    sumary: \"{source} met {target}\"", "groups.0.sumary: Extra inputs are not permitted"),
        ("measure", "units.yaml", MEASURE_SCHEMAS["units.yaml"], "per_reach:", "per_reach: [", "not YAML"),
        ("views", "meetings.yaml", MeetingsData, "cross_document_days: 366", "cross_document_days: a year",
         "cross_document_days: Input should be a valid integer"),
        ("export", "codes.yaml", CodesData, "coder: summitry", "coder: summitry\ncoded_by: summitry", "coded_by: Extra inputs"),
        ("actors", "people/heads_2016_2026.yaml", actor_schemas.EntityFile, ", end: ", ", ende: ", "line {line}: 0.offices.0.ende: Extra inputs"),
        ("actors", "people/world.yaml", actor_schemas.EntityFile, "  aliases:", "  alias:", "alias: Extra inputs are not permitted"),
        ("actors", "link_rules.yaml", actor_schemas.LinkRules, "office_name_reach: 8", "office_name_reach: eight",
         "office_name_reach: Input should be a valid integer"),
        ("actors", "titles.yaml", actor_schemas.Titles, "\nbodies:", "\nbody:", "body: Extra inputs are not permitted"),
        ("", "headlines.yaml", HeadlineData, "\ncredits:", "\ncredit:", "credit: Extra inputs are not permitted"),
        ("", "chrome.yaml", ChromeData, "\nticker_heads:", "\nticker_head:", "line {line}: ticker_head: Extra inputs are not permitted"),
    ],
)
def test_a_broken_data_file_names_the_file_the_line_and_the_key(
    package: str, name: str, model: type[BaseModel], old: str, new: str, reason: str
) -> None:
    text = _text(package, name)
    assert old in text
    reason = reason.format(line=text[: text.index(old) + 1].count("\n") + 1)  # where the broken key stands
    path = f"{package}/data/{name}" if package else f"data/{name}"
    with pytest.raises(InvalidDataFile) as raised:
        parse_data(text.replace(old, new, 1), path, model)
    line = raised.value.describe()
    assert line.startswith(f"data file is invalid: {path}: ") and reason in line, line
    assert "\n" not in line
