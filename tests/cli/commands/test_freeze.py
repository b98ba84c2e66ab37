"""``charter freeze``: frozen article numbers, lettered insertions, and what check says after."""

from __future__ import annotations

from pathlib import Path

import tomli

from charter_cli.errors import ExitCode
from charter_cli.scaffold.freeze import HEADER
from helpers import OBJECTIVES_BAD_COVER, WriteProject, invoke

NEW_ARTICLE = """
[[clause]]
id = "{id}"
title = "{title}"
status = "agreed"
text = "The Parties shall {words}."
"""


def _lock(root: Path) -> dict[str, object]:
    return tomli.loads((root / "numbering.lock.toml").read_text(encoding="utf-8"))


def _add(root: Path, clause: str, title: str, words: str = "cooperate") -> None:
    path = root / "clauses" / "provisions" / "objectives.toml"
    path.write_text(
        path.read_text(encoding="utf-8") + NEW_ARTICLE.format(id=clause, title=title, words=words),
        encoding="utf-8",
    )


def test_freeze_writes_the_lock_once(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke("-C", str(root), "freeze")
    assert result.exit_code == ExitCode.OK
    assert result.stderr == "wrote numbering.lock.toml: the numbers of 2 article(s) are frozen\n"
    text = (root / "numbering.lock.toml").read_text(encoding="utf-8")
    assert text.startswith(f"#:schema ./schemas/numbering.schema.json\n{HEADER}\n\n")
    assert _lock(root) == {
        "version": "0.1.0",
        "article": {"objectives": "1", "joint-committee": "2"},
    }
    again = invoke("-C", str(root), "freeze")
    assert again.stderr.startswith("unchanged numbering.lock.toml")
    assert invoke("-C", str(root), "check", "--strict").exit_code == ExitCode.OK


def test_insertions_are_lettered_everywhere(write_project: WriteProject) -> None:
    root = write_project()
    assert invoke("-C", str(root), "freeze").exit_code == ExitCode.OK
    _add(root, "cooperate", "cooperate")
    _add(root, "report", "Reports", "report on [[cooperate]]")
    draft = invoke("-C", str(root), "build", "-o", "-").stdout
    assert "### Article 1a\n\n**cooperate**" in draft
    assert "report on [Article 1a](#article-1a)" in draft
    assert "[Article 1b — Reports](#article-1b)" in draft and "### Article 2\n" in draft
    shown = invoke("-C", str(root), "show", "1b")
    assert shown.exit_code == ExitCode.OK
    assert shown.stdout.startswith("Article 1b — Reports")
    listed = invoke("-C", str(root), "list").stdout
    assert "Art. 1a" in listed
    refrozen = invoke("-C", str(root), "freeze")
    assert _lock(root)["article"] == {
        "objectives": "1",
        "cooperate": "1a",
        "report": "1b",
        "joint-committee": "2",
    }
    assert refrozen.stderr.startswith("wrote numbering.lock.toml: the numbers of 4 article(s)")
    renumbered = invoke("-C", str(root), "freeze", "--renumber")
    assert renumbered.exit_code == ExitCode.OK
    assert renumbered.stderr.endswith("3 article(s) renumbered\n")
    assert _lock(root)["article"] == {
        "objectives": "1",
        "cooperate": "2",
        "report": "3",
        "joint-committee": "4",
    }


def test_a_deleted_article_is_reported_until_frozen_again(write_project: WriteProject) -> None:
    root = write_project()
    _add(root, "cooperate", "cooperate")
    assert invoke("-C", str(root), "freeze").exit_code == ExitCode.OK
    module = root / "clauses" / "provisions" / "objectives.toml"
    module.write_text(module.read_text(encoding="utf-8").split('\n[[clause]]\nid = "cooperate"')[0])
    check = invoke("-C", str(root), "check")
    assert check.exit_code == ExitCode.FINDINGS
    assert "numbering.lock.toml:" in check.stdout and "CH245" in check.stdout
    stopped = invoke("-C", str(root), "build", "-o", "-")  # the committee decides first
    assert stopped.exit_code == ExitCode.FINDINGS
    assert "CH245" in stopped.stderr
    result = invoke("-C", str(root), "freeze")
    assert result.exit_code == ExitCode.OK
    assert "no longer frozen, their articles being gone: cooperate" in result.stderr
    assert invoke("-C", str(root), "check", "--strict").exit_code == ExitCode.OK
    _add(root, "assist", "assist")
    assert "### Article 1a\n\n**assist**" in invoke("-C", str(root), "build", "-o", "-").stdout


def test_refused_while_the_draft_has_errors(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    result = invoke("-C", str(root), "freeze")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("error: the draft has errors, so its numbers are not frozen:")
    assert "CH204" in result.stderr
    assert not (root / "numbering.lock.toml").exists()


def test_a_broken_lock_is_a_finding(write_project: WriteProject) -> None:
    root = write_project({"numbering.lock.toml": '[article]\nobjectives = "one"\n'})
    check = invoke("-C", str(root), "check")
    assert check.exit_code == ExitCode.FINDINGS
    assert "numbering.lock.toml:2: CH103" in check.stdout
    unreadable = write_project({"numbering.lock.toml": "[article\n"}, root=root.parent / "b")
    assert invoke("-C", str(unreadable), "check").exit_code == ExitCode.USAGE
