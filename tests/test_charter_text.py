"""The shipped Charter follows the drafting conventions of docs/drafting.md, mechanically checked.

The checks read the library through its own loader and walk the assembled draft, recitals
first, then the articles in their order, every text of each: paragraphs, points, the options of
brackets and the alternatives. Each check is a plain function of those texts, so that the last
tests can show it catching a deliberately bad text, on its own and in a copy of the library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from charter_cli.draft.assemble import assemble
from charter_cli.draft.coverage import compute_coverage
from charter_cli.draft.model import Article, Draft, Placement
from charter_cli.load.library import Library
from charter_cli.load.loader import load_library
from charter_cli.vocabulary import RequirementKind
from helpers import REPO, copy_shipped

DEFINITIONS = "definitions"
"""The clause ID of the definitions article, whose points each define a term."""

HEADS = (
    "Party",
    "Parties",
    "Union",
    "Committee",
    "Secretariat",
    "Meeting",
    "Centre",
    "Dialogue",
    "Programme",
    "Assessment",
    "Council",
    "Conference",
    "Group",
    "Mechanism",
    "Fund",
    "Register",
    "Assembly",
    "Commission",
    "Observatory",
    "Network",
    "Board",
    "Summit",
)
"""Common nouns that, capitalised, mark a term of art: "the Committee", "a State Party"."""

NAMES = (
    "European Union",
    "Council of the European Union",
    "European Commission",
    "Union of South American Nations",
    "South American Defence Council",
    "Security Council",
    "General Assembly",
    "Human Rights Council",
    "Rio Group",
    "Contadora Group",
    "Euro-Latin American Parliamentary Assembly",
    "Inter-American Committee against Terrorism",
    "High-Level Specialised Dialogue on Drugs",
    "Committee of Senior Officials on Peace and Security",
    "United Nations Programme of Action",
    "International Committee of the Red Cross",
    "San José Conference",
    "Bi-regional Centre for Conflict Prevention",
    "Bi-regional Training Centre for Peace Operations",
    "United Nations Register of Conventional Arms",
    "Inter-American Commission on Human Rights",
)
"""Proper names of bodies and instruments that hold one of the ``HEADS`` and are not terms."""

NON_PARTIES = (
    "EuroLat",
    "Euro-Latin American Parliamentary Assembly",
    "European Parliament",
    "Latin American Parliament",
    "Andean Parliament",
    "Central American Parliament",
    "Mercosur Parliament",
    "regional integration parliaments",
    "parliaments",
    "Mercosur",
    "Unasur",
    "Union of South American Nations",
    "South American Defence Council",
    "Council",
    "summit",
    "Organization of American States",
    "United Nations",
    "Security Council",
    "OSCE",
    "Europol",
    "Rio Group",
    "European Commission",
    "Eastern Caribbean Regional Security System",
    "International Atomic Energy Agency",
    "OPANAL",
    "Minustah",
    "mechanisms",
)
"""Bodies that are not parties to the Charter: the text may invite them, never bind them."""

STATE_ONLY = re.compile(
    r"\b(?:[Ee]ach|[Aa]ny|[Nn]o|[Aa]) Party\b(?! to)[^.;:]*?\bshall\b[^.;:]*?\bits (?:own )?"
    r"(?:armed forces|police|military|defence budget|defence policy|territory|population|"
    r"constitution|penitentiary|prison|border|borders|national parliament)\b"
)
"""A duty of "each Party" that only a State can perform: the Union has no armed forces,
police, territory or defence budget of its own; such a duty binds "each State Party"."""


@dataclass(frozen=True)
class Instrument:
    """One instrument or body, the one name the text gives it, and the names it must not use."""

    name: str
    long: str | None = None
    """The full name, given once where it is introduced, before the short name is used."""
    variants: tuple[str, ...] = ()
    """Other names of the same thing, which the text must not use."""


INSTRUMENTS = (
    Instrument(
        "Central American Security Treaty",
        long="Framework Treaty on Democratic Security in Central America",
        variants=("Tratado Marco",),
    ),
    Instrument(
        "Inter-American Treaty of Reciprocal Assistance",
        variants=("TIAR", "Tratado Interamericano de Asistencia Recíproca", "Rio Treaty"),
    ),
    Instrument(
        "Treaty of Tlatelolco",
        long="Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean",
        variants=("Tlatelolco Treaty",),
    ),
    Instrument(
        "Common Foreign and Security Policy",
        variants=(
            "common security and defence policy",
            "Common Security and Defence Policy",
            "European Security and Defence Policy",
            "CSDP",
            "ESDP",
        ),
    ),
    Instrument(
        "South American Defence Council",
        variants=("South American Defense Council", "Defence Council of Unasur"),
    ),
    Instrument(
        "Unasur",
        long="Union of South American Nations",
        variants=("UNASUR", "Union of South American Countries"),
    ),
    Instrument(
        "OSCE",
        long="Organization for Security and Co-operation in Europe",
        variants=("Organization for Security and Cooperation in Europe",),
    ),
    Instrument(
        "Minustah", long="United Nations Stabilization Mission in Haiti", variants=("MINUSTAH",)
    ),
    Instrument(
        "EuroLat",
        long="Euro-Latin American Parliamentary Assembly",
        variants=("Eurolat", "EUROLAT", "European-Latin American Assembly"),
    ),
    Instrument(
        "Anti-Personnel Mine Ban Convention",
        long="Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
        "Anti-Personnel Mines and on their Destruction",
        variants=("Ottawa Convention",),
    ),
    Instrument(
        "United Nations Convention against Transnational Organized Crime",
        variants=("Palermo Convention", "Convention against Transnational Organised Crime"),
    ),
    Instrument(
        "European Union Code of Conduct on Arms Exports",
        variants=("EU Code of Conduct", "European Code of Conduct", "Code of Conduct of the Union"),
    ),
    Instrument("Andean Community", variants=("Community of Andean Nations",)),
    Instrument(
        "Treaty on the Non-Proliferation of Nuclear Weapons",
        variants=("Non-Proliferation Treaty", "NPT"),
    ),
    Instrument("Organization of American States", variants=("OAS",)),
    Instrument("Union", variants=("EU",)),
)
"""Every instrument or body the text names under more than one form, with its one name."""


@dataclass(frozen=True)
class Unit:
    """One text of the draft: where it is and what it says, references and marks removed."""

    where: str
    clause: str
    text: str


def _plain(text: str) -> str:
    """The words of a text: ``[[references]]`` as "Article", ``{brackets}`` dropped."""
    text = re.sub(r"\[\[[^\]]*\]\]", "Article", text)
    return re.sub(r"\{[a-z0-9-]+\}", "", text).replace("{{", "{").replace("}}", "}")


def _units(draft: Draft) -> Iterator[Unit]:
    placements: list[Placement] = [*draft.recitals, *draft.articles]
    for placement in placements:
        for unit in placement.entry.units:
            yield Unit(placement.label, placement.entry.id, _plain(unit.text))


def _load(root: Path) -> tuple[Library, Draft]:
    library = load_library(root)
    assert library.manifest is not None
    return library, assemble(library, library.manifest)


def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def defined_terms(definitions: Iterable[str]) -> set[str]:
    """The terms the definitions article defines, with their plural forms."""
    terms: set[str] = set()
    for text in definitions:
        head = text.split(" means ", 1)[0]
        terms.update(re.findall(r'"([^"]+)"', head))
    plurals = {
        re.sub(r"State Party$", "States Parties", re.sub(r"Party$", "Parties", t)) for t in terms
    } | {re.sub(r"Member State$", "Member States", t) for t in terms}
    return terms | plurals


def undefined_terms(units: Iterable[Unit], terms: set[str]) -> list[str]:
    """Capitalised terms (a head noun not inside a defined term or a known name) left undefined."""
    known = sorted({*terms, *NAMES}, key=len, reverse=True)
    patterns = [_word(name) for name in known]
    head = re.compile(rf"(?<![\w-])(?:{'|'.join(HEADS)})(?![\w-])")
    found = []
    for unit in units:
        masked = unit.text
        for pattern in patterns:
            masked = pattern.sub("§", masked)
        found += [f"{unit.where}: '{m.group(0)}'" for m in head.finditer(masked)]
    return found


def duties_of_non_parties(units: Iterable[Unit]) -> list[str]:
    """Sentences in which a body that is not a party is the subject of "shall"."""
    subject = re.compile(
        rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in NON_PARTIES)})(?: \([^)]*\))? shall\b"
    )
    return [f"{u.where}: '{m.group(0)}'" for u in units for m in subject.finditer(u.text)]


def duties_only_a_state_can_perform(units: Iterable[Unit]) -> list[str]:
    """Duties of "each Party" that name armed forces, police, territory: the Union has none."""
    return [f"{u.where}: '{m.group(0)}'" for u in units for m in STATE_ONLY.finditer(u.text)]


def names_out_of_use(units: Iterable[Unit], definitions: str = DEFINITIONS) -> list[str]:
    """Variant names, full names given more than once or after the short name, "European Union"
    outside the preamble and the definitions."""
    units = list(units)
    found = []
    for instrument in INSTRUMENTS:
        short = _word(instrument.name)
        for variant in instrument.variants:
            if instrument.name == "Union":  # "EU" only inside "EU-LAC summit"
                pattern = re.compile(r"(?<![\w-])EU(?![\w]|-LAC)")
            else:
                pattern = _word(variant)
            found += [
                f"{u.where}: '{variant}' for '{instrument.name}'"
                for u in units
                if pattern.search(u.text)
            ]
        if instrument.long is None:
            continue
        long = _word(instrument.long)
        places = [i for i, u in enumerate(units) if long.search(u.text)]
        count = sum(len(long.findall(u.text)) for u in units)
        if count > 1:
            found.append(f"'{instrument.long}' is given {count} times: introduce it once")
        if places:
            before = [u for u in units[: places[0]] if short.search(u.text)]
            found += [f"{u.where}: '{instrument.name}' before its full name" for u in before]
    union = _word("European Union")
    in_names = [_word(n) for n in NAMES if "European Union" in n and n != "European Union"]
    in_names += [_word(i.name) for i in INSTRUMENTS if "European Union" in i.name]
    in_names.append(re.compile(r"treaties on which the European Union is founded"))
    for unit in units:
        if unit.where.startswith("Recital") or unit.clause == definitions:
            continue
        text = unit.text
        for pattern in in_names:
            text = pattern.sub("§", text)
        if union.search(text):
            found.append(f"{unit.where}: 'European Union' where the text says 'the Union'")
    return found


def modal_will(units: Iterable[Unit]) -> list[str]:
    """Uses of "will" as a verb: the text has one register, "shall"."""
    will = re.compile(r"(?<!political )(?<!free )\bwill\b")
    return [f"{u.where}: 'will'" for u in units if will.search(u.text)]


def breaches(library: Library, draft: Draft) -> list[str]:
    """Every mechanical convention the draft breaks, one line each."""
    units = list(_units(draft))
    definitions = library.clauses[DEFINITIONS]
    terms = defined_terms(u.text for u in definitions.units)
    return [
        *undefined_terms(units, terms),
        *duties_of_non_parties(units),
        *duties_only_a_state_can_perform(units),
        *names_out_of_use(units),
        *modal_will(units),
    ]


@pytest.fixture(scope="module")
def shipped() -> tuple[Library, Draft]:
    return _load(REPO)


def test_the_shipped_charter_keeps_its_drafting_conventions(shipped: tuple[Library, Draft]) -> None:
    assert breaches(*shipped) == []


def test_every_defined_term_is_used(shipped: tuple[Library, Draft]) -> None:
    library, draft = shipped
    terms = defined_terms(u.text for u in library.clauses[DEFINITIONS].units)
    singular = {t for t in terms if not re.search(r"(Parties|States)$", t)}
    elsewhere = " ".join(u.text for u in _units(draft) if u.clause != DEFINITIONS)
    assert {
        t
        for t in singular
        if not _word(t).search(elsewhere)
        and not _word(re.sub(r"Party$", "Parties", t)).search(elsewhere)
    } == set()


def test_context_may_be_recited_but_every_obligation_has_an_article(
    shipped: tuple[Library, Draft],
) -> None:
    """History and advice (consideration, perception, tradition) may be met by a recital alone;
    what the study asks the Parties to do needs an article."""
    library, draft = shipped
    context = {RequirementKind.CONSIDERATION, RequirementKind.PERCEPTION, RequirementKind.TRADITION}
    recited_only = [
        item.entry.id
        for item in compute_coverage(library, draft).items
        if item.covering
        and not any(isinstance(c.placement, Article) for c in item.covering)
        and item.entry.requirement.kind not in context
    ]
    assert recited_only == []


BAD = [
    Unit("Article 1", "bad", "The Council shall meet every year with the Parties."),
    Unit("Article 2", "bad", "EuroLat shall debate it, and the EU-LAC summit shall decide."),
    Unit("Article 3", "bad", "Each Party shall keep its armed forces under civilian control."),
    Unit("Article 4", "bad", "The TIAR: the Inter-American Treaty of Reciprocal Assistance."),
    Unit("Article 5", "bad", "The Parties will cooperate; the European Union shall pay."),
    Unit("Article 6", "bad", "Unasur is named before it is introduced."),
    Unit("Article 7", "bad", "The Union of South American Nations (Unasur), twice."),
    Unit("Article 8", "bad", "The Union of South American Nations, once more."),
]
"""One breach of each convention, in the order the checks report them."""


def test_each_check_catches_a_bad_text() -> None:
    terms = defined_terms(['"Party" means a party;', '"Union" means the European Union.'])
    assert terms == {"Party", "Parties", "Union"}
    assert undefined_terms(BAD[:1], terms) == ["Article 1: 'Council'"]
    assert duties_of_non_parties(BAD[:2]) == [
        "Article 1: 'Council shall'",
        "Article 2: 'EuroLat shall'",
        "Article 2: 'summit shall'",
    ]
    assert duties_only_a_state_can_perform(BAD[2:3]) == [
        "Article 3: 'Each Party shall keep its armed forces'"
    ]
    assert names_out_of_use(BAD[3:]) == [
        "Article 4: 'TIAR' for 'Inter-American Treaty of Reciprocal Assistance'",
        "'Union of South American Nations' is given 2 times: introduce it once",
        "Article 6: 'Unasur' before its full name",
        "Article 5: 'European Union' where the text says 'the Union'",
    ]
    assert modal_will(BAD) == ["Article 5: 'will'"]


def test_a_bad_clause_in_the_library_is_caught(tmp_path: Path) -> None:
    """The same checks, run through the loader on a copy of the library with one bad paragraph."""
    copy_shipped(tmp_path)
    module = tmp_path / "clauses" / "institutions" / "parliaments.toml"
    last = re.findall(r'^id = "([^"]+)"$', module.read_text(encoding="utf-8"), re.MULTILINE)
    bad = (
        '\n[[clause.paragraph]]\nid = "bad"\ntext = "EuroLat shall meet the Council, and each '
        'Party shall report on its armed forces under the TIAR."\n'
    )
    module.write_text(module.read_text(encoding="utf-8") + bad, encoding="utf-8")
    library, draft = _load(tmp_path)
    owner = draft.placements[next(i for i in reversed(last) if i in library.clauses)]
    where = owner.label
    assert breaches(library, draft) == [
        f"{where}: 'Council'",
        f"{where}: 'EuroLat shall'",
        f"{where}: 'each Party shall report on its armed forces'",
        f"{where}: 'TIAR' for 'Inter-American Treaty of Reciprocal Assistance'",
    ]
