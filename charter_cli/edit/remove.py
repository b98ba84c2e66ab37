"""``charter remove``: take a clause out of the library, and out of the manifest."""

from __future__ import annotations

from typing import Any

from charter_cli.draft.analysis import Analysis
from charter_cli.edit.blocks import cut, table_blocks
from charter_cli.edit.run import Edit, EditRefusedError, Planner
from charter_cli.edit.targets import clause_target
from charter_cli.edit.texts import Texts, array_of, data_of, dump, parse
from charter_cli.errors import InvalidInputError
from charter_cli.load.includes import manifest_entries
from charter_cli.load.project import MANIFEST
from charter_cli.syntax import references


def plan_remove(target: str, *, force: bool = False) -> Planner:
    """Remove the clause ``target`` (``ID`` or ``Article N``) and every manifest entry naming it.

    Refused while another clause refers to it (the refusal names them), unless
    ``force``; the edit runner refuses, unless forced too, a removal that would
    leave a requirement uncovered.
    """

    def plan(analysis: Analysis) -> Edit:
        library = analysis.library
        entry, paragraph = clause_target(analysis, target)
        if paragraph is not None:
            raise InvalidInputError(
                "'remove' takes a whole clause; a paragraph is removed by editing its module",
                hint=f"run 'charter edit {entry.id}'",
            )
        placement = analysis.draft.placements.get(entry.id) if analysis.draft else None
        name = f"{placement.label} ('{entry.id}')" if placement is not None else f"'{entry.id}'"
        citing = referring_clauses(analysis, entry.id)
        if citing and not force:
            raise EditRefusedError(
                f"{name} is referred to by {len(citing)} other clause(s): {', '.join(citing)}",
                hint="remove or reword those references first, or give --force to remove it all "
                "the same (the references are then reported by 'charter check')",
            )
        texts = Texts(library.root)
        rel = entry.module.rel
        text = texts.get(rel)
        blocks = table_blocks(text, ("clause",))
        if len(blocks) != len(data_of(text).get("clause", [])):
            raise EditRefusedError(f"{rel}: cannot find the clause tables of this file safely")
        texts.put(rel, cut(text, blocks[entry.position]))
        done = [f"removed {name} from {rel}"]
        if library.manifest is not None:
            manifest = texts.get(MANIFEST)
            document = parse(manifest, MANIFEST)
            named = [e for e in manifest_entries(library.manifest) if e.value == entry.id]
            for found in sorted(named, key=lambda e: e.loc, reverse=True):
                array: Any = array_of(document, found.loc[:-1])
                del array[int(found.loc[-1])]
            if named:
                texts.put(MANIFEST, dump(document, manifest))
                done.append(f"removed its ID from {MANIFEST} ({len(named)} entry(ies))")
        if citing:
            done.append(f"left {len(citing)} reference(s) to it: {', '.join(citing)}")
        return texts.edit(done)

    return plan


def referring_clauses(analysis: Analysis, clause: str) -> list[str]:
    """The clauses whose texts refer to ``clause`` (or to one of its paragraphs), as people name them."""
    placements = analysis.draft.placements if analysis.draft else {}
    found = []
    for other in analysis.library.clauses.values():
        if other.id == clause or "[[" not in other.text:
            continue
        if any(m.group(1) == clause for unit in other.units for m in references(unit.text)):
            placement = placements.get(other.id)
            found.append(
                f"{placement.label} ('{other.id}')" if placement is not None else f"'{other.id}'"
            )
    return found
