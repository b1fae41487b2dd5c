"""The editors' admin: the submission queue and moves (queue.py) with its bulk actions made
from the moves table (bulk_moves.py), issue assembly (issues.py),
the contributors' register with 新建通讯员账号 (contributors.py), the mail outbox (outbox.py),
the superusers' 新增编辑 page (editors.py), the failed logins editors may clear (logins.py),
the role check the editors-only pages share (access.py), the panels apps above editorial put
beside a piece (piece_panels.py: mailroom's original mail), and the forms of these pages with
the checks they make (forms.py)."""

from editorial.admin import (  # noqa: F401  (registers the ModelAdmins)
    contributors,
    editors,
    issues,
    logins,
    outbox,
    queue,
)
