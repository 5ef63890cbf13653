"""What the finders report: spans of the reading text, before they become claims.

Finders (quotes, values, measures, entities) only look at an `Article`; `claims.py` turns their
mentions into claim dicts. Offsets index `Article.text`; `evidence` is always a verbatim slice of
it, so FC203 finds it again in the raw document.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteMention:
    """Quoted words and who says them."""

    text: str  # the quoted words, without the quotation marks
    start: int  # offsets of the words in Article.text
    end: int
    line: int  # raw line of `start`
    paragraph: int
    evidence: str  # the sentence(s) holding the quote, verbatim from Article.text
    speaker: str | None  # the speaker as the article names them (a pronoun already resolved); None when unclear
    speaker_entity: str | None = None  # registry entity id, when the speaker resolves
    speaker_aliases: tuple[str, ...] = ()  # other forms the article gave the speaker ("Zelensky", "the prime minister")


@dataclass(frozen=True)
class ValueMention:
    """A number, date or vote in the text, written so that its predicate's parser accepts it."""

    kind: str  # "quantity" | "count" | "date" | "vote" | "time"
    value: str  # the claim value: parses with values.parse_value(kind, value, ctx)
    as_written: str  # the words in the article ("on Wednesday", "15-to-nothing")
    start: int
    end: int
    line: int
    paragraph: int
    evidence: str  # the sentence holding it
    predicate: str  # suggested predicate: amount | reduction | duration | count | ordinal | adopted_on | occurred_on | vote | a reading's
    of: str | None = None  # what it measures or counts, when the text says ("coal revenues", "nuclear test")
    in_quote: bool = False  # inside quoted words (then `said_by` is the quote's speaker)
    # The claim's whole qualifier mapping, when the finder builds it from a closed vocabulary
    # (readings.py: {from: Marrakesh}, {of: aftershock}, or none at all); None lets claims.py
    # describe the value by `of` or the words next to it.
    qualifiers: tuple[tuple[str, str], ...] | None = None
    subject: str | None = None  # whose fact it is, when the finder read it (tenure.py: who left office)


@dataclass(frozen=True)
class MeasureMention:
    """An action a measure takes on a target (docs/design.md §4 measure)."""

    action: str  # canonical action from actions.yaml
    target: str  # as written ("North Korean workers", "coal")
    start: int
    end: int
    line: int
    paragraph: int
    evidence: str
    direction: str | None = None  # export | import
    amount: str | None = None  # a quantity value text
    deadline: str | None = None  # a deadline value text ("within 24 months")
    force: str | None = None  # "non-binding" for urges / calls upon
    subject_hint: str | None = None  # the measure's own name when the sentence gives it ("the resolution")
