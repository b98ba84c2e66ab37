"""The files of a new project made by ``charter init``: small, complete, and passing ``charter check``.

Three starters. The default is one worked example of every file kind: a mandate
(the source document), its requirements catalogue, a preamble recital and two
articles that cover the requirements; the committee replaces them with its own.
``--with-study`` measures the draft against the catalogue of the 2008 study that
ships with charter, with one recital and one article to start from. ``--bare``
has no demonstration content at all: a manifest with one title.
"""

from __future__ import annotations

from pathlib import Path

import tomli_w

from charter_cli.scaffold.schemas import SCHEMA_DIR, directive_for, render_schema, schema_files

STUDY = "charter:grabendorff-2008"
"""The catalogue of the 2008 study, shipped with charter."""

IGNORED = ("build/", ".*.lock")
"""What a new project's ``.gitignore`` holds: the drafts ``build`` writes, and the lock files a
killed command leaves."""

GITIGNORE = "build/\n# lock files of charter commands, left only by a killed one\n.*.lock\n"


def toml_string(value: str) -> str:
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


def project_files(title: str, *, bare: bool = False, with_study: bool = False) -> dict[str, str]:
    """The path and text of every file of a new project titled ``title``.

    Every TOML file starts with the ``#:schema`` line that points editors at its
    schema, and the schemas themselves are generated from the models, so they
    always match the tool that made the project.
    """
    files: dict[str, str]
    if bare:
        files = {"charter.toml": _bare_manifest(title, with_study=with_study)}
    elif with_study:
        files = {
            "charter.toml": _study_manifest(title),
            "clauses/preamble.toml": STUDY_RECITALS,
            "clauses/objectives-and-principles/objectives.toml": STUDY_OBJECTIVES,
        }
    else:
        files = {
            "charter.toml": _manifest(title),
            "sources/mandate.txt": MANDATE,
            "sources/mandate.toml": CATALOGUE,
            "clauses/preamble/recitals.toml": RECITALS,
            "clauses/provisions/objectives.toml": OBJECTIVES,
            "clauses/institutions/committee.toml": COMMITTEE,
        }
    files[".gitignore"] = GITIGNORE
    headed = {
        rel: f"{directive_for(Path(rel), Path())}\n{text}" if rel.endswith(".toml") else text
        for rel, text in files.items()
    }
    schemas = {f"{SCHEMA_DIR}/{name}": render_schema(s) for name, s in schema_files().items()}
    return headed | schemas


_HEADER = """\
# The manifest: what is drafted, which sources it must cover, and how the draft is assembled.
# File formats: see the README of charter-drafter ("File formats").
"""

_PARTIES = """\
[[party]]
id = "EU"
name = "European Union"

[[party]]
id = "LAC"
name = "Latin American and Caribbean States"
"""

_STUDY_SOURCE = f"""\
# The catalogue of the 2008 European Parliament study, shipped with charter: 'charter coverage
# --missing' lists what no article covers yet. It is informative while the committee drafts:
# its gaps are notes, so 'charter check' passes. When every requirement must be covered, move it
# to sources (sources = ["{STUDY}"]): 'charter check' then fails on each gap.
informative = ["{STUDY}"]
"""


def _head(title: str, sources: str) -> str:
    """The top of a new manifest: the ``[charter]`` table, with ``sources``, and the parties."""
    return f"""\
{_HEADER}
[charter]
title = {toml_string(title)}
version = "0.1.0"
language = "en"
{sources}
{_PARTIES}"""


def _bare_manifest(title: str, *, with_study: bool) -> str:
    return _head(title, _STUDY_SOURCE if with_study else "sources = []\n") + (
        """
# One title to start from: add its chapters as [[title.chapter]] tables below it, and the
# modules of their articles to their include lists ('charter new clause' writes the modules).
[[title]]
heading = "General provisions"
"""
    )


def _study_manifest(title: str) -> str:
    return _head(title, _STUDY_SOURCE) + (
        """
[preamble]
opening = "The Parties to this Charter,"
include = ["clauses/preamble.toml"]
closing = "Have agreed as follows:"

# One folder of modules per title, one module per chapter, named by subject, not by number:
# numbers change when parts move, the names of files need not.
[[title]]
heading = "Objectives and principles"

[[title.chapter]]
heading = "Objectives"
include = ["clauses/objectives-and-principles/objectives.toml"]
"""
    )


STUDY_RECITALS = '''\
[module]
title = "Preamble"

[[clause]]
id = "recital-missing-pillar"
title = "The missing pillar of the partnership"
status = "agreed"
proposed_by = "joint"
covers = []
text = """
Recognising that the strategic partnership between the European Union and Latin America and the
Caribbean still lacks a pillar of peace and security,
"""
'''


STUDY_OBJECTIVES = '''\
[module]
title = "Objectives"

[[clause]]
id = "purpose"
title = "Purpose of the Charter"
status = "proposed"
proposed_by = "joint"
covers = ["GRA-intro-missing-pillar"]
text = """
The purpose of this Charter is to build peace and security as a pillar of the strategic
partnership between the Parties.
"""
notes = "A starting point: 'charter coverage --missing' lists what the study asks for besides."
'''


def _manifest(title: str) -> str:
    return _head(title, 'sources = ["sources/mandate.toml"]\n') + (
        """
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
    )


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
covers = []
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
