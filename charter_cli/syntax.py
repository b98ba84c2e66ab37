"""The syntax inside clause texts that the tool reads: ``[[clause-id]]`` cross-references."""

from __future__ import annotations

import re
from collections.abc import Iterator

REFERENCE = re.compile(r"\[\[([^\[\]\s]+)\]\]")
"""A cross-reference in clause text: ``[[clause-id]]``."""


def references(text: str) -> Iterator[re.Match[str]]:
    """Every ``[[clause-id]]`` cross-reference in a clause text."""
    return REFERENCE.finditer(text)
