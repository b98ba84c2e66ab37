"""``charter build``: exit codes first, then the lines that matter."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from charter_cli.errors import ExitCode
from helpers import OBJECTIVES_BAD_COVER, OBJECTIVES_NO_COVER, WriteProject, invoke


def test_build_writes_the_default_file(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke("-C", str(root), "build")
    assert result.exit_code == ExitCode.OK
    draft = (root / "build" / "charter.md").read_text(encoding="utf-8")
    assert draft.startswith('---\ntitle: "Test Charter"\n')
    assert result.stderr.startswith("wrote build/charter.md: 2 articles, 1 recital")
    again = invoke("-C", str(root), "build")
    assert again.stderr.startswith("unchanged build/charter.md")


def test_build_to_stdout_without_trace(write_project: WriteProject) -> None:
    result = invoke("-C", str(write_project()), "build", "-o", "-", "--no-trace")
    assert result.exit_code == ExitCode.OK
    assert "### Article 1\n\n**Objectives**\n" in result.stdout
    assert "Implements" not in result.stdout
    assert result.stderr == ""


def test_build_output_is_relative_to_the_directory_option(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke("-C", str(root), "build", "-o", "out/draft.md")
    assert result.exit_code == ExitCode.OK
    assert (root / "out" / "draft.md").is_file()


def test_build_refuses_to_overwrite_a_file_it_did_not_write(write_project: WriteProject) -> None:
    root = write_project()
    notes = root / "notes.md"
    notes.write_text("my notes\n", encoding="utf-8")
    result = invoke("-C", str(root), "build", "-o", "notes.md")
    assert result.exit_code == ExitCode.USAGE
    assert "was not written by charter build; not overwritten" in result.stderr
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    forced = invoke("-C", str(root), "build", "-o", "notes.md", "--force")
    assert forced.exit_code == ExitCode.OK
    assert notes.read_text(encoding="utf-8").startswith("---\n")


def test_build_stops_on_integrity_errors_but_not_on_gaps(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    result = invoke("-C", str(root), "build")
    assert result.exit_code == ExitCode.FINDINGS
    assert "CH204" in result.stderr and "build stopped: 1 error(s)" in result.stderr
    assert not (root / "build").exists()
    gap = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_NO_COVER})
    result = invoke("-C", str(gap), "build")
    assert result.exit_code == ExitCode.OK
    assert "note: 1 requirement(s) not covered" in result.stderr


def test_build_force_never_replaces_an_input_or_a_device(write_project: WriteProject) -> None:
    root = write_project()
    before = (root / "charter.toml").read_bytes()
    result = invoke("-C", str(root), "build", "--force", "-o", "charter.toml")
    assert result.exit_code == ExitCode.USAGE
    assert "is a file of the project" in result.stderr
    assert (root / "charter.toml").read_bytes() == before
    result = invoke("-C", str(root), "build", "--force", "-o", "/dev/null")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "wrote /dev/null" in result.stderr
    assert Path("/dev/null").is_char_device()
    result = invoke("-C", str(root), "build", "-o", "/dev/stdout")
    assert result.exit_code == ExitCode.OK
    assert result.stdout.startswith("---\n")


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_require_tracked_fails_until_git_tracks_the_draft(write_project: WriteProject) -> None:
    root = write_project()
    _git("init", "-q", cwd=root)
    untracked = invoke("-C", str(root), "build", "--require-tracked")
    assert untracked.exit_code == ExitCode.FINDINGS
    assert (root / "build" / "charter.md").is_file()  # written all the same, ready to add
    assert untracked.stderr.splitlines()[-1].startswith(
        "error: git does not track build/charter.md, so a commit would leave the draft out"
    )
    assert "(hint: 'git add " in untracked.stderr
    _git("add", "--force", "build/charter.md", cwd=root)  # the starter's .gitignore lists build/
    tracked = invoke("build", "--require-tracked", "-C", str(root))
    assert tracked.exit_code == ExitCode.OK, tracked.stderr
    assert tracked.stderr.startswith("unchanged build/charter.md")


def test_require_tracked_outside_a_repository_is_a_usage_error(
    write_project: WriteProject,
) -> None:
    result = invoke("-C", str(write_project()), "build", "--require-tracked")
    assert result.exit_code == ExitCode.USAGE
    assert "not in a git repository" in result.stderr


def test_require_tracked_needs_a_file(write_project: WriteProject) -> None:
    result = invoke("-C", str(write_project()), "build", "--require-tracked", "-o", "-")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr.startswith("error: --require-tracked needs a file to check")


# --- formats ----------------------------------------------------------------------------------


def test_build_writes_html_next_to_the_markdown(write_project: WriteProject) -> None:
    root = write_project()
    for text, name in (("compilation", "charter.html"), ("agreed", "charter-agreed.html")):
        result = invoke("-C", str(root), "build", "--format", "html", "--text", text)
        assert result.exit_code == ExitCode.OK, result.stderr
        assert result.stderr.startswith(f"wrote build/{name}: 2 articles")
        page = (root / "build" / name).read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    again = invoke("-C", str(root), "build", "--format", "html")
    assert again.stderr.startswith("unchanged build/charter.html")
    assert not (root / "build" / "charter.md").exists()


def test_build_html_replaces_only_its_own_pages(write_project: WriteProject) -> None:
    root = write_project()
    theirs = root / "index.html"
    theirs.write_text("<!DOCTYPE html>\n<title>Our site</title>\n", encoding="utf-8")
    refused = invoke("-C", str(root), "build", "--format", "html", "-o", "index.html")
    assert refused.exit_code == ExitCode.USAGE
    assert "was not written by charter build; not overwritten" in refused.stderr
    assert theirs.read_text(encoding="utf-8").endswith("Our site</title>\n")
    forced = invoke("-C", str(root), "build", "--format", "html", "-o", "index.html", "--force")
    assert forced.exit_code == ExitCode.OK
    markdown = root / "draft.md"
    assert invoke("-C", str(root), "build", "-o", "draft.md").exit_code == ExitCode.OK
    over = invoke("-C", str(root), "build", "--format", "html", "-o", "draft.md")
    assert over.exit_code == ExitCode.USAGE  # a Markdown draft is not an HTML page of charter's
    assert markdown.read_text(encoding="utf-8").startswith("---\n")


def test_build_offers_only_the_formats_it_can_write(write_project: WriteProject) -> None:
    result = invoke("-C", str(write_project()), "build", "--format", "pdf")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(
        "error: invalid value for '--format': 'pdf' is not one of md, html"
    )
    assert "--format md|html" in invoke("build", "--help").stdout


def _binary_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register Markdown as if it were a binary format (no binary format is registered yet)."""
    from charter_cli.cli.commands import build
    from charter_cli.render.formats import EXPORTERS, Exporter
    from charter_cli.vocabulary import Format

    binary = Exporter(
        Format.DOCX, "docx", "charter_cli.render.markdown", "iter_markdown", binary=True
    )
    monkeypatch.setitem(EXPORTERS, Format.DOCX, binary)
    monkeypatch.setattr(build, "FORMATS", [*build.FORMATS, "docx"])


def test_a_binary_format_is_never_written_to_a_terminal(
    write_project: WriteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    _binary_markdown(monkeypatch)
    root = write_project()
    leader, follower = os.openpty()
    try:
        terminal = os.ttyname(follower)
        result = invoke("-C", str(root), "build", "--format", "docx", "-o", terminal)
    finally:
        os.close(leader)
        os.close(follower)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "error: DOCX is not text; it is not written to a terminal (hint: give a file with -o, "
        "or redirect the output: -o - > charter.docx)\n"
    )
    piped = invoke("-C", str(root), "build", "--format", "docx", "-o", "-")
    assert piped.exit_code == ExitCode.OK
    assert piped.stdout_bytes.startswith(b"---\ntitle:")
    written = invoke("-C", str(root), "build", "--format", "docx")
    assert written.stderr.startswith("wrote build/charter.docx")


def test_standard_output_on_a_terminal_is_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from charter_cli.cli.commands.build import _terminal
    from charter_cli.write.output import Kind, Target

    class Screen(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", Screen())
    assert _terminal(Target(Kind.STDOUT, Path("-")))
    assert not _terminal(Target(Kind.STREAM, Path("/dev/null")))
    assert not _terminal(Target(Kind.FILE, Path("x.docx")))
