"""Validate plain YAML data against a pydantic model and say what is wrong in a user's words.

pydantic knows *where* in the data an error is (its `loc`); the YAML document knows where that is in
the file. Messages say what was found, what was expected, and a suggestion where one exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from rapidfuzz import fuzz, process

from .load_checks import INVALID_CLAIM_FILE
from .yamlload import KeyPath, Position, YamlDocument

Model = TypeVar("Model", bound=BaseModel)

# What a field holds, in words, for messages about wrong types.
_EXPECTED = {
    "published": "a date like 2017-12-22 or an ISO datetime",
    "as_of": "a date like 2017-12-22",
    "value": "text or a mapping",
    "qualifiers": "a mapping of names to text",
    "attributes": "a mapping",
}


@dataclass(frozen=True)
class Problem:
    """A structural problem with a key path and a position; the loader turns it into a finding."""

    check: str
    message: str
    path: KeyPath
    position: Position


def describe(value: Any) -> str:
    """How a found value reads in a message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def did_you_mean(word: str, choices: list[str] | tuple[str, ...], cutoff: float = 60) -> str | None:
    """The closest choice, for a 'did you mean' suggestion."""
    if not choices:
        return None
    match = process.extractOne(word, list(choices), scorer=fuzz.WRatio, score_cutoff=cutoff)
    return match[0] if match else None


def validate(model: type[Model], data: Any, doc: YamlDocument, base: KeyPath) -> tuple[Model | None, list[Problem]]:
    """The model instance, or None and one problem per distinct wrong place."""
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        errors = err.errors(include_url=False)
        problems: list[Problem] = []
        seen: set[KeyPath] = set()
        typos = _typo_targets(model, data, errors)
        for error in errors:
            loc = _data_path(data, tuple(error["loc"]))
            if loc in seen or (error["type"] == "missing" and loc in typos):
                continue  # one defect, one finding: a misspelt required key is not also "missing"
            seen.add(loc)
            problems.append(_problem(model, data, doc, base, loc, error))
        return None, problems


def _typo_targets(model: type[BaseModel], data: Any, errors: list[Any]) -> set[KeyPath]:
    """Paths of missing fields that an unknown key in the same mapping was probably meant to be."""
    targets: set[KeyPath] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = _data_path(data, tuple(error["loc"]))
        owner = _model_at(model, loc)
        guess = did_you_mean(str(loc[-1]), list(owner.model_fields), cutoff=70) if owner and loc else None
        if guess:
            targets.add(loc[:-1] + (guess,))
    return targets


def _data_path(data: Any, loc: KeyPath) -> KeyPath:
    """Cut pydantic's loc where it stops naming places in the data (union member names)."""
    path: list[str | int] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str) and (step in node or step == loc[-1]):
            path.append(step)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            path.append(step)
            node = node[step]
        else:
            break
    return tuple(path)


def _value_at(data: Any, path: KeyPath) -> Any:
    for step in path:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def _model_at(model: type[BaseModel], path: KeyPath) -> type[BaseModel] | None:
    """The nested model that owns the last key of `path`, for field-name suggestions."""
    current: type[BaseModel] | None = model
    for step in path[:-1]:
        if current is None or isinstance(step, int):
            continue
        field = current.model_fields.get(step)
        annotation = getattr(field, "annotation", None) if field else None
        current = _inner_model(annotation)
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found:
            return found
    return None


def _problem(model: type[BaseModel], data: Any, doc: YamlDocument, base: KeyPath, loc: KeyPath, error: dict[str, Any]) -> Problem:
    kind = error["type"]
    name = str(loc[-1]) if loc else ""
    label = _label(base + loc)
    found = _value_at(data, loc)
    where = base + loc
    if kind == "missing":
        return Problem(INVALID_CLAIM_FILE, f"missing required field '{name}'", where, doc.position(base + loc[:-1]))
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        fields = list(owner.model_fields) if owner else []
        guess = did_you_mean(name, fields, cutoff=70)
        hint = f"; did you mean '{guess}'?" if guess else f"; expected one of: {', '.join(fields)}" if fields else ""
        return Problem(INVALID_CLAIM_FILE, f"unknown field '{name}'{hint}", where, doc.position(where, key=True))
    position = doc.position(where)
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", ""))
        options = [opt.strip(" '") for opt in expected.replace(" or ", ",").split(",") if opt.strip(" '")]
        guess = did_you_mean(str(found), options)
        hint = f"; did you mean '{guess}'?" if guess else ""
        return Problem(INVALID_CLAIM_FILE, f"{name}: expected one of {', '.join(options)}, found {describe(found)}{hint}", where, position)
    if kind == "string_pattern_mismatch":
        suggestion = "-".join("".join(c if c.isalnum() else " " for c in str(found).lower()).split())
        hint = f"; did you mean '{suggestion}'?" if suggestion and suggestion != found else ""
        return Problem(
            INVALID_CLAIM_FILE,
            f"{name}: {describe(found)} is not a valid id: use lowercase letters, digits and hyphens, "
            f"starting with a letter or digit{hint}",
            where,
            position,
        )
    if kind == "string_too_short":
        return Problem(INVALID_CLAIM_FILE, f"{name}: must not be empty", where, position)
    if kind == "value_error":
        message = str(error.get("msg", "")).removeprefix("Value error, ")
        return Problem(INVALID_CLAIM_FILE, f"{name}: {message}", where, position)
    expected = _EXPECTED.get(name) or _expected_from_type(kind)
    return Problem(INVALID_CLAIM_FILE, f"{label}: expected {expected}, found {describe(found)}", where, position)


def _label(path: KeyPath) -> str:
    """How a place reads in a message: its key, or 'authors item 2' for an element of a list."""
    if not path:
        return "file"
    if isinstance(path[-1], int):
        return f"{_label(path[:-1])} item {path[-1] + 1}"
    return str(path[-1])


def _expected_from_type(kind: str) -> str:
    for prefix, words in (
        ("string", "text"),
        ("dict", "a mapping"),
        ("model", "a mapping"),
        ("list", "a list"),
        ("date", "a date like 2017-12-22"),
        ("datetime", "an ISO datetime"),
        ("bool", "true or false"),
        ("int", "a whole number"),
        ("float", "a number"),
    ):
        if kind.startswith(prefix):
            return words
    return kind.replace("_", " ")
