"""Concurrent ``charter new clause`` processes lose nothing and duplicate nothing.

Real processes, started together: sixteen adding a clause each to one module,
and four adding the same ID to four modules. Twenty rounds under the thorough
profile (what CI runs), one locally. A ``build`` run beside the writers must
always read a whole library.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import tomli
from hypothesis import settings

from charter_cli.draft.analysis import analyse
from helpers import WriteProject

ROUNDS = 20 if settings.get_current_profile_name() == "thorough" else 1
MODULE = "clauses/provisions/objectives.toml"


def _start(root: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "charter_cli", "-C", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=120)
        results.append((process.returncode, stdout, stderr))
    return results


def _ids(path: Path) -> list[str]:
    return [clause["id"] for clause in tomli.loads(path.read_text("utf-8")).get("clause", [])]


def _new(module: str, clause_id: str) -> tuple[str, ...]:
    return ("new", "clause", module, "--id", clause_id, "--title", f"Clause {clause_id}",
            "--text", f"The Parties shall act on {clause_id}.")  # fmt: skip


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_sixteen_writers_on_one_module_lose_nothing(
    write_project: WriteProject, round_: int
) -> None:
    root = write_project()
    before = _ids(root / MODULE)
    wanted = [f"added-{round_}-{n}" for n in range(16)]
    writers = [_start(root, *_new(MODULE, clause_id)) for clause_id in wanted]
    reader = _start(root, "build", "-o", "-")
    results = _finish(writers)
    assert [code for code, _, _ in results] == [0] * 16, [err for _, _, err in results]
    assert sorted(_ids(root / MODULE)) == sorted([*before, *wanted])
    code, draft, stderr = _finish([reader])[0]
    assert code == 0, stderr
    assert draft.startswith("---\n")  # a whole draft of one state of the library
    assert analyse(root).findings == ()
    assert not list(root.rglob("*.lock")), "lock files are removed by their last holder"
    assert not list(root.rglob("*.tmp"))


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_four_writers_of_one_id_add_it_once(write_project: WriteProject, round_: int) -> None:
    root = write_project()
    modules = [f"clauses/race/m{n}.toml" for n in range(4)]
    results = _finish([_start(root, *_new(module, f"same-{round_}")) for module in modules])
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2, 2, 2], [err for _, _, err in results]
    refused = [err for code, _, err in results if code]
    assert all(f"the ID 'same-{round_}' is already used by clause" in err for err in refused), (
        refused
    )
    written = [m for m in modules if (root / m).exists()]
    assert len(written) == 1
    assert _ids(root / written[0]) == [f"same-{round_}"]
