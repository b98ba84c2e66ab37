from charter_cli.load.includes import glob_regex, is_module_entry


def test_glob_stays_within_a_folder_unless_double_star() -> None:
    assert glob_regex("clauses/*.toml").fullmatch("clauses/a.toml")
    assert not glob_regex("clauses/*.toml").fullmatch("clauses/sub/a.toml")
    assert glob_regex("clauses/**/*.toml").fullmatch("clauses/sub/deeper/a.toml")
    assert glob_regex("clauses/**/*.toml").fullmatch("clauses/a.toml")
    assert not glob_regex("clauses/a?.toml").fullmatch("clauses/a/.toml")
    assert glob_regex("clauses/a+b (1).toml").fullmatch("clauses/a+b (1).toml")


def test_module_entries_end_in_toml() -> None:
    assert is_module_entry("clauses/x.toml")
    assert not is_module_entry("drugs-precursors")
