"""The distributions as their consumers take them: the package index, pip, and the sdist's own tests.

Slow (they build and install), so they run with ``pytest -m slow``, as CI does.
"""

from __future__ import annotations

import email
import json
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from charter_cli import __version__
from helpers import REPO

pytestmark = pytest.mark.slow

NAME = f"charter_drafter-{__version__}"


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a program with the environment of the tests, less what would point it at this tree."""
    environment = dict(os.environ if env is None else env)
    environment.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built from this tree as a release would be (isolated build)."""
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--outdir", out, REPO, cwd=out)
    assert sorted(p.name for p in out.iterdir()) == [
        f"{NAME}-py3-none-any.whl",
        f"{NAME}.tar.gz",
    ]
    return out


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, dist: Path) -> Path:
    """A fresh virtual environment with the wheel and its dependencies installed by pip."""
    folder = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", folder, cwd=folder)
    pip = (
        folder / "bin" / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    )
    _run(*pip, dist / f"{NAME}-py3-none-any.whl", cwd=folder)
    return folder


def test_the_index_accepts_the_distributions(dist: Path) -> None:
    files = sorted(dist.iterdir())
    _run(sys.executable, "-m", "twine", "check", "--strict", *files, cwd=dist)
    _run(sys.executable, "-m", "check_wheel_contents", dist / f"{NAME}-py3-none-any.whl", cwd=dist)


def test_the_metadata_has_the_licence_and_the_readme(dist: Path) -> None:
    with zipfile.ZipFile(dist / f"{NAME}-py3-none-any.whl") as wheel:
        raw = wheel.read(f"{NAME}.dist-info/METADATA").decode("utf-8")
        assert f"{NAME}.dist-info/licenses/LICENSE" in wheel.namelist()
        assert "charter_cli/codes.toml" in wheel.namelist()
        for suffix in (".toml", ".txt"):  # the study's catalogue, for charter:grabendorff-2008
            assert f"charter_cli/catalogues/grabendorff-2008{suffix}" in wheel.namelist()
    metadata = email.message_from_string(raw)
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Description-Content-Type"] == "text/markdown"
    description = raw.split("\n\n", 1)[1]
    assert description.strip() == (REPO / "README.md").read_text(encoding="utf-8").strip()


def test_the_sdist_holds_what_its_tests_read(dist: Path) -> None:
    with tarfile.open(dist / f"{NAME}.tar.gz") as sdist:
        names = {name.removeprefix(f"{NAME}/") for name in sdist.getnames()}
    for needed in (
        "LICENSE",
        "charter.toml",
        "charter_cli/catalogues/grabendorff-2008.toml",
        "charter_cli/catalogues/grabendorff-2008.txt",
        "schemas/check-report.schema.json",
        "schemas/coverage-report.schema.json",
        "docs/img/serve.png",
        ".pre-commit-hooks.yaml",
        ".ci/run",
        "tests/schemas/junit-10.xsd",
        "tests/cases/valid-minimal/charter.toml",
    ):
        assert needed in names, needed
    assert not [name for name in names if "__pycache__" in name or name.startswith(".venv")]


def test_the_wheel_works_alone_outside_the_repository(venv: Path, tmp_path: Path) -> None:
    charter = venv / "bin" / "charter"
    assert _run(charter, "--version", cwd=tmp_path) == f"charter {__version__}\n"
    _run(charter, "init", "fair-trade", cwd=tmp_path)
    project = tmp_path / "fair-trade"
    _run(charter, "check", "--strict", "-C", project, cwd=tmp_path)
    _run(charter, "-C", project, "build", cwd=tmp_path)
    assert (project / "build" / "charter.md").is_file()
    sarif = json.loads(
        _run(charter, "-C", project, "check", "--output-format", "sarif", cwd=tmp_path)
    )
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert all(rule["help"]["text"] for rule in rules)  # codes.toml ships in the wheel
    where = _run(
        venv / "bin" / "python",
        "-c",
        "import charter_cli; print(charter_cli.__file__)",
        cwd=tmp_path,
    )
    assert Path(where.strip()).is_relative_to(venv)


def test_a_committee_starts_from_the_study_with_the_wheel_alone(venv: Path, tmp_path: Path) -> None:
    """``init --with-study`` in an empty clone, a new clause, a check: the study ships in the wheel."""
    charter = venv / "bin" / "charter"
    clone = tmp_path / "euro-latin-charter"
    clone.mkdir()
    _run("git", "init", "-q", cwd=clone)
    (clone / "README.md").write_text("# Euro-Latin American Charter\n", encoding="utf-8")
    _run(charter, "init", ".", "--with-study", cwd=clone)
    assert (clone / "README.md").read_text(encoding="utf-8") == "# Euro-Latin American Charter\n"
    assert not (clone / "sources").exists()
    _run(charter, "new", "clause", "clauses/objectives-and-principles/objectives.toml",
         "--id", "bi-regional-framework", "--title", "Framework for bi-regional positions",
         "--covers", "GRA-intro-bi-regional-framework",
         "--text", "The Parties shall use this Charter to advance their bi-regional positions.",
         cwd=clone)  # fmt: skip
    report = subprocess.run(
        [str(charter), "check", "--strict"], cwd=clone, capture_output=True, text=True, check=False
    )
    assert report.returncode == 0, report.stdout + report.stderr
    gaps = [line for line in report.stdout.splitlines() if " CH301 note: " in line]
    assert len(gaps) == 130  # the study's 132 requirements, less the two the clauses cover
    assert all(line.startswith("charter:grabendorff-2008:") for line in gaps)
    assert str(venv) not in report.stdout + report.stderr  # never the folder pip installed it in
    assert "2 articles, 1 recital; 2 of 132 requirements covered" in report.stderr
    missing = _run(charter, "list", "requirements", "--missing", "--section", "intro", cwd=clone)
    assert "GRA-intro-bi-regional-framework" not in missing
    assert "GRA-intro-multilateral-instruments" in missing


def test_the_sdist_runs_its_own_tests(dist: Path, venv: Path, tmp_path: Path) -> None:
    """The unpacked sdist's test suite passes, with its own package on the path.

    The test tools come from this environment (a ``.pth`` file adds its
    site-packages after the fresh one's), so nothing more is downloaded.
    """
    with tarfile.open(dist / f"{NAME}.tar.gz") as sdist:
        sdist.extractall(tmp_path, filter="data")
    python = venv / "bin" / "python"
    purelib = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
    )
    Path(purelib.strip(), "test-tools.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("HYPOTHESIS_", "PYTEST_", "COV_"))
    }
    output = _run(
        *(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-cov"),
        cwd=tmp_path / NAME,
        env=env,
    )
    assert re.search(r"^\d+ passed", output.splitlines()[-1]), output[-2000:]
    assert " failed" not in output.splitlines()[-1]
