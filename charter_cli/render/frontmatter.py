"""The front matter of a draft: the ``---`` block of ``key: value`` lines that opens it.

One writer and one parser: ``build`` writes it, ``verify`` reads it, and the
draft writer reads ``generator`` to know which files it may replace.
"""

from __future__ import annotations

import json

from charter_cli.draft.model import Translated

GENERATOR = "charter"
"""Value of ``generator``: marks files that ``build`` may overwrite."""
SIGNATURE = f"generator: {GENERATOR}".encode()
"""What exports without front matter (Word, PDF, Akoma Ntoso) carry in their metadata, so that
``build`` knows its own files."""
HASH_KEY = "library-hash"
"""Key of the hash of the library a draft was built from."""
TEXT_KEY = "text"
"""Key of the rendering: ``compilation``, ``agreed`` or ``clean``."""
TRACE_KEY = "trace"
"""Key that says whether the draft ends its articles with the requirements they implement."""
GENERATOR_META = f'<meta name="generator" content="{GENERATOR}">'
"""What marks an HTML page as written by ``charter build``, as ``generator: charter`` marks a draft."""


TRANSLATION_KEY = "translation-of"
"""Key of a translated draft: the language of the original it was translated from."""
SYNOPTIC_KEY = "synoptic"
"""Key of a synoptic draft: its two languages, ``en,es``."""
LANGUAGE_KEYS = (
    TRANSLATION_KEY,
    "translation-current",
    "translation-stale",
    "translation-missing",
    "translation-hash",
)
"""Keys of a draft in another language than the original: the original's language, how many
units are current, stale and missing, and the fingerprint of the translation files."""


def translation_fields(state: Translated) -> dict[str, str | bool]:
    """The front matter of a translated draft's state (the draft's ``language`` names its language)."""
    values = (state.original, state.current, state.stale, state.missing, state.fingerprint)
    return {key: str(value) for key, value in zip(LANGUAGE_KEYS, values, strict=True)}


def format_front_matter(fields: dict[str, str | bool]) -> str:
    """The block for ``fields`` in order: strings JSON-quoted, booleans bare, then ``generator``."""
    lines = [f"{key}: {_value(value)}" for key, value in fields.items()]
    return "\n".join(["---", *lines, f"generator: {GENERATOR}", "---"])


def _value(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def parse_front_matter(text: str) -> dict[str, str] | None:
    """The ``key: value`` lines of a draft's front matter, or ``None`` if it has none."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        return None
    fields: dict[str, str] = {}
    for line in text[4:end].splitlines():
        key, separator, value = line.partition(":")
        if separator:
            fields[key.strip()] = value.strip().strip('"')
    return fields


def is_generated(head: str) -> bool:
    """Whether a file that starts with ``head`` was written by ``charter build``."""
    fields = parse_front_matter(head)
    return fields is not None and fields.get("generator") == GENERATOR
