"""Pictures of descent runs and constrained optima (matplotlib, extra ``plot``).

Every function returns the matplotlib ``Figure`` it drew (and writes it to
``path`` when given: ``.png`` or ``.svg``), so the drawn data can be checked
against the computed values. matplotlib is imported only here, inside the
functions, and draws off screen (no pyplot, no global backend).

- :func:`plot_loss`: the loss against one parameter, the iterates marked on
  the curve (the lecture's backpropagation picture);
- :func:`plot_contours`: contours of ``f`` with the constraint curves, the
  optimum, and ``grad f`` beside ``grad g`` there (the Lagrange picture),
  plus a descent path;
- :func:`plot_errors`: the distance to the optimum per iteration on a log
  scale, with the predicted slope;
- :func:`plot_result`: the right pictures for a run or a sweep, side by side.
"""

import numpy as np
import sympy

from .errors import InputError, SymoptError

__all__ = [
    "plot_loss",
    "plot_contours",
    "plot_errors",
    "plot_sweep",
    "plot_result",
    "plot_problem",
]

FORMATS = (".png", ".svg")


def _figure(panels=1):
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise SymoptError(
            "plotting needs matplotlib: pip install 'symopt[plot]'"
        ) from None
    fig = Figure(figsize=(5.5 * panels, 4.2), layout="constrained")
    axes = [fig.add_subplot(1, panels, i + 1) for i in range(panels)]
    return fig, axes


def _save(fig, path):
    if path is None:
        return fig
    if not str(path).lower().endswith(FORMATS):
        raise InputError(f"plot file {path!r} must end in .png or .svg")
    try:
        fig.savefig(path, dpi=110)
    except OSError as error:
        raise SymoptError(f"cannot write {path}: {error.strerror}") from None
    return fig


def _numeric(expr, variables):
    from .numeric.compile import compile_function

    return compile_function(expr, variables)


def plot_loss(run, path=None, *, ax=None):
    """The loss against its single parameter, the iterates marked on it.

    >>> from symopt import descend, parse
    >>> fig = plot_loss(descend(parse("(1.5w - 0.5)^2"), {"w": 0.8}, lr=0.2))
    >>> fig.axes[0].lines[1].get_xdata()[:3].tolist()
    [0.8, 0.38, 0.338]
    """
    if len(run.variables) != 1:
        raise InputError("plot_loss draws one parameter; use plot_contours for two")
    fig, (ax,) = _figure() if ax is None else (ax.figure, (ax,))
    (v,) = run.variables
    f = _numeric(run.objective, run.variables)
    ws = run.points[:, 0]
    marks = [float(t) for t in run.target[:1]] if run.target else []
    lo, hi = min([*ws, *marks]), max([*ws, *marks])
    pad = 0.25 * (hi - lo or 1.0)
    grid = np.linspace(lo - pad, hi + pad, 400)
    ax.plot(grid, f(grid), color="0.35", lw=1.5, label=f"f({v.name})")
    ax.plot(ws, f(ws), "o-", color="tab:blue", ms=4, lw=0.8, label="iterates")
    for k in range(min(4, len(ws))):
        ax.annotate(f"{v.name}{k}", (ws[k], f(ws[k])), textcoords="offset points",
                    xytext=(4, 6), fontsize=8)  # fmt: skip
    if marks:
        ax.plot(marks, f(np.array(marks)), "*", color="tab:red", ms=12,
                label=f"{v.name}* = {run.target[0]}")  # fmt: skip
    ax.set_xlabel(v.name)
    ax.set_ylabel("loss")
    ax.legend(fontsize=8)
    return _save(fig, path)


def plot_contours(
    f,
    variables,
    path=None,
    *,
    constraints=(),
    optimum=None,
    candidates=(),
    run=None,
    ax=None,
):
    """Contours of ``f`` over two variables, with constraint curves ``g = 0``,
    the optimum and the gradients of ``f`` and of each constraint there
    (parallel at a Lagrange/KKT point), other ``candidates`` (points, e.g. the
    remaining KKT points) as dots, and a descent path when ``run`` is given.
    """
    if len(variables) != 2:
        raise InputError("plot_contours draws two variables")
    fig, (ax,) = _figure() if ax is None else (ax.figure, (ax,))
    variables = tuple(variables)
    star = None if optimum is None else [float(optimum[v]) for v in variables]
    others = [[float(p[v]) for v in variables] for p in candidates]
    xs, ys = _window(run, star, others)
    X, Y = np.meshgrid(xs, ys)
    points = np.stack([X, Y], axis=-1)
    ax.contour(X, Y, _numeric(f, variables)(points), levels=18, cmap="viridis",
               linewidths=0.8)  # fmt: skip
    for g in constraints:
        ax.contour(X, Y, _numeric(g, variables)(points), levels=[0.0],
                   colors="tab:red", linewidths=1.8)  # fmt: skip
    if run is not None:
        path_xy = run.points[:, :2]
        ax.plot(path_xy[:, 0], path_xy[:, 1], "o-", color="tab:blue", ms=3,
                lw=0.8, label="descent")  # fmt: skip
    if star is not None:
        ax.plot(*star, "*", color="tab:red", ms=13, label="optimum")
        span = 0.18 * max(xs[-1] - xs[0], ys[-1] - ys[0])
        # grad f long and wide, each grad g shorter on top: parallel arrows
        # (the Lagrange condition) stay visible when they coincide.
        arrows = [(f, "tab:green", "grad f", 1.0, 3.5)] + [
            (g, "tab:red", f"grad g{i}", 0.6, 1.8) for i, g in enumerate(constraints, 1)
        ]
        for expr, color, label, length, width in arrows:
            grad = [float(sympy.diff(expr, v).xreplace(optimum)) for v in variables]
            norm = np.hypot(*grad)
            if norm > 0:
                dx, dy = length * span * np.array(grad) / norm
                ax.annotate("", xy=(star[0] + dx, star[1] + dy), xytext=star,
                            arrowprops={"arrowstyle": "->", "color": color,
                                        "lw": width})  # fmt: skip
                ax.plot([], [], color=color, lw=width, label=label)
    if others:
        ax.plot(*np.array(others).T, "o", color="0.3", ms=5, label="KKT points")
    ax.set_xlabel(variables[0].name)
    ax.set_ylabel(variables[1].name)
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(fontsize=8, loc="best")
    return _save(fig, path)


def plot_problem(problem, path=None, *, solution=None, free=None):
    """The picture of a one- or two-variable :class:`symopt.Problem`.

    Two variables: the Lagrange picture, contours of the objective, the
    constraint curves, the optimum and the gradients there. One variable: the
    objective over the line with the feasible set shaded, the optimum and,
    when ``free`` (the problem solved without its constraints) is given, the
    stationary point the constraints exclude. ``solution`` comes from
    ``problem.solve()`` (solved when not given).

    >>> from symopt import Problem
    >>> p = Problem.maximize("x + y").subject_to("x^2 + y^2 == 1")
    >>> fig = plot_problem(p)
    >>> fig.axes[0].lines[0].get_xydata()[0].round(6).tolist()
    [0.707107, 0.707107]
    """
    solution = problem.solve() if solution is None else solution
    optimum = solution.optimum.points[0] if solution.optimum else None
    if len(problem.variables) == 1:
        return _plot_line(problem, path, optimum, free)
    constraints = list(problem.equalities) + list(problem.inequalities)
    others = [k.point for k in _kkt_points(solution) if k.point != optimum]
    return plot_contours(problem.original, problem.variables, path,
                         constraints=constraints, optimum=optimum,
                         candidates=others)  # fmt: skip


def _plot_line(problem, path, optimum, free):
    (v,) = problem.variables
    fig, (ax,) = _figure()
    marks = [] if optimum is None else [float(optimum[v])]
    excluded = [] if free is None or not free.optimum else free.optimum.points
    marks += [float(p[v]) for p in excluded]
    lo, hi = (min(marks), max(marks)) if marks else (-1.0, 1.0)
    pad = max(0.6 * (hi - lo), 1.0)
    grid = np.linspace(lo - pad, hi + pad, 600)
    f = _numeric(problem.original, problem.variables)
    ax.plot(grid, f(grid), color="0.35", lw=1.5, label=f"f({v.name})")

    # Feasible where every g_i <= 0 and every h_j = 0 (to drawing accuracy).
    feasible = np.ones_like(grid, dtype=bool)
    for g in problem.inequalities:
        feasible &= _numeric(g, problem.variables)(grid) <= 1e-12
    for h in problem.equalities:
        feasible &= np.abs(_numeric(h, problem.variables)(grid)) <= 1e-9
    ax.fill_between(grid, 0, 1, where=feasible, color="tab:blue", alpha=0.12,
                    transform=ax.get_xaxis_transform(), label="feasible")  # fmt: skip
    for p in excluded:
        x = float(p[v])
        y = float(problem.original.subs(v, p[v]))
        ax.plot([x], [y], "o", color="0.5", ms=8,
                label=f"∇f = 0: {v.name} = {p[v]}")  # fmt: skip
    if optimum is not None:
        x = float(optimum[v])
        y = float(problem.original.subs(v, optimum[v]))
        ax.plot([x], [y], "*", color="tab:red", ms=13,
                label=f"optimum: {v.name} = {optimum[v]}")  # fmt: skip
    ax.set_xlabel(v.name)
    ax.set_ylabel(f"f({v.name})")
    ax.legend(fontsize=8, loc="best")
    return _save(fig, path)


def _kkt_points(solution):
    # Points with no value (a family's parameter) cannot be drawn.
    return [
        k for k in solution.kkt_points if all(v.is_number for v in k.point.values())
    ]


def _window(run, star, others=()):
    pts = [] if run is None else list(run.points[:, :2])
    pts += list(others)
    if star is not None:
        pts.append(star)
    pts = np.array(pts) if pts else np.zeros((1, 2))
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = np.maximum(0.3 * (hi - lo), 1.0)
    return np.linspace(lo[0] - pad[0], hi[0] + pad[0], 160), np.linspace(
        lo[1] - pad[1], hi[1] + pad[1], 160
    )


def plot_errors(run, path=None, *, ax=None):
    """Distance to the exact optimum per iteration (log scale), with the
    predicted line ``e_0 * rate^k`` when the rate is known.

    >>> from symopt import descend, parse
    >>> run = descend(parse("(1.5w - 0.5)^2"), {"w": 0.8}, lr=0.2)
    >>> line = plot_errors(run).axes[0].lines[0]
    >>> bool(np.allclose(line.get_ydata(), run.errors))
    True
    """
    if run.errors is None:
        raise InputError("the run has no exact optimum, so no errors to draw")
    fig, (ax,) = _figure() if ax is None else (ax.figure, (ax,))
    k = np.arange(len(run.errors))
    shown = np.where(run.errors > 0, run.errors, np.nan)
    style = "o-" if len(k) <= 60 else "-"
    ax.semilogy(k, shown, style, ms=3, color="tab:blue", label="‖xₖ - x*‖")
    theory = run.theory
    if theory is not None and theory.predicted != 0:
        rate = float(theory.predicted)
        with np.errstate(all="ignore"):
            predicted = run.errors[0] * rate**k
        ax.semilogy(k, predicted, "--", color="tab:red",
                    label=f"predicted: ratio {theory.predicted}")  # fmt: skip
    ax.set_xlabel("iteration k")
    ax.set_ylabel("distance to the exact optimum")
    ax.legend(fontsize=8)
    return _save(fig, path)


def plot_sweep(result, path=None, *, ax=None):
    """Steps to converge against the step size, with ``2 / L`` marked."""
    fig, (ax,) = _figure() if ax is None else (ax.figure, (ax,))
    ok = result.iterations >= 0
    ax.plot(result.lrs[ok], result.iterations[ok], "o-", ms=3, label="converged")
    bad = result.status == "diverged"
    if bad.any():
        top = max(1, result.iterations.max())
        ax.plot(result.lrs[bad], np.full(bad.sum(), top), "x", color="tab:red",
                label="diverged")  # fmt: skip
    if result.max_stable_lr is not None:
        ax.axvline(float(result.max_stable_lr), color="tab:red", ls="--",
                   label=f"2/L = {result.max_stable_lr}")  # fmt: skip
    ax.set_xlabel("step size")
    ax.set_ylabel("steps to converge")
    ax.legend(fontsize=8)
    return _save(fig, path)


def plot_result(result, path=None):
    """The pictures for a run (path picture beside the error curve) or a sweep."""
    from .numeric.sweep import Sweep

    if isinstance(result, Sweep):
        return plot_sweep(result, path)
    panels = 2 if result.errors is not None else 1
    fig, axes = _figure(panels)
    n = len(result.variables)
    if n == 1 and result.method == "gd":
        plot_loss(result, ax=axes[0])
    elif n == 2:
        optimum = None
        if result.target is not None:
            optimum = dict(zip(result.variables, result.target[:2]))
        plot_contours(result.objective, result.variables, ax=axes[0], run=result,
                      constraints=result.constraints, optimum=optimum)  # fmt: skip
    else:
        _state_paths(result, axes[0])
    if panels == 2:
        plot_errors(result, ax=axes[1])
    return _save(fig, path)


def _state_paths(run, ax):
    from .render.numbers import to_text

    for i, s in enumerate(run.state):
        ax.plot(run.points[:, i], label=to_text(s))  # μ₁, not mu_1
        if run.target is not None:
            ax.axhline(float(run.target[i]), ls=":", color=f"C{i}")
    ax.set_xlabel("iteration k")
    ax.legend(fontsize=8)
