"""Numbers, dates and vote tallies in an article's reading text, as `ValueMention`s.

`find_values(article, published)` scans every paragraph the article object gives it (the caller
decides which of them are metadata) with plain regular expressions and the project's own number
reader, and reports, in article order:

- quantities: money ("$700 million", "US$ 950 million", "£767m", "five dollars"), percentages
  ("89 percent", "30 per cent", "12%"), masses and volumes ("7.5 million metric tons", "4m
  barrels"), durations ("24 months", "two days", "two decades" -> "20 years") with their hedge or
  bound ("no more than", "nearly", "about", "at least", "or more"), ranges ("5-10 percent",
  "between 5 and 10 percent"), rates ("a year", "per year", "annually" belong to the unit) and
  fractions that measure a share ("a third of ...");
- counts and ordinals that count a noun ("one bank account", "15 members", "fifth ... nuclear
  test"); a count of people killed, injured or missing ("237 deaths", "2,053 people were dead",
  "around 6,000 are missing") is a `toll`, with where it was counted when its clause says;
- an event's readings (a quake's magnitude, distance from a place, depth, and the clock time it
  struck), from readings.py;
- dates: absolute ("Nov. 30, 2016", "Mon, August 07, 2017", "2016-11-30", "December 2017",
  "in 2016"), and relative ones ("on Wednesday", "in March", "Nov. 11", "this month", "earlier this
  year", "today") which are written resolved against `published` where a plain form says the same
  days ("2016-11-30", "March 2016", "December 2017", "2017"); "this week", "earlier this year" and
  "last night" have no such form and stay as written (they still parse against the claim's
  `published`);
- votes: "15-0", "15-0-0", "15 to 0", "15-to-nothing", "13 in favour, 2 against", "unanimous(ly)",
  and one part of a tally stated on its own ("33 countries abstained" is "33 abstentions").

Every emitted `value` parses with `values.parse_value(kind, value, ...)`; for a resolved value the
parsed days are checked to be the days the article's words name. Anything that does not parse is
dropped, never guessed. The finder never raises on odd text and stays linear in the text size
(every number is read from a bounded window).

Decisions worth knowing (see also the tests):
- A count must count a noun: "one bank account" is a count, "one of", "no one", "one another",
  the pronoun "one" ("the one that") and the emphatic "one final rebuke" / "one last" are not.
- Numbers inside names ("Resolution 2397", "F-16", "No. 5") and years are never counts; a year is
  a date only after a preposition ("in 2016", "since 2006", "by 2020"), so "Resolution 2371
  (2017)" and "(c) 2020" give nothing.
- A month alone must be capitalised, and "May", "March" and "August" alone need a preposition
  ("in March"); a weekday must be capitalised and spelt out. A month or weekday followed by a
  capitalised word ("April Ryan", "Sunday Times") is a name.
- "within 24 months" is the duration "24 months" (predicate duration); a date after "by",
  "until" or "no later than", or wholly after publication, gets predicate `deadline` (its value
  then names the same days as a date and as a deadline). Other dates are `adopted_on` when an
  adoption word (adopted, approved, passed, voted, imposed) stands within a few words of them in
  the same clause, else `occurred_on`.
- Quantities are `reduction` when cut/reduce/shave/slash/fall/drop/down... stands within a few
  words ("cut ... by 30 percent", "89 percent total reduction"), but not for the level reached
  ("fall to $4.5 million"); durations are `duration`; the rest `amount`.
- `in_quote` is set inside quotation marks (found by quotemarks.py, by the rules quotes.py reads
  quotes with) and for every transcript turn except the programme's own voice (a turn whose role
  is a narrator role of lexicon.py, such as BYLINE or HOST, and later turns under that speaker's
  surname).
- Durations in hours or minutes, "a decade", "a year" (no digit or number word) and spaced
  thousands ("53 495 894") are not reported.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..values import ParseContext, ValueParseError, parse_value
from ..values.numbers import ORDINAL_WORDS, SMALL, TENS, read_number, read_ordinal
from ..values.quantity import HEDGES, UNIT_WORDS
from .article import Article, Paragraph
from .lexicon import (
    CASUALTY_STATES, DETERMINERS, HEDGE_WORDS, LINKING_VERBS, TOLL_NOUNS, MONTH_ABBREVIATIONS, MONTHS, PERSON_NOUNS, QUANTITY_UNITS,
    WEEKDAY_ABBREVIATIONS, WEEKDAYS, alternation, is_narrator_role,
)
from .mentions import ValueMention
from .quotemarks import quote_spans
from .readings import find_readings
from .tenure import TENURE_KEY, Departure, find_departures

__all__ = ["find_values"]

# A stand-in publication day for checking that values parse when the caller has none: parsing
# never depends on which day it is, only the resolved days do (and nothing is resolved then).
_CHECK_DAY = dt.date(2000, 1, 1)
_WINDOW = 160  # how far a number, its unit and its context are read (keeps the finder linear)
_MAX_DIGITS = 24  # longer digit runs are identifiers, not amounts
# What reading or parsing a number can raise on odd text: the parsers' own ValueParseError ("1/0"
# divides by zero, "1th"), ValueError (parse_value's contract), and arithmetic errors (an overflow,
# a Decimal operation on an absurd digit run). Anything else is a bug and must surface.
_PARSE_FAILURES = (ValueParseError, ValueError, ArithmeticError)

# --- the lower-cased search text (one character per character of Article.text) ------------------

_ONE_TO_ONE = {
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
}


def _search_text(text: str) -> str:
    """Lower case, plain dashes and quotes, spaces for any white space: same length as `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): keep those as they are
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    lowered = lowered.translate(_ONE_TO_ONE)
    return re.sub(r"\s", " ", lowered)


# --- word lists --------------------------------------------------------------------------------

_alt = alternation
_MONTHS_FULL = list(MONTHS)
_MONTH_ABBR = list(MONTH_ABBREVIATIONS)
_WEEKDAYS_FULL = list(WEEKDAYS)
_WEEKDAY_ABBR = list(WEEKDAY_ABBREVIATIONS)
_AMBIGUOUS_MONTHS = {"may", "march", "august"}

_STOP = frozenset("""
a an the of to in on at by for from with and or but nor than as is are was were be been being am has have
had having will would can could may might must shall should do does did done that which who whom whose
this these those it its they them their he him his she her we us our you your i me my there here not no
nor more less another other others such so too very also only just percent per cent times time way
else each if when while after before since until about into over under out up down off again ever
never yet still even all both either neither same then now ago later earlier final last most least
few many much own one ones what where why how whether like via amid among against during through
without within across around along behind beyond toward towards upon onto own said says say
""".split())
_DETERMINERS = DETERMINERS
_DETERMINER = r"(?:" + alternation(DETERMINERS) + r")"
# A leading "that" stays on a phrase, so that the stop-word check drops it: "within eight months of
# that result" points back and names nothing to measure.
_LEADING_DETERMINER = re.compile(r"^(?:" + alternation(DETERMINERS - {"that"}) + r") ", re.I)
_CAPITALISED_OK = _STOP | frozenset(
    "about nearly almost roughly around approximately some only just over under more less up at least "
    "estimated exactly fully".split()
) | set(_MONTHS_FULL) | set(_MONTH_ABBR) | set(_WEEKDAYS_FULL)
_NAME_WORDS = frozenset(
    "resolution resolutions article articles section sections chapter chapters paragraph paragraphs no "
    "nos number numbers flight room page pages route highway phase annex item items rule rules act "
    "model version level class type unit units grade exhibit figure fig table box lot case docket".split()
)
# Words that end an "of" phrase: clause words and common verbs ("a third of the workers left").
_PHRASE_END = (_STOP - frozenset("to of and or other a an the its their his her our this these those all both".split())) | frozenset(
    "left stayed rose fell went came remained grew dropped declined increased got made".split()
)
# Verbs that end a noun phrase however they are written ("half of all lines aren't running").
_CLAUSE_VERBS = frozenset("aren't isn't wasn't weren't won't can't couldn't don't doesn't didn't will would could can may might "
                          "must should shall remain remains".split())
_LEADING_ALL = re.compile(r"^all (?:of )?(?=\w)", re.I)  # "half of all lines": lines
_TIME_WORDS = frozenset("year years month months week weeks day days quarter period time".split())
# Nouns a count does not count. Votes and ballots belong to a tally ("211 votes" for, or against?):
# the vote finder reads them where the side is written, and a bare count of votes would put every
# side of every ballot the article mentions into one bucket.
_NOT_COUNTED = frozenset(
    "hours hour minutes minute seconds second centuries century pounds pound won p a.m p.m am pm "
    "o'clock times percent votes vote ballots ballot".split()
)
_ONE_IDIOMS = frozenset(
    "final last more another such other day time thing way side hand point moment single "
    "hundred thousand million billion".split()
)
# A count of these states is a toll (drafted as `toll`, a figure that changes from day to day).
_TOLLS = frozenset(("killed", "injured", "missing"))
_TOLL_NOUN = re.compile(r" (" + _alt(TOLL_NOUNS) + r")(?![\w-])")
_PLACE_NAME = r"(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
# After a toll: up to four words of its clause ("people have died", "were reported"), then "in Place".
_PLACE_AFTER = re.compile(r"(?:[ ,]+(?:[a-z]+))?(?: [a-z]+){0,4}? in " + _PLACE_NAME + r"(?P<more>,? (?:and )?[A-Z])?")
_NOT_AN_AREA = r"(?:the|a|an|this|that|its|their|all|some|many|several|" + _alt(list(SMALL) + list(TENS)) + r")\b"
_AREA_AFTER = re.compile(
    r"(?:[ ,]+(?:[a-z]+))?(?: [a-z]+){0,4}? in (?!" + _NOT_AN_AREA + r")"
    r"(?P<area>[a-z][\w-]*(?: (?!and\b|while\b|but\b)[a-z][\w-]*){0,4})"
)
_PLACE_BEFORE = re.compile(r"\s*In " + _PLACE_NAME + r",")
# A named body and its kind before what is counted: "RMT union members", "Labour party members".
_NAMED_BODY = re.compile(r"(?:[A-Z][\w'’&-]* )+(?:union|party|council|committee|army|ministry|agency|group|government|company|federation|league) ")
# "the death toll (from the floods in Libya) has soared to 11,300": a death toll, then within its
# clause a verb of standing or rising and the number (a hedge may stand before it).
_TOLL_PHRASE = re.compile(
    r"\b(?:death )?toll\b[^.;:!?()]{0,80}?\b(?:has |had |have )?(?:rises|rose|risen|rising|soared|soars|surged|surges"
    r"|climbed|climbs|jumped|jumps|reached|reaches|exceeded|exceeds|passed|passes|surpassed|topped|tops|stands|stood|is|was)"
    r"(?: to| past| at| above)?(?P<hedge> (?:over|more than|almost|nearly|at least|about|around|some))? (?P<n>[0-9][0-9,]*[0-9]|[0-9])(?![0-9,.]*[0-9]| ?%| per| percent| (?:thousand|million|deaths|dead|injured|wounded|missing|years?|km|kilomet))"
)
_SUPERSEDED = re.compile(r"\b(?:earlier|previously|initially|had (?:risen|reached|climbed|soared|surged|exceeded|stood))\b")
_TOLL_IN = re.compile(r"(?:[Dd]eath )?toll in (?P<place>[A-Z][\w-]+)(?![\w'’-])")
_ELSEWHERE = re.compile(r"\belsewhere\b")
_LINKING_AFTER = re.compile(r" (?:are|were|is|was|have|has|had) ")
_TOLL_IF = re.compile(r"\b(?:could|would|may|might|expected|expects|fear|fears|feared|likely|anticipate[sd]?)\b")
# An ordinal before these is a moment or an idiom, not a rank the subject holds: "the 23rd minute" is
# when something happened, and which something the ordinal alone does not say.
_ORDINAL_NOT_COUNTED = frozenset(
    "time times place half quarter hand sight glance look priority minute minutes hour hours second seconds "
    "day days week weeks month months year years decade century".split()
    # Which one of a match's or a quake's happenings ("France's first penalty", "the second quake")
    # says when, like a minute; "the first player ever to ..." is a record, which no count's key holds.
    + "penalty penalties kick kicks shot shots attempt round leg period half-time "
      "quake quakes earthquake earthquakes tremor tremors aftershock aftershocks "
      "player players man men woman women person people team side".split()
)
_SINCE_AFTER = re.compile(r"(?: [a-z]+){0,2} since\b")

_QUANTITY_HEDGES = sorted(HEDGES, key=len, reverse=True)
_HEDGE_BEFORE = re.compile(r"(?<![\w'])(" + _alt(_QUANTITY_HEDGES) + r") $")
_TIME_UNITS = frozenset(("day", "week", "month", "year", "decade"))
# Every unit the quantity parser reads, and decades (written as years: the parser has no decade).
_UNIT = re.compile(r"(?P<sep> ?|-)(?P<u>" + alternation(QUANTITY_UNITS | {"decade", "decades"}) + r")(?![\w%])")


def _time_unit(word: str) -> str | None:
    """The singular time unit a unit word names ("yrs" -> "year", "decades" -> "decade"), else None."""
    if word.rstrip("s") in _TIME_UNITS:
        return word.rstrip("s")
    known = UNIT_WORDS.get(word)
    return known.singular if known is not None and known.base == "day" else None


_ATTACHED_T = re.compile(r"t(?![\w])")
_CURRENCY_BEFORE = re.compile(r"(?:(?<![\w.])us ?\$|(?<![\w.])u\.s\. ?\$|\$|£|€|(?<![\w])(?:usd|gbp|eur|jpy|cny|krw|chf)) ?$")
_SUFFIX_BOUND = re.compile(r" or (?:more|less|fewer|above|below)(?![\w])")
_RATE = re.compile(
    r"(?P<mat> of (?:[a-z][a-z'-]* ){0,2}?[a-z][a-z'-]*)?"
    r"(?P<rate> (?:a|an|per|each|every) (?:year|month|week|day|annum)| annually| yearly| monthly| weekly"
    r"| daily| ?/ ?(?:year|yr|month|week|day))(?![\w])(?! (?:ago|earlier|later|before|after|since|old)\b)"
)
_MATERIAL = re.compile(r" of ((?:[a-z][a-z'-]* ){0,2}[a-z][a-z'-]*)")
_RANGE_SECOND = re.compile(r"(?:[0-9]|\b(?:" + _alt(set(SMALL) | set(TENS)) + r"))(?: ?- ?| to | and )(?:[$£€] ?)?$")
_REDUCTION = re.compile(
    r"\b(?:cut|cuts|cutting|reduc\w*|shave[sd]?|shaving|slash\w*|decreas\w*|trim|trims|trimmed|trimming"
    r"|declin\w*|drop|drops|dropped|fell|fall|falls|falling|down|lower|lowers|lowered|lowering)\b"
)
_ADOPTION = re.compile(
    r"\b(?:adopt\w*|approv\w*|pass|passed|passes|passing|passage|vote|voted|votes|voting"
    r"|impos(?:ed|es|ing|ition))\b"
)
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\buntil|\bno later than|\bnot later than) (?:the )?$")

_NUMBER_WORDS = set(SMALL) | set(TENS) | {"a", "an", "half", "hundred"}
_NUMBER_START = re.compile(r"(?<![\w.,/:])(?<![a-z]-)[0-9]|\b(?:" + _alt(_NUMBER_WORDS) + r")\b")
_ORDINAL = re.compile(
    r"\b(?:(?:" + _alt(TENS) + r")-)?(?:" + _alt(ORDINAL_WORDS) + r")\b|(?<![\w.,])[0-9]{1,4}(?:st|nd|rd|th)\b"
)
_WORD = re.compile(r"[a-z][a-z'-]*")

# --- votes ---------------------------------------------------------------------------------------

_VOTE_NUMBER = r"(?:[0-9]{1,3}|" + _alt(list(SMALL) + list(TENS)) + r"|nothing|none|nil)"
_TALLY = re.compile(
    rf"(?<![\w.,$£€-]){_VOTE_NUMBER}(?: ?-to- ?| ?- ?| to ){_VOTE_NUMBER}(?:(?: ?-to- ?| ?- ?| to ){_VOTE_NUMBER})?"
    rf"(?:,? with {_VOTE_NUMBER} abstentions?)?(?![\w-])"
)
_IN_FAVOUR = re.compile(
    rf"(?<![\w.,$£€-])(?:with )?{_VOTE_NUMBER}(?: votes?)? in favou?r(?:,? (?:and )?{_VOTE_NUMBER}(?: votes?)? against)?"
    rf"(?:,? (?:and |with )?{_VOTE_NUMBER} abstentions?)?(?![\w-])"
)
# One part of a tally stated on its own: "33 countries abstained", "35 abstentions", "143 nations
# voting in favour", "148 MPs voted against", "211 Tory MPs voted that they had confidence", "148
# MPs voted no confidence". "For" and a bare "against" need the verb ("voted for the resolution",
# "the 5 against" read other ways). One word may stand before the voters ("Tory MPs"), and the whole
# after the part ("211 out of 359 MPs voted in favour"). "Backed", "opposed" and the like need a vote
# elsewhere in the sentence.
_VOTER_NOUNS = r"(?:countries|nations|states|member states|members|mps|lawmakers|legislators|senators|delegations|deputies)"
_VOTERS = rf"(?: (?:of (?:the|his|her|their|its) )?(?:[a-z]+ )?{_VOTER_NOUNS})?"
_CONFIDENCE = r"(?:that (?:they|it) (?:had|has) )?"
_VOTE_PART = re.compile(
    rf"(?<![\w.,$£€-])(?P<n>{_VOTE_NUMBER})(?: (?:out )?of {_VOTE_NUMBER})?{_VOTERS}(?: who)?"
    r" (?:(?:voted|voting|votes?) (?P<side>in favou?r|against)|(?P<backed>backed|supported|opposed|defied|rebelled)"
    rf"|(?:voted|voting|votes?) {_CONFIDENCE}(?P<confidence>no confidence|confidence)\b"
    r"|(?P<favour>in favou?r)|(?P<abstain>abstained|abstaining|abstentions?))(?![\w-])"
)
# A side given by whose support was won or lost: "won the support of 211 MPs", "losing support of 148
# Tory MPs". The voters must be named: "the support of 60 percent" is no tally.
_VOTE_SUPPORT = re.compile(
    r"\b(?P<verb>won|wins|winning|secured|securing|gained|received|had|has|with|lost|losing|loses)(?: the)?"
    rf" (?:support|backing) of (?P<n>{_VOTE_NUMBER})(?: [a-z]+)? {_VOTER_NOUNS}(?![\w-])"
)
_VOTER_NOUN = re.compile(rf"\b{_VOTER_NOUNS}$", re.IGNORECASE)  # the head of a count's noun phrase
_LOSING = frozenset({"lost", "losing", "loses"})
_CLAUSE_MARKS = (" – ", " — ", " - ", ";", ":")
_HYPOTHETICAL = re.compile(r"\b(?:would|could|needed|needs?|required|requires?|necessary|threshold|if|unless)\b")
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b")
_VOTE_CUE = re.compile(
    r"\b(?:vote[sd]?|voting|tally|unanimous(?:ly)?|ballot|abstain\w*|abstention\w*|in favou?r|adopted|approved"
    r"|passed|margin)\b"
)

# --- dates ---------------------------------------------------------------------------------------

_MONTH_WORD = r"(?:" + _alt(_MONTHS_FULL) + r"|(?:" + _alt(_MONTH_ABBR) + r")\.?)"
_M = r"(?P<m>" + _MONTH_WORD + ")"
_M2 = _MONTH_WORD
_D = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[6-9][0-9]{2}|2[01][0-9]{2})"
_WD = r"(?P<wd>" + _alt(_WEEKDAYS_FULL) + r"|(?:" + _alt(_WEEKDAY_ABBR) + r")\.?)"
_PERIOD = r"(?:this|last|next) (?:year|month|week)"
_DATE_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(
        r"(?<![\w-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?:t[0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:z|[+-][0-9]{2}:?[0-9]{2})?)?(?![\w-])")),
    ("full", re.compile(rf"\b(?:{_WD},? )?{_M} {_D},? {_Y}(?![\w-])")),
    ("full", re.compile(rf"\b(?:{_WD},? )?(?:the )?{_D} (?:of )?{_M},? {_Y}(?![\w-])")),
    ("part", re.compile(
        rf"\b(?:the )?(?:end|close|start|beginning|middle) of (?:{_M2} {_Y}|{_Y}|{_PERIOD}|the (?:year|month)|{_M2})(?![\w-])")),
    ("part", re.compile(rf"\b(?:early|mid|late)(?: |-)(?:{_M2} {_Y}|{_Y}|{_PERIOD}|{_M2})(?![\w-])")),
    ("month_year", re.compile(rf"\b{_M},? (?:of )?{_Y}(?![\w-])")),
    ("day", re.compile(rf"\b(?:{_WD},? )?{_M} {_D}(?![\w-])(?!,? ?[0-9])")),
    ("day", re.compile(rf"\b(?:{_WD},? )?(?:the )?{_D} (?:of )?{_M}(?![\w-])(?!,? ?[0-9])")),
    ("relative", re.compile(r"\b(?:earlier )?this (?:year|month|week)\b|\b(?:last|next) (?:year|month|week)\b")),
    ("relative", re.compile(
        r"\btoday(?:'s)?(?![\w-])|\b(?:yesterday|tomorrow|tonight|last night)\b|\bthis (?:morning|afternoon|evening)\b")),
    ("weekday", re.compile(r"\b(?:(?:last|this past) )?(?P<wd>" + _alt(_WEEKDAYS_FULL) + r")\b")),
    ("month", re.compile(r"\b(?:(?P<rel>last|next) )?(?P<m>" + _alt(_MONTHS_FULL) + r")\b")),
    ("year", re.compile(
        rf"\b(?:in|since|during|until|till|through|throughout|by|from|before|after|of) (?P<y>{_Y})(?![\w-])")),
]
_CALENDAR_WORD = re.compile(r"\b(?:" + _alt(_MONTHS_FULL + _MONTH_ABBR + _WEEKDAYS_FULL + _WEEKDAY_ABBR) + r")\b")
_WEEKDAY_PREFIX = re.compile(rf"{_WD},? ")
_FUTURE_WORDS = re.compile(r"\b(?:next|tomorrow|tonight|coming)\b")


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    value: str
    as_written: str
    predicate: str
    of: str | None = None
    qualifiers: tuple[tuple[str, str], ...] | None = None  # set when the finder knows the whole key
    subject: str | None = None  # set when the finder knows whose fact it is (tenure.py: who left)


class _Finder:
    def __init__(self, article: Article, published: dt.date | None) -> None:
        self.article = article
        self.text = article.text
        self.low = _search_text(article.text)
        if isinstance(published, dt.datetime):
            published = published.date()
        self.published = published
        self.ctx = ParseContext(published=published or _CHECK_DAY)
        self.reporters = _reporter_labels(article.paragraphs)
        self._departures: list[Departure] | None = None

    # --- driver ----------------------------------------------------------------------------

    def run(self) -> list[ValueMention]:
        found: list[ValueMention] = []
        for paragraph in self.article.paragraphs:
            try:
                found.extend(self.paragraph(paragraph))
            except RecursionError:  # pragma: no cover - a parser pathology must not stop the run
                continue
        found.sort(key=lambda m: (m.start, m.end))
        return found

    def paragraph(self, p: Paragraph) -> list[ValueMention]:
        b = max(p.body_start, p.start)
        e = min(p.end, len(self.text))
        if b >= e:
            return []
        taken: list[tuple[int, int]] = []
        candidates: list[_Candidate] = []
        for finder in (self.readings, self.departures, self.votes, self.dates, self.toll_phrases, self.numbers):
            for c in finder(b, e, taken):
                if c.start < b or c.end > e or c.start >= c.end or _overlaps(taken, c.start, c.end):
                    continue
                if not self.parses(c.kind, c.value):
                    continue
                candidates.append(c)
                bisect.insort(taken, (c.start, c.end))
        quotes = [(q.open_start, q.close_end) for q in quote_spans(self.text, b, e)]
        turn_quote = p.turn is not None and p.turn not in self.reporters
        starts = [s.start for s in p.sentences]
        mentions = []
        for c in candidates:
            mentions.append(ValueMention(
                kind=c.kind, value=c.value, as_written=c.as_written, start=c.start, end=c.end,
                line=self.article.line_of(c.start), paragraph=p.index,
                evidence=self.evidence(p, starts, c.start, c.end), predicate=c.predicate, of=c.of,
                qualifiers=c.qualifiers, subject=c.subject,
                in_quote=turn_quote or any(qs <= c.start and c.end <= qe for qs, qe in quotes),
            ))
        return mentions

    def evidence(self, p: Paragraph, starts: list[int], start: int, end: int) -> str:
        if not p.sentences:
            return self.text[p.start:p.end].strip()
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        j = max(bisect.bisect_right(starts, max(end - 1, start)) - 1, i)
        first, last = p.sentences[i], p.sentences[j]
        return self.text[first.start:max(last.end, first.end)]

    def parses(self, kind: str, value: str) -> bool:
        if not value or len(value) > 200:
            return False
        try:
            parse_value(kind, value, self.ctx)
        except _PARSE_FAILURES:
            return False
        return True

    def days(self, text: str, kind: str = "date") -> tuple[dt.date, dt.date] | None:
        try:
            value = parse_value(kind, text, self.ctx)
        except _PARSE_FAILURES:
            return None
        return value.first, value.last  # type: ignore[attr-defined]

    def sentence_bounds(self, b: int, e: int, pos: int) -> tuple[int, int]:
        """The stretch of [b, e) around pos up to sentence punctuation (a cheap clause window)."""
        lo = max(b, pos - _WINDOW)
        cut = max(self.low.rfind(". ", lo, pos), self.low.rfind("; ", lo, pos), self.low.rfind("? ", lo, pos))
        start = cut + 2 if cut >= 0 else lo
        hi = min(e, pos + _WINDOW)
        ends = [i for i in (self.low.find(". ", pos, hi), self.low.find("; ", pos, hi), self.low.find("? ", pos, hi)) if i >= 0]
        return start, (min(ends) + 1 if ends else hi)

    def clause_bounds(self, b: int, e: int, pos: int) -> tuple[int, int]:
        """The sentence stretch around pos cut at dashes and semicolons: "148 who voted against –
        32 shy of what was needed" states a cast vote; the need is another clause's."""
        start, end = self.sentence_bounds(b, e, pos)
        before = max(self.low.rfind(mark, start, pos) for mark in _CLAUSE_MARKS)
        after = [i for i in (self.low.find(mark, pos, end) for mark in _CLAUSE_MARKS) if i >= 0]
        return (before + 1 if before >= 0 else start), (min(after) if after else end)

    # --- an event's readings (readings.py) --------------------------------------------------

    def departures(self, b: int, e: int, taken: list[tuple[int, int]]) -> list[_Candidate]:
        """How long a leader lasted after a vote (tenure.py), with who left as the subject."""
        if self._departures is None:
            self._departures = find_departures(self.text, [(s.start, s.end) for s in self.article.sentences])
        return [_Candidate(d.start, d.end, "quantity", d.value, d.as_written, "duration", None, TENURE_KEY, d.person)
                for d in self._departures if b <= d.start and d.end <= e]

    def readings(self, b: int, e: int, taken: list[tuple[int, int]]) -> list[_Candidate]:
        year = self.published.year if self.published else None
        return [_Candidate(r.start, r.end, r.kind, r.value, r.as_written, r.predicate, None, r.qualifiers)
                for r in find_readings(self.text, self.low, b, e, year)]

    # --- votes -----------------------------------------------------------------------------

    def votes(self, b: int, e: int, taken: list[tuple[int, int]]) -> list[_Candidate]:
        low = self.low
        out: list[_Candidate] = []
        tallies: list[tuple[int, int]] = []
        for pattern, needs_cue in ((_IN_FAVOUR, False), (_TALLY, True)):
            for m in pattern.finditer(low, b, e):
                s, t = m.start(), m.end()
                if _overlaps(tallies, s, t):
                    continue
                if needs_cue:
                    after = low[t:t + 30]
                    if _UNIT.match(after) and not re.match(r" votes?\b", after):
                        continue  # "5 to 10 percent" is a range, not a tally
                    if re.search(r"(?:\bfrom|\bbetween|[$£€]) ?$", low[max(b, s - 10):s]):
                        continue
                    cs, ce = self.sentence_bounds(b, e, s)
                    if not (re.match(r" votes?\b", after) or _VOTE_CUE.search(low, cs, ce)):
                        continue
                    numbers = re.findall(r"[0-9]+", m.group())
                    if any(len(n) > 3 for n in numbers):
                        continue
                bisect.insort(tallies, (s, t))
        for m in _UNANIMOUS.finditer(low, b, e):
            if not _overlaps(tallies, m.start(), m.end()):
                bisect.insort(tallies, (m.start(), m.end()))
        parts = self.vote_parts(b, e, tallies)
        merged: list[tuple[int, int]] = []
        for s, t in tallies:
            # "a unanimous 15-0 vote" is one mention.
            if merged and low[merged[-1][1]:s] == " " and low[merged[-1][0]:merged[-1][1]].startswith("unanimous"):
                merged[-1] = (merged[-1][0], t)
            else:
                merged.append((s, t))
        for s, t in merged:
            written = self.text[s:t]
            out.append(_Candidate(s, t, "vote", written, written, "vote"))
        return sorted(out + parts, key=lambda c: c.start)

    def vote_parts(self, b: int, e: int, tallies: list[tuple[int, int]]) -> list[_Candidate]:
        """Parts of a tally stated on their own, written the way the vote parser reads them ("33
        countries abstained" is "33 abstentions"), so they meet the full tallies of other outlets."""
        out: list[_Candidate] = []
        found = [(m, m.start("n")) for m in _VOTE_PART.finditer(self.low, b, e)]
        found += [(m, m.start("n")) for m in _VOTE_SUPPORT.finditer(self.low, b, e)]
        for m, number_at in sorted(found, key=lambda item: item[1]):
            if _overlaps(tallies, m.start(), m.end()) or any(c.start <= number_at < c.end for c in out):
                continue
            if re.search(r"(?:\bout|[0-9]) of $", self.low[max(b, number_at - 8):number_at]) and m.re is _VOTE_PART:
                continue  # "211 out of 359 MPs voted in favour": 359 is the whole, not a side
            if _HYPOTHETICAL.search(self.low, *self.clause_bounds(b, e, number_at)):
                continue  # "it would have required 180 votes against": no vote that was cast
            number = read_number(m.group("n"), 0)
            if number is None or not number.is_integer or number.end != len(m.group("n")):
                continue
            part = self._side(m)
            if m.re is _VOTE_SUPPORT or m.group("favour") or m.group("backed"):
                cs, ce = self.sentence_bounds(b, e, number_at)
                if not (_VOTE_CUE.search(self.low, cs, m.start()) or _VOTE_CUE.search(self.low, m.end(), ce)):
                    continue  # "143 in favour", "the support of 211 MPs" need a vote elsewhere in their sentence
            written = self.text[m.start():m.end()]
            out.append(_Candidate(m.start(), m.end(), "vote", f"{int(number.value)} {part}", written, "vote"))
        return out

    @staticmethod
    def _side(m: re.Match[str]) -> str:
        """Which part of a tally a vote-part match gives."""
        if m.re is _VOTE_SUPPORT:
            return "against" if m.group("verb") in _LOSING else "in favour"
        if m.group("abstain"):
            return "abstentions"
        if m.group("backed"):
            return "in favour" if m.group("backed") in ("backed", "supported") else "against"
        if m.group("confidence"):
            return "against" if m.group("confidence").startswith("no") else "in favour"
        return "against" if (m.group("side") or "") == "against" else "in favour"

    # --- dates -----------------------------------------------------------------------------

    def dates(self, b: int, e: int, taken: list[tuple[int, int]]) -> list[_Candidate]:
        low, text = self.low, self.text
        spans: list[tuple[int, int]] = []  # sorted, disjoint: earlier forms win
        found: dict[int, tuple[int, str, re.Match[str]]] = {}
        for form, pattern in _DATE_FORMS:
            for m in pattern.finditer(low, b, e):
                s, t = m.start(), m.end()
                if form == "year":
                    s = m.start("y")
                if _overlaps(spans, s, t) or _overlaps(taken, s, t):
                    continue
                if not self.date_ok(form, m, s, t, b):
                    continue
                bisect.insort(spans, (s, t))
                found[s] = (t, form, m)
        out: list[_Candidate] = []
        for s, _ in spans:
            t, form, m = found[s]
            written_start = s
            before = low[max(b, s - 3):s]
            possessive = low.startswith("'s", t) or low[max(s, t - 2):t] == "'s"  # "in Wednesday's vote": "in" is the vote's
            if before in ("on ", "in ") and (s - 3 == b or not low[s - 4].isalnum()) and not possessive:
                written_start = s - 3
            as_written = text[written_start:t]
            core = text[s:t]
            if form == "relative" and core.lower().endswith(("'s", "’s")):
                core = core[:-2]
            candidate = self.date_candidate(b, e, s, t, written_start, form, core, as_written)
            if candidate is None and "wd" in m.re.groupindex and m.group("wd") and "m" in m.re.groupindex:
                # "Wed, Nov. 30, 2017" names the wrong weekday: keep the date, drop the weekday.
                weekday = _WEEKDAY_PREFIX.match(low, s, t)
                if weekday:
                    s2 = weekday.end()
                    candidate = self.date_candidate(b, e, s2, t, s2, form, text[s2:t], text[s2:t])
            if candidate is not None:
                out.append(candidate)
        return out

    def date_ok(self, form: str, m: re.Match[str], s: int, t: int, b: int) -> bool:
        text, low = self.text, self.low
        for word in _CALENDAR_WORD.finditer(low, s, t):
            if not text[word.start()].isupper():
                return False  # "may", "march", "sun" in lower case are no dates
        if form in ("day", "month", "month_year", "weekday"):
            nxt = re.match(r" ([A-Za-z][\w'-]*)", text[t:t + 40])
            if nxt and nxt.group(1)[0].isupper() and form in ("month", "weekday"):
                return False  # "April Ryan", "Sunday Times"
        if form == "month" and not m.group("rel"):
            word = m.group("m")
            prev = re.search(r"([a-z-]+) $", low[max(b, s - 20):s])
            prepositioned = bool(prev) and prev.group(1) in (
                "in", "since", "until", "till", "by", "last", "this", "next", "early", "late", "mid", "of",
                "during", "through", "before", "after", "from", "on", "mid-", "end", "between", "and", "or")
            if word in _AMBIGUOUS_MONTHS and not prepositioned:
                return False
        if form == "year":
            # Not a year inside a name or a range of numbers ("Resolution 2371 (2017)", "2016-2017").
            if low[t:t + 1] in ("-", "/") or low[max(0, s - 1):s] in ("(", "#"):
                return False
            if re.search(r"\b(?:rest|remainder|balance|class|spring|summer|autumn|fall|winter) of $", low[max(b, s - 14):s]):
                return False  # "the rest of 2026" is a period, "the Class of 2016" a name
        if form == "day":
            # "March 5 percent": a day number followed by a unit is no date.
            if _UNIT.match(low, t):
                return False
        return True

    def date_candidate(self, b: int, e: int, s: int, t: int, ws: int, form: str, core: str, as_written: str) -> _Candidate | None:
        low = self.low
        deadline_word = bool(_DEADLINE_BEFORE.search(low[max(b, ws - 20):ws]))
        explicit_year = bool(re.search(r"(?<![0-9])[0-9]{4}(?![0-9])", core))
        future_words = bool(_FUTURE_WORDS.search(core.lower()))
        value = core
        checked_kind = "deadline" if deadline_word else "date"
        relative_month = re.match(r"(last|next) (\w+)$", core, re.I) if form == "month" else None
        if relative_month:
            # "last March", "next March": the parser has no such form, so it is always resolved.
            if self.published is None:
                return None
            value = self.month_relative(relative_month.group(1).lower(), relative_month.group(2).lower())
            core = value
        if self.published is not None:
            spoken = self.days(core, checked_kind)
            if spoken is None:
                return None
            if not explicit_year:
                value = self.resolved(core, spoken, checked_kind) or core
            first = spoken[0]
            future = first > self.published
        else:
            future = future_words
        predicate = "deadline" if (deadline_word or future) else self.date_predicate(b, e, ws, t)
        if deadline_word and not self.parses("deadline", value):
            return None
        of = self.event_of(b, ws, t) if predicate == "occurred_on" else None
        return _Candidate(ws, t, "date", value, as_written, predicate, of)

    def month_relative(self, which: str, name: str) -> str:
        """'last March' is the latest March before the current month; 'next March' the first after."""
        assert self.published is not None
        month, year = _MONTHS_FULL.index(name) + 1, self.published.year
        if which == "last":
            year = year if month < self.published.month else year - 1
        else:
            year = year if month > self.published.month else year + 1
        return f"{calendar.month_name[month]} {year}"

    def resolved(self, core: str, spoken: tuple[dt.date, dt.date], kind: str) -> str | None:
        """A plain form naming the same days: a day, a month or a year; None when there is none."""
        first, last = spoken
        options: list[str] = []
        if first == last:
            options.append(first.isoformat())
        elif first.day == 1 and last == dt.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1]):
            options.append(f"{calendar.month_name[first.month]} {first.year}")
        elif (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
            options.append(str(first.year))
        if not core.lower().startswith("earlier"):
            substituted = self.substitute_period(core)
            if substituted is not None:
                options.insert(0, substituted)
            month = re.search(r"\b(" + _alt(_MONTHS_FULL) + r")\b(?!,? ?[0-9])", core, re.I)
            if month and month.start() > 0:  # "the end of June" -> "the end of June 2019"
                options.insert(0, f"{core[:month.end()]} {first.year}{core[month.end():]}")
        for option in options:
            if self.days(option, "date") == spoken and self.days(option, kind) == spoken:
                return option
        return None

    def substitute_period(self, core: str) -> str | None:
        """'end of this year' -> 'end of 2017', 'early next month' -> 'early January 2018'."""
        assert self.published is not None
        low = core.lower()
        match = re.search(r"\b(this|last|next|the) (year|month)\b", low)
        if match is None or match.start() == 0:
            return None
        step = {"this": 0, "the": 0, "last": -1, "next": 1}[match.group(1)]
        if match.group(2) == "year":
            period = str(self.published.year + step)
        else:
            year, month = divmod(self.published.year * 12 + self.published.month - 1 + step, 12)
            period = f"{calendar.month_name[month + 1]} {year}"
        return core[:match.start()] + period + core[match.end():]

    def date_predicate(self, b: int, e: int, s: int, t: int) -> str:
        """adopted_on when an adoption word attaches to the date (a few words either side, same clause)."""
        low = self.low
        before = low[max(b, s - 60):s]
        before = re.split(r"[.;:!?,\"]", before)[-1] if not before.rstrip().endswith(",") else before
        words_before = " ".join(before.split()[-5:])
        after = re.split(r"[.;:!?,\"(]", low[t:min(e, t + 40)])[0]
        words_after = " ".join(after.split()[:2])
        if _ADOPTION.search(words_before) or _ADOPTION.search(words_after):
            return "adopted_on"
        return "occurred_on"

    def event_of(self, b: int, s: int, t: int) -> str | None:
        """A short event phrase for occurred_on: the verb just before the date ("said"), or the
        noun phrase it dates ("nuclear test in September", "a campaign rally in January")."""
        text = self.text[max(b, s - 80):s]
        words = re.findall(r"[A-Za-z][\w'’-]*|[^\w\s]", text)
        if not words:
            return None
        last = words[-1]
        if not last[0].isalpha():
            return None
        lw = last.lower()
        if lw in ("said", "says", "met", "told", "spoke", "began", "held", "took", "made", "announced") or (
            lw.endswith("ed") and len(lw) > 4 and lw not in _STOP
        ):
            return lw
        phrase: list[str] = []
        stopper = None
        for word in reversed(words):
            w = word.lower().replace("’", "'")
            if not word[0].isalpha() or w in _STOP or w.endswith(("'s", "s'")) or w in ORDINAL_WORDS or len(phrase) == 3:
                stopper = w
                break
            if word[0].isupper():
                return None  # a name, not an event
            phrase.insert(0, w)
        if not phrase or stopper is None:
            return None
        if not (stopper in _DETERMINERS or stopper in ("and", "of") or stopper.endswith(("'s", "s'")) or stopper in ORDINAL_WORDS):
            return None
        index = len(words) - len(phrase) - 2
        if stopper in _DETERMINERS and index >= 0 and words[index].lower() == "to":
            return None
        while phrase and phrase[0].endswith("est"):
            phrase.pop(0)
        if not phrase or phrase[-1].endswith(("ed", "ing")):
            return None
        return " ".join(phrase)

    # --- quantities and counts -------------------------------------------------------------

    def numbers(self, b: int, e: int, taken: list[tuple[int, int]]) -> list[_Candidate]:
        low = self.low
        out: list[_Candidate] = []
        ordinals = {m.start(): m for m in _ORDINAL.finditer(low, b, e)}
        claimed_until = b
        positions = sorted({m.start() for m in _NUMBER_START.finditer(low, b, e)} | set(ordinals))
        for pos in positions:
            if pos < claimed_until or _overlaps(taken, pos, pos + 1):
                continue
            try:
                candidate = self.ordinal_at(b, e, pos, ordinals[pos]) if pos in ordinals else None
                if candidate is None:
                    candidate = self.number_at(b, e, pos)
            except _PARSE_FAILURES:  # odd text ("1/0 percent") never stops the finder
                candidate = None
            if candidate is None:
                continue
            if _overlaps(taken, candidate.start, candidate.end):
                continue
            out.append(candidate)
            claimed_until = candidate.end
        return out

    def number_at(self, b: int, e: int, pos: int) -> _Candidate | None:
        low, text = self.low, self.text
        digit = low[pos].isdigit()
        if digit:
            run = re.match(r"[0-9,.]*", low[pos:pos + _MAX_DIGITS + 2]).group()  # type: ignore[union-attr]
            if len(run) > _MAX_DIGITS:
                return None
        if _RANGE_SECOND.search(low, max(b, pos - 24), pos):
            return None  # the second end of a range ("5-10", "15 to 20") is read with the first
        window_end = min(e, pos + (_WINDOW if digit else 80))
        number = read_number(low[pos:window_end], 0)
        if number is None:
            return None
        k = pos + number.end
        if k < window_end and (low[k] in "/:" and k + 1 < e and low[k + 1].isdigit()):
            return None  # 11/30/2016, 10:30
        if digit and pos > 0 and low[pos - 1] == ":":
            return None
        # What comes before: a currency sign, then a hedge.
        currency = _CURRENCY_BEFORE.search(low[max(b, pos - 6):pos])
        lead = pos - (len(currency.group()) if currency else 0)
        # A range: "5-10 percent", "5 to 10 percent", "between 5 and 10 percent".
        second = None
        between = re.search(r"(?<![\w])between $", low[max(b, lead - 8):lead])
        tail = re.match(r" and " if between else r"(?: ?- ?| to )", low[k:k + 5])
        if tail and not re.search(r"(?<![\w])from $", low[max(b, lead - 5):lead]):
            again = _CURRENCY_BEFORE.match(low, k + tail.end()) if currency else None
            start2 = k + tail.end() + (len(again.group()) if again else 0)
            if start2 < window_end and (low[start2].isdigit() or low[start2].isalpha()):
                second = read_number(low[start2:window_end], 0)
                if second is not None:
                    unit_after = _UNIT.match(low, start2 + second.end)
                    if (unit_after or currency) and (second.kind != "fraction"):
                        k2 = start2 + second.end
                    else:
                        second = None
        if second is not None:
            lead = lead - len(between.group()) if between else lead
            k = k2
        if k < len(low) and low[k].isalpha() and not low[k - 1].isalpha():
            attached = _UNIT.match(low, k) or (digit and _ATTACHED_T.match(low, k))
            if not attached:
                return None  # "3d", "2nd" (ordinals are read elsewhere)
        hedge = None if between and second is not None else _HEDGE_BEFORE.search(low[max(b, lead - 30):lead])
        unit = _UNIT.match(low, k)
        if unit is None and digit and _ATTACHED_T.match(low, k):
            unit = _ATTACHED_T.match(low, k)
        if unit is not None and unit.group(0).startswith("-") and _time_unit(unit.groupdict().get("u", "")) is None:
            unit = None
        if currency or unit is not None:
            return self.quantity(b, e, pos, lead, k, number, second, currency, hedge, unit)
        if number.kind == "fraction":
            of = re.match(r" of ", low[k:k + 4])
            by = re.search(r"\bby $", low[max(b, pos - 4):pos])
            if not (of or by) or second is not None:
                return None  # a fraction measures a share ("a third of ...", "cut by a third")
            start = hedge.start() + max(b, lead - 30) if hedge else pos
            value = text[start:k]
            target = self.of_phrase(b, e, k + 4) if of else None
            return _Candidate(start, k, "quantity", value, value, self.amount_predicate(b, e, start, k), target)
        if second is not None:
            return None
        return self.count(b, e, pos, k, number, hedge, lead)

    def quantity(self, b, e, pos, lead, k, number, second, currency, hedge, unit) -> _Candidate | None:  # noqa: ANN001
        low, text = self.low, self.text
        unit_word = ""
        if unit is not None:
            unit_word = unit.group("u") if "u" in unit.re.groupindex else unit.group()
        time_unit = _time_unit(unit_word)
        if second is not None and (time_unit == "decade" or (unit is not None and unit.group().startswith("-"))):
            return None  # "5-10 decades", "5-10-year": not worth rewriting
        start = lead
        if hedge is not None:
            if time_unit and hedge.group(1) in ("over", "under", "above", "below"):
                hedge = None  # "over two days" is a span of time, not a bound
            else:
                start = max(b, lead - 30) + hedge.start()
        end = unit.end() if unit is not None else k
        value = text[start:end]
        if unit is not None and unit.group(0).startswith("-"):  # "24-month", "two-day"
            value = text[start:unit.start()] + " " + self._plural(number, time_unit or unit_word)
        if time_unit == "decade":
            years = self._decades_to_years(text[pos:k], number)
            if years is None:
                return None
            value = text[start:pos] + years + " years"
        of = None
        rest_start = end
        bound = _SUFFIX_BOUND.match(low, end)
        if bound and hedge is None and second is None:
            value += text[end:bound.end()]
            end = rest_start = bound.end()
        if time_unit is None:
            rate = _RATE.match(low, end)
            if rate:
                if rate.group("mat"):
                    of = text[rate.start("mat") + 4:rate.end("mat")].strip()
                value += text[rate.start("rate"):rate.end("rate")]
                end = rest_start = rate.end()
            else:
                material = _MATERIAL.match(low, end)
                if material:
                    target = self.of_phrase(b, e, material.start(1))
                    of = target
        if of is None:
            of = self.quantity_of(b, e, start, rest_start, time_unit is not None)
        predicate = "duration" if time_unit else self.amount_predicate(b, e, start, end)
        candidate = _Candidate(start, end, "quantity", value.strip(), text[start:end], predicate, of)
        if not self.parses("quantity", candidate.value) and hedge is not None:
            # A hedge the parser does not take: report the number without it.
            plain = value[lead - start:]
            candidate = _Candidate(lead, end, "quantity", plain.strip(), text[lead:end], predicate, of)
        return candidate

    @staticmethod
    def _plural(number, unit: str) -> str:  # noqa: ANN001
        one = number.value == 1
        return unit if one else unit + "s"

    @staticmethod
    def _decades_to_years(written: str, number) -> str | None:  # noqa: ANN001
        """'two decades' -> '20', '1.5 decades' -> '15': the same interval, in years (the quantity
        parser has no decade; times ten keeps the implied precision)."""
        if number.kind == "digits" and number.multiplier == 1:
            try:
                years = Decimal(number.digits) * 10
            except InvalidOperation:
                return None
            return format(years.normalize(), "f")
        if number.kind == "words" and number.is_integer:
            return str(int(number.value) * 10)
        return None

    def amount_predicate(self, b: int, e: int, start: int, end: int) -> str:
        low = self.low
        before = re.split(r"[.;:!?\"]", low[max(b, start - 50):start])[-1]
        after = re.split(r"[.;:!?,\"]", low[end:min(e, end + 30)])[0]
        if re.search(r"\bto $", before):
            return "amount"  # "cut to 500,000 barrels", "fall to $4.5 million": the level reached
        if _REDUCTION.search(" ".join(before.split()[-5:])) or _REDUCTION.search(" ".join(after.split()[:3])):
            return "reduction"
        return "amount"

    def quantity_of(self, b: int, e: int, start: int, end: int, duration: bool) -> str | None:
        """What the amount measures, when the text says so right after it or just before it."""
        low, text = self.low, self.text
        after = low[end:min(e, end + 60)]
        m = re.match(r"(?: [a-z-]+){0,2}? (?:reduction|reductions|cut|cuts|increase|decrease|decline|drop|rise|share|stake|fall)"
                     r" (?:of|in) ", after)
        if m:
            return self.of_phrase(b, e, end + m.end())
        m = re.match(r" (?:of|from|in|on) (?=[a-z'])", after) if not duration else re.match(r" of (?=[a-z'])", after)
        if m and not re.match(r" (?:in|on) (?:the )?(?:" + _alt(_MONTHS_FULL + _WEEKDAYS_FULL) + r"|[0-9])", after):
            return self.of_phrase(b, e, end + m.end())
        before = text[max(b, start - 60):start]
        m = re.search(r"\b(?:cut|cuts|cutting|reduc\w*|slash\w*|trim\w*|lower\w*|rais\w*|increas\w*) "
                      r"((?:[\w'’-]+ ){1,4})by $", before, re.I)
        if m:
            words = m.group(1).split()
            while words and words[0].lower() in _DETERMINERS:
                words.pop(0)
            if words and not any(w.lower() in _STOP for w in words):
                return " ".join(words)
        m = re.search(r"((?:[a-z][\w-]* ){1,2})worth $", before)
        if m:
            words = [w for w in m.group(1).split() if w.lower() not in _STOP]
            if words and len(words) == len(m.group(1).split()):
                return " ".join(words)
        if duration:
            m = re.search(r"\b([A-Za-z][\w-]*) (?:lasted|last|lasting|took|takes|take)(?: for| over)? $", before)
            if m and m.group(1).lower() not in _STOP:
                return m.group(1).lower() if m.group(1)[1:].islower() else m.group(1)
        return None

    def of_phrase(self, b: int, e: int, at: int) -> str | None:
        """The phrase at `at` up to the end of its clause, without its article or possessor."""
        text = self.text
        chunk = text[at:min(e, at + 160)]
        chunk = re.split(r"[.;:!?()\"“”]|\s[—–-]\s|\s--\s", chunk)[0]
        words: list[str] = []
        split = chunk.split(" ")
        for i, word in enumerate(split):
            w = word.lower().strip(",")
            if words and (w in _PHRASE_END or w in _MONTHS_FULL or any(ch.isdigit() for ch in w) or w in _CLAUSE_VERBS):
                break
            if words and w.endswith("ed") and words[-1].lower().endswith("s"):
                break  # "80 per cent of trains cancelled": what was cancelled is the trains
            following = split[i + 1].lower() if i + 1 < len(split) else ""
            if words and w in ("and", "or") and following in _DETERMINERS:
                break  # "coal and a ..." starts a new phrase
            words.append(word)
        while len(words) > 1 and words[-1].lower() in _DETERMINERS | {"and", "or"}:
            words.pop()  # "coal and a ..." stops before "and a"
        phrase = " ".join(words).strip(" ,")
        if "," in phrase:
            last = phrase.rsplit(",", 1)[1]
            if not re.search(r"\b(?:and|or)\b", last):
                phrase = phrase.split(",", 1)[0]
        phrase = _LEADING_DETERMINER.sub("", _LEADING_ALL.sub("", phrase))
        possessor = re.match(r"^(?:[\w.-]+ ){0,3}?[\w.-]+['’]s? ", phrase)
        if possessor and re.search(r"['’]s? $", possessor.group()):
            phrase = phrase[possessor.end():]
        phrase = phrase.strip(" ,")
        if not phrase or len(phrase.split()) > 12 or not phrase[0].isalpha():
            return None
        if phrase.split()[0].lower() in _STOP or phrase.split()[-1].lower() in _TIME_WORDS:
            return None  # "from last year", "in this way", "on the year": no thing measured
        return phrase

    def count(self, b: int, e: int, pos: int, k: int, number, hedge, lead: int) -> _Candidate | None:  # noqa: ANN001
        low = self.low
        if number.kind == "fraction" or not number.is_integer or number.value < 0:
            return None
        written = low[pos:k]
        if number.kind == "digits":
            if "," not in written and "." not in written and 1000 <= number.value <= 2999 and not self._counts_people(k, e):
                return None  # a year ("2059 people were injured" is no year)
            if self._in_name(b, pos):
                return None
            if "." in written:
                return None
        if low[k:k + 1] == "-" or low[k:k + 2] in ("'s",):
            return None
        prev = re.search(r"([a-z']+) $", low[max(b, pos - 20):pos])
        prev_word = prev.group(1) if prev else ""
        first_word = written.split(" ")[0].split("-")[0]
        if first_word in ("one", "a", "an"):
            if prev_word in ("no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"):
                return None
        toll_noun = _TOLL_NOUN.match(low, k, e)
        if toll_noun is not None:  # "237 deaths", "9,249 injured", "47 fatalities"
            of = f"people {TOLL_NOUNS[toll_noun.group(1)]}"
            n_end = toll_noun.end()
        else:
            noun = self.noun_phrase(low, k, e)
            if noun is None:
                state = self._toll_after(k, e) if _LINKING_AFTER.match(low, k, e) else None
                if state is None:
                    return None
                # "around 6,000 are missing", "23 were killed": the count is of people
                return self._count_candidate(b, e, pos, k, lead, hedge, f"people {state}", k)
            n_start, n_end, words = noun
            if words[0] in _NOT_COUNTED or (first_word in ("one", "a", "an") and words[0] in _ONE_IDIOMS):
                return None
            of = self.counted(words, b, pos, n_start, n_end, e)
            if _VOTER_NOUN.search(of) and _VOTE_CUE.search(low, *self.sentence_bounds(b, e, pos)):
                return None  # "359 MPs", "Four countries joined Russia in voting against": which side, if any, is unclear
        return self._count_candidate(b, e, pos, k, lead, hedge, of, n_end)

    def _count_candidate(self, b: int, e: int, pos: int, k: int, lead: int, hedge, of: str, n_end: int) -> _Candidate | None:  # noqa: ANN001
        """The count at [pos, k) of `of`, with its hedge; a toll when `of` names one (see count)."""
        low, text = self.low, self.text
        start = pos
        if hedge is not None:
            start = max(b, lead - 30) + hedge.start()
        value = text[start:k]
        if not self.parses("count", value):
            start, value = pos, text[pos:k]
        state = of.rsplit(" ", 1)[-1]
        if state in _TOLLS:
            clause_start, _ = self.sentence_bounds(b, e, pos)
            if _TOLL_IF.search(low, max(clause_start, pos - 40), pos):
                return None  # "the toll could exceed 2,000 dead": a fear, not a count
            # A toll is a running figure (predicate `toll`, compared only on the same day), and
            # where it was counted is part of the fact: "1,602 in Syria" is not "3,549 in Turkey".
            place = self.toll_place(b, e, pos, n_end)
            qualifiers = (("of", of), ("in", place)) if place else (("of", of),)
            return _Candidate(start, k, "count", value, value, "toll", of, qualifiers)
        return _Candidate(start, k, "count", value, value, "count", of)

    def _counts_people(self, k: int, e: int) -> bool:
        """Whether the number at ..k is followed by people and what happened to them ("2059 people
        were injured", "1404 were seriously injured", "2012 deaths"): a toll, never a year."""
        if _TOLL_NOUN.match(self.low, k, e):
            return True
        after = re.match(r" (?:people |persons )?(?:were|are|have been|had been)(?: \w+ly)? (\w+)", self.low[k:min(e, k + 50)])
        return bool(after and after.group(1) in CASUALTY_STATES)

    def toll_phrases(self, b: int, e: int, taken: list[tuple[int, int]]) -> list[_Candidate]:
        """A death toll said to stand at a number: "the death toll in Derna has soared to 11,300",
        "the toll had risen to over 11,300", "death toll rises to 2012". The number has no noun of
        its own, so the count finder cannot tell it is a toll; a four-digit figure here is no year."""
        out: list[_Candidate] = []
        for m in _TOLL_PHRASE.finditer(self.low, b, e):
            pos, k = m.start("n"), m.end("n")
            if _overlaps(taken, pos, k) or not re.fullmatch(r"[0-9][0-9,]*", self.low[pos:k]):
                continue
            clause_start, _ = self.sentence_bounds(b, e, m.start())
            if _TOLL_IF.search(self.low, clause_start, pos):
                continue  # "the toll could exceed 2,000": a fear, not a count
            if _SUPERSEDED.search(self.low, clause_start, pos):
                continue  # "had announced earlier that the toll had risen to 1037": a figure since replaced
            if re.fullmatch(r"[1-9]0*,?000", self.low[pos:k]) and not m.group("hedge"):
                continue  # "toll rises to 2,000": a milestone the figure passed, not the figure
            start = m.start("hedge") + 1 if m.group("hedge") else pos
            value = self.text[start:k]
            if not self.parses("count", value):
                continue
            named = _TOLL_IN.match(self.text, m.start(), pos)  # "the death toll in Turkey has exceeded 1,760"
            place = self.toll_place(b, e, pos, k) or (named.group("place") if named else None)
            qualifiers = (("of", "people killed"), ("in", place)) if place else (("of", "people killed"),)
            out.append(_Candidate(start, k, "count", value, value, "toll", "people killed", qualifiers))
        return out

    def toll_place(self, b: int, e: int, pos: int, end: int) -> str | None:
        """Where a toll was counted, when its clause says: "in Syria" within a few words after it
        ("1,602 people have died in Syria"), else a clause that opens with it ("In Syria, 237
        deaths"). A list of places ("in Aleppo, Hama and Latakia") is no one place: none."""
        after = _PLACE_AFTER.match(self.text, end, min(e, end + 60))
        if after is not None:
            return None if after.group("more") else after.group("place")
        if _ELSEWHERE.search(self.low, pos, min(e, end + 30)):
            return "elsewhere"  # "about 170 people elsewhere in the country": not where the main toll was counted
        area = _AREA_AFTER.match(self.text, end, min(e, end + 80))
        if area is not None:  # "47 fatalities reported in areas controlled by rebels": its own place
            return area.group("area")
        s, _ = self.sentence_bounds(b, e, pos)
        before = _PLACE_BEFORE.match(self.text, s, pos)
        return before.group("place") if before else None

    def counted(self, words: list[str], b: int, pos: int, n_start: int, n_end: int, e: int) -> str:
        """What a count counts: its noun phrase, and for people which toll ("people killed" for "2,053
        people were killed" and "killed at least 820 people"; killed, dead and died are one toll),
        so a desk's killed, injured and missing counts of one event never meet as a conflict."""
        person = next((i for i in range(len(words) - 1, -1, -1) if words[i] in PERSON_NOUNS), None)
        if person is None:
            named = _NAMED_BODY.match(self.text, n_start, n_end)
            # "40,000 RMT union members" are "members", as "50,000 members of the RMT union" are
            return self.text[named.end():n_end] if named and named.end() < n_end else self.text[n_start:n_end]
        found = re.search(r"\b" + re.escape(words[person]) + r"\b", self.low[n_start:n_end])
        end = n_start + found.end() if found else n_end
        state = self._toll_after(end, e) or self._toll_before(b, pos)
        return self.text[n_start:end] + (" " + state if state else "")

    def _toll_after(self, end: int, e: int) -> str | None:
        for word in re.findall(r"[a-z]+", self.low[end:min(e, end + 60)])[:4]:
            if word in CASUALTY_STATES:
                return CASUALTY_STATES[word]
            if word not in LINKING_VERBS:
                return None
        return None

    def _toll_before(self, b: int, pos: int) -> str | None:
        for word in reversed(re.findall(r"[a-z]+", self.low[max(b, pos - 40):pos])[-4:]):
            if word in CASUALTY_STATES:
                return CASUALTY_STATES[word]
            if word not in HEDGE_WORDS:
                return None
        return None

    def _in_name(self, b: int, pos: int) -> bool:
        before = self.text[max(b, pos - 30):pos]
        if re.search(r"[#№/]\s?$", before):
            return True
        m = re.search(r"([A-Za-z][\w.'’-]*)\s$", before)
        if not m:
            return False
        word = m.group(1)
        if word.endswith(("'s", "’s", "s'", "s’")):
            return False  # "the Council's 15 members"
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,3}\.", word):
            return False  # "... of Internal Affairs. 2059 people": a sentence ended before the number
        lw = word.lower().rstrip(".")
        if lw in _NAME_WORDS:
            return True
        return word[0].isupper() and lw not in _CAPITALISED_OK

    def noun_phrase(self, low: str, k: int, e: int) -> tuple[int, int, list[str]] | None:
        """Up to three words after k that make a noun phrase: 'bank account', 'nuclear test'."""
        words: list[str] = []
        start = end = None
        i = k
        while len(words) < 3:
            if i >= e or low[i] != " ":
                break
            m = _WORD.match(low, i + 1, e)
            if m is None:
                break
            w = m.group().strip("'-")
            if not w or w in _STOP or w.split("-")[0] in _NUMBER_WORDS or w in ORDINAL_WORDS or w.endswith("ly"):
                break
            if words and w.endswith(("ed", "ing")) and not (w.endswith("ing") and self._plural_follows(low, m.end(), e)):
                break  # "13 train operators walking out"; but "13 train operating companies" is one noun
            if not words and w.endswith("ing") and re.match(r" [0-9]", low[m.end():m.end() + 2]):
                return None  # "one measuring 6.3", "two weighing 5 tons": a participle, not a counted noun
            if words and self.text[m.start()].isupper() and not self.text[start].isupper():  # type: ignore[index]
                break
            if start is None:
                start = m.start()
            words.append(w)
            end = m.start() + len(w)
            i = m.end()
            if low[i:i + 1] not in (" ",):
                break
        if not words or start is None or end is None:
            return None
        if words[0].endswith("ed") and len(words) == 1:
            return None  # "15 voted", "three agreed"
        return start, end, words

    @staticmethod
    def _plural_follows(low: str, at: int, e: int) -> bool:
        """Whether a plural noun comes next: an -ing word before one modifies it ("operating companies")."""
        after = _WORD.match(low, at + 1, e) if low[at:at + 1] == " " else None
        word = after.group().strip("'-") if after else ""
        return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _STOP

    def ordinal_at(self, b: int, e: int, pos: int, m: re.Match[str]) -> _Candidate | None:
        low, text = self.low, self.text
        try:
            read = read_ordinal(low[pos:min(e, pos + 40)], 0)
        except ValueParseError:  # "1th" has the wrong suffix
            return None
        if read is None:
            return None
        k = pos + read[1]
        if k != m.end():
            return None
        if not re.search(r"(?:\b" + _DETERMINER + r"|'s|s') $", low[max(b, pos - 30):pos]):
            return None
        if text[pos].isupper() and not re.search(r"(?:^|[.!?\"“]\s?)$", text[max(b, pos - 4):pos]) and pos != b:
            return None  # "the Fifth Committee", "First Lady"
        skip = re.match(r"(?: and [a-z][a-z-]*|, [a-z][a-z-]*,)", low[k:k + 40])
        after = k + (skip.end() if skip else 0)
        noun = self.noun_phrase(low, after, e)
        if noun is None or noun[2][0] in _ORDINAL_NOT_COUNTED or noun[2][-1] in _ORDINAL_NOT_COUNTED:
            return None
        if _SINCE_AFTER.match(low, noun[1], e):
            return None  # "the first world title since 1986" ranks from a date, not among all titles
        n_start, n_end, _ = noun
        value = text[pos:k]
        return _Candidate(pos, k, "count", value, value, "ordinal", text[n_start:n_end])


# --- helpers -------------------------------------------------------------------------------------


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted, disjoint spans?"""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1  # type: ignore[arg-type]
    for j in (i, i + 1):
        if 0 <= j < len(spans):
            s, t = spans[j]
            if s < end and start < t:
                return True
    return False


def _reporter_labels(paragraphs: list[Paragraph]) -> set[str]:
    """Turn labels of the programme's own voice: 'MICHELE KELEMEN, BYLINE:' and later 'KELEMEN:'."""
    labels: set[str] = set()
    for p in paragraphs:
        if p.turn and is_narrator_role(p.turn_role):
            labels.add(p.turn)
            labels.add(p.turn.split()[-1])
    return labels


def find_values(article: Article, published: dt.date | None) -> list[ValueMention]:
    """Quantities, counts, dates and votes in every paragraph of `article`, in article order.

    `published` anchors relative dates: with it, "on Wednesday" is written "2016-11-30" (the
    words stay in `as_written`); without it, relative dates are kept as written. Every `value`
    parses with `values.parse_value(kind, value, ParseContext(published=...))`.
    """
    return _Finder(article, published).run()
