"""Faults survived: each optional part of the site failing, and what a person sees then."""
