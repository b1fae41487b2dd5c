"""A scheduled piece's photo added, replaced, recaptioned or removed after its issue was
signed off (签发): the 总编辑 passed the pages as they stood, so the sign-off is withdrawn.

A receiver rather than a call in one admin: photos change through the piece's page and through
the photos' own admin list (articles/admin/photos.py), and articles may not import editorial.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, Photo
from editorial import workflow


@receiver(post_save, sender=Photo, dispatch_uid="photo_saved_withdraws_sign_off")
def _photo_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _withdraw_sign_off(instance.article_id)


@receiver(post_delete, sender=Photo, dispatch_uid="photo_deleted_withdraws_sign_off")
def _photo_deleted(sender, instance, **kwargs):
    _withdraw_sign_off(instance.article_id)


def _withdraw_sign_off(article_id):
    article = Article.objects.filter(pk=article_id).only("status", "issue").first()
    if article is not None:
        workflow.scheduled_piece_changed(article)
