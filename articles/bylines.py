"""Which Contributor a byline name means, and rewriting a piece's byline.

The importer, the correspondents' portal, onboarding a correspondent and the demo accounts
all come here, so a name means the same person whichever door it came through, and a byline
is only ever rewritten in one way: to exactly the list asked for, in that order.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Article, Authorship, Contributor
from zones.models import Zone


def check_name(name: str) -> None:
    """Raise ValidationError, naming the name, unless Contributor.name would take it as it is
    (its length, no control characters): the same rule for the portal and the commands."""
    try:
        Contributor._meta.get_field("name").clean(name, None)
    except ValidationError as error:
        raise ValidationError(f"作者姓名“{name}”：{error.messages[0]}", code="name") from error


def contributor_for_name(*, name: str, zone: Zone | None) -> Contributor:
    """The contributor a byline name means: the only one of that name, else the one of that
    name in this zone, else the first of that name; a new one when nobody has the name.
    """
    same_name = list(Contributor.objects.filter(name=name).order_by("pk"))
    if len(same_name) == 1:
        return same_name[0]
    for contributor in same_name:
        if zone is not None and contributor.zone_id == zone.pk:
            return contributor
    if same_name:
        return same_name[0]
    return Contributor.objects.create(name=name, zone=zone)


def contributor_for_account(*, user, name: str, zone: Zone) -> Contributor:
    """The contributor a login stands for: the one already linked to it, else the byline of
    that name in that zone that nobody has claimed yet, else a new one. Links it to the login.

    Stricter than contributor_for_name: a namesake in another zone, or one with a login of
    their own, is someone else.
    """
    contributor = (
        Contributor.objects.filter(user=user).first()
        or Contributor.objects.filter(name=name, zone=zone, user__isnull=True)
        .order_by("pk")
        .first()
        or Contributor(name=name, zone=zone)
    )
    contributor.user = user
    contributor.email = contributor.email or user.email
    contributor.save()
    return contributor


def authors_of(article: Article) -> list[Contributor]:
    """The byline in order."""
    return [
        authorship.contributor
        for authorship in article.authorships.select_related("contributor").order_by("order")
    ]


@transaction.atomic
def set_authors(*, article: Article, contributors: list[Contributor]) -> bool:
    """Make the byline exactly these contributors in this order (duplicates dropped).

    Returns whether anything changed; an unchanged byline is left alone, rows and all.
    """
    wanted = list(dict.fromkeys(contributors))
    current = list(article.authorships.order_by("order").values_list("contributor_id", flat=True))
    if current == [contributor.pk for contributor in wanted]:
        return False
    article.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(article=article, contributor=contributor, order=order)
        for order, contributor in enumerate(wanted, start=1)
    )
    return True
