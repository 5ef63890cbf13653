"""The bucket index built at load time gives the analysis exactly what regrouping the corpus gives.

pipeline.py indexes the checked assertions once, before any rule runs (factcheck/bucket_index.py), and
an Analysis made without an index builds its own. Checked here against a reference written to be
obviously right (plain grouping by bucket, by day for facts that change, then by canonical()), and
with and without a prebuilt index: on the example corpus, on generated corpora (primary sources;
one source per resolution, as the FC101 benchmark, all own-voice news), and on a hand-made corpus
of facts that change, whose second day lists its values in another order than the whole bucket.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

from factcheck.analysis import Analysis
from factcheck.assertions import Assertion
from factcheck.bucket_index import BucketIndex
from factcheck.context import RuleContext
from factcheck.pipeline import LintOptions, LintResult, run_lint
from factcheck.relevance import relevant

ROOT = Path(__file__).resolve().parent.parent


def _bench(name: str) -> ModuleType:
    """bench/<name>.py, which is no package."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}_bucket_index", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


generate = _bench("generate")
shacl = _bench("shacl")  # its prepare() makes the FC101 benchmark's assertion set

ENTITIES = Path(__file__).parent / "rules" / "entities.yaml"
# A fact that changes (`total`): on 2017-02-01 the 300 comes first, in the whole bucket the 100.
# The adoption date is one value written two ways by independent outlets: they support each other.
CHANGING_A = """\
source: {id: a, outlet: NPR, published: 2017-12-22}
claims:
  - {id: jan, subject: North Korea, predicate: total, value: 100 tons, as_of: 2017-01-01}
  - {id: feb, subject: North Korea, predicate: total, value: 300 tons, as_of: 2017-02-01}
  - {id: adopted, subject: Resolution 2397, predicate: adopted_on, value: "2017-12-22"}
  - {id: cut, subject: Resolution 2397, predicate: reduction, value: 89 percent}
"""
CHANGING_B = """\
source: {id: b, outlet: AFP, published: 2017-12-23}
claims:
  - {id: feb, subject: North Korea, predicate: total, value: 100 tons, as_of: 2017-02-01}
  - {id: jan, subject: North Korea, predicate: total, value: 100 tons, as_of: 2017-01-01}
  - {id: adopted, subject: Resolution 2397, predicate: adopted_on, value: "December 22, 2017"}
"""


def _lint(corpus: Path) -> LintResult:
    return run_lint(LintOptions(paths=(corpus,), select=("FC101",), cache=False), cwd=corpus)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[LintResult, list[Assertion]]]:
    """name -> (the lint result, the assertions to analyse)."""
    base = tmp_path_factory.mktemp("bucket-index")
    example = base / "example"
    shutil.copytree(ROOT / "claims", example / "claims")
    generate.generate(base / "primaries", 6, 120, 3, 0.1)
    generate.generate(base / "many-keys", 40, 50, 0, 0.05, sources_per_resolution=1)
    changing = base / "changing"
    changing.mkdir()
    shutil.copy(ENTITIES, changing / "entities.yaml")
    (changing / "a.yaml").write_text(CHANGING_A, encoding="utf-8")
    (changing / "b.yaml").write_text(CHANGING_B, encoding="utf-8")
    out = {}
    for name in ("example", "primaries", "many-keys", "changing"):
        result = _lint(base / name)
        out[name] = (result, list(result.assertions))
    many = out["many-keys"][0]
    out["many-keys news"] = (many, shacl.prepare(many).assertions)  # what bench/shacl.py times
    return out


CORPORA = ("example", "primaries", "many-keys", "many-keys news", "changing")


def _analysis(result: LintResult, assertions: Sequence[Assertion], index: BucketIndex | None) -> Analysis:
    assert result.settings is not None
    ctx = RuleContext(assertions, result.ruleset.predicates, result.corpus.entities, result.settings.root, index=index)
    return ctx.analysis


def _by_canonical(members: Sequence[Assertion]) -> dict[str, list[Assertion]]:
    groups: dict[str, list[Assertion]] = defaultdict(list)
    for a in members:
        groups[a.value.canonical()].append(a)
    return dict(groups)


def _reference_buckets(assertions: Sequence[Assertion]) -> dict[object, list[Assertion]]:
    buckets: dict[object, list[Assertion]] = defaultdict(list)
    for a in assertions:
        if a.bucket is not None:
            buckets[a.bucket].append(a)
    return buckets


@pytest.mark.parametrize("name", CORPORA)
def test_the_index_groups_as_plain_grouping_does(corpora, name: str) -> None:  # type: ignore[no-untyped-def]
    _, assertions = corpora[name]
    index = BucketIndex(assertions)
    buckets = _reference_buckets(assertions)
    assert list(index.members) == list(buckets)  # first seen first
    assert all(index.members[b] == members for b, members in buckets.items())  # corpus order, same objects
    shared = {b: _by_canonical(members) for b, members in buckets.items() if len(members) > 1}
    assert list(index.groups) == list(shared)
    assert all(list(index.groups[b].items()) == list(groups.items()) for b, groups in shared.items())
    assert index.contested == [b for b, groups in shared.items() if len(groups) > 1]
    assert index.measures == [a for a in assertions if a.value_type == "measure"]
    assert index.assertions is assertions


def _disagreements(analysis: Analysis) -> list[tuple[object, ...]]:
    return [(d.a, d.b, d.comparison, d.kind, d.also) for d in analysis.disagreements]


@pytest.mark.parametrize("name", CORPORA)
def test_disagreements_as_regrouping_every_bucket_gives(corpora, name: str) -> None:  # type: ignore[no-untyped-def]
    """Every bucket regrouped from scratch (by day for facts that change), paired by the analysis'
    own rule (_compared_pairs): the index only saves the regrouping and skips one-value buckets."""
    result, assertions = corpora[name]
    analysis = _analysis(result, assertions, BucketIndex(assertions))
    expected = []
    for bucket, members in _reference_buckets(assertions).items():
        predicate = result.ruleset.predicates.get(str(bucket[1]))
        kind = "fact" if predicate and predicate.cardinality == "one" else "measure"
        days: dict[object, list[Assertion]] = defaultdict(list)
        for a in members:
            days[a.as_of if predicate and predicate.changes else None].append(a)
        for same_day in days.values():
            expected += [(x, y, c, kind, also) for x, y, c, also in analysis._compared_pairs(_by_canonical(same_day))]
    found = _disagreements(analysis)
    assert [d for d in found if d[3] != "direction"] == expected
    if name != "example":
        assert expected  # each generated or hand-made corpus has disagreements to compare


@pytest.mark.parametrize("name", CORPORA)
def test_with_and_without_a_prebuilt_index(corpora, name: str) -> None:  # type: ignore[no-untyped-def]
    result, assertions = corpora[name]
    built = _analysis(result, assertions, None)
    given = _analysis(result, assertions, BucketIndex(assertions))
    assert _disagreements(built) == _disagreements(given)
    assert built.conflicted == given.conflicted
    assert built._supported_typed() == given._supported_typed()
    assert list(built.unsupported(90.0)) == list(given.unsupported(90.0))


def test_facts_that_change_are_compared_in_each_days_order(corpora) -> None:  # type: ignore[no-untyped-def]
    result, assertions = corpora["changing"]
    analysis = _analysis(result, assertions, None)
    (d,) = analysis.disagreements
    assert (d.a.source.id, d.a.claim, d.b.source.id, d.b.claim) == ("b", "feb", "a", "feb")
    # Compared as that day lists them: 300 (a) first, although the bucket's first value is 100.
    assert d.comparison.detail.startswith("amounts differ: '300 tons'")


def test_one_value_written_two_ways_still_gives_support(corpora) -> None:  # type: ignore[no-untyped-def]
    """A bucket with one value group holds no disagreement, yet its claims support each other."""
    result, assertions = corpora["changing"]
    analysis = _analysis(result, assertions, None)
    adopted = next(b for b in analysis.index.groups if b[1] == "adopted_on")
    assert len(analysis.index.groups[adopted]) == 1 and adopted not in analysis.index.contested
    unsupported = {(a.source.id, a.claim) for a in analysis.unsupported(90.0)}
    assert ("a", "adopted") not in unsupported and ("b", "adopted") not in unsupported
    assert ("a", "cut") in unsupported


def test_an_index_of_other_assertions_is_refused(corpora) -> None:  # type: ignore[no-untyped-def]
    """The pre-commit path analyses only the relevant part of the corpus: its index must be of that part."""
    result, assertions = corpora["primaries"]
    part = relevant(assertions, {assertions[0].source.path})
    assert len(part) < len(assertions)
    assert _analysis(result, part, BucketIndex(part)).index.assertions is part
    with pytest.raises(ValueError, match="other assertions"):
        _analysis(result, part, BucketIndex(assertions))
