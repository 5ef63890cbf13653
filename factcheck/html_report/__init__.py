"""`factcheck report`: the corpus as a claim matrix people can look at (model, then HTML)."""

from .html import render
from .model import Report, build_report

__all__ = ["Report", "build_report", "render"]
