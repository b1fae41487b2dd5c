"""Plain factory functions for tests: make_x(**overrides) builds and saves one object."""

import datetime
import itertools

from django.contrib.auth import get_user_model

from articles.models import (
    Article,
    Authorship,
    CallForPapers,
    CallTheme,
    Contributor,
    Issue,
    Photo,
    Status,
)
from indicators.catalogue import write_first_catalogue
from indicators.models import ExtractedFigure, Indicator
from search import near_copies
from search.indexing import index_articles
from zones.models import City, Zone

_sequence = itertools.count(1)


def make_zone(**overrides) -> Zone:
    n = next(_sequence)
    fields = {"official_name": f"测试{n}经济技术开发区", "short_name": f"测试{n}经开区"}
    fields.setdefault("city", City.TAIYUAN)
    fields.update(overrides)
    return Zone.objects.create(**fields)


def make_issue(**overrides) -> Issue:
    n = next(_sequence)
    fields = {"date": datetime.date(2024, 1, 1) + datetime.timedelta(days=7 * n)}
    fields.update(overrides)
    return Issue.objects.create(**fields)


def make_contributor(**overrides) -> Contributor:
    fields = {"name": f"作者{next(_sequence)}"}
    fields.update(overrides)
    return Contributor.objects.create(**fields)


def make_theme(*, call=None, **overrides) -> CallTheme:
    """A theme of a call for papers (a new call unless one is given)."""
    n = next(_sequence)
    call = call or CallForPapers.objects.create(date=datetime.date(2023, 3, 28))
    fields = {"number": n, "name": f"主题{n}"}
    fields.update(overrides)
    return CallTheme.objects.create(call=call, **fields)


def make_article(*, authors=(), status=Status.PUBLISHED, photos=0, **overrides) -> Article:
    """An article; status is set as the workflow would leave it (tests only)."""
    n = next(_sequence)
    fields = {"title": f"测试稿件{n}", "body": f"第{n}篇稿件的正文。\n\n第二段。"}
    fields.update(overrides)
    if "zone" not in fields:
        fields["zone"] = make_zone()
    article = Article.objects.create(**fields)
    Article.objects.filter(pk=article.pk).update(status=status)
    article.refresh_from_db()
    for order, author in enumerate(authors, start=1):
        Authorship.objects.create(article=article, contributor=author, order=order)
    for position in range(1, photos + 1):
        Photo.objects.create(article=article, caption=f"图片说明{position}", position=position)
    # The workflow's save fingerprints a piece that reached the editors, and the workflow
    # indexes what it publishes; the status update above bypassed both.
    near_copies.piece_saved(article, update_fields=["status"])
    if status == Status.PUBLISHED:
        index_articles([article.pk])
    return article


def make_user(username=None, *, staff=False, superuser=False, password="测试密码-123456"):
    User = get_user_model()
    user = User.objects.create_user(
        username=username or f"user{next(_sequence)}",
        password=password,
        is_staff=staff or superuser,
        is_superuser=superuser,
    )
    return user


def editors_group():
    """The 编辑 group as the migration makes it.

    A transactional test's flush can leave a database without the migration's rows (and
    without permissions), so the fixture rebuilds them rather than depend on test order.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name="编辑")
    if not group.permissions.exists():
        for label in ("articles", "zones"):
            create_permissions(apps.get_app_config(label), verbosity=0)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label__in=["articles", "zones"])
        )
    return group


def make_editor(username=None, *, levels=()):
    """An editor; `levels` are the review roles (editorial.roles.Role) they also hold."""
    from django.contrib.auth.models import Group

    from editorial.roles import LEVEL_GROUPS

    user = make_user(username, staff=True)
    user.groups.add(editors_group())
    for role in levels:
        user.groups.add(Group.objects.get_or_create(name=LEVEL_GROUPS[role])[0])
    return user


def make_correspondent(username=None, *, zone=None, name=None, email=""):
    """A correspondent: a login in the 通讯员 group linked to a Contributor of their zone."""
    from django.contrib.auth.models import Group

    user = make_user(username)
    user.email = email or f"{user.username}@example.cn"
    user.save(update_fields=["email"])
    user.groups.add(Group.objects.get_or_create(name="通讯员")[0])
    make_contributor(name=name or f"通讯员{user.username}", zone=zone or make_zone(), user=user)
    return user


def make_first_catalogue() -> None:
    """The indicators of migration indicators/0002, for a test after a transactional one: a
    flushed database has lost the rows data migrations wrote."""
    write_first_catalogue(Indicator)


def make_figure(*, article=None, indicator="财政总收入", review="已确认", **overrides):
    """A figure of a piece (a published one unless given), reviewed as `review` says."""
    article = article or make_article(issue=make_issue())
    fields = {
        "indicator": Indicator.objects.get(name=indicator),
        "value": 500_000_000,
        "unit": "元",
        "change": 10,
        "period_start": datetime.date(2024, 1, 1),
        "period_end": datetime.date(2024, 3, 31),
        "period_label": "2024年一季度",
        "zone": article.zone,
        "sentence": "财政总收入完成5亿元，同比增长10%。",
        "review": review,
    }
    fields.update(overrides)
    return ExtractedFigure.objects.create(article=article, **fields)
