"""Where quotation marks open and close in a stretch of reading text.

quotes.py (who said what) and values.py (is a number inside someone's words) both need the
quoted stretches of a paragraph, and they used to find them by different rules: values.py paired
straight double quotes by parity and took `''` as an opener anywhere, so an inch mark (`12"`)
or a stray closing `''` flipped every later number in the paragraph into or out of a quote, and
it ignored British single quotes. The rules here are quotes.py's, which handle those cases:

- double quotes: `“ ”`, ``` ''`` and straight `"`; a straight `"` opens only before a non-space
  and not after a digit (`12"` is inches); `''` opens only after a space and before a letter or
  digit; any closing double mark closes;
- single quotes (British style) `‘ ’` and straight `'`, outside double quotes: one opens after a
  space, a bracket or a dash and before a letter, and closes before a non-alphanumeric after a
  non-space ("don't" and "Korea's" are not marks); a pair enclosing under two characters is not a
  quotation ("rock 'n' roll");
- a double quotation inside a single one (British nesting) is part of it;
- a quotation still open at the end of the stretch runs to its end (paragraphs that continue a
  quote in the next one leave it unclosed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "quote_spans"]

_DOUBLE_MARK = re.compile(r"``|''|[“”\"]")
_SINGLE_MARK = re.compile(r"[‘’']")


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words in the text: marks at [open_start, start) and [end, close_end)."""

    open_start: int
    start: int
    end: int
    close_end: int
    closed: bool


def quote_spans(text: str, start: int, end: int) -> list[QuoteSpan]:
    """The quotations in text[start:end], in text order: double quotes first, then single quotes
    around them (see the module docstring for the rules)."""
    doubles = _doubles(text, start, end)
    singles = _singles(text, start, end, doubles)
    doubles = [d for d in doubles if not any(q.open_start < d.open_start and d.close_end <= q.close_end for q in singles)]
    singles = [q for q in singles if not any(d.open_start < q.open_start < d.close_end for d in doubles)]
    return sorted(doubles + singles, key=lambda q: q.open_start)


def _doubles(text: str, start: int, end: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    opened: int | None = None
    opened_mark = 0
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        m, s, e = mark.group(), mark.start(), mark.end()
        before = text[s - 1] if s > start else " "
        after = text[e] if e < end else " "
        if opened is None:
            if m in ("“", "``") or (m == '"' and not after.isspace() and not before.isdigit()) \
                    or (m == "''" and before.isspace() and after.isalnum()):
                opened, opened_mark = e, s
            continue
        if m in ("”", '"', "''"):
            out.append(QuoteSpan(opened_mark, opened, s, e, True))
            opened = None
    if opened is not None:
        out.append(QuoteSpan(opened_mark, opened, end, end, False))
    return out


def _singles(text: str, start: int, end: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    opened: int | None = None
    opened_mark = 0
    for mark in _SINGLE_MARK.finditer(text, start, end):
        s, e = mark.start(), mark.end()
        if any(d.open_start <= s < d.close_end for d in doubles):
            continue
        if text[s:s + 2] == "''" or (s > start and text[s - 1:s + 1] == "''"):
            continue
        before = text[s - 1] if s > start else " "
        after = text[e] if e < end else " "
        if opened is None:
            if mark.group() in "‘'" and (before.isspace() or before in "([{—–-/") and after.isalpha():
                opened, opened_mark = e, s
            continue
        if mark.group() in "’'" and not before.isspace() and not after.isalnum():
            if s - opened >= 2:
                out.append(QuoteSpan(opened_mark, opened, s, e, True))
            opened = None
    return out
