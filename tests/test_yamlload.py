"""YAML reading: positions, refusals, and no exceptions on hostile input."""

from __future__ import annotations

from factcheck.yamlload import Position, decode, load_yaml

BILLION_LAUGHS = """
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_positions_of_keys_and_values() -> None:
    doc = load_yaml("source:\n  id: x\nclaims:\n  - id: a\n    value: 15-0\n")
    assert doc.problems == []
    assert doc.position(("claims", 0, "value")) == Position(5, 12)
    assert doc.position(("claims", 0, "value"), key=True) == Position(5, 5)
    assert doc.position(("source", "id")) == Position(2, 7)
    assert doc.position(("claims", 3, "value")) == Position(4, 3)  # nearest existing ancestor: the list


def test_scalars_stay_text_and_null_is_none() -> None:
    doc = load_yaml("a: 2017-12-22\nb: 15\nc: yes\nd:\ne: null\n")
    assert doc.data == {"a": "2017-12-22", "b": "15", "c": "yes", "d": None, "e": None}


def test_alias_bomb_is_refused_without_expansion() -> None:
    doc = load_yaml(BILLION_LAUGHS)
    assert {p.check for p in doc.problems} == {"invalid_claim_file"}
    assert any("alias" in p.message for p in doc.problems)
    assert any("anchor" in p.message for p in doc.problems)
    assert doc.data["i"] == [None] * 9  # aliases of collections are never expanded


def test_duplicate_key_keeps_first_and_reports_second() -> None:
    doc = load_yaml("a: 1\nb: 2\na: 3\n")
    assert doc.data == {"a": "1", "b": "2"}
    assert [(p.check, p.position) for p in doc.problems] == [("duplicate_id", Position(3, 1))]


def test_custom_and_python_tags_are_refused() -> None:
    doc = load_yaml("a: !foo x\nb: !!python/name:os.system y\n")
    assert [(p.check, p.position.line) for p in doc.problems] == [("invalid_claim_file", 1), ("invalid_claim_file", 2)]


def test_invalid_yaml_is_a_finding_not_an_exception() -> None:
    doc = load_yaml("a: [1, 2\nb: 3\n")
    assert doc.data is None
    assert doc.problems[0].check == "invalid_yaml"


def test_deep_nesting_does_not_crash() -> None:
    doc = load_yaml("[" * 10000 + "]" * 10000)
    assert doc.problems and doc.problems[0].check == "invalid_yaml"


def test_decode_reports_the_bad_byte_position() -> None:
    text, problem = decode(b"a: 1\nb: caf\xe9\n")
    assert text is None
    assert problem.position == Position(2, 7)
    assert decode("\ufeffa: 1\n".encode("utf-8"))[0] == "a: 1\n"  # a BOM is fine
