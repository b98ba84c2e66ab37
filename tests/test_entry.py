"""Start-up stays light: --version imports almost nothing, --help neither Pydantic nor the loader."""

import gc
import os
import subprocess
import sys

import pytest

PROBE = """
import sys
sys.argv = ["charter", *{args!r}]
from charter_cli.entry import main
try:
    main()
except SystemExit:
    pass
heavy = ("pydantic", "rich", "charter_cli.load", "charter_cli.draft", "charter_cli.models", "tomli", "markdown_it")
print(sorted({{m.split(".")[0] if not m.startswith("charter_cli") else m for m in sys.modules
              if m.startswith(heavy)}}), file=sys.stderr)
"""


def _loaded(*args: str) -> tuple[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout, done.stderr.strip().splitlines()[-1]


def test_version_imports_neither_typer_nor_the_core() -> None:
    out, loaded = _loaded("--version")
    assert out.startswith("charter ")
    assert loaded == "[]"
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=["--version"]) + "\nprint('typer' in sys.modules)"],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.strip().endswith("False")


def test_help_imports_neither_pydantic_nor_the_loader() -> None:
    out, loaded = _loaded("--help")
    assert "Commands" in out
    assert loaded == "[]"


def test_a_run_goes_without_pydantic_plugins_unless_the_user_asks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The plugin lookup costs tens of milliseconds; a value the user set is kept."""
    from charter_cli import entry
    from charter_cli.cli import app

    seen: list[str | None] = []
    monkeypatch.setattr(
        app, "main", lambda: seen.append(os.environ.get("PYDANTIC_DISABLE_PLUGINS"))
    )
    monkeypatch.setattr(sys, "argv", ["charter", "check"])
    monkeypatch.setattr(gc, "disable", lambda: None)  # the test process keeps its collector
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    entry.main()
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")
    entry.main()
    assert seen == ["__all__", "logfire"]
