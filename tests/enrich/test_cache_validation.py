"""A cache file is data from anyone: a bad record is dropped and named, never trusted.

A committed cache can be hand-edited or arrive in a pull request. Each field is checked
on load; a record with a field of the wrong type or shape is dropped with a warning
naming the file and the id, the other records are used, and no wrong BibTeX comes out.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from arxiv_fake import FakeArxiv

from awesome_papers.arxiv_api import ArxivClient
from awesome_papers.cli import main
from awesome_papers.enrich import CacheError, apply_cache, enrich, read_cache
from awesome_papers.model import Collection, Entry

GOOD = {
    "authors": ["Ann Lee", "Bo Chen"],
    "doi": "10.5555/fixture.2405.10938",
    "primary_class": "cs.LG",
    "title": "Observational Scaling Laws",
    "versions": [{"submitted": "2024-05-17T17:49:44Z", "version": 1},
                 {"submitted": "2024-06-10T09:00:00Z", "version": 2}],
}
OTHER = {"authors": ["Shizhe Diao"], "title": "CLIMB", "versions": []}

BAD_FIELDS: list[tuple[str, Any, str]] = [
    ("authors", "abc", "'authors' is not a list of names"),
    ("authors", ["Ann Lee", 7], "'authors' is not a list of names"),
    ("authors", ["Ann Lee", ""], "'authors' is not a list of names"),
    ("authors", ["Ann\x1b[31m Lee"], "'authors' is not a list of names"),
    ("authors", None, "'authors' is not a list of names"),
    ("doi", "not a doi", "'doi' 'not a doi' is not a DOI"),
    ("doi", "10.1000/x}\\input{/etc/hostname}", "is not a DOI"),
    ("doi", 10.5555, "is not a string"),
    ("primary_class", "cs.LG; rm -rf /", "is no arXiv category"),
    ("primary_class", "x" * 60, "is no arXiv category"),
    ("primary_class", ["cs.LG"], "is not a string"),
    ("journal_ref", {"a": 1}, "is not a string"),
    ("title", 5, "'title' is not a string"),
    ("title", "", "'title' is not a string"),
    ("abstract", ["x"], "'abstract' is not a string"),
    ("versions", "abc", "'versions' is not a list"),
    ("versions", [{"version": True, "submitted": ""}], "'versions' is not a list"),
    ("versions", [{"version": 3000000, "submitted": ""}], "are not numbered 1, 2, ..."),
    ("versions", [{"version": 1, "submitted": "yesterday"}], "is not an ISO 8601 date"),
    ("versions", [{"version": 1, "submitted": "2024-13-01T00:00:00Z"}], "ISO 8601"),
    ("versions", [{"version": v, "submitted": ""} for v in range(1, 150)], "up to 99"),
]

LIST = """\
# Papers

- **Observational Scaling Laws**, `arXiv, 2405.10938`

\t*Yangjun Ruan, Chris J. Maddison, Tatsunori Hashimoto*
- **CLIMB**, `arXiv, 2504.13161`
"""


def _write(path: Path, papers: dict[str, Any], unknown: dict[str, Any] | None = None) -> Path:
    data = {"format": 1, "papers": papers, "unknown": unknown or {}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _entry(arxiv_id: str) -> Entry:
    return Entry(key=arxiv_id, kind="paper", title="Observational Scaling Laws",
                 authors=("Yangjun Ruan",), arxiv=arxiv_id, source="list.md", line=3)


@pytest.mark.parametrize(("name", "value", "reason"), BAD_FIELDS)
def test_a_bad_field_drops_its_record_with_a_warning(tmp_path: Path, name: str, value: Any,
                                                     reason: str) -> None:
    cache_file = _write(tmp_path / "cache.json",
                        {"2405.10938": GOOD | {name: value}, "2504.13161": OTHER})
    collection = Collection(entries=(_entry("2405.10938"), _entry("2504.13161")),
                            sources=("list.md",))
    result = apply_cache(collection, cache_file)

    [dropped] = [d for d in result.diagnostics if d.code == "cache-bad-record"]
    assert dropped.severity == "warning" and dropped.path == str(cache_file)
    assert f"{cache_file}: record '2405.10938' dropped: " in dropped.message
    assert reason in dropped.message
    observational, climb = result.entries
    assert observational.authors == ("Yangjun Ruan",)  # the list's own, untouched
    assert climb.authors == ("Shizhe Diao",)  # the good record is still used


def test_the_good_record_itself_passes(tmp_path: Path) -> None:
    cache = read_cache(_write(tmp_path / "cache.json", {"2405.10938": GOOD}))
    assert not cache.problems
    assert cache.papers["2405.10938"].authors == ("Ann Lee", "Bo Chen")


@pytest.mark.parametrize(("papers", "unknown", "named"), [
    ({"2405.10938": "abc"}, {}, "record '2405.10938' dropped: not an object"),
    ({"../../etc/passwd": GOOD}, {}, "record '../../etc/passwd' dropped: not an arXiv id"),
    ({"2405.10938v2": GOOD}, {}, "record '2405.10938v2' dropped: not an arXiv id"),
    ({"2405.10938": GOOD}, {"2405.10938": "gone"}, "unknown id '2405.10938' dropped"),
    ({}, {"2301.99999": 5}, "unknown id '2301.99999' dropped"),
    ({}, {"2301.99999\n": "x"}, "unknown id '2301.99999\\\\n' dropped"),
])
def test_bad_ids_and_unknown_entries_are_dropped(tmp_path: Path, papers: dict[str, Any],
                                                 unknown: dict[str, Any], named: str) -> None:
    cache_file = _write(tmp_path / "cache.json", papers, unknown)
    [problem] = read_cache(cache_file).problems
    assert problem.startswith(f"{cache_file}: ")
    assert named in problem


def test_malformed_ids_the_api_refused_stay_unknown(tmp_path: Path) -> None:
    unknown = {"2307.092881": "incorrect id format for 2307.092881"}
    cache = read_cache(_write(tmp_path / "cache.json", {}, unknown))
    assert cache.unknown == unknown and not cache.problems


@pytest.mark.parametrize("text", ["[" * 100_000, '{"format": 1, "papers": ' * 50_000,
                                  '{"format": true, "papers": {}}', '{"format": 1, "papers": []}'])
def test_a_file_that_is_no_cache_is_refused_whole(tmp_path: Path, text: str) -> None:
    cache_file = tmp_path / "cache.json"
    cache_file.write_text(text, encoding="utf-8")
    with pytest.raises(CacheError, match=str(cache_file)):
        read_cache(cache_file)


class _Payload:
    """Unpickling this creates ``marker``: the proof that a pickle ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.marker), "w")


@pytest.mark.parametrize("protocol", [0, pickle.HIGHEST_PROTOCOL])
def test_a_pickle_in_place_of_the_cache_never_runs(tmp_path: Path, protocol: int) -> None:
    marker = tmp_path / "pwned"
    cache_file = tmp_path / "cache.json"
    cache_file.write_bytes(pickle.dumps(_Payload(marker), protocol=protocol))
    result = apply_cache(Collection(entries=(_entry("2405.10938"),), sources=("list.md",)),
                         cache_file)

    assert [d.code for d in result.diagnostics] == ["cache-unreadable"]
    assert not marker.exists()


def test_export_never_writes_a_string_as_a_list_of_authors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paper_list = tmp_path / "papers.md"
    paper_list.write_text(LIST, encoding="utf-8")
    cache_file = _write(tmp_path / "cache.json", {"2405.10938": GOOD | {"authors": "abc"}})
    bib = tmp_path / "references.bib"
    assert main(["export", str(paper_list), "--cache", str(cache_file), "-o", str(bib)]) == 0

    text = bib.read_text(encoding="utf-8")
    assert "a and b and c" not in text
    assert "author = {Yangjun Ruan and Chris J. Maddison and Tatsunori Hashimoto}" in text
    code = main(["check", str(paper_list), "--cache", str(cache_file)])
    out = capsys.readouterr().out
    assert code == 0
    assert (f"{cache_file}:0:0: warning cache-bad-record {cache_file}: record '2405.10938' "
            "dropped: 'authors' is not a list of names") in out


def test_enrich_names_a_dropped_record_and_fetches_it_again(
        arxiv_server: FakeArxiv, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("awesome_papers.enrich_cli.ArxivClient",
                        lambda url, **kw: ArxivClient(url, interval=0.01, **kw))
    paper_list = tmp_path / "papers.md"
    paper_list.write_text(LIST, encoding="utf-8")
    cache_file = _write(tmp_path / "cache.json", {"2405.10938": GOOD | {"authors": "abc"}})
    code = main(["enrich", str(paper_list), "--cache", str(cache_file),
                 "--api-url", arxiv_server.url])
    err = capsys.readouterr().err

    assert code == 0
    assert (f"warning: {cache_file}: record '2405.10938' dropped: 'authors' is not a list "
            "of names") in err
    assert arxiv_server.requests[0].ids == ("2405.10938", "2504.13161")
    assert read_cache(cache_file).papers["2405.10938"].authors == (
        "Yangjun Ruan", "Chris J. Maddison", "Tatsunori Hashimoto")
    assert enrich(["2405.10938"], cache_file,
                  client=ArxivClient(arxiv_server.url, interval=0.01)).dropped == ()
