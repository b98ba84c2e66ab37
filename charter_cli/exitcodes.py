"""The exit codes of the ``charter`` command: a contract, tested one by one."""

from enum import IntEnum


class ExitCode(IntEnum):
    """What a ``charter`` run tells its caller."""

    OK = 0
    """The run succeeded and found nothing to report."""

    FINDINGS = 1
    """The run completed and reported findings (errors, or warnings under ``--strict``)."""

    USAGE = 2
    """Bad command-line usage, no project found, or input that could not be read or parsed."""
