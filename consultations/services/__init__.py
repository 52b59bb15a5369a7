"""Actions with side effects: posting, supporting, reporting, moderating, notifying."""
