"""Schema of a translation file: the units of one module (or of the manifest) in one language.

A translation file mirrors a file of the library under the manifest's translations
folder: ``translations/es/clauses/institutions/committee.toml`` holds the Spanish
of ``clauses/institutions/committee.toml``, ``translations/es/charter.toml`` the
Spanish of the manifest's headings, formulas and party names, and the language's
glossary of defined terms. A unit is found by its key, not by its file, so a clause
moved to another module keeps its translations.
"""

from typing import Annotated

from pydantic import StringConstraints

from charter_cli.models.common import Language, Line, Model, Text

UNIT_KEY = r"^[A-Za-z0-9][^\s]*$"
UnitKey = Annotated[str, StringConstraints(pattern=UNIT_KEY, max_length=300)]
"""The key of a translated unit, e.g. ``joint-committee/title`` or ``joint-committee#review``
(see docs/translating.md for every form)."""


class TranslationInfo(Model):
    """The ``[translation]`` table: which language the file is in."""

    language: Language
    """The language of the translation (BCP 47), the name of the folder it is in."""


class Unit(Model):
    """One translated text: a title, a paragraph, a point, an option, a heading."""

    key: UnitKey
    """Which text of the original it translates (``joint-committee#review``)."""
    original: Text
    """The original text as it was when it was translated: when the original changes, the unit
    is stale, and the change is shown word by word."""
    text: Text
    """The translation. Cross-references (``[[clause-id]]``) and bracket marks (``{name}``) are
    kept as they are in the original."""
    note: Text | None = None
    """The translator's or reviewer's note; never rendered."""


class Term(Model):
    """A defined term of the original and its established translation."""

    original: Line
    """The term as the original writes it, e.g. ``State Party``."""
    text: Line
    """Its translation, e.g. ``Estado Parte``: a unit whose original holds the term must hold it."""


class TranslationFile(Model):
    """A translation file."""

    translation: TranslationInfo
    """The file's language."""
    unit: list[Unit] = []
    """The translated units."""
    term: list[Term] = []
    """Defined terms and their translations (usually in the language's ``charter.toml``)."""
