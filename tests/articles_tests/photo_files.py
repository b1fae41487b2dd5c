"""Photo files for tests, built in memory with Pillow, and the checks the photo tests share.

Each file is built on the spot, so each test shows exactly what the hostile or honest file
contains; other folders' tests take their ordinary JPEG from jpeg_bytes() here.
"""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from articles.photos import PhotoRejected, ProcessedPhoto, process_photo

MSG_FORMAT = "只接受 JPEG、PNG 或 WebP 图片。"
MSG_PIXELS = "图片像素过多（最多 4000 万像素）。"
MSG_DAMAGED = "图片文件已损坏，无法读取。"
MSG_EMPTY = "图片文件是空的，请重新选择。"

RED = (255, 0, 0)
BLUE = (0, 0, 255)


def photo_pixels(size=(800, 600), mode="RGB"):
    """A picture with detail in it, so that encoders have something real to compress."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste(BLUE, (width // 4, height // 4, width // 2, height // 2))
    return image.convert(mode)


def encode(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def jpeg_bytes(size=(800, 600), **options):
    return encode(photo_pixels(size), "JPEG", quality=90, **options)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A tiny PNG whose header claims width x height 8-bit grey pixels: a decompression bomb
    that costs nothing to build (its pixel data is short, so decoding it would also fail)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + png_chunk(b"IEND", b"")
    )


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def reopen(content_file):
    content_file.seek(0)
    return Image.open(io.BytesIO(content_file.read()))


def raw(content_file):
    content_file.seek(0)
    return content_file.read()


def jpeg_markers(data):
    """The segment markers before the compressed scan, e.g. [0xE0, 0xDB, 0xC0, 0xC4, 0xDA]."""
    assert data[:2] == b"\xff\xd8"
    markers, position = [], 2
    while True:
        assert data[position] == 0xFF
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: the rest is pixel data
            return markers
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length


def rejection(data, **upload_options):
    with pytest.raises(PhotoRejected) as caught:
        process_photo(upload=upload(data, **upload_options))
    return str(caught.value)


def assert_thumbnail_fits(result: ProcessedPhoto):
    thumb = reopen(result.thumbnail)
    assert thumb.width <= 400
    assert thumb.height <= 400
    assert max(thumb.size) == min(400, max(result.width, result.height))
    assert thumb.format == result.format
    return thumb


def gps_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS R5"
    exif[ExifTags.Base.BodySerialNumber] = "SN-0042"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (39.0, 54.0, 26.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (116.0, 23.0, 29.0),
    }
    return exif
