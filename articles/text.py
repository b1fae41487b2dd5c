"""Facts about Chinese text that several modules share: sentence ends, paragraphs, length."""

import re

SENTENCE_END = "。！？；：…!?;"
CLOSING = "”’」』）)》"


def ends_sentence(text: str) -> bool:
    """Whether text ends where a sentence may end (。 or 。” but not “四敢”)."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSING:
        stripped = stripped[:-1]
        if stripped and stripped[-1] in SENTENCE_END:
            return True
    return bool(stripped) and stripped[-1] in SENTENCE_END


def paragraphs_of(body: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", body) if part.strip()]


_COUNTED = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffffA-Za-z0-9]")


def count_characters(text: str) -> int:
    """Length as Chinese editors count it: Chinese characters, Latin letters and digits.

    Spaces and punctuation do not count, so 800字左右 means 800 such characters.
    """
    return len(_COUNTED.findall(text))
