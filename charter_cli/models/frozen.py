"""Schema of ``numbering.lock.toml``: the article numbers frozen by ``charter freeze``.

Once a version of the charter is adopted, its article numbers are part of how
everyone cites it. ``charter freeze`` records them here; while the file exists,
every article it names keeps its number wherever it stands, and an article
inserted later takes the number of the one before it and a letter (a new article
after Article 12 is Article 12a), as the EU treaties number their insertions.
"""

from typing import Annotated

from pydantic import StringConstraints

from charter_cli.models.common import Id, Line, Model

NUMERAL_PATTERN = r"^[0-9]{1,5}[a-z]{0,4}$"
Numeral = Annotated[str, StringConstraints(pattern=NUMERAL_PATTERN)]
"""An article's number as displayed: ``12``, or ``12a`` for one inserted after Article 12."""


class NumberingLock(Model):
    """The frozen numbering: every article's number, by clause ID."""

    version: Line | None = None
    """The version of the charter whose numbers were frozen (``[charter] version``)."""
    article: dict[Id, Numeral] = {}
    """Each article's frozen number, by clause ID: ``drugs-precursors = "23"``."""
