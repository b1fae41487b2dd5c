"""What the portal tests share: a call for papers, a photo, form data, and the form as a
browser would send it back.
"""

import io
from html.parser import HTMLParser

from PIL import Image

from articles.models import CallForPapers, CallGenre, CallTheme


def make_call():
    call = CallForPapers.objects.create(date="2023-03-28", max_photos=1)
    CallTheme.objects.create(call=call, number=1, name="三个一批")
    for position, (genre, target) in enumerate([("消息", 800), ("通讯", 1500), ("评论", 1000)], 1):
        CallGenre.objects.create(call=call, genre=genre, target_length=target, position=position)
    return call


def jpeg_bytes(size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 30, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


def form_data(call, zone, **overrides):
    data = {
        "call": call.pk,
        "theme": call.themes.first().pk,
        "genre": "通讯",
        "zone": zone.pk,
        "kicker": "",
        "title": "朔州经开区新能源重卡项目投产",
        "subtitle": "",
        "body": "项" * 1400 + "。",
        "extra_authors": "",
        "photo_caption": "",
        "photo_credit": "",
    }
    data.update(overrides)
    return data


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "file"} or (
                kind in {"checkbox", "radio"} and "checked" not in attrs
            ):
                return
            default = "on" if kind in {"checkbox", "radio"} else ""
            self.data.setdefault(name, []).append(attrs.get("value", default))
        elif tag == "select":
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def rendered_form_data(html: str) -> dict:
    """The fields of the page's form as a browser would post them unchanged."""
    reader = _FormReader()
    reader.feed(html)
    # A browser drops the newline right after <textarea>.
    return {
        name: [value.removeprefix("\n") for value in values]
        for name, values in reader.data.items()
        if name != "csrfmiddlewaretoken"
    }
