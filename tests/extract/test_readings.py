"""An event's readings (extract/readings.py): the phrasings real reports use, and what is not one."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.article import read_article
from factcheck.extract.claims import SourceOptions, draft_claims
from factcheck.extract.readings import Reading, find_readings
from factcheck.extract.values import _search_text
from factcheck.ruleset import default_rules_dir, load_ruleset


def readings(text: str, year: int | None = 2023) -> list[tuple[str, str, dict[str, str]]]:
    found = find_readings(text, _search_text(text), 0, len(text), year)
    return [(r.predicate, r.value, dict(r.qualifiers)) for r in found]


READ = [
    # magnitudes, as the reports of four quakes write them
    ("The 6.8-magnitude quake struck a mountainous area.", [("magnitude", "6.8", {})]),
    ("The magnitude-6.8 quake, the biggest to hit the country, killed hundreds.", [("magnitude", "6.8", {})]),
    ("The USGS has reported a magnitude 6.2 earthquake in western Afghanistan.", [("magnitude", "6.2", {})]),
    ("A powerful earthquake with a magnitude of 7.8 struck southeastern Turkey.", [("magnitude", "7.8", {})]),
    ("The death toll in the 7-magnitude earthquake had risen.", [("magnitude", "7", {})]),
    ("A series of earthquakes hit the city, with one measuring 6.3 magnitude.", [("magnitude", "6.3", {})]),
    ("The quake was 18 km deep, and a strong 6.7 aftershock rumbled about 10 minutes later.",
     [("depth", "18 km", {}), ("magnitude", "6.7", {"of": "aftershock"})]),
    ("At least 20 aftershocks were reported, with the strongest measuring 6.6.", [("magnitude", "6.6", {"of": "aftershock"})]),
    ("Less than 12 hours later, a second 7.6 magnitude tremor struck the same region.",
     [("magnitude", "7.6", {"of": "second earthquake"})]),
    ("The second quake had a magnitude of 7.5, and its epicentre was in Elbistan.",
     [("magnitude", "7.5", {"of": "second earthquake"})]),
    # distances, with the place they are measured from
    ("The 6.8-magnitude quake struck 72 kilometres (45 miles) southwest of tourist hotspot Marrakesh at 11:11 pm.",
     [("magnitude", "6.8", {}), ("distance", "72 kilometres", {"from": "Marrakesh"})]),
    ("The quake hit 40km (24 miles) northwest of the city of Herat.", [("distance", "40 km", {"from": "Herat"})]),
    ("The quake was centered about 33 kilometers (20 miles) from Gaziantep, a major city.",
     [("distance", "about 33 kilometers", {"from": "Gaziantep"})]),
    ("The jolt was centered 33 kilometers northeast of Gaziantep.", [("distance", "33 kilometers", {"from": "Gaziantep"})]),
    # depths
    ("The quake struck at a depth of nearly 26km (16 miles), according to the USGS.", [("depth", "nearly 26 km", {})]),
    ("The earthquake's source lay at a depth of 10 kilometers.", [("depth", "10 kilometers", {})]),
]

NOT_READ = [
    "Magnitude 6 quakes are typically considered strong.",  # an explainer's whole number
    "A magnitude 5 earthquake is, by definition, 10 times more intense than a magnitude 4.",
    "It was ten times stronger than the last strongest 5.8 magnitude quake of 1960.",  # another quake
    "A major dam collapse washed a 10ft deep torrent of water through the city.",  # no quake, no known unit
    "The convoy drove 200 kilometres from Tripoli to Benghazi.",  # a distance, but not a quake's
    "Its epicentre was 30 km from the coast.",  # no place named
]


@pytest.mark.parametrize(("text", "expected"), READ)
def test_readings_as_reports_write_them(text: str, expected: list[tuple[str, str, dict[str, str]]]) -> None:
    assert readings(text) == expected


@pytest.mark.parametrize("text", NOT_READ)
def test_what_is_not_a_reading(text: str) -> None:
    assert readings(text) == []


def test_the_quake_of_the_publication_year_is_this_one() -> None:
    text = "A 6.8 magnitude quake in 2023 struck the region."
    assert readings(text, 2023) == [("magnitude", "6.8", {})]
    assert readings(text, 2024) == []


def test_a_reading_keeps_its_span_and_words() -> None:
    text = "The quake hit 40km (24 miles) northwest of the city of Herat."
    (found,) = find_readings(text, _search_text(text), 0, len(text), 2023)
    assert isinstance(found, Reading)
    assert text[found.start:found.end] == found.as_written == "40km (24 miles)"


def test_two_outlets_readings_share_a_key_and_the_conversion_is_not_a_claim() -> None:
    """The draft: the event's subject, the reading's predicate and qualifier; the miles in brackets
    are not drafted again as a claim of their own."""
    ruleset = load_ruleset([default_rules_dir()], [])
    keys = []
    for name, text in (
        ("afp", "The 6.8-magnitude quake struck 72 kilometres (45 miles) southwest of Marrakesh late on Friday."),
        ("pledge", "An earthquake of magnitude 6.9 occurred in Morocco. Its epicenter was located 77 kilometers southwest of Marrakesh."),
    ):
        options = SourceOptions(outlet=name, published=dt.date(2023, 9, 9), source_id=name)
        draft = draft_claims(read_article(text, f"{name}.txt"), options, None, ruleset)
        readings_only = [c for c in draft.claims if c["predicate"] in ("magnitude", "distance", "depth")]
        assert not any("45" in str(c["value"]) for c in draft.claims)
        keys.append({(c["subject"], c["predicate"], tuple(sorted((c.get("qualifiers") or {}).items()))): c["value"] for c in readings_only})
    assert keys[0].keys() == keys[1].keys()
    assert sorted(keys[0].values()) == ["6.8", "72 kilometres"]
    assert sorted(keys[1].values()) == ["6.9", "77 kilometers"]
