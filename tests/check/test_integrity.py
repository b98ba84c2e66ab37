from charter_cli.check.integrity import check_integrity, unknown_covers
from charter_cli.load.library import Library
from charter_cli.load.loader import load_library
from charter_cli.syntax import references
from helpers import WriteProject

OBJECTIVES = '''\
[[clause]]
id = "objectives"
title = "Objectives"
status = "agreed"
proposed_by = "{party}"
covers = ["MAN-2-objectives", "{cover}"]
text = """
The Parties shall pursue the objectives.

They shall report to the committee of [[{ref}]].
"""
'''


def _library(
    write_project: WriteProject,
    *,
    party: str = "joint",
    cover: str = "MAN-2-objectives",
    ref: str = "joint-committee",
) -> Library:
    text = OBJECTIVES.format(party=party, cover=cover, ref=ref)
    return load_library(write_project({"clauses/provisions/objectives.toml": text}))


def test_references_are_found() -> None:
    assert [m.group(1) for m in references("See [[a]] and [[b-2]], not [ [c] ] or [[d e]].")] == [
        "a",
        "b-2",
    ]


def test_clean_library_has_no_findings(write_project: WriteProject) -> None:
    assert check_integrity(_library(write_project)) == []


def test_unknown_reference_points_at_its_line_in_the_text(write_project: WriteProject) -> None:
    [finding] = check_integrity(_library(write_project, ref="joint-comittee"))
    assert (finding.code, finding.line) == ("CH203", 10)
    assert finding.hint == "did you mean 'joint-committee'?"


def test_unknown_requirement_and_party(write_project: WriteProject) -> None:
    library = _library(write_project, party="UN", cover="MAN-9-nothing")
    findings = check_integrity(library)
    assert [(f.code, f.line) for f in findings] == [("CH204", 6), ("CH205", 5)]
    assert findings[1].hint == "use one of: EU, LAC, joint"
    assert [(name, entry.id) for name, entry in unknown_covers(library)] == [
        ("MAN-9-nothing", "objectives")
    ]


def test_party_and_covers_are_not_checked_when_their_files_are_broken(
    write_project: WriteProject,
) -> None:
    root = write_project({"sources/mandate.toml": "not toml at all\n"})
    text = OBJECTIVES.format(party="joint", cover="MAN-2-objectives", ref="joint-committee")
    (root / "clauses" / "provisions" / "objectives.toml").write_text(text, encoding="utf-8")
    library = load_library(root)
    assert not library.damage.sources_known
    assert [f.code for f in check_integrity(library)] == []
