"""The whole lecture, assembled from the library's results at run time.

``tour()`` builds every topic from :class:`LectureInputs` (change
any of them: ``tour(lr="0.3")``); the result renders as terminal text or
JSON, and writes itself as one Markdown or LaTeX document with its figures.

>>> t = tour(["xor"])
>>> [s.topic for s in t.sections]
['xor']
>>> t.sections[0].items[0].separable
False
"""

from dataclasses import dataclass

from ..errors import InputError
from .inputs import LectureInputs
from .topics import TOPICS

__all__ = ["LectureInputs", "Section", "Tour", "tour", "topic_ids"]


@dataclass(frozen=True)
class Section:
    """One topic: its id, the results built for it, and the inputs used."""

    topic: str
    items: tuple
    inputs: LectureInputs

    def figures(self):
        """``{name: make_figure}`` for this topic (matplotlib, made on demand)."""
        maker = TOPICS[self.topic].figures
        return maker(self.inputs, self.items) if maker else {}


@dataclass(frozen=True)
class Tour:
    """The lecture's sections in order; render or write them."""

    sections: tuple
    inputs: LectureInputs

    def render(self, format="text", *, lang="en", numbers="auto"):  # noqa: A002
        """The tour as one string: ``text``, ``json``, ``markdown`` or ``latex``
        (the last two without figures; use :meth:`write` for those)."""
        from . import document

        return document.assemble(self, format, lang=lang, numbers=numbers)

    def write(self, out, *, format="markdown", lang="en", numbers="auto"):  # noqa: A002
        """Write the document and its PNG figures into directory ``out``;
        returns the document's path."""
        from . import document

        return document.write(self, out, format, lang=lang, numbers=numbers)


def topic_ids():
    """The ids of the lecture's topics, in its order."""
    return list(TOPICS)


def tour(topics=None, *, inputs=None, **changes):
    """Build the lecture's topics (all by default) from its inputs.

    ``changes`` override single inputs (``lr="0.3"``), see
    :class:`LectureInputs` for their names.
    """
    inputs = (inputs or LectureInputs()).replace(**changes)
    known = topic_ids()
    if topics is None:
        topics = known
    elif isinstance(topics, str):
        topics = [topics]
    for name in topics:
        if name not in known:
            raise InputError(
                f"unknown topic {name!r}; use one of {', '.join(known)} "
                "(symopt tour --list)"
            )
    sections = tuple(
        Section(name, tuple(TOPICS[name].build(inputs)), inputs) for name in topics
    )
    return Tour(sections, inputs)
