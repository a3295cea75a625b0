"""The lecture's models: perceptrons, linear collapse, activations, MLPs, ridge."""

from .activations import sigmoid_no_closed_form
from .linear import collapse
from .mlp import mlp
from .perceptron import gate_perceptron, perceptron, truth_table, xor_network
from .perceptron_learning import learn
from .ridge import RidgeResult, ridge
from .separability import separate

__all__ = [
    "RidgeResult",
    "collapse",
    "gate_perceptron",
    "learn",
    "mlp",
    "perceptron",
    "ridge",
    "separate",
    "sigmoid_no_closed_form",
    "truth_table",
    "xor_network",
]
