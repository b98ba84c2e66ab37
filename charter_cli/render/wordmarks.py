"""Words of a diff in Markdown: runs of deleted or inserted words between marks, every word escaped.

References (``[[clause-id#p2]]``) inside words are shown as the citation they
render to in the version the word belongs to: a deleted word in the old draft,
a kept or inserted word in the new one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from charter_cli.draft.model import Article, Draft
from charter_cli.load.wording import Change, Edit
from charter_cli.render.escape import inline
from charter_cli.syntax import REFERENCE

STRUCK = {Change.EQUAL: ("", ""), Change.DELETE: ("~~", "~~"), Change.INSERT: ("**", "**")}
"""A comparison document's marks: deletions struck through, insertions in bold."""


def cited(text: str, draft: Draft) -> str:
    """``text`` with each reference written as the citation it renders to in ``draft``."""
    if "[[" not in text:
        return text

    def citation(match: re.Match[str]) -> str:
        target, paragraph, point = match.groups()
        placement = draft.placements.get(target)
        if not isinstance(placement, Article):
            return match.group(0)
        return placement.cite(paragraph, point)

    return REFERENCE.sub(citation, text)


def marked(
    edits: Iterable[Edit],
    marks: Mapping[Change, tuple[str, str]],
    shown: Callable[[Change, str], str],
) -> str:
    """The runs of ``edits`` whose change has marks, each run between its marks, escaped.

    ``shown`` gives the text of a run of words of one change (references cited).
    Runs whose change is not in ``marks`` are left out: the old text of a
    two-column table shows no insertions.
    """
    parts = []
    for edit in edits:
        if edit.change not in marks or not edit.words:
            continue
        opening, closing = marks[edit.change]
        parts.append(f"{opening}{inline(shown(edit.change, ' '.join(edit.words)))}{closing}")
    return " ".join(parts)
