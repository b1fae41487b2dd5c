"""Saving a correspondent's piece: text, authors and the one photo. Status moves stay in
workflow.py; this module only writes what the author may edit.
"""

from dataclasses import dataclass

from django.db import transaction

from .models import Article, Authorship, CallForPapers, Contributor, Photo
from .photos import ProcessedPhoto
from .text import count_characters

# Against the genre's target length: outside these shares a gentle warning, past the ceiling a
# refusal (an 800-character 消息 may run from 400 to 1200 without comment, never past 1600).
WARN_BELOW = 0.5
WARN_ABOVE = 1.5
CEILING = 2.0


@dataclass(frozen=True)
class LengthCheck:
    count: int
    target: int | None
    warning: str = ""
    refusal: str = ""


def check_length(*, body: str, genre: str, call: CallForPapers | None) -> LengthCheck:
    count = count_characters(body)
    target = None
    if call is not None:
        target = call.genres.filter(genre=genre).values_list("target_length", flat=True).first()
    if not target:
        return LengthCheck(count, None)
    if count > target * CEILING:
        return LengthCheck(
            count,
            target,
            refusal=f"{genre}要求{target}字左右，本稿{count}字，超过上限{int(target * CEILING)}字，"
            "请删减后再投。",
        )
    if count < target * WARN_BELOW or count > target * WARN_ABOVE:
        return LengthCheck(
            count, target, warning=f"{genre}要求{target}字左右，本稿{count}字，与要求相差较多。"
        )
    return LengthCheck(count, target)


def author_contributor(user) -> Contributor:
    return user.contributor


def _extra_authors(names: list[str], zone) -> list[Contributor]:
    found = []
    for name in names:
        contributor = Contributor.objects.filter(name=name, zone=zone).first()
        found.append(contributor or Contributor.objects.create(name=name, zone=zone))
    return found


@transaction.atomic
def save_submission(
    *,
    user,
    fields: dict,
    co_authors=(),
    extra_author_names=(),
    photo: ProcessedPhoto | None = None,
    photo_caption: str = "",
    photo_credit: str = "",
    article: Article | None = None,
) -> Article:
    """Create or update the author's piece; the caller checked that it may be edited."""
    if article is None:
        article = Article(created_by=user)
    for name, value in fields.items():
        setattr(article, name, value)
    article.save()

    authors = [author_contributor(user)]
    authors += [c for c in co_authors if c not in authors]
    authors += [c for c in _extra_authors(extra_author_names, article.zone) if c not in authors]
    current = list(article.authorships.order_by("order").values_list("contributor_id", flat=True))
    if current != [c.pk for c in authors]:
        article.authorships.all().delete()
        Authorship.objects.bulk_create(
            Authorship(article=article, contributor=c, order=i) for i, c in enumerate(authors, 1)
        )

    existing = article.photos.first()
    if photo is not None:
        if existing:
            existing.delete()
        existing = Photo(article=article, position=1)
        existing.image.save(photo.image.name, photo.image, save=False)
        existing.thumbnail.save(photo.thumbnail.name, photo.thumbnail, save=False)
    if existing is not None:
        existing.caption = photo_caption or existing.caption
        existing.credit = photo_credit or existing.credit
        existing.save()
    return article
