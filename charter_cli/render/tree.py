"""HTML built as a tree of elements (:mod:`xml.etree.ElementTree`), so that every text is escaped.

The HTML writers never join markup and text into strings: they add elements and
text to a tree, and the serialiser escapes each text and attribute as it writes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def child(
    parent: ET.Element,
    tag: str,
    text: str | None = None,
    attributes: dict[str, str] | None = None,
) -> ET.Element:
    """A new element at the end of ``parent``, holding ``text``."""
    element = ET.SubElement(parent, tag, attributes or {})
    element.text = text
    return element


def append_text(parent: ET.Element, text: str) -> None:
    """Add text after the last child of ``parent`` (or inside it, when it has none)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def serialise(element: ET.Element) -> str:
    """The element as HTML, and a line break."""
    return ET.tostring(element, encoding="unicode", method="html") + "\n"
