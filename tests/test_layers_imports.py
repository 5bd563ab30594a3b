"""The layers of docs/ARCHITECTURE.md hold, and nothing dodges them.

import-linter (pyproject.toml, `lint-imports`) checks the imports as written: no app
imports an app above it, and the checker and the parsers import no model. What it can't
see is checked here: no model is fetched by name (``apps.get_model``) and no coffeechat
module is imported inside a function, the two ways to hide an import that runs the wrong
way.
"""

import ast
import pathlib
import subprocess
import sys

import coffeechat

SOURCE = pathlib.Path(coffeechat.__file__).parent


def modules():
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def where(path, node) -> str:
    return f"{path.relative_to(SOURCE.parent)}:{node.lineno}"


def test_the_import_contracts_are_kept():
    lint = pathlib.Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], capture_output=True, text=True, cwd=SOURCE.parents[1]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_model_is_fetched_by_name():
    found = [
        where(path, node)
        for path, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in {"get_model", "get_models"}
    ]
    assert found == [], "import the model from the app below instead: " + ", ".join(found)


def _app(path) -> str:
    """The app (or plain module) a source file belongs to: 'chats', 'queue'."""
    return path.relative_to(SOURCE).parts[0].removesuffix(".py")


def _imports_another_app(path, node) -> bool:
    """An import of a coffeechat module outside the file's own app. Inside one app a
    late import only orders its own modules (a model and the service it calls); across
    apps it would hide an arrow from the layers."""
    if isinstance(node, ast.ImportFrom) and node.level == 0:
        names = [node.module or ""]
    elif isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        return False
    return any(
        name.split(".")[0] == "coffeechat" and name.split(".")[1:2] != [_app(path)]
        for name in names
    )


def test_no_coffeechat_module_is_imported_inside_a_function():
    # AppConfig.ready() is where Django says an app connects its hooks once every app is
    # loaded (imports there run downwards too: import-linter reads them).
    found = [
        where(path, inner)
        for path, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and not (path.name == "apps.py" and node.name == "ready")
        for inner in ast.walk(node)
        if _imports_another_app(path, inner)
    ]
    assert found == [], "import at the top of the module: " + ", ".join(found)


PURE = [SOURCE / "outreach" / "checker"] + [
    SOURCE / "contacts" / "importing" / f"{name}.py"
    for name in ("csvfile", "csvrows", "detect", "errors", "files", "formats", "linkedin")
    + ("records", "stored", "vcard")
]


def test_the_checker_and_the_parsers_import_no_django_model():
    paths = [
        p for entry in PURE for p in (sorted(entry.rglob("*.py")) if entry.is_dir() else [entry])
    ]
    found = [
        where(path, node)
        for path in paths
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom | ast.Import)
        and any(
            name == "django.db" or name.startswith("django.db.") or name.endswith(".models")
            for name in (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
            )
        )
    ]
    assert found == []
