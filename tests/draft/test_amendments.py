"""Amendments in the order of the text: subject lines, voting order, identical and falling amendments."""

from __future__ import annotations

from charter_cli.draft.amendments import Placed, amendments_in_order, voting_list
from charter_cli.draft.analysis import analyse
from charter_cli.models.amendment import Author
from charter_cli.render.amendments import author
from helpers import TASKS, WriteProject


def _amendment(number: int, target: str, rest: str, *, compromise: bool = False) -> str:
    flag = "compromise = true\n" if compromise else ""
    return (
        f'[[amendment]]\nnumber = {number}\n{flag}tabled_by = [{{ group = "G{number}" }}]\n'
        f"target = {{ {target} }}\n{rest}\n"
    )


def _placed(write_project: WriteProject, *amendments: str) -> list[Placed]:
    root = write_project(
        {"clauses/institutions/tasks.toml": TASKS, "amendments/a.toml": "\n".join(amendments)}
    )
    analysis = analyse(root)
    assert analysis.draft is not None
    return amendments_in_order(analysis.library, analysis.draft)


def test_subjects_and_the_order_of_the_text(write_project: WriteProject) -> None:
    placed = _placed(
        write_project,
        _amendment(1, 'clause = "tasks", paragraph = "other"', 'kind = "delete"'),
        _amendment(
            2,
            'clause = "tasks", paragraph = "list", point = "b"',
            'kind = "replace"\ntext = "report yearly."',
        ),
        _amendment(
            3, 'clause = "tasks", paragraph = "list"', 'kind = "replace"\ntext = "It shall:"'
        ),
        _amendment(
            4,
            'clause = "tasks", paragraph = "list", point = "a", before = true',
            'kind = "insert"\nnew_id = "z"\ntext = "convene;"',
        ),
        _amendment(
            5,
            'clause = "tasks"',
            'kind = "insert"\nnew_id = "more"\ntitle = "More"\ntext = "More."',
        ),
        _amendment(
            6,
            'clause = "objectives", before = true',
            'kind = "insert"\nnew_id = "first"\ntitle = "First"\ntext = "First."',
        ),
        _amendment(
            7,
            'clause = "tasks", paragraph = "list", before = true',
            'kind = "insert"\nnew_id = "lead"\ntext = "Lead."',
        ),
        _amendment(
            8,
            'clause = "recital-purpose"',
            'kind = "insert"\nnew_id = "r2"\ntitle = "R2"\ntext = "Recalling,"',
        ),
        _amendment(9, 'clause = "objectives"', 'kind = "delete"'),
        _amendment(10, 'clause = "gone"', 'kind = "delete"\noutcome = "rejected"'),
        _amendment(
            11,
            'clause = "joint-committee", before = true',
            'kind = "insert"\nnew_id = "second"\ntitle = "Second"\ntext = "Second."',
        ),
        _amendment(
            12,
            'clause = "tasks", paragraph = "list", point = "b"',
            'kind = "insert"\nnew_id = "c"\ntext = "advise."',
        ),
    )
    assert [(p.amendment.number, p.subject) for p in placed] == [
        (8, "Recital 1a (new)"),
        (6, "Article 0a (new)"),
        (9, "Article 1"),
        (11, "Article 1a (new)"),
        (7, "Article 3 \N{EN DASH} paragraph 0a (new)"),
        (3, "Article 3 \N{EN DASH} paragraph 1 \N{EN DASH} introductory part"),
        (4, "Article 3 \N{EN DASH} paragraph 1 \N{EN DASH} new point before point (a)"),
        (2, "Article 3 \N{EN DASH} paragraph 1 \N{EN DASH} point (b)"),
        (12, "Article 3 \N{EN DASH} paragraph 1 \N{EN DASH} new point after point (b)"),
        (1, "Article 3 \N{EN DASH} paragraph 2"),
        (5, "Article 3a (new)"),
        (10, "Clause gone (not in the draft)"),
    ]
    deletion = next(p for p in placed if p.amendment.number == 1)
    assert deletion.old_lines == ("It may invite observers.",) and deletion.new_lines == ()


def test_the_voting_list(write_project: WriteProject) -> None:
    same = 'kind = "replace"\ntext = "It may invite two observers."'
    placed = _placed(
        write_project,
        _amendment(1, 'clause = "tasks", paragraph = "other"', same),
        _amendment(2, 'clause = "tasks", paragraph = "other"', 'kind = "delete"'),
        _amendment(3, 'clause = "tasks", paragraph = "other"', same.replace("two", "no")),
        _amendment(4, 'clause = "tasks", paragraph = "other"', same),
        _amendment(
            5,
            'clause = "tasks", paragraph = "other"',
            same.replace("two", "three") + '\noutcome = "replaced"\nreplaced_by = 1',
        ),
        _amendment(
            6,
            'clause = "tasks", paragraph = "other"',
            same.replace("two", "four") + '\noutcome = "withdrawn"',
        ),
        _amendment(
            1, 'clause = "tasks", paragraph = "other"', same.replace("two", "five"), compromise=True
        ),
    )
    votes = voting_list(placed)
    assert [[p.amendment.id for p in vote.amendments] for vote in votes] == [
        ["CA1"],
        ["2"],
        ["1", "4"],
        ["3"],
        ["5"],
        ["6"],
    ]
    falls = {vote.first.amendment.id: [a.id for a in vote.falls_if] for vote in votes}
    assert falls == {
        "CA1": [],
        "2": ["CA1"],
        "1": ["CA1", "2"],
        "3": ["CA1", "2", "1"],
        "5": [],
        "6": [],
    }
    assert [a.id for a in votes[0].replaces] == ["5"]
    assert votes[2].identical and not votes[1].identical


def test_authors_as_printed() -> None:
    names = {"LAC": "Latin American and Caribbean States"}
    cases = [
        ({"member": "Ana Ruiz"}, "Ana Ruiz"),
        ({"member": "Ana Ruiz", "group": "PPE"}, "Ana Ruiz (PPE)"),
        (
            {"member": "Ana Ruiz", "party": "LAC"},
            "Ana Ruiz, on behalf of Latin American and Caribbean States",
        ),
        ({"group": "S&D", "delegation": "EP"}, "S&D group (EP)"),
        ({"group": "S&D"}, "S&D group"),
        (
            {"delegation": "Parlatino", "party": "LAC"},
            "Parlatino delegation, on behalf of Latin American and Caribbean States",
        ),
        ({"delegation": "Parlatino"}, "Parlatino delegation"),
        ({"party": "BR"}, "BR"),
    ]
    for fields, shown in cases:
        assert author(Author.model_validate(fields), names) == shown
