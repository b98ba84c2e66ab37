"""The values of the command line's choice options, in a module light enough for start-up.

They mirror enums of the core (``Level``, ``RequirementKind``, ``Status``,
``OutputFormat``); a test keeps the two in step. Shell completion offers them.
"""

from __future__ import annotations

OUTPUT_FORMATS = ("text", "json", "github", "gitlab", "junit", "sarif")
LEVELS = ("public", "state", "regional", "cross-cutting")
KINDS = (
    "objective",
    "consideration",
    "principle",
    "perception",
    "tradition",
    "threat",
    "instrument",
    "conceptual-cooperation",
    "material-cooperation",
    "institution",
)
STATUSES = ("proposed", "bracketed", "agreed")
LISTABLE = ("clauses", "requirements", "modules")


def starting_with(values: tuple[str, ...], incomplete: str) -> list[str]:
    """The values that complete what the user has typed so far."""
    return [value for value in values if value.startswith(incomplete)]
