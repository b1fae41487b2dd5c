"""articles.photos: what a correspondent's photo upload is allowed to be, and what survives it.

Every image is built in memory with Pillow, so each test shows exactly what the hostile or
honest file contains.
"""

import io
import os
import struct
import time
import warnings
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, GifImagePlugin, Image, ImageCms, ImageFile, PngImagePlugin

from articles import photos
from articles.photos import (
    MAX_BYTES,
    MAX_PIXELS,
    PhotoRejected,
    ProcessedPhoto,
    process_photo,
)

MSG_FORMAT = "只接受 JPEG、PNG 或 WebP 图片。"
MSG_PIXELS = "图片像素过多（最多 4000 万像素）。"
MSG_DAMAGED = "图片文件已损坏，无法读取。"
MSG_EMPTY = "图片文件是空的，请重新选择。"

RED = (255, 0, 0)
BLUE = (0, 0, 255)


# --- building files ---------------------------------------------------------------------------


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


# --- accepted photos --------------------------------------------------------------------------


def test_jpeg_is_accepted_and_reencoded():
    result = process_photo(upload=upload(jpeg_bytes((1200, 900))))

    assert (result.format, result.width, result.height) == ("JPEG", 1200, 900)
    image = reopen(result.image)
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (1200, 900))
    assert result.image.name == "photo.jpg"
    assert result.thumbnail.name == "photo_thumb.jpg"
    assert assert_thumbnail_fits(result).size == (400, 300)


def test_png_with_alpha_stays_png_with_alpha():
    image = photo_pixels((600, 300), "RGBA")
    image.putpixel((10, 10), (255, 0, 0, 0))
    image.putpixel((11, 10), (0, 255, 0, 128))

    result = process_photo(upload=upload(encode(image, "PNG"), name="p.png"))

    assert (result.format, result.width, result.height) == ("PNG", 600, 300)
    out = reopen(result.image)
    assert (out.format, out.mode) == ("PNG", "RGBA")
    assert out.getpixel((10, 10))[3] == 0
    assert out.getpixel((11, 10)) == (0, 255, 0, 128)
    assert result.image.name == "photo.png"
    assert result.thumbnail.name == "photo_thumb.png"
    thumb = assert_thumbnail_fits(result)
    assert thumb.size == (400, 200)
    assert thumb.mode == "RGBA"


def test_webp_stays_webp():
    data = encode(photo_pixels((500, 1000)), "WEBP", quality=90)

    result = process_photo(upload=upload(data, name="p.webp", content_type="image/webp"))

    assert (result.format, result.width, result.height) == ("WEBP", 500, 1000)
    assert reopen(result.image).format == "WEBP"
    assert result.image.name == "photo.webp"
    assert result.thumbnail.name == "photo_thumb.webp"
    assert assert_thumbnail_fits(result).size == (200, 400)


def test_small_photo_thumbnail_is_not_enlarged():
    result = process_photo(upload=upload(jpeg_bytes((120, 80))))

    assert reopen(result.thumbnail).size == (120, 80)


def test_format_comes_from_the_bytes_not_the_name():
    result = process_photo(upload=upload(jpeg_bytes(), name="相册.png", content_type="image/png"))

    assert result.format == "JPEG"
    assert result.image.name == "photo.jpg"


def test_multi_picture_jpeg_from_a_phone_is_accepted_as_jpeg():
    # Pillow reports these as "MPO" even when asked for JPEG only.
    first = photo_pixels((400, 300))
    data = encode(first, "MPO", save_all=True, append_images=[photo_pixels((400, 300), "L")])
    assert Image.open(io.BytesIO(data)).format == "MPO"

    result = process_photo(upload=upload(data))

    assert result.format == "JPEG"
    out = reopen(result.image)
    assert out.format == "JPEG"
    assert getattr(out, "n_frames", 1) == 1


def test_cmyk_jpeg_becomes_rgb_and_loses_its_cmyk_profile():
    fake_cmyk_profile = b"\0" * 16 + b"CMYK" + b"\0" * 108
    data = encode(photo_pixels((200, 100), "CMYK"), "JPEG", icc_profile=fake_cmyk_profile)

    out = reopen(process_photo(upload=upload(data)).image)

    assert out.mode == "RGB"
    assert "icc_profile" not in out.info


def test_rgb_colour_profile_is_kept():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = jpeg_bytes((200, 100), icc_profile=srgb)

    result = process_photo(upload=upload(data))

    assert reopen(result.image).info.get("icc_profile") == srgb
    assert reopen(result.thumbnail).info.get("icc_profile") == srgb


def test_palette_png_transparency_survives():
    image = Image.new("P", (50, 50), 1)
    image.putpalette([255, 255, 255, 255, 0, 0] + [0] * (254 * 3))
    image.putpixel((0, 0), 0)
    data = encode(image, "PNG", transparency=0)

    out = reopen(process_photo(upload=upload(data, name="p.png")).image)

    assert out.mode == "RGBA"
    assert out.getpixel((0, 0))[3] == 0
    assert out.getpixel((1, 1)) == (*RED, 255)


def test_sixteen_bit_grey_png_is_scaled_not_clipped_to_white():
    data = encode(Image.new("I;16", (40, 20), 40000), "PNG")

    out = reopen(process_photo(upload=upload(data, name="p.png")).image)

    assert out.mode == "L"
    assert out.getpixel((0, 0)) == 40000 // 256


def test_upload_already_read_to_the_end_is_rewound():
    file = upload(jpeg_bytes((300, 200)))
    file.read()

    assert process_photo(upload=file).width == 300


def test_photo_of_exactly_max_pixels_is_accepted():
    width, height = 8000, 5000
    assert width * height == MAX_PIXELS
    data = encode(Image.new("1", (width, height)), "PNG")

    result = process_photo(upload=upload(data, name="p.png"))

    assert (result.width, result.height) == (8000, 5000)


# --- metadata never leaks ---------------------------------------------------------------------


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


def test_gps_exif_is_removed_from_jpeg_and_thumbnail():
    data = jpeg_bytes(exif=gps_exif())
    original_gps = Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert original_gps[ExifTags.GPS.GPSLatitude] == (39.0, 54.0, 26.0)
    assert b"Exif\0\0" in data
    assert 0xE1 in jpeg_markers(data)

    result = process_photo(upload=upload(data))

    for output in (result.image, result.thumbnail):
        image = reopen(output)
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
        assert "exif" not in image.info
        assert b"Exif\0\0" not in raw(output)
        assert 0xE1 not in jpeg_markers(raw(output))  # no APP1 segment: neither EXIF nor XMP
        assert b"Canon" not in raw(output)


def test_jpeg_comment_and_xmp_are_removed():
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>secret-location</rdf:RDF></x:xmpmeta>'
    data = jpeg_bytes(comment=b"camera owner: secret-name", xmp=xmp)
    assert b"secret-name" in data
    assert b"secret-location" in data

    result = process_photo(upload=upload(data))

    for output in (result.image, result.thumbnail):
        assert b"secret-name" not in raw(output)
        assert b"secret-location" not in raw(output)
        assert "comment" not in reopen(output).info


def test_png_text_chunks_and_exif_are_removed():
    text = PngImagePlugin.PngInfo()
    text.add_text("Location", "secret-location")
    data = encode(photo_pixels(), "PNG", pnginfo=text, exif=gps_exif())
    assert b"secret-location" in data
    assert b"Canon" in data

    result = process_photo(upload=upload(data, name="p.png"))

    for output in (result.image, result.thumbnail):
        image = reopen(output)
        assert len(image.getexif()) == 0
        assert "Location" not in image.info
        assert b"secret-location" not in raw(output)
        assert b"Canon" not in raw(output)


def test_webp_exif_is_removed():
    data = encode(photo_pixels(), "WEBP", exif=gps_exif())
    assert b"Canon" in data

    result = process_photo(upload=upload(data, name="p.webp"))

    for output in (result.image, result.thumbnail):
        assert len(reopen(output).getexif()) == 0
        assert b"EXIF" not in raw(output)
        assert b"Canon" not in raw(output)


def test_data_hidden_after_the_image_is_dropped():
    payload = b"<script>alert('polyglot')</script>"
    data = jpeg_bytes() + payload

    result = process_photo(upload=upload(data))

    assert payload not in raw(result.image)


def test_exif_orientation_is_applied_then_dropped():
    # Stored landscape with a red top-left corner; orientation 6 means "rotate 90° clockwise
    # to display", which puts that corner at the top right of the upright photo.
    image = Image.new("RGB", (600, 400), BLUE)
    image.paste(RED, (0, 0, 80, 80))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    data = encode(image, "JPEG", quality=95, exif=exif)

    result = process_photo(upload=upload(data))

    assert (result.width, result.height) == (400, 600)
    out = reopen(result.image)
    assert out.size == (400, 600)
    assert ExifTags.Base.Orientation not in out.getexif()
    top_right = out.getpixel((400 - 10, 10))
    top_left = out.getpixel((10, 10))
    assert top_right[0] > 200 and top_right[2] < 60
    assert top_left[2] > 200 and top_left[0] < 60
    assert reopen(result.thumbnail).size == (267, 400)


# --- refused: not a photo we accept -----------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("GIF", "p.gif"), ("BMP", "p.bmp"), ("TIFF", "p.tiff"), ("GIF", "renamed.jpg")],
)
def test_other_image_formats_are_refused(fmt, name):
    data = encode(photo_pixels((64, 48)), fmt)

    assert rejection(data, name=name) == MSG_FORMAT


def test_text_file_renamed_jpg_is_refused():
    data = "记者手记：这不是图片。\n".encode() * 50

    assert rejection(data, name="photo.jpg", content_type="image/jpeg") == MSG_FORMAT


def test_pdf_renamed_png_is_refused():
    data = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

    assert rejection(data, name="photo.png", content_type="image/png") == MSG_FORMAT


# --- refused: decompression bombs -------------------------------------------------------------


def test_fifty_megapixel_bomb_is_refused_without_loading_pixels(monkeypatch):
    data = encode(Image.new("1", (10000, 5000)), "PNG")
    assert len(data) < MAX_BYTES
    loads = []
    original_load = ImageFile.ImageFile.load

    def spy_load(image):
        loads.append(image.size)
        return original_load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy_load)

    started = time.perf_counter()
    message = rejection(data, name="p.png")
    elapsed = time.perf_counter() - started

    assert message == MSG_PIXELS
    assert loads == []
    assert elapsed < 2


def test_one_pixel_over_the_limit_is_refused():
    width, height = 754_717, 53
    assert width * height == MAX_PIXELS + 1
    data = encode(Image.new("1", (width, height)), "PNG")

    assert rejection(data, name="p.png") == MSG_PIXELS


def test_pillows_own_bomb_error_gets_the_same_message():
    # Far past twice Image.MAX_IMAGE_PIXELS: Pillow raises inside Image.open itself.
    assert rejection(png_claiming(100_000, 100_000), name="p.png") == MSG_PIXELS


def test_pillows_bomb_warning_is_refused_not_leaked():
    # Between Image.MAX_IMAGE_PIXELS and twice that, Pillow only warns.
    assert Image.MAX_IMAGE_PIXELS < 10_000 * 10_000 < 2 * Image.MAX_IMAGE_PIXELS
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        message = rejection(png_claiming(10_000, 10_000), name="p.png")

    assert message == MSG_PIXELS
    assert not [w for w in seen if issubclass(w.category, Image.DecompressionBombWarning)]


@pytest.mark.parametrize("size", [(50, 30), (50, 50)], ids=["warning", "error"])
def test_a_stricter_site_wide_pillow_limit_is_honoured(monkeypatch, size):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    data = encode(photo_pixels(size), "PNG")

    assert rejection(data, name="p.png") == MSG_PIXELS


def test_refusals_leave_global_state_alone():
    filters_before = list(warnings.filters)
    limit_before = Image.MAX_IMAGE_PIXELS

    rejection(png_claiming(10_000, 10_000), name="p.png")
    rejection(png_claiming(100_000, 100_000), name="p.png")
    process_photo(upload=upload(jpeg_bytes((100, 100))))

    assert warnings.filters == filters_before
    assert limit_before == Image.MAX_IMAGE_PIXELS
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


# --- refused: size and damage -----------------------------------------------------------------


def test_file_over_ten_megabytes_is_refused_with_its_size():
    data = os.urandom(MAX_BYTES + 1)

    assert rejection(data) == "图片不能超过 10 MB，当前 10.1 MB。"


def test_size_is_reported_in_megabytes():
    data = b"\xff\xd8" + b"\0" * (15 * 1024 * 1024)

    assert rejection(data) == "图片不能超过 10 MB，当前 15.1 MB。"


def test_declared_oversize_is_refused_before_reading():
    class HugeUpload:
        name = "photo.jpg"
        size = 200 * 1024 * 1024

        def read(self, *args):
            raise AssertionError("an oversized upload must not be read")

    with pytest.raises(PhotoRejected) as caught:
        process_photo(upload=HugeUpload())

    assert str(caught.value) == "图片不能超过 10 MB，当前 200.0 MB。"


def test_understated_size_does_not_get_past_the_limit():
    class LyingUpload(io.BytesIO):
        name = "photo.jpg"
        size = 1000

    with pytest.raises(PhotoRejected) as caught:
        process_photo(upload=LyingUpload(jpeg_bytes() + b"\0" * MAX_BYTES))

    assert str(caught.value).startswith("图片不能超过 10 MB")


def test_empty_file_is_refused():
    assert rejection(b"") == MSG_EMPTY


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "p.jpg"), ("PNG", "p.png"), ("WEBP", "p.webp")])
def test_truncated_image_is_refused_as_damaged(fmt, name):
    data = encode(photo_pixels((800, 600)), fmt)

    assert rejection(data[: len(data) // 2], name=name) == MSG_DAMAGED


def test_png_failing_its_checksum_is_refused_as_damaged():
    # Only the stored CRC is wrong, so the pixels would still decode: verify() must catch it.
    data = bytearray(encode(photo_pixels((200, 100)), "PNG"))
    idat = data.index(b"IDAT")
    (length,) = struct.unpack(">I", data[idat - 4 : idat])
    data[idat + 4 + length] ^= 0xFF
    Image.open(io.BytesIO(bytes(data))).load()

    assert rejection(bytes(data), name="p.png") == MSG_DAMAGED


def test_other_decoders_never_see_the_bytes(monkeypatch):
    opened = []
    original_open = GifImagePlugin.GifImageFile._open

    def spy_open(image):
        opened.append(image)
        return original_open(image)

    monkeypatch.setattr(GifImagePlugin.GifImageFile, "_open", spy_open)
    data = encode(photo_pixels((64, 48)), "GIF")

    assert rejection(data, name="p.jpg") == MSG_FORMAT
    assert opened == []


def test_photos_module_exposes_the_agreed_limits():
    assert photos.MAX_BYTES == 10 * 1024 * 1024
    assert photos.MAX_PIXELS == 40_000_000
    assert sorted(photos.ALLOWED_FORMATS) == ["JPEG", "PNG", "WEBP"]


def test_file_of_exactly_ten_megabytes_is_accepted():
    photo = jpeg_bytes((300, 200))
    data = photo + b"\0" * (MAX_BYTES - len(photo))

    assert process_photo(upload=upload(data)).width == 300
