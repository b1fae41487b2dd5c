"""A small browser for the load script: cookies, CSRF, HTML forms and multipart posts.

Standard library only (http.client, html.parser). Every request opens its own loopback
connection and never follows a redirect by itself: the caller reads where a POST went, which is
how the load script tells an accepted submission (/my/<id>/) from a refused one.
"""

import http.client
import secrets
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit


@dataclass
class Response:
    status: int  # 0 when the connection failed or timed out
    location: str
    body: bytes
    seconds: float
    error: str = ""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def redirect_path(self) -> str:
        return urlsplit(self.location).path if self.location else ""


class Browser:
    """One user's cookie jar against one server."""

    def __init__(self, host: str, port: int, timeout: float = 60.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies: dict[str, str] = {}

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, fields: list[tuple[str, str]], files=()) -> Response:
        """A form post; `files` are (field, filename, content type, bytes) and make it multipart."""
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(fields).encode(), "application/x-www-form-urlencoded"
        headers = {
            "Content-Type": content_type,
            # As a browser sends it; Django's CSRF check reads it only over HTTPS.
            "Referer": f"http://{self.host}:{self.port}{path}",
        }
        return self.request("POST", path, body=body, headers=headers)

    def request(self, method: str, path: str, body: bytes = b"", headers=None) -> Response:
        headers = {"Connection": "close", "Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.monotonic()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body or None, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            return Response(0, "", b"", time.monotonic() - started, error=repr(error))
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self._store_cookie(header)
        return Response(
            response.status, response.getheader("Location", ""), data, time.monotonic() - started
        )

    def _store_cookie(self, header: str):
        jar = SimpleCookie()
        jar.load(header)
        for name, morsel in jar.items():
            if morsel.value == "" or morsel["max-age"] == "0":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    @property
    def csrf_token(self) -> str:
        return self.cookies.get("csrftoken", "")


def multipart(fields, files) -> tuple[bytes, str]:
    boundary = "----kfqload" + secrets.token_hex(12)
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, filename, content_type, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class _FormParser(HTMLParser):
    """The fields of every <form> on a page, as a browser would submit them unchanged."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select = None
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": []})
            return
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {
                "name": name,
                "chosen": [],
                "first": None,
                "multiple": "multiple" in attrs,
            }
        elif tag == "option" and self._select is not None:
            self._option = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = self._option
            if "selected" in attrs:
                self._select["chosen"].append(self._option)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        if tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            # Browsers drop the one newline that follows <textarea>.
            fields.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"]
            if not chosen and not self._select["multiple"] and self._select["first"] is not None:
                chosen = [self._select["first"]]  # a single select submits its first option
            fields.extend((self._select["name"], value) for value in chosen)
            self._select = None


def form_fields(markup: str, having: str) -> list[tuple[str, str]] | None:
    """The fields of the first form on the page that has a field named `having`."""
    parser = _FormParser()
    parser.feed(markup)
    for form in parser.forms:
        if any(name == having for name, _ in form["fields"]):
            return form["fields"]
    return None


def replace_fields(fields: list[tuple[str, str]], **values) -> list[tuple[str, str]]:
    """The form's fields with some set anew; a list value posts the name once per item."""
    kept = [(name, value) for name, value in fields if name not in values]
    for name, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            kept.append((name, item))
    return kept
