"""The search app's admin: synonym sets, the search menu and the search terms report."""
