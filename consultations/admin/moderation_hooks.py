"""Admin registration (filled in by its own module)."""
