from pathlib import Path

import tomli

from charter_cli.load.documents import Document
from charter_cli.load.messages import allowed_keys, describe
from charter_cli.load.salvage import salvage
from charter_cli.load.schema import validate
from charter_cli.models import Clause, Manifest, Module


def _doc(text: str) -> Document:
    return Document("m.toml", Path("m.toml"), text, tomli.loads(text))


MODULE = """\
[[clause]]
id = "good"
title = "Good"
status = "agreed"
proposed_by = "joint"
text = "The Parties shall."

[[clause]]
id = "bad"
title = "Bad"
status = "agred"
proposed_by = "joint"
stauts = "x"
"""


def test_every_error_of_a_file_is_reported_with_its_line() -> None:
    module, findings = validate(_doc(MODULE), Module)
    assert module is None
    got = sorted((f.code, f.line, f.message) for f in findings)
    assert got == [
        ("CH101", 13, "unknown key 'stauts' in clause 'bad'"),
        ("CH102", 8, "clause 'bad' has neither 'text' nor [[clause.paragraph]] tables"),
        (
            "CH103",
            11,
            "clause 'bad': 'status' must be one of: proposed, bracketed, agreed (got \"agred\")",
        ),
    ]
    hints = {f.code: f.hint for f in findings}
    assert hints == {
        "CH101": "did you mean 'status'?",
        "CH102": None,
        "CH103": "did you mean 'agreed'?",
    }


def test_a_misspelt_required_key_is_one_finding() -> None:
    text = MODULE.replace(
        'status = "agred"\nproposed_by = "joint"\nstauts = "x"',
        'stauts = "agreed"\nproposed_by = "joint"\ntext = "T."',
    )
    _, findings = validate(_doc(text), Module)
    assert [(f.code, f.message, f.hint) for f in findings] == [
        ("CH101", "unknown key 'stauts' in clause 'bad'", "did you mean 'status'?")
    ]


def test_unknown_keys_alone_do_not_discard_the_file() -> None:
    text = MODULE.replace(
        'status = "agred"\nproposed_by = "joint"\nstauts = "x"',
        'status = "agreed"\nproposed_by = "joint"\ntext = "T."\nextra = 1',
    )
    module, findings = validate(_doc(text), Module)
    assert [f.code for f in findings] == ["CH101"]
    assert module is not None and [c.id for c in module.clause] == ["good", "bad"]


def test_missing_table_and_friendly_types() -> None:
    _, findings = validate(_doc("[party]\n"), Manifest)
    assert [(f.code, f.message) for f in findings] == [
        ("CH102", "the file has no [charter] table"),
        ("CH103", "the file: 'party' must be an array of tables (got a table)"),
    ]
    _, findings = validate(
        _doc(
            '[[clause]]\nid = "has space"\ntitle = ""\nstatus = "agreed"\nproposed_by = "joint"\ntext = "x"\n'
        ),
        Module,
    )
    messages = [f.message for f in findings]
    assert messages[0].startswith(
        "clause 'has space': 'id' must be an ID: ASCII letters and digits"
    )
    assert (
        messages[1]
        == "clause 'has space': 'title' must be non-blank text (one line for titles, headings and statements) (got \"\")"
    )


def test_salvage_keeps_the_valid_items_and_names_the_broken() -> None:
    good, broken = salvage(_doc(MODULE), "clause", Clause)
    assert [clause.id for _, clause in good] == ["good"]
    assert [item["id"] for item in broken] == ["bad"]


def test_unknown_key_without_close_match_lists_allowed_keys() -> None:
    _, findings = validate(_doc('[charter]\ntitle = "T"\nversion = "1"\nzzz = 1\n'), Manifest)
    assert findings[0].hint is not None
    assert findings[0].hint.startswith("allowed keys: title, version, language, sources")


def test_wrong_type_is_named() -> None:
    _, findings = validate(_doc('[charter]\ntitle = 3\nversion = "1"\n'), Manifest)
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("CH103", 2, "[charter]: 'title' must be a string in quotes (got 3)")
    ]


def test_allowed_keys_follow_nested_models() -> None:
    assert allowed_keys(Manifest, ("title", 0, "chapter", 0)) == ["heading", "include"]
    assert allowed_keys(Module, ()) == ["module", "clause"]


def test_describe_names_tables() -> None:
    data = {"clause": [{"id": "x"}, {}], "title": [{"chapter": [{}]}]}
    assert describe(("clause", 0), data) == "clause 'x'"
    assert describe(("clause", 1), data) == "clause #2"
    assert describe(("title", 0, "chapter", 0), data) == "chapter #1 of title #1"
    assert describe(("charter",), data) == "[charter]"
    assert describe((), data) == "the file"
