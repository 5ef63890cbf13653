"""Closed intervals: every number and date becomes one, and two values agree when theirs overlap."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal


def format_number(x: float) -> str:
    """A number as a reader writes it: no float noise, no useless '.0', no exponent (396000000)."""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if math.isnan(x):
        return "nan"
    whole = int(x)
    if x == whole:
        if -10**12 < whole < 10**12:  # the common case, and exact: 12 significant digits suffice
            return str(whole)
    else:  # six significant digits are plenty for a reader, but keep one decimal
        whole_digits = len(str(abs(whole))) if whole else 0
        x = round(x, max(1, 6 - whole_digits))
    text = f"{x:.12g}"  # already plain, without trailing zeros, unless it has an exponent
    if "e" in text:  # the mantissa has no trailing zeros, so neither has its plain form
        text = format(Decimal(text), "f")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class Interval:
    """A closed interval [lo, hi]; an infinite end stands for an open-ended bound ("at least 9")."""

    lo: float
    hi: float

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise ValueError("an interval end cannot be NaN")
        if self.lo > self.hi:
            raise ValueError(f"interval lower end {self.lo} is above its upper end {self.hi}")

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    @classmethod
    def around(cls, value: float, half_width: float) -> Interval:
        """[value - half_width, value + half_width]: a stated number and its implied precision."""
        return cls(value - half_width, value + half_width)

    @property
    def width(self) -> float:
        return self.hi - self.lo

    def overlaps(self, other: Interval) -> bool:
        """Closed intervals share a point: the agreement test for every numeric value."""
        return self.lo <= other.hi and other.lo <= self.hi

    def pad(self, amount: float) -> Interval:
        """Widen both finite ends by an absolute amount."""
        if amount < 0:
            raise ValueError("cannot pad an interval by a negative amount")
        return Interval(self.lo - amount, self.hi + amount)

    def __str__(self) -> str:
        left = "(-inf" if self.lo == -math.inf else f"[{format_number(self.lo)}"
        right = "inf)" if self.hi == math.inf else f"{format_number(self.hi)}]"
        return f"{left}, {right}"
