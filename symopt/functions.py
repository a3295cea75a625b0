"""The activation functions of machine learning as exact SymPy functions.

Each knows its derivative, its LaTeX form and its NumPy translation, so the
same object serves the exact and the numeric layer.

>>> from sympy import Symbol, diff
>>> x = Symbol("x", real=True)
>>> diff(sigmoid(x), x)
(1 - sigmoid(x))*sigmoid(x)
>>> relu(-2), relu(3), step(0)
(0, 3, 0)
"""

import sympy
from sympy import Function, S

__all__ = ["sigmoid", "relu", "softplus", "step", "ACTIVATIONS"]


def _np(printer, name):
    return printer._module_format(f"numpy.{name}")


class sigmoid(Function):  # noqa: N801 - reads as math
    r"""The logistic function :math:`\sigma(x) = 1/(1 + e^{-x})`."""

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x is S.Zero:
            return S.Half
        if x is S.Infinity:
            return S.One
        if x is S.NegativeInfinity:
            return S.Zero

    def fdiff(self, argindex=1):
        return self * (1 - self)

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return 1 / (1 + sympy.exp(-x))

    def _eval_evalf(self, prec):
        return self.rewrite(sympy.exp)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        arg = printer._print(self.args[0])
        base = rf"\sigma\left({arg}\right)"
        return base if exp is None else rf"\sigma^{{{exp}}}\left({arg}\right)"

    def _numpycode(self, printer):
        x = printer._print(self.args[0])
        # exp of a large negative argument overflows to inf, and 1/(1+inf) is
        # still the right limit 0; silence the warning, not the value.
        return f"{_np(printer, 'reciprocal')}(1 + {_np(printer, 'exp')}(-({x})))"


class relu(Function):  # noqa: N801
    r"""The rectifier :math:`\max(0, x)`.

    Not differentiable at 0; symopt uses the subgradient 0 there, everywhere
    (exact and numeric), so ``relu'(x) = step(x)`` with ``step(0) = 0``.
    """

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_extended_nonnegative:
            return x
        if x.is_extended_nonpositive:
            return S.Zero

    def fdiff(self, argindex=1):
        return step(self.args[0])

    def _eval_rewrite_as_Max(self, x, **kwargs):
        return sympy.Max(0, x)

    def _eval_rewrite_as_Piecewise(self, x, **kwargs):
        return sympy.Piecewise((x, x > 0), (0, True))

    def _eval_evalf(self, prec):
        return sympy.Max(0, self.args[0])._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_nonnegative(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        arg = printer._print(self.args[0])
        base = rf"\operatorname{{relu}}\left({arg}\right)"
        return base if exp is None else rf"{base}^{{{exp}}}"

    def _numpycode(self, printer):
        x = printer._print(self.args[0])
        return f"{_np(printer, 'maximum')}({x}, 0.0)"


class step(Function):  # noqa: N801
    r"""The Heaviside step used by perceptrons: 1 for x > 0, else 0.

    ``step(0) = 0``, the perceptron's convention. Its derivative is 0 away from
    the jump; at 0 it is not differentiable and symopt uses 0.
    """

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_extended_positive:
            return S.One
        if x.is_extended_nonpositive:
            return S.Zero

    def fdiff(self, argindex=1):
        return S.Zero

    def _eval_rewrite_as_Piecewise(self, x, **kwargs):
        return sympy.Piecewise((1, x > 0), (0, True))

    def _eval_rewrite_as_Heaviside(self, x, **kwargs):
        return sympy.Heaviside(x, 0)

    def _eval_evalf(self, prec):
        return sympy.Heaviside(self.args[0], 0)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_nonnegative(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        arg = printer._print(self.args[0])
        base = rf"\operatorname{{step}}\left({arg}\right)"
        return base if exp is None else rf"{base}^{{{exp}}}"

    def _numpycode(self, printer):
        x = printer._print(self.args[0])
        return f"{_np(printer, 'heaviside')}({x}, 0.0)"


class softplus(Function):  # noqa: N801
    r"""The smooth rectifier :math:`\log(1 + e^{x})`, whose derivative is sigmoid."""

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x is S.Zero:
            return sympy.log(2)

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    def _eval_rewrite_as_log(self, x, **kwargs):
        return sympy.log(1 + sympy.exp(x))

    def _eval_evalf(self, prec):
        return self.rewrite(sympy.log)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        arg = printer._print(self.args[0])
        base = rf"\operatorname{{softplus}}\left({arg}\right)"
        return base if exp is None else rf"{base}^{{{exp}}}"

    def _numpycode(self, printer):
        x = printer._print(self.args[0])
        return f"{_np(printer, 'logaddexp')}(0.0, {x})"


#: Activation functions by the names users write.
ACTIVATIONS = {
    "sigmoid": sigmoid,
    "relu": relu,
    "softplus": softplus,
    "step": step,
    "tanh": sympy.tanh,
    "identity": sympy.Lambda(sympy.Symbol("x"), sympy.Symbol("x")),
}
