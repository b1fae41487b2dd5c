"""Word documents as correspondents send them, built with python-docx for the tests."""

import io

import docx
from docx.shared import Cm

from tests.portal_tests.helpers import jpeg_bytes

PICTURE = "[图片]"


def word_document(*lines: str, title_style: str = "", picture: bytes | None = None) -> bytes:
    """A .docx with one paragraph per line; the line "[图片]" is a paragraph holding the picture
    (a JPEG unless `picture` says otherwise); title_style names the line set in Word's Title."""
    document = docx.Document()
    for line in lines:
        if line == PICTURE:
            run = document.add_paragraph().add_run()
            run.add_picture(io.BytesIO(picture or jpeg_bytes((320, 240))), width=Cm(8))
        elif line and line == title_style:
            document.add_paragraph(line, style="Title")
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
