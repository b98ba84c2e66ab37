"""``charter check`` answered before Typer is imported, when a recorded run still holds.

The command the committee runs most is ``charter check`` from a pre-commit hook
or a script, on a library that has not changed since the last check. Its report
is then in the cache of runs (:mod:`charter_cli.load.runs`), and loading Typer to
parse a command line of one or two words costs more than writing it out. This
module reads the plainest command lines only: ``check``, with ``--strict``
and ``-C DIR`` (before or after ``check``), and the output format from
``CHARTER_OUTPUT_FORMAT``. Anything else, a record that no longer holds, or a
terminal on either stream, returns ``None``, and the full command runs (and
records the run for the next time).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

_FORMATS = ("text", "json", "gitlab", "junit", "sarif")
"""The output formats a record can replay (``github`` also appends to a file)."""
_FALSE = ("", "0", "false", "f", "no", "n", "off")
"""Values of ``CHARTER_NO_CACHE`` that leave the cache on, as Click reads a flag."""


def quick_check(argv: Sequence[str], environ: Mapping[str, str]) -> int | None:
    """The exit code of ``charter ARGV`` replayed from the cache of runs, or ``None``."""
    parsed = _parse(argv)
    output_format = environ.get("CHARTER_OUTPUT_FORMAT", "text")
    if (
        parsed is None
        or environ.get("CHARTER_NO_CACHE", "").lower() not in _FALSE
        or output_format not in _FORMATS
        or sys.stdout is None
        or sys.stdout.isatty()
        or sys.stderr is None
        or sys.stderr.isatty()
    ):
        return None
    directory, strict = parsed
    from charter_cli.load.cache import default_folder, parse_cache
    from charter_cli.load.project import find_repository_root, find_root
    from charter_cli.load.runs import run_cache
    from charter_cli.write.transaction import JOURNAL

    try:
        root = find_root(Path(directory or ".").resolve())
    except Exception:  # whatever it is, the full command says it properly
        return None
    runs = run_cache(
        parse_cache(default_folder(environ)),
        "check",
        *(str(root), str(Path.cwd()), "", str(find_repository_root(root))),
        *(output_format, str(strict)),
    )
    replay = None if (root / JOURNAL).exists() else runs.replay(root)
    if replay is None:  # changed, never recorded, or an interrupted edit to recover first
        return None
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    sys.stdout.write(replay.stdout)
    sys.stderr.write(replay.stderr)
    return replay.exit_code


def _parse(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """``-C DIR`` and ``--strict`` from ``[-C DIR] check [--strict] [-C DIR]``, else ``None``."""
    args = list(argv)
    directory: str | None = None
    if args[:1] in (["-C"], ["--directory"]) and len(args) >= 2:
        directory, args = args[1], args[2:]
    if args[:1] != ["check"]:
        return None
    args = args[1:]
    strict = "--strict" in args
    args = [arg for arg in args if arg != "--strict"]
    if args[:1] in (["-C"], ["--directory"]) and len(args) == 2:
        later = args[1]
        directory = later if directory is None else str(Path(directory) / later)
        args = []
    if args or (directory is not None and not directory):
        return None
    return directory, strict
