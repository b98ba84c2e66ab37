import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charter_cli.check import integrity as check_integrity_module
from charter_cli.check.integrity import check_integrity, unknown_covers
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.load.loader import load_library
from charter_cli.models import Clause
from charter_cli.syntax import references
from helpers import WriteProject, examples
from helpers import write_project as write_starter

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


_TEXT_ALPHABET = st.sampled_from(
    [
        "a",
        " ",
        "\n",
        "\n\n",
        "    ",
        "\t",
        "#",
        "<b>",
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        "-",
        "*",
        "=",
        "`",
        "~",
        "_",
        "1. ",
        "(a) ",
        "\x1b",
        "\u200b",
        "&amp;",
        "joint-committee",
        "x#y",
    ]
)


@pytest.fixture(scope="module")
def probe_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The starter library, written once for the many examples of the property below."""
    return load_library(write_starter(tmp_path_factory.mktemp("probe") / "project"))


@settings(max_examples=examples(1500))
@given(
    text=st.lists(_TEXT_ALPHABET, min_size=1, max_size=12).map("".join),
    title=st.lists(_TEXT_ALPHABET, min_size=1, max_size=4).map("".join),
)
def test_the_quick_pass_never_hides_a_finding(
    probe_library: Library, text: str, title: str
) -> None:
    """``check_clause`` gives the same findings with its quick pass as with every check run."""
    if not text.strip() or not title.strip() or "\n" in title:
        return
    clause = Clause.model_validate({"id": "probe", "title": title.strip(), "text": text})
    entry = ClauseEntry(clause, probe_library.clauses["objectives"].module, 0)
    quick = check_integrity_module.check_clause(probe_library, entry)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(check_integrity_module, "_quiet", lambda *_: False)
        assert check_integrity_module.check_clause(probe_library, entry) == quick
