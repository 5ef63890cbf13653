"""Quotes and free-text statements, compared word by word.

Text is Unicode-normalized (NFKC, plain quotes and dashes, single spaces) and compared through its
word tokens: lower case, punctuation stripped, digits kept. Abbreviation dots go ("O.K." -> "ok",
"U.S." -> "us"), apostrophes inside words stay ("he's" -> "he's"), thousands separators go and
decimal points stay ("400,870,018" -> "400870018", "7.5" -> "7.5").

Fuzzy matching never lets a number or a negation change pass unnoticed (docs/design.md §3): two quotes
that differ only in a number are *near*-identical (so drift is reported with the changed number),
and statements with different numbers or negations never agree.
"""

from __future__ import annotations

import functools

import re
from sys import intern
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from decimal import Decimal, InvalidOperation

from rapidfuzz import fuzz

from .base import Agreement, Comparison, ParseContext, Value, ValueParseError, ValueType, clean_text, scalar_text
from .numbers import _MAGNITUDE_AFTER_DIGITS, _ORDINAL_VOCABULARY, read_number, read_ordinal
from .numbers import _WORD as _NUMBER_WORD

QUOTE_EXPECTED = "the quoted words as text"
TEXT_EXPECTED = "a statement as text"
NEGATIONS = frozenset({"not", "no", "never", "none", "nor", "without", "cannot", "neither"})

_RAW_TOKEN = re.compile(r"[^\W_]+(?:[.,'][^\W_]+)*")
_INNER = re.compile(r"[.,]")

Tokens = Sequence[str]


def normalize(text: str) -> str:
    """NFKC, curly quotes and dashes to plain ones, whitespace collapsed."""
    return clean_text(text)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with punctuation stripped (digits kept)."""
    return _tokens_of_normalized(normalize(text))


def _tokens_of_normalized(normalized: str) -> list[str]:
    out: list[str] = []
    for word in _RAW_TOKEN.findall(normalized.casefold()):
        if "." in word or "," in word:
            out.extend(_split_token(word))
        else:  # most words: nothing inside to keep or drop
            out.append(word)
    return out


def _split_token(token: str) -> list[str]:
    """Inside a token, keep '.' and drop ',' between digits; drop '.' elsewhere; split at other ','."""
    pieces: list[str] = []
    current = ""
    for i, ch in enumerate(token):
        if ch in ".,":
            digits = token[i - 1].isdigit() and i + 1 < len(token) and token[i + 1].isdigit()
            if ch == "." and digits:
                current += ch
            elif ch == "," and not digits:
                pieces.append(current)
                current = ""
            continue  # a thousands comma or an abbreviation dot
        current += ch
    pieces.append(current)
    return [p for p in pieces if p]


def _as_tokens(value: str | Tokens) -> list[str]:
    return tokens(value) if isinstance(value, str) else list(value)


def is_excerpt(short: str | Tokens, long: str | Tokens) -> bool:
    """True when short's words are a contiguous run of long's (equal texts included)."""
    a, b = _as_tokens(short), _as_tokens(long)
    if not a or len(a) > len(b):
        return False
    return f" {' '.join(a)} " in f" {' '.join(b)} "


# An excerpt with a word changed is drift only when it is long enough to be one quote, not a phrase
# that any two of a speaker's quotes share.
EXCERPT_DRIFT_WORDS = 6


def quote_relation(a: str | Tokens, b: str | Tokens, near: float = 85) -> str:
    """'same' | 'excerpt' (either way round) | 'near' | 'different'. Near: the rapidfuzz ratio of the
    two wordings reaches `near`, or the shorter (of at least EXCERPT_DRIFT_WORDS words) reaches it
    against its best-matching stretch of the longer: an outlet that trims a quote and changes a word
    of what it kept ("... confidence in the prime minister" for "And therefore ... confidence in
    Boris Johnson") has drifted as surely as one that changes a word of the whole."""
    ta, tb = _as_tokens(a), _as_tokens(b)
    if not ta or not tb:
        return "same" if ta == tb else "different"
    if ta == tb:
        return "same"
    if is_excerpt(ta, tb) or is_excerpt(tb, ta) or _cut_mid_word(ta, tb) or _cut_mid_word(tb, ta):
        return "excerpt"
    left, right = " ".join(ta), " ".join(tb)
    if fuzz.ratio(left, right) >= near:
        return "near"
    shorter, longer = (left, right) if len(ta) <= len(tb) else (right, left)
    if min(len(ta), len(tb)) >= EXCERPT_DRIFT_WORDS and fuzz.partial_ratio(shorter, longer) >= near:
        return "near"
    return "different"


def _cut_mid_word(short: list[str], long: list[str]) -> bool:
    """An excerpt whose last word was cut short where a page or a feed broke off ("... focus on th"
    of "... focus on the things"): its other words are a run of the long quote's, and its last is
    the start of the long quote's next word."""
    if len(short) < 2 or len(short) > len(long):
        return False
    needle, text = " " + " ".join(short), " " + " ".join(long) + " "
    at = text.find(needle)
    while at >= 0:
        if text[at + len(needle)] != " ":  # the last word goes on: it was cut
            return True
        at = text.find(needle, at + 1)
    return False


def word_diff(a: str | Tokens, b: str | Tokens) -> str:
    """What changed from a to b, word by word: '-[sends] +[sent]'; '' when the words are equal."""
    return _token_diff(tuple(_as_tokens(a)), tuple(_as_tokens(b)))


@functools.lru_cache(maxsize=4096)
def _token_diff(ta: tuple[str, ...], tb: tuple[str, ...]) -> str:
    """Kept per pair of wordings: a syndicated quote's copies all show one drift."""
    changes: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            changes.append(f"-[{' '.join(ta[i1:i2])}]")
        if op in ("replace", "insert"):
            changes.append(f"+[{' '.join(tb[j1:j2])}]")
    return " ".join(changes)


def negations(value: str | Tokens) -> Counter[str]:
    """The negation words of a text ("didn't" and "cannot" count as "not")."""
    found: Counter[str] = Counter()
    for token in _as_tokens(value):
        if token.endswith("n't"):
            found["not"] += 1
        elif token == "cannot":
            found["not"] += 1
        elif token in NEGATIONS:
            found[token] += 1
    return found


def numbers(value: str | Tokens) -> Counter[str]:
    """The numbers a text states, normalized: '7.5 million' = '7,500,000', 'fifteen' = '15', 'third' = '#3'."""
    return Counter(key for _, _, key in _number_spans(" ".join(_as_tokens(value))))


def _number_spans(joined: str) -> list[tuple[int, int, str]]:
    """(start, end, normalized number) for each number in space-joined tokens."""
    spans: list[tuple[int, int, str]] = []
    pos = 0
    size = len(joined)
    while pos < size:
        end = joined.find(" ", pos)
        end = size if end < 0 else end
        token = joined[pos:end]
        kind = _TOKEN_KINDS.get(token)
        if kind is None:
            kind = _token_kind(token)
        if kind == _PLAIN:
            pos = end + 1
            continue
        if kind == _DIGIT_RUN:
            spans.append((pos, end, _digit_run(token)))
            pos = end + 1
            continue
        if kind == _INTEGER and not _integer_goes_on(joined, end):
            spans.append((pos, end, str(int(token))))
            pos = end + 1
            continue
        if kind == _NUMBER_WORD_ALONE and not _words_go_on(joined, end):
            key = _WORD_KEYS[token]
            if key is not None:
                spans.append((pos, end, key))
            pos = end + 1
            continue
        try:
            ordinal = read_ordinal(joined, pos)
        except ValueParseError:  # '21th': a claim value would be refused, but free text is free
            ordinal = None
        number = read_number(joined, pos) if ordinal is None else None
        if ordinal is not None and _at_boundary(joined, ordinal[1]):
            end = ordinal[1]
            spans.append((pos, end, f"#{ordinal[0]}"))
        elif number is not None and _at_boundary(joined, number.end):
            end = number.end
            spans.append((pos, end, str(number.value)))
        elif any(ch.isdigit() for ch in joined[pos:end]):
            spans.append((pos, end, _digit_run(joined[pos:end])))  # "2397a": still a number change
        pos = end + 1
    return spans


# Shortcuts of _number_spans, per token: statement forms are computed for every statement, most
# tokens are words no number reader takes, and the readers build exact fractions for what they do
# take. The readers (read_ordinal, read_number) stay the reference: a token goes to them unless
# one of these cases provably gives what they would.
_PLAIN, _DIGIT_RUN, _INTEGER, _NUMBER_WORD_ALONE, _READ = range(5)
_TOKEN_KINDS: dict[str, int] = {}
_WORD_KEYS: dict[str, str | None] = {}  # a number word read on its own: its span key, or None
_CACHE_MAX = 200_000


def _token_kind(token: str) -> int:
    """_PLAIN: no number, no digit. _DIGIT_RUN: a digit where no reader starts ('x2').
    _INTEGER: ASCII digits only. _NUMBER_WORD_ALONE: a lower-case a-z word of the number
    vocabularies, whose reading alone is in _WORD_KEYS. _READ: ask the readers."""
    if not token:
        kind = _PLAIN  # an empty token (two spaces in a row): neither reader matches a space
    elif token.isascii() and token.isdigit() and len(token) <= 18:
        kind = _INTEGER
    elif not _may_start_number(token, 0):
        kind = _DIGIT_RUN if not token.isalpha() and any(ch.isdigit() for ch in token) else _PLAIN
    elif token.isascii() and token.isalpha() and token.islower():
        kind = _NUMBER_WORD_ALONE
        if token not in _WORD_KEYS:
            _WORD_KEYS[token] = _alone(token)
    else:
        kind = _READ
    if len(_TOKEN_KINDS) < _CACHE_MAX:
        _TOKEN_KINDS[token] = kind
    return kind


def _may_start_number(joined: str, pos: int) -> bool:
    """False only where read_ordinal and read_number both return None: every digit pattern they
    try starts with a digit, '-' or '.', and every word reading with a number or ordinal word that
    their own `_WORD` pattern matches (a run of a-z, so it never reaches past the token)."""
    ch = joined[pos]
    if ch.isdigit() or ch in "-.":
        return True
    match = _NUMBER_WORD.match(joined, pos)
    return match is not None and match.group() in _ORDINAL_VOCABULARY


def _integer_goes_on(joined: str, end: int) -> bool:
    """Whether what follows ASCII digits (at `end`, a space or the end) may change read_number's
    reading of them: a digit after the space (a thousands group, '1 000') or a magnitude
    ('4 million', '4 m'), matched by read_number's own pattern. Otherwise no ordinal suffix,
    fraction, decimal part or magnitude follows, and read_number reads exactly the integer."""
    if end >= len(joined):
        return False
    after = joined[end + 1 : end + 2]
    return after.isdigit() or after in "-.,/" or _MAGNITUDE_AFTER_DIGITS.match(joined, end) is not None


def _words_go_on(joined: str, end: int) -> bool:
    """Whether the word reading at an all a-z number word (ending at `end`, a space or the end) may
    take the next token too: the readers' word runs go on past a space only to a letter that starts
    a word of their vocabularies. Otherwise they read the word exactly as they read it alone."""
    if end + 1 >= len(joined) or not joined[end + 1].isalpha():
        return False
    match = _NUMBER_WORD.match(joined, end + 1)
    return match is not None and match.group() in _ORDINAL_VOCABULARY


def _alone(word: str) -> str | None:
    """The span key of a number word read with nothing after it, as _number_spans would make it."""
    ordinal = read_ordinal(word, 0)
    if ordinal is not None and ordinal[1] == len(word):
        return f"#{ordinal[0]}"
    number = read_number(word, 0) if ordinal is None else None
    if number is not None and number.end == len(word):
        return str(number.value)
    return None


def _with_numbers_normalized(joined: str, spans: list[tuple[int, int, str]]) -> str:
    """Numbers in one normal form, so fuzzy matching weighs words ('7.5 million' = '7,500,000');
    `spans` are _number_spans(joined)."""
    out, last = [], 0
    for start, end, key in spans:
        out.append(joined[last:start] + key)
        last = end
    return "".join(out) + joined[last:]


def _at_boundary(s: str, end: int) -> bool:
    """A number must end where a token ends ('15th' is an ordinal, not 15 and 'th')."""
    return end >= len(s) or s[end] == " "


def _digit_run(token: str) -> str:
    try:
        return str(Decimal(token).normalize())
    except InvalidOperation:
        return token


@dataclass(frozen=True)
class StatementForm:
    """What statement agreement compares, computed once per statement: negations, numbers, wording."""

    negations: tuple[tuple[str, int], ...]
    numbers: tuple[tuple[str, int], ...]
    wording: str  # tokens joined, numbers in one normal form ('7.5 million' = '7,500,000')


def statement_form(text: str) -> StatementForm | None:
    return statement_form_of_tokens(tokens(text))


def statement_form_of_tokens(words: Tokens) -> StatementForm | None:
    """statement_form from word tokens already made (a parsed Text keeps them), numbers read once."""
    if not words:
        return None
    joined = " ".join(words)
    spans = _number_spans(joined)
    return StatementForm(
        tuple(sorted(negations(words).items())),
        tuple(sorted(Counter(key for _, _, key in spans).items())),
        _with_numbers_normalized(joined, spans),
    )


def forms_agree(a: StatementForm, b: StatementForm, threshold: float = 90) -> bool:
    """rapidfuzz WRatio >= threshold on the wording, with equal negations and equal numbers."""
    if a.negations != b.negations or a.numbers != b.numbers:
        return False
    return a.wording == b.wording or fuzz.WRatio(a.wording, b.wording) >= threshold


def statements_agree(a: str, b: str, threshold: float = 90) -> bool:
    """Two statements say the same: same negations, same numbers, near-identical wording."""
    fa, fb = statement_form(a), statement_form(b)
    return fa is not None and fb is not None and forms_agree(fa, fb, threshold)


# ---------------------------------------------------------------------------------------------
# The value type.


@dataclass(frozen=True)
class Text(Value):
    """A quote (kind 'quote') or a statement (kind 'text')."""

    text: str
    normalized: str
    tokens: tuple[str, ...]
    kind: str = "text"  # "quote" | "text"
    # A statement's negations, numbers and wording (what FC201 compares), worked out when it is
    # parsed so that the cache keeps it; None for quotes.
    form: StatementForm | None = field(default=None, compare=False, repr=False)

    def describe(self) -> str:
        shown = self.normalized if len(self.normalized) <= 80 else self.normalized[:77].rstrip() + "..."
        return f"'{shown}'"

    def canonical(self) -> str:
        return f"{self.kind} " + " ".join(self.tokens)


def parse_text(raw: str | int | float | dict | list, ctx: ParseContext, kind: str = "text") -> Text:
    expected = QUOTE_EXPECTED if kind == "quote" else TEXT_EXPECTED
    what = "a quote" if kind == "quote" else "a statement"
    text = scalar_text(raw, what, expected)
    normalized = normalize(text)
    words = _tokens_of_normalized(normalized)
    if not words:
        raise ValueParseError(f"'{text}' has no words; it is not {what}", expected)
    # Words are interned and an unchanged text is not kept twice: a corpus holds hundreds of
    # thousands of texts made of the same few thousand words, and the cache pickles them all.
    interned = tuple(map(intern, words))
    form = statement_form_of_tokens(interned) if kind == "text" else None
    return Text(text, text if normalized == text else normalized, interned, kind, form)


def compare_texts(a: Text, b: Text) -> Comparison:
    """Quotes: same/excerpt agree, near-identical disagree (drift), else incomparable.
    Statements: agree when statements_agree, else incomparable (never a conflict)."""
    if a.kind != b.kind:
        return Comparison(Agreement.INCOMPARABLE, f"a {a.kind} and a {b.kind} are not compared")
    if a.kind == "quote":
        relation = quote_relation(a.tokens, b.tokens)
        if relation == "same":
            return Comparison(Agreement.AGREE)
        if relation == "excerpt":
            return Comparison(Agreement.AGREE, "one quote is an excerpt of the other")
        if relation == "near":
            return Comparison(Agreement.DISAGREE, word_diff(a.tokens, b.tokens))
        return Comparison(Agreement.INCOMPARABLE, "different quotes")
    if statements_agree(a.normalized, b.normalized):
        return Comparison(Agreement.AGREE)
    return Comparison(Agreement.INCOMPARABLE, "the statements do not match")


# One value class for two types: a quote compares by its exact words, a statement by its meaning
# (the `kind` a Text carries decides); neither reads anything from the parse context.
QUOTE_TYPE = ValueType("quote", Text, functools.partial(parse_text, kind="quote"), compare_texts)
TEXT_TYPE = ValueType("text", Text, functools.partial(parse_text, kind="text"), compare_texts)
