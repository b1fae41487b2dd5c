"""A reader's search: from the words typed to a ranked, faceted, highlighted page of results.

The query is an AND of the reader's terms. A term that names a zone (official name, short name
or alias) matches any of that zone's names, so 朔州经开区 finds articles that say
朔州经济开发区. Ranking comes in two tiers (backends.py): title matches first, by the backend's
score of the title, the most recently added piece first among equals; then the matches in the
body only, newest first. Only the page shown is fetched; the first page's title matches come
with the counts (summary.py, which caches both, so a repeated query scores no title again).
Facet counts are over the whole result, after the listing filters, counted in one GROUP BY
over the index rows.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator

from articles.models import Article
from search import segmentation
from search.backends import current_backend
from search.highlight import Highlighter
from search.summary import FacetValue, summary_of
from zones.models import Zone

# Longer queries are cut, not refused: the reader sees which part was searched.
MAX_QUERY_CHARS = 100
MAX_TERMS = 12

# An expression is an AND of groups; a group is an OR of alternatives; an alternative is an
# AND of terms (a name that segments into several terms).
Alternative = tuple[str, ...]
Group = tuple[Alternative, ...]


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    truncated: bool = False
    groups: tuple[Group, ...] = ()
    zones: tuple[Zone, ...] = ()
    highlight_words: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.groups


@dataclass
class Hit:
    article: Article
    title_html: str
    snippet_html: str


@dataclass
class SearchResults:
    query: ParsedQuery
    total: int = 0
    page: Page | None = None
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


def parse_query(raw: str | None) -> ParsedQuery:
    segmentation.ensure_dictionary()
    text = " ".join((raw or "").split())
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    terms = segmentation.query_terms(text)
    truncated = truncated or len(terms) > MAX_TERMS
    terms = terms[:MAX_TERMS]
    if not terms:
        return ParsedQuery(text=text, truncated=truncated)

    zones = []
    if segmentation.may_name_a_zone(terms):
        zones = list(Zone.objects.named(*terms).prefetch_related("aliases"))
    names_by_term: dict[str, set[str]] = {}
    for zone in zones:
        names = zone.names
        for name in names & set(terms):
            names_by_term.setdefault(name, set()).update(names)

    groups = []
    highlight_words = set(terms)
    for term in terms:
        names = names_by_term.get(term)
        if not names:
            groups.append(((term,),))
            continue
        alternatives = {tuple(segmentation.query_terms(name)) for name in sorted(names)}
        groups.append(tuple(sorted(alt for alt in alternatives if alt)))
        highlight_words.update(names)
    return ParsedQuery(
        text=text,
        truncated=truncated,
        groups=tuple(groups),
        zones=tuple(zones),
        highlight_words=tuple(sorted(highlight_words, key=len, reverse=True)),
    )


def search(text: str | None, *, articles=None, page=1, per_page: int = 20) -> SearchResults:
    """Search the published archive; `articles`, when given, is a filtered queryset to search
    within (the listing filters)."""
    parsed = parse_query(text)
    results = SearchResults(query=parsed)
    if parsed.is_empty:
        return results

    backend = current_backend()
    rendered = backend.render(parsed.groups)
    within = None
    if articles is not None:
        within = articles.order_by().values("pk").query.sql_with_params()
    summary = summary_of(backend, rendered, within)
    results.total = summary.total
    results.facets = summary.facets

    ranked = _RankedIds(backend, rendered, within, summary)
    results.page = Paginator(ranked, per_page).get_page(page)
    ids = list(results.page.object_list)
    by_id = Article.objects.published().with_listing_relations().in_bulk(ids)
    results.page.object_list = [by_id[pk] for pk in ids if pk in by_id]
    highlighter = Highlighter(parsed.highlight_words)
    results.hits = [
        Hit(
            article=article,
            title_html=highlighter.mark(article.title),
            snippet_html=highlighter.snippet(article.body),
        )
        for article in results.page.object_list
    ]
    return results


class _RankedIds:
    """The ranked result as a sequence for Paginator: slicing asks the backend for one page,
    from the title tier, the body tier or, where the page straddles them, both."""

    def __init__(self, backend, rendered, within, summary):
        self.backend, self.rendered, self.within = backend, rendered, within
        self.total, self.titles = summary.total, summary.title_total
        self.best_titles = summary.best_titles

    def __len__(self):
        return self.total

    def __getitem__(self, window: slice):
        start, stop = window.start, min(window.stop, self.total)
        ids = []
        title_stop = min(stop, self.titles)
        if start < self.titles and title_stop <= len(self.best_titles):
            ids += self.best_titles[start:title_stop]
        elif start < self.titles:
            ids += self.backend.title_ids(self.rendered, self.within, title_stop - start, start)
        if stop > self.titles:
            body_start = max(start, self.titles)
            ids += self.backend.body_only_ids(
                self.rendered,
                self.within,
                stop - body_start,
                body_start - self.titles,
                matches=self.total - self.titles,
            )
        return ids
