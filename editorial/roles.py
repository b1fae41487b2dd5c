"""The newsroom's roles: who is an editor, which review levels (三审) an editor holds, who is a
piece's author, and the groups behind them.

Every door (the workflow's moves, the admin, the awards pages, the photo files, the failed-login
page) asks these functions, so a role means the same thing everywhere.
"""

from enum import StrEnum

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from articles.models import Article

EDITORS_GROUP = "编辑"
CORRESPONDENTS_GROUP = "通讯员"


class Role(StrEnum):
    AUTHOR = "author"  # a correspondent named among the piece's authors
    EDITOR = "editor"  # anyone on the editorial staff
    # The three levels of review (三审制); an editor holds one or more of them.
    FIRST_REVIEWER = "first_reviewer"  # 责任编辑: 初审
    SECOND_REVIEWER = "second_reviewer"  # 编辑部主任: 复审
    CHIEF_EDITOR = "chief_editor"  # 总编辑: 终审, and 签发 of an issue


# Each review role is a group of its own; its members are editors (the migration gives the
# groups the 编辑 group's permissions), so an office can make someone 总编辑 in one step.
LEVEL_GROUPS = {
    Role.FIRST_REVIEWER: "责任编辑",
    Role.SECOND_REVIEWER: "编辑部主任",
    Role.CHIEF_EDITOR: "总编辑",
}
LEVEL_NAMES = {
    Role.FIRST_REVIEWER: "初审",
    Role.SECOND_REVIEWER: "复审",
    Role.CHIEF_EDITOR: "终审",
}
EDITORIAL_GROUPS = (EDITORS_GROUP, *LEVEL_GROUPS.values())


def review_levels() -> int:
    """How many levels a piece passes before it is accepted (KFQ_REVIEW_LEVELS: 1, 2 or 3)."""
    return settings.KFQ_REVIEW_LEVELS


def levels_in_use(levels: int | None = None) -> list[Role]:
    """The review roles a piece passes through, in order; none with a single level, where any
    editor accepts as before."""
    levels = review_levels() if levels is None else levels
    if levels == 3:
        return [Role.FIRST_REVIEWER, Role.SECOND_REVIEWER, Role.CHIEF_EDITOR]
    if levels == 2:
        return [Role.FIRST_REVIEWER, Role.CHIEF_EDITOR]
    return []


def _group_names(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def _is_active_login(user) -> bool:
    return user is not None and not isinstance(user, AnonymousUser) and user.is_active


def is_editor(user) -> bool:
    if not _is_active_login(user):
        return False
    return user.is_superuser or bool(_group_names(user) & set(EDITORIAL_GROUPS))


def review_roles_of(user) -> set[Role]:
    """The review levels this login holds; a superuser holds all three."""
    if not _is_active_login(user):
        return set()
    return _staff_roles(user, _group_names(user)) - {Role.EDITOR}


def _staff_roles(user, names: set[str]) -> set[Role]:
    if user.is_superuser:
        return {Role.EDITOR, *LEVEL_GROUPS}
    if not names & set(EDITORIAL_GROUPS):
        return set()
    return {Role.EDITOR} | {role for role, group in LEVEL_GROUPS.items() if group in names}


def is_chief_editor(user) -> bool:
    return Role.CHIEF_EDITOR in review_roles_of(user)


def is_author(user, article: Article) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return article.authorships.filter(contributor__user=user).exists()


def roles_of(user, article: Article) -> set[Role]:
    roles = set()
    if _is_active_login(user):
        roles |= _staff_roles(user, _group_names(user))  # one query for every staff role
    if is_author(user, article):
        roles.add(Role.AUTHOR)
    return roles
