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


class ExchangeFormat(StrEnum):
    """The files of ``charter translate export``."""

    XLIFF = "xliff"
    PO = "po"


class CoverageFormat(StrEnum):
    """The output formats of ``charter coverage --output-format``."""

    TEXT = "text"
    JSON = "json"


class OutlineFormat(StrEnum):
    """The formats of ``charter outline``."""

    TEXT = "text"
    JSON = "json"


class Listable(StrEnum):
    """What ``charter list`` lists."""

    CLAUSES = "clauses"
    REQUIREMENTS = "requirements"
    MODULES = "modules"


class Rendering(StrEnum):
    """The three renderings of one library (``charter build --text``)."""

    COMPILATION = "compilation"
    """Every bracket, alternative, proposal and reservation marked, with the parties."""
    AGREED = "agreed"
    """Only what is agreed: open words dropped with an ellipsis, open articles listed at the end."""
    CLEAN = "clean"
    """The reading text: every provision and option, without parties, reservations or notes."""


class ReservationKind(StrEnum):
    """What a party's reservation on an article or paragraph is."""

    GENERAL = "general"
    """The party does not (yet) accept the provision."""
    SCRUTINY = "scrutiny"
    """The party has not finished examining the provision."""
    PARLIAMENTARY = "parliamentary"
    """The party's parliament has yet to examine the provision."""
    LINGUISTIC = "linguistic"
    """The party has not finished checking the provision in its language."""


class PartyKind(StrEnum):
    """What a negotiating party is."""

    BLOC = "bloc"
    """One of the regions' blocs, such as the EU or the Latin American and Caribbean States."""
    GROUP = "group"
    """A sub-regional group, such as Mercosur or the Andean Community."""
    STATE = "state"
    """A single State."""


class Numerals(StrEnum):
    """How titles and chapters are numbered."""

    ROMAN = "roman"
    ARABIC = "arabic"


class ChapterScope(StrEnum):
    """Whether chapter numbers start again in each title or run across the whole charter."""

    TITLE = "title"
    CHARTER = "charter"


class ParagraphStyle(StrEnum):
    """How the paragraphs of an article are numbered."""

    PERIOD = "1."
    PARENTHESES = "(1)"


class PointStyle(StrEnum):
    """How the points of a paragraph are lettered."""

    PARENTHESES = "(a)"
    CLOSING = "a)"


class AmendmentKind(StrEnum):
    """What an amendment does to the text it targets."""

    REPLACE = "replace"
    """Gives the article, paragraph or point new wording."""
    INSERT = "insert"
    """Adds a new article, paragraph or point after (or before) the one it names."""
    DELETE = "delete"
    """Deletes the article, paragraph or point."""


class Outcome(StrEnum):
    """Where an amendment stands in the committee's procedure."""

    TABLED = "tabled"
    """Tabled and not yet voted on."""
    ADOPTED = "adopted"
    """Adopted by the committee: to be written into the text (``charter apply``)."""
    REJECTED = "rejected"
    """Put to the vote and rejected."""
    WITHDRAWN = "withdrawn"
    """Withdrawn by its authors before the vote."""
    FALLEN = "fallen"
    """Not put to the vote because an incompatible amendment was adopted first."""
    REPLACED = "replaced"
    """Replaced by a compromise amendment (named in ``replaced_by``)."""


class DiffFormat(StrEnum):
    """The output formats of ``charter diff``."""

    TEXT = "text"
    MD = "md"
    JSON = "json"


class DocumentFormat(StrEnum):
    """The output formats of ``charter amendments``."""

    MD = "md"
    JSON = "json"
    AKN = "akn"
    """Akoma Ntoso 3.0 XML: the amendments as ``amendment`` documents (not the voting list)."""


class Format(StrEnum):
    """The formats ``charter build --format`` writes."""

    MD = "md"
    """Markdown, with front matter."""
    HTML = "html"
    """One self-contained, accessible HTML page."""
    DOCX = "docx"
    """A Word document."""
    PDF = "pdf"
    """A typeset PDF."""
    AKN = "akn"
    """Akoma Ntoso 3.0 XML (OASIS LegalDocML)."""
