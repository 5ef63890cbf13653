"""cursor.py: the sentence tokens and the cursor measures.py reads its patterns with."""

from __future__ import annotations

from factcheck.extract.cursor import Cursor, Tok, tokenize

SENTENCE = "The U.N. ban, as well as North Korea’s exports of 7.5 million tons."
DATE = "On 5 December 2017, the council voted."


def tokens(text: str = SENTENCE, offset: int = 100) -> list[Tok]:
    """Tokenized in each test, not once at import, so that every test runs the tokenizer it reads."""
    return tokenize(text, offset)


def words() -> list[str]:
    return [t.low for t in tokens()]


def test_tokens_keep_offsets_abbreviations_possessives_and_amounts() -> None:
    assert words() == ["the", "u.n.", "ban", ",", "as", "well", "as", "north", "korea's", "exports", "of", "7.5",
                       "million", "tons", "."]
    toks = tokens()
    assert toks[0].start == 100 and toks[0].cap and toks[0].word
    assert toks[11].text == "7.5" and not toks[11].word
    # a curly apostrophe is kept as written and folded in the word a pattern compares
    assert (toks[8].text, toks[8].low, toks[8].start, toks[8].end) == ("Korea’s", "korea's", 131, 138)


def test_looking_does_not_move_and_answers_nothing_outside() -> None:
    toks = tokens()
    c = Cursor(toks, 4)
    assert c.at(("as", "well", "as")) and c.at(("well",), 1) and not c.at(("as", "well", "as"), 1)
    assert c.one_of({","}, -1) and c.peek(-1) == ","
    assert Cursor(toks, 0).peek(-1) == "" and Cursor(toks, 14).peek(1) == "" and Cursor(toks, 14).text(1) == ""
    assert Cursor(toks, 0).tok(-1) is None
    assert Cursor(toks, 7).capitalized_word() and Cursor(toks, 11).number() and not Cursor(toks, 11).digits()
    assert c.i == 4


def test_a_cursor_starts_at_the_first_token_and_looks_at_its_own() -> None:
    """With no offset every look is at the cursor's own token: the defaults are 0."""
    toks = tokens()
    assert Cursor(toks).i == 0 and Cursor(toks).peek() == "the" and Cursor(toks).tok() is toks[0]
    assert Cursor(toks, 1).text() == "U.N." and Cursor(toks, 1).tok() is toks[1]  # as written, not folded
    assert Cursor(toks, 3).one_of({","}) and not Cursor(toks, 2).number() and not Cursor(toks, 15).number()
    assert Cursor(toks, 4).advance().i == 5 and Cursor(toks, 9).copy().peek() == "exports"
    date = Cursor(tokens(DATE, 0), 3)
    assert date.digits() and not date.digits(-1) and date.copy(-2).digits()  # "2017", "December", "5"
    assert not date.digits(10)  # outside the sentence: no token, no number


def test_moving() -> None:
    toks = tokens()
    c = Cursor(toks, 4)
    assert c.skip_if(("as", "well", "as")) and c.i == 7
    assert not c.skip_if(("as",)) and c.i == 7
    assert c.skip_while(Cursor.capitalized_word).i == 9
    assert Cursor(toks, 7).skip_while(Cursor.capitalized_word, limit=1).i == 8
    assert Cursor(toks, 7).skip_while(Cursor.capitalized_word, until=8).i == 8
    assert Cursor(toks, 0).skip({"the", "u.n."}).i == 2
    assert Cursor(toks, 0).skip({"the", "u.n.", "ban"}, limit=2).i == 2
    assert Cursor(toks, 1).skip({"u.n.", "ban"}, until=2).i == 2
    assert Cursor(toks, 14).skip({".", ""}).i == 15  # the end stops a skip
    assert Cursor(toks, -1).skip({"", "the"}).i == -1  # so does the start: "no word" is never skipped
    assert Cursor(toks, 3).skip_back({"ban", "u.n."}).i == 0  # lands on the word before them
    assert Cursor(toks, 3).skip_back({"ban", "u.n."}, limit=1).i == 1
    assert Cursor(toks, 2).skip_back({"the", "u.n."}).i == -1  # the first word too: lands before the sentence
    assert Cursor(toks, 10).skip_back({"exports"}).i == 8  # back from "of" over "exports" to "Korea's"
    assert Cursor(toks, 10).skip_back({"korea's", "north"}).i == 9  # "exports" is not in the class: it stops there
    copy = c.copy(2)
    assert copy.i == 11 and c.i == 9
    assert c.advance(-1).i == 8


# --- trim, find and split: bounded searches and stretch ends ------------------------------------------

# 0 bans, 1 coal, 2 ",", 3 iron, 4 ore, 5 ",", 6 "'", 7 and, 8 lead, 9 to, 10 North, 11 Korea, 12 "."
TARGETS = tokenize("bans coal, iron ore , ' and lead to North Korea.", 0)


def marks(c: Cursor) -> bool:
    return c.text() in {",", "'"}


def test_trim_sheds_the_last_words_of_a_stretch_down_to_its_floor() -> None:
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
    ore = c.find(lambda k: k.peek() == "ore")
    assert ore is not None and ore.i == 4  # every place is tried, not every other one


def test_split_cuts_at_a_separator_as_written() -> None:
    assert Cursor(TARGETS, 1).split(",", 9) == [(1, 2), (3, 5), (6, 9)]
    assert Cursor(TARGETS, 1).split(",", 2) == [(1, 2)]  # `until` ends the last stretch
    assert Cursor(TARGETS, 2).split(",", 3) == [(2, 2), (3, 3)]  # a separator alone: two empty stretches
    assert Cursor(TARGETS, 1).split(";", 9) == [(1, 9)]
    assert Cursor(TARGETS, 3).split(",", 9) == [(3, 5), (6, 9)]  # from here: the separator before it is not this list's
    assert Cursor(TARGETS, 6).split("'", 8) == [(6, 6), (7, 8)]  # compared as written
