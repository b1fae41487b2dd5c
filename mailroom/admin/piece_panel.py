"""The original mail beside a piece that came by mail, on the piece's editors' page.

The piece's page belongs to editorial (editorial/admin/queue.py), which sits below mailroom and
must not import it. editorial offers an extension point instead, editorial.admin.piece_panels:
this module registers its panel there when the admin loads mailroom's admin at start-up, and
the piece's page shows it. A piece written in the portal has no mail: the panel is empty.
"""

from django.template.loader import render_to_string

from editorial.admin import piece_panels
from editorial.admin.access import request_is_editor
from mailroom.models import MailPiece


@piece_panels.register
def original_mail(request, article) -> str:
    # The attachments are the editors' alone, whoever else may open a piece's page.
    if not request_is_editor(request):
        return ""
    mail_pieces = list(
        MailPiece.objects.filter(article=article)
        .select_related("mail")
        .prefetch_related("mail__attachments")
        .order_by("pk")
    )
    if not mail_pieces:
        return ""
    for mail_piece in mail_pieces:
        mail_piece.article = article  # genre_is_guess compares with the page's own piece
    return render_to_string(
        "admin/mailroom/incomingmail/beside_piece.html", {"mail_pieces": mail_pieces}, request
    )
