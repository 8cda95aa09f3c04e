"""Every YAML data file is read through one loader and checked against a schema that rejects
unknown keys (summitry/data.py): a misspelled key is one line naming the file, the line and the key."""

from __future__ import annotations

from importlib import resources

import pytest
from pydantic import BaseModel

from summitry.data import load_data, parse_data
from summitry.errors import InvalidDataFile
from summitry.events.schemas import SCHEMAS as EVENT_SCHEMAS
from summitry.export import CodesData
from summitry.measure.schemas import SCHEMAS as MEASURE_SCHEMAS
from summitry.views.lexicon import LedgerData, MeetingsData, ReadoutsData

FILES = (
    [("events", name, model) for name, model in EVENT_SCHEMAS.items()]
    + [("measure", name, model) for name, model in MEASURE_SCHEMAS.items()]
    + [("views", "ledger.yaml", LedgerData), ("views", "meetings.yaml", MeetingsData), ("views", "readouts.yaml", ReadoutsData),
       ("export", "codes.yaml", CodesData)]
)


def _text(package: str, name: str) -> str:
    return resources.files(f"summitry.{package}").joinpath("data", name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("package", "name", "model"), FILES)
def test_every_data_file_fits_its_schema(package: str, name: str, model: type[BaseModel]) -> None:
    assert load_data(package, name, model)


def test_every_data_file_has_a_schema() -> None:
    shipped = {(package, path.name) for package in ("events", "measure", "views", "export")
               for path in resources.files(f"summitry.{package}").joinpath("data").iterdir() if path.name.endswith(".yaml")}
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
    ],
)
def test_a_broken_data_file_names_the_file_the_line_and_the_key(
    package: str, name: str, model: type[BaseModel], old: str, new: str, reason: str
) -> None:
    text = _text(package, name)
    assert old in text
    reason = reason.format(line=text[: text.index(old) + 1].count("\n") + 1)  # where the broken key stands
    with pytest.raises(InvalidDataFile) as raised:
        parse_data(text.replace(old, new, 1), f"{package}/data/{name}", model)
    line = raised.value.describe()
    assert line.startswith(f"data file is invalid: {package}/data/{name}: ") and reason in line, line
    assert "\n" not in line
