"""``charter new title`` and ``charter new chapter``: add a part to the manifest's structure."""

from __future__ import annotations

from pathlib import Path

import tomlkit

from charter_cli.draft.analysis import Analysis
from charter_cli.draft.lookup import PartRef, find_part
from charter_cli.draft.numbering import numeral
from charter_cli.edit.blocks import as_block, insert, newline_of, table_blocks
from charter_cli.edit.run import Edit, EditRefusedError, Planner
from charter_cli.edit.texts import Texts
from charter_cli.errors import InvalidInputError
from charter_cli.load.includes import is_module_entry, leaves_project
from charter_cli.load.project import CLAUSES_DIR, MANIFEST, inside
from charter_cli.models.manifest import Numbering
from charter_cli.scaffold.schemas import directive_for
from charter_cli.scaffold.tomlblock import array_of_tables


def plan_new_title(heading: str, *, before: str | None = None, after: str | None = None) -> Planner:
    """Add a title (after the last one, or before or after the title named)."""
    _one_line(heading)

    def plan(analysis: Analysis) -> Edit:
        texts = Texts(analysis.library.root)
        manifest = texts.get(MANIFEST)
        blocks = table_blocks(manifest, ("title",))
        block = array_of_tables("title", [{"heading": heading, "include": []}])
        anchor = _anchor(analysis, before, after, chapter=False)
        if anchor is None:
            at, number = (blocks[-1].end if blocks else len(manifest)), len(blocks) + 1
        else:
            spot = blocks[anchor.title_index]
            at = spot.start if before is not None else spot.end
            number = anchor.title_index + (1 if before is not None else 2)
        texts.put(MANIFEST, insert(manifest, at, as_block(block, newline_of(manifest))))
        label = f"Title {numeral(number, _numbering(analysis).titles)}"
        return texts.edit([f"added {label} '{heading}' to {MANIFEST}"])

    return plan


def plan_new_chapter(
    title: str,
    heading: str,
    *,
    before: str | None = None,
    after: str | None = None,
    module: str | None = None,
) -> Planner:
    """Add a chapter to ``title`` (at its end, or before or after one of its chapters).

    With ``module``, the chapter includes that module, created (with the chapter's
    heading as its title) if it does not exist yet; without it, the chapter starts
    empty.
    """
    _one_line(heading)

    def plan(analysis: Analysis) -> Edit:
        draft = analysis.draft
        if draft is None:
            raise EditRefusedError("charter.toml cannot be read; fix it first")
        part = find_part(draft, title)
        if part.chapter is not None:
            raise InvalidInputError(
                f"'{title}' is {part.label}, a chapter; name the title the chapter goes in",
                hint=f"e.g. --title {part.title.numeral}",
            )
        root = analysis.library.root
        texts = Texts(root)
        manifest = texts.get(MANIFEST)
        include: list[str] = []
        done = []
        if module is not None:
            rel = _module_path(root, module)
            include.append(rel)
            if not (root / rel).exists():
                document = tomlkit.document()
                document["module"] = {"title": heading}
                texts.put(rel, f"{directive_for(root / rel, root)}\n{tomlkit.dumps(document)}")
                done.append(f"created {rel}")
        block = array_of_tables("title", [{"chapter": [{"heading": heading, "include": include}]}])
        block = block[block.index("[[title.chapter]]") :]
        chapters = table_blocks(manifest, ("title", part.title_index, "chapter"))
        anchor = _anchor(analysis, before, after, chapter=True)
        if anchor is not None and anchor.title_index != part.title_index:
            raise InvalidInputError(f"{anchor.label} is not in {part.label}")
        if anchor is not None and anchor.chapter_index is not None:
            spot = chapters[anchor.chapter_index]
            at = spot.start if before is not None else spot.end
            number = anchor.chapter_index + (1 if before is not None else 2)
        else:
            titles = table_blocks(manifest, ("title",))
            at = chapters[-1].end if chapters else titles[part.title_index].end
            number = len(chapters) + 1
        texts.put(MANIFEST, insert(manifest, at, as_block(block, newline_of(manifest))))
        done.insert(0, f"added chapter {number} of {part.label} '{heading}' to {MANIFEST}")
        return texts.edit(done)

    return plan


def _numbering(analysis: Analysis) -> Numbering:
    manifest = analysis.library.manifest
    return manifest.numbering if manifest is not None else Numbering()


def _one_line(heading: str) -> None:
    if not heading.strip() or "\n" in heading or "\r" in heading:
        raise InvalidInputError("a heading is one line of text")


def _anchor(
    analysis: Analysis, before: str | None, after: str | None, *, chapter: bool
) -> PartRef | None:
    name = before if before is not None else after
    if name is None:
        return None
    if before is not None and after is not None:
        raise InvalidInputError("give --before or --after, not both")
    draft = analysis.draft
    assert draft is not None  # noqa: S101 - checked by the planners
    part = find_part(draft, name)
    if chapter != (part.chapter is not None):
        kind = "chapter" if chapter else "title"
        raise InvalidInputError(f"'{name}' is {part.label}; name a {kind}")
    return part


def _module_path(root: Path, module: str) -> str:
    rel = Path(module).as_posix()
    if (
        not is_module_entry(rel)
        or leaves_project(rel)
        or not rel.startswith(f"{CLAUSES_DIR}/")
        or not inside(root / CLAUSES_DIR, root / rel)
    ):
        raise InvalidInputError(
            f"{module}: a chapter's module is a .toml file under {CLAUSES_DIR}/",
            hint=f"e.g. {CLAUSES_DIR}/security/terrorism.toml",
        )
    return rel
