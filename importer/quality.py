"""The quality report of one imported page: what an editor checks before trusting the import.

The command prints it and the admin's 导入版面 shows it, both from page_quality(): how many
articles and captions were read, how much text was left over, which zones are new, which
pieces carry no byline, and whether the page looks cut off (layout.cut_off_notes).
"""

from dataclasses import dataclass

from importer.layout import CUT_OFF
from importer.records import ParsedPage


@dataclass(frozen=True)
class PageQuality:
    articles: int
    captions: int
    leftover_chars: int
    new_zones: tuple[str, ...]
    # titles of the pieces with no byline
    without_byline: tuple[str, ...]
    # the importer's notes on where the page seems cut off
    truncation: tuple[str, ...]

    def rows(self) -> list[tuple[str, str]]:
        """(what, finding) for each item, worded the same in the command and the admin."""
        return [
            ("稿件", f"{self.articles} 篇"),
            ("图片说明", f"{self.captions} 条"),
            ("待核对文字", f"{self.leftover_chars} 字"),
            ("新开发区", "、".join(self.new_zones) if self.new_zones else "无"),
            ("无署名稿件", _titles(self.without_byline)),
            ("疑似截断", "；".join(self.truncation) if self.truncation else "无"),
        ]

    @property
    def needs_attention(self) -> bool:
        return bool(self.leftover_chars or self.new_zones or self.without_byline or self.truncation)


def _titles(titles: tuple[str, ...]) -> str:
    if not titles:
        return "无"
    return f"{len(titles)} 篇：" + "、".join(f"《{title}》" for title in titles)


def _non_space_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def page_quality(page: ParsedPage, *, new_zones: tuple[str, ...]) -> PageQuality:
    """new_zones: the zones writing the page created (store.PageReport.new_zones)."""
    return PageQuality(
        articles=len(page.articles),
        captions=sum(len(article.captions) for article in page.articles),
        leftover_chars=sum(_non_space_count(leftover.text) for leftover in page.leftovers),
        new_zones=tuple(new_zones),
        without_byline=tuple(article.title for article in page.articles if not article.authors),
        truncation=tuple(note.text for note in page.notes if note.reason == CUT_OFF),
    )
