"""Find the project and its settings: `[tool.factcheck]` in pyproject.toml, or factcheck.toml.

The project root bounds what factcheck may read (a claim file's `document` must stay inside it) and
anchors relative paths in the configuration.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_FILES = ("factcheck.toml", "pyproject.toml")


class ConfigError(Exception):
    """Bad configuration, rule or registry file: exit code 2 with file, line, column and what is wrong."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Settings:
    root: Path
    config_file: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def paths(self, key: str) -> list[Path]:
        """A path or list of paths from the configuration, relative to the file that set it."""
        raw = self.values.get(key)
        if raw is None:
            return []
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise ConfigError([f"{self.config_file}: '{key}' must be a path or a list of paths"])
        return [(self.root / item).resolve() for item in items]


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
                return Settings(directory, candidate, table)
    return Settings(start)


def _read_table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError([f"{path}: cannot read: {err}"]) from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError([f"{path}: invalid TOML: {err}"]) from None
    if path.name == "factcheck.toml":
        table = data.get("tool", {}).get("factcheck", data)
    else:
        table = data.get("tool", {}).get("factcheck")
    if table is not None and not isinstance(table, dict):
        raise ConfigError([f"{path}: [tool.factcheck] must be a table"])
    return table
