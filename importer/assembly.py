"""Making articles of the drafts a page was read into: headings, body, zone, captions, leftovers.

A draft with a heading and a body is an article. A draft with only a body is half of an
article the layout split. Without a byline it is the first half: it joins the later article on
the page that has no dateline and names the same zone (or, when it stops mid-sentence, the first
such article). With a byline it is the second half: it ends the article on the page that stops
mid-sentence without a byline (the one naming the same zone first). A half with nothing to join
(its other half is on another page) is left over, byline and all. A draft with only a heading is
left over for an editor. A caption read outside any article belongs to the last article begun
before it, else to the page's first article. A zone the registry lacks is named by the fullest
form of its name the page prints.
"""

from dataclasses import dataclass, replace

from articles.text import ends_sentence
from editorial.genres import infer_genre
from importer.page_reader import LooseCaption, Reading
from importer.paragraphs import join_paragraphs
from importer.records import Draft, Leftover, ParsedArticle
from importer.shapes import (
    DATELINE,
    byline_names,
    glued_byline_split,
    kicker_and_title,
    opens_with_zone,
)
from zones.naming import UNKNOWN_ZONE_AT_START, derive_aliases, longer_forms


@dataclass
class ZonePlace:
    """The zone an article is about, as far as the page says."""

    name: str | None = None
    is_known: bool = False  # the registry has it
    parent_name: str | None = None  # a known zone named right before a new one


@dataclass
class _Piece:
    """An article and the draft it was built from."""

    order: int  # the draft's place among the page's drafts
    draft: Draft
    article: ParsedArticle


def assemble(reading: Reading, zones) -> tuple[list[ParsedArticle], list[Leftover]]:
    """The page's articles in reading order, and everything left over for an editor."""
    leftovers = list(reading.leftovers)
    loose_captions = list(reading.loose_captions)
    pieces: list[_Piece] = []
    orphans: list[Draft] = []
    for order, draft in enumerate(reading.drafts):
        if draft.has_heading and draft.body:
            pieces.append(_Piece(order, draft, build_article(draft, zones)))
        elif draft.body:
            orphans.append(draft)
        else:
            leftovers += _headings_left_over(draft, order)
            loose_captions += [LooseCaption(order, caption) for caption in draft.captions]

    for orphan in orphans:
        leftovers += _join_orphan(orphan, pieces, zones)

    if pieces:
        for loose in loose_captions:
            before = [piece.article for piece in pieces if piece.order < loose.drafts_before]
            owner = before[-1] if before else pieces[0].article
            owner.captions.append(loose.caption)
    else:
        leftovers += [
            Leftover(
                loose.caption.line,
                loose.caption.caption + loose.caption.credit,
                "图片说明（无稿件）",
            )
            for loose in loose_captions
        ]
    page_text = "\n".join(line.text for line in reading.lines)
    for piece in pieces:
        piece.article.captions.sort(key=lambda caption: caption.line)
        if piece.article.zone_name and not piece.article.zone_is_known:
            _name_new_zone_fully(piece.article, page_text, zones)
    leftovers.sort(key=lambda leftover: leftover.line)
    return [piece.article for piece in pieces], leftovers


def _name_new_zone_fully(article: ParsedArticle, page_text: str, zones) -> None:
    """A zone the registry lacks takes the fullest of its names the page prints: a title's
    介休经开区 is 介休经济技术开发区 when the page prints that too."""
    printed = [form for form in longer_forms(article.zone_name) if form in page_text]
    if not printed:
        return
    fullest = max(printed, key=len)
    known = zones.resolve(fullest)
    article.zone_name = known.official_name if known else fullest
    article.zone_is_known = known is not None


def _headings_left_over(draft: Draft, order: int) -> list[Leftover]:
    """A heading with no body: the masthead, a slogan's signature, or a title alone."""
    reason = "版头" if order == 0 else "标语落款" if draft.after_slogan else "无正文的标题"
    leftovers = [
        Leftover(line.number, line.text, reason)
        for line in [draft.zone_line, *draft.headings, draft.subtitle]
        if line is not None
    ]
    if draft.byline:
        leftovers.append(Leftover(draft.first_line, draft.byline, reason))
    return leftovers


def _join_orphan(orphan: Draft, pieces: list[_Piece], zones) -> list[Leftover]:
    """Join half of a split article to the article it belongs to; when none is on the page,
    the half is left over."""
    if orphan.byline:
        target = _article_cut_short(orphan, pieces)
    else:
        target = _article_without_start(orphan, pieces)
    if target is None:
        leftovers = [Leftover(line.number, line.text, "无标题的正文") for line in orphan.body]
        if orphan.byline:
            leftovers.append(Leftover(orphan.body[-1].number, orphan.byline, "无标题的正文"))
        return leftovers
    if orphan.byline:
        body, byline = target.draft.body + orphan.body, orphan.byline
    else:
        body, byline = orphan.body + target.draft.body, target.draft.byline
    target.draft = replace(
        target.draft,
        body=body,
        byline=byline,
        captions=orphan.captions + target.draft.captions,
    )
    target.article = build_article(target.draft, zones)
    return []


def _article_without_start(orphan: Draft, pieces: list[_Piece]) -> _Piece | None:
    """The article a first half begins: a later one without a dateline, naming the orphan's
    zone, or (when the half stops mid-sentence) the first of them."""
    later = [
        piece
        for piece in pieces
        if piece.draft.first_line > orphan.first_line and not piece.article.dateline
    ]
    return _naming_its_zone(orphan, later) or (
        later[0] if later and not ends_sentence(orphan.body[-1].text) else None
    )


def _article_cut_short(orphan: Draft, pieces: list[_Piece]) -> _Piece | None:
    """The article a second half (ending in a byline) ends: one without a byline whose body
    stops mid-sentence, naming the orphan's zone, else the first of them."""
    cut_short = [
        piece
        for piece in pieces
        if not piece.article.byline
        and piece.article.paragraphs
        and not ends_sentence(piece.article.paragraphs[-1])
    ]
    return _naming_its_zone(orphan, cut_short) or (cut_short[0] if cut_short else None)


def _naming_its_zone(orphan: Draft, pieces: list[_Piece]) -> _Piece | None:
    orphan_text = "".join(line.text for line in orphan.body)
    for piece in pieces:
        zone_name = piece.article.zone_name
        if zone_name and any(
            name in orphan_text for name in {zone_name} | derive_aliases(zone_name)
        ):
            return piece
    return None


def build_article(draft: Draft, zones) -> ParsedArticle:
    """The article a draft with a heading and a body makes, complete: the genre included."""
    headings = [line.text for line in draft.headings]
    kicker, title = kicker_and_title(
        headings,
        second_opens_with_zone=bool(
            len(headings) == 2
            and draft.zone_from_line
            and opens_with_zone(headings[1], draft.zone_from_line, zones)
        ),
    )
    subtitle = draft.subtitle.text if draft.subtitle else ""
    texts = [line.text for line in draft.body]
    dateline = ""
    match = DATELINE.match(texts[0])
    if match:
        dateline, texts[0] = match.group(1), match.group(2)
    paragraphs = join_paragraphs([text for text in texts if text])
    # The zone is looked for in the body as printed, a byline glued to its end included.
    zone = _zone_place(
        draft,
        kicker=kicker,
        title=title,
        subtitle=subtitle,
        body="\n\n".join(paragraphs),
        zones=zones,
    )
    byline = draft.byline
    glued = glued_byline_split(paragraphs[-1]) if not byline and paragraphs else None
    if glued:
        paragraphs[-1], byline = glued
    return ParsedArticle(
        first_line=draft.first_line,
        last_line=max(line.number for line in draft.body),
        kicker=kicker,
        title=title,
        subtitle=subtitle,
        zone_label=draft.zone_line.text if draft.zone_line else "",
        dateline=dateline,
        paragraphs=paragraphs,
        byline=byline,
        authors=byline_names(byline),
        captions=list(draft.captions),
        zone_name=zone.name,
        zone_is_known=zone.is_known,
        zone_parent_name=zone.parent_name,
        genre=infer_genre(
            title=title, subtitle=subtitle, dateline=dateline, body="\n\n".join(paragraphs)
        ),
    )


def _zone_place(draft: Draft, *, kicker, title, subtitle, body, zones) -> ZonePlace:
    """The zone line's zone; else the first known zone the heading names, then a new zone
    at the start of the title or kicker; else the first known zone the body names."""
    if draft.zone_from_line:
        return _named_zone(draft.zone_from_line, body, zones)
    for text in (title, kicker, subtitle):
        zone = zones.first_mentioned(text)
        if zone:
            return ZonePlace(zone.official_name, True)
    for text in (title, kicker):
        match = UNKNOWN_ZONE_AT_START.match(text)
        if match:
            return _named_zone(match.group(0), body, zones)
    zone = zones.first_mentioned(body)
    if zone:
        return ZonePlace(zone.official_name, True)
    return ZonePlace()


def _named_zone(name: str, body: str, zones) -> ZonePlace:
    zone = zones.resolve(name)
    if zone:
        return ZonePlace(zone.official_name, True)
    # "山西转型综改示范区潇河新兴产业园区": a known zone named right before the new one is
    # the park's parent.
    for _start, end, parent in zones.mentions(body):
        if body.startswith(name, end):
            return ZonePlace(name, False, parent.official_name)
    return ZonePlace(name, False)
