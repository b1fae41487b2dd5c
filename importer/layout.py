"""The page layout of 《开发区建设》 as extracted to text: the only module that knows it.

A page is read line by line. The rules, in the order they matter:

- Blank lines separate blocks. Two or more blank lines in a row mark the place of a photo.
- An article begins with a heading group: an optional zone line (a zone's name alone, perhaps
  ending in ——), an optional kicker (引题), the title, an optional subtitle starting with ——.
  The zone and title may share a line ("祁县经济开发区 全力打好…").
- A heading group is recognised after a byline or at the top of a page, or anywhere when it
  starts with a zone line, or when a dateline paragraph (科学导报讯, 本刊讯) or a subtitle follows
  it. Two heading lines are kicker + title when either has spaced phrases
  ("抓招商 推项目 强企业"); otherwise they are one title broken over two lines.
- The byline ends an article: a line of names ("麻洁琼", "(常珍珍 张帆)"), or names glued to
  the end of the last paragraph ("…纪律保障。刘三红").
- A paragraph that does not end a sentence continues in the next block (a column break), unless
  it is one of a series of subheadings of the same shape (完善机制，建强“组织链” / 培育集群，…).
- A caption stands alone after a photo gap, or carries a credit (…供图, …摄); after a subtitle,
  short lines before the body are captions.
- Body text before any heading is the first half of an article split by the layout: it joins
  the later article on the page that has no dateline and names the same zone.
- A line in Chinese followed by its pinyin is a column name; a quoted line of spaced phrases is
  a slogan. Neither is an article; headings with no body (the masthead, a slogan's signature)
  are left over for an editor, as is anything else that fits no rule.
- 征稿启事 starts the call for papers, which runs to its signature (…编辑部 YYYY年M月D日).
- A page whose last article stops mid-sentence (its last paragraph does not end with 。！？…,
  perhaps inside closing quotes) looks cut off: it still imports, with a note for an editor.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from articles.models import Genre
from articles.text import CLOSING, count_characters, ends_sentence
from importer.call import CALL_HEADING, ParsedCall, is_call_signature, parse_call
from importer.errors import PageRejected
from importer.paragraphs import join_paragraphs
from zones.naming import UNKNOWN_ZONE_AT_START, UNKNOWN_ZONE_LINE, derive_aliases

_CJK = "\u4e00-\u9fff"
HEADLINE_MAX_CHARS = 45
CAPTION_MAX_CHARS = 45
PHOTO_GAP = 2

DATELINE = re.compile(r"^(科学导报讯|本刊讯|本报讯)\s*(.*)$")
SUBTITLE = re.compile(r"^——\S")
COLUMN_NAME = re.compile(rf"^[{_CJK}]{{2,8}}\s+[a-z]+(?:\s+[a-z]+)+$")
SLOGAN = re.compile(rf"^[“\"]([{_CJK}]{{2,8}}(?:\s+[{_CJK}]{{2,8}})+)[”\"]$")
_NAME = rf"[{_CJK}]{{2,3}}"
BYLINE = re.compile(rf"^(?:[(（]{_NAME}(?:\s+{_NAME})*[)）]|{_NAME}(?:\s+{_NAME})*|[{_CJK}]{{4}})$")
GLUED_BYLINE = re.compile(
    rf"^(?P<text>.*[。！？”])\s*(?P<byline>[(（]{_NAME}(?:\s+{_NAME})*[)）]|{_NAME})$"
)
CREDIT = re.compile(
    rf"^(?P<caption>.+?[。．.]?)\s*(?P<credit>[{_CJK}A-Za-z]{{2,15}}(?:供图|摄影|摄))$"
)
SPACED_PHRASES = re.compile(r"\S\s+\S")
# How a page's last paragraph ends when the page is whole. Stricter than ends_sentence():
# a page does not end on a colon, a semicolon or a quoted phrase.
PAGE_END = "。！？!?…"
CUT_OFF = "疑似版面不完整"
CUT_OFF_TAIL_CHARS = 30


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
class _Draft:
    """An article while the page is being read."""

    zone_line: Line | None = None
    zone_from_line: str | None = None
    zone_line_title: str = ""
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


def non_space(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


def split_lines(text: str) -> list[Line]:
    lines, gap, seen_text = [], 0, False
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        lines.append(Line(number, stripped, gap if seen_text else 0, not seen_text))
        seen_text, gap = True, 0
    return lines


class PageReader:
    """Reads one page's lines into articles, captions, the call for papers and leftovers."""

    def __init__(self, zones):
        self.zones = zones

    # --- line shapes -------------------------------------------------------------------

    def zone_line_name(self, text: str) -> str | None:
        """The zone a line names when the line is nothing but a zone's name."""
        name = text.rstrip("—- ").strip()
        if self.zones.resolve(name) or UNKNOWN_ZONE_LINE.match(name):
            return name
        return None

    def zone_title_split(self, text: str) -> tuple[str, str] | None:
        """'祁县经济开发区 全力打好…' → ('祁县经济开发区', '全力打好…')."""
        parts = text.split(None, 1)
        if len(parts) != 2 or len(text) > HEADLINE_MAX_CHARS or ends_sentence(text):
            return None
        head, rest = parts
        if self.zone_line_name(head) and len(rest) >= 2:
            return head, rest
        return None

    @staticmethod
    def is_headline_shaped(line: Line) -> bool:
        text = line.text
        return (
            len(text) <= HEADLINE_MAX_CHARS
            and not ends_sentence(text)
            and not DATELINE.match(text)
            and not SUBTITLE.match(text)
        )

    @staticmethod
    def is_gap_caption(line: Line) -> bool:
        return (
            line.gap >= PHOTO_GAP
            and len(line.text) <= CAPTION_MAX_CHARS
            and not ends_sentence(line.text)
            and not DATELINE.match(line.text)
        )

    def starts_article(self, lines: list[Line], i: int) -> bool:
        """Whether lines[i] opens a heading group while another article is still open."""
        line = lines[i]
        if self.zone_line_name(line.text) or self.zone_title_split(line.text):
            return True
        if BYLINE.match(line.text):
            return False
        j = i
        while j < len(lines) and j < i + 3 and self.is_headline_shaped(lines[j]):
            if j > i and (
                self.is_gap_caption(lines[j])
                or BYLINE.match(lines[j].text)
                or self.zone_line_name(lines[j].text)
            ):
                break
            j += 1
        if j == i:
            return False
        while j < len(lines) and (CREDIT.match(lines[j].text) or self.is_gap_caption(lines[j])):
            j += 1
        return j < len(lines) and bool(
            DATELINE.match(lines[j].text) or SUBTITLE.match(lines[j].text)
        )

    # --- reading -----------------------------------------------------------------------

    def read(self, text: str) -> ParsedPage:
        lines = split_lines(text)
        lines, call = self._take_call(lines)
        drafts, leftovers, loose_captions = self._segment(lines)
        articles = self._assemble(drafts, leftovers, loose_captions)
        page = ParsedPage(articles=articles, call=call, leftovers=leftovers)
        missing = non_space(text) - non_space("".join(page.placed_texts()))
        extra = non_space("".join(page.placed_texts())) - non_space(text)
        if missing or extra:
            raise PageRejected(
                "版面文字未能全部归位（导入程序的缺陷，请报告）："
                f"缺少 {''.join(missing.elements())[:40]!r}，"
                f"多出 {''.join(extra.elements())[:40]!r}。"
            )
        return page

    def _take_call(self, lines: list[Line]) -> tuple[list[Line], ParsedCall | None]:
        for start, line in enumerate(lines):
            if line.text == CALL_HEADING:
                end = start + 1
                while end < len(lines) and not is_call_signature(lines[end - 1].text):
                    end += 1
                call_lines = lines[start:end]
                return lines[:start] + lines[end:], parse_call(call_lines)
        return lines, None

    def _segment(self, lines: list[Line]):
        drafts: list[_Draft] = []
        leftovers: list[Leftover] = []
        loose_captions: list[tuple[int, ParsedCaption]] = []
        current: _Draft | None = None
        after_slogan = False

        def start(line: Line) -> _Draft:
            draft = _Draft(after_slogan=after_slogan)
            zone_title = self.zone_title_split(line.text)
            if zone_title:
                draft.zone_line = Line(line.number, zone_title[0], line.gap)
                draft.zone_from_line = zone_title[0].rstrip("—- ")
                draft.headings.append(Line(line.number, zone_title[1], line.gap))
            elif self.zone_line_name(line.text):
                draft.zone_line = line
                draft.zone_from_line = self.zone_line_name(line.text)
            else:
                draft.headings.append(line)
            drafts.append(draft)
            return draft

        def add_caption(line: Line):
            match = CREDIT.match(line.text)
            caption = (
                ParsedCaption(line.number, match["caption"], match["credit"])
                if match
                else ParsedCaption(line.number, line.text)
            )
            if current is not None:
                current.captions.append(caption)
                if not current.body:
                    current.head_captioned = True
            else:
                loose_captions.append((len(drafts), caption))

        for i, line in enumerate(lines):
            text = line.text
            if COLUMN_NAME.match(text):
                leftovers.append(Leftover(line.number, text, "栏目名"))
                continue
            if SLOGAN.match(text):
                leftovers.append(Leftover(line.number, text, "标语"))
                current, after_slogan = None, True
                continue
            if CREDIT.match(text) and len(text) <= CAPTION_MAX_CHARS:
                add_caption(line)
                continue

            if current is None:
                if self.is_headline_shaped(line) and not (
                    self.is_gap_caption(line) and not line.at_page_start
                ):
                    current = start(line)
                elif self.is_gap_caption(line):
                    add_caption(line)
                else:
                    current = _Draft(after_slogan=after_slogan)
                    drafts.append(current)
                    current.body.append(line)
                after_slogan = False
                continue

            if not current.body:  # reading the heading group
                headline_done = current.subtitle is not None or current.head_captioned
                if (
                    SUBTITLE.match(text)
                    and current.headings
                    and current.subtitle is None
                    and (len(text) <= HEADLINE_MAX_CHARS)
                ):
                    current.subtitle = line
                elif headline_done and BYLINE.match(text) and current.headings:
                    current.byline = text
                elif self.is_gap_caption(line) or (
                    current.subtitle is not None and self.is_headline_shaped(line)
                ):
                    add_caption(line)
                elif self.zone_line_name(text) or self.zone_title_split(text):
                    current = start(line)
                elif self.is_headline_shaped(line):
                    if (
                        current.head_captioned
                        or current.zone_line
                        and current.headings
                        and (self.starts_article(lines, i))
                    ):
                        current = start(line)
                    else:
                        current.headings.append(line)
                else:
                    current.body.append(line)
                continue

            # reading the body
            if self.starts_article(lines, i):
                current = start(line)
            elif BYLINE.match(text):
                current.byline = text
                current = None
            elif self.is_gap_caption(line):
                add_caption(line)
            else:
                current.body.append(line)
        return drafts, leftovers, loose_captions

    def _assemble(self, drafts, leftovers, loose_captions) -> list[ParsedArticle]:
        articles: list[tuple[_Draft, ParsedArticle]] = []
        orphans: list[_Draft] = []
        for index, draft in enumerate(drafts):
            if draft.has_heading and draft.body:
                articles.append((draft, self._article(draft)))
            elif draft.body:
                orphans.append(draft)
            else:
                reason = (
                    "版头" if index == 0 else "标语落款" if draft.after_slogan else "无正文的标题"
                )
                for line in [draft.zone_line, *draft.headings, draft.subtitle]:
                    if line is not None:
                        leftovers.append(Leftover(line.number, line.text, reason))
                if draft.byline:
                    leftovers.append(Leftover(draft.first_line, draft.byline, reason))
                loose_captions += [(index, caption) for caption in draft.captions]

        for orphan in orphans:
            self._merge_orphan(orphan, articles, leftovers)

        if articles:
            for index, caption in loose_captions:
                before = [a for d, a in articles if drafts.index(d) < index]
                owner = before[-1] if before else articles[0][1]
                owner.captions.append(caption)
        else:
            for _, caption in loose_captions:
                leftovers.append(
                    Leftover(caption.line, caption.caption + caption.credit, "图片说明（无稿件）")
                )
        result = []
        for _, article in articles:
            article.captions.sort(key=lambda c: c.line)
            self._finish(article)
            result.append(article)
        leftovers.sort(key=lambda leftover: leftover.line)
        return result

    def _merge_orphan(self, orphan: _Draft, articles, leftovers):
        """Join the first half of a split article to its heading further down the page."""
        orphan_text = "".join(line.text for line in orphan.body)
        later = [
            (draft, article)
            for draft, article in articles
            if draft.first_line > orphan.first_line and not article.dateline
        ]
        incomplete = not ends_sentence(orphan.body[-1].text)
        target = None
        for draft, article in later:
            names = {article.zone_name} | derive_aliases(article.zone_name or "")
            if article.zone_name and any(name in orphan_text for name in names):
                target = (draft, article)
                break
        if target is None and incomplete and later:
            target = later[0]
        if target is None:
            for line in orphan.body:
                leftovers.append(Leftover(line.number, line.text, "无标题的正文"))
            return
        draft, article = target
        draft.body = orphan.body + draft.body
        draft.captions = orphan.captions + draft.captions
        rebuilt = self._article(draft)
        article.__dict__.update(rebuilt.__dict__)

    def _article(self, draft: _Draft) -> ParsedArticle:
        article = ParsedArticle(first_line=draft.first_line)
        if draft.zone_line:
            article.zone_label = draft.zone_line.text
        headings = [line.text for line in draft.headings]
        if len(headings) >= 2 and any(SPACED_PHRASES.search(h) for h in headings[:2]):
            article.kicker, article.title = headings[0], "".join(headings[1:])
        else:
            article.title = "".join(headings)
        if draft.subtitle:
            article.subtitle = draft.subtitle.text
        body = list(draft.body)
        article.last_line = max(line.number for line in body)
        match = DATELINE.match(body[0].text)
        if match:
            article.dateline = match.group(1)
            body[0] = Line(body[0].number, match.group(2), body[0].gap)
        article.paragraphs = join_paragraphs([line.text for line in body if line.text])
        article.byline = draft.byline
        article.captions = list(draft.captions)
        self._place_zone(article, draft)
        return article

    def _finish(self, article: ParsedArticle):
        if not article.byline and article.paragraphs:
            match = GLUED_BYLINE.match(article.paragraphs[-1])
            if match:
                article.paragraphs[-1] = match["text"]
                article.byline = match["byline"]
        article.authors = re.findall(rf"[{_CJK}]{{2,4}}", article.byline)
        article.genre = infer_genre(article)

    def _place_zone(self, article: ParsedArticle, draft: _Draft):
        if draft.zone_from_line:
            self._set_zone(article, draft.zone_from_line)
            return
        for text in (article.title, article.kicker, article.subtitle):
            zone = self.zones.first_mentioned(text)
            if zone:
                article.zone_name, article.zone_is_known = zone.official_name, True
                return
        for text in (article.title, article.kicker):
            match = UNKNOWN_ZONE_AT_START.match(text)
            if match:
                self._set_zone(article, match.group(0))
                return
        zone = self.zones.first_mentioned(article.body)
        if zone:
            article.zone_name, article.zone_is_known = zone.official_name, True

    def _set_zone(self, article: ParsedArticle, name: str):
        zone = self.zones.resolve(name)
        if zone:
            article.zone_name, article.zone_is_known = zone.official_name, True
            return
        article.zone_name, article.zone_is_known = name, False
        # "山西转型综改示范区潇河新兴产业园区": a known zone named right before the new one is
        # the park's parent.
        for _start, end, zone in self.zones.mentions(article.body):
            if article.body.startswith(name, end):
                article.zone_parent_name = zone.official_name
                break


def infer_genre(article: ParsedArticle) -> str:
    """综述 when the heading says so; 消息 for a datelined or short piece; otherwise 通讯."""
    if "综述" in article.subtitle or "综述" in article.title:
        return Genre.SURVEY
    if article.dateline or count_characters(article.body) < 1000:
        return Genre.NEWS
    return Genre.FEATURE


def ends_page(text: str) -> bool:
    stripped = text.rstrip().rstrip(CLOSING)
    return bool(stripped) and stripped[-1] in PAGE_END


def cut_off_notes(articles: list[ParsedArticle]) -> list[Leftover]:
    """A note when the page's last article stops mid-sentence: the page may have been cut."""
    position, last = max(enumerate(articles, start=1), key=lambda item: item[1].last_line)
    paragraph = last.paragraphs[-1] if last.paragraphs else ""
    if ends_page(paragraph):
        return []
    tail = paragraph[-CUT_OFF_TAIL_CHARS:]
    text = f"第{position}篇《{last.title}》结尾不是完整句子：……{tail}"
    return [Leftover(last.last_line, text, CUT_OFF)]


def read_page(text: str, zones) -> ParsedPage:
    page = PageReader(zones).read(text)
    if not page.articles:
        raise PageRejected("版面上没有找到任何稿件（需要有标题和正文）。")
    page.notes = cut_off_notes(page.articles)
    return page
