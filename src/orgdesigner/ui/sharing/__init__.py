"""Working together on one file in the window: locks, changes on disk, merging and the Conflicts dock."""

from .feature import SharingFeature

__all__ = ["SharingFeature"]
