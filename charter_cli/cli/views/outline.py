"""The draft's shape as lines, for ``charter outline`` and ``charter show`` of a part."""

from __future__ import annotations

import json
from dataclasses import asdict

from charter_cli.cli.console import TextView
from charter_cli.cli.views.summaries import plural
from charter_cli.draft.outline import Line, Outline, Part


def outline_view(shape: Outline) -> TextView:
    """The whole outline: heading, counts, preamble, titles, chapters, articles."""
    view = TextView()
    view.add(f"{shape.title} — version {shape.version}", "bold")
    statuses = ", ".join(f"{count} {status.value}" for status, count in shape.statuses)
    recitals = len(shape.preamble.lines) if shape.preamble is not None else 0
    view.add(
        f"{plural(shape.articles, 'article')}"
        + (f" ({statuses})" if statuses else "")
        + f", {plural(recitals, 'recital')}, {plural(len(shape.titles), 'title')}, "
        f"{plural(shape.chapters, 'chapter')}"
    )
    widths = _widths(shape)
    if shape.preamble is not None:
        view.add("")
        _part(view, shape.preamble, 0, widths, noun="recital")
    for title in shape.titles:
        view.add("")
        _part(view, title, 0, widths)
    return view


def part_view(part: Part, where: str) -> TextView:
    """One title or chapter and what it holds."""
    view = TextView()
    _part(view, part, 0, _widths_of([part]), heading=f"{where} — {part.heading}")
    return view


def outline_json(shape: Outline) -> str:
    """The outline as JSON (statuses as strings), for scripts."""
    data = asdict(shape)
    data["statuses"] = {status.value: count for status, count in shape.statuses}
    data["articles"] = shape.articles
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def _part(
    view: TextView,
    part: Part,
    depth: int,
    widths: tuple[int, int],
    *,
    noun: str = "article",
    heading: str | None = None,
) -> None:
    indent = "  " * depth
    count = len(part.lines) if noun == "recital" else part.articles
    name = part.label if part.heading == part.label else f"{part.label} — {part.heading}"
    view.add(f"{indent}{heading or name} ({plural(count, noun)})", "bold")
    for line in part.lines:
        view.add(f"{indent}  {_line(line, widths)}")
    for child in part.parts:
        _part(view, child, depth + 1, widths)


def _line(line: Line, widths: tuple[int, int]) -> str:
    state = [line.status.value]
    if line.status.value != "agreed" and line.proposed_by != "joint":
        state[0] += f" by {line.proposed_by}"
    if line.open_parts:
        state.append(f"{line.open_parts} open")
    if line.reservations:
        state.append(plural(line.reservations, "reservation"))
    return (
        f"{line.label.ljust(widths[0])}  {line.id.ljust(widths[1])}  {line.title}"
        f"  [{', '.join(state)}]"
    )


def _widths(shape: Outline) -> tuple[int, int]:
    parts = [*([shape.preamble] if shape.preamble else []), *shape.titles]
    return _widths_of(parts)


def _widths_of(parts: list[Part]) -> tuple[int, int]:
    lines = [line for part in parts for line in _all_lines(part)]
    return (
        max((len(line.label) for line in lines), default=0),
        max((len(line.id) for line in lines), default=0),
    )


def _all_lines(part: Part) -> list[Line]:
    return [*part.lines, *(line for child in part.parts for line in _all_lines(child))]
