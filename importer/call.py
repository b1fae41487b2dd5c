"""The call for papers (征稿启事) as printed on a page: sections, themes, genres, contacts."""

import datetime
import re
from dataclasses import dataclass, field

from articles.models import Genre
from importer.paragraphs import join_paragraphs

CALL_HEADING = "征稿启事"
SIGNATURE = re.compile(
    r"^(?P<issuer>《.+?》.*?编辑部)\s*(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$"
)
SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、)?(?P<name>[\u4e00-\u9fff]{2,6})$")
NUMBERED = re.compile(r"^(?P<number>\d+)[.．、]\s*(?P<text>.+)$")
GENRE_LENGTH = re.compile(rf"(?P<genre>{'|'.join(Genre.values)})\s*[(（](?P<length>\d+)字左右[)）]")
PHOTO_LIMIT = re.compile(r"配\s*(?P<count>\d+|[一两二三])\s*张")
CONTACT = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})\s*(?P<phone>\d[\d-]{6,})")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CHINESE_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3}

# Which field a section heading fills, by the word it contains.
_SECTION_FIELDS = (
    ("导向", "guidance"),
    ("主题", "themes"),
    ("要求", "requirements"),
    ("鼓励", "rewards"),
    ("奖励", "rewards"),
    ("投递", "contacts"),
    ("联系", "contacts"),
)


@dataclass
class ParsedTheme:
    number: int
    name: str
    description: str


@dataclass
class ParsedCall:
    source_text: str
    date: datetime.date | None = None
    issuer: str = ""
    addressee: str = ""
    introduction: str = ""
    guidance: str = ""
    themes_intro: str = ""
    themes: list[ParsedTheme] = field(default_factory=list)
    requirements: str = ""
    special_note: str = ""
    genres: list[tuple[str, int]] = field(default_factory=list)
    max_photos: int = 1
    rewards: list[str] = field(default_factory=list)
    contacts: list[tuple[str, str]] = field(default_factory=list)
    submission_email: str = ""


def is_call_signature(text: str) -> bool:
    return bool(SIGNATURE.match(text))


def _joined(texts: list[str]) -> list[str]:
    """Paragraphs of a section; a numbered item always starts its own."""
    return join_paragraphs(texts, starts_paragraph=NUMBERED.match)


def parse_call(lines) -> ParsedCall:
    """Read the call from its lines (heading first); what it cannot place stays in source_text."""
    call = ParsedCall(source_text="\n".join(line.text for line in lines))
    sections: dict[str, list[str]] = {"introduction": []}
    current = "introduction"
    for line in lines[1:]:
        text = line.text
        signature = SIGNATURE.match(text)
        if signature:
            call.issuer = signature["issuer"]
            call.date = datetime.date(int(signature["y"]), int(signature["m"]), int(signature["d"]))
            continue
        section = SECTION.match(text)
        if section:
            for word, name in _SECTION_FIELDS:
                if word in section["name"]:
                    current = name
                    sections.setdefault(current, [])
                    break
            else:
                sections[current].append(text)
            continue
        if current == "introduction" and not call.addressee and text.endswith(("：", ":")):
            call.addressee = text.rstrip("：:")
            continue
        sections.setdefault(current, []).append(text)

    call.introduction = "\n\n".join(_joined(sections["introduction"]))
    call.guidance = "\n\n".join(_joined(sections.get("guidance", [])))

    for paragraph in _joined(sections.get("themes", [])):
        numbered = NUMBERED.match(paragraph)
        if not numbered:
            call.themes_intro = paragraph
            continue
        name, _, description = numbered["text"].replace(":", "：", 1).partition("：")
        call.themes.append(
            ParsedTheme(int(numbered["number"]), name.strip('“”"「」 '), description.strip())
        )

    requirement_paragraphs = _joined(sections.get("requirements", []))
    call.special_note = "\n\n".join(p for p in requirement_paragraphs if p.startswith("特别提示"))
    call.requirements = "\n\n".join(
        p for p in requirement_paragraphs if not p.startswith("特别提示")
    )
    call.genres = [(m["genre"], int(m["length"])) for m in GENRE_LENGTH.finditer(call.requirements)]
    photo = PHOTO_LIMIT.search(call.requirements)
    if photo:
        count = photo["count"]
        call.max_photos = int(count) if count.isdigit() else _CHINESE_NUMBERS[count]

    for paragraph in _joined(sections.get("rewards", [])):
        numbered = NUMBERED.match(paragraph)
        call.rewards.append(numbered["text"] if numbered else paragraph)

    contact_text = "\n".join(sections.get("contacts", []))
    call.contacts = [(m["name"], m["phone"]) for m in CONTACT.finditer(contact_text)]
    email = EMAIL.search(contact_text)
    call.submission_email = email.group(0) if email else ""
    return call
