"""What tests share: the repository's place, golden files, the CLI runner, fixture projects."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from charter_cli.scaffold.templates import project_files

REPO = Path(__file__).resolve().parent.parent
"""The root of the repository (the shipped project)."""
WriteProject = Callable[..., Path]
"""The ``write_project`` fixture: ``write_project(changes, root=None) -> Path``."""
CASES = Path(__file__).resolve().parent / "cases"
"""The golden cases: one small project per folder, with its expected outputs."""


ON_CI = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}
"""Whether the tests run in CI (read when the tests start, before the hermetic fixture clears it)."""


def need_tool(name: str, *, install: str) -> str:
    """The path of the program ``name``; a test without it skips, saying how to install it.

    In CI a missing program fails the test instead: ``.ci/run`` installs every
    consumer the tests use, so a skip there would hide a missing install step.
    """
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed ({install})"
        if ON_CI:
            pytest.fail(f"{message}: .ci/run must install it")
        pytest.skip(message)
    return path


def examples(thorough: int) -> int:
    """Examples of a property test: ``thorough`` under the thorough profile, a twentieth otherwise."""
    from hypothesis import settings

    if settings.get_current_profile_name() == "thorough":
        return thorough
    return max(5, thorough // 20)


def invoke(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    catch_exceptions: bool = True,
) -> Result:
    """Run ``charter ARGS`` in-process, with stdout and stderr kept apart.

    ``env`` adds variables for this run only (the hermetic fixture has removed
    the user's); ``catch_exceptions=False`` lets an internal error fail the test
    with its traceback.
    """
    from charter_cli.cli.app import app

    with working_folder(cwd):
        return CliRunner().invoke(
            app, list(args), input=stdin, env=env, catch_exceptions=catch_exceptions
        )


@contextmanager
def working_folder(folder: Path | None) -> Iterator[None]:
    """Run the block with ``folder`` as the working folder (or where it is, for ``None``)."""
    if folder is None:
        yield
        return
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


STUDY = "charter:grabendorff-2008"
"""How the shipped manifest names the study's catalogue, which ships with the package."""


def copy_shipped(target: Path, *, local_study: bool = False) -> Path:
    """Copy the shipped project (manifest, clauses, schemas, translations) into ``target``.

    With ``local_study`` the study's catalogue and text are copied too, into
    ``sources/``, and the manifest names them there, for tests that edit the
    catalogue (the packaged one is the same for every test).
    """
    from charter_cli.load.packaged import CATALOGUES

    target.mkdir(parents=True, exist_ok=True)
    manifest = (REPO / "charter.toml").read_text(encoding="utf-8")
    for name in ("clauses", "schemas", "translations"):
        shutil.copytree(REPO / name, target / name)
    if local_study:
        (target / "sources").mkdir()
        for suffix in (".toml", ".txt"):
            shutil.copy(CATALOGUES / f"grabendorff-2008{suffix}", target / "sources")
        catalogue = target / "sources" / "grabendorff-2008.toml"
        text = catalogue.read_text(encoding="utf-8").replace("../../schemas/", "../schemas/", 1)
        catalogue.write_text(text, encoding="utf-8")
        assert f'"{STUDY}"' in manifest
        manifest = manifest.replace(f'"{STUDY}"', '"sources/grabendorff-2008.toml"')
    (target / "charter.toml").write_text(manifest, encoding="utf-8")
    return target


def write_project(target: Path, changes: dict[str, str | None] | None = None) -> Path:
    """Write the starter project into ``target``, then apply ``changes``.

    ``changes`` maps a path to its new text (dedented) or to ``None`` to delete it.
    """
    for rel, content in project_files("Test Charter").items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    edit_project(target, changes or {})
    return target


def edit_project(target: Path, changes: dict[str, str | None]) -> None:
    """Write, replace (text is dedented) or delete (``None``) files of a project."""
    for rel, text in changes.items():
        path = target / rel
        if text is None:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def check_golden(path: Path, actual: str, *, update: bool) -> None:
    """Compare ``actual`` with the golden file, or rewrite it under ``--update-goldens``."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{path} did not exist; written now, review and commit it")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{path} differs; rerun with --update-goldens if the change is intended"
    )


SPARE = """\
[[clause]]
id = "spare"
title = "Spare"
status = "proposed"
proposed_by = "EU"
text = "The Parties may do more."
"""
"""A module with one clause that the starter manifest does not place."""

OBJECTIVES_BAD_COVER = """\
[[clause]]
id = "objectives"
title = "Objectives"
status = "agreed"
proposed_by = "joint"
covers = ["MAN-2-objectivs"]
text = "The Parties shall pursue the objectives of [[joint-committee]]."
"""
"""The starter's objectives module with a misspelt requirement in ``covers``."""

OBJECTIVES_NO_COVER = OBJECTIVES_BAD_COVER.replace('covers = ["MAN-2-objectivs"]\n', "")
"""The starter's objectives module covering nothing: a coverage gap, no integrity error."""

TASKS = """
[[clause]]
id = "tasks"
title = "Tasks"
status = "agreed"

[[clause.paragraph]]
id = "list"
text = "The Committee shall:"

[[clause.paragraph.point]]
id = "a"
text = "meet;"

[[clause.paragraph.point]]
id = "b"
text = "report."

[[clause.paragraph]]
id = "other"
text = "It may invite observers."
"""
"""A module with an agreed article of two paragraphs, the first with points (a) and (b)."""
