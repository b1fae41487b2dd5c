"""The same story twice: near-copy detection (search/near_copies.py)."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Status
from editorial import workflow
from search import near_copies
from search.models import Fingerprint, FingerprintBucket, NearCopy
from tests.factories import make_article, make_correspondent, make_zone
from tests.search_tests.near_copy_texts import (
    SAME_THEME_BODY,
    SAME_THEME_TITLE,
    ZONE_A_BODY,
    ZONE_A_TITLE,
    ZONE_B_BODY,
    ZONE_B_TITLE,
    with_small_edits,
)

pytestmark = pytest.mark.django_db


def pairs():
    return set(NearCopy.objects.values_list("article_id", "other_id"))


def test_punctuation_spaces_width_and_case_do_not_count():
    assert near_copies.shingles("开发区，ＡＢ１２　建设。\n") == near_copies.shingles(
        "开发区ab12建设"
    )
    assert near_copies.shingles("招商") == {"招商"}
    assert near_copies.shingles("，。") == set()


def test_a_piece_resubmitted_with_small_edits_is_flagged():
    first = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY, status=Status.REJECTED)
    again = make_article(
        title=ZONE_A_TITLE, body=with_small_edits(ZONE_A_BODY), status=Status.SUBMITTED
    )
    [pair] = NearCopy.objects.of(again)
    assert pair.other == first
    assert pair.similarity >= 0.8
    assert pairs() == {(again.pk, first.pk), (first.pk, again.pk)}


def test_the_same_release_rewritten_by_two_zones_is_flagged():
    zone_a = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY, zone=make_zone())
    zone_b = make_article(
        title=ZONE_B_TITLE, body=ZONE_B_BODY, zone=make_zone(), status=Status.SUBMITTED
    )
    [pair] = NearCopy.objects.of(zone_b)
    assert pair.other == zone_a
    assert 0.4 <= pair.similarity <= 0.7


def test_unrelated_pieces_on_the_same_theme_are_not_flagged():
    release = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY)
    theme = make_article(title=SAME_THEME_TITLE, body=SAME_THEME_BODY, status=Status.SUBMITTED)
    assert pairs() == set()
    found = near_copies.similar_to(f"{SAME_THEME_TITLE}\n{SAME_THEME_BODY}", exclude=theme.pk)
    assert found == []
    assert [m.article_id for m in near_copies.similar_to(ZONE_A_BODY)] == [release.pk]


def test_drafts_are_neither_fingerprinted_nor_found():
    draft = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY, status=Status.DRAFT)
    assert not Fingerprint.objects.filter(article=draft).exists()
    assert near_copies.similar_to(f"{ZONE_A_TITLE}\n{ZONE_A_BODY}") == []


def test_submitting_fingerprints_and_going_back_to_draft_forgets():
    published = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY)
    author = make_correspondent()
    piece = make_article(
        title=ZONE_B_TITLE, body=ZONE_B_BODY, status=Status.DRAFT, authors=[author.contributor]
    )
    workflow.article_transition(article=piece, to=Status.SUBMITTED, by=author)
    assert pairs() == {(piece.pk, published.pk), (published.pk, piece.pk)}
    piece.refresh_from_db()
    workflow.article_transition(article=piece, to=Status.WITHDRAWN, by=author, note="重复了")
    assert pairs() == {(piece.pk, published.pk), (published.pk, piece.pk)}
    piece.refresh_from_db()
    workflow.article_transition(article=piece, to=Status.DRAFT, by=author)
    assert pairs() == set()
    assert not FingerprintBucket.objects.filter(article=piece).exists()


def test_an_edit_that_tells_another_story_drops_the_pair():
    first = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY)
    second = make_article(title=ZONE_B_TITLE, body=ZONE_B_BODY, status=Status.IN_REVIEW)
    assert pairs()
    second.title, second.body = SAME_THEME_TITLE, SAME_THEME_BODY
    second.save()
    assert pairs() == set()
    # ... and the first piece's own edit finds the second again when it comes back.
    second.title, second.body = ZONE_B_TITLE, ZONE_B_BODY
    second.save()
    assert set(NearCopy.objects.of(first).values_list("other_id", flat=True)) == {second.pk}


def test_a_status_move_alone_does_not_fingerprint_again(django_assert_max_num_queries):
    piece = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY, status=Status.SUBMITTED)
    before = Fingerprint.objects.get(article=piece).signature
    # One query: the fingerprint is there, and the text did not change.
    with django_assert_max_num_queries(1):
        near_copies.piece_saved(piece, update_fields=["status", "status_changed_at"])
    assert Fingerprint.objects.get(article=piece).signature == before


def test_a_text_without_letters_is_not_fingerprinted():
    piece = make_article(title="——", body="……", status=Status.SUBMITTED)
    assert not Fingerprint.objects.filter(article=piece).exists()


def test_short_texts_are_not_compared():
    """Two short pieces share a phrase by chance (稿件的正文, 第二段): no pair."""
    make_article(title="等待初审的稿件", body="第6篇稿件的正文。\n\n第二段。")
    other = make_article(title="等待复审的稿件", body="第7篇稿件的正文。\n\n第二段。")
    assert not Fingerprint.objects.filter(article=other).exists()
    assert near_copies.similar_to("等待复审的稿件\n第7篇稿件的正文。\n\n第二段。") == []
    assert pairs() == set()


def test_many_copies_cost_what_the_bucket_limit_allows():
    text = f"{ZONE_A_TITLE}\n{ZONE_A_BODY}"
    copies = [make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY) for _ in range(3)]
    found = near_copies.similar_to(text)
    assert [match.article_id for match in found] == sorted(
        (copy.pk for copy in copies), reverse=True
    )
    assert all(match.similarity == 1.0 for match in found)
    assert len(near_copies.similar_to(text, exclude=copies[0].pk)) == 2


def test_shared_passages_are_marked_where_they_stand_even_when_moved():
    ours = "我们自己的开头。" + "招商引资签约项目二十三个" + "。结尾。"
    theirs = "另一个开头！" + "结尾。" + "招商引资签约项目二十三个"
    passages = near_copies.shared_passages(ours, theirs)
    assert "".join(p.text for p in passages) == ours
    assert [p.text for p in passages if p.shared] == ["招商引资签约项目二十三个"]
    assert 0.4 < near_copies.shared_share(passages) < 0.7


def test_punctuation_between_shared_characters_is_shared():
    passages = near_copies.shared_passages("新签约项目，总投资八十亿元", "新签约项目总投资八十亿元")
    assert [p.text for p in passages if p.shared] == ["新签约项目，总投资八十亿元"]


def _archive_from_before_fingerprints():
    """Two copies and a draft copy, as an archive stood before pieces were fingerprinted."""
    first = make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY)
    second = make_article(title=ZONE_B_TITLE, body=ZONE_B_BODY, status=Status.SUBMITTED)
    make_article(title=ZONE_A_TITLE, body=ZONE_A_BODY, status=Status.DRAFT)
    make_article(title=SAME_THEME_TITLE, body=SAME_THEME_BODY, status=Status.REJECTED)
    near_copies.forget(list(Article.objects.values_list("pk", flat=True)))
    return first, second


def test_the_backfill_command_finds_the_archive_s_near_copies():
    first, second = _archive_from_before_fingerprints()
    out = io.StringIO()
    call_command("find_near_copies", stdout=out)
    assert pairs() == {(first.pk, second.pk), (second.pk, first.pk)}
    assert Fingerprint.objects.count() == 3
    assert "[3/3] 已比对" in out.getvalue()
    assert "已为 3 篇稿件建立指纹" in out.getvalue()
    assert "发现相似稿件 1 对" in out.getvalue()
    # Run again, the same outcome: it starts over rather than adding.
    call_command("find_near_copies", stdout=io.StringIO(), verbosity=0)
    assert NearCopy.objects.count() == 2


def test_the_backfill_command_dry_run_changes_nothing():
    _archive_from_before_fingerprints()
    out = io.StringIO()
    call_command("find_near_copies", "--dry-run", stdout=out)
    assert "将为 3 篇稿件重建指纹（现有指纹 0 个，相似稿件 0 对）" in out.getvalue()
    assert not Fingerprint.objects.exists()


def test_the_backfill_command_is_quiet_at_verbosity_0():
    _archive_from_before_fingerprints()
    out = io.StringIO()
    call_command("find_near_copies", stdout=out, verbosity=0)
    assert "已比对" not in out.getvalue()
    assert "发现相似稿件 1 对" in out.getvalue()


def test_a_run_crossing_a_paragraph_break_marks_nothing_of_the_next_paragraph():
    """Regression: 会 of 会议还对 was marked because 乙丙丁戊会 stands in the other text too."""
    ours = "甲乙丙丁戊。\n\n会议还对安全生产作了部署。"
    theirs = "甲乙丙丁戊。\n\n会后，开发区召开专题会议。"
    passages = near_copies.shared_passages(ours, theirs)
    assert "".join(p.text for p in passages) == ours
    assert [p.text for p in passages if p.shared] == ["甲乙丙丁戊"]
