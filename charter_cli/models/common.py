"""Reusable field types and the base model shared by every file schema."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9]*(?:[-._][A-Za-z0-9]+)*$"
"""Letters and digits in runs joined by single ``-``, ``.`` or ``_``; starts with a letter."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
"""A stable identifier of a clause, requirement, source or party."""

Line = Annotated[str, StringConstraints(pattern=r"^[^\r\n]*\S[^\r\n]*$", max_length=500)]
"""A non-blank string on one line (titles, headings, statements)."""

MAX_TEXT = 200_000
"""The longest text, in characters (some 30 pages): an article is far shorter, and every text
is parsed as Markdown, so a text of megabytes would only cost time."""

Text = Annotated[str, StringConstraints(pattern=r"\S", max_length=MAX_TEXT)]
"""A non-blank string that may span lines (Markdown text, quotes, notes)."""

RelPath = Annotated[str, StringConstraints(pattern=r"^[^\r\n]*\S[^\r\n]*$", max_length=1000)]
"""A path relative to the file that holds it (or to the project root, in the manifest)."""

Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]
"""A BCP 47 language tag such as ``en``, ``es``, ``pt-BR`` or ``fr``."""


class Model(BaseModel):
    """Base of every file schema: unknown keys are errors and values never change after load."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
    )
