"""Read what a translator sends back: an XLIFF 1.2 or a PO file written by ``translate export``.

Only finished translations are taken: an XLIFF ``<target>`` that is not empty and
whose ``state`` is not one of the ``needs-...`` states (or ``new``), a PO entry
with a ``msgstr`` that is not ``fuzzy``. A unit left as exported (a stale unit
still marked for review) is therefore never taken for a reviewed one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charter_cli.errors import InvalidInputError

XLIFF_NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
"""The namespace of XLIFF 1.2 documents."""

_UNFINISHED = {"new"}


@dataclass(frozen=True)
class Returned:
    """One translation sent back: its key, the original it was made from, the translation."""

    key: str
    source: str
    target: str
    where: str
    """Where it stands in the file sent back (``file.xlf:37``), for messages."""


@dataclass(frozen=True)
class Exchange:
    """A file sent back by a translator."""

    language: str
    units: tuple[Returned, ...]
    unfinished: int
    """Units left untranslated, or still marked for review."""


def read_exchange(path: Path) -> Exchange:
    """Read an XLIFF (``.xlf``, ``.xliff``) or PO (``.po``) file; one clear error if it cannot be."""
    if not path.is_file():
        raise InvalidInputError(f"{path}: no such file")
    if path.suffix.lower() == ".po":
        return _read_po(path)
    if path.suffix.lower() in {".xlf", ".xliff", ".xml"}:
        return _read_xliff(path)
    raise InvalidInputError(
        f"{path}: not a file 'charter translate export' writes",
        hint="give an XLIFF file (.xlf) or a PO file (.po)",
    )


def _read_xliff(path: Path) -> Exchange:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as error:
        raise InvalidInputError(f"{path}: not well-formed XML: {error}") from None
    ns = {"x": XLIFF_NAMESPACE}
    if root.tag != f"{{{XLIFF_NAMESPACE}}}xliff":
        raise InvalidInputError(f"{path}: not an XLIFF 1.2 document (its root is {root.tag!s})")
    languages = {file.get("target-language") for file in root.iterfind("x:file", ns)}
    language = _one_language(path, languages)
    units = []
    unfinished = 0
    for unit in root.iterfind("x:file/x:body//x:trans-unit", ns):
        source = unit.find("x:source", ns)
        target = unit.find("x:target", ns)
        text = _text(target)
        state = target.get("state", "") if target is not None else ""
        if not text.strip() or state in _UNFINISHED or state.startswith("needs-"):
            unfinished += 1
            continue
        units.append(
            Returned(unit.get("id", ""), _text(source), text, f"{path.name}:{unit.sourceline}")
        )
    return Exchange(language, tuple(units), unfinished)


def _text(node: object) -> str:
    """All the text of an element, inline tags (``<g>``, ``<mrk>``) dissolved."""
    if node is None:
        return ""
    return "".join(node.itertext())  # type: ignore[attr-defined]


def _read_po(path: Path) -> Exchange:
    import polib

    try:
        po = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InvalidInputError(f"{path}: not a PO file polib can read: {error}") from None
    language = _one_language(path, {po.metadata.get("Language")})
    units = []
    unfinished = 0
    for entry in po:
        if entry.obsolete:
            continue
        if not entry.msgstr.strip() or "fuzzy" in entry.flags:
            unfinished += 1
            continue
        units.append(
            Returned(entry.msgctxt or "", entry.msgid, entry.msgstr, f"{path.name}:{entry.linenum}")
        )
    return Exchange(language, tuple(units), unfinished)


def _one_language(path: Path, languages: set[str | None]) -> str:
    found = {language for language in languages if language}
    if len(found) != 1:
        raise InvalidInputError(
            f"{path}: the file must be in one target language, not {sorted(found) or 'none'}",
            hint="export one language at a time with 'charter translate export --lang XX'",
        )
    return found.pop()
