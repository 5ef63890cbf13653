"""An event's readings (extract/readings.py): the phrasings real reports use, and what is not one."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.article import read_article
from factcheck.extract.claims import SourceOptions, draft_claims
from factcheck.extract.readings import Reading, find_readings
from factcheck.extract.values import _search_text, find_values
from factcheck.ruleset import default_rules_dir, load_ruleset
from factcheck.values import ParseContext, compare, parse_value


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
     [("magnitude", "6.8", {}), ("distance", "72 kilometres", {"from": "Marrakesh"}), ("struck_at", "11:11 pm", {})]),
    ("The quake hit 40km (24 miles) northwest of the city of Herat.", [("distance", "40 km", {"from": "Herat"})]),
    ("The quake was centered about 33 kilometers (20 miles) from Gaziantep, a major city.",
     [("distance", "about 33 kilometers", {"from": "Gaziantep"})]),
    ("The jolt was centered 33 kilometers northeast of Gaziantep.", [("distance", "33 kilometers", {"from": "Gaziantep"})]),
    # depths
    ("The quake struck at a depth of nearly 26km (16 miles), according to the USGS.", [("depth", "nearly 26 km", {})]),
    ("The earthquake's source lay at a depth of 10 kilometers.", [("depth", "10 kilometers", {})]),
    # each sentence of a paragraph is read on its own, and every one of them is read
    ("Rescuers worked through the night. The 6.8-magnitude quake struck at a depth of 18 km.",
     [("magnitude", "6.8", {}), ("depth", "18 km", {})]),
    ("Dozens of aftershocks followed. The main quake, measuring 7.8, struck at 4:17 am.",  # the aftershocks are another sentence's
     [("magnitude", "7.8", {}), ("struck_at", "4:17 am", {})]),
    # 'U.S. ' ends no sentence: the quake named before it places the distance after it
    ("The quake, according to the U.S. Geological Survey, hit 40km (24 miles) northwest of Herat.",
     [("distance", "40 km", {"from": "Herat"})]),
    # a quake of another year is skipped, and this one after it is still read
    ("Unlike the 5.8 magnitude quake of 1960 in Agadir, Friday's 6.8-magnitude quake struck in the mountains.",
     [("magnitude", "6.8", {})]),
    ("On the second day, as teams dug in, a 6.4 magnitude quake hit Hatay.",  # 'second' seven words back is the day's
     [("magnitude", "6.4", {})]),
    # a span read two ways keeps its first reading, and the readings after it are still read
    ("It struck at a depth of 10 km from the surface in Kahramanmaras province, and a 6.7 aftershock followed.",
     [("depth", "10 km", {}), ("magnitude", "6.7", {"of": "aftershock"})]),
    ("The epicentre was 18 km from the coast, about 72 kilometres southwest of Marrakesh.",  # no name, then one
     [("distance", "about 72 kilometres", {"from": "Marrakesh"})]),
    # the place's name: after the longest lead, in two words, without its possessive or a closing quote
    ("The quake struck 40 kilometers northwest of the provincial capital of Herat.", [("distance", "40 kilometers", {"from": "Herat"})]),
    ("The 7.1-magnitude quake struck about 120 kilometres (75 miles) southeast of Mexico City.",
     [("magnitude", "7.1", {}), ("distance", "about 120 kilometres", {"from": "Mexico City"})]),
    ("The quake struck 72 kilometres southwest of Marrakesh's old medina.", [("distance", "72 kilometres", {"from": "Marrakesh"})]),
    ("The quake struck 40 km northwest of Herat\u2019s airport.", [("distance", "40 km", {"from": "Herat"})]),
    ("\u2018The quake hit 72 km southwest of Marrakesh\u2019, a USGS official said.", [("distance", "72 km", {"from": "Marrakesh"})]),
    ("'The quake hit 72 km southwest of Marrakesh', a USGS official said.", [("distance", "72 km", {"from": "Marrakesh"})]),
]

NOT_READ = [
    "Magnitude 6 quakes are typically considered strong.",  # an explainer's whole number
    "A magnitude 5 earthquake is, by definition, 10 times more intense than a magnitude 4.",
    "It was ten times stronger than the last strongest 5.8 magnitude quake of 1960.",  # another quake
    "It recalled the 7.8 magnitude Kahramanmaras earthquake of 1939, which killed thousands.",  # a named past quake
    "A major dam collapse washed a 10ft deep torrent of water through the city.",  # no quake, no known unit
    "The convoy drove 200 kilometres from Tripoli to Benghazi.",  # a distance, but not a quake's
    "Its epicentre was 30 km from the coast.",  # no place named
    "The quake was centred 20 km from the main coastal highway near Antakya.",  # four words on: a road, not Antakya
    # a sentence without a quake word is not read, even in a paragraph that has one
    "The convoy drove 200 kilometres from Tripoli to Benghazi. Days later, an earthquake struck.",
    "The quake struck before dawn near the town. Its copper mine reaches a depth of 1.5 km, and 40 miners were underground.",
]


# The clock time a quake struck: each phrasing of the development set, then the shapes of other reports.
TIMES = [
    ("The 6.8-magnitude quake struck a mountainous area 72 kilometres (45 miles) southwest of tourist hotspot Marrakesh"
     " at 11:11 pm (2211 GMT) Friday, the US Geological Survey reported.", "11:11 pm (2211 GMT)", {}),
    ("The magnitude 6.8 earthquake struck at about 11:11pm (22:11 GMT) at a depth of nearly 26km (16 miles).",
     "about 11:11pm (22:11 GMT)", {}),
    ("Moroccan media reported that the earthquake, which occurred at 23.10 local time the previous day, was felt in Rabat.",
     "23.10 local time", {}),
    ("- The earthquake occurred at 4:17 am local time and was felt in Syria, Lebanon, Cyprus, Greece and Israel.",
     "4:17 am local time", {}),
    ("The US Geological Survey said the 7.8 magnitude tremor struck at 04:17 local time (01:17 GMT) at a depth of 17.9km.",
     "04:17 local time (01:17 GMT)", {}),
    ("The strongest jolt, measured by the USGS at 7.8 and the Turkish Disaster and Emergency Management Authority at 7.4,"
     " occurred around 4:17am local time and was centered 33 kilometers northeast of Gaziantep.", "around 4:17am local time", {}),
    ("The first earthquake struck at 4:17am (01:17 GMT) on Monday and was centred in the Pazarcik district.",
     "4:17am (01:17 GMT)", {}),
    # the day between the time and its GMT statement is the date finder's: the value stops before it
    ("The magnitude 6.3 earthquake hit 40km (24 miles) northwest of the city of Herat at about 11am on Saturday (06:30 GMT).",
     "about 11am", {}),
    # a sentence cut from the one before only by a decimal's full stop ("5.5. The first ..."), or by a
    # full stop the page lost its space after, is a clause of its own
    ("The main shock was followed by a second of magnitude 5.5. The first earthquake struck at 11am local time.",
     "11am local time", {}),
    ("Officials later said 500 people were killed.The magnitude 6.3 earthquake hit at about 11am.", "about 11am", {}),
    # the time first, then its quake
    ("At 4:17am local time (01:17 GMT) on Monday, a 7.8 magnitude earthquake struck southern Turkey.",
     "4:17am local time (01:17 GMT)", {}),
    ("Shortly after midnight, the quake hit the coast.", "Shortly after midnight", {}),
    # the second quake and an aftershock: the qualifiers of their magnitudes
    ("A second earthquake of magnitude 7.5 struck at 1:24pm local time.", "1:24pm local time", {"of": "second earthquake"}),
    ("A 7.5 magnitude quake, the second of the day, struck at 1:24pm.", "1:24pm", {"of": "second earthquake"}),
    ("A strong 6.7 aftershock hit at about 4:28 am.", "about 4:28 am", {"of": "aftershock"}),
    # what may stand between the verb and its time: an object, a place, a day
    ("The earthquake jolted residents awake at 4:17 a.m. local time, officials said.", "4:17 a.m. local time", {}),
    ("The quake struck on Friday at 11:11 pm.", "11:11 pm", {}),
    ("Officials told a press conference at 10 pm that the quake struck at 11:11 pm.", "11:11 pm", {}),
    ("The quake struck at 4:17am and a second at 1:24pm.", "4:17am", {}),  # the second time has no verb of its own
]

NO_TIME = [
    # times of other happenings in a sentence about a quake
    "Rabat - At least 2,012 people were killed in the powerful earthquake that rocked Morocco's central province of"
    " Al Haouz late on Friday evening, according to an updated Interior ministry toll issued on Saturday at 10 pm.",
    "In Herat city, a resident said the quake was followed by at least five strong aftershocks at about noon.",
    "After the earthquake, rescuers arrived at 9am.",
    "The quake struck Herat and rescuers arrived at 9am.",
    "The quake hit the region where rescuers arrived at 9am.",
    "The quake struck Herat.Rescuers arrived at 9am.",
    "The toll from the quake that struck on Friday rose to 2,012 at 10 pm.",
    "The quake struck a building housing 40 students at 10 pm.",
    "At 10 pm, officials said the earthquake that struck Friday had killed 2,012.",
    "At 9am, rescuers reached the village the earthquake had flattened.",
    # another quake, several, or one the words leave unclear
    "The 1999 quake struck at 3:02 am.",
    "Another quake struck at 1:24pm.",
    "Aftershocks struck at noon.",
    "The strongest aftershock, a 6.6 quake, hit at 4:28am.",
    "A second quake, a 7.5 magnitude tremor, struck at 1:24pm.",
    "The earthquake was felt in Cyprus at 3:17am local time.",  # another place's clock
    # no time: a bare number, a decimal without a zone or am/pm, no lead word
    "The quake struck at 23.10 on the scale.",
    "The quake struck at 11 in the city centre.",
    "The 10 pm update of the toll from the quake that struck on Friday gave 2,012 dead.",
]


@pytest.mark.parametrize(("text", "value", "qualifiers"), TIMES)
def test_the_time_a_quake_struck(text: str, value: str, qualifiers: dict[str, str]) -> None:
    assert [(v, q) for p, v, q in readings(text) if p == "struck_at"] == [(value, qualifiers)]


@pytest.mark.parametrize("text", NO_TIME)
def test_what_is_not_the_time_a_quake_struck(text: str) -> None:
    assert [v for p, v, _ in readings(text) if p == "struck_at"] == []


def test_a_time_is_drafted_as_the_events_struck_at_and_meets_the_other_outlets() -> None:
    """The claims of two outlets that give one time in their own words share a key and agree; the
    time's evidence is its sentence and the day after it is still a date of its own."""
    ruleset = load_ruleset([default_rules_dir()], [])
    drafted = []
    for name, text in (
        ("afp", "The 6.8-magnitude quake struck 72 kilometres (45 miles) southwest of Marrakesh at 11:11 pm (2211 GMT) Friday,"
                " the US Geological Survey reported."),
        ("iqra", "The magnitude 6.8 earthquake struck at about 11:11pm (22:11 GMT) at a depth of nearly 26km (16 miles)."),
    ):
        options = SourceOptions(outlet=name, published=dt.date(2023, 9, 9), source_id=name)
        draft = draft_claims(read_article(text, f"{name}.txt"), options, None, ruleset)
        (claim,) = [c for c in draft.claims if c["predicate"] == "struck_at"]
        assert "qualifiers" not in claim and claim["evidence"] == text
        drafted.append(claim)
        if name == "afp":  # "Friday" after the time is still read as a date
            dates = [v.value for v in find_values(read_article(text, "afp.txt"), dt.date(2023, 9, 9)) if v.kind == "date"]
            assert dates == ["2023-09-08"]
    assert drafted[0]["subject"] == drafted[1]["subject"]
    context = ParseContext(published=dt.date(2023, 9, 9))
    a, b = (parse_value("time", c["value"], context) for c in drafted)
    assert compare(a, b).agree


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


@pytest.mark.parametrize(
    ("text", "as_written"),
    [
        ("The quake hit 40km (24 miles) northwest of the city of Herat.", "40km (24 miles)"),
        ("The 6.8-magnitude quake struck a mountainous area.", "6.8-magnitude"),
        ("Later, a strong 6.7 aftershock rumbled.", "6.7"),  # without the space before the noun
        ("The quake struck at a depth of nearly 26km (16 miles).", "depth of nearly 26km (16 miles)"),
        ("The quake was 18 kilometers (11 miles) deep.", "18 kilometers (11 miles) deep"),
    ],
)
def test_a_reading_keeps_its_span_and_words(text: str, as_written: str) -> None:
    """The evidence of a drafted reading is these words, so each predicate keeps its own."""
    (found,) = find_readings(text, _search_text(text), 0, len(text), 2023)
    assert isinstance(found, Reading)
    assert found.as_written == as_written
    assert text[found.start:found.end].strip() == as_written


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
