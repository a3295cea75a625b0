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
    # Calculus: differentiation rules and backpropagation
    "diff": "Derivative of {f} with respect to {wrt}",
    "diff_constant": "Constant rule: the derivative of a constant is 0",
    "diff_variable": "Variable rule: d{var}/d{var} = 1",
    "diff_sum": "Sum rule: differentiate term by term",
    "diff_constant_multiple": "Constant multiple rule: the factor {factor} stays",
    "diff_power": "Power rule: bring down the exponent {exponent}, lower it by 1",
    "diff_product": "Product rule: (fg)' = f'g + fg'",
    "diff_quotient": "Quotient rule: (f/g)' = (f'g - fg')/g^2",
    "diff_chain": "Chain rule with the inner function {inner} = {definition}",
    "diff_exp": "Exponential rule: (e^{var})' = e^{var}",
    "diff_exp_base": "Exponential rule for base {base}: (b^x)' = b^x ln b",
    "diff_log": "Logarithm rule: (ln {var})' = 1/{var}",
    "diff_sqrt": "Square root rule: (sqrt {var})' = 1/(2 sqrt {var})",
    "diff_trig": "Trigonometric rule for {function}",
    "diff_tanh": "tanh rule: tanh' = 1 - tanh^2",
    "diff_sigmoid": "Sigmoid rule: sigma' = sigma(1 - sigma)",
    "diff_softplus": "Softplus rule: softplus' = sigma",
    "diff_relu": "ReLU rule: slope 1 for {var} > 0 and 0 for {var} < 0; not differentiable at {var} = {kink}, where the subgradient {used} is used",  # noqa: E501
    "diff_step": "Step rule: slope 0 on both sides; the jump at {var} = {kink} has no derivative, {used} is used",  # noqa: E501
    "diff_abs": "Absolute value rule: slope sign({var}); at {var} = {kink} the subgradient {used} is used",  # noqa: E501
    "diff_max": "Maximum rule: the derivative of whichever argument is largest (ties are kinks)",  # noqa: E501
    "diff_min": "Minimum rule: the derivative of whichever argument is smallest (ties are kinks)",  # noqa: E501
    "diff_function": "Derivative of the unspecified function {function}",
    "diff_sympy": "No step-by-step rule applies: differentiated by SymPy in one step",
    "backprop": "Backpropagation: gradient of {of} with respect to {wrt}",
    "graph_nodes": "The computation graph (forward pass)",
    "graph_node": "node",
    "graph_definition": "definition",
    "graph_value": "value",
    "backprop_seed": "Start of the backward pass: d{of}/d{of} = 1",
    "backprop_edge": "Chain rule along the edge {node} -> {via}",
    "backprop_paths": "{node} feeds {via}: sum of the chain rule over every path",
    "backprop_result": "Gradient with respect to {wrt}",
    "backprop_value": "Value of d{of}/d{wrt} at {point}",
}
