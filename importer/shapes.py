"""The shapes of a line of the page: what one line (or the run it starts) looks like it is.

Each rule here looks at text only and decides nothing about where the line goes: page_reader.py
decides that from these shapes and from what it has read so far. A zone line is the one shape
that needs the zone directory, to tell a zone's name from any other short line.
"""

import re

from articles.text import CLOSING, ends_sentence
from importer.records import Line, ParsedCaption
from zones.naming import UNKNOWN_ZONE_AT_START, UNKNOWN_ZONE_LINE

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
# The paragraph must end a sentence (…保障。 or …说。”), so that a quoted phrase a column
# break cut (实行“一企一策”精准) is not taken for names.
GLUED_BYLINE = re.compile(
    rf"^(?P<text>.*[。！？][”’」』]?)\s*"
    rf"(?P<byline>[(（]{_NAME}(?:\s+{_NAME})*[)）]|{_NAME}(?:\s+{_NAME})*)$"
)
BYLINE_NAME = re.compile(rf"[{_CJK}]{{2,4}}")
CREDIT = re.compile(
    rf"^(?P<caption>.+?[。．.]?)\s*(?P<credit>[{_CJK}A-Za-z]{{2,15}}(?:供图|摄影|摄))$"
)
SPACED_PHRASES = re.compile(r"\S\s+\S")
# How a page's last paragraph ends when the page is whole. Stricter than ends_sentence():
# a page does not end on a colon, a semicolon or a quoted phrase.
PAGE_END = "。！？!?…"


def zone_line_name(text: str, zones) -> str | None:
    """The zone a line names when the line is nothing but a zone's name."""
    name = text.rstrip("—- ").strip()
    if zones.resolve(name) or UNKNOWN_ZONE_LINE.match(name):
        return name
    return None


def zone_title_split(text: str, zones) -> tuple[str, str] | None:
    """'祁县经济开发区 全力打好…' → ('祁县经济开发区', '全力打好…')."""
    parts = text.split(None, 1)
    if len(parts) != 2 or len(text) > HEADLINE_MAX_CHARS or ends_sentence(text):
        return None
    head, rest = parts
    if zone_line_name(head, zones) and len(rest) >= 2:
        return head, rest
    return None


def names_a_zone(text: str, zones) -> str | None:
    """The zone name a heading prints, as printed: the first known zone's name in it, else a
    new zone's name at its start ('介休经开区8个重点项目集中开工' → '介休经开区')."""
    mentions = zones.mentions(text)
    if mentions:
        start, end, _zone = mentions[0]
        return text[start:end]
    match = UNKNOWN_ZONE_AT_START.match(text)
    return match.group(0) if match else None


def opens_with_zone(text: str, zone_name: str, zones) -> bool:
    """Whether a heading begins with the name of the zone zone_name means, in any form
    (洪洞经开区前三季度… under the zone line 洪洞经济技术开发区)."""
    named = names_a_zone(text, zones)
    return named is not None and text.startswith(named) and zones.agree(named, zone_name)


def is_headline_shaped(line: Line) -> bool:
    text = line.text
    return (
        len(text) <= HEADLINE_MAX_CHARS
        and not ends_sentence(text)
        and not DATELINE.match(text)
        and not SUBTITLE.match(text)
    )


def is_gap_caption(line: Line) -> bool:
    """A short line standing alone after a photo's gap."""
    return (
        line.gap >= PHOTO_GAP
        and len(line.text) <= CAPTION_MAX_CHARS
        and not ends_sentence(line.text)
        and not DATELINE.match(line.text)
    )


def is_credited_caption(text: str) -> bool:
    """A short line ending in a photo credit (…供图, …摄): a caption wherever it stands."""
    return bool(CREDIT.match(text)) and len(text) <= CAPTION_MAX_CHARS


def caption_of(line: Line) -> ParsedCaption:
    """The line as a caption, its credit apart when it carries one."""
    match = CREDIT.match(line.text)
    if match:
        return ParsedCaption(line.number, match["caption"], match["credit"])
    return ParsedCaption(line.number, line.text)


def opens_heading_group(lines: list[Line], i: int, zones) -> bool:
    """Whether lines[i] opens a heading group while another article is still open: a zone
    line, or up to three headline-shaped lines followed (past any captions) by a dateline
    paragraph or a subtitle."""
    line = lines[i]
    if zone_line_name(line.text, zones) or zone_title_split(line.text, zones):
        return True
    if BYLINE.match(line.text):
        return False
    j = i
    while j < len(lines) and j < i + 3 and is_headline_shaped(lines[j]):
        if j > i and (
            is_gap_caption(lines[j])
            or BYLINE.match(lines[j].text)
            or zone_line_name(lines[j].text, zones)
        ):
            break
        j += 1
    if j == i:
        return False
    while j < len(lines) and (CREDIT.match(lines[j].text) or is_gap_caption(lines[j])):
        j += 1
    return j < len(lines) and bool(DATELINE.match(lines[j].text) or SUBTITLE.match(lines[j].text))


def kicker_and_title(
    headings: list[str], *, second_opens_with_zone: bool = False
) -> tuple[str, str]:
    """Two heading lines are kicker + title when either has spaced phrases (抓招商 推项目) or
    the second begins with the zone line's zone (a title names its zone first); otherwise the
    lines are one title broken over several lines."""
    if len(headings) >= 2 and (
        second_opens_with_zone or any(SPACED_PHRASES.search(h) for h in headings[:2])
    ):
        return headings[0], "".join(headings[1:])
    return "", "".join(headings)


def glued_byline_split(paragraph: str) -> tuple[str, str] | None:
    """'…纪律保障。刘三红' → ('…纪律保障。', '刘三红'): names glued to a paragraph's end."""
    match = GLUED_BYLINE.match(paragraph)
    if match:
        return match["text"], match["byline"]
    return None


def byline_names(byline: str) -> list[str]:
    return BYLINE_NAME.findall(byline)


def ends_page(text: str) -> bool:
    """Whether a page's last paragraph ends as a whole page does (not mid-sentence)."""
    stripped = text.rstrip().rstrip(CLOSING)
    return bool(stripped) and stripped[-1] in PAGE_END
