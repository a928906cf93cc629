"""The .bib export: fields per entry kind, round-trips through two BibTeX readers, files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors
from pybtex.database import parse_string as pybtex_parse

from awesome_papers import Collection, Entry, load
from awesome_papers import files as files_module
from awesome_papers.bibtex import bibtex_string, entry_bibtex, read_bib, write_bibtex
from awesome_papers.latex import clean

CLIMB = Entry(
    key="diao2025climb",
    kind="paper",
    title="CLIMB: CLustering-based Iterative Data Mixture Bootstrapping",
    authors=("Shizhe Diao", "Yu Yang", "Jan Kautz", "Pavlo Molchanov"),
    authors_truncated=True,
    arxiv="2504.13161",
    year=2025,
    month=4,
    url="http://arxiv.org/abs/2504.13161v1",
    primary_class="cs.CL",
)


def _parse(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors()])
    assert library.failed_blocks == []
    return library


def _fields(text: str, key: str) -> dict[str, object]:
    entry = _parse(text).entries_dict[key]
    return {"ENTRYTYPE": entry.entry_type} | {f.key: f.value for f in entry.fields}


def test_arxiv_paper_is_misc_like_arxivs_export() -> None:
    fields = _fields(bibtex_string([CLIMB]), "diao2025climb")
    assert fields == {
        "ENTRYTYPE": "misc",
        "title": "{CLIMB}: {CLustering-based} Iterative Data Mixture Bootstrapping",
        # the list cut the names and this record does not say where: only the first
        "author": ["Shizhe Diao", "others"],
        "year": "2025",
        "month": "apr",
        "eprint": "2504.13161",
        "archiveprefix": "arXiv",
        "primaryclass": "cs.CL",
        "url": "https://arxiv.org/abs/2504.13161",
        "howpublished": "arXiv preprint arXiv:2504.13161",
    }


def test_a_pinned_version_stays_in_the_url_only() -> None:
    from dataclasses import replace

    fields = _fields(bibtex_string([replace(CLIMB, arxiv_version=2)]), "diao2025climb")
    assert fields["url"] == "https://arxiv.org/abs/2504.13161v2"
    assert fields["eprint"] == "2504.13161"


@pytest.mark.parametrize(
    ("venue", "entry_type", "field", "value"),
    [
        ("NeurIPS 2024", "inproceedings", "booktitle", "NeurIPS"),
        ("ICLR'24", "inproceedings", "booktitle", "ICLR"),
        ("ICCVW2024", "inproceedings", "booktitle", "ICCVW"),
        ("TPAMI 2024", "article", "journal", "TPAMI"),
        ("Medical Image Analysis'24", "misc", "note", "Medical Image Analysis"),
        ("IEEE Transactions on Medical Imaging", "article", "journal",
         "IEEE Transactions on Medical Imaging"),
    ],
)
def test_venue_goes_where_bibtex_styles_print_it(
    venue: str, entry_type: str, field: str, value: str
) -> None:
    paper = Entry(key="x2024y", kind="paper", title="Y", authors=("A B",), year=2024,
                  venue=venue, url="https://openreview.net/forum?id=1")
    fields = _fields(bibtex_string([paper]), "x2024y")
    assert fields["ENTRYTYPE"] == entry_type
    assert fields[field] == value


def test_unplaced_venue_and_journal_ref_share_one_note() -> None:
    paper = Entry(key="x2024y", kind="paper", title="Y", authors=("A B",), year=2024,
                  venue="Medical Image Analysis'24", journal_ref="Med. Image Anal. 95 (2024)")
    fields = _fields(bibtex_string([paper]), "x2024y")
    assert fields["note"] == "Medical Image Analysis. Med. Image Anal. 95 (2024)"


def test_arxiv_venue_is_no_venue() -> None:
    paper = Entry(key="x2024y", kind="paper", title="Y", authors=("A B",), year=2024,
                  venue="arxiv2024.05", arxiv="2405.00001")
    fields = _fields(bibtex_string([paper]), "x2024y")
    assert fields["ENTRYTYPE"] == "misc"
    assert "note" not in fields


def test_repository_has_owner_as_author_and_url() -> None:
    repo = Entry(key="allenai-olmo", kind="repo", title="OLMo", owner="allenai",
                 url="https://github.com/allenai/OLMo")
    fields = _fields(bibtex_string([repo]), "allenai-olmo")
    assert fields["ENTRYTYPE"] == "misc"
    assert fields["author"] == ["{allenai}"]
    assert fields["url"] == "https://github.com/allenai/OLMo"
    assert "howpublished" not in fields  # the URL once: styles print ``url``


def test_link_without_author_has_a_sort_key() -> None:
    link = Entry(key="hf-blog", kind="link", title="Fixing Gradient Accumulation",
                 owner="huggingface", url="https://huggingface.co/blog/gradient_accumulation")
    fields = _fields(bibtex_string([link]), "hf-blog")
    assert "author" not in fields
    assert fields["key"] == "Fixing Gradient Accumulation"
    assert fields["url"] == "https://huggingface.co/blog/gradient_accumulation"


def test_url_with_percent_or_hash_is_kept_in_url() -> None:
    """The ``url`` field is verbatim: ``%`` and ``#`` stay as they are."""
    link = Entry(key="l", kind="link", title="T", url="https://x.com/a%20b#frag")
    fields = _fields(bibtex_string([link]), "l")
    assert fields["url"] == "https://x.com/a%20b#frag"


def test_header_names_the_sources() -> None:
    text = bibtex_string([CLIMB], sources=["lists/llm-training.md", "more.md"])
    assert text.startswith("% Generated by awesome-papers from lists/llm-training.md, more.md.\n")


def test_entry_bibtex_is_the_block_in_the_file(reference: Collection) -> None:
    text = bibtex_string(reference.entries, sources=["llm-training.md"])
    blocks = [entry_bibtex(entry) for entry in reference.entries]
    assert all(block in text for block in blocks)
    assert text.endswith(blocks[-1])


def test_output_is_byte_identical(example_list: Path) -> None:
    first = bibtex_string(load([str(example_list)]).entries, sources=["llm-training.md"])
    second = bibtex_string(load([str(example_list)]).entries, sources=["llm-training.md"])
    assert first.encode() == second.encode()


def _expected_authors(entry: Entry) -> list[str]:
    names = list(entry.authors)
    if entry.authors_truncated:
        cut = 1 if entry.authors_cut is None else entry.authors_cut
        names = [clean(name) for name in names[:cut] if clean(name)]
        return [*names, "others"] if names else []
    names = [clean(name) for name in names if clean(name)]
    if not names and entry.kind == "repo" and entry.owner:
        return [entry.owner]
    return names


def _assert_round_trip(
    entries: tuple[Entry, ...], text: str, decode: Callable[..., str],
    typeset: Callable[[str], str],
) -> None:
    """Both readers see every entry with the list's title, authors, year and eprint."""
    ours = _parse(text).entries_dict
    theirs = pybtex_parse(text, "bibtex").entries
    assert list(ours) == [entry.key for entry in entries]
    assert list(theirs) == list(ours)
    for entry in entries:
        fields = {f.key: f.value for f in ours[entry.key].fields}
        assert decode(fields["title"]) == typeset(clean(entry.title)), entry.key
        assert [decode(name) for name in fields.get("author", [])] == _expected_authors(entry)
        assert fields.get("year") == (str(entry.year) if entry.year else None)
        assert fields.get("eprint") == entry.arxiv
        other = theirs[entry.key]
        assert other.fields["title"] == fields["title"]
        assert other.fields.get("year") == fields.get("year")
        assert len(other.persons.get("author", [])) == len(_expected_authors(entry))


def test_reference_list_round_trips(
    reference: Collection, decode: Callable[..., str], typeset: Callable[[str], str]
) -> None:
    text = bibtex_string(reference.entries, sources=["llm-training.md"])
    assert len(reference.entries) == 107
    _assert_round_trip(reference.entries, text, decode, typeset)


def _assert_same_in_ascii(entries: tuple[Entry, ...], decode: Callable[..., str]) -> None:
    """The 8-bit file says what the UTF-8 file says (math read as text: ``β`` is ``\\beta``)."""
    utf8 = _parse(bibtex_string(entries)).entries
    escaped_text = bibtex_string(entries, latex_escapes=True)
    assert escaped_text.isascii()
    escaped = _parse(escaped_text).entries
    assert [e.key for e in escaped] == [e.key for e in utf8]
    for plain, ascii_only in zip(utf8, escaped, strict=True):
        assert [f.key for f in ascii_only.fields] == [f.key for f in plain.fields]
        for field in plain.fields:
            value = ascii_only[field.key]
            if isinstance(field.value, list):
                assert [decode(n) for n in value] == [decode(n) for n in field.value]
            elif field.key == "url":
                assert unquote(value) == unquote(field.value)
            else:
                assert decode(value, math=True) == decode(field.value, math=True), field.key


def test_latex_escapes_are_ascii_and_read_the_same(
    reference: Collection, corpus_files: list[Path], decode: Callable[..., str]
) -> None:
    _assert_same_in_ascii(reference.entries, decode)
    for path in corpus_files:
        _assert_same_in_ascii(load([str(path)]).entries, decode)


def test_corpus_round_trips(
    corpus_files: list[Path], decode: Callable[..., str], typeset: Callable[[str], str]
) -> None:
    for path in corpus_files:
        entries = load([str(path)]).entries
        assert entries, path.name
        text = bibtex_string(entries, sources=[path.name])
        _assert_round_trip(entries, text, decode, typeset)


def test_arxiv_citation_resolves_to_the_exported_key(reference: Collection) -> None:
    entry = reference.get("arXiv:2504.13161")
    assert entry is not None and entry is reference.get("arXiv:2504.13161v1")
    assert entry_bibtex(entry).startswith(f"@misc{{{entry.key},")
    assert f"@misc{{{entry.key}," in bibtex_string(reference.entries)


def test_write_bibtex_writes_the_string(tmp_path: Path, reference: Collection) -> None:
    target = tmp_path / "references.bib"
    write_bibtex(target, reference.entries, sources=["llm-training.md"])
    expected = bibtex_string(reference.entries, sources=["llm-training.md"])
    assert target.read_bytes() == expected.encode()


def test_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "references.bib"
    target.write_text("% the old file\n")
    real_fdopen = os.fdopen

    class Interrupted(Exception):
        pass

    def fdopen_that_dies(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        handle = real_fdopen(*args, **kwargs)  # type: ignore[arg-type]

        def write(text: str) -> int:
            handle.__class__.write(handle, text[: len(text) // 2])
            raise Interrupted

        handle.write = write  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(files_module.os, "fdopen", fdopen_that_dies)
    with pytest.raises(Interrupted):
        write_bibtex(target, [CLIMB])
    assert target.read_text() == "% the old file\n"
    assert [p.name for p in tmp_path.iterdir()] == ["references.bib"]


HAND_KEPT = r"""
@string{neurips = {Advances in Neural Information Processing Systems}}

@inproceedings{diao2025climb,
  title = {{CLIMB}: Clustering-based Iterative Data Mixture Bootstrapping},
  booktitle = neurips,
}

@article{mine2024,
  title = {Not in the list},
  author = {Ann Other},
  journal = {J},
  year = {2024},
}

@misc{scholar:gemstones,
  Title = {Gemstones (fixed title)},
  eprint = {arXiv:2502.06857v2},
}

@misc{bydoi,
  note = {added by hand},
  doi = {10.1000/XYZ},
}
"""


def test_merge_hand_kept_fields_win_and_extras_stay(tmp_path: Path) -> None:
    bib = tmp_path / "mine.bib"
    bib.write_text(HAND_KEPT)
    mine = read_bib(bib)
    gemstones = Entry(key="mcleish2025gemstones", kind="paper", title="Gemstones",
                      authors=("Sean McLeish",), arxiv="2502.06857", year=2025)
    doi_paper = Entry(key="p2020", kind="paper", title="P", authors=("A B",), year=2020,
                      doi="10.1000/xyz")
    text = bibtex_string([CLIMB, gemstones, doi_paper], merge=mine)

    library = _parse(text)
    assert [e.key for e in library.entries] == [
        "diao2025climb", "mcleish2025gemstones", "p2020", "mine2024",
    ]
    climb = library.entries_dict["diao2025climb"]
    assert climb.entry_type == "inproceedings"
    assert climb["title"] == "{CLIMB}: Clustering-based Iterative Data Mixture Bootstrapping"
    assert climb["booktitle"] == "Advances in Neural Information Processing Systems"
    assert climb["eprint"] == "2504.13161"  # our fields stay where theirs are silent
    gem = library.entries_dict["mcleish2025gemstones"]
    assert [f.value for f in gem.fields if f.key.lower() == "title"] == [
        "Gemstones (fixed title)"
    ]
    assert gem["ids"] == "scholar:gemstones"  # biblatex still knows the hand-kept key
    assert library.entries_dict["p2020"]["note"] == "added by hand"
    assert "neurips" in library.strings_dict
    # merging twice from the same library gives the same file: the library is not changed
    assert bibtex_string([CLIMB, gemstones, doi_paper], merge=mine) == text


def test_read_bib_refuses_a_broken_file(tmp_path: Path) -> None:
    bib = tmp_path / "broken.bib"
    bib.write_text("@misc{ok, title = {fine}}\n\n@misc{bad, title = {no end}\n")
    with pytest.raises(ValueError, match=r"broken\.bib"):
        read_bib(bib)
