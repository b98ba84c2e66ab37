import subprocess
import sys

from charter_cli.models import Clause, Requirement
from charter_cli.vocabulary import Level, RequirementKind, Status
from helpers import invoke


def test_the_models_validate_against_the_vocabulary() -> None:
    assert Requirement.model_fields["level"].annotation is Level
    assert Requirement.model_fields["kind"].annotation is RequirementKind
    assert Clause.model_fields["status"].annotation == Status | None


def test_the_options_take_the_same_values() -> None:
    result = invoke("list", "--status", "agred")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: invalid value for '--status': 'agred' is not one of 'proposed', 'bracketed', "
        "'agreed' (hint: did you mean 'agreed'?)\n"
    )


def test_the_vocabulary_imports_only_the_standard_library() -> None:
    code = (
        "import sys; before = set(sys.modules); import charter_cli.vocabulary; "
        "print(' '.join(sorted({m.split('.')[0] for m in set(sys.modules) - before})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    new = set(loaded.stdout.split())
    assert new - set(sys.stdlib_module_names) == {"charter_cli"}
