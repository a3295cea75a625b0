"""Plots are written, non-empty, and draw the computed numbers."""

import numpy as np
import pytest

from symopt import descend, parse, sweep, symbols
from symopt.cli import main
from symopt.errors import InputError

pytest.importorskip("matplotlib")

from symopt.plot import (  # noqa: E402
    plot_contours,
    plot_errors,
    plot_loss,
    plot_result,
    plot_sweep,
)

x, y = symbols("x y")


@pytest.fixture(scope="module")
def lecture():
    return descend(parse("(1.5w - 0.5)^2"), {"w": 0.8}, lr=0.2)


def test_loss_picture_marks_the_iterates(lecture, tmp_path):
    out = tmp_path / "loss.png"
    fig = plot_loss(lecture, out)
    assert out.stat().st_size > 5000
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    iterates = fig.axes[0].lines[1]
    np.testing.assert_array_equal(iterates.get_xdata(), lecture.points[:, 0])
    np.testing.assert_allclose(
        iterates.get_ydata(), (1.5 * lecture.points[:, 0] - 0.5) ** 2
    )
    star = fig.axes[0].lines[2]
    assert star.get_xdata().tolist() == pytest.approx([1 / 3])


def test_error_picture_has_the_predicted_slope(lecture, tmp_path):
    fig = plot_errors(lecture, tmp_path / "errors.svg")
    assert (tmp_path / "errors.svg").read_text().lstrip().startswith("<?xml")
    measured, predicted = fig.axes[0].lines[:2]
    np.testing.assert_allclose(measured.get_ydata(), lecture.errors)
    ratios = predicted.get_ydata()[1:] / predicted.get_ydata()[:-1]
    np.testing.assert_allclose(ratios, 0.1)
    assert fig.axes[0].get_yscale() == "log"


def test_lagrange_picture_draws_parallel_gradients(tmp_path):
    half = 2**-0.5
    optimum = {x: -parse("sqrt(2)/2"), y: -parse("sqrt(2)/2")}
    fig = plot_contours(
        parse("x + y"),
        (x, y),
        tmp_path / "lagrange.png",
        constraints=[parse("x^2 + y^2 - 1")],
        optimum=optimum,
    )
    assert (tmp_path / "lagrange.png").stat().st_size > 5000
    ax = fig.axes[0]
    arrows = [a for a in ax.texts if hasattr(a, "arrow_patch")]
    assert len(arrows) == 2
    directions = []
    for arrow in arrows:
        (x0, y0), (x1, y1) = arrow.xyann, arrow.xy
        assert (x0, y0) == pytest.approx((-half, -half))
        d = np.array([x1 - x0, y1 - y0])
        directions.append(d / np.linalg.norm(d))
    # grad f = (1, 1), grad g = 2(x, y): parallel (opposite) at the minimum.
    assert abs(np.dot(*directions)) == pytest.approx(1.0)


def test_run_picture_with_constraint_and_path(tmp_path):
    run = descend(
        parse("(x - 2)^2 + (y - 2)^2"),
        {"x": 0, "y": 0},
        lr=0.1,
        subject_to=["x^2 + y^2 <= 1"],
    )
    fig = plot_result(run, tmp_path / "ball.png")
    assert (tmp_path / "ball.png").stat().st_size > 5000
    path = fig.axes[0].lines[0]
    np.testing.assert_array_equal(path.get_xdata(), run.points[:, 0])
    np.testing.assert_allclose(fig.axes[1].lines[0].get_ydata(), run.errors)


def test_sweep_picture(tmp_path):
    s = sweep(parse("(1.5w - 0.5)^2"), {"w": 0.8}, np.linspace(0.05, 0.5, 10))
    fig = plot_sweep(s, tmp_path / "sweep.png")
    assert (tmp_path / "sweep.png").stat().st_size > 3000
    line = fig.axes[0].lines[0]
    assert line.get_ydata().tolist() == s.iterations[s.iterations >= 0].tolist()
    assert fig.axes[0].lines[-1].get_xdata()[0] == pytest.approx(4 / 9)


def test_cli_plot_option_writes_the_file(tmp_path, capsys):
    out = tmp_path / "run.png"
    code = main(
        ["descend", "(1.5w - 0.5)^2", "--from", "w=0.8", "--lr", "0.2"]
        + ["--plot", str(out)]
    )
    assert code == 0
    assert out.stat().st_size > 5000
    assert "0.38" in capsys.readouterr().out
    code = main(["descend", "x^2", "--from", "x=1", "--plot", str(tmp_path / "a.gif")])
    assert code == 2
    assert "must end in .png or .svg" in capsys.readouterr().err


def test_wrong_dimension_is_named(lecture):
    with pytest.raises(InputError, match="plot_contours draws two variables"):
        plot_contours(parse("x"), (x,))


def test_one_variable_problem_shades_the_feasible_set(tmp_path):
    from symopt import Problem
    from symopt.plot import plot_problem

    problem = Problem.minimize("(y - 1)^2").subject_to("y >= 3")
    free = Problem.minimize("(y - 1)^2").solve()
    fig = plot_problem(problem, tmp_path / "line.png", free=free)
    assert (tmp_path / "line.png").stat().st_size > 5000
    ax = fig.axes[0]
    curve, stationary, optimum = ax.lines
    assert stationary.get_xydata().tolist() == [[1.0, 0.0]]
    assert optimum.get_xydata().tolist() == [[3.0, 4.0]]
    grid = curve.get_xdata()
    np.testing.assert_allclose(curve.get_ydata(), (grid - 1) ** 2)
    # The shaded band starts at the constraint's boundary y = 3.
    (band,) = ax.collections
    xs = band.get_paths()[0].vertices[:, 0]
    assert abs(xs.min() - 3) < grid[1] - grid[0] and xs.max() == grid[-1]


def test_lagrange_picture_marks_the_other_kkt_points():
    from symopt import Problem
    from symopt.plot import plot_problem

    fig = plot_problem(Problem.maximize("x + y").subject_to("x^2 + y^2 == 1"))
    marked = fig.axes[0].lines[-1].get_xydata().round(6).tolist()
    assert marked == [[-0.707107, -0.707107]]
