"""Read YAML through libyaml nodes so that every key and value keeps its line and column.

ruamel.yaml's round-trip loader is far too slow for a large corpus (docs/design.md §8), so files are
composed with PyYAML's C loader, checked for what we refuse (anchors, aliases, custom tags,
duplicate keys), and converted to plain data. The node tree is kept so positions can be looked up
by key path only when a finding needs one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from .load_checks import DUPLICATE_ID, INVALID_CLAIM_FILE, INVALID_YAML
from .nesting import MAX_DEPTH, too_deep
from .nesting import MESSAGE as TOO_DEEP

try:  # the C loader is much faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

KeyPath = tuple[str | int, ...]

_NULL = "tag:yaml.org,2002:null"
_NULL_SPELLINGS = frozenset({"", "~", "null", "Null", "NULL"})
# The tag an untagged node gets is the `implicit` flags the composer passes to `resolve`, written
# out (see _Loader): "(True, False)" and the like for a scalar, "True" or "False" for a collection.
_PLAIN_IMPLICIT = frozenset({"(True, False)", "(True, True)"})  # a plain scalar that may be null
_IMPLICIT_TAGS = _PLAIN_IMPLICIT | {"(False, False)", "(False, True)", "True", "False"}


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """Every plain scalar is text except null: the value parsers decide what text means.

    libyaml's composer calls three resolver methods for every node, in Python: `resolve` (the safe
    resolver tries a list of regular expressions on every scalar: ints, floats, booleans,
    timestamps), `descend_resolver` and `ascend_resolver` (path resolvers nobody uses here). The
    converter turns every scalar into a string anyway and only needs to recognize null, so the
    three are replaced by C functions: `str.format` ignores arguments its template does not name,
    and "{2}" writes out the third, `implicit`. The converter then knows a plain untagged scalar by
    its tag (_PLAIN_IMPLICIT), as the safe resolver would. That makes composing about a sixth
    faster. Explicit tags never reach the resolver, so `!!int` and custom tags are still seen and
    refused.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.resolve = "{2}".format
        self.descend_resolver = self.ascend_resolver = "".format


# The longest scalar kept. Quotes, statements and evidence are compared with fuzzy matching whose
# cost grows with the product of the two lengths; a scraped page pasted into one value (a 1 MB line)
# would make a run take hours. A paragraph is about a thousand characters.
MAX_SCALAR_LENGTH = 10_000

_STANDARD_TAGS = _IMPLICIT_TAGS | {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
}


class Position(NamedTuple):
    """1-based line and column (a named tuple: hundreds of thousands are made for a large corpus)."""

    line: int
    column: int


@dataclass(frozen=True)
class YamlProblem:
    """Something wrong with a file at the YAML level; `check` is the load check that reports it."""

    check: str
    message: str
    position: Position
    key_path: KeyPath = ()


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, strings, None) plus the node tree it came from."""

    data: Any
    root: yaml.Node | None
    problems: list[YamlProblem] = field(default_factory=list)
    # Values that came through a refused tag or alias: validation errors under them would only
    # repeat the finding already made, so they are not reported.
    masked: set[KeyPath] = field(default_factory=set)
    marks: dict[KeyPath, Any] = field(default_factory=dict, repr=False)  # path -> start mark of its value

    def is_masked(self, path: KeyPath) -> bool:
        return any(path[: len(prefix)] == prefix for prefix in self.masked)

    def position(self, path: KeyPath, *, key: bool = False) -> Position:
        """Where the value at `path` (or its key) starts; the nearest existing ancestor otherwise."""
        if not key:
            mark = self.marks.get(path)
            if mark is not None:  # recorded while converting: the common case, one lookup
                return Position(mark.line + 1, mark.column + 1)
        node = self.root
        found = Position(1, 1) if node is None else _pos(node)
        for index, step in enumerate(path):
            if isinstance(node, yaml.MappingNode):
                match = next((kv for kv in node.value if kv[0].value == step), None)
                if match is None:
                    return found
                key_node, node = match
                found = _pos(key_node) if key and index == len(path) - 1 else _pos(node)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                found = _pos(node)
            else:
                return found
        return found


def _pos(node: Any) -> Position:
    """Position of a node, an event or a mark (the C loader's marks are not yaml.Mark)."""
    mark = getattr(node, "start_mark", node)
    return Position(mark.line + 1, mark.column + 1)


def decode(data: bytes) -> tuple[str | None, YamlProblem | None]:
    """Strict UTF-8 (a BOM is allowed); the position of the first bad byte otherwise."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        bad = data[err.start : err.start + 1].hex()
        return None, YamlProblem(
            INVALID_YAML,
            f"file is not valid UTF-8: byte 0x{bad} cannot be decoded; save the file as UTF-8",
            Position(line, column),
        )


def load_yaml(text: str) -> YamlDocument:
    """Compose one YAML document; every problem becomes a YamlProblem, never an exception."""
    if not text.strip():  # blank: the file is empty, even when a tab in it would be a YAML error
        return YamlDocument(None, None, [])
    if "\x00" in text:
        return _broken(INVALID_YAML, "file contains a NUL byte; YAML text cannot contain control characters", _position_at(text, text.index("\x00")))
    deep = too_deep(text)  # before libyaml, whose own limit (if any) depends on the PyYAML release
    if deep is not None:
        return _broken(INVALID_YAML, TOO_DEEP, Position(*deep))
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as err:
        return _broken(INVALID_YAML, _yaml_error_message(err, text), _pos(err.problem_mark or err.context_mark))
    except yaml.reader.ReaderError as err:  # a control character: no mark, but its offset
        message = f"invalid YAML: control character U+{err.character:04X} is not allowed; remove it"
        return _broken(INVALID_YAML, message, _position_at(text, err.position))
    except yaml.YAMLError as err:  # e.g. a reader error without a mark
        return _broken(INVALID_YAML, f"invalid YAML: {err}", Position(1, 1))
    except RecursionError:  # not expected after too_deep: the last line of defence
        return _broken(INVALID_YAML, TOO_DEEP, Position(1, 1))
    if len(nodes) > 1:
        return _broken(
            INVALID_CLAIM_FILE,
            f"file holds {len(nodes)} YAML documents; expected exactly one (remove the '---' separators)",
            _pos(nodes[1]),
        )
    root = nodes[0] if nodes else None
    problems: list[YamlProblem] = []
    if "&" in text or "*" in text:
        problems.extend(_anchor_problems(text))
    converter = _Converter(problems)
    try:
        data = converter.convert(root, ()) if root is not None else None
    except _TooDeep as deep:  # the tree says what too_deep missed, if ever: the same finding
        return _broken(INVALID_YAML, TOO_DEEP, _pos(deep.node))
    except RecursionError:
        return _broken(INVALID_YAML, TOO_DEEP, Position(1, 1))
    return YamlDocument(data, root, problems, converter.masked, converter.marks)


def _position_at(text: str, offset: int) -> Position:
    """The 1-based line and column of a character offset."""
    return Position(text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset))


def _broken(check: str, message: str, position: Position) -> YamlDocument:
    return YamlDocument(None, None, [YamlProblem(check, message, position)])


def _yaml_error_message(err: yaml.MarkedYAMLError, text: str) -> str:
    problem = (err.problem or "syntax error").strip()
    context = (err.context or "").strip()
    message = f"invalid YAML: {problem}"
    if context:
        where = f" that started at line {err.context_mark.line + 1}, column {err.context_mark.column + 1}" if err.context_mark else ""
        message += f" {context}{where}"
    mark = err.problem_mark
    lines = text.splitlines() if mark else []
    at_tab = mark is not None and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t"
    if "found character '\\t'" in problem or "tab" in problem or at_tab:
        message += "; indent with spaces, not tabs"
    return message


def _anchor_problems(text: str) -> list[YamlProblem]:
    """Anchors and aliases are refused in claim files: they hide repetition and allow alias bombs."""
    problems = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                problems.append(
                    YamlProblem(INVALID_CLAIM_FILE, f"alias '*{event.anchor}' is not allowed; write the value out", _pos(event))
                )
            elif getattr(event, "anchor", None):
                problems.append(
                    YamlProblem(INVALID_CLAIM_FILE, f"anchor '&{event.anchor}' is not allowed; remove it", _pos(event))
                )
    except yaml.YAMLError:  # already composed once, so this cannot happen; never crash on it
        pass
    return problems


class _TooDeep(Exception):
    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


class _Converter:
    """Node tree to plain data; reports duplicate keys, custom tags and non-scalar keys."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        self.problems = problems
        self.seen: set[int] = set()
        self.masked: set[KeyPath] = set()
        self.marks: dict[KeyPath, Any] = {}

    def convert(self, node: yaml.Node, path: KeyPath) -> Any:
        self.marks[path] = node.start_mark
        if node.tag not in _STANDARD_TAGS:
            shown = node.tag if not node.tag.startswith("tag:yaml.org,2002:") else "!!" + node.tag.split(":", 2)[-1]
            self.problems.append(YamlProblem(INVALID_CLAIM_FILE, f"tag '{shown}' is not allowed; remove it", _pos(node), path))
            self.masked.add(path)
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_SCALAR_LENGTH:
                self.problems.append(YamlProblem(
                    INVALID_CLAIM_FILE,
                    f"value is {len(node.value):,} characters long, over the limit of {MAX_SCALAR_LENGTH:,}; "
                    "shorten it (keep the words that matter) or move the text to source.document",
                    _pos(node), path,
                ))
                self.masked.add(path)
                return None
            if node.tag == _NULL or node.tag in _PLAIN_IMPLICIT and node.value in _NULL_SPELLINGS:
                return None
            return node.value
        if id(node) in self.seen:  # an alias of a collection: never expanded (alias bombs); reported already
            self.masked.add(path)
            return None
        if len(path) >= MAX_DEPTH:  # this collection is one level more than the limit allows
            raise _TooDeep(node)
        self.seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (index,)) for index, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    YamlProblem(INVALID_CLAIM_FILE, "a mapping key must be a plain string", _pos(key_node), path)
                )
                continue
            key = key_node.value
            if key in result:
                self.problems.append(
                    YamlProblem(
                        DUPLICATE_ID,
                        f"duplicate key '{key}': it already appears at line {_first_key_line(node, key)}; "
                        "the second value would be lost, so merge or rename one",
                        _pos(key_node),
                        path + (key,),
                    )
                )
                continue
            result[key] = self.convert(value_node, path + (key,))
        return result


def _first_key_line(node: yaml.MappingNode, key: str) -> int:
    return next(k.start_mark.line + 1 for k, _ in node.value if k.value == key)
