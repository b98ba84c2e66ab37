"""What a Markdown reader makes of a draft: its blocks as text, read by markdown-it-py.

Tests compare what a reader shows, not the escapes that make it show it: each
block (a heading, a paragraph, a list item, a footnote) becomes one string, its
text as the reader takes it, with links as ``[text](#target)``, italics as
``*...*``, bold as ``**...**``, footnote marks as ``[^label]`` and soft line
breaks as ``\\n``. Anything else a reader would make of the text (code, HTML, an
image, a hard break) is shown as ``<code>``, ``<html>``, ... so that a test sees it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def parser() -> MarkdownIt:
    """CommonMark with the front matter and footnotes a draft uses, as mdformat reads them.

    Inline footnotes (``^[...]``, a pandoc extension) are off, as in mdformat and on GitHub.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin)
    parser.disable("footnote_inline")
    return parser


def read_blocks(text: str) -> list[str]:
    """The draft's blocks in order: ``## Title I``, ``**Objectives**``, ``1. The Parties ...``."""
    blocks: list[str] = []
    prefix = ""
    for token in parser().parse(text):
        if token.type == "heading_open":
            prefix = f"{token.markup} "
        elif token.type == "footnote_open":
            prefix = f"[^{token.meta['label']}]: "
        elif token.type == "inline":
            blocks.append(prefix + inline_text(token.children or []))
            prefix = ""
        elif token.type in {"html_block", "code_block", "fence", "hr"}:
            blocks.append(f"<{token.type}>")
    return blocks


def inline_text(children: list[Token]) -> str:
    """The text of one block as a reader shows it, with its links and marks."""
    out = []
    targets: list[str] = []
    for child in children:
        kind = child.type
        if kind in {"text", "text_special"}:
            out.append(child.content)
        elif kind == "softbreak":
            out.append("\n")
        elif kind == "link_open":
            out.append("[")
            targets.append(str(child.attrs["href"]))
        elif kind == "link_close":
            out.append(f"]({targets.pop()})")
        elif kind in {"em_open", "em_close"}:
            out.append("*")
        elif kind in {"strong_open", "strong_close"}:
            out.append("**")
        elif kind == "footnote_ref":
            out.append(f"[^{child.meta['label']}]")
        else:
            out.append(f"<{kind}>")
    return "".join(out)
