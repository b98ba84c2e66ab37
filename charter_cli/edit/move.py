"""``charter move``: put an article before or after another, or at the end of a title or chapter.

Where an article stands follows from two things: the manifest's ``include``
entries (module paths, globs or clause IDs) and the order of the clauses inside
each module. A move therefore tries, in turn, the edits that can put the clause
where it is wanted, and keeps the first that does, as the assembled draft shows:

1. move the clause's table into the module of its new neighbour, next to it;
2. list the clause's ID in the manifest next to its neighbour's ID, when the
   neighbour is placed by its ID (and drop the clause's own ID entry);
3. for an empty title or chapter: put the clause into a module the part already
   includes, or into a new module the part then includes.

An edit is kept only if, in the draft it gives, the clause stands exactly where
it was asked to and every other article keeps its order, and no clause changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.draft.lookup import PartRef, find_part
from charter_cli.draft.model import Article, Draft, IncludeUse, Placement
from charter_cli.edit.blocks import as_block, cut, insert, newline_of, table_blocks
from charter_cli.edit.run import Edit, EditRefusedError, Planner, new_errors
from charter_cli.edit.targets import clause_target
from charter_cli.edit.texts import Texts, array_of, data_of, dump, insert_item, parse
from charter_cli.errors import InvalidInputError
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.includes import is_module_entry, manifest_entries, match_paths
from charter_cli.load.project import CLAUSES_DIR, MANIFEST
from charter_cli.scaffold.schemas import directive_for


@dataclass(frozen=True)
class _Goal:
    """Where the clause should end up: the order of every placed clause, and a description."""

    clause: str
    order: list[str]
    where: str
    part: str | None = None
    """For a move to a part: the ``where`` label its articles carry (``Title II, Chapter 3``)."""


def plan_move(
    target: str, *, before: str | None = None, after: str | None = None, to: str | None = None
) -> Planner:
    """Move the clause ``target`` before or after another clause, or to the end of a part."""
    if sum(option is not None for option in (before, after, to)) != 1:
        raise InvalidInputError("say where to move it: one of --before ID, --after ID or --to PART")

    def plan(analysis: Analysis) -> Edit:
        draft = _draft(analysis)
        entry, paragraph = clause_target(analysis, target)
        if paragraph is not None:
            raise InvalidInputError("a paragraph moves within its article: edit its module")
        anchor_name = before if before is not None else after
        if anchor_name is not None:
            anchor, anchor_paragraph = clause_target(analysis, anchor_name)
            if anchor.id == entry.id or anchor_paragraph is not None:
                raise InvalidInputError("move it before or after another clause")
            goal = _next_to(draft, entry, anchor, after=after is not None)
            candidates = _beside(analysis, entry, anchor, after=after is not None)
        else:
            assert to is not None  # noqa: S101 - exactly one option was given
            part = find_part(draft, to)
            goal = _at_end(draft, entry, part)
            candidates = _into(analysis, entry, part)
        old = draft.placements.get(entry.id)
        if list(draft.placements) == goal.order and (goal.part is None or _in_part(old, goal)):
            return Edit({}, (f"{_name(old, entry)} is already {goal.where}; nothing to change",))
        for texts in candidates:
            edit = texts.edit([])
            result = analyse(analysis.library.root, overlay=edit.files)
            if (
                _reached(result, goal)
                and _same_clauses(analysis, result)
                and not new_errors(analysis, result)
            ):
                new = result.draft.placements.get(entry.id) if result.draft else None
                done = f"moved {_name(old, entry)} {goal.where}"
                if isinstance(new, Article) and (
                    not isinstance(old, Article) or new.numeral != old.numeral
                ):
                    done += f": now {new.label}"
                lines = [done, *(f"  {line}" for line in _touched(edit))]
                return Edit(edit.files, tuple(lines), edit.read, after=result)
        raise EditRefusedError(
            f"cannot move '{entry.id}' {goal.where} by editing its module or the manifest",
            hint=f"'{entry.id}' is placed by {_drawn_by(draft, entry)}; "
            "place it by hand in charter.toml",
        )

    return plan


def _draft(analysis: Analysis) -> Draft:
    if analysis.draft is None:
        raise EditRefusedError(
            "charter.toml cannot be read, so nothing can be placed",
            hint="run 'charter check' and fix the manifest first",
        )
    return analysis.draft


def _name(placement: Placement | None, entry: ClauseEntry) -> str:
    return f"{placement.label} ('{entry.id}')" if placement is not None else f"'{entry.id}'"


def _next_to(draft: Draft, entry: ClauseEntry, anchor: ClauseEntry, *, after: bool) -> _Goal:
    order = [clause for clause in draft.placements if clause != entry.id]
    if anchor.id not in draft.placements:
        raise EditRefusedError(
            f"'{anchor.id}' is placed nowhere in the draft, so nothing can go next to it",
            hint="place it first ('charter move ID --to PART')",
        )
    position = order.index(anchor.id) + (1 if after else 0)
    order.insert(position, entry.id)
    where = f"{'after' if after else 'before'} {_name(draft.placements[anchor.id], anchor)}"
    return _Goal(entry.id, order, where)


def _at_end(draft: Draft, entry: ClauseEntry, part: PartRef) -> _Goal:
    label = part.label
    order = [clause for clause in draft.placements if clause != entry.id]
    members = [clause for clause in order if _where(draft.placements[clause]) == label]
    if members:
        position = order.index(members[-1]) + 1
    else:  # an empty part: after everything placed before it
        earlier = [c for c in order if _before_part(draft.placements[c], part, draft)]
        position = order.index(earlier[-1]) + 1 if earlier else 0
    order.insert(position, entry.id)
    return _Goal(entry.id, order, f"to the end of {label} ({part.heading})", label)


def _where(placement: Placement) -> str | None:
    return placement.where if isinstance(placement, Article) else None


def _in_part(placement: Placement | None, goal: _Goal) -> bool:
    return placement is not None and _where(placement) == goal.part


def _before_part(placement: Placement, part: PartRef, draft: Draft) -> bool:
    """Whether a placed clause comes before the (empty) part in the draft's order."""
    if not isinstance(placement, Article):
        return True  # recitals come first
    titles = [f"Title {t.numeral}" for t in draft.titles]
    own = placement.where.split(", ")
    title_index = titles.index(own[0])
    if title_index != part.title_index:
        return title_index < part.title_index
    if part.chapter_index is None:
        return False  # the title's own articles come before its chapters
    if len(own) == 1:
        return True
    chapters = [f"Chapter {c.numeral}" for c in draft.titles[title_index].chapters]
    return chapters.index(own[1]) < part.chapter_index


def _reached(result: Analysis, goal: _Goal) -> bool:
    """Whether the draft of an edit puts the clause where it was asked to, all else in order."""
    if result.draft is None or list(result.draft.placements) != goal.order:
        return False
    return goal.part is None or _where(result.draft.placements[goal.clause]) == goal.part


def _same_clauses(before: Analysis, after: Analysis) -> bool:
    """Whether every clause is still there, unchanged (a move changes only where they stand)."""
    old, new = before.library.clauses, after.library.clauses
    return old.keys() == new.keys() and all(old[k].clause == new[k].clause for k in old)


def _touched(edit: Edit) -> list[str]:
    return [
        f"{'created' if not edit.read.get(rel) else 'changed'} {rel}" for rel in sorted(edit.files)
    ]


def _drawn_by(draft: Draft, entry: ClauseEntry) -> str:
    use = _use_of(draft, entry.id)
    if use is None:
        return "no entry of the manifest"
    return f"the entry '{use.entry.value}'"


def _use_of(draft: Draft, clause: str) -> IncludeUse | None:
    return next((use for use in draft.uses if clause in use.placed), None)


# ------------------------------------------------------------------ the candidate edits


def _beside(
    analysis: Analysis, entry: ClauseEntry, anchor: ClauseEntry, *, after: bool
) -> Iterator[Texts]:
    root = analysis.library.root
    draft = _draft(analysis)
    texts = Texts(root)
    _move_block(texts, entry, anchor.module.rel, anchor.id, after=after)
    own = _use_of(draft, entry.id)
    if own is not None and not is_module_entry(own.entry.value):  # now drawn with its module
        manifest = texts.get(MANIFEST)
        document = parse(manifest, MANIFEST)
        _drop(document, own)
        texts.put(MANIFEST, dump(document, manifest))
    yield texts
    use = _use_of(draft, anchor.id)
    if use is not None and not is_module_entry(use.entry.value):
        texts = Texts(root)
        manifest = texts.get(MANIFEST)
        document = parse(manifest, MANIFEST)
        own = _use_of(draft, entry.id)
        if own is not None and not is_module_entry(own.entry.value):
            _drop(document, own)
        array = array_of(document, use.entry.loc[:-1])
        position = list(array).index(anchor.id) + (1 if after else 0)
        insert_item(array, position, entry.id)
        texts.put(MANIFEST, dump(document, manifest))
        yield texts


def _into(analysis: Analysis, entry: ClauseEntry, part: PartRef) -> Iterator[Texts]:
    draft = _draft(analysis)
    label = part.label
    members = [p for p in draft.placements.values() if _where(p) == label]
    root = analysis.library.root
    if members:
        last = members[-1].entry
        if last.id != entry.id:
            yield from _beside(analysis, entry, last, after=True)
        return
    loc = _part_loc(part)
    includes = _part_includes(analysis, part)
    modules = sorted(
        {rel for value in includes if is_module_entry(value) for rel in _matches(analysis, value)}
    )
    if not _is_drawn_by_module(draft, entry):
        texts = Texts(root)
        manifest = texts.get(MANIFEST)
        document = parse(manifest, MANIFEST)
        own = _use_of(draft, entry.id)
        if own is not None:
            _drop(document, own)
        _include(document, loc).append(entry.id)
        texts.put(MANIFEST, dump(document, manifest))
        yield texts
    for module in modules:
        texts = Texts(root)
        _move_block(texts, entry, module, None, after=True)
        yield texts
    texts = Texts(root)
    module = _new_module_path(analysis, part)
    heading = part.heading
    texts.put(module, _module_header(root / module, root, heading))
    _move_block(texts, entry, module, None, after=True)
    manifest = texts.get(MANIFEST)
    document = parse(manifest, MANIFEST)
    _include(document, loc).append(module)
    texts.put(MANIFEST, dump(document, manifest))
    yield texts


def _move_block(
    texts: Texts, entry: ClauseEntry, dest: str, anchor: str | None, *, after: bool
) -> None:
    """Move the clause's table from its module into ``dest``, next to ``anchor`` (or at the end)."""
    source = entry.module.rel
    text = texts.get(source)
    blocks = table_blocks(text, ("clause",))
    if len(blocks) != len(data_of(text).get("clause", [])):
        raise EditRefusedError(f"{source}: cannot find the clause tables of this file safely")
    block = blocks[entry.position]
    moved = text[block.start : block.end]
    texts.put(source, cut(text, block))
    target = texts.get(dest)
    chunk = as_block(moved, newline_of(target) if target else newline_of(text))
    if anchor is None:
        texts.put(dest, insert(target, len(target), chunk))
        return
    ids = [table.get("id") for table in data_of(target).get("clause", [])]
    spots = table_blocks(target, ("clause",))
    spot = spots[ids.index(anchor)]
    texts.put(dest, insert(target, spot.end if after else spot.start, chunk))


def _drop(document: Any, use: IncludeUse) -> None:
    array = array_of(document, use.entry.loc[:-1])
    del array[int(use.entry.loc[-1])]


def _part_loc(part: PartRef) -> tuple[str | int, ...]:
    loc: tuple[str | int, ...] = ("title", part.title_index)
    if part.chapter_index is not None:
        loc = (*loc, "chapter", part.chapter_index)
    return loc


def _include(document: Any, loc: tuple[str | int, ...]) -> Any:
    table: Any = array_of(document, loc)
    if "include" not in table:
        table["include"] = []
    return table["include"]


def _part_includes(analysis: Analysis, part: PartRef) -> list[str]:
    manifest = analysis.library.manifest
    assert manifest is not None  # noqa: S101 - there is a draft, so there is a manifest
    title = manifest.title[part.title_index]
    if part.chapter_index is None:
        return list(title.include)
    return list(title.chapter[part.chapter_index].include)


def _matches(analysis: Analysis, value: str) -> list[str]:
    return match_paths(value, {module.rel for module in analysis.library.modules})


def _is_drawn_by_module(draft: Draft, entry: ClauseEntry) -> bool:
    use = _use_of(draft, entry.id)
    return use is not None and is_module_entry(use.entry.value)


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-")[:40].strip("-") or "part"


def _new_module_path(analysis: Analysis, part: PartRef) -> str:
    """A module path for the part that exists nowhere and that no entry of the manifest matches."""
    title = _slug(part.title.heading)
    name = _slug(part.heading) if part.chapter is not None else "general"
    manifest = analysis.library.manifest
    entries = [e.value for e in manifest_entries(manifest)] if manifest is not None else []
    root = analysis.library.root
    for folder in (
        f"{CLAUSES_DIR}/{title}",
        f"{CLAUSES_DIR}/{title}/{name}",
        f"{CLAUSES_DIR}/{title}-{name}",
    ):
        for number in range(1, 10):
            stem = name if number == 1 else f"{name}-{number}"
            candidate = f"{folder}/{stem}.toml"
            taken = (root / candidate).exists() or any(
                is_module_entry(value) and match_paths(value, {candidate}) for value in entries
            )
            if not taken:
                return candidate
    raise EditRefusedError(
        f"every module path for {part.label} is taken or matched by the manifest",
        hint="create a module for it with 'charter new chapter --module' or by hand",
    )


def _module_header(path: Path, root: Path, heading: str) -> str:
    document = tomlkit.document()
    document["module"] = {"title": heading}
    return f"{directive_for(path, root)}\n{tomlkit.dumps(document)}"
