"""The documentation stays true to the code."""

import re
from pathlib import Path

from charter_cli.findings import codes
from helpers import REPO, copy_shipped, invoke


def test_every_finding_code_is_documented() -> None:
    text = (REPO / "docs" / "checking.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(CH\d{3})` \| (\w+) \| (.+) \| (.+) \|$", text, flags=re.MULTILINE)
    assert {row[0]: row[1:] for row in rows} == {
        code: (c.severity.value, c.summary, c.fix) for code, c in codes().items()
    }


def test_every_code_has_its_help_section() -> None:
    """Under ``### CHxxx``, the code's help from codes.toml: the page SARIF rules link to."""
    text = (REPO / "docs" / "checking.md").read_text(encoding="utf-8")
    sections = re.findall(r"^### (CH\d{3})\n\n(.+?)\n\n", text, flags=re.MULTILINE | re.DOTALL)
    assert {code: " ".join(body.split()) for code, body in sections} == {
        code: c.help for code, c in codes().items()
    }


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "ruff check . && ruff format --check . && mypy && pytest"
    assert f"$ {command}\n" in readme
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_documents_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in (
        "check",
        "build",
        "coverage",
        "list",
        "show",
        "new clause",
        "init",
        "verify",
        "migrate",
        "diff",
        "amendments",
        "amendments fingerprint",
        "new amendment",
        "freeze",
    ):
        assert f"### `charter {command}" in readme


def test_requirement_ids_in_the_docs_exist() -> None:
    from charter_cli.draft.analysis import analyse

    known = set(analyse(REPO).library.requirements)
    misspelt_on_purpose = {"GRA-4.1-drugs-eu-can-dialog"}  # the README's example of a typo
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        mentioned = set(
            re.findall(r"GRA-[A-Za-z0-9.]+(?:-[a-z0-9]+)+", page.read_text(encoding="utf-8"))
        )
        assert mentioned - known - misspelt_on_purpose == set(), page.name


def test_readme_documents_the_schema_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "### `charter schema" in readme


def _check_mutated(tmp_path: Path, path: str, old: str, new: str) -> list[str]:
    """Run the check on a copy of the shipped library with one edit, as the docs' examples do."""
    copy_shipped(tmp_path)
    target = tmp_path / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = invoke("-C", str(tmp_path), "check")
    return [line for line in result.stdout.splitlines() if " note: " not in line]


def test_the_readme_example_is_what_check_prints(tmp_path: Path) -> None:
    lines = _check_mutated(
        tmp_path,
        "clauses/instruments/public/drug-trafficking.toml",
        '"GRA-4.1-drugs-eu-can-dialogue", ',
        '"GRA-4.1-drugs-eu-can-dialog", ',
    )
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(lines) == 2
    assert all(f"\n{line}\n" in readme for line in lines)


def test_the_checking_guide_example_is_what_check_prints(tmp_path: Path) -> None:
    lines = _check_mutated(
        tmp_path,
        "clauses/instruments/state/terrorism.toml",
        'text = "Every three years the Parties shall',
        'text = "Together with the cooperation under [[terrorism-inteligence]], every three years '
        "the Parties shall",
    )
    guide = (REPO / "docs" / "checking.md").read_text(encoding="utf-8")
    assert [line.split(": ")[1] for line in lines] == ["CH203 error", "CH251 error", "CH251 error"]
    assert all(f"\n{line}\n" in guide for line in lines)


def _article_and_its_notes(draft: str, number: int) -> str:
    """One article of a Markdown draft, to the next heading, and its footnotes (at the end)."""
    start = draft.index(f"### Article {number}\n")
    end = draft.find("\n#", start + 1)
    article = draft[start : end if end >= 0 else len(draft)].strip()
    notes = re.findall(rf"(?m)^\[\^article-{number}-\d+\]: .*$", draft)
    return "\n\n".join([article, *notes])


def test_the_negotiating_guide_shows_what_the_tool_renders() -> None:
    from charter_cli.draft.analysis import analyse
    from charter_cli.render.markdown import render_markdown
    from charter_cli.vocabulary import Rendering

    guide = (REPO / "docs" / "negotiating.md").read_text(encoding="utf-8")
    case = REPO / "tests" / "cases" / "negotiation-renderings"
    analysis = analyse(case)
    assert analysis.draft is not None
    shown = re.findall(r"```markdown\n(.*?)\n```", guide, flags=re.DOTALL)
    assert len(shown) == 3
    for rendering, block in zip(Rendering, shown, strict=True):
        text = render_markdown(
            analysis.draft,
            analysis.library,
            rendering=rendering,
            trace=rendering is Rendering.COMPILATION,
        )
        assert block == _article_and_its_notes(text, 2), rendering
    module = (case / "clauses" / "institutions" / "committee.toml").read_text(encoding="utf-8")
    example = re.search(
        r"```toml\n(\[\[clause\]\]\nid = \"joint-committee\".*?)\n```", guide, re.DOTALL
    )
    assert example is not None and example.group(1) in module


def test_the_day_in_the_life_of_the_editing_guide_is_what_the_tool_prints(
    tmp_path: Path,
) -> None:
    """Replay every ``$ charter ...`` of docs/editing.md's day in the life on a copy of the library."""
    import shlex

    guide = (REPO / "docs" / "editing.md").read_text(encoding="utf-8")
    day = guide[guide.index("## A day in the life") :]
    project = copy_shipped(tmp_path / "charter")
    # the guide's project requires no language (see "Translations follow" in the guide)
    manifest = project / "charter.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r"(?m)^required = \[.*\]$", "required = []", text), "utf-8")
    replayed = 0
    for block in re.findall(r"```console\n(.*?)```", day, flags=re.DOTALL):
        lines = block.splitlines()
        for index, line in enumerate(lines):
            if not line.startswith("$ charter ") or "&&" in line:
                continue
            shown = []
            for following in lines[index + 1 :]:
                if following.startswith("$ "):
                    break
                shown.append(following)
            result = invoke("-C", str(project), *shlex.split(line[len("$ charter ") :]))
            printed = [*result.stdout.splitlines(), *result.stderr.splitlines()]
            if "check" in line:
                assert result.exit_code == 0, printed
                continue
            assert printed == shown, line
            replayed += 1
    assert replayed >= 7


def test_the_readme_coverage_by_section_example_is_what_coverage_prints() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "charter coverage --by-section --agreed-only"
    example = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    printed = invoke("-C", str(REPO), *command.split()[1:]).stdout.splitlines()
    shown = [line for line in example.splitlines() if line != "..."]
    assert len(shown) >= 4
    assert all(line in printed for line in shown), shown
