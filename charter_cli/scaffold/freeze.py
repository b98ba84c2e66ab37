"""``charter freeze``: record the article numbers of the draft in ``numbering.lock.toml``.

From then on every article named there keeps its number wherever it stands,
and an inserted article is lettered (12a), as the EU treaties number theirs
(:mod:`charter_cli.draft.frozen`). Run again, it records the numbers as they
stand, lettered ones included, and forgets those whose articles are gone (which
``CH245`` reported); with ``renumber`` the articles are numbered 1, 2, ... again
first, as a consolidation would. The file is written atomically, under the
library's lock and its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tomli_w

from charter_cli.draft.analysis import analyse
from charter_cli.draft.assemble import assemble
from charter_cli.errors import InvalidInputError
from charter_cli.load.amendments import LOCK_FILE
from charter_cli.scaffold.schemas import directive_for
from charter_cli.write.atomic import write_atomic
from charter_cli.write.lock import DEFAULT_TIMEOUT, file_lock, library_lock

HEADER = """\
# The article numbers frozen by 'charter freeze'. An article named here keeps its number
# wherever it stands; an article inserted later takes the number of the one before it and a
# letter (a new article after Article 12 is Article 12a). Written by the tool: run 'charter
# freeze' again to record the numbers of a new version, 'charter freeze --renumber' to number
# the articles 1, 2, ... again."""

_LOCK_FINDINGS = frozenset({"CH245", "CH247"})
"""Findings about the lock itself, which a new freeze answers."""


@dataclass(frozen=True)
class Frozen:
    """What ``charter freeze`` recorded."""

    path: Path
    changed: bool
    articles: int
    dropped: tuple[str, ...]
    """Clauses the previous lock named that are no longer articles."""
    renumbered: int
    """Articles whose number changed from the previous lock (with ``renumber``)."""


def lock_text(numbers: dict[str, str], version: str, header: str) -> str:
    """The text of the lock: its ``#:schema`` line, the header, the version and the numbers."""
    body = tomli_w.dumps({"version": version, "article": numbers})
    return f"{header}\n{HEADER}\n\n{body}"


def freeze(root: Path, *, renumber: bool = False, timeout: float = DEFAULT_TIMEOUT) -> Frozen:
    """Write the lock of the draft's article numbers; refused while the library has errors."""
    path = root / LOCK_FILE
    with library_lock(root, timeout=timeout), file_lock(path, timeout=timeout):
        analysis = analyse(root)
        blocking = [f for f in analysis.blocking if f.code not in _LOCK_FINDINGS]
        library = analysis.library
        if analysis.draft is None or library.manifest is None or blocking:
            first = blocking[0].format() if blocking else "charter.toml cannot be used"
            raise InvalidInputError(
                f"the draft has errors, so its numbers are not frozen: {first}",
                hint="run 'charter check' and fix them first; freeze an adopted, clean version",
            )
        draft = assemble(library, library.manifest, frozen=False) if renumber else analysis.draft
        numbers = {article.entry.id: article.numeral for article in draft.articles}
        before = library.frozen.lock.article if library.frozen and library.frozen.lock else {}
        text = lock_text(numbers, library.manifest.charter.version, directive_for(path, root))
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old != text:
            write_atomic(path, text.encode("utf-8"), replace=old is not None)
    return Frozen(
        path,
        old != text,
        len(numbers),
        tuple(clause for clause in before if clause not in numbers),
        sum(1 for clause, numeral in numbers.items() if before.get(clause, numeral) != numeral),
    )
