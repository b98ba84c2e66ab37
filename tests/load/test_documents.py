from pathlib import Path

from charter_cli.findings import Finding
from charter_cli.load.documents import Document, read_document, read_text


def test_reads_utf8_and_drops_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"\xef\xbb\xbfa = 1\n")
    doc = read_document(path, "a.toml")
    assert isinstance(doc, Document)
    assert doc.data == {"a": 1}


def test_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"a = 1\r\n[t]\r\nb = 2\r\n")
    doc = read_document(path, "a.toml")
    assert isinstance(doc, Document)
    assert doc.line(("t", "b")) == 3


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b'a = "ok"\nb = "caf\xe9"\n')
    finding = read_text(path, "a.toml")
    assert isinstance(finding, Finding)
    assert (finding.code, finding.line) == ("CH002", 2)
    assert "0xe9" in finding.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = read_text(tmp_path / "nope.toml", "nope.toml")
    folder = read_text(tmp_path, "dir")
    assert isinstance(missing, Finding) and missing.code == "CH001"
    assert isinstance(folder, Finding) and folder.message == "is a folder, not a file"


def test_invalid_toml_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('a = 1\nb = "unclosed\n', encoding="utf-8")
    finding = read_document(path, "a.toml")
    assert isinstance(finding, Finding)
    assert finding.code == "CH003"
    assert finding.line == 2
    assert finding.format().startswith("a.toml:2: CH003 error: invalid TOML:")


def test_files_over_the_size_limit_are_not_read(tmp_path: Path) -> None:
    from charter_cli.load.documents import MAX_FILE_BYTES

    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:  # sparse: the size without writing 8 MiB
        stream.truncate(MAX_FILE_BYTES + 1)
    finding = read_text(path, "clauses/huge.toml")
    assert isinstance(finding, Finding)
    assert finding.code == "CH004"
    assert finding.format() == (
        "clauses/huge.toml: CH004 error: file is 8.0 MiB; files over 8 MiB are not read "
        "(hint: split it into several files)"
    )
    just_under = tmp_path / "ok.toml"
    just_under.write_bytes(b"a = 1\n")
    assert read_text(just_under, "ok.toml") == "a = 1\n"


def test_nesting_beyond_the_parser_limits_is_a_syntax_finding(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text('id = "x"\ncovers = ' + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    finding = read_document(path, "deep.toml")
    assert isinstance(finding, Finding)
    assert (finding.code, finding.line) == ("CH003", 2)
    assert "nested more than the allowed" in finding.message
