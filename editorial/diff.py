"""Character-level comparison of two texts, for the editors' tracked changes (留痕).

Chinese is compared character by character: no word splitting is needed, and a changed
character is what an editor marks on paper.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

EQUAL, INSERT, DELETE = "equal", "insert", "delete"


@dataclass(frozen=True)
class Segment:
    op: str  # EQUAL, INSERT or DELETE
    text: str


@dataclass(frozen=True)
class Comparison:
    segments: tuple[Segment, ...]
    inserted: int  # characters added
    deleted: int  # characters removed

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.deleted)


def compare(old: str, new: str) -> Comparison:
    """What changed from `old` to `new`, as equal / delete / insert runs of characters.

    autojunk is off: its heuristic ignores characters frequent in a long text, and in Chinese
    prose the frequent ones (的, 了, ，) are exactly the characters editors change.
    """
    # Line breaks as the browser sends them (CRLF) and as stored elsewhere (LF) are the same.
    old, new = old.replace("\r\n", "\n"), new.replace("\r\n", "\n")
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    segments = []
    for op, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment(EQUAL, old[old_start:old_end]))
            continue
        if op in ("delete", "replace"):
            segments.append(Segment(DELETE, old[old_start:old_end]))
        if op in ("insert", "replace"):
            segments.append(Segment(INSERT, new[new_start:new_end]))
    return Comparison(
        segments=tuple(segments),
        inserted=sum(len(s.text) for s in segments if s.op == INSERT),
        deleted=sum(len(s.text) for s in segments if s.op == DELETE),
    )


def edit_rate(original: str, printed: str) -> float:
    """How much editing a piece took: (characters deleted + characters inserted) divided by
    the characters of the original. A replaced character counts twice (out and in); a
    rewrite longer than the original can exceed 1. Every character counts, punctuation
    and line breaks included, as the comparison shows them. Added text to an empty original
    counts as entirely new (1.0)."""
    if not original:
        return 0.0 if not printed else 1.0
    comparison = compare(original, printed)
    return (comparison.deleted + comparison.inserted) / len(original.replace("\r\n", "\n"))
