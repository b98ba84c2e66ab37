"""Catalogues shipped with charter: named ``charter:NAME``, read from the package, checked alike."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.load import packaged
from charter_cli.load.loader import load_library
from charter_cli.load.packaged import packaged_names, packaged_path, packaged_rel
from charter_cli.render.provenance import library_hash
from charter_cli.write.output import project_inputs
from helpers import WriteProject, invoke

STUDY = "charter:grabendorff-2008"


def _manifest_with(root: Path, sources: str) -> None:
    manifest = root / "charter.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace('sources = ["sources/mandate.toml"]', f"sources = {sources}"),
        encoding="utf-8",
    )


def test_the_study_ships_with_its_text() -> None:
    assert STUDY in packaged_names()
    path = packaged_path(STUDY)
    assert path is not None and path.is_file()
    assert path.with_suffix(".txt").is_file()
    assert packaged_rel(path) == STUDY
    assert packaged_rel(path.with_suffix(".txt")) == f"{STUDY}.txt"


@pytest.mark.parametrize(
    "name", ["charter:", "charter:nope", "charter:../grabendorff-2008", "charter:a/b", "charter:.x"]
)
def test_a_name_that_ships_nothing_finds_no_file(name: str) -> None:
    assert packaged_path(name) is None


def test_a_manifest_names_the_packaged_study(write_project: WriteProject) -> None:
    root = write_project()
    _manifest_with(root, f'["sources/mandate.toml", "{STUDY}"]')
    library = load_library(root)
    study = next(c for c in library.catalogues if c.file.doc.rel == STUDY)
    assert len(study.requirements) == 132
    assert study.file.text_rel == f"{STUDY}.txt"
    assert study.file.text is not None and "EURO-LATIN AMERICAN CHARTER" in study.file.text
    assert study.requirements[0].location == f"{STUDY}:{study.requirements[0].line('id')}"
    assert (root / STUDY) not in project_inputs(library)  # never a path in the project
    assert packaged_path(STUDY) in project_inputs(library)
    result = invoke("-C", str(root), "check")
    assert result.exit_code == 1  # the study's requirements are not covered by this project
    gaps = [line for line in result.stdout.splitlines() if " CH301 " in line]
    assert len(gaps) == 132
    assert all(line.startswith(f"{STUDY}:") for line in gaps)
    assert str(packaged.CATALOGUES) not in result.stdout + result.stderr


def test_reports_keep_the_packaged_name(write_project: WriteProject, tmp_path: Path) -> None:
    root = write_project(root=tmp_path / "repository" / "charter")
    subprocess.run(["git", "init", "-q", str(tmp_path / "repository")], check=True)
    _manifest_with(root, f'["{STUDY}"]')
    spelt = {"github": "charter%3Agrabendorff-2008", "sarif": "charter%3Agrabendorff-2008"}
    for output_format in ("github", "json", "sarif", "gitlab", "junit"):
        result = invoke("-C", str(root), "check", "--output-format", output_format)
        assert result.exit_code == 1
        assert spelt.get(output_format, STUDY) in result.stdout, output_format
        assert "charter/clauses/" in result.stdout, output_format  # the project's own files
        assert f"/{STUDY}" not in result.stdout, output_format
        assert str(packaged.CATALOGUES) not in result.stdout, output_format


def test_an_unknown_packaged_name_gets_a_did_you_mean(write_project: WriteProject) -> None:
    root = write_project()
    _manifest_with(root, '["charter:grabendorf-2008"]')
    analysis = analyse(root)
    found = [f for f in analysis.findings if f.code == "CH224"]
    assert [f.format() for f in found] == [
        "charter.toml:9: CH224 error: source 'charter:grabendorf-2008' names no catalogue "
        "shipped with charter (hint: did you mean 'charter:grabendorff-2008'? The catalogues "
        "shipped with charter: charter:grabendorff-2008)"
    ]
    assert not analysis.library.damage.sources_known  # covers are not judged against nothing
    assert not [f for f in analysis.findings if f.code == "CH204"]


def test_the_packaged_study_listed_twice_is_read_once(write_project: WriteProject) -> None:
    root = write_project()
    _manifest_with(root, f'["{STUDY}", "{STUDY}"]')
    analysis = analyse(root)
    assert [f.code for f in analysis.findings if f.code in ("CH232", "CH201")] == ["CH232"]
    assert len(analysis.library.catalogues) == 1


def test_quotes_are_checked_against_the_packaged_text(
    write_project: WriteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    shutil.copy(packaged.CATALOGUES / "grabendorff-2008.toml", shipped)
    text = (packaged.CATALOGUES / "grabendorff-2008.txt").read_text(encoding="utf-8")
    (shipped / "grabendorff-2008.txt").write_text(
        text.replace("hazardous chemical substances", "dangerous substances"), encoding="utf-8"
    )
    monkeypatch.setattr(packaged, "CATALOGUES", shipped)
    root = write_project()
    _manifest_with(root, f'["{STUDY}"]')
    found = [f for f in analyse(root).findings if f.code == "CH210"]
    assert len(found) == 1
    assert found[0].file == STUDY
    assert found[0].line is not None


def test_the_library_hash_covers_the_packaged_catalogue(
    write_project: WriteProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_project()
    _manifest_with(root, f'["{STUDY}"]')
    before = library_hash(load_library(root))
    shipped = tmp_path / "shipped"
    shutil.copytree(packaged.CATALOGUES, shipped)
    catalogue = shipped / "grabendorff-2008.toml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\n# a newer release\n")
    monkeypatch.setattr(packaged, "CATALOGUES", shipped)
    assert library_hash(load_library(root)) != before  # an upgrade that changes it shows
