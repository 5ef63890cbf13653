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


# --- trim, find and split: bounded searches and stretch ends ------------------------------------------

# 0 bans, 1 coal, 2 ",", 3 iron, 4 ore, 5 ",", 6 "'", 7 and, 8 lead, 9 to, 10 North, 11 Korea, 12 "."
TARGETS = tokenize("bans coal, iron ore , ' and lead to North Korea.", 0)


def test_trim_sheds_the_last_words_of_a_stretch_down_to_its_floor() -> None:
    marks = lambda c: c.text() in {",", "'"}  # noqa: E731
    assert [t.text for t in TARGETS[3:7]] == ["iron", "ore", ",", "'"]
    assert Cursor(TARGETS, 7).trim(marks).i == 5  # "iron ore , '" ends after "ore"
    assert Cursor(TARGETS, 7).trim(marks, floor=6).i == 6  # never before the floor
    assert Cursor(TARGETS, 5).trim(marks).i == 5  # "ore" is no mark: nothing to shed
    assert Cursor(TARGETS, 0).trim(lambda c: True).i == 0  # the sentence's start stops it
    assert Cursor(TARGETS, 3).trim(lambda c: c.peek() in {"bans", "coal", ","}).i == 0
    judged: list[str] = []
    Cursor(TARGETS, 7).trim(lambda c: judged.append(c.text()) or c.text() == "'")
    assert judged == ["'", ","]  # the test sees the word it judges, the last one first


def test_find_looks_within_its_window_and_does_not_move() -> None:
    c = Cursor(TARGETS, 1)
    to = c.find(lambda k: k.peek() == "to")
    assert to is not None and to.i == 9 and c.i == 1
    assert c.find(lambda k: k.peek() == "to", limit=8) is None  # "to" is the ninth place from "coal"
    assert c.find(lambda k: k.peek() == "to", limit=9) is not None
    assert c.find(lambda k: k.peek() == "to", until=9) is None  # never at `until`
    assert c.find(lambda k: k.peek() == "to", until=10) is not None
    here = c.find(lambda k: k.peek() == "coal")
    assert here is not None and here.i == 1 and here is not c  # here counts, in a new cursor
    assert c.find(lambda k: k.peek() == "") is None  # nothing outside the sentence
    assert Cursor(TARGETS, 20).find(lambda k: True) is None
    first = c.find(lambda k: k.one_of({"and", "or", "to"}), limit=100, until=100)
    assert first is not None and first.i == 7  # the first of them


def test_split_cuts_at_a_separator_as_written() -> None:
    assert Cursor(TARGETS, 1).split(",", 9) == [(1, 2), (3, 5), (6, 9)]
    assert Cursor(TARGETS, 1).split(",", 2) == [(1, 2)]  # `until` ends the last stretch
    assert Cursor(TARGETS, 2).split(",", 3) == [(2, 2), (3, 3)]  # a separator alone: two empty stretches
    assert Cursor(TARGETS, 1).split(";", 9) == [(1, 9)]
    assert Cursor(TARGETS, 6).split("'", 8) == [(6, 6), (7, 8)]  # compared as written
