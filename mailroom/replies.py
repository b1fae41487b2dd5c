"""What the sender of a mail is told: an acknowledgment or a polite refusal, by the outbox.

Both are written to the outbox (editorial/outbox.py) in the transaction that decided them,
and sent later by the mail worker, so a mail server that is down never loses a decision.
A reply refers to the sender's mail (In-Reply-To), so their client threads it.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from articles.models import Article
from editorial.outbox import one_line
from mailroom.models import IncomingMail
from mailroom.pieces import held_back

SIGNATURE = "\n\n《开发区建设》周刊编辑部\n（本邮件由系统自动发出。）"


def acknowledge(mail: IncomingMail, pieces: list[Article]) -> None:
    lines = [f"{_greeting(mail)}您发来的邮件“{mail.subject or '（无主题）'}”已收到，生成稿件如下："]
    for article in pieces:
        link = settings.KFQ_SITE_URL.rstrip("/") + reverse(
            "portal:my_submission", args=[article.pk]
        )
        reason = held_back(article)
        if reason:
            lines.append(
                f"\n标题：{article.title}\n这篇稿件已存为您的草稿，尚未投出：{reason}\n"
                f"请登录网站修改（也可改选体裁）后投稿：{link}"
            )
        else:
            lines.append(
                f"\n稿件编号：{article.manuscript_number}\n标题：{article.title}\n查看进度：{link}"
            )
    unused = [a for a in mail.attachments.all() if a.note and a.article_id is None]
    if unused:
        lines.append("\n以下附件没有采用：")
        lines += [f"· {a.filename}：{a.note}" for a in unused]
    lines.append("\n编辑部审阅后会通过邮件告诉您结果。登录网站也可以随时查看和修改。")
    numbers = "、".join(a.manuscript_number for a in pieces if a.manuscript_number)
    _send(mail, f"来稿已收到（{numbers}）" if numbers else "来稿已收到", "\n".join(lines))


def refuse(mail: IncomingMail) -> None:
    body = (
        f"{_greeting(mail)}您发来的邮件“{mail.subject or '（无主题）'}”未能收入稿库，原因是：\n\n"
        f"{mail.refusal}\n\n"
        "请把稿件保存为 Word 文档（.docx，在 WPS 或 Word 中选择“另存为”），"
        "作为附件重新发送；也可以登录网站直接投稿。给您添麻烦了，谢谢支持！"
    )
    _send(mail, "来稿未能收入", body)


def _greeting(mail: IncomingMail) -> str:
    return f"{mail.sender_name}您好！\n\n" if mail.sender_name else "您好！\n\n"


def _send(mail: IncomingMail, subject: str, body: str) -> None:
    if not mail.sender:
        return  # nobody to answer: the mail stays in the admin with its state
    headers = {}
    if mail.message_id.startswith("<"):
        headers = {"In-Reply-To": mail.message_id, "References": mail.message_id}
    EmailMessage(
        subject=one_line(f"[开发区建设] {subject}：{mail.subject}")[:200],
        body=body + SIGNATURE,
        to=[mail.sender],
        headers=headers,
    ).send()
