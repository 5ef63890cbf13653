#!/usr/bin/env python3
"""How well a desk's first look at an event works: extract every article, lint, read the disagreements.

    .venv/bin/python bench/events.py                                  # the events of tests/data/events
    .venv/bin/python bench/events.py --events DIR --details           # also list misses and false alarms
    .venv/bin/python bench/events.py --events DIR --json figures.json # the raw numbers too

DIR holds one folder per event: the articles (.txt, .md, .html) and a `meta.yaml` gold file
(format below). A folder without meta.yaml is skipped, and said so: it is an event still being
annotated. For each event a fresh project is built in a temporary directory (or under --workdir,
kept): `claims/sources/` with the articles, `claims/entities.yaml` (--entities, default the
repository's claims/entities.yaml), `claims/event-entities.yaml` when the folder has an
`entities.yaml`, the packaged default rules in `rules/` and a `factcheck.toml` that makes the
directory the project root. Then, each a subprocess of this Python, as a desk would run them:

    python -m factcheck extract claims/sources/<file> -o claims/ --id <stem> --outlet .. --published .. [--url ..]
    python -m factcheck lint --format json --no-cache --jobs 1 --exit-zero claims

(articles in file-name order; a later article sees the draft entities of the earlier ones). The
drafted claim files are then read with factcheck's own loader, which gives each claim the key lint
compares it by (subject entity, predicate, normalized qualifiers).

meta.yaml:

    event: short description
    articles:                    # file name -> source fields; the source id is the file stem
      reuters.txt: {outlet: Reuters, published: 2019-05-02, url: "..."}
    conflicts:                   # real disagreements between two articles, values as written
      - {fact: "crude oil cap", a: [reuters.txt, "2 million barrels a year"], b: [afp.txt, "2.5 million barrels"], note: optional}
    agreements:                  # the same fact stated compatibly
      - {fact: "vote", a: [reuters.txt, "15-0"], b: [afp.txt, "unanimously"]}
    quotes:                      # every direct quote and its speaker (null when the text leaves it unclear)
      - {file: reuters.txt, speaker: "Jane Doe", words: "first words of the quote as written"}
    quantities:                  # every number stated as a fact, with its unit
      - {file: reuters.txt, value: "2 million", unit: barrels}

What is measured, and how values are matched:

- Values. A gold value is text as the article writes it ("2,053 people were dead"). It matches a
  drafted claim when the claim's value (each text of a mapping value, and the `as written` text
  extract notes for a date it normalized) and the gold value, as word tokens with digit runs split
  from letters, thousands separators and a possessive's "'s" dropped, are one a contiguous run of
  the other: "2,053" matches "2,053 people were dead", "6.3" matches "magnitude 6.3", "Wednesday"
  matches "Wednesday's vote", "2" matches neither.
- Disagreement findings are those of FC101-FC106. A finding involves the sources of its own
  location and of its `related` locations, and states a gold side (article, value) when the
  finding involves that article and either the finding's message holds the value's words as a
  contiguous run or one of the finding's claims from that article matches the value.
- Conflict recall: a gold conflict is found when one disagreement finding states both its sides.
- Agreement alignment: a gold agreement is aligned when each article has a drafted claim matching
  its value, and two such claims share their key, no disagreement finding stands between them (one
  the claim it is reported at, the other among its related claims: two related claims of one
  finding are on the same side), and neither has FC201.
- Disagreement findings fall in one class each, in this order: a gold conflict (states both sides
  of one, or two sides of one conflicting fact from two articles with different values: the gold's
  pairs are examples of a disagreement on that fact); inside one article (its claim and the paired
  claim, the first related one, in one source); between agreeing claims (states both sides of a
  gold agreement, one at its own claim and one among its related claims); not in the gold (listed
  with --details for review by hand).
- Quotes: a drafted quote matches a gold quote of its article when its words start with the gold's
  words (or are an excerpt keeping 90% of them); `quote+speaker` also needs the speaker, both
  resolved through the project's registries (bench/scoring.py). Quantities: drafted
  quantities, counts, votes and measure amounts against the gold's values by the number they
  state, units not compared (scoring.stated_number_match). Each gold item takes at most one
  drafted claim; precision and recall per event and pooled over events.
- FC201 per article: drafted claims and the unsupported findings on them.

Exit codes: 0 when it ran, whatever the figures; 2 for a broken meta.yaml (file, line, what), a
missing article or entity registry, a failing extract or lint (which, and its error output), or no
event folder with a meta.yaml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from factcheck.corpus import StageOptions, discover, load_corpus  # noqa: E402
from factcheck.documents import Document  # noqa: E402
from scoring import (  # noqa: E402
    NUMBER_KINDS, GoldItem, KindMatch, KindScore, Mention, claim_mentions, default_predicate_types,
    number_words, pair_greedily, quote_opening_match, speakers_match, stated_number_match,
)
from factcheck.registry.entities import EntityRegistry  # noqa: E402
from factcheck.ruleset import default_rules_dir, load_ruleset  # noqa: E402
from factcheck.values import ParseContext, tokens  # noqa: E402
from factcheck.yamlload import KeyPath, YamlDocument, decode, load_yaml  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_quality import shown  # noqa: E402  (bench/extract_quality.py, next to this file)

EVENTS = ROOT / "tests" / "data" / "events"
ENTITIES = ROOT / "claims" / "entities.yaml"
REPRODUCE = ".venv/bin/python bench/events.py"
META = "meta.yaml"
EVENT_ENTITIES = "entities.yaml"
ARTICLE_SUFFIXES = (".txt", ".md", ".html")
DISAGREEMENT_CODES = ("FC101", "FC102", "FC103", "FC104", "FC105", "FC106")
UNSUPPORTED = "FC201"
TIMEOUT = 600  # seconds for one extract or lint run

_TOP_KEYS = ("event", "articles", "conflicts", "agreements", "quotes", "quantities")
_ARTICLE_KEYS = ("outlet", "published", "url", "title", "note")
_PAIR_KEYS = ("fact", "a", "b", "note")
_QUOTE_KEYS = ("file", "speaker", "words", "note")
_QUANTITY_KEYS = ("file", "value", "unit", "note")
_AS_WRITTEN = re.compile(r"as written: '(.*)'")
# Classes of disagreement findings, in the order a finding is put in the first that fits.
FINDING_CLASSES = ("gold_conflict", "inside_one_article", "between_agreeing", "unlisted")
SCORED_KINDS = ("quote", "quote+speaker", "quantity")

ClaimRef = tuple[str, str]  # (source id, claim id)


class BenchError(Exception):
    """Something that stops the benchmark; printed as one clear message, never a traceback."""


# ---------------------------------------------------------------------------------------------
# The gold: meta.yaml.


@dataclass(frozen=True)
class Article:
    file: str
    source: str  # the source id: the file stem, as --id gives it
    outlet: str
    published: dt.date
    url: str | None
    title: str | None


@dataclass(frozen=True)
class Side:
    file: str
    value: str


@dataclass(frozen=True)
class GoldPair:
    """A conflict or an agreement between two articles."""

    fact: str
    a: Side
    b: Side
    line: int  # in meta.yaml


@dataclass(frozen=True)
class GoldQuote:
    file: str
    speaker: str | None
    words: str
    line: int


@dataclass(frozen=True)
class GoldQuantity:
    file: str
    value: str
    unit: str
    line: int


@dataclass(frozen=True)
class Event:
    name: str  # the folder's name
    folder: Path
    description: str
    articles: tuple[Article, ...]
    conflicts: tuple[GoldPair, ...]
    agreements: tuple[GoldPair, ...]
    quotes: tuple[GoldQuote, ...]
    quantities: tuple[GoldQuantity, ...]

    @property
    def meta(self) -> Path:
        return self.folder / META

    @property
    def entities(self) -> Path | None:
        path = self.folder / EVENT_ENTITIES
        return path if path.is_file() else None

    def article(self, file: str) -> Article:
        return next(a for a in self.articles if a.file == file)


def source_id(file: str) -> str:
    """The source id an article gets: its file stem, lowercased, other characters as hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", Path(file).stem.lower()).strip("-")


class _Meta:
    """Reads one meta.yaml; every problem is a BenchError naming the file, the line and what is wrong."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text, problem = decode(path.read_bytes())
        except OSError as err:
            raise BenchError(f"{path}: cannot read: {err.strerror or err}") from None
        if problem is not None:
            raise BenchError(f"{path}:{problem.position.line}: {problem.message}")
        self.doc: YamlDocument = load_yaml(text or "")
        if self.doc.problems:
            issue = self.doc.problems[0]
            raise BenchError(f"{path}:{issue.position.line}: {issue.message}")

    def fail(self, where: KeyPath, what: str, key: bool = False) -> BenchError:
        return BenchError(f"{self.path}:{self.doc.position(where, key=key).line}: {what}")

    def line(self, where: KeyPath) -> int:
        return self.doc.position(where).line

    def mapping(self, raw: Any, where: KeyPath, allowed: tuple[str, ...], label: str) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(where, f"{label}: expected a mapping with {', '.join(allowed)}")
        for key in raw:
            if key not in allowed:
                raise self.fail(where + (key,), f"{label}: unknown key '{key}' (allowed: {', '.join(allowed)})", key=True)
        return raw

    def text(self, data: Mapping[str, Any], name: str, where: KeyPath, label: str, required: bool = True) -> str | None:
        raw = data.get(name)
        if raw is None and not required:
            return None
        if not isinstance(raw, str) or not raw.strip():
            raise self.fail(where + (name,) if name in data else where, f"{label}: '{name}' must be non-empty text")
        return raw

    def items(self, data: Mapping[str, Any], section: str) -> list[tuple[KeyPath, Any]]:
        raw = data.get(section)
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise self.fail((section,), f"'{section}' must be a list")
        return [((section, index), entry) for index, entry in enumerate(raw)]


def load_event(folder: Path) -> Event:
    """Read and check an event folder's meta.yaml and that every article it names is there."""
    meta = _Meta(folder / META)
    data = meta.doc.data
    if not isinstance(data, dict):
        raise BenchError(f"{meta.path}:1: expected a mapping with {', '.join(_TOP_KEYS)}")
    meta.mapping(data, (), _TOP_KEYS, "meta.yaml")
    description = meta.text(data, "event", (), "meta.yaml") or ""
    raw_articles = data.get("articles")
    if not isinstance(raw_articles, dict) or not raw_articles:
        raise meta.fail(("articles",), "'articles' must map each article's file name to its outlet and published date")
    articles: list[Article] = []
    for file, entry in raw_articles.items():
        where: KeyPath = ("articles", file)
        label = f"articles: {file}"
        fields = meta.mapping(entry, where, _ARTICLE_KEYS, label)
        if "/" in file or "\\" in file or not file.endswith(ARTICLE_SUFFIXES):
            raise meta.fail(where, f"{label}: an article is a file of the event folder ending in {', '.join(ARTICLE_SUFFIXES)}", key=True)
        if not (folder / file).is_file():
            raise meta.fail(where, f"{label}: the article {folder / file} does not exist", key=True)
        published = meta.text(fields, "published", where, label) or ""
        try:
            day = dt.date.fromisoformat(published.strip())
        except ValueError:
            raise meta.fail(where + ("published",), f"{label}: 'published' must be a date like 2019-05-02, found '{published}'") from None
        sid = source_id(file)
        if not sid or not sid[0].isalnum():
            raise meta.fail(where, f"{label}: the file name gives no usable source id", key=True)
        clash = next((a.file for a in articles if a.source == sid), None)
        if clash is not None:
            raise meta.fail(where, f"{label}: gives the source id '{sid}', as {clash} does; rename one", key=True)
        articles.append(Article(
            file, sid, meta.text(fields, "outlet", where, label) or "", day,
            meta.text(fields, "url", where, label, required=False), meta.text(fields, "title", where, label, required=False),
        ))
    files = {a.file for a in articles}

    def article_file(raw: Any, where: KeyPath, label: str) -> str:
        if not isinstance(raw, str) or raw not in files:
            raise meta.fail(where, f"{label}: '{raw}' is not one of the articles ({', '.join(sorted(files))})")
        return raw

    def pairs(section: str) -> tuple[GoldPair, ...]:
        found = []
        for where, entry in meta.items(data, section):
            label = f"{section}[{where[1]}]"
            fields = meta.mapping(entry, where, _PAIR_KEYS, label)
            fact = meta.text(fields, "fact", where, label) or ""
            sides = []
            for name in ("a", "b"):
                raw = fields.get(name)
                if not (isinstance(raw, list) and len(raw) == 2 and isinstance(raw[1], str) and raw[1].strip()):
                    raise meta.fail(where + (name,) if name in fields else where, f"{label}: '{name}' must be [article file, value as written]")
                sides.append(Side(article_file(raw[0], where + (name, 0), label), raw[1]))
            if sides[0].file == sides[1].file:
                raise meta.fail(where, f"{label}: 'a' and 'b' are both in {sides[0].file}; a pair is between two articles")
            found.append(GoldPair(fact, sides[0], sides[1], meta.line(where)))
        return tuple(found)

    quotes = []
    for where, entry in meta.items(data, "quotes"):
        label = f"quotes[{where[1]}]"
        fields = meta.mapping(entry, where, _QUOTE_KEYS, label)
        if "speaker" not in fields:
            raise meta.fail(where, f"{label}: 'speaker' is required (null when the text does not make the speaker clear)")
        speaker = fields["speaker"]
        if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
            raise meta.fail(where + ("speaker",), f"{label}: 'speaker' must be a name or null")
        words = meta.text(fields, "words", where, label) or ""
        if not tokens(words):
            raise meta.fail(where + ("words",), f"{label}: the quote has no words")
        quotes.append(GoldQuote(article_file(fields.get("file"), where + ("file",), label), speaker, words, meta.line(where)))
    quantities = []
    for where, entry in meta.items(data, "quantities"):
        label = f"quantities[{where[1]}]"
        fields = meta.mapping(entry, where, _QUANTITY_KEYS, label)
        value = meta.text(fields, "value", where, label) or ""
        unit = meta.text(fields, "unit", where, label) or ""
        quantities.append(GoldQuantity(article_file(fields.get("file"), where + ("file",), label), value, unit, meta.line(where)))
    return Event(
        folder.name, folder, description, tuple(sorted(articles, key=lambda a: a.file)),
        pairs("conflicts"), pairs("agreements"), tuple(quotes), tuple(quantities),
    )


def verbatim_problems(event: Event) -> list[str]:
    """Gold values that are not in their article as written (runs of white space count as one
    space, and an HTML or Markdown article is also searched in its reading text)."""
    texts: dict[str, list[str]] = {}
    for article in event.articles:
        raw = (event.folder / article.file).read_text(encoding="utf-8")
        texts[article.file] = [_spaced(raw), _spaced(Document(article.file, raw).text)]
    wanted: list[tuple[int, str, str, str]] = []
    for kind, pairs in (("conflicts", event.conflicts), ("agreements", event.agreements)):
        for pair in pairs:
            wanted += [(pair.line, kind, side.file, side.value) for side in (pair.a, pair.b)]
    wanted += [(q.line, "quotes", q.file, q.words) for q in event.quotes]
    wanted += [(q.line, "quantities", q.file, q.value) for q in event.quantities]
    return [
        f"{event.meta}:{line}: {kind}: '{value}' is not in {file} as written"
        for line, kind, file, value in wanted
        if not any(_spaced(value) in text for text in texts[file])
    ]


def _spaced(text: str) -> str:
    return " ".join(text.split())


def find_events(root: Path) -> tuple[list[Path], list[str]]:
    """Event folders (with a meta.yaml) in name order, and the names of folders skipped without one."""
    if not root.is_dir():
        raise BenchError(f"--events {root}: not a directory")
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    return [p for p in folders if (p / META).is_file()], [p.name for p in folders if not (p / META).is_file()]


# ---------------------------------------------------------------------------------------------
# Running extract and lint in a project made for the event.


@dataclass
class Run:
    """What extract and lint made of one event."""

    event: Event
    claims: dict[str, list[dict[str, Any]]]  # source id -> the drafted claims (as lint reads them)
    keys: dict[ClaimRef, tuple[Any, ...]]  # the key lint compares a claim by
    registry: EntityRegistry
    findings: list[dict[str, Any]]  # lint's JSON

    def claim(self, ref: ClaimRef) -> dict[str, Any] | None:
        return next((c for c in self.claims.get(ref[0], []) if c.get("id") == ref[1]), None)


def run_event(event: Event, entities: Path, workdir: Path) -> Run:
    """Build the event's project in workdir, extract every article into it, lint it, read the drafts."""
    claims_dir = workdir / "claims"
    (claims_dir / "sources").mkdir(parents=True)
    (workdir / "factcheck.toml").write_text('claims = "claims"\n', encoding="utf-8")
    shutil.copytree(default_rules_dir(), workdir / "rules")
    shutil.copyfile(entities, claims_dir / "entities.yaml")
    if event.entities is not None:
        shutil.copyfile(event.entities, claims_dir / "event-entities.yaml")
    for article in event.articles:
        shutil.copyfile(event.folder / article.file, claims_dir / "sources" / article.file)
    for article in event.articles:
        flags = ["--id", article.source, "--outlet", article.outlet, "--published", article.published.isoformat()]
        flags += ["--url", article.url] if article.url else []
        flags += ["--title", article.title] if article.title else []
        _factcheck(["extract", f"claims/sources/{article.file}", "-o", "claims/", *flags, "--no-progress"], workdir, f"{event.name}/{article.file}")
        if not (claims_dir / f"{article.source}.yaml").is_file():
            raise BenchError(f"{event.name}/{article.file}: `factcheck extract` wrote no claims/{article.source}.yaml")
    done = _factcheck(["lint", "--format", "json", "--no-cache", "--jobs", "1", "--exit-zero", "claims"], workdir, event.name)
    try:
        findings = json.loads(done)
    except json.JSONDecodeError as err:
        raise BenchError(f"{event.name}: `factcheck lint --format json` printed no JSON ({err})") from None
    return _read_drafts(event, workdir, findings)


def _factcheck(args: list[str], cwd: Path, what: str) -> str:
    """Run `python -m factcheck ARGS` in the event's project; its standard output, or a BenchError."""
    command = [sys.executable, "-m", "factcheck", *args]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise BenchError(f"{what}: `{shlex.join(command[2:])}` did not finish within {TIMEOUT} s") from None
    if done.returncode != 0:
        error = "\n".join("  " + line for line in (done.stderr.strip() or "(no error output)").splitlines())
        raise BenchError(f"{what}: `factcheck {args[0]}` failed (exit {done.returncode}):\n  {shlex.join(command[2:])}\n{error}")
    return done.stdout


def _read_drafts(event: Event, workdir: Path, findings: list[dict[str, Any]]) -> Run:
    """The drafted claims and their keys, read by factcheck's own loader as lint reads them."""
    ruleset = load_ruleset([workdir / "rules"])
    corpus = load_corpus(discover([workdir / "claims"]), [], workdir, workdir, StageOptions(ruleset=ruleset))
    sources = {a.source for a in event.articles}
    claims: dict[str, list[dict[str, Any]]] = {sid: [] for sid in sources}
    keys: dict[ClaimRef, tuple[Any, ...]] = {}
    for loaded in corpus.claim_files:
        if loaded.source is None or loaded.source.id not in sources:
            continue
        data = load_yaml(loaded.path.read_text(encoding="utf-8")).data  # as lint reads it: every scalar a string
        listed = data.get("claims") if isinstance(data, dict) else None
        claims[loaded.source.id] = [c for c in listed if isinstance(c, dict)] if isinstance(listed, list) else []
        for assertion in loaded.assertions:
            keys[(assertion.source.id, assertion.claim)] = assertion.key
    return Run(event, claims, keys, corpus.entities, findings)


# ---------------------------------------------------------------------------------------------
# Scoring.


def _is_run(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether `short` is a non-empty contiguous run of `long`."""
    n = len(short)
    return 0 < n <= len(long) and any(tuple(long[i : i + n]) == tuple(short) for i in range(len(long) - n + 1))


def claim_texts(claim: Mapping[str, Any]) -> list[str]:
    """What a drafted claim states as text: its value (each text of a mapping) and, for a value
    extract normalized, the words it noted as written."""
    value = claim.get("value")
    texts = [str(v) for v in _leaves(value)]
    note = claim.get("note")
    if isinstance(note, str):
        texts += _AS_WRITTEN.findall(note)
    return texts


def _leaves(value: Any) -> Iterable[Any]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif value is not None:
        yield value


def value_matches(gold: str, claim: Mapping[str, Any]) -> bool:
    """A drafted claim states a gold value: one is a contiguous run of the other's words (a
    possessive is its word: "Wednesday's vote" states Wednesday)."""
    want = _value_words(gold)
    return any(_is_run(got, want) or _is_run(want, got) for got in map(_value_words, claim_texts(claim)))


def _value_words(text: str) -> list[str]:
    return [word.removesuffix("'s") for word in number_words(text)]


def finding_claims(finding: Mapping[str, Any]) -> list[ClaimRef]:
    """The claims a finding is about: its own location and its related ones."""
    places = [finding, *(finding.get("related") or [])]
    return [(str(p["source"]), str(p["claim"])) for p in places if p.get("source") and p.get("claim")]


def states(run: Run, finding: Mapping[str, Any], side: Side) -> bool:
    """Whether a finding involves the side's article and states its value (see the module doc)."""
    source = run.event.article(side.file).source
    mine = [ref for ref in finding_claims(finding) if ref[0] == source]
    if not mine:
        return False
    if _is_run(number_words(side.value), number_words(str(finding.get("message", "")))):
        return True
    return any(value_matches(side.value, claim) for claim in map(run.claim, mine) if claim is not None)


def _pair_found(run: Run, finding: Mapping[str, Any], pair: GoldPair) -> bool:
    return states(run, finding, pair.a) and states(run, finding, pair.b)


def _across(run: Run, finding: Mapping[str, Any], pair: GoldPair) -> bool:
    """Whether the finding states the pair's sides on its two sides: one at the claim it is reported
    at, the other among its related claims. A disagreement lists the rest of the paired claim's side
    after it, so two related claims are on one side and the finding does not stand between them."""
    here = {**finding, "related": []}
    there = {"message": finding.get("message", ""), "related": finding.get("related") or []}
    return (states(run, here, pair.a) and states(run, there, pair.b)) or (states(run, here, pair.b) and states(run, there, pair.a))


@dataclass
class EventScore:
    """The figures of one event (or, summed, of all)."""

    conflicts_found: int = 0
    conflicts: int = 0
    agreements_aligned: int = 0
    agreements: int = 0
    findings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FINDING_CLASSES, 0))
    kinds: dict[str, KindScore] = field(default_factory=lambda: dict.fromkeys(SCORED_KINDS, KindScore()))
    articles: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # file -> (source, claims, FC201)

    def __add__(self, other: EventScore) -> EventScore:
        return EventScore(
            self.conflicts_found + other.conflicts_found, self.conflicts + other.conflicts,
            self.agreements_aligned + other.agreements_aligned, self.agreements + other.agreements,
            {k: self.findings[k] + other.findings[k] for k in FINDING_CLASSES},
            {k: self.kinds[k] + other.kinds[k] for k in SCORED_KINDS},
            {},
        )

    @property
    def fc201(self) -> tuple[int, int]:
        return sum(c for _, c, _ in self.articles.values()), sum(u for _, _, u in self.articles.values())

    def as_json(self, fc201: tuple[int, int] | None = None) -> dict[str, Any]:
        claims, unsupported = fc201 if fc201 is not None else self.fc201
        return {
            "conflicts": {"found": self.conflicts_found, "gold": self.conflicts, "recall": _ratio(self.conflicts_found, self.conflicts)},
            "agreements": {"aligned": self.agreements_aligned, "gold": self.agreements, "rate": _ratio(self.agreements_aligned, self.agreements)},
            "disagreement_findings": {"total": sum(self.findings.values()), **self.findings},
            **{kind.replace("+", "_"): {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": s.precision, "recall": s.recall}
               for kind, s in self.kinds.items()},
            "claims": claims,
            "fc201": unsupported,
            "articles": {file: {"source": sid, "claims": n, "fc201": u} for file, (sid, n, u) in sorted(self.articles.items())},
        }


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def score_event(run: Run) -> tuple[EventScore, list[str]]:
    """The event's figures, and the detail lines behind them (misses, false alarms, extras)."""
    event, result, notes = run.event, EventScore(), []
    disagreements = [f for f in run.findings if f.get("code") in DISAGREEMENT_CODES]
    result.conflicts, result.agreements = len(event.conflicts), len(event.agreements)

    for pair in event.conflicts:
        if any(_pair_found(run, f, pair) for f in disagreements):
            result.conflicts_found += 1
        else:
            notes.append(f"conflict missed   {_pair_label(pair)}: {_why_not_found(run, pair, disagreements)}")

    unsupported = {ref for f in run.findings if f.get("code") == UNSUPPORTED for ref in finding_claims(f)[:1]}
    for pair in event.agreements:
        problem = _misalignment(run, pair, disagreements, unsupported)
        if problem is None:
            result.agreements_aligned += 1
        else:
            notes.append(f"agreement missed  {_pair_label(pair)}: {problem}")

    for finding in disagreements:
        kind = _finding_class(run, finding)
        result.findings[kind] += 1
        if kind != "gold_conflict":
            notes.append(f"{_CLASS_LABELS[kind]:<17} {_finding_label(finding)}")

    predicates = default_predicate_types()
    for article in event.articles:
        draft = {"claims": run.claims.get(article.source, [])}
        mentions = claim_mentions(draft, article.published, predicates)
        for kind, found in _score_article(run, article, mentions).items():
            result.kinds[kind] = result.kinds[kind] + found.score
            for item in found.missed:
                speaker = f" [{item.speaker}]" if kind == "quote+speaker" else ""
                notes.append(f"{kind:<17} missed  {article.file} (meta.yaml:{item.line}): {_short(item.text)}{speaker}")
            for mention in found.spurious:
                speaker = f" [{mention.speaker}]" if kind == "quote+speaker" else ""
                notes.append(f"{kind:<17} extra   {article.source} ({mention.claim}): {_short(mention.text)}{speaker}")
        flagged = sum(1 for ref in unsupported if ref[0] == article.source)
        result.articles[article.file] = (article.source, len(run.claims.get(article.source, [])), flagged)
    return result, notes


_CLASS_LABELS = {
    "gold_conflict": "gold conflict", "inside_one_article": "same-article alarm",
    "between_agreeing": "agreement alarm", "unlisted": "not in the gold",
}


def _finding_class(run: Run, finding: Mapping[str, Any]) -> str:
    if any(_pair_found(run, finding, pair) for pair in run.event.conflicts) or _fact_sides_found(run, finding):
        return "gold_conflict"
    if len({source for source, _ in finding_claims(finding)[:2]}) <= 1:  # its claim and the paired one
        return "inside_one_article"
    if any(_across(run, finding, pair) for pair in run.event.agreements):
        return "between_agreeing"
    return "unlisted"


def _fact_sides_found(run: Run, finding: Mapping[str, Any]) -> bool:
    """Whether the finding gives two of the values the gold says one fact is disputed between, in two
    articles: "35 km" in one against "40 km" in another, where the gold pairs each with a third
    article. The gold lists pairs as examples of a disagreement on a fact; any two articles that
    state two of its differing values disagree too. An article states a value when it is one of the
    fact's sides (see states) or one of its claims in the finding matches a side's value written with
    digits, or gives the same numbers ("Around 40,000" for "40,000 RMT union members"; a bare
    "first" would match too many sides' words)."""
    by_fact: dict[str, list[Side]] = {}
    for pair in run.event.conflicts:
        by_fact.setdefault(pair.fact, []).extend((pair.a, pair.b))
    claims = [(ref[0], run.claim(ref)) for ref in finding_claims(finding)]
    for sides in by_fact.values():
        stated = {(run.event.article(side.file).source, tuple(_stated(side.value))) for side in sides if states(run, finding, side)}
        for source, claim in claims:
            if claim is not None:
                stated.update((source, tuple(_stated(side.value))) for side in sides
                              if re.search(r"\d", side.value) and (value_matches(side.value, claim) or _same_numbers(side.value, claim)))
        if any(x[0] != y[0] and x[1] != y[1] for x in stated for y in stated):
            return True
    return False


def _same_numbers(side: str, claim: Mapping[str, Any]) -> bool:
    """Whether the claim's value gives the side's numbers, in other words ("Around 40,000" states
    "40,000 RMT union members")."""
    value = claim.get("value")
    return isinstance(value, str) and bool(re.search(r"\d", value)) and _stated(value) == _stated(side)


def _stated(value: str) -> list[str]:
    """What a side states, for telling two sides apart: its numbers, else its words ("35 kilometres
    north-west" and "35 kilometers northwest" state the same)."""
    numbers = re.findall(r"\d+(?:[.,]\d+)*", value)
    return [n.replace(",", "") for n in numbers] if numbers else number_words(value)


def _why_not_found(run: Run, pair: GoldPair, disagreements: list[dict[str, Any]]) -> str:
    missing = [s.file for s in (pair.a, pair.b) if not _drafted(run, s)]
    if missing:
        return f"no drafted claim states the value in {' and '.join(missing)}"
    sources = {run.event.article(pair.a.file).source, run.event.article(pair.b.file).source}
    between = [f for f in disagreements if sources <= {s for s, _ in finding_claims(f)}]
    if not between:
        return "both drafted, but no disagreement finding involves both articles"
    return f"{len(between)} disagreement finding(s) between the articles, none stating both values"


def _drafted(run: Run, side: Side) -> list[ClaimRef]:
    source = run.event.article(side.file).source
    return [(source, str(c.get("id"))) for c in run.claims.get(source, []) if value_matches(side.value, c)]


def _misalignment(run: Run, pair: GoldPair, disagreements: list[dict[str, Any]], unsupported: set[ClaimRef]) -> str | None:
    """None when the agreement is aligned; else the first reason it is not."""
    left, right = _drafted(run, pair.a), _drafted(run, pair.b)
    if not left or not right:
        missing = [s.file for s, found in ((pair.a, left), (pair.b, right)) if not found]
        return f"no drafted claim states the value in {' and '.join(missing)}"
    keyed = [(a, b) for a in left for b in right if run.keys.get(a) is not None and run.keys.get(a) == run.keys.get(b)]
    if not keyed:
        shown = sorted({_key_label(run.keys.get(ref)) for ref in left + right})
        return "the claims do not share a key: " + "; ".join(shown)
    apart = [(a, b) for a, b in keyed if not any(_stands_between(f, a, b) for f in disagreements)]
    if not apart:
        return "a disagreement finding stands between the claims"
    if all(a in unsupported or b in unsupported for a, b in apart):
        return f"{UNSUPPORTED} on the claims ({', '.join(sorted({r[1] for p in apart for r in p if r in unsupported}))})"
    return None


def _stands_between(finding: Mapping[str, Any], a: ClaimRef, b: ClaimRef) -> bool:
    """One claim is the finding's own and the other one of its related claims (see _across)."""
    own, *related = finding_claims(finding)
    return (own == a and b in related) or (own == b and a in related)


def _score_article(run: Run, article: Article, mentions: list[Mention]) -> dict[str, KindMatch]:
    quotes = [m for m in mentions if m.kind == "quote"]
    numbers = [m for m in mentions if m.kind in NUMBER_KINDS]
    gold_quotes = [
        GoldItem("quote", q.words, q.line, " ".join(tokens(q.words)), q.speaker)
        for q in run.event.quotes if q.file == article.file
    ]
    gold_numbers = [GoldItem("quantity", q.value, q.line, q.value) for q in run.event.quantities if q.file == article.file]
    ctx = ParseContext(published=article.published)

    def same_words(item: GoldItem, mention: Mention) -> bool:
        return quote_opening_match(mention.words, item.words)

    def same_speaker(item: GoldItem, mention: Mention) -> bool:
        return speakers_match(item.speaker, mention.speaker, run.registry)

    return {
        "quote": pair_greedily("quote", gold_quotes, quotes, same_words),
        "quote+speaker": pair_greedily("quote+speaker", gold_quotes, quotes, lambda i, m: same_words(i, m) and same_speaker(i, m)),
        "quantity": pair_greedily("quantity", gold_numbers, numbers, lambda i, m: stated_number_match(i.text, m, ctx)),
    }


def _pair_label(pair: GoldPair) -> str:
    return f"'{pair.fact}' (meta.yaml:{pair.line}): {pair.a.file} {_short(pair.a.value)} / {pair.b.file} {_short(pair.b.value)}"


def _finding_label(finding: Mapping[str, Any]) -> str:
    places = ", ".join(f"{s}/{c}" for s, c in finding_claims(finding))
    return f"{finding.get('code')} {finding.get('path')}:{finding.get('line')} [{places}]: {finding.get('message')}"


def _key_label(key: tuple[Any, ...] | None) -> str:
    if key is None:
        return "(no key: the claim did not normalize)"
    subject, predicate, qualifiers = key
    shown = ", ".join(f"{k}: {v}" for k, v in qualifiers)
    return f"{subject} {predicate} {{{shown}}}"


def _short(text: str, limit: int = 70) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3].rstrip() + "...")


# ---------------------------------------------------------------------------------------------
# Report.


def _table(title: str, header: list[str], rows: list[list[str]], footer: int = 1) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned; the last
    `footer` rows (the pooled figures) below a rule."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        return "  ".join(cells).rstrip()

    rule = "-" * len(line(header))
    body, foot = rows[: len(rows) - footer], rows[len(rows) - footer :]
    return "\n".join([title, line(header), rule, *map(line, body), rule, *map(line, foot)])


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def report(scores: dict[str, EventScore]) -> str:
    """The three tables: disagreements, quotes and quantities, FC201 per article; a pooled row each."""
    pooled = sum(scores.values(), EventScore())
    named = [*scores.items(), ("pooled", pooled)]
    disagreements = [
        [name, f"{s.conflicts_found}/{s.conflicts}", _rate(_ratio(s.conflicts_found, s.conflicts)),
         f"{s.agreements_aligned}/{s.agreements}", _rate(_ratio(s.agreements_aligned, s.agreements)),
         str(sum(s.findings.values())), *(str(s.findings[k]) for k in FINDING_CLASSES)]
        for name, s in named
    ]
    kinds = []
    for name, s in named:
        for kind in SCORED_KINDS:
            k = s.kinds[kind]
            kinds.append([name if kind == SCORED_KINDS[0] else "", kind, str(k.tp), str(k.fp), str(k.fn), f"{k.precision:.3f}", f"{k.recall:.3f}"])
    unsupported = []
    for name, s in scores.items():
        for file, (sid, claims, flagged) in sorted(s.articles.items()):
            unsupported.append([name, file, str(claims), str(flagged), _rate(_ratio(flagged, claims))])
    claims, flagged = (sum(s.fc201[i] for s in scores.values()) for i in (0, 1))
    unsupported.append(["pooled", "", str(claims), str(flagged), _rate(_ratio(flagged, claims))])
    return "\n\n".join([
        _table(
            "Disagreements (FC101-FC106): gold conflicts found, gold agreements aligned, and every finding by class",
            ["event", "conflicts", "recall", "agreements", "aligned", "findings", "gold", "same-article", "agreeing", "unlisted"],
            disagreements,
        ),
        _table("Quotes and quantities against the gold", ["event", "kind", "tp", "fp", "fn", "precision", "recall"], kinds, len(SCORED_KINDS)),
        _table(f"Unsupported ({UNSUPPORTED}) per article", ["event", "article", "claims", UNSUPPORTED, "share"], unsupported),
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract and lint each event's articles; score the disagreements, quotes and quantities against its meta.yaml.")
    parser.add_argument("--events", type=Path, default=EVENTS, help="folder of event folders (default: tests/data/events)")
    parser.add_argument("--entities", type=Path, default=ENTITIES, help="entity registry of every project (default: claims/entities.yaml)")
    parser.add_argument("--details", action="store_true", help="list misses, extras and every disagreement finding that is not a gold conflict")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the raw numbers to FILE")
    parser.add_argument("--workdir", type=Path, help="build the projects under DIR/<event> and keep them (default: a temporary directory)")
    args = parser.parse_args(argv)
    try:
        if not args.entities.is_file():
            raise BenchError(f"--entities {args.entities}: no such file")
        folders, skipped = find_events(args.events)
        if not folders:
            raise BenchError(f"no event folder with a {META} in {args.events}")
        events = [load_event(folder) for folder in folders]
        scores: dict[str, EventScore] = {}
        notes: dict[str, list[str]] = {}
        for event in events:
            run = _run_in(event, args.entities, args.workdir)
            scores[event.name], notes[event.name] = score_event(run)
    except BenchError as err:
        print(f"events: {err}", file=sys.stderr)
        return 2
    print(f"{len(events)} event(s) in {shown(args.events)}, each extracted and linted as one project\n")
    print(report(scores))
    if skipped:
        print(f"\nSkipped (no {META}): {', '.join(skipped)}")
    if args.details:
        for name in scores:
            print(f"\n{name}: misses, extras and disagreement findings that are not gold conflicts")
            print("\n".join("  " + line for line in notes[name]) if notes[name] else "  (none)")
    flags = shlex.join(sys.argv[1:] if argv is None else argv)
    command = f"{REPRODUCE}{' ' + flags if flags else ''}"
    if args.json is not None:
        pooled = sum(scores.values(), EventScore())
        totals = tuple(sum(s.fc201[i] for s in scores.values()) for i in (0, 1))
        data = {
            "events": {name: s.as_json() for name, s in scores.items()},
            "pooled": {k: v for k, v in pooled.as_json(totals).items() if k != "articles"},
            "skipped": skipped,
            "reproduce": command,
        }
        args.json.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nReproduce: {command}")
    return 0


def _run_in(event: Event, entities: Path, workdir: Path | None) -> Run:
    if workdir is not None:
        target = workdir / event.name
        if target.exists():
            raise BenchError(f"--workdir: {target} exists; remove it or choose another directory")
        return run_event(event, entities, target)
    with tempfile.TemporaryDirectory(prefix="factcheck-events-") as tmp:
        return run_event(event, entities, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
