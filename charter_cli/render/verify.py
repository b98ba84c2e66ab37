"""``charter verify``: whether a draft on disk is exactly what the library builds today."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.render.frontmatter import (
    GENERATOR,
    HASH_KEY,
    SYNOPTIC_KEY,
    TEXT_KEY,
    TRACE_KEY,
    TRANSLATION_KEY,
    parse_front_matter,
)
from charter_cli.render.markdown import render_markdown
from charter_cli.render.provenance import library_hash
from charter_cli.vocabulary import Rendering


class Verdict(Enum):
    """What :func:`verify_draft` found."""

    MATCHES = "matches"
    OTHER_LIBRARY = "other-library"
    EDITED = "edited"
    NOT_A_DRAFT = "not-a-draft"
    LIBRARY_BROKEN = "library-broken"


@dataclass(frozen=True)
class Verification:
    """The outcome of comparing a draft with the library."""

    verdict: Verdict
    recorded: str = ""
    """The hash the draft records."""
    current: str = ""
    """The hash of the library now."""
    first_difference: int | None = None
    """First line (1-based) where the draft departs from a fresh build, when edited."""
    detail: str = ""
    """Why the file is not a draft."""
    analysis: Analysis | None = None
    """The analysis of the library, when its errors prevent the comparison."""


def verify_draft(root: Path, draft: str) -> Verification:
    """Compare the text of a draft with a fresh build of the library at ``root``."""
    fields = parse_front_matter(draft) or {}
    if fields.get("generator") != GENERATOR or HASH_KEY not in fields:
        return Verification(Verdict.NOT_A_DRAFT, detail=f"its front matter has no {HASH_KEY}")
    analysis = analyse(root)
    if analysis.draft is None or analysis.blocking:
        return Verification(Verdict.LIBRARY_BROKEN, analysis=analysis)
    rendering = fields.get(TEXT_KEY, Rendering.COMPILATION.value)
    if rendering not in {r.value for r in Rendering}:
        return Verification(Verdict.NOT_A_DRAFT, detail="its front matter names no rendering")
    trace = fields.get(TRACE_KEY) != "false"
    fresh = _fresh(analysis, fields, Rendering(rendering), trace=trace)
    return compare(draft, fresh, library_hash(analysis.library))


def _fresh(analysis: Analysis, fields: dict[str, str], rendering: Rendering, *, trace: bool) -> str:
    """The draft the front matter describes, built anew: in its language, or side by side."""
    from charter_cli.draft.translated import draft_in

    library = analysis.library
    synoptic = fields.get(SYNOPTIC_KEY)
    if synoptic is not None and "," in synoptic:
        from charter_cli.render.synoptic import iter_synoptic_markdown

        left, right = (draft_in(analysis, code.strip()) for code in synoptic.split(",", 1))
        return "".join(
            iter_synoptic_markdown(left, right, library, rendering=rendering, trace=trace)
        )
    draft = analysis.draft
    assert draft is not None  # noqa: S101 - checked by the caller
    if TRANSLATION_KEY in fields and "language" in fields:
        draft = draft_in(analysis, fields["language"])
    return render_markdown(draft, library, rendering=rendering, trace=trace)


def compare(draft: str, fresh: str, current: str) -> Verification:
    """Compare a draft on disk with a fresh build of the library whose hash is ``current``."""
    recorded = (parse_front_matter(draft) or {}).get(HASH_KEY, "")
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
