"""Reading a page's lines, one at a time, into drafts of articles: the layout's state machine.

PageReader keeps what it has read so far in plain attributes: the article being read (its
heading group until its first body line, then its body), whether a slogan came just before,
and the drafts, captions and leftovers found. Each line is read by the shapes of shapes.py and
by that state; assembly.py then makes articles of the drafts.
"""

from dataclasses import dataclass

from importer.records import Draft, Leftover, Line, ParsedCaption
from importer.shapes import (
    BYLINE,
    COLUMN_NAME,
    HEADLINE_MAX_CHARS,
    SLOGAN,
    SUBTITLE,
    caption_of,
    is_credited_caption,
    is_gap_caption,
    is_headline_shaped,
    opens_heading_group,
    zone_line_name,
    zone_title_split,
)


@dataclass
class LooseCaption:
    """A caption read outside any article; its article is chosen once the page is read."""

    drafts_before: int  # how many drafts the page had begun when the caption was read
    caption: ParsedCaption


@dataclass
class Reading:
    """What PageReader found, in the page's order."""

    drafts: list[Draft]
    loose_captions: list[LooseCaption]
    leftovers: list[Leftover]
    lines: list[Line]  # all the lines read, for what the whole page prints


class PageReader:
    """Reads one page's lines (the call for papers taken out) into drafts, captions, leftovers."""

    def __init__(self, lines: list[Line], zones):
        self.lines = lines
        self.zones = zones
        self.drafts: list[Draft] = []
        self.loose_captions: list[LooseCaption] = []
        self.leftovers: list[Leftover] = []
        self.current: Draft | None = None  # the article being read
        self.after_slogan = False  # a slogan was the last thing read outside an article

    def read(self) -> Reading:
        for i, line in enumerate(self.lines):
            self._read_line(i, line)
        return Reading(
            drafts=self.drafts,
            loose_captions=self.loose_captions,
            leftovers=self.leftovers,
            lines=self.lines,
        )

    def _read_line(self, i: int, line: Line) -> None:
        text = line.text
        if COLUMN_NAME.match(text):
            self.leftovers.append(Leftover(line.number, text, "栏目名"))
        elif SLOGAN.match(text):
            self.leftovers.append(Leftover(line.number, text, "标语"))
            self.current, self.after_slogan = None, True
        elif is_credited_caption(text):
            self._add_caption(line)
        elif self.current is None:
            self._read_outside_article(line)
        elif not self.current.body:
            self._read_heading_group(i, line)
        else:
            self._read_body(i, line)

    def _read_outside_article(self, line: Line) -> None:
        if is_headline_shaped(line) and not (is_gap_caption(line) and not line.at_page_start):
            self._start(line)
        elif is_gap_caption(line):
            self._add_caption(line)
        else:
            self.current = Draft(after_slogan=self.after_slogan)
            self.drafts.append(self.current)
            self.current.body.append(line)
        self.after_slogan = False

    def _read_heading_group(self, i: int, line: Line) -> None:
        current, text = self.current, line.text
        headline_done = current.subtitle is not None or current.head_captioned
        if (
            SUBTITLE.match(text)
            and current.headings
            and current.subtitle is None
            and len(text) <= HEADLINE_MAX_CHARS
        ):
            current.subtitle = line
        elif headline_done and BYLINE.match(text) and current.headings:
            current.byline = text
        elif is_gap_caption(line) or (current.subtitle is not None and is_headline_shaped(line)):
            self._add_caption(line)
        elif zone_line_name(text, self.zones) or zone_title_split(text, self.zones):
            self._start(line)
        elif is_headline_shaped(line):
            if current.head_captioned or self._heading_group_is_full(i):
                self._start(line)
            else:
                current.headings.append(line)
        else:
            current.body.append(line)

    def _heading_group_is_full(self, i: int) -> bool:
        """Whether a headline-shaped line after a zone line's headings starts another article.

        A zone line carries up to two heading lines (kicker and title, whatever zone the title
        names: 潇河新兴产业园区… under 山西转型综合改革示范区 is the park's news); a third opens a
        new article when it opens a heading group.
        """
        current = self.current
        return (
            current.zone_line is not None
            and len(current.headings) >= 2
            and opens_heading_group(self.lines, i, self.zones)
        )

    def _read_body(self, i: int, line: Line) -> None:
        if opens_heading_group(self.lines, i, self.zones):
            self._start(line)
        elif BYLINE.match(line.text):
            self.current.byline = line.text
            self.current = None
        elif is_gap_caption(line):
            self._add_caption(line)
        else:
            self.current.body.append(line)

    def _start(self, line: Line) -> None:
        """Begin a new article whose heading group opens with line."""
        draft = Draft(after_slogan=self.after_slogan)
        zone_title = zone_title_split(line.text, self.zones)
        if zone_title:
            zone_name, title = zone_title
            draft.zone_line = Line(line.number, zone_name, line.gap)
            draft.zone_from_line = zone_name.rstrip("—- ")
            draft.headings.append(Line(line.number, title, line.gap))
        elif zone_line_name(line.text, self.zones):
            draft.zone_line = line
            draft.zone_from_line = zone_line_name(line.text, self.zones)
        else:
            draft.headings.append(line)
        self.drafts.append(draft)
        self.current = draft

    def _add_caption(self, line: Line) -> None:
        caption = caption_of(line)
        if self.current is None:
            self.loose_captions.append(LooseCaption(len(self.drafts), caption))
            return
        self.current.captions.append(caption)
        if not self.current.body:
            self.current.head_captioned = True
