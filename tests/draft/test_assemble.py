from charter_cli.draft.analysis import analyse
from charter_cli.draft.model import Article, Recital
from charter_cli.draft.numbering import roman
from helpers import WriteProject


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]


def test_articles_are_numbered_across_titles(write_project: WriteProject) -> None:
    analysis = analyse(write_project())
    draft = analysis.draft
    assert draft is not None
    assert [(a.number, a.entry.id, a.where) for a in draft.articles] == [
        (1, "objectives", "Title I"),
        (2, "joint-committee", "Title II"),
    ]
    assert [(r.number, r.entry.id) for r in draft.recitals] == [(1, "recital-purpose")]
    assert isinstance(draft.placements["objectives"], Article)
    assert isinstance(draft.placements["recital-purpose"], Recital)


CHAPTERS = """\
[[title]]
heading = "Institutions"
include = ["objectives"]

[[title.chapter]]
heading = "The committee"
include = ["joint-committee"]
"""


def _manifest_with(write_project: WriteProject, parts: str) -> WriteProject:
    root = write_project()
    manifest = (root / "charter.toml").read_text(encoding="utf-8")
    head = manifest[: manifest.index("[[title]]")]
    (root / "charter.toml").write_text(head + parts, encoding="utf-8")
    return root  # type: ignore[return-value]


def test_chapters_and_title_articles(write_project: WriteProject) -> None:
    root = _manifest_with(write_project, CHAPTERS)
    analysis = analyse(root)  # type: ignore[arg-type]
    assert analysis.findings == ()
    assert analysis.draft is not None
    title = analysis.draft.titles[0]
    assert [a.entry.id for a in title.articles] == ["objectives"]
    chapter = title.chapters[0]
    assert (chapter.number, chapter.articles[0].number, chapter.articles[0].where) == (
        1,
        2,
        "Title I, Chapter 1",
    )


def test_entries_matching_nothing_and_clauses_placed_twice(write_project: WriteProject) -> None:
    parts = """\
[[title]]
heading = "All"
include = ["clauses/provisions/*.toml", "objectivs", "clauses/nowhere.toml", "clauses/**/*.toml"]
"""
    root = _manifest_with(write_project, parts)
    findings = analyse(root).findings  # type: ignore[arg-type]
    got = [(f.code, f.line, f.message) for f in findings]
    assert got == [
        ("CH206", 26, "'clauses/nowhere.toml' matches no clause module"),
        ("CH206", 26, "no clause has the ID 'objectivs'"),
        (
            "CH207",
            26,
            "clause 'objectives' is placed twice: it is already Article 1 (Title I)",
        ),
        (
            "CH207",
            26,
            "clause 'recital-purpose' is placed twice: it is already recital 1 of the preamble",
        ),
    ]
    assert findings[1].hint == "did you mean 'objectives'?"


def test_unplaced_clause_is_a_warning_and_references_must_be_articles(
    write_project: WriteProject,
) -> None:
    root = write_project(
        {
            "clauses/spare.toml": '''\
            [[clause]]
            id = "spare"
            title = "Spare"
            status = "proposed"
            proposed_by = "EU"
            text = """
            Unlike [[objectives]], this refers to [[recital-purpose]].
            """
            ''',
            "clauses/provisions/objectives.toml": """\
            [[clause]]
            id = "objectives"
            title = "Objectives"
            status = "agreed"
            proposed_by = "joint"
            covers = ["MAN-2-objectives"]
            text = "As [[spare]] says."
            """,
        }
    )
    findings = analyse(root).findings
    got = [(f.code, f.file, f.line, f.level.value) for f in findings]
    assert got == [
        ("CH209", "clauses/provisions/objectives.toml", 7, "error"),
        ("CH208", "clauses/spare.toml", 2, "warning"),
    ]
    assert "'spare', which is not placed in the draft" in findings[0].message
