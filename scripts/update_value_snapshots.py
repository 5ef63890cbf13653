"""Record what every value the tests parse looks like, and how the pairs they compare relate: a
snapshot of the values package's observable behaviour.

    python scripts/update_value_snapshots.py [TYPE ...]   # then review `git diff tests/values/snapshots`

The value tests (tests/values/) and the rule cases check outcomes: a value parses or not, two
values agree or not. They rarely check the text a reader sees: `describe()`, the canonical form,
the error message and what it expects, a comparison's reason. This script runs those tests once
with every value type's parser and comparison wrapped, keeps each distinct (type, raw value,
parse context) and each compared pair, adds the inputs of tests/values/inputs/<type>.yaml (values
no test reaches, each listed for a path of the parser it takes), and writes what they give to
tests/values/snapshots/<type>.json, one entry per line (only the types named, when some are). tests/values/test_snapshots.py parses and compares them again
and requires the same results, so a changed message or interval is a diff a reviewer reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
import yaml  # noqa: E402

import factcheck.values as values  # noqa: E402
from factcheck.ruleset import default_rules_dir, load_ruleset  # noqa: E402
from factcheck.values import PARSE_FACTS, TYPES, ActionVocabulary, Comparison, ParseContext, Value, ValueParseError  # noqa: E402

SNAPSHOTS = ROOT / "tests" / "values" / "snapshots"
INPUTS = ROOT / "tests" / "values" / "inputs"
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

    def write(self, only: set[str]) -> int:
        """Each type's file: its values sorted by their input, each with a name made from its input
        (so that adding an input adds a line and renames nothing), and the pairs by those names."""
        by_type: dict[str, list[dict[str, Any]]] = {value_type.name: [] for value_type in TYPES}
        for key in sorted(self.parses):
            by_type[self.parses[key]["type"]].append(self.parses[key])
        self._add_neighbours(by_type)
        pairs: dict[str, list[dict[str, Any]]] = {name: [] for name in by_type}
        for a, b in sorted(self.pairs, key=lambda pair: (_name(pair[0]), _name(pair[1]))):
            type_a, type_b = self.parses[a]["type"], self.parses[b]["type"]
            other = {} if type_a == type_b else {"b_type": type_b}
            pairs[type_a].append({"a": _name(a), "b": _name(b), **other, **comparison(self.pairs[(a, b)])})
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        for name, records in by_type.items():
            if name not in only:
                continue
            vocabularies: list[Any] = []
            entries = []
            for record in records:  # each vocabulary once per file; a record names it by number
                actions = record["actions"]
                if actions is not None and actions not in vocabularies:
                    vocabularies.append(actions)
                entry = {"name": _name(_key(record)), **{k: v for k, v in record.items() if k not in ("type", "actions")}}
                entry["actions"] = None if actions is None else vocabularies.index(actions)
                entries.append(entry)
            (SNAPSHOTS / f"{name}.json").write_text(_lines({"vocabularies": vocabularies, "parses": entries, "pairs": pairs[name]}), encoding="utf-8")
        return sum(len(records) for name, records in by_type.items() if name in only)


def _key(record: dict[str, Any]) -> str:
    """The recorded input of a parse record (what the recorder keys it by)."""
    return json.dumps({k: record[k] for k in ("type", "raw", "context", "actions")}, sort_keys=True, ensure_ascii=False)


def _name(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _lines(snapshot: dict[str, list[Any]]) -> str:
    """JSON with one entry per line, so that a changed entry is a one-line diff."""
    parts = []
    for name, entries in snapshot.items():
        body = ",\n".join("  " + json.dumps(entry, ensure_ascii=False) for entry in entries)
        parts.append(f' "{name}": [\n{body}\n ]' if entries else f' "{name}": []')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def catalogue_context(spec: dict[str, Any] | None, actions: ActionVocabulary) -> ParseContext:
    """A catalogue entry's context: the example corpus's NPR day and vocabulary unless it says otherwise."""
    spec = dict(spec or {})
    facts: dict[str, Any] = {"published": dt.date(2017, 12, 22)}
    for name in ("published", "as_of", "anchor"):
        if name in spec:
            facts[name] = dt.date.fromisoformat(spec.pop(name))
    if "body_members" in spec:
        facts["body_members"] = int(spec.pop("body_members"))
    if "tolerance" in spec:
        facts["tolerance"] = float(spec.pop("tolerance"))
    if spec:
        raise ValueError(f"unknown context fields {sorted(spec)}")
    return ParseContext(**facts, actions=actions)


def catalogue_entries() -> list[tuple[str, dict[str, Any]]]:
    """tests/values/inputs/<type>.yaml: inputs no test reaches, read as claim files are (every scalar text)."""
    entries = []
    for path in sorted(INPUTS.glob("*.yaml")):
        for entry in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or []:
            entries.append((path.stem, entry))
    return entries


def parse_catalogue() -> None:
    """Parse (and so record) every catalogue input, and compare every catalogue pair."""
    actions = load_ruleset([default_rules_dir()]).actions
    for type_name, entry in catalogue_entries():
        context = catalogue_context(entry.get("context"), actions)
        raws = entry["pair"] if "pair" in entry else [entry["raw"]]
        parsed = []
        for raw in raws:
            try:
                parsed.append(values.parse_value(type_name, raw, context))
            except ValueParseError:
                pass
        if len(parsed) == 2:
            values.compare(*parsed)


def main(arguments: list[str]) -> int:
    only = set(arguments)
    unknown = only - set(values.VALUE_TYPES)
    if unknown:
        print(f"usage: update_value_snapshots.py [TYPE ...]; unknown types {sorted(unknown)}", file=sys.stderr)
        return 2
    recorder = Recorder()
    recorder.install()
    status = pytest.main(["-q", "-p", "no:cacheprovider", "-x", *(str(ROOT / t) for t in TESTS),
                          "--deselect", "tests/values/test_snapshots.py"])
    if status != 0:
        print("the tests failed; no snapshot written", file=sys.stderr)
        return 1
    parse_catalogue()
    written = recorder.write(only or set(values.VALUE_TYPES))
    print(f"{written} parses written to {SNAPSHOTS.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
