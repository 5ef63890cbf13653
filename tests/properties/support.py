"""Shared pieces of the property tests: settings, the example corpus, the per-file stage, the
strategies that write hostile input, and the count of examples run (reported by conftest.py).

Strategies lean on the real vocabulary (the model's keys, the predicates, the corpus's values and
the value grammars' words), so that arbitrary input reaches deep into validation and parsing
instead of stopping at the first YAML error.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from factcheck.corpus import load_corpus
from factcheck.filestage import process
from factcheck.fmt import CLAIM_ORDER, ENTITY_ORDER, SOURCE_ORDER
from factcheck.loader import LoadedFile
from factcheck.normalize import Normalizer
from factcheck.ruleset import RuleSet, default_rules_dir, load_ruleset
from factcheck.values import TYPES, ParseContext, type_named
from factcheck.checks import LOAD_CHECKS

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO / "claims"
CORPUS: dict[str, bytes] = {p.name: p.read_bytes() for p in sorted(CORPUS_DIR.glob("*.yaml"))}
CLAIM_FILES = tuple(name for name in CORPUS if name != "entities.yaml")
LOAD_CHECK_NAMES = frozenset(check.name for check in LOAD_CHECKS)

# -- settings and counting ----------------------------------------------------------------------

EXAMPLES: Counter[str] = Counter()  # property name -> examples run (explicit @examples and shrinking included)

F = TypeVar("F", bound=Callable[..., None])


def counted(test: F) -> F:
    """Count every call of a property's body (put it under @given)."""

    @functools.wraps(test)
    def body(*args: Any, **kwargs: Any) -> None:
        EXAMPLES[test.__name__] += 1
        test(*args, **kwargs)

    return body  # type: ignore[return-value]


def budget(max_examples: int) -> settings:
    """Reproducible (derandomized, nothing written to .hypothesis/) and free of timing flakes on a
    slow shared machine; `max_examples` keeps the whole directory within its time budget."""
    return settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


# -- the per-file stage against the example corpus's registry and the default rules -------------


@functools.cache
def ruleset() -> RuleSet:
    return load_ruleset([default_rules_dir()])


@functools.cache
def normalizer() -> Normalizer:
    entities = load_corpus([CORPUS_DIR / "entities.yaml"], [], REPO, REPO).entities
    return Normalizer(entities, ruleset(), REPO)


def run_stage(data: bytes, name: str = "property-example.yaml") -> LoadedFile:
    """The per-file stage on `data` as if it were claims/<name> (the file itself is never read)."""
    return process(CORPUS_DIR / name, data, normalizer(), REPO, REPO)


def assert_well_placed(loaded: LoadedFile, data: bytes) -> None:
    """Every finding names the file, a line inside it and a column, the load check that found it
    (the engine gives it a rule code later) and a message."""
    last_line = len(data.decode("utf-8", errors="replace").splitlines()) + 1  # splitlines knows every YAML line break
    for finding in loaded.findings:
        where = finding.location
        assert where.path == loaded.display
        assert 1 <= where.line <= last_line, (finding, last_line)
        assert where.column >= 1, finding
        assert finding.check in LOAD_CHECK_NAMES and not finding.code, finding
        assert finding.message.strip(), finding


# -- text -----------------------------------------------------------------------------------------

# Characters a YAML file may hold (no surrogates, controls or line/paragraph separators, which libyaml
# rejects or treats as breaks), plus the ones YAML gives meaning to.
SAFE_CHARS = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"))
SYNTAX = "#:-{}[],&*!|>%@`'\"\\?~"
line_text = st.text(st.one_of(SAFE_CHARS, st.sampled_from(SYNTAX + " ")), max_size=30)
words = line_text.map(lambda t: t.strip() or "x")  # never empty
any_text = st.text(max_size=40)  # anything, including NUL, controls and lone surrogates' neighbours

NUMBER = st.one_of(
    st.integers(-(10**15), 10**15).map(str),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(repr),
    st.integers(0, 10**9).map("{:,}".format),
    st.integers(0, 10**9).map(lambda n: f"{n:,}".replace(",", " ")),
    st.sampled_from(["0", "-0", "00", "1e5", "1E-3", "0.5", ".5", "5.", "1/2", "½", "١٥", "15", "400", "7.5", "89", "2397", "1e309", "nan", "inf"]),
)
WORDS = (
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "at least", "more than", "over",
    "upwards of", "up to", "at most", "no more than", "less than", "under", "$", "US$", "£", "€", "million", "billion",
    "bn", "m", "k", "thousand", "percent", "per cent", "%", "metric tons", "tons", "barrels", "days", "day", "months",
    "years", "a year", "per year", "annually", "per 12 months", "a third", "half", "two", "fifteen", "the fourth",
    "tenth", "10th", "first", "unanimous", "unanimously", "15-0", "15-0-0", "15-to-nothing", "to", "nothing", "-", "votes in favor",
    "with", "for", "against", "abstain", "abstentions", "Jan.", "December", "Dec. 22,", "Nov. 30, 2016", "2017",
    "2017-12-22", "2017-12-22T10:00:00Z", "end of", "this month", "this year", "last year", "yesterday", "Monday",
    "on Saturday", "within", "by", "by the end of", "ban", "cap", "freeze", "coal", "exports", "imports", "not", "no",
)
phrase = st.lists(st.one_of(st.sampled_from(WORDS), NUMBER), min_size=1, max_size=6).map(" ".join)


# -- raw values, as the loader hands them to the value parsers (and as the API allows) ------------

VALUE_KEYS = tuple(dict.fromkeys(key for value_type in TYPES for key in value_type.keys))
leaf = st.one_of(
    phrase, any_text, NUMBER, st.integers(), st.floats(), st.booleans(), st.none(),
)
raw_value = st.recursive(
    leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(VALUE_KEYS), any_text), children, max_size=5),
    ),
    max_leaves=12,
)

# Raw values each type's grammar is likely to accept, so that pairs of parsed values are plentiful.
_hedge = st.sampled_from(["", "about ", "nearly ", "at least ", "up to ", "no more than ", "more than ", "roughly "])
_money = st.sampled_from(["", "$", "US$ ", "£"])
_scale = st.sampled_from(["", " million", " billion", "m", "bn", " thousand"])
_unit = st.sampled_from(["", " percent", " metric tons", " barrels", " days", " months", " years", " tons a year"])
_small = st.one_of(st.integers(0, 3000).map(str), st.sampled_from(["7.5", "0.5", "89", "400.9", "53 495 894", "two", "a third"]))
_quantity = st.one_of(
    st.builds(lambda h, c, n, s, u: f"{h}{c}{n}{s}{u}", _hedge, _money, _small, _scale, _unit),
    st.fixed_dictionaries({"value": _small, "unit": st.sampled_from(["USD", "percent", "metric ton", "day", "GBP", "barrel"])}),
    st.fixed_dictionaries({"min": _small, "max": _small, "unit": st.sampled_from(["USD", "percent", "day"])}),
)
_count = st.one_of(st.integers(-3, 40).map(str), st.sampled_from(["nine", "16", "tenth", "10th", "third", "the fourth", "fifth", "zero"]))
_date = st.one_of(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(["Nov. 30, 2016", "December 22", "2017", "December 2017", "end of 2019", "this month", "this year",
                     "Wednesday", "on Saturday", "January", "2017-12-22T10:00:00Z", "Dec. 31", "Feb. 29"]),
)
_deadline = st.one_of(
    st.builds(lambda w, n, u: f"{w}{n} {u}", st.sampled_from(["within ", "", "by ", "in "]), _small,
              st.sampled_from(["months", "days", "years", "weeks"])),
    st.sampled_from(["by the end of 2019", "end of 2019", "two years", "within 24 months", "120 days"]),
)
_time = st.one_of(
    st.builds(lambda h, c, m, z: f"{h}{c}{m}{z}", st.sampled_from(["", "about ", "around ", "shortly after ", "just before "]),
              st.integers(0, 25).map(str), st.sampled_from([":17", ".10", ":00", ":59", ":60", "am", " pm", ""]),
              st.sampled_from(["", " local time", " GMT", " UTC", " (01:17 GMT)", " (2211 GMT)", " on Saturday"])),
    st.sampled_from(["noon", "midnight", "about midnight", "11:11 pm (2211 GMT)", "04:17 local time (01:17 GMT)", "2211 GMT",
                     "23.10 local time", "4:17am (01:17 GMT)", "12 am", "0am", "13:00 pm"]),
)
_vote = st.one_of(
    st.builds(lambda a, b: f"{a}-{b}", st.integers(0, 20), st.integers(0, 20)),
    st.builds(lambda a, b, c: f"{a}-{b}-{c}", st.integers(0, 20), st.integers(0, 20), st.integers(0, 20)),
    st.sampled_from(["unanimous", "unanimously", "15 to 0", "15-to-nothing", "with 15 votes in favor", "14-0-1"]),
    st.dictionaries(st.sampled_from(type_named("vote").keys), st.integers(0, 20).map(str), min_size=1),
)
_measure = st.fixed_dictionaries(
    {"action": st.sampled_from(["ban", "cap", "freeze", "prohibit", "limit", "repatriate", "inspect", "designate", "report"]),
     "target": st.sampled_from(["coal", "iron", "seafood", "refined petroleum products", "North Korean workers abroad"])},
    optional={"direction": st.sampled_from(["export", "import"]), "amount": _quantity, "deadline": _deadline,
              "force": st.sampled_from(["binding", "non-binding"]), "condition": line_text},
)
_words = st.one_of(phrase, st.lists(st.sampled_from(["the", "resolution", "was", "not", "drafted", "by", "United", "States", "89", "percent"]),
                                    min_size=1, max_size=8).map(" ".join), line_text)
LIKELY: dict[str, st.SearchStrategy[Any]] = {
    "quantity": _quantity, "count": _count, "date": _date, "deadline": _deadline, "time": _time, "vote": _vote,
    "measure": _measure, "quote": _words, "text": _words,
}


@st.composite
def contexts(draw: st.DrawFn) -> ParseContext:
    """Parse contexts as the normalizer builds them, including the extremes a claim file can state."""
    day = st.one_of(st.sampled_from([dt.date(2017, 12, 22), dt.date(2017, 8, 7), dt.date(2016, 11, 30)]), st.dates())
    return ParseContext(
        published=draw(day),
        as_of=draw(st.none() | day),
        anchor=draw(st.none() | day),
        body_members=draw(st.none() | st.integers(-2, 1000)),
        tolerance=draw(st.sampled_from([0.0, 0.02, 0.5]) | st.floats(0, 10)),
        actions=ruleset().actions,
    )


# -- YAML-ish text from a grammar ------------------------------------------------------------------

KEYS = tuple(dict.fromkeys(("source", "claims", "entities", *SOURCE_ORDER, *CLAIM_ORDER, *ENTITY_ORDER, *VALUE_KEYS)))
key = st.one_of(st.sampled_from(KEYS), words)
plain = st.one_of(phrase, line_text, st.sampled_from(["~", "null", "true", "no", "2017-12-22", "0x1F", ".inf", "", "-", "?", "Resolution 2397"]))
scalar = st.one_of(
    plain,
    plain.map(lambda t: "'" + t.replace("'", "''") + "'"),
    any_text.map(lambda t: json.dumps(t)),
    plain.map(lambda t: '"' + t),  # unterminated
)
decoration = st.sampled_from(["", "", "", "&a ", "&b ", "*a", "!!str ", "!!int ", "!custom ", "!<tag:x,2000:y> ", "!!binary ", "!!set ", "!!omap "])
flow = st.recursive(
    scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(key, children), max_size=3).map(lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"),
    ),
    max_leaves=6,
)
indent = st.one_of(st.integers(0, 10).map(" ".__mul__), st.sampled_from(["\t", "  \t"]))


@st.composite
def yaml_line(draw: st.DrawFn) -> str:
    pad, name, deco = draw(indent), draw(key), draw(decoration)
    form = draw(st.integers(0, 11))
    if form == 0:
        return f"{pad}{name}:"
    if form == 1:
        return f"{pad}- {deco}{draw(scalar)}"
    if form == 2:
        return f"{pad}- {name}: {deco}{draw(scalar)}"
    if form == 3:
        return f"{pad}{name}: {draw(flow)}"
    if form == 4:  # a block scalar and its lines
        body = draw(st.lists(line_text, max_size=3))
        deeper = pad + " " * draw(st.integers(0, 4))
        return f"{pad}{name}: {draw(st.sampled_from(['|', '>', '|-', '>+', '|2', '>-9', '|0']))}" + "".join(f"\n{deeper}{b}" for b in body)
    if form == 5:
        return f"{pad}? {draw(flow)}\n{pad}: {draw(scalar)}"
    if form == 6:
        return draw(st.sampled_from(["---", "...", "%YAML 1.1", "%YAML 2.0", "%TAG ! tag:x,2000:", "--- !custom", "--- |"]))
    if form == 7:
        return f"{pad}# {draw(line_text)}"
    if form == 8:
        return f"{pad}<<: *a"
    if form == 9:
        return f"{pad}{name}: {deco}{draw(scalar)}  # {draw(line_text)}"
    return f"{pad}{name}: {deco}{draw(scalar)}"


yamlish_text = st.builds(
    lambda lines, newline: newline.join(lines),
    st.lists(yaml_line(), max_size=12),
    st.sampled_from(["\n", "\n", "\r\n", "\r"]),
)


# -- claim-file shaped documents (mostly valid YAML, so validation and normalization run) ----------

ENTITY_NAMES = ("Resolution 2397", "UNSCR 2371", "NPR", "Security Council", "coal", "Nikki Haley", "North Korea", "Resolution 2398")


@st.composite
def claim_documents(draw: st.DrawFn) -> Any:
    """Mostly well-formed claim files whose fields and values vary; now and then one is out of shape."""
    predicates = ruleset().predicates.names
    mention = st.one_of(st.sampled_from(ENTITY_NAMES), words)
    value = st.one_of(*LIKELY.values(), raw_value)
    source = draw(st.fixed_dictionaries(
        {"id": st.sampled_from(["prop-source", "x"]), "outlet": mention,
         "published": st.one_of(st.sampled_from(["2017-12-22", "2016-11-30", "0001-01-01", "9999-12-31", "2017-12-22T23:59:59+14:00"]),
                                st.dates().map(dt.date.isoformat))},
        optional={"title": words, "kind": st.sampled_from(["news", "wire", "primary", "factsheet", "opinion"]),
                  "derived_from": st.lists(mention, max_size=2), "authors": st.lists(words, max_size=2),
                  "url": words, "note": words, "document": st.sampled_from(["../../etc/passwd", "sources/none.txt", "/"])},
    ))
    claim = st.fixed_dictionaries(
        {"id": st.sampled_from(["a", "b", "c-d"]), "subject": mention,
         "predicate": st.one_of(st.sampled_from(predicates), st.sampled_from(predicates), words), "value": value},
        optional={"qualifiers": st.dictionaries(st.sampled_from(["period", "scope", "x"]), mention, max_size=2),
                  "as_of": st.dates().map(dt.date.isoformat), "said_by": mention, "evidence": words,
                  "ignore": st.lists(st.sampled_from(["FC101", "FC201", "unsupported", "FC9", "x"]), max_size=2), "note": words},
    )
    claims = draw(st.lists(claim, max_size=4))
    for index, item in enumerate(claims):
        item["id"] += f"-{index}"  # unique, unless damaged below
    document: dict[str, Any] = {"source": source, "claims": claims}
    damage = draw(st.sampled_from(range(12)))  # uniform: 4 of 12 documents are damaged
    if damage == 4 and claims:
        claims[-1]["id"] = claims[0]["id"]
    elif damage == 0:
        document = draw(st.sampled_from([{"claims": document["claims"]}, {"source": source}, document["claims"], {"sources": source}]))
    elif damage == 1:
        document[draw(st.sampled_from(["source", "claims"]))] = draw(raw_value)
    elif damage == 2 and document["claims"]:
        document["claims"][0][draw(st.sampled_from(KEYS))] = draw(raw_value)
    elif damage == 3:
        source[draw(st.sampled_from(KEYS))] = draw(raw_value)
    return document


def dump(document: Any, flow_style: bool | None) -> str:
    """YAML text of a document (PyYAML quotes what needs quoting)."""
    import yaml

    return yaml.safe_dump(document, default_flow_style=flow_style, allow_unicode=True, sort_keys=False)


# -- mutations of the example corpus ----------------------------------------------------------------

_KEY_VALUE = re.compile(rb"^(\s*(?:- )?[A-Za-z_]+:)( +)(.+)$")


def _pick(draw: st.DrawFn, lines: list[bytes]) -> int:
    return draw(st.integers(0, max(0, len(lines) - 1)))


def _delete(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    i = _pick(draw, lines)
    return lines[:i] + lines[i + 1 :]


def _duplicate(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    i = _pick(draw, lines)
    return lines[: i + 1] + lines[i:]


def _swap(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    i, j = _pick(draw, lines), _pick(draw, lines)
    lines = list(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return lines


def _reindent(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    i = _pick(draw, lines)
    stripped = lines[i].lstrip(b" ")
    pad = draw(st.one_of(st.integers(0, 12).map(lambda n: b" " * n), st.sampled_from([b"\t", b" \t "])))
    return lines[:i] + [pad + stripped] + lines[i + 1 :]


def _replace_scalar(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    """A value becomes arbitrary text, or a value of another type (list, mapping, null, block...)."""
    candidates = [i for i, line in enumerate(lines) if _KEY_VALUE.match(line)]
    if not candidates:
        return lines
    i = draw(st.sampled_from(candidates))
    match = _KEY_VALUE.match(lines[i])
    assert match is not None
    new = draw(st.one_of(
        any_text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
        scalar.map(str.encode), flow.map(str.encode), raw_value.map(lambda v: json.dumps(v, default=str).encode()),
        st.sampled_from([b"", b"~", b"[]", b"{}", b"|", b">-", b"- a", b"&x v", b"*x", b"!!python/object:os.system ls", b"12", b"1.5e3", b"true"]),
    ))
    return lines[:i] + [match.group(1) + b" " + new] + lines[i + 1 :]


def _insert_bytes(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    i = _pick(draw, lines)
    line = lines[i] if lines else b""
    at = draw(st.integers(0, len(line)))
    junk = draw(st.one_of(st.binary(min_size=1, max_size=8),
                          st.sampled_from([b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3", b"\r", b"\r\n", b"\t", b"\x85", b"\xe2\x80\xa8", b": ", b"- ", b"#", b"'", b'"'])))
    return lines[:i] + [line[:at] + junk + line[at:]] + lines[i + 1 :]


def _insert_yamlish(draw: st.DrawFn, lines: list[bytes]) -> list[bytes]:
    i = draw(st.integers(0, len(lines)))
    return lines[:i] + [draw(yaml_line()).encode("utf-8", errors="surrogatepass")] + lines[i:]


MUTATIONS: tuple[Callable[[st.DrawFn, list[bytes]], list[bytes]], ...] = (
    _delete, _duplicate, _swap, _reindent, _replace_scalar, _insert_bytes, _insert_yamlish,
)


@st.composite
def mutated_corpus_files(draw: st.DrawFn) -> bytes:
    """A file of the example corpus with one to four line edits, then perhaps cut at any byte."""
    lines = CORPUS[draw(st.sampled_from(tuple(CORPUS)))].split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        lines = draw(st.sampled_from(MUTATIONS))(draw, lines)
    data = b"\n".join(lines)
    if draw(st.integers(0, 4)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


# -- edits that keep a claim file valid (for fmt) ---------------------------------------------------

_PLAIN_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+:)( +)([^'\"\[{|>&*!#\s][^#]*?)\s*$")
_KEY_LINE = re.compile(r"^( *)([A-Za-z_]+):")
comment_text = st.text(st.one_of(SAFE_CHARS, st.sampled_from(SYNTAX)), max_size=25).map(str.rstrip)
new_value = st.one_of(phrase, comment_text, *(s for name, s in LIKELY.items() if name != "measure" and name != "vote"))


def _quote(value: str, style: str) -> str:
    return "'" + value.replace("'", "''") + "'" if style == "'" else json.dumps(value, ensure_ascii=False)


def _add_comment(draw: st.DrawFn, lines: list[str]) -> list[str]:
    i = draw(st.integers(0, len(lines)))
    return lines[:i] + [" " * draw(st.integers(0, 8)) + "#" + draw(comment_text)] + lines[i:]


def _add_eol_comment(draw: st.DrawFn, lines: list[str]) -> list[str]:
    candidates = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    i = draw(st.sampled_from(candidates))
    return lines[:i] + [lines[i] + " " * draw(st.integers(1, 3)) + "# " + draw(comment_text)] + lines[i + 1 :]


def _requote(draw: st.DrawFn, lines: list[str]) -> list[str]:
    candidates = [i for i, line in enumerate(lines) if _PLAIN_VALUE.match(line)]
    i = draw(st.sampled_from(candidates))
    match = _PLAIN_VALUE.match(lines[i])
    assert match is not None
    return lines[:i] + [match.group(1) + match.group(2) + _quote(match.group(3), draw(st.sampled_from("'\"")))] + lines[i + 1 :]


def _change_value(draw: st.DrawFn, lines: list[str]) -> list[str]:
    candidates = [i for i, line in enumerate(lines) if _PLAIN_VALUE.match(line)]
    i = draw(st.sampled_from(candidates))
    match = _PLAIN_VALUE.match(lines[i])
    assert match is not None
    value = draw(new_value)
    return lines[:i] + [match.group(1) + " " + _quote(value if isinstance(value, str) else str(value), draw(st.sampled_from("'\"")))] + lines[i + 1 :]


def _block_end(lines: list[str], start: int, depth: int) -> int:
    """The line after the block that starts at `start` (a key or item at indentation `depth`)."""
    end = start + 1
    while end < len(lines):
        text = lines[end]
        if text.strip() and not text.lstrip().startswith("#") and len(text) - len(text.lstrip(" ")) <= depth:
            break
        end += 1
    return end


def _swap_keys(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """Two neighbouring keys of one block mapping trade places, with everything nested under them."""
    pairs = []
    for i, line in enumerate(lines):
        match = _KEY_LINE.match(line)
        if match is None:
            continue
        depth = len(match.group(1))
        j = _block_end(lines, i, depth)
        after = _KEY_LINE.match(lines[j]) if j < len(lines) else None
        if after is not None and len(after.group(1)) == depth:
            pairs.append((i, j, _block_end(lines, j, depth)))
    if not pairs:
        return lines
    i, j, k = draw(st.sampled_from(pairs))
    return lines[:i] + lines[j:k] + lines[i:j] + lines[k:]


VALID_EDITS: tuple[Callable[[st.DrawFn, list[str]], list[str]], ...] = (_add_comment, _add_eol_comment, _requote, _change_value, _swap_keys)


@st.composite
def edited_corpus_files(draw: st.DrawFn) -> tuple[str, str]:
    """(name, text): a file of the example corpus after zero to four edits that usually keep it valid."""
    name = draw(st.sampled_from(tuple(CORPUS)))
    lines = CORPUS[name].decode("utf-8").split("\n")
    for _ in range(draw(st.integers(0, 4))):
        lines = draw(st.sampled_from(VALID_EDITS))(draw, lines)
    return name, "\n".join(lines)
