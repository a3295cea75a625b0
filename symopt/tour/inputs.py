"""The lecture's inputs, in one place, so a tour can be rerun with others.

>>> LectureInputs().lr
'0.2'
>>> LectureInputs().replace(lr="0.3").lr
'0.3'
"""

from dataclasses import dataclass, fields, replace

from ..errors import InputError

__all__ = ["LectureInputs"]


@dataclass(frozen=True)
class LectureInputs:
    """Every number the lecture's examples start from (decimals stay exact).

    Backpropagation: input ``i``, target ``y``, initial weight ``w0``, step
    size ``lr``, ``steps`` descent steps. Perceptrons: the learning rule's
    rate and initial weights. Activations: the data of the one-hidden-unit
    sigmoid network and its descent. Constraints, Lagrange and ridge: the
    problems as text.
    """

    i: str = "1.5"
    y: str = "0.5"
    w0: str = "0.8"
    lr: str = "0.2"
    steps: int = 3
    perceptron_lr: str = "0.1"
    perceptron_weights: tuple = (0, 0, 0)
    collapse_depth: int = 3
    sigmoid_data: tuple = (("1.5", "0.5"), ("1", "0.9"))
    sigmoid_start: str = "0"
    sigmoid_lr: str = "4"
    sigmoid_tol: float = 1e-10
    constrained_objective: str = "(y - 1)^2"
    constrained_constraint: str = "y >= 3"
    lagrange_objective: str = "x + y"
    lagrange_constraint: str = "x^2 + y^2 = 1"
    bell_objective: str = "exp(-(x^2 + y^2))"
    bell_constraint: str = "x - y + 1 = 0"
    ridge_X: tuple = ((1, 0), (0, 1), (1, 1))  # noqa: N815 - the lecture's X
    ridge_y: tuple = (1, 2, 2)
    ridge_lambda: str = "1"

    def replace(self, **changes):
        """A copy with some inputs changed; unknown names are refused."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise InputError(
                f"unknown lecture input {unknown[0]!r}; use one of "
                f"{', '.join(sorted(known))}"
            )
        return replace(self, **changes)
