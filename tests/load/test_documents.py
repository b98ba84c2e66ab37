import os
from pathlib import Path

from charter_cli.findings import Finding
from charter_cli.load.documents import (
    Document,
    parse_toml,
    read_bytes,
    read_document,
    read_text,
    wide_encoding,
)


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


def test_only_regular_files_are_read_and_never_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    found = read_text(fifo, "fifo.toml")  # would block for ever if opened for reading plainly
    assert isinstance(found, Finding)
    assert (found.code, found.message) == (
        "CH001",
        "is a FIFO (named pipe), not a regular file; it is not read",
    )
    device = read_text(Path("/dev/zero"), "zero.toml")
    assert isinstance(device, Finding)
    assert device.message.startswith("is a device")
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    looped = read_text(loop, "loop.toml")
    assert isinstance(looped, Finding)
    assert looped.message == "is a symbolic link that loops; it is not read"
    dangling = tmp_path / "dangling.toml"
    dangling.symlink_to(tmp_path / "nowhere.toml")
    missing = read_text(dangling, "dangling.toml")
    assert isinstance(missing, Finding)
    assert missing.message == "is a symbolic link to a file that does not exist"


def test_a_file_that_grows_past_the_limit_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x" * 2000)
    assert isinstance(read_bytes(path, "a.toml", limit=1000), Finding)
    assert read_bytes(path, "a.toml", limit=4000) == b"x" * 2000


def test_wide_encodings_are_named(tmp_path: Path) -> None:
    for encoding, name in (("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32", "UTF-32")):
        path = tmp_path / f"{encoding}.toml"
        path.write_bytes('title = "Objectives"\n'.encode(encoding))
        found = read_text(path, path.name)
        assert isinstance(found, Finding), encoding
        assert found.message == f"not valid UTF-8: the file is {name} text", encoding
    assert wide_encoding(b"plain ascii") is None


def test_characters_toml_refuses_are_named_at_their_line() -> None:
    cases = {
        'a = 1\nb = "x\x1by"\n': (2, "control character \\x1b is not allowed here"),
        'a = "x\ry"\n': (1, "a carriage return (CR) that does not end a line"),
        "a = 1\n\ufeffb = 2\n": (2, "a byte-order mark (U+FEFF) in the middle of the file"),
        "a = " + "1" * 5000 + "\n": (1, "a number is too long"),
    }
    for text, (line, words) in cases.items():
        found = parse_toml(text, Path("x.toml"), "x.toml")
        assert isinstance(found, Finding), text[:20]
        assert found.line == line, found.format()
        assert words in found.message, found.format()
