"""The newsroom's roles: who is an editor, who is a piece's author, and the groups behind them.

Every door (the workflow's moves, the admin, the awards pages, the photo files, the failed-login
page) asks these functions, so a role means the same thing everywhere.
"""

from enum import StrEnum

from django.contrib.auth.models import AnonymousUser

from articles.models import Article

EDITORS_GROUP = "编辑"
CORRESPONDENTS_GROUP = "通讯员"


class Role(StrEnum):
    AUTHOR = "author"  # a correspondent named among the piece's authors
    EDITOR = "editor"


def is_editor(user) -> bool:
    if user is None or isinstance(user, AnonymousUser) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=EDITORS_GROUP).exists()


def is_author(user, article: Article) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return article.authorships.filter(contributor__user=user).exists()


def roles_of(user, article: Article) -> set[Role]:
    roles = set()
    if is_editor(user):
        roles.add(Role.EDITOR)
    if is_author(user, article):
        roles.add(Role.AUTHOR)
    return roles
