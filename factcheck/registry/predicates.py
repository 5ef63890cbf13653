"""The predicate vocabulary: which value type each predicate takes and how its claims compare."""

from __future__ import annotations

from collections.abc import Mapping

from ..models import PredicateModel
from ..validation import did_you_mean


class PredicateRegistry:
    def __init__(self, predicates: Mapping[str, PredicateModel] | None = None) -> None:
        self._predicates: dict[str, PredicateModel] = dict(predicates or {})

    def update(self, predicates: Mapping[str, PredicateModel]) -> None:
        """A later file overrides by name."""
        self._predicates.update(predicates)

    def get(self, name: str) -> PredicateModel | None:
        return self._predicates.get(name)

    def suggest(self, name: str) -> str | None:
        return did_you_mean(name, tuple(self._predicates), cutoff=70)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._predicates))
