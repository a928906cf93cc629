"""Every diagnostic code, its severity and what it means: the one documented list.

``docs/diagnostics.md`` is written from the same list, and a test checks that every
code the parser or the arXiv cache can emit appears here.
"""

from __future__ import annotations

#: code -> (severity, meaning)
CODES: dict[str, tuple[str, str]] = {
    "duplicate": ("warning", "the same arXiv id, URL or normalised title as an earlier entry; "
                             "merged into the first, and both lines are named"),
    "no-title": ("error", "an item with a link or arXiv id but no title"),
    "broken-title": ("warning", "an entry whose first title line(s) were lost (the fragment "
                                "that remains is used), or whose link text holds broken "
                                "Markdown"),
    "glued-entries": ("warning", "a second entry runs into an item with no line break"),
    "bad-arxiv-id": ("error", "an arXiv id that cannot exist (e.g. 2307.092881)"),
    "bad-url": ("warning", "a URL with a space in it or a trailing '.'; every output uses it "
                           "without the spaces and dots around it"),
    "unsafe-link": ("error", "a link whose scheme is not http(s), mailto or a relative path "
                             "(javascript:, data:, ...); the link is dropped, its text kept"),
    "unsafe-math": ("warning", "a $...$ formula with a command or character outside the math "
                               "allowlist (\\input, \\write, \\href, #, ...) or broken "
                               "braces; it is written as text in every output"),
    "duplicate-authors": ("info", "an author line repeated within one entry"),
    "empty-section": ("info", "a heading with no entries and no subsections"),
    "unrecognised-item": ("warning", "a list item that matches no entry shape"),
    "prose-item": ("info", "a list item with a title but no link, arXiv id, venue or year: "
                           "a note or an intro bullet, read as prose, not as an entry"),
    "nesting-too-deep": ("warning", "lists or quotes nested over 50 levels deep: those lines "
                                    "are read as one flat list, and what follows as usual"),
    "unread-column": ("info", "a column of a table of papers whose header names no field "
                              "the reader knows (title, authors, venue, date, paper, code, "
                              "links, summary); its text is not read, its links are"),
    "suspicious-title": ("warning", "a title no reader would give (a shortcode, a label, a date, a "
                                    "URL, one character, over 250 characters): the item is "
                                    "probably written unlike the list's other items"),
    "invisible-characters": ("warning", "invisible or control characters (U+FFFC, zero-width "
                                        "spaces, bidi overrides) removed from a field"),
    "authors-missing": ("warning", "a paper without authors in a section whose other papers "
                                   "have them"),
    "arxiv-unknown": ("error", "the arXiv API does not know this id (check --cache)"),
    "arxiv-title-mismatch": ("warning", "the list's title differs from arXiv's; the list wins"),
    "arxiv-outdated": ("info", "the list pins an older version than arXiv's latest"),
    "arxiv-uncached": ("info", "a paper the arXiv cache has no record of (run enrich)"),
    "cache-unreadable": ("warning", "the arXiv cache file is missing or not valid JSON"),
    "unreadable-list": ("error", "a list file that is missing, a directory, binary or not "
                                 "UTF-8; Sphinx and MkDocs builds go on without it (the "
                                 "command line stops with status 2)"),
    "cache-bad-record": ("warning", "a record of the arXiv cache has a field of the wrong "
                                    "type or shape; it is dropped, the rest is used"),
    "unknown-ignore-code": ("warning", "an ignore comment names a code that does not exist; "
                                       "that name silences nothing"),
    "bad-ignore-comment": ("warning", "an 'awesome-papers-...' comment that is no ignore "
                                      "comment (a misspelt directive); it silences nothing"),
    "bad-config": ("warning", "a setting in .awesome-papers.toml or [tool.awesome-papers] "
                              "that is not valid TOML, an unknown key or code, or of the "
                              "wrong type; it is not used, the rest of the file is"),
}
