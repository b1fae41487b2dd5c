"""The character-level comparison (editorial/diff.py) on Chinese text, and the edit rate."""

import pytest

from editorial.diff import DELETE, EQUAL, INSERT, Segment, compare, edit_rate


def test_a_replaced_figure_is_one_deletion_and_one_insertion_with_the_rest_equal():
    comparison = compare("投资2亿元建成投产", "投资3亿元全面建成投产")

    assert comparison.segments == (
        Segment(EQUAL, "投资"),
        Segment(DELETE, "2"),
        Segment(INSERT, "3"),
        Segment(EQUAL, "亿元"),
        Segment(INSERT, "全面"),
        Segment(EQUAL, "建成投产"),
    )
    assert (comparison.inserted, comparison.deleted) == (3, 1)
    assert comparison.changed


def test_frequent_characters_are_compared_too():
    # With difflib's autojunk a character found in over 1% of a text of 200+ characters is
    # ignored as a match: "的" would then show as deleted and inserted everywhere.
    old = "开发区的项目的建设的进度" * 20
    new = old.replace("进度", "速度", 1)

    comparison = compare(old, new)

    assert (comparison.deleted, comparison.inserted) == (1, 1)


def test_identical_texts_have_no_change():
    comparison = compare("晋中开发区", "晋中开发区")

    assert comparison.segments == (Segment(EQUAL, "晋中开发区"),)
    assert not comparison.changed


def test_the_edit_rate_is_deleted_plus_inserted_over_the_original_length():
    # 9 characters; "2" out (1), "3" and "全面" in (3): (1 + 3) / 9.
    assert edit_rate("投资2亿元建成投产", "投资3亿元全面建成投产") == pytest.approx(4 / 9)
    # 5 characters, one added: 1 / 5.
    assert edit_rate("开发区建设", "开发区的建设") == pytest.approx(0.2)
    assert edit_rate("开发区", "开发区") == 0
