"""What an editing command is asked to act on: a clause, one of its paragraphs, a part of the draft."""

from __future__ import annotations

from charter_cli.draft.analysis import Analysis
from charter_cli.draft.lookup import find_item
from charter_cli.errors import InvalidInputError, UnknownIdError
from charter_cli.load.entries import ClauseEntry
from charter_cli.suggest import did_you_mean


def clause_target(analysis: Analysis, target: str) -> tuple[ClauseEntry, str | None]:
    """The clause named by ``ID``, ``Article N`` or ``N``, and the paragraph of ``ID#paragraph``."""
    name, _, paragraph = target.partition("#")
    found = find_item(analysis, name)
    if not isinstance(found, ClauseEntry):
        raise InvalidInputError(
            f"'{name}' is a requirement; only clauses can be edited this way",
            hint="run 'charter list' to see the clauses",
        )
    if not paragraph:
        return found, None
    ids = [p.id for p in found.paragraphs]
    if paragraph not in ids:
        raise UnknownIdError(
            f"'{found.id}' has no paragraph '{paragraph}'",
            hint=did_you_mean(paragraph, ids) or f"its paragraphs are: {', '.join(ids)}",
        )
    return found, paragraph
