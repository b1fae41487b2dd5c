"""Mails built by the tests as real clients send them (Foxmail, Outlook, QQ Mail, webmail)."""

import base64
import datetime
import email
import itertools
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

_sequence = itertools.count(1)


def mail(
    *,
    sender="王波 <wangbo@example.com>",
    subject="投稿：太原经开区新项目开工",
    text="太原经开区新项目开工。\n\n第二段。",
    html=None,
    attachments=(),
    message_id=None,
) -> bytes:
    """A well-formed UTF-8 mail; attachments are (filename, content_type, data)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "tougao@kfq.example"
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC))
    message["Message-ID"] = message_id or make_msgid(f"t{next(_sequence)}", "example.com")
    if text is not None:
        message.set_content(text)
    if html is not None:
        if text is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    for filename, content_type, data in attachments:
        if content_type == "message/rfc822":
            # Clients forward a mail as a part of its own, not encoded.
            message.add_attachment(email.message_from_bytes(data, policy=policy.default))
            continue
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return bytes(message)


def gbk_mail(*, subject: str, text: str, filename: str | None = None, data: bytes = b"") -> bytes:
    """As an old Foxmail writes it: subject in =?GBK?B?, body in GBK quoted-printable, and an
    attachment whose name is raw GBK bytes in the header (no encoding at all)."""
    encoded_subject = base64.b64encode(subject.encode("gbk")).decode()
    body = "".join(f"={byte:02X}" if byte > 127 else chr(byte) for byte in text.encode("gbk"))
    head = (
        (
            "From: =?GBK?B?"
            + base64.b64encode("李娜".encode("gbk")).decode()
            + "?= <LiNa@Example.COM>\r\n"
            f"Subject: =?GBK?B?{encoded_subject}?=\r\n"
            f"Message-ID: <gbk{next(_sequence)}@example.com>\r\n"
            "Date: Mon, 2 Mar 2026 17:30:00 +0800\r\n"
            "MIME-Version: 1.0\r\n"
            'Content-Type: multipart/mixed; boundary="=====b"\r\n\r\n'
            "--=====b\r\n"
            "Content-Type: text/plain; charset=gb2312\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        ).encode()
        + body.encode("ascii")
        + b"\r\n"
    )
    if filename is not None:
        raw_name = filename.encode("gbk")
        head += (
            b'--=====b\r\nContent-Type: application/octet-stream; name="'
            + raw_name
            + b'"\r\nContent-Disposition: attachment; filename="'
            + raw_name
            + b'"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
            + base64.encodebytes(data)
        )
    return head + b"--=====b--\r\n"
