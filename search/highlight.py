"""Marking the reader's words in titles and body snippets.

Done on the original text, not on the index's segmented terms, so the reader sees the article's
own words. Every piece of text is escaped before <mark> goes around the matches.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_CHARS = 120
CONTEXT_BEFORE = 30


class Highlighter:
    def __init__(self, words):
        # Longest first, so 朔州经济开发区 is marked whole rather than as 朔州 + 经济 + 开发区.
        words = sorted({w for w in words if w}, key=len, reverse=True)
        self.pattern = (
            re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
        )

    def mark(self, text: str) -> SafeString:
        if not self.pattern:
            return escape(text)
        pieces = []
        last = 0
        for match in self.pattern.finditer(text):
            pieces.append(escape(text[last : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
        pieces.append(escape(text[last:]))
        return mark_safe("".join(pieces))  # noqa: S308 — every piece above is escaped

    def snippet(self, body: str, length: int = SNIPPET_CHARS) -> SafeString:
        """About `length` characters of the body around the first match, marked."""
        text = " ".join(body.split())
        match = self.pattern.search(text) if self.pattern else None
        start = max(0, match.start() - CONTEXT_BEFORE) if match else 0
        end = min(len(text), start + length)
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        return mark_safe(prefix + self.mark(text[start:end]) + suffix)  # noqa: S308
