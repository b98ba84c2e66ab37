"""The amendment model: what each kind and outcome requires, in one validation."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from charter_cli.models.amendment import Amendment, Author, Target
from charter_cli.models.frozen import NumberingLock

BASE: dict[str, Any] = {
    "number": 3,
    "tabled_by": [{"member": "Ana Ruiz"}],
    "target": {"clause": "objectives", "paragraph": "p1"},
    "kind": "replace",
    "text": "New words.",
}


def test_a_valid_amendment_and_its_names() -> None:
    amendment = Amendment.model_validate(BASE)
    assert (amendment.id, amendment.label) == ("3", "Amendment 3")
    compromise = Amendment.model_validate({**BASE, "compromise": True})
    assert (compromise.id, compromise.label) == ("CA3", "Compromise amendment 3")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "delete"}, "a 'delete' has no new wording: remove 'text'"),
        ({"text": None}, "a 'replace' needs its new wording in 'text'"),
        ({"kind": "insert"}, "an 'insert' needs the 'new_id' of what it inserts"),
        (
            {"kind": "insert", "new_id": "n", "target": {"clause": "x"}},
            "a new article needs its 'title'",
        ),
        ({"kind": "insert", "new_id": "n", "title": "T"}, "only a new article has a 'title'"),
        (
            {"kind": "insert", "new_id": "n", "fingerprint": "sha256:0123456789abcdef"},
            "an 'insert' amends no existing wording",
        ),
        ({"new_id": "n"}, "'new_id' and 'title' are for an 'insert'"),
        ({"target": {"clause": "x", "before": True}}, "'before' is for an 'insert'"),
        (
            {"outcome": "replaced"},
            "'replaced_by' names the compromise of an amendment whose outcome is 'replaced'",
        ),
        ({"replaced_by": 1}, "'replaced_by' names the compromise"),
        (
            {"target": {"clause": "x", "point": "a"}},
            "a 'point' needs the 'paragraph' that holds it",
        ),
        ({"tabled_by": [{}]}, "name a member, a group, a delegation or a party"),
        ({"tabled_by": []}, "at least 1 item"),
        ({"fingerprint": "md5:abc"}, "String should match pattern"),
        ({"number": 0}, "greater than or equal to 1"),
    ],
)
def test_what_each_kind_and_outcome_requires(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Amendment.model_validate({**BASE, **change})


def test_authors_and_targets_alone() -> None:
    assert Author.model_validate({"party": "LAC"}).party == "LAC"
    assert Target.model_validate({"clause": "x", "paragraph": "p", "point": "a"}).point == "a"


def test_the_lock() -> None:
    lock = NumberingLock.model_validate({"version": "1.0", "article": {"a": "12a", "b.c": "0a"}})
    assert lock.article["b.c"] == "0a"
    with pytest.raises(ValidationError):
        NumberingLock.model_validate({"article": {"a": "12A"}})
