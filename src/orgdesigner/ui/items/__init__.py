"""Canvas items, one module per kind."""
