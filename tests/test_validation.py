from pathlib import Path

import tomli

from charter_cli.documents import Document
from charter_cli.models import Clause, Manifest, Module
from charter_cli.validation import allowed_keys, describe, salvage, validate


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
        ("CH102", 8, "clause 'bad' is missing required key 'text'"),
        (
            "CH103",
            11,
            "clause 'bad': invalid 'status': Input should be 'proposed', 'bracketed' or "
            "'agreed', got 'agred'",
        ),
    ]
    hints = {f.code: f.hint for f in findings}
    assert hints["CH101"] == "did you mean 'status'?"


def test_salvage_keeps_the_valid_items_and_names_the_broken() -> None:
    good, broken = salvage(_doc(MODULE), "clause", Clause)
    assert [clause.id for _, clause in good] == ["good"]
    assert broken == {"bad"}


def test_unknown_key_without_close_match_lists_allowed_keys() -> None:
    _, findings = validate(_doc('[charter]\ntitle = "T"\nversion = "1"\nzzz = 1\n'), Manifest)
    assert findings[0].hint is not None
    assert findings[0].hint.startswith("allowed keys: title, version, language, sources")


def test_wrong_type_is_named() -> None:
    _, findings = validate(_doc('[charter]\ntitle = 3\nversion = "1"\n'), Manifest)
    assert [(f.code, f.line) for f in findings] == [("CH103", 2)]
    assert "got 3" in findings[0].message


def test_allowed_keys_follow_nested_models() -> None:
    assert allowed_keys(Manifest, ("title", 0, "chapter", 0)) == ["heading", "include"]
    assert allowed_keys(Module, ()) == ["module", "clause"]


def test_describe_names_tables() -> None:
    data = {"clause": [{"id": "x"}, {}], "title": [{"chapter": [{}]}]}
    assert describe(("clause", 0), data) == "clause 'x'"
    assert describe(("clause", 1), data) == "clause #2"
    assert describe(("title", 0, "chapter", 0), data) == "title #1 chapter #1"
    assert describe(("charter",), data) == "[charter]"
    assert describe((), data) == "the file"
