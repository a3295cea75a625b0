"""Exact linear feasibility: Fourier-Motzkin elimination with certificates.

A system of homogeneous linear conditions ``a . w > 0`` / ``a . w >= 0`` either
has a solution ``w`` or a Farkas (Motzkin) certificate: nonnegative
multipliers ``y`` with ``y^T A = 0`` that put positive weight on a strict
condition, so the combination reads ``0 > 0``. Elimination carries, for every
derived condition, the multipliers that produced it from the originals; the
certificate is read off the contradiction, and a solution is built back
variable by variable. All arithmetic is exact (SymPy rationals).

>>> from sympy import Integer
>>> one = Integer(1)
>>> rows = [((-one,), False), ((one,), True)]   # -w >= 0 and w > 0
>>> outcome = eliminate(rows, 1)
>>> outcome.certificate
(1, 1)
"""

from dataclasses import dataclass

import sympy
from sympy import Add, Integer, Mul, Rational, ceiling, floor

from ..derivation import Table
from ..errors import SolveError

__all__ = ["Condition", "Outcome", "Separability", "eliminate", "separate"]

# Fourier-Motzkin can square the number of conditions per eliminated
# variable; past this many the exact route is refused rather than hung.
MAX_CONDITIONS = 4000


@dataclass(frozen=True)
class Condition:
    """``coeffs . w > 0`` (strict) or ``>= 0``, and how it was combined.

    ``combo[i]`` is the nonnegative multiplier of original condition ``i``.
    """

    coeffs: tuple
    strict: bool
    combo: tuple


@dataclass(frozen=True)
class Outcome:
    """Either a solution ``point`` or a ``certificate``; ``stages`` records the
    conditions left after each elimination, for display."""

    point: tuple | None
    certificate: tuple | None
    stages: tuple


def eliminate(rows, nvars):
    """Decide ``{a . w > 0 or >= 0}`` exactly; rows are ``(coeffs, strict)``."""
    m = len(rows)
    conditions = [
        Condition(
            tuple(Rational(c) for c in coeffs),
            bool(strict),
            tuple(Integer(int(i == j)) for j in range(m)),
        )
        for i, (coeffs, strict) in enumerate(rows)
    ]
    stages = [tuple(conditions)]
    # Eliminate the last variable first, so that w0 (the bias) is chosen first
    # when a solution is built back.
    for var in reversed(range(nvars)):
        conditions = _eliminate_one(conditions, var)
        stages.append(tuple(conditions))
        for condition in conditions:
            if condition.strict and not any(condition.coeffs):
                return Outcome(None, condition.combo, tuple(stages))
    point = _build_back(stages, nvars)
    return Outcome(point, None, tuple(stages))


def _eliminate_one(conditions, var):
    lower = [c for c in conditions if c.coeffs[var] > 0]
    upper = [c for c in conditions if c.coeffs[var] < 0]
    kept = [c for c in conditions if c.coeffs[var] == 0]
    if len(kept) + len(lower) * len(upper) > MAX_CONDITIONS:
        raise SolveError(
            f"separability: eliminating w{var} would produce more than "
            f"{MAX_CONDITIONS} conditions; use fewer inputs"
        )
    for low in lower:
        for up in upper:
            a, b = -up.coeffs[var], low.coeffs[var]
            kept.append(
                Condition(
                    tuple(a * p + b * q for p, q in zip(low.coeffs, up.coeffs)),
                    low.strict or up.strict,
                    tuple(a * p + b * q for p, q in zip(low.combo, up.combo)),
                )
            )
    return _unique(kept)


def _unique(conditions):
    # The same condition up to a positive factor adds nothing; keep the first
    # (its combination is as valid as any other).
    seen, out = set(), []
    for c in conditions:
        scale = next((abs(x) for x in c.coeffs if x != 0), Integer(1))
        key = (tuple(x / scale for x in c.coeffs), c.strict)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _build_back(stages, nvars):
    values = [Integer(0)] * nvars
    # stages[k] still holds variables 0 .. nvars-1-k; the variable eliminated
    # from it is nvars-1-k, whose bounds come from that stage's conditions.
    for var in range(nvars):
        stage = stages[nvars - 1 - var]
        low, low_strict, up, up_strict = None, False, None, False
        for c in stage:
            coeff = c.coeffs[var]
            if coeff == 0:
                continue
            rest = sum(c.coeffs[j] * values[j] for j in range(var))
            bound = -rest / coeff
            if coeff > 0 and (low is None or bound > low or bound == low and c.strict):
                low, low_strict = bound, c.strict
            if coeff < 0 and (up is None or bound < up or bound == up and c.strict):
                up, up_strict = bound, c.strict
        values[var] = _pick(low, low_strict, up, up_strict)
    return tuple(values)


def _pick(low, low_strict, up, up_strict):
    """A simple number inside the bounds: an integer when one fits."""

    def fits(v):
        above = low is None or v > low or (v == low and not low_strict)
        below = up is None or v < up or (v == up and not up_strict)
        return above and below

    if up is None and low is None:
        candidates = [0]
    elif up is None:
        candidates = [0, floor(low), floor(low) + 1]
    elif low is None:
        candidates = [0, ceiling(up), ceiling(up) - 1]
    else:
        middle = (low + up) / 2
        candidates = [0, floor(middle), ceiling(middle), low, up, middle]
    for v in candidates:
        if fits(v):
            return Rational(v)
    raise SolveError("separability: the projected conditions are inconsistent")


# The question for perceptrons: can one compute this gate?


@dataclass(frozen=True)
class Separability:
    """Whether one perceptron computes ``gate``, with the proof either way.

    ``perceptron`` holds weights that work (checked by the truth table) when
    ``separable``; otherwise ``certificate`` maps each condition to its
    nonnegative multiplier, and the weighted sum of the conditions reads
    ``0 > 0``.
    """

    gate: str
    separable: bool
    perceptron: object
    certificate: dict | None
    derivation: object

    def to_data(self, *, lang="en", numbers="auto"):
        from ..render.json import exact_str, steps_data

        data = {"gate": self.gate, "separable": self.separable}
        if self.separable:
            p = self.perceptron
            data["weights"] = [exact_str(w) for w in (p.bias, *p.weights)]
        else:
            data["certificate"] = {
                exact_str(k): exact_str(v) for k, v in self.certificate.items()
            }
        data["steps"] = steps_data(self.derivation, lang=lang, numbers=numbers)
        return data


def separate(gate, *, inputs=2):
    """Decide exactly whether one step perceptron computes ``gate``.

    Writes the conditions on ``w0 .. wn`` the truth table imposes, eliminates
    the weights one by one (Fourier-Motzkin), and returns either separating
    weights or a Farkas certificate of impossibility.

    >>> separate("XOR").separable
    False
    >>> sorted(separate("XOR").certificate.values())
    [1, 1, 1, 1]
    >>> separate("AND").perceptron(1, 1)
    1
    """
    from ..derivation import Derivation
    from .perceptron import _gate_name, conditions, perceptron, truth_table

    name = _gate_name(gate)
    rows = conditions(name, inputs)
    w = weight_symbols_for(inputs)
    relations = [_relation(net, target) for _, target, net in rows]
    d = Derivation("separability", params={"gate": name})
    d.add("perceptron_conditions", relations=tuple(relations), gate=name)

    # Each condition as a . w > 0 (target 1) or a . w >= 0 (target 0: -net).
    system = []
    for _, target, net in rows:
        sign = 1 if target else -1
        coeffs = tuple(sign * net.coeff(v) for v in w)
        system.append((coeffs, bool(target)))
    outcome = eliminate(system, len(w))
    for k, stage in enumerate(outcome.stages[1:], 1):
        shown = tuple(_show(c, w) for c in stage if any(c.coeffs))
        rule = "fm_eliminate" if shown else "fm_eliminate_last"
        if any(c.strict and not any(c.coeffs) for c in stage):
            rule = "fm_contradiction"
        d.add(rule, relations=shown, var=w[len(w) - k])
        if outcome.certificate is not None and k == len(outcome.stages) - 1:
            break

    if outcome.certificate is None:
        unit = perceptron(*outcome.point)
        d.add(
            "fm_build_back",
            relations=tuple(sympy.Eq(v, x) for v, x in zip(w, outcome.point)),
        )
        check = truth_table(unit, name)
        d.add("separating_weights", sub=(check.derivation,), gate=name)
        if not check.ok:  # pragma: no cover - the elimination guarantees it
            raise SolveError(f"separability: weights found for {name} do not work")
        return Separability(name, True, unit, None, d)

    certificate = _farkas_steps(d, rows, relations, outcome.certificate)
    return Separability(name, False, None, certificate, d)


def weight_symbols_for(n):
    from .perceptron import weight_symbols

    return weight_symbols(n)


def _relation(net, target):
    return sympy.Gt(net, 0) if target else sympy.Le(net, 0)


def _show(condition, w):
    form = sum(c * v for c, v in zip(condition.coeffs, w))
    return sympy.Gt(form, 0) if condition.strict else sympy.Ge(form, 0)


def _farkas_steps(d, rows, relations, y):
    """Show and check the certificate: strict conditions summed against the
    others give one linear form both > 0 and <= 0."""
    used = [(rel, yi, net, t) for rel, yi, (_, t, net) in zip(relations, y, rows)]
    used = [u for u in used if u[1] != 0]
    certificate = {rel: yi for rel, yi, _, _ in used}

    # The certificate itself, checked exactly: nonnegative, cancels every
    # weight, and puts weight on a strict condition.
    total = sum(yi * (net if t else -net) for _, yi, net, t in used)
    if any(yi < 0 for yi in y) or sympy.expand(total) != 0:
        raise SolveError("separability: the Farkas certificate does not check")
    if not any(t for *_, t in used):
        raise SolveError("separability: the certificate has no strict condition")
    d.add(
        "farkas_multipliers",
        table=Table(("condition", "multiplier"), list(certificate.items())),
    )

    strict = [(yi, net) for _, yi, net, t in used if t]
    loose = [(yi, net) for _, yi, net, t in used if not t]
    form = sympy.expand(sum(yi * net for yi, net in strict))
    d.add(
        "farkas_sum_strict",
        _weighted_sum(strict),
        form,
        relations=(sympy.Gt(form, 0),),
    )
    if loose:
        d.add(
            "farkas_sum_loose",
            _weighted_sum(loose),
            form,
            relations=(sympy.Le(form, 0),),
        )
    zero = sympy.Integer(0)
    d.add(
        "farkas_contradiction",
        sympy.Add(form, sympy.Mul(-1, form, evaluate=False), evaluate=False),
        zero,
        relations=(sympy.Gt(zero, zero, evaluate=False),),
    )
    return certificate


def _weighted_sum(terms):
    parts = [net if yi == 1 else Mul(yi, net, evaluate=False) for yi, net in terms]
    return parts[0] if len(parts) == 1 else Add(*parts, evaluate=False)
