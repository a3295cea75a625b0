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
    # Render
    "derivative_of": "The derivative of {of} with respect to {wrt}",
    "true": "true",
    "false": "false",
}
