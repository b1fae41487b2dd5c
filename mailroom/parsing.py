"""Reading a mail as Chinese mail clients really send it: the only module that decodes mail.

The message's structure and transfer encodings (base64, quoted-printable) are read by Python's
email package with policy.default. Its header values and text parts are decoded here, because
real mail lies: Foxmail and old Outlook write raw GBK bytes into headers and attachment names
(policy.default turns them into U+FFFD), label GBK text as gb2312 or iso-8859-1, or send no
label at all. Every piece of text is therefore decoded from its bytes with its label first,
then as UTF-8, then as GB18030 (the superset of gb2312 and GBK), and never raises.
"""

import datetime
import email
import email.errors
import email.header
import email.message
import email.utils
import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from email import policy
from html.parser import HTMLParser

from articles.models.validators import LINE_BREAKING

# Labels of the GB family all decode as GB18030, their superset: a "gb2312" mail written by
# a GBK client has characters gb2312 lacks.
GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "x-euc-cn"})
# Labels any byte sequence decodes under: a client that wrote one for GBK text would give
# mojibake, so real UTF-8 and GB18030 are tried before them.
NEVER_FAILING = frozenset({"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252"})

# What clients put before a subject: replies, forwards, and the writer's own 投稿/稿件 label.
SUBJECT_PREFIX = re.compile(
    r"""^\s*(?:
        (?:re|fw|fwd|aw|回复|答复|转发)\s*(?:\[\d+\])?\s*[:：]
        | [【\[(（]\s*(?:投稿|稿件|来稿)[^】\])）]{0,10}[】\])）]
        | (?:投稿|稿件|来稿)\s*(?:[:：\-—–_|｜]+|\s+)
    )\s*""",
    re.IGNORECASE | re.VERBOSE,
)

# Longer than the column holds (RFC 5322's line limit): kept as its digest instead.
MESSAGE_ID_MAX = 998

BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"}
)
HIDDEN_TAGS = frozenset({"script", "style", "head", "title"})


@dataclass
class Attachment:
    filename: str
    content_type: str
    data: bytes
    inline: bool = False  # shown within the text (a signature's logo, say), not attached


@dataclass
class ParsedMail:
    message_id: str
    sender: str  # the address, lowercased
    sender_name: str
    subject: str  # decoded, as sent
    sent_at: datetime.datetime | None
    text: str
    attachments: list[Attachment] = field(default_factory=list)
    automatic: bool = False  # an auto-reply or a bounce, which must never be answered


def parse_mail(raw: bytes) -> ParsedMail:
    message = email.message_from_bytes(raw, policy=policy.default)
    sender_name, sender = email.utils.parseaddr(header_text(message, "From"))
    texts, htmls, attachments = [], [], []
    _collect(message, texts, htmls, attachments)
    text = "\n\n".join(texts) if texts else "\n\n".join(html_to_text(h) for h in htmls)
    return ParsedMail(
        message_id=_message_id(message) or hashlib.sha256(raw).hexdigest(),
        sender=sender.strip().lower(),
        sender_name=one_line(sender_name),
        subject=one_line(header_text(message, "Subject")),
        sent_at=_date(header_text(message, "Date")),
        text=_tidy(text),
        attachments=attachments,
        automatic=_is_automatic(message),
    )


def header_message_id(header: bytes) -> str:
    """The Message-ID parse_mail() gives a mail with this header, or "" when it has none (the
    mail is then known by a digest of all its bytes)."""
    return _message_id(email.message_from_bytes(header, policy=policy.default))


def _message_id(message) -> str:
    message_id = one_line(header_text(message, "Message-ID"))
    if len(message_id) > MESSAGE_ID_MAX:
        message_id = hashlib.sha256(message_id.encode()).hexdigest()
    return message_id


def _is_automatic(message) -> bool:
    """RFC 3834's Auto-Submitted, and the headers older auto-responders and lists use."""
    auto_submitted = header_text(message, "Auto-Submitted").strip().lower()
    precedence = header_text(message, "Precedence").strip().lower()
    return (
        (bool(auto_submitted) and auto_submitted != "no")
        or precedence in {"bulk", "junk", "list", "auto_reply"}
        or any(header_text(message, name) for name in ("X-Autoreply", "X-Autorespond"))
        or message.get_content_type() == "multipart/report"
    )


def clean_subject(subject: str) -> str:
    """The subject without reply, forward and 投稿 prefixes: a piece's provisional title."""
    previous = None
    while previous != subject:
        previous, subject = subject, SUBJECT_PREFIX.sub("", subject, count=1)
    return subject.strip()


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text from bytes under a label that may be missing or wrong; never raises."""
    label = (charset or "").strip().strip('"').lower()
    if label in GB_FAMILY:
        label = "gb18030"
    tries = ["utf-8", "gb18030", label] if label in NEVER_FAILING else [label, "utf-8", "gb18030"]
    for encoding in filter(None, tries):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("gb18030", errors="replace")


def header_text(message: email.message.Message, name: str) -> str:
    """A header's decoded value, from its raw form (policy.default would drop raw GBK)."""
    raw = next((value for key, value in message.raw_items() if key.lower() == name.lower()), "")
    return decode_header_value(raw)


def decode_header_value(raw: str) -> str:
    """Encoded words (=?gbk?B?...?=) and raw 8-bit bytes alike become text."""
    raw = re.sub(r"\r?\n(?=[ \t])", "", raw)
    try:
        chunks = email.header.decode_header(raw)
    except email.errors.HeaderParseError:
        chunks = [(raw, None)]
    return "".join(
        _raw_text(chunk) if isinstance(chunk, str) else decode_bytes(chunk, charset)
        for chunk, charset in chunks
    )


def _raw_text(value: str) -> str:
    # The parser keeps 8-bit header bytes as surrogate escapes: back to bytes, then decoded.
    if not any("\udc80" <= char <= "\udcff" for char in value):
        return value
    return decode_bytes(value.encode("utf-8", "surrogateescape"), None)


def _collect(part, texts: list, htmls: list, attachments: list) -> None:
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        for inner in part.get_payload():
            texts.append(_forwarded_text(inner))
            _collect_attachments_only(inner, attachments)
        return
    if part.is_multipart():
        for sub in part.get_payload():
            _collect(sub, texts, htmls, attachments)
        return
    if part.get_content_maintype() == "multipart":
        return  # a multipart without its body: a mail's header read alone
    filename = attachment_name(part)
    if not filename and content_type == "text/plain":
        texts.append(_part_text(part))
    elif not filename and content_type == "text/html":
        htmls.append(_part_text(part))
    else:
        attachments.append(
            Attachment(
                filename=filename or f"未命名附件.{content_type.split('/')[-1]}",
                content_type=content_type,
                data=part.get_payload(decode=True) or b"",
                inline=_is_inline(part),
            )
        )


def _is_inline(part) -> bool:
    disposition = part.get_content_disposition()
    return disposition == "inline" or (disposition is None and part["Content-ID"] is not None)


def _collect_attachments_only(message, attachments: list) -> None:
    ignored_texts, ignored_htmls = [], []
    _collect(message, ignored_texts, ignored_htmls, attachments)


def _forwarded_text(inner) -> str:
    """A forwarded message inside a mail, kept as text under its own headers."""
    texts, htmls = [], []
    _collect(inner, texts, htmls, [])
    body = "\n\n".join(texts) if texts else "\n\n".join(html_to_text(h) for h in htmls)
    heading = [
        "---------- 转发的邮件 ----------",
        f"发件人：{header_text(inner, 'From')}",
        f"日期：{header_text(inner, 'Date')}",
        f"主题：{header_text(inner, 'Subject')}",
    ]
    return "\n".join(heading) + "\n\n" + body


def _part_text(part) -> str:
    return decode_bytes(part.get_payload(decode=True) or b"", part.get_param("charset"))


def attachment_name(part) -> str:
    """The file name in RFC 2231 (filename*=gbk''%B8%E5), an encoded word, or raw GBK."""
    for header, param in (("Content-Disposition", "filename"), ("Content-Type", "name")):
        raw = next((v for k, v in part.raw_items() if k.lower() == header.lower()), None)
        if raw is None:
            continue
        # A compat32 message hands the parameter back as sent, with its RFC 2231 charset;
        # raw bytes go in as latin-1 characters so that it keeps them one for one.
        holder = email.message.Message()
        unfolded = re.sub(r"\r?\n(?=[ \t])", "", raw)
        holder[header] = unfolded.encode("utf-8", "surrogateescape").decode("latin-1")
        value = holder.get_param(param, header=header)
        if value is None:
            continue
        if isinstance(value, tuple):
            charset, _language, text = value
            name = decode_bytes(text.encode("latin-1"), charset)
        elif value.isascii():
            name = decode_header_value(email.utils.unquote(value))
        else:
            name = decode_bytes(email.utils.unquote(value).encode("latin-1"), None)
        name = one_line(name.replace("\\", "/").rsplit("/", 1)[-1])
        if name:
            return name
    return ""


def _date(value: str) -> datetime.datetime | None:
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def one_line(text: str) -> str:
    """Text for a one-line field: no control characters or line breaks (a title must pass
    articles' no_control_characters, and PostgreSQL refuses NUL)."""
    return " ".join(
        "".join(" " if unicodedata.category(c) in LINE_BREAKING else c for c in text).split()
    )


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Line breaks and tabs stay; NUL and the other control characters go.
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class _TextOfHtml(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(" ".join(data.split()) if data.strip() else "")


def html_to_text(markup: str) -> str:
    """The readable text of an HTML-only mail, a line per block, nothing of its code."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
