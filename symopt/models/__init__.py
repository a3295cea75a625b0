"""The lecture's models: MLP builder (and, from other areas, more)."""

from .mlp import mlp

__all__ = ["mlp"]
