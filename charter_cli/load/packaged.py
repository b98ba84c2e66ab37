"""Catalogues shipped with charter, named in a manifest as ``charter:NAME``.

The catalogue of the 2008 study (``charter:grabendorff-2008``) ships inside the
package, with the text its quotes are checked against, so a new project can
measure its draft against the study without copying it. Findings name these
files ``charter:grabendorff-2008`` and ``charter:grabendorff-2008.txt``, never
by the folder pip installed them in, so a report reads the same on every
machine.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

PREFIX = "charter:"
"""How a manifest names a catalogue shipped with charter: ``charter:grabendorff-2008``."""

CATALOGUES = Path(__file__).resolve().parent.parent / "catalogues"
"""The folder of the packaged catalogues and their source texts."""


def is_packaged(source: str) -> bool:
    """Whether a manifest's ``sources`` entry names a packaged catalogue."""
    return source.startswith(PREFIX)


def packaged_names() -> list[str]:
    """Every packaged catalogue, as a manifest names it, in sorted order."""
    return sorted(PREFIX + path.stem for path in CATALOGUES.glob("*.toml"))


def packaged_path(source: str) -> Path | None:
    """The file of the packaged catalogue ``source`` (``charter:NAME``), or ``None`` if none ships.

    A name is one plain file name: no folder, no suffix, nothing that leads out
    of the folder of catalogues.
    """
    name = source.removeprefix(PREFIX)
    if not name or PurePosixPath(name).name != name or name.startswith("."):
        return None
    path = CATALOGUES / f"{name}.toml"
    return path if source in packaged_names() else None


def packaged_rel(path: Path) -> str:
    """How findings name a packaged file: ``charter:NAME`` for a catalogue, ``charter:NAME.txt``.

    ``path`` lies in :data:`CATALOGUES` (the text a catalogue names is looked for
    there, and refused if it leads out).
    """
    rel = path.relative_to(CATALOGUES).as_posix()
    return PREFIX + (rel.removesuffix(".toml") if rel.endswith(".toml") else rel)
