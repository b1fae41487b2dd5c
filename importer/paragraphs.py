"""Re-joining paragraphs that the page's columns broke apart: one rule for articles and the call.

A block that does not end a sentence continues in the next block (a column break), unless the
next block starts a paragraph of its own: a subheading of a series (完善机制，建强“组织链” /
培育集群，锻造“产业链”: same length and punctuation), or whatever the caller says starts one
(a numbered item of the call for papers).
"""

import re
from collections import Counter
from collections.abc import Callable

from articles.text import ends_sentence

SUBHEADING_MAX_CHARS = 24
_WORD_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def _shape(text: str) -> str:
    """The punctuation skeleton and length of a line: 完善机制，建强“组织链” → 'xxxx，xx“xxx”'."""
    return _WORD_CHARS.sub("x", text)


def subheading_series(blocks: list[str]) -> set[str]:
    """Short lines that end no sentence and share their shape with another such line."""
    candidates = [b for b in blocks if len(b) <= SUBHEADING_MAX_CHARS and not ends_sentence(b)]
    shapes = Counter(_shape(b) for b in candidates)
    return {b for b in candidates if shapes[_shape(b)] >= 2}


def join_paragraphs(
    blocks: list[str], *, starts_paragraph: Callable[[str], object] = lambda block: False
) -> list[str]:
    subheadings = subheading_series(blocks)
    paragraphs: list[str] = []
    open_paragraph = False
    for block in blocks:
        if open_paragraph and block not in subheadings and not starts_paragraph(block):
            paragraphs[-1] += block
        else:
            paragraphs.append(block)
        open_paragraph = not ends_sentence(paragraphs[-1]) and block not in subheadings
    return paragraphs
