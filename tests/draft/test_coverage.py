from charter_cli.draft.analysis import analyse
from charter_cli.vocabulary import Level, RequirementKind
from helpers import WriteProject


def test_everything_covered_in_the_starter(write_project: WriteProject) -> None:
    coverage = analyse(write_project()).coverage
    assert coverage is not None
    assert coverage.covered == 2
    assert [p.label for p in coverage.items[0].placements] == ["Article 1"]
    assert {k: (v.covered, v.total) for k, v in coverage.summary().items()} == {
        (Level.CROSS_CUTTING, RequirementKind.OBJECTIVE): (1, 1),
        (Level.CROSS_CUTTING, RequirementKind.INSTITUTION): (1, 1),
    }


def test_a_clause_outside_the_draft_does_not_cover(write_project: WriteProject) -> None:
    root = write_project()
    manifest = root / "charter.toml"
    text = manifest.read_text(encoding="utf-8").replace(
        'include = ["clauses/institutions/*.toml"]', "include = []"
    )
    manifest.write_text(text, encoding="utf-8")
    analysis = analyse(root)
    gaps = [f for f in analysis.findings if f.code == "CH301"]
    assert [(f.file, f.line) for f in gaps] == [("sources/mandate.toml", 29)]
    assert gaps[0].hint == "clause 'joint-committee' covers it but is in no part of charter.toml"
    assert analysis.coverage is not None
    missing = analysis.coverage.select(missing=True)
    assert [item.entry.id for item in missing.items] == ["MAN-2-joint-committee"]
    assert analysis.coverage.select(Level.PUBLIC).items == ()
