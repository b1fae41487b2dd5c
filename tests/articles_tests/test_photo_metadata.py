"""articles.photos: nothing but the pixels survives an upload: no EXIF (GPS, camera, serial
number), no comments, XMP or PNG text, and nothing hidden after the image; the EXIF
orientation is applied to the pixels before it is dropped.
"""

import io

from PIL import ExifTags, Image, PngImagePlugin

from articles.photos import process_photo
from tests.articles_tests.photo_files import (
    BLUE,
    RED,
    encode,
    gps_exif,
    jpeg_bytes,
    jpeg_markers,
    photo_pixels,
    raw,
    reopen,
    upload,
)


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
