"""The registry of export formats: file names, lazy renderers, bytes in pieces."""

from __future__ import annotations

import sys
from pathlib import Path

from charter_cli.draft.analysis import analyse
from charter_cli.render.formats import EXPORTERS, Exporter, exporter
from charter_cli.render.markdown import render_markdown
from charter_cli.vocabulary import Format, Rendering
from helpers import WriteProject


def test_default_file_names_follow_the_rendering() -> None:
    names = {
        (f.value, r.value): str(exporter(f.value).default_output(r))
        for f in EXPORTERS
        for r in Rendering
    }
    assert names == {
        ("md", "compilation"): "build/charter.md",
        ("md", "agreed"): "build/charter-agreed.md",
        ("md", "clean"): "build/charter-clean.md",
        ("html", "compilation"): "build/charter.html",
        ("html", "agreed"): "build/charter-agreed.html",
        ("html", "clean"): "build/charter-clean.html",
    }


def test_only_formats_with_a_renderer_are_registered() -> None:
    assert set(EXPORTERS) == {Format.MD, Format.HTML}
    assert {f.value for f in Format} >= {"md", "html", "docx", "pdf", "akn"}
    for entry in EXPORTERS.values():
        assert callable(entry.renderer())
        assert not entry.binary


def test_a_renderer_is_imported_only_when_its_format_is_built() -> None:
    code = (
        "import sys; import charter_cli.render.formats; "
        "print('charter_cli.render.html' in sys.modules)"
    )
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"


def test_the_file_comes_as_bytes_whatever_the_renderer_returns(
    write_project: WriteProject,
) -> None:
    analysis = analyse(write_project())
    assert analysis.draft is not None
    whole = Exporter(Format.MD, "md", "charter_cli.render.markdown", "render_markdown")
    pieces = EXPORTERS[Format.MD]
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    draft, library, agreed = analysis.draft, analysis.library, Rendering.AGREED
    one = list(whole.render(draft, library, rendering=agreed, trace=None))
    many = list(pieces.render(draft, library, rendering=agreed, trace=None, progress=progress))
    expected = render_markdown(analysis.draft, analysis.library, rendering=Rendering.AGREED)
    assert len(one) == 1 and len(many) > 3
    assert b"".join(one) == b"".join(many) == expected.encode("utf-8")
    assert seen == [(1, 3), (2, 3), (3, 3)]  # the recital, then both articles
    assert Path(str(pieces.default_output(Rendering.AGREED))).suffix == ".md"
