"""``charter coverage``: exit codes first, then the lines that matter."""

from __future__ import annotations

from charter_cli.errors import ExitCode
from helpers import OBJECTIVES_NO_COVER, WriteProject, invoke


def test_coverage_table_and_exit_codes(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke("-C", str(root), "coverage")
    assert result.exit_code == ExitCode.OK
    assert "MAN-2-objectives" in result.stdout and "Art. 1 (objectives)" in result.stdout
    assert invoke("-C", str(root), "coverage", "--level", "public").exit_code == ExitCode.OK
    bad = invoke("-C", str(root), "coverage", "--level", "national")
    assert bad.exit_code == ExitCode.USAGE
    assert bad.stderr == (
        "error: invalid value for '--level': 'national' is not one of 'public', 'state', "
        "'regional', 'cross-cutting' (hint: run 'charter coverage' with --help)\n"
    )
    gap = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_NO_COVER})
    missing = invoke("-C", str(gap), "coverage", "--missing")
    assert missing.exit_code == ExitCode.FINDINGS
    assert "MAN-2-objectives" in missing.stdout
    assert "MAN-2-joint-committee" not in missing.stdout
