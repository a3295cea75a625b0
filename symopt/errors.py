"""The errors a user of symopt can cause, and the ones symopt reports."""

__all__ = [
    "SymoptError",
    "InputError",
    "SolveError",
    "TimeoutError",
    "VerificationError",
]


class SymoptError(Exception):
    """Base class: a problem a user can act on. The CLI prints it on one line."""


class InputError(SymoptError, ValueError):
    """The input text or object is not something symopt understands."""


class SolveError(SymoptError):
    """An exact computation could not be carried out."""


class TimeoutError(SolveError):  # noqa: A001 - the name users expect here
    """Exact work ran past its time budget."""


class VerificationError(SymoptError):
    """A derivation step does not hold."""


def shorten(text, limit=60):
    """Cut a printed expression for an error message."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
