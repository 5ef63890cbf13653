"""Quote and statement similarity through indexes gives exactly what comparing all pairs gives.

FC104, FC105 and FC201's statement support find their pairs through indexes (distinct wordings,
three-word runs, (negations, numbers) groups with a batch fuzzy scan). Each is checked here against
a reference written to be obviously right: every pair of claims, compared with the relation the
contract states. The corpora are generated ones (bench/generate.py) with hand-made and mutated
claims added: numbers, negations, excerpts, one word changed, very short quotes, duplicates from
sources of one outlet, primary and opinion sources.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import itertools
import random
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from factcheck.assertions import Assertion
from factcheck.checks import misattributed_quote, quote_drift
from factcheck.context import RELATED_LIMIT, RuleContext, pair_finding, placement_key, short
from factcheck.pipeline import LintOptions, run_lint
from factcheck.quote_index import QuoteIndex, candidate_pairs
from factcheck.values import ParseContext, ValueParseError
from factcheck.values import text as text_module
from factcheck.values.numbers import read_number, read_ordinal
from factcheck.values.text import (
    _at_boundary,
    _digit_run,
    forms_agree,
    parse_text,
    quote_relation,
    statement_form,
    statement_form_of_tokens,
    tokens,
    word_diff,
)

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate_similarity", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate = _generator()


# ---------------------------------------------------------------------------------------------
# References: every pair, the relation as the contract states it.


def reference_supported(ctx: RuleContext, threshold: float) -> set[tuple[str, str]]:
    """A statement is supported when another statement of its subject, predicate and qualifiers
    agrees with it (forms_agree) and comes from a source that supports it."""
    analysis = ctx.analysis
    buckets: dict[tuple[object, ...], list[Assertion]] = defaultdict(list)
    for a in ctx.assertions:
        if a.value_type == "text" and a.subject is not None:
            buckets[(a.subject, a.predicate, a.qualifiers)].append(a)
    supported = set()
    for members in buckets.values():
        forms = [statement_form(a.value.text) for a in members]
        for i, a in enumerate(members):
            for j, b in enumerate(members):
                if i == j or forms[i] is None or forms[j] is None:
                    continue
                if forms_agree(forms[i], forms[j], threshold) and analysis._supports(b, a):
                    supported.add((a.source.id, a.claim))
    return supported


def _runs(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {words[i : i + 3] for i in range(len(words) - 2)}


def reference_pairs(quotes: list[Assertion]) -> list[tuple[int, int]]:
    """Pairs of quotes with the same (non-empty) tokens or a shared run of three tokens."""
    words = [tuple(q.value.tokens) for q in quotes]
    runs = [_runs(w) for w in words]
    return [
        (i, j)
        for i in range(len(quotes))
        for j in range(i + 1, len(quotes))
        if (words[i] and words[i] == words[j]) or runs[i] & runs[j]
    ]


def _one_per_claim(found: list[tuple[Assertion, Assertion, str]]) -> list[tuple[Assertion, Assertion, str, list[Assertion]]]:
    """Every pair of a claim reported at, as one: the pair whose other claim came first, then the
    other claims of the rest, earliest first (the contract: findings grow with claims, not pairs)."""
    order: list[tuple[str, str]] = []
    by_at: dict[tuple[str, str], list[tuple[Assertion, Assertion, str]]] = {}
    for at, other, relation in found:
        key = (at.source.id, at.claim)
        if key not in by_at:
            order.append(key)
        by_at.setdefault(key, []).append((at, other, relation))
    out = []
    for key in order:
        items = sorted(by_at[key], key=lambda item: placement_key(item[1]))
        at, other, relation = items[0]
        rest: list[Assertion] = []
        for _, o, _ in items[1:]:
            if o is not other and all(o is not r for r in rest):
                rest.append(o)
        out.append((at, other, relation, rest))
    return out


def _also(rest: list[Assertion], lead: str) -> tuple[tuple, str]:
    if not rest:
        return (), ""
    shown = tuple(a.location for a in rest[: RELATED_LIMIT - 1])
    if len(rest) <= 3:
        return shown, f"; {lead} " + ", ".join(short(a) for a in rest)
    return shown, f"; {lead} {len(rest)} more claims"


def reference_fc104(quotes: list[Assertion], near: float = 85.0) -> list[tuple]:
    found = []
    for i, j in reference_pairs(quotes):
        a, b = quotes[i], quotes[j]
        if a.said_by is None or a.said_by != b.said_by:
            continue
        if quote_relation(a.value.tokens, b.value.tokens, near) != "near":
            continue
        at = max(a, b, key=placement_key)
        found.append((at, b if at is a else a, "near"))
    out = []
    for at, other, _, rest in _one_per_claim(found):
        more, also = _also(rest, "it also differs from")
        message = f"quote by {at.said_by} differs from {short(other)}: {word_diff(other.value.tokens, at.value.tokens)}{also}"
        out.append(pair_finding(at, other, message, *sorted((at.value.canonical(), other.value.canonical())), at=at, more=more))
    return [_key(f) for f in out]


def reference_fc105(quotes: list[Assertion], near: float = 85.0, min_words: int = 4) -> list[tuple]:
    found = []
    for i, j in reference_pairs(quotes):
        a, b = quotes[i], quotes[j]
        if a.said_by is None or b.said_by is None or a.said_by == b.said_by:
            continue
        relation = quote_relation(a.value.tokens, b.value.tokens, near)
        if relation == "different":
            continue
        if relation in ("same", "excerpt") and min(len(a.value.tokens), len(b.value.tokens)) < min_words:
            continue
        at = max(a, b, key=placement_key)
        found.append((at, b if at is a else a, relation))
    out = []
    for at, other, relation, rest in _one_per_claim(found):
        more, also = _also(rest, "also quoted by other speakers in")
        message = misattributed_quote._message(at, other, relation) + also
        speakers = sorted((str(at.said_by), str(other.said_by)))
        out.append(pair_finding(at, other, message, *speakers, *sorted((at.value.canonical(), other.value.canonical())), at=at,
                                more=more))
    return [_key(f) for f in out]


def _key(finding) -> tuple:
    return (finding.message, finding.identity, finding.location, tuple(finding.related))


# ---------------------------------------------------------------------------------------------
# Corpora: generated, then mutated and extended by hand.


def _generated(tmp_path: Path, seed: int) -> tuple[list[Assertion], RuleContext]:
    corpus = tmp_path / f"corpus-{seed}"
    generate.generate(corpus, 4, 150, seed, 0.1)
    result = run_lint(LintOptions(paths=(corpus,), select=("FC204",)), cwd=tmp_path)
    assert result.settings is not None
    ctx = RuleContext(list(result.assertions), result.ruleset.predicates, result.corpus.entities, result.settings.root)
    return list(result.assertions), ctx


def _with(ctx: RuleContext, assertions: list[Assertion]) -> RuleContext:
    return RuleContext(assertions, ctx.predicates, ctx.entities, ctx.root)


def _value(template: Assertion, words: str) -> object:
    return parse_text(words, ParseContext(published=template.source.published), template.value_type)


def _mutated(assertions: list[Assertion], seed: int) -> list[Assertion]:
    """Some quotes given to another speaker or with a word changed; some statements with a word,
    a number or a negation changed; some claims repeated by another source of the same outlet."""
    rng = random.Random(seed)
    speakers = sorted({a.said_by for a in assertions if a.value_type == "quote" and a.said_by})
    sources = sorted({a.source.id: a.source for a in assertions}.items())
    out = []
    for a in assertions:
        if a.value_type in ("quote", "text") and rng.random() < 0.25:
            words = list(a.value.tokens)
            change = rng.random()
            if a.value_type == "quote" and change < 0.3 and speakers:
                a = dataclasses.replace(a, said_by=rng.choice(speakers))
            elif change < 0.5:
                a = dataclasses.replace(a, value=_value(a, " ".join(words[: max(1, len(words) // 2)])))
            else:
                i = rng.randrange(len(words))
                words[i] = rng.choice(["not", "never", "2006", "7.5 million", "twelve", "sent", words[i] + "s"])
                a = dataclasses.replace(a, value=_value(a, " ".join(words)))
                if a.value_type == "quote" and rng.random() < 0.3 and speakers:
                    a = dataclasses.replace(a, said_by=rng.choice(speakers))
        out.append(a)
        if a.value_type in ("quote", "text") and rng.random() < 0.05:
            _, source = rng.choice(sources)
            twin = dataclasses.replace(source, id=source.id + "-twin", path=source.path.replace(".yaml", "-twin.yaml"))
            out.append(dataclasses.replace(a, source=twin, claim=a.claim + "-twin"))
    return out


def _hand_made(assertions: list[Assertion]) -> list[Assertion]:
    """Tricky statements about one subject and tricky quotes, from sources of the corpus."""
    statement = next(a for a in assertions if a.value_type == "text" and a.subject is not None)
    quote = next(a for a in assertions if a.value_type == "quote")
    by_outlet: dict[str, object] = {}
    for a in assertions:
        by_outlet.setdefault(a.source.outlet, a.source)
    news = list(by_outlet.values())[:3]
    primary = dataclasses.replace(news[0], id="hand-primary", outlet="hand-un", kind="primary", path="primary/hand.yaml")
    opinion = dataclasses.replace(news[1], id="hand-opinion", outlet="hand-op", kind="opinion", path="news/hand-op.yaml")
    sibling = dataclasses.replace(news[0], id=news[0].id + "-sibling", path=news[0].path.replace(".yaml", "-sibling.yaml"))
    sources = [*news, primary, opinion, sibling]
    statements = [
        "The United States drafted the resolution",
        "The resolution was drafted by the United States",
        "The resolution was not drafted by the United States",
        "The resolution cuts refined petroleum imports by 89 percent",
        "The resolution cuts refined petroleum imports by 90 percent",
        "The resolution caps crude oil at 4 million barrels a year",
        "The resolution caps crude oil at four million barrels a year",
        "The resolution caps crude oil at 4,000,000 barrels a year",
        "Exports of 7.5 million tons are banned",
        "Exports of 7,500,000 tons are banned",
        "The council voted unanimously",
        "The council voted unanimously on Friday",
        "The council voted unanimous",
        "Yes.",
        "yes",
        "It was the 3rd resolution this year",
        "It was the third resolution this year",
        "The resolution never mentions oil",
        "The resolution doesn't mention oil",
    ]
    quotes = [
        ("It sends the unambiguous message to Pyongyang", "nikki-haley"),
        ("It sent the unambiguous message to Pyongyang", "nikki-haley"),
        ("It sends the unambiguous message to Pyongyang", "liu-jieyi"),
        ("the unambiguous message", "liu-jieyi"),
        ("the unambiguous message to Pyongyang", "vassily-nebenzya"),
        ("Toughest", "nikki-haley"),
        ("toughest", "liu-jieyi"),
        ("a maniac", None),
        ("A maniac.", "nikki-haley"),
        ("We cut 90 percent of refined petroleum", "nikki-haley"),
        ("We cut 89 percent of refined petroleum", "nikki-haley"),
        ("We cut 89 percent of refined petroleum", "liu-jieyi"),
        ("further defiance invites punishment", "nikki-haley"),
        ("punishment invites further defiance", "nikki-haley"),
        ("one two three", "nikki-haley"),
        ("one two three", "liu-jieyi"),
    ]
    made = []
    for n, words in enumerate(statements):
        for source in sources[n % 3 :: 2]:
            made.append(dataclasses.replace(statement, source=source, claim=f"hand-s{n}", value=_value(statement, words), said_by=None))
    for n, (words, speaker) in enumerate(quotes):
        source = sources[n % len(sources)]
        made.append(dataclasses.replace(quote, source=source, claim=f"hand-q{n}", value=_value(quote, words), said_by=speaker))
    return made


@pytest.fixture(scope="module", params=[1, 2])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Assertion], RuleContext]:
    assertions, ctx = _generated(tmp_path_factory.mktemp("similarity"), request.param)
    extended = _mutated(assertions, request.param) + _hand_made(assertions)
    return extended, _with(ctx, extended)


# ---------------------------------------------------------------------------------------------
# Equivalence with the references.


@pytest.mark.parametrize("threshold", [90.0, 80.0, 100.0, 101.0])
def test_supported_statements_are_those_of_all_pairs(corpus, threshold: float) -> None:
    _, ctx = corpus
    got = ctx.analysis._supported_statements(threshold)
    assert got == reference_supported(ctx, threshold)
    if threshold == 90.0:
        assert got and len(got) < sum(a.value_type == "text" for a in ctx.assertions)


def test_candidate_pairs_are_those_of_all_pairs(corpus) -> None:
    _, ctx = corpus
    quotes = ctx.quotes
    position = {id(q): i for i, q in enumerate(quotes)}
    got = [(position[id(a)], position[id(b)]) for a, b in candidate_pairs(quotes)]
    assert got == reference_pairs(quotes)


def test_quote_drift_is_that_of_all_pairs(corpus) -> None:
    _, ctx = corpus
    got = sorted(_key(f) for f in quote_drift.check(ctx, {"near": 85.0}))  # the engine sorts findings
    want = sorted(reference_fc104(ctx.quotes))
    assert got == want
    assert want  # the mutated corpus has drift to find


def test_misattributed_quote_is_that_of_all_pairs(corpus) -> None:
    _, ctx = corpus
    for params in ({"near": 85.0, "min_words": 4}, {"near": 70.0, "min_words": 2}):
        got = sorted(_key(f) for f in misattributed_quote.check(ctx, params))  # the engine sorts findings
        want = sorted(reference_fc105(ctx.quotes, params["near"], params["min_words"]))
        assert got == want
        assert want


def test_shared_quote_index_gives_the_same_findings(corpus) -> None:
    """A context that offers one QuoteIndex to both rules gets what each rule's own index gives."""
    _, ctx = corpus
    shared = _with(ctx, list(ctx.assertions))
    shared.quote_index = QuoteIndex(shared.quotes)  # type: ignore[attr-defined]
    for check, params in ((quote_drift.check, {"near": 85.0}), (misattributed_quote.check, {"near": 85.0, "min_words": 4})):
        assert [_key(f) for f in check(shared, params)] == [_key(f) for f in check(ctx, params)]


# ---------------------------------------------------------------------------------------------
# Hand-made cases: what is found, and what never is.


_LINES = itertools.count(1)


def _claim(source, claim: str, words: str, kind: str = "text", said_by: str | None = None) -> Assertion:
    """A statement about Resolution 2397, or a quote, from `source`, on a line of its own: two
    claims of one file never share a place, so report order (Assertion.placement) has no ties,
    as in any real claim file."""
    template = _template_quote()
    return dataclasses.replace(
        template, source=source, claim=claim, said_by=said_by, value_type=kind, line=next(_LINES),
        predicate="statement" if kind == "text" else "quote", subject="unscr-2397" if kind == "text" else None,
        value=parse_text(words, ParseContext(published=source.published), kind),
    )


def _sources() -> dict[str, object]:
    from factcheck.assertions import SourceInfo
    import datetime as dt

    day = dt.date(2017, 12, 23)
    return {
        "a": SourceInfo("a", "outlet-a", day, "news", "a.yaml", None, ()),
        "a2": SourceInfo("a2", "outlet-a", day, "news", "a2.yaml", None, ()),  # same outlet as a
        "b": SourceInfo("b", "outlet-b", day, "news", "b.yaml", None, ()),
        "p": SourceInfo("p", "un", day, "primary", "p.yaml", None, ()),
        "o": SourceInfo("o", "outlet-o", day, "opinion", "o.yaml", None, ()),
    }


def test_statement_support_cases(corpus) -> None:
    _, generated = corpus
    s = _sources()
    statements = [
        _claim(s["a"], "drafted", "The United States drafted the resolution"),
        _claim(s["b"], "drafted", "The resolution was drafted by the United States"),  # reworded: agrees
        _claim(s["a2"], "not-drafted", "The resolution was not drafted by the United States"),  # negated
        _claim(s["a"], "exports", "Exports of 7.5 million tons are banned"),
        _claim(s["b"], "exports", "Exports of 7,500,000 tons are banned"),  # the same number
        _claim(s["a"], "cut", "The resolution cuts imports by 89 percent"),
        _claim(s["b"], "cut", "The resolution cuts imports by 90 percent"),  # another number
        _claim(s["a"], "vote", "The council voted unanimously"),
        _claim(s["a2"], "vote", "The council voted unanimously"),  # same outlet: not independent
        _claim(s["o"], "vote", "The council voted unanimously"),  # opinion: supports nothing
        _claim(s["p"], "third", "It was the third resolution this year"),
        _claim(s["a"], "third", "It was the 3rd resolution this year"),  # backed by the primary
    ]
    ctx = _with(generated, statements)
    want = {("a", "drafted"), ("b", "drafted"), ("a", "exports"), ("b", "exports"), ("a", "third"), ("p", "third"),
            ("o", "vote")}
    assert ctx.analysis._supported_statements(90.0) == reference_supported(ctx, 90.0) == want


def test_quote_cases(corpus) -> None:
    _, generated = corpus
    s = _sources()
    quotes = [
        _claim(s["a"], "q0", "It sends the unambiguous message to Pyongyang", "quote", "nikki-haley"),
        _claim(s["b"], "q1", "It sent the unambiguous message to Pyongyang", "quote", "nikki-haley"),  # drift
        _claim(s["b"], "q2", "It sends the unambiguous message to Pyongyang", "quote", "liu-jieyi"),  # same words
        _claim(s["a2"], "q3", "the unambiguous message", "quote", "liu-jieyi"),  # excerpt, too short
        _claim(s["a2"], "q4", "the unambiguous message to Pyongyang", "quote", "vassily-nebenzya"),  # excerpt
        _claim(s["a"], "q5", "Toughest", "quote", "nikki-haley"),
        _claim(s["b"], "q6", "toughest!", "quote", "liu-jieyi"),  # same words, too short
        _claim(s["a"], "q7", "further defiance invites punishment", "quote", "nikki-haley"),
        _claim(s["b"], "q8", "punishment invites further defiance", "quote", "nikki-haley"),  # no shared run
        _claim(s["a"], "q9", "We cut 90 percent of refined petroleum", "quote", None),
        _claim(s["b"], "q10", "We cut 89 percent of refined petroleum", "quote", None),  # no speaker
    ]
    ctx = _with(generated, quotes)
    drift = list(quote_drift.check(ctx, {"near": 85.0}))
    assert [_key(f) for f in drift] == reference_fc104(ctx.quotes)
    assert [(f.location.claim, *(r.claim for r in f.related)) for f in drift] == [("q1", "q0")]
    assert "-[sends] +[sent]" in drift[0].message
    misattributed = list(misattributed_quote.check(ctx, {"near": 85.0, "min_words": 4}))
    assert sorted(_key(f) for f in misattributed) == sorted(reference_fc105(ctx.quotes))
    # One finding per quote reported at, naming every quote it conflicts with: the same five pairs
    # as when each pair was a finding, in fewer findings.
    ats = [f.location.claim for f in misattributed]
    assert len(ats) == len(set(ats)) < 5
    pairs = sorted(tuple(sorted((f.location.claim, r.claim))) for f in misattributed for r in f.related)
    assert pairs == [("q0", "q2"), ("q0", "q4"), ("q1", "q2"), ("q1", "q4"), ("q2", "q4")]


def test_quote_index_never_pairs_quotes_without_a_shared_run() -> None:
    template = _template_quote()
    quotes = [
        dataclasses.replace(template, claim="a", value=_value(template, "further defiance invites punishment")),
        dataclasses.replace(template, claim="b", value=_value(template, "punishment invites further defiance")),
        dataclasses.replace(template, claim="c", value=_value(template, "toughest")),
        dataclasses.replace(template, claim="d", value=_value(template, "Toughest!")),
    ]
    index = QuoteIndex(quotes)
    assert index.pairs == []
    assert index.quote_pairs() == [(2, 3)]


def _template_quote() -> Assertion:
    from factcheck.assertions import SourceInfo
    import datetime as dt

    day = dt.date(2017, 12, 22)
    source = SourceInfo("s", "npr", day, "news", "s.yaml", None, ())
    fields = {f.name for f in dataclasses.fields(Assertion)}
    values = dict(
        source=source, claim="q", predicate="quote", value_type="quote", subject=None, qualifiers=(),
        value=parse_text("x y z", ParseContext(published=day), "quote"), said_by="nikki-haley", as_of=day,
        evidence=None, ignore=(), line=1, column=1,
    )
    return Assertion(**{k: v for k, v in values.items() if k in fields})


# ---------------------------------------------------------------------------------------------
# The number shortcuts of statement forms read what the number readers read.


def reference_number_spans(joined: str) -> list[tuple[int, int, str]]:
    """_number_spans as it was before its shortcuts: both readers at every token."""
    spans = []
    pos = 0
    while pos < len(joined):
        end = joined.find(" ", pos)
        end = len(joined) if end < 0 else end
        try:
            ordinal = read_ordinal(joined, pos)
        except ValueParseError:
            ordinal = None
        number = read_number(joined, pos) if ordinal is None else None
        if ordinal is not None and _at_boundary(joined, ordinal[1]):
            end = ordinal[1]
            spans.append((pos, end, f"#{ordinal[0]}"))
        elif number is not None and _at_boundary(joined, number.end):
            end = number.end
            spans.append((pos, end, str(number.value)))
        elif any(ch.isdigit() for ch in joined[pos:end]):
            spans.append((pos, end, _digit_run(joined[pos:end])))
        pos = end + 1
    return spans


TOKENS = (
    "a an and one two three twenty first third thirds half quarter million thousand hundred hundredth dozen "
    "zero 0 00 007 1 5 7.5 12 345 000 1704 2006 2397 999999999999999999 1234567890123456789012 "
    "m k b bn mn mln tn trillion billion kilo bananas targets thousands tons million's "
    "the not no never didn't resolution x2 2397a 3rd 21st 1/3 -3 .5 ² ٣ é éight one-third twenty-one "
    "one-a a-one 4m 1,000 $5"
).split()


def _outcome(function, *args):
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - the same error, or the same result
        return type(error).__name__, str(error)


def test_number_spans_match_the_readers() -> None:
    rng = random.Random(5)
    samples = [" ".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 7))) for _ in range(4000)]
    samples += ["", " ", "a  one", "one ", " two", "1 000", "1 000 000", "4 m", "4 million", "2 tons", "21th", "1704 targets"]
    for joined in samples:
        text_module._TOKEN_KINDS.clear()
        text_module._WORD_KEYS.clear()
        cold = _outcome(text_module._number_spans, joined)
        warm = _outcome(text_module._number_spans, joined)
        want = _outcome(reference_number_spans, joined)
        assert cold == want == warm, joined


def test_statement_form_of_tokens_is_statement_form() -> None:
    rng = random.Random(6)
    texts = [" ".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 9))) for _ in range(2000)]
    texts += ["The resolution caps crude oil at 4 million barrels", "7,500,000 tons", "It wasn't the 3rd"]
    for text in texts:
        assert _outcome(statement_form_of_tokens, tokens(text)) == _outcome(statement_form, text), text


def test_a_malformed_ordinal_in_free_text_is_a_number_not_a_crash() -> None:
    """'21th' is refused as a claim's ordinal value, but a statement may contain it: it counts as
    a number (so changing it is a number change) and never raises."""
    from factcheck.values.text import numbers, statements_agree

    assert numbers("the 21th meeting") == {"21th": 1}
    assert statements_agree("the 21th meeting was held", "the 21th meeting was held")
    assert not statements_agree("the 21th meeting was held", "the 22th meeting was held")


def _statement_forms(texts: list[str]) -> list[text_module.StatementForm | None]:
    return [statement_form(t) for t in texts]


def _agreeing_all(forms: list[text_module.StatementForm | None], threshold: float) -> set[tuple[int, int]]:
    return {(i, j) for i, a in enumerate(forms) for j, b in enumerate(forms)
            if i != j and a is not None and b is not None and forms_agree(a, b, threshold)}


def test_a_large_group_finds_its_agreeing_wordings_through_the_word_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past EXACT_UP_TO wordings a group is scanned through its word index, not all pairs: on
    statements that rarely share words (the diverse shape), with near copies among them (a word
    changed, a tail added), the agreeing pairs are exactly those of all pairs."""
    from factcheck.analysis import _AgreeingWordings

    rng = random.Random(11)
    vocabulary = [f"w{n}x" for n in range(3000)]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(12)) for _ in range(400)]
    for n in range(0, 400, 20):
        words = texts[n].split()
        words[rng.randrange(12)] = "changed"
        texts.append(" ".join(words))  # one word changed
        texts.append(texts[n] + " officials said")  # a tail added
    forms = _statement_forms(texts)
    monkeypatch.setattr(_AgreeingWordings, "EXACT_UP_TO", 50)
    agreeing = _AgreeingWordings(forms, 90.0)
    got = {(k, j) for k in range(len(forms)) for j in agreeing(k)}
    assert got == _agreeing_all(forms, 90.0)
    assert len(got) >= 40  # the near copies were found, so the comparison above says something


def test_a_large_group_of_common_words_scans_a_bounded_number_of_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word common to hundreds of wordings: each wording is compared with at most
    MAX_CANDIDATES others, never the whole group."""
    from factcheck.analysis import _AgreeingWordings

    rng = random.Random(5)
    common = [f"c{n}y" for n in range(8)]
    texts = list(dict.fromkeys(" ".join(rng.sample(common, 6)) for _ in range(3000)))
    forms = _statement_forms(texts)
    monkeypatch.setattr(_AgreeingWordings, "EXACT_UP_TO", 50)
    monkeypatch.setattr(_AgreeingWordings, "POSTING_LIMIT", 5)
    monkeypatch.setattr(_AgreeingWordings, "MAX_CANDIDATES", 7)
    scanned: list[int] = []
    original = _AgreeingWordings._scan

    def counting(self, k, form, candidates):  # type: ignore[no-untyped-def]
        scanned.append(len(candidates))
        return original(self, k, form, candidates)

    monkeypatch.setattr(_AgreeingWordings, "_scan", counting)
    agreeing = _AgreeingWordings(forms, 90.0)
    for k in range(len(forms)):
        list(agreeing(k))
    assert len(forms) > 50 and scanned and max(scanned) <= 7


def test_many_copies_of_one_quote_give_the_findings_of_all_pairs(corpus) -> None:
    """A quote copied 60 times by four speakers (more copies than RELATED_LIMIT before most of them):
    one finding per copy, each the one the all-pairs reference gives, without listing the pairs."""
    _, generated = corpus
    s = _sources()
    speakers = ["nikki-haley", "liu-jieyi", "vassily-nebenzya", "nikki-haley", "nikki-haley", "olof-skoog"]
    words = "It sends the unambiguous message to Pyongyang"
    quotes = [dataclasses.replace(_claim(list(s.values())[n % 5], f"q{n:02d}", words, "quote", speakers[n % len(speakers)]), line=n + 1)
              for n in range(60)]  # each copy on its own line: report order is total, as in a real file
    ctx = _with(generated, quotes)
    got = sorted(_key(f) for f in misattributed_quote.check(ctx, {"near": 85.0, "min_words": 4}))
    assert got == sorted(reference_fc105(ctx.quotes))
    assert len(got) < len(quotes) and any("more claims" in key[0] for key in got)
