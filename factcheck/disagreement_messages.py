"""Findings and messages for disagreements, shared by the rule types that report them (value_conflict,
claimant_disagreement, scope_mismatch, contradicts_primary) and by unsupported's fact labels. Not a
rule type itself: the rule types are in checks/."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .analysis import Analysis, Disagreement
from .assertions import Assertion
from .context import RELATED_LIMIT, RuleContext, more_claims, pair_finding, per_claim, placement_key, short
from .findings import Finding, Location
from .values import compare

CONTRADICTS_PRIMARY = "contradicts_primary"  # the check that judges claims against a primary source


def primary_settles(ctx: RuleContext) -> bool:
    """Whether a primary source settles the facts it states: true while contradicts_primary runs,
    which judges each outlet's claim against the primary. Without it, the outlets' disagreements in
    those facts are the other disagreement rules' to report (Analysis.settled_disagreements), since
    nothing else would say a word about them."""
    return ctx.enabled_checks is None or CONTRADICTS_PRIMARY in ctx.enabled_checks


def fact_label(analysis: Analysis, a: Assertion) -> str:
    """'reduction of UN Security Council Resolution 2397 {of: refined petroleum products}', with the
    qualifiers as this claim writes them."""
    return f"{a.predicate} of {analysis.subject_name(a)}{a.written_label}"


def in_other(a: Assertion, other: Assertion) -> str:
    """'in reuters' — and how the other claim words the same fact, when it words it differently."""
    worded = f" (there{other.written_label})" if other.written_label != a.written_label else ""
    return f"in {short(other)}{worded}"


def also_stated(also: tuple[Assertion, ...]) -> str:
    """'; also in ap (adopted-on), euromaidanpress (adopted-on)': the rest of the other side when
    `related` can hold all of it, else how many more claims state the other value."""
    if not also:
        return ""
    if len(also) < RELATED_LIMIT:
        return "; also in " + ", ".join(short(a) for a in also)
    return f"; and {len(also)} more claims state it"


def _shown(analysis: Analysis, also: tuple[Assertion, ...]) -> tuple[tuple[Location, ...], str]:
    """The further related locations and the message part for `also`, worked out once per shared
    tuple (the memo holds the tuple, so its identity cannot be reused while it is remembered)."""
    if not also:
        return (), ""
    hit = analysis.also_shown.get(id(also))
    if hit is None or hit[0] is not also:
        hit = analysis.also_shown[id(also)] = (also, tuple(a.location for a in also[: RELATED_LIMIT - 1]), also_stated(also))
    return hit[1], hit[2]


def reported_at(d: Disagreement) -> Assertion:
    """The later claim of a disagreement, or the non-primary one when one side is primary."""
    return d.other if d.primary else max(d.a, d.b, key=placement_key)


def disagreement_findings(analysis: Analysis, disagreements: Iterable[Disagreement]) -> Iterator[Finding]:
    """One finding per claim reported at, never one per pair (per_claim): a claim that disagrees
    with several values is paired with the earliest claim it disagrees with, and the others follow."""
    def pairs() -> Iterator[tuple[Assertion, Assertion, Disagreement]]:
        for d in disagreements:
            at = reported_at(d)
            yield at, (d.b if at is d.a else d.a), d
    for _, _, d, rest in per_claim(pairs()):
        yield disagreement_finding(analysis, d, rest)


def disagreement_finding(analysis: Analysis, d: Disagreement, rest: Sequence[Assertion] = ()) -> Finding:
    """Reported at the later claim (at the non-primary claim when one side is primary), with the
    paired claim and then the rest of its value group under `related`, then the other claims it
    disagrees with (`rest`), at most RELATED_LIMIT in all."""
    at = reported_at(d)
    other = d.b if at is d.a else d.a
    # The rest of b's group, when b is the other side: further related places and a message part.
    more, stated = _shown(analysis, d.also) if other is d.b else ((), "")
    further, disagrees = more_claims(rest, RELATED_LIMIT - 1 - len(more), "it also disagrees with")
    more, stated = more + further, stated + disagrees
    who = ""
    if at.said_by or other.said_by:
        who = f" ({at.said_by or 'own voice'} vs {other.said_by or 'own voice'})"
    if d.kind == "fact":
        message = f"{fact_label(analysis, at)}: {at.value.describe()} vs {other.value.describe()} {in_other(at, other)}{who}"
        message += stated
        if d.comparison.note:
            message += f"; {d.comparison.note}"
        location = None
    else:
        target = analysis.entities.get(str(getattr(at.value, "target", "")))
        on = f" on {target.name}" if target else ""
        message = f"{fact_label(analysis, at)}{on}: {d.comparison.detail}, {in_other(at, other)}{who}{stated}"
        field = _differing_field(d)
        location = at.field_location(field) if field else None
    # canonical_form() is canonical(), kept with the value: no interval is formatted again here.
    return pair_finding(
        at, other, message, at.value.canonical_form(), other.value.canonical_form(), at=at, location=location, more=more
    )


def _differing_field(d: Disagreement) -> str | None:
    """The measure field the disagreement is about, so the finding underlines it."""
    if d.kind == "direction":
        return "direction"
    a, b = d.a.value, d.b.value
    vocabulary = getattr(a, "vocabulary", None)
    if vocabulary is not None and vocabulary.incompatible(a.action, b.action):
        return "action"
    if getattr(a, "force", None) != getattr(b, "force", None):
        return "force"
    for field in ("amount", "deadline"):
        left, right = getattr(a, field, None), getattr(b, field, None)
        if left is not None and right is not None and compare(left, right).disagree:
            return field
    return None
