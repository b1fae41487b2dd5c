"""The ARIA landmarks of an HTML page, with their accessible names, for the layout tests.

A screen reader lists landmarks by kind and name; two of one kind without distinct names
("搜索", "搜索") cannot be told apart.
"""

from collections import defaultdict
from html.parser import HTMLParser

ROLE_OF_TAG = {
    "search": "search",
    "nav": "navigation",
    "aside": "complementary",
    "main": "main",
    "header": "banner",
    "footer": "contentinfo",
}
# A section or form is a landmark only when it has a name.
NAMED_ONLY = {"section": "region", "form": "form"}
# header and footer are banner/contentinfo only at the top level of the page.
SECTIONING = {"article", "aside", "main", "nav", "section"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.found: list[tuple[str, dict]] = []
        self.texts: dict[str, list[str]] = defaultdict(list)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        role = attrs.get("role") or self._implicit_role(tag, attrs)
        if role:
            self.found.append((role, attrs))
        if tag not in VOID:
            self.stack.append((tag, attrs.get("id")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, element_id in self.stack:
            if element_id:
                self.texts[element_id].append(data)

    def _implicit_role(self, tag, attrs):
        if tag in NAMED_ONLY:
            return NAMED_ONLY[tag] if "aria-label" in attrs or "aria-labelledby" in attrs else None
        if tag in ("header", "footer") and any(t in SECTIONING for t, _ in self.stack):
            return None
        return ROLE_OF_TAG.get(tag)


def landmarks(html: str) -> list[tuple[str, str]]:
    """[(role, accessible name), ...] in document order; the name is "" when there is none."""
    parser = _Parser()
    parser.feed(html)
    result = []
    for role, attrs in parser.found:
        name = attrs.get("aria-label", "")
        if not name and attrs.get("aria-labelledby"):
            name = " ".join("".join(parser.texts[ref]) for ref in attrs["aria-labelledby"].split())
        result.append((role, " ".join(name.split())))
    return result


def ambiguous_landmarks(html: str) -> dict[str, list[str]]:
    """Kinds that occur more than once without a distinct name for each: {role: [names]}."""
    by_role = defaultdict(list)
    for role, name in landmarks(html):
        by_role[role].append(name)
    return {
        role: names
        for role, names in by_role.items()
        if len(names) > 1 and ("" in names or len(set(names)) < len(names))
    }
