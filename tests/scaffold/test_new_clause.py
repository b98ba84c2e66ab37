import os
from pathlib import Path

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.errors import InvalidInputError, WriteRefusedError
from charter_cli.scaffold.new_clause import NewClause, add_clause
from charter_cli.scaffold.project import create_project
from charter_cli.scaffold.templates import project_files
from charter_cli.write.lock import LockTimeoutError, library_lock
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


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        (NewClause(id="h", title="H", text="Intro.\n\n# A heading"), "CH215"),
        (NewClause(id="i", title="I", text="Intro.\n\n    an indented block"), "CH215"),
        (NewClause(id="t", title="<b>T</b>", text="The Parties shall."), "CH231"),
        (NewClause(id="r", title="R", text="See [[ objectives ]]."), "CH231"),
        (NewClause(id="u", title="U", text="See [[nope]]."), "CH203"),
        (NewClause(id="z", title="Z", text="The Parties\u200b shall."), "CH230"),
    ],
)
def test_a_clause_check_would_reject_is_not_written(
    write_project: WriteProject, request_: NewClause, words: str
) -> None:
    root = write_project()
    module = root / "clauses" / "provisions" / "objectives.toml"
    before = module.read_bytes()
    with pytest.raises(InvalidInputError, match=f"would not pass 'charter check'.*{words}"):
        add_clause(root, module, request_)
    assert module.read_bytes() == before
    with pytest.raises(InvalidInputError, match=words):
        add_clause(root, root / "clauses" / "new.toml", request_)
    assert not (root / "clauses" / "new.toml").exists()


def test_a_clause_may_refer_to_itself_and_to_others(write_project: WriteProject) -> None:
    root = write_project()
    text = "See [[objectives]] and [[self]]."
    add_clause(root, root / "clauses" / "new.toml", NewClause(id="self", title="S", text=text))
    assert "[[self]]" in (root / "clauses" / "new.toml").read_text(encoding="utf-8")


def test_a_module_that_is_not_a_file_is_refused(write_project: WriteProject) -> None:
    root = write_project()
    fifo = root / "clauses" / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInputError, match="is a FIFO"):
        add_clause(root, fifo, NewClause(id="x", title="X", text="Text."))
    utf16 = root / "clauses" / "wide.toml"
    utf16.write_bytes("# c\n".encode("utf-16"))
    with pytest.raises(InvalidInputError, match="not UTF-8 text"):
        add_clause(root, utf16, NewClause(id="x", title="X", text="Text."))


def test_a_held_lock_makes_new_clause_wait_then_give_up(write_project: WriteProject) -> None:
    root = write_project()
    module = root / "clauses" / "new.toml"
    with library_lock(root), pytest.raises(LockTimeoutError, match="another charter command"):
        add_clause(root, module, NewClause(id="x", title="X", text="Text."), timeout=0.05)
    assert not module.exists()


def test_create_project_refuses_a_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(WriteRefusedError, match="symbolic link to a folder that does not exist"):
        create_project(link, title=None)
    assert not (tmp_path / "nowhere").exists()


def test_create_project_in_a_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"caf\xe9-de\x1bcharter")
    create_project(folder, title=None)
    manifest = (folder / "charter.toml").read_text(encoding="utf-8")
    assert 'title = "Caf De Charter"' in manifest
    assert analyse(folder).findings == ()


def test_init_keeps_a_gitignore_it_cannot_read_and_advises_every_line(tmp_path: Path) -> None:
    from charter_cli.scaffold.project import missing_ignores

    folder = tmp_path / "clone"
    (folder / ".gitignore").mkdir(parents=True)  # not a file: read as empty
    written = create_project(folder, title=None, bare=True)
    assert folder / ".gitignore" not in written
    assert missing_ignores(folder) == ["build/", ".*.lock"]
    (tmp_path / "ignored").mkdir()
    (tmp_path / "ignored" / ".gitignore").write_text("build\n", encoding="utf-8")
    assert missing_ignores(tmp_path / "ignored") == [".*.lock"]
