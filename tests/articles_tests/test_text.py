import pytest

from articles.text import count_characters, ends_sentence, paragraphs_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开发区建设", 5),
        ("财政收入增长10.42%。", 10),  # 财政收入增长 + 1042; '.', '%' and '。' do not count
        ("“三链融合” 换挡提速", 8),
        ("S8玉米增产", 6),
        ("，。！？；：“”（）——……", 0),
        ("  \n\n ", 0),
        ("𠀀𠀁", 2),  # CJK Extension B characters count like any Chinese character
    ],
)
def test_count_characters_counts_chinese_letters_and_digits_only(text, expected):
    assert count_characters(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("答案无疑是肯定的。", True),
        ("“确保‘全年红’。”", True),
        ("沁源县发扬“四敢”", False),
        ("财政资金起着", False),
        ("可按以下主题写作稿件：", True),
        ("", False),
    ],
)
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected


def test_paragraphs_are_separated_by_blank_lines():
    assert paragraphs_of("第一段。\n\n第二段。\n \n第三段。") == [
        "第一段。",
        "第二段。",
        "第三段。",
    ]
