"""The window's docks, one module each."""
