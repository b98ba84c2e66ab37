"""The amendments document and the voting list, in Markdown, laid out as the European Parliament prints them.

Each amendment is a two-column table, "Text proposed by the co-rapporteurs" and
"Amendment": in the left column the words it deletes or replaces in bold
italic, in the right column the words it brings in bold italic; a deletion
reads *deleted* on the right, an insertion has an empty left column. Above
the table, who tabled it and the part of the text it amends; below it the
justification, and the language it was tabled in ("Or. es").

The voting list gives the amendments in the order of the text, identical ones
on one line ("3 = 17"), and what falls if another is adopted. Every text of the
library is escaped (:mod:`charter_cli.render.escape`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from charter_cli.check.amendments import State
from charter_cli.draft.amendments import Placed, Vote
from charter_cli.draft.model import Draft
from charter_cli.load.wording import Change, word_diff
from charter_cli.models.amendment import Amendment, Author
from charter_cli.render.escape import block, inline
from charter_cli.render.wordmarks import cited, marked
from charter_cli.vocabulary import AmendmentKind, Outcome

BOLD_ITALIC = ("***", "***")
LEFT = {Change.EQUAL: ("", ""), Change.DELETE: BOLD_ITALIC}
"""The left column: the text amended, with the words the amendment deletes in bold italic."""
RIGHT = {Change.EQUAL: ("", ""), Change.INSERT: BOLD_ITALIC}
"""The right column: the new wording, with the words the amendment brings in bold italic."""
COLUMNS = "| Text proposed by the co-rapporteurs | Amendment |\n| --- | --- |"

_OUTCOMES = {
    Outcome.TABLED: "",
    Outcome.ADOPTED: "Adopted.",
    Outcome.REJECTED: "Rejected.",
    Outcome.WITHDRAWN: "Withdrawn.",
    Outcome.FALLEN: "Fell: not put to the vote, an incompatible amendment having been adopted.",
    Outcome.REPLACED: "Replaced by compromise amendment {}.",
}
_VOTES = {
    Outcome.TABLED: "",
    Outcome.ADOPTED: "+",
    Outcome.REJECTED: "\N{MINUS SIGN}",
    Outcome.WITHDRAWN: "withdrawn",
    Outcome.FALLEN: "fell",
    Outcome.REPLACED: "replaced",
}


def author(who: Author, parties: Mapping[str, str]) -> str:
    """How an author is printed: ``María Rivera (PPE, Parlatino)``, ``S&D group``, a party's name."""
    party = f"{parties.get(who.party, who.party)}" if who.party else None
    if who.member is not None:
        around = ", ".join(part for part in (who.group, who.delegation) if part)
        name = f"{who.member} ({around})" if around else who.member
        return f"{name}, on behalf of {party}" if party else name
    if who.group is not None:
        return f"{who.group} group" + (f" ({who.delegation})" if who.delegation else "")
    if who.delegation is not None:
        return f"{who.delegation} delegation" + (f", on behalf of {party}" if party else "")
    return str(party)


def tabled_by(amendment: Amendment, parties: Mapping[str, str]) -> str:
    """Every author of an amendment, as printed under its number; ``parties`` names the parties."""
    return ", ".join(author(who, parties) for who in amendment.tabled_by)


def party_names(draft: Draft) -> dict[str, str]:
    """The name of each party of the manifest, by ID."""
    return {party.id: party.name for party in draft.parties}


def render_amendments(placed: Sequence[Placed], draft: Draft, language: str) -> str:
    """The amendments document: a heading, then each amendment in the order of the text."""
    charter = draft.charter
    blocks = [
        f"# Amendments to the {inline(charter.title)}",
        f"Draft version {inline(charter.version)}. {len(placed)} amendment(s), in the order of "
        "the text. In each, the words the amendment deletes or replaces and the words it brings "
        "are in bold italic.",
    ]
    for item in placed:
        blocks += list(_amendment(item, draft, language))
    return "\n\n".join(blocks) + "\n"


def _amendment(item: Placed, draft: Draft, language: str) -> Iterator[str]:
    amendment = item.amendment
    yield f"## {amendment.label}"
    yield f"Tabled by {inline(tabled_by(amendment, party_names(draft)))}"
    yield f"**{inline(item.subject)}**"
    yield f"{COLUMNS}\n| {_left(item, draft)} | {_right(item, draft)} |"
    notes = list(_notes(item))
    if notes:
        yield "\n".join(notes)
    if amendment.justification is not None:
        yield "**Justification**"
        yield block(amendment.justification)
    yield f"Or. {inline(amendment.language or language)}"


def _left(item: Placed, draft: Draft) -> str:
    amendment = item.amendment
    if amendment.kind is AmendmentKind.INSERT:
        return ""
    if amendment.kind is AmendmentKind.DELETE:
        return "<br>".join(
            marked(word_diff(line, ""), LEFT, lambda _c, text: cited(text, draft))
            for line in item.old_lines
        )
    return marked(item.edits, LEFT, lambda _c, text: cited(text, draft))


def _right(item: Placed, draft: Draft) -> str:
    amendment = item.amendment
    if amendment.kind is AmendmentKind.DELETE:
        return "***deleted***"
    if amendment.kind is AmendmentKind.INSERT:
        lines = [
            marked(word_diff("", line), RIGHT, lambda _c, text: cited(text, draft))
            for line in item.new_lines
        ]
        if amendment.title is not None:
            lines.insert(0, f"***{inline(amendment.title)}***")
        return "<br>".join(lines)
    return marked(item.edits, RIGHT, lambda _c, text: cited(text, draft))


def _notes(item: Placed) -> Iterator[str]:
    amendment = item.amendment
    outcome = _OUTCOMES[amendment.outcome].format(amendment.replaced_by)
    if outcome:
        yield f"*{outcome}*"
    state = item.resolution.state
    if amendment.outcome in (Outcome.TABLED, Outcome.ADOPTED):
        if state is State.STALE:
            yield (
                "*The text has changed since this amendment was tabled: the left column shows it "
                "as it stood then ('charter check' shows what changed).*"
            )
        elif state is State.UNKNOWN:
            yield "*The text this amendment amends is no longer in the draft.*"
        elif state is State.CONSOLIDATED:
            yield "*Written into the text.*"


# ------------------------------------------------------------------ voting list


def render_voting_list(votes: Sequence[Vote], draft: Draft) -> str:
    """The voting list: one line per amendment (identical ones together), in the order of the text."""
    charter = draft.charter
    lines = [
        "| Subject | Am. No | Tabled by | Remarks | Vote |",
        "| --- | --- | --- | --- | --- |",
    ]
    previous = None
    names = party_names(draft)
    for vote in votes:
        subject = vote.first.subject
        shown = "" if subject == previous else inline(subject)
        previous = subject
        numbers = " = ".join(_number(p.amendment) for p in vote.amendments)
        authors = "; ".join(tabled_by(p.amendment, names) for p in vote.amendments)
        remarks = "; ".join(_remarks(vote))
        outcome = _VOTES[vote.first.amendment.outcome]
        lines.append(f"| {shown} | {numbers} | {inline(authors)} | {inline(remarks)} | {outcome} |")
    return (
        f"# Voting list: amendments to the {inline(charter.title)}\n\n"
        f"Draft version {inline(charter.version)}. Amendments in the order of the text; "
        "identical amendments are voted on together, on one line ('3 = 4'); a compromise amendment is voted "
        "on first and, if adopted, the amendments it replaces are not put to the vote. Vote: "
        "+ adopted, \N{MINUS SIGN} rejected.\n\n" + "\n".join(lines) + "\n"
    )


def _number(amendment: Amendment) -> str:
    return f"CA {amendment.number}" if amendment.compromise else str(amendment.number)


def _remarks(vote: Vote) -> Iterator[str]:
    first = vote.first.amendment
    if vote.identical:
        yield "identical"
    if vote.replaces:
        yield "replaces " + ", ".join(_number(a) for a in vote.replaces)
    if first.outcome is Outcome.REPLACED:
        yield f"replaced by CA {first.replaced_by}"
    elif first.outcome is Outcome.WITHDRAWN:
        yield "withdrawn"
    if vote.falls_if:
        numbers = " or ".join(_number(a) for a in vote.falls_if)
        yield f"falls if {numbers} is adopted"
