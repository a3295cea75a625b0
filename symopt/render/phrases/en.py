"""English explanations, keyed by rule id. Placeholders name step params."""

PHRASES = {
    # Foundation
    "parse": "How the input was read",
    "input": "Input: {text}",
    "exact_form": "Exact form",
    "latex_form": "LaTeX",
    # symopt parse: the row labels
    "parse_input": "input",
    "parse_exact": "exact",
    "parse_shown": "shown as",
    "parse_latex": "LaTeX",
    "parse_symbols": "symbols",
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
    "descent_gradient_partial": "Partial derivative of {f} with respect to {wrt}",
    "descent_update": "Update with step size {step}",  # noqa: E501
    "descent_update_projected": "Update: a descent step with step size {step}, then the closest point of the feasible set ({kind})",  # noqa: E501
    "descent_update_primal_dual": "Update with step size {step}: down in the variables along {grad_x_L}, up in each multiplier along its constraint, inequality multipliers clipped at 0",  # noqa: E501
    "descent_lagrangian": "Lagrangian",
    "descent_projection_box": "Projection onto the box below: each coordinate clipped to its bounds",  # noqa: E501
    "descent_projection_halfspace": "Projection onto the half-space below: a point outside moves back along the normal",  # noqa: E501
    "descent_projection_ball": "Projection onto the ball below: a point outside moves back to the sphere along the ray from the centre",  # noqa: E501
    "descent_set_box": "a box",
    "descent_set_halfspace": "a half-space",
    "descent_set_ball": "a ball",
    "descent_optimum_solved": "Exact minimizer: the solution of {grad_f_zero} whose Hessian is positive definite",  # noqa: E501
    "descent_optimum_given": "Exact optimum (given)",
    "descent_optimum_kkt": "Exact KKT point and multipliers",
    "descent_no_optimum": "No exact minimizer was found, so no errors are shown",
    "descent_table": "Iterates: in floats, in exact rational arithmetic with the same update, and their distance to the exact optimum",  # noqa: E501
    "descent_table_floats": "Iterates in floats, and their distance to the exact optimum",  # noqa: E501
    "descent_table_moved": "Iterates: in floats, in exact rational arithmetic with the same update, and how far each step moved",  # noqa: E501
    "descent_table_moved_floats": "Iterates in floats, and how far each step moved",  # noqa: E501
    "descent_col_moved": "moved",
    "descent_exact_irrational_listed": "Exact iterates up to step {count}: the next one is not rational, so the table below shows floats only",  # noqa: E501
    "descent_converged_moved": "Converged at step {k}: the last step moved {moved}, less than the tolerance {tol}; with no exact optimum, no distance to it can be given",  # noqa: E501
    "descent_converged_close": "Converged: at step {k} the distance to the optimum is {error}",  # noqa: E501
    "descent_diverged_unexplained": "Diverged by step {k} with step size {lr}",
    "descent_exact_irrational_start": "Exact iterates stop at the start: the first step is not rational, so the table below shows floats only",  # noqa: E501
    "descent_stable_local": "Near the optimum descent converges for positive step sizes {range}, with {L_is} the largest eigenvalue",  # noqa: E501
    "descent_observed_float": "Error ratio per step: predicted {predicted}, observed {observed} in floats",  # noqa: E501
    "descent_predicted": "Error ratio per step: predicted {predicted}; none observed (no step taken, or no error to shrink)",  # noqa: E501
    "descent_col_float": "float",
    "descent_col_exact": "exact",
    "descent_col_error": "error",
    "descent_col_multipliers": "multipliers (from the projection)",
    "descent_col_multiplier_error": "multiplier error",
    "descent_col_float_of": "float {of}",
    "descent_col_exact_of": "exact {of}",
    "descent_col_multipliers_of": "{of} from the projection",
    "descent_exact_cap": "Exact iterates are computed up to step {count} only (the rationals grow with each step); later rows show floats only",  # noqa: E501
    "descent_exact_size": "Exact iterates stop at step {count}: beyond it their numerators and denominators grow too long",  # noqa: E501
    "descent_exact_irrational": "Exact iterates stop at step {count}: the next iterate is not rational",  # noqa: E501
    "descent_hessian_exact": "Hessian (constant, since the objective is quadratic: the theory below is exact)",  # noqa: E501
    "descent_hessian_local": "Hessian at the optimum (the objective is not quadratic: the theory below holds near the optimum)",  # noqa: E501
    "descent_contraction": "Along the Hessian's eigenvalue {h} each step multiplies the error by {factor}",  # noqa: E501
    "descent_stable": "Descent converges exactly for positive step sizes {range}, with {L_is} the largest eigenvalue",  # noqa: E501
    "descent_observed": "Error ratio per step: predicted {predicted}, observed {observed} in floats, {exact} in the exact iterates",  # noqa: E501
    "descent_converged": "Converged at step {k}: the last step moved {moved}, less than the tolerance {tol}; distance to the optimum {error}",  # noqa: E501
    "descent_diverged": "Diverged by step {k}: the step size {lr} is not below {two_over_L} = {bound}",  # noqa: E501
    "descent_boundary": "Does not converge: the step size {lr} is not below {two_over_L} = {bound}",  # noqa: E501
    "descent_not_converged": "Not converged by step {k}",
    "descent_sweep": "Step-size sweep on {f} from {start}",
    "descent_sweep_table": "Each step size: whether it came within {tol} of the exact minimizer, in how many steps, and the predicted error ratio per step",  # noqa: E501
    "descent_sweep_moved": "Each step size: whether its steps became shorter than {tol}, and in how many steps (no exact minimizer, so no ratio is predicted)",  # noqa: E501
    "descent_never": "never",
    "descent_col_lr": "step size",
    "descent_col_status": "outcome",
    "descent_col_steps": "steps",
    "descent_col_rate": "ratio",
    "converged": "converged",
    "diverged": "diverged",
    "max_steps": "not yet",
    # Lecture: perceptrons, XOR, linear collapse, activations, tour
    "truth_table": "Truth table: {gate}",
    "perceptron_formula": "Output 1 when the weighted sum is positive, else 0",
    "network_layers": "Two layers: the hidden units feed the output unit",
    "truth_table_rows": "Every input, its weighted sum and the output",
    "network_rows": "Every input, the hidden units and the output",
    "truth_table_agrees": "The outputs match {gate} on every input",
    "truth_table_differs": "The outputs differ from {gate} on some input",
    "output": "output",
    "condition": "condition",
    "multiplier": "multiplier",
    "separability": "Can one perceptron compute {gate}?",
    "perceptron_conditions": "Weighted sum positive where {gate} is 1, else at most 0",
    "fm_eliminate": "Eliminate {var}: add each lower bound to each upper bound",
    "fm_eliminate_last": "Eliminate {var}: no condition remains, none contradictory",
    "fm_contradiction": "Eliminate {var}: one combination is a contradiction",
    "fm_build_back": "Choose the weights back in order, each inside its bounds",
    "separating_weights": "These weights compute {gate}: its truth table checked",
    "farkas_multipliers": "Farkas certificate: nonnegative multipliers",
    "farkas_sum_strict": "Add the strict conditions with these multipliers",
    "farkas_sum_loose": "Add the other conditions with these multipliers: the same sum",
    "farkas_contradiction": "Positive and at most 0 at once: no perceptron computes it",
    "perceptron_learning": "The perceptron learning rule on {gate}, learning rate {lr}",
    "learning_rule": "Each example moves every weight by rate times error times input",
    "perceptron_update": "Epoch {epoch}, input {x}: target {target}, output {output}",
    "learning_converged": "No update in a whole epoch: converged ({epochs} epochs)",
    "learning_converged[epochs=1]": "No update in a whole epoch: converged (1 epoch)",
    "learning_stopped": "Still updating after {epochs} epochs: stopped",
    "learning_stopped[epochs=1]": "Still updating after 1 epoch: stopped",
    "learned_weights_check": "The learned weights, checked",
    "motivation_min": "Minimize {f} subject to {constraints}: why {grad_f_zero} is not enough",  # noqa: E501
    "motivation_max": "Maximize {f} subject to {constraints}: why {grad_f_zero} is not enough",  # noqa: E501
    "motivation_stationary": "Without the constraint the optimum is where the gradient vanishes",  # noqa: E501
    "motivation_infeasible": "At {point} the constraint {constraint} reads as below, which is false: the point where the gradient vanishes is not feasible",  # noqa: E501
    "motivation_feasible": "{point} satisfies every constraint: the constraints do not change the answer",  # noqa: E501
    "motivation_boundary": "So the optimum lies on the boundary of the feasible set, where the constraint is active, with value {value}; the KKT conditions below derive it, with its multiplier",  # noqa: E501
    "motivation_interior": "The optimum lies inside the feasible set, with value {value}",  # noqa: E501
    # Render
    "derivative_of": "The derivative of {of} with respect to {wrt}",
    "true": "true",
    "false": "false",
    "tour_title": "The lecture, computed: backpropagation to ridge regression",
    "tour_backpropagation": "Backpropagation on one weight",
    "tour_chain_rule": "The chain rule",
    "tour_perceptrons": "Perceptrons: AND, OR, NAND and the learning rule",
    "tour_xor": "XOR: no single perceptron, two layers do",
    "tour_linear_collapse": "Linear layers collapse to one",
    "tour_activations": "Nonlinear activations, and why descent",
    "tour_constrained_minimum": "A constrained minimum",
    "tour_lagrange": "Lagrange multipliers",
    "tour_duality": "Lagrangian duality and Slater's condition",
    "tour_kkt": "KKT conditions",
    "tour_ridge": "Ridge regression",
    "linear_collapse": "{depth} linear layers are one layer",
    "linear_collapse[depth=1]": "One linear layer is already one layer",
    "affine_collapse": "{depth} layers with biases are one layer with a bias",
    "affine_collapse[depth=1]": "One layer with a bias is already one layer with a bias",  # noqa: E501
    "linear_collapse_matrix": "{depth} matrix layers are one layer",
    "linear_collapse_matrix[depth=1]": "One matrix layer is already one layer",
    "linear_layer": "A layer with a linear activation",
    "compose_layers": "Stack {depth} layers and multiply out",
    "compose_layers[depth=1]": "One layer, multiplied out",
    "single_layer": "One layer with these weights does the same",
    "collapse_induction": "Any depth: if {k} layers collapse, so do one more",
    "compose_entry": "Entry {entry}: the stacked layers against one layer",
    "single_layer_matrix": "One layer with these weights does the same",
    "sigmoid_no_closed_form": "A sigmoid network: no closed form, so descent",
    "sigmoid_network": "One hidden sigmoid unit",
    "sigmoid_loss": "Squared loss on the data {data}",
    "sigmoid_gradient": "The gradient (chain rule through the sigmoid)",
    "stationary_equation": "Setting the gradient to zero",
    "solveset_closed": "SymPy solves it in closed form",
    "solveset_timeout": "SymPy's solver found no closed form within {seconds} s",
    "solveset_unsolved": "SymPy's solver finds no closed form (it returns {kind})",
    "descent_instead": "Gradient descent instead, from {start} with step size {lr}",
    "weight": "weight",
    "before": "before",
    "change": "change",
    "after": "after",
    # Calculus: differentiation rules and backpropagation
    "diff": "Derivative of {f} with respect to {wrt}",
    "diff_constant": "Constant rule: the derivative of a constant is 0",
    "diff_variable": "Variable rule: a variable's derivative by itself is 1",
    "diff_sum": "Sum rule: differentiate term by term",
    "diff_constant_multiple": "Constant multiple rule: the factor {factor} stays",
    "diff_power": "Power rule: bring down the exponent {exponent}, lower it by 1",
    "diff_product": "Product rule: {product_rule}",
    "diff_quotient": "Quotient rule: {quotient_rule}",
    "diff_chain": "Chain rule with the inner function {inner} = {definition}",
    "diff_exp": "Exponential rule: {exp_rule}",
    "diff_exp_base": "Exponential rule for base {base}: {exp_base_rule}",
    "diff_log": "Logarithm rule: {log_rule}",
    "diff_sqrt": "Square root rule: {sqrt_rule}",
    "diff_trig": "Trigonometric rule for {function}",
    "diff_tanh": "tanh rule: {tanh_rule}",
    "diff_sigmoid": "Sigmoid rule: {sigmoid_rule}",
    "diff_softplus": "Softplus rule: {softplus_rule}",
    "diff_relu": "ReLU rule: slope 1 for {var} > {kink} and 0 for {var} < {kink}; not differentiable at {var} = {kink}, where the subgradient {used} is used",  # noqa: E501
    "diff_step": "Step rule: slope 0 on both sides; the jump at {var} = {kink} has no derivative, {used} is used",  # noqa: E501
    "diff_abs": "Absolute value rule: slope sign({var}); at {var} = {kink} the subgradient {used} is used",  # noqa: E501
    "diff_max": "Maximum rule: the derivative of whichever argument is largest; at a tie (a kink) each tied argument gets the weight Heaviside(0) = 1/2",  # noqa: E501
    "diff_min": "Minimum rule: the derivative of whichever argument is smallest; at a tie (a kink) each tied argument gets the weight Heaviside(0) = 1/2",  # noqa: E501
    "diff_function": "Derivative of the unspecified function {function}",
    "diff_sympy": "No step-by-step rule applies: differentiated by SymPy in one step",
    "backprop": "Backpropagation: gradient of {of} with respect to {wrt}",
    "graph_nodes": "The computation graph (forward pass)",
    "graph_node": "node",
    "graph_definition": "definition",
    "graph_value": "value",
    "backprop_seed": "Start of the backward pass at the output {of}",
    "backprop_edge": "Chain rule along the edge {node} → {via}",
    "backprop_paths": "{node} feeds {via}: sum of the chain rule over every path",
    "backprop_result": "Gradient with respect to {wrt}",
    "backprop_value": "Value of {quotient} at {point}",
}
PHRASES.update(
    {
        # Optimization (symopt.optimize)
        "opt_none": "none",
        "opt_stop_unique": "The problem is strictly convex, so its minimizer is unique: the remaining {remaining} cases cannot give another KKT point and are skipped",  # noqa: E501
        "opt_stop_unique[remaining=1]": "The problem is strictly convex, so its minimizer is unique: the one remaining case cannot give another KKT point and is skipped",  # noqa: E501
        "opt_reject_family": "Rejected: no {param} meets the remaining conditions",
        "opt_family_condition": "Infinitely many solutions: {param} in {allowed}",
        "opt_timeout": "Could not solve exactly within the time budget of {timeout} s: raise it with --timeout or get a numerical answer with symopt descend",  # noqa: E501
        "opt_kkt": "KKT conditions: {sense} {f}",
        "sense_min": "minimize",
        "sense_max": "maximize",
        "opt_problem_free": "Problem: {sense} {f}, with no constraints",
        "opt_candidate_free": "Candidate {point}",
        "opt_problem": "Problem: {sense} {f} subject to",
        "opt_max_as_min": "Maximizing {f} is solved as minimizing {neg}; multipliers below belong to min {neg}",  # noqa: E501
        "opt_normal_form": "Constraints in normal form {normal_form}",
        "opt_domain": "Strict inequalities restrict the domain (an open set); they do not enter the KKT system",  # noqa: E501
        "opt_lagrangian": "Lagrangian {lagrangian_form}, with {mu_nonnegative}",
        "opt_stationarity": "Stationarity: {stationarity_form}",
        "opt_kkt_conditions": "Primal feasibility, dual feasibility and complementary slackness for each inequality",  # noqa: E501
        "opt_enumerate": "Complementary slackness splits into cases: each of the {m} inequalities is active ({g_i_active}) or has {mu_i_zero}; {cases} cases at most",  # noqa: E501
        "opt_enumerate[m=1]": "Complementary slackness splits into cases: the one inequality is active ({g_i_active}) or has {mu_i_zero}; {cases} cases at most",  # noqa: E501
        "opt_tangency": "Tangency form {tangency_form}: at a critical point the level set of f touches the constraint curve, so the gradients are parallel; {relation}",  # noqa: E501
        "opt_same_sign": "for a maximum (solved as {min_neg_f}) this {lambda} equals the Lagrangian's {lambda}",  # noqa: E501
        "opt_opposite_sign": "for a minimum this {lambda} is minus the Lagrangian's {lambda} ({lagrangian_lambda_h})",  # noqa: E501
        "opt_pruned_count": "Pruned without solving: the {count} cases with {size} or more active inequalities (at most {limit} active constraint gradients can be independent)",  # noqa: E501
        "opt_pruned_count[count=1]": "Pruned without solving: the case with all {size} inequalities active (at most {limit} active constraint gradients can be independent)",  # noqa: E501
        "opt_pruned_count[limit=1]": "Pruned without solving: the {count} cases with {size} or more active inequalities (at most one active constraint gradient can be independent)",  # noqa: E501
        "opt_pruned_count[count=1][limit=1]": "Pruned without solving: the case with both inequalities active (at most one active constraint gradient can be independent)",  # noqa: E501
        "opt_pruned_infeasible": "Case active {case}: pruned, since the constraints {subset} cannot be active together",  # noqa: E501
        "opt_case": "Active inequalities: {case}",
        "opt_case_step": "Case {index}",
        "opt_no_common_point": "The active constraints have no common point: no solution",  # noqa: E501
        "opt_reject_vertex": "The active constraints meet only at {point}, which violates {constraint} ({at} is false): rejected",  # noqa: E501
        "opt_case_system": "Solve stationarity with the active constraints as equations",  # noqa: E501
        "opt_no_solution": "No real solution: no KKT point in this case",
        "opt_candidate": "Candidate {point} with {multipliers}",
        "opt_reject_multiplier": "Rejected: {name} = {value} is negative",
        "opt_reject_infeasible": "Rejected: {point} violates {constraint}, since {at} is false",  # noqa: E501
        "opt_keep": "Kept: {point} satisfies every KKT condition, value {value}",
        "opt_licq_holds": "LICQ holds at {point}: the active constraints' gradients are independent",  # noqa: E501
        "opt_licq_fails": "LICQ fails at {point}: the active gradients are dependent, so KKT points may miss the optimum",  # noqa: E501
        "opt_same_point": "{point} was found already, with other multipliers: where LICQ fails the multipliers need not be unique",  # noqa: E501
        "opt_affine_no_irregular": "Every constraint is affine: the KKT conditions are necessary without any qualification",  # noqa: E501
        "opt_irregular_summary": "Irregular points (active gradients dependent, Fritz John with zero objective multiplier): {count} found",  # noqa: E501
        "opt_irregular_summary[count=1]": "Irregular points (active gradients dependent, Fritz John with zero objective multiplier): one found",  # noqa: E501
        "opt_irregular_rejected": "Irregular point {point} (active {case}) violates {constraint} ({at} is false): rejected",  # noqa: E501
        "opt_irregular_point": "Irregular point {point} (active {case}): feasible, value {value}, no KKT multipliers",  # noqa: E501
        "opt_unbounded": "Unbounded: from {point} along the direction {direction} the problem stays feasible and the objective falls without bound",  # noqa: E501
        "opt_global_test": "Which candidate is optimal: {test}",
        "test_compact": "the feasible set is compact, so extrema exist and are among the candidates; compare values",  # noqa: E501
        "test_convex": "the problem is convex, so every KKT point is a global minimum",
        "test_bordered": "equality constraints only: classify each point by the bordered Hessian (a local test)",  # noqa: E501
        "test_best": "no global test applies: the best candidate is reported, assuming an optimum exists",  # noqa: E501
        "opt_table": "Candidates",
        "col_point": "point",
        "col_value": "value",
        "col_multipliers": "multipliers",
        "col_kind": "kind",
        "kind_min": "minimum",
        "kind_max": "maximum",
        "kind_neither": "neither",
        "kind_local min": "local minimum",
        "kind_local max": "local maximum",
        "kind_kkt": "KKT point, not optimal",
        "kind_inconclusive": "inconclusive",
        "kind_candidate": "candidate",
        "opt_optimum": "Optimum ({sense}): {variables} = {points}, value {value}, multipliers {multipliers}",  # noqa: E501
        "opt_optimum_irregular": "Optimum ({sense}): {variables} = {points}, value {value}; irregular point: no KKT multipliers exist",  # noqa: E501
        "opt_bordered_hessian": "Bordered Hessian at {point}: leading minors {minors}, so {kind}",  # noqa: E501
        "opt_bordered_irregular": "{point} is irregular (no multipliers): the bordered Hessian does not apply",  # noqa: E501
        "opt_infeasible": "Infeasible: no point satisfies the constraints (even {min_norm_x} over them has no candidate)",  # noqa: E501
        "opt_no_kkt_point": "No KKT point found, and no unbounded direction detected",
    }
)
PHRASES.update(
    {
        # Duality and Slater (symopt.optimize.duality)
        "dual_supremum": "q has no maximizer in its domain: {d_star_symbol} = {d_star} is the supremum, approached at the domain's ends (not attained)",  # noqa: E501
        "opt_dual": "Lagrangian dual of {f}",
        "dual_lagrangian": "Lagrangian",
        "dual_linear": "L is linear in {x}: {q_symbol} = {q} where the coefficients of {x} vanish, and -oo elsewhere",  # noqa: E501
        "dual_convex_region": "L is a convex quadratic in {x} only where the leading minors of its Hessian below are positive, for {m} in {region}; elsewhere inf over {x} of L is -∞",  # noqa: E501
        "dual_inner": "Dual function q = inf over {x} of L: L is a convex quadratic in {x}, so set its gradient in {x} to 0",  # noqa: E501
        "dual_minimizer": "The minimizing {x}, as a function of the multipliers",
        "dual_function": "Substitute it into L: the dual function {q_symbol} = {q}",
        "dual_domain": "Domain of q (finite values): {domain}",
        "dual_problem": "Dual problem: maximize {q_symbol} = {q} over the domain",
        "dual_problem_signs": "Dual problem: maximize {q_symbol} = {q} over the domain, by its own KKT conditions below: the multipliers {inner} belong to its constraints {signs} (new letters, since the primal's multipliers are now the variables)",  # noqa: E501
        "dual_problem_signs[count=1]": "Dual problem: maximize {q_symbol} = {q} over the domain, by its own KKT conditions below: the multiplier {inner} belongs to its constraint {signs} (a new letter, since the primal's multiplier is now the variable)",  # noqa: E501
        "dual_optimum": "Dual optimum {d_star_symbol} = {d_star} at {multipliers}",
        "dual_gap": "Duality gap {gap_form} with {p_star_symbol} = {p_star}, {d_star_symbol} = {d_star}: {verdict}",  # noqa: E501  # noqa: E501
        "dual_no_gap": "no gap (strong duality)",
        "dual_positive_gap": "a positive gap: weak duality only",
        "dual_gap_infinite": "{p_star_symbol} = {p_star}, {d_star_symbol} = {d_star}: the gap is not finite",  # noqa: E501
        "slater_convexity": "Convexity: f convex {f_convex}, every {g_i} convex {g_convex}, every {h_j} affine {h_affine}",  # noqa: E501
        "yes_true": "yes",
        "yes_false": "no",
        "yes_none": "unknown",
        "slater_point": "Strictly feasible point {point}: every {g_i_negative}",
        "slater_no_point": "No strictly feasible point exists: some {g_i} cannot be negative on the feasible set",  # noqa: E501
        "slater_unknown_point": "No strictly feasible point was found",
        "slater_verdict": "Slater's condition: {verdict}",
        "slater_true": "holds, so strong duality holds and the KKT conditions are necessary",  # noqa: E501
        "slater_false": "does not hold",
        "slater_none": "undecided",
    }
)
PHRASES.update(
    {
        # Ridge regression (symopt.models.ridge)
        "ridge": "Ridge regression on {n} observations with {k} coefficients",
        "ridge[n=1]": "Ridge regression on 1 observation with {k} coefficients",
        "ridge[k=1]": "Ridge regression on {n} observations with 1 coefficient",
        "ridge[n=1][k=1]": "Ridge regression on 1 observation with 1 coefficient",
        "ridge_penalized": "Penalized form: minimize the sum of squared errors plus {ridge_penalty}",  # noqa: E501
        "ridge_normal_equations": "Setting the gradient to zero gives the normal equations {ridge_normal_equations}",  # noqa: E501
        "ridge_cramer": "Cramer's rule for {beta}",
        "ridge_radius": "The matching radius {ridge_radius_form}",
        "ridge_kkt_link": "Constrained form {ridge_ball} with multiplier {mu}: its stationarity is the penalized form's with {lambda_is_mu}, and {mu_positive} forces {ridge_on_sphere}",  # noqa: E501
        "ridge_inactive": "{s_symbol} = {s} is at least the least-squares radius {ols}: the constraint is inactive, {lambda_zero}",  # noqa: E501
        "ridge_lambda_for_s": "Solve {s_of_lambda} = {s} for {lambda_positive}: {lambda} = {lam}",  # noqa: E501
        "ridge_at_lambda": "At {lambda} = {lam}: {beta} = ({beta_values}) and the radius",  # noqa: E501
    }
)
