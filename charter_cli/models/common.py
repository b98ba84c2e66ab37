"""Reusable field types and the base model shared by every file schema."""

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
)
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError

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


def one_of(
    model: type[BaseModel],
    data: Any,
    handler: ValidatorFunctionWrapHandler,
    keys: tuple[str, str],
    names: tuple[str, str],
) -> Any:
    """Validate ``data`` with ``handler`` and require exactly one of two keys, in one pass.

    For a ``mode="wrap"`` model validator: a missing (or doubled) key is reported
    together with every error of the fields, so a file with several mistakes shows
    them all at once. The errors carry the types ``charter_missing`` and
    ``charter_invalid``, which the loader turns into ``CH102`` and ``CH103``.
    """
    if isinstance(data, dict):
        present = [data.get(key) not in (None, []) for key in keys]
        if present[0] != present[1]:  # the usual case: exactly one of them
            return handler(data)
    extra: list[InitErrorDetails] = []
    if isinstance(data, dict):
        if not any(present):
            message = f"has neither {names[0]} nor {names[1]}"
            extra.append(_custom("charter_missing", message, data))
        elif all(present):
            message = f"has both {names[0]} and {names[1]}: keep one"
            extra.append(_custom("charter_invalid", message, data))
    try:
        validated = handler(data)
    except ValidationError as error:
        if not extra:
            raise
        earlier = [_rebuilt(details) for details in error.errors()]
        raise ValidationError.from_exception_data(error.title, [*earlier, *extra]) from None
    if extra:
        raise ValidationError.from_exception_data(model.__name__, extra)
    return validated


def _custom(kind: str, message: str, data: Any) -> InitErrorDetails:
    return {"type": PydanticCustomError(kind, message), "loc": (), "input": data}


def _rebuilt(details: ErrorDetails) -> InitErrorDetails:
    """An error as :meth:`ValidationError.from_exception_data` takes it again."""
    kind = details["type"]
    error_type: str | PydanticCustomError = (
        PydanticCustomError(kind, details["msg"]) if kind.startswith("charter_") else kind
    )
    rebuilt: InitErrorDetails = {
        "type": error_type,
        "loc": details["loc"],
        "input": details["input"],
    }
    if "ctx" in details and not kind.startswith("charter_"):
        rebuilt["ctx"] = details["ctx"]
    return rebuilt
