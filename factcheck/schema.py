"""`factcheck schema`: JSON Schema (draft 2020-12) of claim files and entity registries.

Generated from the pydantic models, so it cannot drift from what the loader accepts, then given
an `$id`, a title and a description for every field (editors' YAML language servers show them
on hover and complete field names from them).

Two adjustments make the schema accept exactly what `factcheck lint` accepts when an editor reads
the YAML as JSON: factcheck reads every scalar as text, so text fields also accept numbers and
booleans (`value: 9`, `qualifiers: {year: 2016}`); and a claim needs a `subject` unless its
predicate is `quote`.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import Field

from .models import ClaimFileModel, EntityModel, StrictModel
from .values import TYPES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("claims", "entities")


class EntityRegistryModel(StrictModel):
    """The shape of an entity registry file (docs/design.md §3)."""

    entities: list[EntityModel] = Field(default_factory=list)


# Model class name in pydantic's output -> (name in $defs, description of the object)
_DEFINITIONS = {
    "SourceModel": ("Source", "Who published the document this file records, and when."),
    "ClaimModel": ("Claim", "One assertion of the source, normalized into subject, predicate and value."),
    "EntityModel": ("Entity", "A thing claims can name: a resolution, organization, outlet, person, country, commodity, ..."),
}

_FIELDS: dict[str, dict[str, str]] = {
    "ClaimFileModel": {
        "source": "The source document: who published it and when.",
        "claims": "The claims this source makes; may be empty.",
    },
    "EntityRegistryModel": {
        "entities": "The entities; subjects, speakers, outlets and measure targets resolve to them by id, name or alias.",
    },
    "SourceModel": {
        "id": "Unique in the corpus: lowercase letters, digits and hyphens (e.g. npr-2017-12-22).",
        "outlet": "Who published it: an entity name or alias (e.g. NPR).",
        "published": "Publication date (2017-12-22) or ISO datetime; relative dates in claims are read from it.",
        "title": "The document's title.",
        "url": "Where the document is published.",
        "authors": "The authors, as written in the byline.",
        "kind": "news (the default), wire, primary (an authoritative document such as a resolution's text), factsheet or opinion.",
        "document": "The raw text of the source, relative to this file; evidence is looked up in it. Must stay inside the project.",
        "derived_from": "Outlets or source ids this source copies: it is not independent of them.",
        "note": "Free text for the people maintaining the corpus.",
    },
    "ClaimModel": {
        "id": "Unique in this file: lowercase letters, digits and hyphens (e.g. vote).",
        "subject": "What the claim is about: an entity name or alias. Required except for quotes.",
        "predicate": "What is claimed about the subject, from the predicate registry (vote, adopted_on, measure, quote, statement, ...).",
        "value": "The claimed value: natural text (15-to-nothing, $400 million, nearly 90%) or a typed mapping, parsed by the predicate's type.",
        "qualifiers": "Conditions that make this a different fact (e.g. {period: rest of 2016}); claims with different qualifiers are never compared.",
        "as_of": "When the claim holds (default: the source's publication date).",
        "said_by": "Who asserts it (an entity); absent means the outlet's own voice. For a quote, the speaker.",
        "evidence": "The words of the source document that back the claim, copied exactly.",
        "ignore": "Rule codes or names suppressed on this claim (e.g. FC201 or unsupported).",
        "note": "Free text for the people maintaining the corpus.",
    },
    "EntityModel": {
        "id": "Unique across registries: lowercase letters, digits and hyphens (e.g. unscr-2397).",
        "name": "The entity's canonical name.",
        "type": "What kind of entity it is (resolution, organization, outlet, person, country, commodity, ...).",
        "aliases": "Other names that resolve to this entity; an alias belongs to one entity only.",
        "attributes": "Free-form facts; factcheck reads body (the entity id of the body that adopted a resolution), adopted_on (a date) and members (a whole number).",
        "description": "What the entity is.",
        "note": "Free text for the people maintaining the corpus.",
    },
}

_DOCUMENTS = {
    "claims": (
        ClaimFileModel,
        "urn:factcheck:schema:claim-file",
        "factcheck claim file",
        "One claim file per source document: the source, and the claims it makes (factcheck docs/design.md §2).",
    ),
    "entities": (
        EntityRegistryModel,
        "urn:factcheck:schema:entity-registry",
        "factcheck entity registry",
        "Entities that claims name, with their aliases (factcheck docs/design.md §3).",
    ),
}

_SCALAR_TEXT = ["string", "number", "boolean"]


def json_schema(kind: str = "claims") -> dict[str, Any]:
    """The JSON Schema of a claim file ("claims") or an entity registry ("entities")."""
    if kind not in _DOCUMENTS:
        raise ValueError(f"unknown schema kind '{kind}'; expected one of {', '.join(KINDS)}")
    model, ident, title, description = _DOCUMENTS[kind]
    generated = model.model_json_schema(ref_template="#/$defs/{model}")
    definitions = generated.pop("$defs", {})
    _describe(generated, model.__name__)
    for name, definition in definitions.items():
        _describe(definition, name)
        if name in _DEFINITIONS:
            definition["description"] = _DEFINITIONS[name][1]
    if kind == "claims":  # the loader requires both keys; `claims:` left empty means no claims
        generated["required"] = ["source", "claims"]
        generated["properties"]["claims"]["type"] = ["array", "null"]
    else:
        generated["required"] = ["entities"]
    if "ClaimModel" in definitions:
        value = definitions["ClaimModel"]["properties"]["value"]
        forms, named = _value_forms()
        value.pop("anyOf", None)
        value["anyOf"] = [{"type": "string"}, *({"$ref": f"#/$defs/{name}"} for name in named)]
        definitions.update(forms)
        definitions["ClaimModel"]["if"] = {"properties": {"predicate": {"const": "quote"}}, "required": ["predicate"]}
        definitions["ClaimModel"]["else"] = {"required": ["subject"]}
    schema: dict[str, Any] = {"$schema": DRAFT, "$id": ident, "title": title, "description": description}
    schema.update((k, v) for k, v in generated.items() if k not in ("title", "description"))
    if definitions:
        schema["$defs"] = {_DEFINITIONS.get(name, (name,))[0]: definition for name, definition in definitions.items()}
    return _rename_refs(_widen_text(schema))


def _value_forms() -> tuple[dict[str, Any], list[str]]:
    """The mapping forms of `value:`, one definition per distinct schema the value types declare
    (a deadline's mapping is a quantity's), named after the first type declaring it; a form used
    inside another (a measure's amount) becomes a reference to its definition."""
    names: dict[int, str] = {}
    for value_type in TYPES:
        if value_type.schema is not None:
            names.setdefault(id(value_type.schema), f"{value_type.name.capitalize()}Value")
    by_id = {id(value_type.schema): value_type.schema for value_type in TYPES if value_type.schema is not None}

    def copy(node: Any, top: bool = False) -> Any:
        if isinstance(node, dict):
            if not top and id(node) in names:
                return {"$ref": f"#/$defs/{names[id(node)]}"}
            return {key: copy(item) for key, item in node.items()}
        if isinstance(node, list):
            return [copy(item) for item in node]
        return node

    forms = {names[ident]: copy(schema, top=True) for ident, schema in by_id.items()}
    return forms, list(forms)


def _describe(definition: dict[str, Any], model_name: str) -> None:
    definition.pop("title", None)
    descriptions = _FIELDS.get(model_name, {})
    for name, prop in definition.get("properties", {}).items():
        prop.pop("title", None)
        if name in descriptions:
            prop["description"] = descriptions[name]


def _widen_text(node: Any) -> Any:
    """factcheck reads every scalar as text, so `value: 9` is text too: accept numbers and booleans."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "format" not in node and "enum" not in node and "const" not in node:
            node = {**node, "type": list(_SCALAR_TEXT)}
        return {k: _widen_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_widen_text(v) for v in node]
    return node


def _rename_refs(node: Any) -> Any:
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                name = value.removeprefix("#/$defs/")
                value = "#/$defs/" + _DEFINITIONS.get(name, (name,))[0]
            result[key] = _rename_refs(value)
        return result
    if isinstance(node, list):
        return [_rename_refs(v) for v in node]
    return node


def as_text(schema: dict[str, Any]) -> str:
    """A schema as `factcheck schema` writes it: indented JSON, characters as they are."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
