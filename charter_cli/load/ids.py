"""The ID index: every clause and requirement ID once, duplicates reported (``CH201``, ``CH202``).

Lines are looked up only for the IDs that collide, so a clean library never
scans its files for positions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from charter_cli.findings import Finding
from charter_cli.load.entries import ClauseEntry, RequirementEntry

Entry = ClauseEntry | RequirementEntry
E = TypeVar("E", ClauseEntry, RequirementEntry)


@dataclass
class IdIndex:
    """Claims IDs in order; the first definition of an ID wins."""

    first: dict[str, Entry] = field(default_factory=dict)
    folded: dict[str, Entry] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def claim(self, entry: Entry) -> bool:
        """Index ``entry``; ``False`` (and a ``CH201``) if its ID is already defined."""
        earlier = self.first.get(entry.id)
        if earlier is not None:
            self.findings.append(
                entry.finding(
                    "CH201",
                    f"duplicate ID '{entry.id}': already defined at {earlier.location}",
                    "id",
                    hint="IDs are unique across all clauses and requirements; rename one",
                )
            )
            return False
        key = entry.id.casefold()
        other = self.folded.get(key)
        if other is None:
            self.folded[key] = entry
        else:
            self.findings.append(
                entry.finding(
                    "CH202",
                    f"ID '{entry.id}' differs only by letter case from '{other.id}' at "
                    f"{other.location}",
                    "id",
                    hint="use one spelling for one thing, or rename one",
                )
            )
        self.first[entry.id] = entry
        return True

    def claim_all(self, entries: Iterable[E]) -> tuple[list[E], list[E]]:
        """Claim each entry in order; return the winners and the shadowed duplicates."""
        won: list[E] = []
        lost: list[E] = []
        for entry in entries:
            (won if self.claim(entry) else lost).append(entry)
        return won, lost
