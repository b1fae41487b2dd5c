"""(a2) The search's answers against exhaustive ones: counts and facets, and the first page.

Over the benchmark's queries, search.search() (cached counts, a LIMITed page of each tier) is
compared with search/checks.py, which reads and scores every match:
- counts: the total and every facet value equal a fresh count (the counts are exact at any
  number of hits; none is marked 约);
- ranking: page 1 equals the exhaustive two-tier page (every title match scored, every
  body-only match sorted newest first);
- for information, how many of the title matches that the old ranking (every match scored over
  title and body) put on page 1 are on page 1 now.
"""

from bench.report import print_table, verdict
from bench.search_latency import queries


def check_search_quality() -> dict:
    from search import checks
    from search.query import search

    print("\n== (a2) 检索结果核对：计数、分面与第一页（与逐条计数、全部打分的结果比较）")
    table = [["检索词", "命中", "标题命中", "计数与分面", "第一页", "旧排序标题命中在第一页"]]
    rows = []
    for text in queries():
        results = search(text)
        exact = checks.exact_counts(text)
        counts_ok = results.total == exact.total and results.facets == exact.facets
        page = [hit.article.pk for hit in results.hits]
        page_ok = page == checks.exhaustive_page(text)
        in_title = checks.title_matches(text)
        old_titles = [pk for pk in checks.whole_document_page(text) if pk in in_title]
        kept = len(set(old_titles) & set(page))
        rows.append(
            {
                "query": text,
                "total": results.total,
                "title_total": exact.title_total,
                "counts_exact": counts_ok,
                "page_exact": page_ok,
                "old_title_hits_on_page": len(old_titles),
                "old_title_hits_kept": kept,
            }
        )
        table.append(
            [
                text,
                str(results.total),
                str(exact.title_total),
                "一致" if counts_ok else "不一致",
                "一致" if page_ok else "不一致",
                f"{kept}/{len(old_titles)}",
            ]
        )
    print_table(table)
    counts_ok = all(row["counts_exact"] for row in rows)
    pages_ok = all(row["page_exact"] for row in rows)
    summary = {
        "counts_verdict": verdict(counts_ok),
        "pages_verdict": verdict(pages_ok),
        "queries": rows,
    }
    print(f"目标 分面计数精确（≥10,000 命中仍精确，不标“约”）：{summary['counts_verdict']}")
    print(f"目标 第一页与全部打分的结果相同（标题命中按得分）：{summary['pages_verdict']}")
    return summary
