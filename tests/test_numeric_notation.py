"""``symopt descend`` writes its mathematics as ``symopt solve`` and a
teacher do: μ₁ for the multiplier (never ``mu1``), iterates μ₁,ₖ and w₁,ₖ,
optima w*, a ⋮ row where the table leaves rows out, and tuple columns that
say which coordinate is which. Whole outputs are pinned."""

import json

import pytest

from symopt import descend, parse, render
from symopt.cli import main
from symopt.render.numbers import to_text

LECTURE_PD = ("(y-1)^2", "--from", "y=0", "--lr", "0.2", "--subject-to", "y >= 3")
PD = ("descend", *LECTURE_PD, "--method", "primal-dual")


def cli(capsys, *argv):
    assert main(list(argv)) == 0
    return capsys.readouterr().out


PD_TEXT = """\
Primal-dual gradient descent-ascent on the Lagrangian of (y - 1)² with step size 0.2 from y = 0, μ₁ = 0
1. Lagrangian
   L = (y - 1)² + μ₁·(3 - y)
2. Update with step size α = 0.2: down in the variables along ∇ₓL, up in each multiplier along its constraint, inequality multipliers clipped at 0
   yₖ₊₁ = yₖ - α·(2yₖ - μ₁,ₖ - 2)
   μ₁,ₖ₊₁ = max(0, α·(3 - yₖ) + μ₁,ₖ)
3. Exact KKT point and multipliers
   y* = 3
   μ₁* = 4
4. Iterates: in floats, in exact rational arithmetic with the same update, and their distance to the exact optimum
   k              float (y, μ₁)   exact (y, μ₁)      error
   -  -------------------------  --------------  ---------
   0                 (0.0, 0.0)          (0, 0)  5.000e+00
   1  (0.4, 0.6000000000000001)      (2/5, 3/5)  4.280e+00
   2               (0.76, 1.12)  (19/25, 28/25)  3.649e+00
5. Not converged by step 2
"""  # noqa: E501

PD_LATEX = r"""\section*{Primal-dual gradient descent-ascent on the Lagrangian of $\left(y - 1\right)^{2}$ with step size $0.2$ from $y = 0$, $\mu_{1} = 0$}

Lagrangian
\begin{gather*}
L = \left(y - 1\right)^{2} + \mu_{1} \left(3 - y\right)
\end{gather*}

Update with step size $\alpha = 0.2$: down in the variables along $\nabla_x L$, up in each multiplier along its constraint, inequality multipliers clipped at 0
\begin{gather*}
y_{k+1} = y_{k} - \alpha \left(2 y_{k} - \mu_{1,k} - 2\right) \\
\mu_{1,k+1} = \max\left(0, \alpha \left(3 - y_{k}\right) + \mu_{1,k}\right)
\end{gather*}

Exact KKT point and multipliers
\begin{gather*}
y^{*} = 3 \\
\mu^{*}_{1} = 4
\end{gather*}

Iterates: in floats, in exact rational arithmetic with the same update, and their distance to the exact optimum
\begin{center}
\begin{tabular}{cccc}
k & float $\left( y, \  \mu_{1}\right)$ & exact $\left( y, \  \mu_{1}\right)$ & error \\ \hline
$0$ & (0.0, 0.0) & $\left( 0, \  0\right)$ & 5.000e+00 \\
$1$ & (0.4, 0.6000000000000001) & $\left( \frac{2}{5}, \  \frac{3}{5}\right)$ & 4.280e+00 \\
$2$ & (0.76, 1.12) & $\left( \frac{19}{25}, \  \frac{28}{25}\right)$ & 3.649e+00 \\
\end{tabular}
\end{center}

Not converged by step 2
"""  # noqa: E501

PD_KOREAN = """\
라그랑지안에 대한 원시-쌍대 경사하강·상승법: (y - 1)², 학습률 0.2, 시작점 y = 0, μ₁ = 0
1. 라그랑지안
   L = (y - 1)² + μ₁·(3 - y)
2. 학습률 α = 0.2의 갱신식: 변수는 ∇ₓL을 따라 내려가고, 승수는 제약식을 따라 올라가며, 부등식 승수는 0 아래로 내려가지 않게 자른다
   yₖ₊₁ = yₖ - α·(2yₖ - μ₁,ₖ - 2)
   μ₁,ₖ₊₁ = max(0, α·(3 - yₖ) + μ₁,ₖ)
3. 정확한 KKT 점과 승수
   y* = 3
   μ₁* = 4
4. 반복값: 부동소수점, 같은 갱신식의 정확한 유리수 계산, 정확한 최적점까지의 거리
   k         부동소수점 (y, μ₁)  정확한 값 (y, μ₁)       오차
   -  -------------------------  -----------------  ---------
   0                 (0.0, 0.0)             (0, 0)  5.000e+00
   1  (0.4, 0.6000000000000001)         (2/5, 3/5)  4.280e+00
   2               (0.76, 1.12)     (19/25, 28/25)  3.649e+00
5. 2단계까지 수렴하지 않았다
"""  # noqa: E501


@pytest.mark.parametrize(
    "options, expected",
    [((), PD_TEXT), (("--format", "latex"), PD_LATEX), (("--lang", "ko"), PD_KOREAN)],
    ids=["text", "latex", "korean"],
)
def test_primal_dual_writes_the_multiplier_as_solve_does(capsys, options, expected):
    assert cli(capsys, *PD, "--steps", "2", *options) == expected


def test_solve_names_the_same_multiplier_the_same_way(capsys):
    solved = cli(capsys, "solve", "(y-1)^2", "--subject-to", "y >= 3")
    assert "   L = (y - 1)² + μ₁·(3 - y)" in solved.splitlines()
    assert "   L = (y - 1)² + μ₁·(3 - y)" in PD_TEXT.splitlines()


def test_json_keys_follow_solve_mu1_lam1(capsys):
    data = json.loads(cli(capsys, *PD, "--steps", "2", "--format", "json"))
    solved = json.loads(
        cli(capsys, "solve", "(y-1)^2", "--subject-to", "y >= 3", "--format", "json")
    )
    assert solved["optimum"]["multipliers"] == {"mu1": "4"}
    assert data["optimum"] == {"y": "3", "mu1": "4"}
    assert data["iterates"][1]["exact"] == {"y": "2/5", "mu1": "3/5"}
    assert data["iterates"][1]["point"] == {"y": 0.4, "mu1": pytest.approx(0.6)}
    table = next(s["table"] for s in data["steps"] if "table" in s)
    assert table["shown"][0] == ["k", "float (y, μ₁)", "exact (y, μ₁)", "error"]


@pytest.mark.parametrize("name", ["mu1", "mu_1"])
def test_multipliers_are_read_by_their_json_key_or_symbol(capsys, name):
    out = cli(
        capsys, *PD, "--steps", "1", "--from", f"{name}=1", "--optimum", f"y=3,{name}=4"
    )
    # y1 = 0 - 0.2 (2(0) - 1 - 2) = 3/5, mu1 = max(0, 1 + 0.2 (3 - 0)) = 8/5,
    # at distance |(3/5 - 3, 8/5 - 4)| = 2.4 sqrt(2) from (3, 4).
    assert out.splitlines()[0].endswith("from y = 0, μ₁ = 1")
    assert (
        "   1  (0.6000000000000001, 1.6)     (3/5, 8/5)  3.394e+00" in out.splitlines()
    )


def test_projected_multiplier_columns_name_their_multipliers():
    run = descend(
        parse("(x - 2)^2 + (y - 2)^2"),
        {"x": 0, "y": 0},
        lr=0.1,
        steps=1,
        subject_to=["x <= 1", "y <= 1.5", "x >= 0"],
    )
    assert render(run).splitlines()[15:18] == [
        "   k  float (x, y)  exact (x, y)      error"
        "  (μ₁, μ₂, μ₃) from the projection  multiplier error",
        "   -  ------------  ------------  ---------"
        "  --------------------------------  ----------------",
        "   0    (0.0, 0.0)        (0, 0)  1.803e+00"
        "                   (0.0, 0.0, 0.0)         2.236e+00",
    ]
    assert render(run, lang="ko").splitlines()[15] == (
        "   k  부동소수점 (x, y)  정확한 값 (x, y)       오차"
        "  사영에서 읽은 승수 (μ₁, μ₂, μ₃)  승수 오차"
    )


# Rows left out.

PD_TABLE_END = [
    "    12       (2.587683139584, 3.518963662848)"
    "  (631758579/244140625, 859121988/244140625)  6.336e-01",
    "     ⋮                                      ⋮"
    "                                           ⋮          ⋮",
    "   134  (2.99999999999623, 3.999999999996127)"
    "                                           —  5.405e-12",
]


def test_text_table_marks_the_rows_it_leaves_out(capsys):
    lines = cli(capsys, *PD).splitlines()
    end = lines.index(PD_TABLE_END[0])
    assert lines[end : end + 3] == PD_TABLE_END


def test_latex_and_markdown_tables_mark_the_rows_they_leave_out(capsys):
    latex = cli(capsys, *PD, "--format", "latex").splitlines()
    row = latex.index(
        r"$134$ & (2.99999999999623, 3.999999999996127) & — & 5.405e-12 \\"
    )
    assert latex[row - 1] == r" & ".join([r"\ensuremath{\vdots}"] * 4) + r" \\"
    markdown = cli(capsys, *PD, "--format", "markdown").splitlines()
    row = markdown.index(
        "| $134$ | (2.99999999999623, 3.999999999996127) | — | 5.405e-12 |"
    )
    assert markdown[row - 1] == "| ⋮ | ⋮ | ⋮ | ⋮ |"


def test_no_gap_no_marker():
    # The lecture's run stops at step 13: every row is shown, none elided.
    run = descend(parse("(1.5w - 0.5)^2"), {"w": 0.8}, lr=0.2)
    assert len(run.points) == 14
    (table,) = [s.table for s in run.derivation.steps if s.table is not None]
    assert [row[0] for row in table.rows] == list(range(14))


# The optimum and the iterates of indexed variables.

QUADRATIC_2 = """\
Gradient descent on w₁² - w₁ + 2w₂² with step size 0.2 from w₁ = 1, w₂ = 1
1. Partial derivative of f = w₁² - w₁ + 2w₂² with respect to w₁
   ∂f/∂w₁ = 2w₁ - 1
2. Partial derivative of f = w₁² - w₁ + 2w₂² with respect to w₂
   ∂f/∂w₂ = 4w₂
3. Update with step size α = 0.2
   w₁,ₖ₊₁ = w₁,ₖ - α·(2w₁,ₖ - 1)
   w₂,ₖ₊₁ = w₂,ₖ - 4α·w₂,ₖ
4. Exact minimizer: the solution of ∇f = 0 whose Hessian is positive definite
   w₁* = 0.5
   w₂* = 0
5. Iterates: in floats, in exact rational arithmetic with the same update, and their distance to the exact optimum
   k              float (w₁, w₂)  exact (w₁, w₂)      error
   -  --------------------------  --------------  ---------
   0                  (1.0, 1.0)          (1, 1)  1.118e+00
   1  (0.8, 0.19999999999999996)      (4/5, 1/5)  3.606e-01
6. Hessian (constant, since the objective is quadratic: the theory below is exact)
   H = [2, 0; 0, 4]
7. Along the Hessian's eigenvalue 2 each step multiplies the error by |1 - α·h|
   |1 - α·h₁| = 0.6
8. Along the Hessian's eigenvalue 4 each step multiplies the error by |1 - α·h|
   |1 - α·h₂| = 0.2
9. Descent converges exactly for positive step sizes α < 2/L, with L = 4 the largest eigenvalue
   2/L = 0.5
10. Error ratio per step: predicted 0.6, observed 0.32249 in floats
11. Not converged by step 1
"""  # noqa: E501


def test_two_variable_quadratic_reads_as_on_the_board(capsys):
    argv = ("descend", "w_1^2 + 2*w_2^2 - w_1", "--from", "w_1=1,w_2=1")
    assert cli(capsys, *argv, "--lr", "0.2", "--steps", "1") == QUADRATIC_2


def test_two_variable_latex_has_single_subscripts(capsys):
    argv = ("descend", "w_1^2 + 2*w_2^2 - w_1", "--from", "w_1=1,w_2=1")
    latex = cli(capsys, *argv, "--lr", "0.2", "--steps", "1", "--format", "latex")
    lines = latex.splitlines()
    assert r"\frac{\partial f}{\partial w_{1}} &= 2 w_{1} - 1" in lines
    assert r"w_{1,k+1} = w_{1,k} - \alpha \left(2 w_{1,k} - 1\right) \\" in lines
    assert r"w^{*}_{1} = 0.5 \\" in lines
    assert "w_1_" not in latex and "^*" not in latex


def test_optimum_star_in_text_and_latex(capsys):
    argv = ("descend", "(1.5w - 0.5)^2", "--from", "w=0.8", "--lr", "0.2")
    assert "   w* = 1/3" in cli(capsys, *argv).splitlines()
    assert r"w^{*} = \frac{1}{3}" in cli(capsys, *argv, "--format", "latex")


def test_long_exact_numbers_are_given_to_six_digits_in_sentences(capsys):
    # x^4 + x^2 - x: the minimizer is a root of 4x^3 + 2x - 1, by Cardano.
    out = cli(capsys, "descend", "x^4 + x^2 - x", "--from", "x=1", "--lr", "0.1")
    lines = out.splitlines()
    run = descend(parse("x^4 + x^2 - x"), {"x": 1}, lr=parse("0.1"))
    h = float(run.theory.eigenvalues[0])
    assert h == pytest.approx(12 * float(run.target[0]) ** 2 + 2)
    assert (
        f"7. Along the Hessian's eigenvalue ≈ {h:.6g} each step multiplies "
        "the error by |1 - α·h|"
    ) in lines
    assert (
        "8. Near the optimum descent converges for positive step sizes α < 2/L, "
        f"with L ≈ {h:.6g} the largest eigenvalue"
    ) in lines
    # The Hessian of one variable is written as its eigenvalue is.
    hessian = lines[lines.index(next(x for x in lines if x.startswith("6. "))) + 1]
    assert hessian == "   H = " + to_text(run.theory.eigenvalues[0])
