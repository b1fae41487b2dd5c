"""Panels that apps above editorial show beside a piece on its editors' page.

editorial sits below the apps that know where a piece came from (mailroom keeps the mail a piece
was sent in) and must not import them. So the piece's page (queue.ArticleAdmin) asks this
registry instead: an app registers a function from its own admin module, which the admin loads
at start-up, and the page shows whatever the registered functions render for the piece.
"""

from collections.abc import Callable

from django.http import HttpRequest

from articles.models import Article

# request, piece -> the panel's HTML (safe, as render_to_string gives it), or "" when the app
# has nothing to show for this piece.
Panel = Callable[[HttpRequest, Article], str]

_panels: list[Panel] = []


def register(panel: Panel) -> Panel:
    """Show `panel` beside every piece; usable as a decorator. Registering twice shows it once."""
    if panel not in _panels:
        _panels.append(panel)
    return panel


def panels_beside(request: HttpRequest, article: Article) -> list[str]:
    """The non-empty panels for this piece, in the order they were registered."""
    return [html for panel in _panels if (html := panel(request, article))]
