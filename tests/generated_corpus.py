"""Make a small corpus with bench/generate.py, for tests that need many sources."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generate(outdir: Path, sources: int, claims: int, seed: int, conflict_rate: float, shape: str = "mix") -> None:
    spec = importlib.util.spec_from_file_location("bench_generate_for_tests", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    module.generate(outdir, sources, claims, seed, conflict_rate, shape=shape)
