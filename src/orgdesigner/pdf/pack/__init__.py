"""The consultation pack: the facts it prints, each section's tables and the document around them."""
