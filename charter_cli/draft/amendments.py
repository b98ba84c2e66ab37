"""Amendments in the order of the text, and the voting list built from them.

:func:`amendments_in_order` resolves every amendment against the assembled
draft: the subject line a parliament prints ("Article 12 - paragraph 2",
"Article 12a (new)"), the wording amended and the new wording, and the words
that change. :func:`voting_list` groups identical amendments and says which
fall if another is adopted, in the order a committee votes: the amendments to
each part of the text in the order of the text, and for one part the compromise
first, then the deletion, then the others by number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from charter_cli.check.amendments import Resolution, conflict, resolve, same_effect
from charter_cli.draft.model import Article, Draft, Placement
from charter_cli.draft.numbering import letter
from charter_cli.load.library import Library
from charter_cli.load.wording import Edit, expanded, normalise, word_diff
from charter_cli.models.amendment import Amendment
from charter_cli.vocabulary import AmendmentKind, Outcome

_KIND_ORDER = {AmendmentKind.DELETE: 0, AmendmentKind.REPLACE: 1, AmendmentKind.INSERT: 2}
"""Within one part of the text, the deletion is voted on first (it goes furthest)."""
DASH = "\N{EN DASH}"
"""What separates the parts of a subject line: ``Article 12 \N{EN DASH} paragraph 2``."""
NOT_VOTED = frozenset({Outcome.WITHDRAWN, Outcome.REPLACED})
"""Outcomes of amendments that are not put to the vote."""


@dataclass(frozen=True)
class Placed:
    """An amendment, what it amends, and where that stands in the draft."""

    resolution: Resolution
    subject: str
    """The part of the text it amends, as printed above it: ``Article 12 - paragraph 2`` (with an en dash)."""
    old_lines: tuple[str, ...]
    """The wording amended, line by line (empty for an insert)."""
    new_lines: tuple[str, ...]
    """The new wording, line by line (empty for a deletion)."""
    edits: tuple[Edit, ...]
    """The word-level changes from the wording amended to the new wording."""
    order: tuple[int, ...]
    """Its place in the order of the text."""

    @property
    def amendment(self) -> Amendment:
        """The amendment."""
        return self.resolution.amendment


def amendments_in_order(library: Library, draft: Draft) -> list[Placed]:
    """Every amendment of the library, resolved, in the order of the text (then by number)."""
    positions = {clause: index for index, clause in enumerate(draft.placements)}
    placed = [_placed(resolve(library, entry), draft, positions) for entry in library.amendments]
    return sorted(placed, key=lambda p: p.order)


def _placed(resolution: Resolution, draft: Draft, positions: dict[str, int]) -> Placed:
    amendment = resolution.amendment
    placement = draft.placements.get(amendment.target.clause)
    old_lines, new_lines = _columns(resolution)
    edits = word_diff(" ".join(old_lines), " ".join(new_lines))
    return Placed(
        resolution,
        subject(amendment, resolution, placement, draft),
        old_lines,
        new_lines,
        edits,
        _order(amendment, resolution, positions),
    )


def _columns(resolution: Resolution) -> tuple[tuple[str, ...], tuple[str, ...]]:
    amendment = resolution.amendment
    old: tuple[str, ...] = ()
    if amendment.kind is not AmendmentKind.INSERT:
        amended = resolution.amended if resolution.amended is not None else amendment.existing_text
        old = tuple(line for line in (amended or "").split("\n") if line.strip())
    new: tuple[str, ...] = ()
    if amendment.text is not None:
        new = (normalise(expanded(amendment.text, resolution.paragraph)),)
    return old, new


def _order(
    amendment: Amendment, resolution: Resolution, positions: dict[str, int]
) -> tuple[int, ...]:
    target = amendment.target
    clause = positions.get(target.clause, len(positions))
    paragraphs = [p.id for p in resolution.clause.paragraphs] if resolution.clause else []
    paragraph = paragraphs.index(target.paragraph) if target.paragraph in paragraphs else -1
    points = [p.id for p in resolution.paragraph.point] if resolution.paragraph else []
    point = points.index(target.point) if target.point in points else -1
    inserting = amendment.kind is AmendmentKind.INSERT
    # each part has three slots: inserts before it, the amendments to it, inserts after it
    offset = (-1 if target.before else 1) if inserting else 0
    if target.paragraph is None:
        where = (clause * 4 + 1 + offset, 0, 0)
    elif target.point is None:
        where = (clause * 4 + 1, paragraph * 4 + 5 + offset, 0)
    else:
        where = (clause * 4 + 1, paragraph * 4 + 5, point * 4 + 5 + offset)
    return (*where, 0 if amendment.compromise else 1, _KIND_ORDER[amendment.kind], amendment.number)


def subject(
    amendment: Amendment, resolution: Resolution, placement: Placement | None, draft: Draft
) -> str:
    """The part of the text amended, as a parliament prints it above the amendment."""
    target = amendment.target
    inserting = amendment.kind is AmendmentKind.INSERT
    if placement is None:
        return f"Clause {target.clause} (not in the draft)"
    if target.paragraph is None:
        if inserting:
            return (
                f"{_kind_of(placement)} {_new_number(placement, draft, before=target.before)} (new)"
            )
        return placement.label
    parts = [placement.label]
    paragraphs = [p.id for p in resolution.clause.paragraphs] if resolution.clause else []
    number = paragraphs.index(target.paragraph) + 1 if target.paragraph in paragraphs else None
    shown = str(number) if number is not None else f"'{target.paragraph}'"
    numbered = isinstance(placement, Article) and len(paragraphs) > 1
    if target.point is None:
        if inserting:
            new = f"{number - 1 if target.before else number}a" if number is not None else shown
            parts.append(f"paragraph {new} (new)")
        elif numbered or number is None:
            lead = resolution.paragraph is not None and bool(resolution.paragraph.point)
            deleting = amendment.kind is AmendmentKind.DELETE
            parts.append(
                f"paragraph {shown}"
                + (f" {DASH} introductory part" if lead and not deleting else "")
            )
        return f" {DASH} ".join(parts)
    if numbered or number is None:
        parts.append(f"paragraph {shown}")
    points = [p.id for p in resolution.paragraph.point] if resolution.paragraph else []
    index = points.index(target.point) if target.point in points else None
    point = f"({letter(index)})" if index is not None else f"'{target.point}'"
    verb = "before" if target.before else "after"
    parts.append(f"new point {verb} point {point}" if inserting else f"point {point}")
    return f" {DASH} ".join(parts)


def _kind_of(placement: Placement) -> str:
    return "Article" if isinstance(placement, Article) else "Recital"


def _new_number(placement: Placement, draft: Draft, *, before: bool) -> str:
    """The number a new article (or recital) after, or before, ``placement`` would take: ``12a``."""
    if isinstance(placement, Article):
        if not before:
            return f"{placement.numeral}a"
        articles = draft.articles
        index = articles.index(placement)
        return f"{articles[index - 1].numeral}a" if index else "0a"
    return f"{placement.number - 1 if before else placement.number}a"


@dataclass(frozen=True)
class Vote:
    """One line of the voting list: an amendment, or identical amendments voted on together."""

    amendments: tuple[Placed, ...]
    falls_if: tuple[Amendment, ...]
    """Earlier amendments (in voting order) whose adoption makes these fall."""
    replaces: tuple[Amendment, ...]
    """For a compromise: the amendments it replaces."""

    @property
    def first(self) -> Placed:
        """The amendment that stands for the group."""
        return self.amendments[0]

    @property
    def identical(self) -> bool:
        """Whether it groups identical amendments."""
        return len(self.amendments) > 1


def voting_list(placed: Sequence[Placed]) -> list[Vote]:
    """The voting list: identical amendments grouped, what falls if another is adopted."""
    groups: list[list[Placed]] = []
    for item in placed:
        group = next(
            (g for g in groups if same_effect(g[0].amendment, item.amendment)),
            None,
        )
        if group is None:
            groups.append([item])
        else:
            group.append(item)
    everything = [item.amendment for item in placed]
    votes = []
    voted: list[Placed] = []
    for group in groups:
        first = group[0]
        falls: tuple[Amendment, ...] = ()
        if first.amendment.outcome not in NOT_VOTED:
            falls = tuple(
                earlier.amendment
                for earlier in voted
                if conflict(earlier.resolution, first.resolution)
            )
            voted.append(first)
        replaces: tuple[Amendment, ...] = ()
        if first.amendment.compromise:
            replaces = tuple(
                a
                for a in everything
                if not a.compromise and a.replaced_by == first.amendment.number
            )
        votes.append(Vote(tuple(group), falls, replaces))
    return votes
