"""charter: draft, number, check and export a charter from a library of TOML clause modules.

The package is a library first: :mod:`charter_cli.pipeline` runs the stages
(load -> validate -> assemble -> render) and :mod:`charter_cli.cli` is a thin
Typer front end over it.
"""

__version__ = "0.1.0"
