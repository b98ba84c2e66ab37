"""The files of a new project made by ``charter init``: small, complete, and passing ``charter check``.

The starter library is one worked example of every file kind: a mandate (the
source document), its requirements catalogue, a preamble recital and two articles
that cover the requirements. The committee replaces them with its own.
"""

from __future__ import annotations

from pathlib import Path

import tomli_w

from charter_cli.scaffold.schemas import SCHEMA_DIR, directive_for, render_schema, schema_files


def _value(value: str) -> str:
    """A TOML string literal for ``value`` (escaped by tomli-w)."""
    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()


MANDATE = """\
Mandate of the drafting committee

1. Purpose

The drafting committee shall prepare a draft charter for adoption by the Parties.

2. Content

The draft shall state the objectives that the Parties pursue together.
It shall establish a joint committee of the Parties to follow up the implementation
of the charter and to review it at regular intervals.
"""


def project_files(title: str) -> dict[str, str]:
    """The path and text of every file of a new project titled ``title``.

    Every TOML file starts with the ``#:schema`` line that points editors at its
    schema, and the schemas themselves are generated from the models, so they
    always match the tool that made the project.
    """
    files = {
        "charter.toml": _manifest(title),
        "sources/mandate.txt": MANDATE,
        "sources/mandate.toml": CATALOGUE,
        "clauses/preamble/recitals.toml": RECITALS,
        "clauses/provisions/objectives.toml": OBJECTIVES,
        "clauses/institutions/committee.toml": COMMITTEE,
        ".gitignore": "build/\n# lock files of charter commands, left only by a killed one\n.*.lock\n",
    }
    headed = {
        rel: f"{directive_for(Path(rel), Path())}\n{text}" if rel.endswith(".toml") else text
        for rel, text in files.items()
    }
    schemas = {f"{SCHEMA_DIR}/{name}": render_schema(s) for name, s in schema_files().items()}
    return headed | schemas


def _manifest(title: str) -> str:
    return f"""\
# The manifest: what is drafted, which sources it must cover, and how the draft is assembled.
# File formats: see the README of charter-drafter ("File formats").

[charter]
title = {_value(title)}
version = "0.1.0"
language = "en"
sources = ["sources/mandate.toml"]

[[party]]
id = "EU"
name = "European Union"

[[party]]
id = "LAC"
name = "Latin American and Caribbean States"

[preamble]
opening = "The Parties to this Charter,"
include = ["clauses/preamble/*.toml"]
closing = "Have agreed as follows:"

[[title]]
heading = "Objectives"
include = ["clauses/provisions/objectives.toml"]

[[title]]
heading = "Institutions"
include = ["clauses/institutions/*.toml"]
"""


CATALOGUE = """\
# Requirements catalogue of one source document. Every quote must occur in the source text.

[source]
id = "MANDATE"
title = "Mandate of the drafting committee"
citation = "Mandate"
text = "mandate.txt"

[[section]]
id = "1"
title = "Purpose"
starts = "1. Purpose"

[[section]]
id = "2"
title = "Content"
starts = "2. Content"

[[requirement]]
id = "MAN-2-objectives"
section = "2"
level = "cross-cutting"
kind = "objective"
statement = "The charter states the objectives the Parties pursue together."
quote = "state the objectives that the Parties pursue together"

[[requirement]]
id = "MAN-2-joint-committee"
section = "2"
level = "cross-cutting"
kind = "institution"
statement = "A joint committee follows up and periodically reviews the charter."
quote = "establish a joint committee of the Parties to follow up the implementation"
"""


RECITALS = '''\
[module]
title = "Recitals"

[[clause]]
id = "recital-purpose"
title = "Common purpose"
status = "agreed"
proposed_by = "joint"
text = """
Resolved to give their cooperation a common and lasting framework,
"""
'''


OBJECTIVES = '''\
[module]
title = "Objectives"

[[clause]]
id = "objectives"
title = "Objectives"
status = "agreed"
proposed_by = "joint"
covers = ["MAN-2-objectives"]
text = """
The Parties shall pursue together the objectives set out in this Charter and shall report on
their progress to the committee established by [[joint-committee]].
"""
notes = "Replace with the agreement's own objectives."
'''


COMMITTEE = """\
[module]
title = "Joint committee"

[[clause]]
id = "joint-committee"
title = "Joint committee"
proposed_by = "EU"
covers = ["MAN-2-joint-committee"]
notes = "The frequency of meetings is contested: the EU proposes once a year, LAC twice."

[[clause.paragraph]]
id = "establishment"
text = "A Joint Committee of the Parties is hereby established. It shall meet at least {frequency}."
bracket.frequency = [{ party = "EU", text = "once a year" }, { party = "LAC", text = "twice a year" }]

[[clause.paragraph]]
id = "review"
text = "The Joint Committee shall follow up the implementation of this Charter and review it every three years."
"""
