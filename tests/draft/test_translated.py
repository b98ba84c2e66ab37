"""The draft in another language: units from the translations, stale ones and missing ones marked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.draft.model import MISSING_MARK, STALE_MARK, Article, Draft
from charter_cli.draft.translated import build_languages, draft_in
from charter_cli.errors import InvalidInputError
from helpers import CASES, invoke

CASE = CASES / "translated-drafts"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(CASE, target, ignore=shutil.ignore_patterns("expected*", "README.md"))
    return target


def _spanish(root: Path) -> tuple[Analysis, Draft]:
    analysis = analyse(root)
    return analysis, draft_in(analysis, "es")


def _article(draft: Draft, ident: str) -> Article:
    placement = draft.placements[ident]
    assert isinstance(placement, Article)
    return placement


def test_every_rendered_text_comes_from_the_translation(project: Path) -> None:
    analysis, spanish = _spanish(project)
    assert (spanish.charter.title, spanish.charter.language) == ("Carta de prueba", "es")
    assert spanish.parties[0].name == "Unión Europea"
    assert spanish.preamble is not None
    assert (spanish.preamble.heading, spanish.preamble.opening) == (
        "Preámbulo",
        "Las Partes en la presente Carta,",
    )
    assert spanish.titles[1].heading == "Instituciones"
    assert spanish.titles[1].chapters[0].heading == "El Comité Mixto"
    committee = _article(spanish, "joint-committee").entry
    assert committee.clause.title == "Comité Mixto"
    establishment = committee.paragraphs[0]
    assert establishment.text is not None and establishment.text.startswith("Se establece")
    assert [o.text for o in establishment.bracket["frequency"]] == [
        "una vez al año",
        "dos veces al año",
    ]
    assert committee.clause.reservation[0].note == "Pendiente de examen por el Congreso Nacional"
    # numbers, placements and the negotiation stay those of the original
    assert _article(spanish, "joint-committee").number == 2
    assert committee.standing == analysis.library.clauses["joint-committee"].standing
    # the original draft is left as it was
    assert analysis.draft is not None
    assert analysis.draft.charter.title == "Test Charter"
    assert draft_in(analysis, "en") is analysis.draft


def test_a_bracket_option_keeps_the_space_that_places_it(project: Path) -> None:
    _, spanish = _spanish(project)
    tasks = _article(spanish, "joint-committee").entry.paragraphs[1]
    assert tasks.bracket["reports"][0].text == " e informará al respecto cada año"
    assert tasks.bracket["reports"][1].text == ""  # a deletion has no words to translate


def test_stale_units_are_used_and_marked_missing_ones_keep_the_original(project: Path) -> None:
    _, spanish = _spanish(project)
    committee = _article(spanish, "joint-committee").entry
    review = committee.paragraphs[2]
    assert review.alternative[0].text.endswith(f"cada dos años. {STALE_MARK}")
    recommend = committee.paragraphs[1].point[1]
    assert recommend.text == f"make recommendations to the Parties. {MISSING_MARK}"
    state = spanish.translated
    assert state is not None
    assert state.marks == {
        "joint-committee": (("tasks", MISSING_MARK), ("review", STALE_MARK)),
    }
    assert (state.language, state.original) == ("es", "en")
    assert (state.current, state.stale, state.missing) == (27, 1, 1)
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", state.fingerprint)


def test_a_lone_text_keeps_its_form(project: Path) -> None:
    _, spanish = _spanish(project)
    objectives = _article(spanish, "objectives").entry
    assert objectives.clause.paragraph == []
    assert objectives.clause.text is not None
    assert objectives.clause.text.startswith("Las Partes perseguirán")
    assert [c.requirement for c in objectives.covers] == ["MAN-2-objectives"]


def test_the_fingerprint_follows_the_translation_files(project: Path) -> None:
    _, before = _spanish(project)
    path = project / "translations/es/charter.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    _, after = _spanish(project)
    assert before.translated is not None and after.translated is not None
    assert before.translated.fingerprint != after.translated.fingerprint
    _, again = _spanish(project)
    assert again.translated is not None
    assert again.translated.fingerprint == after.translated.fingerprint


def test_languages_to_build(project: Path) -> None:
    analysis = analyse(project)
    assert build_languages(analysis, "all") == ("en", "es", "pt", "fr")
    assert build_languages(analysis, "pt") == ("pt",)
    assert build_languages(analysis, "en") == ("en",)
    with pytest.raises(InvalidInputError, match="'pr' is not a language") as raised:
        build_languages(analysis, "pr")
    assert raised.value.hint is not None and "pt" in raised.value.hint


_STALE = re.compile(r"unit '([^']+)' was translated into '(\w+)' from an earlier original")


def _stale(root: Path) -> set[tuple[str, str]]:
    result = invoke("-C", str(root), "check")
    return {(m.group(1), m.group(2)) for m in _STALE.finditer(result.stdout)}


def test_changing_one_english_paragraph_makes_exactly_its_translations_stale(
    project: Path,
) -> None:
    before = _stale(project)
    module = project / "clauses/institutions/committee.toml"
    text = module.read_text(encoding="utf-8")
    changed = text.replace("by a permanent secretariat", "by a small permanent secretariat")
    assert changed != text
    module.write_text(changed, encoding="utf-8")
    after = _stale(project)
    assert after - before == {
        ("committee-secretariat#p1", "es"),
        ("committee-secretariat#p1", "pt"),
        ("committee-secretariat#p1", "fr"),
    }
    assert before <= after
