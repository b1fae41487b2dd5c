"""The apps' layering and the absence of import cycles, read from the source.

Every import counts, the ones inside functions too: an import moved into a function to dodge
a cycle is still a dependency. So does a template's {% load %} of one of our tag libraries:
templates/<app>/... (and templates/admin/<app>/...) depends on the app whose templatetags/
defines the library. Migrations are left out (Django writes them), and so is kfq_site in the
layering, as the project that puts the apps together; so are the project's own templates
(base.html, includes/, registration/ and the like).
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

# What each app may import of ours. Nobody may import reader or portal; kfq_site may import
# anything, being the project.
MAY_IMPORT = {
    "zones": set(),
    "logins": set(),
    "backups": set(),
    "articles": {"zones"},
    "search": {"articles", "zones"},
    "editorial": {"search", "articles", "zones", "logins"},
    "importer": {"editorial", "search", "articles", "zones", "logins"},
    # The portal reads correspondents' Word documents with the importer's reader (word.py).
    # It shows a correspondent their running score with the awards' tag (own_live_points).
    "portal": {"awards", "importer", "editorial", "search", "articles", "zones", "logins"},
    "awards": {"editorial", "search", "articles", "zones", "logins"},
    # Figures are extracted when the workflow publishes (its pieces_published signal); the
    # downloads write text cells by awards/cells.py's rule.
    "indicators": {"awards", "editorial", "articles", "zones"},
    # A zone's page shows its confirmed figures with the indicators' tag.
    "reader": {"indicators", "articles", "search", "zones"},
    # Statistics and bulletins read everything below them; nothing imports them.
    "reports": {"awards", "editorial", "search", "articles", "zones"},
    # The 投稿邮箱 is one more door into the workflow: it reads Word documents with the
    # importer's reader, makes pieces through editorial's workflow and outbox, and opens
    # correspondents' logins; nothing imports it.
    "mailroom": {"importer", "editorial", "search", "articles", "zones", "logins"},
}
PROJECT_PACKAGE = "kfq_site"
OURS = {*MAY_IMPORT, PROJECT_PACKAGE, "bench"}


@dataclass(frozen=True)
class Import:
    file: str  # relative to the project
    line: int
    source: str  # the importing module; for a template, the app it belongs to
    target: str  # the imported module, or the package a name is taken from
    verb: str = "imports"  # "loads" for a template's {% load %}

    def __str__(self):
        return f"{self.file}:{self.line} {self.verb} {self.target}"


def imports_of(root: Path, packages) -> list[Import]:
    """Every import statement in the packages' modules (migrations aside), wherever it stands."""
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if "migrations" in parts:
                continue
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    found = []
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        file = str(path.relative_to(root))
        for node in ast.walk(ast.parse(path.read_text(), file)):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0]
                    base = f"{anchor}.{base}" if base else anchor
                # `from package import module` depends on the module, not only the package.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                ]
            else:
                continue
            found += [Import(file, node.lineno, name, target) for target in targets]
    return found


# {% load a b %} loads libraries a and b; {% load x y from lib %} loads from lib.
LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}", re.DOTALL)


def tag_libraries(root: Path, packages) -> dict[str, str]:
    """Our template tag libraries, by the name {% load %} takes, and the module of each."""
    return {
        path.stem: ".".join(path.relative_to(root).with_suffix("").parts)
        for package in packages
        for path in sorted((root / package / "templatetags").glob("*.py"))
        if path.stem != "__init__"
    }


def template_loads(root: Path, packages) -> list[Import]:
    """Every {% load %} of one of our libraries in a template of one of the packages.

    A template belongs to the app its folder is named after, in templates/ or in the app's
    own templates/: <app>/..., or admin/<app>/... for the admin pages of that app's models.
    Django's own libraries (static, admin_urls, ...) are not ours and are not counted.
    """
    libraries = tag_libraries(root, packages)
    found = []
    for folder in [root / "templates", *(root / package / "templates" for package in packages)]:
        for path in sorted(folder.rglob("*")):
            parts = path.relative_to(folder).parts
            app = parts[1] if parts[0] == "admin" and len(parts) > 2 else parts[0]
            if not path.is_file() or app not in packages:
                continue
            text = path.read_text()
            for match in LOAD.finditer(text):
                names = match.group(1).split()
                line = text.count("\n", 0, match.start()) + 1
                for name in names[-1:] if "from" in names else names:
                    if name in libraries:
                        file = str(path.relative_to(root))
                        found.append(Import(file, line, app, libraries[name], "loads"))
    return found


def layering_violations(imports: list[Import]) -> list[str]:
    violations = []
    for found in imports:
        app, imported = found.source.split(".")[0], found.target.split(".")[0]
        if app not in MAY_IMPORT or imported == app or imported not in OURS:
            continue
        if imported not in MAY_IMPORT[app]:
            allowed = ", ".join(sorted(MAY_IMPORT[app])) or "none of our apps"
            violations.append(f"{found} ({app} may import only: {allowed})")
    return violations


def import_cycles(imports: list[Import]) -> list[list[Import]]:
    """One cycle (as the imports that close it) for each strongly connected group of modules."""
    edges: dict[str, list[Import]] = {}
    for found in imports:
        if found.target != found.source:
            edges.setdefault(found.source, []).append(found)
    known = {found.source for found in imports}
    cycles, done = [], set()
    for start in sorted(known):
        if start in done:
            continue
        path = _path_back(start, start, edges, known, [], set())
        if path:
            cycles.append(path)
            done.update(found.source for found in path)
    return cycles


def _path_back(start, here, edges, known, trail, seen):
    for found in edges.get(here, []):
        if found.target == start:
            return [*trail, found]
        if found.target in known and found.target not in seen:
            seen.add(found.target)
            path = _path_back(start, found.target, edges, known, [*trail, found], seen)
            if path:
                return path
    return None


def product_imports() -> list[Import]:
    return imports_of(PROJECT, [*MAY_IMPORT, PROJECT_PACKAGE])


def test_each_app_imports_only_the_apps_below_it():
    packages = [*MAY_IMPORT, PROJECT_PACKAGE]
    violations = layering_violations(product_imports() + template_loads(PROJECT, packages))

    assert violations == [], "imports against the layering:\n" + "\n".join(violations)


def test_no_import_cycle_between_modules():
    cycles = import_cycles(product_imports())

    assert cycles == [], "import cycles:\n" + "\n\n".join(
        "\n".join(f"  {found}" for found in cycle) for cycle in cycles
    )


def test_an_import_inside_a_function_counts(tmp_path):
    """The checker itself: a function-level import, relative or absolute, is seen."""
    (tmp_path / "zones").mkdir()
    (tmp_path / "articles" / "models").mkdir(parents=True)
    (tmp_path / "zones" / "__init__.py").write_text("")
    (tmp_path / "zones" / "models.py").write_text("def f():\n    from articles import models\n")
    (tmp_path / "articles" / "__init__.py").write_text("")
    (tmp_path / "articles" / "models" / "__init__.py").write_text("from .issues import Issue\n")
    (tmp_path / "articles" / "models" / "issues.py").write_text(
        "class Issue:\n    def f(self):\n        from articles.models import Article\n"
    )
    imports = imports_of(tmp_path, ["zones", "articles"])

    assert layering_violations(imports) == [
        "zones/models.py:2 imports articles.models (zones may import only: none of our apps)"
    ]
    assert [[str(found) for found in cycle] for cycle in import_cycles(imports)] == [
        [
            "articles/models/__init__.py:1 imports articles.models.issues",
            "articles/models/issues.py:3 imports articles.models",
        ]
    ]


def test_a_templates_load_of_another_apps_library_counts(tmp_path):
    """The checker itself: the portal's template that loaded the running score's tags from
    reports (where they first stood) is caught; Django's libraries, an app's own library and
    the project's own templates are not counted."""
    for library in ("reports/templatetags/live_points.py", "awards/templatetags/awards_format.py"):
        (tmp_path / library).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / library).write_text("")
    templates = {
        "portal/my_submissions.html": '{% extends "base.html" %}\n{% load static live_points %}',
        "portal/own.html": "{% load own_live_points from live_points %}",
        "admin/awards/credit/ranking.html": "{% load admin_urls awards_format %}",
        "base.html": "{% load live_points %}",
    }
    for name, text in templates.items():
        (tmp_path / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "templates" / name).write_text(text)

    loads = template_loads(tmp_path, ["portal", "awards", "reports"])

    allowed = ", ".join(sorted(MAY_IMPORT["portal"]))
    assert layering_violations(loads) == [
        "templates/portal/my_submissions.html:2 loads reports.templatetags.live_points"
        f" (portal may import only: {allowed})",
        "templates/portal/own.html:1 loads reports.templatetags.live_points"
        f" (portal may import only: {allowed})",
    ]
    assert [str(found) for found in loads if found.source == "awards"] == [
        "templates/admin/awards/credit/ranking.html:1 loads awards.templatetags.awards_format"
    ]
