"""``charter diff`` on a git repository built here: three commits of a small library.

The project sits in a subfolder of the repository (``charter/``), as it may in a
real one. Commit 1 is the library of the golden case ``negotiation-renderings``;
commit 2 inserts an article before the joint committee (renumbering it and the
article after it) and changes the words of one paragraph; commit 3 moves the
secretariat before the committee, agrees a proposed article and a proposed
paragraph (so a requirement at risk becomes covered), closes a bracket and lifts
a reservation. The JSON and Markdown of ``diff`` between each pair are pinned in
``tests/cli/commands/diff/``, the JSON is validated against the schema that
``charter schema`` writes, and the Markdown is read back by a CommonMark parser.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from charter_cli.errors import ExitCode
from helpers import CASES, check_golden, invoke, need_tool

GOLDEN = Path(__file__).parent / "diff"
BASE = CASES / "negotiation-renderings"
COMMITTEE = "clauses/institutions/committee.toml"
OBJECTIVES = "clauses/provisions/objectives.toml"
SCOPE = """
[[clause]]
id = "objectives-scope"
title = "Scope"
status = "proposed"
proposed_by = "EU"
text = "This Charter applies to cooperation between the Parties in matters of peace and security."
"""
SECRETARIAT = """
[[clause]]
id = "committee-secretariat"
title = "Secretariat"
status = "proposed"
proposed_by = "LAC"
text = "The Joint Committee established by [[joint-committee]] shall be assisted by a permanent secretariat, as provided in [[joint-committee#tasks]]."
"""
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Secretariat",
    "GIT_AUTHOR_EMAIL": "secretariat@example.org",
    "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00",
    "GIT_COMMITTER_NAME": "Secretariat",
    "GIT_COMMITTER_EMAIL": "secretariat@example.org",
    "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the three commits; returns the project's folder in it."""
    need_tool("git", install="apt-get install git")
    root = tmp_path / "repo"
    project = root / "charter"
    project.mkdir(parents=True)
    for name in ("charter.toml", "clauses", "sources"):
        source = BASE / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy(source, project / name)
    (root / "README.md").write_text("A repository with a charter in a subfolder.\n")
    git(root, "init", "-q", "-b", "main")
    commit(root, "The library as first tabled")
    # commit 2: insert an article; change the words of one paragraph
    (project / OBJECTIVES).write_text(
        (project / OBJECTIVES).read_text(encoding="utf-8") + SCOPE, encoding="utf-8"
    )
    edit(
        project,
        COMMITTEE,
        "may attend its meetings as observers.",
        "may attend its meetings as observers, without the right to vote.",
    )
    commit(root, "Scope article; observers without a vote")
    # commit 3: move an article; change statuses; close a bracket; lift a reservation
    edit(project, COMMITTEE, SECRETARIAT, "")
    edit(
        project,
        COMMITTEE,
        '[[clause]]\nid = "joint-committee"',
        SECRETARIAT.strip() + '\n\n[[clause]]\nid = "joint-committee"',
    )
    edit(
        project,
        OBJECTIVES,
        'title = "Scope"\nstatus = "proposed"',
        'title = "Scope"\nstatus = "agreed"',
    )
    edit(project, COMMITTEE, 'id = "observers"\nproposed_by = "LAC"\n', 'id = "observers"\n')
    edit(project, COMMITTEE, "{frequency}{place}.", "{frequency}, alternately in each region.")
    edit(
        project,
        COMMITTEE,
        'bracket.place = [{ party = "LAC", text = ", alternately in each region" }]\n',
        "",
    )
    edit(
        project,
        COMMITTEE,
        '[[clause.reservation]]\nparty = "BR"\nkind = "parliamentary"\nnote = "Pending examination by the National Congress"\n\n',
        "",
    )
    commit(
        root,
        "Secretariat first; scope and observers agreed; venue agreed; Brazil lifts its reservation",
    )
    return project


PAIRS = [("HEAD~2", "HEAD~1"), ("HEAD~1", "HEAD"), ("HEAD~2", "HEAD")]


def _name(old: str, new: str) -> str:
    numbers = {"HEAD~2": "1", "HEAD~1": "2", "HEAD": "3"}
    return f"commit{numbers[old]}-commit{numbers[new]}"


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[_name(*p) for p in PAIRS])
def test_diff_between_commits_is_pinned(
    repo: Path, old: str, new: str, update_goldens: bool, tmp_path: Path
) -> None:
    for suffix, form in ((".json", "json"), (".md", "md")):
        result = invoke("-C", str(repo), "diff", old, new, "--format", form)
        assert result.exit_code == ExitCode.OK, result.stderr
        check_golden(GOLDEN / f"{_name(old, new)}{suffix}", result.stdout, update=update_goldens)
    schema_dir = tmp_path / "schemas"
    assert invoke("-C", str(repo), "schema", "-o", str(schema_dir)).exit_code == ExitCode.OK
    schema = json.loads((schema_dir / "diff-report.schema.json").read_text(encoding="utf-8"))
    report = json.loads((GOLDEN / f"{_name(old, new)}.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)


def _html(markdown: str) -> str:
    return str(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown))


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[_name(*p) for p in PAIRS])
def test_the_markdown_shows_the_words_the_json_reports(repo: Path, old: str, new: str) -> None:
    """Every word deleted is struck through and every word inserted is bold, as a renderer shows them."""
    report = json.loads(invoke("-C", str(repo), "diff", old, new, "--format", "json").stdout)
    html = _html(invoke("-C", str(repo), "diff", old, new, "--format", "md").stdout)
    for clause in report["clauses"]:
        for text in clause["texts"]:
            for edit_ in text["edits"]:
                words = " ".join(edit_["words"]).replace("&", "&amp;").replace('"', "&quot;")
                if "[[" in words:
                    continue  # references are shown as the citations they render to
                if edit_["change"] == "delete":
                    assert f"<s>{words}</s>" in html
                elif edit_["change"] == "insert":
                    assert f"<strong>{words}</strong>" in html


def test_inserting_an_article_renumbers_without_changing_text(repo: Path) -> None:
    report = json.loads(
        invoke("-C", str(repo), "diff", "HEAD~2", "HEAD~1", "--format", "json").stdout
    )
    by_id = {clause["id"]: clause for clause in report["clauses"]}
    assert by_id["objectives-scope"]["placing"] == "added"
    secretariat = by_id["committee-secretariat"]
    assert secretariat["placing"] == "renumbered"
    assert (secretariat["old"]["number"], secretariat["new"]["number"]) == ("3", "4")
    assert (
        secretariat["texts"] == []
    )  # its references now read "Article 3", but its words did not change
    committee = by_id["joint-committee"]
    assert committee["placing"] == "renumbered"
    changed = [t for t in committee["texts"] if t["change"] == "kept"]
    assert [t["paragraph"] for t in changed] == ["observers"]
    assert report["summary"] == {
        "added": 1,
        "removed": 0,
        "moved": 0,
        "changed": 1,
        "renumbered": 1,
        "requirements": 0,
        "differs": True,
    }


def test_moving_and_agreeing(repo: Path) -> None:
    report = json.loads(
        invoke("-C", str(repo), "diff", "HEAD~1", "HEAD", "--format", "json").stdout
    )
    by_id = {clause["id"]: clause for clause in report["clauses"]}
    assert by_id["committee-secretariat"]["placing"] == "moved"
    assert by_id["objectives-scope"]["statuses"] == [
        {"paragraph": None, "old": "proposed", "new": "agreed"}
    ]
    committee = by_id["joint-committee"]
    assert {"paragraph": "establishment", "name": "place", "opened": False} in committee["brackets"]
    assert committee["reservations"] == [
        {"party": "BR", "kind": "parliamentary", "paragraph": None, "entered": False}
    ]
    assert report["coverage"] == [
        {"id": "MAN-2-joint-committee", "old": "at-risk", "new": "covered"}
    ]


def test_default_is_the_last_commit_against_the_working_tree(repo: Path) -> None:
    same = invoke("-C", str(repo), "diff", "--exit-code")
    assert same.exit_code == ExitCode.OK
    assert "No differences." in same.stdout
    edit(repo, OBJECTIVES, "shall pursue together", "shall pursue jointly")
    result = invoke("-C", str(repo), "diff")
    assert result.exit_code == ExitCode.OK
    assert "Comparing HEAD (" in result.stdout and "with the working tree" in result.stdout
    assert "[-together-] {+jointly+}" in result.stdout
    assert result.stderr.startswith("0 added, 0 removed, 0 moved, 1 changed, 0 renumbered only")
    assert invoke("-C", str(repo), "diff", "--exit-code").exit_code == ExitCode.FINDINGS


def test_output_to_a_file_never_over_the_library(repo: Path) -> None:
    result = invoke("-C", str(repo), "diff", "HEAD~2", "-o", "changes.txt")
    assert result.exit_code == ExitCode.OK
    text = (repo / "changes.txt").read_text(encoding="utf-8")
    assert text.startswith("Comparing HEAD~2 (")
    assert "Article 2 — Scope (objectives-scope): added" in text
    refused = invoke("-C", str(repo), "diff", "HEAD~2", "--format", "md", "-o", "charter.toml")
    assert refused.exit_code == ExitCode.USAGE
    assert "is a file of the project" in refused.stderr


def test_two_project_folders(repo: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(repo, old)
    edit(repo, OBJECTIVES, "shall pursue together", "shall pursue jointly")
    result = invoke("-C", str(repo), "diff", str(old), ".", "--format", "json")
    assert result.exit_code == ExitCode.OK
    report = json.loads(result.stdout)
    assert report["old"]["folder"] == str(old) and report["new"]["folder"] == "."
    assert [c["id"] for c in report["clauses"]] == ["objectives"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["no-such-revision"],
            "'no-such-revision' is neither a revision of the repository nor a project folder",
        ),
        (["HEAD~9"], "'HEAD~9' is neither a revision"),
        (["--", "-x"], "'-x' is neither a revision"),
    ],
)
def test_unknown_versions_are_one_clear_line(repo: Path, args: list[str], message: str) -> None:
    result = invoke("-C", str(repo), "diff", *args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(f"error: {message}")
    assert len(result.stderr.splitlines()) == 1


def test_a_revision_before_the_project_existed(repo: Path) -> None:
    root = repo.parent
    git(root, "checkout", "-q", "--orphan", "empty")
    git(root, "rm", "-rq", "--cached", ".")
    (root / "other.txt").write_text("nothing here\n")
    git(root, "add", "other.txt")
    git(root, "commit", "-q", "-m", "no charter")
    git(root, "checkout", "-q", "-f", "main")
    result = invoke("-C", str(repo), "diff", "empty")
    assert result.exit_code == ExitCode.USAGE
    assert "has no charter.toml in charter: the project did not exist there yet" in result.stderr


def test_a_revision_that_does_not_load(repo: Path) -> None:
    edit(repo, COMMITTEE, 'title = "Secretariat"', 'title = "Secretariat"\ntitel = "typo"')
    commit(repo.parent, "A typo")
    result = invoke("-C", str(repo), "diff", "HEAD~1", "HEAD")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("error: HEAD (")
    assert "the project cannot be loaded, so it is not compared" in result.stderr
    assert "CH101" in result.stderr


def test_a_folder_that_is_also_a_revision_is_ambiguous(repo: Path) -> None:
    git(repo.parent, "branch", "old")
    shutil.copytree(repo, repo / "old", ignore=shutil.ignore_patterns("old"))
    result = invoke("-C", str(repo), "diff", "old")
    assert result.exit_code == ExitCode.USAGE
    assert "'old' is both a project folder and a revision" in result.stderr
    assert "write ./old for the folder" in result.stderr
    assert invoke("-C", str(repo), "diff", "./old").exit_code == ExitCode.OK


def test_outside_a_repository(write_project: object, tmp_path: Path) -> None:
    project = tmp_path / "alone"
    shutil.copytree(BASE, project, ignore=shutil.ignore_patterns("expected*", "README.md"))
    result = invoke("-C", str(project), "diff")
    assert result.exit_code == ExitCode.USAGE
    assert "not in a git repository, so it has no revisions" in result.stderr
    assert "charter diff OLD_FOLDER NEW_FOLDER" in result.stderr


def test_links_and_submodules_of_a_revision(repo: Path) -> None:
    root = repo.parent
    (repo / "notes.md").symlink_to("../README.md")
    head = git(root, "rev-parse", "HEAD").strip()
    git(root, "update-index", "--add", "--cacheinfo", f"160000,{head},charter/vendor")
    commit(root, "A link and a submodule")
    result = invoke("-C", str(repo), "diff", "HEAD~1", "HEAD", "--exit-code")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "No differences." in result.stdout


def test_without_git(repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    result = invoke("-C", str(repo), "diff")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("error: cannot run git: ")
    assert "install git, or compare two project folders" in result.stderr


def test_a_name_with_a_nul_is_no_revision(repo: Path) -> None:
    result = invoke("-C", str(repo), "diff", "HEAD\x00x")
    assert result.exit_code == ExitCode.USAGE
    assert "is neither a revision of the repository nor a project folder" in result.stderr


def test_git_failing_is_one_clear_line(repo: Path, tmp_path: Path) -> None:
    from charter_cli.errors import InvalidInputError
    from charter_cli.load.revision import _export

    with pytest.raises(InvalidInputError, match="cannot read the revision from git: "):
        _export(repo, "0" * 40, tmp_path)


def test_identical_versions_in_markdown(repo: Path) -> None:
    result = invoke("-C", str(repo), "diff", "HEAD", "HEAD", "--format", "md")
    assert result.exit_code == ExitCode.OK
    assert result.stdout.endswith("\n\nNo differences.\n")
