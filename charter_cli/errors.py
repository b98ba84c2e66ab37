"""The exit codes of ``charter`` and the one exception root of the tool.

Core modules raise subclasses of :class:`CharterError` for conditions that stop a
command outright (no project, a file that must not be overwritten, an unknown ID
asked for on the command line). Problems *in* the library are not exceptions:
they are :class:`~charter_cli.findings.Finding` values collected and reported
together. The CLI catches ``CharterError`` in one place and prints one line.
"""

from enum import IntEnum


class ExitCode(IntEnum):
    """What a ``charter`` run tells its caller: a contract, tested one by one."""

    OK = 0
    """The run succeeded and found nothing to report."""

    FINDINGS = 1
    """The run completed and reported findings (errors, or warnings under ``--strict``)."""

    USAGE = 2
    """Bad command-line usage, no project found, or input that could not be read or parsed."""


class CharterError(Exception):
    """A condition that stops a command; carries the exit code and an optional hint."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message} (hint: {self.hint})"


class ProjectNotFoundError(CharterError):
    """No ``charter.toml`` in the starting folder or any folder above it."""


class UnknownIdError(CharterError):
    """An ID given on the command line names no clause, requirement or article."""


class WriteRefusedError(CharterError):
    """Writing would overwrite or clobber something the user did not ask to replace."""


class InvalidInputError(CharterError):
    """A value given on the command line (or a file it names) is not acceptable."""
