"""What can still be used from a file that failed validation or could not be parsed.

One bad clause must not hide the rest of its module from the checks that follow,
and the IDs and names of what failed are remembered so that nothing cascades
from it (a reference to a broken clause is not reported as unknown).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from charter_cli.findings import Finding
from charter_cli.load.documents import Document, read_bytes, wide_encoding

M = TypeVar("M", bound=BaseModel)

_ID_KEY = re.compile(r"""^[ \t]*id[ \t]*=[ \t]*["']([^"'\n]{1,200})["']""", re.MULTILINE)
_QUOTED = re.compile(r"""["']([A-Za-z][A-Za-z0-9._-]{0,199})["']""")


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


def salvage_one(value: object, model: type[M]) -> M | None:
    """The table ``value`` validated on its own, or ``None``."""
    if not isinstance(value, dict):
        return None
    try:
        return model.model_validate(value)
    except ValidationError:
        return None


def strings_in(value: object) -> list[str]:
    """Every string inside a value that should have been a list of IDs, whatever its shape."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


def ids_of(items: list[dict[str, Any]]) -> set[str]:
    """The IDs of raw tables that failed validation."""
    return {item["id"] for item in items if isinstance(item.get("id"), str)}


def names_in_unparsable(path: Path) -> tuple[set[str], set[str]] | None:
    """The IDs (``id = "..."``) and every quoted name in a module that cannot be parsed.

    ``None`` if nothing can be known of it: it cannot be read, or is not text.
    """
    raw = read_bytes(path, path.name)
    if isinstance(raw, Finding):
        return None
    wide = wide_encoding(raw)
    if wide is not None:
        text = raw.decode("utf-16" if wide == "UTF-16" else "utf-32", errors="replace")
    else:
        text = raw.decode("utf-8", errors="replace")
    if raw and "\x00" in text:
        return None  # binary: whatever names it seems to hold are noise
    return set(_ID_KEY.findall(text)), set(_QUOTED.findall(text))
