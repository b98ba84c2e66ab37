"""XLIFF and PO for translators: valid for their consumers, the same bytes for the same units."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import polib
import pytest
from lxml import etree

from charter_cli.draft.analysis import analyse
from charter_cli.draft.translating import Export, ExportUnit, export_units
from charter_cli.errors import InvalidInputError
from charter_cli.render.exchange import po_document, xliff_document
from helpers import REPO, WriteProject, need_tool

SCHEMAS = REPO / "tests" / "schemas"


class _Local(etree.Resolver):
    """The W3C's xml.xsd from the vendored copy, never from the network."""

    def resolve(self, url: str | None, pubid: str | None, context: Any) -> Any:
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        return None


def _xliff_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Local())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"), parser))


HOSTILE = 'A <b>bold</b> & "quoted" text with ]]> and \u00e9 accents, [[ref]] and {mark}'
EXPORT = Export(
    "en",
    "es",
    (
        ExportUnit("a/title", "Title", "clauses/a.toml", "Article 1, title"),
        ExportUnit("a#p1", HOSTILE, "clauses/a.toml", "Article 1(1) — Title", "Viejo", "Old"),
        ExportUnit("charter/title", "The Charter", "charter.toml", "heading", "La Carta"),
    ),
)


def test_the_xliff_is_valid_and_carries_the_stale_unit_history() -> None:
    document = etree.fromstring(xliff_document(EXPORT))
    _xliff_schema().assertValid(document)
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    assert [f.get("original") for f in document.iterfind("x:file", ns)] == [
        "clauses/a.toml",
        "charter.toml",
    ]
    stale = document.find(".//x:trans-unit[@id='a#p1']", ns)
    assert stale is not None
    assert stale.findtext("x:source", namespaces=ns) == HOSTILE
    assert stale.find("x:target", ns).get("state") == "needs-review-translation"  # type: ignore[union-attr]
    assert stale.findtext("x:alt-trans/x:source", namespaces=ns) == "Old"
    assert stale.findtext("x:note", namespaces=ns) == "Article 1(1) — Title"
    assert xliff_document(EXPORT) == xliff_document(EXPORT)


def test_the_po_file_passes_msgfmt_and_reads_back(tmp_path: Path) -> None:
    msgfmt = need_tool("msgfmt", install="apt-get install gettext")
    path = tmp_path / "es.po"
    path.write_bytes(po_document(EXPORT))
    checked = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "es.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    po = polib.pofile(str(path))
    assert [(e.msgctxt, e.msgid, e.msgstr, "fuzzy" in e.flags) for e in po] == [
        ("a/title", "Title", "", False),
        ("a#p1", HOSTILE, "Viejo", True),
        ("charter/title", "The Charter", "La Carta", False),
    ]
    assert po[1].previous_msgid == "Old"
    assert po_document(EXPORT) == po_document(EXPORT)


def test_an_undeclared_language_is_named(write_project: WriteProject) -> None:
    with pytest.raises(InvalidInputError, match=r"'es' is not a language.*\[translations\]"):
        export_units(analyse(write_project()), "es")
