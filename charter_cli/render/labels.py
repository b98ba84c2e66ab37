"""The words the draft adds around the library's texts, in each language of the Charter.

Headings ("Article 12", "Artículo 12", "Artigo 12.º", "Article premier"), citations
of a paragraph or point as each language's treaties write them ("Article 12(2)(a)",
"artículo 12, apartado 2, letra a)", "artigo 12.º, n.º 2, alínea a)", "article 12,
paragraphe 2, point a)"), the notes of the compilation text and the names of the
three texts. A language without its own labels here is drafted with the English ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from charter_cli.draft.numbering import letter


@dataclass(frozen=True)
class Labels:
    """The words of one language."""

    language: str
    article: str
    title: str
    chapter: str
    preamble: str
    recital: str
    contents: str
    notes: str
    parties: str
    draft_version: str
    """``Draft version {version}``."""
    texts: tuple[str, str, str]
    """The names of the compilation, agreed and clean texts."""
    not_yet_agreed: str
    alternative: str
    """``Alternative {number}``."""
    bracketed_by: str
    """``Bracketed text proposed by {party}.``"""
    proposed_by: str
    """``Proposed by {party}; not yet agreed.``"""
    reservations: tuple[str, str, str, str]
    """General, scrutiny, parliamentary scrutiny and linguistic reservations."""
    reservation_by: str
    """``{kind} by {party}``."""
    implements: str
    """``Implements: {requirements}.``"""
    in_paragraph: str
    """``in paragraph {number}`` (in the trace)."""
    first: str | None = None
    """How the language writes "1" in a heading ("premier" in French), if not as a number."""

    def article_heading(self, number: int) -> str:
        """``Article 12``, ``Artigo 12.º``, ``Article premier``."""
        return f"{self.article} {self._ordinal(number)}"

    def title_heading(self, numeral: str) -> str:
        """``Title II``, ``Título II``, ``Titre Ier``."""
        if self.first is not None and numeral in {"I", "1"}:
            return f"{self.title} {'Ier' if numeral == 'I' else self.first}"
        return f"{self.title} {numeral}"

    def chapter_heading(self, numeral: str) -> str:
        """``Chapter 3``, ``Capítulo 3``, ``Chapitre premier``."""
        if self.first is not None and numeral in {"I", "1"}:
            return f"{self.chapter} {self.first}"
        return f"{self.chapter} {numeral}"

    def _ordinal(self, number: int) -> str:
        if self.first is not None and number == 1:
            return self.first
        return f"{number}.º" if self.language == "pt" else str(number)

    def cite(self, article: int, paragraph: int | None = None, point: int | None = None) -> str:
        """A citation in the language's treaty style: ``Article 12(2)(a)``, ``artículo 12, apartado 2, letra a)``."""
        return _CITE[self.language if self.language in _CITE else "en"](article, paragraph, point)


def _cite_en(article: int, paragraph: int | None, point: int | None) -> str:
    text = f"Article {article}"
    if paragraph is not None:
        text += f"({paragraph})"
        if point is not None:
            text += f"({letter(point)})"
    return text


def _cite_es(article: int, paragraph: int | None, point: int | None) -> str:
    text = f"artículo {article}"
    if paragraph is not None:
        text += f", apartado {paragraph}"
        if point is not None:
            text += f", letra {letter(point)})"
    return text


def _cite_pt(article: int, paragraph: int | None, point: int | None) -> str:
    text = f"artigo {article}.º"
    if paragraph is not None:
        text += f", n.º {paragraph}"
        if point is not None:
            text += f", alínea {letter(point)})"
    return text


def _cite_fr(article: int, paragraph: int | None, point: int | None) -> str:
    text = "article premier" if article == 1 else f"article {article}"
    if paragraph is not None:
        text += f", paragraphe {paragraph}"
        if point is not None:
            text += f", point {letter(point)})"
    return text


_CITE = {"en": _cite_en, "es": _cite_es, "pt": _cite_pt, "fr": _cite_fr}

LABELS: dict[str, Labels] = {
    "en": Labels(
        "en",
        "Article",
        "Title",
        "Chapter",
        "Preamble",
        "Recital",
        "Contents",
        "Notes",
        "Parties",
        "Draft version {version}",
        ("compilation text", "agreed text", "clean text"),
        "Not yet agreed",
        "Alternative {number}",
        "Bracketed text proposed by {party}.",
        "Proposed by {party}; not yet agreed.",
        (
            "General reservation",
            "Scrutiny reservation",
            "Parliamentary scrutiny reservation",
            "Linguistic reservation",
        ),
        "{kind} by {party}",
        "Implements: {requirements}.",
        "in paragraph {number}",
    ),
    "es": Labels(
        "es",
        "Artículo",
        "Título",
        "Capítulo",
        "Preámbulo",
        "Considerando",
        "Índice",
        "Notas",
        "Partes",
        "Proyecto, versión {version}",
        ("texto de compilación", "texto acordado", "texto limpio"),
        "Pendiente de acuerdo",
        "Alternativa {number}",
        "Texto entre corchetes propuesto por {party}.",
        "Propuesto por {party}; pendiente de acuerdo.",
        (
            "Reserva general",
            "Reserva de estudio",
            "Reserva de examen parlamentario",
            "Reserva lingüística",
        ),
        "{kind} de {party}",
        "Da cumplimiento a: {requirements}.",
        "en el apartado {number}",
    ),
    "pt": Labels(
        "pt",
        "Artigo",
        "Título",
        "Capítulo",
        "Preâmbulo",
        "Considerando",
        "Índice",
        "Notas",
        "Partes",
        "Projeto, versão {version}",
        ("texto de compilação", "texto acordado", "texto limpo"),
        "Ainda não acordado",
        "Alternativa {number}",
        "Texto entre colchetes proposto por {party}.",
        "Proposto por {party}; ainda não acordado.",
        (
            "Reserva geral",
            "Reserva de estudo",
            "Reserva de apreciação parlamentar",
            "Reserva linguística",
        ),
        "{kind} de {party}",
        "Dá cumprimento a: {requirements}.",
        "no n.º {number}",
    ),
    "fr": Labels(
        "fr",
        "Article",
        "Titre",
        "Chapitre",
        "Préambule",
        "Considérant",
        "Table des matières",
        "Notes",
        "Parties",
        "Projet, version {version}",
        ("texte de compilation", "texte agréé", "texte épuré"),
        "Pas encore agréé",
        "Variante {number}",
        "Texte entre crochets proposé par {party}.",
        "Proposé par {party} ; pas encore agréé.",
        (
            "Réserve générale",
            "Réserve d'examen",
            "Réserve d'examen parlementaire",
            "Réserve linguistique",
        ),
        "{kind} de {party}",
        "Met en œuvre : {requirements}.",
        "au paragraphe {number}",
        first="premier",
    ),
}
"""The labels of each language the tool knows; others take the English ones."""


def labels_for(language: str) -> Labels:
    """The labels of ``language`` (a BCP 47 tag: ``pt-BR`` takes ``pt``), else the English ones."""
    return LABELS.get(
        language, LABELS.get(language.split("-", maxsplit=1)[0].lower(), LABELS["en"])
    )
