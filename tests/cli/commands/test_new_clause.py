"""``charter new clause``: exit codes first, then the lines that matter."""

from __future__ import annotations

from charter_cli.errors import ExitCode
from helpers import WriteProject, invoke


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
    assert "already used in the library" in taken.stderr
    case = invoke(*base, "--id", "Objectives", "--text", "x")
    assert "differs only by letter case from 'objectives'" in case.stderr
    unknown = invoke(*base, "--id", "fresh", "--text", "x", "--covers", "MAN-2-objectivs")
    assert "unknown requirement(s): MAN-2-objectivs" in unknown.stderr
    party = invoke(*base, "--id", "fresh", "--text", "x", "--party", "UN")
    assert "unknown party 'UN'" in party.stderr
    both = invoke(*base, "--id", "fresh")
    assert "exactly one of --text, --text-file or --paragraph" in both.stderr
    bad_id = invoke(*base, "--id", "has space", "--text", "x")
    assert "the new clause is not valid: id:" in bad_id.stderr
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
