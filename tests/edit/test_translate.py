"""charter translate import: finished units written back, stale ones refused, comments kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from charter_cli.draft.analysis import analyse
from charter_cli.draft.translating import export_units
from charter_cli.edit.run import run_edit
from charter_cli.edit.translate import plan_import
from charter_cli.errors import InvalidInputError
from charter_cli.render.exchange import po_document, xliff_document
from helpers import WriteProject

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def _project(write_project: WriteProject) -> Path:
    root = write_project()
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + '\n[translations]\nlanguages = ["pt"]\nrequired = ["pt"]\n',
        encoding="utf-8",
    )
    return root


def _filled(root: Path, tmp_path: Path, *, skip: str | None = None) -> Path:
    document = etree.fromstring(xliff_document(export_units(analyse(root), "pt")))
    for unit in document.iterfind(".//x:trans-unit", NS):
        if unit.get("id") == skip:
            continue
        target = unit.find("x:target", NS)
        assert target is not None
        target.text = "PT " + (unit.findtext("x:source", namespaces=NS) or "")
        target.set("state", "translated")
    path = tmp_path / "pt.xlf"
    path.write_bytes(etree.tostring(document, xml_declaration=True, encoding="UTF-8"))
    return path


def test_a_round_trip_leaves_the_language_complete(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = _project(write_project)
    outcome = run_edit(root, plan_import(_filled(root, tmp_path, skip="objectives#p1")))
    assert outcome.edit.done[-1] == "left out 1 unit(s) not translated or not yet reviewed"
    codes = [f.code for f in analyse(root).findings if f.code.startswith("CH25")]
    assert codes == ["CH250"]  # the one left out
    run_edit(root, plan_import(_filled(root, tmp_path)))
    assert not [f for f in analyse(root).findings if f.code.startswith("CH25")]


def test_an_update_keeps_the_comments_of_the_file(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = _project(write_project)
    run_edit(root, plan_import(_filled(root, tmp_path)))
    module = root / "translations/pt/clauses/institutions/committee.toml"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace(
            '[[unit]]\nkey = "joint-committee#review"',
            '# revised by Brazil\n[[unit]]\nkey = "joint-committee#review"',
        ),
        encoding="utf-8",
    )
    committee = root / "clauses/institutions/committee.toml"
    committee.write_text(
        committee.read_text(encoding="utf-8").replace("three years", "five years"), encoding="utf-8"
    )
    export = export_units(analyse(root), "pt")
    assert [unit.key for unit in export.units] == ["joint-committee#review"]
    assert (
        export.units[0].previous_source is not None and "three" in export.units[0].previous_source
    )
    path = tmp_path / "second.po"
    path.write_bytes(
        po_document(export).replace(b'msgstr "PT', b'msgstr "PTX').replace(b"#, fuzzy\n", b"")
    )
    outcome = run_edit(root, plan_import(path))
    assert outcome.edit.done == (
        "translations/pt/clauses/institutions/committee.toml: 0 new, 1 updated",
    )
    after = module.read_text(encoding="utf-8")
    assert "# revised by Brazil\n[[unit]]" in after and "five years" in after
    assert not [f for f in analyse(root).findings if f.code.startswith("CH25")]


def test_units_whose_original_changed_after_the_export_are_refused(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = _project(write_project)
    path = _filled(root, tmp_path)
    committee = root / "clauses/institutions/committee.toml"
    committee.write_text(
        committee.read_text(encoding="utf-8").replace("three years", "five years"), encoding="utf-8"
    )
    outcome = run_edit(root, plan_import(path))
    assert outcome.edit.refused == (
        f"pt.xlf:{_line_of(path, 'joint-committee#review')}: the original of 'joint-committee#review' "
        "changed after the export; export it again",
    )
    assert "joint-committee#review" not in (
        root / "translations/pt/clauses/institutions/committee.toml"
    ).read_text(encoding="utf-8")


def _line_of(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if f'id="{key}"' in line:
            return number
    raise AssertionError(key)


def test_files_that_are_not_an_exchange_are_one_clear_error(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = _project(write_project)
    for name, data, message in (
        ("x.txt", b"hello", "not a file 'charter translate export' writes"),
        ("x.xlf", b"<xliff", "not well-formed XML"),
        ("x.xlf", b"<html/>", "not an XLIFF 1.2 document"),
        ("missing.po", None, "no such file"),
    ):
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        with pytest.raises(InvalidInputError, match=message):
            run_edit(root, plan_import(path))
