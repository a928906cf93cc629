"""What the add tests share: the stand-in arXiv records and a check of an insertion."""

from __future__ import annotations

#: The paper the tests add, as arXiv gives it.
TITLE = "Q-SFT: Q-Learning for Language Models via Supervised Fine-Tuning"
AUTHORS = ("Joey Hong", "Anca Dragan", "Middle Author C", "Fourth Author", "Fifth Author",
           "Sixth Author", "Seventh Author", "Sergey Levine")
#: The records ``add`` reads; synthetic, in the layout ``awesome-papers enrich`` writes.
RECORDS: dict[str, dict[str, object]] = {
    "2411.05193": {
        "title": TITLE,
        "authors": list(AUTHORS),
        "versions": [{"version": 1, "submitted": "2024-11-07T18:00:00Z"},
                     {"version": 2, "submitted": "2025-01-20T08:15:00Z"}],
    },
    "2504.02507": {
        "title": "ZClip: Adaptive Spike Mitigation for LLM Pre-Training",
        "authors": ["Abhay Kumar", "Louis Owen"],
        "versions": [{"version": 1, "submitted": "2025-04-03T10:00:00Z"}],
    },
}


def assert_inserted(before: bytes, after: bytes) -> bytes:
    """``after`` is ``before`` with one run of bytes put in; that run comes back."""
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
                 len(before))
    assert after.endswith(before[start:])
    assert len(after) > len(before)
    return after[start:len(after) - (len(before) - start)]
