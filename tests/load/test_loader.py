import os
from pathlib import Path

from charter_cli.draft.analysis import analyse
from charter_cli.load.loader import load_library
from charter_cli.load.walk import module_paths
from helpers import SPARE, WriteProject


def test_loads_the_starter_project(write_project: WriteProject) -> None:
    library = load_library(write_project())
    assert library.findings == ()
    assert library.charter is not None and library.charter.title == "Test Charter"
    assert list(library.requirements) == ["MAN-2-objectives", "MAN-2-joint-committee"]
    assert set(library.clauses) == {"recital-purpose", "objectives", "joint-committee"}
    assert library.files_read == 5


def test_module_paths_are_sorted_and_skip_hidden_files(tmp_path: Path) -> None:
    for rel in (
        "clauses/b.toml",
        "clauses/a/z.toml",
        "clauses/.hidden.toml",
        "clauses/.git/x.toml",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("", encoding="utf-8")
    paths, refused = module_paths(tmp_path)
    assert refused == []
    names = [p.relative_to(tmp_path).as_posix() for p in paths]
    assert names == ["clauses/a/z.toml", "clauses/b.toml"]


DUPLICATE = """\
[[clause]]
id = "objectives"
title = "Again"
status = "agreed"
proposed_by = "joint"
text = "Text."

[[clause]]
id = "MAN-2-Objectives"
title = "Case clash with a requirement"
status = "agreed"
proposed_by = "joint"
text = "Text."
"""


def test_duplicate_and_case_clashing_ids(write_project: WriteProject) -> None:
    library = load_library(write_project({"clauses/extra.toml": DUPLICATE}))
    got = [(f.code, f.file, f.line) for f in library.findings]
    # the definition the manifest places keeps the ID; the stray copy is reported
    assert ("CH201", "clauses/extra.toml", 2) in got
    assert ("CH202", "clauses/extra.toml", 9) in got
    duplicate = next(f for f in library.findings if f.code == "CH201")
    assert "already defined at clauses/provisions/objectives.toml:6" in duplicate.message
    assert library.clauses["objectives"].module.rel == "clauses/provisions/objectives.toml"
    assert [entry.module.rel for entry in library.damage.shadowed] == ["clauses/extra.toml"]


def test_a_broken_clause_does_not_hide_its_neighbours(write_project: WriteProject) -> None:
    broken = DUPLICATE.replace('id = "objectives"', 'id = "fresh"').replace(
        'status = "agreed"\nproposed_by = "joint"\ntext = "Text."\n\n[[clause]]',
        'status = 7\nproposed_by = "joint"\ntext = "Text."\n\n[[clause]]',
    )
    library = load_library(write_project({"clauses/extra.toml": broken}))
    assert "fresh" in library.damage.broken_ids
    assert "MAN-2-Objectives" in library.clauses


def test_missing_source_catalogue_is_reported_at_the_manifest(write_project: WriteProject) -> None:
    library = load_library(write_project({"sources/mandate.toml": None}))
    finding = library.findings[0]
    assert (finding.code, finding.file, finding.line) == ("CH001", "charter.toml", 9)
    assert finding.message == "source 'sources/mandate.toml': file not found"


def test_source_outside_the_project_is_refused(write_project: WriteProject) -> None:
    root = write_project()
    manifest = (root / "charter.toml").read_text(encoding="utf-8")
    (root / "charter.toml").write_text(
        manifest.replace('"sources/mandate.toml"', '"../elsewhere.toml"'), encoding="utf-8"
    )
    library = load_library(root)
    assert [f.code for f in library.findings] == ["CH214"]


def test_links_leaving_the_project_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "clauses" / "inner").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "stolen.toml").write_text("", encoding="utf-8")
    (root / "clauses" / "inner" / "real.toml").write_text("", encoding="utf-8")
    (root / "clauses" / "file-link.toml").symlink_to(outside / "stolen.toml")
    (root / "clauses" / "folder-link").symlink_to(outside)
    (root / "clauses" / "inside-link.toml").symlink_to(root / "clauses" / "inner" / "real.toml")
    (root / "clauses" / "inner" / "loop").symlink_to(root / "clauses")
    paths, refused = module_paths(root)
    names = [p.relative_to(root).as_posix() for p in paths]
    assert names == ["clauses/inner/real.toml", "clauses/inside-link.toml"]
    assert sorted((f.code, f.file) for f in refused) == [
        ("CH214", "clauses/file-link.toml"),
        ("CH214", "clauses/folder-link"),
    ]


def test_a_module_that_cannot_be_read_makes_no_finding_elsewhere(
    write_project: WriteProject,
) -> None:
    root = write_project()
    committee = root / "clauses" / "institutions" / "committee.toml"
    committee.unlink()
    os.mkfifo(committee)  # what is in it cannot be known: the committee clause may be there
    analysis = analyse(root)
    assert [(f.code, f.file) for f in analysis.findings] == [
        ("CH001", "clauses/institutions/committee.toml")
    ]
    assert analysis.library.damage.opaque == frozenset({"clauses/institutions/committee.toml"})


def test_odd_file_names_are_read_and_named(write_project: WriteProject) -> None:
    root = write_project()
    name = os.fsdecode(b"caf\xe9.toml")  # a Latin-1 name: not UTF-8
    (root / "clauses" / "provisions" / name).write_bytes(SPARE.encode())
    (root / "clauses" / "loop.toml").symlink_to(root / "clauses" / "loop.toml")
    findings = {(f.code, f.file, f.message.split(";")[0]) for f in analyse(root).findings}
    assert (
        "CH002",
        "clauses/provisions/caf\\xe9.toml",
        "the file name is not valid UTF-8",
    ) in findings
    assert ("CH001", "clauses/loop.toml", "is a symbolic link that loops") in findings
    for finding in analyse(root).findings:
        finding.format().encode("utf-8")  # printable: no lone surrogate left


def test_an_overlay_stands_in_for_files_without_touching_them(write_project: WriteProject) -> None:
    from charter_cli.load.loader import load_library

    root = write_project()
    module = "clauses/provisions/extra.toml"
    overlay: dict[str, str | None] = {
        module: '[[clause]]\nid = "extra"\ntitle = "Extra"\ntext = "The Parties shall act."\n',
        "clauses/institutions/committee.toml": None,
    }
    library = load_library(root, overlay=overlay)
    assert "extra" in library.clauses and "joint-committee" not in library.clauses
    assert not (root / module).exists()
    assert (root / "clauses/institutions/committee.toml").exists()
    broken = load_library(root, overlay={"charter.toml": None})
    assert [f.code for f in broken.findings][:1] == ["CH001"]
