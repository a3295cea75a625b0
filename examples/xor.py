"""XOR: an exact proof that no single perceptron computes it, and two layers that do."""

from symopt import render
from symopt.models import separate, truth_table, xor_network

proof = separate("XOR")
print(render(proof))
print("separable:", proof.separable)
print("certificate:", proof.certificate)
print()

# The same procedure finds weights for AND.
print(render(separate("AND")))
print()

print(render(truth_table(xor_network(), "XOR")))
