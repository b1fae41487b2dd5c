"""The records of a page being read and of a page read: what the layout modules pass around.

Line is one non-blank line of the page; Draft is an article while the page is being read
(page_reader.py fills it, assembly.py turns it into a ParsedArticle). ParsedPage, with its
ParsedArticles, ParsedCaptions and Leftovers, is what store.py writes. Every character of the
page ends up in exactly one of them: ParsedPage.placed_texts() lists where.
"""

from dataclasses import dataclass, field

from articles.models import Genre
from importer.call import ParsedCall


@dataclass
class Line:
    number: int
    text: str
    gap: int  # blank lines before it; 0 for the first line of the page
    at_page_start: bool = False


@dataclass
class ParsedCaption:
    line: int
    caption: str
    credit: str = ""


@dataclass
class ParsedArticle:
    first_line: int
    last_line: int = 0  # where its body ends
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    zone_label: str = ""
    dateline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    byline: str = ""
    authors: list[str] = field(default_factory=list)
    captions: list[ParsedCaption] = field(default_factory=list)
    zone_name: str | None = None
    zone_is_known: bool = False
    zone_parent_name: str | None = None
    genre: str = Genre.NEWS

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class Leftover:
    line: int
    text: str
    reason: str


@dataclass
class ParsedPage:
    articles: list[ParsedArticle]
    call: ParsedCall | None
    leftovers: list[Leftover]
    # The importer's doubts about the page, for an editor; not text of the page.
    notes: list[Leftover] = field(default_factory=list)

    def placed_texts(self) -> list[str]:
        texts = []
        for article in self.articles:
            texts += [article.kicker, article.title, article.subtitle, article.zone_label]
            texts += [article.dateline, article.body, article.byline]
            texts += [c.caption + c.credit for c in article.captions]
        if self.call:
            texts.append(self.call.source_text)
        texts += [leftover.text for leftover in self.leftovers]
        return texts


@dataclass
class Draft:
    """An article while the page is being read."""

    zone_line: Line | None = None
    zone_from_line: str | None = None
    headings: list[Line] = field(default_factory=list)
    subtitle: Line | None = None
    head_captioned: bool = False
    body: list[Line] = field(default_factory=list)
    captions: list[ParsedCaption] = field(default_factory=list)
    byline: str = ""
    after_slogan: bool = False

    @property
    def has_heading(self):
        return bool(self.zone_line or self.headings)

    @property
    def first_line(self):
        lines = ([self.zone_line] if self.zone_line else []) + self.headings + self.body
        return min(line.number for line in lines)
