"""charter: draft, number, check and export a charter from a library of TOML clause modules.

The package is a library first, a pipeline of stages with one subpackage each
(load -> check -> draft -> render -> write; see docs/design.md), and
:mod:`charter_cli.cli` is a thin Typer front end over it.
"""

__version__ = "0.1.0"
