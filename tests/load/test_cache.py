"""The cache of parsed files: never trusted over the files, and a warm run is a cold run."""

from __future__ import annotations

import datetime
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.load.cache import ParseCache, default_folder, parse_cache
from charter_cli.load.documents import Document, parse_toml, read_document
from charter_cli.render.markdown import render_markdown
from helpers import copy_shipped, examples, invoke
from strategies import mutations, projects, starter_files, write_files

SLOW = [HealthCheck.too_slow, HealthCheck.large_base_example, HealthCheck.data_too_large]
TEXT = '[module]\ntitle = "A"\n\n[[clause]]\nid = "a"\ntext = "The Parties agree."\n'


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json"))


def _parsed(cache: ParseCache, tmp_path: Path, text: str = TEXT) -> Document:
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, "a.toml", cache=cache)
    assert isinstance(doc, Document)
    return doc


def test_a_parsed_file_is_stored_and_read_back(tmp_path: Path) -> None:
    cache = parse_cache(tmp_path / "cache")
    first = _parsed(cache, tmp_path)
    assert len(_entries(tmp_path / "cache")) == 1
    assert (tmp_path / "cache" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28")
    assert cache.get(cache.key(TEXT.encode())) == first.data
    again = _parsed(cache, tmp_path)
    assert again.data == first.data
    assert again.text == TEXT


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:-3] + b"X" + blob[-2:],  # one byte changed in the data
        lambda blob: b"",  # empty
        lambda blob: b"\x00\xff" * 40,  # not an entry at all
        lambda blob: blob.replace(b"charter-cache 1", b"charter-cache 9", 1),  # another format
    ],
)
def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path: Path, damage: object) -> None:
    cache = parse_cache(tmp_path / "cache")
    good = _parsed(cache, tmp_path).data
    (entry,) = _entries(tmp_path / "cache")
    blob = entry.read_bytes()
    entry.write_bytes(damage(blob))  # type: ignore[operator]
    assert cache.get(cache.key(TEXT.encode())) is None
    assert _parsed(cache, tmp_path).data == good
    assert entry.read_bytes() == blob  # rewritten


def test_an_entry_that_lies_about_its_file_is_not_believed(tmp_path: Path) -> None:
    """An entry copied under another file's key (foreign data, sound on its own) is refused."""
    cache = parse_cache(tmp_path / "cache")
    other = TEXT.replace('"a"', '"b"')
    _parsed(cache, tmp_path)
    _parsed(cache, tmp_path, other)
    first, second = _entries(tmp_path / "cache")
    first.write_bytes(second.read_bytes())
    assert _parsed(cache, tmp_path).data["clause"][0]["id"] in {"a"}
    assert _parsed(cache, tmp_path, other).data["clause"][0]["id"] == "b"


def test_another_version_does_not_read_the_entries(tmp_path: Path) -> None:
    ours = parse_cache(tmp_path / "cache")
    theirs = ParseCache(tmp_path / "cache", b"another version")
    _parsed(ours, tmp_path)
    assert theirs.get(theirs.key(TEXT.encode())) is None
    assert ours.key(TEXT.encode()) != theirs.key(TEXT.encode())


def test_data_json_cannot_carry_is_not_cached(tmp_path: Path) -> None:
    cache = parse_cache(tmp_path / "cache")
    doc = _parsed(cache, tmp_path, "date = 2008-11-12\nwhen = 2008-11-12T10:00:00Z\n")
    assert doc.data["date"] == datetime.date(2008, 11, 12)
    assert _entries(tmp_path / "cache") == []
    assert (
        _parsed(cache, tmp_path, "date = 2008-11-12\nwhen = 2008-11-12T10:00:00Z\n").data
        == doc.data
    )


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    cache = parse_cache(tmp_path / "cache")
    assert _parsed(cache, tmp_path).data["module"] == {"title": "A"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml", "cache"]


def test_parse_errors_are_never_cached(tmp_path: Path) -> None:
    cache = parse_cache(tmp_path / "cache")
    finding = parse_toml('a = "open\n', tmp_path / "a.toml", "a.toml", cache=cache)
    assert not isinstance(finding, Document)
    assert finding.code == "CH003"
    assert _entries(tmp_path / "cache") == []


def test_processes_writing_the_same_entries_at_once_leave_sound_entries(tmp_path: Path) -> None:
    cache = parse_cache(tmp_path / "cache")
    texts = [TEXT.replace('"a"', f'"c{n}"') for n in range(20)]
    data = {n: {"module": {"title": "A"}, "clause": [{"id": f"c{n}"}]} for n in range(20)}

    def writer() -> None:
        for _ in range(5):
            for n, text in enumerate(texts):
                cache.put(cache.key(text.encode()), data[n])
                assert cache.get(cache.key(text.encode())) in (None, data[n])

    threads = [threading.Thread(target=writer) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n, text in enumerate(texts):
        assert cache.get(cache.key(text.encode())) == data[n]
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.name.endswith(".tmp")]


def test_the_folder_is_the_platform_cache_unless_chosen(tmp_path: Path) -> None:
    home = str(tmp_path)
    assert default_folder({"CHARTER_CACHE_DIR": "/x/y", "HOME": home}) == Path("/x/y")
    if default_folder({"HOME": home}).parts[-2:] == (".cache", "charter"):  # Linux and the like
        assert default_folder({"HOME": home}) == tmp_path / ".cache" / "charter"
        assert default_folder({"HOME": home, "XDG_CACHE_HOME": "/xdg"}) == Path("/xdg/charter")
        assert (
            default_folder({"HOME": home, "XDG_CACHE_HOME": "rel"})
            == tmp_path / ".cache" / "charter"
        )


# --- the command line -----------------------------------------------------------------------


def test_check_fills_the_cache_and_reports_the_same_when_warm(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "project")
    folder = tmp_path / "cache"
    env = {"CHARTER_CACHE_DIR": str(folder)}
    cold = invoke("-C", str(root), "check", env=env)
    assert _entries(folder)
    warm = invoke("-C", str(root), "check", env=env)
    plain = invoke("--no-cache", "-C", str(root), "check", env=env)
    assert (cold.exit_code, cold.stdout, cold.stderr) == (warm.exit_code, warm.stdout, warm.stderr)
    assert (plain.exit_code, plain.stdout, plain.stderr) == (
        cold.exit_code,
        cold.stdout,
        cold.stderr,
    )
    assert not [p for p in root.rglob("*") if "cache" in p.name.lower()]  # nothing in the project


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--no-cache",), {}),
        ((), {"CHARTER_NO_CACHE": "1"}),
        ((), {"CHARTER_NO_CACHE": "true"}),
    ],
)
def test_no_cache_neither_reads_nor_writes_it(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    root = copy_shipped(tmp_path / "project")
    folder = tmp_path / "cache"
    result = invoke(*args, "-C", str(root), "check", env={"CHARTER_CACHE_DIR": str(folder), **env})
    assert result.exit_code == 0, result.stderr
    assert not folder.exists()


def test_charter_no_cache_0_keeps_the_cache(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "project")
    folder = tmp_path / "cache"
    env = {"CHARTER_CACHE_DIR": str(folder), "CHARTER_NO_CACHE": "0"}
    assert invoke("-C", str(root), "check", env=env).exit_code == 0
    assert _entries(folder)


def test_help_names_the_option_and_its_variable() -> None:
    result = invoke("--help")
    assert "--no-cache" in result.stdout
    assert "CHARTER_NO_CACHE" in result.stdout


# --- warm is cold -----------------------------------------------------------------------------


@contextmanager
def _cache() -> Iterator[ParseCache]:
    with tempfile.TemporaryDirectory(prefix="charter-cache-") as folder:
        yield parse_cache(Path(folder))


@contextmanager
def _written(files: dict[str, bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="charter-prop-") as folder:
        root = Path(folder).resolve() / "project"
        write_files(root, files, sorted(files))
        yield root


def _outcome(analysis: Analysis) -> tuple[object, ...]:
    draft = None
    if analysis.draft is not None and not analysis.blocking:
        draft = render_markdown(analysis.draft, analysis.library)
    return analysis.findings, analysis.exit_code(), draft


@st.composite
def _edited(draw: st.DrawFn) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """A library (the starter or a random one) and the same library after random edits."""
    if draw(st.booleans()):
        files = starter_files()
    else:
        files = {rel: text.encode("utf-8") for rel, text in draw(projects()).files.items()}
    edited = dict(files)
    for step in draw(st.lists(mutations, min_size=1, max_size=4)):
        step.apply(edited)
    return files, edited


@settings(max_examples=examples(200), deadline=None, suppress_health_check=SLOW)
@given(_edited())
def test_a_warm_run_finds_and_drafts_what_a_cold_run_does(
    library: tuple[dict[str, bytes], dict[str, bytes]],
) -> None:
    before, after = library
    with _cache() as cache:
        with _written(before) as root:
            assert _outcome(analyse(root, cache=cache)) == _outcome(analyse(root))
            assert _outcome(analyse(root, cache=cache)) == _outcome(analyse(root))
        with _written(after) as root:  # the cache holds the library before the edits
            cold = _outcome(analyse(root))
            assert _outcome(analyse(root, cache=cache)) == cold  # edited files parsed, stored
            assert _outcome(analyse(root, cache=cache)) == cold  # every file from the cache


@settings(max_examples=examples(100), deadline=None, suppress_health_check=SLOW)
@given(_edited())
def test_an_overlay_reads_the_same_with_a_cache(
    library: tuple[dict[str, bytes], dict[str, bytes]],
) -> None:
    """The editing commands analyse unsaved texts: keyed by content, they are cached safely."""
    before, after = library
    overlay: dict[str, str | None] = {
        rel: text.decode("utf-8")
        for rel, text in after.items()
        if rel.endswith(".toml") and before.get(rel) != text and _utf8(text)
    }
    overlay |= {rel: None for rel in before if rel not in after}
    with _cache() as cache, _written(before) as root:
        analyse(root, cache=cache)
        cold = _outcome(analyse(root, overlay=overlay))
        assert _outcome(analyse(root, overlay=overlay, cache=cache)) == cold
        assert _outcome(analyse(root, overlay=overlay, cache=cache)) == cold
        assert _outcome(analyse(root, cache=cache)) == _outcome(analyse(root))


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_special_floats_and_long_integers_come_back_as_parsed(tmp_path: Path) -> None:
    cache = parse_cache(tmp_path / "cache")
    text = "a = inf\nb = -inf\nc = -0.0\nd = 123456789012345678901234567890\ne = 1e300\n"
    cold = _parsed(cache, tmp_path, text).data
    warm = _parsed(cache, tmp_path, text).data
    assert _entries(tmp_path / "cache")
    assert repr(warm) == repr(cold)
    assert [type(v) for v in warm.values()] == [type(v) for v in cold.values()]
