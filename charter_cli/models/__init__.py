"""The schema of every file the tool reads: one Pydantic model per file kind.

* :class:`~charter_cli.models.manifest.Manifest` -- ``charter.toml``
* :class:`~charter_cli.models.catalogue.Catalogue` -- a source's requirements catalogue
* :class:`~charter_cli.models.clause.Module` -- a clause module under ``clauses/``

All models forbid unknown keys and are frozen. The closed sets of values they
use (levels, kinds, statuses) are the enums of :mod:`charter_cli.vocabulary`.
"""

from charter_cli.models.catalogue import Catalogue, Requirement, Section
from charter_cli.models.clause import Clause, Module, ModuleInfo
from charter_cli.models.manifest import Chapter, Manifest, Party, Preamble, Title

__all__ = [
    "Catalogue",
    "Chapter",
    "Clause",
    "Manifest",
    "Module",
    "ModuleInfo",
    "Party",
    "Preamble",
    "Requirement",
    "Section",
    "Title",
]
