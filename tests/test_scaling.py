"""Regression guards that count work instead of timing it: they cannot fail on a slow machine.

Each file is read and parsed once per run, and the work of a check and a build grows
linearly: four times the library costs about four times the function calls.
"""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

import pytest
import tomli

from charter_cli.draft.analysis import analyse
from charter_cli.findings import Finding
from charter_cli.load import documents
from charter_cli.render.markdown import render_markdown


def write_library(root: Path, clauses: int) -> int:
    """A library of ``clauses`` clauses in modules of five, placed by exact path and by glob."""
    requirements = max(1, clauses // 5)
    quotes = [
        f"the parties commit to measure number {i} of the agenda" for i in range(requirements)
    ]
    (root / "sources").mkdir(parents=True)
    (root / "sources" / "text.txt").write_text(
        "Opening of the text.\n\n"
        + "\n\n".join(f"Item {i}: {q}." for i, q in enumerate(quotes))
        + "\n",
        encoding="utf-8",
    )
    catalogue = [
        '[source]\nid = "SRC"\ntitle = "Source"\ncitation = "Source"\ntext = "text.txt"\n',
        '[[section]]\nid = "all"\ntitle = "All"\nstarts = "Opening of the text."\n',
    ]
    catalogue += [
        f'[[requirement]]\nid = "REQ-{i}"\nsection = "all"\nlevel = "public"\n'
        f'kind = "instrument"\nstatement = "Measure {i}."\nquote = "{q}"\n'
        for i, q in enumerate(quotes)
    ]
    (root / "sources" / "catalogue.toml").write_text("\n".join(catalogue), encoding="utf-8")
    modules = []
    for start in range(0, clauses, 5):
        folder = "level" if start < clauses // 2 else "other"
        name = f"clauses/{folder}/m{start // 5:05d}.toml"
        modules.append(name)
        body = [
            f'[[clause]]\nid = "c{k}"\ntitle = "Clause {k}"\n'
            f'proposed_by = "joint"\ncovers = ["REQ-{k % requirements}"]\n\n'
            f'[[clause.paragraph]]\nid = "p1"\n'
            f'text = "The Parties shall act on [[c{(k + 1) % clauses}#p2]]."\n\n'
            f'[[clause.paragraph]]\nid = "p2"\ntext = "They {{verb}} report on it."\n'
            'bracket.verb = [{ party = "EU", text = "shall" }, { party = "LAC", text = "may" }]\n'
            for k in range(start, min(start + 5, clauses))
        ]
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("\n".join(body), encoding="utf-8")
    includes = ", ".join(f'"{m}"' for m in modules if m.startswith("clauses/level/"))
    (root / "charter.toml").write_text(
        '[charter]\ntitle = "Scale"\nversion = "1"\nsources = ["sources/catalogue.toml"]\n\n'
        '[[party]]\nid = "EU"\nname = "European Union"\n\n'
        '[[party]]\nid = "LAC"\nname = "Latin American and Caribbean States"\n\n'
        f'[[title]]\nheading = "By path"\ninclude = [{includes}]\n\n'
        '[[title]]\nheading = "By glob"\ninclude = ["clauses/other/*.toml"]\n',
        encoding="utf-8",
    )
    return 2 + len(modules)


def test_each_file_is_read_and_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = write_library(tmp_path, 200)
    parsed: list[int] = []
    real_loads = tomli.loads

    def counting_loads(text: str) -> object:
        parsed.append(len(text))
        return real_loads(text)

    read: list[Path] = []
    real_read_bytes = documents.read_bytes

    def counting_read_bytes(path: Path, rel: str) -> bytes | Finding:
        read.append(path)
        return real_read_bytes(path, rel)

    monkeypatch.setattr(tomli, "loads", counting_loads)
    monkeypatch.setattr(documents, "read_bytes", counting_read_bytes)
    analysis = analyse(tmp_path)
    assert analysis.findings == ()
    assert len(parsed) == files
    assert len(read) == len(set(read)) == files + 1  # and the source text, once


def _calls(root: Path) -> int:
    profile = cProfile.Profile()
    profile.enable()
    analysis = analyse(root)
    assert analysis.draft is not None
    render_markdown(analysis.draft, analysis.library)
    profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def test_work_grows_linearly(tmp_path: Path) -> None:
    write_library(tmp_path / "small", 1000)
    write_library(tmp_path / "large", 4000)
    _calls(tmp_path / "small")  # warm caches (regex compilation, imports) before counting
    small, large = _calls(tmp_path / "small"), _calls(tmp_path / "large")
    # four times the library: linear work is 4x; matching every manifest path against every
    # module (the quadratic mistake this guards against) would make it over 4.4x
    assert large / small < 4.2, (small, large)
