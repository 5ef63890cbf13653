"""Draft claim files as text: a new file in canonical form, or new claims added to a curated one.

A curated file is never rewritten: new claims are appended as text after its last claim, so every
byte of what is there (values, order, comments, blank lines) stays as it was. The result is
checked by loading it back: the old data plus the new claims, exactly, or nothing is written.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..fmt import FormatError, comments_of, format_text
from ..values.text import tokens

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_WIDTH = 1 << 20


class MergeError(Exception):
    """New claims cannot be added to the file without changing what is there."""


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=_WIDTH, default_flow_style=False)


def render_new(source: dict[str, Any], claims: list[dict[str, Any]], header: list[str]) -> str:
    """A whole claim file: header comments, the source block, the claims; in `fmt`'s canonical form."""
    body = dump_yaml({"source": source, "claims": claims})
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header)
    text = comments + body
    try:
        return format_text(text, "claims")
    except FormatError:  # pragma: no cover - fmt refuses only what would change meaning
        return text


def render_entities(entries: list[dict[str, Any]], header: list[str]) -> str:
    comments = "".join(f"# {line}\n" for line in header)
    return format_text(comments + dump_yaml({"entities": entries}), "entities")


def claim_identity(claim: dict[str, Any]) -> tuple[str, str]:
    """What makes a draft claim the same as one already in a file, even after a curator edited
    its id, subject or value: the predicate and the words of its evidence (else of its value)."""
    basis = claim.get("evidence") or claim.get("value")
    return str(claim.get("predicate")), " ".join(tokens(str(basis)))


def new_claims(existing: list[Any], drafted: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The drafted claims the file does not hold yet, with ids that do not collide with its ids."""
    known = {claim_identity(c) for c in existing if isinstance(c, dict)}
    known_values = {(str(c.get("predicate")), repr(c.get("value"))) for c in existing if isinstance(c, dict)}
    taken = {str(c.get("id")) for c in existing if isinstance(c, dict)}
    added: list[dict[str, Any]] = []
    for claim in drafted:
        if claim_identity(claim) in known or (str(claim.get("predicate")), repr(claim.get("value"))) in known_values:
            continue
        claim = dict(claim)
        base, n = claim["id"], 2
        while claim["id"] in taken:
            claim["id"], n = f"{base}-{n}", n + 1
        taken.add(claim["id"])
        added.append(claim)
    return added


def append_claims(text: str, claims: list[dict[str, Any]], key: str = "claims") -> str:
    """`text` with `claims` added after the last item of its `claims:` (or `key:`) block sequence."""
    if not claims:
        return text
    node = yaml.compose(text, Loader=_Loader)
    if not isinstance(node, yaml.MappingNode):
        raise MergeError("the file is not a claim file (its top level is not a mapping)")
    sequence = next((value for name, value in node.value if isinstance(name, yaml.ScalarNode) and name.value == key), None)
    if not isinstance(sequence, yaml.SequenceNode):
        raise MergeError(f"the file has no `{key}:` list")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split("\n")
    if sequence.flow_style or not sequence.value:
        raise MergeError(f"its `{key}:` is an empty or flow-style list; write it as a block list first")
    first = sequence.value[0]
    dash_column = _dash_column(lines, first.start_mark.line, first.start_mark.column)
    last = sequence.value[-1]
    insert_at = last.end_mark.line + (1 if last.end_mark.column > 0 else 0)
    # Comment lines right after the last item that are indented deeper belong to it; keep them with it.
    while insert_at < len(lines) and re.match(rf"[ \t]{{{dash_column + 1},}}#", lines[insert_at]):
        insert_at += 1
    block = dump_yaml(claims).rstrip("\n").split("\n")
    indented = [(" " * dash_column + line) if line else line for line in block]
    head = [line.rstrip("\r") for line in lines[:insert_at]]
    while head and head[-1] == "" and insert_at == len(lines):
        head.pop()
    tail = [line.rstrip("\r") for line in lines[insert_at:]]
    merged = newline.join(head + indented + tail)
    if not merged.endswith(newline):
        merged += newline
    return merged


def _dash_column(lines: list[str], line: int, column: int) -> int:
    """The column of the `-` that starts a sequence item whose content starts at (line, column)."""
    text = lines[line][:column]
    dash = text.rfind("-")
    return dash if dash >= 0 else max(column - 2, 0)


def verify_merge(before: str, after: str, added: list[dict[str, Any]], key: str = "claims") -> None:
    """The merged text must load as the old data with the new claims at the end, and keep every comment."""
    old = yaml.load(before, Loader=_Loader)
    new = yaml.load(after, Loader=_Loader)
    expected = dict(old)
    expected[key] = list(old.get(key) or []) + yaml.load(dump_yaml(added), Loader=_Loader)
    if new != expected:
        raise MergeError("adding the claims would change the existing data")
    if comments_of(before) != comments_of(after):
        raise MergeError("adding the claims would move or lose a comment")
