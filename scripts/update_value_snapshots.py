"""Record what every value the tests parse looks like, and how the pairs they compare relate: a
snapshot of the values package's observable behaviour.

    python scripts/update_value_snapshots.py     # then review the diff: `git diff tests/values/snapshots`

The value tests (tests/values/) and the rule cases check outcomes: a value parses or not, two
values agree or not. They rarely check the text a reader sees: `describe()`, the canonical form,
the error message and what it expects, a comparison's reason. This script runs those tests once
with every value type's parser and comparison wrapped, keeps each distinct (type, raw value,
parse context) and each compared pair, and writes what they give to
tests/values/snapshots/<type>.json, one entry per line. tests/values/test_snapshots.py parses and compares them again
and requires the same results, so a changed message or interval is a diff a reviewer reads.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

import factcheck.values as values  # noqa: E402
from factcheck.values import PARSE_FACTS, TYPES, ActionVocabulary, Comparison, ParseContext, Value, ValueParseError  # noqa: E402

SNAPSHOTS = ROOT / "tests" / "values" / "snapshots"
NEIGHBOURS = 6  # each value is also compared with this many next to it in canonical order
TESTS = ["tests/values", "tests/test_rule_cases.py", "tests/extract", "tests/test_example_corpus.py", "tests/test_catalogue.py", "tests/test_dev_set_figures.py"]


def encode(raw: Any) -> Any:
    """A raw value as JSON, exactly: dates, tuples and mappings with other than text keys are tagged."""
    if isinstance(raw, dt.datetime):
        return {"$datetime": raw.isoformat()}
    if isinstance(raw, dt.date):
        return {"$date": raw.isoformat()}
    if isinstance(raw, tuple):
        return {"$tuple": [encode(item) for item in raw]}
    if isinstance(raw, list):
        return [encode(item) for item in raw]
    if isinstance(raw, dict):
        if all(isinstance(key, str) and not key.startswith("$") for key in raw):
            return {key: encode(item) for key, item in raw.items()}
        return {"$map": [[encode(key), encode(item)] for key, item in raw.items()]}
    if raw is None or isinstance(raw, (bool, int, float, str)):
        return raw
    raise TypeError(type(raw).__name__)


def encode_vocabulary(actions: ActionVocabulary | None) -> Any:
    if actions is None:
        return None
    return {"names": list(actions.names), "words": dict(actions.words),
            "incompatible": sorted(sorted(pair) for pair in actions.incompatible_pairs)}


def outcome(value: Value | ValueParseError) -> dict[str, str]:
    if isinstance(value, ValueParseError):
        return {"error": str(value)}
    return {"repr": repr(value), "describe": value.describe(), "canonical": value.canonical()}


def comparison(result: Comparison) -> dict[str, str]:
    return {"outcome": result.outcome.value, "detail": result.detail}


class Recorder:
    """Wraps every value type's parse and compare while the tests run."""

    def __init__(self) -> None:
        self.parses: dict[str, dict[str, Any]] = {}  # key (the encoded input) -> record
        self.made: dict[int, tuple[str, Value]] = {}  # id of a parsed value -> its record's key (the value kept alive)
        self.pairs: dict[tuple[str, str], Comparison] = {}

    def install(self) -> None:
        for value_type in TYPES:
            object.__setattr__(value_type, "parse", self._parse(value_type.name, value_type.parse))
            object.__setattr__(value_type, "compare", self._compare(value_type.compare))
        values.compare = self._compare(values.compare)  # pairs of different types, for tests importing it later

    def _parse(self, name: str, parse: Any) -> Any:
        def recording(raw: Any, ctx: ParseContext) -> Value:
            try:
                entry = {"type": name, "raw": encode(raw), "context": {fact: encode(getattr(ctx, fact)) for fact in PARSE_FACTS},
                         "actions": encode_vocabulary(ctx.actions)}
            except TypeError:
                return parse(raw, ctx)  # a raw value JSON cannot hold exactly: not recorded
            key = json.dumps(entry, sort_keys=True, ensure_ascii=False)
            try:
                value = parse(raw, ctx)
            except ValueParseError as err:
                self.parses.setdefault(key, {**entry, **outcome(err)})
                raise
            self.parses.setdefault(key, {**entry, **outcome(value)})
            self.made[id(value)] = (key, value)
            return value
        return recording

    def _compare(self, compare: Any) -> Any:
        def recording(a: Any, b: Any) -> Comparison:
            result = compare(a, b)
            first, second = self.made.get(id(a)), self.made.get(id(b))
            if first is not None and second is not None and first[1] is a and second[1] is b:
                self.pairs.setdefault((first[0], second[0]), result)
            return result
        return recording

    def _add_neighbours(self, by_type: dict[str, list[dict[str, Any]]]) -> None:
        """Beyond the pairs the tests compare, each parsed value against its NEIGHBOURS next ones in
        canonical order: values alike enough to be compared (the same unit, target or kind), so
        that every comparison path the recorded values can reach is pinned too."""
        parsed = {key: value for key, value in self.made.values()}
        for name in by_type:
            keys = [key for key in parsed if self.parses[key]["type"] == name]
            keys.sort(key=lambda key: (parsed[key].canonical(), key))
            for i, first in enumerate(keys):
                for second in keys[i + 1:i + 1 + NEIGHBOURS]:
                    if (first, second) not in self.pairs:
                        self.pairs[(first, second)] = values.compare(parsed[first], parsed[second])

    def write(self) -> int:
        by_type: dict[str, list[dict[str, Any]]] = {value_type.name: [] for value_type in TYPES}
        index: dict[str, tuple[str, int]] = {}
        for key in sorted(self.parses):
            record = self.parses[key]
            index[key] = (record["type"], len(by_type[record["type"]]))
            by_type[record["type"]].append(record)
        pairs: dict[str, list[dict[str, Any]]] = {name: [] for name in by_type}
        self._add_neighbours(by_type)
        for (a, b), result in sorted(self.pairs.items(), key=lambda item: (index[item[0][0]], index[item[0][1]])):
            (type_a, i), (type_b, j) = index[a], index[b]
            pairs[type_a].append({"a": i, "b_type": type_b, "b": j, **comparison(result)})
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        for name, records in by_type.items():
            vocabularies: list[Any] = []
            for record in records:  # each vocabulary once per file; a record names it by number
                actions = record.pop("actions")
                if actions is not None and actions not in vocabularies:
                    vocabularies.append(actions)
                record["actions"] = None if actions is None else vocabularies.index(actions)
                del record["type"]
            (SNAPSHOTS / f"{name}.json").write_text(_lines({"vocabularies": vocabularies, "parses": records, "pairs": pairs[name]}), encoding="utf-8")
        return sum(map(len, by_type.values()))


def _lines(snapshot: dict[str, list[Any]]) -> str:
    """JSON with one entry per line, so that a changed entry is a one-line diff."""
    parts = []
    for name, entries in snapshot.items():
        body = ",\n".join("  " + json.dumps(entry, ensure_ascii=False) for entry in entries)
        parts.append(f' "{name}": [\n{body}\n ]' if entries else f' "{name}": []')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main() -> int:
    recorder = Recorder()
    recorder.install()
    status = pytest.main(["-q", "-p", "no:cacheprovider", "-x", *(str(ROOT / t) for t in TESTS),
                          "--deselect", "tests/values/test_snapshots.py"])
    if status != 0:
        print("the tests failed; no snapshot written", file=sys.stderr)
        return 1
    written = recorder.write()
    print(f"{written} parses and {len(recorder.pairs)} pairs written to {SNAPSHOTS.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
