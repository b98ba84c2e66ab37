"""Translation state: missing, stale, orphaned, mismatched units, per language and severity."""

from __future__ import annotations

from pathlib import Path

from charter_cli.draft.analysis import analyse
from charter_cli.findings import Finding, Severity
from charter_cli.load.units import original_units
from helpers import WriteProject

DECLARE = '\n[translations]\nlanguages = ["es", "fr"]\nrequired = ["es"]\n'


def _project(write_project: WriteProject, es_units: str = "", fr_units: str = "") -> Path:
    root = write_project()
    manifest = root / "charter.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + DECLARE, encoding="utf-8")
    for code, units in (("es", es_units), ("fr", fr_units)):
        if units:
            path = root / "translations" / code / "clauses/institutions/committee.toml"
            path.parent.mkdir(parents=True)
            path.write_text(f'[translation]\nlanguage = "{code}"\n\n{units}', encoding="utf-8")
    return root


def _codes(findings: tuple[Finding, ...]) -> list[tuple[str, str, int | None, Severity]]:
    return [(f.code, f.file, f.line, f.level) for f in findings if f.code.startswith("CH25")]


def test_every_unit_of_the_library_has_a_stable_key(write_project: WriteProject) -> None:
    keys = list(original_units(analyse(write_project()).library))
    assert keys == [
        "charter/title", "preamble/heading", "preamble/opening", "preamble/closing",
        "title:objectives", "title:institutions", "party:EU", "party:LAC",
        "joint-committee/title", "joint-committee#establishment",
        "joint-committee#establishment{frequency}@EU", "joint-committee#establishment{frequency}@LAC",
        "joint-committee#review", "recital-purpose/title", "recital-purpose#p1",
        "objectives/title", "objectives#p1",
    ]  # fmt: skip


def test_missing_units_are_errors_in_a_required_language_and_one_note_in_another(
    write_project: WriteProject,
) -> None:
    findings = analyse(_project(write_project)).findings
    es = [f for f in findings if f.code == "CH250" and "'es'" in f.message]
    assert len(es) == 17 and all(f.level is Severity.ERROR for f in es)
    assert es[0].file == "translations/es/charter.toml"
    fr = [f for f in findings if f.code == "CH250" and "'fr'" in f.message]
    assert [(f.level, f.message) for f in fr] == [
        (Severity.NOTE, "17 of 17 units are not translated into 'fr' yet (0% done)")
    ]


REVIEW = """[[unit]]
key = "joint-committee#review"
original = "The Joint Committee shall follow up the implementation of this Charter and review it every two years."
text = "El Comité Mixto hará el seguimiento de la aplicación de la presente Carta y la revisará cada dos años."
"""


def test_a_stale_unit_shows_the_words_that_changed(write_project: WriteProject) -> None:
    root = _project(
        write_project, es_units=REVIEW, fr_units=REVIEW.replace("El Comité", "Le Comité")
    )
    findings = analyse(root).findings
    stale = [f for f in findings if f.code == "CH251"]
    assert [(f.file, f.line, f.level) for f in stale] == [
        ("translations/es/clauses/institutions/committee.toml", 6, Severity.ERROR),
        ("translations/fr/clauses/institutions/committee.toml", 6, Severity.WARNING),
    ]
    assert stale[0].message.endswith("… and review it every [-two-] {+three+} years.")


def test_orphans_and_mismatches(write_project: WriteProject) -> None:
    units = '''[[unit]]
key = "joint-committee#gone"
original = "Old."
text = "Viejo."

[[unit]]
key = "joint-committee#establishment"
original = "A Joint Committee of the Parties is hereby established. It shall meet at least {frequency}."
text = "Se establece un Comité Mixto de las Partes. Se reunirá al menos 2 veces."

[[unit]]
key = "objectives#p1"
original = """
The Parties shall pursue together the objectives set out in this Charter and shall report on
their progress to the committee established by [[joint-committee]].
"""
text = "Las Partes perseguirán juntas los objetivos de la presente Carta."
'''
    root = _project(write_project, es_units=units)
    findings = analyse(root).findings
    codes = [(f.code, f.line) for f in findings if f.code in {"CH252", "CH253", "CH254"}]
    assert codes == [("CH252", 5), ("CH253", 12), ("CH254", 12), ("CH253", 20)]
    messages = [f.message for f in findings if f.code == "CH253"]
    assert "bracket marks than the original: missing {frequency}" in messages[0]
    assert "cross-references than the original: missing [[joint-committee]]" in messages[1]


def test_defined_terms_follow_the_glossary(write_project: WriteProject) -> None:
    root = _project(write_project, es_units=REVIEW.replace("two", "three").replace("dos", "tres"))
    glossary = root / "translations/es/charter.toml"
    glossary.write_text(
        '[translation]\nlanguage = "es"\n\n[[term]]\noriginal = "Joint Committee"\ntext = "Comisión Mixta"\n',
        encoding="utf-8",
    )
    findings = analyse(root).findings
    assert [f.message for f in findings if f.code == "CH254"] == [
        "unit 'joint-committee#review' in 'es' does not use the defined term 'Comisión Mixta' "
        "for 'Joint Committee'"
    ]


def test_files_in_the_wrong_place_and_repeated_units(write_project: WriteProject) -> None:
    root = _project(write_project, es_units=REVIEW + "\n" + REVIEW)
    wrong = root / "translations/es/charter.toml"
    wrong.write_text('[translation]\nlanguage = "pt"\n', encoding="utf-8")
    (root / "translations/de").mkdir()
    findings = analyse(root).findings
    assert [(f.file, f.line, f.level) for f in findings if f.code == "CH255"] == [
        ("translations/de", None, Severity.WARNING),
        ("translations/es/charter.toml", 2, Severity.ERROR),
        ("translations/es/clauses/institutions/committee.toml", 10, Severity.ERROR),
    ]


def test_a_translations_folder_outside_the_project_is_one_located_finding(
    write_project: WriteProject,
) -> None:
    root = write_project()
    manifest = root / "charter.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text + '\n[translations]\nlanguages = ["es"]\nfolder = "../elsewhere"\n', encoding="utf-8"
    )
    found = [f for f in analyse(root).findings if f.code == "CH214"]
    lines = manifest.read_text(encoding="utf-8").splitlines()
    line = lines.index('folder = "../elsewhere"') + 1
    assert [(f.file, f.line) for f in found] == [("charter.toml", line)]
    assert "the translations folder '../elsewhere' is outside the project" in found[0].message
