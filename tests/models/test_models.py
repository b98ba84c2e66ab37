import pytest
from pydantic import ValidationError

from charter_cli.models import Clause, Manifest
from charter_cli.vocabulary import Status


def test_models_are_frozen_and_forbid_unknown_keys() -> None:
    clause = Clause(id="a", title="A", status=Status.AGREED, proposed_by="joint", text="T.")
    with pytest.raises(ValidationError):
        clause.title = "B"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Clause.model_validate(
            {
                "id": "a",
                "title": "A",
                "status": "agreed",
                "proposed_by": "joint",
                "text": "T.",
                "x": 1,
            }
        )


@pytest.mark.parametrize("bad", ["", "1abc", "a b", "a--b", "a-", "é"])
def test_ids_are_plain_ascii_slugs(bad: str) -> None:
    with pytest.raises(ValidationError):
        Clause.model_validate(
            {"id": bad, "title": "A", "status": "agreed", "proposed_by": "joint", "text": "T."}
        )


def test_titles_are_one_line_and_texts_not_blank() -> None:
    base = {"id": "a", "status": "agreed", "proposed_by": "joint"}
    with pytest.raises(ValidationError):
        Clause.model_validate({**base, "title": "two\nlines", "text": "T."})
    with pytest.raises(ValidationError):
        Clause.model_validate({**base, "title": "A", "text": "  \n "})


def test_manifest_defaults() -> None:
    manifest = Manifest.model_validate({"charter": {"title": "T", "version": "1"}})
    assert manifest.charter.language == "en"
    assert manifest.preamble is None and manifest.title == [] and manifest.party == []
