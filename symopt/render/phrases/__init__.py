"""Explanations per language, keyed by rule id (and topic id).

Each language is one module holding one dict; the math code never holds words.
A phrase is a template whose ``{name}`` placeholders are filled from the
step's params (math shown inline in the output format).
"""

from . import en, ko

__all__ = ["LANGUAGES", "phrase_table"]

LANGUAGES = {"en": en.PHRASES, "ko": ko.PHRASES}


def phrase_table(lang):
    from ...errors import InputError

    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; use one of: en, ko")
    return LANGUAGES[lang]
