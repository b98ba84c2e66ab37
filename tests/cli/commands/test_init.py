"""``charter init``: exit codes first, then the lines that matter."""

from __future__ import annotations

from pathlib import Path

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
    assert "exists and is not an empty folder; nothing was written" in again.stderr
