from charter_cli.draft.analysis import analyse
from charter_cli.errors import ExitCode
from helpers import WriteProject

SPARE = (
    '[[clause]]\nid = "spare"\ntitle = "S"\nstatus = "agreed"\nproposed_by = "joint"\ntext = "T."\n'
)


def test_exit_codes_follow_the_worst_finding(write_project: WriteProject) -> None:
    assert analyse(write_project()).exit_code() is ExitCode.OK
    warned = analyse(write_project({"clauses/spare.toml": SPARE}))
    assert warned.exit_code() is ExitCode.OK
    assert warned.exit_code(strict=True) is ExitCode.FINDINGS
    unreadable = analyse(write_project({"clauses/spare.toml": "x = \n"}))
    assert unreadable.exit_code() is ExitCode.USAGE


def test_coverage_gaps_do_not_block_a_build(write_project: WriteProject) -> None:
    root = write_project()
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'include = ["clauses/provisions/objectives.toml"]', "include = []"
        ),
        encoding="utf-8",
    )
    analysis = analyse(root)
    assert [f.code for f in analysis.findings] == ["CH223", "CH208", "CH301"]
    assert analysis.blocking == []
    assert analysis.exit_code() is ExitCode.FINDINGS
