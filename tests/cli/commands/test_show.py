"""``charter show``: exit codes first, then the lines that matter."""

from __future__ import annotations

from charter_cli.errors import ExitCode
from helpers import OBJECTIVES_NO_COVER, SPARE, WriteProject, invoke


def test_show_clause_requirement_and_article(write_project: WriteProject) -> None:
    root = write_project()
    clause = invoke("-C", str(root), "show", "objectives")
    assert clause.exit_code == 0
    assert "Article 1 — Objectives" in clause.stdout
    assert "established by Article 2." in clause.stdout  # the reference is resolved
    assert "referred to by: nothing" in clause.stdout
    assert "Replace with the agreement's own objectives." in clause.stdout  # notes
    requirement = invoke("-C", str(root), "show", "MAN-2-joint-committee")
    assert "Article 2 — Joint committee (joint-committee, bracketed)" in requirement.stdout
    assert "“establish a joint committee" in requirement.stdout
    by_number = invoke("-C", str(root), "show", "Article 2")
    assert "Article 2 — Joint committee" in by_number.stdout
    assert invoke("-C", str(root), "show", "2").stdout == by_number.stdout


def test_show_unknown_id_suggests_a_close_one(write_project: WriteProject) -> None:
    result = invoke("-C", str(write_project()), "show", "objectivs")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "error: no clause or requirement has the ID 'objectivs' (hint: did you mean 'objectives'?)\n"
    )
    assert invoke("-C", str(write_project()), "show", "9").exit_code == ExitCode.USAGE


def test_show_a_recital_and_a_clause_placed_nowhere(write_project: WriteProject) -> None:
    root = write_project({"clauses/spare.toml": SPARE})
    recital = invoke("-C", str(root), "show", "recital-purpose")
    assert recital.stdout.startswith("Recital 1 — Common purpose\n")
    assert "place: Preamble" in recital.stdout
    spare = invoke("-C", str(root), "show", "spare")
    assert spare.stdout.startswith("Spare\n")
    assert "place: not placed in the draft" in spare.stdout
    assert "covers:\n  nothing" in spare.stdout
    requirement = invoke(
        "-C",
        str(write_project({"clauses/provisions/objectives.toml": OBJECTIVES_NO_COVER})),
        "show",
        "MAN-2-objectives",
    )
    assert "  no article of the draft" in requirement.stdout


def test_terminal_escapes_in_the_library_are_shown_escaped(write_project: WriteProject) -> None:
    root = write_project()
    module = root / "clauses" / "provisions" / "objectives.toml"
    text = module.read_text(encoding="utf-8")
    text = text.replace(
        'title = "Objectives"\nstatus', 'title = "Objectives\\u001b]0;x\\u0007"\nstatus'
    )
    module.write_text(text.replace("The Parties", "The \\u001b[2JParties"), encoding="utf-8")
    for args in (("show", "objectives"), ("list",), ("show", "\x1b[2Jnope")):
        result = invoke("-C", str(root), *args)
        shown = result.stdout + result.stderr
        assert "\x1b" not in shown and "\x07" not in shown, args
        assert "\\x1b" in shown, args
