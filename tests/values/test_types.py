"""The value-type table (values.TYPES): each type declared once, and what reads the table."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from factcheck.models import PredicateModel
from factcheck.values import (
    PARSE_FACTS, TYPES, VALUE_TYPES, Agreement, Comparison, ParseContext, Text, Value, ValueParseError, ValueType, compare,
    parse_value,
    type_named,
)

from .support import ctx

REPO = Path(__file__).resolve().parents[2]


def test_names_are_unique_and_the_predicate_model_takes_exactly_them() -> None:
    assert len(set(VALUE_TYPES)) == len(TYPES)
    assert typing.get_args(PredicateModel.model_fields["type"].annotation) == VALUE_TYPES
    assert [type_named(name).name for name in VALUE_TYPES] == list(VALUE_TYPES)
    with pytest.raises(ValueError, match="unknown value type 'colour'; known types: quantity, count"):
        type_named("colour")


def test_parse_facts_are_the_parse_contexts_fields_but_the_vocabulary() -> None:
    assert PARSE_FACTS == tuple(f.name for f in dataclasses.fields(ParseContext) if f.name != "actions")


def test_a_type_must_name_facts_the_context_has() -> None:
    with pytest.raises(ValueError, match=r"value type 'odd' reads \['weather'\]"):
        ValueType("odd", Text, lambda raw, context: None, lambda a, b: None, reads=("published", "weather"))  # type: ignore[arg-type, return-value]


@pytest.mark.parametrize("value_type", [t for t in TYPES if t.keys], ids=lambda t: t.name)
def test_a_mapping_form_allows_exactly_its_declared_keys(value_type: ValueType) -> None:
    """The parser's check of mapping keys and the declared form (fmt's order, the schema) agree."""
    with pytest.raises(ValueParseError, match=rf"unknown key 'zzz' in a \w+ mapping \(allowed: {', '.join(value_type.keys)}\)"):
        value_type.parse({value_type.keys[0]: "1", "zzz": "1"}, ctx())
    for key, part in value_type.parts.items():
        assert key in value_type.keys and type_named(part).keys


def test_types_without_a_mapping_form_declare_no_schema() -> None:
    assert {t.name for t in TYPES if t.schema is None} == {"count", "date", "time", "quote", "text"}


def test_context_key_picks_the_facts_a_parse_reads() -> None:
    facts = (dt.date(2017, 12, 22), dt.date(2017, 12, 1), dt.date(2017, 12, 20), 15, 0.02)
    assert type_named("quote").context_key("words", facts) == ()
    assert type_named("vote").context_key("unanimously", facts) == (15,)
    assert type_named("date").context_key("Dec. 22", facts) == (dt.date(2017, 12, 22),)
    assert type_named("deadline").context_key("90 days", facts) == (dt.date(2017, 12, 22), dt.date(2017, 12, 1), dt.date(2017, 12, 20), 0.02)
    measure = type_named("measure")
    assert measure.context_key({"action": "cap", "target": "coal", "amount": "7.5 million tons"}, facts) == (0.02,)
    assert measure.context_key({"action": "cap", "target": "coal", "deadline": "90 days"}, facts) == type_named("deadline").context_key("", facts)
    assert measure.context_key("cap coal", facts) == (0.02,)  # not a mapping: it fails before reading anything


def test_compare_dispatches_through_the_table() -> None:
    context = ctx(anchor=dt.date(2017, 12, 22))
    deadline = parse_value("deadline", "by the end of 2019", context)
    same_day = parse_value("date", "Dec. 31, 2019", context)
    other_day = parse_value("date", "Dec. 22, 2017", context)
    assert compare(deadline, same_day).outcome is compare(same_day, deadline).outcome is Agreement.AGREE
    assert compare(other_day, deadline).outcome is Agreement.DISAGREE
    quantity, count = parse_value("quantity", "16", context), parse_value("count", "16", context)
    assert compare(quantity, count) == Comparison(Agreement.INCOMPARABLE)
    assert compare(quantity, count).detail == "a quantity and a count are not compared"
    assert compare(parse_value("quote", "words", context), count).detail == "a quote and a count are not compared"
    assert compare(parse_value("time", "noon", context), other_day).detail == "a time and a date are not compared"


def test_reads_may_be_a_function_of_the_raw_value() -> None:
    odd = ValueType("odd", Text, lambda raw, context: None, lambda a, b: None,  # type: ignore[arg-type, return-value]
                    reads=lambda raw: ("tolerance",) if raw else ())
    assert (odd.facts_read("x"), odd.facts_read("")) == (("tolerance",), ())


def test_mapping_schema() -> None:
    from factcheck.values.base import mapping_schema

    schema = mapping_schema("A pair.", {"b": ({"type": "string"}, "The second."), "a": ({"type": "integer"}, "The first.")},
                            minProperties=1)
    assert schema == {
        "type": "object", "description": "A pair.",
        "properties": {"b": {"type": "string", "description": "The second."}, "a": {"type": "integer", "description": "The first."}},
        "minProperties": 1, "additionalProperties": False,
    }
    assert list(schema["properties"]) == ["b", "a"]  # the canonical order is the order given


@dataclasses.dataclass(frozen=True)
class _Unlisted(Value):
    """A value class no entry of TYPES declares."""

    text: str

    def describe(self) -> str:
        return self.text

    def canonical(self) -> str:
        return self.text


def test_values_of_a_class_no_type_declares_are_not_compared() -> None:
    one, two = _Unlisted("one"), _Unlisted("two")
    assert compare(one, two).outcome is Agreement.INCOMPARABLE
    assert compare(one, two).detail == "values of type _Unlisted are not compared"
    count = parse_value("count", "16", ctx())
    assert compare(one, count).outcome is Agreement.INCOMPARABLE
    assert compare(one, count).detail == "a _unlisted and a count are not compared"
    assert compare(count, one).detail == "a count and a _unlisted are not compared"


def _worked_example() -> str:
    """The code of docs/design.md's worked example of a new value type."""
    design = (REPO / "docs" / "design.md").read_text(encoding="utf-8")
    after = design[design.index("`values/flag.py`:"):]
    return after[after.index("```python\n") + len("```python\n"):after.index("\n```\n")] + "\n"


def test_the_documented_new_type_is_one_module_and_one_table_entry(tmp_path: Path) -> None:
    """docs/design.md's `flag` type, added to a copy of factcheck as the docs say (its module and
    one line in TYPES, nothing else), is accepted by the predicate registry, parsed, compared by
    the cross-source rules, offered by nothing else that needs changing."""
    package = tmp_path / "package"
    shutil.copytree(REPO / "factcheck", package / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "rules", package / "rules")
    (package / "factcheck" / "values" / "flag.py").write_text(_worked_example(), encoding="utf-8")
    table = package / "factcheck" / "values" / "__init__.py"
    source = table.read_text(encoding="utf-8")
    assert source.count("    text.TEXT_TYPE,\n)") == 1
    source = source.replace("    text.TEXT_TYPE,\n)", "    text.TEXT_TYPE,\n    flag.VALUE_TYPE,\n)")
    source = source.replace("from . import clock,", "from . import flag, clock,")
    table.write_text(source, encoding="utf-8")

    project = tmp_path / "project"
    (project / "claims").mkdir(parents=True)
    shutil.copy(REPO / "tests" / "rules" / "entities.yaml", project / "claims" / "entities.yaml")
    (project / "factcheck.toml").write_text('predicates = ["predicates.yaml"]\n', encoding="utf-8")
    (project / "predicates.yaml").write_text("predicates:\n  binding: {type: flag, cardinality: one}\n", encoding="utf-8")
    for outlet, said in (("npr", "yes"), ("afp", "No")):
        (project / "claims" / f"{outlet}.yaml").write_text(
            f"source: {{id: {outlet}, outlet: {outlet.upper()}, published: 2017-12-22}}\n"
            f"claims:\n  - {{id: binding, subject: Resolution 2397, predicate: binding, value: {said}}}\n",
            encoding="utf-8",
        )
    environment = {**os.environ, "PYTHONPATH": str(package)}

    def factcheck(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "factcheck", *arguments], cwd=project, env=environment,
                              capture_output=True, text=True, timeout=120)

    linted = factcheck("lint", "claims", "--format", "json", "--no-cache")
    findings = json.loads(linted.stdout)
    assert [(f["code"], f["path"], f["message"]) for f in findings] == [
        ("FC101", "claims/npr.yaml", "binding of UN Security Council Resolution 2397: 'yes' (yes) vs 'No' (no) in afp (binding)"),
    ], linted.stderr
    assert factcheck("fmt", "--check", "claims").returncode == 0
    assert factcheck("schema").returncode == 0
    (project / "claims" / "afp.yaml").write_text(
        "source: {id: afp, outlet: AFP, published: 2017-12-22}\nclaims:\n"
        "  - {id: binding, subject: Resolution 2397, predicate: binding, value: maybe}\n", encoding="utf-8")
    invalid = json.loads(factcheck("lint", "claims", "--format", "json", "--no-cache").stdout)
    assert [(f["code"], f["message"]) for f in invalid] == [
        ("FC006", "'maybe' is neither yes nor no; expected yes or no"),
        ("FC201", "binding of UN Security Council Resolution 2397: 'yes' (yes) appears only in npr; no independent or primary source agrees"),
    ]
