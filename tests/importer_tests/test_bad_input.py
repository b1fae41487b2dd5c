"""Files the importer must refuse: a Chinese message naming the file, and nothing written."""

import io
import struct
import zlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import (
    Article,
    Authorship,
    CallForPapers,
    Contributor,
    ImportLeftover,
    Issue,
    Photo,
)
from importer.decoding import MAX_PAGE_BYTES
from importer.pages import parse_file
from zones.models import Zone, ZoneAlias

from .helpers import (
    CJK,
    PAGE_000,
    PAGE_001,
    PAGE_002,
    PAGE_003,
    bad_entry,
    copy_seed,
    load_zones,
    manifest_entry,
    seed_path,
    seed_text,
    write_manifest,
)
from .test_seed_articles import ARTICLES

pytestmark = pytest.mark.django_db

WRITTEN = [
    Article,
    Authorship,
    Contributor,
    Photo,
    Issue,
    ImportLeftover,
    CallForPapers,
    Zone,
    ZoneAlias,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WRITTEN}


def undecodable_bytes() -> bytes:
    data = b"\xff\xfe\xfa" * 40 + b"\x80\x81\xfe\xff" + b"\xc3\x28\xe2\x82" * 10
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(encoding)
    assert b"\x00" not in data
    return data


def png_bytes() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    data += chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")
    assert b"\x00" in data
    return data


def large_page() -> bytes:
    page = seed_text(PAGE_001).encode("utf-8")
    data = page * (MAX_PAGE_BYTES // len(page) + 2)
    assert len(data) > MAX_PAGE_BYTES
    return data


def write_bad(folder, name: str, data: bytes, *, listed: bool = True):
    path = folder / name
    path.write_bytes(data)
    write_manifest(folder, [bad_entry(name)] if listed else [bad_entry("其他版面.txt")])
    return path


BAD_FILES = {
    "undecodable": lambda d: write_bad(d, "undecodable.txt", undecodable_bytes()),
    "binary": lambda d: write_bad(d, "binary.txt", png_bytes()),
    "empty": lambda d: write_bad(d, "empty.txt", b""),
    "blank-lines": lambda d: write_bad(d, "blank.txt", b"\n\n   \n\t\n\r\n\n"),
    "ideographic-spaces": lambda d: write_bad(
        d, "spaces.txt", "\n\u3000\u3000\n\n\u3000\n".encode()
    ),
    "no-article": lambda d: write_bad(
        d, "noarticle.txt", "\n\n亮点新闻 liangdian xinwen\n\n朔州经济开发区\n".encode()
    ),
    "too-large": lambda d: write_bad(d, "large.txt", large_page()),
    "not-in-manifest": lambda d: write_bad(
        d, "005_unlisted.txt", seed_text(PAGE_001).encode(), listed=False
    ),
    "no-manifest": lambda d: _without_manifest(d),
    "missing": lambda d: _missing(d),
}


def _without_manifest(folder):
    path = folder / "006_nomanifest.txt"
    path.write_bytes(seed_path(PAGE_003).read_bytes())
    assert not (folder / "manifest.json").exists()
    return path


def _missing(folder):
    write_manifest(folder, [bad_entry("missing.txt")])
    path = folder / "missing.txt"
    assert not path.exists()
    return path


def run_failing(*paths) -> tuple[str, str, CommandError]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_seeds", *[str(p) for p in paths], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), raised.value


def assert_nothing_written_for(name: str) -> None:
    assert not Article.objects.filter(source_file=name).exists()
    assert not ImportLeftover.objects.filter(source_file=name).exists()
    assert not CallForPapers.objects.filter(source_file=name).exists()
    assert not Zone.objects.filter(source__contains=name).exists()
    assert not Issue.objects.filter(date="2031-01-07").exists()


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_is_refused_and_writes_nothing(tmp_path, kind):
    load_zones()
    path = BAD_FILES[kind](tmp_path)
    before = counts()
    stdout, stderr, error = run_failing(path)
    assert counts() == before
    assert before["Article"] == 0
    assert_nothing_written_for(path.name)
    assert path.name in stderr
    failure_lines = [line for line in stderr.splitlines() if path.name in line]
    assert failure_lines and all(CJK.search(line) for line in failure_lines)
    assert "导入失败" in stderr
    assert "导入失败" in str(error)
    assert "共导入 0 个文件、0 篇稿件。" in stdout


def test_undecodable_bytes_really_fail_both_decodings():
    data = undecodable_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb18030")


def test_messages_say_what_is_wrong(tmp_path):
    load_zones()
    expected = {
        "undecodable": "编码",
        "binary": "二进制",
        "empty": "空",
        "blank-lines": "空",
        "no-article": "稿件",
        "too-large": "过大",
        "not-in-manifest": "manifest.json",
        "missing": "无法读取",
    }
    for kind, word in expected.items():
        folder = tmp_path / kind
        folder.mkdir()
        path = BAD_FILES[kind](folder)
        _, stderr, _ = run_failing(path)
        line = next(line for line in stderr.splitlines() if path.name in line)
        assert word in line, (kind, line)


def test_gb18030_page_imports_like_the_utf8_page(tmp_path):
    load_zones()
    text = seed_text(PAGE_000)
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = tmp_path / PAGE_000
    path.write_bytes(data)
    write_manifest(tmp_path, [manifest_entry(PAGE_000)])

    out = io.StringIO()
    call_command("import_seeds", str(path), stdout=out, stderr=io.StringIO())

    titles = list(
        Article.objects.filter(source_file=PAGE_000)
        .order_by("source_position")
        .values_list("title", flat=True)
    )
    assert titles == [row.title for row in ARTICLES if row.file == PAGE_000]
    from_gb = parse_file(path)
    from_utf8 = parse_file(seed_path(PAGE_000))
    assert [(a.title, a.body, a.byline) for a in from_gb.articles] == [
        (a.title, a.body, a.byline) for a in from_utf8.articles
    ]
    assert Article.objects.get(source_file=PAGE_000, source_position=7).byline == "(常珍珍 张帆)"


def test_utf8_with_bom_and_crlf_imports(tmp_path):
    load_zones()
    path = tmp_path / PAGE_000
    path.write_bytes(b"\xef\xbb\xbf" + seed_text(PAGE_000).replace("\n", "\r\n").encode())
    write_manifest(tmp_path, [manifest_entry(PAGE_000)])
    call_command("import_seeds", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    titles = list(
        Article.objects.filter(source_file=PAGE_000)
        .order_by("source_position")
        .values_list("title", flat=True)
    )
    assert titles == [row.title for row in ARTICLES if row.file == PAGE_000]


def test_mixed_run_imports_the_good_page_and_refuses_the_bad(tmp_path):
    load_zones()
    good = copy_seed(PAGE_002, tmp_path)
    bad = tmp_path / "undecodable.txt"
    bad.write_bytes(undecodable_bytes())
    write_manifest(tmp_path, [bad_entry(bad.name), manifest_entry(PAGE_002)])
    zones_before = Zone.objects.count()

    # The bad file comes first: the good one must still be read after it.
    stdout, stderr, error = run_failing(bad, good)

    assert "1 个文件导入失败" in str(error)
    assert bad.name in stderr
    assert good.name not in stderr
    assert Article.objects.filter(source_file=good.name).count() == 6
    assert Article.objects.count() == 6
    assert Zone.objects.count() == zones_before + 1  # 潇河新兴产业园区, from the good page
    assert list(ImportLeftover.objects.values_list("source_file", "text")) == [
        (good.name, "亮点新闻 liangdian xinwen")
    ]
    assert Issue.objects.count() == 1
    assert_nothing_written_for(bad.name)
    assert f"{good.name}：稿件 6 篇" in stdout
    assert "共导入 1 个文件、6 篇稿件。" in stdout


def test_mixed_run_with_several_bad_files(tmp_path):
    load_zones()
    good = copy_seed(PAGE_000, tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(png_bytes())
    write_manifest(
        tmp_path, [manifest_entry(PAGE_000), bad_entry("empty.txt"), bad_entry("binary.txt")]
    )
    # A folder argument takes every .txt in it.
    stdout, stderr, error = run_failing(tmp_path)
    assert "2 个文件导入失败" in str(error)
    assert "empty.txt" in stderr and "binary.txt" in stderr
    assert Article.objects.filter(source_file=good.name).count() == 8
    assert Article.objects.count() == 8
    assert "共导入 1 个文件、8 篇稿件。" in stdout
