"""Options converted without Pydantic when their value needs no conversion.

Typer 0.29 converts every option that is not a flag through a Pydantic
``TypeAdapter``, built when the command runs: importing Pydantic and building
the adapters costs more than the rest of a start-up, and ``charter check``
answered from the cache of runs (:mod:`charter_cli.load.runs`) needs Pydantic
for nothing else. The values that need no conversion are taken as they are:
an option not given (``None``), a flag's ``True`` or ``False``, an enum member's exact value, and a path
given as text (made a :class:`~pathlib.Path`, then checked by Typer's own
path checks, as Typer would after Pydantic made it). Anything else (a
wrong value, with its error message) goes to Typer's conversion, unchanged.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

from typer._click.core import Context, Parameter


class _Quick:
    """Stands in for Typer's runtime conversion of one parameter (``_TyperParameter._runtime_param``)."""

    def __init__(self, annotation: type[Any]) -> None:
        self.annotation = annotation
        self.typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Context) -> Any:
        """The value, converted as Typer would convert it."""
        if not (param.multiple or param.nargs == -1):
            if value is None:
                return None
            if self.annotation is bool:
                if isinstance(value, bool):
                    return value
            elif issubclass(self.annotation, Enum):
                member = _member(self.annotation, value)
                if member is not None:
                    return member
            elif isinstance(value, str) and value and "\0" not in value:
                from typer._param_types import coerce_cli_path

                info = param.type_descriptor.parameter_info
                return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        return self._typer(param).coerce(value, param=param, ctx=ctx)

    def _typer(self, param: Any) -> Any:
        if self.typer is None:
            from typer._coercion import build_runtime_param

            self.typer = build_runtime_param(param.type_descriptor)
        return self.typer


def _member(enum: type[Enum], value: object) -> Enum | None:
    if isinstance(value, enum):
        return value
    return next((m for m in enum if isinstance(value, str) and m.value == value), None)


def quicken(params: list[Parameter]) -> None:
    """Let ``params`` of the simple kinds (paths, enums) skip Pydantic where they can."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", 0) is not None:
            continue  # not a Typer parameter, or another version of Typer
        annotation = descriptor.annotation
        info = descriptor.parameter_info
        plain_path = annotation is Path and info.path_type is None and not info.allow_dash
        simple = annotation is bool or (
            isinstance(annotation, type) and issubclass(annotation, Enum)
        )
        if info.parser is None and (plain_path or simple):
            param._runtime_param = _Quick(annotation)  # type: ignore[attr-defined]
