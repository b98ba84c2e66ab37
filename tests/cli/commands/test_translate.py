"""charter translate status / export / import from the command line."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from charter_cli.errors import ExitCode
from helpers import WriteProject, invoke

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def _project(write_project: WriteProject) -> Path:
    root = write_project()
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + '\n[translations]\nlanguages = ["es", "pt"]\nrequired = ["es"]\n',
        encoding="utf-8",
    )
    return root


def test_export_fill_import_and_status(write_project: WriteProject) -> None:
    root = _project(write_project)
    exported = invoke("-C", str(root), "translate", "export", "--lang", "es")
    assert exported.exit_code == ExitCode.OK, exported.stderr
    assert (
        exported.stderr
        == "wrote build/translate-es.xlf: 17 unit(s) for 'es' (17 to translate, 0 stale)\n"
    )
    path = root / "build" / "translate-es.xlf"
    tree = etree.parse(str(path))
    for unit in tree.iterfind(".//x:trans-unit", NS):
        target = unit.find("x:target", NS)
        assert target is not None
        target.text = "ES " + (unit.findtext("x:source", namespaces=NS) or "")
        target.attrib.pop("state")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    imported = invoke("-C", str(root), "translate", "import", str(path))
    assert imported.exit_code == ExitCode.OK, imported.stderr
    assert imported.stderr.splitlines()[0] == "translations/es/charter.toml: 8 new, 0 updated"
    status = invoke("-C", str(root), "translate", "status")
    assert status.stdout.splitlines()[3:] == [
        "es        yes          17        100%     100%        0      0",
        "pt        no           17          0%       0%       17      0",
    ]
    check = invoke("-C", str(root), "check")
    assert check.exit_code == ExitCode.OK, check.stdout
    assert check.stderr.splitlines()[-1].endswith("translated: es 100%, pt 0%; 9 files read")


def test_po_to_stdout_and_a_refused_import(write_project: WriteProject, tmp_path: Path) -> None:
    root = _project(write_project)
    po = invoke("-C", str(root), "translate", "export", "--lang", "pt", "--format", "po", "-o", "-")
    assert po.exit_code == ExitCode.OK
    assert 'msgctxt "joint-committee#review"' in po.stdout
    stale = tmp_path / "pt.po"
    stale.write_text(
        po.stdout.replace(
            'msgid "The Joint Committee shall follow up the implementation of this Charter and '
            'review it every three years."\nmsgstr ""',
            'msgid "The Joint Committee shall review it every year."\nmsgstr "O Comitê Misto"',
        ),
        encoding="utf-8",
    )
    refused = invoke("-C", str(root), "translate", "import", str(stale))
    assert refused.exit_code == ExitCode.FINDINGS
    assert "refused: pt.po:" in refused.stderr
    assert "the original of 'joint-committee#review' changed after the export" in refused.stderr
    unknown = invoke("-C", str(root), "translate", "export", "--lang", "fr")
    assert unknown.exit_code == ExitCode.USAGE
    assert unknown.stderr == (
        "error: 'fr' is not a language of the charter's translations "
        "(hint: the languages are: es, pt)\n"
    )
