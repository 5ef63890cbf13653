#!/usr/bin/env python3
"""FC101 value-conflict against pySHACL's sh:maxCount 1 on the same cardinality-one assertions.

    python bench/shacl.py [--workdir DIR] [--repeat N] [--json FILE]     # the many-keys corpus
    python bench/shacl.py CORPUS_DIR [--repeat N] [--json FILE]          # any corpus

Without CORPUS_DIR the corpus is made by bench/generate.py with one news source per resolution
(--sources 10000 --claims-per-source 10 --sources-per-resolution 1 --conflict-rate 0.05 by
default), in --workdir (reused there when its expected.json names the same generator arguments; a
new temporary directory otherwise). With 20 sources per resolution, generate.py's default, the
cardinality-one facts (votes, adoption dates, reductions, counts, events) of a 100,000-claim
corpus fall on a few dozen keys, and a comparison there measures nothing but start-up costs. One
source per resolution gives 10,000 resolutions, tens of thousands of keys, several hundred of them
in conflict: a newsroom repository that covers years of resolutions.

Both sides judge the same question on the same data. The assertions come from factcheck's own
pipeline; of the cardinality-one ones with a subject, every source is made `kind: news` and every
claim own voice (so no disagreement is routed to FC106 contradicts-primary or FC102
claimant-disagreement instead of FC101), and a fact that changes over time (`changes: true`) gets
its `as_of` day in the key, as FC101 compares it. Only keys whose distinct normalized values
pairwise disagree (by `factcheck.values.compare`) are kept: there "two distinct values" (what
maxCount 1 flags) and "a disagreement" (what FC101 reports) must mean the same thing, while a key
holding values that agree, such as "nearly 90 percent" and "89 percent", is left out and counted.

Each kept key becomes one RDF node typed ex:Fact with one ex:value literal per distinct canonical
value; the shape is `sh:targetClass ex:Fact; sh:property [sh:path ex:value; sh:maxCount 1]`. The
keys SHACL flags (focus nodes of the results) must equal the keys of FC101's findings (each mapped
back through the (source id, claim id) of its location and related location); exit 1 when they
differ.

Timed in-process with time.perf_counter, loading excluded, best of --repeat for each figure:

- FC101 over the load-time index (the target's figure): a fresh RuleContext and Analysis given the
  bucket index of the compared assertions, built beforehand, then FC101's check. `factcheck lint`
  builds that index right after loading, before any rule (lint.py); pySHACL likewise indexes its
  data graph's triples as they are added, before validate(). So the like-for-like comparison is
  this figure against pySHACL's validate() alone.
- building the index (factcheck.bucket_index.BucketIndex over the compared assertions).
- FC101 from scratch: a fresh RuleContext without an index, so its analysis builds one inside the
  timed part (the figure this benchmark reported before the index existed).
- pySHACL's validate() on the data graph built beforehand; building the data and shapes graphs is
  timed once and reported separately.

The ratios reported: validate() / FC101 over the index (like for like, the target);
validate() / FC101 from scratch; and (validate() + graph building) / (index building + FC101),
both sides' indexing included. FC101's findings must be the same with and without the prebuilt
index. Every timed run starts after a full collection and runs with the cyclic garbage collector
paused, on both sides: that is how `factcheck lint` runs its rules (lint.py runs loading and rules
inside filestage.gc_paused), and pySHACL gets the same treatment.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.util
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.assertions import Assertion, SourceInfo
from factcheck.bucket_index import BucketIndex
from factcheck.checks import CHECKS
from factcheck.context import RuleContext
from factcheck.findings import Finding
from factcheck.pipeline import LintOptions, LintResult, run_lint
from factcheck.values import compare

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py, next to this file)

# subject, predicate, qualifiers, and the as_of day (ISO) for facts that change, else None
Key = tuple[str, str, tuple[tuple[str, str], ...], str | None]

EX = "urn:factcheck:bench:"
SHAPES_TTL = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <{EX}> .
ex:FactShape a sh:NodeShape ;
    sh:targetClass ex:Fact ;
    sh:property [ sh:path ex:value ; sh:maxCount 1 ] .
"""

AGREE = "distinct values that agree (overlapping intervals)"
INCOMPARABLE = "distinct values that cannot be compared"
NO_SUBJECT = "without a resolved subject"
TEXT = "with quote or text values (never compared as facts)"


@dataclass(frozen=True)
class ManyKeys:
    """The generated corpus the comparison runs on by default: one news source per resolution."""

    sources: int = 10_000
    claims_per_source: int = 10
    sources_per_resolution: int = 1
    conflict_rate: float = 0.05
    seed: int = 0

    @property
    def name(self) -> str:
        return (f"shacl-{self.sources}x{self.claims_per_source}-k{self.sources_per_resolution}"
                f"-r{self.conflict_rate:g}-s{self.seed}")

    def generator(self) -> dict[str, Any]:
        """The arguments as expected.json records them (K only when it is not the default)."""
        args: dict[str, Any] = {"sources": self.sources, "claims_per_source": self.claims_per_source,
                                "seed": self.seed, "conflict_rate": self.conflict_rate}
        if self.sources_per_resolution != generate.SOURCES_PER_RESOLUTION:
            args["sources_per_resolution"] = self.sources_per_resolution
        return args

    def generate_args(self, outdir: Path) -> list[str]:
        return [str(outdir), "--sources", str(self.sources), "--claims-per-source", str(self.claims_per_source),
                "--sources-per-resolution", str(self.sources_per_resolution),
                "--conflict-rate", str(self.conflict_rate), "--seed", str(self.seed)]

    def ensure(self, workdir: Path) -> tuple[Path, float | None]:
        """The corpus in workdir/<name>: reused when its expected.json names the same arguments, else
        generated. Returns (directory, seconds spent generating or None)."""
        outdir = workdir / self.name
        expected_file = outdir / "expected.json"
        if expected_file.is_file():
            expected = json.loads(expected_file.read_text(encoding="utf-8"))
            news = outdir / "news"
            if expected.get("generator") == self.generator() and news.is_dir() and \
                    sum(1 for _ in news.glob("*.yaml")) == expected["files"]["news"]:
                return outdir, None
        start = time.perf_counter()
        generate.generate(outdir, self.sources, self.claims_per_source, self.seed, self.conflict_rate,
                          self.sources_per_resolution)
        return outdir, time.perf_counter() - start


def _times(slow: float, fast: float) -> float:
    return slow / fast if fast > 0 else float("inf")


def ms(seconds: float) -> str:
    return f"{1000 * seconds:,.1f} ms"


def speed(ratio: float) -> str:
    """'FC101 is 120x faster' or 'FC101 is 4.2x slower' (ratio: pySHACL time / FC101 time)."""
    if ratio >= 1:
        return f"FC101 is {ratio:,.1f}x faster"
    return f"FC101 is {1 / ratio:,.1f}x slower" if ratio > 0 else "FC101 is slower"


def label(key: Key) -> str:
    """A key as people read it: 'unscr-2397 count {of: workers-abroad}' (@ day for facts that change)."""
    subject, predicate, qualifiers, day = key
    text = f"{subject} {predicate}"
    if qualifiers:
        text += " {" + ", ".join(f"{k}: {v}" for k, v in qualifiers) + "}"
    return text + (f" @ {day}" if day else "")


@dataclass
class Prepared:
    """The compared assertion set, and how each claim maps to its key."""

    assertions: list[Assertion]
    key_of: dict[tuple[str, str], Key]  # (source id, claim id) -> key
    values: dict[Key, list[str]]  # distinct canonical values per kept key, first seen first
    considered: int  # cardinality-one assertions with a subject (and a comparable value), before keys were left out
    considered_keys: int  # their keys, before keys were left out
    left_out: dict[str, int]  # reason -> number of keys left out
    assertions_left_out: dict[str, int]  # reason -> cardinality-one assertions that have no key


def prepare(result: LintResult) -> Prepared:
    """Cardinality-one assertions as news, own voice, keyed; keys whose values may agree left out."""
    predicates = result.ruleset.predicates
    news: dict[SourceInfo, SourceInfo] = {}
    by_key: dict[Key, list[Assertion]] = defaultdict(list)
    left_out: Counter[str] = Counter()
    no_key: Counter[str] = Counter()
    for a in result.assertions:
        predicate = predicates.get(a.predicate)
        if predicate is None or predicate.cardinality != "one":
            continue
        if a.subject is None:
            no_key[NO_SUBJECT] += 1
            continue
        if a.value_type in ("quote", "text"):
            no_key[TEXT] += 1
            continue
        source = news.setdefault(a.source, replace(a.source, kind="news"))
        a = replace(a, source=source, said_by=None)
        day = a.as_of.isoformat() if predicate.changes else None
        by_key[(a.subject, a.predicate, a.qualifiers, day)].append(a)
    considered = sum(len(members) for members in by_key.values())
    kept: list[Assertion] = []
    key_of: dict[tuple[str, str], Key] = {}
    values: dict[Key, list[str]] = {}
    for key, members in by_key.items():
        distinct: dict[str, Any] = {}
        for a in members:
            distinct.setdefault(a.value.canonical(), a.value)
        reason = _why_left_out(list(distinct.values()))
        if reason:
            left_out[reason] += 1
            continue
        values[key] = list(distinct)
        kept.extend(members)
        for a in members:
            key_of[(a.source.id, a.claim)] = key
    return Prepared(kept, key_of, values, considered, len(by_key), dict(sorted(left_out.items())),
                    dict(sorted(no_key.items())))


def _why_left_out(values: Sequence[Any]) -> str | None:
    """None when every pair of distinct values disagrees (or there is one value)."""
    reason = None
    for i, x in enumerate(values):
        for y in values[i + 1 :]:
            comparison = compare(x, y)
            if comparison.agree:
                return AGREE
            if not comparison.disagree:
                reason = INCOMPARABLE
    return reason


@dataclass
class Comparison:
    """Both sides' verdicts, their times, and what does not match."""

    corpus: str
    corpus_assertions: int  # every assertion factcheck loaded
    assertions: int  # compared
    considered: int
    considered_keys: int
    keys: int
    multi_value_keys: int
    triples: int
    left_out: dict[str, int]  # keys, by reason
    assertions_left_out: dict[str, int]  # cardinality-one assertions without a key, by reason
    fc101_findings: int
    fc101_keys: set[Key]
    shacl_keys: set[Key]
    fc101_seconds: float  # FC101 over the bucket index built beforehand (like for like with validate())
    shacl_seconds: float  # pySHACL's validate() on the graphs built beforehand
    graph_seconds: float  # building pySHACL's data and shapes graphs, once
    load_seconds: float
    index_seconds: float = 0.0  # building the bucket index
    scratch_seconds: float = 0.0  # FC101 with a fresh context that builds its own index
    repeat: int = 1
    generator: dict[str, Any] | None = None  # generate.py's arguments when the corpus was generated
    generate_seconds: float | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def same_keys(self) -> bool:
        return self.fc101_keys == self.shacl_keys and not self.problems

    @property
    def ratio(self) -> float:
        """Like for like, the target: pySHACL's validate() over FC101, each on its index built beforehand."""
        return _times(self.shacl_seconds, self.fc101_seconds)

    @property
    def ratio_scratch(self) -> float:
        """pySHACL's validate() over FC101 building its index inside the timed part."""
        return _times(self.shacl_seconds, self.scratch_seconds)

    @property
    def ratio_indexing_included(self) -> float:
        """Both sides with their indexing: (graph building + validate()) over (index building + FC101)."""
        return _times(self.graph_seconds + self.shacl_seconds, self.index_seconds + self.fc101_seconds)

    def to_json(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus, "generator": self.generator, "generate_seconds": self.generate_seconds,
            "corpus_assertions": self.corpus_assertions, "assertions": self.assertions,
            "considered": self.considered, "considered_keys": self.considered_keys, "keys": self.keys,
            "multi_value_keys": self.multi_value_keys, "triples": self.triples, "left_out": self.left_out,
            "assertions_left_out": self.assertions_left_out, "fc101_findings": self.fc101_findings,
            "fc101_keys": sorted(label(k) for k in self.fc101_keys),
            "shacl_keys": sorted(label(k) for k in self.shacl_keys),
            "same_keys": self.same_keys, "repeat": self.repeat, "fc101_seconds": self.fc101_seconds,
            "shacl_seconds": self.shacl_seconds, "graph_seconds": self.graph_seconds,
            "index_seconds": self.index_seconds, "scratch_seconds": self.scratch_seconds,
            "load_seconds": self.load_seconds, "ratio": self.ratio, "ratio_scratch": self.ratio_scratch,
            "ratio_indexing_included": self.ratio_indexing_included, "problems": self.problems,
        }

    def report(self) -> str:
        made = ""
        if self.generator:
            g = self.generator
            k = g.get("sources_per_resolution", generate.SOURCES_PER_RESOLUTION)
            made = (f" (generated: {g['sources']:,} sources x {g['claims_per_source']:,} claims, {k} source"
                    f"{'s' if k != 1 else ''} per resolution, conflict rate {g['conflict_rate']:g}, seed {g['seed']})")
        keys_out = sum(self.left_out.values())
        left = "; ".join(f"{n:,} {why}" for why, n in self.left_out.items()) or "none"
        no_key = "; ".join(f"{n:,} {why}" for why, n in self.assertions_left_out.items()) or "none"
        lines = [
            f"FC101 vs pySHACL on {self.corpus}{made}",
            f"  loaded {self.corpus_assertions:,} assertions in {self.load_seconds:.1f} s; "
            f"{self.considered:,} cardinality-one assertions with a subject in {self.considered_keys:,} keys "
            f"(cardinality-one assertions without a key: {no_key})",
            f"  keys left out: {keys_out:,} ({left})",
            f"  compared: {self.assertions:,} assertions in {self.keys:,} keys ({self.multi_value_keys:,} with "
            f"several distinct values), {self.triples:,} ex:value triples",
            f"  conflicting keys: FC101 {len(self.fc101_keys):,} (from {self.fc101_findings:,} findings), "
            f"pySHACL {len(self.shacl_keys):,}; same keys: {'yes' if self.same_keys else 'NO'}",
            f"  best of {self.repeat}: FC101 over the load-time index {ms(self.fc101_seconds)} (fresh context and "
            f"analysis); building the index {ms(self.index_seconds)}; FC101 from scratch (index included) "
            f"{ms(self.scratch_seconds)}",
            f"  pySHACL validate() {ms(self.shacl_seconds)} (best of {self.repeat}; + {ms(self.graph_seconds)} "
            f"building the graphs, once)",
            f"  like for like, validate() / FC101 over the index = {self.ratio:,.1f}: {speed(self.ratio)}",
            f"  indexing included: validate() / FC101 from scratch = {self.ratio_scratch:,.1f}; "
            f"(graphs + validate()) / (index + FC101) = {self.ratio_indexing_included:,.1f}",
        ]
        lines += [f"  PROBLEM: {p}" for p in self.problems]
        return "\n".join(lines)


@contextmanager
def collector_paused() -> Iterator[None]:
    """A full collection, then the cyclic collector off until the timed run ends (as factcheck lint)."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class Fc101Times:
    """FC101's best times (seconds): over the index built beforehand, building that index, from scratch."""

    indexed: float
    index: float
    scratch: float


def best_of(repeat: int, run: Callable[[], object]) -> tuple[Any, float]:
    """run()'s last result and its best time, each run after a full collection with the collector paused."""
    best, result = float("inf"), None
    for _ in range(max(1, repeat)):
        result = None  # the previous run's result is garbage before the clock starts
        with collector_paused():
            start = time.perf_counter()
            result = run()
            best = min(best, time.perf_counter() - start)
    return result, best


def fc101_keys(prepared: Prepared, result: LintResult, repeat: int = 1) -> tuple[list[Finding], Fc101Times]:
    """FC101's findings on the compared set and its best times, a fresh RuleContext each run: over
    the bucket index built beforehand (as lint.py builds it at load time), and from scratch."""
    rule = result.ruleset.rules.get("FC101")
    if rule is None or rule.check != "value_conflict":
        raise RuntimeError("the rule set has no FC101 rule of type value_conflict")
    check = CHECKS[rule.check]
    assert check.run is not None
    run = check.run
    root = result.settings.root if result.settings else Path.cwd()
    assertions, predicates, entities = prepared.assertions, result.ruleset.predicates, result.corpus.entities

    def fc101(index: BucketIndex | None) -> list[Finding]:
        ctx = RuleContext(assertions, predicates, entities, root, index=index)
        return list(run(ctx, rule.params))

    index, index_seconds = best_of(repeat, lambda: BucketIndex(assertions))
    findings, indexed = best_of(repeat, lambda: fc101(index))
    scratch_findings, scratch = best_of(repeat, lambda: fc101(None))
    if scratch_findings != findings:
        raise RuntimeError("FC101 gives other findings over the prebuilt bucket index than from scratch")
    return findings, Fc101Times(indexed, index_seconds, scratch)


def finding_keys(findings: Iterable[Finding], key_of: dict[tuple[str, str], Key]) -> tuple[set[Key], list[str]]:
    """The key of each finding, through its claim and its related claim (both must map to one key)."""
    keys: set[Key] = set()
    problems: list[str] = []
    for f in findings:
        ends = [f.location, *f.related]
        mapped = {key_of.get((loc.source or "", loc.claim or "")) for loc in ends}
        if None in mapped or len(mapped) != 1:
            where = ", ".join(f"{loc.source} ({loc.claim})" for loc in ends)
            problems.append(f"FC101 finding at {where} does not map to one compared key: {f.message}")
            continue
        keys.add(mapped.pop())  # type: ignore[arg-type]
    return keys, problems


def build_graphs(values: dict[Key, list[str]]) -> tuple[Any, Any, dict[Any, Key], int]:
    """The data graph (a node per key, a literal per distinct value), the shapes graph, node -> key."""
    from rdflib import RDF, Graph, Literal, Namespace

    ex = Namespace(EX)
    data = Graph()
    node_key: dict[Any, Key] = {}
    triples = 0
    for key, distinct in values.items():
        digest = hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:24]
        node = ex[f"key/{digest}"]
        if node in node_key:
            raise RuntimeError(f"hash collision between keys {label(node_key[node])} and {label(key)}")
        node_key[node] = key
        data.add((node, RDF.type, ex.Fact))
        for value in distinct:
            data.add((node, ex.value, Literal(value)))
            triples += 1
    shapes = Graph().parse(data=SHAPES_TTL, format="turtle")
    return data, shapes, node_key, triples


def shacl_keys(values: dict[Key, list[str]], repeat: int = 1) -> tuple[set[Key], float, float, int, list[str]]:
    """Keys pySHACL flags: (keys, best validate() seconds, graph-building seconds, triples, problems)."""
    import pyshacl
    from rdflib.namespace import SH

    start = time.perf_counter()
    data, shapes, node_key, triples = build_graphs(values)
    graph_seconds = time.perf_counter() - start
    (_, report, _), best = best_of(repeat, lambda: pyshacl.validate(data, shacl_graph=shapes, inference="none"))
    keys: set[Key] = set()
    problems: list[str] = []
    for node in report.objects(None, SH.focusNode):
        if node in node_key:
            keys.add(node_key[node])
        else:
            problems.append(f"pySHACL reports a focus node that is no key: {node}")
    return keys, best, graph_seconds, triples, problems


def compare_on(corpus: Path, repeat: int = 3) -> Comparison:
    """Load the corpus with factcheck, then run both checks on the same compared assertions."""
    corpus = corpus.resolve()
    start = time.perf_counter()
    # Only FC101 is selected: the assertions are the same whatever runs, and loading stays cheap.
    # The cache is off so that nothing is written into the corpus and every value is parsed afresh.
    result = run_lint(LintOptions(paths=(corpus,), select=("FC101",), cache=False), cwd=corpus)
    load_seconds = time.perf_counter() - start
    prepared = prepare(result)
    findings, fc101 = fc101_keys(prepared, result, repeat)
    found, problems = finding_keys(findings, prepared.key_of)
    flagged, shacl_seconds, graph_seconds, triples, shacl_problems = shacl_keys(prepared.values, repeat)
    problems += shacl_problems
    for key in sorted(found - flagged, key=label)[:5]:
        problems.append(f"FC101 only: {label(key)} {prepared.values.get(key)}")
    for key in sorted(flagged - found, key=label)[:5]:
        problems.append(f"pySHACL only: {label(key)} {prepared.values.get(key)}")
    generator = None
    expected = corpus / "expected.json"
    if expected.is_file():
        try:
            generator = json.loads(expected.read_text(encoding="utf-8")).get("generator")
        except (ValueError, AttributeError):
            generator = None
    return Comparison(
        corpus=str(corpus), corpus_assertions=len(result.assertions), assertions=len(prepared.assertions),
        considered=prepared.considered, considered_keys=prepared.considered_keys, keys=len(prepared.values),
        multi_value_keys=sum(len(v) > 1 for v in prepared.values.values()), triples=triples,
        left_out=prepared.left_out, assertions_left_out=prepared.assertions_left_out,
        fc101_findings=len(findings), fc101_keys=found, shacl_keys=flagged, fc101_seconds=fc101.indexed,
        shacl_seconds=shacl_seconds, graph_seconds=graph_seconds, load_seconds=load_seconds,
        index_seconds=fc101.index, scratch_seconds=fc101.scratch,
        repeat=max(1, repeat), generator=generator, problems=problems,
    )


def compare_many_keys(spec: ManyKeys, workdir: Path, repeat: int = 3) -> Comparison:
    """The default comparison: the many-keys corpus `spec` (made in, or reused from, workdir)."""
    corpus, generate_seconds = spec.ensure(workdir)
    comparison = compare_on(corpus, repeat)
    comparison.generate_seconds = generate_seconds
    return comparison


def main(argv: list[str] | None = None) -> int:
    defaults = ManyKeys()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=None,
                        help="a corpus directory; without it, the many-keys corpus is generated (see the options below)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each side; the best is reported")
    parser.add_argument("--json", type=Path, default=None, help="write the comparison as JSON to FILE")
    made = parser.add_argument_group("the generated corpus (without CORPUS)")
    made.add_argument("--workdir", type=Path, default=None,
                      help="where it is written, and reused from (default: a new temporary directory, kept)")
    made.add_argument("--sources", type=int, default=defaults.sources, help="news files (default: %(default)s)")
    made.add_argument("--claims-per-source", type=int, default=defaults.claims_per_source,
                      help="claims in each news file (default: %(default)s)")
    made.add_argument("--sources-per-resolution", type=int, default=defaults.sources_per_resolution,
                      help="news files per resolution (default: %(default)s)")
    made.add_argument("--conflict-rate", type=float, default=defaults.conflict_rate,
                      help="share of planted wrong values (default: %(default)s)")
    made.add_argument("--seed", type=int, default=defaults.seed)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.corpus is not None and not args.corpus.is_dir():
        parser.error(f"{args.corpus}: not a directory")
    if importlib.util.find_spec("pyshacl") is None:
        print("shacl.py: pyshacl is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return 2
    if args.corpus is not None:
        comparison = compare_on(args.corpus, args.repeat)
    else:
        spec = ManyKeys(args.sources, args.claims_per_source, args.sources_per_resolution, args.conflict_rate, args.seed)
        workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-shacl-"))).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        print(f"shacl.py: corpus {workdir / spec.name} ...", file=sys.stderr, flush=True)
        try:
            comparison = compare_many_keys(spec, workdir, args.repeat)
        except ValueError as err:
            print(f"shacl.py: {err}", file=sys.stderr)
            return 2
        if comparison.generate_seconds is not None:
            print(f"shacl.py: generated in {comparison.generate_seconds:.1f} s", file=sys.stderr)
    print(comparison.report())
    if args.json:
        args.json.write_text(json.dumps(comparison.to_json(), indent=1) + "\n", encoding="utf-8")
    if not comparison.fc101_keys and not comparison.shacl_keys:
        print("  note: no conflicting key on either side, so the comparison shows nothing", file=sys.stderr)
    return 0 if comparison.same_keys else 1


if __name__ == "__main__":
    sys.exit(main())
