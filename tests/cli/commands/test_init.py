"""``charter init``: exit codes first, then the lines that matter."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from charter_cli.errors import ExitCode
from helpers import invoke


def test_init_creates_a_working_project_and_refuses_a_full_folder(tmp_path: Path) -> None:
    target = tmp_path / "fair-trade"
    result = invoke("init", str(target), "--title", "Charter on Fair Trade")
    assert result.exit_code == ExitCode.OK
    assert "created" in result.stderr
    assert invoke("-C", str(target), "check", "--strict").exit_code == ExitCode.OK
    assert invoke("-C", str(target), "build").exit_code == ExitCode.OK
    assert "# Charter on Fair Trade" in (target / "build" / "charter.md").read_text(
        encoding="utf-8"
    )
    again = invoke("init", str(target))
    assert again.exit_code == ExitCode.USAGE
    assert "charter.toml: already exists; nothing was written" in again.stderr
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "draft.docx").write_bytes(b"PK")
    full = invoke("init", str(tmp_path / "notes"))
    assert full.exit_code == ExitCode.USAGE
    assert "holds files other than .git, README, LICENSE and .gitignore (draft.docx)" in (
        full.stderr
    )


def _clone(tmp_path: Path, gitignore: str | None) -> Path:
    """A fresh clone as hosts create it: .git, a README, a licence, perhaps a .gitignore."""
    clone = tmp_path / "charter"
    clone.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    (clone / "README.md").write_text("# Our charter\n", encoding="utf-8")
    (clone / "LICENSE").write_text("CC-BY-4.0\n", encoding="utf-8")
    if gitignore is not None:
        (clone / ".gitignore").write_text(gitignore, encoding="utf-8")
    return clone


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git/" not in f"{p.relative_to(folder).as_posix()}/"
    }


def test_init_in_a_fresh_clone_keeps_its_files(tmp_path: Path) -> None:
    clone = _clone(tmp_path, gitignore="node_modules/\nbuild\n")
    before = _files(clone)
    result = invoke("init", ".", "--with-study", cwd=clone)
    assert result.exit_code == ExitCode.OK, result.stderr
    after = _files(clone)
    assert {name: after[name] for name in before} == before  # README, LICENSE, .gitignore
    assert "created .gitignore" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-2] == (
        "note: .gitignore was left as it is; add .*.lock to it unless the drafts are to be committed"
    )
    assert lines[-1] == "next: charter check && charter coverage --missing"


def test_init_with_a_gitignore_that_has_it_all_says_nothing(tmp_path: Path) -> None:
    clone = _clone(tmp_path, gitignore="/build/\n.*.lock\n")
    result = invoke("init", str(clone), "--bare")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert ".gitignore" not in result.stderr
    fresh = invoke("init", str(_clone(tmp_path / "other", gitignore=None)))
    assert "created" in fresh.stderr and "charter/.gitignore" in fresh.stderr


def test_init_with_study_measures_the_draft_against_the_packaged_study(tmp_path: Path) -> None:
    target = tmp_path / "new-charter"
    assert invoke("init", str(target), "--with-study").exit_code == ExitCode.OK
    assert not (target / "sources").exists()  # no demonstration source: the study is packaged
    check = invoke("-C", str(target), "check", "--strict")
    assert check.exit_code == ExitCode.OK, check.stdout
    gaps = [line for line in check.stdout.splitlines() if " CH301 note: " in line]
    assert len(gaps) == 131  # every requirement of the study but the one the starter covers
    assert all(line.startswith("charter:grabendorff-2008:") for line in gaps)
    assert "1 article, 1 recital; 1 of 132 requirements covered" in check.stderr
    missing = invoke("-C", str(target), "coverage", "--missing")
    assert missing.exit_code == ExitCode.FINDINGS
    assert "GRA-5.2-congruent-offers" in missing.stdout
    assert "GRA-intro-missing-pillar " not in missing.stdout
    assert invoke("-C", str(target), "build").exit_code == ExitCode.OK
    added = invoke(
        "-C",
        str(target),
        "new",
        "clause",
        "clauses/objectives-and-principles/objectives.toml",
        "--id",
        "partnership-framework",
        "--title",
        "Framework for bi-regional positions",
        "--covers",
        "GRA-intro-bi-regional-framework",
        "--text",
        "The Parties shall use this Charter as the framework of their bi-regional positions.",
    )
    assert added.exit_code == ExitCode.OK, added.stderr
    assert "2 articles, 1 recital; 2 of 132" in invoke("-C", str(target), "check").stderr


@pytest.mark.parametrize("with_study", [False, True])
def test_init_bare_has_no_example_content(tmp_path: Path, with_study: bool) -> None:
    target = tmp_path / "bare"
    args = ["init", str(target), "--bare", *(["--with-study"] if with_study else [])]
    assert invoke(*args).exit_code == ExitCode.OK
    assert not (target / "clauses").exists()
    assert not (target / "sources").exists()
    check = invoke("-C", str(target), "check")
    assert check.exit_code == ExitCode.OK
    assert [line.split(": ")[1] for line in check.stdout.splitlines() if " CH" in line][:1] == [
        "CH223 warning"
    ]  # the one title places nothing yet: the next step, not an error
    built = invoke("-C", str(target), "build", "-o", "-")
    assert built.exit_code == ExitCode.OK
    assert "## Title I\n\n**General provisions**" in built.stdout
    assert "Article" not in built.stdout.split("---\n", 2)[2]
