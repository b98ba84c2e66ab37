"""The JSON report: a documented, versioned shape, defined once by the models below.

``schema_version`` changes only when a field is removed or changes meaning;
new fields may be added within a version. ``charter schema`` writes the JSON
Schema of this report as ``check-report.schema.json``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from charter_cli import __version__
from charter_cli.draft.analysis import Analysis
from charter_cli.draft.coverage import Coverage, RequirementCoverage
from charter_cli.draft.model import Article
from charter_cli.findings import Severity
from charter_cli.render.reports.shared import PROJECT_RELATIVE, ReportPaths

SCHEMA_VERSION = 2
"""2: ``file`` is relative to the report root (the repository's root), and ``project`` says where
the project lies in it; 1 named files relative to the project root."""


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Tool(_Out):
    """The program that wrote the report."""

    name: str
    """Always ``charter``."""
    version: str
    """Version of charter-drafter."""


class FindingOut(_Out):
    """One finding."""

    code: str
    """Stable code, e.g. ``CH203`` (see docs/checking.md)."""
    severity: Severity
    """``error`` or ``warning``."""
    file: str
    """Path relative to the report root (by default the repository's root), with ``/`` separators."""
    line: int | None
    """1-based line, or null when the finding concerns a whole file."""
    message: str
    """What is wrong."""
    hint: str
    """How to fix it: specific where the fix is obvious, else the usual fix for the code."""


class CoveringPart(_Out):
    """An article or recital of the draft that covers a requirement."""

    clause: str
    """Clause ID."""
    article: int | None
    """The article's place among the articles (1, 2, ...), or null for a recital; its number as the
    draft shows it (``12a`` under a frozen numbering) is in ``citation``."""
    recital: int | None
    """Recital number, or null for an article."""
    paragraph: int | None = None
    """The paragraph's number, when a paragraph (or one of its points) covers it."""
    citation: str
    """How the text cites the covering part: ``Article 23(2)``, ``Recital 2``."""
    open: bool
    """Whether the covering text is not yet agreed (it would fall if every open bracket fell)."""


class RequirementOut(_Out):
    """Coverage of one requirement."""

    id: str
    """Requirement ID."""
    source: str | None
    """ID of the source document."""
    section: str
    """Section of the source."""
    level: str
    """public, state, regional or cross-cutting."""
    kind: str
    """Kind of requirement (instrument, principle, ...)."""
    covered: bool
    """Whether an article or recital of the assembled draft covers it (agreed or open text)."""
    state: str
    """``covered`` (by agreed text), ``at-risk`` (only by open text), ``waived`` or ``uncovered``."""
    covered_by: list[CoveringPart]
    """The parts of the draft that cover it, in draft order."""


class Summary(_Out):
    """Totals of the run."""

    errors: int
    """Number of error findings."""
    warnings: int
    """Number of warning findings."""
    notes: int
    """Number of note findings (never fail a run)."""
    strict: bool
    """Whether warnings fail the run (``--strict``)."""
    exit_code: int
    """The exit code of the run: 0 clean, 1 findings, 2 unreadable input."""
    files: int
    """TOML files read."""
    articles: int | None
    """Articles of the assembled draft (null when the manifest could not be used)."""
    recitals: int | None
    """Recitals of the assembled draft."""
    requirements: int
    """Requirements of the manifest's sources."""
    covered: int
    """Requirements covered by the draft (agreed or open text)."""
    covered_by_agreed_text: int
    """Requirements that agreed text alone covers."""
    waived: int
    """Requirements deliberately not addressed (``[[waiver]]`` in the manifest)."""


class CheckReport(_Out):
    """The JSON report of ``charter check --output-format json``."""

    schema_version: int
    """Version of this shape; see docs/checking.md."""
    tool: Tool
    """The program that wrote it."""
    project: str
    """The project's folder (where charter.toml is) relative to the report root, with ``/`` separators; empty when they are the same."""
    summary: Summary
    """Totals."""
    findings: list[FindingOut]
    """Every finding, sorted by file and line."""
    coverage: list[RequirementOut]
    """Every requirement in catalogue order."""


def requirement_out(item: RequirementCoverage) -> RequirementOut:
    """One requirement's coverage, as both JSON reports give it."""
    return RequirementOut(
        id=item.entry.id,
        source=item.entry.catalogue.source.id if item.entry.catalogue.source else None,
        section=item.entry.requirement.section,
        level=item.entry.requirement.level.value,
        kind=item.entry.requirement.kind.value,
        covered=item.covered,
        state=item.state.value,
        covered_by=[
            CoveringPart(
                clause=c.placement.entry.id,
                article=c.placement.number if isinstance(c.placement, Article) else None,
                recital=None if isinstance(c.placement, Article) else c.placement.number,
                paragraph=c.placement.paragraph_number(c.paragraph)
                if isinstance(c.placement, Article) and c.paragraph is not None
                else None,
                citation=c.citation,
                open=c.open,
            )
            for c in item.covering
        ],
    )


def build_report(
    analysis: Analysis, *, strict: bool = False, paths: ReportPaths = PROJECT_RELATIVE
) -> CheckReport:
    """The report as a model (also used by the other formats' tests)."""
    draft, coverage = analysis.draft, analysis.coverage
    items = coverage.items if coverage else ()
    requirements = [requirement_out(item) for item in items]
    summary = Summary(
        errors=analysis.count(Severity.ERROR),
        warnings=analysis.count(Severity.WARNING),
        notes=analysis.count(Severity.NOTE),
        strict=strict,
        exit_code=int(analysis.exit_code(strict=strict)),
        files=analysis.library.files_read,
        articles=len(draft.articles) if draft else None,
        recitals=len(draft.recitals) if draft else None,
        requirements=len(items),
        covered=sum(item.covered for item in items),
        covered_by_agreed_text=coverage.covered_by_agreed_text if coverage else 0,
        waived=coverage.waived if coverage else 0,
    )
    findings = [
        FindingOut(
            code=f.code,
            severity=f.level,
            file=paths.of(f.file),
            line=f.line,
            message=f.message,
            hint=f.advice,
        )
        for f in analysis.findings
    ]
    return CheckReport(
        schema_version=SCHEMA_VERSION,
        tool=Tool(name="charter", version=__version__),
        project=paths.project,
        summary=summary,
        findings=findings,
        coverage=requirements,
    )


def render(
    analysis: Analysis, *, strict: bool = False, paths: ReportPaths = PROJECT_RELATIVE
) -> str:
    """The report as indented JSON."""
    return build_report(analysis, strict=strict, paths=paths).model_dump_json(indent=2) + "\n"


COVERAGE_SCHEMA_VERSION = 1
"""Version of the shape of ``charter coverage --output-format json``."""


class Counts(_Out):
    """How many requirements stand where."""

    total: int
    """Requirements counted."""
    covered: int
    """Covered by the draft, by agreed or open text."""
    covered_by_agreed_text: int
    """Covered by agreed text (text that stays if every open bracket falls)."""
    at_risk: int
    """Covered only by text not yet agreed."""
    waived: int
    """Deliberately not addressed (``[[waiver]]`` in the manifest)."""
    uncovered: int
    """Neither covered nor waived."""


class CellOut(Counts):
    """The requirements of one level and kind: one cell of the coverage map."""

    level: str
    """public, state, regional or cross-cutting."""
    kind: str
    """Kind of requirement (instrument, principle, ...)."""


class CoverageReport(_Out):
    """The JSON report of ``charter coverage --output-format json``."""

    schema_version: int
    """Version of this shape."""
    tool: Tool
    """The program that wrote it."""
    summary: Counts
    """All the requirements shown."""
    cells: list[CellOut]
    """Level by kind, in the order of the levels and kinds; only cells that hold requirements."""
    requirements: list[RequirementOut]
    """Every requirement shown, in catalogue order."""


def build_coverage_report(coverage: Coverage) -> CoverageReport:
    """The coverage report as a model: totals, the level x kind cells, every requirement."""
    cells = [
        CellOut(
            level=level.value,
            kind=kind.value,
            total=tally.total,
            covered=tally.covered,
            covered_by_agreed_text=tally.agreed,
            at_risk=tally.at_risk,
            waived=tally.waived,
            uncovered=tally.uncovered,
        )
        for (level, kind), tally in coverage.summary().items()
    ]
    totals = {field: sum(getattr(cell, field) for cell in cells) for field in Counts.model_fields}
    return CoverageReport(
        schema_version=COVERAGE_SCHEMA_VERSION,
        tool=Tool(name="charter", version=__version__),
        summary=Counts(**totals),
        cells=cells,
        requirements=[requirement_out(item) for item in coverage.items],
    )


def render_coverage(coverage: Coverage) -> str:
    """The coverage report as indented JSON."""
    return build_coverage_report(coverage).model_dump_json(indent=2) + "\n"
