"""Rules on text that every door (portal, admin, importer) must pass."""

import unicodedata

from django.core.exceptions import ValidationError

# Cc: control characters; Zl, Zp: U+2028 and U+2029, which break lines as a newline does.
LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})


def no_control_characters(value):
    """Refuse control characters (newline, tab, NUL, DEL, any Unicode Cc) and the Unicode line
    and paragraph separators (U+2028, U+2029) in one-line text.

    A newline in a title breaks mail headers and the exports; the others are invisible, so
    nobody could see why two names that look alike do not match.
    """
    if any(unicodedata.category(char) in LINE_BREAKING for char in str(value)):
        raise ValidationError("不能包含换行、制表符等控制字符。", code="control_characters")
