"""One-line summaries of a run, and the lists of findings commands show on stderr."""

from __future__ import annotations

from charter_cli.cli import console
from charter_cli.draft.analysis import Analysis
from charter_cli.draft.coverage import Coverage, in_section
from charter_cli.errors import InvalidInputError
from charter_cli.findings import Severity, codes
from charter_cli.render.reports.shared import ReportPaths
from charter_cli.suggest import did_you_mean
from charter_cli.vocabulary import JOINT


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def check_summary(analysis: Analysis, *, strict: bool) -> str:
    """One line: how many errors and warnings, and how much is covered."""
    errors = analysis.count(Severity.ERROR)
    warnings = analysis.count(Severity.WARNING)
    notes = analysis.count(Severity.NOTE)
    if not errors and not warnings:
        head = "no findings" if not notes else f"no errors or warnings, {plural(notes, 'note')}"
    else:
        head = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
        head += f", {plural(notes, 'note')}" if notes else ""
        head += " (warnings fail under --strict)" if strict and warnings else ""
    return f"{head}; {draft_summary(analysis)}"


def draft_summary(analysis: Analysis) -> str:
    """Articles, recitals and coverage of the draft, in one phrase."""
    library = analysis.library
    translations = analysis.translations
    extra = sum(len(lang.files) for lang in translations.languages) if translations else 0
    files = plural(library.files_read + extra, "file")
    if analysis.draft is None or analysis.coverage is None:
        return f"{files} read; no draft: charter.toml has errors, so placement and coverage were not checked"
    cov = analysis.coverage
    if not library.damage.manifest_clean:
        return (
            f"{plural(len(analysis.draft.articles), 'article')}; charter.toml has errors, "
            f"so placement and coverage were not judged; {files} read"
        )
    broken = library.damage.broken_requirements
    uncounted = f" ({broken} more with errors not counted)" if broken else ""
    return (
        f"{plural(len(analysis.draft.articles), 'article')}, "
        f"{plural(len(analysis.draft.recitals), 'recital')}; "
        f"{cov.covered} of {plural(len(cov.items), 'requirement')} covered{uncounted}"
        f"{_by_agreed_text(cov)}{_languages(analysis)}; {files} read"
    )


def _languages(analysis: Analysis) -> str:
    """``; translated: es 100% (98% current), pt 96%`` when the charter has translations."""
    translations = analysis.translations
    if translations is None or not translations.languages:
        return ""
    from charter_cli.check.translations import translation_state

    parts = []
    for state in translation_state(analysis.library, translations):
        part = f"{state.code} {state.complete:.0f}%"
        if state.current != state.translated:
            part += f" ({state.up_to_date:.0f}% current)"
        parts.append(part)
    return f"; translated: {', '.join(parts)}"


def _by_agreed_text(coverage: Coverage) -> str:
    """`` (120 by agreed text alone, 2 waived)``, when that differs from the covered count."""
    parts = []
    if coverage.covered_by_agreed_text != coverage.covered:
        parts.append(f"{coverage.covered_by_agreed_text} by agreed text alone")
    if coverage.waived:
        parts.append(f"{coverage.waived} waived")
    return f" ({', '.join(parts)})" if parts else ""


def finding_lines(analysis: Analysis, paths: ReportPaths) -> list[str]:
    """The findings of a run that stopped, one line each, the errors that stopped it last.

    Warnings and other findings come first, coverage findings as one count (they
    do not stop anything, and a hundred of them would bury the errors), then the
    blocking errors, so the last lines on the screen are the ones to fix.
    """
    blocking = analysis.blocking
    stopped = set(blocking)
    coverage = [f for f in analysis.findings if codes()[f.code].coverage and f not in stopped]
    listed = set(coverage) | stopped
    lines = [paths.locate(f).format() for f in analysis.findings if f not in listed]
    if coverage:
        lines.append(
            f"note: {plural(len(coverage), 'coverage finding')} not listed here; "
            "'charter check' lists every finding"
        )
    return lines + [paths.locate(f).format() for f in blocking]


def note_problems(analysis: Analysis) -> None:
    """Say on stderr that the library has errors, after a listing that does not show them."""
    errors = analysis.blocking
    if errors:
        console.err(f"note: the library has {len(errors)} error(s); run 'charter check'")


def known_section(analysis: Analysis, section: str | None) -> None:
    """Refuse a ``--section`` that no catalogue declares and no requirement names."""
    if section is None:
        return
    sections = list(
        dict.fromkeys(
            [s.id for c in analysis.library.catalogues for _, s in c.file.sections]
            + [e.requirement.section for e in analysis.library.requirements.values()]
        )
    )
    if any(in_section(name, section) for name in sections):
        return
    guess = did_you_mean(section, sections)
    listing = f"the sections: {', '.join(sections)}" if sections else "the sources declare none"
    raise InvalidInputError(
        f"no section '{section}' in the sources",
        hint=f"{guess} {listing[:1].upper()}{listing[1:]}" if guess else listing,
    )


def known_party(analysis: Analysis, party: str | None) -> None:
    """Refuse a ``--party`` that the manifest does not declare (``joint`` is always known)."""
    names = [p.id for p in analysis.library.parties]
    if party is None or party in (*names, JOINT) or not analysis.library.damage.parties_known:
        return
    same = [name for name in (*names, JOINT) if name.casefold() == party.casefold()]
    guess = f"did you mean '{same[0]}'?" if same else did_you_mean(party, [*names, JOINT])
    listing = f"the parties: {', '.join([*names, JOINT])}"
    raise InvalidInputError(
        f"no party '{party}' in charter.toml",
        hint=f"{guess} {listing[:1].upper()}{listing[1:]}" if guess else listing,
    )
