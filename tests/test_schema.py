"""`factcheck schema`: a JSON Schema that accepts the example corpus and rejects typos."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.cli import main
from factcheck.schema import json_schema

jsonschema = pytest.importorskip("jsonschema")

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "claims").glob("*.yaml"))


def _as_json(data: Any) -> Any:
    """What an editor's YAML language server sees: dates are strings."""
    if isinstance(data, dict):
        return {key: _as_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_as_json(value) for value in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data


def _errors(kind: str, data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(json_schema(kind))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(_as_json(data))]


CLAIM_FILE = {
    "source": {"id": "npr-2017-12-22", "outlet": "NPR", "published": "2017-12-22"},
    "claims": [{"id": "vote", "subject": "Resolution 2397", "predicate": "vote", "value": "15-to-nothing"}],
}


@pytest.mark.parametrize("kind", ["claims", "entities"])
def test_schema_is_valid_draft_2020_12_with_id_title_and_descriptions(kind: str) -> None:
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]
    for name, prop in schema["properties"].items():
        assert prop.get("description"), name
    for definition in schema["$defs"].values():
        for name, prop in definition["properties"].items():
            assert prop.get("description"), name


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_schema_accepts_the_example_corpus(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kind = "entities" if "entities" in data else "claims"
    assert _errors(kind, data) == []


def test_schema_rejects_unknown_fields() -> None:
    typo_in_source = {**CLAIM_FILE, "source": {**CLAIM_FILE["source"], "tilte": "A title"}}
    assert any("tilte" in e for e in _errors("claims", typo_in_source))
    typo_in_claim = {**CLAIM_FILE, "claims": [{**CLAIM_FILE["claims"][0], "evidance": "words"}]}
    assert any("evidance" in e for e in _errors("claims", typo_in_claim))
    assert _errors("claims", {**CLAIM_FILE, "extra": 1})
    assert _errors("entities", {"entities": [{"id": "npr", "name": "NPR", "type": "outlet", "alias": ["x"]}]})


def test_schema_follows_the_loader() -> None:
    assert _errors("claims", CLAIM_FILE) == []
    assert _errors("claims", {"source": CLAIM_FILE["source"]})  # claims is required ...
    assert _errors("claims", {**CLAIM_FILE, "claims": None}) == []  # ... but may be left empty
    no_subject = {**CLAIM_FILE, "claims": [{"id": "v", "predicate": "vote", "value": "15-0"}]}
    assert _errors("claims", no_subject)  # a subject is required ...
    quote = {**CLAIM_FILE, "claims": [{"id": "q", "predicate": "quote", "said_by": "Nikki Haley", "value": "words"}]}
    assert _errors("claims", quote) == []  # ... except for quotes
    number = {**CLAIM_FILE, "claims": [{"id": "n", "subject": "UNSC", "predicate": "count", "value": 15}]}
    assert _errors("claims", number) == []  # factcheck reads every scalar as text
    assert _errors("claims", {**CLAIM_FILE, "source": {**CLAIM_FILE["source"], "kind": "blog"}})
    assert _errors("claims", {**CLAIM_FILE, "source": {**CLAIM_FILE["source"], "id": "Bad Id"}})


def _with_value(value: Any) -> dict[str, Any]:
    return {**CLAIM_FILE, "claims": [{**CLAIM_FILE["claims"][0], "value": value}]}


@pytest.mark.parametrize(("value", "accepted"), [
    ({"for": 15, "against": 0}, True),
    ({"for": "fifteen"}, True),
    ({"for": 15, "aganst": 0}, False),  # a typo in a vote's part
    ({}, False),
    ({"value": 400870018, "unit": "USD"}, True),
    ({"min": 1, "max": 2, "unit": "percent"}, True),
    ({"value": 5}, False),  # a quantity needs its unit
    ({"unit": "USD"}, False),  # ... and a value or a bound
    ({"action": "cap", "target": "coal", "amount": {"value": "7.5 million", "unit": "metric tons"}}, True),
    ({"action": "cap", "target": "coal", "amount": "7.5 million metric tons", "deadline": "90 days"}, True),
    ({"action": "cap", "target": "coal", "amount": {"value": 7.5}}, False),  # the nested quantity is checked too
    ({"action": "ban", "target": "coal", "diretion": "export"}, False),
    ({"action": "ban"}, False),
    (["15", "0"], False),
])
def test_schema_checks_each_value_types_mapping_form(value: Any, accepted: bool) -> None:
    """The mapping forms come from the value types' own declarations (values.TYPES)."""
    assert (_errors("claims", _with_value(value)) == []) is accepted


def test_cli_prints_and_writes_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema("claims")
    output = tmp_path / "entities.schema.json"
    assert main(["schema", "--kind", "entities", "--output", str(output)]) == 0
    assert json.loads(output.read_text(encoding="utf-8")) == json_schema("entities")
    assert capsys.readouterr().out == ""
