"""``charter amendments``: the shipped amendments document and voting list, pinned; their JSON; fingerprints."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from charter_cli.draft.amendments import amendments_in_order, voting_list
from charter_cli.draft.analysis import analyse
from charter_cli.errors import ExitCode
from charter_cli.load.wording import Change
from charter_cli.vocabulary import AmendmentKind, Outcome
from helpers import REPO, WriteProject, check_golden, invoke

SHIPPED = REPO / "tests" / "shipped"
HEADER = "#:schema ../schemas/amendment.schema.json\n"
REVIEW = "The Joint Committee shall follow up the implementation of this Charter and review it every three years."


def test_the_shipped_amendments_document_is_pinned(update_goldens: bool) -> None:
    result = invoke("-C", str(REPO), "amendments")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stderr == "16 amendment(s)\n"
    check_golden(SHIPPED / "amendments.md", result.stdout, update=update_goldens)


def test_the_shipped_voting_list_is_pinned(update_goldens: bool) -> None:
    result = invoke("-C", str(REPO), "amendments", "--voting-list")
    assert result.exit_code == ExitCode.OK, result.stderr
    check_golden(SHIPPED / "voting-list.md", result.stdout, update=update_goldens)


def test_the_shipped_amendments_are_a_real_set() -> None:
    """At least twelve, from both regions, some identical, some conflicting, several outcomes."""
    analysis = analyse(REPO)
    assert analysis.draft is not None
    placed = amendments_in_order(analysis.library, analysis.draft)
    amendments = [p.amendment for p in placed]
    assert len([a for a in amendments if not a.compromise]) >= 12
    delegations = {who.delegation for a in amendments for who in a.tabled_by}
    assert "European Parliament" in delegations
    assert {"Latin American Parliament", "Andean Parliament"} <= delegations
    assert any(who.party == "LAC" for a in amendments for who in a.tabled_by)
    assert {who.group for a in amendments for who in a.tabled_by} >= {"PPE-DE", "PSE", "Verts/ALE"}
    outcomes = {a.outcome for a in amendments}
    assert {
        Outcome.ADOPTED,
        Outcome.REJECTED,
        Outcome.WITHDRAWN,
        Outcome.FALLEN,
        Outcome.REPLACED,
    } <= outcomes
    assert {a.kind for a in amendments} == set(AmendmentKind)
    votes = voting_list(placed)
    assert any(vote.identical for vote in votes)
    assert any(vote.falls_if for vote in votes)
    assert any(vote.replaces for vote in votes)
    assert all(a.justification and "section" in a.justification.lower() for a in amendments)
    study = (REPO / "charter_cli" / "catalogues" / "grabendorff-2008.txt").read_text(
        encoding="utf-8"
    )
    study = _plain(study)
    quoted = [part for a in amendments for part in (a.justification or "").split('"')[1::2]]
    assert len(quoted) >= 12
    for quote in quoted:
        if "[" not in quote:
            assert _plain(quote) in study, quote


def _plain(text: str) -> str:
    """Text compared with a quotation: white space collapsed, no quotation marks, lower case."""
    return re.sub("[\"'\u201c\u201d\u2018\u2019]", "", " ".join(text.split()).lower())


def _html(markdown: str) -> str:
    return str(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown))


def test_the_document_reads_as_the_european_parliament_prints_it() -> None:
    text = invoke("-C", str(REPO), "amendments").stdout
    html = _html(text)
    assert html.count("<table>") == 16
    assert html.count("<th>Text proposed by the co-rapporteurs</th>") == 16
    assert "<td><em><strong>deleted</strong></em></td>" in html
    assert "<p>Or. es</p>" in html and "<p>Or. pt</p>" in html and "<p>Or. fr</p>" in html
    assert "<strong>Article 27 \N{EN DASH} paragraph 3</strong>" in html
    assert "<strong>Article 60a (new)</strong>" in html


def test_the_json_validates_against_its_schemas(tmp_path: Path) -> None:
    assert invoke("-C", str(REPO), "schema", "-o", str(tmp_path)).exit_code == ExitCode.OK
    for args, name in (
        ([], "amendments-report.schema.json"),
        (["--voting-list"], "voting-list.schema.json"),
    ):
        result = invoke("-C", str(REPO), "amendments", "--format", "json", *args)
        assert result.exit_code == ExitCode.OK
        schema = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(json.loads(result.stdout))


def test_the_json_gives_each_amendments_words() -> None:
    report = json.loads(invoke("-C", str(REPO), "amendments", "--format", "json").stdout)
    by_id = {a["id"]: a for a in report["amendments"]}
    three = by_id["3"]
    assert three["subject"] == "Article 27 \N{EN DASH} paragraph 3"
    assert three["state"] == "current" and three["outcome"] == "adopted"
    changed = [e for e in three["edits"] if e["change"] != Change.EQUAL]
    assert changed == [
        {"change": "delete", "words": ["The"]},
        {
            "change": "insert",
            "words": [
                "Within",
                "one",
                "year",
                "of",
                "the",
                "entry",
                "into",
                "force",
                "of",
                "this",
                "Charter,",
                "the",
            ],
        },
        {"change": "delete", "words": ["three"]},
        {"change": "insert", "words": ["two"]},
    ]
    votes = json.loads(
        invoke("-C", str(REPO), "amendments", "--voting-list", "--format", "json").stdout
    )
    grouped = next(v for v in votes["votes"] if v["identical"])
    assert grouped["amendments"] == ["3", "4"]
    assert next(v for v in votes["votes"] if v["amendments"] == ["6"])["falls_if"] == ["5"]


def test_written_to_a_file(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke("-C", str(root), "amendments", "-o", "build/amendments.md")
    assert result.exit_code == ExitCode.OK
    assert result.stderr == "0 amendment(s)\n"
    assert (
        (root / "build" / "amendments.md")
        .read_text(encoding="utf-8")
        .startswith("# Amendments to the Test Charter")
    )
    refused = invoke("-C", str(root), "amendments", "-o", "charter.toml")
    assert refused.exit_code == ExitCode.USAGE


def test_akoma_ntoso_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    from exporting import valid_akn

    result = invoke("-C", str(REPO), "amendments", "--format", "akn")
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stderr == "16 amendment(s)\n"
    assert result.stdout.startswith("<?xml version='1.0' encoding='UTF-8'?>")
    valid_akn(result.stdout.encode("utf-8"))
    out = tmp_path / "amendments.akn.xml"
    written = invoke("-C", str(REPO), "amendments", "--format", "akn", "-o", str(out))
    assert written.exit_code == ExitCode.OK, written.stderr
    assert (written.stdout, out.read_bytes()) == ("", result.stdout.encode("utf-8"))
    refused = invoke("-C", str(REPO), "amendments", "--format", "akn", "--voting-list")
    assert refused.exit_code == ExitCode.USAGE
    assert refused.stderr == "error: --voting-list is written as md or json, not akn\n"


def test_a_library_that_cannot_be_read(write_project: WriteProject) -> None:
    root = write_project({"amendments/a.toml": "[[amendment]\n"})
    result = invoke("-C", str(root), "amendments")
    assert result.exit_code == ExitCode.USAGE
    assert "CH003" in result.stderr and result.stdout == ""


def test_findings_about_amendments_are_noted(write_project: WriteProject) -> None:
    root = write_project(
        {
            "amendments/a.toml": HEADER
            + '[[amendment]]\nnumber = 1\ntabled_by = [{ group = "PPE" }]\n'
            'target = { clause = "nowhere" }\nkind = "delete"\n'
        }
    )
    result = invoke("-C", str(root), "amendments")
    assert result.exit_code == ExitCode.OK
    assert "Clause nowhere (not in the draft)" in result.stdout
    assert "*The text this amendment amends is no longer in the draft.*" in result.stdout
    assert result.stderr.endswith("note: 1 finding(s) about the amendments; run 'charter check'\n")


# --------------------------------------------------------------- fingerprint


def _amend(root: Path, body: str) -> Path:
    path = root / "amendments" / "members.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


UNPRINTED = """
# Tabled at the meeting of 12 May.
[[amendment]]
number = 1
tabled_by = [{ member = "Ana Ruiz" }]  # Parlatino
target = { clause = "joint-committee", paragraph = "review" }
kind = "replace"
text = "The Joint Committee shall review this Charter every two years."

[[amendment]]
number = 2
tabled_by = [{ member = "Jan Berg" }]
target = { clause = "joint-committee", paragraph = "review" }
kind = "delete"
outcome = "rejected"

[[amendment]]
number = 1
compromise = true
tabled_by = [{ member = "Jan Berg" }]
target = { clause = "nowhere" }
kind = "delete"
"""


def test_fingerprint_records_what_is_missing_and_keeps_comments(
    write_project: WriteProject,
) -> None:
    root = write_project()
    path = _amend(root, UNPRINTED)
    dry = invoke("-C", str(root), "amendments", "fingerprint", "--dry-run")
    assert dry.exit_code == ExitCode.OK
    assert "amendments/members.toml:4: amendment 1: would be recorded" in dry.stderr
    assert "amendment 2: left alone: it is rejected" in dry.stderr
    assert "compromise amendment 1: left alone: no clause has the ID 'nowhere'" in dry.stderr
    assert dry.stderr.endswith("1 amendment(s) would change\n")
    assert path.read_text(encoding="utf-8") == HEADER + UNPRINTED
    done = invoke("-C", str(root), "amendments", "fingerprint")
    assert done.exit_code == ExitCode.OK, done.stderr
    assert done.stderr.endswith("1 amendment(s) changed\n")
    text = path.read_text(encoding="utf-8")
    assert "# Tabled at the meeting of 12 May." in text and "]  # Parlatino" in text
    assert f'existing_text = "{REVIEW}"' in text
    assert 'fingerprint = "sha256:' in text
    check = invoke("-C", str(root), "check")
    assert "CH248" not in check.stdout
    again = invoke("-C", str(root), "amendments", "fingerprint")
    assert again.stderr.endswith("0 amendment(s) changed\n")


def test_fingerprint_refreshes_stale_amendments_when_asked(write_project: WriteProject) -> None:
    root = write_project()
    path = _amend(root, UNPRINTED.split("[[amendment]]\nnumber = 2", maxsplit=1)[0])
    assert invoke("-C", str(root), "amendments", "fingerprint").exit_code == ExitCode.OK
    committee = root / "clauses" / "institutions" / "committee.toml"
    committee.write_text(
        committee.read_text(encoding="utf-8").replace("every three years", "every four years"),
        encoding="utf-8",
    )
    assert "CH242" in invoke("-C", str(root), "check").stdout
    plain = invoke("-C", str(root), "amendments", "fingerprint")
    assert "left alone: its wording changed since it was tabled" in plain.stderr
    assert "CH242" in invoke("-C", str(root), "check").stdout
    refreshed = invoke("-C", str(root), "amendments", "fingerprint", "--refresh", "1")
    assert refreshed.exit_code == ExitCode.OK
    assert (
        "amendment 1: refreshed: … and review it every [-three-] {+four+} years."
        in refreshed.stderr
    )
    assert "every four years" in path.read_text(encoding="utf-8")
    assert "CH242" not in invoke("-C", str(root), "check").stdout


def test_fingerprint_of_an_unknown_number(write_project: WriteProject) -> None:
    root = write_project()
    _amend(root, UNPRINTED)
    result = invoke("-C", str(root), "amendments", "fingerprint", "7")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("error: no amendment is numbered '7'")
    compromise = invoke("-C", str(root), "amendments", "fingerprint", "ca 1")
    assert compromise.exit_code == ExitCode.OK
    assert "compromise amendment 1: left alone" in compromise.stderr


def test_fingerprint_completes_a_missing_wording(write_project: WriteProject) -> None:
    from charter_cli.load.wording import fingerprint

    root = write_project()
    path = _amend(
        root,
        '[[amendment]]\nnumber = 1\ntabled_by = [{ group = "PPE" }]\n'
        'target = { clause = "joint-committee", paragraph = "review" }\nkind = "delete"\n'
        f'fingerprint = "{fingerprint(REVIEW)}"\n',
    )
    result = invoke("-C", str(root), "amendments", "fingerprint")
    assert "amendment 1: completed" in result.stderr
    assert f'existing_text = "{REVIEW}"' in path.read_text(encoding="utf-8")


def test_the_shipped_amendments_are_fingerprinted(tmp_path: Path) -> None:
    """Refreshing after a revision of the text is one command, and it is a no-op today."""
    for name in ("charter.toml", "clauses", "amendments", "schemas"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    before = {p.name: p.read_bytes() for p in (tmp_path / "amendments").iterdir()}
    result = invoke("-C", str(tmp_path), "amendments", "fingerprint", "--refresh")
    assert result.exit_code == ExitCode.OK
    assert result.stderr.endswith("0 amendment(s) changed\n")
    assert {p.name: p.read_bytes() for p in (tmp_path / "amendments").iterdir()} == before


@pytest.mark.parametrize("folder", ["motions", "work/amendments"])
def test_the_manifest_names_the_folder(write_project: WriteProject, folder: str) -> None:
    root = write_project()
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'version = "0.1.0"', f'version = "0.1.0"\namendments = "{folder}"'
        ),
        encoding="utf-8",
    )
    target = root / folder / "a.toml"
    target.parent.mkdir(parents=True)
    target.write_text(UNPRINTED, encoding="utf-8")
    assert "CH248" in invoke("-C", str(root), "check").stdout


def test_stale_and_consolidated_amendments_say_so(tmp_path: Path) -> None:
    case = REPO / "tests" / "cases" / "amendment-stale"
    shutil.copytree(
        case, tmp_path / "case", ignore=shutil.ignore_patterns("expected*", "README.md")
    )
    text = invoke("-C", str(tmp_path / "case"), "amendments").stdout
    assert text.count("*The text has changed since this amendment was tabled") == 3
    assert text.count("*Written into the text.*") == 1
    assert "every ***five*** years" in text  # the left column as it stood when tabled


def test_fingerprint_leaves_consolidated_amendments_alone(write_project: WriteProject) -> None:
    root = write_project()
    _amend(
        root,
        '[[amendment]]\nnumber = 1\ntabled_by = [{ group = "PPE" }]\n'
        'target = { clause = "joint-committee", paragraph = "gone" }\nkind = "delete"\noutcome = "adopted"\n',
    )
    result = invoke("-C", str(root), "amendments", "fingerprint", "1")
    assert "amendment 1: left alone: it is written into the text" in result.stderr


def test_fingerprint_of_a_whole_article_is_a_multi_line_text(write_project: WriteProject) -> None:
    root = write_project()
    path = _amend(
        root,
        '[[amendment]]\nnumber = 1\ntabled_by = [{ group = "PPE" }]\n'
        'target = { clause = "joint-committee" }\nkind = "delete"\n',
    )
    assert invoke("-C", str(root), "amendments", "fingerprint").exit_code == ExitCode.OK
    text = path.read_text(encoding="utf-8")
    assert 'existing_text = """A Joint Committee of the Parties' in text
    assert 'every three years.\n"""\n' in text
    assert "CH24" not in invoke("-C", str(root), "check").stdout


def test_fingerprint_refuses_a_file_changed_meanwhile(
    write_project: WriteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_project()
    _amend(root, UNPRINTED)
    monkeypatch.setattr(
        "charter_cli.scaffold.fingerprints.existing_text", lambda *_args: "# edited meanwhile\n"
    )
    result = invoke("-C", str(root), "amendments", "fingerprint")
    assert result.exit_code == ExitCode.USAGE
    assert "changed while the fingerprints were being recorded; try again" in result.stderr
