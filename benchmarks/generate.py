"""Generate synthetic but realistic charter libraries for the benchmark.

A library of ``n`` clauses has about ``n / 5`` requirements, spread over requirements
catalogues of at most :data:`REQUIREMENTS_PER_SOURCE` requirements each (a catalogue
of 20,000 requirements would pass the tool's 8 MiB file limit). Each catalogue has a
source text with ``[[section]]`` markers, and every requirement quotes 6 to 20 words
of its own section, starting at a word boundary. Clauses sit in modules of 40 to 60
clauses, grouped in topic folders under ``clauses/principles``,
``clauses/instruments/{public,state,regional}``, ``clauses/cooperation/{conceptual,
material}`` and ``clauses/institutions``; the manifest has one title per folder and
one chapter per topic, each placing its modules with a glob. Each clause covers one
to three requirements of its own folder (every requirement is covered), has three
numbered paragraphs of 80 to 200 words in all, and about a third of the clauses
refer to another article with ``[[clause-id]]``. Statuses and proposing parties are
mixed. Words are drawn, with a Zipf-like frequency, from the study text in
``charter_cli/catalogues/grabendorff-2008.txt`` plus words derived from it (several thousand in all).

Generation is deterministic (fixed seed). Libraries are cached under the temporary
folder and reused while :data:`GENERATOR_VERSION` and this file are unchanged.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import random
import re
import shutil
import tempfile
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 2
"""Bump when the shape of the generated libraries changes on purpose."""
SEED = 20081112
"""The seed of every library (the study's date)."""
REPO = Path(__file__).resolve().parents[1]
STUDY = REPO / "charter_cli" / "catalogues" / "grabendorff-2008.txt"
VOCABULARY_SIZE = 6000
"""Distinct words the texts are drawn from: the study's words plus derived ones."""
REQUIREMENTS_PER_SOURCE = 1000
"""At most this many requirements per catalogue (and source text)."""
CLAUSES_PER_REQUIREMENT = 5
MODULE_SIZE = (40, 60)
"""Clauses per module."""
MODULES_PER_TOPIC = (4, 12)
"""Modules per topic folder; each topic is one chapter of the manifest."""
CACHE = Path(tempfile.gettempdir()) / "charter-bench"
"""Where generated libraries are kept between runs."""
PARTIES = (
    ("EU", "European Union and its Member States"),
    ("LAC", "Latin American and Caribbean States"),
    ("CAN", "Andean Community"),
    ("MERCOSUR", "Southern Common Market"),
    ("SICA", "Central American Integration System"),
    ("CARICOM", "Caribbean Community"),
)
OPENERS = (
    "The Parties shall",
    "Each Party shall",
    "The Parties agree to",
    "The Parties undertake to",
    "Within two years of the entry into force of this Charter, the Parties shall",
    "The European Union and its Member States shall",
    "The Latin American and Caribbean Parties shall",
    "To that end, the Parties shall",
    "The Parties recognise that",
    "Nothing in this Article shall prevent a Party from",
)
RECITAL_OPENERS = (
    "Recognising that",
    "Acknowledging",
    "Considering that",
    "Convinced that",
    "Determined to",
    "Recalling",
    "Mindful of",
    "Stressing that",
)
PREFIXES = ("re", "co", "inter", "trans", "sub", "counter", "pre", "post", "multi", "non")
PREFIXES_MORE = ("bi", "intra", "supra", "de", "over", "under", "cross", "extra", "semi")
SUFFIXES = ("ation", "ment", "ity", "ness", "ance", "ive", "ally", "ism", "ist", "ing", "al")
SUFFIXES_MORE = ("ise", "ship", "hood", "able", "ory", "ure", "ant", "ent", "ics", "ward")


@dataclass(frozen=True)
class Category:
    """A folder of clause modules: one title of the manifest."""

    folder: str
    heading: str
    level: str
    kinds: tuple[str, ...]
    share: float
    prefix: str


CATEGORIES = (
    Category(
        "principles",
        "Objectives and principles",
        "cross-cutting",
        ("objective", "principle", "perception", "tradition", "consideration"),
        0.08,
        "prn",
    ),
    Category(
        "instruments/public", "Public security", "public", ("instrument", "threat"), 0.22, "pub"
    ),
    Category("instruments/state", "State security", "state", ("instrument", "threat"), 0.20, "sta"),
    Category(
        "instruments/regional",
        "Regional security",
        "regional",
        ("instrument", "threat"),
        0.20,
        "reg",
    ),
    Category(
        "cooperation/conceptual",
        "Conceptual cooperation",
        "cross-cutting",
        ("conceptual-cooperation",),
        0.10,
        "con",
    ),
    Category(
        "cooperation/material",
        "Material cooperation",
        "cross-cutting",
        ("material-cooperation",),
        0.10,
        "mat",
    ),
    Category(
        "institutions",
        "Institutions and implementation",
        "cross-cutting",
        ("institution", "objective"),
        0.10,
        "ins",
    ),
)
PREAMBLE = Category(
    "preamble", "Preamble", "cross-cutting", ("consideration", "perception"), 0.0, "rec"
)


@dataclass
class Requirement:
    """A requirement as generated, before it is written to its catalogue."""

    id: str
    category: Category
    kind: str
    statement: str
    section: str = ""
    quote: str = ""


@dataclass
class Clause:
    """A clause as generated, before it is written to its module."""

    id: str
    title: str
    category: Category
    covers: list[str] = field(default_factory=list)


@dataclass
class Module:
    """A module file: its path relative to the root and its clauses."""

    rel: str
    title: str
    clauses: list[Clause]


@dataclass
class Topic:
    """A topic folder of modules: one chapter of the manifest."""

    category: Category
    folder: str
    heading: str
    modules: list[Module]


def generator_key() -> str:
    """What a cached library must have been generated with to be reused."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + STUDY.read_bytes()).hexdigest()
    return f"version {GENERATOR_VERSION}, seed {SEED}, generator {digest[:16]}"


def library_path(size: int, *, languages: bool = False) -> Path:
    """The cache folder of the library of ``size`` clauses (with its translations)."""
    return CACHE / f"library-v{GENERATOR_VERSION}-{size}{'-languages' if languages else ''}"


def ensure_library(size: int, *, languages: bool = False) -> tuple[Path, bool]:
    """The library of ``size`` clauses, generated unless a current copy is cached.

    With ``languages``, the same library with its translations (see
    :func:`write_translations`). Returns the folder and whether it was (re)generated.
    """
    target = library_path(size, languages=languages)
    marker = target / ".generator"
    key = generator_key()
    if marker.is_file() and marker.read_text(encoding="utf-8") == key:
        return target, False
    CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"library-{size}-", dir=CACHE))
    try:
        write_library(work, size)
        if languages:
            write_translations(work)
        (work / ".generator").write_text(key, encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        work.rename(target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target, True


class Words:
    """Draws words from the vocabulary with a Zipf-like frequency."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.vocabulary, self.study_words = build_vocabulary(rng)
        weights = [1.0 / (rank + 8) for rank in range(len(self.vocabulary))]
        self.cumulative = list(itertools.accumulate(weights))
        content = [w for w in self.vocabulary if len(w) >= 4]
        self.content = content
        self.content_cumulative = list(
            itertools.accumulate(1.0 / (rank + 8) for rank in range(len(content)))
        )
        self.slug_words = [
            w.lower() for w in self.vocabulary[: self.study_words] if len(w) >= 4 and w.isascii()
        ]

    def draw(self, count: int) -> list[str]:
        """``count`` words, common words more often."""
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def phrase(self, count: int) -> str:
        """Words joined into a phrase, with a comma now and then."""
        words = self.draw(count)
        for i in range(6, len(words) - 3, 9):
            if self.rng.random() < 0.5:
                words[i] += ","
        return " ".join(words)

    def sentence(self, count: int, opener: str = "") -> str:
        """A sentence of about ``count`` words, capitalised, ending with a full stop."""
        text = f"{opener} {self.phrase(count)}" if opener else self.phrase(count)
        return text[0].upper() + text[1:] + "."

    def heading(self, low: int = 2, high: int = 6) -> str:
        """A heading: a few words, the first capitalised."""
        count = self.rng.randint(low, high)
        words = self.rng.choices(self.content, cum_weights=self.content_cumulative, k=count)
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def slug(self, count: int) -> str:
        """Lower-case words joined by hyphens, for IDs and file names."""
        return "-".join(self.rng.choice(self.slug_words) for _ in range(count))


def build_vocabulary(rng: random.Random) -> tuple[list[str], int]:
    """The study's words by frequency, then derived words, :data:`VOCABULARY_SIZE` in all.

    Also returns how many of them come from the study.
    """
    tokens = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", STUDY.read_text(encoding="utf-8"))
    forms: dict[str, Counter[str]] = {}
    for token in tokens:
        if not token.replace("-", "").isalpha():  # superscript footnote marks
            continue
        if len(token) > 1 or token in {"a", "A"}:
            forms.setdefault(token.lower(), Counter())[token] += 1
    ranked = sorted(forms, key=lambda w: -sum(forms[w].values()))
    words = [forms[w].most_common(1)[0][0] for w in ranked]
    stems = sorted(w for w in forms if len(w) >= 5 and w.isalpha())
    known = set(forms)
    derived: list[str] = []
    prefixes = PREFIXES + PREFIXES_MORE
    suffixes = SUFFIXES + SUFFIXES_MORE
    while len(words) + len(derived) < VOCABULARY_SIZE:
        stem = rng.choice(stems)
        choice = rng.random()
        word = stem
        if choice < 0.6:
            word = word.rstrip("aeiouy") + rng.choice(suffixes)
        if choice > 0.4:
            word = rng.choice(prefixes) + word
        if word not in known:
            known.add(word)
            derived.append(word)
    return words + derived, len(words)


def _split(total: int, low: int, high: int, rng: random.Random) -> list[int]:
    """Sizes between ``low`` and ``high`` that add up to ``total`` (the last may be smaller)."""
    sizes: list[int] = []
    while total > high:
        size = rng.randint(low, high)
        sizes.append(size)
        total -= size
    if total:
        sizes.append(total)
    return sizes


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken only at spaces (never inside a word)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def _quote(value: str) -> str:
    """A TOML basic string; generated texts never hold quotes or backslashes."""
    assert '"' not in value and "\\" not in value and "\n" not in value  # noqa: S101
    return f'"{value}"'


def _shares(total: int) -> list[int]:
    """Clauses per category, adding up to ``total``."""
    counts = [math.floor(total * c.share) for c in CATEGORIES]
    counts[1] += total - sum(counts)
    return counts


class LibraryWriter:
    """Writes one library: manifest, catalogues with source texts, modules."""

    def __init__(self, root: Path, size: int) -> None:
        self.root = root
        self.size = size
        self.rng = random.Random(SEED * 1_000_003 + size)  # noqa: S311 - not cryptography
        self.words = Words(self.rng)
        self.serial = itertools.count(1)
        self.requirements: dict[str, list[Requirement]] = {}
        self.topics: list[Topic] = []
        self.preamble: list[Module] = []
        self.articles: list[str] = []
        self.pending: list[tuple[list[Clause], list[Requirement]]] = []
        """Clauses and the requirements they cover, matched once requirement IDs are known."""

    def write(self) -> None:
        """Generate everything and write it under the root."""
        preamble_size = max(5, self.size // 100)
        counts = _shares(self.size - preamble_size)
        for category, count in zip(CATEGORIES, counts, strict=True):
            self._plan_category(category, count)
        self._plan_preamble(preamble_size)
        sources = self._write_catalogues()
        self._write_modules()
        self._write_manifest(sources)

    # ------------------------------------------------------------------ planning

    def _new_requirements(self, category: Category, count: int) -> list[Requirement]:
        made = []
        for _ in range(count):
            kind = self.rng.choice(category.kinds)
            statement = self.words.sentence(self.rng.randint(8, 20))
            made.append(Requirement("", category, kind, statement))
        self.requirements[category.folder] = made
        return made

    def _new_clause(self, category: Category) -> Clause:
        number = next(self.serial)
        clause_id = f"{category.prefix}-{self.words.slug(2)}-{number:06d}"
        return Clause(clause_id, self.words.heading(3, 7), category)

    def _cover(self, clauses: Sequence[Clause], requirements: Sequence[Requirement]) -> None:
        """Each clause covers 1 to 3 requirements; clause ``i`` covers requirement ``i % r``."""
        for i, clause in enumerate(clauses):
            wanted = self.rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
            chosen = [requirements[i % len(requirements)]]
            while len(chosen) < min(wanted, len(requirements)):
                other = self.rng.choice(requirements)
                if other not in chosen:
                    chosen.append(other)
            clause.covers = [r.id for r in chosen]  # filled in once IDs are known

    def _plan_category(self, category: Category, count: int) -> None:
        requirements = self._new_requirements(category, max(1, round(count / 5)))
        sizes = _split(count, *MODULE_SIZE, self.rng)
        modules: list[Module] = []
        topic_sizes = _split(len(sizes), *MODULES_PER_TOPIC, self.rng)
        sizes_iter = iter(sizes)
        clauses: list[Clause] = []
        for t, topic_size in enumerate(topic_sizes, start=1):
            folder = f"{self.words.slug(2)}-{t:02d}"
            topic = Topic(category, folder, self.words.heading(2, 5), [])
            for m in range(1, topic_size + 1):
                module_clauses = [self._new_clause(category) for _ in range(next(sizes_iter))]
                rel = f"clauses/{category.folder}/{folder}/{self.words.slug(2)}-{m:02d}.toml"
                module = Module(rel, self.words.heading(2, 4), module_clauses)
                topic.modules.append(module)
                modules.append(module)
                clauses += module_clauses
            self.topics.append(topic)
        self.articles += [c.id for c in clauses]
        self.pending.append((clauses, requirements))

    def _plan_preamble(self, count: int) -> None:
        requirements = self._new_requirements(PREAMBLE, max(1, round(count / 5)))
        clauses = [self._new_clause(PREAMBLE) for _ in range(count)]
        for i, size in enumerate(_split(count, *MODULE_SIZE, self.rng), start=1):
            taken, clauses_left = clauses[:size], clauses[size:]
            self.preamble.append(
                Module(f"clauses/preamble/recitals-{i:02d}.toml", "Recitals", taken)
            )
            clauses = clauses_left
        self.pending.append(([c for m in self.preamble for c in m.clauses], requirements))

    # ------------------------------------------------------------ catalogues

    def _write_catalogues(self) -> list[str]:
        every = [r for category in self.requirements.values() for r in category]
        count = math.ceil(len(every) / REQUIREMENTS_PER_SOURCE)
        per_source = math.ceil(len(every) / count)
        paths = []
        for s in range(count):
            chunk = every[s * per_source : (s + 1) * per_source]
            paths.append(self._write_catalogue(s + 1, chunk))
        for clauses, requirements in self.pending:
            self._cover(clauses, requirements)
        return paths

    def _write_catalogue(self, number: int, requirements: list[Requirement]) -> str:
        source_id = f"STU{number:02d}"
        sections = self._sections(source_id, requirements)
        text_name = f"study-{number:02d}.txt"
        title = self.words.heading(6, 12)
        lines = [
            f"# Requirements catalogue of study {number}, generated for the benchmark.",
            "",
            "[source]",
            f"id = {_quote(source_id)}",
            f"title = {_quote(title)}",
            f"author = {_quote(self.words.heading(2, 3))}",
            'publisher = "European Parliament"',
            f"published = {2000 + number % 20}-{1 + number % 12:02d}-{1 + number % 28:02d}",
            f"citation = {_quote(f'Study {number} ({2000 + number % 20})')}",
            f"text = {_quote(text_name)}",
        ]
        body = [title.upper(), "", "Directorate-General for External Policies of the Union", ""]
        for section_id, heading, members in sections:
            marker = f"{section_id}{'.' if '.' not in section_id else ''} {heading}."
            lines += [
                "",
                "[[section]]",
                f"id = {_quote(section_id)}",
                f"title = {_quote(heading)}",
                f"starts = {_quote(marker)}",
            ]
            body += ["", marker, ""]
            body += self._section_text(members)
        for requirement in requirements:
            lines += [
                "",
                "[[requirement]]",
                f"id = {_quote(requirement.id)}",
                f"section = {_quote(requirement.section)}",
                f"level = {_quote(requirement.category.level)}",
                f"kind = {_quote(requirement.kind)}",
                f"statement = {_quote(requirement.statement)}",
                f"quote = {_quote(requirement.quote)}",
            ]
        sources = self.root / "sources"
        sources.mkdir(parents=True, exist_ok=True)
        (sources / text_name).write_text("\n".join(body) + "\n", encoding="utf-8")
        rel = f"sources/study-{number:02d}.toml"
        (self.root / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return rel

    def _sections(
        self, source_id: str, requirements: list[Requirement]
    ) -> list[tuple[str, str, list[Requirement]]]:
        """Sections ``1``, ``1.1``, ``1.2``, ``2``, ... with 10 to 30 requirements each."""
        sections: list[tuple[str, str, list[Requirement]]] = []
        rest = requirements
        chapter = 0
        while rest:
            chapter += 1
            for sub in range(self.rng.randint(3, 6) + 1):
                section_id = str(chapter) if sub == 0 else f"{chapter}.{sub}"
                take = self.rng.randint(0, 3) if sub == 0 else self.rng.randint(10, 30)
                members, rest = rest[:take], rest[take:]
                for requirement in members:
                    requirement.section = section_id
                    requirement.id = (
                        f"{source_id}-{section_id}-{self.words.slug(2)}-{next(self.serial):06d}"
                    )
                sections.append((section_id, self.words.heading(2, 8), members))
                if not rest:
                    break
        return sections

    def _section_text(self, members: list[Requirement]) -> list[str]:
        """Paragraphs of the section; each requirement quotes 6 to 20 words of its own one."""
        lines: list[str] = []
        for requirement in members:
            for _ in range(self.rng.choice((0, 0, 1))):
                lines += [*_wrap(self.words.sentence(self.rng.randint(30, 80)), 90), ""]
            words = self.words.sentence(self.rng.randint(40, 90)).split(" ")
            length = self.rng.randint(6, 20)
            start = self.rng.randint(0, len(words) - length)
            requirement.quote = " ".join(words[start : start + length]).rstrip(",.")
            lines += [*_wrap(" ".join(words), 90), ""]
        return lines

    # --------------------------------------------------------------- modules

    def _clause_paragraphs(self, clause: Clause) -> list[str]:
        """The clause's three ``[[clause.paragraph]]`` tables, with brackets and alternatives.

        One clause in five has contested words in its second paragraph (two parties'
        options), and one in twenty gives its third paragraph as two alternatives.
        """
        parties = [party for party, _ in PARTIES]
        texts = self._clause_text(clause).split("\n\n")
        lines: list[str] = []
        for number, text in enumerate(texts, start=1):
            sentence = text.split(". ", 1)[1]
            lines += ["", "[[clause.paragraph]]", f'id = "p{number}"']
            if number == 3 and self.rng.random() < 0.05:
                first, second = self.rng.sample(parties, 2)
                other = self.words.sentence(self.rng.randint(15, 40))
                lines += [
                    "alternative = [",
                    f"  {{ party = {_quote(first)}, text = {_quote(sentence)} }},",
                    f"  {{ party = {_quote(second)}, text = {_quote(other)} }},",
                    "]",
                ]
                continue
            if number == 2 and self.rng.random() < 0.2:
                words = sentence.split(" ")
                at = self.rng.randint(1, len(words) - 2)
                first, second = self.rng.sample(parties, 2)
                sentence = " ".join([*words[:at], "{verb}", *words[at + 1 :]])
                lines += [
                    f"text = {_quote(sentence)}",
                    f"bracket.verb = [{{ party = {_quote(first)}, text = {_quote(words[at])} }}, "
                    f'{{ party = {_quote(second)}, text = "shall endeavour to" }}]',
                ]
                continue
            lines.append(f"text = {_quote(sentence)}")
        return lines

    def _clause_text(self, clause: Clause) -> str:
        total = self.rng.randint(80, 200)
        first = self.rng.randint(total // 5, total // 2)
        second = self.rng.randint(total // 5, total - first - total // 5)
        counts = (first, second, total - first - second)
        paragraphs = []
        roll = self.rng.random()
        references = 2 if roll < 0.05 else 1 if roll < 0.35 else 0
        with_reference = set(self.rng.sample((1, 2), references))
        for i, count in enumerate(counts):
            opener = self.rng.choice(OPENERS)
            sentence = self.words.sentence(max(3, count - len(opener.split())), opener)
            if i in with_reference:
                target = clause.id
                while target == clause.id:
                    target = self.rng.choice(self.articles)
                sentence = f"{sentence[:-1]}, in accordance with [[{target}]]."
            paragraphs.append(f"{i + 1}. {sentence}")
        return "\n\n".join(paragraphs)

    def _recital_text(self) -> str:
        opener = self.rng.choice(RECITAL_OPENERS)
        return self.words.sentence(self.rng.randint(30, 60), opener)[:-1] + ","

    def _module_text(self, module: Module, *, recitals: bool) -> str:
        lines = [
            "[module]",
            f"title = {_quote(module.title)}",
            f"description = {_quote(self.words.sentence(self.rng.randint(10, 30)))}",
        ]
        parties = [party for party, _ in PARTIES]
        for clause in module.clauses:
            status = self.rng.choices(("", "proposed", "bracketed"), weights=(55, 30, 15))[0]
            joint = not status and self.rng.random() < 0.8
            party = "joint" if joint else self.rng.choice(parties)
            covers = ", ".join(_quote(c) for c in clause.covers)
            lines += [
                "",
                "[[clause]]",
                f"id = {_quote(clause.id)}",
                f"title = {_quote(clause.title)}",
            ]
            if status:  # left out, the status is derived from the paragraphs
                lines.append(f"status = {_quote(status)}")
            lines += [f"proposed_by = {_quote(party)}", f"covers = [{covers}]"]
            if self.rng.random() < 0.3:
                lines.append(f"notes = {_quote(self.words.sentence(self.rng.randint(15, 40)))}")
            if recitals:
                lines.append(f"text = {_quote(self._recital_text())}")
            else:
                lines += self._clause_paragraphs(clause)
        return "\n".join(lines) + "\n"

    def _write_modules(self) -> None:
        for module in self.preamble:
            self._write_module(module, recitals=True)
        for topic in self.topics:
            for module in topic.modules:
                self._write_module(module, recitals=False)

    def _write_module(self, module: Module, *, recitals: bool) -> None:
        path = self.root / module.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self._module_text(module, recitals=recitals), encoding="utf-8")

    # -------------------------------------------------------------- manifest

    def _write_manifest(self, sources: list[str]) -> None:
        listed = ", ".join(_quote(s) for s in sources)
        lines = [
            f"# A synthetic library of {self.size} clauses, generated for the benchmark.",
            "",
            "[charter]",
            f'title = "Synthetic Charter of {self.size} Clauses"',
            'version = "0.1.0"',
            'language = "en"',
            f"sources = [{listed}]",
        ]
        for party, name in PARTIES:
            lines += ["", "[[party]]", f"id = {_quote(party)}", f"name = {_quote(name)}"]
        lines += [
            "",
            "[preamble]",
            'opening = "The Parties to this Charter,"',
            'include = ["clauses/preamble/*.toml"]',
            'closing = "Have agreed as follows:"',
        ]
        current: Category | None = None
        for number, topic in enumerate(self.topics):
            if topic.category is not current:
                current = topic.category
                lines += ["", "[[title]]", f"heading = {_quote(current.heading)}"]
            folder = f"clauses/{current.folder}/{topic.folder}"
            # now and then a chapter lists its modules one by one
            one_by_one = number % 7 == 3
            entries = [m.rel for m in topic.modules] if one_by_one else [f"{folder}/*.toml"]
            include = ", ".join(_quote(e) for e in entries)
            lines += ["", "[[title.chapter]]", f"heading = {_quote(topic.heading)}"]
            lines.append(f"include = [{include}]")
        (self.root / "charter.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_library(root: Path, size: int) -> None:
    """Write the library of ``size`` clauses into the folder ``root``."""
    LibraryWriter(root, size).write()


LANGUAGES = ("es", "pt", "fr")
"""The languages of the translated library: Spanish and Portuguese complete and required,
French half done (its missing units are one note, so ``check --strict`` still passes)."""
_MARKS = re.compile(r"(\[\[[^\]]*\]\]|\{[^}]*\})")
"""Cross-references and bracket marks, which a translation keeps as they are."""
_WORD = re.compile(r"[A-Za-z]+")
_ENDINGS = {"es": "o", "pt": "ão", "fr": "é"}


def _translated(text: str, language: str) -> str:
    """A stand-in translation: every word changed, references, marks and figures kept."""
    ending = _ENDINGS[language]
    return "".join(
        part if index % 2 else _WORD.sub(lambda m: m.group(0) + ending, part)
        for index, part in enumerate(_MARKS.split(text))
    )


def write_translations(root: Path) -> None:
    """Translate the library at ``root`` into :data:`LANGUAGES`: one file per module and language.

    The units and their keys are the tool's own (``charter_cli.load.units``), so the
    files are those a translator's import would write.
    """
    from charter_cli.load.loader import load_library
    from charter_cli.load.units import original_units

    units = original_units(load_library(root))
    manifest = root / "charter.toml"
    declared = ", ".join(_quote(code) for code in LANGUAGES)
    with manifest.open("a", encoding="utf-8") as stream:
        stream.write(f'\n[translations]\nlanguages = [{declared}]\nrequired = ["es", "pt"]\n')
    for language in LANGUAGES:
        files: dict[str, list[str]] = {}
        for number, (key, unit) in enumerate(units.items()):
            if language == "fr" and number % 2:
                continue
            files.setdefault(unit.home, []).append(
                f"\n[[unit]]\nkey = {_quote(key)}\noriginal = {_quote(unit.text)}\n"
                f"text = {_quote(_translated(unit.text, language))}\n"
            )
        for home, blocks in files.items():
            path = root / "translations" / language / home
            path.parent.mkdir(parents=True, exist_ok=True)
            head = f'[translation]\nlanguage = "{language}"\n'
            path.write_text(head + "".join(blocks), encoding="utf-8")
