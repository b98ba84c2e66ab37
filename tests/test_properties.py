"""Property tests (Hypothesis) for the loader and the renderer.

1. Random valid libraries always check clean and build the draft they describe.
2. The build is deterministic: a fresh process with another hash seed, and a copy written in
   another order (or with CRLF line ends and byte-order marks), give the same draft.
3. Random damage to valid files gives findings or a clean load, never an unhandled exception,
   in :func:`charter_cli.pipeline.analyse` and in the CLI.

The generators are in ``tests/strategies.py``. The profiles are registered in
``conftest.py``: ``fast`` by default (a twentieth of the examples), ``thorough`` with
``HYPOTHESIS_PROFILE=thorough`` (what CI runs, derandomised)::

    HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py --hypothesis-show-statistics

A failing example is printed with the files it wrote; the example database
(``.hypothesis/``, ignored by git) replays it on the next run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.draft.model import Draft
from charter_cli.findings import Finding, Severity
from charter_cli.render.markdown import render_markdown
from charter_cli.vocabulary import Rendering, Status
from helpers import examples, invoke
from markdown_reading import read_blocks
from strategies import (
    REFERENCE,
    Mutated,
    Project,
    mutated_projects,
    projects,
    starter_files,
    write_files,
)

FINDING_LINE = re.compile(r"^[^:]+(:\d+)?: CH\d{3} (error|warning|note): .+ \(hint: .+\)$")
LOOKS_LIKE_FINDING = re.compile(r": CH\d{3} ")
SLOW = [HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large]
"""Drawing a whole project is slow and large by design."""


@contextmanager
def written(
    files: dict[str, str] | dict[str, bytes], order: list[str] | None = None
) -> Iterator[Path]:
    """The files written into a fresh folder (not ``tmp_path``: Hypothesis reuses it)."""
    with tempfile.TemporaryDirectory(prefix="charter-prop-") as folder:
        root = Path(folder).resolve() / "project"
        write_files(root, files, sorted(files) if order is None else order)
        yield root


def _draft(root: Path) -> tuple[Analysis, Draft, str]:
    analysis = analyse(root)
    assert analysis.draft is not None, analysis.findings
    return analysis, analysis.draft, render_markdown(analysis.draft, analysis.library)


# --- 1. valid libraries -------------------------------------------------------------------


def _bracketed(text: str) -> str:
    lines = text.split("\n")
    marker = re.match(r"\d+\. |- ", lines[0])
    cut = marker.end() if marker else 0
    lines[0] = f"{lines[0][:cut]}[{lines[0][cut:]}"
    lines[-1] = f"{lines[-1]}]"
    return "\n".join(lines)


def _links(project: Project, text: str) -> str:
    numbers = {clause: n for n, clause in enumerate(project.articles, start=1)}

    def link(match: re.Match[str]) -> str:
        number = numbers[match.group(1)]
        return f"[Article {number}](#article-{number})"

    return REFERENCE.sub(link, text)


def _expected_body(project: Project, clause_id: str) -> str:
    """A one-text clause as the draft must show it: references resolved, brackets if bracketed."""
    spec = project.clauses[clause_id]
    body = _links(project, (spec.text or "").strip())
    return _bracketed(body) if spec.status is Status.BRACKETED else body


def _check_paragraphs(project: Project, clause_id: str, body: str) -> None:
    """A clause of paragraph tables in the compilation: numbers, options, alternatives, proposals."""
    spec = project.clauses[clause_id]
    numbered = len(spec.paragraphs) > 1
    position = 0
    for number, paragraph in enumerate(spec.paragraphs, start=1):
        if numbered:
            found = re.compile(rf"(?m)^{number}\. ").search(body, position)
            assert found is not None, (number, body)
            position = found.start()
        for party, text in paragraph.alternatives:
            assert f"({party}): {_links(project, text.strip())}]" in body, body
        for name, options in paragraph.brackets.items():
            for party, text in options:
                shown = _links(project, text.strip()) if text.strip() else "*delete*"
                assert f"[{party}: {shown}]" in body, (name, body)
        if paragraph.proposed_by and not paragraph.alternatives:
            assert f"[{paragraph.proposed_by}: " in body, body


def _check_trace(segment: str, covers: tuple[str, ...]) -> None:
    """An article's ``*Implements: ...*`` line names each requirement it covers, or is absent."""
    line = next((b for b in segment.split("\n\n") if b.startswith("*Implements: ")), None)
    assert (line is not None) == bool(covers), segment
    for requirement in covers:
        assert re.search(rf"(?:: |, |; ){re.escape(requirement)}(?:, | \()", line or ""), line


def _sections(text: str) -> list[tuple[str, list[str]]]:
    """The draft as a reader shows it: each heading and the blocks under it (footnotes last)."""
    sections: list[tuple[str, list[str]]] = []
    for block in read_blocks(text):
        if block.startswith("#"):
            sections.append((block, []))
        elif sections:
            sections[-1][1].append(block)
    return sections


def _check_draft(text: str, project: Project) -> None:
    """The draft shows every clause once, articles numbered in manifest order, links resolved."""
    sections = _sections(text)
    articles = [(h, body) for h, body in sections if re.fullmatch(r"#{3,4} Article \d+", h)]
    assert [h.split()[-1] for h, _ in articles] == [
        str(n) for n in range(1, len(project.articles) + 1)
    ]
    assert REFERENCE.search(text) is None  # every [[id]] became a link
    contents = dict(sections)["## Contents"]
    for number, clause in enumerate(project.articles, start=1):  # the table of contents
        title = project.clauses[clause].title
        assert f"[Article {number} — {title}](#article-{number})" in contents, (number, title)
    for number, (_, body) in enumerate(articles, start=1):
        clause = project.articles[number - 1]
        assert body[0] == f"**{project.clauses[clause].title}**", body
        rest = "\n\n".join(body[1:]) + "\n\n"
        if project.clauses[clause].text is not None:
            assert rest.startswith(_expected_body(project, clause) + "\n\n"), (clause, body)
        else:
            _check_paragraphs(project, clause, rest)
        _check_trace(rest, project.clauses[clause].covers)
    if project.recitals:
        preamble = "\n\n".join(sections[2][1])  # after the title and the contents
        position = 0
        for clause in project.recitals:
            found = preamble.find(_expected_body(project, clause), position)
            assert found >= 0, (clause, preamble)
            position = found + 1


def _project_events(project: Project) -> None:
    """What the generated library holds, for --hypothesis-show-statistics."""
    articles = len(project.articles)
    event(
        f"articles: {'0' if not articles else '1-5' if articles <= 5 else '6-15' if articles <= 15 else '16+'}"
    )
    if project.recitals:
        event("has recitals")
    if any(REFERENCE.search(t) for c in project.clauses.values() for t in c.all_texts()):
        event("has cross-references")
    if any(c.status is Status.BRACKETED for c in project.clauses.values()):
        event("has bracketed clauses")
    if any(c.negotiated for c in project.clauses.values()):
        event("has brackets, alternatives or proposals")
    manifest = project.files["charter.toml"]
    for kind, pattern in (("**/ glob", "**/"), ("* glob", "/*.toml"), ("? pattern", "?")):
        if pattern in manifest:
            event(f"includes a {kind}")


@settings(max_examples=examples(100), deadline=None, suppress_health_check=SLOW)
@given(projects())
def test_random_valid_libraries_check_clean_and_build(project: Project) -> None:
    assert sorted((*project.articles, *project.recitals)) == sorted(project.clauses)
    _project_events(project)
    with written(project.files) as root:
        analysis, draft, text = _draft(root)
    empty = _empty_parts(project.files["charter.toml"])
    found = [f for f in analysis.findings if f.level is not Severity.NOTE]
    assert [f for f in found if f.code != "CH223"] == []
    assert len(found) == empty  # a part the generator left empty is a warning (CH223)
    assert {f.code for f in analysis.findings} <= {"CH223", "CH302"}  # CH302: open text
    assert analysis.exit_code(strict=True) == (1 if empty else 0)
    assert [(a.number, a.entry.id) for a in draft.articles] == list(
        enumerate(project.articles, start=1)
    )
    assert [r.entry.id for r in draft.recitals] == list(project.recitals)
    _check_draft(text, project)


def _empty_parts(manifest: str) -> int:
    """Chapters, and titles without chapters, whose include list is empty."""
    titles = tomllib.loads(manifest).get("title", [])
    chapters = [c for t in titles for c in t.get("chapter", [])]
    bare = [t for t in titles if not t.get("chapter") and not t.get("include")]
    return len(bare) + sum(not c.get("include") for c in chapters)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=SLOW)
@given(projects())
def test_the_agreed_text_holds_no_open_words_and_the_compilation_every_option(
    project: Project,
) -> None:
    options = [w for c in project.clauses.values() for p in c.paragraphs for w in p.option_words()]
    event(f"options: {'0' if not options else '1-5' if len(options) <= 5 else '6+'}")
    with written(project.files) as root:
        analysis, draft, compilation = _draft(root)
        agreed = render_markdown(draft, analysis.library, rendering=Rendering.AGREED)
        clean = render_markdown(draft, analysis.library, rendering=Rendering.CLEAN)
    for word in options:
        assert compilation.count(word) == 1, word
        assert clean.count(word) == 1, word
        assert word not in agreed, word
    for party in (p["id"] for p in tomllib.loads(project.files["charter.toml"]).get("party", [])):
        assert f"[{party}: " not in clean and f"({party}): " not in clean
    fallen = [c for c in project.articles if project.clauses[c].open_as_a_whole]
    sections = _sections(agreed)
    headings = [heading.split(" ", 1)[1] for heading, _ in sections]
    for number, clause in enumerate(project.articles, start=1):
        in_body = f"Article {number}" in headings
        assert in_body != (clause in fallen), (clause, agreed)
        if clause in fallen:
            heading = f"Article {number} — {project.clauses[clause].title}"
            assert any(b.startswith(f"{heading} (") for b in dict(sections)["## Not yet agreed"])


# --- 2. determinism -------------------------------------------------------------------------


@settings(max_examples=examples(40), deadline=None, suppress_health_check=SLOW)
@given(projects(), st.data())
def test_the_build_is_deterministic(project: Project, data: st.DataObject) -> None:
    seed = data.draw(st.integers(0, 2**32 - 1), label="hash seed")
    with written(project.files) as root:
        *_, first = _draft(root)
        other_process = subprocess.run(
            [sys.executable, "-m", "charter_cli", "-C", str(root), "build", "-o", "-"],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            check=True,
        )
    assert other_process.stdout.decode("utf-8") == first
    assert re.search(r'(?m)^library-hash: "sha256:[0-9a-f]{64}"$', first)
    order = data.draw(st.permutations(sorted(project.files)), label="creation order")
    with written(project.files, list(order)) as root:
        *_, shuffled = _draft(root)
    assert shuffled == first
    # a checkout with CRLF line ends and byte-order marks is the same library
    crlf = {
        rel: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
        for rel, text in project.files.items()
    }
    with written(crlf, list(reversed(order))) as root:
        *_, converted = _draft(root)
    assert converted == first


# --- 3. damaged files -----------------------------------------------------------------------

EXTRA = (
    ("check", "--strict"),
    ("check", "--output-format", "json"),
    ("check", "--output-format", "sarif"),
    ("check", "--output-format", "junit"),
    ("check", "--output-format", "gitlab"),
    ("check", "--output-format", "github"),
    ("list", "requirements"),
    ("list", "modules"),
    ("coverage", "--missing"),
    ("show", "objectives"),
    ("show", "1"),
)
"""One more command per example, so every command meets damaged files now and then."""

LINE_BREAK_CASES = {
    "unknown-key": ("charter.toml", 'version = "0.1.0"', 'version = "0.1.0"\n"a\\nb" = 1'),
    "id-in-table-name": ("clauses/provisions/objectives.toml", 'id = "objectives"', 'id = "a\\nb"'),
    "cr-in-value": ("clauses/provisions/objectives.toml", 'status = "agreed"', 'status = "a\\rb"'),
    "key-in-value": (
        "clauses/provisions/objectives.toml",
        'status = "agreed"',
        'status = { "a\\nb" = 1 }',
    ),
    "terminal-escape": (
        "clauses/provisions/objectives.toml",
        'status = "agreed"',
        'status = "\\u001b[2J"',
    ),
}
"""The smallest files whose findings would carry a line break taken from the file."""


def _starter_with(rel: str, old: str, new: str) -> tuple[Finding, ...]:
    files = starter_files()
    assert old.encode() in files[rel]
    files[rel] = files[rel].replace(old.encode(), new.encode(), 1)
    with written(files) as root:
        return analyse(root).findings


@pytest.mark.parametrize("case", sorted(LINE_BREAK_CASES))
def test_text_from_a_file_never_breaks_a_finding_line(case: str) -> None:
    findings = _starter_with(*LINE_BREAK_CASES[case])
    assert findings
    for finding in findings:
        _check_finding(finding)


def _check_finding(finding: Finding) -> None:
    line = finding.format()
    assert finding.file, line
    assert finding.advice.strip(), line
    assert not re.search(r"[\x00-\x1f\x7f]", line), line  # one printable line
    assert FINDING_LINE.fullmatch(line), line


def _invoke(root: Path, *args: str, findings: tuple[Finding, ...]) -> Result:
    """Run the CLI: no traceback, a documented exit code, findings printed as ``check`` has them."""
    result = invoke("-C", str(root), *args, catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr, (args, result.stderr)
    assert "internal error" not in result.stderr, (args, result.stderr)
    rest = result.stderr
    for line in sorted((f.format() for f in findings), key=len, reverse=True):
        rest = rest.replace(line, "")  # each was checked by _check_finding
    for line in rest.split("\n"):
        assert not LOOKS_LIKE_FINDING.search(line), (args, line)
    return result


def _events(analysis: Analysis) -> None:
    """What the damage led to, for --hypothesis-show-statistics."""
    event(f"exit code {int(analysis.exit_code())}")
    for group in sorted({f.code[:3] for f in analysis.findings}):
        event(f"findings {group}xx")
    if analysis.draft is not None and not analysis.blocking:
        event("still builds")


@settings(max_examples=examples(300), deadline=None, suppress_health_check=SLOW)
@given(mutated_projects(), st.sampled_from(EXTRA))
def test_damaged_files_give_findings_never_a_crash(
    mutated: Mutated, extra: tuple[str, ...]
) -> None:
    with written(mutated.files) as root:
        analysis = analyse(root)
        _events(analysis)
        for finding in analysis.findings:
            _check_finding(finding)
        if analysis.draft is not None and not analysis.blocking:
            render_markdown(analysis.draft, analysis.library)
        findings = analysis.findings
        manifest = "charter.toml" in mutated.files
        check = _invoke(root, "check", findings=findings)
        if manifest:
            assert check.exit_code == analysis.exit_code(), check.stderr
            assert check.stdout == "".join(f"{f.format()}\n" for f in findings)
        for args in (("build", "-o", "-"), ("list",), ("coverage",)):
            _invoke(root, *args, findings=findings)
        result = _invoke(root, *extra, findings=findings)
    if manifest and extra[-1] in ("json", "sarif", "gitlab"):
        json.loads(result.stdout)
    if manifest and extra == ("check", "--strict"):
        assert result.exit_code == analysis.exit_code(strict=True)
