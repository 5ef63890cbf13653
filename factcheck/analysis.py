"""Shared cross-source analysis: which claims disagree, which agree, which sources are independent.

Claims are compared only inside an index bucket — same subject, predicate and qualifiers (and for
keyed predicates such as measures, the same key fields) — so the work grows with the number of
claims, not its square. Inside a bucket, claims with the same normalized value are compared once.
The buckets and their value groups come from the bucket index (bucket_index.py), built once when
the corpus is loaded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from .assertions import Assertion, SourceInfo
from .bucket_index import Bucket, BucketIndex, ValueGroups, by_value
from .findings import Location
from .postings import holders_by_key
from .registry.entities import EntityRegistry
from .registry.predicates import PredicateRegistry
from .values import Agreement, Comparison, compare
from .values.text import StatementForm, forms_agree, statement_form_of_tokens

if TYPE_CHECKING:
    from .documents import DocumentStore

_placement = attrgetter("placement")  # report order of a claim (Assertion.placement)
SHINGLE = 8  # words per run when comparing documents for near-duplicates
NEAR_DUPLICATE = 0.8  # Jaccard similarity of shingle sets


class Disagreement:
    """Two claims about the same fact or measure that cannot both be true.

    A slotted class rather than a dataclass: a large corpus has thousands, and every disagreement
    rule asks each one for its primary side, worked out once here."""

    __slots__ = ("a", "also", "b", "comparison", "kind", "primary")

    def __init__(
        self, a: Assertion, b: Assertion, comparison: Comparison, kind: str, also: tuple[Assertion, ...] = ()
    ) -> None:
        self.a = a
        self.b = b
        self.comparison = comparison
        self.kind = kind  # "fact" (single-valued predicate), "measure" (keyed), "direction" (measure vs primary)
        # The other claims of b's value group that state what b states, in placement order, b left
        # out: the rest of the other side, shown with the finding. For a primary b, only the other
        # primary claims of its group. One tuple is shared by every disagreement against the group.
        self.also = also
        # The primary side when exactly one side is primary (then the rule is contradicts-primary).
        a_primary, b_primary = a.source.kind == "primary", b.source.kind == "primary"
        self.primary: Assertion | None = None if a_primary == b_primary else a if a_primary else b

    def __repr__(self) -> str:
        return f"Disagreement({self.a.claim!r}, {self.b.claim!r}, {self.kind!r})"

    @property
    def other(self) -> Assertion:
        """The non-primary side (or b when neither or both are primary)."""
        return self.b if self.primary is self.a else self.a

    @property
    def claimants_differ(self) -> bool:
        return bool(self.a.said_by and self.b.said_by and self.a.said_by != self.b.said_by)


# Statement support (FC201) works on distinct wordings, not on statements: a generated or real corpus
# repeats the same statement across many sources, and every statement of one wording has one form.

Wording = tuple[str, ...]  # a statement's word tokens; equal tokens, equal StatementForm
SCAN_SLACK = 0.5  # the batch scan keeps scores this far below the threshold; forms_agree decides


def _by_wording(members: Iterable[Assertion]) -> dict[Wording, dict[str, list[Assertion]]]:
    """Statements grouped by wording, then by source id (first appearance order both times)."""
    table: dict[Wording, dict[str, list[Assertion]]] = defaultdict(dict)
    for a in members:
        table[tuple(a.value.tokens)].setdefault(a.source.id, []).append(a)
    return table


def _statement_forms(
    wordings: Mapping[Wording, Mapping[str, list[Assertion]]], cache: dict[Wording, StatementForm | None]
) -> list[StatementForm | None]:
    """The form of each wording (None for no words: it agrees with nothing): the one its parsed
    value carries, else worked out here, once per run."""
    out: list[StatementForm | None] = []
    for words, sources in wordings.items():
        if words not in cache:
            form = getattr(next(iter(sources.values()))[0].value, "form", None)
            cache[words] = form if form is not None else statement_form_of_tokens(words)
        out.append(cache[words])
    return out


def _pairs(wording: str) -> set[tuple[str, ...]]:
    """A wording's runs of two words (the word itself for a one-word wording)."""
    words = wording.split()
    return {tuple(words[i : i + 2]) for i in range(len(words) - 1)} if len(words) > 1 else {tuple(words)}


class _AgreeingWordings:
    """agreeing(k): the other wordings j whose forms agree with wording k's (forms_agree), lazily.

    forms_agree needs equal negations and equal numbers, so only the wordings of one (negations,
    numbers) group are candidates. Inside a group rapidfuzz's batch scan (C++, WRatio with a score
    cutoff) finds the near ones without a Python call per pair, and forms_agree itself confirms
    each hit, so the relation is exactly forms_agree. The cutoff is at most 100 (equal wordings
    score 100, and forms_agree accepts them whatever the threshold) and SCAN_SLACK below the
    threshold, so float rounding inside the scan cannot drop a pair that forms_agree accepts.

    In a group of up to EXACT_UP_TO wordings every candidate is scanned unless the caller stops:
    first the wordings that share one of k's rarest words (the likely agreeing ones, so a caller
    that needs one supporter usually stops early), then all the others, so the relation is exactly
    forms_agree. A larger group (thousands of statements about one subject that rarely share words)
    would make that all pairs, so there the candidates come from an index of two-word runs that
    cannot grow with the group: the wordings that share a run of k's that at most POSTING_LIMIT
    wordings hold, and when k has no such run, those that share one of its RARE rarest runs, at most
    MAX_CANDIDATES of them. Two wordings that agree (WRatio >= 90 with equal numbers and negations)
    share most of their runs (one word changed in twelve leaves nine of eleven), so a rare shared run
    finds them; a run is much rarer than a word, so the candidates stay few however large the group.
    What the index can miss is two agreeing wordings of a huge group that share only runs dozens of
    its wordings use (docs/design.md §8).
    """

    RARE = 2  # how many of a wording's rarest words pick the candidates tried first
    EXACT_UP_TO = 500  # wordings in a (negations, numbers) group scanned in full
    POSTING_LIMIT = 64  # in a larger group, a two-word run held by more wordings proposes no candidates
    MAX_CANDIDATES = 1024  # the fallback's bound, for a wording made only of common runs

    def __init__(self, forms: list[StatementForm | None], threshold: float) -> None:
        self.forms = forms
        self.threshold = threshold
        self.cutoff = max(0.0, min(threshold, 100.0) - SCAN_SLACK)
        self.groups: dict[tuple[object, object], list[int]] = defaultdict(list)
        for k, form in enumerate(forms):
            if form is not None:
                self.groups[(form.negations, form.numbers)].append(k)
        self.postings: dict[tuple[object, object], dict[str, list[int]]] = {}
        self.candidates: dict[tuple[object, object], dict[int, list[int]]] = {}  # large groups' (_indexed)

    def __call__(self, k: int) -> Iterator[int]:
        form = self.forms[k]
        if form is None:
            return
        key = (form.negations, form.numbers)
        group = self.groups[key]
        if len(group) < 2:
            return
        if len(group) > self.EXACT_UP_TO:
            candidates = self._indexed(key, group).get(k)
            if candidates:
                yield from self._scan(k, form, candidates)
            return
        postings = self.postings.get(key)
        if postings is None:
            postings = self.postings[key] = defaultdict(list)
            for position, j in enumerate(group):
                for word in set(self.forms[j].wording.split()):  # type: ignore[union-attr]
                    postings[word].append(position)
        words = sorted(set(form.wording.split()), key=lambda word: (len(postings[word]), word))
        first = sorted({position for word in words[: self.RARE] for position in postings[word]})
        chosen = set(first)
        yield from self._scan(k, form, [group[p] for p in first])
        yield from self._scan(k, form, [j for p, j in enumerate(group) if p not in chosen])

    def _indexed(self, key: tuple[object, object], group: list[int]) -> dict[int, list[int]]:
        """A large group's candidates, for each of its wordings at once (those with none are left
        out): the other wordings that share a two-word run of it that at most POSTING_LIMIT
        wordings hold; with no such run, those sharing one of its RARE rarest runs, at most
        MAX_CANDIDATES (its own place among them). A wording whose rare runs are all its own has
        none, and is never scanned. The run index is dropped once the candidates are known: a group
        of 200,000 statements holds millions of runs, most of them in one wording."""
        found = self.candidates.get(key)
        if found is not None:
            return found
        postings: dict[tuple[str, ...], Any] = holders_by_key(
            (position, _pairs(self.forms[j].wording)) for position, j in enumerate(group))  # type: ignore[union-attr]
        near: dict[int, set[int]] = {}
        rare = bytearray(len(group))  # 1: the position holds a run at most POSTING_LIMIT wordings hold
        for held in postings.values():
            if held.__class__ is int:
                rare[held] = 1
            elif len(held) <= self.POSTING_LIMIT:
                for position in held:
                    rare[position] = 1
                    near.setdefault(position, set()).update(held)
        found = {}
        for position, j in enumerate(group):
            indexed = near.get(position)
            if indexed is None:
                if rare[position]:
                    continue  # its rare runs are its own
                positions = {pair: [held] if (held := postings[pair]).__class__ is int else held
                             for pair in _pairs(self.forms[j].wording)}  # type: ignore[union-attr]
                rarest = sorted(positions, key=lambda pair: (len(positions[pair]), pair))[: self.RARE]
                indexed = set(sorted({p for pair in rarest for p in positions[pair]})[: self.MAX_CANDIDATES])
            if len(indexed) > 1:
                found[j] = [group[p] for p in sorted(indexed)]
        self.candidates[key] = found
        return found

    def _scan(self, k: int, form: StatementForm, candidates: list[int]) -> Iterator[int]:
        texts = [self.forms[j].wording for j in candidates]  # type: ignore[union-attr]
        hits = process.extract_iter(form.wording, texts, scorer=fuzz.WRatio, processor=None, score_cutoff=self.cutoff)
        for _, _, position in hits:
            j = candidates[position]
            if j != k and forms_agree(form, self.forms[j], self.threshold):  # type: ignore[arg-type]
                yield j


class Analysis:
    def __init__(
        self,
        assertions: Sequence[Assertion],
        predicates: PredicateRegistry,
        entities: EntityRegistry,
        documents: DocumentStore,
        sources: Mapping[str, SourceInfo] | None = None,
        focus: Collection[str] | None = None,
        index: BucketIndex | None = None,
    ) -> None:
        if index is not None and index.assertions is not assertions:
            raise ValueError("the bucket index was built from other assertions than the ones analysed")
        self.assertions = assertions
        self.predicates = predicates
        self.entities = entities
        self.documents = documents
        # Every source of the corpus: independence is transitive, so it is judged over all of them
        # even when only some assertions are checked (the pre-commit path, see relevance.py).
        self.sources = sources
        # The display paths of the files whose findings are wanted (None: all). Findings about a
        # single claim (FC201) are then worked out for those files' claims only.
        self.focus = focus
        self._comparisons: dict[tuple[str, str], Comparison] = {}
        self._index = index
        # What the disagreement rules show of each Disagreement.also (disagreement_messages.py), by the
        # tuple's identity: all the claims that disagree with one value group share its tuple.
        self.also_shown: dict[int, tuple[tuple[Assertion, ...], tuple[Location, ...], str]] = {}

    # -- buckets -------------------------------------------------------------------------------

    @cached_property
    def index(self) -> BucketIndex:
        """The bucket index pipeline.py built at load time, else one built here (a context made directly)."""
        return self._index if self._index is not None else BucketIndex(self.assertions)

    @property
    def buckets(self) -> dict[Bucket, list[Assertion]]:
        """Comparable claims: single-valued facts, and keyed many-valued facts (measures)."""
        return self.index.members

    # -- disagreements and agreement -----------------------------------------------------------

    @cached_property
    def disagreements(self) -> list[Disagreement]:
        """Every disagreement, except those between two non-primary claims of a fact a primary source
        states (settled_disagreements): each of those claims is judged against the primary."""
        found = list(self._bucket_disagreements(settled=False))
        found.extend(self._direction_mismatches())
        return found

    @cached_property
    def settled_disagreements(self) -> list[Disagreement]:
        """The disagreements between two non-primary claims of a fact or measure that a primary
        source also states. Worked out only when asked: the rules report them only when no rule
        judges claims against the primary (contradicts_primary does not run)."""
        return list(self._bucket_disagreements(settled=True))

    def _bucket_disagreements(self, settled: bool) -> Iterator[Disagreement]:
        index = self.index
        for bucket in index.contested:  # most buckets of a large corpus hold one value: nothing to compare
            predicate = self.predicates.get(str(bucket[1]))
            kind = "fact" if predicate and predicate.cardinality == "one" else "measure"
            if predicate and predicate.changes:  # facts that change are compared only when they hold on the same day
                comparable = [by_value(same_day) for same_day in _by_day(index.members[bucket])]
            else:
                comparable = [index.groups[bucket]]
            for groups in comparable:
                for x, y, comparison, also in self._compared_pairs(groups, settled):
                    yield Disagreement(x, y, comparison, kind, also)

    @cached_property
    def conflicted(self) -> set[tuple[str, str]]:
        """(source, claim) of every claim in a disagreement: such claims are not 'unsupported'."""
        return {(a.source.id, a.claim) for d in self.disagreements for a in (d.a, d.b)}

    def _compared_pairs(
        self, groups: ValueGroups, settled_only: bool = False
    ) -> Iterator[tuple[Assertion, Assertion, Comparison, tuple[Assertion, ...]]]:
        """The disagreeing claims of one bucket's value groups, and which to report against which,
        linear in the claims where every pair would be quadratic. A primary source settles the
        question: each claim of a group that disagrees with a primary is paired with it (FC106), and
        in a bucket with a primary, non-primary claims are not reported against each other.
        Otherwise each claim is paired with the earliest claim of every group it disagrees with,
        when that came first. Each pair comes with the rest of the other side (Disagreement.also):
        the other claims of the paired claim's group, or its group's other primary claims.
        `settled_only`: instead, only the pairs of non-primary claims that a primary settles,
        paired as if no primary were there."""
        if len(groups) < 2:
            return
        values = list(groups.values())
        primaries = [_first_primary(group) for group in values]
        settled = any(p is not None for p in primaries)
        if settled_only and not settled:
            return
        earliest: list[tuple[tuple[object, ...], Assertion] | None] = [None] * len(values)  # worked out when needed
        rest: list[tuple[Assertion, ...] | None] = [None] * len(values)  # likewise, one tuple per group
        for i, j, comparison in self._group_pairs(groups):
            if not comparison.disagree:
                continue
            left, right, left_primary, right_primary = values[i], values[j], primaries[i], primaries[j]
            if settled_only and (left_primary is not None or right_primary is not None):
                continue  # a pair with a primary side is never a settled one
            if (left_primary is None) != (right_primary is None):
                primary, others = (left_primary, right) if left_primary is not None else (right_primary, left)
                settling = i if left_primary is not None else j
                also = rest[settling]
                if also is None:
                    also = rest[settling] = _rest(values[settling], primary, primary_only=True)
                for x in others:
                    yield x, primary, comparison, also
                continue
            if settled and left_primary is None and not settled_only:
                continue  # two readings of a fact the primary source settles (settled_disagreements)
            for mine, theirs in ((i, j), (j, i)):
                first = earliest[theirs] or _earliest(values[theirs])
                earliest[theirs] = first
                also = rest[theirs]
                if len(values[mine]) == 1:  # the usual case: one claim, its own earliest
                    own = earliest[mine] or _earliest(values[mine])
                    earliest[mine] = own
                    if first[0] < own[0]:
                        if also is None:
                            also = rest[theirs] = _rest(values[theirs], first[1])
                        yield own[1], first[1], comparison, also
                    continue
                for x in values[mine]:
                    if first[0] < x.placement:
                        if also is None:
                            also = rest[theirs] = _rest(values[theirs], first[1])
                        yield x, first[1], comparison, also

    def _group_pairs(self, groups: ValueGroups) -> Iterator[tuple[int, int, Comparison]]:
        """Each pair of value groups (by position) compared once. compare() runs once per pair of
        normalized values in the whole analysis: FC101-FC106 and FC201 ask the same pairs."""
        items = list(groups.items())
        for i, (left_form, left) in enumerate(items):
            for j in range(i + 1, len(items)):
                right_form, right = items[j]
                known = self._comparisons.get((left_form, right_form))
                if known is None:
                    known = self._comparisons[(left_form, right_form)] = compare(left[0].value, right[0].value)
                yield i, j, known

    def _direction_mismatches(self) -> Iterator[Disagreement]:
        """A measure whose target the primary source states only in the opposite direction."""
        measures = self.index.measures
        primary: dict[tuple[object, ...], dict[str | None, Assertion]] = defaultdict(dict)
        for a in measures:
            if a.source.kind == "primary" and a.subject is not None:
                primary[(a.subject, a.qualifiers, a.value.target)].setdefault(a.value.direction, a)
        if not primary:
            return
        for a in measures:
            if a.source.kind == "primary" or a.value.direction is None:
                continue
            stated = primary.get((a.subject, a.qualifiers, a.value.target), {})
            opposite = "import" if a.value.direction == "export" else "export"
            if stated and a.value.direction not in stated and opposite in stated:
                detail = f"the primary source states this measure on {opposite}s only, not on {a.value.direction}s"
                yield Disagreement(a, stated[opposite], Comparison(Agreement.DISAGREE, detail), "direction")

    @cached_property
    def independence(self) -> dict[str, str]:
        """Source id -> its independence group: same outlet, derived_from (transitively) and
        near-duplicate documents all count as one source."""
        sources = dict(self.sources) if self.sources is not None else {a.source.id: a.source for a in self.assertions}
        parent = {sid: sid for sid in sources}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(x: str, y: str) -> None:
            rx, ry = find(x), find(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)

        by_outlet: dict[str, list[str]] = defaultdict(list)
        for sid, source in sources.items():
            by_outlet[source.outlet].append(sid)
        for members in by_outlet.values():
            for sid in members[1:]:
                union(members[0], sid)
        for sid, source in sources.items():
            for name, outlet in zip(source.derived_from, source.derived_outlets or [self.entities.key_of(n) for n in source.derived_from]):
                if name in sources:
                    union(sid, name)
                    continue
                for other in by_outlet.get(outlet, ()):
                    union(sid, other)
        for x, y in self._near_duplicate_documents(sources.values()):
            union(x, y)
        return {sid: find(sid) for sid in sources}

    def _near_duplicate_documents(self, sources: Iterable[object]) -> Iterator[tuple[str, str]]:
        """Pairs of sources whose documents share most 8-word runs, found through a run index."""
        shingles: dict[str, set[int]] = {}
        for source in sources:
            path = getattr(source, "document", None)
            document = self.documents.get(path) if path else None
            if document is None:
                continue
            words = document.words
            shingles[source.id] = {hash(tuple(words[i : i + SHINGLE])) for i in range(max(1, len(words) - SHINGLE + 1))}
        index: dict[int, list[str]] = defaultdict(list)
        for sid in sorted(shingles):
            for shingle in shingles[sid]:
                index[shingle].append(sid)
        shared: dict[tuple[str, str], int] = defaultdict(int)
        for holders in index.values():
            for i, x in enumerate(holders):
                for y in holders[i + 1 :]:
                    shared[(x, y)] += 1
        for (x, y), count in sorted(shared.items()):
            union_size = len(shingles[x]) + len(shingles[y]) - count
            if union_size and count / union_size >= NEAR_DUPLICATE:
                yield x, y

    def independent(self, a: Assertion, b: Assertion) -> bool:
        return self.independence[a.source.id] != self.independence[b.source.id]

    def unsupported(self, statement_threshold: float) -> Iterator[Assertion]:
        """Own-voice claims, not quotes, not from primary or opinion sources, in no disagreement,
        that no independent source and no primary source agrees with."""
        supported = self._supported_typed() | self._supported_statements(statement_threshold)
        for a in self.assertions:
            if self.focus is not None and a.source.path not in self.focus:
                continue
            if a.said_by is not None or a.value_type == "quote" or a.source.kind in ("primary", "opinion"):
                continue
            if a.subject is None or (a.source.id, a.claim) in self.conflicted:
                continue
            if (a.source.id, a.claim) not in supported:
                yield a

    def _supports(self, supporter: Assertion, claim: Assertion) -> bool:
        if supporter.source.kind == "opinion" or supporter.source.id == claim.source.id:
            return False
        return supporter.source.kind == "primary" or self.independent(supporter, claim)

    def _supported_typed(self) -> set[tuple[str, str]]:
        """Claims that an agreeing claim (same value group or one it agrees with) supports.

        Whether s supports a depends only on their sources, so each value group is summed up once
        as the independence groups and the primary sources it holds: a is supported when an
        agreeing group holds an independence group other than a's, or a primary source other
        than a's own. That is `_supports` over every candidate, without visiting each pair.
        """
        supported: set[tuple[str, str]] = set()
        independence = self.independence
        for groups in self.index.groups.values():  # a lone claim in its bucket: never supports itself
            # Not only the contested buckets: claims of one value support each other when their
            # sources are independent.
            values = list(groups.values())
            agreeing: dict[int, list[int]] = {i: [i] for i in range(len(values))}
            for i, j, comparison in self._group_pairs(groups):
                if comparison.agree:
                    agreeing[i].append(j)
                    agreeing[j].append(i)
            summaries = [self._support_summary(group, independence) for group in values]
            for i, group in enumerate(values):
                groups = set().union(*(summaries[j][0] for j in agreeing[i]))
                primaries = set().union(*(summaries[j][1] for j in agreeing[i]))
                for a in group:
                    own_group = independence[a.source.id]
                    if len(groups) > (own_group in groups) or len(primaries) > (a.source.id in primaries):
                        supported.add((a.source.id, a.claim))
        return supported

    @staticmethod
    def _support_summary(group: list[Assertion], independence: Mapping[str, str]) -> tuple[set[str], set[str]]:
        """The independence groups and the primary source ids of the claims that can support others
        (opinion pieces support nothing)."""
        groups, primaries = set(), set()
        for s in group:
            if s.source.kind == "opinion":
                continue
            groups.add(independence[s.source.id])
            if s.source.kind == "primary":
                primaries.add(s.source.id)
        return groups, primaries

    def _supported_statements(self, threshold: float) -> set[tuple[str, str]]:
        """Statements (same subject, predicate and qualifiers) that another statement agreeing with
        them (forms_agree) supports (_supports); never all pairs of statements.

        A statement is supported by one of its own wording when that comes from a source that
        supports it, which settles most statements of a corpus without any fuzzy match. Only the
        rest search the other wordings of their bucket (_AgreeingWordings), and stop at the first
        that holds a supporting source. _supports looks only at the two claims' sources, so it is
        asked once per source, not once per statement.
        """
        by_subject: dict[tuple[object, ...], list[Assertion]] = defaultdict(list)
        for a in self.assertions:
            if a.value_type == "text" and a.subject is not None:
                by_subject[(a.subject, a.predicate, a.qualifiers)].append(a)
        supported: set[tuple[str, str]] = set()
        cache: dict[Wording, StatementForm | None] = {}
        for members in by_subject.values():
            wordings = _by_wording(members)
            backers = [[claims[0] for claims in sources.values()] for sources in wordings.values()]
            waiting: list[tuple[int, dict[str, list[Assertion]]]] = []
            for k, (words, sources) in enumerate(wordings.items()):
                if not words:
                    continue  # no form: agrees with nothing, not even itself
                unsupported = {}
                for sid, claims in sources.items():
                    if self.focus is not None and claims[0].source.path not in self.focus:
                        continue  # nobody asked about this source's claims
                    if any(self._supports(b, claims[0]) for b in backers[k]):
                        supported.update((a.source.id, a.claim) for a in claims)
                    else:
                        unsupported[sid] = claims
                if unsupported:
                    waiting.append((k, unsupported))
            if not waiting:
                continue
            agreeing = _AgreeingWordings(_statement_forms(wordings, cache), threshold)
            for k, unsupported in waiting:
                for j in agreeing(k):
                    backed = [sid for sid, claims in unsupported.items() if any(self._supports(b, claims[0]) for b in backers[j])]
                    for sid in backed:
                        supported.update((a.source.id, a.claim) for a in unsupported.pop(sid))
                    if not unsupported:
                        break
        return supported

    def subject_name(self, a: Assertion) -> str:
        return self.entities.name_of(a.subject) if a.subject else str(a.subject)


def _by_day(members: Iterable[Assertion]) -> list[list[Assertion]]:
    """A bucket's claims by their as_of day (first seen first), each day in corpus order."""
    days: dict[object, list[Assertion]] = defaultdict(list)
    for a in members:
        days[a.as_of].append(a)
    return list(days.values())


def _earliest(group: Sequence[Assertion]) -> tuple[tuple[object, ...], Assertion]:
    """The claim of a value group reported first (see Assertion.placement), with its placement."""
    if len(group) == 1:
        return group[0].placement, group[0]
    first = min(group, key=_placement)
    return first.placement, first


def _rest(group: Sequence[Assertion], paired: Assertion | None, primary_only: bool = False) -> tuple[Assertion, ...]:
    """The claims of a value group other than the paired one (only its primary claims when the
    paired claim is the primary source that settles the fact), in placement order."""
    if len(group) == 1:
        return ()
    others = [a for a in group if a is not paired and (not primary_only or a.source.kind == "primary")]
    others.sort(key=_placement)
    return tuple(others)


def _first_primary(group: Iterable[Assertion]) -> Assertion | None:
    """The first claim of a value group from a primary source, if any."""
    for a in group:
        if a.source.kind == "primary":
            return a
    return None
