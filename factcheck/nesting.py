"""How deeply a YAML document nests, read from its text before any YAML library sees it.

The depth limit must be factcheck's own: libyaml's differs between PyYAML releases (6.0.4 stops at
1,000 levels with an error of its own; earlier releases have no limit, and a flow sequence nested
100,000 deep crashes the process), and everything after composing (the converter, fmt's round trip
through ruamel.yaml, normalization) recurses once or more per level. So the text is checked first,
and every release gives the same finding at the same place.

Depth counts the mappings and sequences open at a point, as the composed node tree has them: the
top-level mapping is 1, a `[a: b]` entry is a mapping inside the sequence. A claim file needs about
six; the limit leaves a wide margin and stays far below where anything downstream breaks (fmt fails
near 240).

Two passes, the second only when the first cannot decide:

- a bound from counts: flow nesting is at most the number of brackets (a `[` counts two, for its
  single-pair mappings), and block nesting at most twice the number of distinct columns a block
  collection can start at, which is bounded by the longest run of spaces and `-`/`?`/`:` indicators
  that opens a line. One `str.count` per bracket and one regular-expression search: nearly free.
- a scan that follows libyaml's tokenization closely enough to know which brackets open
  collections (not the ones in quoted scalars, comments, block scalars, or plain scalars) and which
  lines open block collections.
"""

from __future__ import annotations

import functools
import re

MAX_DEPTH = 100
MESSAGE = (
    f"YAML nesting is too deep to read: more than {MAX_DEPTH} mappings and lists inside one another "
    "(a claim file needs about six); flatten it"
)

_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")  # libyaml's line breaks
_BLANKS = re.compile(r"[ \t]*")
_TOKEN_END = re.compile(r"[ \t]|$")  # a property or an alias ends at a blank
_FLOW_TOKEN_END = re.compile(r"[ \t,\[\]{}]|$")
# Where a plain scalar ends. Block context: `: ` (it was a key) or ` #` (a comment).
_PLAIN_BLOCK_END = re.compile(r":(?=[ \t]|$)|[ \t]#")
# Flow context also ends it at a flow indicator, and at `:` before one (libyaml 0.2.5).
_PLAIN_FLOW_END = re.compile(r"[,\[\]{}]|:(?=[ \t,?\[\]{}]|$)|[ \t]#")
_DOUBLE_QUOTED_STOP = re.compile(r'[\\"]')

_MAP, _SEQ, _INDENTLESS = 0, 1, 2  # block collections; an indentless sequence shares its mapping's column
_NORMAL, _BLOCK_SCALAR, _QUOTED, _PLAIN, _FLOW_PLAIN = range(5)  # what the next line continues


def too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """The 1-based (line, column) of the first mapping or sequence that opens deeper than `limit`;
    None when the document stays within it (or is not YAML that libyaml would read that deep)."""
    if len(text) <= limit or _within_bound(text, limit):
        return None
    return _Scan(text, limit).run()


def depth(text: str) -> int:
    """The deepest nesting of the document, by the scan (tests compare it with composed trees)."""
    scan = _Scan(text, len(text) + 1)
    scan.run()
    return scan.deepest


def _within_bound(text: str, limit: int) -> bool:
    """True when counting alone proves the depth is within `limit`.

    Along a chain of nested block collections the columns they start at never decrease, and only
    an indentless sequence shares its mapping's column, so there are at most two per column; each
    starts after the line's run of indentation and indicators. Flow collections sit inside the
    block ones, at most one per bracket, two per `[` with its single-pair mappings; and at most two
    in all when every line with a bracket is a flat one (_FLAT_LINE), as claim files write them."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = _BREAK.sub("\n", text)  # one kind of break, so the searches can look for "\n"
    flow = text.count("{") + 2 * text.count("[")
    if flow > 2 and _flat_brackets_only(text):
        flow = 2
    room = (limit - flow) // 2  # block depth <= 2 * (longest run + 1); a run of `room` would allow 2 * room + 2
    if room <= 0:
        return False
    first_line, later_line = _runs_of(room)
    return first_line.match(text) is None and later_line.search(text) is None


# A line whose only brackets are one flow collection that opens after the indentation, list
# indicators or a key, and closes at the end of the line: `  qualifiers: {of: nickel}`,
# `authors: [A, B]`. No quote and no `#` anywhere on it, and no bracket inside: so a line that
# continues a quoted or plain scalar holds its brackets as text, and otherwise its bracket opens a
# collection that closes on the same line (a plain scalar in a flow collection cannot hold a
# bracket). Such a collection holds at most a single-pair mapping, depth two; a collection that
# spans lines must open on a line that is not flat.
_FLAT_LINE = re.compile(r"[ \t]*(?:- )*(?:[^\n\[\]{}#\"']*: )?[\[{][^\n\[\]{}#\"']*[\]}][ \t]*")
_BRACKET = re.compile(r"[\[\]{}]")


def _flat_brackets_only(text: str) -> bool:
    """Every line holding a bracket is a _FLAT_LINE (one regular-expression match per such line)."""
    at = 0
    while (bracket := _BRACKET.search(text, at)) is not None:
        start = text.rfind("\n", 0, bracket.start()) + 1
        end = text.find("\n", bracket.start())
        end = len(text) if end < 0 else end
        if _FLAT_LINE.fullmatch(text, start, end) is None:
            return False
        at = end
    return True


@functools.lru_cache(maxsize=None)
def _runs_of(length: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A line that opens with `length` or more spaces, tabs, BOMs or `-`/`?`/`:`: the first line,
    and any other (a pattern that starts with a literal newline is searched for quickly)."""
    run = r"[ \t?:\ufeff-]{%d}" % length
    return re.compile(run), re.compile("\n" + run)


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.position = (line + 1, column + 1)


class _Scan:
    """One pass over the lines, keeping libyaml's block indentation stack and the open flow
    collections, and what a line break leaves open (a block scalar, a quoted or plain scalar)."""

    def __init__(self, text: str, limit: int) -> None:
        self.lines = _BREAK.split(text)
        self.limit = limit
        self.block: list[tuple[int, int]] = []  # (column, kind) of each open block collection
        self.flow: list[str] = []  # "[", "{", or "p" for a single-pair mapping inside "["
        self.levels: list[_Level] = []  # one per entry of `flow`
        self.flow_key: tuple[int, int] | None = None  # where the outermost flow collection began, if it may be a key
        self.flow_peak: _Peak = (0, 0, 0)  # the deepest point of the last outermost flow collection
        self.mode = _NORMAL
        self.quote = ""
        self.scalar_indent = -1  # a block or plain scalar goes on while lines are indented more
        self.content_indent = -1  # a block scalar's: set by its header or by its first line
        self.deepest = 0

    def run(self) -> tuple[int, int] | None:
        if self.lines[0].startswith("\ufeff"):  # libyaml's reader drops a BOM at the start of the stream
            self.lines[0] = self.lines[0][1:]
        try:
            for row, line in enumerate(self.lines):
                self._line(row, line)
        except _TooDeep as deep:
            return deep.position
        return None

    # -- depth

    def _opened(self, row: int, column: int) -> None:
        self._reach(len(self.block) + len(self.flow), row, column)

    def _reach(self, depth: int, row: int, column: int) -> None:
        if depth > self.deepest:
            self.deepest = depth
            if depth > self.limit:
                raise _TooDeep(row, column)

    def _indent(self) -> int:
        return self.block[-1][0] if self.block else -1

    def _open_block(self, row: int, column: int, kind: int) -> bool:
        """Open a block collection at `column` unless this is another entry of the open one."""
        top = self.block[-1] if self.block else None
        if top is None or column > top[0]:
            self.block.append((column, kind))
        elif kind == _SEQ and top == (column, _MAP):
            self.block.append((column, _INDENTLESS))
        else:
            return False
        self._opened(row, column)
        return True

    # -- lines

    def _line(self, row: int, line: str) -> None:
        if self.mode == _BLOCK_SCALAR or self.mode == _PLAIN:
            indent = len(line) - len(line.lstrip(" "))
            rest = line[indent:].strip(" \t")
            if not rest:
                return  # a blank line never ends a scalar
            if self.mode == _PLAIN:
                continues = indent > self.scalar_indent and rest[0] != "#" and not (indent == 0 and _document_marker(line))
            elif self.content_indent < 0:  # the first line of a block scalar sets its indentation
                continues = indent > max(self.scalar_indent, 0)
                self.content_indent = indent
            else:
                continues = indent >= self.content_indent
            if continues:
                return
            self.mode = _NORMAL
        elif self.mode == _QUOTED:
            end = _quoted_end(line, 0, self.quote)
            if end < 0:
                return
            self.mode = _NORMAL
            if self.flow:
                self._flow(row, line, end)
            return  # in block context only a comment (or an error) can follow a multi-line scalar
        elif self.mode == _FLOW_PLAIN:
            start = _BLANKS.match(line).end()
            if start == len(line):
                return
            if line[start] != "#" and not _PLAIN_FLOW_END.match(line, start):  # the scalar goes on here
                start = _flow_plain_end(line, start)
                if start == len(line):
                    return
            self.mode = _NORMAL
            self._flow(row, line, start)
            return
        if line.startswith("\ufeff"):  # between tokens libyaml skips a BOM that starts a line, as a column
            line = " " + line[1:]
        if self.flow:
            self._flow(row, line, 0)
        else:
            self._block_line(row, line)

    def _block_line(self, row: int, line: str) -> None:
        n = len(line)
        i = n - len(line.lstrip(" "))
        if i == n or line[i] == "#":
            return
        if line[i] == "\t":  # libyaml refuses a tab where indentation ends, unless the line is blank
            j = _BLANKS.match(line, i).end()
            if j == n or line[j] == "#":
                return
            return  # an error in libyaml before anything on this line is read
        if i == 0 and _document_marker(line):
            self.block.clear()
            if line.startswith("..."):
                return
            self._value(row, line, 3)
            return
        if i == 0 and line[0] == "%":  # a directive
            return
        while self.block and self.block[-1][0] > i:
            self.block.pop()
        if self.block and self.block[-1] == (i, _INDENTLESS) and not _indicator(line, i, "-"):
            self.block.pop()
        while i < n and line[i] in "-?:" and _indicator(line, i, line[i]):
            self._open_block(row, i, _SEQ if line[i] == "-" else _MAP)  # `: ` alone opens a mapping too (an empty key)
            i = _BLANKS.match(line, i + 1).end()
            if i == n or line[i] == "#":
                return
        self._node(row, line, i, may_be_key=True)

    def _value(self, row: int, line: str, i: int) -> None:
        """What follows a key's `:` (or `---`) on the same line."""
        i = _BLANKS.match(line, i).end()
        if i < len(line) and line[i] != "#":
            self._node(row, line, i, may_be_key=False)

    def _node(self, row: int, line: str, i: int, *, may_be_key: bool) -> None:
        """A node that starts at `i` in block context (after indentation or indicators)."""
        n = len(line)
        start = i
        while i < n and line[i] in "&!":  # an anchor or a tag, then the node
            i = _BLANKS.match(line, _TOKEN_END.search(line, i).start()).end()
            if i == n or line[i] == "#":
                return
        char = line[i]
        if char == ":" and _indicator(line, i, ":"):  # `!tag : value`: an empty key
            if may_be_key:
                self._open_block(row, start, _MAP)
                self._value(row, line, i + 1)
            return
        if char in "[{":
            self.flow_key = (row, start) if may_be_key else None
            self._flow(row, line, i)
            return
        if char in "\"'":
            end = _quoted_end(line, i + 1, char)
            if end < 0:
                self.mode, self.quote = _QUOTED, char
                return
            after = _BLANKS.match(line, end).end()
            if may_be_key and _indicator(line, after, ":"):
                self._open_block(row, start, _MAP)
                self._value(row, line, after + 1)
            return
        if char in "|>":
            self.mode, self.scalar_indent = _BLOCK_SCALAR, self._indent()
            digit = re.match(r"[+-]?([1-9])", line[i + 1 : i + 3])  # an explicit indentation indicator
            self.content_indent = -1 if digit is None else max(self.scalar_indent, 0) + int(digit.group(1))
            return
        if char == "*":  # an alias: it may be a key
            after = _BLANKS.match(line, _TOKEN_END.search(line, i).start()).end()
            if may_be_key and _indicator(line, after, ":"):
                self._open_block(row, start, _MAP)
                self._value(row, line, after + 1)
            return
        end = _PLAIN_BLOCK_END.search(line, i + 1)
        if end is None:  # runs to the end of the line: more-indented lines continue it
            self.mode, self.scalar_indent = _PLAIN, self._indent()
            return
        if line[end.start()] == ":" and may_be_key:
            self._open_block(row, start, _MAP)
            self._value(row, line, end.start() + 1)

    def _flow(self, row: int, line: str, i: int) -> None:
        """Flow context from `i` to the end of the line (or to where the outermost collection closes)."""
        n = len(line)
        flow = self.flow
        while True:
            i = _BLANKS.match(line, i).end()
            if i == n:
                return
            char = line[i]
            if char == "#":
                return
            if char in "[{":
                self._begin_entry(row, i)
                self._push(char, row, i)
                i += 1
            elif char in "]}":
                if flow and flow[-1] == "p":
                    self._pop()
                if flow:
                    self._pop()
                i += 1
                if not flow:
                    self._after_flow(row, line, i)
                    return
            elif char == ",":
                if flow and flow[-1] == "p":
                    self._pop()
                if self.levels:
                    self.levels[-1].next_entry()
                i += 1
            elif char in "\"'":
                self._begin_entry(row, i)
                i = _quoted_end(line, i + 1, char)
                if i < 0:
                    self.mode, self.quote = _QUOTED, char
                    return
            elif char == ":" or (char == "?" and _indicator(line, i, "?")):
                self._begin_entry(row, i)
                if flow and flow[-1] == "[":  # `[a: b]`: the entry is a single-pair mapping
                    self._open_pair()
                i += 1
            elif char in "&!*":
                self._begin_entry(row, i)
                i = _FLOW_TOKEN_END.search(line, i + 1).start()
            else:
                self._begin_entry(row, i)
                i = _flow_plain_end(line, i)
                if i == n:
                    self.mode = _FLOW_PLAIN
                    return

    def _push(self, kind: str, row: int, column: int) -> None:
        self.flow.append(kind)
        self.levels.append(_Level((len(self.block) + len(self.flow), row, column)))
        self._opened(row, column)

    def _pop(self) -> None:
        """Close the innermost flow collection; its deepest point counts for the entry around it."""
        self.flow.pop()
        level = self.levels.pop()
        level.next_entry()
        if self.levels:
            self.levels[-1].reached(level.peak)
        else:
            self.flow_peak = level.peak

    def _open_pair(self) -> None:
        """A single-pair mapping holds the entry so far, its key: what the key nested goes one deeper."""
        outer = self.levels[-1]
        row, column = outer.start or (0, 0)
        inside = outer.entry_peak
        self._push("p", row, column)
        if inside is not None:
            self._reach(inside[0] + 1, inside[1], inside[2])
            self.levels[-1].reached((inside[0] + 1, inside[1], inside[2]))

    def _begin_entry(self, row: int, column: int) -> None:
        if self.levels and self.levels[-1].start is None:
            self.levels[-1].start = (row, column)

    def _after_flow(self, row: int, line: str, i: int) -> None:
        """Back in block context after a flow collection closed: it may have been a key."""
        after = _BLANKS.match(line, i).end()
        if self.flow_key is not None and self.flow_key[0] == row and _indicator(line, after, ":"):
            if self._open_block(row, self.flow_key[1], _MAP):  # a new mapping holds the key: it sits one deeper
                depth, peak_row, peak_column = self.flow_peak
                self._reach(depth + 1, peak_row, peak_column)
            self._value(row, line, after + 1)


_Peak = tuple[int, int, int]  # (depth, row, column)


class _Level:
    """An open flow collection: where its current entry began, the deepest point inside that
    entry, and the deepest point inside the whole collection."""

    __slots__ = ("start", "entry_peak", "peak")

    def __init__(self, own: _Peak) -> None:
        self.start: tuple[int, int] | None = None
        self.entry_peak: _Peak | None = None
        self.peak = own

    def reached(self, peak: _Peak) -> None:
        if self.entry_peak is None or peak[0] > self.entry_peak[0]:
            self.entry_peak = peak

    def next_entry(self) -> None:
        if self.entry_peak is not None and self.entry_peak[0] > self.peak[0]:
            self.peak = self.entry_peak
        self.start = self.entry_peak = None


def _indicator(line: str, i: int, char: str) -> bool:
    """`char` at `i` followed by a blank or the end of the line."""
    return i < len(line) and line[i] == char and (i + 1 == len(line) or line[i + 1] in " \t")


def _document_marker(line: str) -> bool:
    return line[:3] in ("---", "...") and (len(line) == 3 or line[3] in " \t")


def _quoted_end(line: str, i: int, quote: str) -> int:
    """The index after the closing quote of a scalar whose text resumes at `i`; -1 when it goes on
    past the line. Single quotes escape themselves (''), double quotes use backslashes."""
    if quote == "'":
        while True:
            i = line.find("'", i)
            if i < 0:
                return -1
            if line.startswith("''", i):
                i += 2
                continue
            return i + 1
    while True:
        stop = _DOUBLE_QUOTED_STOP.search(line, i)
        if stop is None:
            return -1
        if line[stop.start()] == '"':
            return stop.end()
        i = stop.start() + 2


def _flow_plain_end(line: str, i: int) -> int:
    """Where a plain scalar that starts (or resumes) at `i` in flow context ends on this line."""
    end = _PLAIN_FLOW_END.search(line, i + 1)
    return len(line) if end is None else end.start()
