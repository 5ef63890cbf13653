"""An inverted index for keys that most often one item holds: the runs of words of many wordings.

In a large corpus most runs of words occur in one wording only, and a list per key would cost
several times what the key itself does. So a key maps to its one holder as an int, and only a key
held more than once gets a list. FC201's statement index and the quote index both build one.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def holders_by_key(items: Iterable[tuple[int, Iterable[K]]]) -> dict[K, int | list[int]]:
    """key -> the one item holding it (an int), or every item holding it (a list, in the order
    given). Each item's keys must be distinct (a set), or the item would be listed twice."""
    held: dict[K, int | list[int]] = {}
    for item, keys in items:
        for key in keys:
            found = held.get(key)
            if found is None:
                held[key] = item
            elif found.__class__ is int:
                held[key] = [found, item]  # type: ignore[list-item]
            else:
                found.append(item)  # type: ignore[union-attr]
    return held
