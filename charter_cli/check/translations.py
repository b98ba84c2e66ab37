"""Whether each language's translation is complete, current and faithful in what a machine can see.

For every language the manifest declares:

* a unit of the library with no translation is **missing** (``CH250``): an error in
  a required language, one per unit; in another language one note counts them;
* a translation made from an original that has changed since is **stale**
  (``CH251``): an error in a required language, a warning in another, showing
  the words of the original that changed;
* a translation whose original is gone is **orphaned** (``CH252``, a warning);
* a translation that drops or adds a cross-reference or a bracket mark
  (``CH253``, an error: the draft in that language would refer elsewhere or lose
  an option), or whose numbers or defined terms differ from the original's
  (``CH254``, a warning).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from charter_cli.findings import Finding, Severity
from charter_cli.load.documents import Document
from charter_cli.load.library import Library
from charter_cli.load.project import MANIFEST
from charter_cli.load.translations import LanguageFiles, TranslatedUnit, Translations
from charter_cli.load.units import OriginalUnit, original_units
from charter_cli.load.wording import inline, normalise, word_diff
from charter_cli.models.translation import Term
from charter_cli.syntax import REFERENCE, placeholders

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class LanguageState:
    """How far one language has come: units translated, and translated from the current original."""

    code: str
    required: bool
    total: int
    translated: int
    current: int

    @property
    def complete(self) -> float:
        """The share of units translated, in per cent."""
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def up_to_date(self) -> float:
        """The share of units translated from the current original, in per cent."""
        return 100.0 * self.current / self.total if self.total else 100.0


def translation_state(library: Library, translations: Translations) -> list[LanguageState]:
    """Each language's counts (for the summary of ``charter check`` and ``translate status``)."""
    originals = original_units(library)
    states = []
    for language in translations.languages:
        units = language.units
        translated = [key for key in originals if key in units]
        current = [k for k in translated if _same(units[k].unit.original, originals[k].text)]
        states.append(
            LanguageState(
                language.code, language.required, len(originals), len(translated), len(current)
            )
        )
    return states


def check_translations(library: Library, translations: Translations) -> list[Finding]:
    """Every finding about the translations of the library."""
    findings = list(translations.findings)
    if not translations.languages:
        return findings
    originals = original_units(library)
    declared = library.manifest_line("translations", "languages")
    for language in translations.languages:
        findings += _missing(language, originals, declared)
        terms = list(language.terms)
        for key, translated in language.units.items():
            original = originals.get(key)
            if original is None:
                findings.append(_orphan(language, translated))
            elif not _same(translated.unit.original, original.text):
                findings.append(_stale(language, translated, original))
            else:
                findings += _mismatches(language, translated, original, terms)
    return findings


def _same(old: str, new: str) -> bool:
    return old == new or normalise(old) == normalise(new)


def translation_file(language: LanguageFiles, home: str) -> str:
    """Where the translation of a library file's units goes: ``translations/es/clauses/a.toml``."""
    return f"{language.folder}/{home}"


def _missing(
    language: LanguageFiles, originals: dict[str, OriginalUnit], declared: int | None
) -> list[Finding]:
    missing = [unit for key, unit in originals.items() if key not in language.units]
    if not missing:
        return []
    export = f"'charter translate export --lang {language.code}' writes them for a translator"
    if not language.required:
        share = 100 * (len(originals) - len(missing)) // max(len(originals), 1)
        return [
            Finding(
                "CH250",
                f"{len(missing)} of {len(originals)} units are not translated into "
                f"'{language.code}' yet ({share}% done)",
                MANIFEST,
                declared,
                hint=export,
                severity=Severity.NOTE,
            )
        ]
    return [
        Finding(
            "CH250",
            f"{_what(unit)} is not translated into '{language.code}' (unit '{unit.key}')",
            translation_file(language, unit.home),
            1,  # the file the unit goes in, which may hold no unit yet
            hint=export,
        )
        for unit in missing
    ]


def _what(unit: OriginalUnit) -> str:
    if unit.clause is None:
        return f"the manifest's {unit.kind} '{_short(unit.text)}'"
    return f"the {unit.kind} of clause '{unit.clause}'"


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _orphan(language: LanguageFiles, translated: TranslatedUnit) -> Finding:
    return translated.doc.finding(
        "CH252",
        f"unit '{translated.unit.key}' translates a text the library no longer has",
        ("unit", translated.position, "key"),
        hint="remove the unit, or correct its key if the clause or paragraph was renamed",
    )


def _stale(language: LanguageFiles, translated: TranslatedUnit, original: OriginalUnit) -> Finding:
    changes = inline(word_diff(translated.unit.original, original.text))
    return Finding(
        "CH251",
        f"unit '{original.key}' was translated into '{language.code}' from an earlier original; "
        f"the original has changed since: {changes}",
        translated.doc.rel,
        translated.line("original"),
        hint=f"update the translation, then its 'original'; 'charter translate export --lang "
        f"{language.code}' gives the translator the old and new original",
        severity=None if language.required else Severity.WARNING,
    )


def _mismatches(
    language: LanguageFiles,
    translated: TranslatedUnit,
    original: OriginalUnit,
    terms: list[tuple[Term, Document, int]],
) -> list[Finding]:
    text = translated.unit.text
    found: list[Finding] = []
    compared = []
    if "[[" in original.text or "[[" in text:
        compared.append(("cross-references", _references(original.text), _references(text)))
    if "{" in original.text or "{" in text:
        compared.append(("bracket marks", _marks(original.text), _marks(text)))
    for what, in_original, in_translation in compared:
        if in_original != in_translation:
            found.append(
                Finding(
                    "CH253",
                    f"unit '{original.key}' in '{language.code}' has other {what} than the "
                    f"original: {_difference(in_original, in_translation)}",
                    *_where(translated),
                    hint="keep every [[clause-id]] and {name} of the original, as written",
                )
            )
    figures = (_NUMBER.findall(original.text), _NUMBER.findall(text))
    numbers = (Counter(figures[0]), Counter(figures[1])) if figures[0] != figures[1] else None
    if numbers is not None and numbers[0] != numbers[1]:
        found.append(
            Finding(
                "CH254",
                f"unit '{original.key}' in '{language.code}' has other numbers than the "
                f"original: {_difference(numbers[0], numbers[1])}",
                *_where(translated),
                hint="write the original's figures as figures",
            )
        )
    for term, _doc, _index in terms:
        if _has_term(original.text, term.original) and term.text not in text:
            found.append(
                Finding(
                    "CH254",
                    f"unit '{original.key}' in '{language.code}' does not use the defined term "
                    f"'{term.text}' for '{term.original}'",
                    *_where(translated),
                    hint="use the term as the glossary of the language gives it",
                )
            )
    return found


def _where(translated: TranslatedUnit) -> tuple[str, int | None]:
    """The file and line of a unit's text (looked up only for a finding: lines cost time)."""
    return translated.doc.rel, translated.line("text")


def _references(text: str) -> Counter[str]:
    return Counter(match.group(0) for match in REFERENCE.finditer(text))


def _marks(text: str) -> Counter[str]:
    return Counter(f"{{{mark.name}}}" for mark in placeholders(text))


def _difference(original: Counter[str], translation: Counter[str]) -> str:
    lost = sorted((original - translation).elements())
    added = sorted((translation - original).elements())
    parts = []
    if lost:
        parts.append(f"missing {', '.join(lost)}")
    if added:
        parts.append(f"added {', '.join(added)}")
    return "; ".join(parts)


def _has_term(text: str, term: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None
