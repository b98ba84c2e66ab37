"""``charter new amendment``: an amendment tabled through the tool, fingerprint included."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from charter_cli.errors import ExitCode
from charter_cli.load.wording import fingerprint
from charter_cli.models.amendment import AmendmentFile
from helpers import WriteProject, invoke

REVIEW = "The Joint Committee shall follow up the implementation of this Charter and review it every three years."
TARGET = ["--clause", "joint-committee", "--paragraph", "review"]


def _table(root: Path, *args: str) -> tuple[int, str]:
    result = invoke("-C", str(root), "new", "amendment", "amendments/members.toml", *args)
    return result.exit_code, result.stderr


def _amendments(root: Path) -> AmendmentFile:
    text = (root / "amendments" / "members.toml").read_text(encoding="utf-8")
    return AmendmentFile.model_validate(tomli.loads(text))


def test_a_replace_is_written_with_its_fingerprint(write_project: WriteProject) -> None:
    root = write_project()
    code, stderr = _table(
        root,
        *TARGET,
        "--kind",
        "replace",
        "--text",
        "The Joint Committee shall review this Charter every two years.",
        "--member",
        "Ana Ruiz",
        "--group",
        "S&D",
        "--delegation",
        "European Parliament",
        "--language",
        "es",
        "--justification",
        "Two years suffice.",
    )
    assert code == ExitCode.OK, stderr
    assert stderr == "added amendment 1 to amendments/members.toml\n"
    path = root / "amendments" / "members.toml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "#:schema ../schemas/amendment.schema.json\n\n[[amendment]]\nnumber = 1\n"
    )
    assert (
        'tabled_by = [{member = "Ana Ruiz", group = "S&D", delegation = "European Parliament"}]'
        in text
    )
    assert 'target = {clause = "joint-committee", paragraph = "review"}' in text
    (amendment,) = _amendments(root).amendment
    assert amendment.fingerprint == fingerprint(REVIEW)
    assert amendment.existing_text == REVIEW
    check = invoke("-C", str(root), "check", "--strict")
    assert check.exit_code == ExitCode.OK, check.stdout


def test_numbers_follow_and_comments_stay(write_project: WriteProject) -> None:
    root = write_project()
    assert _table(root, *TARGET, "--kind", "delete", "--party", "LAC")[0] == ExitCode.OK
    path = root / "amendments" / "members.toml"
    path.write_text(
        path.read_text(encoding="utf-8") + "# the secretariat's note\n", encoding="utf-8"
    )
    code, _ = _table(
        root,
        "--clause",
        "joint-committee",
        "--paragraph",
        "establishment",
        "--kind",
        "insert",
        "--new-id",
        "rules",
        "--text",
        "It shall adopt its rules of procedure.",
        "--group",
        "PPE",
    )
    assert code == ExitCode.OK
    code, _ = _table(
        root,
        "--clause",
        "joint-committee",
        "--kind",
        "insert",
        "--before",
        "--new-id",
        "committee-seat",
        "--title",
        "Seat",
        "--text",
        "The Joint Committee shall sit in Brussels and Montevideo in turn.",
        "--compromise",
        "--member",
        "Jan Berg",
    )
    assert code == ExitCode.OK
    text = path.read_text(encoding="utf-8")
    assert "# the secretariat's note\n" in text
    file = _amendments(root)
    assert [(a.number, a.compromise) for a in file.amendment] == [(1, False), (2, False), (1, True)]
    assert file.amendment[1].fingerprint is None and file.amendment[2].target.before


def test_text_from_a_file_or_stdin(write_project: WriteProject) -> None:
    root = write_project()
    (root / "wording.txt").write_text("The Joint Committee shall review this Charter every year.\n")
    code, _ = _table(
        root, *TARGET, "--kind", "replace", "--text-file", "wording.txt", "--group", "PPE"
    )
    assert code == ExitCode.OK
    result = invoke(
        "-C",
        str(root),
        "new",
        "amendment",
        "amendments/members.toml",
        *TARGET,
        "--kind",
        "replace",
        "--text-file",
        "-",
        "--group",
        "PSE",
        stdin="The Joint Committee shall review this Charter every four years.",
    )
    assert result.exit_code == ExitCode.OK
    assert [a.text for a in _amendments(root).amendment] == [
        "The Joint Committee shall review this Charter every year.\n",
        "The Joint Committee shall review this Charter every four years.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--clause", "joint-comittee", "--kind", "delete", "--group", "PPE"],
            "error: amendment 1: no clause has the ID 'joint-comittee' (hint: did you mean 'joint-committee'?)",
        ),
        (
            [*TARGET, "--kind", "delete", "--party", "BR"],
            "error: unknown party 'BR' (hint: use one of: EU, LAC)",
        ),
        (
            [*TARGET, "--kind", "delete"],
            "error: the amendment is not valid: tabled_by.0: name a member, a group, a delegation or a party",
        ),
        (
            [*TARGET, "--kind", "replace", "--group", "PPE"],
            "error: the amendment is not valid: amendment: a 'replace' needs its new wording in 'text'",
        ),
        (
            [*TARGET, "--kind", "delete", "--group", "PPE", "--text", "x", "--text-file", "y"],
            "error: give the new wording with --text or --text-file, not both",
        ),
        (
            [*TARGET, "--kind", "replace", "--group", "PPE", "--text-file", "missing.txt"],
            "error: missing.txt: cannot read the new wording",
        ),
    ],
)
def test_refused(write_project: WriteProject, args: list[str], message: str) -> None:
    root = write_project()
    code, stderr = _table(root, *args)
    assert code == ExitCode.USAGE
    assert stderr.startswith(message), stderr
    assert not (root / "amendments").exists()


def test_a_number_in_use_or_a_file_outside_the_folder(write_project: WriteProject) -> None:
    root = write_project()
    assert _table(root, *TARGET, "--kind", "delete", "--group", "PPE")[0] == ExitCode.OK
    code, stderr = _table(root, *TARGET, "--kind", "delete", "--group", "PSE", "--number", "1")
    assert code == ExitCode.USAGE
    assert "amendment 1 exists already (amendments/members.toml:3)" in stderr
    outside = invoke(
        "-C",
        str(root),
        "new",
        "amendment",
        "clauses/x.toml",
        *TARGET,
        "--kind",
        "delete",
        "--group",
        "PPE",
    )
    assert outside.exit_code == ExitCode.USAGE
    assert "an amendment file must be a .toml file under" in outside.stderr


def test_a_broken_amendment_file_is_left_alone(write_project: WriteProject) -> None:
    root = write_project({"amendments/members.toml": "[[amendment]]\nnumber = 'one'\n"})
    code, stderr = _table(root, *TARGET, "--kind", "delete", "--group", "PPE")
    assert code == ExitCode.USAGE
    assert "the file has errors, so the amendment was not added" in stderr
    unparsable = write_project(
        {"amendments/members.toml": "[[amendment]\n"}, root=root.parent / "b"
    )
    code, stderr = _table(unparsable, *TARGET, "--kind", "delete", "--group", "PPE")
    assert code == ExitCode.USAGE
    assert "the file has errors, so the amendment was not added: invalid TOML" in stderr


def test_a_wording_file_that_is_not_utf8(write_project: WriteProject) -> None:
    root = write_project()
    (root / "wording.txt").write_bytes("Caf\xe9".encode("latin-1"))
    code, stderr = _table(
        root, *TARGET, "--kind", "replace", "--text-file", "wording.txt", "--group", "PPE"
    )
    assert code == ExitCode.USAGE
    assert stderr.startswith("error: wording.txt: cannot read the new wording: not UTF-8 text")
