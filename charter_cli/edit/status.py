"""``charter status``: where an article or a paragraph stands in the negotiation."""

from __future__ import annotations

from charter_cli.draft.analysis import Analysis
from charter_cli.draft.model import Article
from charter_cli.edit.run import Edit, EditRefusedError, Planner
from charter_cli.edit.targets import clause_target
from charter_cli.edit.texts import Texts, dump, parse, set_key, table_at
from charter_cli.errors import InvalidInputError
from charter_cli.load.negotiation import open_parts, paragraph_is_open, paragraph_status
from charter_cli.models.clause import Paragraph
from charter_cli.suggest import did_you_mean
from charter_cli.vocabulary import JOINT, Status


def plan_status(target: str, status: Status, *, party: str | None = None) -> Planner:
    """Set the status of an article (``ID`` or ``Article N``) or a paragraph (``ID#paragraph``).

    ``agreed`` is refused while the article (or paragraph) still holds open
    brackets, alternatives or proposed paragraphs: the text could not then be the
    agreed one. ``party`` sets who proposes it.
    """

    def plan(analysis: Analysis) -> Edit:
        library = analysis.library
        entry, paragraph = clause_target(analysis, target)
        if party is not None:
            parties = [p.id for p in library.parties]
            if party not in (*parties, JOINT):
                raise InvalidInputError(
                    f"unknown party '{party}'",
                    hint=did_you_mean(party, parties)
                    or f"use one of: {', '.join((*parties, JOINT))}",
                )
        texts = Texts(library.root)
        rel = entry.module.rel
        before = texts.get(rel)
        document = parse(before, rel)
        placement = analysis.draft.placements.get(entry.id) if analysis.draft else None
        name = (
            f"{placement.label} ('{entry.id}')"
            if isinstance(placement, Article)
            else f"'{entry.id}'"
        )
        if paragraph is None:
            table = table_at(document, ("clause", entry.position))
            was = entry.standing.status
            if status is Status.AGREED and entry.standing.open_parts:
                raise EditRefusedError(
                    f"{name} still holds {entry.standing.open_parts} open part(s): "
                    + _open_parts(entry.paragraphs),
                    hint="settle each bracket and alternative first (keep the agreed wording), "
                    "then mark the article agreed",
                )
            keep_derived = status is Status.AGREED and entry.clause.status is None
            if not keep_derived:
                set_key(table, "status", status.value, after=("title", "id"))
            what = name
        else:
            index = next(i for i, p in enumerate(entry.paragraphs) if p.id == paragraph)
            found = entry.paragraphs[index]
            if not entry.clause.paragraph:
                raise EditRefusedError(
                    f"'{entry.id}' keeps its text in one 'text', whose parts have no status",
                    hint="run 'charter migrate' to give it paragraph tables first",
                )
            table = table_at(document, ("clause", entry.position, "paragraph", index))
            was = paragraph_status(found)
            if status is Status.AGREED and (found.bracket or found.alternative):
                raise EditRefusedError(
                    f"paragraph '{paragraph}' of {name} still holds open words: "
                    + _open_parts((found,)),
                    hint="settle its brackets or alternatives first",
                )
            set_key(table, "status", status.value, after=("text", "id"))
            what = f"paragraph '{paragraph}' of {name}"
        if party is not None:
            set_key(table, "proposed_by", party, after=("status", "title", "text", "id"))
        texts.put(rel, dump(document, before))
        by = f" by {party}" if party is not None else ""
        done = (
            [f"{what} is now {status.value}{by} (was {was.value})"]
            if texts.new[rel] != before
            else [f"{what} is already {status.value}{by}; nothing to change"]
        )
        return texts.edit(done)

    return plan


def _open_parts(paragraphs: tuple[Paragraph, ...]) -> str:
    """The open parts of some paragraphs, in words: ``bracket 'verb' in paragraph 'p2'``."""
    described = []
    for paragraph in paragraphs:
        if not paragraph_is_open(paragraph):
            continue
        described += [
            f"bracket '{name}' in paragraph '{paragraph.id}'" for name in paragraph.bracket
        ]
        if open_parts(paragraph) > len(paragraph.bracket):
            described.append(f"paragraph '{paragraph.id}' open as a whole")
    return "; ".join(described) or "the article is proposed or bracketed as a whole"
