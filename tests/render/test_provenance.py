from pathlib import Path

from charter_cli.load.loader import load_library
from charter_cli.render.frontmatter import parse_front_matter as front_matter
from charter_cli.render.provenance import library_hash
from charter_cli.render.verify import Verdict, compare
from helpers import OBJECTIVES_BAD_COVER, WriteProject, invoke


def test_library_hash_ignores_line_ends_but_not_content(write_project: WriteProject) -> None:
    root = write_project()
    first = library_hash(load_library(root))
    assert first.startswith("sha256:") and len(first) == 7 + 64
    module = root / "clauses" / "provisions" / "objectives.toml"
    text = module.read_text(encoding="utf-8")
    module.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert library_hash(load_library(root)) == first
    module.write_text(text.replace("pursue together", "pursue jointly"), encoding="utf-8")
    assert library_hash(load_library(root)) != first
    (root / "sources" / "mandate.txt").write_text("changed\n", encoding="utf-8")
    assert library_hash(load_library(root)) not in {first}


def test_front_matter() -> None:
    assert front_matter('---\ntitle: "T"\nlibrary-hash: "sha256:ab"\n---\n# T\n') == {
        "title": "T",
        "library-hash": "sha256:ab",
    }
    assert front_matter("# no front matter\n") is None
    assert front_matter("---\nunterminated\n") is None


def test_compare() -> None:
    draft = '---\nlibrary-hash: "sha256:1"\n---\nA\nB\n'
    assert compare(draft, draft, "sha256:1").verdict is Verdict.MATCHES
    assert compare(draft, draft, "sha256:2").verdict is Verdict.OTHER_LIBRARY
    edited = compare(draft.replace("B", "C"), draft, "sha256:1")
    assert (edited.verdict, edited.first_difference) == (Verdict.EDITED, 5)


def test_verify_command(write_project: WriteProject, tmp_path: Path) -> None:
    root = write_project()
    assert invoke("-C", str(root), "build").exit_code == 0
    draft = root / "build" / "charter.md"
    ok = invoke("-C", str(root), "verify", "build/charter.md")
    assert ok.exit_code == 0
    assert ok.stdout.startswith("build/charter.md: matches the library (sha256:")
    clean = root / "clean.md"
    assert invoke("-C", str(root), "build", "--no-trace", "-o", "clean.md").exit_code == 0
    assert invoke("-C", str(root), "verify", str(clean)).exit_code == 0  # trace recorded
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("once a year", "twice a year"), encoding="utf-8"
    )
    edited = invoke("-C", str(root), "verify", str(draft))
    assert edited.exit_code == 1 and "differs from a fresh build" in edited.stdout
    module = root / "clauses" / "provisions" / "objectives.toml"
    module.write_text(
        module.read_text(encoding="utf-8").replace("together", "jointly"), encoding="utf-8"
    )
    other = invoke("-C", str(root), "verify", str(clean))
    assert other.exit_code == 1 and "built from another library" in other.stdout
    notes = tmp_path / "notes.md"
    notes.write_text("# notes\n", encoding="utf-8")
    not_draft = invoke("-C", str(root), "verify", str(notes))
    assert not_draft.exit_code == 2 and "not a draft written by charter build" in not_draft.stderr
    missing = invoke("-C", str(root), "verify", "nowhere.md")
    assert missing.exit_code == 2 and "file not found" in missing.stderr


def test_verify_refuses_to_judge_a_broken_library(write_project: WriteProject) -> None:
    root = write_project()
    assert invoke("-C", str(root), "build").exit_code == 0
    (root / "clauses" / "provisions" / "objectives.toml").write_text(
        OBJECTIVES_BAD_COVER, encoding="utf-8"
    )
    result = invoke("-C", str(root), "verify", "build/charter.md")
    assert result.exit_code == 1
    assert "CH204" in result.stderr
    assert result.stderr.endswith(
        "cannot verify: the library has errors (see above); run 'charter check'\n"
    )
