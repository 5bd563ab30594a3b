"""Regular expressions compiled the first time they are used, not when imported.

The checker has a few hundred patterns; compiling them all takes longer than the rest of
a console command's start. Loading the models, the URLs or the `due` command imports the
checker without checking anything, so each pattern waits for its first use.
"""

import re


class LazyPattern:
    """Stands in for ``re.compile(source, flags)``: the same methods, compiled on first use."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name):  # search, match, finditer, sub, ...
        method = getattr(self.compiled(), name)
        setattr(self, name, method)  # kept: the next call finds it without coming here
        return method

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


def verbose(pattern: str) -> LazyPattern:
    """A pattern written in re.VERBOSE layout (spaces and comments ignored)."""
    return LazyPattern(pattern, re.VERBOSE)
