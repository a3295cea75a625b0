"""Exact real solutions of small systems, and exact sign decisions.

Polynomial systems go through a lex Groebner basis and back substitution;
univariate factors of degree 3 or more become ``CRootOf`` real roots unless
their radical form is short, so no root is ever approximated. Signs of
algebraic numbers are decided exactly (a minimal polynomial proves zero,
then a high-precision value gives the sign of a number known to be nonzero).

>>> from symopt.parsing import symbols
>>> x, y = symbols("x y")
>>> real_solutions([x**2 + y**2 - 1, x - y], (x, y))
[{x: -sqrt(2)/2, y: -sqrt(2)/2}, {x: sqrt(2)/2, y: sqrt(2)/2}]
>>> sign(sqrt2 - 1)
1
"""

import sympy
from sympy import CRootOf, Poly

from ..parsing import exact

__all__ = ["real_solutions", "sign", "is_real", "Family"]

sqrt2 = sympy.sqrt(2)
# Radical forms of cubic and quartic roots longer than this are unreadable:
# the root is kept as CRootOf instead.
_READABLE_OPS = 40
_DIGITS = 60


class Family(dict):
    """A solution with free parameters (infinitely many points)."""


def sign(expr):
    """-1, 0 or 1 for an exact real number; None where it cannot be decided."""
    if not isinstance(expr, sympy.Basic):
        expr = sympy.Integer(expr) if isinstance(expr, int) else exact(expr)
    if expr.is_Number:
        return 1 if expr.is_positive else -1 if expr.is_negative else 0
    if expr.has(CRootOf) and not expr.free_symbols:
        # SymPy's own assumptions on root objects go through minimal
        # polynomials, which is slow: reduce modulo the root's polynomial.
        fast = _sign_in_root(expr)
        if fast is not None:
            return fast
    if expr.is_zero:
        return 0
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    if expr.free_symbols:
        return None
    if _is_algebraic(expr):
        try:
            z = sympy.Dummy("z")
            if sympy.minimal_polynomial(expr, z) == z:
                return 0
            value = _value(expr)
            return None if value is None else (1 if value > 0 else -1)
        except (NotImplementedError, ValueError, TypeError):
            pass
    value = _value(expr)
    if value is None:
        return None
    if abs(value) < sympy.Float(10) ** -(_DIGITS - 10):
        return 0 if sympy.simplify(expr) == 0 else None
    return 1 if value > 0 else -1


def _sign_in_root(expr):
    """The sign of a rational function of one real CRootOf, by exact reduction.

    The root's polynomial is irreducible, so a numerator that does not reduce
    to zero modulo it cannot vanish at the root; the sign is then read from a
    high-precision value.
    """
    roots = expr.atoms(CRootOf)
    if len(roots) != 1:
        return None
    (root,) = roots
    z = sympy.Dummy("z")
    plain = expr.xreplace({root: z})
    if not plain.is_rational_function(z) or plain.free_symbols != {z}:
        return None
    num, den = sympy.fraction(sympy.together(plain))
    minpoly = Poly(root.poly.as_expr(), root.poly.gen).as_expr().subs(root.poly.gen, z)
    if not Poly(minpoly, z).is_irreducible:
        return None
    if sympy.rem(sympy.expand(num), minpoly, z) == 0:
        return 0
    value = _value(expr)
    return None if value is None else (1 if value > 0 else -1)


def is_real(expr):
    """True, False, or None (undecided; never treated as False)."""
    if expr.is_real is not None:
        return expr.is_real
    if expr.free_symbols:
        return None
    try:
        value = sympy.N(expr, _DIGITS)
    except (TypeError, ValueError):
        return None
    re, im = value.as_real_imag()
    if im == 0:
        return True
    if im.is_Number and abs(im) > sympy.Float(10) ** -(_DIGITS - 10):
        return False
    return None


def _value(expr):
    try:
        value = sympy.N(expr, _DIGITS)
    except (TypeError, ValueError):
        return None
    re, im = value.as_real_imag()
    return re if re.is_Number else None


def _is_algebraic(expr):
    for atom in expr.atoms(sympy.Function, sympy.Pow):
        if isinstance(atom, CRootOf):
            continue
        if isinstance(atom, sympy.Pow) and atom.exp.is_Rational:
            continue
        if isinstance(atom, sympy.Function):
            return False
        return False
    return not expr.has(sympy.pi, sympy.E)


# Solving.


def real_solutions(equations, unknowns):
    """Every real solution of ``equations = 0``, exactly, as dicts.

    Infinitely many solutions come back as :class:`Family` dicts whose values
    contain the free unknowns. Raises ``NotImplementedError`` for systems
    symopt cannot solve exactly.
    """
    unknowns = tuple(unknowns)
    polys = _as_polys(equations, unknowns)
    if polys is not None and all(p.total_degree() <= 1 for p in polys):
        return _linear_polys(polys, unknowns)
    originals = [sympy.expand(e) for e in equations]
    equations, denominators = _numerators(equations)
    if any(e.is_number and e != 0 for e in equations):
        return []
    equations = [e for e in equations if e != 0]
    if not equations:
        return [Family({u: u for u in unknowns})] if unknowns else [{}]
    if _polynomial(equations, unknowns):
        polys = [Poly(e, *unknowns) for e in equations]
        if all(p.total_degree() <= 1 for p in polys):
            solutions = _linear(equations, unknowns)
        else:
            solutions = _polynomial_system(equations, unknowns)
    else:
        solutions = _general(originals, unknowns)
    return [s for s in solutions if _defined(s, denominators)]


def _as_polys(equations, unknowns):
    """Polynomials over QQ in the unknowns, or None (the fast path's test)."""
    polys = []
    for e in equations:
        try:
            p = Poly(e, *unknowns, domain="QQ")
        except (sympy.PolynomialError, sympy.polys.polyerrors.CoercionFailed):
            return None
        if not p.is_zero:
            polys.append(p)
    return polys


def _linear_polys(polys, unknowns):
    """A linear system over QQ, by exact row reduction."""
    from sympy.polys.matrices import DomainMatrix

    n = len(unknowns)
    QQ = sympy.QQ
    rows = []
    for p in polys:
        row = [QQ.zero] * (n + 1)
        for monom, coeff in p.rep.to_dict().items():
            if any(monom):
                row[monom.index(1)] = coeff
            else:
                row[n] = -coeff
        rows.append(row)
    if not rows:
        return [Family({u: u for u in unknowns})]
    M = DomainMatrix(rows, (len(rows), n + 1), QQ)
    rref, pivots = M.rref()
    if n in pivots:
        return []
    rref = rref.to_Matrix()
    solution = {u: u for u in unknowns}
    for r, col in enumerate(pivots):
        value = rref[r, n] - sum(
            (rref[r, k] * unknowns[k] for k in range(n) if k not in pivots),
            sympy.Integer(0),
        )
        solution[unknowns[col]] = value
    ordered = {u: solution[u] for u in unknowns}
    return [Family(ordered)] if len(pivots) < n else [ordered]


def _numerators(equations):
    numerators, denominators = [], []
    for e in equations:
        num, den = sympy.fraction(sympy.together(sympy.expand(e)))
        numerators.append(sympy.expand(num))
        if not den.is_number:
            denominators.append(den)
    return numerators, denominators


def _defined(solution, denominators):
    return all(sign(d.subs(solution)) != 0 for d in denominators)


def _polynomial(equations, unknowns):
    return all(e.is_polynomial(*unknowns) for e in equations) and not any(
        e.free_symbols - set(unknowns) for e in equations
    )


def _linear(equations, unknowns):
    result = sympy.linsolve(equations, list(unknowns))
    if result == sympy.S.EmptySet:
        return []
    (values,) = tuple(result)
    solution = dict(zip(unknowns, values))
    free = set().union(*(v.free_symbols for v in values)) & set(unknowns)
    return [Family(solution)] if free else [solution]


def _polynomial_system(equations, unknowns):
    basis = sympy.groebner(equations, *unknowns, order="lex")
    if basis.exprs == [1]:
        return []
    if not basis.is_zero_dimensional:
        return _general(equations, unknowns)
    polys = list(basis.exprs)
    partial = [{}]
    for var in reversed(unknowns):
        extended = []
        for sol in partial:
            here = [sympy.expand(p.subs(sol)) for p in polys]
            here = [p for p in here if p.free_symbols == {var}]
            values = _univariate_roots(here, var)
            if values is None:
                return _general(equations, unknowns)
            extended += [{**sol, var: v} for v in values]
        partial = extended
    ordered = [{u: s[u] for u in unknowns} for s in partial]
    return [s for s in ordered if _holds(equations, s)]


def _univariate_roots(polys, var):
    """Real roots common to univariate polynomials; None if not exact-able."""
    if not polys:
        return None
    linear = [p for p in polys if sympy.degree(p, var) == 1]
    if linear:
        a, b = Poly(linear[0], var).all_coeffs()
        root = sympy.radsimp(-b / a)
        return [root] if all(_is_zero(p.subs(var, root)) for p in polys) else []
    rational = all(
        Poly(p, var).domain.is_QQ or Poly(p, var).domain.is_ZZ for p in polys
    )
    if rational:
        common = polys[0]
        for p in polys[1:]:
            common = sympy.gcd(common, p)
        return _rational_roots(Poly(common, var))
    # Algebraic coefficients: radicals only where SymPy finds every root.
    found = sympy.roots(Poly(polys[0], var), cubics=False, quartics=False)
    if sum(found.values()) != sympy.degree(polys[0], var):
        return None
    return [
        r
        for r in found
        if is_real(r) is not False and all(_is_zero(p.subs(var, r)) for p in polys)
    ]


def _rational_roots(poly):
    roots = []
    for factor, _ in poly.factor_list()[1]:
        if factor.degree() <= 2:
            roots += [r for r in sympy.roots(factor, multiple=True) if r.is_real]
            continue
        if factor.degree() <= 4:
            radical = sympy.roots(factor, multiple=True)
            if len(radical) == factor.degree() and all(
                sympy.count_ops(r) <= _READABLE_OPS and not r.has(sympy.I)
                for r in radical
            ):
                roots += [r for r in radical if is_real(r) is not False]
                continue
        roots += factor.real_roots()
    return sorted(set(roots), key=lambda r: sympy.N(r, 30))


def _is_zero(expr):
    return sign(sympy.expand(expr)) == 0


def _holds(equations, solution):
    return all(_is_zero(e.subs(solution)) for e in equations)


def _general(equations, unknowns):
    reduced = _eliminate(equations, unknowns)
    if reduced is not None:
        return reduced
    return _sympy_solve(equations, unknowns)


def _eliminate(equations, unknowns):
    """Eliminate unknowns that some equation gives linearly (multipliers,
    mostly), drop factors that never vanish (``exp``), and solve what is left
    as a polynomial system; None if that does not lead to polynomials."""
    equations = list(equations)
    solved = {}
    for u in reversed(unknowns):
        for e in equations:
            if not e.has(u) or not e.is_polynomial(u) or sympy.degree(e, u) != 1:
                continue
            a = e.coeff(u, 1)
            rest_of_a = _nonvanishing_removed(a)
            if not rest_of_a.is_number or rest_of_a == 0:
                continue
            value = sympy.expand(-(e - a * u) / a)
            solved = {k: v.subs(u, value) for k, v in solved.items()}
            solved[u] = value
            equations = [
                sympy.expand(q.subs(u, value)) for q in equations if q is not e
            ]
            break
    if not solved:
        return None
    rest = [u for u in unknowns if u not in solved]
    cleaned = [_nonvanishing_removed(e) for e in equations]
    if any(not e.is_polynomial(*rest) or e.free_symbols - set(rest) for e in cleaned):
        return None
    found = real_solutions(cleaned, rest) if rest else ([{}] if not cleaned else [])
    result = []
    for sol in found:
        full = {u: sol[u] if u in sol else solved[u].subs(sol) for u in unknowns}
        full = {u: sympy.simplify(v) for u, v in full.items()}
        result.append(Family(full) if isinstance(sol, Family) else full)
    return result


def _nonvanishing_removed(expr):
    factors = sympy.Mul.make_args(sympy.factor(expr))
    kept = [f for f in factors if not (isinstance(f, sympy.exp) or f.is_positive)]
    return sympy.expand(sympy.Mul(*kept))


def _sympy_solve(equations, unknowns):
    try:
        found = sympy.solve(equations, list(unknowns), dict=True)
    except NotImplementedError as error:
        raise NotImplementedError(f"cannot solve the system exactly: {error}") from None
    solutions = []
    for sol in found:
        values = [sympy.simplify(sol.get(u, u)) for u in unknowns]
        if any(is_real(v) is False for v in values if not v.free_symbols):
            continue
        solution = dict(zip(unknowns, values))
        free = set().union(*(v.free_symbols for v in values)) & set(unknowns)
        solutions.append(Family(solution) if free else solution)
    return solutions
