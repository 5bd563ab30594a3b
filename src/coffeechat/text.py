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
