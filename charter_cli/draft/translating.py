"""What goes to a translator: the units of one language that are missing or stale, with their context."""

from __future__ import annotations

from dataclasses import dataclass

from charter_cli.check.translations import translation_file
from charter_cli.draft.analysis import Analysis
from charter_cli.draft.model import Article, Recital
from charter_cli.errors import InvalidInputError
from charter_cli.load.translations import LanguageFiles
from charter_cli.load.units import OriginalUnit, original_units
from charter_cli.load.wording import normalise
from charter_cli.suggest import did_you_mean


@dataclass(frozen=True)
class ExportUnit:
    """One unit for a translator: the original, and what is known of its translation."""

    key: str
    source: str
    """The original as it is now."""
    home: str
    """The library file that holds the original."""
    context: str
    """Where the text stands, for the translator: ``Article 12(2) — Joint committee``."""
    target: str | None = None
    """The translation there is, if any (for a stale unit: the previous translation)."""
    previous_source: str | None = None
    """For a stale unit: the original the previous translation was made from."""

    @property
    def stale(self) -> bool:
        """Whether the unit was translated from an earlier original."""
        return self.previous_source is not None


@dataclass(frozen=True)
class Export:
    """The units of one language for a translator."""

    source_language: str
    language: str
    units: tuple[ExportUnit, ...]


def language_of(analysis: Analysis, code: str) -> LanguageFiles:
    """The declared language ``code``, or an error naming the declared ones."""
    translations = analysis.translations
    found = translations.language(code) if translations is not None else None
    if found is None:
        declared = [lang.code for lang in translations.languages] if translations else []
        raise InvalidInputError(
            f"'{code}' is not a language of the charter's translations",
            hint=did_you_mean(code, declared)
            or (
                f"the languages are: {', '.join(declared)}"
                if declared
                else 'declare it in charter.toml: [translations] languages = ["' + code + '"]'
            ),
        )
    return found


def export_units(analysis: Analysis, code: str, *, everything: bool = False) -> Export:
    """The units of language ``code`` that are missing or stale (every unit with ``everything``)."""
    language = language_of(analysis, code)
    original = analysis.translations.original if analysis.translations else "en"
    contexts = _contexts(analysis)
    units = []
    for key, unit in original_units(analysis.library).items():
        translated = language.units.get(key)
        context = contexts.get(key, _context(unit))
        if translated is None:
            units.append(ExportUnit(key, unit.text, unit.home, context))
            continue
        if normalise(translated.unit.original) != normalise(unit.text):
            units.append(
                ExportUnit(
                    key,
                    unit.text,
                    unit.home,
                    context,
                    translated.unit.text,
                    translated.unit.original,
                )
            )
        elif everything:
            units.append(ExportUnit(key, unit.text, unit.home, context, translated.unit.text))
    return Export(original, code, tuple(units))


def _context(unit: OriginalUnit) -> str:
    if unit.clause is None:
        return {"heading": "heading", "formula": "preamble", "party": "party name"}.get(
            unit.kind, unit.kind
        )
    return f"clause {unit.clause}, {unit.kind}"


def _contexts(analysis: Analysis) -> dict[str, str]:
    """``Article 12(2) — Joint committee`` for each unit of a placed clause."""
    draft = analysis.draft
    if draft is None:
        return {}
    found: dict[str, str] = {}
    for placement in draft.placements.values():
        entry = placement.entry
        title = entry.clause.title
        label = placement.label
        found[f"{entry.id}/title"] = f"{label}, title"
        for number, paragraph in enumerate(entry.paragraphs, start=1):
            where = (
                f"{placement.cite(paragraph.id)}"
                if isinstance(placement, Article)
                else f"{label}, paragraph {number}"
            )
            base = f"{entry.id}#{paragraph.id}"
            found[base] = f"{where} — {title}"
            for option in paragraph.alternative:
                found[f"{base}@{option.party}"] = (
                    f"{where}, alternative of {option.party} — {title}"
                )
            for point in paragraph.point:
                cite = (
                    placement.cite(paragraph.id, point.id)
                    if isinstance(placement, Article)
                    else where
                )
                found[f"{base}.{point.id}"] = f"{cite} — {title}"
            for name, options in paragraph.bracket.items():
                for option in options:
                    found[f"{base}{{{name}}}@{option.party}"] = (
                        f"{where}, option of {option.party} for {{{name}}} — {title}"
                    )
        if isinstance(placement, Recital):
            found[f"{entry.id}/title"] = f"{label} (the title is not shown in the draft)"
    return found


def target_file(language: LanguageFiles, home: str) -> str:
    """The translation file a unit of ``home`` is written to when it is new."""
    return translation_file(language, home)
