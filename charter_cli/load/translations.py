"""Read the translations: one folder per language under the manifest's translations folder.

Each ``.toml`` file under ``translations/<language>/`` is a translation file
(:class:`~charter_cli.models.translation.TranslationFile`); its units are gathered
by key, whatever file holds them. Reading reports what is wrong with the files
themselves (``CH0xx``, ``CH1xx``), a unit key given twice in one language and a
file whose ``language`` is not its folder's (``CH255``), and a folder of a language
the manifest does not declare (``CH255``, a warning). Whether the units are
complete and current is the check stage's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from charter_cli.findings import Finding, Severity
from charter_cli.load.documents import Document, read_document
from charter_cli.load.library import Library
from charter_cli.load.project import inside, relative
from charter_cli.load.salvage import salvage
from charter_cli.load.schema import validate
from charter_cli.load.walk import toml_paths
from charter_cli.models.translation import Term, TranslationFile, Unit

if TYPE_CHECKING:
    from charter_cli.load.cache import ParseCache


@dataclass(frozen=True, slots=True)
class TranslatedUnit:
    """A unit of a translation file, with the file and position it was read from."""

    unit: Unit
    doc: Document
    position: int

    def line(self, *keys: str) -> int | None:
        """The line of the unit (or of one of its keys) in its file."""
        return self.doc.line(("unit", self.position, *keys))


@dataclass(frozen=True)
class LanguageFiles:
    """What one language's folder holds."""

    code: str
    required: bool
    folder: str
    """The language's folder, relative to the project root (``translations/es``)."""
    units: Mapping[str, TranslatedUnit]
    terms: tuple[tuple[Term, Document, int], ...] = ()
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class Translations:
    """Every language of the charter's translations, as read."""

    original: str
    """The charter's own language."""
    languages: tuple[LanguageFiles, ...] = ()
    findings: tuple[Finding, ...] = field(default=())

    def language(self, code: str) -> LanguageFiles | None:
        """The language with this code, if the manifest declares it."""
        return next((lang for lang in self.languages if lang.code == code), None)


def load_translations(library: Library, cache: ParseCache | None = None) -> Translations:
    """Read the folder of every language the manifest declares (none without a manifest).

    ``cache`` holds files parsed by earlier runs, as for the library's own files.
    """
    manifest = library.manifest
    if manifest is None:
        return Translations("en")
    settings = manifest.translations
    original = manifest.charter.language
    root = library.root
    base = root / settings.folder
    findings: list[Finding] = []
    if not inside(root, base):
        findings.append(
            Finding(
                "CH214",
                f"the translations folder '{settings.folder}' is outside the project",
                "charter.toml",
                library.manifest_line("translations", "folder"),
            )
        )
        return Translations(original, (), tuple(findings))
    languages = []
    for code in dict.fromkeys(settings.languages):
        language, found = _load_language(root, base / code, code, code in settings.required, cache)
        languages.append(language)
        findings += found
    findings += _undeclared(root, base, [*settings.languages, original])
    return Translations(original, tuple(languages), tuple(findings))


def _load_language(
    root: Path, folder: Path, code: str, required: bool, cache: ParseCache | None
) -> tuple[LanguageFiles, list[Finding]]:
    paths, findings = toml_paths(root, folder)
    units: dict[str, TranslatedUnit] = {}
    terms: list[tuple[Term, Document, int]] = []
    for path in paths:
        doc = read_document(path, relative(root, path), cache=cache)
        if isinstance(doc, Finding):
            findings.append(doc)
            continue
        model, problems = validate(doc, TranslationFile)
        findings += problems
        if model is not None:
            read = list(enumerate(model.unit))
            terms += [(term, doc, index) for index, term in enumerate(model.term)]
        else:
            read, _ = salvage(doc, "unit", Unit)
        info = doc.data.get("translation")
        language = info.get("language") if isinstance(info, dict) else None
        if isinstance(language, str) and language != code:
            findings.append(
                doc.finding(
                    "CH255",
                    f"the file says it is in '{language}' but is in the folder of '{code}'",
                    ("translation", "language"),
                    hint=f"move it to the folder of '{language}', or correct its language",
                )
            )
        for position, unit in read:
            entry = TranslatedUnit(unit, doc, position)
            first = units.setdefault(unit.key, entry)
            if first is not entry:
                findings.append(
                    doc.finding(
                        "CH255",
                        f"unit '{unit.key}' is translated twice in '{code}': "
                        f"first at {first.doc.rel}:{first.line('key')}",
                        ("unit", position, "key"),
                        hint="keep one of the two",
                    )
                )
    files = tuple(relative(root, path) for path in paths)
    return LanguageFiles(
        code, required, relative(root, folder), units, tuple(terms), files
    ), findings


def _undeclared(root: Path, base: Path, declared: list[str]) -> list[Finding]:
    if not base.is_dir():
        return []
    return [
        Finding(
            "CH255",
            f"'{folder.name}' is not a language of the manifest's [translations]; its files are not read",
            relative(root, folder),
            hint=f'add "{folder.name}" to languages in charter.toml, or remove the folder',
            severity=Severity.WARNING,
        )
        for folder in sorted(base.iterdir())
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in declared
    ]
