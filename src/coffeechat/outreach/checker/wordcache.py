"""pyspellchecker's English dictionary, from a quick-to-read copy when there is one.

The dictionary ships as gzipped JSON, which takes a sixth of a second to read: every
``coffeechat check`` paid for it. The first load writes the words (career terms added)
with ``marshal`` to the user's cache directory, about four times quicker to read; any
trouble with that copy (missing, unreadable, from another version) falls back to the
slow load, which writes it again. Nothing here is needed for correctness.
"""

import hashlib
import marshal
import os
import tempfile
from importlib.metadata import version
from pathlib import Path


def cache_dir() -> Path:
    """COFFEECHAT_CACHE_DIR, else $XDG_CACHE_HOME/coffeechat, else ~/.cache/coffeechat."""
    chosen = os.environ.get("COFFEECHAT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coffeechat"


def cache_path(extra_words: list[str]) -> Path:
    key = hashlib.sha256("\n".join([version("pyspellchecker"), *extra_words]).encode())
    return cache_dir() / f"spelling-{key.hexdigest()[:16]}.marshal"


def load(extra_words: list[str]):
    """A SpellChecker holding the English words and ``extra_words``; look words up in
    lower case."""
    from spellchecker import SpellChecker

    path = cache_path(extra_words)
    try:
        words = marshal.loads(path.read_bytes())
        if not isinstance(words, dict) or not words:
            raise ValueError("not a dictionary")
    except (OSError, ValueError, EOFError, TypeError):
        checker = SpellChecker(language="en", distance=1)
        checker.word_frequency.load_words(extra_words)
        _write(path, dict(checker.word_frequency.dictionary))
        return checker
    # Every word in the copy is lower case (pyspellchecker lowered them before it was
    # written), and the checker looks up only lower-case words, so a case-sensitive
    # dictionary answers the same without lowering 160,000 words again: a third quicker.
    checker = SpellChecker(language=None, distance=1, case_sensitive=True)
    checker.word_frequency.load_json(words)
    return checker


def _write(path: Path, words: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(marshal.dumps(words))
        os.replace(handle.name, path)  # whole or not at all, whoever reads it meanwhile
    except OSError:
        pass  # a read-only home: the slow load every time, as before
