"""Hypothesis strategies for the property tests: valid projects, and mutations of any project.

:func:`projects` draws a complete, valid charter project together with what its draft must
look like (the clauses in article order, the recitals, each clause's text and covers), so a
test can compare the tool's output with an expectation computed without the tool.
:func:`mutated_projects` takes the files of a valid project (the ``charter init`` starter or
a generated one) and damages them the ways hands, editors and file systems do.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w
from hypothesis import strategies as st

from charter_cli.scaffold.templates import project_files
from charter_cli.vocabulary import Level, RequirementKind, Status

# --- text ----------------------------------------------------------------------------------

WORD_LETTERS = string.ascii_letters + "éñçãÉÑÇÃüöàõ"
"""Letters of words in titles and texts: ASCII and the accented letters of ES, PT and FR."""
OPENERS = ("", "", "", "(", "«", "¿", "¡", '"', "'")
CLOSERS = ("", "", "", "", ",", ".", ";", ":", "!", "?", ")", "»", '"', "'", "…")
"""Punctuation around a word: Markdown-safe (no #, <, [, ], *, _, `, \\ or line-start digits)."""

ID_CHARS = string.ascii_letters + string.digits
REFERENCE = re.compile(r"\[\[([^\[\]\s]+)\]\]")
"""A cross-reference, as the README defines it: ``[[clause-id]]``."""

words = st.builds(
    lambda before, first, rest, after: f"{before}{first}{rest}{after}",
    st.sampled_from(OPENERS),
    st.sampled_from(WORD_LETTERS),
    st.text(WORD_LETTERS + string.digits, max_size=7),
    st.sampled_from(CLOSERS),
)
lines = st.lists(words, min_size=1, max_size=6).map(" ".join)
"""One non-blank line: titles, headings, statements, names."""


def identifiers(separators: str = "-._", *, max_runs: int = 3) -> st.SearchStrategy[str]:
    """IDs of the allowed pattern: letters and digits in runs joined by one separator."""
    run = st.text(ID_CHARS, min_size=1, max_size=6)
    return st.builds(
        lambda first, rest, runs: first + rest + "".join(sep + part for sep, part in runs),
        st.sampled_from(string.ascii_letters),
        st.text(ID_CHARS, max_size=5),
        st.lists(st.tuples(st.sampled_from(separators), run), max_size=max_runs),
    ).filter(lambda name: not name.lower().endswith(".toml"))  # would read as a module path


section_ids = st.builds(
    lambda runs, seps: runs[0] + "".join(s + r for s, r in zip(seps, runs[1:], strict=False)),
    st.lists(st.text(ID_CHARS, min_size=1, max_size=3), min_size=1, max_size=3),
    st.lists(st.sampled_from(".-"), min_size=2, max_size=2),
)
folder_names = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=6)
file_stems = st.builds(
    lambda head, tail: head + tail,
    st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=5),
    st.text(string.ascii_lowercase + string.digits + "-_", max_size=4),
)


@st.composite
def texts(draw: st.DrawFn, targets: tuple[str, ...], *, lists_allowed: bool = True) -> str:
    """A Markdown text of paragraphs and lists, with ``[[id]]`` references to ``targets``."""
    token = (
        st.one_of(words, st.sampled_from(targets).map(lambda t: f"[[{t}]]")) if targets else words
    )
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["plain", "bulleted"] if lists_allowed else ["plain"]))
        body = []
        for _ in range(draw(st.integers(1, 3))):
            marker = {"plain": "", "bulleted": "- "}[kind]
            body.append(marker + " ".join(draw(st.lists(token, min_size=1, max_size=8))))
        paragraphs.append("\n".join(body))
    return "\n\n".join(paragraphs)


# --- valid projects ---------------------------------------------------------------------------


OPTION = re.compile(r"Option\d+Word")
"""The marker word every bracket option and alternative carries, unique in the project."""


@dataclass(frozen=True)
class ParagraphSpec:
    """One ``[[clause.paragraph]]``: its text or alternatives, points, brackets, proposer."""

    id: str
    text: str | None
    points: tuple[tuple[str, str], ...] = ()
    brackets: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """Bracket name -> its options, (party, text); every text holds a unique ``OptionNWord``."""
    alternatives: tuple[tuple[str, str], ...] = ()
    proposed_by: str | None = None

    @property
    def open_as_a_whole(self) -> bool:
        """Whether it falls from the agreed text (alternatives, or a party's proposal)."""
        return bool(self.alternatives) or self.proposed_by is not None

    def option_words(self) -> list[str]:
        """The marker word of every option and alternative of the paragraph."""
        texts = [t for options in self.brackets.values() for _, t in options]
        texts += [t for _, t in self.alternatives]
        return [m.group(0) for t in texts for m in OPTION.finditer(t)]


@dataclass(frozen=True)
class ClauseSpec:
    """What the tool must show of one clause."""

    id: str
    title: str
    status: Status | None
    """As written in the file; ``None`` lets the tool derive it."""
    text: str | None
    """The text of a one-paragraph clause, or ``None`` when it has paragraph tables."""
    covers: tuple[str, ...]
    paragraphs: tuple[ParagraphSpec, ...] = ()

    @property
    def open_as_a_whole(self) -> bool:
        """Whether the whole article falls from the agreed text."""
        if self.status in (Status.PROPOSED, Status.BRACKETED):
            return True
        return bool(self.paragraphs) and all(p.open_as_a_whole for p in self.paragraphs)

    @property
    def negotiated(self) -> bool:
        """Whether it holds brackets, alternatives or proposed paragraphs."""
        return any(p.brackets or p.open_as_a_whole for p in self.paragraphs)

    def all_texts(self) -> list[str]:
        """Every text of the clause (for events and references)."""
        texts = [self.text or ""]
        for paragraph in self.paragraphs:
            texts += [paragraph.text or "", *(t for _, t in paragraph.points)]
            texts += [t for _, t in paragraph.alternatives]
        return texts


@dataclass(frozen=True)
class Project:
    """A valid project: its files, and the draft they must give."""

    files: dict[str, str] = field(repr=False)
    articles: tuple[str, ...]
    """Clause IDs in article order: Article 1 is ``articles[0]``."""
    recitals: tuple[str, ...]
    clauses: dict[str, ClauseSpec] = field(repr=False)
    requirements: dict[str, tuple[str, str]] = field(repr=False)
    """Requirement ID -> (citation of its source, its section)."""

    def __repr__(self) -> str:  # the files are what a failing example needs to be reproduced
        shown = "".join(f"\n--- {rel}\n{text}" for rel, text in sorted(self.files.items()))
        return f"Project(articles={self.articles}, recitals={self.recitals}){shown}"


@dataclass(frozen=True)
class _Unit:
    """One ``include`` entry and the clauses it draws, in order."""

    entry: str
    clauses: tuple[str, ...]


Slot = tuple[int, int]
"""A part of the manifest: (title, chapter), chapter -1 for the title itself; (-1, -1) preamble."""
PREAMBLE: Slot = (-1, -1)


def _toml(draw: st.DrawFn, data: dict[str, object]) -> str:
    return tomli_w.dumps(data, multiline_strings=draw(st.booleans()))


def _module_paths(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Folders (nested; no two share a last name, so ``**/name/`` picks one) and module paths."""
    folders: list[str] = []
    for name in draw(st.lists(folder_names, min_size=1, max_size=3, unique=True)):
        parent = draw(st.sampled_from(["", *folders]))
        folders.append(f"{parent}/{name}" if parent else name)
    if draw(st.booleans()):
        folders.append("")  # modules directly in clauses/
    count = draw(st.integers(1, 6))
    stems = draw(st.lists(file_stems, min_size=count, max_size=count, unique=True))
    rels = []
    for stem in stems:
        folder = draw(st.sampled_from(folders))
        rels.append(f"clauses/{folder}/{stem}.toml" if folder else f"clauses/{stem}.toml")
    return folders, sorted(rels)  # sorted: the order in which globs draw modules


def _units(draw: st.DrawFn, folders: list[str], modules: dict[str, list[str]]) -> list[_Unit]:
    """Include entries placing every clause once: globs, module paths, ? patterns, clause IDs."""
    rels = list(modules)
    if draw(st.integers(0, 5)) == 0:
        return [_Unit("clauses/**/*.toml", tuple(c for r in rels for c in modules[r]))]
    units: list[_Unit] = []
    for folder in folders:
        prefix = f"clauses/{folder}/" if folder else "clauses/"
        members = [r for r in rels if r.startswith(prefix) and "/" not in r[len(prefix) :]]
        if not members:
            continue
        if draw(st.booleans()):
            last = folder.rsplit("/", 1)[-1]
            globs = (
                [f"{prefix}*.toml", f"clauses/**/{last}/*.toml"] if folder else [f"{prefix}*.toml"]
            )
            entry = draw(st.sampled_from(globs))
            units.append(_Unit(entry, tuple(c for r in members for c in modules[r])))
            continue
        for rel in members:
            how = draw(st.sampled_from(["path", "ids", "pattern"]))
            if how == "ids":
                units += [_Unit(c, (c,)) for c in modules[rel]]
                continue
            entry = rel
            if how == "pattern":  # one letter of the file name as '?', if that picks it alone
                at = len(prefix) + draw(st.integers(0, len(rel) - len(prefix) - 6))
                pattern = f"{rel[:at]}?{rel[at + 1 :]}"
                regex = re.compile(re.escape(pattern).replace(r"\?", "[^/]"))
                if [r for r in rels if regex.fullmatch(r)] == [rel]:
                    entry = pattern
            units.append(_Unit(entry, tuple(modules[rel])))
    return list(draw(st.permutations(units)))


def _module_file(
    draw: st.DrawFn, clauses: list[str], specs: dict[str, ClauseSpec], parties: list[str]
) -> str:
    module: dict[str, object] = {}
    if draw(st.booleans()):
        module["module"] = {"title": draw(lines), "description": draw(texts(()))}
    tables = []
    for clause in clauses:
        spec = specs[clause]
        table: dict[str, object] = {"id": clause, "title": spec.title}
        if spec.status is not None:
            table["status"] = spec.status.value
        if draw(st.booleans()) or spec.status is not None:
            table["proposed_by"] = draw(st.sampled_from([*parties, "joint"]))
        listed = draw(st.booleans())
        if spec.covers or listed:
            table["covers"] = list(spec.covers)
        if draw(st.booleans()):
            table["notes"] = draw(texts(()))
        if spec.text is not None:
            table["text"] = spec.text
        else:
            table["paragraph"] = [_paragraph_table(p) for p in spec.paragraphs]
        tables.append(table)
    module["clause"] = tables
    return _toml(draw, module)


def _paragraph_table(spec: ParagraphSpec) -> dict[str, object]:
    table: dict[str, object] = {"id": spec.id}
    if spec.proposed_by is not None:
        table["proposed_by"] = spec.proposed_by
    if spec.alternatives:
        table["alternative"] = [{"party": p, "text": t} for p, t in spec.alternatives]
    else:
        table["text"] = spec.text
    if spec.brackets:
        table["bracket"] = {
            name: [{"party": p, "text": t} for p, t in options]
            for name, options in spec.brackets.items()
        }
    if spec.points:
        table["point"] = [{"id": i, "text": t} for i, t in spec.points]
    return table


keys = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=5)
"""Paragraph, point and bracket IDs."""


@st.composite
def paragraphs(
    draw: st.DrawFn, targets: tuple[str, ...], parties: list[str], counter: list[int]
) -> tuple[ParagraphSpec, ...]:
    """The paragraphs of one clause, with brackets, points, alternatives and proposals.

    ``counter`` numbers the options across the project, so that each option's marker
    word ``OptionNWord`` occurs once.
    """

    def option_text() -> str:
        counter[0] += 1
        around = draw(st.lists(words, max_size=2))
        return " ".join([*around[:1], f"Option{counter[0]}Word", *around[1:]])

    token = (
        st.one_of(words, st.sampled_from(targets).map(lambda t: f"[[{t}]]")) if targets else words
    )
    ids = draw(st.lists(keys, min_size=1, max_size=4, unique=True))
    specs = []
    for key in ids:
        kind = draw(st.sampled_from(["text", "text", "text", "alternatives", "proposal"]))
        if kind == "alternatives":
            chosen = draw(st.lists(st.sampled_from(parties), min_size=2, max_size=3))
            specs.append(
                ParagraphSpec(key, None, alternatives=tuple((p, option_text()) for p in chosen))
            )
            continue
        names = draw(st.lists(keys, max_size=2, unique=True))
        body = draw(st.lists(token, min_size=1, max_size=6))
        for name in names:
            body.insert(draw(st.integers(0, len(body))), "{" + name + "}")
        brackets = {
            name: tuple(
                (party, option_text() if draw(st.integers(0, 4)) else "")
                for party in draw(st.lists(st.sampled_from(parties), min_size=1, max_size=2))
            )
            for name in names
        }
        brackets = {
            n: o if any(t for _, t in o) else ((o[0][0], option_text()),)
            for n, o in brackets.items()
        }
        points = tuple(
            (point, " ".join(draw(st.lists(token, min_size=1, max_size=4))))
            for point in draw(st.lists(keys, max_size=2, unique=True))
        )
        proposer = draw(st.sampled_from(parties)) if kind == "proposal" else None
        specs.append(ParagraphSpec(key, " ".join(body), points, brackets, (), proposer))
    return tuple(specs)


def _catalogue(
    draw: st.DrawFn, stem: str, ids: list[str], files: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """Write a catalogue of ``ids`` and a source text made around its quotes into ``files``."""
    sections = draw(st.lists(section_ids, max_size=3, unique=True))
    headings = {s: draw(lines) for s in sections}
    citation = draw(lines)
    text_rel = draw(st.sampled_from([f"{stem}.txt", f"texts/{stem}.txt"]))
    body: dict[str, list[str]] = {s: [] for s in ["", *sections]}
    entries = []
    requirements = {}
    for requirement in ids:
        section = draw(st.sampled_from(sections)) if sections else draw(section_ids)
        quoted = draw(st.lists(words, min_size=1, max_size=8))
        quote = "".join(w + draw(st.sampled_from([" ", " ", "\n"])) for w in quoted).strip()
        spaced = "".join(w + draw(st.sampled_from([" ", "\n", "  ", "\t", "\n\n"])) for w in quoted)
        around = [" ".join(draw(st.lists(words, max_size=4))) for _ in range(2)]
        body[section if sections else ""].append(f"{around[0]} {spaced.strip()} {around[1]}")
        requirements[requirement] = (citation, section)
        entries.append(
            {
                "id": requirement,
                "section": section,
                "level": draw(st.sampled_from(list(Level))).value,
                "kind": draw(st.sampled_from(list(RequirementKind))).value,
                "statement": draw(lines),
                "quote": quote,
            }
        )
    parts = [draw(lines), *body[""]]
    for section in sections:  # '§' occurs in no word: a marker is found only where it stands
        parts += [f"§ {section} {headings[section]}", *draw(st.permutations(body[section]))]
    files[f"sources/{text_rel}"] = "\n\n".join(parts) + "\n"
    catalogue: dict[str, object] = {
        "source": {
            "id": draw(identifiers()),
            "title": draw(lines),
            "citation": citation,
            "text": text_rel,
        }
    }
    if sections:
        catalogue["section"] = [
            {"id": s, "title": headings[s], "starts": f"§ {s} {headings[s]}"} for s in sections
        ]
    catalogue["requirement"] = entries
    files[f"sources/{stem}.toml"] = _toml(draw, catalogue)
    return requirements


def _manifest(
    draw: st.DrawFn,
    sources: list[str],
    parties: list[str],
    chapters: list[int],
    placed: dict[Slot, list[_Unit]],
) -> str:
    def include(slot: Slot) -> list[str]:
        return [unit.entry for unit in placed[slot]]

    manifest: dict[str, object] = {
        "charter": {
            "title": draw(lines),
            "version": draw(st.sampled_from(["0.1.0", "2026-11 committee draft", "1"])),
            "language": draw(st.sampled_from(["en", "es", "pt-BR", "fr"])),
            "sources": sources,
        },
        "party": [{"id": p, "name": draw(lines)} for p in parties],
    }
    if PREAMBLE in placed:
        preamble: dict[str, object] = {}
        if draw(st.booleans()):
            preamble["heading"] = draw(lines)
        if draw(st.booleans()):
            preamble["opening"] = draw(texts((), lists_allowed=False))
        preamble["include"] = include(PREAMBLE)
        if draw(st.booleans()):
            preamble["closing"] = draw(texts((), lists_allowed=False))
        manifest["preamble"] = preamble
    titles = []
    for t, count in enumerate(chapters):
        title: dict[str, object] = {"heading": draw(lines), "include": include((t, -1))}
        if count:
            title["chapter"] = [
                {"heading": draw(lines), "include": include((t, c))} for c in range(count)
            ]
        titles.append(title)
    manifest["title"] = titles
    return _toml(draw, manifest)


@st.composite
def projects(draw: st.DrawFn) -> Project:
    """A valid project: every file well-formed, every reference and requirement satisfied."""
    folders, rels = _module_paths(draw)
    sizes = [draw(st.integers(1, 5)) for _ in rels]
    counts = [draw(st.integers(1, 4)) for _ in range(draw(st.integers(1, 2)))]
    total = sum(sizes) + sum(counts)
    pool = draw(st.lists(identifiers(), min_size=total, max_size=total, unique_by=str.casefold))
    requirement_ids, rest = pool[: sum(counts)], pool[sum(counts) :]
    modules: dict[str, list[str]] = {}
    for rel, size in zip(rels, sizes, strict=True):
        modules[rel], rest = rest[:size], rest[size:]

    # the manifest's parts in manifest order, and the entries each one includes
    units = _units(draw, folders, modules)
    chapters = draw(st.lists(st.integers(0, 3), min_size=1, max_size=4))
    slots: list[Slot] = [PREAMBLE] if draw(st.booleans()) else []
    for t, count in enumerate(chapters):
        slots += [(t, c) for c in range(-1, count)]
    placed: dict[Slot, list[_Unit]] = {slot: [] for slot in slots}
    for unit in units:
        placed[slots[draw(st.integers(0, len(slots) - 1))]].append(unit)
    recitals = tuple(c for u in placed.get(PREAMBLE, []) for c in u.clauses)
    articles = tuple(c for s in slots if s != PREAMBLE for u in placed[s] for c in u.clauses)

    # clauses: every requirement covered by at least one, references only to articles
    clauses = [c for r in rels for c in modules[r]]
    covers: dict[str, list[str]] = {c: [] for c in clauses}
    for requirement in requirement_ids:
        covers[draw(st.sampled_from(clauses))].append(requirement)
    for clause in clauses:
        extra = draw(st.lists(st.sampled_from(requirement_ids), max_size=2, unique=True))
        covers[clause] += [r for r in extra if r not in covers[clause]]
    parties = draw(
        st.lists(
            identifiers("-_", max_runs=2).filter(lambda p: p.casefold() != "joint"),
            min_size=1,
            max_size=3,
            unique_by=str.casefold,
        )
    )
    counter = [0]
    specs = {}
    for c in clauses:
        recital = c in recitals
        if recital or draw(st.booleans()):
            text: str | None = draw(texts(articles, lists_allowed=False))
            body: tuple[ParagraphSpec, ...] = ()
        else:
            text, body = None, draw(paragraphs(articles, parties, counter))
        open_parts = any(p.brackets or p.open_as_a_whole for p in body)
        statuses = [None, Status.PROPOSED, Status.BRACKETED]
        status = draw(st.sampled_from(statuses if open_parts else [*statuses, Status.AGREED]))
        specs[c] = ClauseSpec(c, draw(lines), status, text, tuple(covers[c]), body)
    files = {rel: _module_file(draw, modules[rel], specs, parties) for rel in rels}
    stems = draw(st.lists(file_stems, min_size=len(counts), max_size=len(counts), unique=True))
    requirements: dict[str, tuple[str, str]] = {}
    offset = 0
    for stem, count in zip(stems, counts, strict=True):
        requirements |= _catalogue(draw, stem, requirement_ids[offset : offset + count], files)
        offset += count
    sources = [f"sources/{stem}.toml" for stem in stems]
    files["charter.toml"] = _manifest(draw, sources, parties, chapters, placed)
    return Project(files, articles, recitals, specs, requirements)


def write_files(root: Path, files: dict[str, bytes] | dict[str, str], order: list[str]) -> None:
    """Write ``files`` under ``root``, creating them in the order given."""
    for rel in order:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        content = files[rel]
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


# --- mutations -------------------------------------------------------------------------------

TOKENS: tuple[bytes, ...] = (
    *(bytes([c]) for c in b"\"'[]{}=#,.\\\n\r\t \x00\x7f\x1b"),
    b'"""', b"'''", b"[[", b"]]", b"[[objectives]]", b"[[joint-committee]]", b"[/]", b"[bold]",
    b"\\u0000", b"\\U0011FFFF", b"\\x", b"\\", b" = 1", b"\n[clause]\n", b"\n[[clause]]\n",
    b'\nid = "objectives"\n', b'\ncovers = ["MAN-2-objectives"]\n', b"\n[[title]]\n",
    "é".encode(), "\u2028".encode(), "\ufeff".encode(), b"\xef\xbb\xbf", b"\r\n",
    b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80",
    b"\n# heading\n", b"<b>", b"\n    indented\n", b"\n---\n", b"\n\n",
)  # fmt: skip
"""Bytes inserted at random places: TOML syntax, escapes, invalid UTF-8, Markdown, Rich markup."""

VALUES: tuple[bytes, ...] = (
    b'""', b'" "', b'"joint"', b'"EU"', b'"x.toml"', b'"clauses/**/*.toml"', b'"clauses/*"',
    b'"../outside.toml"', b'"/etc/hostname"', b'"."', b'"clauses"', b'"sources/"',
    b'"charter.toml"', b'"sources/mandate.toml"', b'"../mandate.txt"', b'"mandate.txt"',
    b'"[[objectives]]"', b'"[[nowhere]]"', b'"[[recital-purpose]]"', b'"# heading"',
    b'"<b>bold</b>"', b'"    code"', b'"a\\nb"', b'"a\\rb"', b'"[/]"', b'"[bold]x[/bold]"',
    b"1", b"-0", b"true", b"[]", b'["a", 1]', b"{}", b"{ a = 1 }", b"1979-05-27",
    b"1979-05-27T07:32:00Z", b"nan", b"inf", '"é"'.encode(), b'"\\u00e9"', b'"a\\tb"',
    b'"MAN-2-objectives"', b'"objectives"', b'"OBJECTIVES"', b'"joint-committee"',
    b'"recital-purpose"', b"'literal'", b'"""\nmulti\nline\n"""', b'"' + b"y" * 5000 + b'"',
    b'"proposed"', b'"bracketed"', b'"agreed"', b'"Agreed"', b'"public"', b'"objective"',
)  # fmt: skip
"""TOML values put in place of a string value: wrong types, paths, IDs, hostile text."""

KEYS: tuple[bytes, ...] = tuple(
    k.encode()
    for k in (
        "id", "title", "text", "covers", "status", "proposed_by", "section", "quote", "include",
        "sources", "heading", "chapter", "clause", "opening", "closing", "party", "name", "level",
        "kind", "statement", "starts", "citation", "notes", "module", "description", "unknown",
        "ID", "Title", '"quoted key"', '"a\\nb"', '"\\u0000"', "a.b", "clause.id", '""', "'lit'",
        "charter", "requirement", "language", "version", "published", "author", "text.x",
    )
)  # fmt: skip
"""Keys put in place of a key: other keys of the formats, near misses, dotted and quoted keys."""

HEADERS: tuple[bytes, ...] = tuple(
    h.encode()
    for h in (
        "[charter]", "[[party]]", "[preamble]", "[[title]]", "[[title.chapter]]", "[source]",
        "[[section]]", "[[requirement]]", "[module]", "[[clause]]", "[[clause.x]]", "[clause]",
        "[x.y.z]", '[[a."b\\nc"]]', "[charter.sources]", "[[preamble]]", "[title]",
    )
)  # fmt: skip

_STRING = re.compile(rb'"(?:[^"\\\n]|\\.)*"')
_KEY = re.compile(rb"(?m)^[ \t]*([A-Za-z0-9_-]+)[ \t]*=")
_HEADER = re.compile(rb"(?m)^[ \t]*\[\[?[^\]\n]*\]\]?[ \t]*$")


@dataclass(frozen=True)
class Mutation:
    """One change to one file of a project; ``at`` and ``size`` are reduced modulo the file."""

    kind: str
    file: int
    at: int = 0
    size: int = 1
    payload: bytes = b""

    def apply(self, files: dict[str, bytes]) -> None:
        """Change ``files`` in place."""
        names = sorted(files)
        rel = names[self.file % len(names)]
        if self.kind == "delete-file":
            del files[rel]
            return
        if self.kind == "copy-file":
            files[f"{rel.rsplit('.', 1)[0]}-copy.{rel.rsplit('.', 1)[-1]}"] = files[rel]
            return
        files[rel] = self.change(files[rel])

    def change(self, data: bytes) -> bytes:  # noqa: PLR0911, PLR0912 - one branch per kind
        """The mutated content of one file."""
        at = self.at % (len(data) + 1)
        kind = self.kind
        if kind == "delete":
            return data[:at] + data[at + self.size :]
        if kind == "duplicate":
            return data[: at + self.size] + data[at : at + self.size] + data[at + self.size :]
        if kind == "insert":
            return data[:at] + self.payload + data[at:]
        if kind == "truncate":
            return data[:at]
        if kind in ("delete-line", "duplicate-line", "swap-lines", "insert-line"):
            rows = data.splitlines(keepends=True) or [b""]
            i, j = self.at % len(rows), self.size % len(rows)
            if kind == "delete-line":
                del rows[i]
            elif kind == "duplicate-line":
                rows.insert(i, rows[i])
            elif kind == "swap-lines":
                rows[i], rows[j] = rows[j], rows[i]
            else:
                rows.insert(i, self.payload + b"\n")
            return b"".join(rows)
        if kind == "replace":  # one occurrence of payload's first byte by its second, or all
            old, new = self.payload[:1], self.payload[1:]
            if self.size % 2:
                return data.replace(old, new)
            spots = [m.start() for m in re.finditer(re.escape(old), data)]
            if not spots:
                return data
            spot = spots[self.at % len(spots)]
            return data[:spot] + new + data[spot + 1 :]
        if kind in ("string", "key", "header"):
            pattern = {"string": _STRING, "key": _KEY, "header": _HEADER}[kind]
            matches = list(pattern.finditer(data))
            if not matches:
                return data
            match = matches[self.at % len(matches)]
            group = 1 if kind == "key" else 0
            if kind == "string" and self.size % 3 == 0:  # another string of the same file
                other = matches[self.size % len(matches)]
                return data[: match.start()] + other.group(0) + data[match.end() :]
            return data[: match.start(group)] + self.payload + data[match.end(group) :]
        if kind == "bom":
            return b"\xef\xbb\xbf" + data
        if kind == "crlf":
            return data.replace(b"\n", b"\r\n")
        if kind == "cr":
            return data.replace(b"\n", b"\r")
        raise AssertionError(kind)


positions = st.integers(0, 1 << 20)
mutations = st.one_of(
    st.builds(Mutation, st.just("delete"), positions, positions, st.integers(1, 64)),
    st.builds(Mutation, st.just("duplicate"), positions, positions, st.integers(1, 64)),
    st.builds(
        Mutation,
        st.just("insert"),
        positions,
        positions,
        payload=st.one_of(
            st.sampled_from(TOKENS),
            st.binary(min_size=1, max_size=8),
            st.text(min_size=1, max_size=8).map(lambda t: t.encode("utf-8", "surrogatepass")),
        ),
    ),
    st.builds(Mutation, st.just("truncate"), positions, positions),
    st.builds(
        Mutation,
        st.sampled_from(["delete-line", "duplicate-line", "swap-lines"]),
        positions,
        positions,
        positions,
    ),
    st.builds(
        Mutation,
        st.just("insert-line"),
        positions,
        positions,
        payload=st.one_of(
            st.sampled_from([b"x" * 1000, b'long = "' + b"x" * 200_000 + b'"', b"y" * 200_000]),
            st.sampled_from([10, 100, 1000, 5000]).flatmap(
                lambda d: st.sampled_from(
                    [
                        b"deep = " + b"[" * d + b"]" * d,
                        b"deep = " + b"{ a = " * d + b"1" + b" }" * d,
                        b"[" + b".".join([b"a"] * d) + b"]",
                        b"deep." + b".".join([b"a"] * d) + b" = 1",
                        b"deep = " + b"[" * d,
                        b"[" * d + b"]" * d,
                    ]
                )
            ),
        ),
    ),
    st.builds(
        Mutation,
        st.just("replace"),
        positions,
        positions,
        st.integers(0, 1),
        st.sampled_from([b"\"'", b"'\"", b"[]", b"][", b"[{", b"]}", b'"\\', b"\n\r", b"=:"]),
    ),
    st.builds(
        Mutation, st.just("string"), positions, positions, positions, st.sampled_from(VALUES)
    ),
    st.builds(Mutation, st.just("key"), positions, positions, payload=st.sampled_from(KEYS)),
    st.builds(Mutation, st.just("header"), positions, positions, payload=st.sampled_from(HEADERS)),
    st.builds(
        Mutation, st.sampled_from(["bom", "crlf", "cr", "delete-file", "copy-file"]), positions
    ),
)


@dataclass(frozen=True)
class Mutated:
    """A project whose files were changed by ``steps``."""

    base: str
    steps: tuple[Mutation, ...]
    files: dict[str, bytes] = field(repr=False)
    changed: tuple[str, ...] = field(repr=False)

    def __repr__(self) -> str:
        shown = "".join(
            f"\n--- {rel}\n{self.files[rel][:3000]!r}" for rel in self.changed if rel in self.files
        )
        return f"Mutated(base={self.base!r}, steps={self.steps!r}){shown}"


def starter_files() -> dict[str, bytes]:
    """The TOML and text files of the ``charter init`` starter (schemas are never read)."""
    return {
        rel: text.encode("utf-8")
        for rel, text in project_files("Test Charter").items()
        if rel.endswith((".toml", ".txt"))
    }


@st.composite
def mutated_projects(draw: st.DrawFn) -> Mutated:
    """The starter or a generated project, with one to four mutations of its files."""
    if draw(st.booleans()):
        base, files = "starter", starter_files()
    else:
        base = "generated"
        files = {rel: text.encode("utf-8") for rel, text in draw(projects()).files.items()}
    before = dict(files)
    steps = tuple(draw(st.lists(mutations, min_size=1, max_size=4)))
    for step in steps:
        step.apply(files)
    changed = tuple(sorted(rel for rel in files if before.get(rel) != files[rel]))
    return Mutated(base, steps, files, changed)
