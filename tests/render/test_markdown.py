import re
from pathlib import Path

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.render.document import anchor
from charter_cli.render.markdown import render_markdown
from helpers import WriteProject


def _render(analysis: Analysis, *, trace: bool = True) -> str:
    assert analysis.draft is not None
    return render_markdown(analysis.draft, analysis.library, trace=trace)


def _draft(write_project: WriteProject, *, trace: bool = True) -> str:
    return _render(analyse(write_project()), trace=trace)


def test_front_matter_title_block_and_contents(write_project: WriteProject) -> None:
    text = _draft(write_project)
    assert re.match(
        '---\ntitle: "Test Charter"\nversion: "0.1.0"\nlanguage: "en"\ntext: "compilation"\n'
        'library-hash: "sha256:[0-9a-f]{64}"\ntrace: true\ngenerator: charter\n---\n\n',
        text,
    )
    assert text.split("---\n\n", 1)[1].startswith(
        "# Test Charter\n\nDraft version 0.1.0 — compilation text\n\n"
        "Parties: European Union (EU); Latin American and Caribbean States (LAC)\n\n"
        "2 articles: 1 agreed, 1 bracketed.\n\n## Contents\n\n- [Preamble](#preamble)\n"
    )
    assert text.endswith("(Mandate, § 2).*\n")
    assert "\n\n\n" not in text


def test_references_become_links_and_trace_is_optional(write_project: WriteProject) -> None:
    text = _draft(write_project)
    assert "established by [Article 2](#article-2)." in text
    assert "*Implements: MAN-2-objectives (Mandate, § 2).*" in text
    clean = _draft(write_project, trace=False)
    assert "Implements" not in clean
    blocks = text.rstrip("\n").split("\n\n")
    expected = "\n\n".join(b for b in blocks if not b.startswith("*Implements")) + "\n"
    assert clean == expected.replace("trace: true", "trace: false", 1)


def test_the_draft_does_not_depend_on_where_the_files_are(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project()
    elsewhere = tmp_path / "elsewhere" / "copy"
    for path in sorted(root.rglob("*"), reverse=True):  # created in the reverse order
        if path.is_file():
            target = elsewhere / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    assert _render(analyse(elsewhere)) == _render(analyse(root))


def test_anchors() -> None:
    from charter_cli.draft.model import ChapterPart, TitlePart

    title = TitlePart("IV", 4, "Regional security", (), ())
    assert anchor(title) == "title-iv"
    assert anchor(ChapterPart(2, "2", "x", ()), title) == "title-iv-chapter-2"
