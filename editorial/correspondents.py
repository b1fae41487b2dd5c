"""Onboarding a zone's correspondent: a login in the 通讯员 group and their Contributor record."""

from django.core.exceptions import ValidationError
from django.db import transaction

from articles import bylines
from articles.models import Contributor
from editorial.roles import CORRESPONDENTS_GROUP
from logins.accounts import AccountRefused, open_account
from zones.models import Zone


class CorrespondentRefused(AccountRefused):
    pass


def find_zone(name: str) -> Zone:
    """A zone by official name, short name or alias."""
    zone = Zone.objects.meant_by(name)
    if zone is None:
        raise CorrespondentRefused(f"找不到开发区“{name}”（可用正式名称、简称或别名）。")
    return zone


@transaction.atomic
def add_correspondent(
    *, username: str, zone: Zone, name: str, email: str = "", password: str | None = None
) -> tuple[object, Contributor, str]:
    """Create the login and link it to the contributor of that name in that zone.

    Returns (user, contributor, password); the password is generated when none is given.
    Either way someone else chose it: the correspondent sets their own at first login.
    """
    try:
        bylines.check_name(name)
    except ValidationError as error:
        raise CorrespondentRefused(error.messages[0]) from error
    user, password = open_account(
        username=username, group=CORRESPONDENTS_GROUP, email=email, password=password
    )
    # A byline already in the archive (same name, same zone, no login yet) becomes theirs.
    contributor = bylines.contributor_for_account(user=user, name=name, zone=zone)
    return user, contributor, password
