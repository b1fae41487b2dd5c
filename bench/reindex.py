"""(f) Rebuilding the search index against bare jieba segmenting the same text.

The text is what the index segments (search.indexing.indexed_text), paragraph by paragraph
(segmentation.paragraphs). Bare jieba over the whole archive's text is timed on a random sample
of pieces and scaled by characters: timing it whole would take minutes. The synthetic corpus
reuses seed paragraphs, which the indexer segments once each (a cache), so bare jieba over the
distinct paragraphs is printed too: the least segmenting any indexer must do.

rjieba, which search/segmentation.py uses, is timed over the same text, and its words are
compared with jieba's on every distinct paragraph, in search mode (the index) and precise mode
(queries), with the dictionary's names added to both.
"""

import logging
import os
import random
import subprocess
import sys
import time
from itertools import islice

from bench import BASE_DIR
from bench.report import print_table, verdict

REBUILD_TO_BARE_JIEBA = 1.5
SAMPLE_PIECES = 2000
READ_BATCH = 2000


def archive_paragraphs() -> tuple[list[str], list[str], int]:
    """(distinct paragraphs, the paragraphs of a sample of pieces, characters in all pieces)."""
    from articles.models import Article
    from search import segmentation
    from search.indexing import indexed_articles, indexed_text

    ids = list(Article.objects.published().order_by("pk").values_list("pk", flat=True))
    sampled = set(random.Random(17).sample(ids, min(SAMPLE_PIECES, len(ids))))
    distinct, sample, characters = set(), [], 0
    iterator = iter(ids)
    while batch := list(islice(iterator, READ_BATCH)):
        for article in indexed_articles(batch):
            title, body = indexed_text(article)
            lines = segmentation.paragraphs(title) + segmentation.paragraphs(body)
            characters += sum(map(len, lines))
            distinct.update(lines)
            if article.pk in sampled:
                sample += lines
    return sorted(distinct), sample, characters


def timed_cut(cut, lines) -> float:
    started = time.perf_counter()
    for line in lines:
        cut(line)
    return time.perf_counter() - started


def words(tokens) -> list[str]:
    from search.segmentation import TERM

    return [token for token in tokens if TERM.search(token)]


def measure_reindex() -> dict:
    import jieba
    import rjieba

    from search import segmentation

    print("\n== (f) 重建检索索引与分词（同一文本上的裸 jieba）")
    distinct, sample, characters = archive_paragraphs()
    sample_characters = sum(map(len, sample))
    segmentation.ensure_dictionary()
    names = segmentation.dictionary_names()
    jieba.setLogLevel(logging.WARNING)
    python_jieba, rust_jieba = jieba.Tokenizer(), rjieba.Jieba()
    # jieba's cache file sits in the shared temporary folder: one per user, so that a file
    # left by another user (root) is never in the way.
    python_jieba.cache_file = f"jieba.{os.getuid()}.cache"
    python_jieba.initialize()
    for name in names:
        python_jieba.add_word(name)
        rust_jieba.add_word(name, None, None)

    def jieba_search(line):
        return list(python_jieba.cut_for_search(line, HMM=False))

    def rjieba_search(line):
        return rust_jieba.cut_for_search(line, False)

    scale = characters / sample_characters
    figures = {
        "characters": characters,
        "distinct_paragraphs": len(distinct),
        "distinct_characters": sum(map(len, distinct)),
        "jieba_all_s": timed_cut(jieba_search, sample) * scale,
        "rjieba_all_s": timed_cut(rjieba_search, sample) * scale,
        "jieba_distinct_s": timed_cut(jieba_search, distinct),
        "rjieba_distinct_s": timed_cut(rjieba_search, distinct),
    }
    figures["differing_paragraphs"] = sum(
        words(jieba_search(line)) != words(rjieba_search(line))
        or words(python_jieba.cut(line, HMM=False)) != words(rust_jieba.cut(line, False))
        for line in distinct
    )

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "rebuild_search_index"],
        cwd=BASE_DIR,
        env=os.environ,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    figures["rebuild_s"] = time.perf_counter() - started
    return print_reindex(figures)


def print_reindex(figures: dict) -> dict:
    print(
        f"索引的文本：{figures['characters'] / 1e6:.1f} M 字；其中不同的段落 "
        f"{figures['distinct_paragraphs']} 段、{figures['distinct_characters'] / 1e6:.2f} M 字"
        "（合成语料重复使用种子段落，索引对相同段落只分词一次）"
    )
    table = [["", "全部文本（抽样折算）", "不同的段落"]]
    for label, key in (("裸 jieba", "jieba"), ("裸 rjieba", "rjieba")):
        table.append(
            [label, f"{figures[f'{key}_all_s']:.1f} s", f"{figures[f'{key}_distinct_s']:.1f} s"]
        )
    rebuild = figures["rebuild_s"]
    table.append(["rebuild_search_index", f"{rebuild:.1f} s", ""])
    print_table(table)
    figures["rebuild_to_jieba"] = rebuild / figures["jieba_all_s"]
    figures["rebuild_to_jieba_distinct"] = rebuild / figures["jieba_distinct_s"]
    same = figures["differing_paragraphs"] == 0
    ok = figures["rebuild_to_jieba"] <= REBUILD_TO_BARE_JIEBA
    figures["same_words_verdict"], figures["rebuild_verdict"] = verdict(same), verdict(ok)
    print(
        f"rjieba 与 jieba 切分相同（{figures['distinct_paragraphs']} 段，检索模式与精确模式，"
        f"不同的 {figures['differing_paragraphs']} 段）：{verdict(same)}"
    )
    print(
        f"目标 重建索引 ≤ 裸 jieba 的 {REBUILD_TO_BARE_JIEBA} 倍（同一文本，实为 "
        f"{figures['rebuild_to_jieba']:.2f} 倍；对不同的段落为 "
        f"{figures['rebuild_to_jieba_distinct']:.2f} 倍）：{verdict(ok)}"
    )
    return figures
