from charter_cli import choices
from charter_cli.models import Level, RequirementKind, Status
from charter_cli.reports import OutputFormat


def test_choices_mirror_the_enums() -> None:
    assert tuple(member.value for member in Level) == choices.LEVELS
    assert tuple(member.value for member in RequirementKind) == choices.KINDS
    assert tuple(member.value for member in Status) == choices.STATUSES
    assert tuple(member.value for member in OutputFormat) == choices.OUTPUT_FORMATS


def test_starting_with() -> None:
    assert choices.starting_with(choices.LEVELS, "s") == ["state"]
    assert choices.starting_with(choices.LEVELS, "") == list(choices.LEVELS)
