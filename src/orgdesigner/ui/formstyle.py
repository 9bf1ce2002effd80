"""Qt style sheets shared by the forms in the docks, so a bad entry looks the same everywhere."""

INVALID_STYLE = "border: 1.5px solid #c62828; background: #fff3f3;"
"""A field whose text cannot be applied: a red border on a pale red fill."""
