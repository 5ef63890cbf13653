"""Messages for disagreements, shared by the rules that report them (FC101, FC102, FC103, FC106)."""

from __future__ import annotations

from ..analysis import Analysis, Disagreement
from ..assertions import Assertion
from ..context import pair_finding, placement_key, short
from ..findings import Finding


def fact_label(analysis: Analysis, a: Assertion) -> str:
    """'reduction of UN Security Council Resolution 2397 {of: refined petroleum products}'."""
    label = f"{a.predicate} of {analysis.subject_name(a)}"
    if a.qualifiers:
        label += " {" + ", ".join(f"{k}: {v}" for k, v in a.qualifiers) + "}"
    return label


def disagreement_finding(analysis: Analysis, d: Disagreement) -> Finding:
    """Reported at the later claim (at the non-primary claim when one side is primary)."""
    at = d.other if d.primary else max(d.a, d.b, key=placement_key)
    other = d.b if at is d.a else d.a
    who = ""
    if at.said_by or other.said_by:
        who = f" ({at.said_by or 'own voice'} vs {other.said_by or 'own voice'})"
    versus = f"{at.value.describe()} vs {other.value.describe()} in {short(other)}{who}"
    detail = d.comparison.detail
    if d.kind == "fact":
        message = f"{fact_label(analysis, at)}: {versus}"
        if "time-zone" in detail:
            message += f"; {detail.split('; ', 1)[-1]}"
    else:
        message = f"{fact_label(analysis, at)}: {detail}: {versus}"
    return pair_finding(at, other, message, at.value.canonical(), other.value.canonical(), at=at)
