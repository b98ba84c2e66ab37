"""Check a parsed document against its Pydantic model and turn errors into findings.

A whole file is validated at once so that every problem is reported. When a file
has errors, the items of its arrays of tables (clauses, requirements) are
validated one by one so the valid ones can still be used: one bad clause must
not hide the rest of its module from the checks that follow.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from charter_cli.findings import Finding
from charter_cli.load.documents import Document
from charter_cli.load.keylines import KeyPath
from charter_cli.load.messages import (
    allowed_keys,
    annotation_at,
    describe,
    dotted,
    enclosing_table,
    expectation,
    model_in,
    nested_table,
    toml_value,
)
from charter_cli.suggest import closest

M = TypeVar("M", bound=BaseModel)

MAX_PER_FILE = 200
"""At most this many schema errors of one file are described one by one."""


def validate(doc: Document, model: type[M]) -> tuple[M | None, list[Finding]]:
    """Validate the whole document and report every error.

    If the only errors are unknown keys, the document is validated again without
    them, and the model is returned with the findings: a misspelt optional key
    must not keep the rest of the file out of the checks that follow.
    """
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        errors = error.errors()
    findings = findings_for(doc, model, errors)
    if all(details["type"] == "extra_forbidden" for details in errors):
        try:
            return model.model_validate(_without(doc.data, [e["loc"] for e in errors])), findings
        except ValidationError:
            pass
    return None, findings


def _without(data: Any, locations: list[tuple[str | int, ...]]) -> Any:
    """``data`` without the keys at ``locations``; only the tables on the way are copied."""
    for loc in locations:
        data = _dropped(data, loc)
    return data


def _dropped(node: Any, loc: tuple[str | int, ...]) -> Any:
    head, rest = loc[0], loc[1:]
    if isinstance(node, dict):
        copied = dict(node)
        if rest:
            copied[head] = _dropped(node[head], rest)
        else:
            del copied[head]
        return copied
    copied_list = list(node)
    copied_list[head] = _dropped(node[head], rest)  # type: ignore[index]
    return copied_list


def findings_for(
    doc: Document, model: type[BaseModel], errors: list[ErrorDetails]
) -> list[Finding]:
    """One finding per error; a misspelt required key gives one finding, not two.

    At most :data:`MAX_PER_FILE` errors are described; the rest are counted in
    one more finding (a list of a million wrong values is one mistake).
    """
    if len(errors) > MAX_PER_FILE:
        rest = len(errors) - MAX_PER_FILE
        shown = findings_for(doc, model, errors[:MAX_PER_FILE])
        last = shown[-1] if shown else None
        return [
            *shown,
            Finding(
                "CH103",
                f"and {rest} more schema error(s) in this file, not listed",
                doc.rel,
                last.line if last else None,
                hint="fix the errors listed first; the rest are most likely the same mistake",
            ),
        ]
    findings = [error_finding(doc, model, details) for details in errors]
    guessed = {
        (tuple(d["loc"][:-1]), _guess(model, tuple(d["loc"])))
        for d in errors
        if d["type"] == "extra_forbidden"
    }
    return [
        finding
        for finding, details in zip(findings, errors, strict=True)
        if not _explained(details, guessed)
    ]


def _explained(details: ErrorDetails, guessed: set[tuple[KeyPath, str | None]]) -> bool:
    """Whether a missing key is the misspelt key of another finding."""
    loc = tuple(details["loc"])
    if details["type"] == "missing":
        return (loc[:-1], loc[-1]) in guessed
    if details["type"] == "charter_missing":  # "has neither 'text' nor ...": one was misspelt
        return any(
            table == loc and guess is not None and guess in details["msg"]
            for table, guess in guessed
        )
    return False


def _guess(model: type[BaseModel], loc: KeyPath) -> str | None:
    return closest(str(loc[-1]), allowed_keys(model, loc[:-1]))


_CUSTOM = {"charter_missing": "CH102", "charter_invalid": "CH103"}
"""The error types the models' own validators raise, and their finding codes."""


def error_finding(doc: Document, model: type[BaseModel], details: ErrorDetails) -> Finding:
    """Turn one Pydantic error into a located, readable finding."""
    loc: KeyPath = tuple(details["loc"])
    kind = details["type"]
    where = describe(loc[:-1], doc.data) if loc else "the file"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        guess = _guess(model, loc)
        allowed = ", ".join(allowed_keys(model, loc[:-1]))
        hint = f"did you mean '{guess}'?" if guess else f"allowed keys: {allowed}"
        home = nested_table(model, loc[:-1], key)
        if home is not None:
            parent = home.rpartition(".")[0]
            hint = f"a {key} belongs to a {parent.rpartition('.')[2]}: write [[{home}]] after its [[{parent}]]"
        return doc.finding("CH101", f"unknown key '{key}' in {where}", loc, hint=hint)
    if kind in _CUSTOM:
        message = f"{describe(loc, doc.data)} {details['msg']}"
        return doc.finding(_CUSTOM[kind], message, loc)
    if kind == "missing":
        key = str(loc[-1])
        if model_in(annotation_at(model, loc)) is not None:
            return doc.finding("CH102", f"{where} has no [{dotted(loc)}] table", loc)
        return doc.finding("CH102", f"{where} is missing required key '{key}'", loc)
    table = enclosing_table(loc, doc.data)
    where = describe(table, doc.data)
    rest = loc[len(table) :]
    key = ".".join(str(p) for p in rest if not isinstance(p, int)) or str(loc[-1])
    item = next((f" item {p + 1}" for p in rest if isinstance(p, int)), "")
    got = toml_value(details.get("input"))
    of_tables = model_in(annotation_at(model, loc)) is not None
    expected, suggestion = expectation(details, key, of_tables=of_tables)
    message = f"{where}: '{key}'{item} {expected} (got {got})"
    return doc.finding("CH103", message, loc, hint=suggestion)
