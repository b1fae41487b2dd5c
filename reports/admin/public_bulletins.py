"""The bulletins on the public site, listed for editors; they are put there and taken down
from the 用稿通报 page (reports/admin/statistics.py)."""

from django.contrib import admin

from editorial.admin.access import EditorsOnlyAdmin

from ..models import Bulletin


@admin.register(Bulletin)
class PublicBulletinAdmin(EditorsOnlyAdmin):
    list_display = ["title", "published_at", "published_by"]
    list_select_related = ["published_by"]
