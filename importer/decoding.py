"""Turning a page file's bytes into text, or a clear refusal."""

from pathlib import Path

from importer.errors import PageRejected

# The five seed pages are 14-19 KB; a page a hundred times larger is not a page.
MAX_PAGE_BYTES = 2 * 1024 * 1024


def read_page_text(path: Path) -> str:
    return decode_page(read_page_bytes(path), path.name)


def read_page_bytes(path: Path) -> bytes:
    """The file's bytes, refused when they cannot be a page of text."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PageRejected(f"{path.name}：无法读取文件（{error.strerror}）。") from error
    # Checked before reading: a huge file is refused without being read into memory.
    if size > MAX_PAGE_BYTES:
        raise too_large(path.name, size)
    return check_page_bytes(path.read_bytes(), path.name)


def check_page_bytes(data: bytes, name: str) -> bytes:
    """The bytes of a page read from a folder or uploaded, refused when they are no page."""
    if len(data) > MAX_PAGE_BYTES:
        raise too_large(name, len(data))
    if not data.strip():
        raise PageRejected(f"{name}：文件为空。")
    if b"\x00" in data:
        raise PageRejected(f"{name}：这是二进制文件，不是版面文本。")
    return data


def too_large(name: str, size: int) -> PageRejected:
    return PageRejected(
        f"{name}：文件过大（{size // 1024} KB），单个版面文件不得超过 "
        f"{MAX_PAGE_BYTES // 1024 // 1024} MB。"
    )


def decode_page(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise PageRejected(f"{name}：无法识别文件编码（既不是 UTF-8，也不是 GB18030）。")
