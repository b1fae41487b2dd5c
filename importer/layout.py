"""The page layout of 《开发区建设》 as extracted to text: reading a page into a ParsedPage.

This module runs the steps and holds the rules for the whole page; the line shapes are in
shapes.py, the state machine that reads line by line in page_reader.py, the making of articles
in assembly.py, the records in records.py. A page is read line by line. The rules, in the
order they matter:

- Blank lines separate blocks. Two or more blank lines in a row mark the place of a photo.
- An article begins with a heading group: an optional zone line (a zone's name alone, perhaps
  ending in ——), an optional kicker (引题), the title, an optional subtitle starting with ——.
  The zone and title may share a line ("祁县经济开发区 全力打好…").
- A heading group is recognised after a byline or at the top of a page, or anywhere when it
  starts with a zone line, or when a dateline paragraph (科学导报讯, 本刊讯) or a subtitle follows
  it. A zone line carries up to two heading lines: a title naming the zone line's zone in a
  shorter form (介休经开区… under 介休经济技术开发区) is its own, not a new article's. Two heading
  lines are kicker + title when either has spaced phrases ("抓招商 推项目 强企业") or the second
  begins with the zone line's zone; otherwise they are one title broken over two lines.
- A zone the registry lacks is named by the fullest form of its name the page prints.
- The byline ends an article: a line of names ("麻洁琼", "(常珍珍 张帆)"), or names glued to
  the end of the last paragraph's sentence ("…纪律保障。刘三红", "…发展。刘建华 任静").
- A paragraph that does not end a sentence continues in the next block (a column break), unless
  it is one of a series of subheadings of the same shape (完善机制，建强“组织链” / 培育集群，…).
- A caption stands alone after a photo gap, or carries a credit (…供图, …摄); after a subtitle,
  short lines before the body are captions.
- Body text before any heading is half of an article split by the layout. The first half joins
  the later article on the page that has no dateline and names the same zone; a second half,
  ending in a byline, ends the article that stops mid-sentence without one. A half whose other
  half is not on the page is left over, byline and all.
- A line in Chinese followed by its pinyin is a column name; a quoted line of spaced phrases is
  a slogan. Neither is an article; headings with no body (the masthead, a slogan's signature)
  are left over for an editor, as is anything else that fits no rule.
- 征稿启事 starts the call for papers, which runs to its signature (…编辑部 YYYY年M月D日).
- A page whose last article stops mid-sentence (its last paragraph does not end with 。！？…,
  perhaps inside closing quotes) looks cut off: it still imports, with a note for an editor.
- Every character of the page lands in exactly one place; a page where one would not is
  refused, as is a page with no article.

A piece's genre is not part of the layout: editorial/genres.py decides it.
"""

from collections import Counter

from importer.assembly import assemble
from importer.call import CALL_HEADING, ParsedCall, is_call_signature, parse_call
from importer.errors import PageRejected
from importer.page_reader import PageReader
from importer.records import Leftover, Line, ParsedArticle, ParsedPage
from importer.shapes import ends_page

CUT_OFF = "疑似版面不完整"
CUT_OFF_TAIL_CHARS = 30


def read_page(text: str, zones) -> ParsedPage:
    lines, call = _take_call(split_lines(text))
    reading = PageReader(lines, zones).read()
    articles, leftovers = assemble(reading, zones)
    page = ParsedPage(articles=articles, call=call, leftovers=leftovers)
    _check_nothing_lost(text, page)
    if not page.articles:
        raise PageRejected("版面上没有找到任何稿件（需要有标题和正文）。")
    page.notes = cut_off_notes(page.articles)
    return page


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


def _take_call(lines: list[Line]) -> tuple[list[Line], ParsedCall | None]:
    """The page's lines without the call for papers, and the call."""
    for start, line in enumerate(lines):
        if line.text == CALL_HEADING:
            end = start + 1
            while end < len(lines) and not is_call_signature(lines[end - 1].text):
                end += 1
            return lines[:start] + lines[end:], parse_call(lines[start:end])
    return lines, None


def _non_space(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


def _check_nothing_lost(text: str, page: ParsedPage) -> None:
    placed = _non_space("".join(page.placed_texts()))
    missing, extra = _non_space(text) - placed, placed - _non_space(text)
    if missing or extra:
        raise PageRejected(
            "版面文字未能全部归位（导入程序的缺陷，请报告）："
            f"缺少 {''.join(missing.elements())[:40]!r}，"
            f"多出 {''.join(extra.elements())[:40]!r}。"
        )


def cut_off_notes(articles: list[ParsedArticle]) -> list[Leftover]:
    """A note when the page's last article stops mid-sentence: the page may have been cut."""
    position, last = max(enumerate(articles, start=1), key=lambda item: item[1].last_line)
    paragraph = last.paragraphs[-1] if last.paragraphs else ""
    if ends_page(paragraph):
        return []
    tail = paragraph[-CUT_OFF_TAIL_CHARS:]
    text = f"第{position}篇《{last.title}》结尾不是完整句子：……{tail}"
    return [Leftover(last.last_line, text, CUT_OFF)]
