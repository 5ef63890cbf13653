"""Every value the tests parse, and every pair they compare, give exactly what they gave when the
snapshot was taken: the value as a reader sees it (describe, canonical form, the error and what it
expects) and a comparison's outcome and reason. A change on purpose is a reviewed diff:
`python scripts/update_value_snapshots.py`, then `git diff tests/values/snapshots`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.values import VALUE_TYPES, ActionVocabulary, ParseContext, Value, ValueParseError, compare, parse_value

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
INPUTS = Path(__file__).resolve().parent / "inputs"
UPDATE = "if the change is meant, run `python scripts/update_value_snapshots.py` and review `git diff tests/values/snapshots`"


def decode(raw: Any) -> Any:
    if isinstance(raw, list):
        return [decode(item) for item in raw]
    if isinstance(raw, dict):
        if "$date" in raw:
            return dt.date.fromisoformat(raw["$date"])
        if "$datetime" in raw:
            return dt.datetime.fromisoformat(raw["$datetime"])
        if "$tuple" in raw:
            return tuple(decode(item) for item in raw["$tuple"])
        if "$map" in raw:
            return {decode(key): decode(item) for key, item in raw["$map"]}
        return {key: decode(item) for key, item in raw.items()}
    return raw


def _vocabulary(spec: dict[str, Any]) -> ActionVocabulary:
    return ActionVocabulary(tuple(spec["names"]), dict(spec["words"]), frozenset(frozenset(pair) for pair in spec["incompatible"]))


class Snapshot:
    """One type's recorded parses and pairs, parsed again on demand."""

    def __init__(self, type_name: str) -> None:
        data = json.loads((SNAPSHOTS / f"{type_name}.json").read_text(encoding="utf-8"))
        self.type_name = type_name
        self.parses: list[dict[str, Any]] = data["parses"]
        self.pairs: list[dict[str, Any]] = data["pairs"]
        self.vocabularies = [_vocabulary(spec) for spec in data["vocabularies"]]
        self.by_name = {record["name"]: record for record in self.parses}
        self._parsed: dict[str, Value | ValueParseError] = {}

    def parse(self, name: str) -> Value | ValueParseError:
        if name not in self._parsed:
            record = self.by_name[name]
            context = ParseContext(**{fact: decode(value) for fact, value in record["context"].items()},
                                   actions=None if record["actions"] is None else self.vocabularies[record["actions"]])
            try:
                self._parsed[name] = parse_value(self.type_name, decode(record["raw"]), context)
            except ValueParseError as err:
                self._parsed[name] = err
        return self._parsed[name]


def snapshot(type_name: str, loaded: dict[str, Snapshot] | None = None) -> Snapshot:
    """A type's snapshot, read afresh for each test (within it, `loaded` shares one per type).
    Nothing parsed is kept between tests: mutmut forks each mutant's run from a process that has
    run the tests on the unchanged code, and a value kept from then would hide the mutant."""
    if loaded is None:
        return Snapshot(type_name)
    if type_name not in loaded:
        loaded[type_name] = Snapshot(type_name)
    return loaded[type_name]


def _seen(value: Value | ValueParseError) -> dict[str, str]:
    if isinstance(value, ValueParseError):
        return {"error": str(value)}
    return {"repr": repr(value), "describe": value.describe(), "canonical": value.canonical()}


@pytest.mark.parametrize("type_name", VALUE_TYPES)
def test_parsed_values_match_the_snapshot(type_name: str) -> None:
    recorded = snapshot(type_name)
    assert recorded.parses, f"no {type_name} value was recorded"
    changed = []
    for record in recorded.parses:
        expected = {key: record[key] for key in ("error", "repr", "describe", "canonical") if key in record}
        seen = _seen(recorded.parse(record["name"]))
        if seen != expected:
            changed.append(f"{type_name} {record['raw']!r}:\n  was {expected}\n  now {seen}")
    assert not changed, f"{len(changed)} of {len(recorded.parses)} {type_name} values changed; {UPDATE}\n" + "\n".join(changed[:10])


@pytest.mark.parametrize("type_name", VALUE_TYPES)
def test_compared_pairs_match_the_snapshot(type_name: str) -> None:
    loaded: dict[str, Snapshot] = {}
    recorded = snapshot(type_name, loaded)
    changed = []
    for pair in recorded.pairs:
        a, b = recorded.parse(pair["a"]), snapshot(pair.get("b_type", type_name), loaded).parse(pair["b"])
        assert isinstance(a, Value) and isinstance(b, Value), pair
        result = compare(a, b)
        seen, expected = (result.outcome.value, result.detail), (pair["outcome"], pair["detail"])
        if seen != expected:
            changed.append(f"{a.text!r} vs {b.text!r}:\n  was {expected}\n  now {seen}")
    assert not changed, f"{len(changed)} of {len(recorded.pairs)} {type_name} pairs changed; {UPDATE}\n" + "\n".join(changed[:10])


@pytest.mark.parametrize("type_name", VALUE_TYPES)
def test_every_catalogue_input_is_in_the_snapshot(type_name: str) -> None:
    """An input added to tests/values/inputs/ is recorded only when the snapshot is updated."""
    path = INPUTS / f"{type_name}.yaml"
    entries = (yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or []) if path.exists() else []
    recorded = {json.dumps(record["raw"], sort_keys=True) for record in snapshot(type_name).parses}
    missing = [raw for entry in entries for raw in (entry["pair"] if "pair" in entry else [entry["raw"]])
               if json.dumps(raw, sort_keys=True) not in recorded]
    assert not missing, f"not in the {type_name} snapshot: {missing}; {UPDATE}"
