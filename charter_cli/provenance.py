"""Provenance of a draft: which library it was built from, and whether it still matches.

Every draft records in its front matter a content hash of the files it was built
from (``library-hash``). :func:`library_hash` computes it: SHA-256 over the
path and text of the manifest, every catalogue and source text, and every clause
module, in path order, with line ends normalised, so the same library gives the
same hash on any machine and checkout. :func:`verify_draft` tells whether a
draft on disk is exactly what the library builds today.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum

from charter_cli.library import Library

HASH_KEY = "library-hash"
TRACE_KEY = "trace"


def library_hash(library: Library) -> str:
    """``sha256:<hex>`` of every file the draft is built from."""
    files: list[tuple[str, str]] = []
    if library.manifest_doc is not None:
        files.append((library.manifest_doc.rel, library.manifest_doc.text))
    for catalogue in library.catalogues:
        files.append((catalogue.doc.rel, catalogue.doc.text))
        if catalogue.text is not None and catalogue.text_rel is not None:
            files.append((catalogue.text_rel, catalogue.text))
    files += [(module.rel, module.doc.text) for module in library.modules]
    digest = hashlib.sha256()
    for rel, text in sorted(set(files)):
        for part in (rel, text.replace("\r\n", "\n")):
            data = part.encode("utf-8")
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
    return f"sha256:{digest.hexdigest()}"


def front_matter(text: str) -> dict[str, str] | None:
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


class Verdict(Enum):
    """What :func:`verify_draft` found."""

    MATCHES = "matches"
    OTHER_LIBRARY = "other-library"
    EDITED = "edited"


@dataclass(frozen=True)
class Verification:
    """The outcome of comparing a draft with the library."""

    verdict: Verdict
    recorded: str
    """The hash the draft records."""
    current: str
    """The hash of the library now."""
    first_difference: int | None = None
    """First line (1-based) where the draft departs from a fresh build, when edited."""


def compare(draft: str, fresh: str, current: str) -> Verification:
    """Compare a draft on disk with a fresh build of the library whose hash is ``current``."""
    recorded = (front_matter(draft) or {}).get(HASH_KEY, "")
    if recorded != current:
        return Verification(Verdict.OTHER_LIBRARY, recorded, current)
    if draft == fresh:
        return Verification(Verdict.MATCHES, recorded, current)
    old, new = draft.split("\n"), fresh.split("\n")
    first = next(
        (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
        min(len(old), len(new)),
    )
    return Verification(Verdict.EDITED, recorded, current, first + 1)
