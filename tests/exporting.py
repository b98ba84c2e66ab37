"""What the tests of the exports share: a Spanish and Portuguese project, a hostile one.

``MULTILINGUAL`` is a small charter in Portuguese and Spanish that uses every part of
the negotiation model (paragraphs and points in the ``(1)`` / ``a)`` styles,
contested words, a deletion, alternatives, a party's paragraph, reservations, an
article proposed as a whole, references to an article, a paragraph and a point);
``charter check`` passes on it. ``HOSTILE`` puts markup of every format the tool
writes (Markdown, HTML, XML, typst) into titles, headings and texts: ``check``
reports some of it, and the renderers must still show every character as written.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from charter_cli.draft.analysis import Analysis, analyse
from helpers import write_project

SCHEMAS = Path(__file__).resolve().parent / "schemas"


@cache
def akn_schema() -> etree.XMLSchema:
    """The OASIS schema of Akoma Ntoso 3.0 (``tests/schemas``)."""
    return etree.XMLSchema(etree.parse(SCHEMAS / "akomantoso30.xsd"))


def valid_akn(data: bytes) -> etree._Element:
    """The parsed document, after asserting that the OASIS schema accepts it."""
    document = etree.fromstring(data)
    if not akn_schema().validate(document):
        raise AssertionError("\n".join(str(error) for error in akn_schema().error_log))
    return document


MULTILINGUAL_MANIFEST = """\
[charter]
title = "Carta Euro-Latinoamericana para la Paz y la Seguridad"
version = "0.2.0"
language = "pt"
sources = ["sources/mandate.toml"]

[[party]]
id = "EU"
name = "União Europeia"

[[party]]
id = "LAC"
name = "Estados de América Latina y el Caribe"

[[party]]
id = "BR"
name = "República Federativa do Brasil"
kind = "state"
member_of = ["LAC"]

[preamble]
heading = "Preâmbulo"
opening = "As Partes nesta Carta,"
include = ["clauses/preamble/*.toml"]
closing = "Acordaram o seguinte:"

[[title]]
heading = "Objetivos e princípios"
include = ["clauses/provisions/objectives.toml"]

[[title]]
heading = "Segurança pública"

[[title.chapter]]
heading = "Cooperação policial e judiciária"
include = ["clauses/security/*.toml"]

[numbering]
titles = "roman"
chapters = "roman"
paragraphs = "(1)"
points = "a)"
"""

MULTILINGUAL_RECITALS = """\
[[clause]]
id = "recital-purpose"
title = "Propósito común"
text = "Decididas a dar a su cooperación un marco común y duradero,"
"""

MULTILINGUAL_OBJECTIVES = """\
[[clause]]
id = "objectives"
title = "Objetivos"
covers = ["MAN-2-objectives"]
text = "As Partes perseguem em conjunto os objetivos desta Carta, nos termos de [[cooperacao#medidas.informacao]]."
"""

MULTILINGUAL_SECURITY = """\
[[clause]]
id = "cooperacao"
title = "Cooperação e segurança pública"
covers = ["MAN-2-joint-committee"]

[[clause.paragraph]]
id = "principio"
text = "As Partes {verbo} a cooperação policial e judiciária em matéria de segurança pública."
bracket.verbo = [{ party = "EU", text = "reforçam" }, { party = "LAC", text = "procuram reforçar" }]

[[clause.paragraph]]
id = "medidas"
text = "Para o efeito, as Partes:"
bracket.anual = [{ party = "LAC", text = " todos os anos" }, { party = "EU", text = "" }]

[[clause.paragraph.point]]
id = "informacao"
text = "trocam informações sobre a criminalidade organizada{anual};"

[[clause.paragraph.point]]
id = "formacao"
text = "promovem a formação conjunta de magistrados e polícias."

[[clause.paragraph]]
id = "revisao"
alternative = [
  { party = "EU", text = "A cooperação é avaliada de três em três anos." },
  { party = "LAC", text = "La cooperación se evalúa cada cinco años, conforme a [[cooperacao#medidas]]." },
]

[[clause.paragraph]]
id = "observadores"
proposed_by = "LAC"
text = "Los organismos subregionales podrán participar como observadores."

[[clause.reservation]]
party = "BR"
kind = "parliamentary"
note = "Pendente de exame pelo Congresso Nacional."

[[clause.reservation]]
party = "EU"
kind = "scrutiny"
paragraph = "revisao"

[[clause]]
id = "justicia"
title = "Justicia y participación ciudadana"
status = "proposed"
proposed_by = "LAC"
text = "La ciudadanía participará en la evaluación de la política de seguridad, según [[cooperacao]]."
"""

MULTILINGUAL = {
    "charter.toml": MULTILINGUAL_MANIFEST,
    "clauses/preamble/recitals.toml": MULTILINGUAL_RECITALS,
    "clauses/provisions/objectives.toml": MULTILINGUAL_OBJECTIVES,
    "clauses/institutions/committee.toml": None,
    "clauses/security/cooperation.toml": MULTILINGUAL_SECURITY,
}
"""Changes to the starter project (see :func:`helpers.write_project`)."""

ARTICLE_HEADINGS = (
    "Article 1 — Objetivos",
    "Article 2 — Cooperação e segurança pública",
    "Article 3 — Justicia y participación ciudadana",
)
"""The article headings of the multilingual project, as every export shows them."""

HOSTILE_TITLE = (
    'Tags <script>alert("x")</script> & <b>bold</b> *stars* _under_ `ticks` '
    "[a](http://x) ]] ]]> $x^2$ #set @label \\back -- --- ... 'q' <!-- c --> = - + /* // ~"
)
"""A clause title holding markup of Markdown, HTML, XML and typst."""
HOSTILE_TEXT = (
    "Text with <script>alert(1)</script>, *not bold*, `not code`, #emph[not], "
    '$x$, @ref, <i>i</i> &amp; & "quoted" \\n ]]> {{braces}} [not a link](x)'
)
"""A clause text holding the same (``{{braces}}`` shows as ``{braces}``)."""
HOSTILE_SHOWN = HOSTILE_TEXT.replace("{{braces}}", "{braces}")

HOSTILE = {
    "charter.toml": MULTILINGUAL_MANIFEST.replace(
        'heading = "Objetivos e princípios"', 'heading = "Heading <b>*x*</b> #y $z$ `w`"'
    ),
    "clauses/preamble/recitals.toml": MULTILINGUAL_RECITALS,
    "clauses/provisions/objectives.toml": f"""\
[[clause]]
id = "objectives"
title = '''{HOSTILE_TITLE}'''
covers = ["MAN-2-objectives"]
text = '''{HOSTILE_TEXT}'''
""",
    "clauses/institutions/committee.toml": None,
    "clauses/security/cooperation.toml": MULTILINGUAL_SECURITY,
}
"""A project whose first article carries :data:`HOSTILE_TITLE` and :data:`HOSTILE_TEXT`."""


def project(root: Path, changes: dict[str, str | None]) -> Analysis:
    """Write the starter project with ``changes`` into ``root`` and analyse it."""
    return analyse(write_project(root, changes))
