"""Entity resolution: exact after normalization, fuzzy only when clearly ahead and digits agree."""

from __future__ import annotations

import pytest

from factcheck.registry.entities import Entity, EntityRegistry, normalize_mention

REGISTRY = EntityRegistry(
    [
        Entity("unscr-2397", "UN Security Council Resolution 2397", "resolution", ("Resolution 2397", "UNSCR 2397", "S/RES/2397 (2017)")),
        Entity("unscr-2371", "UN Security Council Resolution 2371", "resolution", ("Resolution 2371", "UNSCR 2371")),
        Entity("unsc", "United Nations Security Council", "organization", ("Security Council", "UNSC", "U.N. Security Council")),
        Entity("nikki-haley", "Nikki Haley", "person", ("Haley", "Ambassador Nikki Haley")),
        Entity("rex-tillerson", "Rex Tillerson", "person", ("Tillerson", "Rex W. Tillerson")),
        Entity("kim-jong-un", "Kim Jong-un", "person", ("Kim",)),
        Entity("kim-jong-il", "Kim Jong-il", "person"),
        Entity("nyt", "The New York Times", "outlet", ("NYT",)),
    ]
)


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("Resolution No. 2397", "resolution 2397"),
        ("resolution number 2397", "resolution 2397"),
        ("U.N. Security Council", "un security council"),
        ("S/RES/2397 (2017)", "s res 2397 2017"),
        ("The New York Times", "new york times"),
        ("  Nikki   HALEY ", "nikki haley"),
    ],
)
def test_normalize_mention(text: str, normalized: str) -> None:
    assert normalize_mention(text) == normalized


@pytest.mark.parametrize(
    ("mention", "entity_id"),
    [
        ("Resolution 2397", "unscr-2397"),
        ("Resolution No. 2397", "unscr-2397"),
        ("resolution 2397", "unscr-2397"),
        ("unscr-2397", "unscr-2397"),
        ("S/RES/2397 (2017)", "unscr-2397"),
        ("U.N. Security Council", "unsc"),
        ("UN Security Council", "unsc"),
        ("New York Times", "nyt"),
        ("Nikki Halley", "nikki-haley"),  # a typo resolves fuzzily
        ("Rex W Tillerson", "rex-tillerson"),
    ],
)
def test_resolves(mention: str, entity_id: str) -> None:
    assert REGISTRY.resolve(mention).entity is not None
    assert REGISTRY.resolve(mention).entity.id == entity_id


def test_a_number_change_never_resolves() -> None:
    resolution = REGISTRY.resolve("Resolution 2398")
    assert resolution.entity is None
    assert "matches no entity" in resolution.explain("Resolution 2398", "subject")


def test_different_digits_do_not_match_the_neighbour() -> None:
    assert REGISTRY.resolve("UNSCR 2371").entity.id == "unscr-2371"
    assert REGISTRY.resolve("UN Security Council Resolution 2372").entity is None


def test_ambiguous_mention_names_the_candidates() -> None:
    resolution = REGISTRY.resolve("Kim Jong")
    assert resolution.entity is None
    assert resolution.ambiguous
    assert set(resolution.suggestions) == {"Kim Jong-un", "Kim Jong-il"}
    assert "ambiguous" in resolution.explain("Kim Jong", "said_by")


def test_unknown_mention_suggests() -> None:
    resolution = REGISTRY.resolve("Nicky Hailey")
    assert resolution.entity is None
    assert "Nikki Haley" in resolution.suggestions


def test_exact_alias_shared_by_two_entities_is_ambiguous() -> None:
    registry = EntityRegistry([Entity("a", "Alpha", "x", ("Shared",)), Entity("b", "Beta", "x", ("Shared",))])
    resolution = registry.resolve("shared")
    assert resolution.ambiguous and resolution.entity is None
