"""The logins an access-matrix test tries, one per role, built by one factory function."""

from tests.factories import make_correspondent, make_editor, make_user

# staff is in the admin without the 编辑 group: the admin lets it in, the newsroom's role does not.
ROLES = ["anonymous", "correspondent", "staff", "editor", "superuser"]


def people_by_role() -> dict:
    """One login per role in ROLES (None for anonymous)."""
    return {
        "anonymous": None,
        "correspondent": make_correspondent("corr"),
        "staff": make_user("staff", staff=True),
        "editor": make_editor("editor1"),
        "superuser": make_user("root", superuser=True),
    }
