"""charter migrate: paragraphs of the 0.1 form become tables with stable IDs, nothing else moves."""

from __future__ import annotations

from pathlib import Path

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.errors import WriteRefusedError
from charter_cli.load.loader import load_library
from charter_cli.scaffold.migrate import apply_migrations, migrate_library, plan_migrations
from charter_cli.write.lock import LockTimeoutError, file_lock, library_lock
from helpers import WriteProject, invoke

OLD = '''\
#:schema ../../schemas/module.schema.json
# The committee's own comment, kept.
[module]
title = "Joint committee"

[[clause]]
id = "joint-committee"
title = "Joint committee"
status = "proposed"  # a trailing comment, kept
proposed_by = "EU"
covers = ["MAN-2-joint-committee"]
text = """
1. A Joint Committee of the Parties is hereby established.

2. The Joint Committee shall:
(a) meet at least once a year;
(b) review this Charter every "three" years \\\\ as needed.
"""
notes = "Keep me."

[[clause]]
id = "committee-seat"
title = "Seat"
status = "agreed"
text = "The Joint Committee shall have its seat in Brussels."
'''


def _old_project(write_project: WriteProject, *, crlf: bool = False) -> Path:
    root = write_project()
    text = OLD.replace("\n", "\r\n") if crlf else OLD
    (root / "clauses" / "institutions" / "committee.toml").write_bytes(text.encode())
    return root


def test_migration_writes_tables_and_keeps_everything_else(write_project: WriteProject) -> None:
    root = _old_project(write_project)
    before = analyse(root)
    assert "CH220" in {f.code for f in before.findings}
    migrations, skipped = plan_migrations(root)
    assert ([m.rel for m in migrations], skipped) == (["clauses/institutions/committee.toml"], [])
    assert migrations[0].clauses == ("joint-committee",)
    apply_migrations(migrations)
    text = (root / "clauses" / "institutions" / "committee.toml").read_text(encoding="utf-8")
    assert text.startswith("#:schema ../../schemas/module.schema.json\n# The committee's own")
    assert 'status = "proposed"  # a trailing comment, kept' in text
    assert '[[clause.paragraph]]\nid = "p2"\ntext = "The Joint Committee shall:"' in text
    assert '[[clause.paragraph.point]]\nid = "b"' in text
    assert 'text = "The Joint Committee shall have its seat in Brussels."' in text  # untouched
    after = analyse(root)
    assert "CH220" not in {f.code for f in after.findings}
    entry = after.library.clauses["joint-committee"]
    assert [p.id for p in entry.paragraphs] == ["p1", "p2"]
    assert (
        entry.paragraphs[1].point[1].text == 'review this Charter every "three" years \\ as needed.'
    )
    assert plan_migrations(root) == ([], [])


def test_migration_keeps_crlf_line_ends(write_project: WriteProject) -> None:
    root = _old_project(write_project, crlf=True)
    apply_migrations(plan_migrations(root)[0])
    raw = (root / "clauses" / "institutions" / "committee.toml").read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert [p.id for p in load_library(root).clauses["joint-committee"].paragraphs] == ["p1", "p2"]


def test_modules_with_errors_are_left_alone(write_project: WriteProject) -> None:
    root = _old_project(write_project)
    broken = root / "clauses" / "institutions" / "committee.toml"
    broken.write_text(OLD.replace('status = "proposed"', 'status = "final"'), encoding="utf-8")
    assert plan_migrations(root) == ([], ["clauses/institutions/committee.toml"])
    result = invoke("-C", str(root), "migrate")
    assert result.exit_code == 0
    assert result.stderr == (
        "note: clauses/institutions/committee.toml has errors and was left as it is; "
        "run 'charter check'\n"
        "nothing migrated: the other modules already have stable paragraph IDs\n"
    )


def test_a_file_changed_meanwhile_is_not_overwritten(write_project: WriteProject) -> None:
    root = _old_project(write_project)
    migrations, _ = plan_migrations(root)
    module = root / "clauses" / "institutions" / "committee.toml"
    module.write_text(OLD + "\n# edited meanwhile\n", encoding="utf-8")
    with pytest.raises(WriteRefusedError, match="changed while it was being migrated"):
        apply_migrations(migrations)
    assert module.read_text(encoding="utf-8").endswith("# edited meanwhile\n")


def test_the_command_says_what_it_does_and_dry_run_writes_nothing(
    write_project: WriteProject,
) -> None:
    root = _old_project(write_project)
    module = root / "clauses" / "institutions" / "committee.toml"
    dry = invoke("-C", str(root), "migrate", "--dry-run")
    assert dry.exit_code == 0
    assert dry.stderr == "would migrate clauses/institutions/committee.toml: 1 clause\n"
    assert module.read_text(encoding="utf-8") == OLD
    done = invoke("-C", str(root), "migrate")
    assert done.stderr == "migrated clauses/institutions/committee.toml: 1 clause\n"
    again = invoke("-C", str(root), "migrate")
    assert "nothing to migrate" in again.stderr


def test_migration_waits_for_the_library_and_the_module_locks(write_project: WriteProject) -> None:
    root = _old_project(write_project)
    module = root / "clauses" / "institutions" / "committee.toml"
    with library_lock(root, shared=True):
        assert len(migrate_library(root, dry_run=True).migrations) == 1  # readers share
        with pytest.raises(LockTimeoutError):
            migrate_library(root, timeout=0.05)
    with file_lock(module), pytest.raises(LockTimeoutError):
        migrate_library(root, timeout=0.05)
    assert module.read_text(encoding="utf-8") == OLD
    report = migrate_library(root)
    assert [m.rel for m in report.migrations] == ["clauses/institutions/committee.toml"]
    assert "[[clause.paragraph]]" in module.read_text(encoding="utf-8")
