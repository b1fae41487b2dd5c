"""A correspondent's Word document (.docx, as Word and WPS save it) read into a piece's fields.

Correspondents write in WPS or Word and lay a piece out as the weekly prints it: perhaps the
zone's name, a kicker (引题) above the title, the title, a subtitle starting with ——, then the
body, with the photo and its caption between paragraphs. The heading lines are read with the
page importer's shapes (shapes.py), so a document and a printed page mean the same thing by
the same line. Nothing here writes: the caller shows the fields to the correspondent, who
checks them before saving, and sends the picture through the same photo checks as an upload.
"""

import io
import zipfile
from dataclasses import dataclass, field

import docx
from docx.opc.exceptions import PackageNotFoundError

from articles.text import ends_sentence
from importer.shapes import (
    CAPTION_MAX_CHARS,
    CREDIT,
    DATELINE,
    HEADLINE_MAX_CHARS,
    SUBTITLE,
    zone_line_name,
)

# As large as an upload may be (nginx refuses more, deploy/nginx.conf).
MAX_BYTES = 10 * 1024 * 1024
# Unpacked, a document may hold this much: a few pages of text and pictures take far less, and
# a small file that unpacks to gigabytes must be refused before it is unpacked.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
# Old binary Word and WPS files (.doc, .wps) start with the OLE2 signature.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TITLE_STYLES = ("Title", "Heading 1", "标题", "标题 1")
# How a picture is anchored in a paragraph: DrawingML (Word, WPS) or VML (older documents).
PICTURE_REFERENCES = (
    ".//*[local-name()='blip']/@*[local-name()='embed']",
    ".//*[local-name()='imagedata']/@*[local-name()='id']",
)


class UnreadableDocument(Exception):
    """The file is not a .docx this module can read; str(exc) tells the correspondent why."""


@dataclass
class Picture:
    data: bytes
    name: str


@dataclass
class WordPiece:
    zone_name: str = ""
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    paragraphs: list[str] = field(default_factory=list)
    picture: Picture | None = None
    caption: str = ""
    credit: str = ""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class _Paragraph:
    text: str
    is_title_style: bool
    pictures: list[Picture]


def read_word(upload, *, zones) -> WordPiece:
    """Read an uploaded .docx; raise UnreadableDocument with a Chinese reason otherwise."""
    data = _read_bytes(upload)
    try:
        _check_unpacked_size(data)
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument(_why_unreadable(data, upload.name)) from error
    paragraphs = [_paragraph(document, p) for p in document.paragraphs]
    piece = _piece_of(paragraphs, zones)
    if not piece.title and not piece.paragraphs:
        raise UnreadableDocument("这个 Word 文档里没有文字。")
    return piece


def _read_bytes(upload) -> bytes:
    if upload.size > MAX_BYTES:
        raise UnreadableDocument("Word 文档不能超过 10 MB。图片太大时，请先在文档中压缩图片。")
    return upload.read()


def _check_unpacked_size(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if sum(member.file_size for member in package.infolist()) > MAX_UNPACKED_BYTES:
            raise UnreadableDocument(
                "这个 Word 文档解开后太大，系统不读取。请压缩文档中的图片后再试。"
            )


def _why_unreadable(data: bytes, name: str) -> str:
    if data.startswith(OLE2_SIGNATURE) or name.lower().endswith((".doc", ".wps")):
        return (
            "这是旧版的 Word（.doc）或 WPS（.wps）文件，系统读不了。"
            "请在 WPS 或 Word 中选择“另存为”，保存类型选“Word 文档（*.docx）”，再上传新文件。"
        )
    return "无法读取这个文件：它不是 Word 文档（.docx）。请上传用 WPS 或 Word 保存的 .docx 文件。"


def _paragraph(document, paragraph) -> _Paragraph:
    style = paragraph.style.name if paragraph.style is not None else ""
    pictures = []
    for query in PICTURE_REFERENCES:
        for relation_id in paragraph._p.xpath(query):
            part = document.part.related_parts.get(relation_id)
            if part is not None and getattr(part, "blob", None):
                pictures.append(Picture(data=part.blob, name=part.partname.split("/")[-1]))
    return _Paragraph(
        text=" ".join(paragraph.text.split()),
        is_title_style=style in TITLE_STYLES,
        pictures=pictures,
    )


def _piece_of(paragraphs: list[_Paragraph], zones) -> WordPiece:
    piece = WordPiece()
    written = [p for p in paragraphs if p.text or p.pictures]
    headings = _leading_headings(written)
    rest = written[len(headings) :]
    texts = [p.text for p in headings]
    if texts and zone_line_name(texts[0], zones):
        piece.zone_name = texts.pop(0)
    _name_headings(piece, texts, [p.is_title_style for p in headings][-len(texts) :])
    _read_body(piece, rest)
    return piece


def _leading_headings(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """The short lines above the body: zone, kicker, title, subtitle (at most four)."""
    headings = []
    for paragraph in paragraphs[:4]:
        text = paragraph.text
        if paragraph.pictures or not text or DATELINE.match(text):
            break
        if len(text) > HEADLINE_MAX_CHARS or (ends_sentence(text) and not SUBTITLE.match(text)):
            break
        headings.append(paragraph)
    if len(headings) == len(paragraphs):
        # A document of short lines only: its first line is the title, the rest its body.
        return headings[:1]
    return headings


def _name_headings(piece: WordPiece, texts: list[str], title_styled: list[bool]) -> None:
    if texts and SUBTITLE.match(texts[-1]):
        piece.subtitle = texts.pop()
        title_styled = title_styled[:-1]
    if not texts:
        return
    if len(texts) > 2:
        # More short lines than a kicker and a title: the last two are those, the rest body.
        piece.paragraphs.extend(texts[:-2])
        texts, title_styled = texts[-2:], title_styled[-2:]
    if len(texts) == 2 and title_styled[0] and not title_styled[1]:
        # The writer marked the first as the title: the second is a line of the body.
        piece.title = texts[0]
        piece.paragraphs.append(texts[1])
        return
    piece.title = texts[-1]
    if len(texts) == 2:
        piece.kicker = texts[0]


def _read_body(piece: WordPiece, paragraphs: list[_Paragraph]) -> None:
    caption_due = False
    for paragraph in paragraphs:
        if paragraph.pictures and piece.picture is None:
            piece.picture = paragraph.pictures[0]
            caption_due = True
        if not paragraph.text:
            continue
        if caption_due and not paragraph.pictures and _caption_shaped(paragraph.text):
            match = CREDIT.match(paragraph.text)
            piece.caption = match["caption"] if match else paragraph.text
            piece.credit = match["credit"] if match else ""
            caption_due = False
            continue
        caption_due = caption_due and bool(paragraph.pictures)
        piece.paragraphs.append(paragraph.text)


def _caption_shaped(text: str) -> bool:
    return len(text) <= CAPTION_MAX_CHARS and (bool(CREDIT.match(text)) or not ends_sentence(text))
