"""The compare view: the structure shown against another scenario or file, live as either is edited."""

from .controller import CompareFeature

__all__ = ["CompareFeature"]
