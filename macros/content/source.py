"""Read a content file (`data/*.yml`) and report every problem in it at once, each
naming the file, the line, the item and the field, in words a content editor can act on.

Used for every data file: `macros.content.markers` and `macros.content.templates` add the
checks that are particular to each.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.content.shape import Loc, Problem, ShapeError, build, field_types, records

# The project's folder: messages name files relative to it.
ROOT = Path(__file__).resolve().parent.parent.parent
# libyaml's parser when PyYAML has it (ten times faster; the build reads these files every time).
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """One or more problems in a content file; str() is the full report, one per line."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass
class Source:
    """A parsed YAML file with the line of every key and list item, for error messages."""

    name: str  # as shown to editors, e.g. "data/markers.yml"
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int:
        """The line of `loc`, or of its nearest parent that exists (for missing fields)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def get(self, loc: Loc) -> Any:
        """The raw value at `loc`, or None where the file has no such place."""
        value = self.data
        for part in loc:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


def display_name(path: Path) -> str:
    """How messages name a file: relative to the project where it is inside it."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


# Bounds that keep a mistaken or hostile file from hanging a build: the real files are tens of
# kilobytes and nest about seven levels deep (the benchmark's 1,000 markers make about 6 MB).
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 20
# What YAML itself refuses in a file: control characters (but tab and line breaks), lone
# surrogates and the two non-characters U+FFFE and U+FFFF.
_NOT_IN_YAML = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def read_source(path: Path, name: str) -> Source:
    """Parse YAML keeping line numbers; a duplicate key is an error, not a silent overwrite.

    Every problem is a DataError with plain messages: nothing in the file can raise a
    traceback, expand without bound (anchors and aliases are refused) or nest without bound.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([f"{name}: file not found"]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError([f"{name}:1: the file is {len(raw) / 1048576:.0f} MB, far larger than a content "
                         "file can be: check that it is the right file"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise DataError([f"{name}:{line}: this line is not UTF-8 text (byte {e.start}); save the file as UTF-8"]) from None
    problems = _character_problems(text, name) or _structure_problems(text, name)
    if problems:
        raise DataError(problems)
    try:
        node, loader = _compose(text, FastLoader)
    except yaml.YAMLError:
        try:  # the pure-Python parser words its errors more plainly than libyaml
            node, loader = _compose(text, yaml.SafeLoader)
        except (yaml.YAMLError, RecursionError) as e:
            raise DataError([_syntax_message(name, e, text)]) from None
    if node is None:
        raise DataError([f"{name}:1: the file is empty"])
    source = Source(name, None)
    source.data = _construct(node, (), source, loader, problems)
    if problems:
        raise DataError(problems)
    return source


def _character_problems(text: str, name: str) -> list[str]:
    """Characters YAML does not allow in a file, by line (the parser would stop at the first
    with a traceback)."""
    found = []
    for match in _NOT_IN_YAML.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        found.append(f"{name}:{line}: the file contains a character that is not allowed here "
                     f"({_code_point(match.group())}, {_character_kind(match.group())}): delete it")
        if len(found) == 10:
            break
    return found


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def _character_kind(char: str) -> str:
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "a control character"
    if 0xD800 <= code <= 0xDFFF:
        return "half of a broken character"
    return "not a character"


def _structure_problems(text: str, name: str) -> list[str]:
    """YAML features these files never need and that can make reading them explode: anchors and
    aliases (an alias 'bomb' grows exponentially, a recursive one never ends), tags (such as
    '!!python/object/apply') and nesting deeper than any real file. Checked on the parser's
    events, before anything is built, so the check is quick and bounded. A syntax error is
    reported here too, worded by the pure-Python parser (libyaml's words are terser)."""
    try:
        return _event_problems(text, name, FastLoader)
    except yaml.YAMLError:
        try:
            return _event_problems(text, name, yaml.SafeLoader)
        except yaml.YAMLError as e:
            return [_syntax_message(name, e, text)]


def _event_problems(text: str, name: str, loader_class) -> list[str]:
    found: list[str] = []
    named: set[str] = set()  # each anchor and alias is reported once
    depth = 0
    for event in yaml.parse(text, Loader=loader_class):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) and "*" + event.anchor not in named:
            named.add("*" + event.anchor)
            found.append(f"{name}:{line}: these files do not use YAML aliases (*{event.anchor}): "
                         "write the value out in full")
        elif getattr(event, "anchor", None) and "&" + event.anchor not in named:
            named.add("&" + event.anchor)
            found.append(f"{name}:{line}: these files do not use YAML anchors (&{event.anchor}): "
                         "remove it and write each value out in full")
        if _explicit_tag(event):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            found.append(f"{name}:{line}: these files do not use YAML tags ({tag}): remove the tag, "
                         "and write plain text, numbers and lists")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                found.append(f"{name}:{line}: lists and fields are nested more than {MAX_DEPTH} levels "
                             "deep here, far deeper than the content needs: check the indentation and brackets")
                break
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if len(found) >= 10:
            break
    return found


def _explicit_tag(event) -> bool:
    """A tag written in the file (a plain value's `implicit` is (True, _) when it has none)."""
    if isinstance(event, yaml.ScalarEvent):
        return event.tag is not None and not event.implicit[0]
    if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        return event.tag is not None and not event.implicit
    return False


def _syntax_message(name: str, e: Exception, text: str) -> str:
    """A parser error as one line that points at its cause."""
    if not isinstance(e, yaml.MarkedYAMLError):
        return f"{name}:1: not valid YAML: {e}"
    problem = e.problem or e.context or "not valid YAML"
    mark = e.problem_mark or e.context_mark
    # An unclosed quote is only noticed at the end of the file: point at where it opens.
    if "quoted scalar" in (e.context or "") and "end of stream" in problem and e.context_mark:
        mark = e.context_mark
        problem = "a quote opened on this line is never closed: add the closing quote, or remove this one"
    elif mark and (opened := _runaway_quote(text, mark)) is not None:
        mark = opened
        problem = "a quote opened on this line is never closed: add the closing quote, or remove this one"
    for words, plain in _PLAINER.items():
        if words in problem:
            problem = plain
    return f"{name}:{mark.line + 1 if mark else 1}: not valid YAML: {problem}"


def _runaway_quote(text: str, error_mark):
    """Where a quoted value opens that ran on over lines holding fields, up to the next quote
    in the file, if the parser stopped right after it: a quote left open there, not the line
    the parser stopped at, is the cause."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= error_mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if not (isinstance(last, yaml.ScalarToken) and last.style in ('"', "'")):
        return None
    swallowed = text[last.start_mark.index:last.end_mark.index]
    return last.start_mark if re.search(r"\n[ \t]*(- |[\w-]+:( |$))", swallowed, re.M) else None


# The parser's words for common slips, and what an editor should do instead.
_PLAINER = {
    "found character '\\t' that cannot start any token": "a tab is used here: indent with spaces, not tabs",
    "but found another document": "a second document starts here ('---'): these files hold one, so remove it",
}


def _compose(text: str, loader_class):
    loader = loader_class(text)
    try:
        return loader.get_single_node(), loader
    finally:
        loader.dispose()


def _construct(node, loc: Loc, source: Source, loader, problems: list[str]) -> Any:
    source.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(f"{source.name}:{line}: {format_path(loc)}: a field name must be a plain "
                                "word, not a list or a set of fields")
                continue
            key = _scalar(key_node, source, loader, problems)
            if key in first_line:
                problems.append(
                    f"{source.name}:{line}: {format_path(loc)}: the field '{key}' is given "
                    f"twice (first at line {first_line[key]}); keep one"
                )
                continue
            first_line[key] = line
            source.lines[(*loc, key)] = line
            result[key] = _construct(value_node, (*loc, key), source, loader, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(n, (*loc, i), source, loader, problems) for i, n in enumerate(node.value)]
    return _scalar(node, source, loader, problems)


def _scalar(node, source: Source, loader, problems: list[str]) -> Any:
    """A plain value; YAML features these files do not use (such as '<<' merges, or tags like
    !!binary) are reported, not raised."""
    try:
        return loader.construct_object(node)
    except yaml.MarkedYAMLError:
        feature = node.tag.rsplit(":", 1)[-1]
        problems.append(f"{source.name}:{node.start_mark.line + 1}: these files do not use YAML's "
                        f"'{feature}' feature: write the value out in full")
    except (ValueError, OverflowError):  # e.g. a number of thousands of digits
        problems.append(f"{source.name}:{node.start_mark.line + 1}: this value cannot be read as written "
                        "(a number far too long?): put it in quotes if it is text")
    return None


def as_list(value: Any) -> list:
    """`value` if it is a list, else empty: checks of raw YAML must not trip over bad shapes."""
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict:
    """`value` if it is a mapping, else empty."""
    return value if isinstance(value, dict) else {}


def format_path(loc: Iterable[str | int]) -> str:
    """('questions', 2, 'id') -> 'questions[2].id'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "top level"


@dataclass
class Items:
    """How to name the items of a file in messages: e.g. the list under `markers`, each a 'marker'."""

    key: str
    noun: str

    def split(self, loc: Loc, source: Source) -> tuple[str, Loc]:
        """Split `loc` into a label for the item it falls in and the field path within it."""
        if len(loc) >= 2 and loc[0] == self.key and isinstance(loc[1], int):
            item_id = source.get(loc[:2] + ("id",))
            label = (
                f"{self.noun} {_show(item_id)}"
                if isinstance(item_id, str) and item_id
                else f"{self.noun} {loc[1] + 1} in the list (it has no id)"
            )
            return label, loc[2:]
        return "", loc


def problem(source: Source, items: Items, loc: Loc, message: str, line: int | None = None) -> tuple[int, str]:
    """One problem as (line, message) so that a report can be sorted by line."""
    line = line or source.line(loc)
    label, rest = items.split(loc, source)
    where = ", ".join(p for p in (label, format_path(rest) if rest else "") if p) or format_path(())
    return line, f"{source.name}:{line}: {where}: {message}"


def first_use_checker(source: Source, items: Items, what: str):
    """Returns check(loc, value) that reports a value already used at an earlier place.

    Only text and whole numbers are compared (a yes/no is reported as the wrong type elsewhere,
    and must not count as the number 1)."""
    seen: dict[Any, int] = {}
    found: list[tuple[int, str]] = []

    def check(loc: Loc, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return
        key = (type(value), value)
        if key in seen:
            found.append(problem(source, items, loc, f"duplicate {what} '{value}' (first used at line {seen[key]})"))
        else:
            seen[key] = source.line(loc)

    return check, found


def validate(
    source: Source,
    model: type,
    items: Items,
    checks: Callable[[Source, Items], list[tuple[int, str]]],
) -> Any:
    """The file as the dataclass `model`, or DataError listing every shape and cross-item
    problem by line."""
    found: list[tuple[int, str]] = []
    parsed = None
    try:
        parsed = build(model, source.data)
    except ShapeError as e:
        known = {name for record in records(model) for name in field_types(record)}
        found += [problem(source, items, p.loc, _explain(p, known)) for p in e.problems]
    if isinstance(source.data, dict):
        found += checks(source, items)
    if found:
        raise DataError([msg for _, msg in sorted(set(found), key=lambda p: (p[0], p[1]))])
    return parsed


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a decimal number", bool: "yes/no",
               list: "a list", dict: "a set of fields", type(None): "empty"}


def _kind(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    """A value as an editor wrote it, cut short if long."""
    text = repr(value) if isinstance(value, (str, int, float, bool, type(None))) else repr(str(value))
    return text if len(text) <= 60 else text[:56] + "…" + text[-1]


def _explain(found: Problem, known: set[str]) -> str:
    """A problem in words for a content editor."""
    kind, value, field_name = found.kind, found.value, found.loc[-1] if found.loc else ""
    if kind == "missing":
        if field_name == "questions":
            return "required field is missing: full guidance needs its questions"
        return "required field is missing"
    if kind == "unknown_field":
        # A field that exists elsewhere in the file is no hint: it is in the wrong place.
        close = difflib.get_close_matches(str(field_name), sorted(known - {field_name}), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown field '{field_name}'{hint}"
    if kind == "empty":
        return "must not be empty" if found.limit.min_length == 1 else f"must have at least {found.limit.min_length} characters"
    if kind == "no_items":
        return "must have at least one item" if found.limit.min_length == 1 else f"must have at least {found.limit.min_length} items"
    if kind == "pattern":
        return found.limit.mismatch.format(value=_show(value))
    if kind == "not_text":
        if isinstance(value, (list, dict)):
            return f"must be text, not {_kind(value)}"
        return f"must be text, not {_kind(value)} ({_show(value)}); put it in quotes"
    if kind == "not_whole_number":
        hint = "; remove the quotes" if isinstance(value, str) and value.strip().isdigit() else ""
        return f"must be a whole number, not {_kind(value)} ({_show(value)}){hint}"
    if kind == "not_true_or_false":
        return f"must be true or false, not {_kind(value)} ({_show(value)})"
    if kind == "below_minimum":
        return f"must be {found.limit.minimum} or more, not {_show(value)}"
    if kind == "above_maximum":
        return f"must be {found.limit.maximum} or less, not {_show(value)}"
    if kind == "too_long":
        size, unit = (len(value), "characters") if isinstance(value, str) else (len(value), "items")
        return f"is too long ({size:,} {unit}): at most {found.limit.max_length:,}"
    if kind == "bad_character":
        char = value[found.limit]
        return (f"contains an invisible or control character (U+{ord(char):04X}) at character "
                f"{found.limit + 1}: delete it (it often comes with text copied from another program)")
    if kind == "not_allowed":
        *others, last = [repr(a) for a in found.limit]
        choices = f"one of {', '.join(others)} or {last}" if others else last
        return f"must be {choices}, not {_show(value)}"
    if kind == "not_list":
        return f"must be a list (lines starting with '- '), not {_kind(value)}"
    if kind == "not_mapping":
        return f"must be a set of fields (name: value), not {_kind(value)}"
    raise ValueError(f"no wording for the problem kind '{kind}'")
