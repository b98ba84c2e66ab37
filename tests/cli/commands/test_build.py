"""``charter build``: exit codes first, then the lines that matter."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from charter_cli.errors import ExitCode
from helpers import OBJECTIVES_BAD_COVER, OBJECTIVES_NO_COVER, SPARE, WriteProject, invoke


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


def test_a_binary_format_is_never_written_to_a_terminal_named_as_output(
    write_project: WriteProject,
) -> None:
    root = write_project()
    leader, follower = os.openpty()
    try:
        terminal = os.ttyname(follower)
        result = invoke("-C", str(root), "build", "--format", "docx", "-o", terminal)
    finally:
        os.close(leader)
        os.close(follower)
    assert result.exit_code == ExitCode.USAGE
    assert "a DOCX file is not text; not written to the terminal" in result.stderr


@pytest.mark.parametrize(
    ("format", "name", "start"),
    [
        ("docx", "charter.docx", b"PK\x03\x04"),
        ("pdf", "charter.pdf", b"%PDF-"),
        ("akn", "charter.akn.xml", b"<?xml"),
    ],
)
def test_build_writes_each_format_to_its_default_file(
    write_project: WriteProject, format: str, name: str, start: bytes
) -> None:
    root = write_project()
    result = invoke("-C", str(root), "build", "--format", format)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stderr.startswith(f"wrote build/{name}: 2 articles")
    first = (root / "build" / name).read_bytes()
    assert first.startswith(start)
    again = invoke("-C", str(root), "build", "--format", format)
    assert again.stderr.startswith(f"unchanged build/{name}")
    agreed = invoke("-C", str(root), "build", "--format", format, "--text", "agreed")
    assert agreed.exit_code == ExitCode.OK
    stem, _, extension = name.partition(".")
    assert (root / "build" / f"{stem}-agreed.{extension}").is_file()


def test_build_replaces_only_exports_it_wrote(write_project: WriteProject) -> None:
    root = write_project()
    mine = root / "mine.pdf"
    mine.write_bytes(b"%PDF-1.7 someone else's file")
    result = invoke("-C", str(root), "build", "--format", "pdf", "-o", "mine.pdf")
    assert result.exit_code == ExitCode.USAGE
    assert "was not written by charter build; not overwritten" in result.stderr
    assert mine.read_bytes() == b"%PDF-1.7 someone else's file"
    forced = invoke("-C", str(root), "build", "--format", "pdf", "-o", "mine.pdf", "--force")
    assert forced.exit_code == ExitCode.OK
    rebuilt = invoke("-C", str(root), "build", "--format", "pdf", "-o", "mine.pdf", "--no-trace")
    assert rebuilt.exit_code == ExitCode.OK, rebuilt.stderr  # its own output now: replaced


def test_build_writes_a_binary_format_to_a_pipe_but_not_to_a_terminal(
    write_project: WriteProject,
) -> None:
    import os
    import sys

    root = write_project()
    piped = invoke("-C", str(root), "build", "--format", "docx", "-o", "-")
    assert piped.exit_code == ExitCode.OK
    assert piped.stdout_bytes.startswith(b"PK\x03\x04")
    controller, terminal = os.openpty()
    try:
        refused = subprocess.run(
            [sys.executable, "-m", "charter_cli", "-C", str(root), "build", "--format=pdf", "-o-"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert refused.returncode == ExitCode.USAGE
    assert "a PDF file is not text; not written to the terminal" in refused.stderr
    xml = invoke("-C", str(root), "build", "--format", "akn", "-o", "-")
    assert xml.exit_code == ExitCode.OK
    assert xml.stdout.startswith("<?xml")


def test_a_stopped_build_ends_with_the_errors_that_stopped_it(
    write_project: WriteProject,
) -> None:
    """Coverage findings are one count, warnings come first, the errors to fix come last."""
    root = write_project(
        {
            "clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER,
            "clauses/spare.toml": SPARE,
        }
    )
    result = invoke("-C", str(root), "build")
    assert result.exit_code == ExitCode.FINDINGS
    lines = result.stderr.splitlines()
    assert " CH208 warning: " in lines[0]  # the clause placed nowhere
    assert lines[1] == (
        "note: 1 coverage finding not listed here; 'charter check' lists every finding"
    )
    assert " CH204 error: " in lines[2]
    assert lines[3] == "build stopped: 1 error(s) to fix first (see above)"
    assert len(lines) == 4


def test_findings_name_files_from_where_the_user_is(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    inside = invoke("build", cwd=root / "clauses" / "provisions")
    assert inside.exit_code == ExitCode.FINDINGS
    assert "\nobjectives.toml:6: CH204 error: " in f"\n{inside.stderr}"
    above = invoke("-C", "project", "build", cwd=root.parent)
    assert "\nproject/clauses/provisions/objectives.toml:6: CH204" in f"\n{above.stderr}"


def _translated(tmp_path: Path) -> Path:
    import shutil

    from helpers import CASES

    target = tmp_path / "translated"
    shutil.copytree(CASES / "translated-drafts", target)
    return target


def test_build_lang_writes_the_language_beside_the_original(tmp_path: Path) -> None:
    root = _translated(tmp_path)
    result = invoke("-C", str(root), "build", "--lang", "es")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stderr.startswith("wrote build/charter.es.md: 3 articles")
    draft = (root / "build" / "charter.es.md").read_text(encoding="utf-8")
    assert 'language: "es"\n' in draft and 'translation-stale: "1"\n' in draft
    assert not (root / "build" / "charter.md").exists()
    original = invoke("-C", str(root), "build", "--lang", "en", "--text", "agreed")
    assert original.stderr.startswith("wrote build/charter-agreed.md")


def test_build_lang_all_writes_every_language_in_the_format(tmp_path: Path) -> None:
    root = _translated(tmp_path)
    result = invoke("-C", str(root), "build", "--lang", "all", "--format", "docx")
    assert result.exit_code == ExitCode.OK, result.stderr
    written = [
        line.split(":")[0] for line in result.stderr.splitlines() if line.startswith("wrote")
    ]
    assert written == [
        "wrote build/charter.docx",
        "wrote build/charter.es.docx",
        "wrote build/charter.pt.docx",
        "wrote build/charter.fr.docx",
    ]
    again = invoke("-C", str(root), "build", "--lang", "all", "--format", "docx")
    assert again.stderr.count("unchanged") == 4


def test_build_synoptic_writes_both_languages(tmp_path: Path) -> None:
    root = _translated(tmp_path)
    result = invoke("-C", str(root), "build", "--synoptic", "en,pt", "--format", "docx")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert (root / "build" / "charter.en-pt.docx").is_file()
    stdout = invoke("-C", str(root), "build", "--synoptic", "es, pt", "-o", "-")
    assert stdout.exit_code == ExitCode.OK, stdout.stderr
    assert "| Español | Português |" in stdout.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "de"], "error: 'de' is not a language of the charter's translations"),
        (["--lang", "all", "-o", "x.md"], "error: --lang all writes one file per language"),
        (["--synoptic", "en,es", "--format", "pdf"], "error: --synoptic writes Markdown or Word"),
        (["--synoptic", "en"], "error: --synoptic takes two different languages"),
        (["--synoptic", "es,es"], "error: --synoptic takes two different languages"),
        (["--synoptic", "en,de"], "error: 'de' is not a language"),
        (["--lang", "es", "--synoptic", "en,es"], "error: --lang and --synoptic do not go"),
    ],
)
def test_build_lang_refuses_what_it_cannot_do(
    tmp_path: Path, args: list[str], message: str
) -> None:
    root = _translated(tmp_path)
    result = invoke("-C", str(root), "build", *args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(message), result.stderr
    assert not (root / "build").exists()


def test_verify_knows_a_translated_and_a_synoptic_draft(tmp_path: Path) -> None:
    root = _translated(tmp_path)
    assert invoke("-C", str(root), "build", "--lang", "pt").exit_code == ExitCode.OK
    assert invoke("-C", str(root), "build", "--synoptic", "fr,es").exit_code == ExitCode.OK
    for name in ("charter.pt.md", "charter.fr-es.md"):
        result = invoke("-C", str(root), "verify", f"build/{name}")
        assert result.exit_code == ExitCode.OK, result.stdout + result.stderr
    draft = root / "build" / "charter.pt.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("Comité Misto", "Comité"), "utf-8")
    assert invoke("-C", str(root), "verify", "build/charter.pt.md").exit_code == ExitCode.FINDINGS
