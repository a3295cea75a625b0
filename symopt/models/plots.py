"""Figures for the lecture's models: perceptron decision regions and the
activation functions with their derivatives. Needs matplotlib (the ``plot``
extra); floats live here only, for drawing."""

from itertools import product

__all__ = ["decision_regions", "activation_graphs"]


def _figure(panels, width, height):
    # A bare Figure, not pyplot: drawing here never switches the backend of a
    # notebook or program that uses pyplot itself.
    try:
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - depends on the environment
        from ..errors import InputError

        raise InputError(
            "figures need matplotlib; install it with pip install 'symopt[plot]'"
        ) from None
    fig = Figure(figsize=(width * panels, height))
    return fig, fig.subplots(1, panels)


def decision_regions(models, *, titles=None):
    """One panel per model (Perceptron or Network): where it outputs 1 is
    shaded, the four inputs of {0,1}^2 are marked by the model's output."""
    import numpy as np

    models = list(models)
    fig, axes = _figure(len(models), 3.2, 3.2)
    axes = np.atleast_1d(axes)
    grid = np.linspace(-0.5, 1.5, 401)
    for k, (ax, model) in enumerate(zip(axes, models)):
        # The shading is a picture of the exact regions; floats draw it.
        z = _float_output(model, np.meshgrid(grid, grid))
        ax.contourf(
            grid, grid, z, levels=[-0.5, 0.5, 1.5], colors=["#f4f4f4", "#9ecae1"]
        )
        for x in product((0, 1), repeat=2):
            out = model(*x)
            ax.scatter(*x, s=120, c="black" if out else "white", edgecolors="black")
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        ax.set_aspect("equal")
        if titles:
            ax.set_title(titles[k])
    fig.tight_layout()
    return fig


def _float_output(model, x):
    """The model's output on arrays of inputs (1.0 or 0.0 everywhere)."""
    hidden = getattr(model, "hidden", None)
    if hidden is not None:
        h = [_float_output(unit, x) for unit in hidden]
        return _float_output(model.output, h)
    s = float(model.bias) + sum(float(w) * v for w, v in zip(model.weights, x))
    return (s > 0).astype(float)


def activation_graphs(names=("sigmoid", "tanh", "relu")):
    """Each activation and its derivative on [-4, 4], computed from the
    SymPy functions (so the derivative drawn is the one symopt derives)."""
    import numpy as np
    import sympy

    from ..functions import ACTIVATIONS

    x = sympy.Symbol("x", real=True)
    xs = np.linspace(-4, 4, 401)
    fig, axes = _figure(len(names), 3.4, 3)
    for ax, name in zip(np.atleast_1d(axes), names):
        f = ACTIVATIONS[name](x)
        for expr, style in ((f, "-"), (sympy.diff(f, x), "--")):
            fn = sympy.lambdify(x, expr, modules="numpy")
            ys = np.broadcast_to(np.asarray(fn(xs), dtype=float), xs.shape)
            ax.plot(xs, ys, style)
        ax.set_title(name)
        ax.axhline(0, color="grey", lw=0.5)
        ax.axvline(0, color="grey", lw=0.5)
    fig.tight_layout()
    return fig
