"""Which correspondent a sender's address means: the only place this rule lives.

A mail is a correspondent's when its From address is the address of exactly one active
correspondent login, either the login's own address or the one on their byline record
(Contributor.email). Two people sharing an address (a zone's office mailbox) mean nobody in
particular: such mail waits in the 待认领 list for an editor, as a stranger's does.
"""

from django.db.models import Q

from articles.models import Contributor


def correspondent_for(address: str) -> Contributor | None:
    address = address.strip()
    if not address:
        return None
    matches = list(
        Contributor.objects.filter(user__isnull=False, user__is_active=True)
        .filter(Q(user__email__iexact=address) | Q(email__iexact=address))
        .select_related("user", "zone")
        .distinct()[:2]
    )
    return matches[0] if len(matches) == 1 else None
