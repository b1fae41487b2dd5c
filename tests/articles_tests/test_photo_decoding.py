"""articles.photos: which files are read as the photos they are, and which are refused.

The accepted ones come out re-encoded in their own format, with a thumbnail that fits in
400 x 400 and is never enlarged; any other format, a renamed text or PDF file, and damaged
or empty files are refused with a message a correspondent understands.
"""

import io
import struct

import pytest
from PIL import GifImagePlugin, Image, ImageCms

from articles.photos import process_photo
from tests.articles_tests.photo_files import (
    MSG_DAMAGED,
    MSG_EMPTY,
    MSG_FORMAT,
    RED,
    assert_thumbnail_fits,
    encode,
    jpeg_bytes,
    photo_pixels,
    rejection,
    reopen,
    upload,
)

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


# --- refused: damaged ---------------------------------------------------------------------------


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
