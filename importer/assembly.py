"""Making articles of the drafts a page was read into: headings, body, zone, captions, leftovers.

A draft with a heading and a body is an article. A draft with only a body is the first half
of an article the layout split: it joins the later article on the page that has no dateline
and names the same zone (or, when it stops mid-sentence, the first such article). A draft with
only a heading is left over for an editor. A caption read outside any article belongs to the
last article begun before it, else to the page's first article.
"""

from dataclasses import dataclass, replace

from articles.text import ends_sentence
from editorial.genres import infer_genre
from importer.page_reader import LooseCaption, Reading
from importer.paragraphs import join_paragraphs
from importer.records import Draft, Leftover, ParsedArticle
from importer.shapes import DATELINE, byline_names, glued_byline_split, kicker_and_title
from zones.naming import UNKNOWN_ZONE_AT_START, derive_aliases


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
    for piece in pieces:
        piece.article.captions.sort(key=lambda caption: caption.line)
    leftovers.sort(key=lambda leftover: leftover.line)
    return [piece.article for piece in pieces], leftovers


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
    """Join the first half of a split article to its heading further down the page; when it
    has none, the half is left over."""
    orphan_text = "".join(line.text for line in orphan.body)
    later = [
        piece
        for piece in pieces
        if piece.draft.first_line > orphan.first_line and not piece.article.dateline
    ]
    target = None
    for piece in later:
        zone_name = piece.article.zone_name
        if zone_name and any(
            name in orphan_text for name in {zone_name} | derive_aliases(zone_name)
        ):
            target = piece
            break
    if target is None and not ends_sentence(orphan.body[-1].text) and later:
        target = later[0]
    if target is None:
        return [Leftover(line.number, line.text, "无标题的正文") for line in orphan.body]
    target.draft = replace(
        target.draft,
        body=orphan.body + target.draft.body,
        captions=orphan.captions + target.draft.captions,
    )
    target.article = build_article(target.draft, zones)
    return []


def build_article(draft: Draft, zones) -> ParsedArticle:
    """The article a draft with a heading and a body makes, complete: the genre included."""
    kicker, title = kicker_and_title([line.text for line in draft.headings])
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
