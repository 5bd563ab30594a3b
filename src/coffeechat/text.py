"""Small rules about text that every layer uses: plain functions, no Django, no app."""


def without_nul(value):
    """``value`` with any null character taken out of its text, however deep (a string,
    or lists and dicts of them). PostgreSQL can store none and refuses a query that
    carries one; nobody can see one, so taking it out loses nothing a person wrote."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [without_nul(item) for item in value]
    if isinstance(value, dict):
        return {without_nul(key): without_nul(item) for key, item in value.items()}
    return value


def with_paragraph(note: str, addition: str) -> str:
    """``note`` with ``addition`` as a paragraph after it, unless the note has it already:
    how a note someone is told or a research note from elsewhere joins what is written."""
    addition = addition.strip()
    if not addition or addition in note:
        return note
    return f"{note.rstrip()}\n\n{addition}" if note.strip() else addition
