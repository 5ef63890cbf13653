"""The shapes of the files users write: claim files, entity, predicate and action registries.

These models check structure only (fields, types, id syntax). What values mean is decided later by
the value parsers, so `value` stays raw here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from .values import VALUE_TYPES

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]
SourceKind = Literal["news", "wire", "primary", "factsheet", "opinion"]
# The value types a predicate may name: the names in the value-type table (values/__init__.py).
ValueTypeName = Literal[VALUE_TYPES]  # type: ignore[valid-type]


class StrictModel(BaseModel):
    """Unknown keys are errors: they are usually typos."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # schemas built on first use: a cached run never validates claims


class SourceModel(StrictModel):
    id: Identifier
    outlet: Text
    published: dt.datetime | dt.date
    title: str | None = None
    url: str | None = None
    authors: list[Text] = Field(default_factory=list)
    kind: SourceKind = "news"
    document: Text | None = None
    derived_from: list[Text] = Field(default_factory=list)
    note: str | None = None

    @property
    def published_date(self) -> dt.date:
        return self.published.date() if isinstance(self.published, dt.datetime) else self.published


class ClaimModel(StrictModel):
    id: Identifier
    subject: Text | None = None
    predicate: Text
    value: str | dict[str, Any] | list[Any]
    qualifiers: dict[str, Text] = Field(default_factory=dict)
    as_of: dt.date | None = None
    said_by: Text | None = None
    evidence: Text | None = None
    ignore: list[Text] = Field(default_factory=list)
    note: str | None = None


class ClaimFileModel(StrictModel):
    """Only used for the JSON Schema and for the top-level keys; source and claims validate one by one."""

    source: SourceModel
    claims: list[ClaimModel] = Field(default_factory=list)


class EntityModel(StrictModel):
    id: Identifier
    name: Text
    type: Text
    aliases: list[Text] = Field(default_factory=list)
    attributes: dict[str, Any] = Field(default_factory=dict)
    description: str | None = None
    note: str | None = None


class PredicateModel(StrictModel):
    type: ValueTypeName
    cardinality: Literal["one", "many"] = "one"
    key: list[Text] | None = None
    changes: bool = False
    event: bool = False
    tolerance: str | None = None
    description: str | None = None

    @field_validator("tolerance")
    @classmethod
    def _percent(cls, value: str | None) -> str | None:
        if value is not None:
            parse_percent(value)
        return value

    @property
    def tolerance_fraction(self) -> float:
        return parse_percent(self.tolerance) if self.tolerance else 0.0


class ActionModel(StrictModel):
    synonyms: list[Text] = Field(default_factory=list)
    incompatible: list[Text] = Field(default_factory=list)
    description: str | None = None


def parse_percent(text: str) -> float:
    """'2%' -> 0.02; anything else is a ValueError pydantic reports with the key's position."""
    stripped = text.strip()
    try:
        if not stripped.endswith("%"):
            raise ValueError
        fraction = float(stripped[:-1]) / 100
    except ValueError:
        raise ValueError(f"expected a percentage like '2%', found '{text}'") from None
    if fraction < 0:
        raise ValueError(f"tolerance must not be negative, found '{text}'")
    return fraction
