"""Fixtures: a hermetic environment for every test, fixture projects, golden-file refresh.

Hypothesis profiles: ``fast`` (the default, for a quick local run) and
``thorough`` (``HYPOTHESIS_PROFILE=thorough``, what CI runs).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from helpers import WriteProject
from helpers import write_project as _write_project

settings.register_profile(
    "fast",
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))

_LEAKY = ("CHARTER_", "GITHUB_", "GITLAB_", "RUNNER_", "SOURCE_DATE_EPOCH")
_LEAKY_NAMES = (
    "XDG_CACHE_HOME",
    "LOCALAPPDATA",
    "CI",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "TERM",
    "VISUAL",
    "EDITOR",
)


@pytest.fixture(autouse=True)
def hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the user's and the CI host's environment out of every test.

    Every ``CHARTER_*``, CI and terminal variable is removed and ``HOME`` is a
    fresh folder, so an exported ``CHARTER_OUTPUT_FORMAT`` or a
    ``GITHUB_STEP_SUMMARY`` neither changes a result nor receives output. The
    cache of parsed files is a fresh folder too: no test reads the user's cache,
    or leaves one in the repository.
    """
    for name in list(os.environ):
        if name.startswith(_LEAKY) or name in _LEAKY_NAMES:
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("CHARTER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite golden files (expected.*) from the current output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def write_project(tmp_path: Path) -> WriteProject:
    """Write the starter project, then apply ``changes`` (path -> text, or None to delete)."""

    def write(changes: dict[str, str | None] | None = None, *, root: Path | None = None) -> Path:
        return _write_project(root or tmp_path / "project", changes)

    return write
