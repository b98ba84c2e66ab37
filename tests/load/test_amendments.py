"""Reading amendment files and the frozen numbering, with the same findings as every file of the library."""

from __future__ import annotations

import os

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.load.loader import load_library
from helpers import WriteProject

GOOD = """
[[amendment]]
number = 1
tabled_by = [{ group = "PPE" }]
target = { clause = "objectives" }
kind = "delete"
fingerprint = "sha256:0000000000000000"
"""


def test_files_are_read_in_path_order_and_broken_amendments_are_left_out(
    write_project: WriteProject,
) -> None:
    root = write_project(
        {
            "amendments/b.toml": GOOD.replace("number = 1", "number = 2"),
            "amendments/a/nested.toml": GOOD
            + GOOD.replace("number = 1", "number = 3").replace(
                'kind = "delete"', 'kind = "deletion"'
            ),
            "amendments/.hidden.toml": GOOD.replace("number = 1", "number = 9"),
            "amendments/notes.txt": "not read",
        }
    )
    library = load_library(root)
    assert [(e.file.rel, e.id) for e in library.amendments] == [
        ("amendments/a/nested.toml", "1"),
        ("amendments/b.toml", "2"),
    ]
    assert [f.format()[:45] for f in library.findings] == [
        "amendments/a/nested.toml:13: CH103 error: ame"
    ]
    assert library.files_read == 7


def test_an_unreadable_amendment_file(write_project: WriteProject) -> None:
    root = write_project({"amendments/a.toml": "[[amendment]\n"})
    analysis = analyse(root)
    assert [f.code for f in analysis.findings if f.code != "CH302"] == ["CH003"]
    assert analysis.exit_code().value == 2


def test_a_folder_outside_the_project(write_project: WriteProject) -> None:
    root = write_project()
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'version = "0.1.0"', 'version = "0.1.0"\namendments = "../elsewhere"'
        ),
        encoding="utf-8",
    )
    findings = [f.format() for f in load_library(root).findings]
    assert findings == [
        "charter.toml:8: CH214 error: amendments folder '../elsewhere' is outside the project (hint: keep every file inside the project folder)"
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_out_of_the_amendments_folder(
    write_project: WriteProject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "a.toml"
    outside.write_text(GOOD, encoding="utf-8")
    root = write_project()
    (root / "amendments").mkdir()
    (root / "amendments" / "a.toml").symlink_to(outside)
    assert [f.code for f in load_library(root).findings] == ["CH214"]


def test_hidden_characters_in_amendment_files_are_found(write_project: WriteProject) -> None:
    root = write_project({"amendments/a.toml": GOOD.replace('"PPE"', '"PP\u200bE"')})
    assert "CH230" in {f.code for f in analyse(root).findings}


def test_the_lock_is_part_of_the_library_hash(write_project: WriteProject) -> None:
    from charter_cli.render.provenance import library_hash

    root = write_project()
    before = library_hash(load_library(root))
    (root / "numbering.lock.toml").write_text('[article]\nobjectives = "1"\n', encoding="utf-8")
    assert library_hash(load_library(root)) != before
