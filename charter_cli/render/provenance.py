"""Provenance of a draft: the hash of the library it was built from.

Every draft records in its front matter a content hash of the files it was built
from (``library-hash``). :func:`library_hash` computes it: SHA-256 over the
path and text of the manifest, every catalogue and source text, every clause
module and the frozen numbering (``numbering.lock.toml``), in path order, with line ends normalised, so the same library gives the
same hash on any machine and checkout.
"""

from __future__ import annotations

import hashlib

from charter_cli.load.library import Library


def library_hash(library: Library) -> str:
    """``sha256:<hex>`` of every file the draft is built from."""
    files: list[tuple[str, str]] = []
    if library.manifest_doc is not None:
        files.append((library.manifest_doc.rel, library.manifest_doc.text))
    for catalogue in (loaded.file for loaded in library.catalogues):
        files.append((catalogue.doc.rel, catalogue.doc.text))
        if catalogue.text is not None and catalogue.text_rel is not None:
            files.append((catalogue.text_rel, catalogue.text))
    files += [(module.rel, module.file.doc.text) for module in library.modules]
    if library.frozen is not None:  # the frozen numbering gives the articles their numbers
        files.append((library.frozen.doc.rel, library.frozen.doc.text))
    digest = hashlib.sha256()
    for rel, text in sorted(set(files)):
        for part in (rel, text.replace("\r\n", "\n")):
            data = part.encode("utf-8")
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
    return f"sha256:{digest.hexdigest()}"
