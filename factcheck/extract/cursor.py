"""A sentence's tokens and a cursor over them, so that a reader states patterns, not index arithmetic.

measures.py reads each sentence as a list of tokens and asks things like "is the word two places on
'well'?" or "pass over the determiners and adjectives". Written as `self.low(k + 2) == "well"` and
`while self.low(m) in A or self.low(m) in B: m += 1`, the rule hides in the offsets; written as
`cursor.at(AS_WELL_AS)` and `cursor.skip(A | B)`, it reads as what it means, and a maintainer can
change it without recounting. Every look-up outside the sentence answers "" (no word), so a
pattern never needs its own bounds check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

__all__ = ["Cursor", "Tok", "tokenize"]

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.N., U.S.
    r"|[A-Za-z](?:[A-Za-z]|['’](?=[A-Za-z]))*(?:-[A-Za-z0-9]+)*"  # words, North Korea's, dual-use
    r"|(?:US\$|[$£€])?\d+(?:[,.]\d+)*(?:bn|m|k|%)?"  # numbers and amounts
    r"|\S"
)


@dataclass(frozen=True)
class Tok:
    """One token: its text, its folded form (lower case, straight apostrophe) and its offsets."""

    text: str
    low: str
    start: int  # offsets into Article.text
    end: int

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalpha()


def tokenize(text: str, offset: int) -> list[Tok]:
    """The tokens of `text`, with offsets shifted by `offset` (where `text` starts in the article)."""
    return [
        Tok(m.group(), m.group().casefold().replace("’", "'"), offset + m.start(), offset + m.end())
        for m in _TOKEN.finditer(text)
    ]


class Cursor:
    """A position in a token list. `peek`, `at` and `one_of` look without moving (an offset looks
    ahead, a negative one behind); `advance`, `skip`, `skip_back` and `trim` move; `find` and
    `split` search a bounded stretch without moving."""

    __slots__ = ("tokens", "i")

    def __init__(self, tokens: Sequence[Tok], i: int = 0) -> None:
        self.tokens = tokens
        self.i = i

    def __repr__(self) -> str:
        return f"Cursor({self.i}, {self.peek()!r})"

    # -- looking ----------------------------------------------------------------------------------

    def tok(self, offset: int = 0) -> Tok | None:
        """The token `offset` places from here, or None outside the sentence."""
        k = self.i + offset
        return self.tokens[k] if 0 <= k < len(self.tokens) else None

    def peek(self, offset: int = 0) -> str:
        """The folded word `offset` places from here, "" outside the sentence."""
        k = self.i + offset
        return self.tokens[k].low if 0 <= k < len(self.tokens) else ""

    def text(self, offset: int = 0) -> str:
        """The token `offset` places from here as written (marks keep their form), "" outside."""
        tok = self.tok(offset)
        return tok.text if tok is not None else ""

    def at(self, words: Sequence[str], offset: int = 0) -> bool:
        """Do the words from here (plus `offset`) spell `words` ("as", "well", "as")?"""
        return all(self.peek(offset + n) == word for n, word in enumerate(words))

    def one_of(self, word_class: Collection[str], offset: int = 0) -> bool:
        """Is the word `offset` places from here in `word_class`?"""
        return self.peek(offset) in word_class

    def capitalized_word(self, offset: int = 0) -> bool:
        """A word that starts with a capital ("North", "Korea's"), not a number or a mark."""
        tok = self.tok(offset)
        return tok is not None and tok.cap and tok.word

    def digits(self, offset: int = 0) -> bool:
        """A plain number ("5", "2017"), as a day or a year is written."""
        tok = self.tok(offset)
        return tok is not None and tok.text.isdigit()

    def number(self, offset: int = 0) -> bool:
        """A token that starts with a digit ("2371", "7.5", "15th")."""
        tok = self.tok(offset)
        return tok is not None and tok.text[:1].isdigit()

    @property
    def done(self) -> bool:
        return self.i >= len(self.tokens)

    # -- moving -------------------------------------------------------------------------------------

    def advance(self, n: int = 1) -> Cursor:
        self.i += n
        return self

    def skip(self, word_class: Collection[str], limit: int | None = None, until: int | None = None) -> Cursor:
        """Move past the words of `word_class` (at most `limit` of them, never to `until` or beyond)."""
        return self.skip_while(lambda c: c.peek() in word_class and c.peek() != "", limit, until)

    def skip_while(self, test: Callable[[Cursor], bool], limit: int | None = None, until: int | None = None) -> Cursor:
        """Move on while `test(self)` holds (at most `limit` tokens, never to `until` or beyond)."""
        start = self.i
        end = len(self.tokens) if until is None else min(until, len(self.tokens))
        while self.i < end and (limit is None or self.i - start < limit) and test(self):
            self.i += 1
        return self

    def copy(self, offset: int = 0) -> Cursor:
        """A new cursor `offset` places from here; this one stays."""
        return Cursor(self.tokens, self.i + offset)

    def skip_if(self, words: Sequence[str]) -> bool:
        """Move past `words` if they are here; say whether they were."""
        if self.at(words):
            self.i += len(words)
            return True
        return False

    def skip_back(self, word_class: Collection[str], limit: int | None = None) -> Cursor:
        """Move back over the words of `word_class` before here (at most `limit`), landing on the
        first word before them."""
        start = self.i
        self.i -= 1
        while self.i >= 0 and self.peek() in word_class and (limit is None or start - self.i <= limit):
            self.i -= 1
        return self

    def trim(self, test: Callable[[Cursor], bool], floor: int = 0) -> Cursor:
        """Here being the end of a stretch (its last word is the one before), move back over its last
        words while `test` holds for them, never before `floor`: the stretch sheds them ("coal , '"
        ends after "coal"). `test` gets a cursor on the word it judges."""
        while self.i > floor and test(self.copy(-1)):
            self.i -= 1
        return self

    # -- searching ----------------------------------------------------------------------------------

    def find(self, test: Callable[[Cursor], bool], limit: int | None = None, until: int | None = None) -> Cursor | None:
        """A new cursor at the first place from here where `test` holds, among the next `limit` places
        and never at `until` or beyond, None if there is none; this one stays. A search bounded like
        `skip_while`, so that a pattern looking for a word within a window says how far it looks."""
        end = len(self.tokens) if until is None else min(until, len(self.tokens))
        if limit is not None:
            end = min(end, self.i + limit)
        c = self.copy()
        while c.i < end:
            if test(c):
                return c
            c.i += 1
        return None

    def split(self, separator: str, until: int) -> list[tuple[int, int]]:
        """The stretches from here to `until` between tokens written `separator`, as (start, end)
        index pairs without the separators, empty ones included ("coal, , iron" is three)."""
        stretches: list[tuple[int, int]] = []
        start = self.i
        for k in range(self.i, min(until, len(self.tokens))):
            if self.tokens[k].text == separator:
                stretches.append((start, k))
                start = k + 1
        stretches.append((start, until))
        return stretches
