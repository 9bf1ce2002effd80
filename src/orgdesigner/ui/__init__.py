"""The Qt layer: window, canvas, docks, commands. Nothing outside this package imports Qt."""
