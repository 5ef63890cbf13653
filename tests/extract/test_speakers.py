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
    ],
)
def test_speakers_in_news_style(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected
