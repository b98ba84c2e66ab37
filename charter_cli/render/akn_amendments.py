"""The amendments as Akoma Ntoso 3.0 XML (OASIS LegalDocML): ``charter amendments --format akn``.

The file is an ``akomaNtoso/amendmentList``, the collection the standard keeps
for amendments tabled to one text: its ``meta`` names the list (FRBR levels
under ``/akn/int/amendmentList/``) and every party as a ``TLCOrganization``; its
``preface`` the charter and the version amended; its ``collectionBody`` one
``component`` per amendment, in the order of the text, each holding an
``amendment`` document:

* ``meta``: the FRBR Work ``/akn/int/amendment/1980-01-01/<charter>-<number>``
  (``-ca1`` for compromise amendment 1), its Expression in the charter's language
  at the draft's version, and this file as its Manifestation, all dated
  :data:`~charter_cli.render.akn.FIXED_DATE` as the draft's export is;
* ``preface``: the number (``docNumber``), who tabled it (``docProponent``, naming
  a party of the manifest in ``refersTo``), its outcome (``docStatus``) and the
  language it was tabled in (``Or. es``);
* ``amendmentBody``: ``amendmentHeading`` with the part of the text amended as a
  ``ref`` to its eId in the draft's export (``#art_12__para_2``); then
  ``amendmentContent`` (``class`` the kind: replace, insert or delete) with two
  ``blockContainer`` elements, ``existingText`` (the words deleted or replaced in
  ``del``) and ``amendmentText`` (the words brought in ``ins``); then
  ``amendmentJustification``.

The eIds of the amendments' parts are left out: the schema wants them unique in
the whole file, and the targets are eIds of the draft, not of this file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import etree

from charter_cli.draft.amendments import Placed
from charter_cli.draft.model import Article, Draft
from charter_cli.draft.numbering import letter
from charter_cli.load.wording import Change, Edit, word_diff
from charter_cli.render.akn import (
    FIXED_DATE,
    NAMESPACE,
    akn_language,
    frbr_levels,
    party_id,
    slug,
    sub,
)
from charter_cli.render.amendments import party_names, tabled_by
from charter_cli.render.frontmatter import SIGNATURE
from charter_cli.render.layout import article_eid, recital_eid
from charter_cli.render.wordmarks import cited
from charter_cli.render.xmlsafe import xml_safe
from charter_cli.vocabulary import AmendmentKind


def render_amendments_akn(placed: Sequence[Placed], draft: Draft, language: str) -> bytes:
    """The amendments as one Akoma Ntoso ``amendmentList``, UTF-8, byte-identical for the same library.

    ``language`` is the one an amendment was tabled in when its file names none.
    """
    charter = draft.charter
    code = akn_language(charter.language)
    root = etree.Element(f"{{{NAMESPACE}}}akomaNtoso", nsmap={None: NAMESPACE})
    collection = sub(root, "amendmentList", name="amendments")
    meta = sub(collection, "meta")
    identification = sub(meta, "identification", source="#charter")
    work = f"/akn/int/amendmentList/{FIXED_DATE}/{slug(charter.title)}"
    expression = f"{work}/{code}@{slug(charter.version)}"
    title = f"Amendments to the {charter.title}"
    frbr_levels(identification, (work, expression), title, charter.version, code)
    references = sub(meta, "references", source="#charter")
    sub(
        references,
        "TLCOrganization",
        eId="charter",
        href="/ontology/organization/charter",
        showAs="charter amendments",
    )
    for party in draft.parties:
        sub(
            references,
            "TLCOrganization",
            eId=party_id(party.id),
            href=f"/ontology/organization/{party_id(party.id)}",
            showAs=party.name,
            shortForm=party.id,
        )
    preface = sub(collection, "preface")
    sub(sub(sub(preface, "longTitle"), "p"), "docTitle", title)
    sub(
        preface,
        "p",
        f"Draft version {charter.version}. {len(placed)} amendment(s), in the order of the text.",
    )
    body = sub(collection, "collectionBody")
    parties = party_names(draft)
    for index, item in enumerate(placed, start=1):
        component = sub(body, "component", eId=f"cmp_{index}")
        _amendment(component, item, draft, language, parties)
    comment = f" {SIGNATURE.decode()}; amendments "
    head = b"<?xml version='1.0' encoding='UTF-8'?>\n<!--" + comment.encode() + b"-->\n"
    return head + etree.tostring(root, encoding="UTF-8", pretty_print=True)


def target_eid(item: Placed, draft: Draft) -> str | None:
    """The eId, in the draft's export, of what an amendment amends (or is inserted at).

    ``art_12__para_2__point_a``, ``art_12``, ``recs__rec_2``; ``None`` for a clause
    that is not in the draft.
    """
    target = item.amendment.target
    placement = draft.placements.get(target.clause)
    if placement is None:
        return None
    if not isinstance(placement, Article):
        return recital_eid(placement)
    clause = item.resolution.clause
    paragraphs = [p.id for p in clause.paragraphs] if clause is not None else []
    if target.paragraph is None or target.paragraph not in paragraphs:
        return article_eid(placement)
    point = None
    paragraph = item.resolution.paragraph
    points = [p.id for p in paragraph.point] if paragraph is not None else []
    if target.point is not None and target.point in points:
        point = letter(points.index(target.point))
    return article_eid(placement, paragraphs.index(target.paragraph) + 1, point)


def _amendment(
    component: etree._Element,
    item: Placed,
    draft: Draft,
    language: str,
    parties: dict[str, str],
) -> None:
    amendment = item.amendment
    charter = draft.charter
    code = akn_language(charter.language)
    element = sub(component, "amendment", name="amendment")
    identification = sub(sub(element, "meta"), "identification", source="#charter")
    work = f"/akn/int/amendment/{FIXED_DATE}/{slug(charter.title)}-{amendment.id.lower()}"
    expression = f"{work}/{code}@{slug(charter.version)}"
    frbr_levels(identification, (work, expression), amendment.label, charter.version, code)
    preface = sub(element, "preface")
    sub(sub(preface, "p", **{"class": "number"}), "docNumber", amendment.label)
    proponents = [who.party for who in amendment.tabled_by if who.party is not None]
    sub(
        sub(preface, "p", **{"class": "tabledBy"}),
        "docProponent",
        tabled_by(amendment, parties),
        refersTo=" ".join(f"#{party_id(party)}" for party in proponents),
    )
    sub(sub(preface, "p", **{"class": "outcome"}), "docStatus", amendment.outcome.value)
    sub(preface, "p", f"Or. {amendment.language or language}", **{"class": "language"})
    amendment_body = sub(element, "amendmentBody")
    heading = sub(sub(amendment_body, "amendmentHeading"), "p")
    eid = target_eid(item, draft)
    if eid is None:
        heading.text = xml_safe(item.subject)
    else:
        sub(heading, "ref", item.subject, href=f"#{eid}")
    content = sub(amendment_body, "amendmentContent", **{"class": amendment.kind.value})
    kind = amendment.kind
    if kind is not AmendmentKind.INSERT:
        existing = sub(content, "blockContainer", **{"class": "existingText"})
        if kind is AmendmentKind.DELETE:
            for line in item.old_lines:
                _words(sub(existing, "p"), word_diff(line, ""), Change.DELETE, draft)
        else:
            _words(sub(existing, "p"), item.edits, Change.DELETE, draft)
    proposed = sub(content, "blockContainer", **{"class": "amendmentText"})
    if kind is AmendmentKind.DELETE:
        sub(proposed, "p", "deleted")
    elif kind is AmendmentKind.INSERT:
        if amendment.title is not None:
            sub(sub(proposed, "p", **{"class": "title"}), "ins", amendment.title)
        for line in item.new_lines:
            _words(sub(proposed, "p"), word_diff("", line), Change.INSERT, draft)
    else:
        _words(sub(proposed, "p"), item.edits, Change.INSERT, draft)
    if amendment.justification:
        justification = sub(amendment_body, "amendmentJustification")
        sub(justification, "p", " ".join(amendment.justification.split()))


def _words(p: etree._Element, edits: Iterable[Edit], change: Change, draft: Draft) -> None:
    """The words kept as text and those of ``change`` (deleted or inserted) in ``del``/``ins``.

    References (``[[clause]]``) are written as the citations they render to in the draft.
    """
    tag = "del" if change is Change.DELETE else "ins"
    first = True
    for edit in edits:
        if edit.change is not Change.EQUAL and edit.change is not change:
            continue
        words = cited(" ".join(edit.words), draft)
        space = "" if first else " "
        first = False
        if edit.change is Change.EQUAL:
            _append(p, space + words)
        else:
            _append(p, space)
            sub(p, tag, words)
    if first:
        p.text = ""


def _append(p: etree._Element, text: str) -> None:
    if not text:
        return
    text = xml_safe(text)
    if len(p):
        p[-1].tail = (p[-1].tail or "") + text
    else:
        p.text = (p.text or "") + text
