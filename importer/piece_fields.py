"""What of an imported piece the importer owns: the fields it writes, one hash per field (to
tell an editor's change from its own writing) and each field's text (to show an editor what
differs).
"""

import hashlib
import json

from articles.models import Article

# The Article fields the importer writes; with AUTHORS and CAPTIONS, what a piece's hashes cover.
FIELDS = (
    "kicker",
    "title",
    "subtitle",
    "zone_label",
    "dateline",
    "body",
    "byline",
    "zone",
    "issue",
    "page",
    "position",
    "genre",
)
AUTHORS = "authors"
CAPTIONS = "captions"
_LABELS = {AUTHORS: "作者", CAPTIONS: "图片说明"}


def field_label(name: str) -> str:
    return _LABELS.get(name) or str(Article._meta.get_field(name).verbose_name)


def _digest(value) -> str:
    # A browser sends a textarea's line breaks as CRLF: an admin save that changed nothing
    # must not count as an editor's change.
    if isinstance(value, str):
        value = value.replace("\r\n", "\n")
    data = json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def digests(values: dict, authors: list[str], captions: list[tuple[str, str]]) -> dict:
    plain = {name: getattr(value, "pk", value) for name, value in values.items()}
    found = {name: _digest(plain[name]) for name in FIELDS}
    found[AUTHORS] = _digest(authors)
    found[CAPTIONS] = _digest([list(caption) for caption in captions])
    return found


def _authors_and_captions(article: Article) -> tuple[list[str], list[tuple[str, str]]]:
    authors = [authorship.contributor.name for authorship in article.authorships.all()]
    captions = [(photo.caption, photo.credit) for photo in article.photos.all()]
    return authors, captions


def current_digests(article: Article) -> dict:
    values = {name: getattr(article, Article._meta.get_field(name).attname) for name in FIELDS}
    return digests(values, *_authors_and_captions(article))


def changed(current: dict, reference: dict) -> tuple[str, ...]:
    """The names of the fields whose hashes differ."""
    return tuple(name for name in current if current[name] != reference.get(name))


def _shown(value) -> str:
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n")


def texts(values: dict, authors: list[str], captions: list[tuple[str, str]]) -> dict:
    """Each hashed field as an editor reads it (a zone by its name, captions one a line)."""
    found = {name: _shown(values[name]) for name in FIELDS}
    found[AUTHORS] = "、".join(authors)
    found[CAPTIONS] = "\n".join(caption + credit for caption, credit in captions)
    return found


def current_texts(article: Article) -> dict:
    values = {name: getattr(article, name) for name in FIELDS}
    return texts(values, *_authors_and_captions(article))
