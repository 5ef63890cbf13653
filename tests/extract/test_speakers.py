"""Speakers the quote finder reads from real news style: a name with an Arabic particle, and a
quotation that goes on in the voice of the one before it."""

from __future__ import annotations

import pytest

from factcheck.extract.article import read_article
from factcheck.extract.quotes import find_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text.split()[0], q.speaker) for q in find_quotes(read_article(text, "x.txt"), None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the particle is part of the name
        ("\u201cIt was a wall of water,\u201d said rescue worker Tariq al-Masri.\n", [("It", "Tariq al-Masri")]),
        # the second quotation goes on in the first one's voice: only the attribution between them
        ("\u201cIt was a wall of water,\u201d said rescue worker Tariq al-Masri. \u201cMany were swept into the sea.\u201d\n",
         [("It", "Tariq al-Masri"), ("Many", "Tariq al-Masri")]),
        # more than the attribution between them: the second has no speaker
        ("\u201cIt was a wall,\u201d said Tariq al-Masri. Officials later disputed his account and the toll. \u201cMany were lost.\u201d\n",
         [("It", "Tariq al-Masri"), ("Many", None)]),
        # another paragraph: no speaker borrowed
        ("\u201cIt was a wall,\u201d said Tariq al-Masri.\n\n\u201cMany were lost.\u201d\n", [("It", "Tariq al-Masri"), ("Many", None)]),
        # a surname with its particle, after the quote
        ("Rescue worker Tariq al-Masri was there.\n\n\u201cWe are using heavy equipment,\u201d al-Masri said.\n",
         [("We", "Tariq al-Masri")]),
        # '"...," he said. "..."' goes on in the voice the pronoun named
        ("Faisal Baddour, 43, lives in Marrakesh.\n\n\u201cThere are families outside,\u201d he said. \u201cIt was as if a train was passing.\u201d\n",
         [("There", "Faisal Baddour"), ("It", "Faisal Baddour")]),
        # a second quotation in the sentence of the first one's attribution
        ('"I could see buildings moving," said Amrani who went outside, joining many other people, "all in shock and panic."\n',
         [("I", "Amrani"), ("all", "Amrani")]),
        # a nationality before the title is not part of the name
        ("Turkish President Recep Tayyip Erdogan said the teams were sent. \u201cWe hope we will get through this,\u201d he wrote.\n",
         [("We", "Recep Tayyip Erdogan")]),
        # the listener of "telling" is not the speaker: the subject of the verb before the quotation is
        ("Transport secretary Grant Shapps called the action \u201can act of self-harm,\u201d telling rail workers: \u201cDon\u2019t risk it.\u201d\n",
         [("an", "Grant Shapps"), ("Don\u2019t", "Grant Shapps")]),
        # "adding:" goes on in the voice of its clause's verb, not of "according to" the source
        ("\u201cWe have been through bumpy times,\u201d the prime minister told MPs, according to a senior party source, adding: \u201cThe best is yet to come.\u201d\n",
         [("We", "the prime minister"), ("The", "the prime minister")]),
        # a passive speech verb's subject is what was described: no speaker
        ("The situation is described as \u201cdisastrous\u201d by rescuers.\n", [("disastrous", None)]),
    ],
)
def test_speakers_in_news_style(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wording of the resolution an article reports is the resolution's
        ("The resolution calls on Russia to \u201cimmediately withdraw\u201d its forces.\n", [("immediately", "the resolution")]),
        ("The latest resolution, adopted by the members where no one wields a veto, condemns Russia's \"attempted illegal annexations\".\n",
         [("attempted", "the resolution")]),
        ("The General Assembly voted overwhelmingly to condemn Russia\u2019s \u201cattempted illegal annexation\u201d.\n",
         [("attempted", "the resolution")]),
        ("The resolution passed. It also calls for \u201cthe de-escalation of the current situation\u201d.\n",
         [("the", "the resolution")]),
        # "It calls for" in an article about no resolution is no text's
        ("The union met. It also calls for \u201ca fair deal\u201d.\n", [("a", None)]),
        # a speaker's own attribution after the quotation comes first
        ("The resolution was \u201cpoliticised and provocative,\u201d said Vassily Nebenzia.\n", [("politicised", "Vassily Nebenzia")]),
        # a person who condemns is a speaker, not a text
        ("Biden condemned the \u201csham\u201d votes.\n", [("sham", "Biden")]),
    ],
)
def test_a_resolutions_wording(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected
