"""``charter new clause``: exit codes first, then the lines that matter."""

from __future__ import annotations

from charter_cli.errors import ExitCode
from helpers import REPO, WriteProject, invoke


def test_new_clause_appends_and_places(write_project: WriteProject) -> None:
    root = write_project()
    module = root / "clauses" / "institutions" / "committee.toml"
    before = module.read_text(encoding="utf-8")
    result = invoke(
        "-C", str(root), "new", "clause", "clauses/institutions/committee.toml",
        "--id", "committee-seat", "--title", "Seat", "--party", "LAC", "--status", "bracketed",
        "--text", "The Joint Committee shall have its seat in [[objectives]].",
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stderr == "added clause 'committee-seat' to clauses/institutions/committee.toml\n"
    after = module.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip())
    assert 'id = "committee-seat"' in after
    assert invoke("-C", str(root), "check", "--strict").exit_code == ExitCode.OK


def test_new_clause_in_a_new_module_warns_when_unplaced(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke(
        "-C", str(root), "new", "clause", "clauses/extra/more.toml",
        "--id", "more", "--title", "More", "--text-file", "-",
    stdin="The Parties shall do more.\n")  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "note: 'more' is in no part of the draft" in result.stderr
    assert (root / "clauses" / "extra" / "more.toml").is_file()


def test_new_clause_refuses_bad_requests(write_project: WriteProject) -> None:
    root = write_project()
    base = ["-C", str(root), "new", "clause", "clauses/x.toml", "--title", "T"]
    taken = invoke(*base, "--id", "objectives", "--text", "x")
    assert taken.exit_code == ExitCode.USAGE
    assert taken.stderr == (
        "error: the ID 'objectives' is already used by clause 'objectives' "
        "(clauses/provisions/objectives.toml:6); choose another\n"
    )
    case = invoke(*base, "--id", "Objectives", "--text", "x")
    assert "differs only by letter case from clause 'objectives' (clauses/" in case.stderr
    unknown = invoke(*base, "--id", "fresh", "--text", "x", "--covers", "MAN-2-objectivs")
    assert "unknown requirement(s): MAN-2-objectivs" in unknown.stderr
    party = invoke(*base, "--id", "fresh", "--text", "x", "--party", "UN")
    assert "unknown party 'UN'" in party.stderr
    both = invoke(*base, "--id", "fresh")
    assert "exactly one of --text, --text-file or --paragraph" in both.stderr
    bad_id = invoke(*base, "--id", "has space", "--text", "x")
    assert 'the new clause is not valid: --id "has space" must be an ID:' in bad_id.stderr
    assert "(character 4 (space) is not allowed; use plain ASCII letters)" in bad_id.stderr
    digit = invoke(*base, "--id", "8-drugs", "--text", "x")
    assert digit.stderr == (
        'error: the new clause is not valid: --id "8-drugs" must be an ID: ASCII letters and '
        "digits in runs joined by '-', '.' or '_', starting with a letter (start the ID with a "
        "letter)\n"
    )
    assert "pattern" not in digit.stderr
    outside = invoke("-C", str(root), "new", "clause", "sources/x.toml", "--id", "n", "--title", "T",
                  "--text", "x")  # fmt: skip
    assert "must be a .toml file under" in outside.stderr
    assert not (root / "clauses" / "x.toml").exists()


def test_new_clause_text_file_that_cannot_be_read(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke(
        "-C", str(root), "new", "clause", "clauses/x.toml", "--id", "fresh", "--title", "T",
        "--text-file", str(root / "missing.md"),
    )  # fmt: skip
    assert result.exit_code == ExitCode.USAGE
    assert "missing.md: cannot read the text file" in result.stderr
    latin = root / "latin.md"
    latin.write_bytes("acci\xf3n".encode("latin-1"))
    result = invoke(
        "-C", str(root), "new", "clause", "clauses/x.toml", "--id", "fresh", "--title", "T",
        "--text-file", str(latin),
    )  # fmt: skip
    assert "latin.md: cannot read the text file" in result.stderr


def test_a_recital_needs_no_title_an_article_does(write_project: WriteProject) -> None:
    root = write_project()
    base = ["-C", str(root), "new", "clause"]
    recital = invoke(*base, "clauses/preamble/recitals.toml", "--id", "recital-shared-values",
                     "--text", "Sharing the values of democracy,")  # fmt: skip
    assert recital.exit_code == ExitCode.OK, recital.stderr
    assert recital.stderr.splitlines() == [
        "added recital 'recital-shared-values' to clauses/preamble/recitals.toml",
        "note: its title is 'Shared values', made of its ID (the draft does not show a "
        "recital's title; listings do)",
    ]
    assert 'title = "Shared values"' in (root / "clauses/preamble/recitals.toml").read_text()
    article = invoke(*base, "clauses/provisions/objectives.toml", "--id", "aims", "--text", "T.")
    assert article.exit_code == ExitCode.USAGE
    assert article.stderr == (
        "error: an article needs --title: the heading the draft shows (hint: only a recital "
        "(a clause the preamble places) may leave it out)\n"
    )
    assert invoke("-C", str(root), "check", "--strict").exit_code == ExitCode.OK


def test_a_new_module_has_a_title_and_the_shape_of_the_shipped_ones(
    write_project: WriteProject,
) -> None:
    import tomlkit

    root = write_project()
    base = ["-C", str(root), "new", "clause", "--title", "T", "--text", "The Parties shall."]
    made = invoke(*base, "clauses/drug-trafficking.toml", "--id", "drugs")
    assert made.exit_code == ExitCode.OK, made.stderr
    assert made.stderr.startswith("added clause 'drugs' to clauses/drug-trafficking.toml (new")
    named = invoke(*base, "clauses/t3/ch12.toml", "--id", "crime", "--module-title",
                   "Organised crime")  # fmt: skip
    assert named.exit_code == ExitCode.OK, named.stderr
    again = invoke(*base, "clauses/t3/ch12.toml", "--id", "crime-2", "--module-title", "Other")
    assert again.exit_code == ExitCode.USAGE
    assert "--module-title is for a new module; clauses/t3/ch12.toml exists" in again.stderr
    listed = [
        line.split() for line in invoke("-C", str(root), "list", "modules").stdout.splitlines()
    ]
    assert ["clauses/drug-trafficking.toml", "Drug", "trafficking", "1", "0"] in listed
    assert ["clauses/t3/ch12.toml", "Organised", "crime", "1", "0"] in listed
    new = tomlkit.parse((root / "clauses/drug-trafficking.toml").read_text(encoding="utf-8"))
    shipped = tomlkit.parse((REPO / "clauses/preamble/recitals.toml").read_text(encoding="utf-8"))
    assert list(new) == list(shipped) == ["module", "clause"]
    keys = list(new["clause"][0])
    assert keys == ["id", "title", "status", "proposed_by", "covers", "text"]
    assert new["clause"][0]["covers"] == []  # written, as the shipped files write it
    order = list(shipped["clause"][0])
    assert [k for k in order if k in keys] == keys  # the shipped order of the same keys
