"""A piece's length against its genre's target in the call for papers: the only place the rule
lives. Every door that submits a piece (the portal's form, the 投稿邮箱) asks check_length().

Against the genre's target length: outside WARN_BELOW–WARN_ABOVE a gentle warning, past the
ceiling a refusal (an 800-character 消息 may run from 400 to 1200 without comment, never past
1600).
"""

from dataclasses import dataclass

from articles.models import CallForPapers
from articles.text import count_characters

WARN_BELOW = 0.5
WARN_ABOVE = 1.5
CEILING = 2.0


@dataclass(frozen=True)
class LengthCheck:
    count: int
    target: int | None
    warning: str = ""
    refusal: str = ""


def check_length(*, body: str, genre: str, call: CallForPapers | None) -> LengthCheck:
    count = count_characters(body)
    target = None
    if call is not None:
        target = call.genres.filter(genre=genre).values_list("target_length", flat=True).first()
    if not target:
        return LengthCheck(count, None)
    if count > target * CEILING:
        return LengthCheck(
            count,
            target,
            refusal=f"{genre}要求{target}字左右，本稿{count}字，超过上限{int(target * CEILING)}字，"
            "请删减后再投。",
        )
    if count < target * WARN_BELOW or count > target * WARN_ABOVE:
        return LengthCheck(
            count, target, warning=f"{genre}要求{target}字左右，本稿{count}字，与要求相差较多。"
        )
    return LengthCheck(count, target)
