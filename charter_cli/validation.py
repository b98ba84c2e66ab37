"""Check a parsed document against its Pydantic model and turn errors into findings.

A whole file is validated at once so that every problem is reported. When a file
has errors, the items of its arrays of tables (clauses, requirements) are
validated one by one so the valid ones can still be used: one bad clause must
not hide the rest of its module from the checks that follow.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from charter_cli.diagnostics import Finding
from charter_cli.documents import Document
from charter_cli.models.common import ID_PATTERN
from charter_cli.tomlmap import Path as KeyPath

M = TypeVar("M", bound=BaseModel)


def validate(doc: Document, model: type[M]) -> tuple[M | None, list[Finding]]:
    """Validate the whole document and report every error.

    If the only errors are unknown keys, the document is validated again without
    them, and the model is returned with the findings: a misspelt optional key
    must not keep the rest of the file out of the checks that follow.
    """
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        errors = error.errors()
    findings = findings_for(doc, model, errors)
    if all(details["type"] == "extra_forbidden" for details in errors):
        try:
            return model.model_validate(_without(doc.data, [e["loc"] for e in errors])), findings
        except ValidationError:
            pass
    return None, findings


def _without(data: Any, locations: list[tuple[str | int, ...]]) -> Any:
    """``data`` without the keys at ``locations``; only the tables on the way are copied."""
    for loc in locations:
        data = _dropped(data, loc)
    return data


def _dropped(node: Any, loc: tuple[str | int, ...]) -> Any:
    head, rest = loc[0], loc[1:]
    if isinstance(node, dict):
        copied = dict(node)
        if rest:
            copied[head] = _dropped(node[head], rest)
        else:
            del copied[head]
        return copied
    copied_list = list(node)
    copied_list[head] = _dropped(node[head], rest)  # type: ignore[index]
    return copied_list


def findings_for(
    doc: Document, model: type[BaseModel], errors: list[ErrorDetails]
) -> list[Finding]:
    """One finding per error; a misspelt required key gives one finding, not two."""
    findings = [error_finding(doc, model, details) for details in errors]
    guessed = {
        (tuple(d["loc"][:-1]), _guess(model, tuple(d["loc"])))
        for d in errors
        if d["type"] == "extra_forbidden"
    }
    return [
        finding
        for finding, details in zip(findings, errors, strict=True)
        if not (
            details["type"] == "missing"
            and (tuple(details["loc"][:-1]), details["loc"][-1]) in guessed
        )
    ]


def _guess(model: type[BaseModel], loc: KeyPath) -> str | None:
    guess = difflib.get_close_matches(str(loc[-1]), allowed_keys(model, loc[:-1]), n=1, cutoff=0.75)
    return guess[0] if guess else None


def salvage(
    doc: Document, key: str, model: type[M]
) -> tuple[list[tuple[int, M]], list[dict[str, Any]]]:
    """Validate each item of the array ``key`` on its own.

    Returns the valid items with their positions, and the raw tables of the
    invalid ones (so that references to a broken item are not reported twice).
    """
    items = doc.data.get(key)
    good: list[tuple[int, M]] = []
    broken: list[dict[str, Any]] = []
    if not isinstance(items, list):
        return good, broken
    for position, item in enumerate(items):
        try:
            good.append((position, model.model_validate(item)))
        except ValidationError:
            broken.append(item if isinstance(item, dict) else {})
    return good, broken


def error_finding(doc: Document, model: type[BaseModel], details: ErrorDetails) -> Finding:
    """Turn one Pydantic error into a located, readable finding."""
    loc: KeyPath = tuple(details["loc"])
    kind = details["type"]
    where = describe(loc[:-1], doc.data) if loc else "the file"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        guess = _guess(model, loc)
        allowed = ", ".join(allowed_keys(model, loc[:-1]))
        hint = f"did you mean '{guess}'?" if guess else f"allowed keys: {allowed}"
        return doc.finding("CH101", f"unknown key '{key}' in {where}", loc, hint=hint)
    if kind == "missing":
        key = str(loc[-1])
        if _model_in(_annotation(model, loc)) is not None:
            return doc.finding("CH102", f"{where} has no [{_dotted(loc)}] table", loc)
        return doc.finding("CH102", f"{where} is missing required key '{key}'", loc)
    table = enclosing_table(loc, doc.data)
    where = describe(table, doc.data)
    rest = loc[len(table) :]
    key = ".".join(str(p) for p in rest if not isinstance(p, int)) or str(loc[-1])
    item = next((f" item {p + 1}" for p in rest if isinstance(p, int)), "")
    got = toml_value(details.get("input"))
    of_tables = _model_in(_annotation(model, loc)) is not None
    expected, suggestion = _expectation(details, key, of_tables=of_tables)
    message = f"{where}: '{key}'{item} {expected} (got {got})"
    return doc.finding("CH103", message, loc, hint=suggestion)


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
    else:
        text = str(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _expectation(details: ErrorDetails, key: str, *, of_tables: bool) -> tuple[str, str | None]:
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
        guess = (
            difflib.get_close_matches(str(got), allowed, n=1, cutoff=0.7)
            if isinstance(got, str)
            else []
        )
        hint = f"did you mean '{guess[0]}'?" if guess else None
        return f"must be one of: {', '.join(allowed)}", hint
    if kind == "string_pattern_mismatch":
        return _pattern_expectation(str(context.get("pattern", "")), got)
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


def _annotation(model: type[BaseModel], loc: KeyPath) -> Any:
    """The type annotation of the field at ``loc``, or ``None``."""
    parent = _model_at(model, loc[:-1])
    field = parent.model_fields.get(str(loc[-1])) if parent else None
    return field.annotation if field else None


def _dotted(loc: KeyPath) -> str:
    return ".".join(str(p) for p in loc if not isinstance(p, int))


def describe(loc: KeyPath, data: Any) -> str:
    """Name the table at ``loc`` for a message: ``clause 'drugs'``, ``title #2``, ``[charter]``."""
    if not loc:
        return "the file"
    node = _node(data, loc)
    if isinstance(loc[-1], int):
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            return f"{loc[-2]} '{node['id']}'"
        return " ".join(
            f"{part} #{int(index) + 1}" for part, index in zip(loc[::2], loc[1::2], strict=False)
        )
    return f"[{'.'.join(str(p) for p in loc)}]"


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
        current = _model_in(field.annotation) if field else None
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
