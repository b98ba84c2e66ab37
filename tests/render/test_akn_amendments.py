"""The amendments as Akoma Ntoso, validated by lxml against the OASIS schema (``tests/schemas``)."""

from __future__ import annotations

from functools import cache

from lxml import etree

from charter_cli.draft.amendments import Placed, amendments_in_order
from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.render.akn import NAMESPACE, render_akn
from charter_cli.render.akn_amendments import render_amendments_akn
from exporting import valid_akn
from helpers import REPO

A = f"{{{NAMESPACE}}}"
NS = {"a": NAMESPACE}


@cache
def shipped() -> tuple[Analysis, tuple[Placed, ...]]:
    analysis = analyse(REPO)
    assert analysis.draft is not None
    return analysis, tuple(amendments_in_order(analysis.library, analysis.draft))


def rendered() -> bytes:
    analysis, placed = shipped()
    assert analysis.draft is not None
    return render_amendments_akn(placed, analysis.draft, analysis.draft.charter.language)


def amendment(document: etree._Element, label: str) -> etree._Element:
    found = document.xpath(f"//a:amendment[a:preface//a:docNumber = '{label}']", namespaces=NS)
    assert len(found) == 1, label
    element: etree._Element = found[0]
    return element


def test_the_shipped_amendments_are_valid_akoma_ntoso() -> None:
    data = rendered()
    document = valid_akn(data)
    assert document[0].tag == f"{A}amendmentList"
    components = document.findall(f"{A}amendmentList/{A}collectionBody/{A}component")
    assert len(components) == len(shipped()[1]) == 16
    assert all(len(c) == 1 and c[0].tag == f"{A}amendment" for c in components)
    assert rendered() == data


def test_every_target_is_an_eid_of_the_draft() -> None:
    analysis, _ = shipped()
    assert analysis.draft is not None
    draft = etree.fromstring(render_akn(analysis.draft, analysis.library))
    eids = set(draft.xpath("//@eId"))
    hrefs = etree.fromstring(rendered()).xpath("//a:amendmentHeading//a:ref/@href", namespaces=NS)
    assert len(hrefs) == 16
    assert {href.removeprefix("#") for href in hrefs} <= eids


def test_a_replacement_its_target_words_and_justification() -> None:
    document = etree.fromstring(rendered())
    four = amendment(document, "Amendment 4")
    uris = four.xpath(".//a:FRBRWork/a:FRBRuri/@value", namespaces=NS)
    assert uris == [
        "/akn/int/amendment/1980-01-01/euro-latin-american-charter-for-peace-and-security-4"
    ]
    ref = four.find(f".//{A}amendmentHeading/{A}p/{A}ref")
    assert ref is not None
    assert (ref.get("href"), ref.text) == ("#art_27__para_3", "Article 27 \N{EN DASH} paragraph 3")
    assert four.findtext(f".//{A}docProponent") == ("Luís Pereira Matos (PSE, European Parliament)")
    assert four.findtext(f".//{A}docStatus") == "adopted"
    content = four.find(f".//{A}amendmentContent")
    assert content is not None and content.get("class") == "replace"
    old, new = content
    assert old.get("class") == "existingText" and new.get("class") == "amendmentText"
    assert "".join(old.itertext()).strip() == (
        "The Parties shall agree on a common list of substances under enhanced surveillance, "
        "and shall review it every three years."
    )
    assert "".join(new.itertext()).strip().startswith("Within one year of the entry into force")
    assert [e.text for e in old.iter(f"{A}del")] == ["The", "three"]
    assert "two" in [e.text for e in new.iter(f"{A}ins")]
    justification = four.findtext(f".//{A}amendmentJustification/{A}p")
    assert justification is not None and justification.startswith("Control of hazardous")


def test_deletions_and_insertions() -> None:
    document = etree.fromstring(rendered())
    one = amendment(document, "Amendment 1")
    content = one.find(f".//{A}amendmentContent")
    assert content is not None and content.get("class") == "delete"
    assert content[1].findtext(f"{A}p") == "deleted"
    # references are written as the citations they render to, not as [[clause]]
    assert "[[" not in "".join(content[0].itertext())
    twelve = amendment(document, "Amendment 12")
    content = twelve.find(f".//{A}amendmentContent")
    assert content is not None and content.get("class") == "insert"
    assert [c.get("class") for c in content] == ["amendmentText"]
    assert content.find(f".//{A}ins") is not None
