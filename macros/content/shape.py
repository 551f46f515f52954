"""The shape of the content files: which fields each item has and what each field takes.

The content model (`macros.content.markers`, `macros.content.templates`) is plain frozen dataclasses. Their
field types say what YAML a field takes (`str`, `int`, `Literal`, lists, mappings, other
dataclasses, `X | None`), and `Annotated` adds limits with `Rule` or picks between dataclasses
with `OneOf`. This module reads those types to check raw YAML and build the dataclasses
(`build`), and to write the JSON Schema that editors' YAML plugins use (`json_schema`).

It replaces pydantic, which took a tenth of a second to import on every build;
`macros.content.source` turns each `Problem` into a message for a content editor.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Rule:
    """Limits on a field, attached with `Annotated[str, Rule(...)]`."""

    pattern: str | None = None  # text must match it whole (after `strip`, if set)
    # What an editor is told when the text does not match; {value} stands for the text, quoted.
    mismatch: str = "{value} is not in the expected form"
    min_length: int | None = None  # characters of text (after `strip`, if set) or items of a list
    max_length: int | None = None  # characters of text or items of a list
    minimum: int | None = None  # for whole numbers
    maximum: int | None = None  # for whole numbers: numbers that drive work have bounds
    strip: bool = False  # trim spaces and line breaks at both ends of text


@dataclass(frozen=True)
class OneOf:
    """For a union of dataclasses: `choose(raw value)` says which one a value is checked as."""

    choose: Callable[[Any], type]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where it is (`loc`), what is wrong (`kind`) and the value found.

    `kind` is one of: missing, unknown_field, not_text, bad_character (`limit` is the character's
    position), too_long (any text over MAX_TEXT), not_whole_number, not_true_or_false, not_list, not_mapping,
    not_allowed (a Literal), and for a Rule: empty, no_items, too_long, pattern, below_minimum,
    above_maximum.
    """

    loc: Loc
    kind: str
    value: Any = None
    limit: Any = None  # what was broken: the Rule, or the allowed values of a Literal


class ShapeError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(f"{p.loc}: {p.kind}" for p in problems))


def described(description: str, default: Any = dataclasses.MISSING) -> Any:
    """A dataclass field with a description for editors (shown by the JSON Schema).

    A list or mapping default is copied for each item, as dataclasses require."""
    metadata = {"description": description}
    if isinstance(default, (list, dict)):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def build(cls: type, data: Any) -> Any:
    """`data` (parsed YAML) as an instance of the dataclass `cls`, or ShapeError listing
    every problem in it."""
    problems: list[Problem] = []
    result = _check(cls, data, (), problems)
    if problems:
        raise ShapeError(problems)
    return result


_INVALID = object()  # what _check returns for a value with problems

# No text of the content may hold characters that documents cannot store (control characters
# but tab and line break, halves of characters, non-characters) or that hide or reorder what
# a reader sees (bidirectional overrides and isolates, zero-width space, word joiner, a byte
# order mark inside the text). Joiners used in scripts and emoji (U+200C, U+200D) are fine.
NOT_CONTENT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
# Any text at all; a paragraph of the published guidance is under 1,000 characters.
MAX_TEXT = 10_000


def _check(kind: Any, value: Any, loc: Loc, problems: list[Problem]) -> Any:
    origin = typing.get_origin(kind)
    if origin is Annotated:
        base, *extras = typing.get_args(kind)
        one_of = next((e for e in extras if isinstance(e, OneOf)), None)
        if one_of:
            if len(extras) > 1:
                raise TypeError(f"macros.content.shape: OneOf takes no other extras: {kind!r}")
            return _check(one_of.choose(value), value, loc, problems)
        value = _check(base, value, loc, problems)
        for rule in extras:
            if value is not _INVALID and isinstance(rule, Rule):
                value = _apply(rule, value, loc, problems)
        return value
    if kind is str:
        if not isinstance(value, str):
            return _fail(problems, loc, "not_text", value)
        bad = NOT_CONTENT.search(value)
        if bad:
            return _fail(problems, loc, "bad_character", value, bad.start())
        if len(value) > MAX_TEXT:
            return _fail(problems, loc, "too_long", value, Rule(max_length=MAX_TEXT))
        return value
    if kind is int:
        whole = isinstance(value, int) and not isinstance(value, bool)
        return value if whole else _fail(problems, loc, "not_whole_number", value)
    if kind is bool:
        return value if isinstance(value, bool) else _fail(problems, loc, "not_true_or_false", value)
    if origin is Literal:
        allowed = typing.get_args(kind)
        return value if value in allowed else _fail(problems, loc, "not_allowed", value, allowed)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in typing.get_args(kind):
            return None
        others = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(others) > 1:
            raise TypeError(f"macros.content.shape: a union other than X | None needs OneOf: {kind!r}")
        return _check(others[0], value, loc, problems)
    if origin is list:
        if not isinstance(value, list):
            return _fail(problems, loc, "not_list", value)
        (item,) = typing.get_args(kind)
        before = len(problems)
        items = [_check(item, v, (*loc, i), problems) for i, v in enumerate(value)]
        return _INVALID if len(problems) > before else items
    if origin is dict:
        if not isinstance(value, dict):
            return _fail(problems, loc, "not_mapping", value)
        key_kind, item = typing.get_args(kind)
        before = len(problems)
        out = {_check(key_kind, k, (*loc, k), problems): _check(item, v, (*loc, k), problems) for k, v in value.items()}
        return _INVALID if len(problems) > before else out
    if _is_record(kind):
        return _check_record(kind, value, loc, problems)
    raise TypeError(f"macros.content.shape cannot check {kind!r}")


def _check_record(cls: type, value: Any, loc: Loc, problems: list[Problem]) -> Any:
    if not isinstance(value, dict):
        return _fail(problems, loc, "not_mapping", value)
    hints = field_types(cls)
    before = len(problems)
    for name in value:
        if name not in hints:
            _fail(problems, (*loc, name), "unknown_field", value[name])
    found = {}
    for f in dataclasses.fields(cls):
        if f.name in value:
            found[f.name] = _check(hints[f.name], value[f.name], (*loc, f.name), problems)
        elif not _has_default(f):
            _fail(problems, (*loc, f.name), "missing")
    return _INVALID if len(problems) > before else cls(**found)


def _apply(rule: Rule, value: Any, loc: Loc, problems: list[Problem]) -> Any:
    if rule.strip:
        value = value.strip()
    if rule.min_length is not None and len(value) < rule.min_length:
        return _fail(problems, loc, "empty" if isinstance(value, str) else "no_items", value, rule)
    if rule.max_length is not None and len(value) > rule.max_length:
        return _fail(problems, loc, "too_long", value, rule)
    # fullmatch: with re.search, '$' would also let through a value ending in a line break.
    if rule.pattern is not None and not re.fullmatch(rule.pattern, value):
        return _fail(problems, loc, "pattern", value, rule)
    if rule.minimum is not None and value < rule.minimum:
        return _fail(problems, loc, "below_minimum", value, rule)
    if rule.maximum is not None and value > rule.maximum:
        return _fail(problems, loc, "above_maximum", value, rule)
    return value


def _fail(problems: list[Problem], loc: Loc, kind: str, value: Any = None, limit: Any = None) -> Any:
    problems.append(Problem(loc, kind, value, limit))
    return _INVALID


def _is_record(kind: Any) -> bool:
    """A dataclass itself (`Annotated` extras such as Rule() are dataclass instances)."""
    return isinstance(kind, type) and dataclasses.is_dataclass(kind)


def _has_default(f: dataclasses.Field) -> bool:
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


_FIELD_TYPES: dict[type, dict[str, Any]] = {}


def field_types(cls: type) -> dict[str, Any]:
    """The resolved type of each field of a dataclass (worked out once per class)."""
    if cls not in _FIELD_TYPES:
        _FIELD_TYPES[cls] = typing.get_type_hints(cls, include_extras=True)
    return _FIELD_TYPES[cls]


def records(cls: type) -> list[type]:
    """`cls` and every dataclass its fields can hold, at any depth, each once."""
    found = [cls]
    for current in found:
        for kind in field_types(current).values():
            found += [c for c in _records_in(kind) if c not in found]
    return found


def _records_in(kind: Any) -> list[type]:
    if _is_record(kind):
        return [kind]
    return [c for arg in typing.get_args(kind) for c in _records_in(arg)]


def json_schema(cls: type) -> dict:
    """A JSON Schema (2020-12) of the dataclass `cls`, with one `$defs` entry per dataclass."""
    defs = {c.__name__: _record_schema(c) for c in records(cls) if c is not cls}
    return {**_record_schema(cls), "$defs": dict(sorted(defs.items()))} if defs else _record_schema(cls)


def _record_schema(cls: type) -> dict:
    hints = field_types(cls)
    properties = {}
    for f in dataclasses.fields(cls):
        prop = {"title": re.sub(r"\burl", "URL", f.name.replace("_", " ").capitalize()), **_schema(hints[f.name])}
        if "description" in f.metadata:
            prop["description"] = f.metadata["description"]
        if _has_default(f):
            prop["default"] = f.default_factory() if f.default is dataclasses.MISSING else f.default
        properties[f.name] = prop
    schema = {"title": cls.__name__, "type": "object", "properties": properties,
              "required": [f.name for f in dataclasses.fields(cls) if not _has_default(f)],
              "additionalProperties": False}
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):  # not dataclass's own
        schema["description"] = " ".join(cls.__doc__.split())
    return schema


def _schema(kind: Any) -> dict:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is Annotated:
        base, *extras = args
        if any(isinstance(e, OneOf) for e in extras):
            return _schema(base)
        schema = _schema(base)
        for rule in (e for e in extras if isinstance(e, Rule)):
            is_list = schema.get("type") == "array"
            if rule.min_length is not None:
                schema["minItems" if is_list else "minLength"] = rule.min_length
            if rule.max_length is not None:
                schema["maxItems" if is_list else "maxLength"] = rule.max_length
            if rule.pattern is not None:
                schema["pattern"] = rule.pattern
            if rule.minimum is not None:
                schema["minimum"] = rule.minimum
            if rule.maximum is not None:
                schema["maximum"] = rule.maximum
        return schema
    if kind is str:
        return {"type": "string", "maxLength": MAX_TEXT}
    if kind is int:
        return {"type": "integer"}
    if kind is bool:
        return {"type": "boolean"}
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema(a) for a in args]}
    if kind is type(None):
        return {"type": "null"}
    if origin is list:
        return {"type": "array", "items": _schema(args[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema(args[1])}
    if _is_record(kind):
        return {"$ref": f"#/$defs/{kind.__name__}"}
    raise TypeError(f"macros.content.shape cannot describe {kind!r}")
