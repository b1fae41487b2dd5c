"""axe-core (node_modules/axe-core, pinned in package.json) run on the page a test has open.

check_accessibility(page) runs the WCAG 2 A and AA rules (2.0, 2.1 and 2.2) and fails the test
with every violation printed: rule, impact, the elements and what axe says is wrong with each.

The site's Content-Security-Policy allows scripts only from its own origin ("script-src 'self'"),
so Playwright's add_script_tag(path=...), which inserts an inline <script>, is refused by the
browser. axe's source is therefore run through page.evaluate(): DevTools evaluation is not
subject to the page's CSP, and the page's own policy stays in force for everything else (no
bypass_csp, so the pages axe checks are the pages correspondents get).
"""

from functools import cache
from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def _axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make node-deps` (npm ci)", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        impact, rule = violation["impact"], violation["id"]
        lines.append(f"[{impact}] {rule}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}: {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", "\n        ")
            lines.append(f"        {summary}")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    """The WCAG 2 A/AA violations axe finds on the page as it stands now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result["violations"]


def check_accessibility(page):
    """Fail the test when axe finds any WCAG 2 A/AA violation on the page."""
    violations = axe_violations(page)
    assert not violations, f"axe found violations on {page.url}:\n{_describe(violations)}"
