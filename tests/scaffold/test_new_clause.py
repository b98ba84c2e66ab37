from pathlib import Path

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.errors import InvalidInputError, WriteRefusedError
from charter_cli.scaffold.new_clause import NewClause, add_clause
from charter_cli.scaffold.project import create_project
from charter_cli.scaffold.templates import project_files
from helpers import WriteProject


def test_append_keeps_every_existing_byte(write_project: WriteProject) -> None:
    root = write_project()
    module = root / "clauses" / "provisions" / "objectives.toml"
    before = module.read_text(encoding="utf-8")
    result = add_clause(
        root,
        module,
        NewClause(id="more", title="More", text="The Parties shall do more.\n", notes="why"),
    )
    assert result.placed
    after = module.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip() + '\n\n[[clause]]\nid = "more"\n')
    assert 'notes = "why"' in after
    analysis = analyse(root)
    assert analysis.findings == ()
    assert analysis.draft is not None
    assert analysis.draft.placements["more"].number == 2


def test_refuses_to_add_to_a_broken_module(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/broken.toml": "this is not toml\n"})
    module = root / "clauses" / "provisions" / "broken.toml"
    with pytest.raises(InvalidInputError, match="the module has errors"):
        add_clause(root, module, NewClause(id="x", title="X", text="Text."))
    assert module.read_text(encoding="utf-8") == "this is not toml\n"


def test_refuses_a_used_id(write_project: WriteProject) -> None:
    root = write_project()
    with pytest.raises(WriteRefusedError, match="already used"):
        add_clause(
            root,
            root / "clauses" / "n.toml",
            NewClause(id="MAN-2-objectives", title="X", text="T."),
        )
    assert not (root / "clauses" / "n.toml").exists()


def test_create_project_writes_every_template_file(tmp_path: Path) -> None:
    written = create_project(tmp_path / "new", title=None)
    assert sorted(p.relative_to(tmp_path / "new").as_posix() for p in written) == sorted(
        project_files("x")
    )
    manifest = (tmp_path / "new" / "charter.toml").read_text(encoding="utf-8")
    assert 'title = "New"' in manifest
    assert analyse(tmp_path / "new").findings == ()


def test_create_project_escapes_the_title(tmp_path: Path) -> None:
    create_project(tmp_path / "p", title='The "Quoted" \\ Charter')
    analysis = analyse(tmp_path / "p")
    assert analysis.library.charter is not None
    assert analysis.library.charter.title == 'The "Quoted" \\ Charter'


def test_create_project_refuses_a_file_or_a_full_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(WriteRefusedError):
        create_project(tmp_path / "file", title=None)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(WriteRefusedError):
        create_project(tmp_path / "full", title=None)
    assert os_listdir(tmp_path / "full") == ["keep.txt"]


def os_listdir(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir())


def test_a_new_module_matched_by_a_glob_is_placed(write_project: WriteProject) -> None:
    root = write_project()
    result = add_clause(
        root,
        root / "clauses" / "institutions" / "secretariat.toml",
        NewClause(id="secretariat", title="Secretariat", text="The Parties shall set one up."),
    )
    assert result.placed  # the manifest includes clauses/institutions/*.toml
    analysis = analyse(root)
    assert "secretariat" in (analysis.draft.placements if analysis.draft else {})
    elsewhere = add_clause(
        root,
        root / "clauses" / "annexes" / "extra.toml",
        NewClause(id="annex", title="Annex", text="The Parties shall annex it."),
    )
    assert not elsewhere.placed
