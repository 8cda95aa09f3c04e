"""One loader for the YAML data files shipped with summitry, each checked against its schema.

Every data file is read by ``load_data(package, name, Model)``: the YAML is parsed and checked
against a pydantic model that forbids unknown keys, so a misspelled key (``light_verb:`` for
``light_verbs:``) fails loudly with the file, the line and the key instead of being silently
ignored. The loader hands back the file's content as parsed; the model only checks it, so what
the stages build from their data is exactly what they built before.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from summitry.errors import InvalidDataFile

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataModel(BaseModel):
    """The base of every data file's schema: an unknown key is an error, never ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def load_data(package: str, name: str, model: type[BaseModel]) -> Any:
    """The content of ``summitry/<package>/data/<name>`` (``summitry/data/<name>`` for the
    package ``""``; ``name`` may hold a subfolder, ``people/world.yaml``), checked against ``model``.

    Raises ``InvalidDataFile`` naming the file, the line and the key of the first problem
    (and how many more there are) for text that is not YAML or not of the model's shape.
    """
    root = resources.files(f"summitry.{package}" if package else "summitry")
    text = root.joinpath("data", *name.split("/")).read_text(encoding="utf-8")
    return parse_data(text, f"{package}/data/{name}" if package else f"data/{name}", model)


def parse_data(text: str, path: str, model: type[BaseModel]) -> Any:
    """``text``, the data file at ``path``, parsed and checked against ``model`` (see ``load_data``)."""
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise InvalidDataFile(path, f"{where}not YAML ({getattr(error, 'problem', None) or error})") from None
    return check_data(raw, path, model, text)


def check_data(raw: Any, path: str, model: type[BaseModel], text: str | None = None) -> Any:
    """``raw``, the parsed content of the data file at ``path``, checked against ``model``
    (``InvalidDataFile`` naming the key, and its line when ``text`` is given); ``raw`` itself is
    handed back unchanged."""
    try:
        model.model_validate(raw)
    except ValidationError as error:
        # An unknown key first: a misspelling shows as one unknown and one missing key, and
        # the unknown one is where the typo stands.
        problems = sorted(error.errors(), key=lambda problem: problem["type"] != "extra_forbidden")
        first = problems[0]
        key = ".".join(str(part) for part in first["loc"]) or "(the whole file)"
        line = _line_of(text, first["loc"]) if text is not None else None
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InvalidDataFile(path, f"{f'line {line}: ' if line else ''}{key}: {first['msg']}{more}") from None
    return raw


def _line_of(text: str, location: tuple[Any, ...]) -> int | None:
    """The line where the key or item at ``location`` (pydantic's path into the data) stands."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    line = None
    for part in location:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if found is None:
                break
            line = found[0].start_mark.line + 1
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
