"""The JSON reporter writes exactly what `json.dumps(findings, indent=2, ensure_ascii=False)` writes,
encoded by orjson (reporters/json_format.py), for findings of every shape and content."""

from __future__ import annotations

import json
import random
import string

import pytest

from factcheck.reporters.json_format import dumps

AWKWARD = string.printable + "é\x7f\x80\ufeff\U0001f600\u2028\u2029\"\\\n\t{}[],:\x00\x1f" + "},\n        {"


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(AWKWARD) for _ in range(rng.randint(0, 24)))


def _place(rng: random.Random) -> dict[str, object]:
    return {"path": _text(rng), "line": rng.randint(0, 99), "column": rng.randint(0, 99),
            "source": rng.choice([None, _text(rng)]), "claim": rng.choice([None, _text(rng)])}


def _finding(rng: random.Random) -> dict[str, object]:
    finding: dict[str, object] = {"code": "FC101", "name": _text(rng), "severity": "error", "message": _text(rng), **_place(rng),
                                  "related": [_place(rng) for _ in range(rng.randint(0, 4))], "fingerprint": _text(rng)}
    shape = rng.random()
    if shape < 0.1:
        finding["related"] = [{}, _place(rng)]  # an empty place
    elif shape < 0.2:
        finding["extra"] = {"nested": [1, 2.5, True, None]}  # another shape: the library's own encoder
    elif shape < 0.25:
        finding = {}
    return finding


@pytest.mark.parametrize("seed", range(40))
def test_the_text_is_the_librarys(seed: int) -> None:
    rng = random.Random(seed)
    findings = [_finding(rng) for _ in range(rng.randint(0, 6))]
    assert dumps(findings) == json.dumps(findings, indent=2, ensure_ascii=False)
    assert json.loads(dumps(findings)) == findings


@pytest.mark.parametrize("slice_size", [1, 2, 3])
def test_slices_join_into_one_array(slice_size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.reporters import json_format

    monkeypatch.setattr(json_format, "SLICE", slice_size)
    rng = random.Random(slice_size)
    for count in range(8):
        findings = [_finding(rng) for _ in range(count)]
        assert dumps(findings) == json.dumps(findings, indent=2, ensure_ascii=False)
