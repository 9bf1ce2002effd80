"""Mouse gestures on the canvas: one class per gesture, all of one shape (`Gesture`), chosen by
`gesture_for_press`, working on the scene only through the `Canvas` protocol."""

from .base import Canvas, Gesture
from .factory import gesture_for_press

__all__ = ["Canvas", "Gesture", "gesture_for_press"]
