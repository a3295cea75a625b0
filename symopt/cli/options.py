"""Argument forms several subcommands share."""

from ..errors import InputError, shorten


def assignments(items, option):
    """``["w=0.8", "b=1,c=2"]`` as ``{"w": "0.8", "b": "1", "c": "2"}``.

    Values stay text: the library reads them exactly. None when empty.
    """
    if not items:
        return None
    values = {}
    for item in items:
        for part in item.split(","):
            name, sep, value = part.partition("=")
            if not sep or not name.strip() or not value.strip():
                raise InputError(
                    f"expected NAME=VALUE for {option}, got {shorten(part)!r}; "
                    f"write e.g. {option} w=0.8"
                )
            name = name.strip()
            if name in values:
                raise InputError(
                    f"{name} is given twice in {option}; give each name once"
                )
            values[name] = value.strip()
    return values
