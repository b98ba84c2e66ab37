"""Check a parsed document against its Pydantic model and turn errors into findings.

A whole file is validated at once so that every problem is reported. When a file
has errors, the items of its arrays of tables (clauses, requirements) are
validated one by one so the valid ones can still be used: one bad clause must
not hide the rest of its module from the checks that follow.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from charter_cli.diagnostics import Finding
from charter_cli.documents import Document
from charter_cli.tomlmap import Path as KeyPath

M = TypeVar("M", bound=BaseModel)


def validate(doc: Document, model: type[M]) -> tuple[M | None, list[Finding]]:
    """Validate the whole document; on failure, return ``None`` and one finding per error."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        return None, [error_finding(doc, model, details) for details in error.errors()]


def salvage(doc: Document, key: str, model: type[M]) -> tuple[list[tuple[int, M]], set[str]]:
    """Validate each item of the array ``key`` on its own.

    Returns the valid items with their positions, and the string ``id`` of every
    invalid item (so that references to a broken item are not reported twice).
    """
    items = doc.data.get(key)
    good: list[tuple[int, M]] = []
    broken: set[str] = set()
    if not isinstance(items, list):
        return good, broken
    for position, item in enumerate(items):
        try:
            good.append((position, model.model_validate(item)))
        except ValidationError:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                broken.add(item["id"])
    return good, broken


def error_finding(doc: Document, model: type[BaseModel], details: ErrorDetails) -> Finding:
    """Turn one Pydantic error into a located, readable finding."""
    loc: KeyPath = tuple(details["loc"])
    kind = details["type"]
    where = describe(loc[:-1], doc.data) if loc else "the file"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = allowed_keys(model, loc[:-1])
        guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.75)
        hint = f"did you mean '{guess[0]}'?" if guess else f"allowed keys: {', '.join(allowed)}"
        return doc.finding("CH101", f"unknown key '{key}' in {where}", loc, hint=hint)
    if kind == "missing":
        return doc.finding("CH102", f"{where} is missing required key '{loc[-1]}'", loc)
    name = ".".join(str(part) for part in loc if not isinstance(part, int)) or "value"
    got = _short_repr(details.get("input"))
    message = f"{where}: invalid '{name.rsplit('.', 1)[-1]}': {details['msg']}, got {got}"
    return doc.finding("CH103", message, loc)


def describe(loc: KeyPath, data: Any) -> str:
    """Name the table at ``loc`` for a message: ``clause 'drugs'``, ``title #2``, ``[charter]``."""
    if not loc:
        return "the file"
    node: Any = data
    for part in loc:
        node = node[part] if _has(node, part) else None
    label = ""
    for part in loc:
        if isinstance(part, int):
            label = f"{label} #{part + 1}"
        else:
            label = f"{label} {part}" if label else part
    if isinstance(node, dict) and isinstance(node.get("id"), str) and isinstance(loc[-1], int):
        return f"{loc[-2]} '{node['id']}'"
    return label if isinstance(loc[-1], int) else f"[{'.'.join(str(p) for p in loc)}]"


def _has(node: Any, part: str | int) -> bool:
    if isinstance(part, int):
        return isinstance(node, list) and 0 <= part < len(node)
    return isinstance(node, dict) and part in node


def allowed_keys(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The keys the model accepts in the table at ``loc``."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
    return list(current.model_fields) if current else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _short_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."
