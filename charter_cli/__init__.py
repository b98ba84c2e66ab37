"""charter: draft, number, check and export a charter from a library of TOML clause modules.

The package is a library first: :mod:`charter_cli.pipeline` runs the stages
(load -> validate -> assemble -> render) and :mod:`charter_cli.cli` is a thin
Typer front end over it.
"""

__version__ = "0.1.0"

REPOSITORY_URL = "https://github.com/elac-charter/charter-drafter"
"""The public repository of charter-drafter; also ``[project.urls]`` in pyproject.toml (tested)."""

DOCS_URL = f"{REPOSITORY_URL}/blob/main/docs"
"""The documentation pages, as the package index, SARIF rules and reports link to them."""
