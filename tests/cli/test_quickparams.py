"""Options converted without Pydantic: the same values as Typer's own conversion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer._click.core import Context
from typer._coercion import build_runtime_param

from charter_cli.cli.app import app
from charter_cli.cli.quickparams import _Quick


def _params() -> dict[str, Any]:
    group = typer.main.get_command(app)
    command = group.commands["check"]  # type: ignore[attr-defined]
    context, root = Context(command), Context(group)
    return {
        **{p.name: (p, root) for p in group.get_params(root)},
        **{p.name: (p, context) for p in command.get_params(context)},
    }


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("output_format", None),
        ("output_format", "json"),
        ("output_format", "sarif"),
        ("output_file", None),
        ("output_file", "report.txt"),
        ("report_root", "."),
        ("directory", None),
        ("directory", "clauses/public"),
        ("strict", True),
        ("strict", False),
        ("help", None),
    ],
)
def test_quick_values_are_typer_values(name: str, value: object) -> None:
    param, context = _params()[name]
    assert isinstance(param._runtime_param, _Quick)
    quick = param._runtime_param.coerce(value, param=param, ctx=context)
    full = build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=context)
    assert quick == full
    assert type(quick) is type(full)


def test_a_wrong_value_gets_typers_own_error(tmp_path: Path) -> None:
    param, context = _params()["output_format"]
    with pytest.raises(Exception, match="is not one of") as quick:
        param._runtime_param.coerce("xml", param=param, ctx=context)
    with pytest.raises(Exception, match="is not one of") as full:
        build_runtime_param(param.type_descriptor).coerce("xml", param=param, ctx=context)
    assert str(quick.value) == str(full.value)
