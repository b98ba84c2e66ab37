"""Render stage: the numbered draft as one Markdown document, in one of three renderings.

:func:`render_markdown` is a pure function of the draft: the same library gives
the same bytes. What each rendering shows is decided by
:mod:`charter_cli.render.layout` (for every format) and walked in order by
:mod:`charter_cli.render.document`; this module writes it so that it survives
its consumers:

* **links without raw HTML.** Headings hold the number alone (``#### Article 7``,
  the title on the line below), so the anchor every reader derives from them
  (GitHub, pandoc, markdown-it-py) is the same; links point to those anchors
  (:mod:`charter_cli.render.slugs`);
* **text as text.** Every text of the library is escaped, so ``*``, ``[``, ``<b>``
  or a backtick in a title shows as typed (:mod:`charter_cli.render.mdtext`);
* **mdformat's form.** Escapes, list markers and footnotes (all at the end) are
  written as ``mdformat`` writes them, so formatting the draft changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from charter_cli.draft.model import Draft
from charter_cli.load.library import Library
from charter_cli.render import blocks as ir
from charter_cli.render import document, layout
from charter_cli.render.article import line_of
from charter_cli.render.document import Heading
from charter_cli.render.frontmatter import format_front_matter
from charter_cli.render.layout import Runs, Setting, trace_line
from charter_cli.render.mdtext import escape_heading_end, escape_line_start, escape_run
from charter_cli.render.slugs import Slugger
from charter_cli.vocabulary import Rendering

default_trace = layout.default_trace


def render_markdown(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> str:
    """Render the whole draft: front matter, title block, contents, preamble, titles."""
    return "".join(iter_markdown(draft, library, rendering=rendering, trace=trace))


def iter_markdown(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[str]:
    """The draft in pieces (one per article), for writing it without holding all of it in memory.

    ``progress`` is told ``(done, total)`` after each article or recital.
    """
    setting = layout.setting_for(draft, library, rendering, trace)
    writer = _Writer(setting, heading_anchors(setting), document.article_counter(setting, progress))
    separator = ""
    for block in writer.blocks():
        yield separator + block
        separator = "\n\n"
    yield "\n"


def heading_anchors(setting: Setting) -> dict[str, str]:
    """The anchor readers give each heading of the draft, by the anchor the HTML export uses.

    The headings are visited in the order the draft writes them, so that a
    repeated heading (``Chapter 1`` of each title) gets the suffix readers give it.
    """
    slugger = Slugger()
    draft = setting.draft
    slugger(draft.charter.title)
    if draft.preamble is not None or draft.titles:  # then the draft has contents
        slugger(setting.labels.contents)
    anchors = {}
    if draft.preamble is not None:
        anchors[layout.PREAMBLE_ID] = slugger(draft.preamble.heading)
    for heading, eid in document.headings(setting):
        anchors[eid] = slugger(heading)
    if layout.fallen(setting):
        anchors[layout.FALLEN_ID] = slugger(setting.labels.not_yet_agreed)
    return anchors


class _Writer:
    """Writes the blocks of one draft, keeping what mdformat's form depends on."""

    def __init__(
        self, setting: Setting, anchors: dict[str, str], tick: Callable[[], None] | None
    ) -> None:
        self.setting = setting
        self.anchors = anchors
        self.tick = tick
        self.notes: list[ir.Note] = []
        self.last_list: str | None = None
        """The marker of the list just written, when the previous block is a list."""

    def blocks(self) -> Iterator[str]:
        setting = self.setting
        yield format_front_matter(document.front_fields(setting))
        yield from self._title_block()
        yield from self._contents()
        view = document.preamble(setting)
        if view is not None:
            yield f"## {self._heading(view.heading)}"
            yield from self._plain_blocks(view.opening)
            for recital in view.recitals:
                yield self._article_body(recital)
            yield from self._plain_blocks(view.closing)
        for part in document.parts(setting):
            yield self._heading_part(part) if isinstance(part, Heading) else self._article(part)
        fallen = document.fallen_lines(setting)
        if fallen:
            labels = setting.labels
            yield f"## {self._heading(labels.not_yet_agreed)}"
            yield self._para(((labels.fallen_intro,),))
            items = [self._para(((line,),), keep_list=True) for line in fallen]
            yield self._list("-", items)
        for note in self.notes:
            yield f"[^{note.label}]: {escape_line_start(escape_run(note.text))}"

    def _title_block(self) -> list[str]:
        lines = layout.title_block(self.setting)
        title = self.setting.draft.charter.title
        return [f"# {self._heading(title)}", *(self._para(((line,),)) for line in lines)]

    def _contents(self) -> list[str]:
        entries = layout.contents(self.setting)
        if not entries:
            return []
        lines = [
            f"{'  ' * depth}- [{escape_run(text)}](#{self.anchors[target]})"
            for depth, text, target in entries
        ]
        heading = f"## {self._heading(self.setting.labels.contents)}"
        self.last_list = "-"
        return [heading, "\n".join(lines)]

    def _heading(self, text: str) -> str:
        self.last_list = None
        return escape_heading_end(escape_run(_one_line(text)))

    def _heading_part(self, part: Heading) -> str:
        level = "#" * (part.depth + 1)
        lines = [f"{level} {self._heading(part.label)}"]
        name = _one_line(part.name)
        if name:
            lines.append(f"**{escape_run(name)}**")
        return "\n\n".join(lines)

    def _article(self, view: ir.ArticleView) -> str:
        """One article as a single piece of text (fewer pieces to stream)."""
        blocks = [f"{'#' * (view.depth + 1)} {self._heading(view.heading)}"]
        title = _one_line(view.title)
        strong = f"**{escape_run(title)}**" if title else ""
        marks = "".join(f"[^{mark.label}]" for mark in view.title_marks)
        if strong or marks:
            blocks.append(escape_line_start(strong + marks))
        blocks.append(self._article_body(view))
        return "\n\n".join(blocks)

    def _article_body(self, view: ir.ArticleView) -> str:
        out = [self._provision(provision) for provision in view.provisions]
        if view.status_note is not None:
            out.append(self._para((view.status_note,)))
        if view.trace:
            out.append(
                self._para(((ir.Emphasis((trace_line(view.trace, self.setting.labels),)),),))
            )
        self.notes += view.notes
        if self.tick is not None:
            self.tick()
        return "\n\n".join(part for part in out if part)

    def _provision(self, provision: ir.Provision) -> str:
        blocks = list(provision.blocks)
        out = []
        if provision.marker:
            first = blocks[0] if blocks else None
            if isinstance(first, ir.Para):
                head = first.lines[0] if first.lines else ()
                line = (f"{provision.marker} ", *head) if head else (provision.marker,)
                blocks[0] = ir.Para((line, *first.lines[1:]))
            else:
                out.append(self._para(((provision.marker,),)))
        out += [self._block(block) for block in blocks]
        return "\n\n".join(part for part in out if part)

    def _plain_blocks(self, blocks: tuple[ir.Block, ...]) -> list[str]:
        return [self._block(block) for block in blocks]

    def _block(self, block: ir.Block) -> str:
        if isinstance(block, ir.Para):
            return self._para(block.lines)
        items = [self._para(item.lines, keep_list=True) for item in block.items]
        if not block.ordered:
            return self._list("*" if self.last_list == "-" else "-", items)
        marker = ")" if self.last_list == "." else "."
        self.last_list = marker
        other = "0" * (len(str(block.start)) - 1) + "1" + marker
        return self._numbered(items, f"{block.start}{marker}", other)

    def _list(self, marker: str, items: list[str]) -> str:
        self.last_list = marker
        return self._numbered(items, marker, marker)

    @staticmethod
    def _numbered(items: list[str], first: str, other: str) -> str:
        indent = " " * (len(first) + 1)
        out = []
        for index, item in enumerate(items):
            head, *rest = item.split("\n")
            lines = [f"{first if index == 0 else other} {head}"]
            lines += [f"{indent}{line}" for line in rest]
            out.append("\n".join(lines))
        return "\n".join(out)

    def _para(self, lines: tuple[ir.Line, ...], *, keep_list: bool = False) -> str:
        if not keep_list:
            self.last_list = None
        rendered = []
        for line in lines:
            only = line[0] if len(line) == 1 else None
            if isinstance(only, str):  # most lines: plain text
                text = escape_line_start(escape_run(only.strip()))
            elif isinstance(only, ir.Emphasis) and len(only.content) == 1:  # a note, the trace
                words = only.content[0]
                text = f"*{escape_run(words)}*" if isinstance(words, str) else self._inline(line)
            else:
                text = escape_line_start(self._inline(line))
            if text:
                rendered.append(text)
        return "\n".join(rendered)

    def _inline(self, line: ir.Line) -> str:
        return _inline(line, self.anchors)


def inline(runs: Runs) -> str:
    """A text's runs as one line of Markdown, escaped (a cell of a synoptic table).

    References are plain citations (a synoptic draft has no anchors).
    """
    return escape_line_start(_inline(line_of(runs, one_line=True), {}))


def _inline(line: ir.Line, anchors: dict[str, str]) -> str:
    """A line's words escaped, its links, italics and note marks in Markdown."""
    tokens = _flatten(line)
    if tokens and isinstance(tokens[0], str):  # what a reader strips, before escaping
        tokens[0] = tokens[0].lstrip()
    if tokens and isinstance(tokens[-1], str):
        tokens[-1] = tokens[-1].rstrip()
    out = []
    for index, token in enumerate(tokens):
        if isinstance(token, str):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            out.append(escape_run(token, before_link=isinstance(following, ir.Link)))
        elif isinstance(token, ir.Emphasis):
            out.append(f"*{_inline(token.content, anchors)}*")
        elif isinstance(token, ir.Link):
            target = anchors.get(token.target, token.target)
            out.append(f"[{escape_run(token.text)}](#{target})")
        else:
            out.append(f"[^{token.label}]")
    return "".join(out)


def _flatten(line: ir.Line) -> list[str | ir.Emphasis | ir.Link | ir.NoteMark]:
    """A line as the tokens a Markdown reader sees: runs of text between links, notes and italics."""
    tokens: list[str | ir.Emphasis | ir.Link | ir.NoteMark] = []

    def add(pieces: tuple[ir.Inline, ...]) -> None:
        for piece in pieces:
            if isinstance(piece, str | ir.Label):
                text = piece if isinstance(piece, str) else piece.text
                if tokens and isinstance(tokens[-1], str):
                    tokens[-1] += text
                elif text:
                    tokens.append(text)
            elif isinstance(piece, ir.Bracket):
                add(piece.content)
            else:
                tokens.append(piece)

    add(line)
    return tokens


def _one_line(text: str) -> str:
    """A title or heading on one line, without the space around it."""
    if "\n" in text or "\r" in text:
        text = " ".join(text.splitlines())
    return text.strip()
