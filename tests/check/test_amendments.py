"""What an amendment amends, whether that is still the wording it was tabled to, and conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from charter_cli.check.amendments import (
    Region,
    Resolution,
    State,
    check_amendments,
    conflict,
    region,
    resolve,
)
from charter_cli.load.loader import load_library
from charter_cli.load.wording import fingerprint
from helpers import TASKS, WriteProject

REVIEW = "The Joint Committee shall follow up the implementation of this Charter and review it every three years."
ESTABLISHMENT = "A Joint Committee of the Parties is hereby established. It shall meet at least [EU: once a year] [LAC: twice a year]."


def _resolved(write_project: WriteProject, *tables: str, module: str = TASKS) -> list[Resolution]:
    root = write_project(
        {
            "clauses/institutions/tasks.toml": module,
            "amendments/a.toml": "\n".join(
                f'[[amendment]]\nnumber = {n}\ntabled_by = [{{ group = "PPE" }}]\n{t}'
                for n, t in enumerate(tables, start=1)
            ),
        }
    )
    library = load_library(root)
    assert [f.format() for f in library.findings] == []
    return [resolve(library, entry) for entry in library.amendments]


def _states(resolutions: list[Resolution]) -> list[State]:
    return [r.state for r in resolutions]


def target(
    paragraph: str | None = None, point: str | None = None, clause: str = "joint-committee"
) -> str:
    parts = [f'clause = "{clause}"']
    if paragraph:
        parts.append(f'paragraph = "{paragraph}"')
    if point:
        parts.append(f'point = "{point}"')
    return f"target = {{ {', '.join(parts)} }}\n"


def test_replace_current_stale_consolidated_and_unfingerprinted(
    write_project: WriteProject,
) -> None:
    new = "The Joint Committee shall review it every year."
    resolutions = _resolved(
        write_project,
        target("review")
        + f'kind = "replace"\ntext = "{new}"\nfingerprint = "{fingerprint(REVIEW)}"\n',
        target("review")
        + f'kind = "replace"\ntext = "{new}"\nfingerprint = "{fingerprint("x")}"\n',
        target("review")
        + f'kind = "replace"\ntext = "{REVIEW}"\noutcome = "adopted"\nfingerprint = "{fingerprint("x")}"\n',
        target("review") + f'kind = "replace"\ntext = "{new}"\n',
        target("establishment")
        + f'kind = "replace"\ntext = "It shall meet."\nfingerprint = "{fingerprint(ESTABLISHMENT)}"\n',
    )
    assert _states(resolutions) == [
        State.CURRENT,
        State.STALE,
        State.CONSOLIDATED,
        State.UNFINGERPRINTED,
        State.CURRENT,
    ]
    assert resolutions[0].wording == REVIEW
    assert resolutions[0].recorded is None and resolutions[0].amended == REVIEW


def test_a_recorded_wording_counts_only_with_its_fingerprint(write_project: WriteProject) -> None:
    (good, bad) = _resolved(
        write_project,
        target("review")
        + f'kind = "delete"\nfingerprint = "{fingerprint("old words")}"\nexisting_text = "old  words"\n',
        target("review")
        + f'kind = "delete"\nfingerprint = "{fingerprint("old words")}"\nexisting_text = "other words"\n',
    )
    assert good.state is State.STALE and good.recorded == "old  words"
    assert bad.recorded is None and bad.amended == REVIEW


def test_the_whole_article_and_its_one_paragraph(write_project: WriteProject) -> None:
    objectives = (
        write_project().joinpath("clauses/provisions/objectives.toml").read_text(encoding="utf-8")
    )
    words = " ".join(objectives.split('text = """')[1].split('"""')[0].split())
    one, whole, coarse = _resolved(
        write_project,
        target(clause="objectives")
        + f'kind = "replace"\ntext = "New."\nfingerprint = "{fingerprint(words)}"\n',
        target(clause="joint-committee")
        + f'kind = "delete"\nfingerprint = "{fingerprint(ESTABLISHMENT + " " + REVIEW)}"\n',
        target(clause="joint-committee") + 'kind = "replace"\ntext = "New."\n',
    )
    assert one.state is State.CURRENT and one.paragraph is not None and one.paragraph.id == "p1"
    assert region(one) == Region("objectives", "p1", None, whole=False)
    assert whole.state is State.CURRENT and region(whole) == Region(
        "joint-committee", None, None, whole=True
    )
    assert coarse.state is State.UNKNOWN and "several paragraphs" in (coarse.problem or "")


def test_deletions_already_made_are_consolidated(write_project: WriteProject) -> None:
    resolutions = _resolved(
        write_project,
        target("gone")
        + 'kind = "delete"\noutcome = "adopted"\nfingerprint = "sha256:0000000000000000"\n',
        target("list", "z", clause="tasks")
        + 'kind = "delete"\noutcome = "adopted"\nfingerprint = "sha256:0000000000000000"\n',
        target(clause="repealed")
        + 'kind = "delete"\noutcome = "adopted"\nfingerprint = "sha256:0000000000000000"\n',
        target("gone") + 'kind = "delete"\nfingerprint = "sha256:0000000000000000"\n',
        target("list", "z", clause="tasks")
        + 'kind = "delete"\nfingerprint = "sha256:0000000000000000"\n',
    )
    assert _states(resolutions) == [State.CONSOLIDATED] * 3 + [State.UNKNOWN] * 2
    assert resolutions[4].problem == "clause 'tasks' has no point of paragraph 'list' 'z'"
    assert resolutions[4].hint == "its IDs are: a, b"


def test_points(write_project: WriteProject) -> None:
    point, lead, whole = _resolved(
        write_project,
        target("list", "b", clause="tasks")
        + f'kind = "replace"\ntext = "report each year."\nfingerprint = "{fingerprint("report.")}"\n',
        target("list", clause="tasks")
        + f'kind = "replace"\ntext = "It shall:"\nfingerprint = "{fingerprint("The Committee shall:")}"\n',
        target("list", clause="tasks")
        + f'kind = "delete"\nfingerprint = "{fingerprint("The Committee shall: meet; report.")}"\n',
    )
    assert _states([point, lead, whole]) == [State.CURRENT] * 3
    assert region(point) == Region("tasks", "list", "b", whole=False)
    assert not conflict(point, lead)
    assert conflict(point, whole) and conflict(whole, lead)


def test_inserts(write_project: WriteProject) -> None:
    resolutions = _resolved(
        write_project,
        target(clause="tasks")
        + 'kind = "insert"\nnew_id = "more"\ntitle = "More"\ntext = "More."\n',
        target(clause="tasks")
        + 'kind = "insert"\nnew_id = "objectives"\ntitle = "More"\ntext = "More."\n',
        target(clause="tasks")
        + 'kind = "insert"\nnew_id = "objectives"\ntitle = "More"\ntext = "More."\noutcome = "adopted"\n',
        target("list", clause="tasks") + 'kind = "insert"\nnew_id = "list"\ntext = "More."\n',
        target("list", "a", clause="tasks") + 'kind = "insert"\nnew_id = "b"\ntext = "more;"\n',
        target("list", "a", clause="tasks")
        + 'kind = "insert"\nnew_id = "b"\ntext = "more;"\noutcome = "adopted"\n',
        target("nope", "a", clause="tasks") + 'kind = "insert"\nnew_id = "c"\ntext = "more;"\n',
        target("list", "q", clause="tasks") + 'kind = "insert"\nnew_id = "c"\ntext = "more;"\n',
        target("list", clause="nowhere") + 'kind = "insert"\nnew_id = "c"\ntext = "More."\n',
        target(clause="nowhere") + 'kind = "insert"\nnew_id = "c"\ntitle = "C"\ntext = "More."\n',
        target("list", clause="tasks") + 'kind = "insert"\nnew_id = "later"\ntext = "More."\n',
    )
    assert _states(resolutions) == [
        State.CURRENT,
        State.UNKNOWN,
        State.CONSOLIDATED,
        State.UNKNOWN,
        State.UNKNOWN,
        State.CONSOLIDATED,
        State.UNKNOWN,
        State.UNKNOWN,
        State.UNKNOWN,
        State.UNKNOWN,
        State.CURRENT,
    ]
    assert (
        resolutions[1].problem
        == "the ID 'objectives' it inserts is taken: clause 'objectives' exists already"
    )
    assert (
        resolutions[3].problem
        == "the ID 'list' it inserts is taken: clause 'tasks' has a paragraph 'list' already"
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (target("review") + 'kind = "delete"\n', target("review") + 'kind = "delete"\n', False),
        (
            target("review") + 'kind = "delete"\n',
            target("review") + 'kind = "replace"\ntext = "x"\n',
            True,
        ),
        (
            target("review") + 'kind = "delete"\n',
            target("establishment") + 'kind = "delete"\n',
            False,
        ),
        (target() + 'kind = "delete"\n', target("review") + 'kind = "replace"\ntext = "x"\n', True),
        (
            target() + 'kind = "delete"\n',
            target("review") + 'kind = "insert"\nnew_id = "n"\ntext = "x"\n',
            True,
        ),
        (
            target("review") + 'kind = "replace"\ntext = "y"\n',
            target("review") + 'kind = "insert"\nnew_id = "n"\ntext = "x"\n',
            False,
        ),
        (
            target("review") + 'kind = "insert"\nnew_id = "n"\ntext = "x"\n',
            target("establishment") + 'kind = "insert"\nnew_id = "n"\ntext = "y"\n',
            True,
        ),
        (
            target("review") + 'kind = "insert"\nnew_id = "n"\ntext = "x"\n',
            target("review") + 'kind = "insert"\nnew_id = "m"\ntext = "x"\n',
            False,
        ),
        (
            target() + 'kind = "insert"\nnew_id = "n"\ntitle = "N"\ntext = "x"\n',
            target("review") + 'kind = "insert"\nnew_id = "n"\ntext = "y"\n',
            False,
        ),
        (
            target("review") + 'kind = "delete"\n',
            target(clause="objectives") + 'kind = "delete"\n',
            False,
        ),
    ],
)
def test_conflicts(write_project: WriteProject, first: str, second: str, expected: bool) -> None:
    a, b = _resolved(write_project, first, second)
    assert conflict(a, b) is expected
    assert conflict(b, a) is expected


def test_a_broken_clause_is_reported_once(write_project: WriteProject, tmp_path: Path) -> None:
    root = write_project(
        {
            "clauses/institutions/tasks.toml": TASKS.replace(
                'status = "agreed"', 'status = "nearly"'
            ),
            "amendments/a.toml": '[[amendment]]\nnumber = 1\ntabled_by = [{ group = "PPE" }]\n'
            + target("list", clause="tasks")
            + 'kind = "delete"\nfingerprint = "sha256:0000000000000000"\n',
        }
    )
    library = load_library(root)
    assert [f.code for f in check_amendments(library)] == []


def test_a_project_without_amendments(write_project: WriteProject) -> None:
    assert check_amendments(load_library(write_project())) == []


def test_a_point_deleted_and_an_insert_after_it(write_project: WriteProject) -> None:
    deleted, inserted = _resolved(
        write_project,
        target("list", "a", clause="tasks")
        + f'kind = "delete"\noutcome = "adopted"\nfingerprint = "{fingerprint("meet;")}"\n',
        target("list", "a", clause="tasks")
        + 'kind = "insert"\nnew_id = "c"\ntext = "advise;"\noutcome = "adopted"\n',
    )
    assert conflict(deleted, inserted)


def test_messages_name_points_and_the_missing_compromises(write_project: WriteProject) -> None:
    root = write_project(
        {
            "clauses/institutions/tasks.toml": TASKS,
            "amendments/a.toml": '[[amendment]]\nnumber = 1\ntabled_by = [{ group = "PPE" }]\n'
            + target("list", "a", clause="tasks")
            + 'kind = "delete"\nfingerprint = "sha256:0000000000000000"\noutcome = "replaced"\nreplaced_by = 2\n'
            '\n[[amendment]]\nnumber = 2\ntabled_by = [{ group = "PPE" }]\n'
            + target("list", "a", clause="tasks")
            + 'kind = "delete"\nfingerprint = "sha256:0000000000000000"\n',
        }
    )
    messages = {f.code: f for f in check_amendments(load_library(root))}
    assert "point 'a' of paragraph 'list' of clause 'tasks'" in messages["CH242"].message
    assert messages["CH244"].hint == "table the compromise as an amendment with compromise = true"
