"""Fuzzing the shipped library: random damage never crashes, never hangs, always locates.

Each mutation changes one file of the shipped project (the repository's own charter.toml,
catalogue, source text and clause modules) the ways hands, merges and editors do: byte
flips, deleted, duplicated and swapped lines, renamed keys, values of another type,
truncation. Then the library is analysed, as every command does, with a 10-second alarm:
no exception may escape, no run may hang, and every finding must name its file and line.
The thorough profile (what CI runs) makes 2,000 mutations; a local run makes 40. A
failure names the seed that reproduces it::

    CHARTER_FUZZ_SEED=1234 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
import random
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings

from charter_cli.draft.analysis import analyse
from charter_cli.findings import Finding
from charter_cli.render.markdown import render_markdown
from helpers import copy_shipped

THOROUGH = settings.get_current_profile_name() == "thorough"
BATCHES, PER_BATCH = (20, 100) if THOROUGH else (1, 40)
HANG = 10
"""Seconds after which one analysis counts as a hang."""

_KEY = re.compile(rb"(?m)^([ \t]*)([A-Za-z_][A-Za-z0-9_-]*)([ \t]*=)")
_STRING_VALUE = re.compile(rb'(?m)(=[ \t]*)("(?:[^"\\\n]|\\.)*")')
_KEYS = (b"id", b"title", b"text", b"covers", b"status", b"proposed_by", b"include",
         b"heading", b"quote", b"section", b"sources", b"chapter", b"nope", b"Title")  # fmt: skip
_VALUES = (b"1", b"-0", b"true", b"[]", b'["a", 1]', b"{}", b"{ a = 1 }", b"1979-05-27",
           b"nan", b'""', b'"[[nope]]"', b'"# h"', b"[[1]]", b"9" * 40)  # fmt: skip


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".toml", ".txt"))


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:  # noqa: PLR0911
    """One random change to the bytes of a file, and its name."""
    kind = rng.choice(
        ["flip", "flip", "delete-line", "duplicate-line", "swap-lines", "rename-key",
         "swap-type", "truncate", "delete-span", "insert-bytes"]
    )  # fmt: skip
    at = rng.randrange(len(data) + 1)
    lines = data.splitlines(keepends=True) or [b""]
    line = rng.randrange(len(lines))
    if kind == "flip" and data:
        at = min(at, len(data) - 1)
        return kind, data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]
    if kind == "delete-line":
        return kind, b"".join(lines[:line] + lines[line + 1 :])
    if kind == "duplicate-line":
        return kind, b"".join(lines[: line + 1] + lines[line:])
    if kind == "swap-lines":
        other = rng.randrange(len(lines))
        lines[line], lines[other] = lines[other], lines[line]
        return kind, b"".join(lines)
    if kind == "rename-key":
        keys = list(_KEY.finditer(data))
        if keys:
            match = rng.choice(keys)
            return kind, data[: match.start(2)] + rng.choice(_KEYS) + data[match.end(2) :]
    if kind == "swap-type":
        values = list(_STRING_VALUE.finditer(data))
        if values:
            match = rng.choice(values)
            return kind, data[: match.start(2)] + rng.choice(_VALUES) + data[match.end(2) :]
    if kind == "truncate":
        return kind, data[:at]
    if kind == "insert-bytes":
        noise = rng.choice([b"\x00", b"\xff", b'"', b"[", b"\r", "\u2028".encode(), b"\x1b"])
        return kind, data[:at] + noise + data[at:]
    return "delete-span", data[:at] + data[at + rng.randrange(1, 200) :]


class HangError(Exception):
    """An analysis ran longer than ``HANG`` seconds."""


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    def ring(signum: int, frame: object) -> None:
        raise HangError(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shipped(tmp_path_factory.mktemp("fuzz") / "charter", local_study=True)


def _located(finding: Finding) -> bool:
    return bool(finding.file) and finding.line is not None and finding.line >= 1


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs POSIX alarms")
@pytest.mark.parametrize("batch", range(BATCHES))
def test_mutations_of_the_shipped_library_never_crash_hang_or_lose_a_line(
    shipped: Path, batch: int
) -> None:
    files = _files(shipped)
    seeds = [
        int(os.environ.get("CHARTER_FUZZ_SEED", batch * PER_BATCH + n)) for n in range(PER_BATCH)
    ]
    for seed in seeds:
        rng = random.Random(seed)  # noqa: S311 - reproducible damage, not secrets
        target = rng.choice(files)
        original = target.read_bytes()
        kind, damaged = mutate(original, rng)
        target.write_bytes(damaged)
        rel = target.relative_to(shipped).as_posix()
        try:
            with alarm(HANG):
                analysis = analyse(shipped)
                if analysis.draft is not None and not analysis.blocking:
                    render_markdown(analysis.draft, analysis.library)
        except Exception as error:  # any escape is the failure looked for
            pytest.fail(f"seed {seed} ({kind} in {rel}): {type(error).__name__}: {error}")
        finally:
            target.write_bytes(original)
        unlocated = [f.format() for f in analysis.findings if not _located(f)]
        assert not unlocated, f"seed {seed} ({kind} in {rel}): {unlocated}"
