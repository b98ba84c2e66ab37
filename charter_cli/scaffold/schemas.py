"""JSON Schemas of every file kind, generated from the Pydantic models, for TOML editors.

Editors that speak JSON Schema (Taplo / Even Better TOML, tombi) complete keys,
show each key's documentation and flag mistakes while the committee types. The
schemas are made from the same models the loader validates with, so the two
cannot disagree; the field docstrings become the descriptions.

Pydantic writes draft 2020-12 style schemas; Taplo understands draft 4/7 best,
so the schemas are rewritten for draft 7: ``$defs`` become ``definitions``, a
``$ref`` that carries its own description is replaced by the definition it
names (draft 7 ignores keywords beside ``$ref``, and Taplo would show the
definition's documentation instead of the key's), and ``X | None`` becomes
``X`` because TOML has no null. A TOML file names its schema in a first line
``#:schema <path>`` (see :func:`directive_for`).

``charter schema`` also writes the schemas of the JSON reports of ``charter
check`` and ``charter coverage`` (:func:`report_schema`), for the scripts that
read them: those are JSON,
where null is a value, so it is written as Pydantic makes it (draft 2020-12).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from charter_cli.errors import WriteRefusedError
from charter_cli.load.amendments import DEFAULT_FOLDER, LOCK_FILE
from charter_cli.load.project import CLAUSES_DIR, MANIFEST
from charter_cli.models import Catalogue, Manifest, Module
from charter_cli.models.amendment import AmendmentFile
from charter_cli.models.frozen import NumberingLock
from charter_cli.models.translation import TranslationFile
from charter_cli.render.amendments_json import AmendmentsReport, VotingListReport
from charter_cli.render.comparison_json import DiffReport
from charter_cli.render.reports.jsonreport import CheckReport, CoverageReport
from charter_cli.write.output import output_target, write_output

SCHEMA_DIR = "schemas"
"""Folder of the schemas, relative to the project root."""

DRAFT = "http://json-schema.org/draft-07/schema#"
"""The JSON Schema dialect written: the one TOML editors support best."""

CHARTER_SCHEMA = "charter.schema.json"
CATALOGUE_SCHEMA = "catalogue.schema.json"
MODULE_SCHEMA = "module.schema.json"
AMENDMENT_SCHEMA = "amendment.schema.json"
LOCK_SCHEMA = "numbering.schema.json"
TRANSLATION_SCHEMA = "translation.schema.json"
REPORT_SCHEMA = "check-report.schema.json"
"""The schema of ``charter check --output-format json``."""
COVERAGE_SCHEMA = "coverage-report.schema.json"
"""The schema of ``charter coverage --output-format json``."""
OUTPUT_SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    REPORT_SCHEMA: (CheckReport, "charter check report (charter check --output-format json)"),
    COVERAGE_SCHEMA: (
        CoverageReport,
        "charter coverage report (charter coverage --output-format json)",
    ),
    "diff-report.schema.json": (DiffReport, "charter diff report (charter diff --format json)"),
    "amendments-report.schema.json": (
        AmendmentsReport,
        "charter amendments (charter amendments --format json)",
    ),
    "voting-list.schema.json": (
        VotingListReport,
        "charter voting list (charter amendments --voting-list --format json)",
    ),
}
"""The JSON outputs, by schema file name: the model each is written from and its title."""
REPORT_DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The dialect of the report's schema: the one Pydantic writes."""

_KINDS: dict[str, tuple[type[BaseModel], str]] = {
    CHARTER_SCHEMA: (Manifest, f"charter manifest ({MANIFEST})"),
    CATALOGUE_SCHEMA: (Catalogue, "charter requirements catalogue (sources/*.toml)"),
    MODULE_SCHEMA: (Module, f"charter clause module ({CLAUSES_DIR}/**/*.toml)"),
    AMENDMENT_SCHEMA: (AmendmentFile, f"charter amendment file ({DEFAULT_FOLDER}/**/*.toml)"),
    LOCK_SCHEMA: (
        NumberingLock,
        f"charter frozen numbering ({LOCK_FILE}, written by charter freeze)",
    ),
    TRANSLATION_SCHEMA: (TranslationFile, "charter translation file (translations/LANG/**/*.toml)"),
}
"""File name of each schema -> the model it is made from and its title."""

_REF_PREFIX = "#/definitions/"


def schema_documents() -> dict[str, dict[str, Any]]:
    """The schema of every file kind, by file name (e.g. ``module.schema.json``)."""
    return {name: _document(model, title) for name, (model, title) in _KINDS.items()}


def report_schema(name: str = REPORT_SCHEMA) -> dict[str, Any]:
    """The JSON Schema of a JSON output (by default the report of ``charter check``), from its models."""
    model, title = OUTPUT_SCHEMAS[name]
    return _headed(REPORT_DRAFT, title, model.model_json_schema(mode="serialization"))


def _headed(dialect: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
    """A schema document: its dialect, title and description first, then the body's keywords."""
    document: dict[str, Any] = {
        "$schema": dialect,
        "title": title,
        "description": (
            f"{body.pop('description')} Generated from the models of charter-drafter by "
            "'charter schema'; regenerate it rather than editing it."
        ),
    }
    body.pop("title", None)
    document.update(body)
    return document


def schema_files() -> dict[str, dict[str, Any]]:
    """Every schema ``charter schema`` writes, by file name: the file kinds, then the reports."""
    return {**schema_documents(), **{name: report_schema(name) for name in OUTPUT_SCHEMAS}}


def render_schema(schema: dict[str, Any]) -> str:
    """The schema as the text written to disk: the same schema always gives the same bytes."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[tuple[Path, bool]]:
    """Write every schema (:func:`schema_files`) into ``folder``; return each path and whether it changed.

    A file whose content is already right is not rewritten.
    """
    if folder.exists() and not folder.is_dir():
        raise WriteRefusedError(f"{folder}: is not a folder", hint="give a folder with -o")
    results = []
    for name, schema in schema_files().items():
        path = folder / name
        data = render_schema(schema).encode("utf-8")
        results.append((path, write_output(output_target(path), [data])))
    return results


def schema_name_for(toml_path: Path, root: Path, amendments: str = DEFAULT_FOLDER) -> str:
    """The schema file of a TOML file of the project at ``root``, decided by where it lies.

    ``charter.toml`` at the root is the manifest, ``numbering.lock.toml`` the
    frozen numbering, files under ``clauses/`` are clause modules, files under
    ``translations/`` translation files, files under ``amendments/`` (or the
    folder ``amendments`` names) amendment files, and every other TOML file is a
    requirements catalogue.
    """
    rel = Path(os.path.relpath(_located(toml_path), root.resolve())).as_posix()
    if rel == MANIFEST:
        return CHARTER_SCHEMA
    if rel == LOCK_FILE:
        return LOCK_SCHEMA
    if rel.startswith(f"{CLAUSES_DIR}/"):
        return MODULE_SCHEMA
    if rel.startswith("translations/"):
        return TRANSLATION_SCHEMA
    if rel.startswith(f"{amendments.strip('/')}/"):
        return AMENDMENT_SCHEMA
    return CATALOGUE_SCHEMA


def directive_for(
    toml_path: Path, root: Path, schema: str | None = None, amendments: str = DEFAULT_FOLDER
) -> str:
    """The first line that points a TOML editor at the schema of ``toml_path`` (or at ``schema``).

    Taplo resolves the path from the folder of the document, so it is relative to
    that folder, with ``/`` separators: ``#:schema ../schemas/catalogue.schema.json``.
    """
    target = root.resolve() / SCHEMA_DIR / (schema or schema_name_for(toml_path, root, amendments))
    rel = Path(os.path.relpath(target, _located(toml_path).parent)).as_posix()
    return f"#:schema {rel if rel.startswith('../') else './' + rel}"


def _located(path: Path) -> Path:
    """``path`` made absolute with its folder's links resolved, so it compares with the root."""
    return path.parent.resolve() / path.name


def _document(model: type[BaseModel], title: str) -> dict[str, Any]:
    raw = model.model_json_schema(ref_template=_REF_PREFIX + "{model}")
    definitions: dict[str, Any] = raw.pop("$defs", {})
    body = _editor_friendly(raw, definitions)
    used = _referenced(body, definitions)
    document = _headed(DRAFT, title, body)
    if used:
        document["definitions"] = {
            name: _editor_friendly(definitions[name], definitions) for name in sorted(used)
        }
    return document


def _editor_friendly(node: Any, definitions: dict[str, Any]) -> Any:
    """``node`` with optional values made plain and documented references inlined."""
    if isinstance(node, list):
        return [_editor_friendly(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    node = _without_null(node)
    if "patternProperties" in node and "additionalProperties" not in node:
        node = {**node, "additionalProperties": False}  # a key must match the pattern
    ref = node.get("$ref")
    if isinstance(ref, str) and len(node) > 1:
        target = definitions[ref.removeprefix(_REF_PREFIX)]
        inlined = {key: value for key, value in target.items() if key != "title"}
        node = dict(sorted({**inlined, **node}.items()))
        del node["$ref"]
    return {key: _editor_friendly(value, definitions) for key, value in node.items()}


def _without_null(node: dict[str, Any]) -> dict[str, Any]:
    """``anyOf: [X, null]`` as plain ``X``, and no default that TOML cannot write."""
    options = node.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [option for option in options if option != {"type": "null"}]
        node = {key: value for key, value in node.items() if key != "anyOf"}
        node = (
            dict(sorted({**rest[0], **node}.items())) if len(rest) == 1 else {**node, "anyOf": rest}
        )
    if "default" in node and _has_null(node["default"]):
        node = {key: value for key, value in node.items() if key != "default"}
    return node


def _has_null(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_null(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_null(item) for item in value)
    return value is None


def _referenced(node: Any, definitions: dict[str, Any]) -> set[str]:
    """Names of the definitions ``node`` still refers to, directly or through others."""
    found: set[str] = set()
    pending = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                name = ref.removeprefix(_REF_PREFIX)
                if name not in found:
                    found.add(name)
                    pending.append(_editor_friendly(definitions[name], definitions))
            pending.extend(item.values())
    return found
