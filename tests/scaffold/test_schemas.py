"""The JSON Schemas for editors: they accept every shipped file, agree with the models, never go stale."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
import tomli
from jsonschema import Draft7Validator, Draft202012Validator
from pydantic import BaseModel, ValidationError

from charter_cli.errors import ExitCode
from charter_cli.models import Catalogue, Manifest, Module
from charter_cli.models.translation import TranslationFile
from charter_cli.scaffold.new_clause import NewClause, add_clause
from charter_cli.scaffold.project import create_project
from charter_cli.scaffold.schemas import (
    DRAFT,
    REPORT_DRAFT,
    REPORT_SCHEMA,
    SCHEMA_DIR,
    directive_for,
    render_schema,
    report_schema,
    schema_documents,
    schema_files,
    schema_name_for,
    write_schemas,
)
from helpers import REPO, WriteProject, invoke

DIRECTIVE = "#:schema "


def shipped_toml_files() -> list[Path]:
    return [
        REPO / "charter.toml",
        *sorted((REPO / "charter_cli" / "catalogues").glob("*.toml")),
        *sorted((REPO / "clauses").rglob("*.toml")),
        *sorted((REPO / "amendments").rglob("*.toml")),
    ]


def as_json(value: Any) -> Any:
    """A TOML document as editors validate it: dates and times become ISO 8601 strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    return value


def schema_errors(schema: dict[str, Any], document: dict[str, Any]) -> list[str]:
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(as_json(document))
    ]


def validate_file(path: Path, root: Path, schemas: dict[str, dict[str, Any]]) -> list[str]:
    document = tomli.loads(path.read_text(encoding="utf-8"))
    return schema_errors(schemas[schema_name_for(path, root)], document)


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every object inside a schema, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


# (a) every shipped file is valid against its schema


@pytest.mark.parametrize("path", shipped_toml_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_shipped_file_validates(path: Path) -> None:
    assert validate_file(path, REPO, schema_documents()) == []


def test_the_schemas_are_draft_7_and_friendly_to_editors() -> None:
    for name, schema in schema_documents().items():
        Draft7Validator.check_schema(schema)
        assert schema["$schema"] == DRAFT
        assert name.removesuffix(".schema.json") in schema["title"]
        assert schema["additionalProperties"] is False
        rendered = render_schema(schema)
        for absent in ('"$defs"', '"$id"', '"null"', "#/$defs/"):
            assert absent not in rendered, f"{name} contains {absent}"
        for node in walk(schema):
            ref = node.get("$ref")
            if isinstance(ref, str):
                # a reference stands alone (draft 7 ignores its siblings) and resolves
                assert node == {"$ref": ref}
                assert ref.removeprefix("#/definitions/") in schema["definitions"]
            if node.get("type") == "object":
                assert node["additionalProperties"] is False


def test_field_docstrings_become_descriptions() -> None:
    module = schema_documents()["module.schema.json"]
    clause = module["definitions"]["Clause"]["properties"]
    assert clause["status"]["description"].startswith(
        "Negotiation status of the article as a whole: ``proposed`` or ``bracketed``"
    )
    assert clause["status"]["enum"] == ["proposed", "bracketed", "agreed"]
    assert module["description"].startswith("A clause module file.")
    for name, schema in schema_documents().items():
        for node in walk(schema):
            for key, prop in node.get("properties", {}).items():
                assert prop.get("description"), f"{name}: key '{key}' has no description"


# (b) the committed schemas are what the models give today, and `charter schema` writes them


def test_committed_schemas_are_current() -> None:
    documents = schema_files()
    assert sorted(p.name for p in (REPO / SCHEMA_DIR).iterdir()) == sorted(documents)
    for name, schema in documents.items():
        committed = (REPO / SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == render_schema(schema), f"schemas/{name} is stale: run 'charter schema'"
        assert json.loads(committed) == schema


def test_rendering_is_deterministic() -> None:
    assert [render_schema(s) for s in schema_documents().values()] == [
        render_schema(s) for s in schema_documents().values()
    ]


def test_charter_schema_writes_then_reports_unchanged(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project()
    out = tmp_path / "out"
    first = invoke("-C", str(root), "schema", "-o", str(out))
    assert first.exit_code == ExitCode.OK, first.output
    kinds = len(schema_files())
    assert [line.split()[0] for line in first.stderr.splitlines()] == ["wrote"] * kinds
    for name, schema in schema_files().items():
        assert (out / name).read_text(encoding="utf-8") == render_schema(schema)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    second = invoke("-C", str(root), "schema", "-o", str(out))
    assert second.exit_code == ExitCode.OK
    assert [line.split()[0] for line in second.stderr.splitlines()] == ["unchanged"] * kinds
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps
    # without -o, the project's own schemas/ folder, which init already filled
    default = invoke("-C", str(root), "schema")
    assert default.exit_code == ExitCode.OK
    assert [line.split()[0] for line in default.stderr.splitlines()] == ["unchanged"] * kinds


def test_write_schemas_rewrites_only_a_changed_file(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    (tmp_path / "module.schema.json").write_text("{}\n", encoding="utf-8")
    changed = {path.name: flag for path, flag in write_schemas(tmp_path)}
    assert changed == {name: name == "module.schema.json" for name in schema_files()}
    assert len(changed) == 11
    assert (tmp_path / "module.schema.json").read_text(encoding="utf-8") == render_schema(
        schema_documents()["module.schema.json"]
    )


# (c) the #:schema directive


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("charter.toml", "#:schema ./schemas/charter.schema.json"),
        ("sources/a.toml", "#:schema ../schemas/catalogue.schema.json"),
        ("clauses/x.toml", "#:schema ../schemas/module.schema.json"),
        ("clauses/instruments/public/x.toml", "#:schema ../../../schemas/module.schema.json"),
        ("other/charter.toml", "#:schema ../schemas/catalogue.schema.json"),
        ("amendments/ppe.toml", "#:schema ../schemas/amendment.schema.json"),
        ("amendments/2026/ppe.toml", "#:schema ../../schemas/amendment.schema.json"),
        ("numbering.lock.toml", "#:schema ./schemas/numbering.schema.json"),
        ("translations/es/charter.toml", "#:schema ../../schemas/translation.schema.json"),
    ],
)
def test_directive_for(rel: str, expected: str, tmp_path: Path) -> None:
    assert directive_for(tmp_path / rel, tmp_path) == expected
    before = Path.cwd()
    os.chdir(tmp_path)
    try:  # relative paths work the same
        assert directive_for(Path(rel), Path()) == expected
    finally:
        os.chdir(before)


def assert_directive_leads_to_its_schema(path: Path, root: Path) -> None:
    first, second = path.read_text(encoding="utf-8").splitlines()[:2]
    assert first == directive_for(path, root), path
    assert not second.startswith(DIRECTIVE), path
    target = (path.parent / first.removeprefix(DIRECTIVE)).resolve()
    assert target == (root / SCHEMA_DIR / schema_name_for(path, root)).resolve()
    assert target.is_file(), target


@pytest.mark.parametrize("path", shipped_toml_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_shipped_file_starts_with_its_directive(path: Path) -> None:
    assert_directive_leads_to_its_schema(path, REPO)


# (d) new projects and new modules


def test_a_new_project_carries_directives_and_valid_schemas(tmp_path: Path) -> None:
    root = tmp_path / "new"
    written = create_project(root, title="Charter on Fair Trade")
    assert sorted(
        p.relative_to(root).as_posix() for p in written if p.parent.name == SCHEMA_DIR
    ) == [f"{SCHEMA_DIR}/{name}" for name in sorted(schema_files())]
    own = {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in (root / SCHEMA_DIR).iterdir()
    }
    assert own == schema_files()
    tomls = [p for p in written if p.suffix == ".toml"]
    assert len(tomls) == 5
    for path in tomls:
        assert_directive_leads_to_its_schema(path, root)
        assert validate_file(path, root, own) == []


def test_a_new_module_starts_with_its_directive(write_project: WriteProject) -> None:
    root = write_project()
    module = root / "clauses" / "trade" / "tariffs.toml"
    add_clause(root, module, NewClause(id="tariffs", title="Tariffs", text="No tariffs."))
    text = module.read_text(encoding="utf-8")
    assert text.startswith(
        '#:schema ../../schemas/module.schema.json\n[module]\ntitle = "Tariffs"\n\n[[clause]]\n'
    )
    assert validate_file(module, root, schema_documents()) == []


def test_appending_leaves_a_module_header_alone(write_project: WriteProject) -> None:
    plain = (
        '[[clause]]\nid = "a"\ntitle = "A"\nstatus = "agreed"\nproposed_by = "joint"\ntext = "T."\n'
    )
    root = write_project({"clauses/plain.toml": plain})
    module = root / "clauses" / "plain.toml"
    add_clause(root, module, NewClause(id="b", title="B", text="More."))
    assert module.read_text(encoding="utf-8").startswith(plain)


# (e) the schemas reject what the models reject

VALID_CLAUSE = {
    "id": "c",
    "title": "C",
    "status": "agreed",
    "proposed_by": "joint",
    "text": "T.",
}
VALID_REQUIREMENT = {
    "id": "R-1",
    "section": "1",
    "level": "public",
    "kind": "threat",
    "statement": "S.",
    "quote": "q",
}
SOURCE = {
    "id": "S",
    "title": "T",
    "citation": "C",
    "text": "s.txt",
    "published": date(2008, 11, 12),
}
CHARTER = {"title": "T", "version": "1"}

SAMPLES: list[tuple[str, type[BaseModel], dict[str, Any], bool]] = [
    ("valid module", Module, {"module": {"title": "M"}, "clause": [VALID_CLAUSE]}, True),
    ("valid catalogue", Catalogue, {"source": SOURCE, "requirement": [VALID_REQUIREMENT]}, True),
    ("valid manifest", Manifest, {"charter": CHARTER, "preamble": {"include": ["a.toml"]}}, True),
    ("unknown top-level key", Module, {"clause": [], "clauses": []}, False),
    ("unknown clause key", Module, {"clause": [{**VALID_CLAUSE, "stauts": "agreed"}]}, False),
    ("bad status", Module, {"clause": [{**VALID_CLAUSE, "status": "final"}]}, False),
    (
        "missing text",
        Module,
        {"clause": [{k: v for k, v in VALID_CLAUSE.items() if k != "text"}]},
        False,
    ),
    ("bad clause id", Module, {"clause": [{**VALID_CLAUSE, "id": "9-lives"}]}, False),
    ("blank title", Module, {"clause": [{**VALID_CLAUSE, "title": "  "}]}, False),
    ("two-line title", Module, {"clause": [{**VALID_CLAUSE, "title": "A\nB"}]}, False),
    ("number as text", Module, {"clause": [{**VALID_CLAUSE, "text": 7}]}, False),
    ("unknown module key", Module, {"module": {"name": "M"}}, False),
    (
        "bad level",
        Catalogue,
        {"source": SOURCE, "requirement": [{**VALID_REQUIREMENT, "level": "national"}]},
        False,
    ),
    (
        "bad kind",
        Catalogue,
        {"source": SOURCE, "requirement": [{**VALID_REQUIREMENT, "kind": "wish"}]},
        False,
    ),
    ("no source", Catalogue, {"requirement": []}, False),
    ("bad date", Catalogue, {"source": {**SOURCE, "published": "12 November 2008"}}, False),
    ("unknown charter key", Manifest, {"charter": {**CHARTER, "lang": "en"}}, False),
    ("bad language", Manifest, {"charter": {**CHARTER, "language": "English"}}, False),
    (
        "chapter without heading",
        Manifest,
        {"charter": CHARTER, "title": [{"heading": "T", "chapter": [{}]}]},
        False,
    ),
    (
        "translation",
        TranslationFile,
        {
            "translation": {"language": "es"},
            "unit": [{"key": "a/title", "original": "Title", "text": "Título"}],
            "term": [{"original": "State Party", "text": "Estado Parte"}],
        },
        True,
    ),
    (
        "translation unit without its original",
        TranslationFile,
        {"translation": {"language": "es"}, "unit": [{"key": "a/title", "text": "Título"}]},
        False,
    ),
    (
        "translation key with a space",
        TranslationFile,
        {"translation": {"language": "es"}, "unit": [{"key": "a b", "original": "x", "text": "y"}]},
        False,
    ),
]
SCHEMA_OF = {
    Manifest: "charter.schema.json",
    Catalogue: "catalogue.schema.json",
    Module: "module.schema.json",
    TranslationFile: "translation.schema.json",
}


@pytest.mark.parametrize(
    ("model", "document", "valid"), [s[1:] for s in SAMPLES], ids=[s[0] for s in SAMPLES]
)
def test_schema_and_model_agree(
    model: type[BaseModel], document: dict[str, Any], valid: bool
) -> None:
    try:
        model.model_validate(document)
    except ValidationError:
        model_accepts = False
    else:
        model_accepts = True
    schema_accepts = not schema_errors(schema_documents()[SCHEMA_OF[model]], document)
    assert (model_accepts, schema_accepts) == (valid, valid)


# (e) the schema of the JSON report of `charter check`


def _every_json_report() -> list[tuple[str, dict[str, Any]]]:
    from charter_cli.draft.analysis import analyse
    from charter_cli.render.reports.jsonreport import build_report
    from charter_cli.render.reports.shared import ReportPaths
    from helpers import CASES

    reports = []
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        analysis = analyse(case)
        for strict in (False, True):
            report = build_report(analysis, strict=strict, paths=ReportPaths("charter"))
            reports.append(
                (f"{case.name}{' --strict' if strict else ''}", report.model_dump(mode="json"))
            )
    reports += [
        (p.parent.name, json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(CASES.glob("*/report.json"))
    ]
    return reports


def test_every_json_report_validates_against_the_written_schema(tmp_path: Path) -> None:
    written = dict(write_schemas(tmp_path))
    assert tmp_path / REPORT_SCHEMA in written
    schema = json.loads((tmp_path / REPORT_SCHEMA).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    reports = _every_json_report()
    assert len(reports) > 100
    for name, report in reports:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(report)]
        assert errors == [], name
    assert not validator.is_valid({**reports[0][1], "unknown": 1})  # the shape is closed


def test_the_cli_report_validates_against_the_schema_charter_schema_wrote(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project({"clauses/spare.toml": "[[clause]]\nid = 1\n"})
    assert invoke("-C", str(root), "schema", "-o", str(tmp_path / "s")).exit_code == ExitCode.OK
    schema = json.loads((tmp_path / "s" / REPORT_SCHEMA).read_text(encoding="utf-8"))
    result = invoke("-C", str(root), "check", "--output-format", "json")
    assert result.exit_code == ExitCode.FINDINGS
    report = json.loads(result.stdout)
    assert report["findings"]
    Draft202012Validator(schema).validate(report)
    assert schema == report_schema()
    assert schema["$schema"] == REPORT_DRAFT
    assert (
        schema["properties"]["findings"]["description"] == "Every finding, sorted by file and line."
    )
