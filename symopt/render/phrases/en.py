"""English explanations, keyed by rule id. Placeholders name step params."""

PHRASES = {
    # Foundation
    "parse": "How the input was read",
    "input": "Input: {text}",
    "exact_form": "Exact form",
    "latex_form": "LaTeX",
    "definition": "Definition of {name}",
    "substitute": "Substitute {point}",
    "simplify": "Simplify",
    "result": "Result",
    "check": "Check",
    "chain_rule": "Chain rule: {of} depends on {wrt} through {via}",
    # Numerics: descent
    "descent_gd": "Gradient descent on {f} with step size {lr} from {start}",
    "descent_projected": "Projected gradient descent on {f} with step size {lr} from {start}",  # noqa: E501
    "descent_primal_dual": "Primal-dual gradient descent-ascent on the Lagrangian of {f} with step size {lr} from {start}",  # noqa: E501
    "descent_gradient": "Gradient with respect to {wrt}",
    "descent_update": "Update with step size {lr}: x_(k+1) = x_k - {lr} grad f(x_k)",
    "descent_update_projected": "Update: a descent step with step size {lr}, then the closest point of the feasible set ({kind})",  # noqa: E501
    "descent_update_primal_dual": "Update with step size {lr}: descend in the variables along grad_x L, ascend in the multipliers along the constraints, and clip inequality multipliers at 0",  # noqa: E501
    "descent_lagrangian": "Lagrangian",
    "descent_projection_box": "Projection onto the box: clip each coordinate to its bounds",  # noqa: E501
    "descent_projection_halfspace": "Projection onto the half-space: x - max(0, a.x - b) a / |a|^2",  # noqa: E501
    "descent_projection_ball": "Projection onto the ball: pull x back to the sphere along the ray from the centre",  # noqa: E501
    "descent_optimum_solved": "Exact minimizer: the solution of grad f = 0 whose Hessian is positive definite",  # noqa: E501
    "descent_optimum_given": "Exact optimum (given)",
    "descent_optimum_kkt": "Exact KKT point and multipliers",
    "descent_no_optimum": "No exact minimizer was found, so no errors are shown",
    "descent_table": "Iterates: in floats, in exact rational arithmetic with the same update, and their distance to the exact optimum",  # noqa: E501
    "descent_col_float": "float",
    "descent_col_exact": "exact",
    "descent_col_error": "error",
    "descent_exact_cap": "Exact iterates are computed for the first {count} steps only (the rationals grow with each step); later rows show floats only",  # noqa: E501
    "descent_exact_size": "Exact iterates stop after {count} steps: their numerators and denominators grew too long",  # noqa: E501
    "descent_exact_irrational": "Exact iterates stop after {count} steps: the next iterate is not rational",  # noqa: E501
    "descent_hessian_exact": "Hessian (constant, since the objective is quadratic: the theory below is exact)",  # noqa: E501
    "descent_hessian_local": "Hessian at the optimum (the objective is not quadratic: the theory below holds near the optimum)",  # noqa: E501
    "descent_contraction": "Along the Hessian's eigenvalue {h} each step multiplies the error by |1 - lr h|",  # noqa: E501
    "descent_stable": "Descent converges exactly for step sizes 0 < lr < 2/L, with L = {L} the largest eigenvalue",  # noqa: E501
    "descent_observed": "Error ratio per step: predicted {predicted}, observed {observed} in floats, {exact} in the exact iterates",  # noqa: E501
    "descent_converged": "Converged after {k} steps; final distance to the optimum {error}",  # noqa: E501
    "descent_diverged": "Diverged after {k} steps: the step size {lr} is not below 2/L = {bound}",  # noqa: E501
    "descent_boundary": "Does not converge: the step size {lr} is not below 2/L = {bound}",  # noqa: E501
    "descent_not_converged": "Not converged within {k} steps",
    "descent_sweep": "Step-size sweep on {f} from {start}",
    "descent_sweep_table": "Each step size: whether it converged, in how many steps, the predicted error ratio per step",  # noqa: E501
    "descent_col_lr": "step size",
    "descent_col_status": "outcome",
    "descent_col_steps": "steps",
    "descent_col_rate": "ratio",
    "converged": "converged",
    "diverged": "diverged",
    "max_steps": "not yet",
}
