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
    name: str = "English"
    """The language's name in itself (the columns of a synoptic draft)."""
    names: tuple[tuple[str, str], ...] = (
        ("en", "English"),
        ("es", "Spanish"),
        ("pt", "Portuguese"),
        ("fr", "French"),
    )
    """How this language names the Charter's languages."""
    colon: str = ": "
    """``": "``, ``" : "`` in French."""
    nouns: tuple[str, str] = ("article", "articles")
    """An article, several articles (in the count of the title block)."""
    statuses: tuple[tuple[str, str], ...] = (
        ("agreed", "agreed"),
        ("proposed", "proposed"),
        ("bracketed", "bracketed"),
    )
    """Agreed, proposed and bracketed: after one, after several."""
    in_agreed: str = "{shown} of {total} {noun} in the agreed text"
    fallen_count: str = "; {count} not yet agreed, listed at the end."
    fallen_intro: str = (
        "These provisions of the compilation text are not agreed as a whole and fall from the "
        "agreed text:"
    )
    by: str = " by {party}"
    """Who proposes, in the list of what falls from the agreed text."""
    of_the_preamble: str = "{label} of the preamble"
    jointly: str = "all Parties jointly"
    delete: str = "delete"
    """A party's proposal to delete a passage."""
    language_line: str = (
        "Language{colon}{language}; original{colon}{original}. Translation{colon}texts "
        "current{colon}{current}; out of date (†){colon}{stale}; not yet translated, shown in "
        "the original (‡){colon}{missing}; fingerprint {fingerprint}."
    )
    """The title block's line on a translated draft."""
    stale_note: str = (
        "Translation out of date: the original of this text has changed since it was translated."
    )
    missing_note: str = "Not yet translated: shown in the original ({original})."
    skip: str = "Skip to the text"
    """The web page's first link, for keyboards and screen readers."""
    note_mark: str = "Note {number}"
    """How a screen reader names a note's mark on the web page."""
    back: str = "Back to the text"
    """How a screen reader names the link from a note back to its mark."""

    def language_name(self, code: str) -> str:
        """How this language names the language ``code`` (``Spanish``, ``inglés``)."""
        base = code.split("-", maxsplit=1)[0].lower()
        return dict(self.names).get(code, dict(self.names).get(base, code))

    def status(self, index: int, count: int) -> str:
        """The word of the ``index``-th status (agreed, proposed, bracketed) after ``count``."""
        return self.statuses[index][0 if count == 1 else 1]

    def text_name(self, index: int) -> str:
        """The name of the compilation (0), agreed (1) or clean (2) text."""
        return self.texts[index]

    def recital_label(self, number: int) -> str:
        """``Recital 2``, ``Considerando 2``."""
        return f"{self.recital} {number}"

    def article_heading(self, number: int | str) -> str:
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

    def _ordinal(self, number: int | str) -> str:
        if self.first is not None and number == 1:
            return self.first
        return f"{number}.º" if self.language == "pt" else str(number)

    def cite(
        self, article: int | str, paragraph: int | None = None, point: int | None = None
    ) -> str:
        """A citation in the language's treaty style: ``Article 12(2)(a)``, ``artículo 12, apartado 2, letra a)``."""
        return _CITE[self.language if self.language in _CITE else "en"](article, paragraph, point)


def _cite_en(article: int | str, paragraph: int | None, point: int | None) -> str:
    text = f"Article {article}"
    if paragraph is not None:
        text += f"({paragraph})"
        if point is not None:
            text += f"({letter(point)})"
    return text


def _cite_es(article: int | str, paragraph: int | None, point: int | None) -> str:
    text = f"artículo {article}"
    if paragraph is not None:
        text += f", apartado {paragraph}"
        if point is not None:
            text += f", letra {letter(point)})"
    return text


def _cite_pt(article: int | str, paragraph: int | None, point: int | None) -> str:
    text = f"artigo {article}.º"
    if paragraph is not None:
        text += f", n.º {paragraph}"
        if point is not None:
            text += f", alínea {letter(point)})"
    return text


def _cite_fr(article: int | str, paragraph: int | None, point: int | None) -> str:
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
        name="Español",
        names=(("en", "inglés"), ("es", "español"), ("pt", "portugués"), ("fr", "francés")),
        nouns=("artículo", "artículos"),
        statuses=(
            ("acordado", "acordados"),
            ("propuesto", "propuestos"),
            ("entre corchetes", "entre corchetes"),
        ),
        in_agreed="{shown} de {total} {noun} en el texto acordado",
        fallen_count="; {count} pendientes de acuerdo, enumerados al final.",
        fallen_intro=(
            "Estas disposiciones del texto de compilación no están acordadas en su conjunto "
            "y no figuran en el texto acordado:"
        ),
        by=" por {party}",
        of_the_preamble="{label} del preámbulo",
        jointly="todas las Partes conjuntamente",
        delete="suprimir",
        language_line=(
            "Idioma{colon}{language}; original{colon}{original}. Traducción{colon}textos al "
            "día{colon}{current}; desactualizados (†){colon}{stale}; sin traducir, en el "
            "original (‡){colon}{missing}; huella {fingerprint}."
        ),
        stale_note=(
            "Traducción desactualizada: el original de este texto ha cambiado desde que se tradujo."
        ),
        missing_note="Sin traducir: se muestra en el original ({original}).",
        skip="Ir al texto",
        note_mark="Nota {number}",
        back="Volver al texto",
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
        name="Português",
        names=(("en", "inglês"), ("es", "espanhol"), ("pt", "português"), ("fr", "francês")),
        nouns=("artigo", "artigos"),
        statuses=(
            ("acordado", "acordados"),
            ("proposto", "propostos"),
            ("entre colchetes", "entre colchetes"),
        ),
        in_agreed="{shown} de {total} {noun} no texto acordado",
        fallen_count="; {count} ainda não acordados, enumerados no final.",
        fallen_intro=(
            "Estas disposições do texto de compilação não estão acordadas no seu conjunto "
            "e não figuram no texto acordado:"
        ),
        by=" por {party}",
        of_the_preamble="{label} do preâmbulo",
        jointly="todas as Partes conjuntamente",
        delete="suprimir",
        language_line=(
            "Língua{colon}{language}; original{colon}{original}. Tradução{colon}textos "
            "atualizados{colon}{current}; desatualizados (†){colon}{stale}; por traduzir, no "
            "original (‡){colon}{missing}; impressão digital {fingerprint}."
        ),
        stale_note="Tradução desatualizada: o original deste texto mudou desde que foi traduzido.",
        missing_note="Por traduzir: apresentado no original ({original}).",
        skip="Ir para o texto",
        note_mark="Nota {number}",
        back="Voltar ao texto",
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
        name="Français",
        names=(("en", "anglais"), ("es", "espagnol"), ("pt", "portugais"), ("fr", "français")),
        colon=" : ",
        nouns=("article", "articles"),
        statuses=(
            ("agréé", "agréés"),
            ("proposé", "proposés"),
            ("entre crochets", "entre crochets"),
        ),
        in_agreed="{shown} sur {total} {noun} dans le texte agréé",
        fallen_count=" ; {count} pas encore agréés, énumérés à la fin.",
        fallen_intro=(
            "Ces dispositions du texte de compilation ne sont pas agréées dans leur ensemble "
            "et ne figurent pas dans le texte agréé :"
        ),
        by=" par {party}",
        of_the_preamble="{label} du préambule",
        jointly="toutes les Parties conjointement",
        delete="supprimer",
        language_line=(
            "Langue{colon}{language} ; original{colon}{original}. Traduction{colon}textes à "
            "jour{colon}{current} ; périmés (†){colon}{stale} ; non traduits, dans l'original "
            "(‡){colon}{missing} ; empreinte {fingerprint}."
        ),
        stale_note="Traduction périmée : l'original de ce texte a changé depuis sa traduction.",
        missing_note="Pas encore traduit : présenté dans l'original ({original}).",
        skip="Aller au texte",
        note_mark="Note {number}",
        back="Retour au texte",
    ),
}
"""The labels of each language the tool knows; others take the English ones."""


def labels_for(language: str) -> Labels:
    """The labels of ``language`` (a BCP 47 tag: ``pt-BR`` takes ``pt``), else the English ones."""
    return LABELS.get(
        language, LABELS.get(language.split("-", maxsplit=1)[0].lower(), LABELS["en"])
    )
