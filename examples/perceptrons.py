"""Perceptrons: AND, OR and NAND with the lecture's weights, and the learning rule."""

from symopt import render
from symopt.models import learn, perceptron, truth_table

for gate, weights in {
    "AND": (-1.5, 1, 1),
    "OR": (-0.5, 1, 1),
    "NAND": (1.5, -1, -1),
}.items():
    print(render(truth_table(perceptron(*weights), gate)))
    print()

run = learn("AND", weights=(0, 0, 0), lr=0.1)
print(render(run))
print("learned weights:", run.perceptron.bias, *run.perceptron.weights)
