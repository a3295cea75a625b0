"""The lecture's models, each in its own module."""

from .ridge import RidgeResult, ridge  # noqa: F401
