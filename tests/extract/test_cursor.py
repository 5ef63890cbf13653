"""cursor.py: the sentence tokens and the cursor measures.py reads its patterns with."""

from __future__ import annotations

from factcheck.extract.cursor import Cursor, tokenize

TOKENS = tokenize("The U.N. ban, as well as North Korea's exports of 7.5 million tons.", 100)


def words() -> list[str]:
    return [t.low for t in TOKENS]


def test_tokens_keep_offsets_abbreviations_possessives_and_amounts() -> None:
    assert words() == ["the", "u.n.", "ban", ",", "as", "well", "as", "north", "korea's", "exports", "of", "7.5",
                       "million", "tons", "."]
    assert TOKENS[0].start == 100 and TOKENS[0].cap and TOKENS[0].word
    assert TOKENS[11].text == "7.5" and not TOKENS[11].word


def test_looking_does_not_move_and_answers_nothing_outside() -> None:
    c = Cursor(TOKENS, 4)
    assert c.at(("as", "well", "as")) and c.at(("well",), 1) and not c.at(("as", "well", "as"), 1)
    assert c.one_of({","}, -1) and c.peek(-1) == ","
    assert Cursor(TOKENS, 0).peek(-1) == "" and Cursor(TOKENS, 14).peek(1) == "" and Cursor(TOKENS, 14).text(1) == ""
    assert Cursor(TOKENS, 0).tok(-1) is None
    assert Cursor(TOKENS, 7).capitalized_word() and Cursor(TOKENS, 11).number() and not Cursor(TOKENS, 11).digits()
    assert c.i == 4


def test_moving() -> None:
    c = Cursor(TOKENS, 4)
    assert c.skip_if(("as", "well", "as")) and c.i == 7
    assert not c.skip_if(("as",)) and c.i == 7
    assert c.skip_while(Cursor.capitalized_word).i == 9
    assert Cursor(TOKENS, 7).skip_while(Cursor.capitalized_word, limit=1).i == 8
    assert Cursor(TOKENS, 7).skip_while(Cursor.capitalized_word, until=8).i == 8
    assert Cursor(TOKENS, 0).skip({"the", "u.n."}).i == 2
    assert Cursor(TOKENS, 14).skip({".", ""}).i == 15  # the end stops a skip
    assert Cursor(TOKENS, 3).skip_back({"ban", "u.n."}).i == 0  # lands on the word before them
    assert Cursor(TOKENS, 3).skip_back({"ban", "u.n."}, limit=1).i == 1
    copy = c.copy(2)
    assert copy.i == 11 and c.i == 9
    assert c.advance(-1).i == 8
