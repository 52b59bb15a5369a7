"""Views outside the page tree: posting, supporting, commenting on and reporting ideas."""
