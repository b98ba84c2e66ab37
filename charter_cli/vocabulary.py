"""The tool's shared vocabulary: the closed sets of values that files and options take.

Standard library only, so that the Pydantic models validate against these enums
and the Typer options offer, complete and validate the same values without
importing anything heavy at start-up.
"""

from __future__ import annotations

from enum import StrEnum

JOINT = "joint"
"""The proposing party of a clause put forward by all parties together."""


class Level(StrEnum):
    """The security level a requirement belongs to."""

    PUBLIC = "public"
    STATE = "state"
    REGIONAL = "regional"
    CROSS_CUTTING = "cross-cutting"


class RequirementKind(StrEnum):
    """What sort of thing the source asks the charter to address."""

    OBJECTIVE = "objective"
    CONSIDERATION = "consideration"
    PRINCIPLE = "principle"
    PERCEPTION = "perception"
    TRADITION = "tradition"
    THREAT = "threat"
    INSTRUMENT = "instrument"
    CONCEPTUAL_COOPERATION = "conceptual-cooperation"
    MATERIAL_COOPERATION = "material-cooperation"
    INSTITUTION = "institution"


class Status(StrEnum):
    """Where a clause stands in the negotiation."""

    PROPOSED = "proposed"
    """Put forward by a party; not yet discussed to agreement."""
    BRACKETED = "bracketed"
    """Text under dispute: rendered in [square brackets] with the proposing party."""
    AGREED = "agreed"
    """Agreed ad referendum by the drafting committee."""


class OutputFormat(StrEnum):
    """The report formats of ``charter check --output-format``."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    GITLAB = "gitlab"
    JUNIT = "junit"
    SARIF = "sarif"


class Listable(StrEnum):
    """What ``charter list`` lists."""

    CLAUSES = "clauses"
    REQUIREMENTS = "requirements"
    MODULES = "modules"
