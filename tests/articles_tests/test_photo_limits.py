"""articles.photos: how large a photo may be, in bytes and in pixels.

Decompression bombs are refused from their header, before any pixel is decoded, with
the same message whichever check caught them, and without touching Pillow's global state;
oversized files are refused with their size, even when the upload understates it.
"""

import io
import os
import time
import warnings

import pytest
from PIL import Image, ImageFile

from articles import photos
from articles.photos import MAX_BYTES, MAX_PIXELS, PhotoRejected, process_photo
from tests.articles_tests.photo_files import (
    MSG_PIXELS,
    encode,
    jpeg_bytes,
    photo_pixels,
    png_claiming,
    rejection,
    upload,
)

# --- accepted at the limit ---------------------------------------------------------------------


def test_photo_of_exactly_max_pixels_is_accepted():
    width, height = 8000, 5000
    assert width * height == MAX_PIXELS
    data = encode(Image.new("1", (width, height)), "PNG")

    result = process_photo(upload=upload(data, name="p.png"))

    assert (result.width, result.height) == (8000, 5000)


def test_photos_module_exposes_the_agreed_limits():
    assert photos.MAX_BYTES == 10 * 1024 * 1024
    assert photos.MAX_PIXELS == 40_000_000
    assert sorted(photos.ALLOWED_FORMATS) == ["JPEG", "PNG", "WEBP"]


def test_file_of_exactly_ten_megabytes_is_accepted():
    photo = jpeg_bytes((300, 200))
    data = photo + b"\0" * (MAX_BYTES - len(photo))

    assert process_photo(upload=upload(data)).width == 300


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
