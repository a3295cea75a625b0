"""Fixed formulas that explanations quote: ``∇f = 0``, the Lagrangian's form.

A phrase names one as a placeholder (``"the solution of {grad_f_zero}"``)
and every format shows it as math: Unicode on a terminal, LaTeX in a
document, so no sentence carries ASCII stand-ins like ``grad f`` or
``sum mu_i g_i``. The formulas are the same in every language.

>>> from symopt.render.numbers import to_latex, to_text
>>> to_text(NOTATION["grad_f_zero"]), to_latex(NOTATION["grad_f_zero"])
('∇f = 0', '\\\\nabla f = 0')
"""

import sympy

__all__ = ["Edge", "Notation", "NOTATION"]


class Notation(sympy.Symbol):
    """A formula shown as one piece of math, written once per output kind."""

    _latex_forms = {}

    def __new__(cls, text, latex):
        obj = super().__new__(cls, text)
        cls._latex_forms[text] = latex
        return obj

    def _sympystr(self, printer):
        return self.name

    def _latex(self, printer):
        return self._latex_forms[self.name]


class Edge(sympy.Function):
    """``a → C``, an edge of a computation graph, as one piece of math."""

    nargs = 2

    def _sympystr(self, printer):
        a, b = self.args
        return f"{printer._print(a)} → {printer._print(b)}"

    def _latex(self, printer):
        a, b = self.args
        return rf"{printer._print(a)} \to {printer._print(b)}"


def _forms():
    rows = {
        "grad_f_zero": ("∇f = 0", r"\nabla f = 0"),
        "grad_x_L": ("∇ₓL", r"\nabla_x L"),
        "lagrangian_form": (
            "L = f + Σᵢ μᵢgᵢ + Σⱼ λⱼhⱼ",
            r"L = f + \sum_i \mu_i g_i + \sum_j \lambda_j h_j",
        ),
        "mu_nonnegative": ("μᵢ ≥ 0", r"\mu_i \geq 0"),
        "stationarity_form": (
            "∇f + Σᵢ μᵢ∇gᵢ + Σⱼ λⱼ∇hⱼ = 0",
            r"\nabla f + \sum_i \mu_i \nabla g_i + \sum_j \lambda_j \nabla h_j = 0",
        ),
        "normal_form": ("gᵢ(x) ≤ 0, hⱼ(x) = 0", r"g_i(x) \leq 0,\ h_j(x) = 0"),
        "tangency_form": ("∇f = λ∇h", r"\nabla f = \lambda \nabla h"),
        "g_i_active": ("gᵢ = 0", "g_i = 0"),
        "mu_i_zero": ("μᵢ = 0", r"\mu_i = 0"),
        "g_i_negative": ("gᵢ(x) < 0", "g_i(x) < 0"),
        "min_neg_f": ("min -f", r"\min\,(-f)"),
        "lagrangian_lambda_h": ("L = f + λh", r"L = f + \lambda h"),
        "lambda": ("λ", r"\lambda"),
        "mu": ("μ", r"\mu"),
        "g_i": ("gᵢ", "g_i"),
        "h_j": ("hⱼ", "h_j"),
        "min_norm_x": ("min ‖x‖²", r"\min \lVert x \rVert^2"),
        "product_rule": ("(fg)' = f'g + fg'", "(fg)' = f'g + fg'"),
        "quotient_rule": (
            "(f/g)' = (f'g - fg')/g²",
            r"\left(\frac{f}{g}\right)' = \frac{f'g - fg'}{g^2}",
        ),
        "exp_base_rule": ("(bˣ)' = bˣ ln b", r"(b^x)' = b^x \ln b"),
        "tanh_rule": ("tanh' = 1 - tanh²", r"\tanh' = 1 - \tanh^2"),
        "sigmoid_rule": ("σ' = σ(1 - σ)", r"\sigma' = \sigma\,(1 - \sigma)"),
        "softplus_rule": ("softplus' = σ", r"\operatorname{softplus}' = \sigma"),
        "ridge_penalty": ("λ‖β‖²", r"\lambda \lVert \beta \rVert^2"),
        "ridge_normal_equations": (
            "(XᵀX + λI)β = Xᵀy",
            r"(X^\top X + \lambda I)\,\beta = X^\top y",
        ),
        "ridge_radius_form": (
            "s(λ) = ‖β(λ)‖²",
            r"s(\lambda) = \lVert \beta(\lambda) \rVert^2",
        ),
        "ridge_ball": ("‖β‖² ≤ s", r"\lVert \beta \rVert^2 \leq s"),
        "ridge_on_sphere": ("‖β‖² = s", r"\lVert \beta \rVert^2 = s"),
        "lambda_is_mu": ("λ = μ", r"\lambda = \mu"),
        "mu_positive": ("μ > 0", r"\mu > 0"),
        "lambda_positive": ("λ > 0", r"\lambda > 0"),
        "lambda_zero": ("λ = 0", r"\lambda = 0"),
        "beta": ("β", r"\beta"),
        "s_of_lambda": ("s(λ)", r"s(\lambda)"),
        # Letters a phrase binds to a value: "{q_symbol} = {q}" is $q = 2μ$.
        "two_over_L": ("2/L", "2/L"),
        "q_symbol": ("q", "q"),
        "d_star_symbol": ("d*", "d^*"),
        "p_star_symbol": ("p*", "p^*"),
        "gap_form": ("p* - d*", "p^* - d^*"),
        "s_symbol": ("s", "s"),
        # The derivative rules the phrases quote.
        "exp_rule": ("exp' = exp", r"\exp' = \exp"),
        "log_rule": ("(log x)' = 1/x", r"(\log x)' = \frac{1}{x}"),
        "sqrt_rule": ("(√x)' = 1/(2√x)", r"(\sqrt{x})' = \frac{1}{2 \sqrt{x}}"),
    }
    return {key: Notation(text, latex) for key, (text, latex) in rows.items()}


NOTATION = _forms()
