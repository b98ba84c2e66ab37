"""Benchmark ``charter`` against the floor: the interpreter parsing the same TOML files.

Run it from the repository root with the project's virtual environment active::

    python benchmarks/run.py                      # sizes 1000,10000,100000, 5 runs
    python benchmarks/run.py --quick              # sizes 1000,10000, 3 runs
    python benchmarks/run.py --out docs/performance.md

For each size it generates (or reuses from the cache) a synthetic library (see
``benchmarks/generate.py``), asserts once that ``charter check --strict`` passes on
it, then times ``charter check``, ``charter build -o FILE`` (Markdown and HTML) and
``charter coverage``, each in a fresh process, together with the floor: a fresh
``python -c`` that reads and parses every ``.toml`` file of the library with tomli
and does nothing else, and how long ``charter serve`` takes to show an edit.
Start-up is measured apart: ``charter --version`` and ``charter --help`` against
``python -c "import typer"``, and ``charter check`` on the shipped library against
``charter --version``. Every figure is the median of several runs, interleaved; peak
memory is the maximum resident set size of the child process (``os.wait4``).

This is not part of the test suite; it needs a POSIX system (``os.wait4``) and, for
the chart, matplotlib (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import generate

REPO = generate.REPO
BIN = Path(sys.executable).parent
CHARTER = BIN / "charter"
PYTHON = sys.executable
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
FORMATS = ("html", "akn", "docx", "pdf")
"""The formats of ``charter build --format`` timed besides Markdown."""
FORMAT_SIZES = (1_000, 10_000)
"""Sizes at which every format is timed (a PDF of 100,000 clauses takes many minutes)."""
FORMAT_LIMITS = {"html": 2.0, "akn": 2.0, "docx": None, "pdf": None}
"""Budget of each format against the Markdown build at 10,000 clauses; ``None``: recorded."""
LANGUAGE_SIZES = (1_000, 10_000)
"""Sizes at which the library with translations into three languages is timed."""
LANGUAGE_LIMITS = {"lang-check": ("lang-floor", 3.0), "lang-build-all": ("lang-build", 4.5)}
"""Budgets at 10,000 clauses of the library in four languages: ``check`` against the floor of
the same files, ``build --lang all`` (four drafts) against a build of the original alone."""
DEFAULT_RUNS = 5
QUICK_RUNS = 3
STARTUP_FACTOR = 3
"""Start-up commands are short and noisy: they get this many times the runs."""
FLOOR_CODE = (
    "import pathlib, sys, tomli\n"
    "data = [tomli.loads(p.read_text(encoding='utf-8'))"
    " for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml'))]"
)
"""The floor: start the interpreter, read and parse every TOML file, keep the data."""
LIBRARY_COMMANDS = ("check", "build", "coverage", "outline", "move", "status")
"""The commands timed on each generated library, besides the floor, each with an empty cache."""
WARM_COMMANDS = ("check-warm", "check-edit", "build-warm")
"""The same commands with the cache of parsed files filled by an earlier run."""
COLD_CACHE = generate.CACHE / "charter-cache-cold"
"""The children's cache of parsed files for cold runs: emptied before each run."""
WARM_CACHE = generate.CACHE / "charter-cache-warm"
"""The children's cache for warm runs, filled by the untimed warm-up runs."""
EDIT_CACHE = generate.CACHE / "charter-cache-edit"
"""The cache of the warm runs after one module changed (apart, so that its records of runs do
not replace those of the runs with nothing changed)."""
DIFF_FLOOR_CODE = (
    "import pathlib, sys, tomli\n"
    "data = [tomli.loads(p.read_text(encoding='utf-8'))"
    " for folder in sys.argv[1:] for p in sorted(pathlib.Path(folder).rglob('*.toml'))"
    " if '.git' not in p.parts]"
)
"""The floor of ``diff``: read and parse every TOML file of both versions, and nothing else."""
VERSIONS_VERSION = 1
"""Bump when the changes between the two revisions of :func:`ensure_versions` change."""
CHANGED_SHARE = 0.1
"""The share of the clauses the second revision changes."""
INSERTED_EVERY = 20
"""The second revision also inserts an article at the start of every twentieth module."""
VERSION_COMMANDS = ("diff-floor", "diff", "apply")
"""The commands timed on the two revisions of each generated library."""
HEAVY_MODULES = ("pydantic", "charter_cli.load", "charter_cli.draft")
"""Modules that ``--version`` and ``--help`` must not import."""
PYCACHE = generate.CACHE / "pycache"
"""Where the children keep their bytecode."""
PROFILE_START = "<!-- profile-and-findings:start -->"
PROFILE_END = "<!-- profile-and-findings:end -->"
PROFILE_PLACEHOLDER = """\
> **To be filled in by the engineer who optimises `charter`, from real profiles.**
> Nothing below this line was measured by `benchmarks/run.py`; re-running the
> benchmark keeps whatever is written between the markers of this section.

- Profile (command, tool, top entries by cumulative and own time): _not yet recorded_
- Where the time goes, stage by stage (load, validate, assemble, render, report): _not yet recorded_
- Where the memory goes: _not yet recorded_
- Changes made, and the numbers before and after: _not yet recorded_"""


class BenchmarkError(Exception):
    """A command did not behave as the benchmark needs (wrong exit code, failed check)."""


# --------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Sample:
    """One run of one command."""

    seconds: float
    peak_mib: float


@dataclass
class Series:
    """The runs of one command."""

    label: str
    samples: list[Sample] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """Median wall time."""
        return statistics.median(s.seconds for s in self.samples)

    @property
    def mib(self) -> float:
        """Median peak resident memory."""
        return statistics.median(s.peak_mib for s in self.samples)


@dataclass(frozen=True)
class Job:
    """A command to time: what to run and what to do before each run."""

    key: str
    label: str
    argv: list[str]
    prepare: Callable[[], None] | None = None
    cache: Path = COLD_CACHE
    """The child's cache folder; :data:`COLD_CACHE` is emptied before each run."""

    def setup(self) -> None:
        """What is done before each run, untimed."""
        if self.cache == COLD_CACHE:
            shutil.rmtree(COLD_CACHE, ignore_errors=True)
        if self.prepare is not None:
            self.prepare()

    @property
    def env(self) -> dict[str, str]:
        """The child's environment, with its cache folder."""
        return {**ENV, "CHARTER_CACHE_DIR": str(self.cache)}


def _environment() -> dict[str, str]:
    """The children's environment: no settings that change what charter does, bytecode cached.

    An installed tool runs from cached bytecode, so the children may write it, but
    under :data:`PYCACHE` (``PYTHONPYCACHEPREFIX``), never into the source tree.
    """
    env = dict(os.environ)
    for name in (
        "CHARTER_OUTPUT_FORMAT",
        "CHARTER_NO_CACHE",
        "GITHUB_STEP_SUMMARY",
        "PYTHONPROFILEIMPORTTIME",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["CHARTER_CACHE_DIR"] = str(WARM_CACHE)  # never the user's cache
    return env


ENV = _environment()


def _rss_mib(maxrss: int) -> float:
    """``ru_maxrss`` in MiB: kibibytes on Linux, bytes on macOS."""
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def run_once(argv: Sequence[str], env: dict[str, str] | None = None) -> Sample:
    """Run a command in a fresh process; its wall time and peak memory. It must exit 0."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=ENV if env is None else env,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", errors="replace")[-3000:]
            raise BenchmarkError(f"{' '.join(argv)} exited with {process.returncode}:\n{tail}")
    return Sample(seconds, _rss_mib(usage.ru_maxrss))


def measure(jobs: Sequence[Job], runs: int, what: str) -> dict[str, Series]:
    """Run every job ``runs`` times, interleaved, so that drift hits them all alike."""
    series = {job.key: Series(job.label) for job in jobs}
    for run in range(1, runs + 1):
        parts = []
        for job in jobs:
            job.setup()
            sample = run_once(job.argv, job.env)
            series[job.key].samples.append(sample)
            parts.append(f"{job.key} {sample.seconds:.3f}s")
        log(f"{what}: run {run}/{runs}: {', '.join(parts)}")
    return series


def log(message: str) -> None:
    """A progress line on stderr."""
    sys.stderr.write(f"[bench {time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


# --------------------------------------------------------------- two revisions


def _git(repo: Path, *args: str) -> None:
    env = {
        **ENV,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
    }
    subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
    )


_PLAIN_WORD = re.compile(r"^[A-Za-z]+$")
_REPLACEMENTS = ("jointly", "promptly", "together", "regularly", "fully", "effectively")


def _changed_clause(block: str, rng: random.Random) -> str:
    """A clause with one word of its first paragraph replaced, and now and then a new status."""
    lines = block.split("\n")
    for index, line in enumerate(lines):
        if line.startswith('text = "') and line.endswith('"'):
            words = line[len('text = "') : -1].split(" ")
            plain = [i for i, word in enumerate(words) if _PLAIN_WORD.match(word)]
            if plain:
                words[rng.choice(plain)] = rng.choice(_REPLACEMENTS)
                lines[index] = 'text = "' + " ".join(words) + '"'
            break
    if rng.random() < 0.25:
        if 'status = "proposed"' in lines:
            lines[lines.index('status = "proposed"')] = 'status = "bracketed"'
        elif not any(line.startswith("status = ") for line in lines):
            lines.insert(2, 'status = "proposed"')
    return "\n".join(lines)


def change_library(root: Path) -> tuple[int, int]:
    """Change a tenth of the clauses of ``root`` and insert a few articles; how many of each."""
    rng = random.Random(generate.SEED)  # noqa: S311 - a reproducible benchmark, not a secret
    changed = inserted = 0
    modules = sorted(root.glob("clauses/**/*.toml"))
    for number, path in enumerate(modules):
        blocks = path.read_text(encoding="utf-8").split("\n[[clause]]\n")
        for index in range(1, len(blocks)):
            if rng.random() < CHANGED_SHARE:
                blocks[index] = _changed_clause(blocks[index], rng)
                changed += 1
        if number % INSERTED_EVERY == 10 and "preamble" not in path.parts:
            inserted += 1
            blocks.insert(
                1,
                f'id = "bench-inserted-{inserted}"\ntitle = "Inserted article {inserted}"\n'
                'proposed_by = "joint"\ncovers = []\n'
                'text = "The Parties shall cooperate further in the matters of this chapter."\n',
            )
        path.write_text("\n[[clause]]\n".join(blocks), encoding="utf-8")
    return changed, inserted


def ensure_versions(size: int) -> Path:
    """A git repository with two commits: the library of ``size`` clauses, then a tenth changed."""
    library, _ = generate.ensure_library(size)
    target: Path = generate.CACHE / f"versions-v{generate.GENERATOR_VERSION}-{size}"
    key = f"{generate.generator_key()}, versions {VERSIONS_VERSION}"
    marker = target / ".git" / "charter-bench-key"
    if marker.is_file() and marker.read_text(encoding="utf-8") == key:
        return target
    work = Path(tempfile.mkdtemp(prefix=f"versions-{size}-", dir=generate.CACHE))
    try:
        ignore = shutil.ignore_patterns(".generator")
        shutil.copytree(library, work, dirs_exist_ok=True, ignore=ignore)
        _git(work, "init", "-q", "-b", "main")
        _git(work, "add", "-A")
        _git(work, "commit", "-q", "-m", "the library")
        changed, inserted = change_library(work)
        _git(work, "add", "-A")
        _git(work, "commit", "-q", "-m", f"{changed} clauses changed, {inserted} inserted")
        (work / ".git" / "charter-bench-key").write_text(key, encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        work.rename(target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    log(f"  two revisions: {changed} of {size} clauses changed, {inserted} articles inserted")
    return target


AMENDED_EVERY = 100
"""``apply --dry-run`` is timed with an adopted amendment to every hundredth clause."""
AMENDED_VERSION = 2
"""Bump when the amendments of :func:`ensure_amended` change."""


def ensure_amended(size: int) -> Path:
    """A copy of the library of ``size`` clauses with adopted amendments, fingerprinted."""
    import tomli

    library, _ = generate.ensure_library(size)
    target: Path = generate.CACHE / f"amended-v{generate.GENERATOR_VERSION}-{size}"
    key = f"{generate.generator_key()}, amendments {AMENDED_VERSION}"
    marker = target / ".charter-bench-key"
    if marker.is_file() and marker.read_text(encoding="utf-8") == key:
        return target
    work = Path(tempfile.mkdtemp(prefix=f"amended-{size}-", dir=generate.CACHE))
    try:
        shutil.copytree(library, work, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".*"))
        blocks = []
        targets = []  # (clause, paragraph or None, text): the first plain text of each clause
        for path in sorted((work / "clauses").rglob("*.toml")):
            for clause in tomli.loads(path.read_text(encoding="utf-8")).get("clause", []):
                texts = [(None, clause.get("text"))] + [
                    (p["id"], p.get("text")) for p in clause.get("paragraph", [])
                ]
                plain = [(p, t) for p, t in texts if t and "{" not in t and "[[" not in t]
                if plain:
                    targets.append((clause["id"], *plain[0]))
        for number, (ident, paragraph, text) in enumerate(targets[::AMENDED_EVERY], start=1):
            words = text.split()
            words[len(words) // 2] = "jointly"
            where = f'clause = "{ident}"' + (f', paragraph = "{paragraph}"' if paragraph else "")
            blocks.append(
                f"[[amendment]]\nnumber = {number}\n"
                f'tabled_by = [{{ member = "Member {number}" }}]\n'
                f'target = {{ {where} }}\nkind = "replace"\n'
                f"text = {json.dumps(' '.join(words), ensure_ascii=False)}\n"
                'outcome = "adopted"\n'
            )
        (work / "amendments").mkdir()
        (work / "amendments" / "bench.toml").write_text("\n".join(blocks), encoding="utf-8")
        subprocess.run(
            [str(CHARTER), "-C", str(work), "amendments", "fingerprint"],
            env=ENV,
            check=True,
            capture_output=True,
        )
        (work / ".charter-bench-key").write_text(key, encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        work.rename(target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    log(f"  amended copy: {len(blocks)} adopted amendments of {size} clauses")
    return target


# -------------------------------------------------------------------- the runs


@dataclass
class SizeResult:
    """Everything measured on the library of one size."""

    size: int
    files: int
    megabytes: float
    series: dict[str, Series]


@dataclass
class Results:
    """Everything measured in one benchmark run."""

    runs: int
    sizes: list[SizeResult]
    startup: dict[str, Series]
    startup_imports: dict[str, list[str]]
    """For ``--version`` and ``--help``: which of :data:`HEAVY_MODULES` they import."""


def assert_strict_check(library: Path) -> None:
    """``charter check --strict`` must pass on a generated library (also warms the caches)."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(CHARTER), "-C", str(library), "check", "--strict"],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    if done.returncode != 0:
        raise BenchmarkError(
            f"charter check --strict failed on {library} (exit {done.returncode}):\n"
            f"{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    log(f"  check --strict passed in {time.perf_counter() - start:.1f}s: {summary}")


def _library_size(library: Path) -> tuple[int, float]:
    """Number of TOML files and megabytes of all files of the library."""
    files = [p for p in library.rglob("*") if p.is_file() and p.name != ".generator"]
    tomls = sum(p.suffix == ".toml" for p in files)
    return tomls, sum(p.stat().st_size for p in files) / 1e6


def _first_and_last_clause(library: Path) -> tuple[str, str, str]:
    """The first clause of the first module and the last of the last (for the edits).

    Also a status the first clause does not have, so that ``status`` plans a real change.
    """
    import tomli

    modules = sorted((library / "clauses" / "principles").rglob("*.toml"))
    first = tomli.loads(modules[0].read_text(encoding="utf-8"))["clause"][0]
    last = tomli.loads(modules[-1].read_text(encoding="utf-8"))["clause"][-1]["id"]
    other = "bracketed" if first.get("status") == "proposed" else "proposed"
    return str(first["id"]), str(last), other


def bench_size(size: int, runs: int, *, formats: bool = True) -> SizeResult:
    """Generate (or reuse) the library of ``size`` clauses and time the commands on it."""
    log(f"size {size}: preparing the library")
    start = time.perf_counter()
    library, made = generate.ensure_library(size)
    files, megabytes = _library_size(library)
    how = "generated" if made else "reused from the cache"
    took = time.perf_counter() - start
    log(f"  {how}: {library} ({files} TOML files, {megabytes:.1f} MB) in {took:.1f}s")
    assert_strict_check(library)
    output = generate.CACHE / "out" / f"draft-{size}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    versions = ensure_versions(size)
    amended = ensure_amended(size)
    comparison = generate.CACHE / "out" / f"diff-{size}.json"

    def fresh_output() -> None:
        output.unlink(missing_ok=True)  # every build renders and writes the whole draft

    base = [str(CHARTER), "-C", str(library)]
    first, last, status = _first_and_last_clause(library)
    edited = _Edited(sorted((library / "clauses" / "principles").rglob("*.toml"))[0])
    jobs = [
        Job(
            "floor",
            "floor: python -c (tomli, every .toml)",
            [PYTHON, "-c", FLOOR_CODE, str(library)],
        ),
        Job("check", "charter check", [*base, "check"]),
        Job("build", "charter build -o FILE", [*base, "build", "-o", str(output)], fresh_output),
        Job("coverage", "charter coverage", [*base, "coverage"]),
        Job("outline", "charter outline", [*base, "outline"]),
        Job(
            "move",
            "charter move --dry-run",
            [*base, "move", last, "--before", first, "--dry-run"],
        ),
        Job("status", "charter status --dry-run", [*base, "status", first, status, "--dry-run"]),
        Job(
            "diff-floor",
            "floor of diff: python -c (tomli, every .toml of both revisions)",
            [PYTHON, "-c", DIFF_FLOOR_CODE, str(library), str(versions)],
        ),
        Job(
            "diff",
            "charter diff HEAD~1 HEAD --format json -o FILE",
            [
                *[str(CHARTER), "-C", str(versions), "diff", "HEAD~1", "HEAD"],
                *["--format", "json", "-o", str(comparison)],
            ],
        ),
        Job(
            "apply",
            "charter apply --dry-run",
            [str(CHARTER), "-C", str(amended), "apply", "--dry-run"],
        ),
        Job(
            "check-warm",
            "charter check, warm cache, nothing changed",
            [*base, "check"],
            edited.restore,
            WARM_CACHE,
        ),
        Job(
            "check-edit",
            "charter check, warm cache, one module changed",
            [*base, "check"],
            edited.change,
            EDIT_CACHE,
        ),
        Job(
            "build-warm",
            "charter build -o FILE, warm cache",
            [*base, "build", "-o", str(output)],
            lambda: (edited.restore(), fresh_output()),
            WARM_CACHE,
        ),
    ]
    if formats and size in FORMAT_SIZES:
        jobs += [_format_job(base, size, name) for name in FORMATS]
    if size in LANGUAGE_SIZES:
        jobs += _language_jobs(size)
    for job in jobs:  # warm-up, untimed: bytecode, file caches and the warm cache
        job.setup()
        run_once(job.argv, job.env)
    try:
        series = measure(jobs, runs, f"size {size}")
    finally:
        edited.restore()
    if not output.is_file():
        raise BenchmarkError(f"charter build exited 0 but wrote no {output}")
    series["serve-edit"] = bench_serve(library, runs, f"size {size}")
    return SizeResult(size, files, megabytes, series)


SERVE_LABEL = "charter serve: an edit shown"


def bench_serve(library: Path, runs: int, what: str) -> Series:
    """How long ``charter serve`` takes from an edit of one clause file to the new page.

    One server runs for all the edits. Each edit changes one clause's title in a copy of
    the library's first module (alternately adding and removing a word, so the page
    changes every time); the time is from the file's replacement to the server-sent
    event announcing the new page: watching, reading the library again, the page.
    The peak memory is the server's, at the end of all the edits.
    """
    module = sorted((library / "clauses").rglob("*.toml"))[0]
    original = module.read_text(encoding="utf-8")
    edited = original.replace('title = "', 'title = "Edited ', 1)
    process = subprocess.Popen(
        [str(CHARTER), "-C", str(library), "serve", "--port", "0"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENV, "PYTHONUNBUFFERED": "1"},
    )
    series = Series(SERVE_LABEL)
    try:
        url = _serving_at(process)
        with _events(url) as events:
            _next_event(events)  # the version now
            time.sleep(1.0)  # let the watcher settle on the folders
            for run in range(runs + 1):  # the first edit warms up, untimed
                text = edited if run % 2 == 0 else original
                start = time.perf_counter()
                _replace(module, text)
                _next_event(events)
                seconds = time.perf_counter() - start
                if run:
                    series.samples.append(Sample(seconds, 0.0))
                    log(f"{what}: serve edit {run}/{runs}: {seconds:.3f}s")
    finally:
        _replace(module, original)
        process.send_signal(signal.SIGINT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.stderr is not None:
            process.stderr.close()
    if process.returncode != 0:
        raise BenchmarkError(f"charter serve ended with {process.returncode} after Ctrl-C")
    peak = _rss_mib(usage.ru_maxrss)
    series.samples = [Sample(sample.seconds, peak) for sample in series.samples]
    return series


def _replace(path: Path, text: str) -> None:
    """Replace a file as an editor saves it: a new file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.bench")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _serving_at(process: subprocess.Popen[str]) -> str:
    assert process.stderr is not None  # noqa: S101 - opened as a pipe above
    for line in process.stderr:
        if line.startswith("serving the draft at "):
            return line.split(" at ", 1)[1].split(" ", 1)[0]
    raise BenchmarkError("charter serve ended before serving")


class _events:  # noqa: N801 - used as a context manager, like open()
    """The event stream of a preview server, read line by line."""

    def __init__(self, url: str) -> None:
        address = urllib.parse.urlsplit(url)
        self.connection = http.client.HTTPConnection(
            address.hostname or "", address.port, timeout=120
        )

    def __enter__(self) -> http.client.HTTPResponse:
        self.connection.request("GET", "/events")
        self.response = self.connection.getresponse()
        return self.response

    def __exit__(self, *exc: object) -> None:
        self.response.close()
        self.connection.close()


def _next_event(response: http.client.HTTPResponse) -> str:
    """The data of the next event (comments that keep the stream open are skipped)."""
    while True:
        line = response.readline().decode("ascii")
        if not line:
            raise BenchmarkError("the event stream of charter serve ended")
        if line.startswith("data: "):
            response.readline()
            return line.removeprefix("data: ").strip()


@dataclass
class _Edited:
    """One module changed before each warm run: a comment with a new number appended.

    Each run sees content the cache has never held, as after a save in an editor;
    :meth:`restore` puts the generated text back.
    """

    path: Path
    original: bytes = b""
    count: int = 0

    def __post_init__(self) -> None:
        # the text as generated, even if an interrupted benchmark left its comment in it
        self.original = re.sub(rb"\n# benchmark edit \d+\n$", b"", self.path.read_bytes())

    def change(self) -> None:
        self.count += 1
        self.path.write_bytes(self.original + f"\n# benchmark edit {self.count}\n".encode())

    def restore(self) -> None:
        # only when changed: a file saved just before a check is not recorded ("racily clean")
        if self.path.read_bytes() != self.original:
            self.path.write_bytes(self.original)


def _language_jobs(size: int) -> list[Job]:
    """The same library translated into Spanish, Portuguese and French (half done).

    ``check`` against the floor of all its files; ``build --lang all`` (the original
    and three translations, the default files under the library's ``build/``)
    against a build of the original alone.
    """
    library, made = generate.ensure_library(size, languages=True)
    files, megabytes = _library_size(library)
    log(f"  with translations: {library} ({files} TOML files, {megabytes:.1f} MB), made: {made}")
    assert_strict_check(library)
    base = [str(CHARTER), "-C", str(library)]
    single = generate.CACHE / "out" / f"draft-{size}-original.md"
    drafts = library / "build"
    return [
        Job(
            "lang-floor",
            "floor: python -c (tomli, every .toml, with translations)",
            [PYTHON, "-c", FLOOR_CODE, str(library)],
        ),
        Job("lang-check", "charter check (four languages)", [*base, "check"]),
        Job(
            "lang-build",
            "charter build -o FILE (four languages declared, the original built)",
            [*base, "build", "-o", str(single)],
            lambda: single.unlink(missing_ok=True),
        ),
        Job(
            "lang-build-all",
            "charter build --lang all (four drafts)",
            [*base, "build", "--lang", "all"],
            lambda: shutil.rmtree(drafts, ignore_errors=True),
        ),
    ]


def _format_job(base: list[str], size: int, name: str) -> Job:
    """``charter build --format NAME -o FILE``, the file deleted before each run."""
    output = generate.CACHE / "out" / f"draft-{size}.{name}"
    return Job(
        f"build-{name}",
        f"charter build --format {name} -o FILE",
        [*base, "build", "--format", name, "-o", str(output)],
        lambda: output.unlink(missing_ok=True),
    )


def startup_imports(option: str) -> list[str]:
    """Which of :data:`HEAVY_MODULES` ``charter OPTION`` imports (from ``-X importtime``)."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", str(CHARTER), option],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    return sorted(
        name
        for name in names
        if any(name == heavy or name.startswith(f"{heavy}.") for heavy in HEAVY_MODULES)
    )


def bench_startup(runs: int) -> tuple[dict[str, Series], dict[str, list[str]]]:
    """Time start-up: the floor ``import typer``, ``--version``, ``--help``, the shipped check."""
    log(f"start-up: {runs} runs each")
    jobs = [
        Job("import-typer", 'floor: python -c "import typer"', [PYTHON, "-c", "import typer"]),
        Job("version", "charter --version", [str(CHARTER), "--version"]),
        Job("help", "charter --help", [str(CHARTER), "--help"]),
        Job(
            "shipped-check",
            "charter check (shipped library, empty cache)",
            [str(CHARTER), "-C", str(REPO), "check"],
        ),
        Job(
            "shipped-warm",
            "charter check (shipped library, warm cache)",
            [str(CHARTER), "-C", str(REPO), "check"],
            cache=WARM_CACHE,
        ),
    ]
    for job in jobs:
        job.setup()
        run_once(job.argv, job.env)  # warm-up, untimed
    series = measure(jobs, runs, "start-up")
    imports = {option: startup_imports(option) for option in ("--version", "--help")}
    return series, imports


# ----------------------------------------------------------------- evaluating


@dataclass(frozen=True)
class Budget:
    """One budget and whether the measured numbers meet it."""

    what: str
    limit: str
    measured: str
    met: bool | None
    """``None`` when this run did not measure it (a size left out)."""
    recorded: bool = False
    """A figure recorded without a limit."""

    @property
    def verdict(self) -> str:
        """Met, not met, recorded, or not measured."""
        if self.recorded and self.met is not None:
            return "recorded"
        return {True: "met", False: "**not met**", None: "not measured"}[self.met]


def _by_size(results: Results) -> dict[int, SizeResult]:
    return {r.size: r for r in results.sizes}


def _ratio(value: float, floor: float) -> float:
    return value / floor if floor > 0 else float("inf")


def _times(ratio: float, limit: float) -> str:
    """A ratio with enough decimals that it never looks equal to a limit it passes."""
    return f"{ratio:.3f}x" if abs(ratio - limit) < 0.005 else f"{ratio:.2f}x"


def _time_budget(what: str, value: Series | None, floor: Series | None, limit: float) -> Budget:
    if value is None or floor is None:
        return Budget(what, f"at most {limit:g}x", "-", None)
    ratio = _ratio(value.seconds, floor.seconds)
    shown = f"{_times(ratio, limit)} ({value.seconds:.3f}s vs {floor.seconds:.3f}s)"
    return Budget(what, f"at most {limit:g}x", shown, ratio <= limit)


def budgets(results: Results) -> list[Budget]:
    """Every budget the page states, judged from the measured numbers."""
    start = results.startup
    typer_floor = start.get("import-typer")
    rows = [
        _time_budget(
            '`charter --version` vs `python -c "import typer"`',
            start.get("version"),
            typer_floor,
            1.2,
        ),
        _time_budget(
            '`charter --help` vs `python -c "import typer"`', start.get("help"), typer_floor, 1.2
        ),
    ]
    for option, heavy in results.startup_imports.items():
        shown = ", ".join(f"`{name}`" for name in heavy[:6]) if heavy else "neither"
        more = f" and {len(heavy) - 6} more" if len(heavy) > 6 else ""
        rows.append(
            Budget(
                f"`charter {option}` imports Pydantic or the loader",
                "neither",
                shown + more,
                not heavy,
            )
        )
    rows += [
        _time_budget(
            f'`charter check` on the shipped library, {what} cache, vs `python -c "import typer"`',
            start.get(key),
            typer_floor,
            limit,
        )
        for key, what, limit in (("shipped-warm", "warm", 1.5), ("shipped-check", "empty", 3.0))
    ]
    sizes = _by_size(results)
    for size in (10_000, 100_000):
        result = sizes.get(size)
        floor = result.series.get("floor") if result else None
        for command in ("check", "build"):
            value = result.series.get(command) if result else None
            rows.append(
                _time_budget(
                    f"`charter {command}` at {size:,} clauses, empty cache, vs the floor",
                    value,
                    floor,
                    2.0,
                )
            )
        rows.append(
            _time_budget(
                f"`charter check` at {size:,} clauses, warm cache, one module changed, "
                "vs the floor",
                result.series.get("check-edit") if result else None,
                floor,
                0.5,
            )
        )
    result = sizes.get(10_000)
    rows.append(
        _time_budget(
            "`charter serve`: an edit shown at 10,000 clauses vs `charter build` (Markdown)",
            result.series.get("serve-edit") if result else None,
            result.series.get("build") if result else None,
            1.5,
        )
    )
    rows.append(
        _time_budget(
            "`charter diff` of two revisions at 10,000 clauses (a tenth changed) vs the floor of "
            "reading both",
            result.series.get("diff") if result else None,
            result.series.get("diff-floor") if result else None,
            3.0,
        )
    )
    small, large = sizes.get(10_000), sizes.get(100_000)
    rows += [
        _time_budget(
            f"growth of `charter {command}` from 10,000 to 100,000 clauses",
            large.series[command] if large else None,
            small.series[command] if small else None,
            11.0,
        )
        for command in ("check", "build")
    ]
    rows += [
        _memory_budget(size, command, sizes.get(size))
        for size in (10_000, 100_000)
        for command in ("check", "build", "coverage", "check-warm", "check-edit")
    ]
    rows += _format_budgets(sizes.get(10_000))
    rows += _language_budgets(sizes.get(10_000))
    return rows


def _memory_budget(size: int, command: str, result: SizeResult | None) -> Budget:
    """Peak memory of a command against the floor's at one size: at most 3x."""
    name, _, kind = command.partition("-")
    warm = {"warm": " (warm cache, nothing changed)", "edit": " (warm cache, one module changed)"}
    what = f"peak memory of `charter {name}`{warm.get(kind, '')} at {size:,} clauses vs the floor"
    if result is None or command not in result.series:
        return Budget(what, "at most 3x", "-", None)
    value, floor = result.series[command], result.series["floor"]
    ratio = _ratio(value.mib, floor.mib)
    shown = f"{_times(ratio, 3.0)} ({value.mib:.0f} MiB vs {floor.mib:.0f} MiB)"
    return Budget(what, "at most 3x", shown, ratio <= 3.0)


def _language_budgets(result: SizeResult | None) -> list[Budget]:
    """The library in four languages at 10,000 clauses."""
    whats = {
        "lang-check": "`charter check` with four languages at 10,000 clauses vs the floor",
        "lang-build-all": "`charter build --lang all` (four languages) at 10,000 clauses "
        "vs a single-language build",
    }
    rows = []
    for key, (base, limit) in LANGUAGE_LIMITS.items():
        value = result.series.get(key) if result else None
        floor = result.series.get(base) if result else None
        rows.append(_time_budget(whats[key], value, floor, limit))
    return rows


def _format_budgets(result: SizeResult | None) -> list[Budget]:
    """Each format at 10,000 clauses against the Markdown build."""
    rows = []
    for name in FORMATS:
        what = f"`charter build --format {name}` at 10,000 clauses vs the Markdown build"
        value = result.series.get(f"build-{name}") if result else None
        markdown = result.series.get("build") if result else None
        limit = FORMAT_LIMITS[name]
        if limit is not None:
            rows.append(_time_budget(what, value, markdown, limit))
        elif value is None or markdown is None:
            rows.append(Budget(what, "recorded", "-", None, recorded=True))
        else:
            ratio = _ratio(value.seconds, markdown.seconds)
            shown = f"{ratio:.2f}x ({value.seconds:.3f}s vs {markdown.seconds:.3f}s)"
            rows.append(Budget(what, "recorded", shown, True, recorded=True))
    return rows


# ------------------------------------------------------------------- tables


def _floor_of(key: str) -> str:
    """The series a command is judged against: the floor, or the floor of its own kind."""
    if key == "diff":
        return "diff-floor"
    return "lang-floor" if key.startswith("lang-") else "floor"


def size_rows(results: Results) -> list[list[str]]:
    """Size x command: median seconds, x floor, peak MiB, x floor's peak."""
    rows = []
    for result in results.sizes:
        keys = (
            "floor",
            *LIBRARY_COMMANDS,
            *WARM_COMMANDS,
            *(f"build-{n}" for n in FORMATS),
            "serve-edit",
            *VERSION_COMMANDS,
            *("lang-floor", "lang-check", "lang-build", "lang-build-all"),
        )
        for key in (k for k in keys if k in result.series):
            series = result.series[key]
            floor = result.series[_floor_of(key)]
            rows.append(
                [
                    f"{result.size:,}",
                    series.label,
                    f"{series.seconds:.3f}",
                    f"{_ratio(series.seconds, floor.seconds):.2f}x",
                    f"{series.mib:.1f}",
                    f"{_ratio(series.mib, floor.mib):.2f}x",
                ]
            )
    return rows


SIZE_HEADER = ["clauses", "command", "median s", "x floor", "peak MiB", "x floor MiB"]
STARTUP_HEADER = ["command", "median s", "ratio", "peak MiB"]
GROWTH_HEADER = ["command", "from", "to", "time growth", "(floor growth)"]


def startup_rows(results: Results) -> list[list[str]]:
    """Start-up commands against ``import typer``, the shipped check against ``--version``."""
    start = results.startup
    rows = []
    for key, base, name in (
        ("import-typer", "import-typer", "import typer"),
        ("version", "import-typer", "import typer"),
        ("help", "import-typer", "import typer"),
        ("shipped-check", "import-typer", "import typer"),
        ("shipped-warm", "import-typer", "import typer"),
    ):
        series = start[key]
        ratio = _ratio(series.seconds, start[base].seconds)
        rows.append(
            [series.label, f"{series.seconds:.3f}", f"{ratio:.2f}x {name}", f"{series.mib:.1f}"]
        )
    return rows


def growth_rows(results: Results) -> list[list[str]]:
    """Time growth between consecutive sizes, for every command and the floor."""
    rows = []
    for small, large in zip(results.sizes, results.sizes[1:], strict=False):
        floor = _ratio(large.series["floor"].seconds, small.series["floor"].seconds)
        for key in (*LIBRARY_COMMANDS, *WARM_COMMANDS, "diff", "serve-edit"):
            growth = _ratio(large.series[key].seconds, small.series[key].seconds)
            rows.append(
                [
                    large.series[key].label.split(" -o")[0],
                    f"{small.size:,}",
                    f"{large.size:,}",
                    f"{growth:.2f}x",
                    f"{floor:.2f}x",
                ]
            )
    return rows


def text_table(header: list[str], rows: list[list[str]]) -> str:
    """A plain table for the terminal; numbers aligned right."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = [
            cell.ljust(width) if i < 2 and not cell[:1].isdigit() else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def markdown_table(header: list[str], rows: list[list[str]], right: int = 1) -> str:
    """A Markdown table; columns from ``right`` on are aligned right."""
    align = ["---" if i < right else "---:" for i in range(len(header))]
    lines = [header, align, *rows]
    return "\n".join(
        "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in lines
    )


def terminal_report(results: Results) -> str:
    """What is printed on stdout at the end."""
    parts = [
        f"Library commands (median of {results.runs} runs, fresh processes)",
        text_table(SIZE_HEADER, size_rows(results)),
        "",
        f"Start-up (median of {results.runs * STARTUP_FACTOR} runs)",
        text_table(STARTUP_HEADER, startup_rows(results)),
    ]
    growth = growth_rows(results)
    if growth:
        parts += ["", "Growth with the library's size", text_table(GROWTH_HEADER, growth)]
    parts += ["", "Budgets"]
    parts += [
        f"  {b.verdict.strip('*'):>12}  {b.what}: {b.measured} (budget {b.limit})"
        for b in budgets(results)
    ]
    return "\n".join(parts) + "\n"


# ------------------------------------------------------------------ the page


def machine() -> list[tuple[str, str]]:
    """What the numbers were measured on."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(
            r"^model name\s*:\s*(.+)$",
            cpuinfo.read_text(encoding="utf-8", errors="replace"),
            re.MULTILINE,
        )
        model = found.group(1).strip() if found else model
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    rows = [
        ("CPU", model),
        ("cores", f"{os.cpu_count()} (usable by this process: {usable})"),
        ("system", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
    ]
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        found = re.search(
            r"^MemTotal:\s*(\d+) kB", meminfo.read_text(encoding="utf-8"), re.MULTILINE
        )
        if found:
            rows.append(("memory", f"{int(found.group(1)) / 1024 / 1024:.1f} GiB"))
    if hasattr(os, "getloadavg"):
        rows.append(
            (
                "load average",
                "{:.2f}, {:.2f}, {:.2f} (1, 5, 15 min, at the end)".format(*os.getloadavg()),
            )
        )
    versions = []
    for name in ("charter-drafter", "typer", "pydantic", "tomli", "rich"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    rows.append(("packages", ", ".join(versions)))
    return rows


def write_chart(results: Results, target: Path) -> str | None:
    """Time against size, log-log; ``None`` if written, else why not."""
    try:
        import matplotlib as mpl

        mpl.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "matplotlib is not installed (pip install -e '.[bench]'), so there is no chart"
    sizes = [r.size for r in results.sizes]
    figure, axes = plt.subplots(figsize=(8, 5), dpi=110)
    styles = {
        "floor": ("k", "--"),
        "check": ("tab:blue", "-"),
        "build": ("tab:orange", "-"),
        "serve-edit": ("tab:cyan", "-."),
        "coverage": ("tab:green", "-"),
        "outline": ("tab:olive", "-."),
        "move": ("tab:brown", "-."),
        "status": ("tab:pink", "-."),
        "diff": ("tab:red", "-"),
        "apply": ("tab:purple", "-."),
        "check-warm": ("tab:cyan", ":"),
        "check-edit": ("tab:blue", ":"),
        "build-warm": ("tab:orange", ":"),
    }
    for key, (colour, style) in styles.items():
        label = results.sizes[0].series[key].label
        values = [r.series[key].seconds for r in results.sizes]
        axes.plot(sizes, values, style, color=colour, marker="o", label=label)
    for key, colour in (("version", "tab:purple"), ("import-typer", "grey")):
        series = results.startup[key]
        axes.axhline(
            series.seconds, color=colour, linestyle=":", label=f"{series.label} (no library)"
        )
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("clauses in the library")
    axes.set_ylabel("median wall time (s)")
    axes.set_title("charter against the floor, empty (solid) and warm (dotted) cache")
    axes.grid(visible=True, which="both", alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(target, metadata={"Software": None})
    plt.close(figure)
    return None


def _kept_findings(page: Path) -> str:
    """The engineer's text of the "Profile and findings" section of an existing page."""
    if not page.is_file():
        return PROFILE_PLACEHOLDER
    text = page.read_text(encoding="utf-8")
    start, end = text.find(PROFILE_START), text.find(PROFILE_END)
    if start < 0 or end < start:
        return PROFILE_PLACEHOLDER
    return text[start + len(PROFILE_START) : end].strip("\n")


def _library_rows(results: Results) -> list[list[str]]:
    return [[f"{r.size:,}", str(r.files), f"{r.megabytes:.1f}"] for r in results.sizes]


def page(results: Results, out: Path, command: str, chart_note: str | None) -> str:
    """The Markdown of ``docs/performance.md``."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    chart = (
        f"![Median wall time against library size, log-log]({out.with_suffix('.png').name})"
        if chart_note is None
        else f"_No chart: {chart_note}._"
    )
    budget_rows = [[b.what, b.limit, b.measured, b.verdict] for b in budgets(results)]
    sections = [
        "# Performance",
        "How fast `charter` is on large libraries, measured against **the floor**: a fresh "
        "Python process that reads and parses the same TOML files with tomli and does nothing "
        "else. No implementation of the tool can be much faster than the floor, so the budgets "
        "below are ratios to it, which keeps them meaningful on any machine. The page is written "
        "by `benchmarks/run.py`; do not edit the numbers by hand.",
        "## Running the benchmark",
        "```console\n"
        "$ pip install -e '.[bench]'                 # matplotlib, for the chart\n"
        "$ python benchmarks/run.py                  # sizes 1000,10000,100000, 5 runs: a few minutes\n"
        "$ python benchmarks/run.py --quick          # sizes 1000,10000, 3 runs: a fast look\n"
        "$ python benchmarks/run.py --sizes 1000,10000,100000 --runs 5 --out docs/performance.md\n"
        "```",
        "It is not part of `pytest`. For each size it generates a synthetic library "
        f"(`benchmarks/generate.py`, fixed seed; cached in `{generate.CACHE}` and reused while the "
        "generator is unchanged), asserts once that `charter check --strict` passes on it (which "
        "also warms the file cache), then runs each command in a fresh process, interleaved, "
        "and reports the median. The children keep their bytecode under "
        f"`{PYCACHE}` (`PYTHONPYCACHEPREFIX`), as an installed tool would, and untimed "
        "warm-up runs (one per command and size) fill it first. `--out FILE` writes this page and the chart next to it; "
        "`--json FILE` keeps the raw samples. Peak memory is the maximum resident set size of "
        "the child process (`os.wait4`), so a POSIX system is needed.",
        "What is timed, each with `-C LIBRARY`, using the `charter` console script of the active "
        "virtual environment:\n\n"
        "- **floor**: `python -c` that imports tomli and keeps `tomli.loads(...)` of every `.toml` "
        "file under the library (read as UTF-8, in sorted order);\n"
        "- `charter check`, `charter build -o FILE` (the file is deleted before each run, so "
        "every run renders and writes the whole draft), `charter coverage` and `charter outline` "
        "(their output goes to `/dev/null`), and two editing commands with `--dry-run`, which plan "
        "the edit and check the library as it would be but write nothing (the cached library "
        "stays as generated): `charter move LAST --before FIRST` (the last clause of the last "
        "module of `clauses/principles` before the first clause of the first) and `charter status "
        "FIRST proposed`;\n"
        "- `charter build --format html|akn|docx|pdf -o FILE` (HTML, Akoma Ntoso, Word, PDF), at "
        f"{' and '.join(f'{n:,}' for n in FORMAT_SIZES)} clauses only, judged against the "
        "Markdown build of the same size;\n"
        "- `charter serve: an edit shown`: one `charter serve --port 0` runs while a clause's "
        "title in the first module is changed (the file replaced, as an editor saves it) once "
        "per run; the time is from the replacement to the server-sent event that announces the "
        "new page (the watcher, reading the library again, building the page), and the peak "
        "memory is the server's after all the edits;\n"
        "- `charter diff HEAD~1 HEAD --format json -o FILE` in a git repository of two commits: "
        "the library, then a tenth of its clauses changed (a word of a paragraph replaced, a "
        "quarter of those also given a new status) and an article inserted at the start of every "
        "twentieth module, which renumbers the articles after it; against the **floor of diff**, "
        "`python -c` parsing every `.toml` file of both revisions (checked out in two folders), "
        "since a comparison cannot read less than both;\n"
        f"- `charter apply --dry-run` on a copy of the library with an adopted amendment to every "
        f"{AMENDED_EVERY}th clause (one word of its text replaced), which plans the "
        "consolidation and checks the library as it would leave it, but writes nothing;\n"
        "- warm runs, with the cache of parsed files (see the README) filled by the untimed "
        "warm-up: `charter check` with nothing changed, `charter check` after one module changed "
        "(a comment with a new number is appended to the first module of `clauses/principles` "
        "before each run, so that module is never in the cache, as after a save in an editor; "
        "the text is restored at the end), and `charter build -o FILE`. Every other run starts "
        f"with an empty cache (`CHARTER_CACHE_DIR={COLD_CACHE}`, deleted before each run, untimed), "
        "so it pays for writing the cache too: what the first run after installing costs;\n"
        "- the same library translated into Spanish and Portuguese (complete, required) and "
        "French (every other unit), at "
        f"{' and '.join(f'{n:,}' for n in LANGUAGE_SIZES)} clauses: `charter check` against the "
        "floor of all its files (translations included), and `charter build --lang all` (the "
        "original and three translations, four files) against `charter build -o FILE` of the "
        "same library (the original alone);\n"
        '- start-up: `charter --version` and `charter --help` against `python -c "import typer"`, '
        "and `charter check` on the shipped library, with an empty and with a warm cache, "
        f'against `python -c "import typer"` ({STARTUP_FACTOR} times as many runs, since they are '
        "short).",
        "The generated libraries: about one requirement per five clauses, in catalogues of at "
        f"most {generate.REQUIREMENTS_PER_SOURCE:,} requirements, each with a source text with "
        "`[[section]]` markers from which every quote (6 to 20 words, starting at a word) is "
        "taken; modules of 40 to 60 clauses in topic folders under `clauses/principles`, "
        "`clauses/instruments/{public,state,regional}`, `clauses/cooperation/{conceptual,material}` "
        "and `clauses/institutions`, plus recitals in `clauses/preamble` (1%); one title per "
        "folder and one chapter per topic in the manifest, placed by globs (every seventh "
        "chapter lists its modules by path); each clause covers one to three requirements and "
        "has three numbered paragraphs of 80 to 200 words, about a third of them with a "
        "`[[clause-id]]` cross-reference; statuses and six parties mixed. Words are drawn with a "
        f"Zipf-like frequency from {generate.VOCABULARY_SIZE:,} words: those of the study text "
        "`charter_cli/catalogues/grabendorff-2008.txt` and words derived from them.",
        markdown_table(["clauses", "TOML files", "MB on disk"], _library_rows(results)),
        "## Machine",
        f"Measured {when} with `{command}` ({results.runs} runs per library command).",
        markdown_table(["", "this run"], [[k, v] for k, v in machine()], right=2),
        "## Budgets",
        "Each budget is judged from the medians of this run.",
        markdown_table(["budget", "limit", "measured", "verdict"], budget_rows, right=4),
        "## Results",
        f"Library commands (median of {results.runs} runs, fresh processes); "
        "`x floor` is the ratio to the floor at the same size, for time and for peak memory "
        "(for `diff`, to the floor of reading both revisions).",
        markdown_table(SIZE_HEADER, size_rows(results), right=2),
        f"Start-up (median of {results.runs * STARTUP_FACTOR} runs).",
        markdown_table(STARTUP_HEADER, startup_rows(results)),
    ]
    growth = growth_rows(results)
    if growth:
        sections += [
            "Growth of the median time between sizes (linear growth from 10,000 to 100,000 "
            "clauses is 10x).",
            markdown_table(GROWTH_HEADER, growth, right=3),
        ]
    sections += [
        chart,
        "## Profile and findings",
        f"{PROFILE_START}\n{_kept_findings(out)}\n{PROFILE_END}",
    ]
    return "\n\n".join(sections) + "\n"


def results_json(results: Results) -> str:
    """The raw samples, for comparing runs."""

    def dump(series: dict[str, Series]) -> dict[str, object]:
        return {
            key: {
                "label": s.label,
                "seconds": [x.seconds for x in s.samples],
                "peak_mib": [x.peak_mib for x in s.samples],
            }
            for key, s in series.items()
        }

    data = {
        "runs": results.runs,
        "sizes": [
            {"size": r.size, "files": r.files, "series": dump(r.series)} for r in results.sizes
        ],
        "startup": dump(results.startup),
        "startup_imports": results.startup_imports,
        "machine": dict(machine()),
    }
    return json.dumps(data, indent=2) + "\n"


# ------------------------------------------------------------------- main


def _sizes(value: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"sizes are whole numbers separated by commas: {value!r}"
        ) from None
    if not sizes or any(size < 10 for size in sizes):
        raise argparse.ArgumentTypeError("give one or more sizes of at least 10 clauses")
    return sorted(set(sizes))


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py",
        description="Benchmark charter against the floor (tomli parsing the same files).",
    )
    parser.add_argument(
        "--sizes", type=_sizes, help="library sizes in clauses (default 1000,10000,100000)"
    )
    parser.add_argument(
        "--runs", type=int, help=f"runs per command, median taken (default {DEFAULT_RUNS})"
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"sizes 1000,10000 and {QUICK_RUNS} runs"
    )
    parser.add_argument(
        "--out", type=Path, help="write the Markdown page here (and the chart next to it)"
    )
    parser.add_argument("--json", type=Path, help="write the raw samples here")
    parser.add_argument(
        "--skip-formats",
        action="store_true",
        help="do not time build --format akn|docx|pdf (a PDF of 10,000 clauses takes minutes)",
    )
    arguments = parser.parse_args(argv)
    if arguments.sizes is None:
        arguments.sizes = list(QUICK_SIZES if arguments.quick else DEFAULT_SIZES)
    if arguments.runs is None:
        arguments.runs = QUICK_RUNS if arguments.quick else DEFAULT_RUNS
    if arguments.runs < 1:
        parser.error("--runs must be at least 1")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 when it ran (whether or not the budgets are met)."""
    arguments = parse_arguments(argv)
    if not CHARTER.is_file():
        sys.stderr.write(f"error: no charter console script at {CHARTER}; pip install -e . first\n")
        return 2
    began = time.perf_counter()
    try:
        startup, imports = bench_startup(arguments.runs * STARTUP_FACTOR)
        sizes = [
            bench_size(size, arguments.runs, formats=not arguments.skip_formats)
            for size in arguments.sizes
        ]
    except BenchmarkError as error:
        sys.stderr.write(f"error: {error}\n")
        return 1
    results = Results(arguments.runs, sizes, startup, imports)
    sys.stdout.write(terminal_report(results))
    if arguments.json is not None:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        arguments.json.write_text(results_json(results), encoding="utf-8")
        log(f"wrote {arguments.json}")
    if arguments.out is not None:
        out: Path = arguments.out
        out.parent.mkdir(parents=True, exist_ok=True)
        note = write_chart(results, out.with_suffix(".png"))
        if note is None:
            log(f"wrote {out.with_suffix('.png')}")
        else:
            log(f"note: {note}")
        command = " ".join(
            ["python benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]
        )
        out.write_text(page(results, out, command, note), encoding="utf-8")
        log(f"wrote {out}")
    log(f"done in {time.perf_counter() - began:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
