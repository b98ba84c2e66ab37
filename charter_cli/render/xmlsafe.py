"""Library text that XML can hold: for the Word and Akoma Ntoso exports."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold at all (control characters, lone surrogates)."""
REPLACEMENT = "\ufffd"


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold shown as U+FFFD; the rest as it is.

    ``charter check`` reports such characters (``CH231``); the exports still never
    fail on them. Escaping ``<`` and ``&`` is left to the XML writer.
    """
    return _NOT_XML.sub(REPLACEMENT, text) if _NOT_XML.search(text) else text
