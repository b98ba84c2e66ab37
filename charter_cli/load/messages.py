"""Words for schema errors: what a value should have been, where it is, what was found.

:func:`~charter_cli.load.schema.error_finding` builds each finding from these
pieces; they know the models' shape (which keys a table allows, which field
holds tables) and TOML's notation, never the files.
"""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from charter_cli.load.keylines import KeyPath
from charter_cli.models.common import ID_PATTERN
from charter_cli.suggest import closest

_PATTERNS = {
    ID_PATTERN: "must be an ID: ASCII letters and digits in runs joined by '-', '.' or '_', "
    "starting with a letter",
}


def _pattern_expectation(pattern: str, got: object) -> tuple[str, str | None]:
    if pattern == ID_PATTERN:
        return _PATTERNS[pattern], _id_hint(got)
    if pattern in _PATTERNS:
        return _PATTERNS[pattern], None
    return "must be non-blank text (one line for titles, headings and statements)", None


def _id_hint(value: object) -> str | None:
    """Name the first character an ID may not hold (an accent, a space, a combining mark)."""
    if not isinstance(value, str) or not value:
        return None
    for position, char in enumerate(value, start=1):
        if not (char.isascii() and (char.isalnum() or char in "-._")):
            name = unicodedata.name(char, f"U+{ord(char):04X}").lower()
            return f"character {position} ({name}) is not allowed; use plain ASCII letters"
    if not value[0].isalpha():
        return "start the ID with a letter"
    return "do not repeat or end with '-', '.' or '_'"


def toml_value(value: object) -> str:
    """A value as it would be written in TOML, short, for messages."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    elif isinstance(value, datetime | date | time):
        text = value.isoformat()
    elif isinstance(value, dict):
        text = "a table" + (f" with {', '.join(map(str, list(value)[:4]))}" if value else "")
    elif isinstance(value, list):
        text = (
            "["
            + ", ".join(toml_value(item) for item in value[:4])
            + (", ...]" if len(value) > 4 else "]")
        )
    elif isinstance(value, int) and value.bit_length() > 1000:
        text = f"an integer of {len(hex(value)) - 2} hexadecimal digits"
    else:
        text = str(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def expectation(details: ErrorDetails, key: str, *, of_tables: bool) -> tuple[str, str | None]:
    """What the value should have been, in words, and a hint if one value was probably meant."""
    kind = details["type"]
    context: dict[str, Any] = dict(details.get("ctx") or {})
    got = details.get("input")
    if kind == "list_type" and of_tables and isinstance(got, dict):
        return (
            "must be an array of tables",
            f"write [[{key}]] for each entry, not [{key}]",
        )
    if kind == "enum":
        allowed = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        guess = closest(got, allowed) if isinstance(got, str) else None
        hint = f"did you mean '{guess}'?" if guess else None
        return f"must be one of: {', '.join(allowed)}", hint
    if kind == "string_pattern_mismatch":
        return _pattern_expectation(str(context.get("pattern", "")), got)
    if kind == "string_too_long":
        limit = context.get("max_length")
        return f"is too long: at most {limit:,} characters" if limit else "is too long", None
    if kind in _SIMPLE:
        return _SIMPLE[kind], None
    return f"is not valid: {details['msg'][:1].lower()}{details['msg'][1:]}", None


_SIMPLE = {
    "string_type": "must be a string in quotes",
    "list_type": 'must be a list, e.g. ["a", "b"]',
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "dict_type": "must be a table",
    "date_type": "must be a date such as 2008-11-12",
    "date_from_datetime_inexact": "must be a date without a time",
    "string_too_long": "is too long",
}
"""Plain words for the Pydantic error types a hand-edited file produces."""


def annotation_at(model: type[BaseModel], loc: KeyPath) -> Any:
    """The type annotation of the field at ``loc``, or ``None``."""
    parent = _model_at(model, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent else None
    return field.annotation if field else None


def dotted(loc: KeyPath) -> str:
    """A key path as TOML writes a table name: ``title.chapter``."""
    return ".".join(str(p) for p in loc if not isinstance(p, int))


def describe(loc: KeyPath, data: Any) -> str:
    """Name the table at ``loc`` for a message: ``clause 'drugs'``, ``title #2``, ``[charter]``."""
    if not loc:
        return "the file"
    if not isinstance(loc[-1], int):
        return f"[{'.'.join(str(p) for p in loc)}]"
    node = _node(data, loc)
    number = loc[-1] + 1
    if len(loc) >= 3 and loc[-3] == "bracket":  # an option of bracket.name
        here = f"option {number} of bracket '{loc[-2]}'"
    elif isinstance(node, dict) and isinstance(node.get("id"), str):
        here = f"{loc[-2]} '{node['id']}'"
    else:
        here = f"{loc[-2] if len(loc) > 1 else 'item'} #{number}"
    parent = loc[:-2]
    while parent and not isinstance(parent[-1], int):
        parent = parent[:-1]
    return f"{here} of {describe(parent, data)}" if parent else here


def enclosing_table(loc: KeyPath, data: Any) -> KeyPath:
    """The longest proper prefix of ``loc`` that is a table of the document."""
    for end in range(len(loc) - 1, 0, -1):
        if isinstance(_node(data, loc[:end]), dict):
            return loc[:end]
    return ()


def _node(data: Any, loc: KeyPath) -> Any:
    node: Any = data
    for part in loc:
        node = node[part] if _has(node, part) else None
    return node


def _has(node: Any, part: str | int) -> bool:
    if isinstance(part, int):
        return isinstance(node, list) and 0 <= part < len(node)
    return isinstance(node, dict) and part in node


def nested_table(model: type[BaseModel], loc: Sequence[str | int], key: str) -> str | None:
    """Where a table named ``key`` belongs, if not at ``loc`` but deeper: ``title.chapter``.

    A ``[[chapter]]`` at the top of the manifest is a chapter written outside its
    title; the table it was meant to be is ``[[title.chapter]]``. The shallowest
    table of that name below ``loc`` is given, as TOML names it from the top.
    """
    start = _model_at(model, loc)
    if start is None:
        return None
    prefix = [str(part) for part in loc if not isinstance(part, int)]
    queue: list[tuple[type[BaseModel], list[str]]] = [(start, prefix)]
    seen: set[type[BaseModel]] = set()
    while queue:
        current, path = queue.pop(0)
        seen.add(current)
        for name, field in current.model_fields.items():
            child = model_in(field.annotation)
            if child is None:
                continue
            if name == key and len(path) > len(prefix):
                return ".".join([*path, name])
            if child not in seen:
                queue.append((child, [*path, name]))
    return None


def allowed_keys(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The keys the model accepts in the table at ``loc``."""
    current = _model_at(model, loc)
    return list(current.model_fields) if current else []


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = model_in(field.annotation) if field else None
    return current


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (directly, in a list or in a union), or ``None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = model_in(arg)
            if found is not None:
                return found
    return None
