"""``charter translate import``: write a translator's work back into the translation files.

A unit is taken only if its key names a text of the library and the original it
was translated from is the text as it is now: a unit whose original changed after
the export is refused (named in the result), since its translation may no longer
say what the original says. A unit already in a translation file is updated where
it is (its ``text`` and ``original``, with tomlkit, comments kept); a new one is
appended to the file that mirrors its original's file, created if need be.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from charter_cli.draft.analysis import Analysis
from charter_cli.draft.translating import language_of, target_file
from charter_cli.edit.blocks import as_block, insert, newline_of
from charter_cli.edit.run import Edit, Planner
from charter_cli.edit.texts import Texts, dump, parse, set_key
from charter_cli.load.exchange import Returned, read_exchange
from charter_cli.load.units import original_units
from charter_cli.load.wording import normalise
from charter_cli.scaffold.schemas import TRANSLATION_SCHEMA, directive_for
from charter_cli.scaffold.tomlblock import array_of_tables


def plan_import(path: Path) -> Planner:
    """Import the XLIFF or PO file at ``path`` (see the module's docstring)."""

    def plan(analysis: Analysis) -> Edit:
        exchange = read_exchange(path)
        language = language_of(analysis, exchange.language)
        originals = original_units(analysis.library)
        refused: list[str] = []
        accepted: dict[str, list[tuple[Returned, str]]] = defaultdict(list)
        for unit in exchange.units:
            original = originals.get(unit.key)
            if original is None:
                refused.append(f"{unit.where}: '{unit.key}' is not a text of the library")
            elif normalise(unit.source) != normalise(original.text):
                refused.append(
                    f"{unit.where}: the original of '{unit.key}' changed after the export; "
                    "export it again"
                )
            else:
                known = language.units.get(unit.key)
                home = known.doc.rel if known is not None else target_file(language, original.home)
                accepted[home].append((unit, original.text))
        root = analysis.library.root
        texts = Texts(root)
        done = []
        for rel in sorted(accepted):
            new, updated = _write_units(texts, root, rel, exchange.language, accepted[rel])
            done.append(f"{rel}: {new} new, {updated} updated")
        if exchange.unfinished:
            done.append(
                f"left out {exchange.unfinished} unit(s) not translated or not yet reviewed"
            )
        edit = texts.edit(done or ["nothing to import"])
        return Edit(edit.files, edit.done, edit.read, refused=tuple(refused))

    return plan


def _write_units(
    texts: Texts, root: Path, rel: str, language: str, units: list[tuple[Returned, str]]
) -> tuple[int, int]:
    before = texts.get(rel)
    if not before:
        before = f'{directive_for(root / rel, root, TRANSLATION_SCHEMA)}\n[translation]\nlanguage = "{language}"\n'
    document = parse(before, rel)
    tables: Any = document.get("unit", [])
    positions = {table.get("key"): index for index, table in enumerate(tables)}
    fresh = []
    updated = 0
    for unit, original in units:
        index = positions.get(unit.key)
        if index is None:
            fresh.append({"key": unit.key, "original": original, "text": unit.target})
            continue
        table = tables[index]
        if table.get("text") != unit.target or table.get("original") != original:
            set_key(table, "original", original, after=("key",))
            set_key(table, "text", unit.target, after=("original", "key"))
            updated += 1
    text = dump(document, before)
    if fresh:
        text = insert(text, len(text), as_block(array_of_tables("unit", fresh), newline_of(text)))
    texts.put(rel, text)
    return len(fresh), updated
