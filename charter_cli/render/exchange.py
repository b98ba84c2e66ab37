"""The files translators work in: XLIFF 1.2 for CAT tools, PO for translation platforms.

**XLIFF 1.2** (OASIS), which Trados, memoQ, OmegaT and most CAT tools open: one
``<file>`` per file of the library, one ``<trans-unit>`` per unit, its ``id`` the
unit's key. A new unit has an empty ``<target state="needs-translation">``; a
stale one carries the previous translation as its target
(``state="needs-review-translation"``) and, in an ``<alt-trans>``, the original
it was made from with that translation, so the translator sees what changed. A
``<note>`` says where the text stands (``Article 12(2) — Joint committee``).

**PO** (gettext), which Weblate, Pootle and Poedit read: ``msgctxt`` is the key,
``msgid`` the original, ``msgstr`` the translation; a stale unit is ``fuzzy``
with the earlier original as its previous ``msgid`` (``#| msgid``).

Neither file holds a date, so the same units give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from charter_cli.draft.translating import Export, ExportUnit
from charter_cli.load.exchange import XLIFF_NAMESPACE

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


def xliff_document(export: Export) -> bytes:
    """The units as an XLIFF 1.2 document (UTF-8, with an XML declaration)."""
    from lxml import etree

    def element(
        parent: etree._Element, tag: str, text: str | None = None, **attributes: str
    ) -> etree._Element:
        node: etree._Element = etree.SubElement(parent, f"{{{XLIFF_NAMESPACE}}}{tag}", attributes)
        if text is not None:
            node.text = text
        return node

    root = etree.Element(
        f"{{{XLIFF_NAMESPACE}}}xliff", {"version": "1.2"}, nsmap={None: XLIFF_NAMESPACE}
    )
    for home, units in _by_file(export):
        file = element(
            root,
            "file",
            original=home,
            **{"source-language": export.source_language, "target-language": export.language},
            datatype="plaintext",
        )
        body = element(file, "body")
        for unit in units:
            node = element(body, "trans-unit", id=unit.key)
            node.set(f"{{{XML_NAMESPACE}}}space", "preserve")
            element(node, "source", unit.source)
            target = element(node, "target", unit.target or "")
            target.set("state", "needs-review-translation" if unit.stale else "needs-translation")
            element(node, "note", unit.context, **{"from": "charter"})
            if unit.stale:
                earlier = element(node, "alt-trans", alttranstype="previous-version")
                element(earlier, "source", unit.previous_source)
                element(earlier, "target", unit.target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def po_document(export: Export) -> bytes:
    """The units as a gettext PO file (UTF-8)."""
    import polib

    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "charter",
        "Language": export.language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": export.source_language,
    }
    for unit in export.units:
        entry = polib.POEntry(
            msgctxt=unit.key,
            msgid=unit.source,
            msgstr=unit.target or "",
            comment=unit.context,
            occurrences=[(unit.home, "")],
        )
        if unit.stale:
            entry.flags.append("fuzzy")
            entry.previous_msgid = unit.previous_source
        po.append(entry)
    return str(po).encode("utf-8")


def _by_file(export: Export) -> Iterator[tuple[str, list[ExportUnit]]]:
    for home, units in groupby(export.units, key=lambda unit: unit.home):
        yield home, list(units)
