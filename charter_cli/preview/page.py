"""The preview page: the HTML draft beside the coverage map and the findings of ``check``.

The page is the HTML export (:mod:`charter_cli.render.html`) with every
article's trace shown and linked to the requirements' lines in the map, an
aside with the map (:mod:`charter_cli.render.coverage_map`) and the findings,
and a few lines of script that reload it when the library changes. Like the
export, it is built as a tree, so that no text of the library reaches it as
markup; unlike the export, it also shows a library with errors, as far as it can.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from charter_cli.draft.analysis import Analysis
from charter_cli.findings import Finding, Severity
from charter_cli.render import html
from charter_cli.render.coverage_map import MAP_STYLE, coverage_map, requirement_id
from charter_cli.render.layout import TEXT_NAMES, setting_for
from charter_cli.render.tree import child, serialise
from charter_cli.vocabulary import Rendering

PREVIEW_STYLE = """
body.preview{max-width:86rem;display:grid;grid-template-columns:minmax(0,1fr) minmax(18rem,27rem);
column-gap:2.5rem;align-items:start}
body.preview>header,body.preview>footer,body.preview>.problem{grid-column:1/-1}
body.preview>nav,body.preview>main{grid-column:1}
body.preview>aside{grid-column:2;grid-row:2/span 3;position:sticky;top:0;max-height:100vh;overflow:auto;
padding:0 .25rem 1rem}
.findings ul{padding-left:1rem;font-size:.85rem}
.finding .code{font-family:"Helvetica Neue",Arial,sans-serif;font-weight:bold}
.finding.severity-error .code{color:#a4161a}.finding.severity-warning .code{color:#8a5a00}
.finding .hint{color:var(--muted)}
.problem{border:2px solid #a4161a;padding:.5rem 1rem;margin:1rem 0}
@media (max-width:60rem){body.preview{display:block}body.preview>aside{position:static;max-height:none}}
"""
"""What the preview adds to the export's style sheet: the text and the aside side by side."""

LIVE_RELOAD = """
<link rel="icon" href="data:,">
<script>
(() => {
  const shown = document.documentElement.dataset.version;
  const events = new EventSource("/events");
  events.onmessage = (event) => { if (event.data !== shown) location.reload(); };
})();
</script>
"""
"""Reload the page when the server announces another version (server-sent events)."""


@dataclass(frozen=True)
class Page:
    """One build of the preview page."""

    html: bytes
    version: str
    """A digest of the page: the same library gives the same version."""


def preview_page(analysis: Analysis, rendering: Rendering) -> Page:
    """The page for one state of the library (a broken one too)."""
    draft = analysis.draft
    aside = serialise(_aside(analysis))
    if draft is None:
        parts = [_problem_page(aside)]
    else:
        setting = setting_for(draft, analysis.library, rendering, trace=True)
        options = html.HtmlOptions(requirement_link=lambda r: f"#{requirement_id(r)}", aside=aside)
        parts = list(html.body(setting, options))
        if analysis.blocking:
            parts.insert(2, serialise(_blocked(analysis)))
        title = f"{draft.charter.title} — {TEXT_NAMES[rendering]} (preview)"
        start = html.page_start(
            setting, title, style=_STYLE, head=LIVE_RELOAD, body_class="preview"
        )
        parts.insert(0, start)
        parts.append(html.page_end())
    text = "".join(parts)
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    marked = text.replace(">\n<head>", f' data-version="{version}">\n<head>', 1)
    return Page(marked.encode("utf-8"), version)


_STYLE = html.STYLE + MAP_STYLE + PREVIEW_STYLE


def _aside(analysis: Analysis) -> ET.Element:
    aside = ET.Element("aside", {"aria-label": "Coverage and findings"})
    if analysis.coverage is not None:
        aside.append(coverage_map(analysis.coverage))
    aside.append(_findings(analysis.findings))
    return aside


def _findings(findings: tuple[Finding, ...]) -> ET.Element:
    section = ET.Element("section", {"class": "findings", "aria-labelledby": "findings"})
    child(section, "h2", "Findings", {"id": "findings"})
    counts = {level: sum(f.level is level for f in findings) for level in Severity}
    summary = ", ".join(f"{n} {level.value}{'' if n == 1 else 's'}" for level, n in counts.items())
    child(section, "p", summary if findings else "No findings.", {"class": "finding-count"})
    serious = [f for f in findings if f.level is not Severity.NOTE]
    notes = [f for f in findings if f.level is Severity.NOTE]
    if serious:
        _finding_list(section, serious)
    if notes:
        details = ET.SubElement(section, "details")
        child(details, "summary", f"{len(notes)} note{'' if len(notes) == 1 else 's'}")
        _finding_list(details, notes)
    return section


def _finding_list(parent: ET.Element, findings: list[Finding]) -> None:
    listing = ET.SubElement(parent, "ul")
    for finding in findings:
        item = ET.SubElement(listing, "li", {"class": f"finding severity-{finding.level.value}"})
        child(item, "span", finding.code, {"class": "code"}).tail = f" {finding.level.value} "
        where = finding.file + (f":{finding.line}" if finding.line else "")
        child(item, "span", where, {"class": "where"}).tail = f": {finding.message} "
        child(item, "span", f"(hint: {finding.advice})", {"class": "hint"})


def _blocked(analysis: Analysis) -> ET.Element:
    count = len(analysis.blocking)
    box = ET.Element("div", {"class": "problem", "role": "alert"})
    box.text = (
        f"{count} error{'' if count == 1 else 's'} in the library: 'charter build' would stop. "
        "The draft below is what the library holds so far; the findings say what to fix."
    )
    return box


def _problem_page(aside: str) -> str:
    """A page for a library whose manifest cannot be read: the findings alone."""
    head = ET.Element("head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    child(head, "title", "charter preview: the draft cannot be assembled")
    child(head, "style", _STYLE)
    message = "The draft cannot be assembled: charter.toml has errors (see the findings)."
    main = ET.Element("main", {"id": "main", "class": "problem", "role": "alert"})
    main.text = message
    head_markup = ET.tostring(head, encoding="unicode", method="html").removesuffix("</head>")
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n{head_markup}{LIVE_RELOAD}</head>\n'
        f'<body class="preview">\n{serialise(main)}{aside}</body>\n</html>\n'
    )


def error_page(message: str) -> Page:
    """A page saying why there is nothing to show (the project has gone, a lock is held)."""
    main = ET.Element("main", {"id": "main", "class": "problem", "role": "alert"})
    main.text = message
    text = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>charter preview</title>\n<style>{_STYLE}</style>\n{LIVE_RELOAD}</head>\n"
        f'<body class="preview">\n{serialise(main)}</body>\n</html>\n'
    )
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    marked = text.replace(">\n<head>", f' data-version="{version}">\n<head>', 1)
    return Page(marked.encode("utf-8"), version)
