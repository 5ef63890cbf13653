"""context.earlier_partners gives, without listing pairs, exactly what listing every pair would:
for each item, its first `limit` earlier partners and how many there are."""

from __future__ import annotations

import random

import pytest

from factcheck.context import earlier_partners


def _by_every_pair(order: list[tuple[int, int, str]], across: bool, same_key: bool, limit: int) -> list[tuple[int, list[int], int]]:
    found = []
    for n, (item, side, key) in enumerate(order):
        partners = [j for j, s, k in order[:n] if (s != side if across else s == side) and ((k == key) if same_key else (k != key))]
        if partners:
            found.append((item, partners[:limit], len(partners)))
    return found


@pytest.mark.parametrize("across", [False, True])
@pytest.mark.parametrize("same_key", [False, True])
@pytest.mark.parametrize("seed", range(30))
def test_as_if_every_pair_were_listed(seed: int, across: bool, same_key: bool) -> None:
    rng = random.Random(seed)
    limit = rng.choice([1, 2, 3, 10])
    keys = [f"speaker-{k}" for k in range(rng.randint(1, 5))]
    sides = (0, 1) if across else (0,)
    order = [(item, rng.choice(sides), rng.choice(keys)) for item in range(rng.randint(0, 40))]
    assert list(earlier_partners(order, across, same_key, limit)) == _by_every_pair(order, across, same_key, limit)


def test_a_wording_copied_thousands_of_times_costs_no_pairs() -> None:
    """20,000 copies by two speakers: every copy pairs with about 10,000 earlier ones, and each
    still gets only the first ten, in about one step per copy."""
    order = [(i, 0, f"speaker-{i % 2}") for i in range(20_000)]
    found = list(earlier_partners(order, across=False, same_key=False))
    assert len(found) == 19_999
    last = found[-1]
    assert last[0] == 19_999 and last[1] == list(range(0, 20, 2)) and last[2] == 10_000
