"""The apps' layering and the absence of import cycles, read from the source.

Every import counts, the ones inside functions too: an import moved into a function to dodge
a cycle is still a dependency. Migrations are left out (Django writes them), and so is
kfq_site in the layering, as the project that puts the apps together.
"""

import ast
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
    "portal": {"importer", "editorial", "search", "articles", "zones", "logins"},
    "awards": {"editorial", "search", "articles", "zones", "logins"},
    "reader": {"articles", "search", "zones"},
    # Statistics and bulletins read everything below them; nothing imports them.
    "reports": {"awards", "editorial", "search", "articles", "zones"},
}
PROJECT_PACKAGE = "kfq_site"
OURS = {*MAY_IMPORT, PROJECT_PACKAGE, "bench"}


@dataclass(frozen=True)
class Import:
    file: str  # relative to the project
    line: int
    source: str  # the importing module
    target: str  # the imported module, or the package a name is taken from

    def __str__(self):
        return f"{self.file}:{self.line} imports {self.target}"


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
    violations = layering_violations(product_imports())

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
