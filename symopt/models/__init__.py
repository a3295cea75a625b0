"""The lecture's models: ridge regression (more models join here)."""

from .ridge import RidgeResult, ridge

__all__ = [
    "RidgeResult",
    "ridge",
]
