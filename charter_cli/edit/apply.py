"""``charter apply``: write the adopted amendments into the library.

Each adopted amendment (and adopted compromise) is resolved against today's
text (:func:`charter_cli.check.amendments.resolve`): one whose wording is the one
it was tabled to is written; one already written (``consolidated``) is
recognised and left alone, so running ``apply`` twice changes nothing; a stale,
unknown or unfingerprinted one, and adopted ones that cannot both be written, are
refused, each with the finding ``charter check`` gives. Identical amendments are
written once.

New wording replaces a value with tomlkit, so comments and formatting stay;
inserted and deleted tables are cut and written as blocks of text
(:mod:`charter_cli.edit.blocks`), as ``move`` and ``remove`` do. Each amendment
is located again by its IDs in the text the earlier ones left, so two amendments
to one clause never disturb each other. The edit runner then checks the library
as the edit leaves it and writes every file as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import tomlkit

from charter_cli.check.amendments import Resolution as Resolved
from charter_cli.check.amendments import (
    State,
    conflict,
    describe_target,
    resolve,
    same_effect,
)
from charter_cli.draft.analysis import Analysis
from charter_cli.draft.model import Article
from charter_cli.edit.blocks import as_block, cut, insert, newline_of, table_blocks
from charter_cli.edit.run import Edit, EditRefusedError, Planner
from charter_cli.edit.texts import Texts, array_of, data_of, dump, parse, set_key
from charter_cli.errors import InvalidInputError
from charter_cli.findings import Finding, Severity
from charter_cli.load.amendments import AmendmentEntry
from charter_cli.load.includes import manifest_entries
from charter_cli.load.project import MANIFEST
from charter_cli.load.wording import expanded, inline, word_diff
from charter_cli.models.amendment import Amendment
from charter_cli.scaffold.templates import toml_string
from charter_cli.syntax import Placeholder, segments
from charter_cli.vocabulary import AmendmentKind, Outcome

_REFUSED_CODES = {
    State.STALE: "CH242",
    State.UNKNOWN: "CH240",
    State.UNFINGERPRINTED: "CH248",
}


def plan_apply(numbers: Sequence[str] = ()) -> Planner:
    """Write the adopted amendments (or those of ``numbers``: ``12``, ``CA1``) into the library.

    The edit's ``refused`` lines are the findings of the amendments that could
    not be written; the others are written all the same.
    """

    def plan(analysis: Analysis) -> Edit:
        library = analysis.library
        entries = sorted(
            _selected(library.amendments, numbers),
            key=lambda e: (not e.amendment.compromise, e.amendment.number),
        )
        resolutions = [resolve(library, entry) for entry in entries]
        done: list[str] = []
        refused: list[Finding] = []
        ready: list[Resolved] = []
        for resolution in resolutions:
            amendment = resolution.amendment
            if resolution.state is State.CONSOLIDATED:
                done.append(f"{amendment.label} is already in the text; nothing to change")
            elif resolution.state is State.CURRENT:
                ready.append(resolution)
            else:
                refused.append(_refusal(resolution))
        ready, identical = _once(ready)
        ready, clashing = _without_conflicts(ready)
        refused += clashing
        texts = Texts(library.root)
        for resolution in ready:
            done += _write(analysis, texts, resolution, identical.get(resolution.amendment.id, []))
        edit = texts.edit(done)
        if not edit.files and not done and not refused:
            done.append("no adopted amendment to apply")
        lines = tuple(finding.format() for finding in refused)
        return Edit(edit.files, tuple(done), edit.read, refused=lines)

    return plan


def _selected(entries: Sequence[AmendmentEntry], numbers: Sequence[str]) -> list[AmendmentEntry]:
    """The adopted amendments, or those named (which must exist and be adopted)."""
    if not numbers:
        return [e for e in entries if e.amendment.outcome is Outcome.ADOPTED]
    by_id = {e.amendment.id: e for e in entries}
    chosen = []
    for number in numbers:
        wanted = number.upper() if number.upper().startswith("CA") else number
        entry = by_id.get(wanted)
        if entry is None:
            raise InvalidInputError(
                f"no amendment has the number '{number}'",
                hint="'charter amendments --voting-list' lists them (CA1 for a compromise)",
            )
        if entry.amendment.outcome is not Outcome.ADOPTED:
            raise EditRefusedError(
                f"{entry.amendment.label} is {entry.amendment.outcome.value}, not adopted; "
                "only adopted amendments are written into the text",
                hint="record the committee's vote in its 'outcome' first",
            )
        chosen.append(entry)
    return chosen


def _refusal(resolution: Resolved) -> Finding:
    amendment = resolution.amendment
    code = _REFUSED_CODES.get(resolution.state, "CH240")
    what = {
        State.STALE: "the wording it amends has changed since it was tabled",
        State.UNFINGERPRINTED: "it has no fingerprint of the wording it amends",
    }.get(resolution.state, resolution.problem or "its target is not in the text")
    hint = {
        State.STALE: "check it against today's wording, then run 'charter amendments "
        f"fingerprint --refresh {amendment.id}'",
        State.UNFINGERPRINTED: f"run 'charter amendments fingerprint {amendment.id}'",
    }.get(resolution.state, resolution.hint)
    message = f"{amendment.label.lower()} not applied: {what}"
    if resolution.state is State.STALE and resolution.recorded and resolution.wording:
        message += f" ({inline(word_diff(resolution.recorded, resolution.wording))})"
    return resolution.entry.finding(code, message, "target", hint=hint, severity=Severity.ERROR)


def _once(ready: list[Resolved]) -> tuple[list[Resolved], dict[str, list[str]]]:
    """Identical amendments written once: the first, and the labels of the others by its ID."""
    kept: list[Resolved] = []
    identical: dict[str, list[str]] = {}
    for resolution in ready:
        twin = next((k for k in kept if same_effect(k.amendment, resolution.amendment)), None)
        if twin is None:
            kept.append(resolution)
        else:
            identical.setdefault(twin.amendment.id, []).append(resolution.amendment.label.lower())
    return kept, identical


def _without_conflicts(ready: list[Resolved]) -> tuple[list[Resolved], list[Finding]]:
    """Amendments that can be written, and a finding for each of two that cannot both be."""
    clashing: dict[str, str] = {}
    for index, later in enumerate(ready):
        for earlier in ready[:index]:
            if conflict(earlier, later):
                clashing.setdefault(later.amendment.id, earlier.amendment.label.lower())
                clashing.setdefault(earlier.amendment.id, later.amendment.label.lower())
    findings = [
        r.entry.finding(
            "CH243",
            f"{r.amendment.label.lower()} not applied: it and {clashing[r.amendment.id]} are "
            f"both adopted, but cannot both be written into {describe_target(r.amendment)}",
            "outcome",
            hint='one of them fell when the other was adopted: set its outcome to "fallen"',
            severity=Severity.ERROR,
        )
        for r in ready
        if r.amendment.id in clashing
    ]
    return [r for r in ready if r.amendment.id not in clashing], findings


# ---------------------------------------------------------------- writing one


@dataclass(frozen=True)
class _Place:
    """Where a target lies in the current text of its module, by position."""

    rel: str
    clause: int
    paragraph: int | None
    point: int | None
    tables: bool
    """Whether the clause has paragraph tables (else one ``text``)."""


def _write(analysis: Analysis, texts: Texts, resolution: Resolved, twins: list[str]) -> list[str]:
    amendment = resolution.amendment
    clause = resolution.clause
    assert clause is not None  # noqa: S101 - a current resolution has its clause
    rel = clause.module.rel
    before = texts.get(rel)
    place = _locate(before, rel, amendment)
    if amendment.kind is AmendmentKind.REPLACE:
        after = _replace(before, rel, place, amendment)
    elif amendment.kind is AmendmentKind.DELETE:
        after = _delete(before, rel, place)
    else:
        after = _insert(before, rel, place, amendment)
    texts.put(rel, after)
    if amendment.kind is AmendmentKind.DELETE and place.paragraph is None:
        _unlist(analysis, texts, clause.id)
    together = f" (with {', '.join(twins)}, identical)" if twins else ""
    lines = [f"applied {amendment.label.lower()}{together}: {_what(analysis, resolution)}"]
    if amendment.kind is AmendmentKind.REPLACE and resolution.wording is not None:
        new = expanded(amendment.text or "", resolution.paragraph)
        lines.append(f"  {inline(word_diff(resolution.wording, new))}")
    return lines


def _what(analysis: Analysis, resolution: Resolved) -> str:
    amendment = resolution.amendment
    target = amendment.target
    placement = analysis.draft.placements.get(target.clause) if analysis.draft else None
    if isinstance(placement, Article):
        where = placement.cite(target.paragraph, target.point)
    elif placement is not None:
        where = placement.label
    else:
        where = f"'{target.clause}'"
    verb = {
        AmendmentKind.REPLACE: "new wording of",
        AmendmentKind.DELETE: "deleted",
        AmendmentKind.INSERT: f"inserted '{amendment.new_id}' {'before' if target.before else 'after'}",
    }[amendment.kind]
    return f"{verb} {where} ({describe_target(amendment)})"


def _locate(text: str, rel: str, amendment: Amendment) -> _Place:
    """The positions of the target's clause, paragraph and point in ``text``."""
    target = amendment.target
    clauses = data_of(text).get("clause", [])
    index = next((i for i, c in enumerate(clauses) if c.get("id") == target.clause), None)
    if index is None:
        raise EditRefusedError(f"{rel}: clause '{target.clause}' is no longer in this file")
    found = clauses[index]
    tables = "paragraph" in found
    if target.paragraph is None:
        return _Place(rel, index, None, None, tables)
    if not tables:
        if target.paragraph == "p1" and amendment.kind is AmendmentKind.REPLACE:
            return _Place(rel, index, None, None, tables)  # one ``text``: its only paragraph
        raise EditRefusedError(
            f"{rel}: '{target.clause}' keeps its text in one 'text', which has no paragraph "
            "tables to amend one by one",
            hint="run 'charter migrate' to give it paragraph tables first",
        )
    paragraphs = found["paragraph"]
    para = next(i for i, p in enumerate(paragraphs) if p.get("id") == target.paragraph)
    if target.point is None:
        return _Place(rel, index, para, None, tables)
    points = paragraphs[para].get("point", [])
    return _Place(
        rel, index, para, next(i for i, p in enumerate(points) if p.get("id") == target.point), True
    )


def _replace(text: str, rel: str, place: _Place, amendment: Amendment) -> str:
    document = parse(text, rel)
    new = amendment.text or ""
    clause: Any = array_of(document, ("clause",))[place.clause]
    if place.paragraph is None and not place.tables:
        clause["text"] = _string(new)
        return dump(document, text)
    paragraph = clause["paragraph"][place.paragraph if place.paragraph is not None else 0]
    if place.point is not None:
        paragraph["point"][place.point]["text"] = _string(new)
        return dump(document, text)
    set_key(paragraph, "text", _string(new), after=("id",))
    if "alternative" in paragraph:
        del paragraph["alternative"]
    _drop_unused_brackets(paragraph)
    return dump(document, text)


def _drop_unused_brackets(paragraph: Any) -> None:
    """Remove the options of brackets that neither the new text nor a point still names."""
    if "bracket" not in paragraph:
        return
    texts = [
        str(paragraph.get("text", "")),
        *(str(p.get("text", "")) for p in paragraph.get("point", [])),
    ]
    named = {part.name for t in texts for part in segments(t) if isinstance(part, Placeholder)}
    brackets = paragraph["bracket"]
    for name in [n for n in brackets if n not in named]:
        del brackets[name]
    if not brackets:
        del paragraph["bracket"]


def _string(text: str) -> Any:
    """A TOML string as the library writes it: one line, or a multi-line string."""
    if "\n" in text.strip():
        return tomlkit.string(text if text.endswith("\n") else text + "\n", multiline=True)
    return text


def _path(place: _Place) -> tuple[str | int, ...]:
    """The key path of the array of tables the target is an entry of."""
    if place.paragraph is None:
        return ("clause",)
    if place.point is None:
        return ("clause", place.clause, "paragraph")
    return ("clause", place.clause, "paragraph", place.paragraph, "point")


def _block(text: str, rel: str, place: _Place) -> Any:
    path = _path(place)
    index = place.clause if place.paragraph is None else place.paragraph
    if place.point is not None:
        index = place.point
    blocks = table_blocks(text, path)
    if index >= len(blocks):
        raise EditRefusedError(
            f"{rel}: cannot find the tables of '{'.'.join(map(str, path))}' safely"
        )
    return blocks[index]


def _delete(text: str, rel: str, place: _Place) -> str:
    return cut(text, _block(text, rel, place))


def _insert(text: str, rel: str, place: _Place, amendment: Amendment) -> str:
    block = _block(text, rel, place)
    at = block.start if amendment.target.before else block.end
    header = {
        ("clause",): "[[clause]]",
        ("clause", place.clause, "paragraph"): "[[clause.paragraph]]",
    }.get(_path(place), "[[clause.paragraph.point]]")
    lines = [header, f"id = {toml_string(amendment.new_id or '')}"]
    if amendment.title is not None:
        lines.append(f"title = {toml_string(amendment.title)}")
    lines.append(f"text = {toml_string(amendment.text or '')}")
    if place.paragraph is None:
        lines.append(f"notes = {toml_string(f'Inserted by {amendment.label}.')}")
    return insert(text, at, as_block("\n".join(lines), newline_of(text)))


def _unlist(analysis: Analysis, texts: Texts, clause: str) -> None:
    """Take a deleted article's ID out of the manifest entries that name it."""
    manifest = analysis.library.manifest
    if manifest is None:
        return
    named = [e for e in manifest_entries(manifest) if e.value == clause]
    if not named:
        return
    before = texts.get(MANIFEST)
    document = parse(before, MANIFEST)
    for found in sorted(named, key=lambda e: e.loc, reverse=True):
        array: Any = array_of(document, found.loc[:-1])
        del array[int(found.loc[-1])]
    texts.put(MANIFEST, dump(document, before))
