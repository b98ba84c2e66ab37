from pathlib import Path

import pytest

from charter_cli.errors import WriteRefusedError
from charter_cli.write.draft import was_generated, write_draft

DRAFT = '---\ntitle: "T"\ngenerator: charter\n---\n\n# T\n'


def test_recognises_its_own_drafts(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "a.md", tmp_path / "b.md"
    ours.write_text(DRAFT, encoding="utf-8")
    theirs.write_text("---\ntitle: x\n---\ngenerator: charter\n", encoding="utf-8")
    assert was_generated(ours)
    assert not was_generated(theirs)
    assert not was_generated(tmp_path / "missing.md")


def test_rewrites_only_what_changed(tmp_path: Path) -> None:
    target = tmp_path / "draft.md"
    assert write_draft(target, DRAFT, force=False) is True
    assert write_draft(target, DRAFT, force=False) is False
    assert write_draft(target, DRAFT + "more\n", force=False) is True


def test_refuses_a_folder_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(WriteRefusedError, match="is a folder"):
        write_draft(tmp_path, DRAFT, force=True)
    foreign = tmp_path / "README.md"
    foreign.write_text("hand written\n", encoding="utf-8")
    with pytest.raises(WriteRefusedError, match="--force"):
        write_draft(foreign, DRAFT, force=False)
    assert write_draft(foreign, DRAFT, force=True) is True


def test_carries_finds_a_signature_across_blocks(tmp_path: Path) -> None:
    from charter_cli.write.draft import carries

    path = tmp_path / "export.pdf"
    path.write_bytes(b"x" * ((1 << 20) - 5) + b"generator: charter" + b"y" * 10)
    assert carries(path, b"generator: charter")
    assert not carries(path, b"generator: other")
    assert not carries(tmp_path / "missing.pdf", b"generator: charter")
