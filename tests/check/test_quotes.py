from charter_cli.check.quotes import check_quotes, normalise, section_spans
from charter_cli.load.loader import load_library
from helpers import WriteProject


def test_normalise_collapses_white_space() -> None:
    assert normalise("  a\n\n b\t c ") == "a b c"


def _catalogue(write_project: WriteProject, old: str, new: str):  # type: ignore[no-untyped-def]
    root = write_project()
    path = root / "sources" / "mandate.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return load_library(root).catalogues[0]


def test_the_starter_catalogue_is_clean(write_project: WriteProject) -> None:
    catalogue = load_library(write_project()).catalogues[0]
    assert check_quotes(catalogue) == []
    assert catalogue.file.text is not None
    spans, findings = section_spans(catalogue, normalise(catalogue.file.text))
    assert findings == []
    assert [s.section for s in spans] == ["1", "2"]
    assert spans[0].end == spans[1].start


def test_quote_across_a_line_break_matches(write_project: WriteProject) -> None:
    catalogue = _catalogue(
        write_project,
        'quote = "establish a joint committee of the Parties to follow up the implementation"',
        'quote = """establish a joint committee of the Parties\n   to follow up the implementation"""',
    )
    assert check_quotes(catalogue) == []


def test_mistyped_quote_says_where_it_departs(write_project: WriteProject) -> None:
    catalogue = _catalogue(write_project, "pursue together", "pursue jointly")
    [finding] = check_quotes(catalogue)
    assert finding.code == "CH210"
    assert finding.hint == "the first 7 word(s) match; it departs from the source at 'jointly'"


def test_quote_in_another_section(write_project: WriteProject) -> None:
    catalogue = _catalogue(
        write_project,
        'quote = "state the objectives that the Parties pursue together"',
        'quote = "prepare a draft charter for adoption by the Parties"',
    )
    [finding] = check_quotes(catalogue)
    assert finding.code == "CH212"
    assert finding.message.endswith("lies in section '1', not in '2'")


def test_unknown_section_and_missing_marker(write_project: WriteProject) -> None:
    catalogue = _catalogue(write_project, 'starts = "2. Content"', 'starts = "2. Contents"')
    codes = sorted(f.code for f in check_quotes(catalogue))
    # the marker of section 2 is missing, so the requirements naming it cannot be placed
    assert codes == ["CH213"]
    catalogue = _catalogue(write_project, 'section = "2"', 'section = "3"')
    findings = check_quotes(catalogue)
    assert {f.code for f in findings} == {"CH211"}
    assert findings[0].hint == "declared: 1, 2"


def test_text_index_agrees_with_a_plain_search() -> None:
    from charter_cli.check.quotes import TextIndex

    text = normalise("the cat sat on the mat; the cat ran. concatenate the cat sat")
    index = TextIndex(text)
    for quote in (
        "the cat sat",
        "the cat ran.",
        "cat sat on",
        "at sat on the",
        "mat;",
        "the dog",
        "sat",
    ):
        for start in (0, 5, 30):
            assert index.find(quote, start) == text.find(quote, start), (quote, start)
    assert index.find("the cat sat", 0, 11) == 0
    assert index.find("the cat sat", 0, 10) == -1
    assert index.find("the cat sat", 1, 40) == -1
