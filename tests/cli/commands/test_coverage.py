"""``charter coverage``: exit codes first, then the lines that matter."""

from __future__ import annotations

import re

from charter_cli.draft.analysis import analyse
from charter_cli.errors import ExitCode
from helpers import OBJECTIVES_NO_COVER, REPO, WriteProject, invoke


def test_coverage_table_and_exit_codes(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke("-C", str(root), "coverage")
    assert result.exit_code == ExitCode.OK
    assert "MAN-2-objectives" in result.stdout and "Art. 1 (objectives)" in result.stdout
    assert invoke("-C", str(root), "coverage", "--level", "public").exit_code == ExitCode.OK
    bad = invoke("-C", str(root), "coverage", "--level", "national")
    assert bad.exit_code == ExitCode.USAGE
    assert bad.stderr == (
        "error: invalid value for '--level': 'national' is not one of 'public', 'state', "
        "'regional', 'cross-cutting' (hint: run 'charter coverage' with --help)\n"
    )
    gap = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_NO_COVER})
    missing = invoke("-C", str(gap), "coverage", "--missing")
    assert missing.exit_code == ExitCode.FINDINGS
    assert "MAN-2-objectives" in missing.stdout
    assert "MAN-2-joint-committee" not in missing.stdout


def _rows(stdout: str) -> list[list[str]]:
    """The rows of the first table of a plain listing, split at runs of two spaces or more."""
    lines = stdout.splitlines()
    end = next((i for i, line in enumerate(lines[1:], 1) if line.startswith("Coverage by")), None)
    table = lines[3:end]
    return [re.split(r"\s{2,}", line.strip()) for line in table if not line.startswith("--")]


def test_a_section_selects_itself_and_its_subsections() -> None:
    result = invoke("-C", str(REPO), "coverage", "--section", "4", "--kind", "instrument")
    assert result.exit_code == ExitCode.OK
    rows = _rows(result.stdout)
    assert {row[1] for row in rows} == {"4.1", "4.2", "4.3"}  # section 4 has no instrument
    assert {row[3] for row in rows} == {"instrument"}
    analysis = analyse(REPO)
    assert analysis.coverage is not None
    expected = [
        i.entry.id
        for i in analysis.coverage.items
        if i.entry.requirement.section.startswith("4")
        and i.entry.requirement.kind.value == "instrument"
    ]
    assert [row[0] for row in rows] == expected
    assert result.stderr.startswith(f"{len(expected)} of {len(expected)} requirement(s) covered")


def test_the_statement_stands_beside_the_requirement() -> None:
    result = invoke("-C", str(REPO), "coverage", "--section", "5.2")
    header = result.stdout.splitlines()[1].split()
    assert header[:7] == ["requirement", "§", "level", "kind", "state", "statement", "covered"]
    row = next(r for r in _rows(result.stdout) if r[0] == "GRA-5.2-congruent-offers")
    statement = analyse(REPO).library.requirements["GRA-5.2-congruent-offers"].requirement
    assert row[5] == statement.statement


def test_coverage_by_section() -> None:
    result = invoke("-C", str(REPO), "coverage", "--by-section", "--agreed-only")
    assert result.exit_code == ExitCode.FINDINGS  # open text covers some requirements only
    lines = result.stdout.splitlines()
    assert lines[0] == "Coverage by agreed text, by section"
    assert lines[1].split() == ["section", "title", "covered", "at", "risk"]
    rows = {row[0]: row for row in _rows(result.stdout)}
    assert list(rows)[:3] == ["intro", "1", "1.1"]  # the study's order
    assert rows["4.1"][1] == "Public Security"
    analysis = analyse(REPO)
    assert analysis.coverage is not None
    items = [i for i in analysis.coverage.items if i.entry.requirement.section == "4.1"]
    agreed = sum(i.state.value == "covered" for i in items)
    at_risk = sum(i.state.value == "at-risk" for i in items)
    assert rows["4.1"][2:] == [f"{agreed}/{len(items)}", str(at_risk)]
    assert "footnotes" not in rows  # no requirement comes from the footnotes


def test_coverage_by_section_names_the_source_when_there_are_several(
    write_project: WriteProject,
) -> None:
    root = write_project()
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'sources = ["sources/mandate.toml"]',
            'sources = ["sources/mandate.toml"]\ninformative = ["charter:grabendorff-2008"]',
        ),
        encoding="utf-8",
    )
    result = invoke("-C", str(root), "coverage", "--by-section")
    rows = _rows(result.stdout)
    assert rows[0][:3] == ["Mandate", "2", "Content"]
    assert rows[1][:3] == ["Grabendorff 2008", "intro", "Introduction"]


def test_unknown_sections_and_filters_get_a_did_you_mean(write_project: WriteProject) -> None:
    root = write_project()
    section = invoke("-C", str(root), "coverage", "--section", "3")
    assert section.exit_code == ExitCode.USAGE
    assert section.stderr == ("error: no section '3' in the sources (hint: the sections: 1, 2)\n")
    near = invoke("-C", str(REPO), "list", "requirements", "--section", "4.11")
    assert near.stderr.startswith(
        "error: no section '4.11' in the sources (hint: did you mean '4.1'? The sections: intro,"
    )
    kind = invoke("-C", str(root), "coverage", "--kind", "instruments")
    assert kind.exit_code == ExitCode.USAGE
    assert "(hint: did you mean 'instrument'?)" in kind.stderr
    nothing = invoke("-C", str(root), "coverage", "--kind", "threat")
    assert nothing.exit_code == ExitCode.OK
    assert nothing.stdout == "Requirements and the articles that cover them\nnone\n"
