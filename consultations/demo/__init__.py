"""Demo consultations: the pledge's closed consultation and an open one on a policy."""

from .loader import load_demo

__all__ = ["load_demo"]
