"""Folding branches away and showing one branch on its own: a view setting, never an edit."""
