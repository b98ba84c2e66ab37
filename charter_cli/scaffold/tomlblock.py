"""Write new tables into the library's files as people write them by hand."""

from __future__ import annotations

from typing import Any

import tomlkit


def array_of_tables(key: str, tables: list[dict[str, Any]]) -> str:
    """``tables`` as ``[[key]]`` blocks (nested lists of tables as ``[[key.sub]]``).

    Text with line breaks is written as a multi-line string, not with escaped line breaks.
    """
    document = tomlkit.document()
    document[key] = [_readable(table) for table in tables]
    return tomlkit.dumps(document)


def _readable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _readable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_readable(item) for item in value]
    if isinstance(value, str) and "\n" in value:
        return tomlkit.string(value if value.endswith("\n") else value + "\n", multiline=True)
    return value
