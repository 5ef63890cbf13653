"""Score a draft claim file (what `factcheck extract` writes) against a gold annotation.

The gold (tests/extract/gold/*.yaml) lists every mention a careful reader finds in one article:
quotes with their speakers, quantities, counts, dates and vote tallies. A draft claim file is
scored by the *values* it states, not by its claim structure, so an extractor is measured on what
it found and read correctly, whatever subjects and predicates it chose:

- numbers, dates and votes match when their parsed canonical values are equal (the project's own
  value parsers, docs/design.md §4), so "89 percent" and "89%" are one mention, "$400 million" and
  "$700 million" are not, and "no more than $400 million" is not "$400 million";
- quotes match by their word tokens (equal, or one a contiguous run of the other covering at least
  90% of the longer one), and `quote+speaker` additionally needs the speaker right after resolving
  both names through the entity registry.

Per kind the result is a KindScore (tp, fp, fn, precision, recall). Gold items marked
`optional: true` count neither for nor against: matched, they are no true positive and the mention
is no false positive; unmatched, they are no false negative.

    gold = load_gold("tests/extract/gold/npr-2017-12-22.yaml")
    registry = load_entity_registry(["claims/entities.yaml"])
    print(format_table({"npr-2017-12-22": score(claim_file, gold, registry)}))
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.registry.entities import EntityRegistry, normalize_mention
from factcheck.values import DateValue, ParseContext, ValueParseError, is_excerpt, parse_value, tokens
from factcheck.extract.claims import UNNAMED_RESOLUTION
from factcheck.extract.tenure import spelled_one
from factcheck.values.base import fold, render_raw
from factcheck.values.numbers import SMALL, TENS
from factcheck.values.deadline import parse_deadline
from factcheck.values.count import parse_count
from factcheck.values.quantity import Quantity, parse_quantity
from factcheck.yamlload import KeyPath, YamlDocument, decode, load_yaml

# The kinds a score reports, in table order. `quote+speaker` is `quote` with the speaker right too.
KINDS: tuple[str, ...] = ("quote", "quote+speaker", "quantity", "count", "date", "vote")
# Gold file sections and the kind (value type) of their items.
SECTIONS: dict[str, str] = {
    "quotes": "quote", "quantities": "quantity", "counts": "count", "dates": "date", "votes": "vote",
}
# Value types of the predicate registry that are scored directly as their own kind.
_DIRECT_TYPES = ("quantity", "count", "date", "vote")
# A quote excerpt still matches when it keeps this share of the longer text's words.
QUOTE_COVERAGE = 0.9

_TOP_KEYS = ("document", "published", *SECTIONS)
_ITEM_KEYS = ("text", "line", "optional", "as_written", "note")
_QUOTE_KEYS = (*_ITEM_KEYS, "speaker")
_DATE_DEADLINE_PREFIXES = ("by ", "no later than ", "not later than ", "on or before ")


class GoldError(ValueError):
    """A gold file that is not usable: its message names the file, the item and what is wrong."""


# ---------------------------------------------------------------------------------------------
# Gold annotations.


@dataclass(frozen=True)
class GoldItem:
    """One mention the article makes, with the key it is matched by."""

    kind: str  # quote | quantity | count | date | vote
    text: str  # parseable text (for quotes: the quoted words)
    line: int  # 1-based line of the raw file where the mention starts
    key: str  # canonical value, or for quotes the space-joined word tokens
    speaker: str | None = None  # quotes only: registry name, plain name, or None when unclear
    optional: bool = False  # borderline: counts neither for nor against
    as_written: str | None = None  # the verbatim text when `text` had to be made parseable

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.key.split())


@dataclass(frozen=True)
class Gold:
    """The gold annotation of one article."""

    path: Path
    document: str  # the raw article, relative to the project root
    published: dt.date  # anchors the article's relative dates
    items: tuple[GoldItem, ...]

    def of_kind(self, kind: str) -> list[GoldItem]:
        return [item for item in self.items if item.kind == kind]

    @property
    def name(self) -> str:
        return self.path.stem


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; GoldError (naming file, line and item) for anything wrong.

    Every non-quote text must parse with the project's parser for its kind and every quote must
    have words, because an item that cannot be matched would silently count as a miss.
    """
    path = Path(path)
    try:
        text, problem = decode(path.read_bytes())
    except OSError as err:
        raise GoldError(f"{path}: cannot read the gold file: {err.strerror or err}") from None
    if problem is not None:
        raise GoldError(f"{path}:{problem.position.line}:{problem.position.column}: {problem.message}")
    doc = load_yaml(text or "")
    if doc.problems:
        issue = doc.problems[0]
        raise GoldError(f"{path}:{issue.position.line}:{issue.position.column}: {issue.message}")
    data = doc.data
    if not isinstance(data, dict):
        raise GoldError(f"{path}: expected a mapping with 'document', 'published' and the mention lists")
    _no_unknown_keys(path, doc, data, _TOP_KEYS, ())
    document = data.get("document")
    if not isinstance(document, str) or not document.strip():
        raise GoldError(f"{_at(path, doc, ('document',))}: 'document' (the raw article's path) is required")
    published = _read_date(path, doc, data.get("published"))
    ctx = ParseContext(published=published)
    items: list[GoldItem] = []
    for section, kind in SECTIONS.items():
        entries = data.get(section)
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise GoldError(f"{_at(path, doc, (section,))}: '{section}' must be a list")
        for index, entry in enumerate(entries):
            items.append(_read_item(path, doc, section, kind, index, entry, ctx))
    return Gold(path, document.strip(), published, tuple(items))


def _read_item(
    path: Path, doc: YamlDocument, section: str, kind: str, index: int, entry: Any, ctx: ParseContext
) -> GoldItem:
    where = (section, index)
    if not isinstance(entry, dict):
        raise GoldError(f"{_at(path, doc, where)}: {section}[{index}]: expected a mapping with 'text' and 'line'")
    _no_unknown_keys(path, doc, entry, _QUOTE_KEYS if kind == "quote" else _ITEM_KEYS, where)
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldError(f"{_at(path, doc, where)}: {section}[{index}]: 'text' is required")
    label = f"{section}[{index}] '{text}'"
    line = entry.get("line")
    if not (isinstance(line, str) and line.isdigit() and int(line) >= 1):
        raise GoldError(f"{_at(path, doc, where + ('line',))}: {label}: 'line' must be a line number (1 or more)")
    optional = _read_bool(path, doc, entry.get("optional"), where + ("optional",), label)
    as_written = entry.get("as_written")
    if as_written is not None and not isinstance(as_written, str):
        raise GoldError(f"{_at(path, doc, where + ('as_written',))}: {label}: 'as_written' must be text")
    speaker = None
    if kind == "quote":
        if "speaker" not in entry:
            raise GoldError(
                f"{_at(path, doc, where)}: {label}: 'speaker' is required "
                "(write null when the text does not make the speaker clear)"
            )
        speaker = entry["speaker"]
        if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
            raise GoldError(f"{_at(path, doc, where + ('speaker',))}: {label}: 'speaker' must be a name or null")
        words = tokens(text)
        if not words:
            raise GoldError(f"{_at(path, doc, where + ('text',))}: {label}: the quote has no words")
        key = " ".join(words)
    else:
        try:
            key = parse_value(kind, text, ctx).canonical()
        except ValueParseError as err:
            raise GoldError(
                f"{_at(path, doc, where + ('text',))}: {label} does not parse as a {kind}: {err}; "
                "write the closest parseable text in 'text' and the verbatim one in 'as_written'"
            ) from None
    return GoldItem(kind, text, int(line), key, speaker, optional, as_written)


def _at(path: Path, doc: YamlDocument, key_path: KeyPath) -> str:
    position = doc.position(key_path)
    return f"{path}:{position.line}"


def _no_unknown_keys(path: Path, doc: YamlDocument, data: dict, allowed: tuple[str, ...], where: KeyPath) -> None:
    for key in data:
        if key not in allowed:
            position = doc.position(where + (key,), key=True)
            inside = f"{where[0]}[{where[1]}]: " if len(where) == 2 else ""
            raise GoldError(
                f"{path}:{position.line}: {inside}unknown key '{key}' (allowed: {', '.join(allowed)})"
            )


def _read_date(path: Path, doc: YamlDocument, raw: Any) -> dt.date:
    where = _at(path, doc, ("published",))
    if not isinstance(raw, str):
        raise GoldError(f"{where}: 'published' (the article's publication date, YYYY-MM-DD) is required")
    try:
        return as_day(raw)
    except ValueError:
        raise GoldError(f"{where}: 'published' must be a date like 2017-12-22, found '{raw}'") from None


def _read_bool(path: Path, doc: YamlDocument, raw: Any, where: KeyPath, label: str) -> bool:
    if raw is None:
        return False
    if isinstance(raw, str) and raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    raise GoldError(f"{_at(path, doc, where)}: {label}: 'optional' must be true or false")


def as_day(value: Any) -> dt.date:
    """A date from a date, a datetime or ISO text (claim files may come from any YAML loader)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.fromisoformat(text).date()


# ---------------------------------------------------------------------------------------------
# Registries.


@functools.lru_cache(maxsize=1)
def default_predicate_types() -> dict[str, str]:
    """Predicate -> value type from the default rule set (rules/predicates.yaml or its shipped copy)."""
    from factcheck.ruleset import default_rules_dir, load_ruleset  # the rule set pulls in every check

    return predicate_types(load_ruleset([default_rules_dir()]).predicates)


def predicate_types(predicates: Any) -> dict[str, str]:
    """Predicate -> value type from a PredicateRegistry, a RuleSet, or a mapping of either form."""
    registry = getattr(predicates, "predicates", predicates)  # a RuleSet carries its registry
    if hasattr(registry, "names") and hasattr(registry, "get"):
        return {name: registry.get(name).type for name in registry.names}
    if isinstance(registry, Mapping):
        return {str(name): str(getattr(spec, "type", spec)) for name, spec in registry.items()}
    raise TypeError(f"expected a predicate registry or a mapping of predicate -> type, got {type(predicates).__name__}")


def load_entity_registry(paths: Iterable[str | Path]) -> EntityRegistry:
    """The entity registry of one or more entities.yaml files, read as `factcheck lint` reads them."""
    from factcheck.corpus import load_corpus

    files = [Path(p) for p in paths]
    root = Path.cwd()
    corpus = load_corpus(files, [], root, root)
    problems = [f"{finding.location.path}:{finding.location.line}: {finding.message}"
                for loaded in corpus.files for finding in loaded.findings]
    wrong = [loaded.display for loaded in corpus.files if loaded.kind != "entities"]
    if wrong:
        problems.append(f"not an entity registry: {', '.join(wrong)}")
    if problems:
        raise ValueError("the entity registry cannot be used:\n  " + "\n  ".join(problems))
    return corpus.entities


def speakers_match(gold: Any, drafted: Any, registry: EntityRegistry) -> bool:
    """Whether a drafted speaker is the gold's: the same entity or name (speaker_key); or, for a gold
    speaker described as a resolution ("UN General Assembly resolution"), the reported resolution,
    which a draft names by the registry's entity or by the placeholder."""
    if speaker_key(gold, registry) == speaker_key(drafted, registry):
        return True
    return _a_resolution(gold) and _is_resolution(drafted, registry)


def _a_resolution(name: Any) -> bool:
    return isinstance(name, str) and normalize_mention(name).split()[-1:] == ["resolution"]


def _is_resolution(name: Any, registry: EntityRegistry) -> bool:
    if not isinstance(name, str) or not name.strip():
        return False
    if name == UNNAMED_RESOLUTION:
        return True
    entity = registry.resolve(name).entity
    return entity is not None and entity.type == "resolution"


def speaker_key(name: Any, registry: EntityRegistry) -> str | None:
    """What a speaker is compared by: the resolved entity, else the normalized name; None for none."""
    if name is None or not str(name).strip():
        return None
    resolution = registry.resolve(str(name))
    if resolution.entity is not None:
        return f"entity:{resolution.entity.id}"
    return f"text:{normalize_mention(str(name))}"


# ---------------------------------------------------------------------------------------------
# Mentions of a claim file.


@dataclass(frozen=True)
class Mention:
    """One value a claim file states, as the kind it is scored as."""

    kind: str  # quote | quantity | count | date | vote
    text: str  # the value as written in the claim file
    claim: str  # the claim's id (or its index) for reports
    key: str | None  # canonical value or quote tokens; None when the value does not parse
    speaker: str | None = None  # quotes: said_by as written
    problem: str | None = None  # why the value does not parse

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.key.split()) if self.key else ()


def claim_mentions(
    claim_file: Mapping[str, Any], published: dt.date, predicates: Mapping[str, str]
) -> list[Mention]:
    """Every scored value of a claim file, in file order.

    Quotes are the claims whose predicate is `quote` (or of type quote). Other claims take their
    kind from the predicate's value type: quantity, count, date and vote directly; a deadline is a
    quantity when it is a duration ("within 24 months" -> "24 months") and a date otherwise ("by
    the end of 2019"); a measure contributes its `amount` (a quantity) and its `deadline`.
    A quantity without a unit that is a whole number ("amount: one") is scored as a count, since
    the gold files unit-less counts under counts. Statements and predicates the registry does not
    know are not scored. A value that does not parse is still a mention (key None): it can only be
    a false positive, of the kind its predicate says.
    """
    if not isinstance(claim_file, Mapping):
        raise TypeError(f"a claim file is a mapping with 'source' and 'claims', got {type(claim_file).__name__}")
    claims = claim_file.get("claims") or []
    if not isinstance(claims, list):
        raise TypeError("the claim file's 'claims' must be a list")
    found: list[Mention] = []
    for index, claim in enumerate(claims):
        if not isinstance(claim, Mapping):
            continue
        claim_id = str(claim.get("id") or f"#{index}")
        predicate = str(claim.get("predicate") or "")
        kind = "quote" if predicate == "quote" else predicates.get(predicate)
        raw = claim.get("value")
        anchor = _anchor(claim.get("as_of"), published)
        if kind == "quote":
            found.append(_quote_mention(raw, claim_id, claim.get("said_by")))
        elif kind in _DIRECT_TYPES:
            found.append(_value_mention(kind, raw, claim_id, ParseContext(published=anchor)))
        elif kind == "deadline":
            found.append(_deadline_mention(raw, claim_id, ParseContext(published=anchor)))
        elif kind == "measure" and isinstance(raw, Mapping):
            ctx = ParseContext(published=anchor)
            if raw.get("amount") is not None:
                found.append(_value_mention("quantity", raw["amount"], claim_id, ctx, parse_quantity))
            if raw.get("deadline") is not None:
                found.append(_deadline_mention(raw["deadline"], claim_id, ctx))
    return found


def _anchor(as_of: Any, published: dt.date) -> dt.date:
    """The day a claim's relative dates count from: its as_of when that is a date, else published."""
    if not as_of:
        return published
    try:
        return as_day(as_of)
    except ValueError:  # not a date: the linter reports it; scoring keeps the article's anchor
        return published


def _quote_mention(raw: Any, claim_id: str, said_by: Any) -> Mention:
    speaker = None if said_by is None else str(said_by)
    words = tokens(raw) if isinstance(raw, str) else []
    if not words:
        return Mention("quote", render_raw(raw), claim_id, None, speaker, "a quote needs words")
    return Mention("quote", raw, claim_id, " ".join(words), speaker)


def _value_mention(
    kind: str, raw: Any, claim_id: str, ctx: ParseContext, parse: Callable[[Any, ParseContext], Any] | None = None
) -> Mention:
    try:
        value = parse(raw, ctx) if parse else parse_value(kind, raw, ctx)
    except ValueParseError as err:
        return Mention(kind, render_raw(raw), claim_id, None, problem=str(err))
    if isinstance(value, Quantity) and _is_bare_whole_number(value):
        # "amount: one" (one bank account) has no unit: it is a count, as the gold files it.
        try:
            return Mention("count", render_raw(raw), claim_id, parse_count(raw, ctx).canonical())
        except ValueParseError:
            pass
    return Mention(kind, render_raw(raw), claim_id, value.canonical())


def _is_bare_whole_number(value: Quantity) -> bool:
    """No unit and a whole stated number ("one", "16"), unlike "a third" or "89 percent"."""
    return value.unit == "" and value.value is not None and float(value.value).is_integer()


def _deadline_mention(raw: Any, claim_id: str, ctx: ParseContext) -> Mention:
    """A duration deadline scores as its duration (a quantity), a date deadline as a date."""
    text = render_raw(raw)
    try:
        deadline = parse_deadline(raw, ctx)
    except ValueParseError as err:
        is_date = isinstance(raw, str) and fold(raw).startswith(_DATE_DEADLINE_PREFIXES)
        return Mention("date" if is_date else "quantity", text, claim_id, None, problem=str(err))
    if deadline.duration is not None:
        return Mention("quantity", text, claim_id, deadline.duration.canonical())
    return Mention("date", text, claim_id, DateValue(deadline.text, deadline.first, deadline.last).canonical())


# ---------------------------------------------------------------------------------------------
# Matching and scores.


@dataclass(frozen=True)
class KindScore:
    """Counts for one kind, and the ratios made from them.

    precision = tp / (tp + fp), and 1.0 when nothing was extracted (no extraction was wrong);
    recall = tp / (tp + fn), and 1.0 when nothing was expected (nothing was missed).
    So an empty draft for an article without such mentions scores 1.0 / 1.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __add__(self, other: KindScore) -> KindScore:
        return KindScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class KindMatch:
    """How one kind matched: which gold items were found, which were missed, what was extra."""

    kind: str
    matched: list[tuple[GoldItem, Mention]] = field(default_factory=list)
    missed: list[GoldItem] = field(default_factory=list)  # required gold items nobody found
    spurious: list[Mention] = field(default_factory=list)  # mentions no gold item took

    @property
    def score(self) -> KindScore:
        tp = sum(1 for item, _ in self.matched if not item.optional)
        return KindScore(tp, len(self.spurious), len(self.missed))


def quote_words_match(extracted: Sequence[str], gold: Sequence[str], coverage: float = QUOTE_COVERAGE) -> bool:
    """Equal words, or one a contiguous run of the other with at least `coverage` of the longer's words.

    Measured against the longer text both ways: an extracted excerpt must keep 90% of the gold's
    words, and an extracted quote that runs on past the quotation marks may add at most ~10%.
    """
    if not extracted or not gold:
        return False
    if tuple(extracted) == tuple(gold):
        return True
    short, long = (extracted, gold) if len(extracted) <= len(gold) else (gold, extracted)
    return len(short) >= coverage * len(long) and is_excerpt(short, long)


def quote_opening_match(extracted: Sequence[str], opening: Sequence[str]) -> bool:
    """Whether an extracted quote is the one a gold names by its first words.

    Some golds (the event sets of bench/events.py) give only a quote's first words: enough to tell
    quotes apart, and not tied to where an extractor ends a quote. The extracted words must start
    with them; an extracted excerpt of the opening still counts, as quote_words_match says.
    """
    if not extracted or not opening:
        return False
    return tuple(extracted[: len(opening)]) == tuple(opening) or quote_words_match(extracted, opening)


# Kinds of mention that state a number as a fact; a gold that files every number with its unit
# (the event sets of bench/events.py) is matched against all of them.
NUMBER_KINDS: tuple[str, ...] = ("quantity", "count", "vote")


def number_words(text: str) -> list[str]:
    """Word tokens with digit runs split from letters ("40km" -> 40, km; thousands separators go
    with tokens), so a number written against its unit is still a word of its own."""
    return [part for token in tokens(text) for part in re.findall(r"\d+(?:\.\d+)*|\D+", token)]


def stated_number_match(stated: str, mention: Mention, ctx: ParseContext) -> bool:
    """Whether a mention states the number of a gold value written as in the article.

    Such a value carries its own words ("Over 1,300", "40km", "magnitude 6.3") and a unit the
    annotator chose, which factcheck's units need not know, so units are not compared. The value
    (else its longest leading run of words that leaves no digit out) is parsed as the mention's
    kind, and the two match when they state the same interval: "over 1,300" is not "1,300", and
    "2 million" is "2 million barrels". A value no such run of which parses ("magnitude 6.3",
    "Just 4 Countries") matches a mention with the same digits in the same order.
    """
    if mention.key is None or mention.kind not in NUMBER_KINDS:
        return False
    own = _as_number(mention.kind, mention.text, ctx)
    gold = _as_number(mention.kind, stated, ctx)
    if gold is None:
        words = number_words(stated)
        for end in range(len(words) - 1, 0, -1):
            if any(ch.isdigit() for word in words[end:] for ch in word):
                break
            gold = _as_number(mention.kind, " ".join(words[:end]), ctx)
            if gold is not None:
                break
    if gold is not None and own is not None:
        return gold == own
    return _digits(stated) == _digits(mention.text) and bool(_digits(stated))


def _as_number(kind: str, text: str, ctx: ParseContext) -> object | None:
    """What a number is compared by: a quantity's interval (its unit left out), else the canonical value.
    "A week" is one week, as the drafter writes it (extract/tenure.py)."""
    try:
        value = parse_value(kind, spelled_one(text), ctx)
    except ValueParseError:
        return None
    return value.interval if isinstance(value, Quantity) else value.canonical()


def _digits(text: str) -> list[str]:
    """The numbers a text states, in order, a small number word as its digits ("five voted
    against" states 5, as a drafted "5 against" does)."""
    return [str(SMALL.get(word, TENS.get(word, word))) for word in number_words(text)
            if word[:1].isdigit() or word in SMALL or word in TENS]


def match(
    claim_file: Mapping[str, Any],
    gold: Gold,
    registry: EntityRegistry,
    predicates: Mapping[str, str] | Any | None = None,
) -> dict[str, KindMatch]:
    """Match a claim file's mentions to the gold, per kind (see score); the details behind the counts."""
    types = default_predicate_types() if predicates is None else predicate_types(predicates)
    mentions = claim_mentions(claim_file, gold.published, types)

    def of(kind: str) -> list[Mention]:
        return [m for m in mentions if m.kind == kind]

    def same_speaker(item: GoldItem, mention: Mention) -> bool:
        return speakers_match(item.speaker, mention.speaker, registry)

    def same_words(item: GoldItem, mention: Mention) -> bool:
        return quote_words_match(mention.words, item.words)

    results = {
        "quote": pair_greedily("quote", gold.of_kind("quote"), of("quote"), same_words),
        "quote+speaker": pair_greedily(
            "quote+speaker", gold.of_kind("quote"), of("quote"),
            lambda item, mention: same_words(item, mention) and same_speaker(item, mention),
        ),
    }
    for kind in ("quantity", "count", "date", "vote"):
        results[kind] = pair_greedily(kind, gold.of_kind(kind), of(kind), lambda item, mention: item.key == mention.key)
    return results


def score(
    claim_file: Mapping[str, Any],
    gold: Gold,
    registry: EntityRegistry,
    predicates: Mapping[str, str] | Any | None = None,
) -> dict[str, KindScore]:
    """Score a draft claim file against a gold annotation: a KindScore per kind of KINDS.

    `registry` resolves speakers; `predicates` gives each predicate's value type (a mapping
    predicate -> type, a PredicateRegistry or a RuleSet; default: the default rule set).
    Dates are parsed relative to the gold's `published` date, or the claim's own `as_of`.
    """
    return {kind: result.score for kind, result in match(claim_file, gold, registry, predicates).items()}


def pair_greedily(
    kind: str, items: list[GoldItem], mentions: list[Mention], same: Callable[[GoldItem, Mention], bool]
) -> KindMatch:
    """Each gold item takes the first free mention that matches it, in order.

    Required items choose first, so an optional item never takes the mention a required one
    needs; unparseable mentions match nothing.
    """
    result = KindMatch(kind)
    free = [m for m in mentions if m.key is not None]
    result.spurious.extend(m for m in mentions if m.key is None)
    for item in sorted(items, key=lambda i: i.optional):  # stable: file order within each group
        found = next((m for m in free if same(item, m)), None)
        if found is not None:
            free.remove(found)
            result.matched.append((item, found))
        elif not item.optional:
            result.missed.append(item)
    result.spurious.extend(free)
    return result


def total(results: Mapping[str, Mapping[str, KindScore]]) -> dict[str, KindScore]:
    """Sum of the counts over articles (micro-average: ratios are recomputed from the sums)."""
    summed: dict[str, KindScore] = {}
    for scores in results.values():
        for kind, kind_score in scores.items():
            summed[kind] = summed.get(kind, KindScore()) + kind_score
    return summed


def format_table(results: Mapping[str, Mapping[str, KindScore]]) -> str:
    """Plain-text tables, one per article (results: article name -> scores) and one for the total."""
    blocks = [_table(name, scores) for name, scores in results.items()]
    if results:
        blocks.append(_table("total", total(results)))
    return "\n\n".join(blocks) + "\n"


def _table(title: str, scores: Mapping[str, KindScore]) -> str:
    kinds = [k for k in KINDS if k in scores] + [k for k in scores if k not in KINDS]
    width = max([len("kind"), *map(len, kinds)])
    header = f"{'kind':<{width}}  {'tp':>4}  {'fp':>4}  {'fn':>4}  {'precision':>9}  {'recall':>6}"
    lines = [title, header, "-" * len(header)]
    for kind in kinds:
        s = scores[kind]
        lines.append(
            f"{kind:<{width}}  {s.tp:>4}  {s.fp:>4}  {s.fn:>4}  {s.precision:>9.3f}  {s.recall:>6.3f}"
        )
    return "\n".join(lines)
