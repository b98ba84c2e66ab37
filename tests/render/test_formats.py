"""The registry of export formats: file names, lazy renderers, bytes in pieces, progress."""

from __future__ import annotations

import subprocess
import sys

from charter_cli.draft.analysis import analyse
from charter_cli.render.formats import EXPORTS
from charter_cli.render.markdown import render_markdown
from charter_cli.vocabulary import Format, Rendering
from helpers import WriteProject


def test_default_file_names_follow_the_rendering() -> None:
    names = {
        (f.value, r.value): str(EXPORTS[f].default_output(r)) for f in EXPORTS for r in Rendering
    }
    assert names[("md", "compilation")] == "build/charter.md"
    assert names[("md", "agreed")] == "build/charter-agreed.md"
    assert names[("html", "compilation")] == "build/charter.html"
    assert names[("html", "clean")] == "build/charter-clean.html"
    assert names[("akn", "agreed")] == "build/charter-agreed.akn.xml"


def test_every_format_has_an_export() -> None:
    assert set(EXPORTS) == set(Format)
    assert [f.value for f in EXPORTS if EXPORTS[f].binary] == ["docx", "pdf"]
    assert EXPORTS[Format.HTML].signature == b'<meta name="generator" content="charter">'


def test_a_renderer_is_imported_only_when_its_format_is_built() -> None:
    code = (
        "import sys; import charter_cli.render.formats; "
        "print(sorted(m for m in sys.modules if m.startswith('charter_cli.render.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "charter_cli.render.html" not in done.stdout
    assert "charter_cli.render.markdown" not in done.stdout


def test_markdown_comes_in_pieces_and_tells_its_progress(write_project: WriteProject) -> None:
    analysis = analyse(write_project())
    assert analysis.draft is not None
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    draft, library, agreed = analysis.draft, analysis.library, Rendering.AGREED
    pieces = list(EXPORTS[Format.MD].render(draft, library, agreed, None, progress))
    expected = render_markdown(draft, library, rendering=agreed)
    assert len(pieces) > 3
    assert b"".join(pieces) == expected.encode("utf-8")
    assert seen == [(1, 3), (2, 3), (3, 3)]  # the recital, then both articles
    seen.clear()
    page = b"".join(EXPORTS[Format.HTML].render(draft, library, agreed, None, progress))
    assert page.startswith(b"<!DOCTYPE html>")
    assert seen == [(1, 3), (2, 3), (3, 3)]
