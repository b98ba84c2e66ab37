"""The editing commands from the command line: a working session, interrupted edits, dry runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from charter_cli.errors import ExitCode
from helpers import WriteProject, invoke

COMMENTED = {
    "clauses/provisions/objectives.toml": '''\
#:schema ../../schemas/module.schema.json
# Objectives of the charter, as the mandate states them.
[module]
title = "Objectives"  # shown by charter list modules

# Agreed at the first reading.
[[clause]]
id = "objectives"
title = "Objectives"
covers = ["MAN-2-objectives"]  # the mandate's second point
text = """
The Parties shall pursue together the objectives set out in this Charter and shall report on
their progress to the committee established by [[joint-committee]].
"""
''',
}


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _comments(text: str) -> list[str]:
    return [
        line[line.index("#") :]
        for line in text.splitlines()
        if "#" in line and '"' not in line.split("#")[0][-1:]
    ]


def test_a_working_session_through_commands_only(write_project: WriteProject) -> None:
    root = write_project(COMMENTED)
    before = {rel: data.decode() for rel, data in _files(root).items() if rel.endswith(".toml")}
    steps = [
        ["new", "title", "--heading", "Cooperation"],
        ["new", "chapter", "--title", "Cooperation", "--heading", "Police",
         "--module", "clauses/cooperation/police.toml"],
        ["new", "clause", "clauses/cooperation/police.toml", "--id", "police-training",
         "--title", "Police training", "--text", "The Parties shall train police officers together."],
        ["new", "clause", "clauses/cooperation/police.toml", "--id", "police-liaison",
         "--title", "Liaison officers", "--text", "The Parties shall exchange liaison officers."],
        ["new", "clause", "clauses/cooperation/police.toml", "--id", "police-data",
         "--title", "Data", "--text", "The Parties shall exchange data on organised crime."],
        ["move", "police-data", "--before", "police-training"],
        ["status", "police-liaison", "agreed"],
        ["remove", "police-training"],
    ]  # fmt: skip
    for step in steps:
        result = invoke("-C", str(root), *step)
        assert result.exit_code == ExitCode.OK, (step, result.stderr)
    outline = invoke("-C", str(root), "outline")
    assert "Title III — Cooperation (2 articles)" in outline.stdout
    assert "  Chapter 1 — Police (2 articles)" in outline.stdout
    ids = [
        line.split()[2]
        for line in outline.stdout.splitlines()
        if "Article 3 " in line or "Article 4 " in line
    ]
    assert ids == ["police-data", "police-liaison"]
    check = invoke("-C", str(root), "check", "--strict")
    assert check.exit_code == ExitCode.OK, check.stdout
    after = {rel: data.decode() for rel, data in _files(root).items() if rel.endswith(".toml")}
    for rel, text in before.items():
        comments = [
            line for line in text.splitlines() if line.lstrip().startswith("#") or "  #" in line
        ]
        assert all(line in after[rel] for line in comments), rel


def test_the_commands_say_what_they_did_and_dry_run_writes_nothing(
    write_project: WriteProject,
) -> None:
    root = write_project()
    before = _files(root)
    dry = invoke("-C", str(root), "status", "objectives", "proposed", "--party", "EU", "--dry-run")
    assert dry.exit_code == ExitCode.OK
    assert dry.stdout == ""
    assert dry.stderr.splitlines() == [
        "would have: Article 1 ('objectives') is now proposed by EU (was agreed)",
        "note: now sources/mandate.toml:21: CH302 note: requirement 'MAN-2-objectives' is covered "
        "only by text not yet agreed: Article 1 (objectives, proposed) (hint: it would be lost if "
        "every open bracket fell; 'charter coverage --agreed-only' lists all such requirements)",
        "nothing was written (--dry-run)",
    ]
    assert _files(root) == before
    refused = invoke("-C", str(root), "status", "joint-committee", "agreed")
    assert refused.exit_code == ExitCode.FINDINGS
    assert refused.stderr.startswith(
        "error: Article 2 ('joint-committee') still holds 1 open part(s)"
    )
    unknown = invoke("-C", str(root), "move", "nothing", "--to", "I")
    assert unknown.exit_code == ExitCode.USAGE
    assert unknown.stderr.startswith("error: no clause or requirement has the ID 'nothing'")


SECRETARIAT = """\
[[clause]]
id = "secretariat"
title = "Secretariat"
text = "A secretariat shall assist the Joint Committee."
"""

KILLER = """
import os, sys
real = os.replace
calls = 0
def replace(*args, **kwargs):
    global calls
    calls += 1
    if calls == {after}:
        os._exit(137)
    return real(*args, **kwargs)
os.replace = replace
sys.argv = ["charter", *{argv!r}]
from charter_cli.entry import main
main()
"""


@pytest.mark.parametrize("after", [1, 2, 3, 4, 5])
@pytest.mark.parametrize(
    "argv",
    [
        ["move", "secretariat", "--before", "objectives"],
        ["remove", "secretariat"],
    ],
)
def test_a_killed_edit_leaves_the_library_as_it_was(
    write_project: WriteProject, argv: list[str], after: int
) -> None:
    root = write_project({"clauses/institutions/secretariat.toml": SECRETARIAT})
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'include = ["clauses/institutions/*.toml"]',
            'include = ["joint-committee", "secretariat"]  # by ID',
        ),
        encoding="utf-8",
    )
    before = _files(root)
    killed = subprocess.run(
        [sys.executable, "-c", KILLER.format(after=after, argv=["-C", str(root), *argv])],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    check = invoke("-C", str(root), "check")
    state = _files(root)
    if killed.returncode == 137:
        assert state == before, f"killed at rename {after}: {killed.stderr}"
    else:  # the edit needed fewer renames than that: it finished
        assert killed.returncode == 0, killed.stderr
        assert state != before
    assert check.exit_code == ExitCode.OK, check.stdout
    assert not [p for p in root.rglob(".*") if p.suffix in {".new", ".old", ".journal"}]


def test_edit_opens_the_editor_at_the_line_then_checks(
    write_project: WriteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_project()
    record = tmp_path / "editor-args"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        f"pathlib.Path({str(record)!r}).write_text(' '.join(sys.argv[1:]))\n"
        "path = pathlib.Path(sys.argv[-1])\n"
        "path.write_text(path.read_text().replace('status', 'statuss', 1) if 'statuss' not in "
        "path.read_text() else path.read_text())\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    result = invoke("-C", str(root), "edit", "objectives")
    module = root / "clauses/provisions/objectives.toml"
    assert record.read_text(encoding="utf-8") == f"+5 {module}"
    assert result.stderr.startswith(
        f"opening clauses/provisions/objectives.toml:5 in {sys.executable}"
    )
    assert result.exit_code in (ExitCode.OK, ExitCode.FINDINGS)
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    missing = invoke("-C", str(root), "edit", "objectives")
    assert missing.exit_code == ExitCode.USAGE
    assert "cannot start the editor" in missing.stderr


def test_outline_as_json_and_show_of_a_part(write_project: WriteProject) -> None:
    import json

    root = write_project()
    data = json.loads(invoke("-C", str(root), "outline", "-f", "json").stdout)
    assert [t["label"] for t in data["titles"]] == ["Title I", "Title II"]
    shown = invoke("-C", str(root), "show", "Title II")
    assert shown.exit_code == ExitCode.OK
    assert shown.stdout.splitlines() == [
        "Title II — Institutions (1 article)",
        "  Article 2  joint-committee  Joint committee  [bracketed by EU, 1 open]",
    ]
    (root / "charter.toml").write_text("[charter\n", encoding="utf-8")
    broken = invoke("-C", str(root), "outline")
    assert broken.exit_code == ExitCode.USAGE
    assert "charter.toml:1: CH003 error" in broken.stderr
