"""Pieces made from a correspondent's mail, submitted as a portal 投稿 is.

Each readable .docx is one piece, read by importer/word.py as the portal's Word import reads
it; with no document the mail's own text is the piece. The photo is the document's picture,
or else, when the mail makes one piece, its first usable picture attachment (an attached one
before one shown within the text, which may be a signature's logo), through the same photo
checks as an upload (articles/photos.py). The genre is guessed from the length
(editorial/genres.py) and remembered as a guess (MailPiece.guessed_genre). The move to 已投稿,
with its manuscript number and its notices, is editorial/workflow.py's, made by the
correspondent's own login as in the portal; and as in the portal, a piece past its genre's
ceiling (editorial/lengths.py) is kept as the correspondent's draft instead of submitted.
"""

from django.core.files.base import ContentFile

from articles import bylines
from articles.models import Article, CallForPapers, Contributor, Photo, Status
from articles.photos import PhotoRejected, process_photo
from editorial import workflow
from editorial.genres import infer_genre
from editorial.lengths import check_length
from importer.word import UnreadableDocument, read_word
from mailroom.attachments import DOCUMENT_KINDS, Kind
from mailroom.models import IncomingMail, MailAttachment, MailPiece
from mailroom.parsing import clean_subject
from zones.directory import ZoneDirectory

TITLE_MAX = Article._meta.get_field("title").max_length
NO_DOCUMENT_READ = "邮件附带的文件都读不了，没有生成稿件："
NO_TEXT = "邮件里没有稿件：既没有 Word 文档（.docx），也没有正文。"
NO_CAPTION_PICTURE = "图片已用作配图；没有图片说明，暂以标题代替，请编辑核对。"
SEVERAL_PIECES = "邮件生成了多篇稿件，未自动配图，请编辑选用。"


class NothingToSubmit(Exception):
    """The mail holds no piece the system can read; str(exc) tells the sender why."""


def make_pieces(mail: IncomingMail, correspondent: Contributor) -> list[Article]:
    """Submit the pieces of a mail as the correspondent's; call inside a transaction."""
    attachments = list(mail.attachments.all())
    zones = ZoneDirectory()
    made = []
    for attachment in attachments:
        if attachment.kind == Kind.DOCX and attachment.file:
            article = _piece_of_document(mail, attachment, correspondent, zones)
            if article is not None:
                made.append(article)
    if not made:
        made = [_piece_of_text(mail, attachments, correspondent)]
    pictures = sorted(
        (a for a in attachments if a.kind == Kind.IMAGE and a.file and not a.note),
        key=lambda picture: picture.inline,
    )
    if len(made) == 1 and not made[0].photos.exists():
        _first_usable_picture(made[0], pictures)
    elif len(made) > 1:
        _note(pictures, SEVERAL_PIECES)
    return [_submitted(article, correspondent) for article in made]


def held_back(article: Article) -> str:
    """Why a piece made from a mail was kept as a draft (too long for its genre), or ""."""
    if article.status != Status.DRAFT:
        return ""
    return check_length(body=article.body, genre=article.genre, call=article.call).refusal


def _piece_of_document(mail, attachment, correspondent, zones) -> Article | None:
    with attachment.file.open("rb") as stored:
        upload = ContentFile(stored.read(), name=attachment.filename)
    try:
        piece = read_word(upload, zones=zones)
    except UnreadableDocument as error:
        _note([attachment], str(error))
        return None
    zone = zones.resolve(piece.zone_name) if piece.zone_name else None
    article = _new_article(
        mail,
        correspondent,
        kicker=piece.kicker,
        title=piece.title or mail_title(mail),
        subtitle=piece.subtitle,
        body=piece.body,
        zone=zone or correspondent.zone,
    )
    attachment.article = article
    attachment.save(update_fields=["article"])
    if piece.picture is not None:
        photo_problem = _add_photo(
            article, piece.picture.data, piece.picture.name, piece.caption, piece.credit
        )
        if photo_problem:
            _note([attachment], f"文档中的图片未采用：{photo_problem}")
        elif not piece.caption:
            _note([attachment], NO_CAPTION_PICTURE)
    return article


def _piece_of_text(mail, attachments, correspondent) -> Article:
    unread = [a for a in attachments if a.kind in DOCUMENT_KINDS]
    if unread:
        reasons = "；".join(f"{a.filename}：{a.note}" for a in unread if a.note)
        raise NothingToSubmit(NO_DOCUMENT_READ + reasons)
    if not mail.text.strip():
        raise NothingToSubmit(NO_TEXT)
    return _new_article(
        mail, correspondent, title=mail_title(mail), body=mail.text, zone=correspondent.zone
    )


def mail_title(mail: IncomingMail) -> str:
    """The subject without its prefixes; failing that, the text's first line."""
    title = clean_subject(mail.subject) or mail.text.strip().split("\n", 1)[0]
    return title[:TITLE_MAX] or "（无标题来稿）"


def _new_article(mail, correspondent, *, title, body, zone, kicker="", subtitle="") -> Article:
    genre = infer_genre(title=title, subtitle=subtitle, dateline="", body=body)
    article = Article.objects.create(
        kicker=kicker[: Article._meta.get_field("kicker").max_length],
        title=title[:TITLE_MAX],
        subtitle=subtitle[: Article._meta.get_field("subtitle").max_length],
        body=body,
        zone=zone,
        genre=genre,
        call=CallForPapers.objects.current(),
        created_by=correspondent.user,
    )
    bylines.set_authors(article=article, contributors=[correspondent])
    MailPiece.objects.create(mail=mail, article=article, guessed_genre=genre)
    return article


def _first_usable_picture(article: Article, pictures: list[MailAttachment]) -> None:
    for picture in pictures:
        with picture.file.open("rb") as stored:
            data = stored.read()
        problem = _add_photo(article, data, picture.filename, caption="", credit="")
        if problem:
            _note([picture], f"图片未采用：{problem}")
            continue
        picture.article = article
        picture.note = NO_CAPTION_PICTURE
        picture.save(update_fields=["article", "note"])
        return


def _add_photo(article: Article, data: bytes, name: str, caption: str, credit: str) -> str:
    """Attach the picture as the piece's photo; returns why it was refused, or ""."""
    try:
        processed = process_photo(upload=ContentFile(data, name=name))
    except PhotoRejected as rejection:
        return str(rejection)
    # 投稿 needs a caption (workflow._check_submittable); the title stands in until an
    # editor writes one, and the mail's record says so.
    photo = Photo(
        article=article,
        position=1,
        caption=(caption or article.title)[: Photo._meta.get_field("caption").max_length],
        credit=credit[: Photo._meta.get_field("credit").max_length],
    )
    photo.image.save(processed.image.name, processed.image, save=False)
    photo.thumbnail.save(processed.thumbnail.name, processed.thumbnail, save=False)
    photo.save()
    return ""


def _note(attachments: list[MailAttachment], note: str) -> None:
    for attachment in attachments:
        attachment.note = note[: MailAttachment._meta.get_field("note").max_length]
        attachment.save(update_fields=["note"])


def _submitted(article: Article, correspondent: Contributor) -> Article:
    if held_back(article):
        return article  # the portal's rule: a piece past the ceiling stays a draft
    try:
        return workflow.article_transition(
            article=article, to=Status.SUBMITTED, by=correspondent.user
        )
    except workflow.TransitionNotAllowed as refusal:
        # A document of a title alone, say: the whole mail is answered, nothing half-made.
        raise NothingToSubmit(str(refusal)) from refusal
