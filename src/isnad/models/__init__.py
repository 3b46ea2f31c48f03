"""Trained artefacts with their model cards, and the small code that loads and runs them."""
