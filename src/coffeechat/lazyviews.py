"""Views that an app's URL patterns name without importing them until they are needed.

Finding a page's address (``reverse()``) reads only the URL patterns, but importing the
patterns used to import every view module, with their forms and helpers: a console
command that prints addresses (``coffeechat due``) paid for the whole web site at each
start. An app's urls.py names its views through ``of(__package__, "views")`` instead;
a view's module is imported by the first request that needs it, or the first look at
one of the view's attributes (``login_required``, ``csrf_exempt``, ...).

Function views only: a class-based view's ``as_view()`` is a real function already.
``tests/test_url_security.py`` opens every address, so a misspelt view fails there.
"""

import importlib

# What Django's URL resolver asks of every pattern's view while it indexes the patterns
# (URLPattern.lookup_str, ResolverMatch): a function view has none of these, and
# answering must not import the module.
_ONLY_ON_CLASS_BASED_VIEWS = frozenset({"view_class", "view_initkwargs"})


class LazyView:
    """Stands in for the function ``name`` of ``module``: called, it calls it."""

    def __init__(self, module: str, name: str):
        self.__module__ = module
        self.__name__ = self.__qualname__ = name
        self._view = None

    def view(self):
        """The real view function, imported the first time it is asked for."""
        if self._view is None:
            self._view = getattr(importlib.import_module(self.__module__), self.__name__)
        return self._view

    def __call__(self, request, *args, **kwargs):
        return self.view()(request, *args, **kwargs)

    def __getattr__(self, attribute):
        if attribute.startswith("__") or attribute in _ONLY_ON_CLASS_BASED_VIEWS:
            raise AttributeError(attribute)
        return getattr(self.view(), attribute)

    def __repr__(self) -> str:
        return f"<view {self.__module__}.{self.__name__}, imported on first use>"


class _Views:
    """``module.some_view`` without importing ``module``: a LazyView for each name."""

    def __init__(self, module: str):
        self._module = module

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        view = LazyView(self._module, name)
        setattr(self, name, view)
        return view


def of(package: str, *modules: str):
    """The view modules ``modules`` of ``package`` (the app: pass ``__package__``), each
    giving its views by attribute as LazyViews; one module alone, or a tuple."""
    found = tuple(_Views(f"{package}.{module}") for module in modules)
    return found[0] if len(found) == 1 else found
