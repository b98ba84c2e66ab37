from charter_cli.load.negotiation import (
    paragraph_is_open,
    paragraph_open_as_a_whole,
    paragraph_status,
    standing,
)
from charter_cli.load.paragraphs import (
    covers_of,
    is_numbered_text,
    numbered_paragraphs,
    paragraphs_of,
    text_units,
)
from charter_cli.models.clause import Clause, Paragraph
from charter_cli.vocabulary import Status


def test_numbered_texts_are_the_old_form() -> None:
    assert is_numbered_text("1. First.\n\n2. Second.")
    assert is_numbered_text("1) Only one.")
    assert not is_numbered_text("One paragraph.")
    assert not is_numbered_text("1. First.\n\nNot numbered.")
    assert not is_numbered_text("")


def test_numbered_paragraphs_and_their_lettered_points() -> None:
    paragraphs = numbered_paragraphs("1. First\nline.\n\n2. Lead:\n(a) one;\n  continued\nb) two.")
    assert [(p.id, p.text) for p in paragraphs] == [("p1", "First\nline."), ("p2", "Lead:")]
    assert [(q.id, q.text) for q in paragraphs[1].point] == [
        ("a", "one;\n  continued"),
        ("b", "two."),
    ]


def _clause(**fields: object) -> Clause:
    return Clause.model_validate({"id": "c", "title": "C", **fields})


def test_paragraphs_of_each_form() -> None:
    assert [p.id for p in paragraphs_of(_clause(text="One."))] == ["p1"]
    assert [p.id for p in paragraphs_of(_clause(text="1. A.\n\n2. B."))] == ["p1", "p2"]
    tables = _clause(paragraph=[{"id": "x", "text": "X."}, {"id": "y", "text": "Y."}])
    assert [p.id for p in paragraphs_of(tables)] == ["x", "y"]


def test_text_units_and_covers_carry_their_key_paths() -> None:
    clause = _clause(
        covers=["R1"],
        paragraph=[
            {
                "id": "a",
                "text": "The Parties {v} act.",
                "bracket": {"v": [{"party": "EU", "text": "shall"}]},
                "point": [{"id": "x", "text": "first;", "covers": ["R3"]}],
                "covers": ["R2"],
            },
            {
                "id": "b",
                "alternative": [{"party": "EU", "text": "A."}, {"party": "LAC", "text": "B."}],
            },
        ],
    )
    assert [(u.keys, u.kind) for u in text_units(clause)] == [
        (("paragraph", 0, "text"), "text"),
        (("paragraph", 0, "point", 0, "text"), "point"),
        (("paragraph", 0, "bracket", "v", 0, "text"), "option"),
        (("paragraph", 1, "alternative", 0, "text"), "alternative"),
        (("paragraph", 1, "alternative", 1, "text"), "alternative"),
    ]
    assert [(c.requirement, c.keys, c.paragraph, c.point) for c in covers_of(clause)] == [
        ("R1", ("covers", 0), None, None),
        ("R2", ("paragraph", 0, "covers", 0), "a", None),
        ("R3", ("paragraph", 0, "point", 0, "covers", 0), "a", "x"),
    ]


def _paragraph(**fields: object) -> Paragraph:
    return Paragraph.model_validate({"id": "p", **fields})


def test_a_paragraph_status_is_derived_from_its_parts() -> None:
    plain = _paragraph(text="Agreed words.")
    words = _paragraph(text="The {v}.", bracket={"v": [{"party": "EU", "text": "x"}]})
    proposal = _paragraph(text="Proposed.", proposed_by="LAC")
    joint = _paragraph(text="Joint.", proposed_by="joint")
    alternatives = _paragraph(
        alternative=[{"party": "EU", "text": "A."}, {"party": "LAC", "text": "B."}]
    )
    accepted = _paragraph(text="Accepted.", proposed_by="LAC", status="agreed")
    assert [paragraph_status(p) for p in (plain, words, proposal, joint, alternatives, accepted)] == [
        Status.AGREED, Status.BRACKETED, Status.PROPOSED, Status.AGREED, Status.BRACKETED, Status.AGREED,
    ]  # fmt: skip
    assert [paragraph_open_as_a_whole(p) for p in (plain, words, proposal, alternatives, accepted)] == [
        False, False, True, True, False,
    ]  # fmt: skip
    assert paragraph_is_open(words) and not paragraph_is_open(accepted)


def test_an_article_standing_is_set_or_derived() -> None:
    settled = _clause(paragraph=[{"id": "a", "text": "A."}])
    contested = _clause(
        paragraph=[{"id": "a", "text": "{v}", "bracket": {"v": [{"party": "EU", "text": "x"}]}}]
    )
    proposed = _clause(text="New.", status="proposed", proposed_by="LAC")
    assert standing(settled.model_copy(), paragraphs_of(settled)).status is Status.AGREED
    derived = standing(contested, paragraphs_of(contested))
    assert (derived.status, derived.derived, derived.open_parts, derived.settled) == (
        Status.BRACKETED, True, 1, False,
    )  # fmt: skip
    whole = standing(proposed, paragraphs_of(proposed))
    assert (whole.status, whole.open_as_a_whole, whole.derived) == (Status.PROPOSED, True, False)
