"""`factcheck fmt`: rewrite claim files and entity registries canonically, keeping every comment.

What changes: keys in a canonical order (the model's field order; a value mapping in the key
order its value type declares; unknown keys after the known ones, in their own order),
indentation (mappings 2, sequences 4 with the dash at 2, like the example corpus), trailing spaces
in strings and comments, `published`/`as_of` written as ISO dates, `null` written out. What never
changes: any value's meaning, quoting, flow or block style, comments and blank lines.

Comments belong to what they annotate, and move with it when keys are reordered:

- full-line comments (and blank lines) above a key or a sequence item belong to it and are
  re-indented to its column; a header at the top of the file, up to its last blank line, stays on top;
- a comment at the end of the line belongs to the value on that line;
- comments after a block, indented deeper than the line that follows, belong to that block and
  stay after it; comments at the end of the file stay at the end.

ruamel.yaml's round-trip mode writes the result. Its own comment bookkeeping hangs a comment on
whatever precedes it, so comments would travel with the wrong key; instead the comments are
located here from PyYAML's token positions and attached to the nodes they annotate before dumping.

Nothing is written unless it is safe: files with FC001/FC002/FC003 findings are skipped, the
result must parse to the same data (after the intended normalizations) and keep every comment,
and files are replaced atomically.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, Iterable, TextIO

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import Comment, CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from .atomic import write_atomic
from .load_checks import BLOCKS_FORMATTING
from .loader import load_file
from .models import ClaimModel, EntityModel, SourceModel
from .values import TYPES, ValueType, type_named

try:  # the C scanner is much faster; the pure-Python one gives the same positions
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


ROOT_ORDER = {"claims": ("source", "claims"), "entities": ("entities",)}
SOURCE_ORDER = tuple(SourceModel.model_fields)  # id, outlet, published, title, url, authors, kind, document, derived_from, note
CLAIM_ORDER = tuple(ClaimModel.model_fields)  # id, subject, predicate, value, qualifiers, as_of, said_by, evidence, ignore, note
ENTITY_ORDER = tuple(EntityModel.model_fields)  # id, name, type, aliases, attributes, description, note
# A value mapping takes its key order from its value type's declaration (values.TYPES). fmt does
# not look up a claim's predicate, so the type is told by the keys: a mapping is ordered as the
# type it shares the most keys with, and a tie leaves it as written. Types with one key order
# (a deadline's mapping is a quantity) count once.
_MAPPING_TYPES: tuple[ValueType, ...] = tuple({t.keys: t for t in TYPES if t.keys}.values())
DATE_FIELDS = frozenset({"published", "as_of"})

_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n|\Z)")
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
_STR_TAG = "tag:yaml.org,2002:str"
_DATE_TAG = "tag:yaml.org,2002:timestamp"
_WIDTH = 1 << 20  # never rewrap a long string


class FormatError(Exception):
    """The file cannot be formatted safely; the message says why."""


# --------------------------------------------------------------------------------------------------
# Where the comments are


@dataclass
class _Entry:
    """A key of a block mapping or an item of a block sequence, with where it is in the source."""

    container: Any  # the ruamel CommentedMap or CommentedSeq holding it
    key: Any  # mapping key, or sequence index
    node: yaml.Node  # its value, as PyYAML composed it (for positions)
    line: int  # 0-based line of the key, or of the item's dash
    column: int  # source column of the key or dash
    end: int  # last line of the value
    depth: int
    out_column: int  # column of the key or dash in the output
    block: bool  # the value is a block collection: its children are entries of their own
    before: list[tuple[int, str]] = field(default_factory=list)  # (source line, comment or "" for a blank line)
    after: list[tuple[int, str]] = field(default_factory=list)
    eol: tuple[int, str] | None = None  # (source column, comment)
    header_eol: str | None = None  # a comment after a block scalar's `|` or `>` header

    @property
    def is_map_key(self) -> bool:
        return isinstance(self.container, dict)

    @property
    def block_scalar(self) -> bool:
        return isinstance(self.node, yaml.ScalarNode) and self.node.style in ("|", ">")


@dataclass
class _Line:
    kind: str  # "blank" | "comment" | "content"
    column: int = 0  # of the comment
    text: str = ""  # the comment, from '#'
    eol: tuple[int, str] | None = None  # a comment after content on this line


def _split_lines(text: str) -> list[str]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _classify(text: str) -> tuple[list[_Line], list[yaml.Token]]:
    """Each line is blank, a full-line comment, or content (maybe with an end-of-line comment).

    Lines inside a multi-line scalar are content whatever they look like: a '#' in a block
    scalar is text.
    """
    lines = _split_lines(text)
    tokens = list(yaml.scan(text, Loader=_Loader))
    covered = [False] * (len(lines) + 1)
    tail: list[int | None] = [None] * (len(lines) + 1)

    def reach(line: int, column: int) -> None:
        if line < len(tail):
            tail[line] = column if tail[line] is None else max(tail[line], column)  # type: ignore[type-var]

    for token in tokens:
        start, end = token.start_mark, token.end_mark
        if (start.line, start.column) == (end.line, end.column):
            continue  # zero-width tokens (block ends, stream end) may sit on a comment line
        if isinstance(token, yaml.ScalarToken) and end.line > start.line:
            if token.style in ("|", ">"):
                header = _BLOCK_HEADER.match(lines[start.line], start.column)
                reach(start.line, header.end() if header else start.column + 1)
                last = end.line - 1 if end.column == 0 else end.line
                if not (header and "+" in header.group()):  # trailing blank lines are not content
                    while last > start.line and not lines[last].strip():
                        last -= 1
                for number in range(start.line + 1, last + 1):
                    covered[number] = True
            else:
                for number in range(start.line, end.line):
                    covered[number] = True
                reach(end.line, end.column)
            continue
        reach(start.line, start.column)
        reach(end.line, end.column)

    result = []
    for number, line in enumerate(lines):
        if covered[number]:
            result.append(_Line("content"))
            continue
        start = tail[number]
        rest = line if start is None else line[start:]
        stripped = rest.lstrip()
        column = len(line) - len(stripped)
        if start is None and not stripped:
            result.append(_Line("blank"))
        elif start is None and stripped.startswith("#"):
            result.append(_Line("comment", column, stripped.rstrip()))
        elif stripped.startswith("#"):
            result.append(_Line("content", eol=(column, stripped.rstrip())))
        else:
            result.append(_Line("content"))
    return result, tokens


def comments_of(text: str) -> Counter[str]:
    """Every comment of a YAML text (full-line and end-of-line), for checking none was lost."""
    lines, _ = _classify(text)
    found: Counter[str] = Counter()
    for line in lines:
        if line.kind == "comment":
            found[line.text] += 1
        elif line.eol:
            found[line.eol[1]] += 1
    return found


class _Layout:
    """The entries of a document with their positions, and the comments assigned to them."""

    def __init__(self, text: str, data: Any) -> None:
        self.source = _split_lines(text)
        self.lines, tokens = _classify(text)
        self.dashes = sorted(
            (t.start_mark.line, t.start_mark.column) for t in tokens if isinstance(t, yaml.BlockEntryToken)
        )
        self.explicit_start = any(isinstance(t, yaml.DocumentStartToken) for t in tokens)
        self.entries: list[_Entry] = []
        self.header: list[tuple[int, str]] = []
        self.footer: list[tuple[int, str, int]] = []  # (source line, comment, column)
        root = yaml.compose(text, Loader=_Loader)
        if root is not None:
            self._walk(root, data, 0, 0)
        self.by_line: dict[int, list[_Entry]] = {}
        for entry in self.entries:
            self.by_line.setdefault(entry.line, []).append(entry)
        self._assign()

    # -- entries

    def _walk(self, node: yaml.Node, obj: Any, depth: int, column: int) -> None:
        if isinstance(node, yaml.MappingNode) and not node.flow_style:
            keys = list(obj.keys())
            for index, (key_node, value_node) in enumerate(node.value):
                key = keys[index]
                start = key_node.start_mark
                self._add(obj, key, value_node, start.line, start.column, depth, column, obj[key])
        elif isinstance(node, yaml.SequenceNode) and not node.flow_style:
            for index, value_node in enumerate(node.value):
                line, col = self._dash_before(value_node.start_mark)
                self._add(obj, index, value_node, line, col, depth, column, obj[index])

    def _add(self, container: Any, key: Any, node: yaml.Node, line: int, col: int, depth: int, out: int, value: Any) -> None:
        block = isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and bool(node.value)
        entry = _Entry(container, key, node, line, col, max(line, _last_line(node, self.lines)), depth, out, block)
        self.entries.append(entry)
        if block:
            # mappings indent by 2; a sequence's dash sits 2 in from its key, its items 2 further
            self._walk(node, value, depth + 1, out + 2)

    def _dash_before(self, mark: Any) -> tuple[int, int]:
        """The `-` of a sequence item: the last dash before the item's value starts."""
        position = (mark.line, mark.column)
        index = bisect.bisect_left(self.dashes, position)
        return self.dashes[index - 1] if index else position

    # -- comments

    def _containing(self, line: int) -> list[_Entry]:
        return [e for e in self.entries if e.line <= line <= e.end]

    def _deepest_containing(self, line: int) -> _Entry | None:
        found = self._containing(line)
        return max(found, key=lambda e: e.depth) if found else None

    def _starting(self, line: int) -> _Entry | None:
        found = self.by_line.get(line)
        return min(found, key=lambda e: e.depth) if found else None

    def _orphan(self, line: int, items: list[tuple[int, str]]) -> None:
        """Comments with no node of their own: above the enclosing entry, else at the top or end."""
        holder = self._deepest_containing(line)
        if holder is not None:
            holder.before.extend(items)
        elif self.entries and line < self.entries[0].line:
            self.header.extend(items)
        else:
            self.footer.extend((number, text, 0) for number, text in items)

    def _assign(self) -> None:
        lines = self.lines
        number = 0
        while number < len(lines):
            line = lines[number]
            if line.kind == "content":
                if line.eol:
                    self._assign_eol(number, line.eol)
                number += 1
                continue
            first = number
            while number < len(lines) and lines[number].kind != "content":
                number += 1
            self._assign_run(first, number)

    def _assign_eol(self, number: int, eol: tuple[int, str]) -> None:
        holder = self._deepest_containing(number)
        if holder is None:
            self._orphan(number, [(number, eol[1])])
        elif holder.block_scalar and number == holder.node.start_mark.line and holder.is_map_key:
            header = _BLOCK_HEADER.match(self.source[number], holder.node.start_mark.column)
            gap = eol[0] - (header.end() if header else eol[0] - 1)
            holder.header_eol = " " * max(gap, 1) + eol[1]
        elif (not holder.block and not holder.block_scalar and number == holder.end) or (
            holder.block and number == holder.line and holder.is_map_key
        ):
            # the comment keeps its distance from the content when the line is re-indented
            shift = holder.out_column - holder.column if number == holder.line else 0
            holder.eol = (max(eol[0] + shift, 0), eol[1])
        else:  # inside a flow collection, or after a dash whose item starts below: keep it above
            holder.before.append((number, eol[1]))

    def _assign_run(self, first: int, stop: int) -> None:
        """Lines first..stop-1 are blank or comments."""
        run = [(n, self.lines[n]) for n in range(first, stop)]
        items = [(n, line.text if line.kind == "comment" else "") for n, line in run]
        if stop >= len(self.lines):  # end of file: stays at the end, trailing blank lines dropped
            while items and not items[-1][1]:
                items.pop()
            self.footer.extend((n, text, self.lines[n].column) for n, text in items)
            return
        target = self._starting(stop)
        if first == 0:  # file header: up to its last blank line, it stays on top of the file
            while items and not items[0][1]:
                items.pop(0)
            blanks = [i for i, (_, text) in enumerate(items) if not text]
            cut = blanks[-1] + 1 if blanks else 0
            self.header.extend(items[:cut])
            if target is None:
                self._orphan(stop, items[cut:])
            else:
                target.before.extend(items[cut:])
            return
        if target is None:
            self._orphan(stop, items)
            return
        # Comments indented deeper than the next node belong to the block above them.
        deeper = 0
        for i, (_, line) in enumerate(run):
            if line.kind == "blank":
                continue
            if line.column <= target.column:
                break
            deeper = i + 1
        if deeper:
            columns = [line.column for _, line in run[:deeper] if line.kind == "comment"]
            holder = self._trailing_holder(first - 1, min(columns))
            if holder is not None:
                holder.after.extend(items[:deeper])
                items = items[deeper:]
        target.before.extend(items)

    def _trailing_holder(self, previous: int, column: int) -> _Entry | None:
        """The innermost entry ending on line `previous` that a comment at `column` is inside of."""
        found = [e for e in self._containing(previous) if e.column < column]
        if not found:
            return None
        holder = max(found, key=lambda e: e.depth)
        return holder if holder.end == previous else None


def _last_line(node: yaml.Node, lines: list[_Line]) -> int:
    """The last line a value occupies (PyYAML's end marks of block nodes point past them)."""
    if isinstance(node, yaml.ScalarNode):
        start, end = node.start_mark, node.end_mark
        last = end.line - 1 if end.column == 0 and end.line > start.line else end.line
        if node.style in ("|", ">"):
            while last > start.line and lines[last].kind != "content":
                last -= 1
        return last
    if node.flow_style or not node.value:
        return node.end_mark.line
    last_child = node.value[-1]
    if isinstance(node, yaml.MappingNode):
        key, value = last_child
        return max(key.start_mark.line, _last_line(value, lines))
    return _last_line(last_child, lines)


# --------------------------------------------------------------------------------------------------
# Formatting one text


class _Timestamp(str):
    """A date or datetime exactly as written: ruamel.yaml would rewrite `10:00:00.5` as `10:00:00.500000`."""


class _Constructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:  # noqa: ARG002
        return _Timestamp(node.value)


class _Representer(RoundTripRepresenter):
    def represent_none(self, data: Any) -> Any:  # `null`, where ruamel.yaml would leave the value empty
        return self.represent_scalar("tag:yaml.org,2002:null", "null")

    def represent_timestamp_text(self, data: _Timestamp) -> Any:
        return self.represent_scalar(_DATE_TAG, str(data))


# Subclasses, so that other users of ruamel.yaml in the process are not affected.
_Constructor.add_constructor(_DATE_TAG, _Constructor.construct_yaml_timestamp)
_Representer.add_representer(type(None), _Representer.represent_none)
_Representer.add_representer(_Timestamp, _Representer.represent_timestamp_text)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _Constructor
    y.Representer = _Representer
    y.preserve_quotes = True
    y.width = _WIDTH
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def format_text(text: str, kind: str = "claims") -> str:
    """The canonical form of a claim file (`kind` "claims") or entity registry ("entities").

    The text must be one valid YAML document (load it with `factcheck.loader.load_file` first).
    Raises FormatError when the result would not mean the same, or would lose a comment.
    """
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    crlf = "\r\n" in body
    if crlf:
        body = body.replace("\r\n", "\n")
    formatted = _format(body, kind)
    _verify(body, formatted)
    if crlf:
        formatted = formatted.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + formatted


def _format(text: str, kind: str) -> str:
    y = _yaml()
    data = y.load(text)
    if not isinstance(data, CommentedMap):
        raise FormatError("top level is not a mapping")
    layout = _Layout(text, data)
    _clear_comments(data)
    _normalize(data)
    if kind == "claims":
        _normalize_dates(data)
    _reorder_document(data, kind)
    _attach(data, layout)
    y.explicit_start = layout.explicit_start
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue().lstrip("\n")  # a blank line that travelled to the top with its key: dropped, as leading blank lines are


def _clear_comments(obj: Any) -> None:
    if isinstance(obj, (CommentedMap, CommentedSeq)):
        if hasattr(obj, Comment.attrib):
            delattr(obj, Comment.attrib)
        for value in obj.values() if isinstance(obj, dict) else obj:
            _clear_comments(value)
    elif isinstance(obj, (LiteralScalarString, FoldedScalarString)) and getattr(obj, "comment", None):
        obj.comment = None


# -- values


def _strip_trailing(value: Any) -> Any:
    """Trailing spaces at the end of a string or of its lines; folded scalars are left alone
    (a space before a fold is part of the text)."""
    if not isinstance(value, str) or isinstance(value, (FoldedScalarString, _Timestamp)):
        return value
    stripped = _TRAILING_SPACE.sub("", value)
    if stripped == value:
        return value
    return stripped if type(value) is str else type(value)(stripped)


def _iso_date(value: Any) -> Any:
    """A date written as a string ("2017-12-22") becomes a plain YAML date."""
    if isinstance(value, str) and not isinstance(value, (LiteralScalarString, FoldedScalarString)):
        candidate = value.strip()
        if _ISO_DATE.fullmatch(candidate):
            try:
                year, month, day = (int(part) for part in candidate.split("-"))
                return dt.date(year, month, day)
            except ValueError:
                return value
    return value


def _normalize(obj: Any) -> None:
    """Trailing spaces stripped from every string value (never from keys)."""
    items = list(obj.items()) if isinstance(obj, dict) else list(enumerate(obj)) if isinstance(obj, list) else []
    for key, value in items:
        if isinstance(value, (dict, list)):
            _normalize(value)
            continue
        new = _strip_trailing(value)
        if new is not value:
            obj[key] = new  # an existing key keeps its place


def _normalize_dates(data: CommentedMap) -> None:
    """`source.published` and each claim's `as_of` written as ISO dates."""
    places = [data.get("source")] + list(data.get("claims") or [])
    for mapping in places:
        if not isinstance(mapping, dict):
            continue
        for name in DATE_FIELDS & set(mapping):
            date = _iso_date(mapping[name])
            if date is not mapping[name]:
                mapping[name] = date


# -- key order


def _reorder(mapping: Any, order: Iterable[str]) -> None:
    if not isinstance(mapping, CommentedMap):
        return
    order = tuple(order)
    known = [k for k in order if k in mapping]
    wanted = known + [k for k in mapping if k not in order]
    if list(mapping) != wanted:
        for k in wanted:
            mapping.move_to_end(k)


def _mapping_type(mapping: Any) -> ValueType | None:
    if not isinstance(mapping, CommentedMap):
        return None
    keys = set(mapping)
    shared = [(len(keys.intersection(t.keys)), t) for t in _MAPPING_TYPES]
    most = max(count for count, _ in shared)
    best = [t for count, t in shared if count == most]
    return best[0] if most and len(best) == 1 else None


def _reorder_value(value: Any, value_type: ValueType | None = None) -> None:
    """Order a value mapping's keys, and those of the typed parts inside it (a measure's amount)."""
    value_type = value_type or _mapping_type(value)
    if value_type is None or not isinstance(value, CommentedMap):
        return
    _reorder(value, value_type.keys)
    for key, part_type in value_type.parts.items():
        _reorder_value(value.get(key), type_named(part_type))


def _reorder_document(data: CommentedMap, kind: str) -> None:
    _reorder(data, ROOT_ORDER[kind])
    if kind == "entities":
        for entity in data.get("entities") or ():
            _reorder(entity, ENTITY_ORDER)
        return
    _reorder(data.get("source"), SOURCE_ORDER)
    claims = data.get("claims")
    if isinstance(claims, list):
        for claim in claims:
            _reorder(claim, CLAIM_ORDER)
            if isinstance(claim, CommentedMap):
                _reorder_value(claim.get("value"))


# -- putting the comments back


def _token(text: str, column: int = 0) -> CommentToken:
    return CommentToken(text, CommentMark(column), None)


def _before_tokens(items: list[tuple[int, str]], column: int) -> list[CommentToken] | None:
    if not items:
        return None
    return [_token(text + "\n", column) if text else _token("\n") for _, text in sorted(items)]


def _is_block(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0 and not value.fa.flow_style()


def _last_leaf(obj: Any) -> tuple[Any, Any]:
    """The container and key of the last scalar or flow value printed inside a block collection."""
    while True:
        key = next(reversed(obj)) if isinstance(obj, dict) else len(obj) - 1
        value = obj[key]
        if not _is_block(value):
            return obj, key
        obj = value


def _attach(data: CommentedMap, layout: _Layout) -> None:
    entries = {(id(e.container), _hashable(e.key)): e for e in layout.entries}
    post: dict[tuple[int, Any], list[tuple[int, str, int]]] = {}
    for entry in layout.entries:
        if not entry.after:
            continue
        lines = [(n, text, entry.out_column + 2) for n, text in entry.after]  # inside the entry's block
        if entry.block:
            container, key = _last_leaf(entry.container[entry.key])
        else:
            container, key = entry.container, entry.key
        post.setdefault((id(container), _hashable(key)), []).extend(lines)
    if layout.footer and len(data):
        container, key = _last_leaf(data)
        post.setdefault((id(container), _hashable(key)), []).extend(layout.footer)
    if layout.header:
        data.ca.comment = [None, _before_tokens(layout.header, 0)]

    for ident, entry in entries.items():
        after = sorted(post.pop(ident, []))
        before = _before_tokens(entry.before, entry.out_column)
        after_token = _post_token(entry, after)
        if entry.is_map_key:
            slot = [None, before, after_token, [entry.header_eol] if entry.header_eol else None]
            if any(part is not None for part in slot):
                entry.container.ca.items[entry.key] = slot
        elif before is not None or after_token is not None:
            entry.container.ca.items[entry.key] = [after_token, before]
    if post:  # pragma: no cover - every leaf is an entry
        raise FormatError("internal error: a comment has no place")


def _hashable(key: Any) -> Any:
    try:
        hash(key)
    except TypeError:  # pragma: no cover - keys are scalars in valid files
        return id(key)
    return key


def _post_token(entry: _Entry, after: list[tuple[int, str, int]]) -> CommentToken | None:
    rest = "".join((" " * column + text if text else "") + "\n" for _, text, column in after)
    if entry.eol is not None:
        column, text = entry.eol
        return _token(text + "\n" + rest, column)
    if not rest:
        return None
    if entry.block_scalar:  # a block scalar already ends its last line
        return _token(rest)
    return _token("\n" + rest)


# -- checking the result


def _verify(original: str, formatted: str) -> None:
    before, after = _meaning(original), _meaning(formatted)
    if before != after:
        raise FormatError("internal error: the formatted file would not mean the same; left unchanged")
    lost = comments_of(original) - comments_of(formatted)
    if lost:
        example = next(iter(lost))
        raise FormatError(f"internal error: the formatted file would lose the comment '{example}'; left unchanged")


def _meaning(text: str) -> Any:
    return _plain(yaml.compose(text, Loader=_Loader), None)


def _plain(node: yaml.Node | None, key: Any) -> Any:
    """Tag and text of every scalar, with the normalizations fmt makes applied to both sides."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        value, tag = node.value, node.tag
        if tag == "tag:yaml.org,2002:null":
            return (tag, "")  # ~, null and nothing at all are the same
        if tag == _STR_TAG and node.style != ">":
            value = _TRAILING_SPACE.sub("", value)
        if key in DATE_FIELDS and tag in (_STR_TAG, _DATE_TAG) and _ISO_DATE.fullmatch(value.strip()):
            date = _iso_date(value)
            if isinstance(date, dt.date):
                tag, value = _DATE_TAG, date.isoformat()
        return (tag, value)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, key) for item in node.value]
    result = {}
    for key_node, value_node in node.value:
        name = _plain(key_node, None)
        result[name] = _plain(value_node, name[1] if isinstance(name, tuple) else None)
    return result


# --------------------------------------------------------------------------------------------------
# Files


@dataclass
class FileResult:
    path: Path
    display: str
    status: str  # unchanged | changed | skipped | error | unwritable
    original: bytes = b""
    formatted: bytes = b""
    reason: str = ""

    def diff(self) -> list[str]:
        """The change as a unified diff (empty when nothing changes)."""
        before = self.original.decode("utf-8", errors="replace").splitlines(keepends=True)
        after = self.formatted.decode("utf-8", errors="replace").splitlines(keepends=True)
        lines = list(difflib.unified_diff(before, after, fromfile=self.display, tofile=self.display))
        return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]


def format_path(path: Path, cwd: Path, root: Path, codes: Mapping[str, str] = MappingProxyType({})) -> FileResult:
    """Format one file in memory; nothing is written. `codes` names the rule of each load check
    (check name -> rule code) in the reason a file is skipped."""
    loaded = load_file(path, cwd, root)
    blocking = sorted((f for f in loaded.findings if f.check in BLOCKS_FORMATTING), key=lambda f: f.sort_key())
    if blocking:
        first = blocking[0]
        more = f" (and {len(blocking) - 1} more)" if len(blocking) > 1 else ""
        reason = f"{codes.get(first.check, first.check)} at line {first.location.line}, column {first.location.column}: {first.message}{more}"
        return FileResult(path, loaded.display, "skipped", reason=reason)
    if loaded.kind not in ROOT_ORDER:
        return FileResult(path, loaded.display, "skipped", reason="not a claim file or entity registry")
    original = path.read_bytes()
    try:
        formatted = format_text(original.decode("utf-8"), loaded.kind).encode("utf-8")
    except FormatError as err:
        return FileResult(path, loaded.display, "error", original, reason=str(err))
    except Exception as err:  # noqa: BLE001 - one odd file must not stop the others; it is left as it was
        return FileResult(path, loaded.display, "error", original, reason=f"internal error while formatting ({type(err).__name__}: {err}); left unchanged")
    status = "unchanged" if formatted == original else "changed"
    return FileResult(path, loaded.display, status, original, formatted)


def _plural(count: int, word: str = "file") -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def run_fmt(
    paths: list[Path],
    *,
    check: bool = False,
    diff: bool = False,
    cwd: Path | None = None,
    root: Path | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    codes: Mapping[str, str] = MappingProxyType({}),
) -> int:
    """Format the YAML files under `paths` and say what happened; see report() for the exit code.
    `codes`: the rule code of each load check, to name it when a file is skipped."""
    cwd = (cwd or Path.cwd()).resolve()
    results = format_files(paths, cwd=cwd, root=root or cwd, codes=codes, write=not (check or diff))
    return report(results, check=check, diff=diff, out=out, err=err)


def format_files(paths: list[Path], *, cwd: Path, root: Path, codes: Mapping[str, str] = MappingProxyType({}),
                 write: bool = False) -> Iterator[FileResult]:
    """Each YAML file under `paths` formatted in memory, and with `write` a changed one replaced
    atomically as it comes; a file that cannot be written comes back as "unwritable"."""
    from .corpus import discover

    for path in discover(paths):
        result = format_path(path, cwd, root, codes)
        if write and result.status == "changed":
            try:
                write_atomic(path, result.formatted)
            except OSError as error:
                result = replace(result, status="unwritable", reason=f"cannot write: {error.strerror or error}")
        yield result


def report(results: Iterable[FileResult], *, check: bool = False, diff: bool = False, out: TextIO | None = None,
           err: TextIO | None = None) -> int:
    """What `factcheck fmt` prints about the results, as they come. Exit code: 0 nothing to do (or
    all written), 1 files would change (--check/--diff) or were skipped, 2 a file could not be written."""
    out = out or sys.stdout
    err = err or sys.stderr
    shown = err if diff else out  # with --diff, standard output is the patch alone
    counts: Counter[str] = Counter()
    for result in results:
        counts[result.status] += 1
        if result.status in ("skipped", "error", "unwritable"):
            verb = "not formatted: " if result.status != "unwritable" else ""
            print(f"factcheck fmt: {result.display}: {verb}{result.reason}", file=err)
        elif result.status == "changed":
            if diff:
                out.writelines(result.diff())
            if not diff:
                print(f"{'would reformat' if check else 'reformatted'} {result.display}", file=shown)
    print(_summary(counts, check or diff), file=shown)
    if counts["unwritable"]:
        return 2
    if counts["skipped"] or counts["error"]:
        return 1
    return 1 if (check or diff) and counts["changed"] else 0


def rule_codes(settings: Any) -> dict[str, str]:
    """Each check's rule code in the project's rule set; none when the rule set does not load (fmt
    still formats, and names a check by its own name)."""
    from .config import ConfigError
    from .pipeline import rule_dirs
    from .ruleset import load_ruleset

    try:
        ruleset = load_ruleset(rule_dirs(settings, ()))
    except ConfigError:
        return {}
    return {check: rule.code for check in {rule.check for rule in ruleset.rules.values()} if (rule := ruleset.by_check(check)) is not None}


def _summary(counts: Counter[str], dry: bool) -> str:
    changed, unchanged = counts["changed"], counts["unchanged"]
    if dry:
        parts = [f"{_plural(changed)} would be reformatted", f"{_plural(unchanged)} already formatted"]
    else:
        parts = [f"{_plural(changed)} reformatted", f"{_plural(unchanged)} left unchanged"]
    not_done = counts["skipped"] + counts["error"]
    if not_done:
        parts.append(f"{_plural(not_done)} skipped")
    if counts["unwritable"]:
        parts.append(f"{_plural(counts['unwritable'])} could not be written")
    return ", ".join(parts)
