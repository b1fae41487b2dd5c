"""The logins an access-matrix test tries, one per role, built by one factory function."""

from tests.factories import make_correspondent, make_editor, make_user

# staff is in the admin without the 编辑 group: the admin lets it in, the newsroom's role does not.
ROLES = ["anonymous", "correspondent", "staff", "editor", "superuser"]
# A correspondent of another zone, for pages that belong to one correspondent's pieces.
OTHER_CORRESPONDENT = "other_correspondent"
# A login in no group and without staff: neither a correspondent nor an editor.
PLAIN_LOGIN = "plain_login"


def people_by_role(*, other_correspondent: bool = False, plain_login: bool = False) -> dict:
    """One login per role in ROLES (None for anonymous), and the optional roles asked for."""
    people = {
        "anonymous": None,
        "correspondent": make_correspondent("corr"),
        "staff": make_user("staff", staff=True),
        "editor": make_editor("editor1"),
        "superuser": make_user("root", superuser=True),
    }
    if other_correspondent:
        people[OTHER_CORRESPONDENT] = make_correspondent("corr_other")
    if plain_login:
        people[PLAIN_LOGIN] = make_user("plain")
    return people
