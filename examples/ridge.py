"""Ridge regression: the penalised and the constrained forms."""

from symopt import render
from symopt.models import ridge

fit = ridge([[1, 0], [0, 1], [1, 1]], [1, 2, 2], lam=1)
print(render(fit))
print("beta =", list(fit.beta), " radius s =", fit.radius)
