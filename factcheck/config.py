"""Find the project and its settings: `[tool.factcheck]` in pyproject.toml, or factcheck.toml.

The project root bounds what factcheck may read (a claim file's `document` must stay inside it) and
anchors relative paths in the configuration. Command-line flags win over the file.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from .fileread import UnreadableFile, read_bytes
from .nesting import MAX_DEPTH
from .yamlload import decode

CONFIG_FILES = ("factcheck.toml", "pyproject.toml")


class ConfigError(Exception):
    """Bad configuration, rule or registry file: exit code 2 with file, line, column and what is wrong."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


Paths = str | list[str]


class ConfigModel(BaseModel):
    """The keys of [tool.factcheck] (docs/design.md §7); unknown keys are errors, as in claim files."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    claims: Paths | None = None
    rules: Paths | None = None
    entities: Paths | None = None
    predicates: Paths | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    fail_on: Literal["error", "warning", "info"] | None = Field(default=None, alias="fail-on")
    baseline: str | None = None
    cache_dir: str | None = Field(default=None, alias="cache-dir")
    # bytes; a larger claim, registry or document file is one finding and is never read
    max_file_size: int | None = Field(default=None, alias="max-file-size", gt=0)
    # Who publishes `lint --format claimreview`'s reviews, the page they appear on, and on which day
    # (else SOURCE_DATE_EPOCH): output that depends only on its inputs, never on the clock.
    publisher: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None = None
    review_url: str | None = Field(default=None, alias="review-url")
    review_date: dt.date | None = Field(default=None, alias="review-date")

    @field_validator("review_url")
    @classmethod
    def _absolute_web_address(cls, url: str | None) -> str | None:
        return None if url is None else web_address(url)


def web_address(url: str) -> str:
    """An absolute http(s) URL, as a published review's `url` must be; ValueError names what is wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise ValueError("expected an absolute http:// or https:// address")
    return url


@dataclass(frozen=True)
class Settings:
    root: Path
    config_file: Path | None = None
    config: ConfigModel = field(default_factory=ConfigModel)

    def paths(self, key: str) -> list[Path]:
        """A path or list of paths from the configuration, relative to the file that set it."""
        raw = getattr(self.config, key)
        if raw is None:
            return []
        items = [raw] if isinstance(raw, str) else raw
        return [(self.root / item).resolve() for item in items]

    def path(self, key: str) -> Path | None:
        raw = getattr(self.config, key)
        return (self.root / raw).resolve() if raw else None


def find_settings(start: Path) -> Settings:
    """Walk up from `start`; the first directory with a factcheck configuration is the project root."""
    start = start.resolve()
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            table = _read_table(candidate)
            if table is not None:
                return Settings(directory, candidate, _validate(candidate, table))
    return Settings(start)


def _read_table(path: Path) -> dict[str, Any] | None:
    try:
        text, issue = decode(read_bytes(path))
    except UnreadableFile as err:
        raise ConfigError([f"{path}: cannot read: {err.reason}"]) from None
    if text is None:  # same words and position as for a claim file that is not UTF-8
        where = f"{issue.position.line}:{issue.position.column}" if issue else "1:1"
        raise ConfigError([f"{path}:{where}: {issue.message if issue else 'not valid UTF-8'}"])
    try:
        data = tomllib.loads(text)
        too_deep = _depth(data) > MAX_DEPTH  # dotted keys nest too, so no bracket count can stand in for this
    except tomllib.TOMLDecodeError as err:
        raise ConfigError([f"{path}: invalid TOML: {err}"]) from None
    except RecursionError:  # tomllib recurses per level: where it gives up depends on the Python
        too_deep = True
    if too_deep:
        raise ConfigError([f"{path}: TOML nesting is too deep to read: more than {MAX_DEPTH} arrays and tables inside one another"])
    tool = data.get("tool", {})
    if path.name == "factcheck.toml":
        table = tool.get("factcheck", data) if isinstance(tool, dict) else data
    else:
        table = tool.get("factcheck") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError([f"{path}: [tool.factcheck] must be a table"])
    return table


def _depth(data: object) -> int:
    """How many arrays and tables nest in parsed TOML, without recursion (factcheck's own limit, the
    same as for YAML, whatever the Python)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is not None:
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in children)
    return deepest


def _validate(path: Path, table: dict[str, Any]) -> ConfigModel:
    from .validation import describe, did_you_mean

    try:
        return ConfigModel.model_validate(table)
    except ValidationError as err:
        keys = [f.alias or name for name, f in ConfigModel.model_fields.items()]
        messages = []
        for error in err.errors(include_url=False):
            key = ".".join(str(part) for part in error["loc"] if not str(part).startswith(("list[", "str")))
            if error["type"] == "extra_forbidden":
                guess = did_you_mean(key, keys, cutoff=70)
                hint = f"; did you mean '{guess}'?" if guess else f"; known keys: {', '.join(keys)}"
                messages.append(f"{path}: [tool.factcheck] unknown key '{key}'{hint}")
            else:
                messages.append(f"{path}: [tool.factcheck] {key}: {error['msg'].lower()}, found {describe(error.get('input'))}")
        raise ConfigError(list(dict.fromkeys(messages))) from None
