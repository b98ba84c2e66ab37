"""Path globs for manifest entries: ``*`` and ``?`` stay within a folder, ``**/`` spans folders."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a path glob to a regular expression that must match a whole relative path."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def is_module_entry(entry: str) -> bool:
    """Whether a manifest ``include`` entry names modules (a path or glob) rather than a clause ID."""
    return entry.endswith(".toml")


def nfc(path: str) -> str:
    """A path in Unicode NFC, so "ó" typed in the manifest matches an "o" + accent file name."""
    return unicodedata.normalize("NFC", path)


def match_paths(entry: str, paths: Iterable[str]) -> list[str]:
    """The paths (NFC, ``/``-separated) a manifest path or glob matches, in sorted order.

    A plain path is a set lookup, so a manifest of many exact paths costs nothing
    per module; only a glob is matched against every path.
    """
    wanted = nfc(entry)
    if not any(char in wanted for char in "*?"):
        known = paths if isinstance(paths, dict | set | frozenset) else set(paths)
        return [wanted] if wanted in known else []
    pattern = glob_regex(wanted)
    return sorted(path for path in paths if pattern.fullmatch(path))
